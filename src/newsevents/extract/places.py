"""Toponyms resolved offline to countries, regions and cities with codes and coordinates.

Resolution order for a name: country, then named area, then region, then city
(so "Georgia" is the country unless the text says otherwise). Two pieces of
in-document evidence refine it: a bare name whose region is named in full
elsewhere ("Kursk" beside "the Kursk region") is that region, and among cities
of one name the one in a country the article mentions wins. A name we cannot
resolve becomes a place of kind "other" without codes; it never spoils the rest.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..gazetteer import Gazetteer, GeoEntry, load_gazetteer, normalize_surface
from ..model import Article, Place
from .text import doc_text

_LABELS = ("GPE", "LOC", "FAC")


def _resolve(
    surface: str, gaz: Gazetteer, doc_admin1: dict[str, GeoEntry], doc_countries: set[str]
) -> GeoEntry | None:
    candidates = gaz.lookup(surface)
    if not candidates:
        return None
    best = candidates[0]
    if best.kind == "city":
        # "Kursk" when the article also speaks of "the Kursk region"
        if surface in doc_admin1:
            return doc_admin1[surface]
        in_context = [c for c in candidates if c.kind == "city" and c.country in doc_countries]
        if in_context:
            return in_context[0]
    return best


def extract_places(article: Article, doc: Doc) -> list[Place]:
    """Places mentioned in the body, merged by resolved identity, in order of first mention."""
    gaz = load_gazetteer()
    mentions = [
        (ent.start_char, ent.end_char, normalize_surface(ent.text))
        for ent in doc.ents
        if ent.label_ in _LABELS
    ]
    first_pass = {surface: gaz.lookup(surface) for _, _, surface in mentions}
    doc_countries = {
        c[0].country for c in first_pass.values() if c and c[0].kind == "country" and c[0].country
    }
    doc_admin1: dict[str, GeoEntry] = {}
    for cands in first_pass.values():
        if cands and cands[0].kind == "admin1":
            base = gaz.admin1_base.get(cands[0].key)
            if base:
                doc_admin1[base] = cands[0]
            if cands[0].country:
                doc_countries.add(cands[0].country)

    by_key: dict[str, Place] = {}
    for start, end, surface in mentions:
        # keep the span on the name itself, without "the" or a possessive
        raw = doc_text(doc)[start:end]
        offset = raw.find(surface) if surface in raw else 0
        span = (start + offset, start + offset + len(surface)) if offset >= 0 else (start, end)
        entry = _resolve(surface, gaz, doc_admin1, doc_countries)
        key = entry.key if entry else f"other:{surface}"
        place = by_key.get(key)
        if place is None:
            if entry is None:
                place = Place(id="", name=surface, kind="other", mentions=[])
            else:
                place = Place(
                    id="",
                    name=entry.name,
                    kind=entry.kind,
                    country=entry.country,
                    iso3166_2=entry.iso3166_2,
                    geonameid=entry.geonameid,
                    lat=entry.lat,
                    lon=entry.lon,
                    mentions=[],
                )
            place.aliases = []  # type: ignore[attr-defined]
            by_key[key] = place
        place.mentions.append(span)
        if surface not in place.aliases and surface != place.name:  # type: ignore[attr-defined]
            place.aliases.append(surface)  # type: ignore[attr-defined]
    places = list(by_key.values())
    for i, place in enumerate(places, start=1):
        place.id = f"P{i}"
    return places
