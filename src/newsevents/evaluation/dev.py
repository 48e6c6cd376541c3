"""Score quotes and claims on our development set, beside textacy and quantulum3.

The set (``eval/data/quotes_claims_dev.jsonl``) holds sentences the team wrote
in the reporting styles wire copy uses, each with the quotes (speaker and a
piece of the text) and the figures (value, unit, claimant) a careful reader
takes from it. Matching:

* a quote is found when the gold text is inside ours (or ours inside the
  gold's, for partial quotes); it is right when the speaker matches too
  (names leniently; a gold null speaker wants none of ours);
* a claim is right when the value is equal and the claimant matches (a null
  claimant wants none); quantity extraction counts the value alone.

Precision counts everything a system returns, so a date reported as a figure
or a quote with the wrong speaker costs it. The peers are optional: each is
scored when it is installed (``pip install textacy quantulum3``).
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language

from ..ingest.sources import article_from_text
from .seed import names_match


@dataclass
class PRF:
    tp: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def load_dev(path: Path) -> list[dict[str, Any]]:
    records = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}: malformed JSON on line {n}: {exc.msg}") from exc
    return records


def _same_text(gold: str, ours: str) -> bool:
    g, o = gold.lower().strip(" ,."), ours.lower().strip(" ,.")
    return g in o or (len(o) >= 8 and o in g)


def _speaker_ok(gold: str | None, names: list[str]) -> bool:
    names = [n for n in names if n]
    if gold is None:
        return not names
    return names_match(gold, names)


def _score_quotes(gold: list[dict[str, Any]], ours: list[tuple[str, list[str]]], s: PRF) -> None:
    """``ours``: (text, speaker names) for each quote a system returned."""
    s.gold += len(gold)
    s.predicted += len(ours)
    used: set[int] = set()
    for g in gold:
        for i, (text, names) in enumerate(ours):
            if (
                i not in used
                and _same_text(g["contains"], text)
                and _speaker_ok(g["speaker"], names)
            ):
                used.add(i)
                s.tp += 1
                break


def _score_values(
    gold: list[dict[str, Any]], ours: Sequence[tuple[float, list[str] | None]], s: PRF
) -> None:
    """``ours``: (value, claimant names or None when the claimant is not scored)."""
    s.gold += len(gold)
    s.predicted += len(ours)
    used: set[int] = set()
    for g in gold:
        for i, (value, names) in enumerate(ours):
            if i in used or abs(value - float(g["value"])) > 1e-6 * max(1.0, abs(value)):
                continue
            if names is not None and not _speaker_ok(g.get("claimant"), names):
                continue
            used.add(i)
            s.tp += 1
            break


@dataclass
class DevReport:
    sentences: int
    ours_quotes: PRF
    ours_direct: PRF
    ours_claims: PRF
    ours_values: PRF
    unit_right: int
    unit_checked: int
    disputes_right: int
    disputes_gold: int
    textacy_direct: PRF | None
    quantulum_values: PRF | None


def score_dev(records: list[dict[str, Any]], nlp: Language, peers: bool = True) -> DevReport:
    from ..pipeline import analyze_doc

    ours_q, ours_dq, ours_c, ours_v = PRF(), PRF(), PRF(), PRF()
    unit_right = unit_checked = disputes_right = disputes_gold = 0
    textacy_dq: PRF | None = None
    quantulum_v: PRF | None = None
    direct_quotations: Any = None
    quantity_parser: Any = None
    plain: Any = None
    if peers:
        try:
            direct_quotations = importlib.import_module("textacy.extract.triples").direct_quotations
            from ..nlp import load_model

            plain = load_model()  # the model without our component, as textacy users run it
            textacy_dq = PRF()
        except ImportError:
            pass
        try:
            quantity_parser = importlib.import_module("quantulum3.parser")
            # its bundled disambiguation model does not load with current
            # scikit-learn; run it the way it runs without scikit-learn
            quantulum_classifier: Any = importlib.import_module("quantulum3.classifier")
            quantulum_classifier.USE_CLF = False
            quantulum_v = PRF()
        except ImportError:
            pass
    for rec in records:
        article = article_from_text(rec["text"], published=rec.get("published"), label=rec["id"])
        doc = nlp(article.text)
        analysis = analyze_doc(article, doc)
        names = {e.id: e.name for e in analysis.entities}
        quotes = [
            (q.text, [q.speaker_text or "", names.get(q.speaker or "", "")])
            for q in analysis.quotes
        ]
        if any(g["speaker"] is None for g in rec["quotes"]):
            # for a gold null speaker, an unresolved pronoun is no attribution
            quotes = [
                (q.text, [names.get(q.speaker or "", "")] if q.speaker_text in ("he", "she") else n)
                for q, (_, n) in zip(analysis.quotes, quotes, strict=True)
            ]
        _score_quotes(rec["quotes"], quotes, ours_q)
        direct_gold = [g for g in rec["quotes"] if g["kind"] == "direct"]
        direct_ours = [
            pair for q, pair in zip(analysis.quotes, quotes, strict=True) if q.kind == "direct"
        ]
        _score_quotes(direct_gold, direct_ours, ours_dq)
        claims = [
            (c.value, [c.claimant_text or "", names.get(c.claimant or "", "")])
            for c in analysis.claims
        ]
        _score_values(rec["claims"], claims, ours_c)
        _score_values(rec["claims"], [(c.value, None) for c in analysis.claims], ours_v)
        for g in rec["claims"]:
            match = [c for c in analysis.claims if abs(c.value - float(g["value"])) < 1e-6]
            if match:
                unit_checked += 1
                unit_right += match[0].unit == g["unit"]
            if g.get("disputed_by"):
                disputes_gold += 1
                disputes_right += any(
                    names_match(g["disputed_by"], [names.get(d, "") for d in c.disputed_by])
                    for c in match
                )
        if textacy_dq is not None:
            triples = list(direct_quotations(plain(article.text)))
            peer = [
                (t.content.text.strip('"\u201c\u201d '), [" ".join(x.text for x in t.speaker)])
                for t in triples
            ]
            _score_quotes(direct_gold, peer, textacy_dq)
        if quantulum_v is not None:
            found = [(float(q.value), None) for q in quantity_parser.parse(article.text)]
            _score_values(rec["claims"], found, quantulum_v)
    return DevReport(
        len(records),
        ours_q,
        ours_dq,
        ours_c,
        ours_v,
        unit_right,
        unit_checked,
        disputes_right,
        disputes_gold,
        textacy_dq,
        quantulum_v,
    )


def format_dev(report: DevReport) -> str:
    def row(name: str, s: PRF | None) -> str:
        if s is None:
            return f"{name:<44} (not installed)"
        return (
            f"{name:<44} {s.gold:>5} {s.predicted:>5} {s.tp:>5} "
            f"{s.precision:>6.2f} {s.recall:>6.2f} {s.f1:>6.2f}"
        )

    lines = [
        f"development set: {report.sentences} sentences",
        "",
        f"{'task / system':<44} {'gold':>5} {'pred':>5} {'tp':>5} {'P':>6} {'R':>6} {'F1':>6}",
        row("speaker attribution, all quotes (ours)", report.ours_quotes),
        row("speaker attribution, direct quotes (ours)", report.ours_direct),
        row("speaker attribution, direct quotes (textacy)", report.textacy_direct),
        row("claims value+claimant (ours)", report.ours_claims),
        row("quantity extraction, value (ours)", report.ours_values),
        row("quantity extraction, value (quantulum3)", report.quantulum_values),
        "",
        f"unit right on value-matched claims (ours): {report.unit_right}/{report.unit_checked}",
        f"disputes found (ours): {report.disputes_right}/{report.disputes_gold}",
    ]
    return "\n".join(lines)
