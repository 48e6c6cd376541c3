"""Aggregates for the dashboard's charts: timeline, actor network, map."""

from __future__ import annotations

from typing import Annotated, Any

import pycountry
from fastapi import APIRouter, Depends

from .events import Filters
from .filters import alpha3
from .lookup import Db, select_in
from .models import CountryCount, Graph, GraphEdge, GraphNode, PlacePoint, TimelinePoint
from .paging import MAX_PAGE, Page, PageParams, paging

router = APIRouter(prefix="/api", tags=["charts"])


@router.get("/timeline", response_model=Page[TimelinePoint])
def timeline(
    store: Db, flt: Filters, pages: Annotated[PageParams, Depends(paging(MAX_PAGE))]
) -> Page[TimelinePoint]:
    """Event counts per day, by type and status, earliest first."""
    cond, params = flt.where(store)
    grouped = (
        "SELECT SUBSTR(COALESCE(e.date, a.published), 1, 10) AS day, e.type, e.status, "
        "COUNT(*) AS n FROM events e JOIN articles a ON a.id = e.article_id "
        f"WHERE {cond} AND COALESCE(e.date, a.published) IS NOT NULL "
        "GROUP BY day, e.type, e.status"
    )
    rows, total = pages.rows(store, grouped, "day, e.type, e.status", params)
    items = [TimelinePoint(date=r[0], type=r[1], status=r[2], count=r[3]) for r in rows]
    return pages.page(items, total)


@router.get("/graph", response_model=Graph)
def graph(store: Db, flt: Filters) -> Graph:
    """Actor network: an edge per actor -> recipient pair, weighted by events."""
    cond, params = flt.where(store)
    rows = store.execute(
        "SELECT la.global_id, lr.global_id, COUNT(*) FROM events e "
        "JOIN articles a ON a.id = e.article_id "
        "JOIN event_parties pa ON pa.article_id = e.article_id AND pa.event_id = e.id "
        "AND pa.role = 'actor' "
        "JOIN event_parties pr ON pr.article_id = e.article_id AND pr.event_id = e.id "
        "AND pr.role = 'recipient' "
        "JOIN entity_links la ON la.article_id = pa.article_id AND la.entity_id = pa.entity_id "
        "JOIN entity_links lr ON lr.article_id = pr.article_id AND lr.entity_id = pr.entity_id "
        f"WHERE {cond} GROUP BY la.global_id, lr.global_id ORDER BY 3 DESC, 1, 2",
        params,
    )
    ids = sorted({r[0] for r in rows} | {r[1] for r in rows})
    nodes = [
        GraphNode(id=g[0], name=g[1], country=g[2], kind=g[3])
        for g in select_in(
            store,
            "SELECT id, name, country, kind FROM global_entities WHERE id IN ({}) ORDER BY id",
            ids,
        )
    ]
    edges = [GraphEdge(source=r[0], target=r[1], weight=r[2]) for r in rows if r[0] != r[1]]
    return Graph(nodes=nodes, edges=edges)


@router.get("/places", response_model=Page[PlacePoint])
def places(
    store: Db, flt: Filters, pages: Annotated[PageParams, Depends(paging(MAX_PAGE))]
) -> Page[PlacePoint]:
    """Places with coordinates where events took place, most reported first, with
    the reports by type: the map's points."""
    cond, params = flt.where(store)
    grouped = (
        "SELECT l.name, l.kind, l.country, ROUND(l.lat, 3) AS lat, ROUND(l.lon, 3) AS lon, "
        "e.type, COUNT(*) AS n FROM events e JOIN articles a ON a.id = e.article_id "
        "JOIN places l ON l.article_id = e.article_id AND l.id = e.place_id "
        f"WHERE {cond} AND l.lat IS NOT NULL AND l.lon IS NOT NULL "
        "GROUP BY l.name, l.kind, l.country, ROUND(l.lat, 3), ROUND(l.lon, 3), e.type"
    )
    points: dict[tuple[Any, ...], PlacePoint] = {}
    for name, kind, country, lat, lon, etype, n in store.execute(grouped, params):
        key = (name, kind, country, lat, lon)
        if key not in points:
            points[key] = PlacePoint(
                name=name,
                kind=kind,
                country=alpha3(country) if country else None,
                country_alpha2=country,
                lat=float(lat),
                lon=float(lon),
                count=0,
                types={},
            )
        points[key].count += n
        points[key].types[etype] = points[key].types.get(etype, 0) + n
    ranked = sorted(points.values(), key=lambda p: (-p.count, p.name))
    return pages.page(ranked[pages.offset : pages.offset + pages.limit], len(ranked))


@router.get("/countries", response_model=Page[CountryCount])
def countries(
    store: Db, flt: Filters, pages: Annotated[PageParams, Depends(paging(MAX_PAGE))]
) -> Page[CountryCount]:
    """Events per country of the event's place, most first, for the map."""
    cond, params = flt.where(store)
    grouped = (
        "SELECT l.country, COUNT(*) AS n FROM events e JOIN articles a ON a.id = e.article_id "
        "JOIN places l ON l.article_id = e.article_id AND l.id = e.place_id "
        f"WHERE {cond} AND l.country IS NOT NULL GROUP BY l.country"
    )
    rows, total = pages.rows(store, grouped, "n DESC, l.country", params)
    items = []
    for code, count in rows:
        found = pycountry.countries.get(alpha_2=code)
        items.append(
            CountryCount(
                country=alpha3(code) or code,
                alpha2=code,
                numeric=found.numeric if found is not None else None,
                name=found.name if found is not None else None,
                count=count,
            )
        )
    return pages.page(items, total)
