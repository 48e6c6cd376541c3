"""The filters every event view shares, validated before any query runs.

A filter the server cannot read is an error (422 naming the parameter), never
ignored: a client that sent ``since=06/01/2025`` and got every event back would
believe the date was applied. Each filter takes several values, repeated
(``type=ASSAULT&type=COERCE``) or comma-separated (``type=ASSAULT,COERCE``);
values of one filter are alternatives, different filters all apply.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from enum import Enum
from functools import cache
from typing import Annotated, Any, get_args

import pycountry
from fastapi import Query
from pydantic import AfterValidator, BeforeValidator

from ..gazetteer import read_table
from ..model import Status
from ..store import Store

#: The sixteen PLOVER event types.
EVENT_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip


def _sector_codes() -> tuple[str, ...]:
    """Every sector the actor dictionaries can give, plus international bodies."""
    codes = {"IGO", "NGO"}
    codes |= {row[1][:3] for row in read_table("agents.tsv")}
    codes |= {row[1] for row in read_table("roles.tsv")}
    codes |= {row[1] for row in read_table("groups.tsv")}
    codes |= {(row + [""] * 4)[3] for row in read_table("institutions.tsv")}
    return tuple(sorted(c for c in codes if re.fullmatch(r"[A-Z]{3}", c)))


EventType = Enum("EventType", {t: t for t in EVENT_TYPES}, type=str)  # type: ignore[misc]
StatusName = Enum("StatusName", {s: s for s in get_args(Status)}, type=str)  # type: ignore[misc]
Sector = Enum("Sector", {s: s for s in _sector_codes()}, type=str)  # type: ignore[misc]

_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def iso_date(value: str | None) -> str | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (a timestamp is cut to its day)."""
    if value is None:
        return None
    value = value.strip()
    day = value[:10] if re.fullmatch(r"\d{4}-\d{2}-\d{2}[T ].*", value) else value
    if not _DATE.fullmatch(day):
        raise ValueError(f"{value!r} is not an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)")
    month = int(day[5:7]) if len(day) >= 7 else 1
    if not 1 <= month <= 12 or (len(day) == 10 and not 1 <= int(day[8:10]) <= 31):
        raise ValueError(f"{value!r} is not a calendar date")
    return day


def _split(value: Any) -> Any:
    """Repeated and comma-separated values alike; blanks dropped."""
    if isinstance(value, list):
        return [p.strip() for v in value for p in str(v).split(",") if p.strip()]
    return value


def _upper(value: Any) -> Any:
    return [str(v).upper() for v in value] if isinstance(value, list) else value


@cache
def alpha3(code: str) -> str | None:
    """The ISO 3166 alpha-3 code of an alpha-3 or alpha-2 code, None if neither."""
    code = code.strip().upper()
    found = None
    if len(code) == 3:
        found = pycountry.countries.get(alpha_3=code)
    elif len(code) == 2:
        found = pycountry.countries.get(alpha_2=code)
    if found is None and code in ("XKX", "XK"):  # Kosovo: user-assigned, widely used
        return "XKX"
    return str(found.alpha_3) if found is not None else None


@cache
def alpha2(code: str | None) -> str | None:
    """The alpha-2 code of an alpha-3 code (places are stored with alpha-2)."""
    if not code:
        return None
    if code == "XKX":
        return "XK"
    found = pycountry.countries.get(alpha_3=code)
    return str(found.alpha_2) if found is not None else None


def _countries(values: list[str] | None) -> list[str] | None:
    if not values:
        return values
    out = []
    for v in values:
        code = alpha3(v)
        if code is None:
            raise ValueError(f"{v!r} is not an ISO 3166 country code (alpha-3, or alpha-2)")
        out.append(code)
    return out


def _dates(value: str | None) -> str | None:
    return iso_date(value)


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    """ "west,south,east,north" in degrees (west > east crosses the antimeridian)."""
    if value is None:
        return None
    try:
        west, south, east, north = (float(v) for v in value.split(","))
    except ValueError:
        raise ValueError(f"{value!r} is not west,south,east,north in degrees") from None
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
        raise ValueError(f"{value!r} is outside -180..180 (longitude), -90..90 (latitude)")
    return west, south, east, north


Many = BeforeValidator(_split)
Words = Annotated[list[str] | None, Many]


#: The outlet of article ``a``: where it was published, by any of its occurrences
#: (two parameters, the same pattern twice).
OUTLET = (
    "(LOWER(a.source) LIKE ? OR EXISTS (SELECT 1 FROM occurrences o WHERE "
    "o.article_id = a.id AND LOWER(o.outlet) LIKE ?))"
)


