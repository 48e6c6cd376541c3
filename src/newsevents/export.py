"""Exports of the store: documents (jsonl) or event rows (csv, parquet, gdelt).

The GDELT layout is the 61-column GDELT 2.0 event table. A column is filled
where our record has a counterpart and left empty where it has none (tone,
Goldstein scale, the actor's ethnic and religious codes). The CAMEO codes are
the root codes of each PLOVER type in the CAMEO2PLOVER table (mode-specific
where the mode picks a CAMEO root, e.g. ACCUSE/investigate is 09).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .model import Analysis, Entity, Event, Place
from .store import Store

#: PLOVER type (and mode) -> CAMEO root code, after CAMEO2PLOVER-2021.
CAMEO_ROOT = {
    "AGREE": "03",
    "CONSULT": "04",
    "SUPPORT": "05",
    "COOPERATE": "06",
    "AID": "07",
    "CONCEDE": "08",
    "RETREAT": "08",
    "ACCUSE": "11",
    "ACCUSE/investigate": "09",
    "REQUEST": "10",
    "REJECT": "12",
    "THREATEN": "13",
    "PROTEST": "14",
    "MOBILIZE": "15",
    "SANCTION": "16",
    "COERCE": "17",
    "ASSAULT": "19",
    "ASSAULT/massacre": "20",
    "ASSAULT/suicide-attack": "18",
    "ASSAULT/torture": "18",
    "ASSAULT/abduct": "18",
    "ASSAULT/assassinate": "18",
}
#: GDELT QuadClass by CAMEO root: verbal/material cooperation, verbal/material conflict.
_QUAD = {
    f"{i:02d}": q
    for q, roots in ((1, range(1, 6)), (2, range(6, 10)), (3, range(10, 15)), (4, range(15, 21)))
    for i in roots
}

GDELT_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode",
    "Actor1EthnicCode", "Actor1Religion1Code", "Actor1Religion2Code",
    "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode",
    "Actor2EthnicCode", "Actor2Religion1Code", "Actor2Religion2Code",
    "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
]  # fmt: skip

EVENT_COLUMNS = [
    "article_id", "event_id", "date", "type", "mode", "status",
    "actors", "actor_countries", "recipients", "recipient_countries",
    "place", "place_country", "lat", "lon", "source", "confidence",
    "trigger_start", "trigger_end", "sentence", "url", "published",
]  # fmt: skip


@dataclass
class EventFilter:
    since: str | None = None
    until: str | None = None
    type: str | None = None
    actor: str | None = None
    status: str | None = None
    country: str | None = None

    def keep(self, analysis: Analysis, ev: Event) -> bool:
        day = _event_date(analysis, ev) or analysis.article.published or ""
        if self.since and (not day or day[:10] < self.since):
            return False
        if self.until and (not day or day[:10] > self.until):
            return False
        if self.type and ev.type != self.type.upper():
            return False
        if self.status and ev.status != self.status:
            return False
        if self.country:
            countries = {e.id: e.country for e in analysis.entities}
            if self.country.upper() not in {countries.get(p) for p in (*ev.actors, *ev.recipients)}:
                return False
        if self.actor:
            names = {e.id: e.name.lower() for e in analysis.entities}
            parties = [names.get(p, "") for p in (*ev.actors, *ev.recipients)]
            if not any(self.actor.lower() in n for n in parties):
                return False
        return True

    @property
    def active(self) -> bool:
        return any((self.since, self.until, self.type, self.actor, self.status, self.country))


def _event_date(analysis: Analysis, ev: Event) -> str | None:
    if ev.time is None:
        return None
    return next((t.value for t in analysis.times if t.id == ev.time), None)


def _rows(store: Store, flt: EventFilter) -> Iterator[tuple[Analysis, Event]]:
    for analysis in store.analyses():
        for ev in analysis.events:
            if flt.keep(analysis, ev):
                yield analysis, ev


def event_row(analysis: Analysis, ev: Event) -> dict[str, Any]:
    """One flat row per event, names and countries resolved."""
    ents = {e.id: e for e in analysis.entities}
    places = {p.id: p for p in analysis.places}
    place = places.get(ev.place or "")
    text = analysis.article.text
    return {
        "article_id": analysis.article.id,
        "event_id": ev.id,
        "date": _event_date(analysis, ev),
        "type": ev.type,
        "mode": ev.mode,
        "status": ev.status,
        "actors": "; ".join(ents[a].name for a in ev.actors if a in ents),
        "actor_countries": "; ".join(ents[a].country or "" for a in ev.actors if a in ents),
        "recipients": "; ".join(ents[r].name for r in ev.recipients if r in ents),
        "recipient_countries": "; ".join(ents[r].country or "" for r in ev.recipients if r in ents),
        "place": place.name if place else None,
        "place_country": place.country if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "source": ents[ev.source].name if ev.source in ents else None,
        "confidence": ev.confidence,
        "trigger_start": ev.trigger[0],
        "trigger_end": ev.trigger[1],
        "sentence": text[ev.sentence[0] : ev.sentence[1]],
        "url": analysis.article.url,
        "published": analysis.article.published,
    }


def _actor_cols(ent: Entity | None) -> list[Any]:
    if ent is None:
        return [""] * 10
    code = (ent.country or "") + (ent.sector or "")
    return [code, ent.name.upper(), ent.country or "", "", "", "", "", ent.sector or "", "", ""]


def _geo_cols(place: Place | None) -> list[Any]:
    if place is None:
        return [0, "", "", "", "", "", "", ""]
    geo_type = {"country": 1, "admin1": 5, "city": 4}.get(place.kind, 4)
    adm1 = (place.iso3166_2 or "").replace("-", "")
    return [
        geo_type,
        place.name,
        place.country or "",
        adm1,
        "",
        place.lat,
        place.lon,
        place.geonameid or "",
    ]


def gdelt_row(
    number: int, analysis: Analysis, ev: Event, reports: tuple[int, int] = (1, 1)
) -> list[Any]:
    """One GDELT event row; ``reports`` is (articles, outlets) that carried this text."""
    ents = {e.id: e for e in analysis.entities}
    places = {p.id: p for p in analysis.places}
    day = (_event_date(analysis, ev) or analysis.article.published or "")[:10]
    full = len(day) == 10
    sqldate = day.replace("-", "") if full else ""
    root = CAMEO_ROOT.get(f"{ev.type}/{ev.mode}", CAMEO_ROOT.get(ev.type, ""))
    actor1 = ents.get(ev.actors[0]) if ev.actors else None
    actor2 = ents.get(ev.recipients[0]) if ev.recipients else None
    place = places.get(ev.place or "")
    fraction = ""
    if full:
        y, m, d = int(day[:4]), int(day[5:7]), int(day[8:10])
        fraction = f"{y + ((m - 1) * 30 + d) / 365:.4f}"
    return [
        number,
        sqldate,
        sqldate[:6],
        sqldate[:4],
        fraction,
        *_actor_cols(actor1),
        *_actor_cols(actor2),
        1,
        root + "0" if root else "",
        root + "0" if root else "",
        root,
        _QUAD.get(root, ""),
        "",
        reports[0],
        reports[1],
        reports[0],
        "",
        *_geo_cols(None),
        *_geo_cols(None),
        *_geo_cols(place),
        (analysis.article.published or "").replace("-", ""),
        analysis.article.url or analysis.article.source or "",
    ]


def export_store(store: Store, fmt: str, out: Path, flt: EventFilter | None = None) -> int:
    """Write the store to ``out``; returns the number of records written."""
    flt = flt or EventFilter()
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "jsonl":
        n = 0
        with out.open("w", encoding="utf-8") as fh:
            for analysis in store.analyses():
                if flt.active and not any(flt.keep(analysis, ev) for ev in analysis.events):
                    continue
                doc = analysis.to_dict()
                clusters = dict(
                    store.execute(
                        "SELECT event_id, cluster_id FROM cluster_members WHERE article_id = ?",
                        (analysis.article.id,),
                    )
                )
                for ev in doc["events"]:  # the cross-article event this report belongs to
                    ev["cluster"] = clusters.get(ev["id"])
                doc["occurrences"] = store.occurrences(analysis.article.id)
                doc["article"]["story"] = store.story_of(analysis.article.id)
                fh.write(json.dumps(doc, ensure_ascii=False) + "\n")
                n += 1
        return n
    if fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        rows = [event_row(a, ev) for a, ev in _rows(store, flt)]
        table = pa.Table.from_pylist(rows) if rows else pa.table({c: [] for c in EVENT_COLUMNS})
        pq.write_table(table, out)
        return len(rows)
    with out.open("w", encoding="utf-8", newline="") as fh:
        if fmt == "csv":
            writer: Any = csv.DictWriter(fh, fieldnames=EVENT_COLUMNS)
            writer.writeheader()
            n = 0
            for analysis, ev in _rows(store, flt):
                writer.writerow(event_row(analysis, ev))
                n += 1
            return n
        if fmt == "gdelt":  # GDELT files are tab-separated with no header
            writer = csv.writer(fh, delimiter="\t", lineterminator="\n")
            n = 0
            reports: dict[str, tuple[int, int]] = {}
            for analysis, ev in _rows(store, flt):
                n += 1
                aid = analysis.article.id
                if aid not in reports:  # syndicated copies are more reports of one text
                    seen = store.occurrences(aid)
                    outlets = {o["outlet"] or o["url"] or aid for o in seen}
                    reports[aid] = (max(1, len(seen)), max(1, len(outlets)))
                writer.writerow(gdelt_row(n, analysis, ev, reports[aid]))
            return n
    raise ValueError(f"unknown export format {fmt!r}")
