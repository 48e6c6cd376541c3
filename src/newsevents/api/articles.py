"""Articles (with everything extracted from them) and stories (articles about one
development, across outlets)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query

from .events import Filters
from .filters import OUTLET, alpha3
from .lookup import Db, Docs
from .models import ArticleDocument, ArticleSummary, StoryDetail, StorySummary
from .paging import MAX_OFFSET, Page, PageParams, paging

router = APIRouter(prefix="/api", tags=["articles"])


@router.get("/articles", response_model=Page[ArticleSummary])
def articles(
    store: Db,
    pages: Annotated[PageParams, Depends(paging(50))],
    q: Annotated[str | None, Query(description="words of the title or text")] = None,
    outlet: Annotated[str | None, Query(description="part of the outlet's name")] = None,
) -> Page[ArticleSummary]:
    """Articles, newest first."""
    conds: list[str] = []
    params: list[Any] = []
    if q:
        cond, values = store.matching("a.id", q)
        conds.append(cond)
        params += values
    if outlet:
        conds.append(OUTLET)
        params += [f"%{outlet.lower()}%"] * 2
    where = " AND ".join(conds) or "1 = 1"
    total = int(store.execute(f"SELECT COUNT(*) FROM articles a WHERE {where}", params)[0][0])
    rows = store.execute(
        "SELECT a.id, a.title, a.published, a.source, a.url, s.story_id FROM articles a "
        f"LEFT JOIN article_stories s ON s.article_id = a.id WHERE {where} "
        "ORDER BY a.published DESC, a.id LIMIT ? OFFSET ?",
        [*params, pages.limit, pages.offset],
    )
    keys = ("id", "title", "published", "source", "url", "story")
    items = [ArticleSummary(**dict(zip(keys, r, strict=True))) for r in rows]
    return pages.page(items, total)


@router.get("/articles/{article_id}", response_model=ArticleDocument)
def article(store: Db, article_id: str) -> dict[str, Any]:
    """The article's ``newsevents/1`` document: its text and every extracted record
    with its spans, and every outlet, URL and date it was seen under."""
    analysis = Docs(store).get(article_id)
    if analysis is None:
        raise HTTPException(404, "no such article")
    doc = analysis.to_dict()
    doc["occurrences"] = store.occurrences(article_id)
    doc["article"]["story"] = store.story_of(article_id)
    for place in doc["places"]:  # the API's country system beside the document's
        place["country_alpha3"] = alpha3(place["country"]) if place.get("country") else None
    return doc


@router.get("/stories", response_model=Page[StorySummary], tags=["stories"])
def stories(
    store: Db,
    flt: Filters,
    pages: Annotated[PageParams, Depends(paging(50))],
    min_outlets: Annotated[
        int, Query(ge=0, le=MAX_OFFSET, description="stories told by at least this many outlets")
    ] = 0,
) -> Page[StorySummary]:
    """Stories, most outlets first; with event filters, those with an article that
    reports a matching event."""
    article = flt.of_article(store, "m.article_id") if flt.active else None
    found, total = store.stories(pages.limit, pages.offset, min_outlets, article)
    return pages.page([StorySummary(**s) for s in found], total)


@router.get("/stories/{story_id}", response_model=StoryDetail, tags=["stories"])
def story(store: Db, story_id: str) -> StoryDetail:
    """One story: its time span, outlets, articles and event clusters."""
    found = store.story(story_id)
    if found is None:
        raise HTTPException(404, "no such story")
    return StoryDetail(**found)
