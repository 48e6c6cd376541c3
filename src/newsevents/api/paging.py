"""One list envelope for every list endpoint: ``items``, ``total``, ``limit``,
``offset`` and ``next``, the way datasette and most JSON APIs page.

``next`` is the path and query of the following page (the request's own filters
kept) or null on the last page, so a client pages by following it and never
builds offsets itself.
"""

from __future__ import annotations

from typing import Annotated, Any, Generic, TypeVar
from urllib.parse import urlencode

from fastapi import Query, Request
from pydantic import BaseModel, Field

from ..store import Store

#: Largest page a client may ask for.
MAX_PAGE = 500
#: Largest offset a client may ask for (SQLite integers are 64-bit).
MAX_OFFSET = 10**12

Item = TypeVar("Item")


class Page(BaseModel, Generic[Item]):
    items: list[Item]
    total: int = Field(description="how many items match, over all pages")
    limit: int
    offset: int
    next: str | None = Field(description="path and query of the next page; null on the last")


class PageParams:
    """``limit`` and ``offset`` of a request, with the default page size of its endpoint."""

    def __init__(self, request: Request, limit: int, offset: int) -> None:
        self.request = request
        self.limit = limit
        self.offset = offset

    def rows(
        self, store: Store, query: str, order_by: str, params: list[Any]
    ) -> tuple[list[tuple[Any, ...]], int]:
        """This page of ``query``'s rows in ``order_by`` order, and how many rows it has."""
        total = int(store.execute(f"SELECT COUNT(*) FROM ({query}) t", params)[0][0])
        rows = store.execute(
            f"{query} ORDER BY {order_by} LIMIT ? OFFSET ?", [*params, self.limit, self.offset]
        )
        return rows, total

    def page(self, items: list[Item], total: int) -> Page[Item]:
        after = self.offset + self.limit
        link = None
        if after < total:
            query = [(k, v) for k, v in self.request.query_params.multi_items() if k != "offset"]
            query.append(("offset", str(after)))
            link = f"{self.request.url.path}?{urlencode(query)}"
        return Page[Item](items=items, total=total, limit=self.limit, offset=self.offset, next=link)


def paging(default: int) -> object:
    """A dependency giving ``PageParams`` with ``default`` items a page."""

    def params(
        request: Request,
        limit: Annotated[
            int, Query(ge=1, le=MAX_PAGE, description=f"items a page (at most {MAX_PAGE})")
        ] = default,
        offset: Annotated[
            int, Query(ge=0, le=MAX_OFFSET, description="items to skip before this page")
        ] = 0,
    ) -> PageParams:
        return PageParams(request, limit, offset)

    return params
