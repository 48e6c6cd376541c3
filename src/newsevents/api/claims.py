"""Figures compared: every claim of one quantity side by side, with who claims it."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from .lookup import Db, Docs, select_in
from .models import ClaimGroupOut, ClaimValue
from .paging import Page, PageParams, paging

router = APIRouter(prefix="/api", tags=["claims"])


@router.get("/claims/compare", response_model=Page[ClaimGroupOut])
def claims_compare(
    store: Db,
    pages: Annotated[PageParams, Depends(paging(100))],
    q: Annotated[
        str | None, Query(description="part of what the figures count, or their unit")
    ] = None,
    disputed: Annotated[
        bool | None, Query(description="only groups where figures differ or one is disputed")
    ] = None,
) -> Page[ClaimGroupOut]:
    """Figures grouped by what they count (most claimed first), with the range claimed,
    each claimant, and whether the figures are disputed."""
    params: list[Any] = []
    cond = "1 = 1"
    if q:
        cond = "(LOWER(g.label) LIKE ? OR g.unit = ?)"
        params += [f"%{q.lower()}%", q.lower()]
    groups = store.execute(
        "SELECT g.id, g.unit, g.label, COUNT(*) AS n FROM claim_groups g JOIN claim_members m "
        f"ON m.group_id = g.id WHERE {cond} GROUP BY g.id, g.unit, g.label ORDER BY n DESC, g.id",
        params,
    )
    members_of: dict[str, list[tuple[str, str]]] = {}
    docs = Docs(store)
    built: list[ClaimGroupOut] = []
    # the dispute flag needs the claims themselves, so groups are built before paging
    # when it filters; otherwise only the page's groups are read
    wanted = groups if disputed is not None else groups[pages.offset : pages.offset + pages.limit]
    for gid, aid, cid in select_in(
        store,
        "SELECT group_id, article_id, claim_id FROM claim_members WHERE group_id IN ({}) "
        "ORDER BY article_id, claim_id",
        [g[0] for g in wanted],
    ):
        members_of.setdefault(gid, []).append((aid, cid))
    for gid, unit, label, _n in wanted:
        group = _group(docs, gid, unit, label, members_of.get(gid, []))
        if disputed is None or group.disputed == disputed:
            built.append(group)
    if disputed is None:
        return pages.page(built, len(groups))
    return pages.page(built[pages.offset : pages.offset + pages.limit], len(built))


def _group(
    docs: Docs, gid: str, unit: str, label: str | None, members: list[tuple[str, str]]
) -> ClaimGroupOut:
    values = []
    for aid, cid in members:
        analysis = docs.get(aid)
        if analysis is None:
            continue
        claim = next((c for c in analysis.claims if c.id == cid), None)
        if claim is None:
            continue
        names = {e.id: e.name for e in analysis.entities}
        values.append(
            ClaimValue(
                article_id=aid,
                claim_id=cid,
                value=claim.value,
                value_max=claim.value_max,
                approx=claim.approx,
                claimant=names.get(claim.claimant or "") or claim.claimant_text,
                status=claim.status,
                disputed_by=[names.get(d, d) for d in claim.disputed_by],
                measure=claim.measure,
                published=analysis.article.published,
                source=analysis.article.source,
                span=claim.span,
            )
        )
    figures = [v.value for v in values] + [v.value_max for v in values if v.value_max]
    disputed = any(v.disputed_by for v in values) or len({v.value for v in values}) > 1
    return ClaimGroupOut(
        id=gid,
        unit=unit,
        label=label,
        low=min(figures) if figures else None,
        high=max(figures) if figures else None,
        disputed=disputed,
        values=values,
    )
