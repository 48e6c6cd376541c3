"""The command line as a user runs it: outputs, exit codes and messages."""

import csv
import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from newsevents.cli import main

from .conftest import REFERENCE, ROOT, SEED_GOLD


def test_analyze_reference_json_validates_against_generated_schema() -> None:
    runner = CliRunner()
    schema = json.loads(runner.invoke(main, ["schema"]).output)
    result = runner.invoke(main, ["analyze", str(REFERENCE)])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    jsonschema.validate(doc, schema)
    assert doc["schema"] == "newsevents/1"
    text = doc["article"]["text"]
    for section in ("entities", "places"):
        for record in doc[section]:
            for start, end in record["mentions"]:
                assert 0 <= start < end <= len(text)
    for t in doc["times"]:
        assert text[t["span"][0] : t["span"][1]] == t["text"]


def test_bad_inputs_fail_with_one_line_naming_the_file(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"%PDF-1.4 binary")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Caf\u00e9 talks in M\u00e1laga".encode("latin-1"))
    runner = CliRunner()
    for path, words in ((empty, "empty"), (binary, "PDF"), (latin, "not UTF-8")):
        result = runner.invoke(main, ["analyze", str(path)])
        assert result.exit_code == 1
        lines = [line for line in result.stderr.splitlines() if str(path) in line]
        assert len(lines) == 1 and words in lines[0]


def test_batch_goes_on_after_a_bad_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"\x00\x01\x02")
    (tmp_path / "b.txt").write_text(
        "Talks resume\n\nNegotiators from Armenia and Azerbaijan met in Geneva on Tuesday, "
        "officials said. A third round is planned for May."
    )
    result = CliRunner().invoke(
        main, ["analyze", str(tmp_path), "--format", "jsonl", "--published", "2025-04-02"]
    )
    assert result.exit_code == 1
    docs = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert len(docs) == 1 and docs[0]["article"]["title"] == "Talks resume"
    assert "1 analysed, 1 failed" in result.stderr


def test_text_report_has_sections() -> None:
    result = CliRunner().invoke(main, ["analyze", str(REFERENCE), "--format", "text"])
    assert result.exit_code == 0
    for header in ("Entities (", "Places (", "Times (", "Events (", "Quotes (", "Claims ("):
        assert header in result.output
    assert "Valery Gerasimov" in result.output and "RU-KRS" in result.output


def test_bundled_examples_all_analyse() -> None:
    result = CliRunner().invoke(main, ["analyze", str(ROOT / "examples"), "--format", "jsonl"])
    assert result.exit_code == 0, result.stderr
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(docs) == 8  # the syndicated copy is one text
    assert all(d["entities"] for d in docs)


def test_eval_seed_prints_every_row_as_a_user_runs_it() -> None:
    """Every row of the seed evaluation, run as a subprocess: each (found,
    expected) pair at or above its floor, with event precision (events that are
    real) at 0.90 or more, as issue 13 asks."""
    done = subprocess.run(
        [sys.executable, "-m", "newsevents", "eval", "seed", "--gold", str(SEED_GOLD)],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    rows = {}
    for line in done.stdout.splitlines():
        parts = line.split()
        if line.startswith("  ") and len(parts) >= 4 and parts[-3].isdigit():
            rows[" ".join(parts[:-3])] = (int(parts[-3]), int(parts[-2]))
    # row: (found at least, expected in the gold)
    floors = {
        "article": (12, 12),
        "entities": (10, 10),
        "coreference": (4, 4),
        "places": (8, 8),
        "times": (9, 9),
        "events (type+actor+recipient)": (11, 11),
        "events (+status,date,place,source)": (10, 11),
        "non-events left uncoded": (2, 2),
        "quotes (speaker)": (8, 8),
        "claims (value+claimant)": (7, 7),
    }
    assert set(floors) | {"events that are real (precision)"} == set(rows), rows
    for row, (floor, expected) in floors.items():
        assert rows[row][1] == expected, (row, rows[row])
        assert rows[row][0] >= floor, (row, rows[row])
    real, given = rows["events that are real (precision)"]
    assert real / given >= 0.90, (real, given)


def test_ingest_then_export_with_filters(tmp_path: Path) -> None:
    db = str(tmp_path / "cli.db")
    runner = CliRunner()
    result = runner.invoke(main, ["ingest", str(REFERENCE), "--db", db])
    assert result.exit_code == 0, result.output
    out = tmp_path / "planned.csv"
    result = runner.invoke(
        main,
        ["export", "--db", db, "--format", "csv", "--out", str(out), "--status", "planned"],
    )
    assert result.exit_code == 0, result.output
    with out.open() as fh:
        rows = list(csv.DictReader(fh))
    assert rows and all(r["status"] == "planned" for r in rows)
    assert any("Witkoff" in r["actors"] for r in rows)


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsevents", *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )


def test_reading_commands_refuse_a_database_that_is_not_there(tmp_path: Path) -> None:
    missing = tmp_path / "typo.db"
    for args in (
        ["export", "--db", str(missing), "--out", str(tmp_path / "out.jsonl")],
        ["relink", "--db", str(missing)],
        ["serve", "--db", str(missing), "--port", "0"],
    ):
        done = _cli(*args)
        assert done.returncode != 0, args
        assert "no such database" in done.stderr and str(missing) in done.stderr, done.stderr
        assert "serving" not in done.stderr
    assert not missing.exists()  # a typo never leaves an empty database behind
    done = _cli("export", "--db", "mysql://user:secret@host/news", "--out", "x.jsonl")
    assert done.returncode != 0 and "unsupported database URL scheme 'mysql'" in done.stderr
    assert "secret" not in done.stderr


def test_export_to_standard_output_and_serve_on_a_taken_port(tmp_path: Path) -> None:
    import socket

    db = str(tmp_path / "cli.db")
    assert _cli("ingest", str(REFERENCE), "--db", db).returncode == 0
    done = _cli("export", "--db", db, "--out", "-")
    assert done.returncode == 0, done.stderr
    (line,) = done.stdout.splitlines()
    assert json.loads(line)["article"]["id"]
    assert not Path("-").exists()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = _cli("serve", "--db", db, "--port", str(port))
    assert done.returncode != 0 and f"cannot listen on 127.0.0.1:{port}" in done.stderr
    assert "serving" not in done.stderr  # refused before announcing a URL


def test_more_workers_than_cores_is_warned(capsys: pytest.CaptureFixture[str]) -> None:
    import os

    from newsevents.cli import _warn_workers

    cores = os.cpu_count() or 1
    _warn_workers(cores)
    assert capsys.readouterr().err == ""
    _warn_workers(cores + 2)
    assert f"--workers {cores + 2} on {cores} cores" in capsys.readouterr().err


def test_a_database_that_cannot_be_opened_says_what_to_fix(tmp_path: Path) -> None:
    folder = tmp_path / "a-folder.db"
    folder.mkdir()  # a folder where the database file should be
    done = _cli("ingest", str(REFERENCE), "--db", str(folder))
    assert done.returncode == 2, done.stderr
    assert "check --db (a SQLite file path, or a postgresql:// URL)" in done.stderr
    assert "run the same command again" not in done.stderr  # rerunning cannot help
    done = _cli("ingest", str(REFERENCE), "--db", "mysql://host/news")
    assert done.returncode == 2 and "unsupported database URL scheme 'mysql'" in done.stderr
