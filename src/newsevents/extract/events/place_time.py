"""Where and when: the place in the event's own clause or its sentence (never
an attribution's), how precise it is, and the date of the clause or sentence.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Literal

from spacy.tokens import Doc, Span, Token

from ...model import Analysis, Article, Place, Time
from ..text import doc_tokens, sentence_of, span_tokens
from .arguments import ActorIndex
from .merging import _Draft
from .syntax import _clause_time, _clause_verb, _told_in_past
from .words import _LOCAL_TYPES, _PLACE_PREPS


def _only_as_party(place: Place, parties: list[str], sent: Span, index: ActorIndex) -> bool:
    """Every mention of the place in the sentence is a party's mention (metonymy)."""
    return index.only_as_party(place, parties, sent)


def _place_of(tok: Token, verb: Token, sent: Span, index: ActorIndex) -> Place | None:
    """The place named in the event's own clause, else the only place of the sentence."""
    heads = [tok, verb]
    heads += [c for c in verb.children if c.dep_ in ("dobj", "agent")]
    heads += [o for h in list(heads) if h.dep_ == "agent" for o in h.children if o.dep_ == "pobj"]
    # a place as the object is where it happens: "visited Kursk", "shelled Kharkiv"
    candidates = [c for c in verb.children if c.dep_ == "dobj"] + [
        o
        for head in heads
        for p in head.children
        if p.dep_ == "prep" and p.lower_ in _PLACE_PREPS | {"on"}
        for o in p.children
        if o.dep_ == "pobj"
    ]
    # "on the sidelines of the summit in Kazan", "shelled the outskirts of Kherson":
    # follow of/in chains two levels down
    for _ in range(2):
        candidates += [
            o
            for c in list(candidates)
            for p in c.children
            if p.dep_ == "prep" and p.lower_ in ("of", "in", "at", "near")
            for o in p.children
            if o.dep_ == "pobj" and o not in candidates
        ]
    tokens = [t for c in candidates for t in (c, *(m for m in c.lefts if m.dep_ == "compound"))]
    places = [
        index.place_at[t.idx]
        for t in tokens
        if t.idx in index.place_at and not _owner_country(t, index)
    ]
    # a mapped place (city, region, country) before a name we could not place ("BRICS")
    ranked = sorted(places, key=lambda p: p.kind == "other")
    if ranked:
        return ranked[0]
    # else the one place the sentence locates something in ("... in Geneva"), never
    # a place named for another reason ("Russia's orbit", "Europe is our choice")
    located = index.located(sent)
    if len({index.place_at[t.idx].id for t in located}) == 1:
        return index.place_at[located[0].idx]
    return None


def _owner_country(tok: Token, index: ActorIndex) -> bool:
    """A country after "of" on the object owns it, it does not place the act:
    "attacked the forces of Ukraine", "met the president of France" (but "the
    outskirts of Kherson" is where the shelling was)."""
    prep = tok.head
    return (
        tok.dep_ == "pobj"
        and prep.lower_ == "of"
        and prep.head.dep_ == "dobj"
        and index.place_at[tok.idx].kind == "country"
    )


def event_dates(time_at: Mapping[int, Time]) -> dict[int, Time]:
    """Character offset -> date, for the dates that can date an event: a calendar
    value, not a TIMEX3 reference ("currently", "recently"): an event said to
    happen "currently" is dated by its article, not by the word."""
    return {
        k: v
        for k, v in time_at.items()
        if v.kind == "date" and v.value and not v.value.endswith("_REF")
    }


def _sentence_date(
    sent: Span, dated: Mapping[int, Time], claimed: frozenset[str] = frozenset()
) -> Time | None:
    """The first date of the sentence that no other event's clause holds."""
    for t in span_tokens(sent):
        found = dated.get(t.idx)
        if found is not None and found.id not in claimed:
            return found
    return None


def _date_from_sentence(drafts: list[_Draft], doc: Doc, dated: Mapping[int, Time]) -> None:
    """An event with no date in its own clause takes one from its sentence, but
    never one that another event's clause holds ("the second time Putin meets
    the envoy, since they met on February 11": February 11 is the first meeting's)."""
    claimed = frozenset(d.event.time for d in drafts if d.own_time and d.event.time)
    for d in drafts:
        if d.event.time is not None:
            continue
        found = _sentence_date(sentence_of(doc_tokens(doc)[d.tok.i]), dated, claimed)
        if found is not None:
            d.event.time = found.id


