"""PLOVER events from the dependency parse: trigger, actors, recipients, status, source.

A trigger is a verb or event noun in the lexicon (``data/event_lexicon.tsv``);
a phrase entry ("call on", "impose sanction") wins over the bare verb. Actors
and recipients come from the parse (subject, object, "with"/"against"/"on"
objects, passive agents, coordination), mapped to the article's entities;
a capital or country named as an actor stands for its country ("Moscow").
Status and source are read off the words that govern the trigger: modals,
negation, planning verbs, conditionals, and the speech verb or "according to"
that reports it.

The rules live in the modules of this package, one concern each: ``words``,
``triggers``, ``syntax``, ``arguments``, ``status``, ``attribution``,
``place_time`` and ``merging``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ...budget import check as check_budget
from ...model import Analysis, Article, Entity, Event, Time
from ..senses import other_sense
from ..text import doc_tokens, sentence_of, trimmed
from .arguments import (
    ActorIndex,
    _happened_unattributed,
    _noun_arguments,
    _verb_arguments,
    deployed_to_no_one,
)
from .attribution import _source
from .merging import (
    _Draft,
    _drop_headline_repeats,
    _drop_partyless_repeats,
    _headline_spans,
    _merge_conjoined,
    _merge_light_verb,
    _merge_purpose,
)
from .place_time import (
    _anchor_in_time,
    _date_from_sentence,
    _locate,
    _only_as_party,
    _place_of,
    event_dates,
)
from .status import _object_mood, _status
from .syntax import _clause_verb, _gerund_subject, _Ranges
from .triggers import _match, trigger_span
from .words import _LOCAL_TYPES, _VERBAL

#: Crowds whose violence PLOVER codes as a protest (mode riot), not an assault.
_CROWD_NOUNS = frozenset(["rioter", "protester", "protestor", "demonstrator", "marcher"])


def _crowd(entity: Entity) -> bool:
    words = entity.name.lower().split()
    return (
        entity.kind == "group"
        and bool(words)
        and words[-1].rstrip("s") in _CROWD_NOUNS  # "Rioters", "hundreds of protesters"
    )


#: Sectors that speak for a state: its objections are diplomatic, not street protest.
_STATE_SECTORS = frozenset(["GOV", "IGO", "LEG", "JUD"])


def _state(entity: Entity) -> bool:
    return (
        entity.kind == "country"
        or (entity.kind != "person" and (entity.sector or "") in _STATE_SECTORS)
        or (entity.kind == "person" and (entity.sector or "") == "GOV")
    )


def extract_events(article: Article, doc: Doc, analysis: Analysis) -> list[Event]:
    """Events of the article; needs the entities, places and times already extracted."""
    return _extract_events(article, doc, analysis)


def _extract_events(article: Article, doc: Doc, analysis: Analysis) -> list[Event]:
    index = ActorIndex(analysis)
    skip = [s.span for s in article.subheadings]
    drafts: list[_Draft] = []
    seen: set[tuple[str, tuple[str, ...], tuple[str, ...], int]] = set()
    dated = event_dates(index.time_at)
    skipped = _Ranges(skip)
    for tok in doc_tokens(doc):
        if skipped.holds(tok.idx):
            continue
        entry = _match(tok)
        if entry is None:
            continue
        check_budget()
        sent: Span = sentence_of(tok)
        gerund = _gerund_subject(tok)
        is_noun = tok.pos_ in ("NOUN", "PROPN") or gerund
        verb = tok.head if gerund else _clause_verb(tok) if is_noun else tok
        if is_noun:
            actors, recipients = _noun_arguments(tok, verb, index)
        else:
            actors, recipients = _verb_arguments(tok, index, " to " in entry.rule)
        recipients = [r for r in recipients if r not in actors]
        if not actors and (is_noun or not recipients) and not _happened_unattributed(tok, entry):
            continue
        if is_noun and entry.type == "CONSULT" and len(actors) + len(recipients) < 2:
            continue  # a meeting noun with one party is not yet a meeting between anyone
        who = [index.by_id[i] for i in actors if i in index.by_id]
        parties = who + [index.by_id[i] for i in recipients if i in index.by_id]
        if other_sense(entry.type, tok, verb, sent, who, parties):
            continue  # a disaster, an accident, a crime or a match
        status, why = _status(verb)
        if is_noun and status == "asserted":
            status, why = _object_mood(tok, verb) or (status, why)
        if not actors and not recipients and status not in ("asserted", "possible"):
            continue  # an attack no one is named for counts when it happened, not when aimed at
        source = _source(verb, index)
        if source is not None and source.id in actors and entry.type in _VERBAL:
            source = None  # saying it is doing it: "we hope to get a ceasefire"
        place = _place_of(tok, verb, sent, index)
        # "New Delhi would not discuss ...": the capital acts, it is no venue; but a
        # city attacked or occupied is where it happens ("Rebels attacked Moscow")
        as_party = [*actors, *recipients] if entry.type not in _LOCAL_TYPES else actors
        if place is not None and _only_as_party(place, as_party, sent, index):
            place = None
        time = index.first_time(dated, verb)
        etype, mode = entry.type, entry.mode
        if etype in ("ASSAULT", "COERCE") and who and all(_crowd(e) for e in who):
            etype, mode = "PROTEST", "riot"  # "rioters clashed with police": a violent protest
        if etype == "PROTEST" and tok.lemma_.lower() == "protest" and who and all(map(_state, who)):
            etype, mode = "ACCUSE", "disapprove"  # "Vietnam protested to China": a state objects
        if etype == "AID" and not is_noun and deployed_to_no_one(verb, index):
            etype, mode, recipients = "MOBILIZE", "troops", []
        key = (etype, tuple(actors), tuple(recipients), sent.start)
        if key in seen:
            continue
        seen.add(key)
        index.recent = [*actors, *recipients]
        # 0.4 to 0.9: what is known of the event, not a probability
        confidence = 0.4 + 0.2 * bool(actors) + 0.2 * bool(recipients) + 0.1 * (not is_noun)
        event = Event(
            id="",
            type=etype,
            mode=mode,
            actors=actors,
            recipients=recipients,
            place=place.id if place else None,
            time=time.id if isinstance(time, Time) else None,
            status=status,
            source=source.id if source else None,
            trigger=trigger_span(tok),
            sentence=trimmed(doc, sent.start_char, sent.end_char),
            confidence=round(confidence, 2),
            rule=entry.rule,
            status_rule=why,
        )
        drafts.append(_Draft(event, tok, verb, own_time=time is not None))
    _date_from_sentence(drafts, doc, dated)
    drafts = _merge_purpose(drafts)
    drafts = _merge_conjoined(drafts)
    drafts = _merge_light_verb(drafts)
    drafts = _drop_partyless_repeats(drafts)
    drafts = _drop_headline_repeats(drafts, _headline_spans(article))
    _locate(drafts, article, analysis)
    _anchor_in_time(drafts, article, analysis.times)
    events = []
    for i, d in enumerate(drafts, start=1):
        d.event.id = f"V{i}"
        events.append(d.event)
    return events
