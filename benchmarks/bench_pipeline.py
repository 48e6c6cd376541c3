"""Throughput of newsevents against plain spaCy ``nlp.pipe`` on the same texts.

Modes, each in its own child process so that its peak RSS is its own, all in
one invocation so that every ratio compares like with like on this machine:

- ``spacy``: ``nlp.pipe`` with the same model and all its components, nothing of ours.
- ``local-1``: the full analysis (``analyze_batch``: parse, gazetteer, entities,
  places, times, quotes, events, claims) in one process.
- ``local-2``: the same through the local runner on two worker processes.
  Timed after every worker has loaded the model and analysed one chunk, as a
  long run would see it; pool start-up is printed apart.
- ``spark``: ``newsevents batch --engine spark`` in ``local[2]`` mode, from a
  JSON Lines file to the Parquet tables; wall time including Spark's start,
  reading, analysis and writing, so it is an end-to-end figure. The same job
  is then run again in the same session (warm) and its rate printed apart;
  peak RSS is the largest Python worker's (the JVM's is printed apart).

    python benchmarks/bench_pipeline.py --articles 600 [--modes spacy,local-1,local-2,spark]
        [--corpus short|long]

``--corpus long`` cycles the team's long wire-style articles
(``benchmarks/long_articles``, 4,600-5,100 characters each) instead of the
short bundled examples.

Not a test: nothing here asserts a duration.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import varied_articles, write_jsonl

MODES = ("spacy", "local-1", "local-2", "spark")
LABELS = {
    "spacy": "spaCy nlp.pipe (all)",
    "local-1": "newsevents, 1 worker",
    "local-2": "newsevents, 2 workers",
    "spark": "Spark local[2], e2e",
}


def _peak_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


LONG = Path(__file__).resolve().parent / "long_articles"


def _run(mode: str, count: int, queue: Any, corpus: str = "short") -> None:
    articles = list(varied_articles(count, [LONG] if corpus == "long" else None))
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    extra: dict[str, float] = {}
    if mode == "spacy":
        from newsevents.nlp import load_model

        nlp = load_model()  # the same model, all its components, nothing of ours
        start = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=16):
            pass
        elapsed = time.perf_counter() - start
        peak = _peak_mb()
    elif mode == "local-1":
        from newsevents.nlp import load_nlp
        from newsevents.pipeline import analyze_batch

        nlp = load_nlp()
        start = time.perf_counter()
        for _ in analyze_batch(articles, nlp):
            pass
        elapsed = time.perf_counter() - start
        peak = _peak_mb()
        extra = _extractor_costs(articles[:200])
    elif mode == "local-2":
        from newsevents.runner import _init_worker as init
        from newsevents.runner import analyze_chunk

        ctx = mp.get_context("spawn")
        boot = time.perf_counter()
        with ctx.Pool(2, initializer=init) as pool:
            pool.map(analyze_chunk, [articles[:4], articles[4:8]], chunksize=1)  # warm
            extra["pool start s"] = time.perf_counter() - boot
            start = time.perf_counter()
            chunks = [articles[i : i + 16] for i in range(0, len(articles), 16)]
            for _ in pool.imap(analyze_chunk, chunks):
                pass
            elapsed = time.perf_counter() - start
        peak = _peak_mb(resource.RUSAGE_CHILDREN)  # the larger worker
    else:
        from newsevents.spark import run_batch_spark

        with tempfile.TemporaryDirectory() as tmp:
            source = write_jsonl(
                Path(tmp) / "corpus.jsonl", count, [LONG] if corpus == "long" else None
            )
            start = time.perf_counter()
            stats = run_batch_spark([str(source)], Path(tmp) / "out", master="local[2]")
            elapsed = time.perf_counter() - start
            assert stats.articles == count, stats
            # the same job again in the same session: JVM up, Python workers hold the model
            again = time.perf_counter()
            run_batch_spark([str(source)], Path(tmp) / "out2", master="local[2]")
            extra["second run, warm, art/s"] = count / (time.perf_counter() - again)
            workers = _descendant_peaks()
        peak = max((mb for name, mb in workers if "python" in name), default=0.0)
        extra["JVM peak MB"] = max((mb for name, mb in workers if "java" in name), default=0.0)
    queue.put((mode, len(texts), words, elapsed, peak, extra))


def _descendant_peaks() -> list[tuple[str, float]]:
    """(executable, peak RSS in MB) of every live descendant process, from /proc's VmHWM."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    found: list[tuple[str, float]] = []
    todo = list(children.get(os.getpid(), []))
    while todo:
        pid = todo.pop()
        todo.extend(children.get(pid, []))
        try:
            status = Path(f"/proc/{pid}/status").read_text()
            command = Path(Path(f"/proc/{pid}/cmdline").read_text().split("\0")[0]).name
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith("VmHWM:"):
                found.append((command, int(line.split()[1]) / 1024))
    return found


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
    parser.add_argument("--articles", type=int, default=600)
    parser.add_argument("--modes", default=",".join(MODES))
    parser.add_argument("--corpus", choices=["short", "long"], default="short")
    args = parser.parse_args()
    modes = [m for m in args.modes.split(",") if m]
    ctx = mp.get_context("spawn")
    results = {}
    for mode in modes:
        queue = ctx.Queue()
        proc = ctx.Process(target=_run, args=(mode, args.articles, queue, args.corpus))
        proc.start()
        results[mode] = queue.get()
        proc.join()
    source = (
        "long team articles" if args.corpus == "long" else "bundled examples + reference article"
    )
    print(f"corpus: {source}, varied, {args.articles} articles")
    header = f"{'mode':<24} {'articles':>8} {'words':>8} {'seconds':>8} {'art/s':>7}"
    print(header + f" {'words/s':>8} {'ratio':>6} {'peak MB':>8}")
    base = results["spacy"][1] / results["spacy"][3] if "spacy" in results else None
    for mode, n, words, secs, peak, _ in results.values():
        rate = n / secs
        ratio = f"{rate / base:>6.2f}" if base else "     -"
        print(
            f"{LABELS[mode]:<24} {n:>8} {words:>8} {secs:>8.2f} {rate:>7.1f} {words / secs:>8.0f} "
            f"{ratio} {peak:>8.0f}"
        )
    if "local-1" in results and "local-2" in results:
        one = results["local-1"][1] / results["local-1"][3]
        two = results["local-2"][1] / results["local-2"][3]
        print(f"2 workers / 1 worker: {two / one:.2f}x")
    for mode, *_, extra in results.values():
        if extra:
            print(f"{LABELS[mode]}: " + ", ".join(f"{k} {v:.1f}" for k, v in extra.items()))


if __name__ == "__main__":
    main()
