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
        assert versions == [(1,), (2,), (3,), (4,), (5,), (6,), (7,), (8,)]
    with open_store(db_url) as store:  # reopening applies nothing again
        assert store.migrate() == 8
        assert store.execute("SELECT COUNT(*) FROM schema_migrations") == [(8,)]


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


#: An article whose title alone reports an event (the text tells what followed).
TITLE_ONLY = (
    "Rebels seize border town of Tessalit\n\n"
    "Fighting continued on Sunday around the army camp near the Algerian border, "
    "residents said. Several soldiers were wounded, a military source told reporters.\n"
)


def test_the_titles_own_events_are_stored_with_their_parties(db_url: str) -> None:
    from newsevents import analyze, article_from_text

    analysis = analyze(article_from_text(TITLE_ONLY, published="2012-03-12"))
    (headline,) = analysis.title_events
    with open_store(db_url) as store:
        store.save(analysis, version="test")
        rows = store.execute(
            "SELECT id, type, date, from_title, in_title, trigger_start, trigger_end "
            "FROM events WHERE from_title = 1"
        )
        assert rows == [(headline.id, headline.type, "2012-03-12", 1, 0, *headline.trigger)]
        title = analysis.article.title or ""
        assert title[rows[0][5] : rows[0][6]] == "seize"
        # the text's own events are not from the title
        body = store.execute("SELECT COUNT(*) FROM events WHERE from_title = 0")[0][0]
        assert body == len(analysis.events)
        parties = store.execute(
            "SELECT p.entity_id, e.name FROM event_parties p JOIN entities e ON "
            "e.article_id = p.article_id AND e.id = p.entity_id WHERE p.event_id = ?",
            (headline.id,),
        )
        assert parties == [(headline.actors[0], "Rebels")]
        evidence = store.execute(
            "SELECT span_start, span_end FROM mentions WHERE record_kind = 'title_event'"
        )
        assert evidence == [tuple(headline.trigger)]
        # the title event joins an event cluster like any other report
        member = store.execute(
            "SELECT COUNT(*) FROM cluster_members WHERE event_id = ?", (headline.id,)
        )
        assert member == [(1,)]


def test_the_titles_own_events_are_exported(db_url: str, tmp_path: Path) -> None:
    from newsevents import analyze, article_from_text
    from newsevents.tables import table_rows

    analysis = analyze(article_from_text(TITLE_ONLY, published="2012-03-12"))
    (headline,) = analysis.title_events
    with open_store(db_url) as store:
        store.save(analysis, version="test")
        export_store(store, "csv", tmp_path / "e.csv")
        with (tmp_path / "e.csv").open() as fh:
            rows = [r for r in csv.DictReader(fh) if r["event_id"] == headline.id]
        assert [(r["sentence"], r["from_title"], r["date"]) for r in rows] == [
            ("Rebels seize border town of Tessalit", "True", "2012-03-12")
        ]
        export_store(store, "jsonl", tmp_path / "a.jsonl")
        (doc,) = [json.loads(x) for x in (tmp_path / "a.jsonl").read_text().splitlines()]
        assert doc["title_events"][0]["cluster"].startswith("K")
    # the batch tables (Parquet, Spark) carry it too, with its words from the title
    (row,) = [r for r in table_rows(analysis, "t", "v")["events"] if r["from_title"]]
    assert (row["event_id"], row["trigger"], row["date"]) == (headline.id, "seize", "2012-03-12")
