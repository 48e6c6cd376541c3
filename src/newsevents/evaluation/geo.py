"""Toponym recognition and resolution on LGL (Lieberman et al. 2010: 588 local
news articles, toponyms with GeoNames ids and coordinates), beside a
population-heuristic peer.

Recognition: a gold toponym is found when one of our place mentions overlaps
its span; one of our mentions is right when it overlaps a gold toponym.
Resolution, as the published LGL figures count it: over the gold toponyms we
found, the share whose place lies within 161 km (100 miles) of the gold point;
a found toponym that we give no coordinates counts as a miss. Median and mean
error are over the found toponyms that have coordinates.

The peer is what a plain pipeline does: spaCy's GPE/LOC/FAC entities, each
resolved to the most populous gazetteer entry of that name.

A third of the articles (sha256 of the docid is 0 modulo 3) is frozen: its
figures are printed, its errors never listed.
"""

from __future__ import annotations

import statistics
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language

from ..gazetteer import km
from ..model import Article, Place
from . import frozen as is_frozen


@dataclass(frozen=True)
class GoldToponym:
    start: int
    end: int
    phrase: str
    lat: float | None
    lon: float | None
    geonameid: int | None = None
    country_id: int | None = None  # the GeoNames id of the gold place's country
    is_country: bool = False


@dataclass
class GeoDoc:
    id: str
    text: str
    toponyms: list[GoldToponym]

    @property
    def frozen(self) -> bool:
        return is_frozen(self.id)


def load_lgl(path: Path) -> list[GeoDoc]:
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise ValueError(f"{path}: not LGL XML ({exc})") from exc
    docs: list[GeoDoc] = []
    for art in root.iter("article"):
        text = art.findtext("text") or ""
        tops = []
        for top in art.iter("toponym"):
            gaz = top.find("gaztag")
            lat = lon = None
            gid = country_id = None
            is_country = False
            if gaz is not None and gaz.findtext("lat") and gaz.findtext("lon"):
                lat, lon = float(gaz.findtext("lat") or 0), float(gaz.findtext("lon") or 0)
                gid = int(gaz.get("geonameid") or 0) or None
                country = gaz.find("country")
                country_id = (
                    int(country.get("geonameid") or 0) or None if country is not None else None
                )
                is_country = (gaz.findtext("fcode") or "").startswith("PCL")
            tops.append(
                GoldToponym(
                    int(top.findtext("start") or 0),
                    int(top.findtext("end") or 0),
                    top.findtext("phrase") or "",
                    lat,
                    lon,
                    gid,
                    country_id,
                    is_country,
                )
            )
        docs.append(GeoDoc(art.get("docid") or str(len(docs)), text, tops))
    return docs


#: A predicted mention: span, coordinates (None when unresolved), GeoNames id.
Mention = tuple[int, int, float | None, float | None, int | None]


@dataclass
class GeoScore:
    gold: int = 0
    predicted: int = 0
    predicted_right: int = 0
    found: int = 0
    within: int = 0
    errors: list[float] = field(default_factory=list)

    def add(self, doc: GeoDoc, mentions: list[Mention]) -> list[str]:
        """Score one article; returns the misses as lines (for the open part)."""
        misses = []
        gold = [t for t in doc.toponyms if t.lat is not None]
        self.gold += len(gold)
        self.predicted += len(mentions)
        self.predicted_right += sum(
            any(s < t.end and t.start < e for t in doc.toponyms) for s, e, *_ in mentions
        )
        for t in gold:
            hits = [m for m in mentions if m[0] < t.end and t.start < m[1]]
            if not hits:
                misses.append(f"  not found: {t.phrase!r}")
                continue
            self.found += 1
            _, _, lat, lon, gid = hits[0]
            if gid is not None and gid in (t.geonameid, t.country_id if t.is_country else None):
                self.within += 1  # the same GeoNames place: right whatever its point
                self.errors.append(0.0)
                continue
            if lat is None or lon is None:
                misses.append(f"  no coordinates: {t.phrase!r}")
                continue
            assert t.lat is not None and t.lon is not None
            err = km(lat, lon, t.lat, t.lon)
            self.errors.append(err)
            if err <= 161:
                self.within += 1
            else:
                misses.append(f"  {err:,.0f} km off: {t.phrase!r}")
        return misses

    def line(self, name: str) -> str:
        p = self.predicted_right / self.predicted if self.predicted else 0.0
        r = self.found / self.gold if self.gold else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        acc = self.within / self.found if self.found else 0.0
        med = statistics.median(self.errors) if self.errors else 0.0
        mean = statistics.fmean(self.errors) if self.errors else 0.0
        return (
            f"{name:<24} {p:>5.2f} {r:>5.2f} {f1:>5.2f} {acc:>7.2f} {self.within:>5}/{self.found:<5}"
            f" {med:>8.0f} {mean:>8.0f}"
        )


