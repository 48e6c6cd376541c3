"""Reliability, round two: inputs that crashed a run, dropped text or stalled.

Each test drives what a user runs (the CLI as a subprocess, the library on real
sentences) and checks that one bad article costs only itself.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from spacy.language import Language

from newsevents import analyze, article_from_text
from newsevents.budget import AnalysisTimeout, time_budget
from newsevents.budget import check as check_budget

SHELLING = (
    "Russian forces shelled Kharkiv on Monday, killing 12 civilians, officials said.\n\n"
    "Zelensky said Ukraine would respond."
)


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsevents", *args],
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, **(env or {})},
    )


def run_on(parties: int) -> str:
    """An unpunctuated run-on sentence of ``parties`` attacks."""
    names = ["Russia", "Ukraine", "Israel", "Hamas", "Syria", "Turkey"]
    return " and ".join(f"{names[i % 6]} attacked {names[(i + 1) % 6]}" for i in range(parties))


def test_a_line_break_after_on_is_read_as_a_date(nlp: Language) -> None:
    art = article_from_text(
        "The foreign ministers of France and Germany said they will meet on\n"
        "Monday in Geneva to discuss the ceasefire.",
        title="Ministers to meet",
        published="2025-03-12",
    )
    times = analyze(art, nlp).times
    assert [t.text for t in times] == ["Monday"]
    assert times[0].value is not None


def test_an_extractor_failure_costs_only_its_article_in_analyze(tmp_path: Path) -> None:
    # A time budget of a millisecond cannot be met by the run-on article, and is
    # met by nothing else either: every article is reported by its file, none
    # takes the others down, and the output is still well-formed.
    (tmp_path / "runon.txt").write_text("Attacks\n\n" + run_on(600) + ".\n", encoding="utf-8")
    (tmp_path / "good.txt").write_text(SHELLING, encoding="utf-8")
    lines = tmp_path / "wire.jsonl"
    lines.write_text(
        json.dumps({"title": "Attacks", "text": run_on(601) + "."})
        + "\n"
        + json.dumps({"title": "Shelling", "text": SHELLING.replace("12", "14")})
        + "\n",
        encoding="utf-8",
    )
    result = run_cli("analyze", str(tmp_path), "--time-budget", "0.001", "--format", "jsonl")
    assert result.returncode == 1
    assert f"{tmp_path / 'runon.txt'}: analysis took longer than" in result.stderr
    assert f"{lines}:1: analysis took longer than" in result.stderr
    generous = run_cli("analyze", str(tmp_path), "--time-budget", "600", "--format", "jsonl")
    assert generous.returncode == 0, generous.stderr
    docs = [json.loads(line) for line in generous.stdout.splitlines()]
    assert len(docs) == 4
    assert {d["article"]["title"] for d in docs} == {"Attacks", "Shelling", None}


def test_the_time_budget_names_the_article() -> None:
    with time_budget(0.0, "wire.jsonl:7"):
        time.sleep(0.01)
        with pytest.raises(AnalysisTimeout) as caught:
            check_budget()
    assert caught.value.source == "wire.jsonl:7"
    with time_budget(None, "x"):
        check_budget()  # no budget, no error


@pytest.mark.parametrize("parties", [400, 1600])
def test_a_run_on_sentence_is_coded_in_time_proportional_to_its_length(
    nlp: Language, parties: int
) -> None:
    # Not a timing assertion: the run-on sentence must finish within the default
    # budget at all (it took minutes before) and still yield its attacks.
    art = article_from_text(run_on(parties) + ".", title="Attacks")
    events = analyze(art, nlp).events
    assert {e.type for e in events} == {"ASSAULT"}
