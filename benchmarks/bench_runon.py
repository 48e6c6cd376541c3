"""How analysis time grows with the length of one unpunctuated sentence.

A run-on sentence ("X attacked Y and X attacked Z and ...") once made event
coding cubic: every trigger walked the whole sentence several times. This
prints, for doubling lengths, the seconds of parsing and of the extractors,
and the extractors' seconds per 10,000 characters: flat means linear.

    .venv/bin/python benchmarks/bench_runon.py --max 8000
"""

from __future__ import annotations

import argparse
import time

from newsevents import article_from_text
from newsevents.nlp import load_nlp
from newsevents.pipeline import analyze_doc, parse_articles

NAMES = ["Russia", "Ukraine", "Israel", "Hamas", "Syria", "Turkey"]


def run_on(parties: int) -> str:
    return " and ".join(f"{NAMES[i % 6]} attacked {NAMES[(i + 1) % 6]}" for i in range(parties))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--start", type=int, default=250, help="Clauses in the first sentence.")
    parser.add_argument("--max", type=int, default=8000, help="Clauses in the longest.")
    args = parser.parse_args()
    nlp = load_nlp()
    print(
        f"{'clauses':>8} {'chars':>9} {'parse s':>8} {'extract s':>10} {'extract s/10k chars':>20}"
    )
    parties = args.start
    while parties <= args.max:
        article = article_from_text(run_on(parties) + ".", title="Attacks")
        started = time.perf_counter()
        ((_, doc),) = list(parse_articles([article], nlp))
        parsed = time.perf_counter()
        analysis = analyze_doc(article, doc)
        done = time.perf_counter()
        per = (done - parsed) / len(article.text) * 10_000
        print(
            f"{parties:>8} {len(article.text):>9,} {parsed - started:>8.2f} "
            f"{done - parsed:>10.2f} {per:>20.3f}   ({len(analysis.events)} events)"
        )
        parties *= 2


if __name__ == "__main__":
    main()