@dataclass
class GeoReport:
    ours: dict[str, GeoScore] = field(default_factory=dict)
    peer: dict[str, GeoScore] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)


def _ours(places: list[Place]) -> list[Mention]:
    """Mentions and demonyms: LGL counts "Russian" as a toponym of Russia."""
    return [(s, e, p.lat, p.lon, p.geonameid) for p in places for s, e in p.mentions + p.demonyms]


def _peer(doc_ents: list[tuple[int, int, str]]) -> list[Mention]:
    from ..gazetteer import load_gazetteer

    gaz = load_gazetteer()
    out: list[Mention] = []
    for s, e, text in doc_ents:
        cands = [c for c in gaz.lookup(text) if c.lat is not None or c.geonameid is not None]
        best = max(cands, key=lambda c: c.population, default=None)
        if best is None:
            out.append((s, e, None, None, None))
        else:
            out.append((s, e, best.lat, best.lon, best.geonameid))
    return out


def score_geo(docs: list[GeoDoc], nlp: Language) -> GeoReport:
    from ..ingest.sources import article_id
    from ..pipeline import analyze_doc

    report = GeoReport()
    texts = [d.text for d in docs]
    for d, parsed in zip(docs, nlp.pipe(texts, batch_size=16), strict=True):
        part = "frozen" if d.frozen else "open"
        # the text as given, so that offsets are LGL's: no layout pass
        article = Article(id=article_id(d.text), text=d.text)
        analysis = analyze_doc(article, parsed)
        for name, table, mentions in (
            ("ours", report.ours, _ours(analysis.places)),
            (
                "peer",
                report.peer,
                _peer(
                    [
                        (ent.start_char, ent.end_char, ent.text)
                        for ent in parsed.ents
                        if ent.label_ in ("GPE", "LOC", "FAC")
                    ]
                ),
            ),
        ):
            misses = table.setdefault(part, GeoScore()).add(d, mentions)
            table.setdefault("all", GeoScore()).add(d, mentions)
            if name == "ours" and part == "open" and misses:
                report.misses.append(f"{d.id}:")
                report.misses.extend(misses)
    return report


def format_geo(report: GeoReport, verbose: bool = False) -> str:
    lines = [
        "LGL: toponym recognition (P R F1 by overlapping span) and resolution",
        "(acc@161: found toponyms within 161 km; no coordinates = miss; error in km)",
        "",
        f"{'system / part':<24} {'P':>5} {'R':>5} {'F1':>5} {'acc@161':>7} {'hits':>11}"
        f" {'median':>8} {'mean':>8}",
    ]
    for name, table in (("ours", report.ours), ("population peer", report.peer)):
        for part in ("open", "frozen", "all"):
            if part in table:
                lines.append(table[part].line(f"{name}, {part}"))
    if verbose:
        lines += ["", "misses on the open part (the frozen third is never listed):"]
        lines += report.misses
    return "\n".join(lines)
