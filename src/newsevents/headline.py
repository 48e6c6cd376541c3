"""The title, analysed as part of the article.

A headline often reports the event the whole article is about in words the
body never repeats ("Rebels seize border town", then a body about the fighting
around it). Every record of the contract points into ``article.text``, and the
title is not in it; so the title is parsed apart, and what it reports is
merged into the analysis without bending that rule:

* an event the body reports too (same type, a party in common) stays the
  body's and is marked ``in_title``;
* an event only the title reports goes to ``title_events``, its spans offsets
  into ``article.title``;
* an actor or place only the title names is added with no mentions in the text
  and its ``title_mentions``; one the body names too is the body's record.

Pure: the same article, Doc and title Doc give the same analysis.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from .extract.events.words import SPEECH_VERBS
from .model import Analysis, Article, Entity, Event, Place


def add_title(
    analysis: Analysis,
    article: Article,
    title_doc: Doc,
    run: Callable[[Article, Doc], Analysis],
) -> None:
    """Merge what ``article.title`` reports into ``analysis`` (see the module's
    docstring). ``run`` is the extractors' pass over one article and its Doc."""
    if not article.title or not article.title.strip() or title_doc.text != article.title:
        return
    headline = article.model_copy(update={"text": article.title, "title": None})
    found = run(headline, title_doc)
    entity_ids = {e.id: _same_entity(e, analysis) for e in found.entities}
    place_ids = {p.id: _same_place(p, analysis) for p in found.places}
    by_time = {t.id: t for t in found.times}

    def entity(tid: str) -> str:
        return entity_ids.get(tid) or tid

    for event in found.events:
        parties = {entity(x) for x in (*event.actors, *event.recipients)}
        twin = _body_twin(event.type, parties, analysis.events)
        if twin is not None:
            twin.in_title = True
            continue
        for used in (*event.actors, *event.recipients, *([event.source] if event.source else [])):
            if entity_ids.get(used) is None:
                entity_ids[used] = _add_entity(found, used, analysis)
        if event.place is not None and place_ids.get(event.place) is None:
            place_ids[event.place] = _add_place(found, event.place, analysis)
        value = by_time[event.time].value if event.time in by_time else event.time_value
        status = {}
        if event.status == "asserted" and _headline_future(title_doc, event.trigger):
            status = {"status": "planned", "status_rule": "headline 'to' infinitive"}
        analysis.title_events.append(
            event.model_copy(
                update=status
                | {
                    "id": f"H{len(analysis.title_events) + 1}",
                    "actors": [entity(x) for x in event.actors],
                    "recipients": [entity(x) for x in event.recipients],
                    "source": entity(event.source) if event.source else None,
                    "place": place_ids.get(event.place) if event.place else None,
                    "time": None,  # a time record is a span of the text
                    "time_value": value,
                }
            )
        )


def _headline_future(title_doc: Doc, trigger: tuple[int, int]) -> bool:
    """Headline grammar: "Serbia and Kosovo leaders to meet in Brussels" is what
    will happen (an infinitive with no verb over it), not what did."""
    span = title_doc.char_span(trigger[0], trigger[1], alignment_mode="expand")
    if span is None:
        return False
    verb = span.root
    if verb.pos_ not in ("VERB", "AUX") or not any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
    ):
        return False
    top = verb  # "EU says Serbia and Kosovo leaders to meet": through a speech verb
    while top.dep_ == "ccomp" and top.head.lemma_.lower() in SPEECH_VERBS:
        top = top.head
    return top.dep_ == "ROOT"


def _body_twin(etype: str, parties: set[str], events: list[Event]) -> Event | None:
    """The body's event of the same type with a party in common; a title event
    with no party is the body's first of its type."""
    for ev in events:
        if ev.type != etype:
            continue
        if not parties or parties & {*ev.actors, *ev.recipients}:
            return ev
    return None


def _same_entity(title: Entity, analysis: Analysis) -> str | None:
    """The body's record of an actor the title names: same name, the surname of a
    person the body names in full ("Putin"), or the same country."""
    name = title.name.lower()
    for e in analysis.entities:
        if e.name.lower() == name:
            return e.id
        if title.kind == "country" and e.kind == "country" and title.country == e.country:
            return e.id
        if (
            title.kind == "person"
            and e.kind == "person"
            and " " not in name
            and e.name.lower().split()[-1] == name
        ):
            return e.id
    return None


def _same_place(title: Place, analysis: Analysis) -> str | None:
    for p in analysis.places:
        if title.geonameid is not None and p.geonameid == title.geonameid:
            return p.id
        if p.name.lower() == title.name.lower() and p.country == title.country:
            return p.id
    return None


def _add_entity(found: Analysis, tid: str, analysis: Analysis) -> str:
    record = next(e for e in found.entities if e.id == tid)
    new_id = _next_id("E", [e.id for e in analysis.entities])
    analysis.entities.append(record.model_copy(update=_title_only(new_id, record.mentions)))
    return new_id


def _add_place(found: Analysis, tid: str, analysis: Analysis) -> str:
    record = next(p for p in found.places if p.id == tid)
    new_id = _next_id("P", [p.id for p in analysis.places])
    update = _title_only(new_id, record.mentions) | {"demonyms": []}
    analysis.places.append(record.model_copy(update=update))
    return new_id


def _title_only(new_id: str, title_spans: list[tuple[int, int]]) -> dict[str, object]:
    """A record named only by the title: no mention in the text, its spans kept
    as ``title_mentions``."""
    return {"id": new_id, "mentions": [], "title_mentions": list(title_spans)}


def _next_id(prefix: str, taken: list[str]) -> str:
    numbers = [int(i[len(prefix) :]) for i in taken if i[len(prefix) :].isdigit()]
    return f"{prefix}{max(numbers, default=0) + 1}"
