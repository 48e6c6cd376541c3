"""Attribution on PolNeAR (US political news, every attribution annotated).

An article is its text file and its brat standoff file (the first, when an
article was annotated twice): Source, Cue and Content spans tied by an
``Attribution`` relation; a span may have several pieces. Articles go through
the user's path (text to Article, analysed), and our spans are aligned back
onto the gold file's text (``offset_map``: ingest may drop timestamp lines or
soft hyphens, so one offset is not enough).

Scored per gold attribution, by class: *quoted* (its content is all inside
quotation marks), *mixed* (partly), *unquoted* (none):

* content found: one of our quotes overlaps its content;
* speaker right: that quote's speaker is the gold source (their words overlap,
  or the source span is one of our speaker's mentions; a relative pronoun,
  which PolNeAR marks as the source of "officials who said", stands for the
  noun phrase right before it); an attribution with no source is right when we
  name none;
* end to end: both. Precision: of our quotes, those that overlap a gold
  content, and those that also have the right speaker; speaker precision: of
  our quotes that name a speaker and overlap a gold content with a source, the
  share whose speaker is right.

Half of the dev articles (sha256 of the file name, even) are frozen.
"""

from __future__ import annotations

import hashlib
import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language

from ..ingest.sources import article_from_text
from ..model import Analysis
from ..pipeline import analyze_batch
from . import moved, offset_map

CLASSES = ("quoted", "mixed", "unquoted")
_QUOTE_MARKS = '"\u201c\u201d'
_STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "to",
        "in",
        "and",
        "for",
        "on",
        "at",
        "by",
        "his",
        "her",
        "its",
        "their",
        "mr",
        "ms",
        "mrs",
        "dr",
    ]
)


@dataclass(frozen=True)
class GoldAttribution:
    content: tuple[tuple[int, int], ...]
    source: tuple[tuple[int, int], ...]
    source_text: str
    cls: str
    #: where the antecedent of a relative-pronoun source ends ("officials who
    #: said": the end of "officials"), None for any other source
    antecedent_end: int | None = None


#: Relative pronouns: PolNeAR marks the pronoun as the source, whose referent is
#: the noun phrase right before it.
_RELATIVE = frozenset(["who", "which", "that", "whom"])


def _antecedent_end(text: str, source: tuple[tuple[int, int], ...]) -> int | None:
    if len(source) != 1 or text[source[0][0] : source[0][1]].lower() not in _RELATIVE:
        return None
    at = source[0][0]
    while at > 0 and text[at - 1] in " ,\n":
        at -= 1
    return at


@dataclass
class AttributionDoc:
    id: str
    text: str
    attributions: list[GoldAttribution]

    @property
    def frozen(self) -> bool:
        return int(hashlib.sha256(self.id.encode()).hexdigest()[:8], 16) % 2 == 0


def _pieces(field_: str) -> tuple[tuple[int, int], ...]:
    out = []
    for piece in field_.split(";"):
        a, b = piece.split()
        out.append((int(a), int(b)))
    return tuple(out)


def _class(text: str, content: tuple[tuple[int, int], ...]) -> str:
    """Quoted when every word of the content lies between quotation marks."""
    inside = _inside_quotes(text)
    chars = [i for a, b in content for i in range(a, min(b, len(text))) if text[i].isalnum()]
    if not chars:
        return "unquoted"
    share = sum(1 for i in chars if inside[i]) / len(chars)
    return "quoted" if share >= 0.9 else "mixed" if share > 0 else "unquoted"


def _inside_quotes(text: str) -> list[bool]:
    """Per character, whether it lies inside a pair of quotation marks (pairs
    do not cross a paragraph break)."""
    inside = [False] * len(text)
    for para in re.finditer(r"[^\n]+", text):
        opened: int | None = None
        for m in re.finditer(f"[{_QUOTE_MARKS}]", para.group()):
            i = para.start() + m.start()
            ch = text[i]
            if opened is None and ch in '"\u201c':
                opened = i
            elif opened is not None and ch in '"\u201d':
                for k in range(opened + 1, i):
                    inside[k] = True
                opened = None
    return inside


