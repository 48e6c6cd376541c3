"""Merging drafts that tell one event twice: a trip and its purpose, conjoined
verbs, a light verb and its event noun, a partyless repeat, the headline
restating the body.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Token

from ...model import Article, Event
from .words import _TRIP_VERBS


def _headline_spans(article: Article) -> list[tuple[int, int]]:
    """Title, deck and caption as they appear in the text: they restate the body."""
    spans = []
    for piece in (article.title, article.subtitle, article.caption):
        if piece:
            at = article.text.find(piece)
            if at >= 0:
                spans.append((at, at + len(piece)))
    return spans


@dataclass
class _Draft:
    """An event before ids are fixed, with the tokens that merging needs."""

    event: Event
    tok: Token
    verb: Token
    own_time: bool = False  # the date is in the event's own clause


def _drop_partyless_repeats(drafts: list[_Draft]) -> list[_Draft]:
    """An event with no party named beside one of the same type with parties in the
    same sentence ("during the offensive operations the Russian army liberated
    ..."), or named as "the attack" after an attack was told: the same event,
    said twice. The first telling, or the one with parties, stays."""
    with_parties = {
        (d.event.type, d.event.sentence) for d in drafts if d.event.actors or d.event.recipients
    }
    kept: list[_Draft] = []
    seen_types: set[str] = set()
    for d in drafts:
        partyless = not d.event.actors and not d.event.recipients
        if partyless and (d.event.type, d.event.sentence) in with_parties:
            continue
        if partyless and d.event.type in seen_types and _definite_noun(d.tok):
            continue  # "The attack happened at night": the attack told before
        seen_types.add(d.event.type)
        kept.append(d)
    return kept


def _definite_noun(tok: Token) -> bool:
    return tok.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "its", "their")
        for c in tok.children
    )


def _merge_purpose(drafts: list[_Draft]) -> list[_Draft]:
    """ "travels to Moscow, where he plans to meet Putin" is one visit to Putin.

    A trip (CONSULT/visit on a motion verb) and a meeting in the trip's own
    subtree by the same actor become one event: the trip's place, the meeting's
    partner, status and date.
    """
    dropped: set[int] = set()
    by_token = sorted(((d.tok.i, n) for n, d in enumerate(drafts)))
    positions = [i for i, _ in by_token]
    for trip in drafts:
        if trip.event.mode != "visit" or trip.tok.lemma_ not in _TRIP_VERBS:
            continue
        inside = {t.i for t in trip.tok.subtree}
        # only the drafts whose trigger lies in the trip's stretch of tokens
        lo = bisect.bisect_left(positions, trip.tok.left_edge.i)
        hi = bisect.bisect_right(positions, trip.tok.right_edge.i)
        for _, n in by_token[lo:hi]:
            meet = drafts[n]
            if meet is trip or id(meet) in dropped or meet.event.type != "CONSULT":
                continue
            if meet.tok.i not in inside or not set(meet.event.actors) <= set(trip.event.actors):
                continue
            trip.event.recipients = meet.event.recipients or trip.event.recipients
            trip.event.status = meet.event.status
            trip.event.status_rule = f"purpose: {meet.event.status_rule}"  # type: ignore[attr-defined]
            trip.event.time = meet.event.time or trip.event.time
            dropped.add(id(meet))
    return [d for d in drafts if id(d) not in dropped]


def _merge_conjoined(drafts: list[_Draft]) -> list[_Draft]:
    """ "increase pressure on Kursk and recapture territory from Ukraine": one
    assault, when conjoined verbs share type and actors."""
    kept: list[_Draft] = []
    by_sentence: dict[tuple[int, int], list[_Draft]] = {}
    for d in drafts:
        twin = next(
            (
                k
                for k in by_sentence.get(d.event.sentence, [])
                if k.event.type == d.event.type
                and k.event.actors == d.event.actors
                and k.event.sentence == d.event.sentence
                and (d.verb.i in {c.i for c in k.verb.conjuncts})
            ),
            None,
        )
        if twin is None:
            kept.append(d)
            by_sentence.setdefault(d.event.sentence, []).append(d)
            continue
        ev = twin.event
        ev.recipients += [r for r in d.event.recipients if r not in ev.recipients]
        ev.place = ev.place or d.event.place
        ev.time = ev.time or d.event.time
    return kept


def _merge_light_verb(drafts: list[_Draft]) -> list[_Draft]:
    """ "launched an attack on Hezbollah", "Israeli drones hit a car": the verb and
    its object or subject noun tell one attack when both are coded with the same
    type; the verb's record stays, with the noun's parties added."""
    by_trigger = {d.tok.i: d for d in drafts}
    dropped: set[int] = set()
    for d in drafts:
        if d.tok.pos_ not in ("NOUN", "PROPN") or d.tok.dep_ not in ("dobj", "nsubj"):
            continue
        verb = by_trigger.get(d.tok.head.i)
        if verb is None or verb is d or verb.event.type != d.event.type:
            continue
        ev = verb.event
        ev.actors += [a for a in d.event.actors if a not in ev.actors]
        ev.recipients += [
            r for r in d.event.recipients if r not in ev.recipients and r not in ev.actors
        ]
        ev.place = ev.place or d.event.place
        ev.time = ev.time or d.event.time
        ev.mode = ev.mode or d.event.mode  # "strikes killed five": the strikes say how
        dropped.add(id(d))
    return [d for d in drafts if id(d) not in dropped]


def _drop_headline_repeats(drafts: list[_Draft], headlines: list[tuple[int, int]]) -> list[_Draft]:
    def in_headline(d: _Draft) -> bool:
        return any(a <= d.event.trigger[0] < b for a, b in headlines)

    body = [d for d in drafts if not in_headline(d)]
    kept = []
    for d in drafts:
        if in_headline(d):
            parties = set(d.event.actors) | set(d.event.recipients)
            if any(
                b.event.type == d.event.type
                and parties & (set(b.event.actors) | set(b.event.recipients))
                for b in body
            ):
                continue
        kept.append(d)
    return kept
