"""Analyses as flat tables: the Parquet layout of ``newsevents batch``.

Both engines (local processes and Spark) write these tables with these Arrow
schemas, from the same ``table_rows`` function, so their outputs can be
compared row for row and read by DuckDB, pandas or ``newsevents ingest``.
Every row carries ``article_id``; spans are ``[start, end)`` offsets into the
article's text. The ``articles`` table holds the whole ``newsevents/1``
document in ``document``, so nothing is lost by flattening: the store is
loaded from it without analysing again.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pyarrow as pa

from .model import Analysis

_S, _I, _F, _B = pa.string(), pa.int64(), pa.float64(), pa.bool_()
_L = pa.list_(pa.string())


def _schema(*fields: tuple[str, pa.DataType]) -> pa.Schema:
    return pa.schema([pa.field(name, kind) for name, kind in fields])


SCHEMAS: dict[str, pa.Schema] = {
    "articles": _schema(
        ("article_id", _S), ("input", _S), ("source", _S), ("url", _S), ("title", _S),
        ("published", _S), ("published_from", _S), ("dateline", _S), ("truncated", _B),
        ("chars", _I), ("words", _I), ("text", _S), ("document", _S),
        ("extractor_version", _S),
    ),
    "entities": _schema(
        ("article_id", _S), ("entity_id", _S), ("name", _S), ("kind", _S), ("country", _S),
        ("sector", _S), ("role", _S), ("mentions", _I),
    ),
    "places": _schema(
        ("article_id", _S), ("place_id", _S), ("name", _S), ("kind", _S), ("country", _S),
        ("iso3166_2", _S), ("geonameid", _I), ("lat", _F), ("lon", _F), ("mentions", _I),
    ),
    "mentions": _schema(
        ("article_id", _S), ("record_id", _S), ("record_kind", _S), ("start", _I),
        ("end", _I), ("text", _S),
    ),
    "events": _schema(
        ("article_id", _S), ("event_id", _S), ("type", _S), ("mode", _S), ("status", _S),
        ("actor_ids", _L), ("actors", _L), ("actor_countries", _L),
        ("recipient_ids", _L), ("recipients", _L), ("recipient_countries", _L),
        ("place_id", _S), ("place", _S), ("place_country", _S), ("lat", _F), ("lon", _F),
        ("date", _S), ("source_id", _S), ("source", _S), ("confidence", _F),
        ("trigger_start", _I), ("trigger_end", _I), ("trigger", _S),
        ("sentence_start", _I), ("sentence_end", _I), ("rule", _S), ("published", _S),
        ("time_value", _S), ("time_from", _S), ("time_precision", _S), ("geo_precision", _S),
        ("in_title", _B), ("from_title", _B),
    ),
    "quotes": _schema(
        ("article_id", _S), ("quote_id", _S), ("kind", _S), ("speaker_id", _S),
        ("speaker", _S), ("speaker_text", _S), ("text", _S), ("start", _I), ("end", _I),
        ("cue", _S), ("cue_start", _I), ("cue_end", _I),
    ),
    "claims": _schema(
        ("article_id", _S), ("claim_id", _S), ("claimant_id", _S), ("claimant", _S),
        ("claimant_text", _S), ("value", _F), ("value_max", _F), ("unit", _S),
        ("approx", _S), ("measure", _S), ("status", _S), ("disputed_by", _L),
        ("dispute_cue", _S), ("start", _I), ("end", _I), ("sentence_start", _I),
        ("sentence_end", _I),
    ),
    "failures": _schema(("input", _S), ("line", _I), ("problem", _S)),
}  # fmt: skip

#: Tables with one or more rows per article, in the order they are written.
RECORD_TABLES = ("articles", "entities", "places", "mentions", "events", "quotes", "claims")
#: Columns that identify a row, for sorting and comparing outputs.
KEYS: dict[str, tuple[str, ...]] = {
    "articles": ("article_id",),
    "entities": ("article_id", "entity_id"),
    "places": ("article_id", "place_id"),
    "mentions": ("article_id", "record_id", "start"),
    "events": ("article_id", "event_id"),
    "quotes": ("article_id", "quote_id"),
    "claims": ("article_id", "claim_id"),
    "failures": ("input", "line", "problem"),
}


def table_rows(analysis: Analysis, label: str, version: str) -> dict[str, list[dict[str, Any]]]:
    """The rows one analysis adds to each record table."""
    art = analysis.article
    text = art.text
    aid = art.id
    ents = {e.id: e for e in analysis.entities}
    places = {p.id: p for p in analysis.places}

    def names(ids: Iterable[str]) -> list[str]:
        return [ents[i].name for i in ids if i in ents]

    def countries(ids: Iterable[str]) -> list[str]:
        return [ents[i].country or "" for i in ids if i in ents]

    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in RECORD_TABLES}
    rows["articles"].append(
        {
            "article_id": aid,
            "input": label,
            "source": art.source,
            "url": art.url,
            "title": art.title,
            "published": art.published,
            "published_from": art.published_from,
            "dateline": art.dateline,
            "truncated": art.truncated,
            "chars": len(text),
            "words": len(text.split()),
            "text": text,
            "document": analysis.to_json(indent=None),
            "extractor_version": version,
        }
    )
    for e in analysis.entities:
        rows["entities"].append(
            {
                "article_id": aid,
                "entity_id": e.id,
                "name": e.name,
                "kind": e.kind,
                "country": e.country,
                "sector": e.sector,
                "role": e.role,
                "mentions": len(e.mentions),
            }
        )
    for p in analysis.places:
        rows["places"].append(
            {
                "article_id": aid,
                "place_id": p.id,
                "name": p.name,
                "kind": p.kind,
                "country": p.country,
                "iso3166_2": p.iso3166_2,
                "geonameid": p.geonameid,
                "lat": p.lat,
                "lon": p.lon,
                "mentions": len(p.mentions),
            }
        )
    for kind, records in (("entity", analysis.entities), ("place", analysis.places)):
        for rec in records:
            for start, end in rec.mentions:
                rows["mentions"].append(
                    {
                        "article_id": aid,
                        "record_id": rec.id,
                        "record_kind": kind,
                        "start": start,
                        "end": end,
                        "text": text[start:end],
                    }
                )
    for ev in analysis.reported_events():
        place = places.get(ev.place or "")
        extra = ev.model_extra or {}
        rows["events"].append(
            {
                "article_id": aid,
                "event_id": ev.id,
                "type": ev.type,
                "mode": ev.mode,
                "status": ev.status,
                "actor_ids": list(ev.actors),
                "actors": names(ev.actors),
                "actor_countries": countries(ev.actors),
                "recipient_ids": list(ev.recipients),
                "recipients": names(ev.recipients),
                "recipient_countries": countries(ev.recipients),
                "place_id": ev.place,
                "place": place.name if place else None,
                "place_country": place.country if place else None,
                "lat": place.lat if place else None,
                "lon": place.lon if place else None,
                "date": analysis.event_date(ev),
                "source_id": ev.source,
                "source": ents[ev.source].name if ev.source in ents else None,
                "confidence": ev.confidence,
                "trigger_start": ev.trigger[0],
                "trigger_end": ev.trigger[1],
                "trigger": analysis.event_text(ev, ev.trigger),
                "sentence_start": ev.sentence[0],
                "sentence_end": ev.sentence[1],
                "rule": extra.get("rule"),
                "published": art.published,
                "time_value": ev.time_value,
                "time_from": ev.time_from,
                "time_precision": ev.time_precision,
                "geo_precision": ev.geo_precision,
                "in_title": ev.in_title,
                "from_title": analysis.from_title(ev),
            }
        )
    for q in analysis.quotes:
        rows["quotes"].append(
            {
                "article_id": aid,
                "quote_id": q.id,
                "kind": q.kind,
                "speaker_id": q.speaker,
                "speaker": ents[q.speaker].name if q.speaker in ents else None,
                "speaker_text": q.speaker_text,
                "text": q.text,
                "start": q.span[0],
                "end": q.span[1],
                "cue": q.cue,
                "cue_start": q.cue_span[0] if q.cue_span else None,
                "cue_end": q.cue_span[1] if q.cue_span else None,
            }
        )
    for c in analysis.claims:
        rows["claims"].append(
            {
                "article_id": aid,
                "claim_id": c.id,
                "claimant_id": c.claimant,
                "claimant": ents[c.claimant].name if c.claimant in ents else None,
                "claimant_text": c.claimant_text,
                "value": c.value,
                "value_max": c.value_max,
                "unit": c.unit,
                "approx": c.approx,
                "measure": c.measure,
                "status": c.status,
                "disputed_by": names(c.disputed_by),
                "dispute_cue": c.dispute_cue,
                "start": c.span[0],
                "end": c.span[1],
                "sentence_start": c.sentence[0],
                "sentence_end": c.sentence[1],
            }
        )
    return rows


def to_arrow(name: str, rows: list[dict[str, Any]]) -> pa.Table:
    """Rows of one table as an Arrow table with the table's fixed schema."""
    return pa.Table.from_pylist(rows, schema=SCHEMAS[name])


def ddl_of(schema: pa.Schema) -> str:
    """An Arrow schema of our column types as a Spark DDL string."""
    kinds = {_S: "string", _I: "bigint", _F: "double", _B: "boolean", _L: "array<string>"}
    return ", ".join(f"`{f.name}` {kinds[f.type]}" for f in schema)


def spark_ddl(name: str) -> str:
    """The table's schema as a Spark DDL string, for ``mapInArrow``."""
    return ddl_of(SCHEMAS[name])
