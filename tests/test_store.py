"""One store test suite, run against SQLite and against a real PostgreSQL server."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from newsevents import Analysis
from newsevents.export import export_store
from newsevents.gdelt import GDELT_COLUMNS
from newsevents.ingest_run import run_ingest
from newsevents.store import open_store

from .conftest import ROOT


def test_save_is_transactional_and_idempotent(db_url: str, reference: Analysis) -> None:
    with open_store(db_url) as store:
        assert store.save(reference, version="test") is True
        assert store.save(reference, version="test") is False
        counts = store.counts()
        assert counts["articles"] == 1
        assert counts["events"] == len(reference.events)
        assert counts["claims"] == len(reference.claims)
        (back,) = list(store.analyses())
        assert back.to_dict() == reference.to_dict()
        # every event has evidence rows pointing into the text
        rows = store.execute(
            "SELECT span_start, span_end, extractor FROM mentions WHERE record_kind = ?",
            ("event",),
        )
        assert len(rows) == len(reference.events)
        assert all(r[2] == "events" for r in rows)


def test_migrations_are_versioned_and_applied_once(db_url: str) -> None:
    with open_store(db_url) as store:
        versions = store.execute("SELECT version FROM schema_migrations ORDER BY version")
        assert versions == [(1,), (2,), (3,), (4,), (5,), (6,), (7,)]
    with open_store(db_url) as store:  # reopening applies nothing again
        assert store.migrate() == 7
        assert store.execute("SELECT COUNT(*) FROM schema_migrations") == [(7,)]


def test_full_text_search(db_url: str, reference: Analysis) -> None:
    with open_store(db_url) as store:
        store.save(reference, version="test")
        assert store.search("Gerasimov settlements") == [reference.article.id]
        assert store.search("Antarctica penguins") == []


def test_ingest_records_bad_inputs_and_keeps_going(db_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_text("   \n")
    (folder / "binary.txt").write_bytes(b"%PDF-1.7\x00\x00\x01")
    good = (ROOT / "examples" / "geneva-talks.txt").read_text(encoding="utf-8")
    (folder / "good.txt").write_text(good, encoding="utf-8")
    lines = (ROOT / "examples" / "wire.jsonl").read_text(encoding="utf-8").splitlines()
    (folder / "wire.jsonl").write_text(f"{lines[0]}\n{{broken\n{lines[1]}\n", encoding="utf-8")
    stats = run_ingest([folder], db_url, progress=False)
    assert (stats.stored, stats.failed) == (3, 3)
    with open_store(db_url) as store:
        failures = store.execute("SELECT input, line, problem FROM failures ORDER BY input")
        assert [(Path(f[0]).name, f[1]) for f in failures] == [
            ("binary.txt", None),
            ("empty.txt", None),
            ("wire.jsonl", 2),
        ]
    again = run_ingest([folder], db_url, progress=False)
    assert (again.stored, again.skipped) == (0, 3)


def test_exports(db_url: str, reference: Analysis, tmp_path: Path) -> None:
    with open_store(db_url) as store:
        store.save(reference, version="test")
        n = export_store(store, "jsonl", tmp_path / "a.jsonl")
        docs = [json.loads(x) for x in (tmp_path / "a.jsonl").read_text().splitlines()]
        assert n == 1 and docs[0]["article"]["id"] == reference.article.id
        assert all(ev["cluster"].startswith("K") for ev in docs[0]["events"])
        n = export_store(store, "csv", tmp_path / "e.csv")
        with (tmp_path / "e.csv").open() as fh:
            rows = list(csv.DictReader(fh))
        assert n == len(rows) == len(reference.events)
        visit = next(r for r in rows if r["type"] == "CONSULT" and r["mode"] == "visit")
        assert reference.article.text[int(visit["trigger_start"]) : int(visit["trigger_end"])]
        n = export_store(store, "gdelt", tmp_path / "e.tsv")
        gdelt = [line.split("\t") for line in (tmp_path / "e.tsv").read_text().splitlines()]
        assert n == len(gdelt) and all(len(row) == len(GDELT_COLUMNS) == 61 for row in gdelt)
        consult = [row for row in gdelt if row[GDELT_COLUMNS.index("EventRootCode")] == "04"]
        assert consult and all(row[GDELT_COLUMNS.index("QuadClass")] == "1" for row in consult)
        import pyarrow.parquet as pq

        export_store(store, "parquet", tmp_path / "e.parquet")
        assert pq.read_table(tmp_path / "e.parquet").num_rows == len(reference.events)
