"""Start-up indexes (``prebuilt``): what is read back is what was built, a bad or
missing file costs a build and never an error, and the NER component's matcher
finds what spaCy's PhraseMatcher finds on the same names."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from newsevents import prebuilt
from newsevents.extract.events import cameo
from newsevents.gazetteer import _from_plain, _to_plain, build_gazetteer, load_gazetteer
from newsevents.nlp import _LABEL_ORDER, phrase_table


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("NEWSEVENTS_CACHE", str(tmp_path))
    return tmp_path


def test_an_index_is_built_once_then_read(cache: Path) -> None:
    calls = []

    def build() -> dict[str, list[tuple[str, ...]]]:
        calls.append(1)
        return {"Kursk": [("Kursk", "Oblast")], "Kyiv": []}

    first = prebuilt.load("probe", build)
    second = prebuilt.load("probe", build)
    assert first == second == {"Kursk": [("Kursk", "Oblast")], "Kyiv": []}
    assert len(calls) == 1
    assert prebuilt.index_file("probe").parent == cache
    # another model, another file
    assert prebuilt.index_file("probe", "en_core_web_md-3.8.0") != prebuilt.index_file("probe")


def test_an_unreadable_index_is_built_again(cache: Path, caplog: pytest.LogCaptureFixture) -> None:
    prebuilt.index_file("probe").write_bytes(b"\x00not marshal")
    with caplog.at_level(logging.WARNING, logger="newsevents.prebuilt"):
        assert prebuilt.load("probe", lambda: [1, 2, 3]) == [1, 2, 3]
    assert "unreadable" in caplog.text
    assert prebuilt.load("probe", lambda: [4]) == [1, 2, 3]  # the rebuilt file is kept


def test_a_folder_that_cannot_be_written_only_costs_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("NEWSEVENTS_CACHE", str(blocker / "cache"))
    assert prebuilt.load("probe", lambda: {"a": 1}) == {"a": 1}
    assert not (blocker / "cache").exists()


def test_the_gazetteer_read_back_equals_the_one_built() -> None:
    built = build_gazetteer()
    read = _from_plain(_to_plain(built))
    assert read.entries == built.entries
    assert read.names == built.names
    assert read.demonyms == built.demonyms
    assert read.admin1_base == built.admin1_base
    assert read.weak_names == built.weak_names
    kursk = read.lookup("Kursk")[0]
    assert (kursk.kind, kursk.country) == (built.lookup("Kursk")[0].kind, "RU")
    assert load_gazetteer().entries == built.entries


def test_the_cameo_verbs_read_back_equal_the_ones_parsed() -> None:
    parsed = cameo.parse_dictionary()
    read = cameo._from_plain(cameo._to_plain(parsed))

    def plain(d: dict[str, list[tuple[cameo.Verb, cameo.Block]]]) -> object:
        return {k: [(v, b.patterns, b.index) for v, b in e] for k, e in d.items()}

    assert plain(read) == plain(parsed)
    assert plain(cameo.dictionary()) == plain(parsed)
    assert "attack" in read


_SENTENCES = [
    "Russian forces pushed Ukrainian troops out of the Kursk region, officials in Kyiv said.",
    "The Gaza Strip and the West Bank were sealed off; New York and Washington protested.",
    "Ethiopians and Eritreans crossed into Sudan near Kassala and Gedaref.",
    "Protesters in Minsk, Tbilisi and Yerevan marched on Sunday.",
    "Talks in Doha, Qatar, and in Cairo stalled as Israelis and Palestinians traded fire.",
]


def test_the_matcher_finds_what_a_phrase_matcher_finds(nlp: Language) -> None:
    table = phrase_table(nlp)
    reference = PhraseMatcher(nlp.vocab, attr="ORTH")
    for label in _LABEL_ORDER:
        reference.add(label, [Doc(nlp.vocab, words=list(tokens)) for tokens in table[label]])
    component = nlp.get_pipe("newsevents_gazetteer")
    found_any = 0
    for doc in nlp.tokenizer.pipe(_SENTENCES):
        expected = sorted((nlp.vocab.strings[m], s, e) for m, s, e in reference(doc))
        assert sorted(component.matches(doc)) == expected, doc.text
        found_any += len(expected)
    assert found_any >= 15


def test_the_build_command_writes_every_index(tmp_path: Path) -> None:
    env = {"NEWSEVENTS_CACHE": str(tmp_path / "cache")}
    result = subprocess.run(
        [sys.executable, "-m", "newsevents.cli", "gazetteer", "build"],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    names = sorted(p.name.split("-")[0] for p in (tmp_path / "cache").glob("*.marshal"))
    assert names == ["cameo", "gazetteer", "ner"]
    assert "NER place names index" in result.stdout


def test_off_builds_in_memory_and_leaves_the_disk_alone(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSEVENTS_PREBUILT", "off")
    calls = []
    for _ in range(2):
        assert prebuilt.load("probe", lambda: calls.append(1) or {"n": 1}) == {"n": 1}
    assert len(calls) == 2
    assert not list(cache.iterdir())
