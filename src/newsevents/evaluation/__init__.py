"""Evaluations against gold data read where it lives (``../shared/gold``)."""

from __future__ import annotations

import hashlib
import re

_NO_SPACE_BEFORE = re.compile(r"^(?:[.,;:!?%)\]}]|'s|'|n't|'re|'ve|'ll|'d|'m)$")
_NO_SPACE_AFTER = frozenset(["(", "[", "{", "$", "``"])


def frozen(item_id: str) -> bool:
    """Whether an item is in the third held back from tuning: sha256 of its id is 0
    modulo 3, fixed before any change. Its figures are printed, its errors never."""
    return int(hashlib.sha256(item_id.encode()).hexdigest()[:8], 16) % 3 == 0


def rebuild_text(
    tokens: list[tuple[str, int, str]],
) -> tuple[str, dict[str, tuple[int, int]], list[int]]:
    """Text from gold tokens with ordinary spacing: the text, token id -> span, and
    the offset where each sentence starts (the first sentence, a title, ends in a
    blank line), so token anchors become character spans."""
    parts: list[str] = []
    spans: dict[str, tuple[int, int]] = {}
    sentence_starts: list[int] = []
    pos = 0
    last_sentence = -1
    prev = ""
    for t_id, sentence, word in tokens:
        if sentence != last_sentence:
            if parts:
                parts.append("\n\n" if len(sentence_starts) == 1 else " ")
                pos += len(parts[-1])
            sentence_starts.append(pos)
            last_sentence = sentence
        elif parts and not _NO_SPACE_BEFORE.match(word) and prev not in _NO_SPACE_AFTER:
            parts.append(" ")
            pos += 1
        spans[t_id] = (pos, pos + len(word))
        parts.append(word)
        pos += len(word)
        prev = word
    return "".join(parts), spans, sentence_starts
