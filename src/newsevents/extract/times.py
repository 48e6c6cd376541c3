"""Temporal expressions, normalised TIMEX3-style against the publication date.

Candidates come from the model's DATE/TIME entities and from our own patterns
(weekdays, "N-day" adjectives, relative words) because the small model misses
some. Values: ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY``, ``YYYY-Www``, ISO 8601
durations (``P5D``, ``PT1H30M``) and the TIMEX3 references ``PRESENT_REF``,
``PAST_REF``, ``FUTURE_REF``. Relative expressions with no publication date keep
their text and get no value rather than a wrong one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from spacy.tokens import Doc, Span

from ..dates import MONTHS, WEEKDAYS, parse_absolute_date, valid_date
from ..model import Article, Time, TimeKind
from .text import doc_ents, doc_text

_NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
}
_UNITS = {
    "second": ("T", "S"),
    "minute": ("T", "M"),
    "hour": ("T", "H"),
    "day": ("", "D"),
    "week": ("", "W"),
    "month": ("", "M"),
    "year": ("", "Y"),
    "decade": ("", "DE"),
}
_NUM = r"(?:\d+(?:\.\d+)?|(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?)"
_UNIT1 = r"(?:second|minute|hour|day|week|month|year|decade)"
_UNIT = _UNIT1 + "s?"
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
)

_MONTH_ABBR = rf"(?:{_MONTH}|(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?)"

#: The future as TIMEX3 FUTURE_REF: "the near future", "the long term".
_FUTURE_REF = r"the (?:near |distant |foreseeable )?future|the (?:near|short|long|medium) term"

# Expressions the model tends to miss; found by pattern and merged with its spans.
#: Holidays as news capitalises them, each with a rule in ``_holiday``.
_HOLIDAY_NAMES = (
    r"Christmas(?: Day| Eve)?|New Year's (?:Day|Eve)|Halloween|Valentine's Day|Boxing Day"
    r"|Thanksgiving(?: Day)?|Easter(?: Sunday)?|Good Friday|the Fourth of July"
    r"|Independence Day|Labor Day|Memorial Day|Veterans Day|Election Day"
)

#: A record the subject set, said of the stretch being reported: "had its worst
#: day since 2008", "their best week since November".
_RECORD = r"(?:its|their) (?:best|worst|biggest|strongest|weakest|sharpest|steepest)"
#: What may follow the stretch without naming another one.
_RECORD_TAIL = r"(?: (?:since|in|of) .*)?"

#: What may follow a day of the month named alone ("on the 3rd"): the clause
#: ends, or another phrase starts; not a noun ("the 3rd floor", "the 25th anniversary").
_DAY_ALONE_END = r"(?=\s*[,.;:)]|\s+(?:and|at|in|when|after|but)\b)"
_DAY_ALONE = re.compile(r"the ([1-3]?\d)(?:st|nd|rd|th)")

#: Words (lower case) one of which every match of a pattern holds: a pattern
#: whose words are all absent from the text is not run over it (a scan costs
#: about 0.1-0.5 ms on a long article; most patterns find nothing in most texts).
_NEEDS: dict[re.Pattern[str], tuple[str, ...]] = {}


def _needs(pattern: re.Pattern[str], *words: str) -> re.Pattern[str]:
    _NEEDS[pattern] = words
    return pattern


#: The seasons' names, the gate words of the patterns that find seasons.
_SEASON_WORDS = ("spring", "summer", "autumn", "fall", "winter")

_PATTERNS = [
    re.compile(
        rf"\b(?:this|last|next|on|past|coming)?\s*{_WEEKDAY}"
        r"(?:\s+(?-i:morning|afternoon|evening|night))?\b(?!\s+(?-i:Night)\b)",
        re.I,
    ),
    _needs(
        re.compile(r"\b(?:today|yesterday|tomorrow|tonight)\b", re.I),
        "today",
        "yesterday",
        "tomorrow",
        "tonight",
    ),
    _needs(
        re.compile(rf"\b{_NUM}-{_UNIT1}(?:-long|-old)?\b(?=\s+[a-z])", re.I),
        "-second",
        "-minute",
        "-hour",
        "-day",
        "-week",
        "-month",
        "-year",
        "-decade",
    ),
    re.compile(rf"\b(?:the\s+)?(?:last|past|next|coming)\s+{_NUM}\s+{_UNIT}\b", re.I),
    re.compile(rf"\b{_MONTH_ABBR}\s+\d{{1,2}}(?:,?\s+\d{{4}})?\b", re.I),
    re.compile(rf"\b\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?\b", re.I),
    # TIMEX3 reference words: "in the future", "for the time being", "in the near term"
    _needs(
        re.compile(rf"\b(?:{_FUTURE_REF})\b|\bthe time being\b", re.I),
        "future",
        "term",
        "time being",
    ),
    _needs(
        re.compile(r"\b(?:earlier|later) (?:today|this (?:week|month|year))\b", re.I),
        "earlier",
        "later",
    ),
    # a day of the month alone: "voted on the 3rd." (not "on the 3rd floor")
    re.compile(rf"\bon (?P<t>the [1-3]?\d(?:st|nd|rd|th)){_DAY_ALONE_END}", re.I),
    # a count from the story's last date, wherever the clause ends: "ended two days later"
    _needs(
        re.compile(rf"\b{_NUM} (?:day|week|month|year)s? (?:later|earlier)\b", re.I),
        "later",
        "earlier",
    ),
    # "mistakes of the past", "in the past": not "the past two years"
    _needs(
        re.compile(
            rf"\b(?:in|of|from) (?P<t>the past)\b(?!-| (?:{_NUM}|few|several|couple|{_UNIT})\b)",
            re.I,
        ),
        "the past",
    ),
    # market reports: "finished the day 3% lower", "rose 1.2% on the day."
    _needs(
        re.compile(
            r"\b(?:(?:the (?:start|end|rest|beginning|close|course) of )?the day)"
            r"(?=\s*[,.;:]|\s+(?:at|with|higher|lower|up|down|and|in|on)\b|\s+\d)",
            re.I,
        ),
        "the day",
    ),
    # a record set in the stretch reported: "had its worst day since 2008"
    re.compile(rf"\b{_RECORD} (?:day|week|month|year)\b", re.I),
    # an unnamed stretch: "for years", "in just minutes", "within hours"
    re.compile(
        r"\b(?:for|within|in|over) (?:just |only |mere )?(?P<t>(?:(?:a few|several|many) )?"
        r"(?:minutes|hours|days|weeks|months|years|decades))\b(?! (?:ago|later|earlier|before|after))",
        re.I,
    ),
    # a season after a preposition ("fall" is too often a verb to be found this way)
    _needs(
        re.compile(
            r"\b(?:in|during|by|until|since) (?P<t>(?:the |this |last |next |early |late )?"
            r"(?:spring|summer|autumn|winter)(?: of (?:19|20)\d\d)?)\b(?! (?:of|session|games|olympics)\b)",
            re.I,
        ),
        "spring",
        "summer",
        "autumn",
        "winter",
    ),
    # a season that a determiner makes a time wherever it stands: "ads this fall"
    _needs(
        re.compile(
            r"\b(?i:this|last|next|coming|past) (?i:spring|summer|autumn|fall|winter)\b"
            r"(?! (?:of|in|from|to) (?:the |a |an |\d)|[-'’])"
        ),
        *_SEASON_WORDS,
    ),
    # the day the story is on, named without its date: "later that day", "that same day"
    _needs(
        re.compile(r"\b(?:(?:earlier|later) that|that same|the same) day\b", re.I),
        "that day",
        "same day",
    ),
    # "the current quarter", "the previous quarter": the model leaves them out
    _needs(
        re.compile(
            r"\bthe (?:current (?:year|quarter|month|week)|(?:previous|prior|preceding) quarter)\b",
            re.I,
        ),
        "current",
        "previous",
        "prior",
        "preceding",
    ),
    # TIMEX3 PRESENT_REF / PAST_REF words, which the model never calls dates
    _needs(
        re.compile(r"\b(?:currently|current|nowadays|recently|previously|formerly)\b", re.I),
        "current",
        "nowadays",
        "recently",
        "previously",
        "formerly",
    ),
    # a year after another in a list or a range, which the model leaves out:
    # "from 1996 to 2000", "the 2004 and 2005 Tony Awards"
    re.compile(
        r"(?<=(?:19|20)\d\d)(?:,\s*|,?\s+(?:and|or|to|until|through)\s+|\s?[-–]\s?)"
        r"(?P<t>(?:19|20)\d\d)\b(?![,.]?\d)"
    ),
    # a decade written with its century: "between the 1930s and the '50s"
    _needs(
        re.compile(r"\b(?:the )?(?:(?:early|mid|late)[- ])?(?:1[5-9]|20)\d0['’]?s\b", re.I),
        "0s",
        "0's",
        "0’s",
    ),
    # a counted stretch after "for", hedged or not: "for at least two more years"
    re.compile(
        rf"\bfor (?P<t>(?:(?:at least|at most|about|nearly|almost|up to|another|more than) )?"
        rf"{_NUM} (?:more |additional |further )?{_UNIT})\b(?! (?:ago|later|earlier|before|after))",
        re.I,
    ),
    # TIMEX3 PRESENT_REF "now" ("shares are now trading", "right now"), not "now-defunct"
    re.compile(r"\b(?:right now|just now|now)\b(?![-'’])", re.I),
    # a season with its year wherever it stands: "the economy of spring 2000"
    _needs(
        re.compile(
            r"\b(?:the )?(?:(?:early|late|mid)[- ])?(?:spring|summer|autumn|fall|winter)"
            r"(?: of)? (?:19|20)\d\d\b",
            re.I,
        ),
        *_SEASON_WORDS,
    ),
    # holidays, capitalised as news writes them ("easter" alone is a direction)
    _needs(
        re.compile(rf"\b(?:(?i:this|last|next) )?(?:{_HOLIDAY_NAMES})\b"),
        "christmas",
        "new year",
        "halloween",
        "valentine",
        "boxing day",
        "thanksgiving",
        "easter",
        "good friday",
        "fourth of july",
        "independence day",
        "labor day",
        "memorial day",
        "veterans day",
        "election day",
    ),
    # clock hours: "at 9 a.m.", "5 pm GMT"
    re.compile(r"\b\d{1,2}\s?(?:[ap]\.m\.?|[ap]m\b)(?:\s?(?:UTC|GMT))?", re.I),
    # clock times: "16:08 UTC", "0800 GMT", "3:30 p.m."
    re.compile(r"\b\d{1,2}:\d\d(?:\s?(?:[ap]\.m\.|[ap]m))?(?:\s?(?:UTC|GMT))?(?![\d:])"),
    _needs(
        re.compile(r"\b[0-2]\d[0-5]\d\s?(?:UTC|GMT)\b"),
        "utc",
        "gmt",
    ),
]
Tense = Literal["past", "future"] | None

#: Verbs of intent whose infinitive is still to come: "vowed to fight through
#: the primary on June 7" (seen from before it, as "is set to" is).
_INTENT = frozenset(
    ["vow", "pledge", "promise", "plan", "intend", "hope", "expect", "aim", "prepare",
     "threaten", "schedule"]
)  # fmt: skip

_FUTURE_CUES = {
    "will",
    "'ll",
    "’ll",
    "wo",  # won't
    "shall",
    "would",
    "plan",
    "plans",
    "planned",
    "scheduled",
    "expected",
    "due",
    "going",
    # "is set to begin on Wednesday", "should be completed in October"
    "set",
    "slated",
    "poised",
    "should",
    "intend",
    "intends",
    "aim",
    "aims",
    # "less likely to vote in November"
    "likely",
    "unlikely",
}


@dataclass
class _Candidate:
    start: int
    end: int
    from_model: bool


def _number(word: str) -> float | None:
    word = word.lower().strip()
    if re.fullmatch(r"\d+(?:\.\d+)?", word):
        return float(word)
    parts = re.split(r"[- ]", word)
    if len(parts) > 1 and parts[0] in ("a", "an"):
        parts = parts[1:]  # "a five-year high": the article is no number
    total = 0
    for part in parts:
        value = _NUMBER_WORDS.get(part)
        if value is None:
            return None
        total += value
    return float(total)


def _fmt(n: float) -> str:
    return str(int(n)) if n == int(n) else str(n)


def duration_value(text: str) -> str | None:
    """ISO 8601 duration of phrases like 'five days', 'thirty-day', 'an hour and a half'."""
    lowered = text.lower()
    half = bool(re.search(r"\band a half\b|\bhalf an?\b", lowered))
    lowered = re.sub(r"\s+and a half\s+", " ", lowered)
    m = re.search(rf"({_NUM})[- ]centur(?:y|ies)\b", lowered)
    if m and not half and (n := _number(m.group(1))) is not None:
        return f"P{_fmt(n * 100)}Y"  # "four centuries", in years as a decade is
    m = re.search(rf"({_NUM})[- ]({_UNIT1})s?\b", lowered)
    if not m:
        return None  # "a few days", "several weeks": no count (normalize gives PXD)
    n = _number(m.group(1))
    unit = m.group(2)  # one of _UNITS: the pattern takes no other
    if n is None:
        return None
    t, letter = _UNITS[unit]
    if half:
        if unit == "hour":
            return f"PT{_fmt(n)}H30M"
        if unit == "day":
            return f"P{_fmt(n)}DT12H"
        if unit == "year":
            return f"P{_fmt(n)}Y6M"
        n += 0.5
    if letter == "DE":
        return f"P{_fmt(n * 10)}Y"
    return f"P{t}{_fmt(n)}{letter}"


#: The children of a verb that carry its own tense or mood.
_OWN_WORDS = ("aux", "auxpass", "acomp", "neg", "prt")


def _tense(span: Span) -> Tense:
    """Whether the clause around ``span`` speaks of the future, the past, or
    neither. The nearest finite verb decides: "stepped down on July 24" is past
    even in a sentence that goes on to what will come, and a participle or
    infinitive ("despite winning ... in February") takes the tense of the verb
    it hangs from."""
    if any(t.lower_ == "ago" for t in span) or (
        span.start > 0 and span.doc[span.start - 1].lower_ == "since"
    ):
        return "past"  # "since November" looks back whatever the verb's tense
    verb = span.root
    for _ in range(10):
        if verb.pos_ in ("VERB", "AUX"):
            # Only the verb's own auxiliaries and predicate: a quotation it
            # reports ("'It's going to fail,' he told CNBC Saturday") is not its tense.
            auxes = [t for t in verb.children if t.dep_ in ("aux", "auxpass")]
            words = {t.lower_ for t in verb.children if t.dep_ in _OWN_WORDS} | {verb.lower_}
            if words & _FUTURE_CUES:
                return "future"
            if verb.tag_ == "VB" and (
                verb.head.lower_ in _FUTURE_CUES
                or (
                    verb.head.lemma_.lower() in _INTENT
                    and verb.head.pos_ == "VERB"
                    and any(a.tag_ == "TO" for a in auxes)
                )
            ):
                cue_auxes = [t for t in verb.head.children if t.dep_ in ("aux", "auxpass")]
                if verb.head.tag_ == "VBD" or any(a.tag_ == "VBD" for a in cue_auxes):
                    return None  # "was set to receive it on Friday": planned, seen from after
                return "future"
            if any(a.tag_ == "MD" for a in auxes):
                return None  # "could be persuaded before April 26": not a past act
            if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
                return "past"
            if verb.tag_ == "VBN" and any(a.lower_ in ("has", "have", "'ve", "’ve") for a in auxes):
                return "past"
            # "once the rule goes into effect on Dec. 1, workers will": a present in
            # a clause of time takes the tense of the clause it is of
            if (verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes)) and (
                verb.dep_ != "advcl" or verb.head.pos_ not in ("VERB", "AUX")
            ):
                return None
        if verb.head == verb:
            break
        verb = verb.head
    return None


#: TIMEX3 parts of the day: "this morning" is 2008-01-09TMO.
_PART_OF_DAY = {
    "morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI", "tonight": "TNI",
}  # fmt: skip


def _week_start(d: date) -> date:
    return d - timedelta(days=d.weekday())


_ABBREVIATED = {
    "jan": "january", "feb": "february", "mar": "march", "apr": "april", "jun": "june",
    "jul": "july", "aug": "august", "sep": "september", "sept": "september",
    "oct": "october", "nov": "november", "dec": "december",
}  # fmt: skip
#: Hedges and extents that do not change a value: "only six months ago", "just 12
#: weeks", "more than a decade", "four more years".
_HEDGE = (
    r"(?:only|just|about|nearly|almost|roughly|around|some|approximately|up to|at least"
    r"|less than|more than|fewer than|another|an additional|a further)"
)
#: "at" as a preposition to drop before a time, not the start of the hedges "at
#: least" and "at most".
_AT = r"at(?!\s+(?:least|most)\b)"
_STEP = {"last": -1, "past": -1, "this": 0, "next": 1, "coming": 1}
_SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
#: A season's middle month, to place it before or after the publication date.
_SEASONS_RE = "|".join(_SEASONS)
_SEASON_MONTH = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}
#: Part-of words that leave the value as it is (TIMEX3 keeps them as a mod):
#: "late last month", "earlier last week", "the end of February", "later Monday".
_PART_OF = (
    r"(?:(?:the )?(?:very )?(?:end|start|beginning|middle|rest|remainder)(?: part)? of "
    r"|(?:early|late|mid|earlier|later)[- ](?:in )?"
    r"|(?:the )?(?:early|small|wee) hours of )"
)
_PART_TARGET = (
    rf"(?=today|tonight|this |next |last |past |coming |{_WEEKDAY}|{_MONTH}"
    r"|spring|summer|fall|autumn|winter)"
)


def _plain(lowered: str) -> str:
    """One spelling for what the value rules read: full month names, no
    possessive, no hedge before a count."""
    lowered = re.sub(
        r"\b(jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?(?=\s+\d)",
        lambda m: _ABBREVIATED[m.group(1)],
        lowered,
    )
    lowered = re.sub(r"(?<!\d0)(?:'s|’s|')$|\s+alone$", "", lowered)  # not "the 1980's"
    lowered = re.sub(r"^(an?|one) single ", r"\1 ", lowered)  # "in a single day"
    # hedges stacked before a count ("at least another 18 months"); "another year"
    # with no count is one more
    lowered = re.sub(rf"^(?:{_HEDGE}\s+)*another (?={_UNIT1}\b)", "one ", lowered)
    m = re.fullmatch(rf"(?:{_HEDGE}\s+)+({_NUM}\b.*)", lowered)
    if m:
        lowered = m.group(1)
    lowered = re.sub(r"^this past (?=week|weekend|month|year|\w+day\b)", "last ", lowered)
    # "July 11-14": the first day of the stretch
    lowered = re.sub(rf"^({_MONTH} \d{{1,2}})[-–]\d{{1,2}}\b", r"\1", lowered)
    return re.sub(rf"^({_NUM}) (?:more|additional|further|long) (?={_UNIT1})", r"\1 ", lowered)


def _by_tense(candidate: date, published: date, tense: Tense, slack: int = 7) -> int:
    """Years to add to a month or day given without its year: the publication
    year, as news style writes it, unless the clause's tense points the other
    way (a past act dated after publication happened last year)."""
    if tense == "past" and candidate > published + timedelta(days=slack):
        return -1
    if tense == "future" and candidate < published - timedelta(days=slack):
        return 1
    return 0


def _day_of_month(day: int, published: date, tense: Tense) -> str | None:
    """The month of publication, moved by one when the tense says the day is
    past and it is still to come, or the other way round."""
    year, month = published.year, published.month
    if tense == "future" and day < published.day:
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    elif tense == "past" and day > published.day:
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None  # "the 31st" of a month that has 30 days


def _easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _holiday(name: str, year: int) -> date | None:
    fixed = {
        "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
        "new year's day": (1, 1), "new year's eve": (12, 31), "halloween": (10, 31),
        "valentine's day": (2, 14), "the fourth of july": (7, 4), "independence day": (7, 4),
        "boxing day": (12, 26), "veterans day": (11, 11),
    }  # fmt: skip
    if name in fixed:
        return date(year, *fixed[name])
    if name == "labor day":  # the first Monday of September (US)
        first = date(year, 9, 1)
        return first + timedelta(days=-first.weekday() % 7)
    if name == "memorial day":  # the last Monday of May (US)
        last = date(year, 5, 31)
        return last - timedelta(days=last.weekday())
    if name == "election day":  # the Tuesday after the first Monday of November (US)
        first = date(year, 11, 1)
        return first + timedelta(days=-first.weekday() % 7 + 1)
    if name == "good friday":
        return _easter(year) - timedelta(days=2)
    if name.startswith("thanksgiving"):  # the fourth Thursday of November (US)
        first = date(year, 11, 1)
        return first + timedelta(days=(3 - first.weekday()) % 7 + 21)
    if name.startswith("easter"):
        return _easter(year)
    return None


_HOLIDAY = _HOLIDAY_NAMES.lower()


def normalize(
    text: str, published: date | None, tense: Tense = None
) -> tuple[TimeKind, str | None, bool]:
    """Kind, value and whether the value depends on the publication date."""
    future = tense == "future"
    lowered = re.sub(r"\s+", " ", text.lower().strip())
    lowered = re.sub(rf"^(?:on|in|{_AT}|since|by|until|from|during|for)\s+", "", lowered)
    lowered = _plain(lowered)
    absolute = parse_absolute_date(text)
    if absolute:
        return "date", absolute.isoformat(), False
    if re.fullmatch(r"(?:19|20|21)\d\d", lowered):  # "by 2100" (older years: _OLD_YEAR)
        return "date", lowered, False
    m = re.fullmatch(rf"({_MONTH}),?\s+(?:of\s+)?((?:1\d|20)\d\d)", lowered)
    if m:
        return "date", f"{m.group(2)}-{MONTHS[m.group(1)]:02d}", False

    if re.search(r"\b(?:every|each|daily|weekly|monthly|annually|yearly)\b", lowered):
        for word, value in (
            ("day", "P1D"),
            ("daily", "P1D"),
            ("week", "P1W"),
            ("month", "P1M"),
            ("year", "P1Y"),
            ("annual", "P1Y"),
        ):
            if word in lowered:
                return "set", value, False
        return "set", None, False

    is_duration = bool(
        re.search(
            rf"\b(?:last|past|next|coming|for|over|first|final|initial|remaining)\s+{_NUM}\s+{_UNIT}\b",
            lowered,
        )
        or re.fullmatch(
            rf"(?:the\s+)?(?:last|past|next|coming\s+)?{_NUM}[- ]{_UNIT}(?:-long)?", lowered
        )
        or re.fullmatch(
            rf"(?:about\s+|nearly\s+|almost\s+|more than\s+)?{_NUM}\s+{_UNIT}(?: and a half)?",
            lowered,
        )
        or re.fullmatch(rf"{_NUM}\s+{_UNIT}\s+and\s+a\s+half", lowered)
        or re.fullmatch(
            rf"(?:about\s+|nearly\s+|almost\s+|more than\s+)?{_NUM}[- ]centur(?:y|ies)(?:-long)?",
            lowered,
        )
        or re.fullmatch(rf"{_NUM}\s+and\s+a\s+half\s+{_UNIT}", lowered)
        or re.fullmatch(rf"(?:an?|one)\s+{_UNIT1}\s+and\s+a\s+half", lowered)
    )
    if is_duration:
        duration = duration_value(lowered)
        if duration:
            return "duration", duration, False

    m = re.fullmatch(
        r"(?:(?:the )?(?:past|last|next|coming|first|final) )?"
        r"(?:(several|many|few|a few|some|so many|a couple of|recent) )?"
        r"(seconds|minutes|hours|days|weeks|months|quarters|years|decades|centuries)(?:-long)?",
        lowered,
    )
    if m:  # "several years", "decades", "minutes": a duration of unknown length
        unit = m.group(2)
        code = {"seconds": "TXS", "minutes": "TXM", "hours": "TXH", "days": "XD",
                "weeks": "XW", "months": "XM", "quarters": "XQ", "years": "XY",
                "decades": "XDE", "centuries": "XCE"}[unit]  # fmt: skip
        return "duration", f"P{code}", False
    m = re.fullmatch(
        r"(?:early|mid|late|the (?:early|middle|late|end|start|beginning) (?:part )?of)[- ]?((?:19|20)\d\d)",
        lowered,
    )
    if m:  # "early 2009", "mid-2011", "the end of 2008": the year (TIMEX3 mod aside)
        return "date", m.group(1), False
    m = re.fullmatch(
        r"(?:the )?(?:first|last|final|closing|opening|early|late|remaining)"
        r"(?: (?:few|two|three|four|six))? (?:days|weeks|months) of ((?:19|20)\d\d)",
        lowered,
    )
    if m:  # "the final months of 2009": a part of that year
        return "date", m.group(1), False
    m = re.fullmatch(
        r"(?:the )?(first|second|third|fourth|1st|2nd|3rd|4th|final|last)[- ]quarter"
        r"(?: of (?:(?:the )?(?:fiscal )?year )?((?:19|20)\d\d))?",
        lowered,
    )
    if m and m.group(1) == "last" and not m.group(2) and not lowered.startswith("the "):
        m = None  # "reported last quarter": the quarter before this one, not the fourth
    if m and (m.group(2) or published is not None):
        q = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}.get(m.group(1), 4)
        year = int(m.group(2)) if m.group(2) else published.year  # type: ignore[union-attr]
        if (
            not m.group(2)
            and not future
            and published is not None
            and q > (published.month - 1) // 3 + 1
        ):
            year -= 1  # "the fourth quarter" in a March report is last year's
        return "date", f"{year}-Q{q}", not m.group(2)
    if re.fullmatch(r"the (?:next|coming) decade", lowered):
        return "duration", "P10Y", False  # "over the next decade", as "the past decade"
    m = re.fullmatch(r"the (?:past|last) (week|month|year|decade)", lowered)
    if m:  # "over the past week": a stretch of time, not a calendar week
        return (
            "duration",
            {"week": "P1W", "month": "P1M", "year": "P1Y", "decade": "P10Y"}[m.group(1)],
            False,
        )
    m = re.fullmatch(rf"({_NUM}) (?:consecutive |straight )?quarters?", lowered)
    if m and (n := _number(m.group(1))) is not None:
        return "duration", f"P{_fmt(n)}Q", False
    m = re.fullmatch(r"(\d{1,2})[:.]?(\d\d)(?: ?(am|pm|a\.m\.|p\.m\.))?(?: ?(utc|gmt|z))?", lowered)
    if m and published is not None and (m.group(3) or m.group(4) or ":" in lowered):
        hour, minute = int(m.group(1)), int(m.group(2))
        if m.group(3) and m.group(3).startswith("p") and hour < 12:
            hour += 12
        if hour < 24 and minute < 60:  # "16:08 UTC", "0800 GMT", "3:30 p.m."
            return "time", f"{published.isoformat()}T{hour:02d}:{minute:02d}", True
    m = re.fullmatch(r"(\d{1,2}) ?([ap])\.?m\.?(?: ?(?:utc|gmt))?", lowered)
    if m and published is not None and 1 <= int(m.group(1)) <= 12:
        hour = int(m.group(1)) % 12 + (12 if m.group(2) == "p" else 0)  # "9 a.m.", "12 pm"
        return "time", f"{published.isoformat()}T{hour:02d}:00", True
    if lowered in (
        "now", "right now", "just now", "currently", "current", "nowadays", "so far",
        "at present", "at the moment", "the time being",
    ):  # fmt: skip
        return "date", "PRESENT_REF", False
    if re.fullmatch(_FUTURE_REF, lowered):
        return "date", "FUTURE_REF", False
    m = re.fullmatch(r"(?:the )?(\d{1,2})(?:st|nd|rd|th) century", lowered)
    if m:  # "the 20th century": TIMEX3 writes the century's first two digits
        return "date", f"{int(m.group(1)) - 1:02d}", False
    m = re.fullmatch(r"(?:a|one) (quarter|half)[- ]century|(half) a century", lowered)
    if m:
        return "duration", "P25Y" if m.group(1) == "quarter" else "P50Y", False
    m = re.fullmatch(r"(?:the )?(?:(?:early|mid|late)[- ]?)?(?:(1[89]|20)|')?(\d)0'?s", lowered)
    if m:  # "the 1990s", "the 70s", "the '80s": the decade
        return "date", f"{m.group(1) or '19'}{m.group(2)}", False
    if "near future" in lowered or lowered in ("soon", "in the coming days", "the coming days"):
        return "date", "FUTURE_REF", False
    if lowered in ("recently", "the past", "in the past", "previously", "formerly"):
        return "date", "PAST_REF", False

    relative_kind: TimeKind = (
        "time"
        if lowered in ("tonight", "last night", "this morning", "this afternoon", "this evening")
        else "date"
    )
    if published is None:
        return relative_kind, None, True

    lowered = re.sub(rf"^{_PART_OF}{_PART_TARGET}", "", lowered)
    # "by the end of the year", "the year-end rush": this year (month, week)
    lowered = re.sub(rf"^{_PART_OF}the (year|month|week|decade|century)$", r"this \1", lowered)
    lowered = re.sub(rf"^{_PART_OF}(this (?:decade|century))$", r"\1", lowered)
    if lowered in ("this decade", "this century"):  # TIMEX3: 201 (the 2010s), 20 (the 2000s)
        digits = 3 if lowered.endswith("decade") else 2
        return "date", str(published.year)[:digits], True
    lowered = re.sub(r"^(?:the )?(year|month|week)-end$", r"this \1", lowered)
    # a record the subject set in the stretch being reported: "stocks had their best
    # week since November", "the index fell for its worst day in a year"
    lowered = re.sub(rf"^{_RECORD} (week|month|year){_RECORD_TAIL}$", r"this \1", lowered)
    if lowered in ("the previous year", "the prior year", "a year earlier", "the year before"):
        return "date", str(published.year - 1), True
    if re.fullmatch(rf"(?:a few|several|some|many|few|a couple of)?\s*{_UNIT[:-2]}s ago", lowered):
        return "date", "PAST_REF", False  # "a few months ago": no count, no day
    m = re.fullmatch(
        r"the (first|second|1st|2nd) half of (?:the year|(this|last|next) year|((?:19|20)\d\d))",
        lowered,
    )
    if m:
        year = int(m.group(3)) if m.group(3) else published.year + _STEP.get(m.group(2), 0)
        return "date", f"{year}-H{1 if m.group(1) in ('first', '1st') else 2}", not m.group(3)
    m = re.fullmatch(
        rf"(?:the )?(?:(?:early|late|mid)[- ])?({_SEASONS_RE}) (?:of )?((?:19|20)\d\d)", lowered
    )
    if m:  # "the summer of 2008", "spring 2010"
        return "date", f"{m.group(2)}-{_SEASONS[m.group(1)]}", False
    m = re.fullmatch(
        rf"(?:(this|last|next|past|coming|the) )?(?:(?:early|late|mid)[- ])?({_SEASONS_RE})",
        lowered,
    )
    if m:
        season = _SEASONS[m.group(2)]
        month = _SEASON_MONTH[season]
        rel = m.group(1)
        if rel in ("this", "the", None):
            year = published.year
            if rel != "this":
                year += _by_tense(date(year, month, 15), published, tense, slack=45)
        elif rel in ("last", "past"):
            year = published.year - (month >= published.month)
        else:
            year = published.year + (month <= published.month)
        return "date", f"{year}-{season}", True
    m = re.fullmatch(r"(?:(this|last|next|past|coming|the) )?weekend", lowered)
    if m:
        week = _week_start(published)
        rel = m.group(1)
        if rel in ("last", "past") or (
            rel in ("the", None) and tense != "future" and published.weekday() < 4
        ):
            week -= timedelta(weeks=1)
        elif rel in ("next", "coming") or (
            rel == "the" and tense == "future" and published.weekday() >= 5
        ):
            week += timedelta(weeks=1)
        iso = week.isocalendar()
        return "date", f"{iso[0]}-W{iso[1]:02d}-WE", True
    m = re.fullmatch(rf"(?:(this|last|next) )?({_HOLIDAY})", lowered)
    if m:
        rel = m.group(1)
        day = _holiday(m.group(2), published.year)
        assert day is not None
        if rel == "last" and day >= published:
            day = _holiday(m.group(2), published.year - 1) or day
        elif rel == "next" and day <= published:
            day = _holiday(m.group(2), published.year + 1) or day
        elif rel is None:
            day = _holiday(m.group(2), published.year + _by_tense(day, published, tense)) or day
        return "date", day.isoformat(), True
    offsets = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "last night": -1}
    if lowered in offsets or re.fullmatch(r"this (?:morning|afternoon|evening)", lowered):
        stamp = (published + timedelta(days=offsets.get(lowered, 0))).isoformat()
        part = _PART_OF_DAY.get(lowered.split()[-1], "")
        return relative_kind, f"{stamp}{part}", True
    m = re.fullmatch(
        rf"(?:(this|last|next|past|coming) )?({_WEEKDAY})(?: (morning|afternoon|evening|night))?",
        lowered,
    )
    if m:
        which, weekday = m.group(1), WEEKDAYS[m.group(2)]
        if which == "this":
            day = _week_start(published) + timedelta(days=weekday)
        elif which in ("next", "coming") or (which is None and future):
            delta = (weekday - published.weekday()) % 7 or (7 if which else 0)
            day = published + timedelta(days=delta)
        else:
            delta = (published.weekday() - weekday) % 7
            if which in ("last", "past") and delta == 0:
                delta = 7
            day = published - timedelta(days=delta)
        if m.group(3):  # "Thursday morning" is 2016-04-07TMO
            return "time", f"{day.isoformat()}{_PART_OF_DAY[m.group(3)]}", True
        return "date", day.isoformat(), True
    m = re.fullmatch(rf"({_MONTH}) (\d{{1,2}})(?:st|nd|rd|th)?", lowered) or re.fullmatch(
        rf"(\d{{1,2}})(?:st|nd|rd|th)? (?:of )?({_MONTH})", lowered
    )
    if m:
        a, b = m.group(1), m.group(2)
        month, day_n = (MONTHS[a], int(b)) if a in MONTHS else (MONTHS[b], int(a))
        candidate = valid_date(published.year, month, day_n)
        if candidate is None:
            return "date", None, True
        if tense is None:  # a day without tense or year: the nearest such day
            options = [valid_date(published.year + k, month, day_n) for k in (-1, 0, 1)]
            candidate = min(
                (d for d in options if d is not None), key=lambda d: abs((d - published).days)
            )
        else:
            step = _by_tense(candidate, published, tense)
            candidate = valid_date(published.year + step, month, day_n) or candidate
        return "date", candidate.isoformat(), True
    m = re.fullmatch(
        rf"(?:(?:in|early|late|mid-?) )?({_MONTH})(?: (?:of )?(last|this|next) year)?", lowered
    )
    if m:
        month = MONTHS[m.group(1)]
        rel = m.group(2)
        year = published.year + {"last": -1, "next": 1, "this": 0, None: 0}[rel]
        if rel is None:
            year += _by_tense(date(year, month, 15), published, tense, slack=15)
        return "date", f"{year}-{month:02d}", True
    m = re.fullmatch(rf"(last|this|next|past|coming) ({_MONTH})", lowered)
    if m:  # "last November": the latest before this month; "next March" the first after
        month, rel = MONTHS[m.group(2)], m.group(1)
        year = published.year
        if rel in ("last", "past") and month >= published.month:
            year -= 1
        elif rel in ("next", "coming") and month <= published.month:
            year += 1
        return "date", f"{year}-{month:02d}", True
    lowered = re.sub(r"^the (?:previous|prior|preceding) quarter$", "last quarter", lowered)
    m = re.fullmatch(
        r"(?:the )?(last|this|next|past|coming|current) (year|quarter|month|week)", lowered
    )
    if m:
        step = {"last": -1, "past": -1, "this": 0, "current": 0, "next": 1, "coming": 1}[m.group(1)]
        unit = m.group(2)
        if unit == "year":
            return "date", str(published.year + step), True
        if unit == "quarter":  # "this quarter's profits": 2025-Q1 in March 2025
            index = published.year * 4 + (published.month - 1) // 3 + step
            return "date", f"{index // 4}-Q{index % 4 + 1}", True
        if unit == "month":
            month_index = published.year * 12 + published.month - 1 + step
            return "date", f"{month_index // 12}-{month_index % 12 + 1:02d}", True
        iso = (published + timedelta(weeks=step)).isocalendar()
        return "date", f"{iso[0]}-W{iso[1]:02d}", True
    m = re.fullmatch(rf"({_NUM}) (day|week|month|year)s? ago", lowered)
    if m:
        n = _number(m.group(1))
        if n is not None and n == int(n):
            unit, k = m.group(2), int(n)
            if unit in ("day", "week"):
                return (
                    "date",
                    (published - timedelta(days=k * (7 if unit == "week" else 1))).isoformat(),
                    True,
                )
            if unit == "month":  # calendar months: six months before April 23 is October
                index = published.year * 12 + published.month - 1 - k
                return "date", f"{index // 12}-{index % 12 + 1:02d}", True
            return "date", str(published.year - k), True
    return relative_kind, None, True


def _split_at_breaks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A time never runs across a line break: the model joins a headline's year
    to the dateline under it ("2012\n\nJanuary 23, 2006")."""
    pieces, at = [], start
    for m in re.finditer(r"\s*\n\s*", text[start:end]):
        pieces.append((at, start + m.start()))
        at = start + m.end()
    pieces.append((at, end))
    return [(a, b) for a, b in pieces if b > a]


