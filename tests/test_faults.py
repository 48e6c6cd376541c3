"""Faults under the store: a full disk, a locked SQLite file, PostgreSQL going away.

In each case the ingest either waits and goes on or stops with a clear error,
and every article committed before the fault is there, whole, afterwards.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from newsevents.ingest_run import run_ingest
from newsevents.store import StoreWriteError, open_store

from .conftest import REFERENCE
from .pg import PgServer


def _corpus(path: Path, count: int) -> Path:
    """``count`` distinct articles: the reference article, each with its own last line."""
    body = REFERENCE.read_text(encoding="utf-8")
    with path.open("w", encoding="utf-8") as fh:
        for i in range(count):
            text = body + f"\n\nThis report was updated {i + 1} times before publication."
            fh.write(json.dumps({"text": text, "published": "2025-03-13"}) + "\n")
    return path


def _whole(db: str) -> tuple[int, bool]:
    """(articles, every stored article has all the events its document lists)."""
    store = open_store(db)
    try:
        docs = list(store.analyses())
        rows = dict(store.execute("SELECT article_id, COUNT(*) FROM events GROUP BY article_id"))
        whole = all(rows.get(d.article.id, 0) == len(d.events) for d in docs)
        return len(docs), whole
    finally:
        store.close()


_LIMITED_INGEST = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a full disk fails the write, not the process
limit = int(sys.argv[1])
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
from newsevents.cli import main
main(["ingest", sys.argv[2], "--db", sys.argv[3]])
"""


def test_full_disk_stops_cleanly_and_keeps_what_was_committed(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "wire.jsonl", 40)
    db = str(tmp_path / "full.db")
    open_store(db).close()  # schema in place before the disk "fills"
    result = subprocess.run(
        [sys.executable, "-c", _LIMITED_INGEST, str(600_000), str(corpus), db],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 2, result.stderr[-2000:]
    # SQLite reports the refused write as "database or disk is full" or "disk I/O error"
    assert "ingest stopped" in result.stderr and "disk" in result.stderr, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    stored, whole = _whole(db)
    assert 0 < stored < 40 and whole
    # space again: the same command goes on from where it stopped
    stats = run_ingest([corpus], db, progress=False)
    assert stats.skipped == stored and stats.stored == 40 - stored
    assert _whole(db) == (40, True)


def test_locked_database_is_waited_for(tmp_path: Path) -> None:
    db = str(tmp_path / "locked.db")
    open_store(db).close()
    other = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN EXCLUSIVE")
    release = threading.Timer(2.0, lambda: other.execute("ROLLBACK"))
    release.start()
    started = time.monotonic()
    stats = run_ingest([REFERENCE], db, progress=False, timeout=30)
    assert stats.stored == 1 and time.monotonic() - started >= 1.5
    release.join()
    other.close()


def test_lock_held_past_the_timeout_stops_cleanly(tmp_path: Path) -> None:
    db = str(tmp_path / "locked.db")
    open_store(db).close()
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreWriteError, match="locked"):
            run_ingest([REFERENCE], db, progress=False, timeout=0.5)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert run_ingest([REFERENCE], db, progress=False).stored == 1


def test_postgres_going_away_mid_ingest_is_ridden_out(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    corpus = _corpus(tmp_path / "wire.jsonl", 60)  # time enough to cut the server mid-run
    server = PgServer()
    server.start()
    try:
        open_store(server.url).close()
        result: dict[str, object] = {}

        def ingest() -> None:
            try:
                result["stats"] = run_ingest([corpus], server.url, progress=False)
            except Exception as exc:  # the assertion below shows it
                result["error"] = exc

        thread = threading.Thread(target=ingest)
        thread.start()
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                store = open_store(server.url)
                count = store.execute("SELECT COUNT(*) FROM articles")[0][0]
                store.close()
            except Exception:
                count = 0
            if count >= 5:
                break
            time.sleep(0.2)
        server.stop("fast")  # every session is cut off
        time.sleep(3)
        server.start()
        thread.join(300)
        assert "error" not in result, result.get("error")
        stats = result["stats"]
        assert stats.stored + stats.skipped == 60  # type: ignore[attr-defined]
        assert _whole(server.url) == (60, True)
        assert "retrying" in capfd.readouterr().err
    finally:
        server.remove()
