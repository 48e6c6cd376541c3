"""Evaluations against gold data read where it lives (``../shared/gold``)."""

from __future__ import annotations

import bisect
import difflib
import hashlib
import re
from collections.abc import Callable

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


def offset_map(clean: str, original: str) -> Callable[[int], int]:
    """Where a character of the analysed text stands in the gold file's text.

    Ingest cleans what it reads (a live blog's timestamp lines, soft hyphens,
    hard-wrapped lines joined), so the analysed text is not always a slice of
    the original; a single offset would shift every span after the first change
    and score right answers as wrong. Characters are aligned instead; one that
    cleaning inserted maps to the next original character.
    """
    at = original.find(clean[:200]) if clean else -1
    if at >= 0 and original[at : at + len(clean)] == clean:
        return lambda p: p + at
    pieces = re.compile(r"\s+|\w+|[^\w\s]")
    ours = [(m.start(), m.group()) for m in pieces.finditer(clean)]
    theirs = [(m.start(), m.group()) for m in pieces.finditer(original)]
    matcher = difflib.SequenceMatcher(
        None, [t for _, t in theirs], [t for _, t in ours], autojunk=False
    )
    blocks = [b for b in matcher.get_matching_blocks() if b.size]
    starts = [b.b for b in blocks]
    token_starts = [at for at, _ in ours]

    def to_original(p: int) -> int:
        k = bisect.bisect_right(token_starts, p) - 1  # the piece of ours holding p
        if k < 0 or not blocks:
            return p
        i = bisect.bisect_right(starts, k) - 1
        if i >= 0 and k < blocks[i].b + blocks[i].size:
            j = blocks[i].a + k - blocks[i].b
            return theirs[j][0] + min(p - ours[k][0], len(theirs[j][1]))
        if i + 1 < len(blocks):  # a piece cleaning added: the next original one
            return theirs[blocks[i + 1].a][0]
        return len(original)

    return to_original


def moved(where: Callable[[int], int], start: int, end: int) -> tuple[int, int]:
    """A span of the analysed text on the gold file's text (``where`` from
    ``offset_map``): its first and its last character moved."""
    return (where(start), where(end - 1) + 1) if end > start else (where(start), where(start))
