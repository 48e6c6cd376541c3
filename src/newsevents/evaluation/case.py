"""Score event typing on CASE 2021 snippets (fine-grained ACLED-style types).

The gold file (``case2021/dev.tsv``: id, snippet, subtype) is read where it
lives and never copied. Each snippet carries one label; ours is a set of
events, so the measure is the one the task allows: is the expected PLOVER
type among the snippet's events? Disasters and ordinary crime carry no
political event, so for them the measure is the opposite: no event at all.

ACLED's sub-event types map onto PLOVER 0.8 as below (written from the ACLED
codebook's definitions and PLOVER's: violence against people is ASSAULT,
repression and arrests are COERCE, protest and riot are PROTEST). Where
ACLED's type sits between two PLOVER types, either is accepted.

A third of the snippets (chosen by a hash of their id, so always the same
third) is *frozen*: its figures are reported, its errors never listed. A rule
that helps the open part and not the frozen one fits the sentences, not the
language.
"""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language

from ..errors import InputError
from ..ingest.sources import article_from_text
from ..model import Article
from . import frozen as is_frozen

#: ACLED / CASE 2021 sub-event type -> the PLOVER types that code it.
EXPECTED: dict[str, frozenset[str]] = {
    "PEACE_PROTEST": frozenset({"PROTEST"}),
    "PROTEST_WITH_INTER": frozenset({"PROTEST"}),
    "VIOL_DEMONSTR": frozenset({"PROTEST"}),
    "MOB_VIOL": frozenset({"PROTEST", "ASSAULT"}),
    "FORCE_AGAINST_PROTEST": frozenset({"COERCE", "ASSAULT"}),
    "ARMED_CLASH": frozenset({"ASSAULT"}),
    "ATTACK": frozenset({"ASSAULT"}),
    "GRENADE": frozenset({"ASSAULT"}),
    # ACLED "disrupted weapons use": a device defused, weapons seized (CAMEO 192 seize)
    "DISR_WEAP": frozenset({"ASSAULT", "COERCE"}),
    "ART_MISS_ATTACK": frozenset({"ASSAULT"}),
    "AIR_STRIKE": frozenset({"ASSAULT"}),
    "SUIC_BOMB": frozenset({"ASSAULT"}),
    "REM_EXPLOS": frozenset({"ASSAULT"}),
    "CHEM_WEAP": frozenset({"ASSAULT"}),
    "ABDUCT_DISSAP": frozenset({"ASSAULT", "COERCE"}),
    "SEX_VIOL": frozenset({"ASSAULT"}),
    "GOV_REGAINS_TERIT": frozenset({"ASSAULT", "COERCE"}),
    "NON_STATE_ACTOR_OVERTAKES_TER": frozenset({"ASSAULT", "COERCE"}),
    "PROPERTY_DISTRUCT": frozenset({"COERCE", "ASSAULT"}),
    "ARREST": frozenset({"COERCE"}),
    # one side withdraws (RETREAT), the other takes it over (CAMEO 192 occupy: COERCE)
    "NON_VIOL_TERRIT_TRANSFER": frozenset({"RETREAT", "CONCEDE", "COERCE"}),
    "HQ_ESTABLISHED": frozenset({"MOBILIZE"}),
    "AGREEMENT": frozenset({"AGREE"}),
    # diplomatic moves of either sign: CAMEO2PLOVER codes expelling diplomats and
    # breaking relations (161, 164, 166) as SANCTION
    "DIPLO": frozenset({"CONSULT", "COOPERATE", "SUPPORT", "AGREE", "SANCTION"}),
}
#: Types that are no political event: nothing should be coded.
NO_EVENT = frozenset({"NATURAL_DISASTER", "MAN_MADE_DISASTER", "ORG_CRIME"})
#: Types with no PLOVER counterpart (a claim of responsibility, a change of a
#: group's activity, "other"): not scored.
UNSCORED = frozenset({"ATTRIB", "CHANGE_TO_GROUP_ACT", "OTHER"})


@dataclass
class CaseItem:
    id: str
    text: str
    subtype: str

    @property
    def frozen(self) -> bool:
        return is_frozen(self.id)


@dataclass
class Tally:
    hits: int = 0
    total: int = 0

    @property
    def rate(self) -> float:
        return self.hits / self.total if self.total else 0.0

    def __str__(self) -> str:
        return f"{self.hits}/{self.total} = {self.rate:.2f}" if self.total else "n/a"


