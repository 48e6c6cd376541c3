"""Figures compared: every claim of one quantity side by side, with who claims it."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from .events import Filters
from .filters import Words
from .lookup import Db, Docs, select_in
from .models import ClaimGroupOut, ClaimValue
from .paging import Page, PageParams, paging

router = APIRouter(prefix="/api", tags=["claims"])


@router.get("/claims/compare", response_model=Page[ClaimGroupOut])
def claims_compare(
    store: Db,
    pages: Annotated[PageParams, Depends(paging(100))],
    flt: Filters,
    measure: Annotated[
        str | None, Query(description="part of what the figures count, or their unit")
    ] = None,
    disputed: Annotated[
        bool | None, Query(description="only groups where figures differ or one is disputed")
    ] = None,
    claimant: Annotated[Words, Query(description="part of the claimant's name")] = None,
    story: Annotated[str | None, Query(description="figures of this story only")] = None,
) -> Page[ClaimGroupOut]:
    """Figures of one quantity in one story side by side (the most claimed first),
    with the range claimed, each claimant, and whether the figures are disputed.

    A group is one counted thing ("people killed") within one story: the same
    measure in two unrelated stories is not compared. The event filters keep the
    figures of articles that report a matching event."""
    conds: list[str] = []
    params: list[Any] = []
    if measure:
        conds.append("(LOWER(g.label) LIKE ? OR g.unit = ?)")
        params += [f"%{measure.lower()}%", measure.lower()]
    if story:
        conds.append("s.story_id = ?")
        params.append(story)
    # the event filters keep the figures of articles that report a matching event
    cond, values = flt.of_article(store, "m.article_id")
    conds.append(cond)
    params += values
    where = " AND ".join(conds) or "1 = 1"
    base = (
        "FROM claim_members m JOIN claim_groups g ON g.id = m.group_id "
        "JOIN articles a ON a.id = m.article_id "
        f"LEFT JOIN article_stories s ON s.article_id = m.article_id WHERE {where}"
    )
    groups = store.execute(
        f"SELECT g.id, s.story_id, g.unit, g.label, COUNT(*) AS n {base} "
        "GROUP BY g.id, s.story_id, g.unit, g.label ORDER BY n DESC, g.id, s.story_id",
        params,
    )
    # claim-level filters (claimant, dispute) need the claims: then every group is
    # built before paging; otherwise only the page's groups are read
    whole = disputed is not None or bool(claimant)
    wanted = groups if whole else groups[pages.offset : pages.offset + pages.limit]
    members_of: dict[tuple[str, str | None], list[tuple[str, str]]] = {}
    for gid, sid, aid, cid in store.execute(
        f"SELECT m.group_id, s.story_id, m.article_id, m.claim_id {base} "
        "ORDER BY a.published, m.article_id, m.claim_id",
        params,
    ):
        members_of.setdefault((gid, sid), []).append((aid, cid))
    titles = dict(
        select_in(
            store,
            "SELECT id, title FROM stories WHERE id IN ({})",
            sorted({g[1] for g in wanted if g[1]}),
        )
    )
    docs = Docs(store)
    built: list[ClaimGroupOut] = []
    for gid, sid, unit, label, _n in wanted:
        group = _group(docs, gid, unit, label, members_of.get((gid, sid), []), claimant or [])
        group.story, group.story_title = sid, titles.get(sid)
        group.id = f"{gid}@{sid}" if sid else gid
        if group.values and (disputed is None or group.disputed == disputed):
            built.append(group)
    if not whole:
        return pages.page(built, len(groups))
    return pages.page(built[pages.offset : pages.offset + pages.limit], len(built))


def _group(
    docs: Docs,
    gid: str,
    unit: str,
    label: str | None,
    members: list[tuple[str, str]],
    claimants: list[str],
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
        who = names.get(claim.claimant or "") or claim.claimant_text
        if claimants and not any(c.lower() in (who or "").lower() for c in claimants):
            continue
        values.append(
            ClaimValue(
                article_id=aid,
                claim_id=cid,
                value=claim.value,
                value_max=claim.value_max,
                approx=claim.approx,
                claimant=who,
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
        group=gid,
        story=None,
        unit=unit,
        label=label,
        low=min(figures) if figures else None,
        high=max(figures) if figures else None,
        disputed=disputed,
        values=values,
    )