_RANGE_START = (
    rf"(?:{_MONTH_ABBR}(?=\s|$)|{_WEEKDAY}\b|(?:19|20)\d\d\b|(?:the\s+)?(?:1[89]|20)\d0s\b)"
)
_RANGE = re.compile(
    rf"^(?:(?:between|from)\s+)?({_RANGE_START}.*?)\s+(?:and|to|until|through)\s+({_RANGE_START}.*)$",
    re.I,
)
#: "1981-1989", "March 30-April 4", "Jan. 3-Feb. 1, 2016": two dates joined by a dash
_DASHED = re.compile(
    rf"^((?:19|20)\d\d|{_MONTH_ABBR} \d{{1,2}})\s?[-–—]\s?((?:19|20)\d\d|{_MONTH_ABBR} \d{{1,2}}(?:,? (?:19|20)\d\d)?)$",
    re.I,
)


#: Years listed: "1994, 1996, 1999 and 2002".
_YEAR_LIST = re.compile(r"(?:19|20)\d\d(?:(?:,\s*|,?\s+(?:and|or)\s+)(?:19|20)\d\d)+,?")

#: "June 17, two days before the vote": a date and then an offset from something
#: else, which the model reads as one span.
_COMMA_OFFSET = re.compile(rf"^(.*\S),\s+({_NUM}\s+{_UNIT}\b.*)$", re.I)


