"""Score event typing and actor countries against the PLOVER gold sentences.

The gold file (``PLOVER_GSR_CAMEO.txt``, OEDA, CC BY-SA 4.0) is read where it
lives; nothing of it is copied here. Each record is one sentence with one coded
event, its source actor(s) and target(s) with CAMEO-style country codes.

Two things need translating before we can compare:

* The file is PLOVER 0.5b1; we code PLOVER 0.8. Names that changed are mapped
  through the CAMEO roots in ``CAMEO2PLOVER-2021.txt``: DEMAND (CAMEO 10) is
  REQUEST, DISAPPROVE (CAMEO 11) is ACCUSE, INVESTIGATE (CAMEO 09) is ACCUSE
  with mode ``investigate``, FIGHT (CAMEO 19) is ASSAULT. The table is read
  from the file when it is given, so the mapping is the file's, not ours.
* PLOVER codes a stated intention as the intention: "said they would meet"
  is AGREE (CAMEO 03 "express intent to"), "threatened to bomb" is THREATEN.
  We code the meeting itself with status ``planned``/``hypothetical`` and keep
  who said it in ``source``. :func:`plover_view` projects our record onto
  PLOVER's convention; it is an evaluation view, the extractor is unchanged.

One sentence carries one gold event but often several of ours ("agreed ... to
cooperate"). Scoring takes our *main* event: the one whose trigger is highest
in the dependency tree (ties: earliest). The table also reports the looser
"gold type anywhere among the sentence's events" so both views are visible.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..errors import InputError
from ..ingest.sources import article_from_text
from ..model import Analysis, Article, Event
from . import frozen

#: PLOVER 0.5 names that PLOVER 0.8 renamed, by CAMEO root (used when no table is given).
_RENAMED_ROOTS = {"DEMAND": "10", "DISAPPROVE": "11", "INVESTIGATE": "09", "FIGHT": "19"}
_FALLBACK = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}

#: CAMEO actor codes that are not ISO 3166 alpha-3 (the rest of the file's country codes are).
_CAMEO_COUNTRY = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
_NOT_COUNTRIES = frozenset(["IGO", "NGO", "IMG", "ISM", "MNC", ""])

_COOPERATIVE = frozenset(["CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"])
_HOSTILE = frozenset(["ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST"])


def read_renames(table: Path | None) -> dict[str, str]:
    """PLOVER 0.5 name -> 0.8 name, from the CAMEO root lines of the conversion table."""
    if table is None or not table.exists():
        return dict(_FALLBACK)
    roots: dict[str, str] = {}
    for line in table.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d\d):\s*([A-Z]+)", line)
        if m and m.group(1) not in roots:
            roots[m.group(1)] = m.group(2)
    return {old: roots.get(root, _FALLBACK[old]) for old, root in _RENAMED_ROOTS.items()}


@dataclass
class GoldEvent:
    id: str
    text: str
    type: str
    date: str | None
    sources: list[str]
    targets: list[str]


def _codes(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):  # a bare string is no actor record ("", "diplomatic")
        value = [value]
    if isinstance(value, dict):
        value = [value]
    out: list[str] = []
    for actor in value:
        code = actor.get("code", "") if isinstance(actor, dict) else str(actor)
        code = _CAMEO_COUNTRY.get(code, code)
        if code not in _NOT_COUNTRIES and re.fullmatch(r"[A-Z]{3}", code):
            out.append(code)
    return out


def load_plover_gold(path: Path, renames: dict[str, str]) -> list[GoldEvent]:
    """The coded sentences (the DOCUMENT record is skipped), with 0.8 type names."""
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path}: not a JSON list of PLOVER records ({exc})") from exc
    gold: list[GoldEvent] = []
    for rec in records:
        if rec.get("event") == "DOCUMENT" or not rec.get("text"):
            continue
        etype = renames.get(rec["event"], rec["event"])
        gold.append(
            GoldEvent(
                id=rec["id"],
                text=rec["text"],
                type=etype,
                date=rec.get("date"),
                sources=_codes(rec.get("source")),
                targets=_codes(rec.get("target")),
            )
        )
    return gold


def plover_view(event: Event) -> str:
    """The PLOVER type a coder following the manual would give this record.

    PLOVER codes stated intentions and refusals as such, whoever reports them:
    a cooperative act that is planned or hypothetical is AGREE ("express
    intent to"), a hostile one THREATEN, a refused or failed cooperative act
    REJECT, and an act someone demands of another REQUEST. Everything else
    keeps its type, and so does an act the outlet reports with a hedge
    ("reportedly struck"): PLOVER codes what is reported, not the caution.
    """
    rule = getattr(event, "status_rule", None) or ""
    hedged = event.status == "possible" and rule.startswith("hedged")
    if event.status in ("planned", "hypothetical", "possible") and not hedged:
        if event.type in _COOPERATIVE:
            return "AGREE"
        if event.type in _HOSTILE:
            return "THREATEN"
    if event.status == "negated" and event.type in _COOPERATIVE | {"AGREE"}:
        return "REJECT"
    if event.status == "requested":
        return "REQUEST"
    return event.type


def _depth(doc: Doc, start: int) -> int:
    tok = next((t for t in doc if t.idx == start), None)
    depth = 0
    while tok is not None and tok.head.i != tok.i and depth < 50:
        tok = tok.head
        depth += 1
    return depth


def main_event(analysis: Analysis, doc: Doc) -> Event | None:
    """The event whose trigger is highest in the parse (ties: earliest)."""
    if not analysis.events:
        return None
    return min(analysis.events, key=lambda e: (_depth(doc, e.trigger[0]), e.trigger[0]))


@dataclass
class TypeScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class PloverReport:
    per_type: dict[str, TypeScore] = field(default_factory=dict)
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    sentences: int = 0
    unreadable: int = 0
    any_hits: int = 0
    misses: list[str] = field(default_factory=list)
    #: micro scores of the open two thirds and the frozen third (see ``frozen``)
    parts: dict[str, TypeScore] = field(default_factory=dict)
    #: actor country (right, checked) per part: a country rule is overfitted too
    #: when it helps only the part that is looked at
    actor_parts: dict[str, list[int]] = field(default_factory=dict)
    country_misses: list[str] = field(default_factory=list)
    recipient_parts: dict[str, list[int]] = field(default_factory=dict)
    recipient_misses: list[str] = field(default_factory=list)

    @property
    def actor_right(self) -> int:
        return sum(right for right, _ in self.actor_parts.values())

    @property
    def actor_checked(self) -> int:
        return sum(checked for _, checked in self.actor_parts.values())

    @property
    def recipient_right(self) -> int:
        return sum(right for right, _ in self.recipient_parts.values())

    @property
    def recipient_checked(self) -> int:
        return sum(checked for _, checked in self.recipient_parts.values())

    def micro(self) -> TypeScore:
        total = TypeScore()
        for s in self.per_type.values():
            total.tp += s.tp
            total.fp += s.fp
            total.fn += s.fn
        return total


def _tally_part(report: PloverReport, g: GoldEvent, predicted: str) -> None:
    part = report.parts.setdefault("frozen" if frozen(g.id) else "open", TypeScore())
    if predicted == g.type:
        part.tp += 1
        return
    part.fn += 1
    part.fp += predicted != "-"


def _countries(analysis: Analysis, ids: Iterable[str]) -> set[str]:
    by_id = {e.id: e for e in analysis.entities}
    return {c for i in ids if i in by_id and (c := by_id[i].country)}


def _tally_country(
    role: str,
    g: GoldEvent,
    ours: set[str],
    gold: list[str],
    parts: dict[str, list[int]],
    misses: list[str],
) -> None:
    """Count one matched event's actor or recipient country in its part; list a
    miss of the open part."""
    right = bool(ours & set(gold))
    tally = parts.setdefault("frozen" if frozen(g.id) else "open", [0, 0])
    tally[0] += right
    tally[1] += 1
    if not right and not frozen(g.id):
        misses.append(
            f"{g.id}: {role} gold {'/'.join(gold)}, ours {'/'.join(sorted(ours)) or '-'}: "
            f"{g.text[:100]}"
        )


def score_plover(gold: list[GoldEvent], nlp: Language) -> PloverReport:
    """Main-event type P/R/F1 per type, and actor/recipient countries on matched events."""
    from ..pipeline import analyze_doc

    report = PloverReport()
    articles: list[Article | None] = []
    for g in gold:
        try:
            articles.append(article_from_text(g.text, published=g.date, label=g.id))
        except InputError:
            articles.append(None)
    texts = [a.text if a is not None else "" for a in articles]
    for g, article, doc in zip(gold, articles, nlp.pipe(texts, batch_size=64), strict=True):
        report.sentences += 1
        gs = report.per_type.setdefault(g.type, TypeScore())
        if article is None:
            report.unreadable += 1
            _tally_part(report, g, "-")
            gs.fn += 1
            report.confusion[(g.type, "-")] += 1
            continue
        analysis = analyze_doc(article, doc)
        ev = main_event(analysis, doc)
        predicted = plover_view(ev) if ev is not None else "-"
        report.confusion[(g.type, predicted)] += 1
        _tally_part(report, g, predicted)
        if g.type in {plover_view(e) for e in analysis.events}:
            report.any_hits += 1
        if predicted == g.type:
            gs.tp += 1
            assert ev is not None
            if g.sources:
                _tally_country(
                    "actor", g, _countries(analysis, ev.actors), g.sources,
                    report.actor_parts, report.country_misses,
                )  # fmt: skip
            if g.targets:
                _tally_country(
                    "recipient", g, _countries(analysis, ev.recipients), g.targets,
                    report.recipient_parts, report.recipient_misses,
                )  # fmt: skip
            continue
        gs.fn += 1
        if predicted != "-":
            report.per_type.setdefault(predicted, TypeScore()).fp += 1
        if not frozen(g.id):
            report.misses.append(f"{g.id}: gold {g.type}, ours {predicted}: {g.text[:110]}")
    return report


def format_plover(report: PloverReport, verbose: bool = False) -> str:
    lines = [
        f"PLOVER gold sentences: {report.sentences} ({report.unreadable} rejected at ingest)",
        "",
        f"{'type':<10} {'gold':>5} {'tp':>4} {'fp':>4} {'fn':>4} {'P':>6} {'R':>6} {'F1':>6}",
    ]
    for name in sorted(report.per_type):
        s = report.per_type[name]
        lines.append(
            f"{name:<10} {s.tp + s.fn:>5} {s.tp:>4} {s.fp:>4} {s.fn:>4} "
            f"{s.precision:>6.2f} {s.recall:>6.2f} {s.f1:>6.2f}"
        )
    m = report.micro()
    lines.append(
        f"{'micro':<10} {m.tp + m.fn:>5} {m.tp:>4} {m.fp:>4} {m.fn:>4} "
        f"{m.precision:>6.2f} {m.recall:>6.2f} {m.f1:>6.2f}"
    )
    for part in ("open", "frozen"):
        if part in report.parts:
            s = report.parts[part]
            lines.append(
                f"{part:<10} {s.tp + s.fn:>5} {s.tp:>4} {s.fp:>4} {s.fn:>4} "
                f"{s.precision:>6.2f} {s.recall:>6.2f} {s.f1:>6.2f}"
            )
    lines.append("")
    lines.append(
        f"gold type among any of our events in the sentence: {report.any_hits}/{report.sentences}"
    )

    def ratio(a: int, b: int) -> str:
        return f"{a}/{b} = {a / b:.3f}" if b else "n/a"

    lines.append(
        f"actor country right on matched events: {ratio(report.actor_right, report.actor_checked)}"
    )
    for part in ("open", "frozen"):
        if part in report.actor_parts:
            right, checked = report.actor_parts[part]
            lines.append(f"  actor country, {part} part: {ratio(right, checked)}")
    lines.append(
        "recipient country right on matched events: "
        f"{ratio(report.recipient_right, report.recipient_checked)}"
    )
    for part in ("open", "frozen"):
        if part in report.recipient_parts:
            right, checked = report.recipient_parts[part]
            lines.append(f"  recipient country, {part} part: {ratio(right, checked)}")
    lines.append("")
    lines.append("confusion (gold -> ours, off-diagonal, count >= 2):")
    for (g, p), n in report.confusion.most_common():
        if g != p and n >= 2:
            lines.append(f"  {g:<10} -> {p:<10} {n}")
    if verbose:
        lines.append("")
        lines.append("misses on the open part (the frozen third is never listed):")
        lines.extend(report.misses)
        lines.append("")
        lines.append("actor countries missed on the open part:")
        lines.extend(report.country_misses)
        lines.append("")
        lines.append("recipient countries missed on the open part:")
        lines.extend(report.recipient_misses)
    return "\n".join(lines)
