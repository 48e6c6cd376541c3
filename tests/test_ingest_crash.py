"""Kill an ingest mid-run: the rerun ends with the same database as a clean run."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from newsevents.ingest_run import run_ingest

from .conftest import ROOT

_TABLES = {
    "articles": "id, source, url, title, published, text, doc, extractor_version",
    "entities": "*",
    "places": "*",
    "events": "*",
    "event_parties": "*",
    "quotes": "*",
    "claims": "*",
    "mentions": "*",
    "global_entities": "*",
    "entity_aliases": "*",
    "entity_links": "*",
    "event_clusters": "*",
    "cluster_members": "*",
    "claim_groups": "*",
    "claim_members": "*",
}


def _corpus(folder: Path, n: int) -> None:
    """n distinct articles: the bundled story with a different closing paragraph each."""
    base = (ROOT / "examples" / "geneva-talks.txt").read_text(encoding="utf-8")
    for i in range(n):
        extra = (
            f"\n\nIn a later statement, officials said the {i + 1}th round of talks would "
            f"follow in {2026 + i % 3}, and that the delegations had met {i + 2} times."
        )
        (folder / f"story-{i:03d}.txt").write_text(base + extra, encoding="utf-8")


def _dump(db: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(db)
    try:
        return {
            t: sorted(conn.execute(f"SELECT {cols} FROM {t}").fetchall(), key=repr)
            for t, cols in _TABLES.items()
        }
    finally:
        conn.close()


def _count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(db, timeout=1)
        try:
            return int(conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def test_killed_ingest_resumes_to_the_same_database(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _corpus(corpus, 30)

    clean = tmp_path / "clean.db"
    assert run_ingest([corpus], str(clean), progress=False).stored == 30

    crashed = tmp_path / "crashed.db"
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsevents", "ingest", str(corpus), "--db", str(crashed)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    deadline = time.monotonic() + 120
    while _count(crashed) < 3 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    stored_before = _count(crashed)
    assert 3 <= stored_before < 30, stored_before  # killed mid-run, not before or after

    rerun = run_ingest([corpus], str(crashed), progress=False)
    assert rerun.skipped == stored_before
    assert rerun.stored == 30 - stored_before
    assert _dump(crashed) == _dump(clean)


def test_two_workers_store_the_same_as_one(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _corpus(corpus, 12)
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    assert run_ingest([corpus], str(one), workers=1, progress=False).stored == 12
    assert run_ingest([corpus], str(two), workers=2, progress=False).stored == 12
    assert _dump(one) == _dump(two)
