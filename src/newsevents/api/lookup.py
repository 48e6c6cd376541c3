"""What every route needs from the store: a connection per request, analyses
loaded once, and the cross-article ids (actors, clusters) of a page's records."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import Depends, Request

from ..model import Analysis
from ..store import Store, open_store
from .filters import alpha3
from .models import ArticleRef, EventOut, Party, PlaceOut


def _get_store(request: Request) -> Iterator[Store]:
    """One connection per request (SQLite connections stay in their thread)."""
    store = open_store(request.app.state.db)
    try:
        yield store
    finally:
        store.close()


Db = Annotated[Store, Depends(_get_store)]


def select_in(store: Store, query: str, values: list[Any]) -> list[tuple[Any, ...]]:
    """``query`` with its ``IN ({})`` filled with one placeholder per value."""
    if not values:
        return []
    return store.execute(query.format(", ".join("?" for _ in values)), values)


class Docs:
    """Analyses loaded once per request."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.cache: dict[str, Analysis] = {}

    def get(self, article_id: str) -> Analysis | None:
        if article_id not in self.cache:
            found = list(self.store.analyses([article_id]))
            if not found:
                return None
            self.cache[article_id] = found[0]
        return self.cache[article_id]


def entity_links(store: Store, article_ids: list[str]) -> dict[tuple[str, str], str]:
    rows = select_in(
        store,
        "SELECT article_id, entity_id, global_id FROM entity_links WHERE article_id IN ({})",
        article_ids,
    )
    return {(r[0], r[1]): r[2] for r in rows}


def cluster_ids(store: Store, pairs: list[tuple[str, str]]) -> dict[tuple[str, str], str]:
    rows = select_in(
        store,
        "SELECT article_id, event_id, cluster_id FROM cluster_members WHERE article_id IN ({})",
        sorted({a for a, _ in pairs}),
    )
    return {(r[0], r[1]): r[2] for r in rows}


def _party(analysis: Analysis, eid: str, links: dict[tuple[str, str], str]) -> Party:
    ent = next((e for e in analysis.entities if e.id == eid), None)
    if ent is None:
        return Party(id=eid)
    return Party(
        id=eid,
        global_id=links.get((analysis.article.id, eid)),
        name=ent.name,
        country=ent.country,
        sector=ent.sector,
        kind=ent.kind,
    )


def event_json(
    analysis: Analysis, event_id: str, links: dict[tuple[str, str], str], cluster: str | None
) -> EventOut:
    """One event as the API shows it: names resolved, spans and their text beside."""
    ev = next(e for e in analysis.reported_events() if e.id == event_id)
    art = analysis.article
    place = next((p for p in analysis.places if p.id == ev.place), None)
    time = next((t for t in analysis.times if t.id == ev.time), None)
    return EventOut(
        article_id=art.id,
        event_id=ev.id,
        cluster_id=cluster,
        type=ev.type,
        mode=ev.mode,
        status=ev.status,
        date=analysis.event_date(ev),
        date_text=time.text if time else None,
        time_precision=ev.time_precision,
        actors=[_party(analysis, a, links) for a in ev.actors],
        recipients=[_party(analysis, r, links) for r in ev.recipients],
        place=PlaceOut(
            id=place.id,
            name=place.name,
            kind=place.kind,
            country=alpha3(place.country) if place.country else None,
            country_alpha2=place.country,
            iso3166_2=place.iso3166_2,
            geonameid=place.geonameid,
            lat=place.lat,
            lon=place.lon,
            resolved_by=place.resolved_by,
        )
        if place
        else None,
        source=_party(analysis, ev.source, links) if ev.source else None,
        confidence=ev.confidence,
        rule=getattr(ev, "rule", None),
        trigger=ev.trigger,
        trigger_text=analysis.event_text(ev, ev.trigger),
        sentence=ev.sentence,
        sentence_text=analysis.event_text(ev, ev.sentence),
        in_title=ev.in_title,
        from_title=analysis.from_title(ev),
        article=ArticleRef(
            title=art.title, published=art.published, url=art.url, source=art.source
        ),
    )