@dataclass
class CaseReport:
    #: (part, "political" | "no event") -> tally; part is "open", "frozen" or "all"
    tallies: dict[tuple[str, str], Tally] = field(default_factory=dict)
    peer: dict[tuple[str, str], Tally] = field(default_factory=dict)
    per_type: dict[str, Tally] = field(default_factory=dict)  # open part only
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)  # open part only
    misses: list[str] = field(default_factory=list)  # open part only
    unreadable: int = 0

    def add(self, table: dict[tuple[str, str], Tally], item: CaseItem, hit: bool) -> None:
        kind = "no event" if item.subtype in NO_EVENT else "political"
        for part in ("frozen" if item.frozen else "open", "all"):
            tally = table.setdefault((part, kind), Tally())
            tally.total += 1
            tally.hits += hit


def load_case(path: Path) -> list[CaseItem]:
    """The snippets of a CASE 2021 TSV (id, EventSnippet, SubType)."""
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    if not rows or [c.strip() for c in rows[0][:3]] != ["id", "EventSnippet", "SubType"]:
        raise ValueError(f"{path}: not a CASE 2021 file (header id, EventSnippet, SubType)")
    items = []
    for number, row in enumerate(rows[1:], start=2):
        if len(row) < 3:
            raise ValueError(f"{path}:{number}: expected 3 tab-separated columns")
        items.append(CaseItem(row[0].strip(), row[1].strip(), row[2].strip()))
    return items


def _peer_types(doc_lemmas: list[str]) -> set[str]:
    """The keyword peer: every lexicon verb or noun present, whatever its sense,
    arguments or status (what a bag-of-words coder sees)."""
    from ..extract.events.triggers import lexicon_types

    return lexicon_types(doc_lemmas)


def score_case(items: list[CaseItem], nlp: Language) -> CaseReport:
    from ..pipeline import analyze_doc

    report = CaseReport()
    scored = [i for i in items if i.subtype not in UNSCORED]
    articles: list[Article | None] = []
    for item in scored:
        try:
            articles.append(article_from_text(item.text, label=f"case:{item.id}"))
        except InputError:
            articles.append(None)
    texts = [a.text if a is not None else "" for a in articles]
    for item, article, doc in zip(scored, articles, nlp.pipe(texts, batch_size=64), strict=True):
        if article is None:
            report.unreadable += 1
            types: set[str] = set()
        else:
            types = {e.type for e in analyze_doc(article, doc).events}
        peer = _peer_types([t.lemma_.lower() for t in doc]) if article is not None else set()
        if item.subtype in NO_EVENT:
            hit, peer_hit = not types, not peer
        else:
            expected = EXPECTED[item.subtype]
            hit, peer_hit = bool(types & expected), bool(peer & expected)
        report.add(report.tallies, item, hit)
        report.add(report.peer, item, peer_hit)
        if item.frozen:
            continue  # its errors are never read
        tally = report.per_type.setdefault(item.subtype, Tally())
        tally.total += 1
        tally.hits += hit
        if not hit:
            found = ",".join(sorted(types)) or "-"
            report.confusion[(item.subtype, found)] += 1
            report.misses.append(f"{item.id} {item.subtype}: ours {found}: {item.text[:140]}")
    return report


def format_case(report: CaseReport, verbose: bool = False) -> str:
    lines = [
        "CASE 2021 snippets: the expected PLOVER type among the events (political types),",
        "and no event at all (disasters, crime). Peer: every lexicon word present, no parse.",
        "",
        f"{'part':<8} {'measure':<10} {'newsevents':>18} {'keyword peer':>18}",
    ]
    for part in ("open", "frozen", "all"):
        for kind in ("political", "no event"):
            ours = report.tallies.get((part, kind), Tally())
            peer = report.peer.get((part, kind), Tally())
            lines.append(f"{part:<8} {kind:<10} {ours!s:>18} {peer!s:>18}")
    lines += ["", f"rejected at ingest: {report.unreadable}", "", "open part, per type:"]
    for name in sorted(report.per_type):
        lines.append(f"  {name:<30} {report.per_type[name]!s:>14}")
    if verbose:
        lines += ["", "open part, misses (subtype -> our types):"]
        for (gold, found), n in report.confusion.most_common():
            lines.append(f"  {gold:<30} -> {found:<24} {n}")
        lines.append("")
        lines.extend(report.misses)
    return "\n".join(lines)
