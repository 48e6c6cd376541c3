"""Mutation score per extractor module, from the last ``mutmut run``.

Reads ``mutmut results --all true`` (one line per mutant: its dotted name and its
status) and prints, per module, the mutants killed, survived and timed out, and
the score killed / (killed + survived). Mutants listed in ``--equivalent FILE``
(one mutant name a line, ``#`` comments give the reason) are left out of the
score and counted apart.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path


def _module(name: str) -> str:
    """``newsevents.extract.claims.x__value__mutmut_3`` -> ``newsevents.extract.claims``."""
    module, _, last = name.rpartition(".")
    return module if "__mutmut_" in last else name


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--equivalent", type=Path, help="mutants judged equivalent")
    parser.add_argument("--mutmut", default=str(Path(sys.executable).with_name("mutmut")))
    args = parser.parse_args()
    equivalent: set[str] = set()
    if args.equivalent and args.equivalent.exists():
        for line in args.equivalent.read_text(encoding="utf-8").splitlines():
            name = line.split("#", 1)[0].strip()
            if name:
                equivalent.add(name)
    out = subprocess.run(
        [args.mutmut, "results", "--all", "true"], capture_output=True, text=True, check=True
    ).stdout
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for line in out.splitlines():
        found = re.match(r"\s*(\S+):\s*(\w[\w ]*)$", line)
        if not found:
            continue
        name, status = found.group(1), found.group(2).strip()
        if name in equivalent:
            status = "equivalent"
        counts[_module(name)][status] += 1
    print(
        f"{'module':45} {'killed':>7} {'survived':>9} {'timeout':>8} {'equiv.':>7} "
        f"{'not run':>8} {'score':>6}"
    )
    total: Counter[str] = Counter()
    for module in sorted(counts):
        c = counts[module]
        total += c
        judged = c["killed"] + c["survived"]
        score = c["killed"] / judged if judged else 0.0
        print(
            f"{module:45} {c['killed']:7} {c['survived']:9} {c['timeout']:8} "
            f"{c['equivalent']:7} {c['not checked']:8} {score:6.2f}"
        )
    judged = total["killed"] + total["survived"]
    print(
        f"{'all':45} {total['killed']:7} {total['survived']:9} {total['timeout']:8} "
        f"{total['equivalent']:7} {total['not checked']:8} "
        f"{total['killed'] / judged if judged else 0.0:6.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
