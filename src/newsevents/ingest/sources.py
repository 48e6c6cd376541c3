"""Reading inputs: text files, HTML, JSON Lines, sidecar metadata and folders.

Every reader yields either an Article or the InputError that explains why one
input could not become an Article. A batch therefore never stops on a bad file
or a broken JSON line: the caller records the error and goes on.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Literal

from ..dates import dateline_date, parse_absolute_date, parse_iso_date
from ..errors import (
    BinaryInputError,
    InputError,
    InputTooLargeError,
    MalformedInputError,
    NotEnglishError,
)
from ..model import Article, Removed, Subheading
from .decode import MAX_BYTES, MAX_CHARS, check_text, clean_metadata, decode_bytes, decode_html
from .language import english_share, looks_english
from .layout import analyze_layout
from .web import Fetcher, is_url

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

    return load_gazetteer().is_dateline_place


def _published(value: Any, label: str) -> date | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise MalformedInputError(label, f"'published' must be a date string, got {value!r}")
    iso_shaped = re.match(r"\s*\d{4}-\d\d-\d\d", value) is not None
    found = parse_iso_date(value) if iso_shaped else parse_absolute_date(value)
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
    for key, value in list(meta.items()):
        if isinstance(value, str):
            meta[key] = clean_metadata(value, key, raw.label)
    title = meta.get("title") if isinstance(meta.get("title"), str) else None
    source = meta.get("source") if isinstance(meta.get("source"), str) else None
    layout = analyze_layout(text, title=title, source=source, is_place=_place_predicate())
    if not layout.text.strip() and layout.title:
        # the text is its headline and nothing more (a wire flash, a feed item):
        # the headline is the body, analysed like any other
        headline = layout.title
        layout = analyze_layout(text, source=source, detect_header=False)
        layout.title = headline
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
        dateline_date=dateline_date(layout.dateline_day, pub),
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


def _gunzip(data: bytes, label: str) -> bytes:
    """The content of a gzip file, no more than the input size limit of it."""
    import gzip
    import zlib

    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            content = stream.read(MAX_BYTES + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise BinaryInputError(label, f"not a readable gzip file: {exc}") from None
    if len(content) > MAX_BYTES:
        raise InputTooLargeError(
            label, f"too large: over {MAX_BYTES:,} bytes uncompressed (limit {MAX_BYTES:,})"
        )
    return content


def parse_file(
    label: str, data: bytes, meta: bytes | None = None, meta_label: str = ""
) -> Iterator[RawInput | InputError]:
    """The inputs in one file's bytes; ``label`` ends with the file name.

    Separate from reading so that Spark executors, which get the bytes from
    ``binaryFile``, parse exactly as the local runner does.
    """
    suffix = input_suffix(Path(label)) or Path(label).suffix.lower()
    if Path(label).suffix.lower() in COMPRESSED_SUFFIXES:
        try:
            data = _gunzip(data, label)  # "wire.jsonl.gz" reads as JSON Lines
        except InputError as exc:
            yield exc
            return
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl(data, label)
        return
    if suffix in PARQUET_SUFFIXES:
        yield from read_parquet(data, label)
        return
    try:
        is_html = suffix in HTML_SUFFIXES
        text = decode_html(data, label) if is_html else decode_bytes(data, label)
        metadata = parse_sidecar(meta, meta_label) if meta is not None else {}
    except InputError as exc:
        yield exc
        return
    if is_html or _looks_like_html(text):
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


def iter_inputs(
    paths: Iterable[str | Path], fetcher: Fetcher | None = None
) -> Iterator[RawInput | InputError]:
    """Files and folders (recursively, in path order), skipping sidecars and hidden
    files, and web pages given by http(s) URL (fetched politely by ``fetcher``).

    Whatever cannot be read is said, never skipped in silence: a folder we may
    not enter, a dangling link, a FIFO or device (reading one would block the
    run), a compressed file of unknown content. Files of other types inside a
    folder are not articles and are passed over.
    """
    for given in paths:
        if is_url(str(given)):
            fetcher = fetcher or Fetcher()
            yield fetch_page(str(given), fetcher)
            continue
        path = Path(given)
        try:
            path.lstat()
        except FileNotFoundError:
            pass
        except OSError as exc:  # a folder on the way may not be entered
            yield InputError(str(path), f"cannot read: {exc.strerror or exc}")
            continue
        if path.is_dir():
            yield from _folder(path)
        elif path.exists() or path.is_symlink():
            problem = _not_readable(path)
            if problem is not None:
                yield problem
            else:
                yield from read_file(path)
        else:
            yield InputError(str(path), "no such file or folder")


def fetch_page(url: str, fetcher: Fetcher) -> RawInput | InputError:
    """A web page as an input: its HTML (or plain text), its URL as metadata."""
    try:
        found = fetcher.fetch(url)
        kind = (found.headers.get_content_type() or "").lower()
        if kind in ("text/plain", "text/markdown"):
            return RawInput(label=url, text=decode_bytes(found.body, url), meta={"url": found.url})
        html = decode_html(found.body, url)
    except InputError as exc:
        return exc
    return RawInput(label=url, html=html, meta={"url": found.url})


def _not_readable(path: Path) -> InputError | None:
    """Why ``path`` cannot be read as an input file (a dangling link; a FIFO, whose
    read would block the run; a socket or device), or None for a regular file."""
    if path.is_symlink() and not path.exists():
        return InputError(str(path), "broken symbolic link: its target does not exist")
    if path.is_fifo():
        kind = "a FIFO"
    elif path.is_socket():
        kind = "a socket"
    elif path.is_block_device() or path.is_char_device():
        kind = "a device"
    elif not path.is_file():
        kind = "not a file"
    else:
        return None
    return InputError(str(path), f"not a regular file ({kind}); skipped")


def _folder(root: Path) -> Iterator[RawInput | InputError]:
    problems: list[InputError] = []

    def unreadable(exc: OSError) -> None:
        where = exc.filename or str(root)
        problems.append(InputError(str(where), f"cannot read folder: {exc.strerror or exc}"))

    found: list[Path] = []
    for folder, dirs, files in os.walk(root, onerror=unreadable):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found += [Path(folder, name) for name in files if not name.startswith(".")]
    yield from problems
    for child in sorted(found):
        if child.name.endswith(META_SUFFIX):
            continue
        problem = _not_readable(child)
        if problem is not None:
            yield problem
        elif input_suffix(child) is not None:
            yield from read_file(child)
        elif child.suffix.lower() in COMPRESSED_SUFFIXES:
            yield InputError(
                str(child),
                "compressed file of unknown content: name it .txt.gz, .html.gz or .jsonl.gz",
            )


#: Compressed inputs, read as the file inside (``wire.jsonl.gz`` is JSON Lines).
COMPRESSED_SUFFIXES = {".gz"}


def input_suffix(path: Path) -> str | None:
    """The input type of a file name, looking through ``.gz``."""
    suffixes = [x.lower() for x in path.suffixes]
    if suffixes and suffixes[-1] in COMPRESSED_SUFFIXES:
        suffixes = suffixes[:-1]
    if suffixes and suffixes[-1] in INPUT_SUFFIXES:
        return suffixes[-1]
    return None


def iter_articles(
    paths: Iterable[str | Path], published: date | None = None
) -> Iterator[Article | InputError]:
    """Articles from files and folders; failures come through as InputError values."""
    for _, item in iter_labelled(paths, published):
        yield item


def iter_labelled(
    paths: Iterable[str | Path], published: date | None = None, fetcher: Fetcher | None = None
) -> Iterator[tuple[str, Article | InputError]]:
    """(label, article or error): the label (``file``, ``file:line`` or the URL) is
    what a failure found later, during analysis, is reported under."""
    for item in iter_inputs(paths, fetcher):
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
