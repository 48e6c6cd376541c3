"""Reading files, folders, JSON Lines, HTML and sidecars; bad inputs never stop a batch."""

import json
from pathlib import Path

import pytest

from newsevents import Article, InputError, article_from_text, iter_articles
from newsevents.errors import MalformedInputError, NotEnglishError

BODY = (
    "Officials from both countries met in Vienna on Monday to discuss the prisoner exchange. "
    "The foreign ministry said the talks would continue next week and that a deal was close."
)


def test_jsonl_broken_line_in_the_middle(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"text": BODY, "title": "Talks in Vienna", "published": "2025-01-06"}),
        '{"text": "unterminated',
        json.dumps({"title": "no body"}),
        json.dumps({"text": BODY.replace("Vienna", "Oslo"), "source": "Wire"}),
    ]
    path.write_text("\n".join(lines) + "\n")
    items = list(iter_articles([path]))
    assert [type(i).__name__ for i in items] == [
        "Article",
        "MalformedInputError",
        "MalformedInputError",
        "Article",
    ]
    assert f"{path}:2" in str(items[1]) and "line 2" in str(items[1])
    assert "no 'text' or 'html'" in str(items[2])
    first = items[0]
    assert isinstance(first, Article) and first.published == "2025-01-06"
    assert first.title == "Talks in Vienna"


def test_sidecar_metadata_and_malformed_sidecar(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Vienna talks\n\n" + BODY)
    (tmp_path / "a.meta.json").write_text(json.dumps({"published": "2025-01-06", "source": "X"}))
    (tmp_path / "b.txt").write_text("Oslo talks\n\n" + BODY)
    (tmp_path / "b.meta.json").write_text("{not json")
    items = list(iter_articles([tmp_path]))
    assert isinstance(items[0], Article) and items[0].published == "2025-01-06"
    assert items[0].source == "X"
    assert isinstance(items[1], MalformedInputError) and "b.meta.json" in str(items[1])


def test_folder_skips_unknown_files_and_reports_missing(tmp_path: Path) -> None:
    (tmp_path / "notes.csv").write_text("a,b\n")
    (tmp_path / "one.txt").write_text("Talks\n\n" + BODY)
    items = list(iter_articles([tmp_path, tmp_path / "missing.txt"]))
    assert isinstance(items[0], Article)
    assert isinstance(items[1], InputError) and "no such file" in str(items[1])


def test_html_uses_trafilatura_metadata(tmp_path: Path) -> None:
    html = f"""<html><head><title>Talks in Vienna | Example</title>
    <meta name="author" content="Jane Roe">
    <meta property="article:published_time" content="2025-01-06T10:00:00Z">
    <link rel="canonical" href="https://example.org/vienna"></head>
    <body><nav>Home World</nav><article><h1>Talks in Vienna</h1><p>{BODY}</p>
    <p>A second round is planned for February, the ministry said.</p></article></body></html>"""
    path = tmp_path / "page.html"
    path.write_text(html)
    (item,) = list(iter_articles([path]))
    assert isinstance(item, Article)
    assert item.title == "Talks in Vienna"
    assert item.byline == "Jane Roe"
    assert item.published == "2025-01-06" and item.published_from == "metadata"
    assert item.url == "https://example.org/vienna"
    assert item.text.startswith("Officials from both countries")
    assert "Home World" not in item.text


def test_html_without_article(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><body><nav>Home</nav></body></html>")
    (item,) = list(iter_articles([path]))
    assert isinstance(item, InputError) and "no article text" in str(item)


def test_non_english_is_refused() -> None:
    spanish = (
        "El enviado de Estados Unidos viaja a Moscú para convencer a Putin de un alto el fuego "
        "mientras Rusia acelera su ofensiva para recuperar la región de Kursk antes de las negociaciones."
    )
    with pytest.raises(NotEnglishError, match="not English"):
        article_from_text(spanish, title="Titular")


def test_text_date_used_when_no_metadata() -> None:
    text = "Ceasefire holds\n\nPosted 4 March 2025\n\n" + BODY
    article = article_from_text(text)
    assert article.published == "2025-03-04" and article.published_from == "text"


def test_bad_published_metadata_is_named() -> None:
    with pytest.raises(MalformedInputError, match="'published' is not a date"):
        article_from_text(BODY, published="last Tuesday-ish", label="x.jsonl:3")
