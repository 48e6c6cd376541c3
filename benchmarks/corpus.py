"""A benchmark corpus: the bundled examples and the reference article, varied.

Each copy gets a closing line naming a made-up correspondent and town, built
from random syllables, so that every article brings strings the model has not
seen (as a real feed does) and a run that leaks them grows. The figures in
docs/PERFORMANCE.md say which corpus they used.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPORA = [ROOT / "examples", ROOT.parent / "shared" / "examples"]
_SYLLABLES = ["ka", "zu", "mor", "vel", "tri", "on", "sa", "bek", "lo", "rin", "du", "fa"]


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(3)).capitalize()


def base_articles(corpora: list[Path] | None = None) -> list[Any]:
    from newsevents import Article, iter_articles

    found = [c for c in (corpora or DEFAULT_CORPORA) if c.exists()]
    base = [a for a in iter_articles(found) if isinstance(a, Article)]
    if not base:
        raise SystemExit("no articles found in " + ", ".join(map(str, found)))
    return base


def varied_articles(count: int, corpora: list[Path] | None = None, seed: int = 7) -> Iterator[Any]:
    """``count`` articles cycling through the base set, each with its own closing line."""
    from newsevents.ingest.sources import article_id

    base = base_articles(corpora)
    rng = random.Random(seed)
    for i in range(count):
        art = base[i % len(base)]
        line = f"\n\n{_name(rng)} {_name(rng)} contributed reporting from {_name(rng)}."
        text = art.text + line
        yield art.model_copy(update={"text": text, "id": article_id(text)})


def write_jsonl(path: Path, count: int, corpora: list[Path] | None = None) -> Path:
    """The same corpus as a JSON Lines file, for the batch runners."""
    with path.open("w", encoding="utf-8") as fh:
        for art in varied_articles(count, corpora):
            record = {"text": art.text, "title": art.title, "published": art.published}
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path
