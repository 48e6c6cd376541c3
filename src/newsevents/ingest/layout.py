"""The layout of a scraped article: headline, deck, caption, furniture, dateline, body.

Text copied out of a news page carries the page with it: a brand line, an
update stamp, a reading time, share and stats widgets, a dateline glued to the
first word. The rules here describe what such furniture *looks like* (short,
unpunctuated lines made of widget words, numbers and time units; an all-caps
brand; a place name fused to a capitalised word) rather than listing strings
from any one site, and every line taken out is kept in ``removed`` with its
reason so that nothing disappears silently.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from ..dates import parse_absolute_date

TERMINAL = (".", "!", "?", '"', "”", "’", "'", "…", ")")

_WIDGET_WORDS = frozenset(
    [
        "stats",
        "statistics",
        "share",
        "shares",
        "shared",
        "tweet",
        "tweets",
        "retweet",
        "print",
        "email",
        "e-mail",
        "mail",
        "comment",
        "comments",
        "save",
        "saved",
        "bookmark",
        "listen",
        "audio",
        "follow",
        "like",
        "likes",
        "facebook",
        "twitter",
        "x",
        "whatsapp",
        "linkedin",
        "telegram",
        "reddit",
        "pinterest",
        "copy",
        "link",
        "url",
        "views",
        "view",
        "reads",
        "subscribe",
        "newsletter",
        "menu",
        "search",
        "close",
        "gift",
        "send",
        "more",
        "top",
        "back",
    ]
)
_READING_TIME = re.compile(
    r"^(?:reading\s+time:?\s*)?(?:\d+|one|two|three|four|five|ten)\s*(?:-\s*)?"
    r"(?:min|mins|minutes?|m)\.?(?:\s+(?:read|reading|de lectura|lectura))?(?:\s+time)?$",
    re.I,
)
_UPDATE_STAMP = re.compile(
    r"^(?:upd|updated?|last\s+updated?|actualizado|act|published|posted|modified|edited)\b"
    r"\.?:?\s*(?=.*\d).{0,48}$",
    re.I,
)
_CLOCK = re.compile(
    r"^\d{1,2}[:.h]\d{2}(?:\s*(?:am|pm|a\.m\.|p\.m\.|h|gmt|utc|cet|est|et))?$", re.I
)
_DATE_LINE = re.compile(
    r"^(?:\w+day,?\s+)?(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}\s+\w+\s+\d{4}|\w+\s+\d{1,2},?\s+\d{4})"
    r"(?:\s*[-–|,·]?\s*\d{1,2}[:.h]\d{2}(?:\s*\w{1,4})?)?$"
)
_RELATED = re.compile(
    r"^(?:read\s+(?:more|also)|see\s+also|related(?:\s+articles?)?|more\s+on\s+this|"
    r"recommended|most\s+read|also\s+read)\b.{0,120}$",
    re.I,
)
_ADVERT = re.compile(r"^(?:advertisement|sponsored(?:\s+content)?|ad|publicidad)$", re.I)
#: An audio player or a share bar above or below the story ("Listen to this article
#: · 4 min", "Share this story"): buttons, not prose.
_PLAYER = re.compile(
    r"^(?:listen|play|hear)(?:\s+to)?(?:\s+(?:this|the))?\s+(?:article|story|audio|report)"
    r"(?:\s*[·|:,-]?\s*(?:\d{1,2}:\d{2}|\d+\s*(?:min|mins|minutes?|sec|s)\.?))?$"
    r"|^share\s+(?:this|the)\s+(?:article|story|page|report)$",
    re.I,
)
_PHOTO_CREDIT = re.compile(r"^(?:photo|image|picture|credit|foto)s?\s*[:/©].{0,80}$", re.I)
_BYLINE = re.compile(
    r"^(?:[Bb]y|BY|[Pp]or|[Ww]ritten\s+by)\s+((?:[A-Z][\w.'’-]+\s?){1,4}(?:\s*(?:,|and|&)\s*(?:[A-Z][\w.'’-]+\s?){1,4})*)"
    r"(?:\s*[|,/–-]\s*.{0,40})?$"
)
_DATELINE_WIRE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z.'’ -]{1,40}?)"
    r"(?:,\s*(?:(?P<day>[A-Z][a-z]{2,8}\.?\s+\d{1,2})"
    r"|(?P<within>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}|[A-Z][a-z]{0,4}\.(?: ?[A-Z][a-z]?\.)?)))?"
    r"\s*(?:\((?:[A-Za-z.&' ]{1,30})\))?\s*[—–-]{1,2}\s+(?=[A-Z\"“])"
)
_GLUED = re.compile(r"^(?P<place>(?:[A-Z][a-z]+[ -]){0,2}[A-Z][a-z]+)(?P<rest>[A-Z][a-z'’]*)\b")
_SENTENCE_STARTERS = frozenset(
    [
        "The",
        "A",
        "An",
        "In",
        "On",
        "At",
        "As",
        "After",
        "Before",
        "When",
        "While",
        "Since",
        "This",
        "That",
        "These",
        "Those",
        "It",
        "He",
        "She",
        "They",
        "We",
        "Russia",
        "Russian",
        "US",
        "President",
        "Officials",
    ]
)


@dataclass
class Layout:
    """What the layout pass found; offsets are into ``text``."""

    text: str
    title: str | None = None
    subtitle: str | None = None
    caption: str | None = None
    byline: str | None = None
    dateline: str | None = None
    #: the day the wire dateline gives ("March 5" of "KABUL, March 5 (Reuters) -"), as written
    dateline_day: str | None = None
    published: date | None = None
    truncated: bool = False
    removed: list[tuple[str, str]] = field(default_factory=list)
    subheadings: list[tuple[str, int, int]] = field(default_factory=list)


def _words(line: str) -> list[str]:
    return re.findall(r"[\w'’-]+", line)


def furniture_reason(line: str, brands: frozenset[str] = frozenset()) -> str | None:
    """Why ``line`` is page furniture, or None if it is content (any position)."""
    stripped = line.strip()
    if not stripped:
        return None
    words = _words(stripped)
    lowered = stripped.lower()
    if _READING_TIME.match(stripped):
        return "reading time"
    if _UPDATE_STAMP.match(stripped) and len(words) <= 8:
        return "update stamp"
    if _CLOCK.match(stripped) or (_DATE_LINE.match(stripped) and len(words) <= 8):
        return "date stamp"
    if _ADVERT.match(stripped):
        return "advertisement"
    if _PLAYER.match(stripped):
        return "audio or share widget"
    if _RELATED.match(stripped) and not stripped.endswith((".", "!", "?")):
        return "related-links widget"
    if _PHOTO_CREDIT.match(stripped):
        return "photo credit"
    tokens = re.findall(r"[\w-]+", lowered)
    if (
        tokens
        and len(tokens) <= 6
        and all(t in _WIDGET_WORDS or t.isdigit() or re.fullmatch(r"\d+[km]?", t) for t in tokens)
        and any(t in _WIDGET_WORDS for t in tokens)
    ):
        return "share/stats widget"
    if brands and lowered.strip(" .|·•-") in brands:
        return "brand line"
    return None


def _is_brand_shape(line: str) -> bool:
    """A masthead: one to three all-caps words, no sentence punctuation."""
    words = line.split()
    return (
        0 < len(words) <= 3
        and all(re.fullmatch(r"[A-Z0-9&.'’-]{2,12}", w) for w in words)
        and not re.search(r"[,;:!?]", line)
        and any(c.isalpha() for c in line)
    )


def _brand_names(source: str | None) -> frozenset[str]:
    if not source:
        return frozenset()
    names = {source.lower().strip()}
    head = re.split(r"[(|:–-]", source)[0].strip().lower()
    if head:
        names.add(head)
    return frozenset(names)


def _ends_sentence(line: str) -> bool:
    return line.rstrip().endswith(TERMINAL)


def _is_body_like(line: str) -> bool:
    words = _words(line)
    sentences = len(re.findall(r"[.!?][\"”’)]?(?:\s|$)", line))
    return len(words) >= 25 or (sentences >= 2 and len(words) >= 12)


def _is_subheading(line: str) -> bool:
    words = _words(line)
    return (
        0 < len(words) <= 20
        and line[:1].isupper()
        and not _ends_sentence(line)
        and not line.rstrip().endswith((":", ";", ","))
    )


def _looks_like_title(line: str) -> bool:
    """A headline: short, and not a sentence that ends with a full stop. A lead
    paragraph ("Russian forces shelled Kharkiv on Monday, ... officials said.")
    is body text and must never be taken for the title and left unanalysed."""
    stripped = line.rstrip()
    return (
        0 < len(_words(stripped)) <= 25
        and len(stripped) <= 200
        and not stripped.endswith((".", '."', ".”", ".’", ".'", "…"))
    )


#: Lines of hard-wrapped copy (agency wires, e-mail, plain-text archives) end
#: wherever the column did: the next line goes on with the same sentence.
_WRAP_MIN = 30


_DANGLING = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "on",
        "in",
        "at",
        "to",
        "for",
        "with",
        "and",
        "or",
        "but",
        "by",
        "from",
        "that",
        "as",
        "into",
        "than",
        "is",
        "are",
        "was",
        "were",
        "will",
        "would",
        "has",
        "have",
        "had",
        "their",
        "his",
        "her",
        "its",
        "our",
        "this",
        "these",
    ]
)


def _dangling(line: str) -> bool:
    """The line stops on a word no paragraph ends with ("... will meet on")."""
    words = _words(line)
    return bool(words) and words[-1] in _DANGLING


def unwrap_lines(raw: str) -> list[str]:
    """The non-empty lines of ``raw``, with hard-wrapped lines joined back into
    their paragraphs.

    A line is a continuation of the one before when that one stops mid-sentence
    and this one starts in lower case, or that one stops on a word no paragraph
    ends with ("... will meet on" / "Monday in Geneva"), or the text is wrapped
    at a fixed width: most of its long lines end within a few characters of
    the same column. Blank lines always separate paragraphs.
    """
    lines = [line.strip() for line in raw.split("\n")]
    long_lines = [len(line) for line in lines if len(line) >= _WRAP_MIN]
    wrapped = False
    if len(long_lines) >= 4:
        width = max(long_lines)
        near = sum(1 for n in long_lines if n >= width - 15)
        open_ended = sum(1 for line in lines if len(line) >= _WRAP_MIN and not _ends_sentence(line))
        wrapped = width <= 100 and near * 2 >= len(long_lines) and open_ended * 3 >= len(long_lines)
    blocks: list[str] = []
    joinable = False
    for line in lines:
        if not line:
            joinable = False
            continue
        if (
            joinable
            and line[0].isalnum()
            and (wrapped or line[0].islower() or _dangling(blocks[-1]))
            and furniture_reason(line) is None
        ):
            blocks[-1] = f"{blocks[-1]} {line}"
        else:
            blocks.append(line)
        last = blocks[-1]
        joinable = len(line) >= _WRAP_MIN and not last.rstrip().endswith((*TERMINAL, ":", ";"))
    return blocks


def split_dateline(paragraph: str, is_place: Callable[[str], bool]) -> tuple[str | None, str]:
    """Split a dateline off the first paragraph: wire style or glued to the first word."""
    m = _DATELINE_WIRE.match(paragraph)
    if m and (is_place(m.group("place").strip().title()) or m.group("place").isupper()):
        place = m.group("place").strip()
        if m.group("within"):  # "DURBAN, South Africa —": keep the region or country
            place = f"{place}, {m.group('within')}"
        return place, paragraph[m.end() :]
    m = _GLUED.match(paragraph)
    if m:
        place, rest = m.group("place"), m.group("rest")
        if is_place(place) or (rest in _SENTENCE_STARTERS and len(place) > 3):
            return place, paragraph[len(place) :]
    return None, paragraph


def analyze_layout(
    raw: str,
    *,
    title: str | None = None,
    source: str | None = None,
    is_place: Callable[[str], bool] = lambda _: False,
    detect_header: bool = True,
) -> Layout:
    """Separate header, furniture and body in scraped text.

    ``detect_header`` is off when the caller already knows the title (HTML, JSON
    Lines) and the text does not start with it: then every line is body except
    furniture, so a short first paragraph is never mistaken for a caption.
    """
    brands = _brand_names(source)
    blocks = unwrap_lines(raw)
    reasons = [furniture_reason(b, brands) for b in blocks]
    layout = Layout(text="")

    if title and blocks and blocks[0].strip().rstrip(".") == title.strip().rstrip("."):
        layout.title = blocks[0]
        reasons[0] = "title"
        detect_header = True
    elif title:
        detect_header = False

    # Where the body starts: after a furniture run in the first lines, else at the
    # first paragraph that reads like running text.
    content = [i for i, r in enumerate(reasons) if r is None]
    body_start = content[0] if content else len(blocks)
    if (
        detect_header
        and layout.title is None
        and content
        and not _looks_like_title(blocks[content[0]])
    ):
        detect_header = False  # the text starts with its lead: no title to guess
    if detect_header and len(content) > 1:
        head_window = list(range(min(len(blocks), 10)))
        furniture_run = [
            i
            for i in head_window
            if reasons[i] is not None or _is_brand_shape(blocks[i]) or _BYLINE.match(blocks[i])
        ]
        furniture_run = [i for i in furniture_run if i > content[0]]
        after_run = [i for i in content if furniture_run and i > max(furniture_run)]
        if furniture_run and after_run:
            body_start = after_run[0]
        else:
            start_from = 1 if layout.title is None else 0
            candidates = [
                i
                for k, i in enumerate(content[start_from:], start=start_from)
                if _is_body_like(blocks[i])
                or (
                    _ends_sentence(blocks[i])
                    and k + 1 < len(content)
                    and _ends_sentence(blocks[content[k + 1]])
                )
            ]
            body_start = candidates[0] if candidates else content[min(start_from, len(content) - 1)]

    # Header lines: title, deck (subtitle), caption, byline, date stamps, brand.
    for i in range(body_start):
        line = blocks[i]
        if reasons[i] == "title":
            continue
        if reasons[i] is not None:
            layout.removed.append((line, reasons[i] or ""))
            if reasons[i] == "date stamp" or reasons[i] == "update stamp":
                layout.published = layout.published or parse_absolute_date(line)
            continue
        byline = _BYLINE.match(line)
        if byline:
            layout.byline = byline.group(1).strip()
            layout.removed.append((line, "byline"))
        elif _is_brand_shape(line):
            layout.removed.append((line, "brand line"))
        elif layout.title is None and detect_header:
            layout.title = line
        elif not _ends_sentence(line) and layout.subtitle is None:
            layout.subtitle = line
        elif _ends_sentence(line) and layout.caption is None:
            layout.caption = line
        else:
            layout.subtitle = f"{layout.subtitle} {line}" if layout.subtitle else line

    # Footer: trailing short lines after the last paragraph of running text.
    body_idx = [i for i in range(body_start, len(blocks)) if reasons[i] is None]
    while body_idx and len(body_idx) > 1:
        last = blocks[body_idx[-1]]
        if _is_brand_shape(last) or (len(_words(last)) <= 3 and not _ends_sentence(last)):
            reasons[body_idx[-1]] = "brand line" if _is_brand_shape(last) else "footer widget"
            body_idx.pop()
        else:
            break
    for i in range(body_start, len(blocks)):
        if reasons[i] is not None:
            layout.removed.append((blocks[i], reasons[i] or ""))

    paragraphs = [blocks[i] for i in body_idx]
    if paragraphs:
        dateline, first = split_dateline(paragraphs[0], is_place)
        if dateline:
            layout.dateline = dateline
            wire = _DATELINE_WIRE.match(paragraphs[0])
            layout.dateline_day = wire.group("day") if wire else None
            paragraphs[0] = first.lstrip()
    pieces: list[str] = []
    offset = 0
    for k, para in enumerate(paragraphs):
        if k:
            pieces.append("\n\n")
            offset += 2
        if 0 < k < len(paragraphs) - 1 and _is_subheading(para):
            layout.subheadings.append((para, offset, offset + len(para)))
        pieces.append(para)
        offset += len(para)
    layout.text = "".join(pieces)
    if paragraphs:
        last = paragraphs[-1].rstrip()
        layout.truncated = last.endswith(("...", "…")) or not _ends_sentence(last)
    return layout
