"""Every kind of broken input, one by one, and all of them together in one batch.

Each gets a clear error naming the input (and the line, for JSON Lines) or a
sensible result; in a batch the good inputs are stored and each failure is
recorded in the store's ``failures`` table.
"""

from __future__ import annotations

import codecs
import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from spacy.language import Language

from newsevents import Article, InputError, analyze, article_from_text, iter_articles
from newsevents.ingest_run import run_ingest
from newsevents.store import open_store

from .conftest import REFERENCE

GOOD = REFERENCE.read_text(encoding="utf-8")
ENGLISH = (
    "Protesters marched through the capital on Friday to demand the release of "
    "detained journalists, police said, and the government promised talks next week."
)
FUTURE = (date.today() + timedelta(days=400)).isoformat()

#: file name -> (bytes, what the failure must say); None: it must be analysed.
CASES: dict[str, tuple[bytes, str | None]] = {
    "empty.txt": (b"", "empty input"),
    "blank.txt": (b" \n\t\n   \n", "whitespace only"),
    "report.pdf.txt": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    "photo.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
    "nul.txt": (ENGLISH.encode() + b"\x00\x00" + ENGLISH.encode(), "NUL"),
    "broken-utf8.txt": (ENGLISH.encode()[:40] + b"\xc3\x28" + ENGLISH.encode(), "not UTF-8"),
    "latin1.txt": (("Le ministre a déclaré " + ENGLISH).encode("latin-1"), "Windows-1252"),
    "utf16.txt": (codecs.BOM_UTF16_LE + ENGLISH.encode("utf-16-le"), None),
    "huge.txt": (b"The talks went on. " * (50 * 1024 * 1024 // 19 + 1), "too large"),
    "no-article.html": (
        b"<html><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        b"<footer>Cookies</footer></body></html>",
        "no article text",
    ),
    "nested.html": (
        b"<html><body>"
        + b"<div>" * 5000
        + b"<p>"
        + ENGLISH.encode()
        + b"</p>"
        + b"</div>" * 5000
        + b"</body></html>",
        "",  # an article or a clear error; never a crash
    ),
    "malformed.html": (
        b"<html><head><title>Talks</title><body><article><p>"
        + ENGLISH.encode()
        + b"<p>"
        + GOOD.encode()[:1500]
        + b"<div><span></article></i></b>",
        None,
    ),
    "greek.txt": (
        "Η κυβέρνηση ανακοίνωσε νέα μέτρα για την οικονομία και τις συνομιλίες.".encode() * 5,
        "not English",
    ),
    "german.txt": (
        b"Die Regierung hat am Freitag neue Gespraeche mit der Opposition angekuendigt, "
        b"sagte ein Sprecher in Berlin. Die Verhandlungen sollen naechste Woche beginnen." * 2,
        "not English",
    ),
    "numbers.txt": (" ".join(str(i * 37 % 1000) for i in range(400)).encode(), "not English"),
    "quotes.txt": (
        ('"We will not give up," he said. "The talks must go on," she said. ' * 20).encode(),
        None,
    ),
    "endless.txt": (("the delegation met the envoy and " * 3000 + "left.").encode(), None),
}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("bad")
    for name, (data, _) in CASES.items():
        (root / name).write_bytes(data)
    (root / "good.txt").write_text(GOOD, encoding="utf-8")
    lines = [
        json.dumps({"text": ENGLISH, "published": "2025-01-10"}),
        '{"text": "cut off in the midd',
        json.dumps({"text": ENGLISH + " Again.", "published": FUTURE}),
        json.dumps({"text": ENGLISH + " Once more.", "published": "1850-06-01"}),
        json.dumps({"text": "x" * (5 * 1024 * 1024)}),  # one 5 MB line
        json.dumps({"text": ENGLISH + " And last.", "published": "2025-13-45"}),
        json.dumps({"html": "<p>" + ENGLISH + " From HTML.</p>"}),
    ]
    (root / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "with-meta.txt").write_text(ENGLISH + " With metadata.", encoding="utf-8")
    (root / "with-meta.meta.json").write_text('{"title": "Talks", "published": ', "utf-8")
    (root / "no-meta.txt").write_text(ENGLISH + " Without metadata.", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def ingested(folder: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("bad-db") / "bad.db")
    run_ingest([folder], db, progress=False)
    return db


def _failures(db: str) -> dict[tuple[str, int | None], str]:
    store = open_store(db)
    try:
        rows = store.execute("SELECT input, line, problem FROM failures")
    finally:
        store.close()
    return {(Path(name).name, line): problem for name, line, problem in rows}


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_bad_file_fails_alone_or_gives_a_sensible_result(name: str, folder: Path) -> None:
    expected = CASES[name][1]
    items = list(iter_articles([folder / name]))
    assert len(items) == 1
    item = items[0]
    if expected is None:
        assert isinstance(item, Article), item
        assert item.text.strip()
    elif expected:
        assert isinstance(item, InputError), f"{name} was accepted"
        assert str(folder / name) in str(item) and expected in item.problem, item.problem
    elif isinstance(item, Article):  # either outcome, but each must be right
        assert ENGLISH.split(".")[0] in item.text, item.text[:200]
    else:
        assert isinstance(item, InputError), item
        assert str(folder / name) in str(item) and item.problem, item


def test_batch_keeps_the_good_and_records_each_failure(ingested: str) -> None:
    failures = _failures(ingested)
    for name, (_, expected) in CASES.items():
        if expected:
            assert expected in failures[(name, None)], name
    assert "malformed JSON on line 2" in failures[("wire.jsonl", 2)]
    assert "future" in failures[("wire.jsonl", 3)]
    assert "before 1900" in failures[("wire.jsonl", 4)]
    assert "too long for one article" in failures[("wire.jsonl", 5)]
    assert "not a date" in failures[("wire.jsonl", 6)]
    assert "malformed JSON" in failures[("with-meta.meta.json", None)]
    store = open_store(ingested)
    try:
        texts = [a.article.text for a in store.analyses()]
    finally:
        store.close()
    assert any("Kursk" in t for t in texts)  # the good article is there
    marched = [t for t in texts if t.startswith("Protesters marched")]
    assert len(marched) == 3  # JSON lines 1 and 7, no-meta.txt (utf16.txt repeats line 1)


def test_utf16_and_malformed_html_read_as_articles(folder: Path) -> None:
    [utf16] = iter_articles([folder / "utf16.txt"])
    assert isinstance(utf16, Article) and utf16.text.startswith("Protesters marched")
    [html] = iter_articles([folder / "malformed.html"])
    assert isinstance(html, Article) and "Protesters marched" in html.text


def test_all_quotes_and_one_endless_sentence_are_analysed(nlp: Language) -> None:
    quotes = analyze(article_from_text(CASES["quotes.txt"][0].decode()), nlp)
    assert len(quotes.quotes) >= 20
    assert all(q.text in quotes.article.text for q in quotes.quotes)
    endless = analyze(article_from_text(CASES["endless.txt"][0].decode()), nlp)
    text = endless.article.text
    assert len(text) > 90_000
    for ev in endless.events:
        assert 0 <= ev.sentence[0] <= ev.trigger[0] < ev.trigger[1] <= ev.sentence[1] <= len(text)


def test_a_date_stamp_in_the_text_that_cannot_be_is_ignored() -> None:
    article = article_from_text("March 3, 2999\n\n" + ENGLISH)
    assert article.published is None
