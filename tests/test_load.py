"""A short, bounded load test on loopback: 50 concurrent clients, no error.

The recorded 60-second run with its latency percentiles is in
docs/RELIABILITY.md (benchmarks/load_api.py); here the duration is cut to
keep CI short, and only errors are asserted, never latency.
"""

from __future__ import annotations

import sys
from pathlib import Path

from newsevents.ingest_run import run_ingest

from .conftest import REFERENCE, ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))

from load_api import run_load


def test_fifty_clients_get_no_error(tmp_path: Path) -> None:
    db = str(tmp_path / "load.db")
    run_ingest([ROOT / "examples", REFERENCE], db, progress=False)
    result = run_load(db, clients=50, seconds=8)
    assert result["requests"] > 100, result
    assert result["errors"] == 0, result["error_kinds"]
