"""Calendar words and absolute date parsing shared by ingest and the times extractor.

Kept dependency-free on purpose: news dates come in a handful of shapes, and a
small resolver that we can measure (eval seed, tests) beats a general parser that
guesses day/month order or invents a year.
"""

from __future__ import annotations

import re
from datetime import date

MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = {
    name: i
    for i, names in enumerate(
        [
            ("monday", "mon"),
            ("tuesday", "tue", "tues"),
            ("wednesday", "wed"),
            ("thursday", "thu", "thur", "thurs"),
            ("friday", "fri"),
            ("saturday", "sat"),
            ("sunday", "sun"),
        ]
    )
    for name in names
}

_MONTH_RE = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY_RE = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR_RE = r"(?P<year>(?:19|20)\d\d)"

_ABSOLUTE_PATTERNS = [
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)\b"),
    re.compile(rf"\b{_DAY_RE}\s+(?:of\s+)?{_MONTH_RE},?\s+{_YEAR_RE}\b", re.I),
    re.compile(rf"\b{_MONTH_RE}\s+{_DAY_RE},?\s+{_YEAR_RE}\b", re.I),
    # day/month/year as Europe writes it; month/day only when the day is > 12
    re.compile(r"\b(?P<day>[0-3]?\d)[/.](?P<mnum>[01]?\d)[/.](?P<year>(?:19|20)\d\d)\b"),
    re.compile(r"\b(?P<mnum>[01]?\d)/(?P<day>[0-3]?\d)/(?P<year>(?:19|20)\d\d)\b"),
]


def valid_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_absolute_date(text: str) -> date | None:
    """The first full calendar date (day, month and year all given) in ``text``."""
    for pattern in _ABSOLUTE_PATTERNS:
        m = pattern.search(text)
        if not m:
            continue
        groups = m.groupdict()
        month = int(groups["mnum"]) if groups.get("mnum") else MONTHS[groups["month"].lower()]
        found = valid_date(int(groups["year"]), month, int(groups["day"]))
        if found:
            return found
    return None


def parse_iso_date(value: str) -> date | None:
    """``YYYY-MM-DD``, optionally with an ISO time and offset, to a date, else None.

    The time is checked too: "2025-03-13T25:99" is not a moment, and a stamp
    that cannot be is a sign the whole field is wrong.
    """
    m = re.match(r"\s*((?:1[89]|20|21)\d\d)-(\d\d)-(\d\d)", value)
    if not m:
        return None
    found = valid_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    rest = value[m.end() :].strip()
    if found is None or not rest:
        return found
    from datetime import datetime

    try:
        datetime.fromisoformat(value.strip().replace(" ", "T", 1))
    except ValueError:
        return None
    return found


def dateline_date(day: str | None, published: str | None) -> str | None:
    """ "March 5" of a wire dateline as a date: the one of that month and day
    nearest the publication date (a story datelined "Dec. 31" and published on
    January 2 is of the year before). None without a publication date: the
    dateline gives no year."""
    if not day or not published:
        return None
    m = re.fullmatch(r"([A-Za-z]+)\.?\s+(\d{1,2})", day.strip())
    month = MONTHS.get(m.group(1).lower()) if m else None
    if m is None or month is None:
        return None
    pub = date.fromisoformat(published)
    candidates = []
    for year in (pub.year - 1, pub.year, pub.year + 1):
        try:
            candidates.append(date(year, month, int(m.group(2))))
        except ValueError:
            continue
    if not candidates:
        return None
    best = min(candidates, key=lambda d: abs((d - pub).days))
    return best.isoformat() if abs((best - pub).days) <= 31 else None