#: "three months last year", "two days this week": how long, then when; the model
#: reads one span that has no single value.
_SPAN_THEN_WHEN = re.compile(
    rf"^({_NUM}\s+{_UNIT})\s+((?:last|this|next|past|earlier|later)\s+\w+)$", re.I
)


def _split_range(text: str, cand: _Candidate) -> list[_Candidate]:
    """ "between April and June", "from Monday to Friday": two times, not one span
    without a value."""
    piece = text[cand.start : cand.end]
    if _YEAR_LIST.fullmatch(piece):  # "1994, 1996," as the model tags a list of years
        return [
            _Candidate(cand.start + y.start(), cand.start + y.end(), cand.from_model)
            for y in re.finditer(r"(?:19|20)\d\d", piece)
        ]
    m = (
        _RANGE.match(piece)
        or _DASHED.match(piece)
        or _COMMA_OFFSET.match(piece)
        or _SPAN_THEN_WHEN.match(piece)
    )
    if not m:
        return [cand]
    return [
        _Candidate(cand.start + m.start(1), cand.start + m.end(1), cand.from_model),
        _Candidate(cand.start + m.start(2), cand.start + m.end(2), cand.from_model),
    ]


#: A year before 1900, and what must stand before it for the number to be one.
_OLD_YEAR = re.compile(r"1[0-8]\d\d")
_YEAR_PREP = re.compile(r"\b(?:in|since|by|until|till|before|after|from|of|during|circa)\s+$", re.I)