def precision_of(value: str | None) -> Literal["day", "week", "month", "year"] | None:
    """ "2025-03-13" day, "2025-W11" week, "2025-03" month, "2025" year; a weekend
    is within its week; a season, quarter or half is within its year (the finest
    grain that holds it). A decade or a century has none."""
    if value is None:
        return None
    if re.fullmatch(r"\d{4}-\d\d-\d\d.*", value):
        return "day"
    if re.fullmatch(r"\d{4}-W\d\d(?:-WE)?", value):
        return "week"
    if re.fullmatch(r"\d{4}-(?:SP|SU|FA|WI|Q[1-4]|H[12])", value):
        return "year"
    if re.fullmatch(r"\d{4}-\d\d", value):
        return "month"
    if re.fullmatch(r"\d{4}", value):
        return "year"
    return None


def _anchor_in_time(drafts: list[_Draft], article: Article, times: list[Time]) -> None:
    """Every event gets a time and says where it came from: its clause, its
    sentence (set before), else, for a verb in a past tense, the last date its
    paragraph told before it, else the day of the wire dateline, else the
    publication date."""
    dated = _calendar_dates(times)
    by_id = {t.id: t for t in times}
    for d in drafts:
        ev = d.event
        if ev.time is not None:
            ev.time_from = "clause" if d.own_time else "sentence"
        else:
            told = _told_before(article.text, dated, ev.trigger[0], ev.sentence[0])
            if told is not None and _told_in_past(d.verb):
                ev.time, ev.time_from = told.id, "narrative"
            elif article.dateline_date:  # the day the story reports from
                ev.time_from = "dateline"
                ev.time_value = article.dateline_date
            elif article.published:
                ev.time_from = "published"
                ev.time_value = article.published
        if ev.time is not None:
            ev.time_value = by_id[ev.time].value
        ev.time_precision = precision_of(ev.time_value)


def _told_before(text: str, dated: list[Time], start: int, sentence_start: int) -> Time | None:
    """The last date the paragraph told before the sentence at ``start``."""
    para = text.rfind("\n\n", 0, start) + 1
    told = [t for t in dated if para <= t.span[0] < sentence_start]
    return told[-1] if told else None


def _calendar_dates(times: list[Time]) -> list[Time]:
    """Dates with a calendar value, in text order ("currently" is none)."""
    return sorted(
        (t for t in times if t.kind == "date" and precision_of(t.value) is not None),
        key=lambda t: t.span[0],
    )


def time_of_mention(tok: Token, article: Article, times: list[Time]) -> tuple[str | None, str]:
    """The time and its origin (clause, sentence, narrative, dateline, published)
    that the events' cascade gives any word naming an event, coded or not: the
    evaluation scores the cascade on every gold event mention with it. It leaves
    out one step of ``extract_events``: a date another event's clause holds is
    not set aside, since only coded events claim dates."""
    at = event_dates({i: t for t in times for i in range(t.span[0], t.span[1])})
    verb = _clause_verb(tok)
    sent = sentence_of(tok)
    found = _clause_time(at, verb)
    origin = "clause"
    if found is None:
        found = _sentence_date(sent, at)
        origin = "sentence"
    if found is None and _told_in_past(verb):
        found = _told_before(article.text, _calendar_dates(times), tok.idx, sent.start_char)
        origin = "narrative"
    if found is not None:
        return found.value, origin
    if article.dateline_date:
        return article.dateline_date, "dateline"
    return article.published, "published"


#: The last word of a second-level division's name (US counties and parishes).
_ADMIN2_WORDS = (" County", " Parish", " Borough", " Census Area")

_PRECISION: dict[str, Literal["exact", "region", "country"]] = {
    "city": "exact",
    "other": "exact",
    "admin1": "region",
    "country": "country",
}


def _locate(drafts: list[_Draft], article: Article, analysis: Analysis) -> None:
    """How precisely each event is placed. An event whose text names no place takes
    the dateline's, when the dateline is a place the article also names: agency
    notes put where it happened there ("MAIDUGURI - Gunmen killed ...")."""
    places = {p.id: p for p in analysis.places}
    home = next((p for p in analysis.places if p.in_dateline), None)
    if home is None and article.dateline:
        wanted = article.dateline.strip().lower()
        home = next((p for p in analysis.places if p.name.lower() == wanted), None)
    for d in drafts:
        place = places.get(d.event.place or "")
        if place is not None:
            d.event.geo_precision = _PRECISION.get(place.kind, "exact")
            if place.kind == "other" and place.iso3166_2 and place.name.endswith(_ADMIN2_WORDS):
                d.event.geo_precision = "admin2"  # "in Laurel County"
        elif home is not None and d.event.type in _LOCAL_TYPES:
            d.event.place = home.id
            d.event.geo_precision = "dateline"