@dataclass
class EventQuery:
    """Filters shared by events, clusters, timeline, graph and the map."""

    since: str | None = None
    until: str | None = None
    actor: list[str] = field(default_factory=list)
    recipient: list[str] = field(default_factory=list)
    country: list[str] = field(default_factory=list)
    type: list[str] = field(default_factory=list)
    status: list[str] = field(default_factory=list)
    place: list[str] = field(default_factory=list)
    source: list[str] = field(default_factory=list)
    outlet: list[str] = field(default_factory=list)
    q: str | None = None
    bbox: tuple[float, float, float, float] | None = None

    @property
    def active(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))

    def of_article(self, store: Store, column: str) -> tuple[str, list[Any]]:
        """SQL condition "the article in ``column`` reports an event matching the
        filters", for views of things other than events (stories, claims)."""
        if not self.active:
            return "1 = 1", []
        cond, params = self.where(store)
        return (
            f"EXISTS (SELECT 1 FROM events e JOIN articles a ON a.id = e.article_id "
            f"WHERE e.article_id = {column} AND {cond})",
            params,
        )

    def where(self, store: Store) -> tuple[str, list[Any]]:
        """SQL condition on ``events e`` (with ``a`` the article) and its parameters."""
        conds: list[str] = []
        params: list[Any] = []
        day = "COALESCE(e.date, a.published)"
        if self.since:
            conds.append(f"{day} >= ?")
            params.append(self.since)
        if self.until:  # to the end of the period named: until=2025-03 keeps 2025-03-31
            conds.append(f"SUBSTR({day}, 1, {len(self.until)}) <= ?")
            params.append(self.until)

        def one_of(sql: str, values: list[Any]) -> None:
            if values:
                conds.append("(" + " OR ".join(sql for _ in values) + ")")
                for v in values:
                    params.extend(v if isinstance(v, tuple) else (v,))

        one_of("e.type = ?", self.type)
        one_of("e.status = ?", self.status)
        party = (
            "EXISTS (SELECT 1 FROM event_parties p JOIN entities n ON "
            "n.article_id = p.article_id AND n.id = p.entity_id WHERE "
            "p.article_id = e.article_id AND p.event_id = e.id AND p.role = ? "
            "AND LOWER(n.name) LIKE ?)"
        )
        one_of(party, [("actor", f"%{v.lower()}%") for v in self.actor])
        one_of(party, [("recipient", f"%{v.lower()}%") for v in self.recipient])
        # a country is in an event when a party is of it or the event took place there
        one_of(
            "(EXISTS (SELECT 1 FROM event_parties p JOIN entities n ON "
            "n.article_id = p.article_id AND n.id = p.entity_id WHERE "
            "p.article_id = e.article_id AND p.event_id = e.id AND n.country = ?) OR "
            "EXISTS (SELECT 1 FROM places l WHERE l.article_id = e.article_id "
            "AND l.id = e.place_id AND l.country = ?))",
            [(c, alpha2(c) or "") for c in self.country],
        )
        one_of(
            "EXISTS (SELECT 1 FROM places l WHERE l.article_id = e.article_id "
            "AND l.id = e.place_id AND LOWER(l.name) LIKE ?)",
            [f"%{v.lower()}%" for v in self.place],
        )
        one_of(
            "EXISTS (SELECT 1 FROM entities n WHERE n.article_id = e.article_id "
            "AND n.id = e.source_id AND LOWER(n.name) LIKE ?)",
            [f"%{v.lower()}%" for v in self.source],
        )
        one_of(OUTLET, [(f"%{v.lower()}%", f"%{v.lower()}%") for v in self.outlet])
        if self.bbox:  # the map's visible area: events placed inside it
            west, south, east, north = self.bbox
            lon = "l.lon >= ? AND l.lon <= ?" if west <= east else "(l.lon >= ? OR l.lon <= ?)"
            conds.append(
                "EXISTS (SELECT 1 FROM places l WHERE l.article_id = e.article_id "
                f"AND l.id = e.place_id AND l.lat >= ? AND l.lat <= ? AND {lon})"
            )
            params += [south, north, west, east]
        if self.q:
            cond, values = store.matching("e.article_id", self.q)
            conds.append(cond)
            params += values
        return (" AND ".join(conds) or "1 = 1"), params


def event_query(
    since: Annotated[
        str | None,
        AfterValidator(_dates),
        Query(
            description="events on or after this date (ISO 8601: YYYY, YYYY-MM or "
            "YYYY-MM-DD); an event without its own date counts at its article's",
            examples=["2025-03-01"],
        ),
    ] = None,
    until: Annotated[
        str | None,
        AfterValidator(_dates),
        Query(description="events up to the end of this day, month or year (ISO 8601)"),
    ] = None,
    actor: Annotated[
        Words, Query(description="part of an actor's name (several: any of them)")
    ] = None,
    recipient: Annotated[Words, Query(description="part of a recipient's name")] = None,
    country: Annotated[
        list[str] | None,
        Many,
        AfterValidator(_countries),
        Query(
            description="ISO 3166 alpha-3 code (alpha-2 accepted) of a party's country "
            "or of the event's place"
        ),
    ] = None,
    type: Annotated[
        list[EventType] | None,
        Many,
        BeforeValidator(_upper),
        Query(description="PLOVER event type"),
    ] = None,
    status: Annotated[
        list[StatusName] | None,
        Many,
        Query(description="asserted, planned, hypothetical, possible, negated or requested"),
    ] = None,
    place: Annotated[Words, Query(description="part of the event place's name")] = None,
    source: Annotated[
        Words,
        Query(
            description="part of the name of who the event is attributed to (the speaker "
            "the article cites for it, not the outlet: see `outlet`)"
        ),
    ] = None,
    outlet: Annotated[
        Words, Query(description="part of the name of the outlet that published the report")
    ] = None,
    q: Annotated[str | None, Query(description="words of the article's title or text")] = None,
    bbox: Annotated[
        str | None,
        Query(
            description="events placed inside west,south,east,north (degrees), as a map's "
            "visible area",
            examples=["20,-5,35,15"],
        ),
    ] = None,
) -> EventQuery:
    """The filters of one request, each already checked."""
    return EventQuery(
        since=since,
        until=until,
        actor=actor or [],
        recipient=recipient or [],
        country=country or [],
        type=[t.value for t in type or []],
        status=[s.value for s in status or []],
        place=place or [],
        source=source or [],
        outlet=outlet or [],
        q=q,
        bbox=_checked_bbox(bbox),
    )


def _checked_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    try:
        return _bbox(value)
    except ValueError as exc:
        from fastapi.exceptions import RequestValidationError

        raise RequestValidationError(
            [{"type": "value_error", "loc": ("query", "bbox"), "msg": str(exc), "input": value}]
        ) from None
