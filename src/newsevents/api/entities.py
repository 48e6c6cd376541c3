"""Actors merged across articles."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from pydantic import AfterValidator

from ..model import EntityKind
from .filters import Many, Sector, _countries
from .lookup import Db, select_in
from .models import EntityOut
from .paging import Page, PageParams, paging

router = APIRouter(prefix="/api", tags=["entities"])


@router.get("/entities", response_model=Page[EntityOut])
def entities(
    store: Db,
    pages: Annotated[PageParams, Depends(paging(100))],
    q: Annotated[str | None, Query(description="part of any name the actor appears under")] = None,
    country: Annotated[
        list[str] | None,
        Many,
        AfterValidator(_countries),
        Query(description="ISO 3166 alpha-3 code (alpha-2 accepted)"),
    ] = None,
    sector: Annotated[
        list[Sector] | None,
        Many,
        Query(description="PLOVER/CAMEO sector code"),
    ] = None,
    kind: Annotated[
        list[EntityKind] | None,
        Many,
        Query(description="person, organization, country or group"),
    ] = None,
) -> Page[EntityOut]:
    """Actors merged across articles, most reported first, with the names they appear under."""
    conds: list[str] = []
    params: list[Any] = []
    if q:
        conds.append("g.id IN (SELECT global_id FROM entity_aliases WHERE LOWER(name) LIKE ?)")
        params.append(f"%{q.lower()}%")
    for column, values in (
        ("g.country", country or []),
        ("g.sector", [s.value for s in sector or []]),
        ("g.kind", list(kind or [])),
    ):
        if values:
            conds.append(f"{column} IN ({', '.join('?' for _ in values)})")
            params += values
    where = " AND ".join(conds) or "1 = 1"
    total = int(
        store.execute(f"SELECT COUNT(*) FROM global_entities g WHERE {where}", params)[0][0]
    )
    rows = store.execute(
        "SELECT g.id, g.name, g.kind, g.country, g.sector, g.num_articles FROM "
        f"global_entities g WHERE {where} ORDER BY g.num_articles DESC, g.name, g.id "
        "LIMIT ? OFFSET ?",
        [*params, pages.limit, pages.offset],
    )
    aliases_of: dict[str, list[str]] = {}
    for gid, name in select_in(
        store,
        "SELECT global_id, name FROM entity_aliases WHERE global_id IN ({}) ORDER BY name",
        [r[0] for r in rows],
    ):
        aliases_of.setdefault(gid, []).append(name)
    items = [
        EntityOut(
            id=r[0],
            name=r[1],
            kind=r[2],
            country=r[3],
            sector=r[4],
            num_articles=r[5],
            aliases=aliases_of.get(r[0], []),
        )
        for r in rows
    ]
    return pages.page(items, total)
