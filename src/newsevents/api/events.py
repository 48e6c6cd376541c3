"""Events (one per report) and event clusters (one per real-world event)."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query

from ..store import Store
from .filters import EventQuery, alpha3, event_query
from .lookup import Db, Docs, cluster_ids, entity_links, event_json, select_in
from .models import ClusterDetail, ClusterOut, ClusterPlace, EventOut, Member, NamedRef
from .paging import MAX_OFFSET, Page, PageParams, paging

router = APIRouter(prefix="/api", tags=["events"])

Filters = Annotated[EventQuery, Depends(event_query)]


@router.get("/events", response_model=Page[EventOut])
def events(
    store: Db, flt: Filters, pages: Annotated[PageParams, Depends(paging(50))]
) -> Page[EventOut]:
    """Events matching the filters, newest first, with their sentence and spans."""
    cond, params = flt.where(store)
    base = f"FROM events e JOIN articles a ON a.id = e.article_id WHERE {cond}"
    total = int(store.execute(f"SELECT COUNT(*) {base}", params)[0][0])
    rows = store.execute(
        f"SELECT e.article_id, e.id {base} ORDER BY COALESCE(e.date, a.published) DESC, "
        "e.article_id, e.trigger_start LIMIT ? OFFSET ?",
        [*params, pages.limit, pages.offset],
    )
    pairs = [(r[0], r[1]) for r in rows]
    docs = Docs(store)
    links = entity_links(store, sorted({a for a, _ in pairs}))
    clusters = cluster_ids(store, pairs)
    items = []
    for aid, eid in pairs:
        analysis = docs.get(aid)
        if analysis is not None:
            items.append(event_json(analysis, eid, links, clusters.get((aid, eid))))
    return pages.page(items, total)


@router.get("/events/{article_id}/{event_id}", response_model=EventOut)
def one_event(store: Db, article_id: str, event_id: str) -> EventOut:
    """One event of one article."""
    analysis = Docs(store).get(article_id)
    if analysis is None or not any(e.id == event_id for e in analysis.reported_events()):
        raise HTTPException(404, "no such event")
    links = entity_links(store, [article_id])
    cluster = cluster_ids(store, [(article_id, event_id)]).get((article_id, event_id))
    return event_json(analysis, event_id, links, cluster)


@router.get("/clusters", response_model=Page[ClusterOut])
def clusters(
    store: Db,
    flt: Filters,
    pages: Annotated[PageParams, Depends(paging(50))],
    min_articles: Annotated[
        int, Query(ge=1, le=MAX_OFFSET, description="clusters reported by at least this many")
    ] = 1,
) -> Page[ClusterOut]:
    """Event clusters (one real-world event, many reports) with a member matching the
    filters, most reported first."""
    cond, params = flt.where(store)
    base = (
        "FROM event_clusters c WHERE c.num_articles >= ? AND c.id IN ("
        "SELECT m.cluster_id FROM cluster_members m JOIN events e ON "
        "e.article_id = m.article_id AND e.id = m.event_id JOIN articles a ON "
        f"a.id = e.article_id WHERE {cond})"
    )
    total = int(store.execute(f"SELECT COUNT(*) {base}", [min_articles, *params])[0][0])
    rows = store.execute(
        f"SELECT {_CLUSTER_COLUMNS} {base} ORDER BY c.num_articles DESC, c.date DESC, c.id LIMIT ? OFFSET ?",
        [min_articles, *params, pages.limit, pages.offset],
    )
    return pages.page(_clusters_of(store, rows), total)


_CLUSTER_COLUMNS = (
    "c.id, c.type, c.date, c.num_articles, c.num_sources, c.sources, "
    "c.first_report, c.last_report, c.thread_id, c.actors, c.recipients, "
    "c.date_end, c.date_precision, c.date_from, c.place, c.place_kind, c.place_country"
)


def _clusters_of(store: Store, rows: list[tuple[Any, ...]]) -> list[ClusterOut]:
    """Clusters from their rows, with party names and members read in one query each."""
    party_ids = sorted({g for r in rows for g in json.loads(r[9]) + json.loads(r[10])})
    names = dict(
        select_in(store, "SELECT id, name FROM global_entities WHERE id IN ({})", party_ids)
    )
    # each cluster's statuses and the name of its place, from its members' events
    statuses: dict[str, set[str]] = {}
    place_names: dict[tuple[str, str], str] = {}
    for cid, status, name, geonameid in select_in(
        store,
        "SELECT m.cluster_id, e.status, l.name, l.geonameid FROM cluster_members m "
        "JOIN events e ON e.article_id = m.article_id AND e.id = m.event_id "
        "LEFT JOIN places l ON l.article_id = e.article_id AND l.id = e.place_id "
        "WHERE m.cluster_id IN ({}) ORDER BY m.article_id, m.event_id",
        [r[0] for r in rows],
    ):
        statuses.setdefault(cid, set()).add(status)
        if name:
            for key in (str(geonameid) if geonameid is not None else None, name):
                if key is not None:
                    place_names.setdefault((cid, key), name)
    members_of: dict[str, list[Member]] = {}
    for cid, aid, eid in select_in(
        store,
        "SELECT cluster_id, article_id, event_id FROM cluster_members "
        "WHERE cluster_id IN ({}) ORDER BY article_id, event_id",
        [r[0] for r in rows],
    ):
        members_of.setdefault(cid, []).append(Member(article_id=aid, event_id=eid))
    items = []
    for r in rows:
        place = None
        if r[14]:  # the finest place a report gives (GeoNames id, or a name)
            code = r[16]
            place = ClusterPlace(
                key=str(r[14]),
                name=place_names.get((r[0], str(r[14]))),
                kind=r[15],
                country=alpha3(code) if code else None,
                country_alpha2=code,
            )
        items.append(
            ClusterOut(
                id=r[0],
                type=r[1],
                date=r[2],
                # the canonical time: an interval at the finest precision a report
                # gives, from an event's own date or its article's
                date_end=r[11],
                date_precision=r[12],
                date_from=r[13],
                place=place,
                num_articles=r[3],
                num_sources=r[4],
                sources=json.loads(r[5]),
                first_report=r[6],
                last_report=r[7],
                thread_id=r[8],
                actors=[NamedRef(id=g, name=names.get(g)) for g in json.loads(r[9])],
                recipients=[NamedRef(id=g, name=names.get(g)) for g in json.loads(r[10])],
                members=members_of.get(r[0], []),
                statuses=sorted(statuses.get(r[0], ())),
            )
        )
    return items


@router.get("/clusters/{cluster_id}", response_model=ClusterDetail)
def one_cluster(store: Db, cluster_id: str) -> ClusterDetail:
    """One real-world event with every report of it: outlet, title, link, sentence."""
    rows = store.execute(
        f"SELECT {_CLUSTER_COLUMNS} FROM event_clusters c WHERE c.id = ?", [cluster_id]
    )
    if not rows:
        raise HTTPException(404, "no such cluster")
    (cluster,) = _clusters_of(store, rows)
    pairs = [(m.article_id, m.event_id) for m in cluster.members]
    docs = Docs(store)
    links = entity_links(store, sorted({a for a, _ in pairs}))
    reports = []
    for aid, eid in pairs:
        analysis = docs.get(aid)
        if analysis is not None and any(e.id == eid for e in analysis.reported_events()):
            reports.append(event_json(analysis, eid, links, cluster_id))
    reports.sort(key=lambda r: (r.article.published or "", r.article.source or ""))
    return ClusterDetail(**cluster.model_dump(), reports=reports)
