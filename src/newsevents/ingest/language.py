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


#: Frequent words of English conflict and news reporting. Terse agency notes and
#: military briefs ("3 soldiers killed, 2 wounded near Boni; casualties unknown")
#: have few function words but are plainly English by their vocabulary.
_ENGLISH_NEWS_WORDS = frozenset(
    [
        "killed",
        "wounded",
        "injured",
        "dead",
        "died",
        "attack",
        "attacked",
        "attacks",
        "clash",
        "clashes",
        "fighting",
        "forces",
        "force",
        "troops",
        "soldiers",
        "soldier",
        "police",
        "militants",
        "rebels",
        "civilians",
        "civilian",
        "people",
        "group",
        "groups",
        "gunmen",
        "armed",
        "army",
        "military",
        "security",
        "government",
        "officials",
        "official",
        "said",
        "says",
        "reported",
        "report",
        "near",
        "village",
        "town",
        "district",
        "province",
        "region",
        "area",
        "city",
        "border",
        "fire",
        "fired",
        "shelling",
        "shelled",
        "strike",
        "strikes",
        "airstrike",
        "airstrikes",
        "bomb",
        "bombing",
        "explosion",
        "blast",
        "protest",
        "protesters",
        "protested",
        "demonstration",
        "demonstrators",
        "rally",
        "arrested",
        "detained",
        "arrest",
        "killing",
        "casualties",
        "fatalities",
        "unknown",
        "unidentified",
        "suspected",
        "members",
        "member",
        "attackers",
        "during",
        "against",
        "between",
        "after",
        "before",
        "into",
        "over",
        "under",
        "against",
        "while",
        "since",
        "camp",
        "base",
        "post",
        "checkpoint",
        "vehicle",
        "vehicles",
        "road",
        "market",
        "houses",
        "homes",
        "looted",
        "burned",
        "abducted",
        "kidnapped",
        "released",
        "captured",
        "seized",
        "retook",
        "took",
        "took",
        "control",
        "withdrew",
        "operation",
        "operations",
        "ambush",
        "ambushed",
        "raid",
        "raided",
        "positions",
        "position",
        "targeted",
        "hit",
        "women",
        "children",
        "men",
        "youth",
        "students",
        "workers",
        "farmers",
        "herders",
        "traders",
        "local",
        "state",
        "national",
        "federal",
        "ministry",
        "minister",
        "president",
        "leaders",
        "leader",
        "party",
        "opposition",
    ]
)


def news_vocabulary_share(text: str) -> float:
    """Share of lower-case words that are English function words or frequent
    English news words."""
    words = [w.lower() for w in _WORD.findall(text[:20000]) if not w[0].isupper()]
    if not words:
        return 0.0
    known = _ENGLISH_FUNCTION_WORDS | _ENGLISH_NEWS_WORDS
    return sum(1 for w in words if w in known) / len(words)


def looks_english(text: str) -> bool:
    if latin_share(text) < 0.5:
        return False  # Cyrillic, Arabic, CJK...: not English however short
    share, count = english_share(text)
    if count < MIN_WORDS:
        return True  # too short to judge: a headline has no function words
    if share >= MIN_SHARE:
        return True
    # terse English (agency notes, military briefs): some function words, and
    # most of the rest English news vocabulary
    return share >= 0.03 and news_vocabulary_share(text) >= 0.3
