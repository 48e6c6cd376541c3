"""Exports of the store: documents (jsonl), event rows (csv, parquet), or the
GDELT 2.0 event table (one row per event cluster; see ``gdelt``).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from . import gdelt
from .gdelt import event_date
from .model import Analysis, Event
from .store import Store

EVENT_COLUMNS = [
    "article_id", "event_id", "date", "type", "mode", "status",
    "actors", "actor_countries", "recipients", "recipient_countries",
    "place", "place_country", "lat", "lon", "source", "confidence",
    "trigger_start", "trigger_end", "sentence", "url", "published", "from_title",
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
        day = event_date(analysis, ev) or analysis.article.published or ""
        if self.since and (not day or day[:10] < self.since):
            return False
        if self.until and (not day or day[:10] > self.until):
            return False
        if self.type and ev.type != self.type.upper():
            return False
        if self.status and self.status != "all" and ev.status != self.status:
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


def _rows(store: Store, flt: EventFilter) -> Iterator[tuple[Analysis, Event]]:
    for analysis in store.analyses():
        for ev in analysis.reported_events():
            if flt.keep(analysis, ev):
                yield analysis, ev


def _reports(store: Store, flt: EventFilter) -> Iterator[tuple[str, gdelt.Report]]:
    """(cluster id, report) of every event kept; an event in no cluster is its own."""
    for analysis in store.analyses():
        kept = [ev for ev in analysis.reported_events() if flt.keep(analysis, ev)]
        if not kept:
            continue
        aid = analysis.article.id
        clusters = dict(
            store.execute(
                "SELECT event_id, cluster_id FROM cluster_members WHERE article_id = ?", (aid,)
            )
        )
        seen = store.occurrences(aid)
        for ev in kept:
            yield clusters.get(ev.id) or f"{aid}/{ev.id}", gdelt.Report(analysis, ev, seen)


def event_row(analysis: Analysis, ev: Event) -> dict[str, Any]:
    """One flat row per event, names and countries resolved."""
    ents = {e.id: e for e in analysis.entities}
    places = {p.id: p for p in analysis.places}
    place = places.get(ev.place or "")
    return {
        "article_id": analysis.article.id,
        "event_id": ev.id,
        "date": event_date(analysis, ev),
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
        "sentence": analysis.event_text(ev, ev.sentence),
        "url": analysis.article.url,
        "published": analysis.article.published,
        # offsets into the title: the title alone reports this event
        "from_title": analysis.from_title(ev),
    }


def export_store(store: Store, fmt: str, out: Path, flt: EventFilter | None = None) -> int:
    """Write the store to ``out``; returns the number of records written."""
    flt = flt or EventFilter()
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "jsonl":
        n = 0
        with out.open("w", encoding="utf-8") as fh:
            for analysis in store.analyses():
                if flt.active and not any(
                    flt.keep(analysis, ev) for ev in analysis.reported_events()
                ):
                    continue
                doc = analysis.to_dict()
                clusters = dict(
                    store.execute(
                        "SELECT event_id, cluster_id FROM cluster_members WHERE article_id = ?",
                        (analysis.article.id,),
                    )
                )
                for ev in [*doc["events"], *doc["title_events"]]:
                    # the cross-article event this report belongs to
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
            if flt.status is None:  # GDELT's events happened: asserted only unless asked
                flt = replace(flt, status="asserted")
            writer = csv.writer(fh, delimiter="\t", lineterminator="\n")
            n = 0
            for n, cluster in enumerate(gdelt.clusters(_reports(store, flt)), start=1):
                writer.writerow(gdelt.row(n, cluster))
            return n
    raise ValueError(f"unknown export format {fmt!r}")
