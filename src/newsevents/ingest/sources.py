"""Reading inputs: text files, HTML, JSON Lines, sidecar metadata and folders.

Every reader yields either an Article or the InputError that explains why one
input could not become an Article. A batch therefore never stops on a bad file
or a broken JSON line: the caller records the error and goes on.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Literal

from ..dates import parse_absolute_date, parse_iso_date
from ..errors import InputError, MalformedInputError, NotEnglishError
from ..model import Article, Removed, Subheading
from .decode import MAX_CHARS, check_text, decode_bytes
from .language import english_share, looks_english
from .layout import analyze_layout

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
PARQUET_SUFFIXES = {".parquet"}
META_SUFFIX = ".meta.json"
INPUT_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | PARQUET_SUFFIXES


@dataclass
class RawInput:
    """One article as read, before layout analysis."""

    label: str
    text: str | None = None
    html: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


def article_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _place_predicate() -> Any:
    from ..gazetteer import load_gazetteer

    gaz = load_gazetteer()
    return lambda name: any(e.kind in ("city", "country", "admin1") for e in gaz.lookup(name))


def _published(value: Any, label: str) -> date | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise MalformedInputError(label, f"'published' must be a date string, got {value!r}")
    found = parse_iso_date(value) or parse_absolute_date(value)
    if found is None:
        raise MalformedInputError(label, f"'published' is not a date: {value!r}")
    return plausible_published(found, label)


#: Earliest publication date taken at its word: wire archives go back to the 1900s.
EARLIEST_PUBLISHED = date(1900, 1, 1)


def _plausible(found: date) -> bool:
    """A date stamp found in the text: ignored, not an error, when implausible."""
    try:
        plausible_published(found, "")
    except InputError:
        return False
    return True


def plausible_published(found: date, label: str) -> date:
    """The date, unless no report could carry it: every relative date ("on
    Tuesday") would be resolved against it, so a wrong one does silent harm."""
    latest = date.today() + timedelta(days=2)  # a day ahead is a time zone, not an error
    if found > latest:
        raise MalformedInputError(label, f"'published' is in the future: {found.isoformat()}")
    if found < EARLIEST_PUBLISHED:
        raise MalformedInputError(
            label, f"'published' is before {EARLIEST_PUBLISHED.year}: {found.isoformat()}"
        )
    return found


def build_article(raw: RawInput, published: date | None = None) -> Article:
    """Turn one raw input into a clean Article (layout, metadata, language check)."""
    meta = dict(raw.meta)
    text = raw.text
    if raw.html is not None:
        text, html_meta = _from_html(raw.html, raw.label)
        for key, value in html_meta.items():
            meta.setdefault(key, value)
    assert text is not None
    text = check_text(text, raw.label, MAX_CHARS)
    title = meta.get("title") if isinstance(meta.get("title"), str) else None
    source = meta.get("source") if isinstance(meta.get("source"), str) else None
    layout = analyze_layout(text, title=title, source=source, is_place=_place_predicate())
    if not layout.text.strip():
        raise InputError(raw.label, "no article text left after removing page furniture")
    language = meta.get("language") or "en"
    if language != "en" or not looks_english(layout.text):
        share, _ = english_share(layout.text)
        raise NotEnglishError(
            raw.label,
            f"not English (language {language!r}, English function words {share:.0%}); skipped",
        )
    meta_date = published or _published(meta.get("published"), raw.label)
    pub_from: Literal["metadata", "text"] | None = None
    pub: str | None = None
    if meta_date is not None:
        pub, pub_from = meta_date.isoformat(), "metadata"
    elif layout.published is not None and _plausible(layout.published):
        pub, pub_from = layout.published.isoformat(), "text"
    return Article(
        id=article_id(layout.text),
        source=source,
        url=meta.get("url") if isinstance(meta.get("url"), str) else None,
        title=layout.title or title,
        subtitle=layout.subtitle or _str(meta.get("subtitle")),
        caption=layout.caption,
        byline=layout.byline or _str(meta.get("author") or meta.get("byline")),
        dateline=layout.dateline,
        published=pub,
        published_from=pub_from,
        language="en",
        truncated=layout.truncated,
        text=layout.text,
        removed=[Removed(text=t, reason=r) for t, r in layout.removed],
        subheadings=[Subheading(text=t, span=(s, e)) for t, s, e in layout.subheadings],
    )


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _from_html(html: str, label: str) -> tuple[str, dict[str, Any]]:
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    if doc is None:
        raise InputError(label, "HTML with no article text found")
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    body = data.get("text") or ""
    if len(body.split()) < 5:  # navigation crumbs, a cookie notice
        raise InputError(label, "HTML with no article text found")
    meta = {
        "title": data.get("title"),
        "author": data.get("author"),
        "published": data.get("date"),
        "url": data.get("url"),
        "source": data.get("sitename") or data.get("hostname"),
    }
    return body, {k: v for k, v in meta.items() if v}


def sidecar_path(path: Path) -> Path:
    """``report.txt`` -> ``report.meta.json``: where an input's metadata would be."""
    name = path.name
    for suffix in (*TEXT_SUFFIXES, *HTML_SUFFIXES):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
            break
    return path.with_name(name + META_SUFFIX)


def parse_sidecar(data: bytes, label: str) -> dict[str, Any]:
    """The metadata object of a ``.meta.json`` file, or MalformedInputError naming it."""
    try:
        meta = json.loads(decode_bytes(data, label))
    except json.JSONDecodeError as exc:
        raise MalformedInputError(
            label, f"malformed JSON: {exc.msg} at line {exc.lineno}"
        ) from None
    if not isinstance(meta, dict):
        raise MalformedInputError(label, "sidecar metadata must be a JSON object")
    return meta


def _looks_like_html(text: str) -> bool:
    head = text[:2000].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or bool(
        re.search(r"<(?:p|div|article|body)\b[^>]*>", head)
    )


def read_file(path: Path) -> Iterator[RawInput | InputError]:
    """One file: JSON Lines and Parquet yield one input per line or row, anything else one."""
    label = str(path)
    try:
        data = path.read_bytes()
        sidecar = sidecar_path(path)
        meta = sidecar.read_bytes() if sidecar.exists() else None
    except OSError as exc:
        yield InputError(label, f"cannot read: {exc.strerror or exc}")
        return
    yield from parse_file(label, data, meta, str(sidecar_path(path)))


def parse_file(
    label: str, data: bytes, meta: bytes | None = None, meta_label: str = ""
) -> Iterator[RawInput | InputError]:
    """The inputs in one file's bytes; ``label`` ends with the file name.

    Separate from reading so that Spark executors, which get the bytes from
    ``binaryFile``, parse exactly as the local runner does.
    """
    suffix = Path(label).suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl(data, label)
        return
    if suffix in PARQUET_SUFFIXES:
        yield from read_parquet(data, label)
        return
    try:
        text = decode_bytes(data, label)
        metadata = parse_sidecar(meta, meta_label) if meta is not None else {}
    except InputError as exc:
        yield exc
        return
    if suffix in HTML_SUFFIXES or _looks_like_html(text):
        yield RawInput(label=label, html=text, meta=metadata)
    else:
        yield RawInput(label=label, text=text, meta=metadata)


def read_parquet(data: bytes, label: str) -> Iterator[RawInput | InputError]:
    """A Parquet file of articles: a ``text`` or ``html`` column plus metadata columns.

    Rows are labelled ``file:N`` (N from 1) like JSON Lines, so a failure names its row.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        table = pq.read_table(pa.BufferReader(data))
    except (OSError, ValueError, pa.ArrowException) as exc:
        yield MalformedInputError(label, f"not a readable Parquet file: {exc}")
        return
    if "text" not in table.column_names and "html" not in table.column_names:
        yield MalformedInputError(label, "Parquet file has no 'text' or 'html' column")
        return
    for number, record in enumerate(table.to_pylist(), start=1):
        yield from record_input(record, f"{label}:{number}", number, "row")


def read_jsonl(data: bytes, label: str) -> Iterator[RawInput | InputError]:
    """JSON Lines: one article per line with ``text`` or ``html`` and optional metadata."""
    try:
        content = decode_bytes(data, label)
    except InputError as exc:
        yield exc
        return
    for number, line in enumerate(content.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{label}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield MalformedInputError(where, f"malformed JSON on line {number}: {exc.msg}")
            continue
        if not isinstance(record, dict):
            yield MalformedInputError(where, f"line {number} is not a JSON object")
            continue
        yield from record_input(record, where, number, "line")


def record_input(
    record: dict[str, Any], where: str, number: int, unit: str
) -> Iterator[RawInput | InputError]:
    """One JSON Lines object or Parquet row: ``text`` or ``html`` plus metadata."""
    text, html = record.get("text"), record.get("html")
    if not isinstance(text, str) and not isinstance(html, str):
        yield MalformedInputError(where, f"{unit} {number} has no 'text' or 'html' string")
        return
    meta = {k: v for k, v in record.items() if k not in ("text", "html") and v is not None}
    if isinstance(text, str):
        yield RawInput(label=where, text=text, meta=meta)
    else:
        yield RawInput(label=where, html=html, meta=meta)


def iter_inputs(paths: Iterable[str | Path]) -> Iterator[RawInput | InputError]:
    """Files and folders (recursively, sorted), skipping sidecars and hidden files."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if (
                    child.is_file()
                    and not child.name.startswith(".")
                    and not child.name.endswith(META_SUFFIX)
                    and child.suffix.lower() in INPUT_SUFFIXES
                ):
                    yield from read_file(child)
        elif path.exists():
            yield from read_file(path)
        else:
            yield InputError(str(path), "no such file or folder")


def iter_articles(
    paths: Iterable[str | Path], published: date | None = None
) -> Iterator[Article | InputError]:
    """Articles from files and folders; failures come through as InputError values."""
    for _, item in iter_labelled(paths, published):
        yield item


def iter_labelled(
    paths: Iterable[str | Path], published: date | None = None
) -> Iterator[tuple[str, Article | InputError]]:
    """(label, article or error): the label (``file`` or ``file:line``) is what a
    failure found later, during analysis, is reported under."""
    for item in iter_inputs(paths):
        if isinstance(item, InputError):
            yield item.source, item
            continue
        try:
            yield item.label, build_article(item, published)
        except InputError as exc:
            yield item.label, exc


def article_from_text(
    text: str,
    *,
    title: str | None = None,
    published: str | date | None = None,
    source: str | None = None,
    url: str | None = None,
    label: str = "<text>",
) -> Article:
    """An Article from a string, as the library API and tests use it."""
    pub = _published(published, label) if isinstance(published, str) else published
    meta = {"title": title, "source": source, "url": url}
    return build_article(
        RawInput(label=label, text=text, meta={k: v for k, v in meta.items() if v}), pub
    )