#: Words of one-word times whose "this", "last" or "next" the model may leave out.
_DETERMINED = frozenset(["year", "month", "week", "weekend", "quarter", *_SEASONS, *WEEKDAYS])


def _with_determiner(ent: Span) -> int:
    """Where the time starts: the model leaves out the word that says which
    year in "this year's contest" and tags only "year", which November in "this
    November" and tags only "November"."""
    if (
        ent.start > 0
        and ent.doc[ent.start - 1].lower_ in ("this", "last", "next", "past", "coming")
        and len(ent) == 1
        and (ent[0].lower_ in _DETERMINED or ent[0].lower_.rstrip(".") in MONTHS)
    ):
        return ent.doc[ent.start - 1].idx
    if (
        ent.start > 0
        and ent.doc[ent.start - 1].lower_ in ("a", "an")
        and len(ent) == 1
        and ent[0].lower_ in ("decade", "century")
    ):
        return ent.doc[ent.start - 1].idx  # "a decade's struggle", "a decade-long silence"
    return ent.start_char


def _split_at_clauses(ent: Span, start: int) -> list[tuple[int, int]]:
    """A time never runs across two coordinated clauses: the model tags "March 3
    and ended two days later" as one date; the pieces are either side of the
    conjunction and its verb."""
    pieces, at = [], start
    for tok in ent[:-1]:
        after = tok.nbor()
        if tok.pos_ == "CCONJ" and after.pos_ in ("VERB", "AUX") and tok.idx > at:
            pieces.append((at, tok.idx))
            at = after.idx + len(after.text)
    pieces.append((at, ent.end_char))
    text = doc_text(ent.doc)
    return [
        (a + len(text[a:b]) - len(text[a:b].lstrip()), a + len(text[a:b].rstrip()))
        for a, b in pieces
    ]


