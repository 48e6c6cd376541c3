"""Score analyses against hand-coded seed gold files (``*.gold.json``).

Matching follows the gold files' own rules: names leniently (surname, canonical
name, alias, a leading "the" ignored, case ignored), codes and values strictly.
The gold is read from where it lives at evaluation time; nothing of it is copied
into the package.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model import Analysis


@dataclass
class SectionScore:
    name: str
    found: int = 0
    expected: int = 0
    misses: list[str] = field(default_factory=list)

    def hit(self, ok: bool, label: str) -> None:
        self.expected += 1
        if ok:
            self.found += 1
        else:
            self.misses.append(label)

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0


def _norm(text: str | None) -> str:
    text = (text or "").lower().strip()
    text = re.sub(r"^the\s+", "", text)
    return re.sub(r"[^\w\s]", "", text).strip()


def names_match(gold: str, names: Iterable[str]) -> bool:
    """Lenient: equal after normalising, or same surname / last word for multiword names."""
    g = _norm(gold)
    for name in names:
        n = _norm(name)
        if not n:
            continue
        if n == g or (len(g.split()) > 1 and len(n.split()) > 1 and g.split()[-1] == n.split()[-1]):
            return True
        if (g.split()[-1] == n and len(n) > 3) or (n.split()[-1] == g and len(g) > 3):
            return True
    return False


def _entity_names(analysis: Analysis, entity_id: str | None) -> list[str]:
    for e in analysis.entities:
        if e.id == entity_id:
            return [e.name, *(analysis.article.text[s:t] for s, t in e.mentions)]
    return []


def _place_names(analysis: Analysis, place_id: str | None) -> list[str]:
    for p in analysis.places:
        if p.id == place_id:
            return [p.name, *(analysis.article.text[s:t] for s, t in p.mentions)]
    return []


def _country_names(analysis: Analysis, entity_id: str) -> list[str]:
    """An actor's name plus its country name, so gold 'Russia' matches the Kremlin."""
    names = _entity_names(analysis, entity_id)
    for e in analysis.entities:
        if e.id == entity_id and e.country:
            names.append(e.country)
            for other in analysis.entities:
                if other.kind == "country" and other.country == e.country:
                    names.append(other.name)
    return names


def score_article(analysis: Analysis, gold: dict[str, Any]) -> list[SectionScore]:
    scores: list[SectionScore] = []
    art = analysis.article
    g = gold.get("article", {})
    s = SectionScore("article")
    for key in ("title", "subtitle", "caption", "dateline", "published", "truncated"):
        if key in g:
            s.hit(getattr(art, key) == g[key], f"{key}: got {getattr(art, key)!r}")
    if "body_starts_with" in g:
        s.hit(art.text.startswith(g["body_starts_with"]), "body start")
    removed = [r.text for r in art.removed]
    for item in g.get("page_furniture_removed", []):
        s.hit(item in removed, f"furniture {item!r}")
    heads = [h.text for h in art.subheadings]
    for item in g.get("subheadings", []):
        s.hit(item in heads, f"subheading {item!r}")
    scores.append(s)

    s = SectionScore("entities")
    for ge in gold.get("entities", []):
        match = [
            e
            for e in analysis.entities
            if names_match(ge["name"], [e.name]) or _norm(e.name) == _norm(ge["name"])
        ]
        ok = any(
            ("country" not in ge or e.country == ge["country"])
            and ("sector" not in ge or e.sector == ge["sector"])
            for e in match
        )
        got = [(e.name, e.country, e.sector) for e in match]
        s.hit(ok, f"{ge['name']} {ge.get('country')} {ge.get('sector')}: got {got}")
    scores.append(s)

    s = SectionScore("coreference")
    groups = [
        {_norm(art.text[a:b]) for a, b in rec.mentions} | {_norm(rec.name)}
        for rec in analysis.entities
    ] + [
        {_norm(art.text[a:b]) for a, b in pl.mentions} | {_norm(pl.name)} for pl in analysis.places
    ]
    for chain in gold.get("coreference", []):
        wanted = [_norm(x) for x in chain]
        # a longer form ("Russian President Vladimir Putin") counts when it ends with a mention
        s.hit(
            any(
                all(w in grp or any(w.endswith(" " + m) for m in grp) for w in wanted)
                for grp in groups
            ),
            f"chain {chain}",
        )
    scores.append(s)

    s = SectionScore("places")
    for gp in gold.get("places", []):
        names = [gp["name"], *gp.get("aliases", [])]
        pmatch = [
            p
            for p in analysis.places
            if any(_norm(n) in {_norm(x) for x in _place_names(analysis, p.id)} for n in names)
        ]
        ok = any(
            p.kind == gp.get("kind", p.kind)
            and ("country" not in gp or p.country == gp["country"])
            and ("iso3166_2" not in gp or p.iso3166_2 == gp["iso3166_2"])
            for p in pmatch
        )
        s.hit(ok, f"{gp['name']}: got {[(p.name, p.kind, p.country, p.iso3166_2) for p in pmatch]}")
    scores.append(s)

    s = SectionScore("times")
    for gt in gold.get("times", []):
        tmatch = [t for t in analysis.times if _norm(t.text) == _norm(gt["text"])]
        s.hit(
            any(t.value == gt["value"] for t in tmatch),
            f"{gt['text']} = {gt['value']}: got {[t.value for t in tmatch]}",
        )
    scores.append(s)

    scores.append(_score_events(analysis, gold.get("events", [])))
    scores.append(
        _score_event_precision(
            analysis, [*gold.get("events", []), *gold.get("also_acceptable_events", [])]
        )
    )
    scores.append(_score_not_events(analysis, gold.get("not_events", [])))
    scores.append(_score_quotes(analysis, gold.get("quotes", [])))
    scores.append(_score_claims(analysis, gold.get("claims", [])))
    return scores


