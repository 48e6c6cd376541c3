"""The FastAPI application: the guard, error bodies, the routers and the dashboard."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from ..guard import BODY_SECONDS, Guard
from ..store import StoreError
from . import articles, charts, claims, entities, events, ingest

STATIC = Path(__file__).parent.parent / "web"
#: Requests a second per client address; see Guard.
RATE_LIMIT = 20.0


def _preview(value: Any, limit: int = 200) -> Any:
    """A bad input as an error may show it: short strings as they are, the rest cut."""
    text = value if isinstance(value, str) else json.dumps(value, default=str)
    # lone surrogates cannot be written as UTF-8: shown as escapes
    safe = text.encode("utf-8", "backslashreplace").decode("utf-8")
    if len(text) <= limit:
        return value if safe == text else safe
    return safe[:limit] + f"... ({len(text):,} characters)"


def _message(error: dict[str, Any]) -> str:
    """A validator's own sentence ("'06/01/2025' is not an ISO 8601 date") without
    pydantic's "Value error, " prefix."""
    return str(error.get("msg", "")).removeprefix("Value error, ")


def create_app(
    db: str,
    token: str | None = None,
    rate_limit: float = RATE_LIMIT,
    body_seconds: float = BODY_SECONDS,
) -> FastAPI:
    """The API and dashboard over the database at ``db``.

    ``rate_limit``: requests a second per client address (bursts of four times
    that; writes a tenth of it); 0 turns the limit off. ``body_seconds``: how
    long a client may take to send a request body.
    """
    app = FastAPI(
        # the docs pages are served from the package below, not from a CDN
        docs_url=None,
        redoc_url=None,
        title="newsevents",
        version="1",
        description=(
            "Events, quotes and claims from news, each linked to its text. Every list "
            "answers with `items`, `total`, `limit`, `offset` and `next`; countries are "
            "ISO 3166 alpha-3; reads need no token, `POST /api/ingest` needs the "
            "operator's bearer token."
        ),
    )
    app.state.db = db
    app.state.token = token
    app.add_middleware(
        Guard, max_body=ingest.MAX_BODY, rate=rate_limit, token=token, body_seconds=body_seconds
    )

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        # FastAPI's default echoes each bad input whole: a 5 MB body came back in the
        # error. Each is cut to a preview; the location and message say what is wrong.
        errors = []
        for error in exc.errors():
            error = {k: v for k, v in error.items() if k not in ("ctx", "url")}
            error["msg"] = _message(error)
            if "input" in error:
                error["input"] = _preview(error["input"])
            errors.append(error)
        return JSONResponse({"detail": jsonable_encoder(errors)}, status_code=422)

    @app.exception_handler(StoreError)
    async def store_unavailable(request: Request, exc: StoreError) -> JSONResponse:
        # the message names the database; the client only needs to know to come back
        return JSONResponse(
            {"detail": "the database is unavailable or busy; try again shortly"},
            status_code=503,
            headers={"Retry-After": "5"},
        )

    for module in (events, entities, claims, articles, charts, ingest):
        app.include_router(module.router)

    index = STATIC / "index.html"

    def _page(name: str) -> FileResponse:
        if not (STATIC / "dist" / "docs").exists():
            raise HTTPException(503, "API docs not built: run `make install` (npm bundle)")
        return FileResponse(STATIC / name)

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)  # no icon, and no 404 in every browser console

    @app.get("/docs", include_in_schema=False)
    def swagger_ui() -> FileResponse:
        """Swagger UI from the package's own copy: works offline, under the CSP."""
        return _page("docs.html")

    @app.get("/redoc", include_in_schema=False)
    def redoc() -> FileResponse:
        return _page("redoc.html")

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        if not index.exists():
            raise HTTPException(503, "dashboard not built: run `make install` (npm bundle)")
        return FileResponse(index)

    if (STATIC / "dist").exists():
        app.mount("/static", StaticFiles(directory=STATIC / "dist"), name="static")
    return app
