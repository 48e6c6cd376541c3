"""`newsevents batch`: Parquet tables from the local runner and from Spark, and what reads them."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from newsevents.batch import MANIFEST, OutputExistsError, read_tables, run_batch_local
from newsevents.ingest_run import run_ingest
from newsevents.store import open_store
from newsevents.tables import RECORD_TABLES, SCHEMAS

from .conftest import REFERENCE, ROOT

GOOD_JSONL = [
    {
        "text": "Iran rejected new talks with the United States on Monday, "
        "the foreign ministry in Tehran said.",
        "published": "2025-02-03",
        "source": "Wire",
    },
    {
        "text": "Thousands of teachers marched in Nairobi on Friday to demand higher pay, "
        "police said. The union said the strike would go on until the government "
        "agreed to talks.",
        "published": "2025-02-07",
    },
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled examples, the reference article, and inputs that must fail."""
    root = tmp_path_factory.mktemp("corpus")
    shutil.copytree(ROOT / "examples", root / "examples")
    (root / "examples" / "README.md").unlink(missing_ok=True)
    shutil.copy(REFERENCE, root / "kursk.txt")
    shutil.copy(REFERENCE, root / "kursk-again.txt")  # same text: one article
    lines = [json.dumps(GOOD_JSONL[0]), "{broken", json.dumps(GOOD_JSONL[1]), "[1, 2]"]
    (root / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "empty.txt").write_bytes(b"")
    (root / "binary.txt").write_bytes(b"%PDF-1.4\x00\x01\x02")
    (root / "latin1.txt").write_bytes("Le président a parlé à Genève.".encode("latin-1"))
    pq.write_table(
        pa.Table.from_pylist(
            [
                {
                    "text": "Russia and Ukraine agreed on Tuesday to exchange prisoners, "
                    "the Kremlin said.",
                    "title": "Exchange",
                    "published": "2025-03-04",
                },
                {"text": None, "title": "no body", "published": None},
            ]
        ),
        root / "archive.parquet",
    )
    return root


@pytest.fixture(scope="module")
def local_out(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("local") / "out"
    run_batch_local([corpus], out, part_size=3)
    return out


def test_local_batch_writes_every_table_with_its_schema(local_out: Path) -> None:
    manifest = json.loads((local_out / MANIFEST).read_text())
    # 8 bundled texts (one syndicated copy is a duplicate), the reference once,
    # 2 JSON lines, 1 Parquet row
    assert manifest["articles"] == 12
    assert manifest["duplicates"] == 2
    for name in SCHEMAS:
        parts = sorted((local_out / name).glob("*.parquet"))
        assert parts, name
        for part in parts:
            assert pq.read_schema(part).names == SCHEMAS[name].names
    tables = read_tables(local_out)
    assert all(len(tables[n]) > 0 for n in RECORD_TABLES), {n: len(tables[n]) for n in tables}
    assert len({r["article_id"] for r in tables["articles"]}) == 12


def test_failures_name_file_and_line(local_out: Path) -> None:
    failures = {(r["input"], r["line"]) for r in read_tables(local_out)["failures"]}
    assert failures == {
        ("wire.jsonl", 2),
        ("wire.jsonl", 4),
        ("empty.txt", None),
        ("binary.txt", None),
        ("latin1.txt", None),
        ("archive.parquet", 2),
    }


def test_duckdb_reads_the_tables_and_spans_point_into_the_text(local_out: Path) -> None:
    con = duckdb.connect()
    rows = con.execute(
        # a headline's own event points into the title, every other into the text
        f"""SELECT e.trigger, substr(CASE WHEN e.from_title THEN a.title ELSE a.text END,
                   e.trigger_start + 1, e.trigger_end - e.trigger_start),
                   e.type, e.actors
            FROM '{local_out}/events/*.parquet' e
            JOIN '{local_out}/articles/*.parquet' a USING (article_id)"""
    ).fetchall()
    assert len(rows) > 20
    assert all(trigger == sliced for trigger, sliced, _, _ in rows)
    kremlin = con.execute(
        f"SELECT count(*) FROM '{local_out}/quotes/*.parquet' WHERE speaker IS NOT NULL"
    ).fetchone()
    assert kremlin is not None and kremlin[0] > 5


def test_ingest_of_batch_output_equals_ingest_of_the_inputs(
    corpus: Path, local_out: Path, tmp_path: Path
) -> None:
    from_batch = run_ingest([local_out], str(tmp_path / "a.db"), progress=False)
    direct = run_ingest([corpus], str(tmp_path / "b.db"), progress=False)
    assert from_batch.stored == direct.stored == 12
    a, b = open_store(str(tmp_path / "a.db")), open_store(str(tmp_path / "b.db"))
    try:
        docs_a = sorted((x.to_dict() for x in a.analyses()), key=lambda d: d["article"]["id"])
        docs_b = sorted((x.to_dict() for x in b.analyses()), key=lambda d: d["article"]["id"])
        assert docs_a == docs_b
    finally:
        a.close()
        b.close()


def test_two_workers_write_the_same_tables_as_one(
    corpus: Path, local_out: Path, tmp_path: Path
) -> None:
    run_batch_local([corpus], tmp_path / "two", workers=2)
    assert read_tables(tmp_path / "two") == read_tables(local_out)


def test_output_folder_is_not_overwritten_unless_asked(local_out: Path, corpus: Path) -> None:
    with pytest.raises(OutputExistsError, match="--overwrite"):
        run_batch_local([corpus / "kursk.txt"], local_out)


def test_spark_local_mode_equals_local_runner(corpus: Path, tmp_path: Path) -> None:
    # a folder of mixed inputs, and a Parquet file given directly (read by spark.read.parquet)
    extra = tmp_path / "extra.parquet"
    pq.write_table(
        pa.Table.from_pylist(
            [
                {"text": "Iran rejected talks with the United States, officials said.", "id": 1},
                {"text": "", "id": 2},
                {
                    "text": "Israeli air raids killed 12 people in Gaza on Sunday, medics said.",
                    "id": 3,
                },
            ]
        ),
        extra,
    )
    local_out = tmp_path / "local"
    run_batch_local([corpus, extra], local_out)
    out = tmp_path / "spark"
    result = subprocess.run(
        [sys.executable, "-m", "newsevents", "batch", str(corpus), str(extra),
         "--engine", "spark", "--master", "local[2]", "--out", str(out)],
        capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    tail = result.stderr[-600:]
    assert result.returncode == 1, tail  # 1: some inputs failed, as designed
    assert "14 articles (2 duplicates skipped, 7 failed)" in result.stderr, tail
    spark, local = read_tables(out), read_tables(local_out)
    assert ("extra.parquet", 2) in {(r["input"], r["line"]) for r in spark["failures"]}
    for name in SCHEMAS:
        assert spark[name] == local[name], name
