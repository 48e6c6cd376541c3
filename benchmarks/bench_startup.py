"""One article from the command line against loading spaCy's model alone.

Whole processes, as a user sees them: ``newsevents analyze ARTICLE --format
jsonl`` beside ``python -c "import spacy; spacy.load(MODEL)"`` with the same
model, alternated ``--repeat`` times after one untimed run of each (which
also builds the start-up indexes if they are missing; that first run is
timed and printed apart). Prints the median wall time of each, their ratio and
each one's peak RSS (from ``wait4``).

    python benchmarks/bench_startup.py [--article PATH] [--repeat 5]

Not a test: nothing here asserts a duration.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_ARTICLE = ROOT.parent / "shared" / "examples" / "kursk-ceasefire.txt"
BIN = Path(sys.executable).parent


def _timed(command: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(
            f"{command[0]} failed: {proc.stderr.read().decode() if proc.stderr else ''}"
        )
    return elapsed, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--article", type=Path, default=DEFAULT_ARTICLE)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    from newsevents.nlp import load_model

    model = load_model().meta
    name = f"{model['lang']}_{model['name']}"
    load = [sys.executable, "-c", f"import spacy; spacy.load({name!r})"]
    analyze = [str(BIN / "newsevents"), "analyze", str(args.article), "--format", "jsonl"]

    first = _timed(analyze)
    _timed(load)
    runs: dict[str, list[tuple[float, float]]] = {"load": [], "analyze": []}
    for _ in range(args.repeat):
        runs["load"].append(_timed(load))
        runs["analyze"].append(_timed(analyze))
    print(
        f"article: {args.article.name} ({len(args.article.read_text())} characters), model {name}"
    )
    print(f"first newsevents run (indexes built if missing): {first[0]:.2f} s, {first[1]:.0f} MB")
    medians = {k: statistics.median(s for s, _ in v) for k, v in runs.items()}
    for key, label in (("load", "spaCy model load alone"), ("analyze", "newsevents analyze")):
        peak = max(mb for _, mb in runs[key])
        print(f"{label:<24} median {medians[key]:.2f} s over {args.repeat}, peak {peak:.0f} MB")
    print(f"ratio analyze / model load: {medians['analyze'] / medians['load']:.2f}x")


if __name__ == "__main__":
    main()
