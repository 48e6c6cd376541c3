"""Bytes to text, with the checks that keep binary and mis-encoded files out.

Scraped corpora hold PDFs, images and Latin-1 pages next to the articles; each
must fail on its own with a message naming the file, never take a batch down.
"""

from __future__ import annotations

import codecs
import re

from ..errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    InputTooLargeError,
    MalformedInputError,
)

#: Largest input accepted, in bytes. Far above any news article; a guard against dumps.
MAX_BYTES = 20 * 1024 * 1024

_BINARY_MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or an Office document)",
    b"\x1f\x8b": "a gzip archive",
    b"\x7fELF": "an executable",
}


def decode_bytes(data: bytes, source: str, max_bytes: int = MAX_BYTES) -> str:
    """Decode ``data`` as UTF-8 text or raise an InputError naming ``source``.

    UTF-16 and UTF-8 byte-order marks are honoured; any other encoding is refused
    rather than guessed, because a wrong guess silently corrupts every span.
    """
    if len(data) > max_bytes:
        raise InputTooLargeError(source, f"too large: {len(data):,} bytes (limit {max_bytes:,})")
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise BinaryInputError(source, f"binary input: looks like {what}")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise EncodingError(source, f"invalid UTF-16 at byte {exc.start}") from None
    else:
        if b"\x00" in data:
            raise BinaryInputError(source, "binary input: contains NUL bytes")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            problem = f"not UTF-8: invalid byte 0x{data[exc.start]:02x} at offset {exc.start}"
            if _is_cp1252(data):
                problem += (
                    "; it reads as Latin-1/Windows-1252: convert it to UTF-8 "
                    "(iconv -f windows-1252 -t utf-8)"
                )
            raise EncodingError(source, problem) from None
    return check_text(text, source)


_DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def decode_html(data: bytes, source: str, max_bytes: int = MAX_BYTES) -> str:
    """An HTML page's text: UTF-8 as ``decode_bytes`` reads it, else the charset
    the page declares (``<meta charset="windows-1252">``), which is not a guess:
    it is what the publisher said. Undeclared non-UTF-8 is still refused."""
    try:
        return decode_bytes(data, source, max_bytes)
    except EncodingError as exc:
        declared = _DECLARED.search(data[:4096])
        if declared is None:
            raise
        name = declared.group(1).decode("ascii", "replace").lower()
        try:
            codec = codecs.lookup(name).name
        except LookupError:
            problem = f"{exc.problem}; it declares an unknown charset {name!r}"
            raise EncodingError(source, problem) from None
        if codec in ("utf-8", "utf-8-sig"):
            raise
        if codec in ("latin-1", "iso8859-1", "ascii"):
            codec = "cp1252"  # what browsers read for both, as the HTML standard says
        try:
            text = data.decode(codec)
        except UnicodeDecodeError as bad:
            raise EncodingError(
                source, f"not valid {name} as the page declares: byte offset {bad.start}"
            ) from None
        return check_text(text, source)


def _is_cp1252(data: bytes) -> bool:
    """Decodes as Windows-1252 into text without control characters (a hint, not a guess)."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return not any(ord(ch) < 32 and ch not in "\n\r\t\f" for ch in text)


#: Longest text taken as one article, in characters. Longer than any report, even
#: a transcript; beyond it the input is a dump or a whole site in one line.
MAX_CHARS = 2_000_000


def check_text(text: str, source: str, max_chars: int | None = None) -> str:
    """Reject text that is empty, made of control characters, or (with ``max_chars``,
    for one article rather than a file of many) far longer than any article;
    normalise newlines."""
    if max_chars is not None and len(text) > max_chars:
        raise InputTooLargeError(
            source,
            f"too long for one article: {len(text):,} characters (limit {max_chars:,}); "
            "split it into articles",
        )
    if not text.strip():
        raise EmptyInputError(source, "empty input" if not text else "whitespace only")
    if "\x00" in text:
        raise BinaryInputError(source, "binary input: contains NUL characters")
    bad = lone_surrogate(text)
    if bad is not None:
        raise EncodingError(source, not_unicode(*bad))
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > max(10, len(text) // 100):
        raise BinaryInputError(source, f"binary input: {controls} control characters")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _INVISIBLE.sub("", text) if _INVISIBLE.search(text) else text


#: A UTF-16 surrogate on its own: what a JSON "\\ud800" escape or a string cut in
#: the middle of an emoji leaves. It is no character, cannot be written as UTF-8
#: (so not stored, hashed or printed), and is refused like a bad byte.
_SURROGATE = re.compile("[\ud800-\udfff]")

#: Characters that are invisible and only split words: a zero-width space inside
#: "Mir\u200bzoyan" made two entities of one name. Taken out of the text before
#: any offset is counted. (Zero-width joiners stay: scripts and emoji need them.)
_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad]")


def lone_surrogate(text: str) -> tuple[str, int] | None:
    """The first lone surrogate of ``text`` and where it is, or None."""
    found = _SURROGATE.search(text)
    return None if found is None else (found.group(), found.start())


def not_unicode(char: str, at: int) -> str:
    """The problem with a lone surrogate, written without the character itself."""
    return (
        f"not valid Unicode: a lone surrogate U+{ord(char):04X} at character {at} "
        "(a broken \\u escape or a cut emoji)"
    )


def clean_metadata(value: str, field: str, source: str) -> str:
    """A metadata string (title, source, URL) as it can be stored in any database.

    A NUL or a lone surrogate in it is refused, naming the field: PostgreSQL
    cannot store the first, nothing can encode the second, and guessing what
    was meant would put words in an outlet's headline. Invisible characters
    are taken out, as in the text.
    """
    if "\x00" in value:
        raise MalformedInputError(source, f"'{field}' contains a NUL character")
    bad = lone_surrogate(value)
    if bad is not None:
        raise EncodingError(source, f"'{field}' is " + not_unicode(*bad))
    return _INVISIBLE.sub("", value)
