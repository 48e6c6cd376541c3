"""A cheap, offline check that a text is English.

The extractors are built for English; running them on Spanish or Russian gives
confident nonsense. Function words are the most reliable signal on short news
texts and need no model: English prose has a high share of them.
"""

from __future__ import annotations

import re

_ENGLISH_FUNCTION_WORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "in",
        "a",
        "is",
        "that",
        "for",
        "on",
        "was",
        "with",
        "he",
        "it",
        "as",
        "at",
        "by",
        "his",
        "from",
        "are",
        "this",
        "be",
        "has",
        "had",
        "have",
        "not",
        "but",
        "or",
        "an",
        "they",
        "which",
        "were",
        "their",
        "been",
        "its",
        "who",
        "will",
        "would",
        "there",
        "said",
        "says",
        "after",
        "over",
        "against",
        "than",
        "also",
        "more",
        "into",
        "up",
        "out",
        "about",
        "can",
        "could",
        "one",
        "two",
        "we",
        "our",
        "she",
        "her",
        "them",
        "i",
        "you",
    ]
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)

#: Fewer words than this and we do not judge.
MIN_WORDS = 12
#: Share of function words below which a text is called non-English.
MIN_SHARE = 0.12


def english_share(text: str) -> tuple[float, int]:
    """Share of English function words among the lower-case words of ``text``, and
    how many there are.

    Capitalised words are names in news copy ("Indian Prime Minister Narendra
    Modi met Brazilian President ..."), and names say nothing about the
    language, so a name-heavy brief would look foreign if they counted.
    German nouns are capitalised too, which leaves German judged on its
    function words, as it should be.
    """
    words = [w for w in _WORD.findall(text[:20000]) if not w[0].isupper()]
    if not words:
        return 0.0, 0
    hits = sum(1 for w in words if w.lower() in _ENGLISH_FUNCTION_WORDS)
    return hits / len(words), len(words)


def latin_share(text: str) -> float:
    """Share of letters in the Latin script (basic and extended)."""
    letters = [c for c in text[:20000] if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if c < "\u0250") / len(letters)


def looks_english(text: str) -> bool:
    if latin_share(text) < 0.5:
        return False  # Cyrillic, Arabic, CJK...: not English however short
    share, count = english_share(text)
    if count < MIN_WORDS:
        return True  # too short to judge: a headline has no function words
    return share >= MIN_SHARE
