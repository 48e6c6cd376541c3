"""The command line as a user runs it: outputs, exit codes and messages."""

import csv
import json
from pathlib import Path

import jsonschema
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


def test_eval_seed_prints_found_and_expected() -> None:
    result = CliRunner().invoke(main, ["eval", "seed", "--gold", str(SEED_GOLD)])
    assert result.exit_code == 0, result.output
    rows = {
        line.split()[0]: line.split()[1:3]
        for line in result.output.splitlines()
        if line.startswith("  ") and line.split()[0] in {"article", "entities", "places", "times"}
    }
    assert rows["article"] == ["12", "12"]
    assert rows["entities"] == ["10", "10"]
    assert rows["places"] == ["8", "8"]
    assert int(rows["times"][0]) >= 8


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
