"""Throughput of the full analysis against plain spaCy ``nlp.pipe`` on the same texts.

Each mode runs in its own child process so that its peak RSS is its own; both
run in the same invocation, so the ratio compares like with like on this
machine. Not a test: nothing here asserts a duration.

    python benchmarks/bench_pipeline.py --repeat 50 [--corpus DIR]
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import resource
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPORA = [ROOT / "examples", ROOT.parent / "shared" / "examples"]


def _load_articles(corpora: list[Path], repeat: int) -> list[Any]:
    from newsevents import Article, iter_articles

    base = [a for a in iter_articles([c for c in corpora if c.exists()]) if isinstance(a, Article)]
    if not base:
        raise SystemExit("no articles found in " + ", ".join(map(str, corpora)))
    return base * repeat


def _run(mode: str, corpora: list[Path], repeat: int, queue: Any) -> None:
    articles = _load_articles(corpora, repeat)
    texts = [a.text for a in articles]
    if mode == "spacy":
        from newsevents.nlp import load_model

        nlp = load_model()  # the same model, all its components, nothing of ours
        start = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=16):
            pass
    else:
        from newsevents import analyze_batch
        from newsevents.nlp import load_nlp

        load_nlp()
        start = time.perf_counter()
        for _ in analyze_batch(articles):
            pass
    elapsed = time.perf_counter() - start
    if mode == "newsevents":
        queue.put(("costs", _extractor_costs(articles)))
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    words = sum(len(t.split()) for t in texts)
    queue.put((mode, len(texts), words, elapsed, peak_kb / 1024))


def _extractor_costs(articles: list[Any]) -> dict[str, float]:
    """Milliseconds per article spent in each extractor, on already parsed docs."""
    from newsevents.nlp import load_nlp
    from newsevents.pipeline import analyze_doc

    nlp = load_nlp()
    timings: dict[str, float] = {}
    for article, doc in zip(
        articles, nlp.pipe([a.text for a in articles], batch_size=16), strict=True
    ):
        analyze_doc(article, doc, timings)
    return {k: 1000 * v / len(articles) for k, v in timings.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=20, help="times each article is repeated")
    parser.add_argument("--corpus", type=Path, action="append", help="folder(s) of articles")
    args = parser.parse_args()
    corpora = args.corpus or DEFAULT_CORPORA
    ctx = mp.get_context("spawn")
    results = {}
    costs: dict[str, float] = {}
    for mode in ("spacy", "newsevents"):
        queue = ctx.Queue()
        proc = ctx.Process(target=_run, args=(mode, corpora, args.repeat, queue))
        proc.start()
        item = queue.get()
        if item[0] == "costs":
            costs = item[1]
            item = queue.get()
        results[mode] = item
        proc.join()
    base_rate = results["spacy"][1] / results["spacy"][3]
    print(f"corpus: {', '.join(map(str, corpora))} x{args.repeat}")
    print(
        f"{'mode':<22} {'articles':>8} {'words':>8} {'seconds':>8} {'art/s':>8} {'words/s':>9} {'ratio':>6} {'peak MB':>8}"
    )
    labels = {"spacy": "spaCy nlp.pipe (all)", "newsevents": "newsevents analyze"}
    for mode, n, words, secs, peak in results.values():
        rate = n / secs
        print(
            f"{labels[mode]:<22} {n:>8} {words:>8} {secs:>8.2f} {rate:>8.1f} {words / secs:>9.0f} "
            f"{rate / base_rate:>6.2f} {peak:>8.0f}"
        )

    print(
        "extractor cost, ms per article (after parsing): "
        + ", ".join(f"{k} {v:.1f}" for k, v in costs.items())
    )


if __name__ == "__main__":
    main()
