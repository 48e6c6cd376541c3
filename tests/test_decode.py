import codecs
from pathlib import Path

import pytest

from newsevents.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    InputTooLargeError,
)
from newsevents.ingest.decode import decode_bytes


def test_plain_utf8_with_bom_and_crlf() -> None:
    text = decode_bytes(codecs.BOM_UTF8 + b"Kyiv said\r\nno.", "a.txt")
    assert text == "Kyiv said\nno."


def test_utf16_with_bom_is_decoded() -> None:
    data = "Talks resumed in Geneva.".encode("utf-16")
    assert decode_bytes(data, "u16.txt") == "Talks resumed in Geneva."


@pytest.mark.parametrize(
    ("data", "error", "words"),
    [
        (b"", EmptyInputError, "empty"),
        (b"  \n\t \n", EmptyInputError, "whitespace"),
        (b"%PDF-1.7\n...", BinaryInputError, "PDF"),
        (b"\x89PNG\r\n\x1a\n....", BinaryInputError, "PNG"),
        (b"some text\x00with a NUL", BinaryInputError, "NUL"),
        ("Caf\u00e9 in M\u00e1laga".encode("latin-1"), EncodingError, "not UTF-8"),
    ],
)
def test_bad_bytes_name_the_input_and_the_problem(
    data: bytes, error: type[Exception], words: str
) -> None:
    with pytest.raises(error) as info:
        decode_bytes(data, "inputs/bad.txt")
    assert "inputs/bad.txt" in str(info.value)
    assert words in str(info.value)


def test_too_large() -> None:
    with pytest.raises(InputTooLargeError, match="too large"):
        decode_bytes(b"a" * 101, "big.txt", max_bytes=100)


def test_short_text_in_another_script_is_not_english(tmp_path: Path) -> None:
    from newsevents import iter_articles
    from newsevents.errors import NotEnglishError

    path = tmp_path / "utf16.txt"
    path.write_bytes(b"\xff\xfe\x00bad")  # valid UTF-16: two CJK characters
    (item,) = list(iter_articles([path]))
    assert isinstance(item, NotEnglishError)
    assert "utf16.txt" in str(item)
