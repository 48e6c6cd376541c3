"""What each pipeline component costs, and how much of real news a selective
parser could skip.

1. Each component of our pipeline (spaCy's and ours) run alone over the output
   of the one before it, on the benchmark corpus: seconds, share, ms per article.
2. On a folder of real articles (``--news``, e.g. PolNeAR's texts), the share of
   sentences and tokens that hold something an extractor reads: a word that can
   start an event trigger, a quotation mark, a digit, a reporting verb. Only
   the rest could go unparsed.

    python benchmarks/bench_components.py --articles 300 --news ../shared/gold/polnear/dev/text

Not a test: nothing here asserts a duration.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import varied_articles


def component_costs(count: int) -> None:
    from newsevents.nlp import load_nlp

    texts = [a.text for a in varied_articles(count)]
    nlp = load_nlp()
    costs: dict[str, float] = {}
    start = time.perf_counter()
    docs = [nlp.make_doc(t) for t in texts]
    costs["tokenizer"] = time.perf_counter() - start
    for name, proc in nlp.pipeline:
        start = time.perf_counter()
        if hasattr(proc, "pipe"):
            docs = list(proc.pipe(docs, batch_size=16))
        else:
            docs = [proc(d) for d in docs]
        costs[name] = time.perf_counter() - start
    total = sum(costs.values())
    tokens = sum(len(d) for d in docs) / len(docs)
    print(f"{count} corpus articles, {tokens:.0f} tokens each")
    for name, secs in costs.items():
        print(
            f"{name:<24} {secs:6.2f} s {100 * secs / total:5.1f}% {1000 * secs / count:7.2f} ms/article"
        )


def parse_need(folder: Path, limit: int) -> None:
    from newsevents.extract.events.triggers import _heads
    from newsevents.gazetteer import read_table
    from newsevents.nlp import load_nlp

    nlp = load_nlp()
    verbs, nouns = _heads()
    cues = {row[0].split()[0] for row in read_table("attribution_cues.tsv")}
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.iterdir())[:limit]]
    sentences = needed = tokens = needed_tokens = 0
    for doc in nlp.pipe(texts, batch_size=16):
        for sent in doc.sents:
            sentences += 1
            tokens += len(sent)
            if re.search(r"[\"“”‘’]|\d", sent.text) or any(
                (t.pos_ in ("VERB", "AUX") and (t.lemma_.lower() in verbs | cues))
                or (t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() in nouns)
                for t in sent
            ):
                needed += 1
                needed_tokens += len(sent)
    print(
        f"{len(texts)} articles from {folder}: sentences an extractor reads "
        f"{needed}/{sentences} = {needed / sentences:.2f}, tokens {needed_tokens / tokens:.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--news", type=Path, help="a folder of real article texts")
    parser.add_argument("--news-limit", type=int, default=40)
    args = parser.parse_args()
    component_costs(args.articles)
    if args.news:
        parse_need(args.news, args.news_limit)


if __name__ == "__main__":
    main()