def _candidates(doc: Doc) -> list[_Candidate]:
    text = doc_text(doc)
    spans: list[_Candidate] = [
        _Candidate(a, b, True)
        for e in doc_ents(doc)
        if e.label_ in ("DATE", "TIME")
        for x, y in _split_at_clauses(e, _with_determiner(e))
        for a, b in _split_at_breaks(text, x, y)
    ]
    lowered = text.lower()
    for pattern in _PATTERNS:
        needs = _NEEDS.get(pattern)
        if needs is not None and not any(word in lowered for word in needs):
            continue
        for m in pattern.finditer(text):
            start, end = m.span("t") if "t" in pattern.groupindex else m.span()
            found = text[start:end]
            start += len(found) - len(found.lstrip())
            lead_word = re.match(r"(?:on|past)\s+", text[start:end], re.I)
            if lead_word:  # any whitespace after it: "on\nMonday" in hard-wrapped copy
                start += lead_word.end()
            spans.append(_Candidate(start, end, False))
    spans = [piece for cand in spans for piece in _split_range(text, cand)]
    # Longest first, then drop any candidate overlapping one already kept.
    spans.sort(key=lambda c: (-(c.end - c.start), c.start))
    kept: list[_Candidate] = []
    for cand in spans:
        if all(cand.end <= k.start or cand.start >= k.end for k in kept):
            kept.append(cand)
    return sorted(kept, key=lambda c: c.start)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop leading prepositions and trailing punctuation from a span."""
    piece = text[start:end]
    m = re.match(
        rf"(?:(?:on|in|{_AT}|since|by|until|from|during|for|of|within|over)\s+)?"
        r"(?:(?:just|only|mere)\s+)?",
        piece,
        re.I,
    )
    if m and len(piece) > m.end():
        start += m.end()
    while end > start and text[end - 1] in ".,;:'’\"”)":
        end -= 1
    tail = re.search(r"\s+(?:and|or|to|but)$", text[start:end], re.I)
    if tail:  # "the 70s and": the model ran on into the next word
        end = start + tail.start()
    return start, end


def _time_inside(
    span: Span, published: date | None, tense: Tense
) -> tuple[tuple[int, int], tuple[TimeKind, str | None, bool]] | None:
    """The longest run of the span's words (the leftmost of equal length) that
    has a value of its own; a bare number is not one."""
    words = [t for t in span if not t.is_punct]
    text = doc_text(span.doc)  # Doc.text joins every token again at each call
    for size in range(len(words) - 1, 0, -1):
        for i in range(len(words) - size + 1):
            first, last = words[i], words[i + size - 1]
            piece = text[first.idx : last.idx + len(last.text)]
            if re.fullmatch(r"[\d,.]+", piece) and not re.fullmatch(r"(?:19|20)\d\d", piece):
                continue
            found = normalize(piece, published, tense)
            if found[1] is not None:
                return _trim(text, first.idx, last.idx + len(last.text)), found
    return None


def extract_times(article: Article, doc: Doc) -> list[Time]:
    """TIMEX-style times in ``article.text`` resolved against ``article.published``."""
    published = date.fromisoformat(article.published) if article.published else None
    times: list[Time] = []
    reference: tuple[str, date] | None = None  # the last day the story told, and its id
    year_told: tuple[str, int] | None = None  # the last year the story named itself
    for cand in _candidates(doc):
        start, end = _trim(doc_text(doc), cand.start, cand.end)
        text = doc_text(doc)[start:end]
        if not text.strip():
            continue
        if re.fullmatch(r"\d{1,3}|\d[\d,]*\.\d+|\d{1,3}(?:,\d{3})+", text) or re.search(
            r"\bages?\b|\bold\b|%|\bpercent\b", text, re.I
        ):
            continue  # bare numbers and ages are not times
        hours_of = re.fullmatch(r"(?:the )?(?:early|small|wee) hours( of)?", text, re.I)
        if hours_of and (hours_of.group(1) or re.match(r"\s+of\s", doc_text(doc)[end : end + 4])):
            continue  # "in the early hours of Sunday": the day after it is the time
        if re.fullmatch(r"(?:(?:early|mid|late)[- ]?)?\d0s", text, re.I) and _AGE_OWNER.search(
            doc_text(doc)[max(0, start - 30) : start]
        ):
            continue  # "in their 50s", "in his early 40s": an age, not a decade
        span = doc.char_span(start, end, alignment_mode="expand")
        tense = _tense(span) if span is not None else None
        kind, value, relative = normalize(text, published, tense)
        before = doc_text(doc)[max(0, start - 40) : start]
        if value is None and _OLD_YEAR.fullmatch(text) and _YEAR_PREP.search(before):
            value = text  # "in 1848"; a bill's number ("HB 1523") or a count is none
        anchor: str | None = "published" if relative and value is not None else None
        spoken = re.sub(r"\s+", " ", text.lower())
        told = narrative_offset(text)
        if (
            told is None
            and _SAME_DAY.match(spoken)
            and (_DAY_NAMED.match(spoken) or not _DAY_DEFINED.match(doc_text(doc)[end : end + 20]))
        ):  # "later that day he was released" names its day; "the day he left" does not
            told = 0  # "later in the day", "to end the day": the day the story is on
        if told is not None and (reference or published) is not None:
            # "two days later", "the next day": from the last date the story told
            base = reference[1] if reference else published
            assert base is not None
            kind, value = "date", (base + timedelta(days=told)).isoformat()
            anchor = reference[0] if reference else "published"
        part = _PART_ALONE.match(spoken)
        if part and value is None and (reference or published) is not None:
            # "rose in morning trading", "late afternoon": that part of the story's day
            base = reference[1] if reference else published
            assert base is not None
            kind, value = "time", f"{base.isoformat()}{_PART_OF_DAY[part.group(1)]}"
            anchor = reference[0] if reference else "published"
        week_or_month = _NEXT_UNIT.match(spoken)
        if week_or_month and value is None and (reference or published) is not None:
            # "the following week", "the previous month": the week or month next to
            # the last day the story told
            base = reference[1] if reference else published
            assert base is not None
            step = {"following": 1, "next": 1, "previous": -1, "preceding": -1}.get(
                week_or_month.group(1), 0
            )
            if week_or_month.group(2) == "week":
                year, week, _ = (base + timedelta(weeks=step)).isocalendar()
                kind, value = "date", f"{year}-W{week:02d}"
            else:
                index = base.year * 12 + base.month - 1 + step
                kind, value = "date", f"{index // 12}-{index % 12 + 1:02d}"
            anchor = reference[0] if reference else "published"
        a_year_before = _SAME_LAST_YEAR.match(spoken)
        if a_year_before and kind == "date" and value is None:
            # "sales rose in February compared to the same period last year"
            told_before = _last_of(times, a_year_before.group(1))
            if told_before is not None:
                value = f"{int(told_before.value[:4]) - 1}{told_before.value[4:]}"  # type: ignore[index]
                anchor = told_before.id
        day_alone = _DAY_ALONE.fullmatch(spoken)
        if (
            day_alone
            and value is None
            and published is not None
            and re.search(r"\bon\s+$", doc_text(doc)[max(0, start - 5) : start], re.I)
            and re.match(_DAY_ALONE_END, doc_text(doc)[end : end + 8])
        ):  # "results due on the 15th": a day of the story's month, or the next or last one
            value = _day_of_month(int(day_alone.group(1)), published, tense)
            kind, anchor = "date", "published" if value else None
        years = narrative_years(text)
        if years is not None and year_told is not None:
            # "the following year", "three years later": from the last year the story told
            kind, value, anchor = "date", str(year_told[1] + years), year_told[0]
        if value is None and span is not None:
            # "an interview last week", "the end of February - after": the model's
            # span runs over words that are no time; keep the time inside it.
            inner = _time_inside(span, published, tense)
            if inner is not None:
                (start, end), (kind, value, relative) = inner
                text = doc_text(doc)[start:end]
                anchor = "published" if relative else None
        that_year = _OF_THAT_YEAR.match(doc_text(doc), end)
        if (
            that_year
            and year_told is not None
            and value
            and re.fullmatch(r"\d{4}-\d\d(?:-\d\d)?", value)
        ):
            # "in October of that year", "on March 3 the same year": the year the story told
            value, anchor = f"{year_told[1]}{value[4:]}", year_told[0]
            end = that_year.end()
            text = doc_text(doc)[start:end]
        which_year = _OF_THIS_YEAR.match(doc_text(doc), end)
        if (
            which_year
            and published is not None
            and value
            and re.fullmatch(r"\d{4}-\d\d-\d\d", value)
        ):
            # "on November 2 this year", "December 15 of last year": that year, whatever the tense
            step = {"this": 0, "last": -1, "next": 1}[which_year.group(1).lower()]
            day = valid_date(published.year + step, int(value[5:7]), int(value[8:10]))
            if day is not None:
                value, anchor = day.isoformat(), "published"
                end = which_year.end()
                text = doc_text(doc)[start:end]
        if value is None and not cand.from_model:
            continue
        ago = _AGO.match(text)
        if ago and kind == "date" and value is not None:
            # TIMEX3 (as MEANTIME annotates it): "two years ago" is the stretch "two
            # years" (P2Y), and the date it reaches back to; both are kept.
            stretch = duration_value(re.sub(r"\s+", " ", ago.group(1).lower()))
            if stretch is not None:
                times.append(
                    Time(
                        id=f"T{len(times) + 1}",
                        text=ago.group(1),
                        span=(start, start + len(ago.group(1))),
                        kind="duration",
                        value=stretch,
                        anchor=None,
                    )
                )
        time = Time(
            id=f"T{len(times) + 1}",
            text=text,
            span=(start, end),
            kind=kind,
            value=value,
            anchor=anchor,
        )
        times.append(time)
        if kind == "date" and value and re.fullmatch(r"\d{4}-\d\d-\d\d", value):
            reference = (time.id, date.fromisoformat(value))
        if kind == "date" and value and not relative and re.match(r"\d{4}(?:-|$)", value):
            year_told = (time.id, int(value[:4]))
    return times


#: Whose decade of life: "in their 50s" is an age.
_AGE_OWNER = re.compile(
    r"\b(?:his|her|their|my|your|our|its)\s+(?:(?:early|mid|late)[- ]?)?$", re.I
)

#: A year named after a day relative to publication: "November 2 this year".
_OF_THIS_YEAR = re.compile(r",?\s+(?:of\s+)?(this|last|next) year\b", re.I)

#: A part of the day with no day named: the story's day ("in morning trading").
_PART_ALONE = re.compile(r"^(?:(?:early|late|mid)[- ]?)?(morning|afternoon|evening|night)$")

#: What names a month's or day's year as the one the story told: "October of that year".
_OF_THAT_YEAR = re.compile(r",?\s+(?:of\s+)?(?:that|the same) year\b", re.I)

#: "the following week", "that month": a week or month told from the story's last day.
_NEXT_UNIT = re.compile(r"^(?:the |that )(following|next|previous|preceding|same|)\s?(week|month)$")
#: "two years ago", "a week ago": a counted stretch reaching back from now.
_AGO = re.compile(rf"^({_NUM}\s+{_UNIT})\s+ago$", re.I)

_LATER = re.compile(
    rf"^(?:({_NUM}) (day|week)s? (later|after(?:wards?)?|earlier|before)"
    r"|the (next|following|previous|preceding) day|the day (after|before))$"
)


#: "the same month a year ago", "the same period last year": a time the story
#: told, a year earlier.
_SAME_LAST_YEAR = re.compile(
    r"^the same (day|week|month|quarter|period|time) (?:of |in )?"
    r"(?:last year|a year (?:ago|earlier|before)|the (?:previous|prior|preceding) year)$"
)
_GRAIN = {
    "day": r"\d{4}-\d\d-\d\d",
    "week": r"\d{4}-W\d\d",
    "month": r"\d{4}-\d\d",
    "quarter": r"\d{4}-Q\d",
}


def _last_of(times: list[Time], unit: str) -> Time | None:
    """The last dated time of the story at ``unit``'s grain ("period" and "time"
    take any grain finer than a year)."""
    grains = [_GRAIN[unit]] if unit in _GRAIN else list(_GRAIN.values())
    for time in reversed(times):
        if time.kind == "date" and time.value and any(re.fullmatch(g, time.value) for g in grains):
            return time
    return None


#: The day the story is telling, named without a date: "later in the day", "that
#: same day", "at the start of the day" (market reports close on "the day", and the
#: record set that day: "the Dow had its worst day since 2008").
_SAME_DAY = re.compile(
    r"^(?:(?:earlier|later) (?:in )?|(?:the )?(?:start|end|rest|beginning|close|course) of )?"
    r"(?:the|that|the same|that same) day$"
    rf"|^{_RECORD} day{_RECORD_TAIL}$"
)

#: ... which "later that day", "that same day" already say, whatever follows them
_DAY_NAMED = re.compile(r"(?:earlier|later) that|(?:that|the) same")

#: ... unless a clause or phrase says which day: "the day the war began", "the day of the vote"
_DAY_DEFINED = re.compile(
    r"\s+(?:of|after|before|when|that|which|on which|the|a|an|his|her|their|its|our|"
    r"he|she|they|it|i|we|you|[A-Z]\w*)\b"
)


def narrative_offset(text: str) -> int | None:
    """Days from the story's last date for "two days later", "a week earlier",
    "the next day", "the day before" (HeidelTime's news anchoring), else None."""
    m = _LATER.match(re.sub(r"\s+", " ", text.lower().strip()))
    if not m:
        return None
    if m.group(4) or m.group(5):
        forward = (m.group(4) or m.group(5)) in ("next", "following", "after")
        return 1 if forward else -1
    n = _number(m.group(1))
    if n is None:
        return None
    days = int(n) * (7 if m.group(2) == "week" else 1)
    return days if m.group(3).startswith(("later", "after")) else -days


_YEARS_LATER = re.compile(
    rf"^(?:the (following|next|same|previous|preceding) year|the year (after|before)"
    rf"|that (?:same )?year"
    rf"|({_NUM}) years? (later|after(?:wards?)?|earlier|before))$"
)


def narrative_years(text: str) -> int | None:
    """Years from the last year the story named for "the following year", "the
    same year", "three years later", else None. Only a year the text wrote counts:
    "the previous year" alone, with none told, is the year before publication."""
    m = _YEARS_LATER.match(re.sub(r"\s+", " ", text.lower().strip()))
    if not m:
        return None
    if m.group(1) is not None:
        return {"following": 1, "next": 1, "same": 0, "previous": -1, "preceding": -1}[m.group(1)]
    if m.group(2) is not None:
        return 1 if m.group(2) == "after" else -1  # "the year after", "the year before"
    if m.group(3) is None:
        return 0  # "that year"
    n = _number(m.group(3))
    if n is None or n != int(n):
        return None
    return int(n) if m.group(4).startswith(("later", "after")) else -int(n)
