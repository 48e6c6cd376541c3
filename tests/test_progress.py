"""Ingest progress: the count before the run, and the lines a log file gets."""

from __future__ import annotations

import io
import json
from pathlib import Path

from newsevents.progress import Progress, count_inputs

from .conftest import ROOT


def test_inputs_are_counted_before_the_run(tmp_path: Path) -> None:
    wire = tmp_path / "wire.jsonl"
    wire.write_text("".join(json.dumps({"text": f"t{i}"}) + "\n" for i in range(7)) + "\n")
    (tmp_path / "a.txt").write_text("one article")
    (tmp_path / "a.meta.json").write_text("{}")  # a sidecar is not an article
    (tmp_path / "notes.csv").write_text("not an input")
    assert count_inputs([tmp_path]) == 8
    assert count_inputs([wire, "https://example.org/a"]) == 8
    examples = ROOT / "examples"
    lines = sum(
        1 for f in examples.glob("*.jsonl") for x in f.read_text().splitlines() if x.strip()
    )
    files = len([*examples.glob("*.txt"), *examples.glob("*.html")])
    assert count_inputs([examples]) == lines + files
    (tmp_path / "more.jsonl.gz").write_bytes(b"")  # lines unknown without unpacking
    assert count_inputs([tmp_path]) is None


def test_a_log_gets_plain_lines_with_the_time_left() -> None:
    out = io.StringIO()
    shown = Progress(total=10, terminal=False, stream=out, every=0.0)
    shown.update(stored=3, failed=1, skipped=0)
    shown.update(stored=4, failed=1, skipped=1)
    shown.close()
    first, second = out.getvalue().splitlines()
    assert first.startswith("newsevents: 4/10 articles, ")
    assert "(3 stored, 0 already there, 1 failed)" in first and "left" in first
    assert second.startswith("newsevents: 6/10 articles") and "\r" not in out.getvalue()
    quiet = io.StringIO()
    slow = Progress(total=None, terminal=False, stream=quiet, every=3600.0)
    slow.update(stored=1, failed=0, skipped=0)
    assert quiet.getvalue() == ""  # a line every hour: none yet
    assert slow.line(1, 0, 0).startswith("newsevents: 1 articles") and "left" not in slow.line(
        1, 0, 0
    )


def test_a_terminal_gets_a_bar_with_n_of_total() -> None:
    out = io.StringIO()
    shown = Progress(total=5, terminal=True, stream=out)
    shown.update(stored=2, failed=0, skipped=0)
    shown.close()
    assert "2/5" in out.getvalue() and "stored=2" in out.getvalue()
