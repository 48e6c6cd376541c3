"""Read-only HTTP API over the store, plus a token-guarded ingest endpoint.

Every list is filtered the same way (``EventQuery``), so the dashboard's views
agree. Records come back with their character spans and sentence text, so a
client can always go back to the words. Reads need no token; writes need the
operator's token (``NEWSEVENTS_TOKEN``), and are refused when none is set.
The server binds 127.0.0.1 unless told otherwise (``newsevents serve``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field, model_validator
from pydantic.json_schema import SkipJsonSchema

from .guard import BODY_SECONDS, Guard, write_refusal
from .ingest.decode import lone_surrogate, not_unicode
from .model import Analysis
from .store import Store, StoreError, open_store

STATIC = Path(__file__).parent / "web"
MAX_BODY = 5 * 1024 * 1024
MAX_PAGE = 500
#: Largest offset or count a client may ask for (SQLite integers are 64-bit).
MAX_OFFSET = 10**12
#: Requests a second per client address; see Guard.
RATE_LIMIT = 20.0


@dataclass
class EventQuery:
    """Filters shared by events, timeline, graph and clusters."""

    since: str | None = None
    until: str | None = None
    actor: str | None = None
    recipient: str | None = None
    country: str | None = None
    type: str | None = None
    status: str | None = None
    place: str | None = None
    source: str | None = None
    q: str | None = None

    def where(self, store: Store) -> tuple[str, list[Any]]:
        """SQL condition on ``events e`` (with ``a`` the article) and its parameters."""
        conds: list[str] = []
        params: list[Any] = []
        day = "COALESCE(e.date, a.published)"
        if self.since:
            conds.append(f"{day} >= ?")
            params.append(self.since)
        if self.until:
            conds.append(f"SUBSTR({day}, 1, 10) <= ?")
            params.append(self.until)
        if self.type:
            conds.append("e.type = ?")
            params.append(self.type.upper())
        if self.status:
            conds.append("e.status = ?")
            params.append(self.status)
        for role, value in (("actor", self.actor), ("recipient", self.recipient)):
            if value:
                conds.append(
                    "EXISTS (SELECT 1 FROM event_parties p JOIN entities n ON "
                    "n.article_id = p.article_id AND n.id = p.entity_id WHERE "
                    "p.article_id = e.article_id AND p.event_id = e.id AND p.role = ? "
                    "AND LOWER(n.name) LIKE ?)"
                )
                params += [role, f"%{value.lower()}%"]
        if self.country:
            conds.append(
                "EXISTS (SELECT 1 FROM event_parties p JOIN entities n ON "
                "n.article_id = p.article_id AND n.id = p.entity_id WHERE "
                "p.article_id = e.article_id AND p.event_id = e.id AND n.country = ?)"
            )
            params.append(self.country.upper())
        if self.place:
            conds.append(
                "EXISTS (SELECT 1 FROM places l WHERE l.article_id = e.article_id "
                "AND l.id = e.place_id AND LOWER(l.name) LIKE ?)"
            )
            params.append(f"%{self.place.lower()}%")
        if self.source:
            conds.append(
                "EXISTS (SELECT 1 FROM entities n WHERE n.article_id = e.article_id "
                "AND n.id = e.source_id AND LOWER(n.name) LIKE ?)"
            )
            params.append(f"%{self.source.lower()}%")
        if self.q:
            cond, values = store.matching("e.article_id", self.q)
            conds.append(cond)
            params += values
        return (" AND ".join(conds) or "1 = 1"), params


def _query(
    since: str | None = None,
    until: str | None = None,
    actor: str | None = None,
    recipient: str | None = None,
    country: str | None = None,
    type: str | None = None,
    status: str | None = None,
    place: str | None = None,
    source: str | None = None,
    q: str | None = None,
) -> EventQuery:
    return EventQuery(since, until, actor, recipient, country, type, status, place, source, q)


Filters = Annotated[EventQuery, Depends(_query)]


def _get_store(request: Request) -> Iterator[Store]:
    """One connection per request (SQLite connections stay in their thread)."""
    store = open_store(request.app.state.db)
    try:
        yield store
    finally:
        store.close()


Db = Annotated[Store, Depends(_get_store)]


class IngestArticle(BaseModel):
    text: str = Field(max_length=MAX_BODY)
    title: str | None = None
    published: str | None = None
    url: str | None = None
    source: str | None = None
    #: why this article is refused before analysis (set here, never by a client)
    refused: SkipJsonSchema[str | None] = Field(None, exclude=True)

    @model_validator(mode="before")
    @classmethod
    def _lone_surrogates(cls, data: Any) -> Any:
        """A JSON "\\ud800" escape makes a string no codec can write. pydantic would
        refuse the whole request for it; here only this article is refused, and
        the others in the request are analysed."""
        if not isinstance(data, dict):
            return data
        for key, value in data.items():
            bad = lone_surrogate(value) if isinstance(value, str) else None
            if bad is not None:
                return {"text": "", "refused": f"'{key}' is " + not_unicode(*bad)}
        return data


class IngestBody(BaseModel):
    articles: list[IngestArticle] = Field(max_length=100)


class _Docs:
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


def _party(analysis: Analysis, eid: str, links: dict[tuple[str, str], str]) -> dict[str, Any]:
    ent = next((e for e in analysis.entities if e.id == eid), None)
    if ent is None:
        return {"id": eid}
    return {
        "id": eid,
        "global_id": links.get((analysis.article.id, eid)),
        "name": ent.name,
        "country": ent.country,
        "sector": ent.sector,
        "kind": ent.kind,
    }


def event_json(
    analysis: Analysis, event_id: str, links: dict[tuple[str, str], str], cluster: str | None
) -> dict[str, Any]:
    ev = next(e for e in analysis.events if e.id == event_id)
    art = analysis.article
    place = next((p for p in analysis.places if p.id == ev.place), None)
    time = next((t for t in analysis.times if t.id == ev.time), None)
    source = _party(analysis, ev.source, links) if ev.source else None
    return {
        "article_id": art.id,
        "event_id": ev.id,
        "cluster_id": cluster,
        "type": ev.type,
        "mode": ev.mode,
        "status": ev.status,
        "date": time.value if time else None,
        "date_text": time.text if time else None,
        "actors": [_party(analysis, a, links) for a in ev.actors],
        "recipients": [_party(analysis, r, links) for r in ev.recipients],
        "place": place.model_dump() if place else None,
        "source": source,
        "confidence": ev.confidence,
        "rule": getattr(ev, "rule", None),
        "trigger": list(ev.trigger),
        "trigger_text": art.text[ev.trigger[0] : ev.trigger[1]],
        "sentence": list(ev.sentence),
        "sentence_text": art.text[ev.sentence[0] : ev.sentence[1]],
        "article": {
            "title": art.title,
            "published": art.published,
            "url": art.url,
            "source": art.source,
        },
    }


def _in(store: Store, query: str, values: list[Any]) -> list[tuple[Any, ...]]:
    """``query`` with its ``IN ({})`` filled with one placeholder per value."""
    if not values:
        return []
    return store.execute(query.format(", ".join("?" for _ in values)), values)


def _preview(value: Any, limit: int = 200) -> Any:
    """A bad input as an error may show it: short strings as they are, the rest cut."""
    text = value if isinstance(value, str) else json.dumps(value, default=str)
    # lone surrogates cannot be written as UTF-8: shown as escapes
    safe = text.encode("utf-8", "backslashreplace").decode("utf-8")
    if len(text) <= limit:
        return value if safe == text else safe
    return safe[:limit] + f"... ({len(text):,} characters)"


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
        title="newsevents",
        version="1",
        description="Events, quotes and claims from news, each linked to its text.",
    )

    app.state.db = db

    @contextmanager
    def store_for_request() -> Iterator[Store]:
        store = open_store(db)
        try:
            yield store
        finally:
            store.close()

    app.add_middleware(
        Guard, max_body=MAX_BODY, rate=rate_limit, token=token, body_seconds=body_seconds
    )

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        # FastAPI's default echoes each bad input whole: a 5 MB body came back in the
        # error. Each is cut to a preview; the location and message say what is wrong.
        errors = []
        for error in exc.errors():
            error = {k: v for k, v in error.items() if k not in ("ctx", "url")}
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

    def _links(store: Store, article_ids: list[str]) -> dict[tuple[str, str], str]:
        rows = _in(
            store,
            "SELECT article_id, entity_id, global_id FROM entity_links WHERE article_id IN ({})",
            article_ids,
        )
        return {(r[0], r[1]): r[2] for r in rows}

    def _clusters(store: Store, pairs: list[tuple[str, str]]) -> dict[tuple[str, str], str]:
        rows = _in(
            store,
            "SELECT article_id, event_id, cluster_id FROM cluster_members WHERE article_id IN ({})",
            sorted({a for a, _ in pairs}),
        )
        return {(r[0], r[1]): r[2] for r in rows}

    @app.get("/api/events")
    def events(
        store: Db,
        flt: Filters,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
        offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    ) -> dict[str, Any]:
        """Events matching the filters, newest first, with their sentence and spans."""
        cond, params = flt.where(store)
        base = f"FROM events e JOIN articles a ON a.id = e.article_id WHERE {cond}"
        total = int(store.execute(f"SELECT COUNT(*) {base}", params)[0][0])
        rows = store.execute(
            f"SELECT e.article_id, e.id {base} ORDER BY COALESCE(e.date, a.published) DESC, "
            "e.article_id, e.trigger_start LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
        pairs = [(r[0], r[1]) for r in rows]
        docs = _Docs(store)
        links = _links(store, sorted({a for a, _ in pairs}))
        clusters = _clusters(store, pairs)
        items = []
        for aid, eid in pairs:
            analysis = docs.get(aid)
            if analysis is not None:
                items.append(event_json(analysis, eid, links, clusters.get((aid, eid))))
        return {"total": total, "limit": limit, "offset": offset, "items": items}

    @app.get("/api/events/{article_id}/{event_id}")
    def one_event(store: Db, article_id: str, event_id: str) -> dict[str, Any]:
        analysis = _Docs(store).get(article_id)
        if analysis is None or not any(e.id == event_id for e in analysis.events):
            raise HTTPException(404, "no such event")
        links = _links(store, [article_id])
        cluster = _clusters(store, [(article_id, event_id)]).get((article_id, event_id))
        return event_json(analysis, event_id, links, cluster)

    @app.get("/api/clusters")
    def clusters(
        store: Db,
        flt: Filters,
        min_articles: Annotated[int, Query(ge=1, le=MAX_OFFSET)] = 1,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
        offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    ) -> dict[str, Any]:
        """Event clusters (one real-world event, many reports) with their members."""
        cond, params = flt.where(store)
        rows = store.execute(
            "SELECT c.id, c.type, c.date, c.num_articles, c.num_sources, c.sources, "
            "c.first_report, c.last_report, c.thread_id, c.actors, c.recipients, "
            "c.date_end, c.date_precision, c.date_from, c.place, c.place_kind, c.place_country "
            "FROM event_clusters c WHERE c.num_articles >= ? AND c.id IN ("
            "SELECT m.cluster_id FROM cluster_members m JOIN events e ON "
            "e.article_id = m.article_id AND e.id = m.event_id JOIN articles a ON "
            f"a.id = e.article_id WHERE {cond}) "
            "ORDER BY c.num_articles DESC, c.date DESC, c.id LIMIT ? OFFSET ?",
            [min_articles, *params, limit, offset],
        )
        # names and members of the page's clusters, each in one query
        party_ids = sorted({g for r in rows for g in json.loads(r[9]) + json.loads(r[10])})
        names = dict(_in(store, "SELECT id, name FROM global_entities WHERE id IN ({})", party_ids))
        members_of: dict[str, list[tuple[str, str]]] = {}
        for cid, aid, eid in _in(
            store,
            "SELECT cluster_id, article_id, event_id FROM cluster_members "
            "WHERE cluster_id IN ({}) ORDER BY article_id, event_id",
            [r[0] for r in rows],
        ):
            members_of.setdefault(cid, []).append((aid, eid))
        out = []
        for r in rows:
            members = members_of.get(r[0], [])
            out.append(
                {
                    "id": r[0],
                    "type": r[1],
                    "date": r[2],
                    # the canonical time: an interval at the finest precision a
                    # report gives, from an event's own date or its article's
                    "date_end": r[11],
                    "date_precision": r[12],
                    "date_from": r[13],
                    # the finest place a report gives (GeoNames id, or a name)
                    "place": {"key": r[14], "kind": r[15], "country": r[16]} if r[14] else None,
                    "num_articles": r[3],
                    "num_sources": r[4],
                    "sources": json.loads(r[5]),
                    "first_report": r[6],
                    "last_report": r[7],
                    "thread_id": r[8],
                    "actors": [{"id": g, "name": names.get(g)} for g in json.loads(r[9])],
                    "recipients": [{"id": g, "name": names.get(g)} for g in json.loads(r[10])],
                    "members": [{"article_id": m[0], "event_id": m[1]} for m in members],
                }
            )
        return {"items": out}

    @app.get("/api/entities")
    def entities(
        store: Db,
        q: str | None = None,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100,
    ) -> dict[str, Any]:
        """Actors merged across articles, with the names they appear under."""
        params: list[Any] = []
        cond = "1 = 1"
        if q:
            cond = "g.id IN (SELECT global_id FROM entity_aliases WHERE LOWER(name) LIKE ?)"
            params.append(f"%{q.lower()}%")
        rows = store.execute(
            "SELECT g.id, g.name, g.kind, g.country, g.sector, g.num_articles FROM "
            f"global_entities g WHERE {cond} ORDER BY g.num_articles DESC, g.name LIMIT ?",
            [*params, limit],
        )
        aliases_of: dict[str, list[str]] = {}
        for gid, name in _in(
            store,
            "SELECT global_id, name FROM entity_aliases WHERE global_id IN ({}) ORDER BY name",
            [r[0] for r in rows],
        ):
            aliases_of.setdefault(gid, []).append(name)
        items = []
        for r in rows:
            aliases = aliases_of.get(r[0], [])
            items.append(
                {
                    "id": r[0],
                    "name": r[1],
                    "kind": r[2],
                    "country": r[3],
                    "sector": r[4],
                    "num_articles": r[5],
                    "aliases": aliases,
                }
            )
        return {"items": items}

    @app.get("/api/claims/compare")
    def claims_compare(
        store: Db,
        q: str | None = None,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100,
    ) -> dict[str, Any]:
        """Figures grouped by what they count, each with its claimant and disputes."""
        params: list[Any] = []
        cond = "1 = 1"
        if q:
            cond = "(LOWER(g.label) LIKE ? OR g.unit = ?)"
            params += [f"%{q.lower()}%", q.lower()]
        groups = store.execute(
            "SELECT g.id, g.unit, g.label, COUNT(*) AS n FROM claim_groups g JOIN claim_members m "
            f"ON m.group_id = g.id WHERE {cond} GROUP BY g.id, g.unit, g.label "
            "ORDER BY n DESC, g.id LIMIT ?",
            [*params, limit],
        )
        members_of: dict[str, list[tuple[str, str]]] = {}
        for gid, aid, cid in _in(
            store,
            "SELECT group_id, article_id, claim_id FROM claim_members WHERE group_id IN ({}) "
            "ORDER BY article_id, claim_id",
            [g[0] for g in groups],
        ):
            members_of.setdefault(gid, []).append((aid, cid))
        docs = _Docs(store)
        items = []
        for gid, unit, label, _n in groups:
            values = []
            for aid, cid in members_of.get(gid, []):
                analysis = docs.get(aid)
                if analysis is None:
                    continue
                claim = next(c for c in analysis.claims if c.id == cid)
                names = {e.id: e.name for e in analysis.entities}
                values.append(
                    {
                        "article_id": aid,
                        "claim_id": cid,
                        "value": claim.value,
                        "approx": claim.approx,
                        "claimant": names.get(claim.claimant or "") or claim.claimant_text,
                        "status": claim.status,
                        "disputed_by": [names.get(d, d) for d in claim.disputed_by],
                        "measure": claim.measure,
                        "published": analysis.article.published,
                        "source": analysis.article.source,
                        "span": list(claim.span),
                    }
                )
            items.append({"id": gid, "unit": unit, "label": label, "values": values})
        return {"items": items}

    @app.get("/api/articles")
    def articles(
        store: Db,
        q: str | None = None,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
    ) -> dict[str, Any]:
        cond, params = store.matching("a.id", q) if q else ("1 = 1", [])
        rows = store.execute(
            f"SELECT a.id, a.title, a.published, a.source, a.url, s.story_id FROM articles a "
            f"LEFT JOIN article_stories s ON s.article_id = a.id WHERE {cond} "
            "ORDER BY a.published DESC, a.id LIMIT ?",
            [*params, limit],
        )
        keys = ("id", "title", "published", "source", "url", "story")
        return {"items": [dict(zip(keys, r, strict=True)) for r in rows]}

    @app.get("/api/articles/{article_id}")
    def article(store: Db, article_id: str) -> dict[str, Any]:
        """The article's text and every extracted record with its spans."""
        analysis = _Docs(store).get(article_id)
        if analysis is None:
            raise HTTPException(404, "no such article")
        doc = analysis.to_dict()
        doc["occurrences"] = store.occurrences(article_id)  # every outlet, URL and date
        doc["article"]["story"] = store.story_of(article_id)
        return doc

    @app.get("/api/stories")
    def stories(
        store: Db,
        min_outlets: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
        offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    ) -> dict[str, Any]:
        """Stories (articles about one development, across outlets), most outlets first."""
        return {"items": store.stories(limit, offset, min_outlets)}

    @app.get("/api/stories/{story_id}")
    def story(store: Db, story_id: str) -> dict[str, Any]:
        """One story: its time span, outlets, articles and event clusters."""
        found = store.story(story_id)
        if found is None:
            raise HTTPException(404, "no such story")
        return found

    @app.get("/api/timeline")
    def timeline(store: Db, flt: Filters) -> dict[str, Any]:
        """Event counts per day, by type and status."""
        cond, params = flt.where(store)
        rows = store.execute(
            "SELECT SUBSTR(COALESCE(e.date, a.published), 1, 10) AS day, e.type, e.status, "
            "COUNT(*) FROM events e JOIN articles a ON a.id = e.article_id "
            f"WHERE {cond} GROUP BY day, e.type, e.status ORDER BY day, e.type, e.status",
            params,
        )
        keys = ("date", "type", "status", "count")
        return {"items": [dict(zip(keys, r, strict=True)) for r in rows if r[0]]}

    @app.get("/api/graph")
    def graph(store: Db, flt: Filters) -> dict[str, Any]:
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
            f"WHERE {cond} GROUP BY la.global_id, lr.global_id ORDER BY 3 DESC",
            params,
        )
        ids = sorted({r[0] for r in rows} | {r[1] for r in rows})
        nodes = []
        if ids:
            marks = ", ".join("?" for _ in ids)
            for g in store.execute(
                f"SELECT id, name, country, kind FROM global_entities WHERE id IN ({marks}) "
                "ORDER BY id",
                ids,
            ):
                nodes.append({"id": g[0], "name": g[1], "country": g[2], "kind": g[3]})
        edges = [{"source": r[0], "target": r[1], "weight": r[2]} for r in rows if r[0] != r[1]]
        return {"nodes": nodes, "edges": edges}

    @app.get("/api/countries")
    def countries(store: Db, flt: Filters) -> dict[str, Any]:
        """Events per country (of the place, else of the actors), for the map."""
        cond, params = flt.where(store)
        rows = store.execute(
            "SELECT l.country, COUNT(*) FROM events e JOIN articles a ON a.id = e.article_id "
            "JOIN places l ON l.article_id = e.article_id AND l.id = e.place_id "
            f"WHERE {cond} AND l.country IS NOT NULL GROUP BY l.country ORDER BY 2 DESC",
            params,
        )
        import pycountry

        items = []
        for code, count in rows:
            found = pycountry.countries.get(alpha_2=code)
            numeric = found.numeric if found is not None else None
            items.append({"country": code, "numeric": numeric, "count": count})
        return {"items": items}

    @app.post("/api/ingest", status_code=201)
    def ingest(
        body: IngestBody,
        authorization: Annotated[str | None, Header()] = None,
    ) -> dict[str, Any]:
        """Analyse and store articles; needs ``Authorization: Bearer <token>``."""
        refusal = write_refusal(token, (authorization or "").encode())
        if refusal is not None:
            raise HTTPException(*refusal)
        from .errors import InputError
        from .ingest import article_from_text
        from .pipeline import EXTRACTOR_VERSION, analyze

        stored, failed, known = [], [], []
        with store_for_request() as store:
            for i, item in enumerate(body.articles):
                if item.refused:
                    failed.append({"index": i, "problem": item.refused})
                    continue
                try:
                    art = article_from_text(
                        item.text,
                        title=item.title,
                        published=item.published,
                        url=item.url,
                        source=item.source,
                        label=f"request[{i}]",
                    )
                except InputError as exc:
                    failed.append({"index": i, "problem": exc.problem})
                    continue
                if store.has_article(art.id):  # one analysis per text; where it was seen counts
                    store.add_occurrence(art, f"request[{i}]")
                    known.append(art.id)
                    continue
                try:
                    analysis = analyze(art)
                except Exception as exc:  # an extractor bug must not cost the other articles
                    failed.append({"index": i, "problem": f"analysis failed: {type(exc).__name__}"})
                    continue
                if store.save(analysis, label=item.source, version=EXTRACTOR_VERSION):
                    stored.append(art.id)
        return {"stored": stored, "failed": failed, "known": known}

    index = STATIC / "index.html"

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        if not index.exists():
            raise HTTPException(503, "dashboard not built: run `make install` (npm bundle)")
        return FileResponse(index)

    if (STATIC / "dist").exists():
        app.mount("/static", StaticFiles(directory=STATIC / "dist"), name="static")
    return app