def _read(text_path: Path, ann_path: Path) -> AttributionDoc:
    text = text_path.read_text(encoding="utf-8")
    spans: dict[str, tuple[str, tuple[tuple[int, int], ...]]] = {}
    relations: list[dict[str, list[str]]] = []
    for n, line in enumerate(ann_path.read_text(encoding="utf-8").splitlines(), start=1):
        parts = line.split("\t")
        try:
            if line.startswith("T") and len(parts) >= 2:
                label, _, offsets = parts[1].partition(" ")
                spans[parts[0]] = (label, _pieces(offsets))
            elif line.startswith("E") and len(parts) >= 2:
                args: dict[str, list[str]] = {}
                for arg in parts[1].split():
                    role, _, target = arg.partition(":")
                    args.setdefault(re.sub(r"\d+$", "", role), []).append(target)
                relations.append(args)
        except ValueError as exc:
            raise ValueError(f"{ann_path}: line {n}: not brat standoff ({exc})") from exc
    gold = []
    for args in relations:
        content = tuple(p for t in args.get("Content", []) if t in spans for p in spans[t][1])
        source = tuple(p for t in args.get("Source", []) if t in spans for p in spans[t][1])
        if not content:
            continue
        gold.append(
            GoldAttribution(
                tuple(sorted(content)),
                tuple(sorted(source)),
                " ".join(text[a:b] for a, b in sorted(source)),
                _class(text, content),
                _antecedent_end(text, tuple(sorted(source))),
            )
        )
    return AttributionDoc(text_path.stem, text, gold)


def load_polnear(folder: Path) -> list[AttributionDoc]:
    """A PolNeAR split: ``text/NAME.txt`` with ``attributions/NAME_xxxx.ann``."""
    texts = sorted((folder / "text").glob("*.txt"))
    if not texts:
        raise ValueError(f"{folder}: no PolNeAR text/*.txt files")
    docs = []
    for path in texts:
        anns = sorted((folder / "attributions").glob(f"{path.stem}_*.ann"))
        if anns:
            docs.append(_read(path, anns[0]))
    return docs


@dataclass
class Counts:
    gold: int = 0
    found: int = 0
    speaker: int = 0  # found with the right speaker

    def recall(self, n: int) -> float:
        return n / self.gold if self.gold else 0.0


@dataclass
class PartScore:
    by_class: dict[str, Counts] = field(default_factory=lambda: {c: Counts() for c in CLASSES})
    ours: int = 0
    ours_on_gold: int = 0
    ours_right: int = 0
    named: int = 0  # our quotes naming a speaker, on a gold content with a source
    named_right: int = 0
    articles: int = 0

    def prf(self, cls: str | None = None) -> tuple[float, float, float]:
        counts = [self.by_class[cls]] if cls else list(self.by_class.values())
        gold = sum(c.gold for c in counts)
        right = sum(c.speaker for c in counts)
        p = self.ours_right / self.ours if self.ours else 0.0
        r = right / gold if gold else 0.0
        return p, r, 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class AttributionReport:
    parts: dict[str, PartScore]  # ours, by half
    peer: dict[str, PartScore] | None = None  # textacy's direct_quotations, when installed
    misses: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Item:
    """A system's attribution in the raw text's offsets: content span, speaker
    words, and the spans where that speaker is named (ours: its entity's)."""

    span: tuple[int, int]
    speaker_text: str | None
    speaker_spans: tuple[tuple[int, int], ...] = ()
    speaker_name: str = ""


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", text.lower()) if w not in _STOP and len(w) > 1}


def _overlaps(a: tuple[int, int], pieces: tuple[tuple[int, int], ...]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in pieces)


def _speaker_right(item: Item, g: GoldAttribution) -> bool:
    if not g.source:
        return item.speaker_text is None
    if item.speaker_text is None:
        return False
    if _words(item.speaker_text) & _words(g.source_text):
        return True
    if item.speaker_name and _words(item.speaker_name) & _words(g.source_text):
        return True
    if g.antecedent_end is not None and any(e == g.antecedent_end for _, e in item.speaker_spans):
        return True  # the noun a relative pronoun stands for
    return any(_overlaps(span, g.source) for span in item.speaker_spans)


def _ours(an: Analysis, where: Callable[[int], int]) -> list[Item]:
    """Our quotes with their spans moved onto the gold file's text."""

    entities = {e.id: e for e in an.entities}
    items = []
    for q in an.quotes:
        ent = entities.get(q.speaker or "")
        items.append(
            Item(
                moved(where, *q.span),
                q.speaker_text,
                tuple(
                    moved(where, a, b)
                    for a, b in [*(ent.mentions if ent else []), *filter(None, [q.speaker_span])]
                ),
                ent.name if ent else "",
            )
        )
    return items


