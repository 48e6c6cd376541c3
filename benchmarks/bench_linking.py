"""Linking cost as the store grows: milliseconds per saved article at 1,000,
10,000 and 50,000 articles in one SQLite store.

The articles are generated from the analyses of the bundled examples and the
reference article (analysed once): each keeps a base article's records, and
its text is a made-up story (two names and a few invented words shared by its
1-5 reports, also as entities, with one or two of the 40 most named entities
of the base articles, named once, the commonest most often) followed by 120 words drawn from the 20,000
commonest English words by their frequency (``wordfreq``), so unrelated
articles share common words, as news does, but not a story (the base records'
spans no longer point at their words: the store does not read them when
linking); it gets a publication date from a feed of 40 articles a day (its
story's reports within three days) and a unique id. Saving one
runs everything a real save does: records, entities, event clusters, threads,
claim groups and the story. The cost is the mean over the last 500 saves
before each size, so it shows whether a save slows down as the store grows.

    python benchmarks/bench_linking.py [--sizes 1000,10000,50000]

Not a test: nothing is asserted.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import resource
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import base_articles

PER_DAY = 40
_SYLLABLES = ["ka", "zu", "mor", "vel", "tri", "on", "sa", "bek", "lo", "rin", "du", "fa", "nem"]


def _word(rng: random.Random, n: int = 3) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(n))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000,50000")
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))

    from newsevents import Entity, analyze
    from newsevents.nlp import load_nlp
    from newsevents.store import open_store

    nlp = load_nlp()
    bases = [analyze(a, nlp) for a in base_articles()]
    popular = sorted(
        (e for b in bases for e in b.entities), key=lambda e: (-len(e.mentions), e.name)
    )[:40]
    from wordfreq import top_n_list, word_frequency

    vocabulary = [w for w in top_n_list("en", 20000) if w.isalpha()]
    frequency = [word_frequency(w, "en") for w in vocabulary]
    rng = random.Random(args.seed)
    start_day = date(2023, 1, 1)
    window = 500
    print(f"{'articles':>9}  {'ms per save (last 500)':>22}  {'stories':>8}  peak RSS")
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "bench.db") as store:
        n = 0
        story_left = 0
        names: list[str] = []
        words: list[str] = []
        day = start_day
        times: list[float] = []
        for size in sizes:
            while n < size:
                if story_left == 0:
                    story_left = rng.randint(1, 5)
                    names = [
                        f"{_word(rng).capitalize()} {_word(rng).capitalize()}" for _ in range(2)
                    ]
                    words = [_word(rng, 4) for _ in range(4)]
                    # a feed of PER_DAY articles a day: the store grows over time,
                    # as a real one does, not denser on the same days
                    day = start_day + timedelta(days=n // PER_DAY)
                story_left -= 1
                base = rng.choice(bases)
                lead = f"{names[0]} and {names[1]} spoke of the {' '.join(words)} matter."
                extra = " ".join(rng.choices(vocabulary, frequency, k=120)) + "."
                text = lead + " " + extra
                art = base.article.model_copy(
                    update={
                        "id": hashlib.sha256(f"{n}|{text}".encode()).hexdigest(),
                        "text": text,
                        "title": " ".join(words[:2]).capitalize(),
                        "published": (day + timedelta(days=rng.randrange(3))).isoformat(),
                        "source": f"Outlet {rng.randrange(40)}",
                    }
                )
                offset = 0
                made_up = [
                    Entity(
                        id=f"X{k}",
                        name=name,
                        kind="person",
                        mentions=[
                            (
                                offset + text[offset:].index(name),
                                offset + text[offset:].index(name) + len(name),
                            )
                        ],
                    )
                    for k, name in enumerate(names)
                ]
                # one or two of the base's entities, the commonest most often (the
                # countries and leaders many unrelated reports name), and the story's
                common = rng.choices(popular, [1 / (k + 1) for k in range(len(popular))], k=2)
                kept = [
                    e.model_copy(update={"mentions": e.mentions[:1]})  # named in passing
                    for e in {e.id: e for e in common}.values()
                ]
                analysis = base.model_copy(update={"article": art, "entities": [*kept, *made_up]})
                t0 = time.perf_counter()
                store.save(analysis)
                times.append(time.perf_counter() - t0)
                n += 1
            recent = times[-window:]
            stories = store.execute("SELECT COUNT(*) FROM stories")[0][0]
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(
                f"{n:>9}  {1000 * sum(recent) / len(recent):>22.1f}  {stories:>8}  {peak:.0f} MB",
                flush=True,
            )


if __name__ == "__main__":
    main()
