"""Memory over a long run: resident set size every 1,000 articles of one process.

``analyze_batch`` parses inside ``nlp.memory_zone()``; this shows whether the
process still grows once the model and the gazetteer are loaded. Every
article brings new made-up names (see corpus.py), so a leak of strings shows.

    python benchmarks/bench_memory.py --articles 10000 [--no-zones]

``--no-zones`` runs the same articles with one zone per 10 million articles
(in effect none), for comparison. Not a test: nothing is asserted.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import varied_articles


def rss_mb() -> float:
    """Current (not peak) resident set size, from /proc."""
    with open("/proc/self/statm") as fh:
        pages = int(fh.read().split()[1])
    import os

    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--every", type=int, default=1_000)
    parser.add_argument("--no-zones", action="store_true")
    args = parser.parse_args()

    from newsevents.nlp import load_nlp
    from newsevents.pipeline import analyze_batch

    nlp = load_nlp()
    zone = 10_000_000 if args.no_zones else 256
    print(f"articles  rss MB  strings  art/s   (memory zones: {'off' if args.no_zones else 'on'})")
    samples: dict[int, float] = {}
    start = time.perf_counter()
    for n, _ in enumerate(analyze_batch(varied_articles(args.articles), nlp, zone_size=zone), 1):
        if n % args.every == 0:
            samples[n] = rss_mb()
            rate = n / (time.perf_counter() - start)
            print(
                f"{n:>8}  {samples[n]:>6.0f}  {len(nlp.vocab.strings):>7}  {rate:>5.1f}", flush=True
            )
    first, last = samples[min(samples)], samples[max(samples)]
    print(
        f"growth from article {min(samples):,} to {max(samples):,}: "
        f"{last - first:+.0f} MB ({(last - first) / first:+.1%})"
    )


if __name__ == "__main__":
    main()