def _score(
    part: PartScore, doc: AttributionDoc, items: list[Item], misses: list[str] | None
) -> None:
    part.articles += 1
    for g in doc.attributions:
        counts = part.by_class[g.cls]
        counts.gold += 1
        hits = [i for i in items if _overlaps(i.span, g.content)]
        if hits:
            counts.found += 1
        if any(_speaker_right(i, g) for i in hits):
            counts.speaker += 1
        elif misses is not None and not doc.frozen:
            why = "not found" if not hits else f"speaker {hits[0].speaker_text!r}"
            content = " ".join(doc.text[a:b] for a, b in g.content)[:90]
            misses.append(f"{doc.id} [{g.cls}] {g.source_text!r}: {content!r}: {why}")
    for item in items:
        part.ours += 1
        on = [g for g in doc.attributions if _overlaps(item.span, g.content)]
        if on:
            part.ours_on_gold += 1
        if any(_speaker_right(item, g) for g in on):
            part.ours_right += 1
        sourced = [g for g in on if g.source]
        if sourced and item.speaker_text is not None:
            part.named += 1
            if any(_speaker_right(item, g) for g in sourced):
                part.named_right += 1


def score_polnear(docs: list[AttributionDoc], nlp: Language) -> AttributionReport:
    articles = [article_from_text(d.text, label=d.id) for d in docs]
    report = AttributionReport({"open": PartScore(), "frozen": PartScore()})
    direct_quotations: Any = None
    plain: Any = None
    try:
        direct_quotations = importlib.import_module("textacy.extract.triples").direct_quotations
        from ..nlp import load_model

        plain = load_model()  # the model without our component, as textacy users run it
        report.peer = {"open": PartScore(), "frozen": PartScore()}
    except ImportError:
        pass
    for doc, an in zip(docs, analyze_batch(articles, nlp), strict=True):
        half = "frozen" if doc.frozen else "open"
        _score(
            report.parts[half], doc, _ours(an, offset_map(an.article.text, doc.text)), report.misses
        )
        if report.peer is not None:
            peer = []
            try:
                triples = list(direct_quotations(plain(doc.text)))
            except ValueError:
                triples = []  # it refuses a text with an odd number of quotation marks
            for t in triples:
                who = t.speaker
                peer.append(
                    Item(
                        (t.content.start_char, t.content.end_char),
                        " ".join(x.text for x in who) or None,
                        tuple((x.idx, x.idx + len(x.text)) for x in who),
                    )
                )
            _score(report.peer[half], doc, peer, None)
    return report


def _part_lines(name: str, part: PartScore) -> list[str]:
    lines = [f"  {name}"]
    for cls in CLASSES:
        c = part.by_class[cls]
        lines.append(
            f"    {cls:<10} {c.gold:>5} {c.recall(c.found):>7.2f} {c.recall(c.speaker):>14.2f}"
        )
    p_on = part.ours_on_gold / part.ours if part.ours else 0.0
    sp = part.named_right / part.named if part.named else 0.0
    lines.append(
        f"    attributions given: {part.ours}, on a gold content {p_on:.2f}, "
        f"speaker precision {sp:.2f} ({part.named_right}/{part.named})"
    )
    p, r, f = part.prf()
    lines.append(f"    end to end, all:        P {p:.2f}  R {r:.2f}  F1 {f:.3f}")
    quoted = part.by_class["quoted"].speaker + part.by_class["mixed"].speaker
    quoted_gold = part.by_class["quoted"].gold + part.by_class["mixed"].gold
    r_q = quoted / quoted_gold if quoted_gold else 0.0
    f_q = 2 * p * r_q / (p + r_q) if p + r_q else 0.0
    lines.append(f"    end to end, in quotes:  R {r_q:.2f}  F1 {f_q:.3f} (P over all given)")
    return lines


def format_polnear(report: AttributionReport, verbose: bool = False) -> str:
    lines = ["PolNeAR attribution (content found = an attribution overlaps the gold content)"]
    for half, part in report.parts.items():
        lines.append("")
        lines.append(f"{half} half: {part.articles} articles")
        lines.append(f"    {'class':<10} {'gold':>5} {'found':>7} {'speaker right':>14}")
        lines.extend(_part_lines("newsevents", part))
        if report.peer is not None:
            lines.extend(_part_lines("textacy direct_quotations", report.peer[half]))
        else:
            lines.append("  textacy direct_quotations: not installed (pip install textacy)")
    if verbose:
        lines.append("")
        lines.extend(report.misses)
    return "\n".join(lines)