def _score_not_events(analysis: Analysis, gold: list[dict[str, Any]]) -> SectionScore:
    """Listed non-events pass when no event is triggered inside their text."""
    s = SectionScore("non-events left uncoded")
    text = analysis.article.text
    for ne in gold:
        spans = [(m.start(), m.end()) for m in re.finditer(re.escape(ne["text"]), text)]
        coded = [e for e in analysis.events for a, b in spans if a <= e.trigger[0] < b]
        s.hit(not coded, f"{ne['text'][:50]!r} coded as {[e.type for e in coded]}")
    return s


def _event_matches(analysis: Analysis, ge: dict[str, Any]) -> list[Any]:
    found = []
    for ev in analysis.events:
        if ev.type != ge["type"]:
            continue
        parties = [*ev.actors, *ev.recipients]
        actor_ok = "actor" not in ge or any(
            names_match(ge["actor"], _country_names(analysis, a)) for a in parties
        )
        rec_ok = "recipient" not in ge or any(
            names_match(ge["recipient"], _country_names(analysis, r)) for r in parties
        )
        status_ok = "status_any" not in ge or ev.status in ge["status_any"]
        if actor_ok and rec_ok and status_ok:
            found.append(ev)
    return found


def _score_event_precision(analysis: Analysis, real: list[dict[str, Any]]) -> SectionScore:
    """Our events that are real: each matches (type, actor, recipient) a gold event
    or one the analyst also accepts. Found/expected here is precision."""
    s = SectionScore("events that are real (precision)")
    matched = {id(ev) for ge in real for ev in _event_matches(analysis, ge)}
    names = {e.id: e.name for e in analysis.entities}
    for ev in analysis.events:
        who = ", ".join(names.get(a, a) for a in ev.actors) or "?"
        to = ", ".join(names.get(r, r) for r in ev.recipients) or "-"
        s.hit(id(ev) in matched, f"{ev.type} {who} -> {to} [{ev.status}]")
    return s


def _score_events(analysis: Analysis, gold: list[dict[str, Any]]) -> SectionScore:
    s = SectionScore("events (type+actor+recipient)")
    times = {t.id: t.value for t in analysis.times}
    full = SectionScore("events (+status,date,place,source)")
    for ge in gold:
        match = _event_matches(analysis, ge)
        s.hit(bool(match), f"{ge['type']} {ge['actor']} -> {ge.get('recipient')}")
        ok = any(
            ev.status == ge.get("status", ev.status)
            and ("date" not in ge or times.get(ev.time or "") == ge["date"])
            and ("place" not in ge or names_match(ge["place"], _place_names(analysis, ev.place)))
            and (
                ("source" not in ge and ev.source is None)
                or (
                    "source" in ge and names_match(ge["source"], _entity_names(analysis, ev.source))
                )
            )
            for ev in match
        )
        full.hit(ok, f"{ge['type']} {ge['actor']} [{ge.get('status')}]")
    s.misses += [f"(full) {m}" for m in full.misses]
    return _pair(s, full)


def _pair(a: SectionScore, b: SectionScore) -> SectionScore:
    a.extra = b  # type: ignore[attr-defined]
    return a


def _score_quotes(analysis: Analysis, gold: list[dict[str, Any]]) -> SectionScore:
    s = SectionScore("quotes (speaker)")
    for gq in gold:
        ok = any(
            gq["contains"].lower() in q.text.lower()
            and names_match(
                gq["speaker"], [q.speaker_text or "", *_entity_names(analysis, q.speaker)]
            )
            for q in analysis.quotes
        )
        s.hit(ok, f"{gq['speaker']}: {gq['contains'][:40]!r}")
    return s


def _score_claims(analysis: Analysis, gold: list[dict[str, Any]]) -> SectionScore:
    s = SectionScore("claims (value+claimant)")
    for gc in gold:
        ok = any(
            abs(c.value - float(gc["value"])) < 1e-6
            and names_match(
                gc["claimant"], [c.claimant_text or "", *_entity_names(analysis, c.claimant)]
            )
            for c in analysis.claims
        )
        s.hit(ok, f"{gc['claimant']}: {gc['value']} {gc['unit']}")
    return s


def load_gold(gold_dir: Path) -> list[tuple[str, dict[str, Any]]]:
    files = sorted(gold_dir.glob("*.gold.json")) if gold_dir.is_dir() else [gold_dir]
    return [(f.name.removesuffix(".gold.json"), json.loads(f.read_text("utf-8"))) for f in files]


def article_path(name: str, gold_dir: Path, articles: Path | None) -> Path:
    """Where the article of a gold file lives: --articles DIR, else ../../examples/NAME.txt."""
    base = gold_dir if gold_dir.is_dir() else gold_dir.parent
    folder = articles or (base / ".." / ".." / "examples")
    return (folder / f"{name}.txt").resolve()


def format_scores(name: str, scores: list[SectionScore], verbose: bool = False) -> str:
    rows = []
    for sc in scores:
        rows.append((sc.name, sc.found, sc.expected))
        extra = getattr(sc, "extra", None)
        if extra is not None:
            rows.append((extra.name, extra.found, extra.expected))
    width = max(len(r[0]) for r in rows)
    lines = [f"{name}", f"  {'section':<{width}}  found  expected  recall"]
    for label, found, expected in rows:
        recall = found / expected if expected else 1.0
        lines.append(f"  {label:<{width}}  {found:>5}  {expected:>8}  {recall:>6.2f}")
    if verbose:
        for sc in scores:
            for miss in sc.misses:
                lines.append(f"  miss [{sc.name}] {miss}")
    return "\n".join(lines)
