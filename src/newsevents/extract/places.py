"""Toponyms resolved offline to countries, regions and towns with codes and coordinates.

A name has candidates (countries, named areas, first-level regions, towns);
the text decides among them, as a reader does:

1. **containment**: "Everett, Washington", "Hrakove, Kharkiv", "Moscow (Idaho)",
   "in the Kursk region of Russia": the named region or country must hold the
   place (same country; for US states the same state; elsewhere near the region);
2. **the article's other places**: a name that is unambiguous, or settled by
   containment, anchors the rest: candidates in an anchor's country, state, or
   within 150 km of it are preferred ("Paris" in a story about Texas towns);
3. **prominence**: countries and regions before towns of the same name ("Georgia"
   is the country unless the text says otherwise), then population.

Every place records why it was chosen (``resolved_by``).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from ..gazetteer import (
    Gazetteer,
    GeoEntry,
    km,
    load_gazetteer,
    normalize_surface,
    prominence,
)
from ..geoindex import county_point, small_places
from ..model import Article, Place
from .text import doc_ents, doc_text, doc_tokens

_LABELS = ("GPE", "LOC", "FAC")

#: How near an anchor a candidate must be to count as "in the same area".
NEAR_KM = 150.0
#: Two readings of different names this near each other are one area ("Athens",
#: "Henderson County"); worth more than sharing a state.
CLOSE_KM = 40.0
CLOSE_BONUS = 1.5
#: Towns below this size come from the small-places index.
SMALL_TOWN = 15_000


@dataclass
class _Mention:
    start: int
    end: int
    surface: str
    candidates: list[GeoEntry]
    chosen: GeoEntry | None = None
    why: str | None = None


def _km(a: GeoEntry, b: GeoEntry) -> float | None:
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return None
    return km(a.lat, a.lon, b.lat, b.lon)


def _holds(container: GeoEntry, place: GeoEntry) -> bool:
    """Whether ``container`` (a country or region) can hold ``place``."""
    if place.key == container.key or place.kind == "country":
        return False
    if container.kind == "country":
        return place.country == container.country
    if container.kind == "admin1":
        if place.country != container.country:
            return False
        if container.admin1 is not None and place.kind == "city":
            return place.admin1 == container.admin1  # a US state: its towns
        if place.kind == "admin1":
            return False
        d = _km(container, place)
        return d is None or d <= 400
    return False


_AFTER_CONTAINER = re.compile(r"\s*(?:,|\()\s*")
_REGION_OF = re.compile(r"\s+(?:region|province|oblast|governorate|state|district|county)\s+of\s+")


def _containers(mentions: list[_Mention], text: str, gaz: Gazetteer) -> dict[int, GeoEntry]:
    """For each mention, the region or country written right after it: "Town, State",
    "Town (State)", "the X region of Country"; a state abbreviation the model did not
    tag ("Gainesville, Ga.") is read off the text."""
    out: dict[int, GeoEntry] = {}
    for i, m in enumerate(mentions):
        tail = text[m.end : m.end + 40]
        sep = _AFTER_CONTAINER.match(tail) or _REGION_OF.match(tail)
        if not sep:
            continue
        at = m.end + sep.end()
        nxt = next((n for n in mentions[i + 1 :] if n.start == at), None)
        options = nxt.candidates if nxt is not None else _abbreviation_at(text, at, gaz)
        holder = next(
            (
                c
                for c in options
                if c.kind in ("country", "admin1") and any(_holds(c, p) for p in m.candidates)
            ),
            None,
        )
        if holder is not None:
            out[i] = holder
    return out


#: A state or country written after a town: "Ga.", "W. Va.", "Texas", "South Africa".
_CONTAINER_NAME = re.compile(r"[A-Z][A-Za-z]*\.(?:\s?[A-Z][a-z]?\.)?|[A-Z][a-z]+(?: [A-Z][a-z]+)?")


def _abbreviation_at(text: str, at: int, gaz: Gazetteer) -> list[GeoEntry]:
    """The regions and countries named at ``at``, abbreviated or not."""
    word = _CONTAINER_NAME.match(text, at)
    if not word:
        return []
    return [c for c in gaz.lookup(word.group(0)) if c.kind in ("admin1", "country")]


#: A national capital holds against the pull of a country the story names once.
CAPITAL_BONUS = 2.0


def _score(cand: GeoEntry, anchors: list[GeoEntry], countries: dict[str, int]) -> float:
    score = -prominence(cand)[0] * 1.5
    if cand.kind == "city":
        score += math.log10(cand.population + 10) / 3
        if cand.population < SMALL_TOWN:
            score -= 1.5  # a village of the name is the last reading, not the first
    if cand.kind == "country":
        score += 2.0  # "Egypt" is the country, not a hamlet in Illinois
    if cand.kind == "city" and cand.capital:
        score += CAPITAL_BONUS  # "Washington ... Moscow": Russia's capital, not a town in Idaho
    if cand.country and cand.country in countries:
        score += 3.0 + min(countries[cand.country], 3) * 0.5
        if cand.kind == "admin1":
            score += 2.5  # "Georgia" in a story about Atlanta, "Victoria" in one about Australia
    for anchor in anchors:
        if anchor.key == cand.key:
            continue
        if anchor.admin1 is not None and anchor.kind in ("admin1", "other"):
            # a US state or county named in the story: its towns
            if (
                cand.kind == "city"
                and cand.country == anchor.country
                and cand.admin1 == anchor.admin1
            ):
                score += 3.0
                break
            continue
        if anchor.kind == "admin1" and _holds(anchor, cand):
            score += 3.0
            break
        if anchor.kind != "city":
            continue
        if (
            anchor.lat is not None
            and cand.lat is not None
            and abs(anchor.lat - cand.lat) > NEAR_KM / 110.0
        ):
            continue  # a degree of latitude is over 110 km: too far, no need to measure
        d = _km(anchor, cand)
        if d is not None and d <= NEAR_KM:
            score += 3.0
            break
    return score


def _tally(chosen: list[GeoEntry]) -> dict[str, int]:
    countries: dict[str, int] = {}
    for a in chosen:
        if a.country:
            countries[a.country] = countries.get(a.country, 0) + 1
    return countries


class _Support:
    """How many other names of the article could lie in the same state or the same
    square degree as a candidate: "Athens" and "Henderson County" both exist in
    Texas and nowhere else together (the names agree on an area before any is
    settled, which a first-come choice cannot see)."""

    def __init__(self, mentions: list[_Mention]) -> None:
        self.areas: dict[str, set[tuple[str | None, str | None]]] = {}
        self.cells: dict[str, set[tuple[int, int]]] = {}
        #: readings with a point, by name and by half-degree cell
        self.grid: dict[str, dict[tuple[int, int], list[GeoEntry]]] = {}
        self.memo: dict[tuple[str, str], int] = {}
        for m in mentions:
            grid = self.grid.setdefault(m.surface, {})
            for c in m.candidates[:60]:
                if c.lat is not None and c.lon is not None and c.kind in ("city", "other"):
                    grid.setdefault(_cell(c.lat, c.lon), []).append(c)
            areas = self.areas.setdefault(m.surface, set())
            cells = self.cells.setdefault(m.surface, set())
            for c in m.candidates[:60]:
                if c.admin1 is not None and c.kind in ("city", "admin1", "other"):
                    areas.add((c.country, c.admin1))
                if c.lat is not None and c.lon is not None and c.kind in ("city", "other"):
                    cells.add((math.floor(c.lat), math.floor(c.lon)))

    def bonus(self, m: _Mention, cand: GeoEntry) -> float:
        if cand.kind == "country":
            return 0.0
        area = (cand.country, cand.admin1)
        cell = (
            (math.floor(cand.lat), math.floor(cand.lon))
            if cand.lat is not None and cand.lon is not None
            else None
        )
        near = (
            {(cell[0] + a, cell[1] + b) for a in (-1, 0, 1) for b in (-1, 0, 1)} if cell else set()
        )
        count = 0
        for surface, areas in self.areas.items():
            if surface == m.surface:
                continue
            if (cand.admin1 is not None and area in areas) or (near & self.cells[surface]):
                count += 1
        return 1.5 * min(count, 3) + CLOSE_BONUS * min(self._close(m, cand), 2)

    def _close(self, m: _Mention, cand: GeoEntry) -> int:
        """How many other names have a reading within a town's reach of this one:
        "Athens" and "Henderson County" meet only in Texas, where the town is the
        county seat; a state holds too many of both names to tell."""
        if cand.lat is None or cand.lon is None or cand.kind not in ("city", "other"):
            return 0
        memo_key = (m.surface, cand.key)
        if memo_key not in self.memo:
            y, x = _cell(cand.lat, cand.lon)
            wide = math.ceil(CLOSE_KM / max(55.0 * math.cos(math.radians(cand.lat)), 1.0))
            cells = [(y + a, x + b) for a in (-1, 0, 1) for b in range(-wide, wide + 1)]
            self.memo[memo_key] = sum(
                any(
                    (d := _km(cand, p)) is not None and d <= CLOSE_KM
                    for cell in cells
                    for p in grid.get(cell, ())
                )
                for surface, grid in self.grid.items()
                if surface != m.surface
            )
        return self.memo[memo_key]


def _cell(lat: float, lon: float) -> tuple[int, int]:
    """A half-degree cell: 55 km north-south, less east-west away from the equator
    (the neighbours searched widen with latitude)."""
    return math.floor(lat * 2), math.floor(lon * 2)


def resolve_mentions(mentions: list[_Mention], text: str, gaz: Gazetteer) -> None:
    """Choose a candidate for every mention, in place (see the module docstring)."""
    for m in mentions:  # "Mexico", "Singapore": the country, not its capital of that name
        states = {c.country for c in m.candidates if c.kind == "country"}
        if states:
            m.candidates = [
                c for c in m.candidates if c.kind == "country" or c.country not in states
            ]
    held = _containers(mentions, text, gaz)
    for i, m in enumerate(mentions):
        if i in held:
            inside = [c for c in m.candidates if _holds(held[i], c)]
            if inside:
                m.chosen = max(inside, key=lambda c: c.population)
                m.why = f"inside {held[i].name}"
        elif len(m.candidates) == 1:
            m.chosen, m.why = m.candidates[0], "only candidate"
    for m in mentions:  # a container itself is settled by its role
        for i, holder in held.items():
            gap = m.start - mentions[i].end
            if 0 <= gap <= 40 and m.chosen is None and holder in m.candidates:
                m.chosen, m.why = holder, "named as a container"
    settled = [m for m in mentions if m.chosen is not None]
    open_ = [m for m in mentions if m.chosen is None and m.candidates]
    support = _Support(mentions)
    # two rounds: the first choices of the ambiguous names anchor the second
    for _ in range(2):
        named = [(m.surface, m.chosen) for m in settled + open_ if m.chosen is not None]
        for m in open_:
            # the same name again is no evidence for itself ("Athens ... Athens")
            others = [a for surface, a in named if surface != m.surface]
            tally = _tally(others)
            best = max(
                m.candidates,
                key=lambda c: (_score(c, others, tally) + support.bonus(m, c), c.population),
            )
            m.chosen = best
            near = best.country in tally and len(m.candidates) > 1
            m.why = "near the article's other places" if near else "most prominent of its name"


def extract_places(article: Article, doc: Doc) -> list[Place]:
    """Places mentioned in the body, merged by resolved identity, in order of first mention."""
    gaz = load_gazetteer()
    text = doc_text(doc)
    mentions: list[_Mention] = []
    for ent in doc_ents(doc):
        if ent.label_ not in _LABELS:
            continue
        if parts := _coordinated(ent, gaz):
            mentions += [_Mention(*part) for part in parts]  # "Fargo and Moorhead"
            continue
        whole = _whole_name(ent, gaz)
        if whole is None:
            continue  # "San" of "San Francisco", "Western" of "Western allies"
        ent = whole
        surface = normalize_surface(ent.text)
        raw = text[ent.start_char : ent.end_char]
        offset = raw.find(surface)
        start = ent.start_char + max(offset, 0)
        end = start + len(surface) if offset >= 0 else ent.end_char
        cands = _candidates(surface, gaz)
        if not cands and (office := _office_place(ent, gaz)):
            start, end, surface, cands = office[0]  # "the Henderson County Jail"
        mentions.append(_Mention(start, end, surface, cands))
    taken = {(m.start, m.end) for m in mentions}
    for start, end, surface, cands in recognise_more(doc, gaz):
        if (start, end) not in taken:
            mentions.append(_Mention(start, end, surface, cands))
    mentions.sort(key=lambda m: m.start)
    _prefer_named_regions(mentions, gaz)
    resolve_mentions(mentions, text, gaz)
    mentions += _repeated(mentions, doc)
    mentions.sort(key=lambda m: m.start)

    by_key: dict[str, Place] = {}

    def record(key: str, entry: GeoEntry | None, why: str | None, surface: str) -> Place:
        """The place of ``key``, made on first use (one record per resolved place)."""
        place = by_key.get(key)
        if place is None:
            if entry is None:
                place = Place(id="", name=surface, kind="other", mentions=[])
            else:
                place = _place(entry, why)
            place.aliases = []  # type: ignore[attr-defined]
            by_key[key] = place
        return place

    for m in mentions:
        entry = m.chosen
        place = record(entry.key if entry else f"other:{m.surface}", entry, m.why, m.surface)
        place.mentions.append((m.start, m.end))
        if m.surface not in place.aliases and m.surface != place.name:  # type: ignore[attr-defined]
            place.aliases.append(m.surface)  # type: ignore[attr-defined]
    dateline = _dateline_place(article.dateline, [m.chosen for m in mentions if m.chosen], gaz)
    if dateline is not None:
        entry, why = dateline
        record(entry.key, entry, why, entry.name).in_dateline = True
    for ent in doc_ents(doc):  # "Russian officials": the country, named by a demonym
        alpha2 = gaz.demonyms.get(ent.text) if ent.label_ == "NORP" else None
        country = gaz.country(alpha2) if alpha2 else None
        if country is not None:
            place = record(country.key, country, "named by a demonym", country.name)
            place.demonyms.append((ent.start_char, ent.end_char))
    places = list(by_key.values())
    for i, place in enumerate(places, start=1):
        place.id = f"P{i}"
    return places


#: Prepositions before a place: a known place name after one is a place whatever
#: label the model gave it ("arrested in Alexandria", PERSON).
_LOCATIVE = frozenset(
    ["in", "near", "at", "outside", "from", "to", "around", "across", "between", "into",
     "toward", "towards", "through", "via", "inside", "throughout", "over", "within", "along",
     "beyond"]
)  # fmt: skip
#: Words that make an organisation an office of the place it is named after ("the
#: Kharkiv regional administration", "Mansfield Police Department"), unlike a
#: newspaper or a firm ("the Washington Post").
_OFFICE_WORDS = frozenset(
    ["department", "police", "sheriff", "council", "county", "city", "district", "court",
     "administration", "office", "government", "authority", "board", "commission", "school",
     "schools", "fire", "assembly", "legislature", "senate", "parish", "township", "municipality",
     "governor", "mayor", "region", "regional", "province", "provincial", "state", "prosecutor",
     "hospital", "jail", "prison", "airport", "port", "university", "college", "agency",
     "service", "services", "bureau", "division", "center", "centre", "library", "museum",
     "chamber", "patrol", "highway", "transit", "utilities", "housing", "health", "parks",
     "commissioners", "trustees", "supervisors", "attorney", "clerk", "treasurer", "coroner"]
)  # fmt: skip


#: Nouns of a part or kind of place: a known place name after "<noun> of" is a
#: place ("the outskirts of Kherson", "the town of Sudzha", "the port of Odesa").
_AREA_NOUNS = frozenset(
    ["suburb", "suburbs", "outskirts", "outskirt", "city", "town", "village", "region",
     "province", "district", "port", "capital", "centre", "center", "heart", "streets",
     "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
     "edge", "part", "area", "county", "state", "municipality", "governorate", "oblast",
     "neighbourhood", "neighborhood", "hamlet", "settlement", "island", "coast", "border",
     "vicinity", "environs", "periphery", "downtown", "territory"]
)  # fmt: skip


def recognise_more(doc: Doc, gaz: Gazetteer) -> list[tuple[int, int, str, list[GeoEntry]]]:
    """Toponyms the model typed as a person or an organisation, or left untyped:
    a known place name after a locative preposition or before ", State"; the place
    an office is named after. Never a fragment of a longer capitalised name."""
    found: list[tuple[int, int, str, list[GeoEntry]]] = []
    typed = {(e.start, e.end): e for e in doc_ents(doc)}
    for ent in doc_ents(doc):
        if ent.label_ in ("ORG", "PERSON"):
            found += _office_place(ent, gaz)  # "Anderson County Sheriff Greg Taylor" too
        if ent.label_ not in ("PERSON", "ORG", "PRODUCT", "NORP", "WORK_OF_ART"):
            continue
        if _locative_slot(doc, ent.start, ent.end, gaz) and (parts := _coordinated(ent, gaz)):
            found += parts  # "between Fargo and Moorhead", typed as one organisation
            continue
        if ent.label_ == "NORP" and ent.text in gaz.demonyms:
            continue  # a demonym is kept apart (Place.demonyms)
        surface = normalize_surface(ent.text)
        strong = ent.label_ == "ORG" and any(
            c.kind in ("country", "admin1") and c.name == surface for c in gaz.lookup(surface)
        )  # "Minnesota" typed as a team or a body is still the state
        if ent.label_ == "ORG" and ent.text.isupper() and len(ent.text) <= 3 and not strong:
            continue  # an acronym: "UN peacekeepers" is no town called Un ("OMAHA" may be)
        if not (
            strong
            or _locative_slot(doc, ent.start, ent.end, gaz)
            or _place_modifier(ent)
            or _dateline(ent)
        ):
            continue
        cands = _candidates(surface, gaz)
        if cands:
            found.append((ent.start_char, ent.end_char, surface, cands))
    # untyped capitalised names in a locative slot: "in Moorhead", "Elbow Lake, Minn."
    toks = doc_tokens(doc)
    i = 0
    while i < len(toks):
        tok = toks[i]
        if tok.ent_type_ or not tok.text[:1].isupper() or (tok.is_sent_start and not tok.is_upper):
            i += 1
            continue
        j = i
        while j < len(toks) and j - i < 3 and toks[j].text[:1].isupper() and not toks[j].ent_type_:
            j += 1
        if (i, j) not in typed and (_locative_slot(doc, i, j, gaz) or _dateline(doc[i:j])):
            span = doc[i:j]
            cands = _candidates(span.text, gaz)
            if cands:
                found.append((span.start_char, span.end_char, span.text, cands))
        i = j
    return found


_JOINERS = frozenset(["and", "or", ",", "&"])


def _coordinated(ent: Span, gaz: Gazetteer) -> list[tuple[int, int, str, list[GeoEntry]]]:
    """Places the model joined into one name ("Fargo and Moorhead", "Kherson, Mykolaiv
    and Odesa"): each part, when every part is a capitalised name the gazetteer knows
    and the whole is no name of its own ("Bosnia and Herzegovina")."""
    if not any(t.lower_ in _JOINERS for t in ent) or gaz.lookup(normalize_surface(ent.text)):
        return []
    parts: list[list[Token]] = [[]]
    for tok in ent:
        if tok.lower_ in _JOINERS:
            parts.append([])
        else:
            parts[-1].append(tok)
    found: list[tuple[int, int, str, list[GeoEntry]]] = []
    for part in parts:
        if not part or not part[0].text[:1].isupper():
            return []
        span = ent.doc[part[0].i : part[-1].i + 1]
        cands = [_with_point(c) for c in gaz.lookup(span.text)]
        if not cands:
            return []  # "Marks and Spencer": a town of the name is not enough
        found.append((span.start_char, span.end_char, span.text, cands))
    return found  # two parts or more: a joining word and no empty part


def person_in_place_slot(ent: Span, gaz: Gazetteer) -> bool:
    """A one-word name the model called a person that stands where a place does
    and is a known place ("the outskirts of Kherson", "arrested in Alexandria"):
    the entities leave it to the places."""
    return (
        len(ent) == 1
        and ent.label_ == "PERSON"
        and _locative_slot(ent.doc, ent.start, ent.end, gaz)
        and bool(gaz.lookup(normalize_surface(ent.text)))
    )


def _locative_slot(doc: Doc, start: int, end: int, gaz: Gazetteer) -> bool:
    """After "in"/"near"/..., or followed by ", State" / ", Country"; and a whole
    name: the next token does not continue it with another capitalised word."""
    if end < len(doc) and doc[end].text[:1].isupper() and doc[end].is_alpha:
        return False  # "San" of "San Francisco"
    before = doc[start - 1].lower_ if start > 0 else ""
    if before in _LOCATIVE:
        return True
    if before == "of" and start > 1 and doc[start - 2].lemma_.lower() in _AREA_NOUNS:
        return True  # "the suburbs of Kherson", "the city of Bakhmut"
    if before in ("and", "or", ",") and start > 1:  # "from Fargo and Moorhead"
        prev = doc[start - 2]
        if prev.ent_type_ in _LABELS:
            return True
        holder = next((e for e in doc_ents(doc) if e.start <= prev.i < e.end), None)
        first = holder.start if holder is not None else prev.i
        if prev.text[:1].isupper() and _locative_slot(doc, first, start - 1, gaz):
            return True
    if end + 1 < len(doc) and doc[end].text == ",":
        return bool(_abbreviation_at(doc_text(doc), doc[end + 1].idx, gaz))
    return False


def _repeated(mentions: list[_Mention], doc: Doc) -> list[_Mention]:
    """Later bare uses of a name the article has already placed: one name, one
    place within a report ("flooding in Fargo ... Fargo tried to speed up the
    dikes", "in Fargo-Moorhead"), which the model often leaves untyped or calls an
    organisation. Only whole words that do not go on into a longer capitalised
    name ("The Alexandria Blizzard") and that the model did not call a person."""
    resolved: dict[str, _Mention] = {}
    for m in mentions:
        if m.chosen is not None and m.surface[:1].isupper() and len(m.surface) > 2:
            resolved.setdefault(m.surface, m)
    if not resolved:
        return []
    covered = [(m.start, m.end) for m in mentions]
    # words of the article's full personal names: "Alexandria" is no place where the
    # article names "Alexandria Ocasio-Cortez"
    named = {t.text for e in doc_ents(doc) if e.label_ == "PERSON" and len(e) > 1 for t in e}
    by_word: dict[str, list[str]] = {}
    for surface in resolved:
        by_word.setdefault(surface.split()[0], []).append(surface)
    found: list[_Mention] = []
    for tok in doc_tokens(doc):
        for surface in by_word.get(tok.text, ()):
            n = len(surface.split())
            span = doc[tok.i : tok.i + n] if tok.i + n <= len(doc) else None
            if span is None or span.text != surface:
                continue
            if any(s < span.end_char and span.start_char < e for s, e in covered):
                continue
            if not _bare_name(span, persons_too=surface not in named):
                continue
            src = resolved[surface]
            found.append(
                _Mention(span.start_char, span.end_char, surface, src.candidates, src.chosen,
                         f"same name as at {src.start}")
            )  # fmt: skip
            covered.append((span.start_char, span.end_char))
    return found


def _hyphenated(span: Span, ent: Span) -> bool:
    """Two places joined by a hyphen or a slash, written as one: "Fargo-Moorhead"."""
    doc = span.doc
    ends = (span.start - 1, span.end)
    return any(
        ent.start <= i < ent.end and doc[i].text in ("-", "/", "–") and not doc[i].whitespace_
        for i in ends
    ) and all(t.text[:1].isupper() or not t.is_alpha for t in ent)


def _bare_name(span: Span, persons_too: bool = False) -> bool:
    """Not part of a longer name, not a person. With ``persons_too``, a name the model
    called a person by itself ("Gainesville" alone, PERSON) is the place the article
    has already named: one name, one referent within a report."""
    doc = span.doc
    ent = next((e for e in doc_ents(doc) if e.start <= span.start < e.end), None)
    alone = ent is not None and (ent.start, ent.end) == (span.start, span.end)
    for t in span:
        if t.ent_type_ in ("WORK_OF_ART", "PRODUCT"):
            return False
        if t.ent_type_ == "PERSON" and not (persons_too and alone):
            return False
    if ent is not None and (ent.start != span.start or ent.end != span.end):
        outside = [t for t in ent if t.i < span.start or t.i >= span.end]
        if not _hyphenated(span, ent) and any(t.is_alpha for t in outside):
            return False  # "Fargo Public Schools", "Lake Alexandria"
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and _continues(after):
        return False
    before = doc[span.start - 1] if span.start > 0 else None
    if before is None or not _continues(before) or span[0].is_sent_start:
        return True
    # "Another Gainesville business": a word capitalised only because it opens the
    # sentence does not make a longer name
    return bool(before.is_sent_start) and before.pos_ != "PROPN"


def _whole_name(ent: Span, gaz: Gazetteer) -> Span | None:
    """The entity as a whole name, or None for a fragment: a name that goes on
    with more capitalised words is the longer name when the gazetteer knows it
    ("San" + "Francisco"), else no place; a one-word adjective is a modifier
    ("Western allies", "Northern forces")."""
    doc = ent.doc
    end = ent.end
    while end < len(doc) and end - ent.end < 2 and _continues(doc[end]):
        end += 1
    if end > ent.end:
        longer = doc[ent.start : end]
        if gaz.lookup(longer.text) or small_places(longer.text):
            return longer
        # "the Minnesota Legislature", "Fargo Police", "U.S. Sen.": the place an office
        # or a title is named after
        after = doc[ent.end].lower_
        return ent if after in _OFFICE_WORDS or after in _TITLE_WORDS else None
    start = ent.start
    if start > 0 and _continues(doc[start - 1]) and not doc[start - 1].is_sent_start:
        longer = doc[start - 1 : ent.end]
        if gaz.lookup(longer.text):
            return longer  # "North" + "Carolina"
        # "East Texas", "Northeast Georgia": a part of the place, which holds it; and a
        # function word capitalised where a quotation opens ("In Oakland, ...")
        before = doc[start - 1]
        return ent if before.lower_ in _PARTS or before.is_stop else None
    if (
        len(ent) == 1
        and (ent[0].pos_ == "ADJ" or ent[0].dep_ == "amod")
        and ent.text not in (gaz.demonyms)
    ):
        head = ent[0].head
        if head.i != ent[0].i and head.pos_ == "NOUN":
            return None
    return ent


#: Words after a place name that make it a title's or a body's ("U.S. Sen.", "Ohio
#: Gov.", "Russian Army" is a demonym and not here).
_TITLE_WORDS = frozenset(
    ["sen", "sens", "senator", "senators", "rep", "reps", "representative", "representatives",
     "gov", "congressman", "congresswoman", "delegate", "judge", "magistrate", "marshal",
     "marshals", "ambassador", "embassy", "consulate", "army", "navy", "guard", "troops",
     "forces", "military", "secretary", "minister", "ministry", "president", "premier",
     "lawmakers", "legislators", "officials", "authorities", "residents", "voters",
     "democratic", "democrats", "republican", "republicans", "party", "national",
     "association", "federation", "coalition", "league", "society", "union", "conference"]
)  # fmt: skip
#: Words before a place name that name a part of it ("East Texas", "Central Kentucky").
_PARTS = frozenset(
    ["north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
     "northern", "southern", "eastern", "western", "central", "upstate", "downstate",
     "downtown", "greater", "rural", "coastal"]
)  # fmt: skip


def _continues(tok: Token) -> bool:
    return tok.is_alpha and tok.text[:1].isupper() and tok.ent_type_ not in ("PERSON", "DATE")


#: Nouns a place name modifies when it says where people or bodies are from:
#: "an Alexandria man", "Alexandria police", "the Fargo area".
_OF_A_PLACE = frozenset(
    ["man", "woman", "men", "women", "resident", "residents", "native", "police", "officer",
     "officers", "area", "family", "families", "teen", "teenager", "boy", "girl", "couple",
     "firefighters", "detectives", "deputies", "jury", "school", "schools", "council", "mayor",
     "neighborhood", "neighbourhood", "suburb", "voters", "businesses", "homeowners", "students",
     "hospital", "church", "community", "native", "authorities", "officials"]
)  # fmt: skip


def _place_modifier(ent: Span) -> bool:
    """A name that modifies a noun of people or bodies of a place ("an Alexandria
    man", "Alexandria police"), which the model often calls a person."""
    last = ent[-1]
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    return (
        after is not None
        and after.lower_ in _OF_A_PLACE
        and (last.dep_ in ("compound", "nmod", "amod") or last.head.i == after.i)
    )


def _dateline(span: Span) -> bool:
    """A name in capitals that opens a paragraph and is followed by a dash or a
    comma: a dateline left in the text ("MANSFIELD —", "TORRINGTON, Conn.")."""
    doc = span.doc
    if not span.text.isupper() or len(span.text) < 3:
        return False
    start = span.start
    opens = start == 0 or "\n" in doc[start - 1].text_with_ws or doc[start - 1].text in (".", "\n")
    after = doc[span.end].text if span.end < len(doc) else ""
    return opens and after in ("—", "–", "-", "--", ",", "(")


def _office_place(ent: Span, gaz: Gazetteer) -> list[tuple[int, int, str, list[GeoEntry]]]:
    words = [t.lower_ for t in ent]
    if not any(w in _OFFICE_WORDS for w in words[1:]):
        return []
    first = 1 if ent[0].pos_ == "DET" else 0  # "The Mansfield Police Department"
    for n in (3, 2, 1):
        if first + n >= len(ent):
            continue
        head = ent[first : first + n]
        if head.text.lower() in _OFFICE_WORDS or not all(t.text[:1].isupper() for t in head):
            continue
        cands = _candidates(head.text, gaz)
        if cands:
            return [(head.start_char, head.end_char, head.text, cands)]
    return []


def _candidates(surface: str, gaz: Gazetteer) -> list[GeoEntry]:
    """Countries, areas, regions and towns of the gazetteer, then towns and
    villages of the small-places index (only a capitalised name, never a word
    of the stop list: "Western", "Metro")."""
    found = [_with_point(c) for c in gaz.lookup(surface)]
    if not surface[:1].isupper() or (surface in gaz.weak_names and not found):
        return found
    known = {c.key for c in found}
    return found + [c for c in small_places(surface) if c.key not in known]


def _dateline_place(
    dateline: str | None, anchors: list[GeoEntry], gaz: Gazetteer
) -> tuple[GeoEntry, str] | None:
    """The place of "DURBAN, South Africa" or "TORRINGTON, Conn.": the town inside
    the region or country written after it, else the one the body's places support."""
    if not dateline:
        return None
    name, _, within = (part.strip() for part in dateline.partition(","))
    name = name.title() if name.isupper() else name
    cands = _candidates(name, gaz)
    if not cands:
        return None
    holders = (
        [c for c in _candidates(within, gaz) if c.kind in ("country", "admin1")] if within else []
    )
    for holder in holders:
        inside = [c for c in cands if _holds(holder, c)]
        if inside:
            return max(inside, key=lambda c: c.population), f"dateline, inside {holder.name}"
    tally = _tally(anchors)
    best = max(cands, key=lambda c: (_score(c, anchors, tally), c.population))
    return best, "dateline"


def _place(entry: GeoEntry, why: str | None) -> Place:
    return Place(
        id="",
        name=entry.name,
        kind=entry.kind,
        country=entry.country,
        iso3166_2=entry.iso3166_2,
        geonameid=entry.geonameid,
        lat=entry.lat,
        lon=entry.lon,
        mentions=[],
        resolved_by=why,
    )


def _with_point(entry: GeoEntry) -> GeoEntry:
    """A US county gets its point from the small-places index."""
    if entry.lat is not None or entry.kind != "other" or entry.admin1 is None:
        return entry
    point = county_point(entry.admin1, entry.name)
    return entry if point is None else replace(entry, lat=point[0], lon=point[1])


def _prefer_named_regions(mentions: list[_Mention], gaz: Gazetteer) -> None:
    """ "Kursk" beside "the Kursk region": the bare name is the region too."""
    regions: dict[str, GeoEntry] = {}
    for m in mentions:
        if m.candidates and m.candidates[0].kind == "admin1":
            base = gaz.admin1_base.get(m.candidates[0].key)
            if base:
                regions[base] = m.candidates[0]
    for m in mentions:
        if m.surface in regions and m.candidates and m.candidates[0].kind == "city":
            m.candidates = [regions[m.surface]]
