"""PLOVER events from the dependency parse: trigger, actors, recipients, status, source.

A trigger is a verb or event noun in the lexicon (``data/event_lexicon.tsv``);
a phrase entry ("call on", "impose sanction") wins over the bare verb. Actors
and recipients come from the parse (subject, object, "with"/"against"/"on"
objects, passive agents, coordination), mapped to the article's entities;
a capital or country named as an actor stands for its country ("Moscow").
Status and source are read off the words that govern the trigger: modals,
negation, planning verbs, conditionals, and the speech verb or "according to"
that reports it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from ..gazetteer import load_gazetteer, read_table
from ..model import Analysis, Article, Entity, Event, Place, Status, Time

_SPEECH = frozenset(
    [
        "say",
        "tell",
        "claim",
        "report",
        "announce",
        "state",
        "explain",
        "add",
        "warn",
        "stress",
        "insist",
        "note",
        "confirm",
        "reveal",
        "allege",
        "assert",
        "declare",
        "write",
        "believe",
        "think",
    ]
)
_PLAN = frozenset(["plan", "intend", "schedule", "aim", "prepare", "expect", "set"])
_HYPOTHETICAL_MODALS = frozenset(["could", "would", "should"])
_POSSIBLE_MODALS = frozenset(["may", "might"])
_HYPOTHETICAL_VERBS = frozenset(["consider", "contemplate", "weigh"])
_REQUEST_VERBS = frozenset(["urge", "ask", "demand", "call", "request"])
_NEGATING_VERBS = frozenset(["refuse", "fail", "decline"])
#: "is willing to withdraw", "ready to talk": a stated readiness, not an act.
_WILLING = frozenset(["willing", "ready", "prepared", "prepare", "eager", "open"])
_LIGHT_VERBS = frozenset(
    [
        "hold",
        "launch",
        "conduct",
        "carry",
        "stage",
        "begin",
        "start",
        "increase",
        "make",
        "pay",
        "continue",
        "resume",
        "tighten",
        "impose",
        "declare",
        "announce",
        "order",
        "extend",
        "intensify",
        "escalate",
        "renew",
        "sign",
        "reach",
        "issue",
        "lodge",
        "mount",
        "undertake",
        "complete",
    ]
)
_RECIPIENT_PREPS = frozenset(["with", "against", "on", "to", "from", "at", "into"])
_BACKGROUND = frozenset(["when", "since", "after", "before", "while", "once"])
_PLACE_PREPS = frozenset(
    ["in", "at", "to", "into", "near", "outside", "inside", "across", "over", "toward", "towards"]
)


@dataclass(frozen=True)
class _Entry:
    type: str
    mode: str | None
    rule: str


@cache
def _lexicon() -> dict[tuple[str, str], _Entry]:
    table: dict[tuple[str, str], _Entry] = {}
    for row in read_table("event_lexicon.tsv"):
        trigger, pos, etype, mode = (row + [""] * 4)[:4]
        table[(trigger, pos)] = _Entry(etype, mode or None, f"lexicon:{trigger}/{pos}")
    return table


def _match(tok: Token) -> _Entry | None:
    lex = _lexicon()
    lemma = tok.lemma_.lower()
    if tok.pos_ in ("VERB", "AUX") or (
        tok.pos_ == "NOUN" and tok.dep_ == "ROOT" and tok.tag_.startswith("VB")
    ):
        children = list(tok.children)
        for child in children:
            if child.dep_ in ("prt", "prep", "dobj", "agent"):
                phrase = f"{lemma} {child.lemma_.lower()}"
                if (phrase, "verb") in lex:
                    return lex[(phrase, "verb")]
                for grand in child.children:
                    phrase3 = f"{lemma} {grand.lemma_.lower()} {child.lemma_.lower()}"
                    if (phrase3, "verb") in lex:
                        return lex[(phrase3, "verb")]
            if child.dep_ == "xcomp" and any(o.dep_ == "dobj" for o in child.children):
                phrase = f"{lemma} to {child.lemma_.lower()}"
                if (phrase, "verb") in lex:
                    return lex[(phrase, "verb")]
        return lex.get((lemma, "verb"))
    if tok.pos_ in ("NOUN", "PROPN"):
        for mod in (c for c in tok.lefts if c.dep_ in ("compound", "amod")):
            phrase = f"{mod.lemma_.lower()} {lemma}"
            if (phrase, "noun") in lex:  # "hunger strike", "war games"
                return lex[(phrase, "noun")]
        for key in (tok.lower_, lemma):
            if (key, "noun") in lex:
                return lex[(key, "noun")]
    return None


class _Index:
    """Character offsets to entity and place ids."""

    def __init__(self, analysis: Analysis) -> None:
        self.entity_at: dict[int, Entity] = {}
        for ent in analysis.entities:
            for start, end in ent.mentions:
                for i in range(start, end):
                    self.entity_at.setdefault(i, ent)
        self.place_at: dict[int, Place] = {}
        for place in analysis.places:
            for start, end in place.mentions:
                for i in range(start, end):
                    self.place_at[i] = place
        self.countries = {e.country: e for e in analysis.entities if e.kind == "country"}
        self.time_at: dict[int, Time] = {}
        for t in analysis.times:
            for i in range(t.span[0], t.span[1]):
                self.time_at[i] = t
        self.persons = [e for e in analysis.entities if e.kind == "person"]
        self.analysis = analysis

    def entity(self, tok: Token) -> Entity | None:
        """The actor a token names: entity, else a place standing for its country."""
        found = self.entity_at.get(tok.idx)
        if found is not None:
            return found
        if tok.pos_ == "PRON" and tok.lower_ in ("he", "she", "him", "her"):
            before = [(s, e) for e in self.persons for s, _ in e.mentions if s < tok.idx]
            if before:
                return max(before, key=lambda pair: pair[0])[1]
            return None
        if tok.pos_ == "PRON" and tok.lower_ in ("it", "they"):
            groups = [
                (s, e)
                for e in self.analysis.entities
                if e.kind != "person"
                for s, _ in e.mentions
                if tok.sent.start_char <= s < tok.idx
            ]
            return max(groups, key=lambda pair: pair[0])[1] if groups else None
        place = self.place_at.get(tok.idx)
        if place is not None and place.country and (place.kind == "country" or _is_capital(place)):
            from .entities import alpha3

            return self.countries.get(alpha3(place.country))
        return None


def _is_capital(place: Place) -> bool:
    gaz = load_gazetteer()
    entry = gaz.entries.get(f"city:{place.geonameid}") if place.geonameid else None
    return bool(entry and entry.capital)


def _expand(tok: Token) -> list[Token]:
    """A head and its coordinated heads ("the US and Ukraine")."""
    return [tok, *tok.conjuncts]


def _actors(tokens: Iterable[Token], index: _Index) -> list[str]:
    """Entities named by argument heads: the head itself, else its apposition
    ("Trump's envoy, Steve Witkoff"), else its modifiers ("Ukrainian delegations")."""
    ids: list[str] = []
    for tok in tokens:
        for t in _expand(tok):
            candidates = [t]
            if index.entity(t) is None:
                appos = [c for c in t.children if c.dep_ == "appos"]
                mods = [c for c in t.children if c.dep_ in ("amod", "compound", "poss", "nmod")]
                candidates = appos if any(index.entity(a) for a in appos) else mods
                candidates = [x for c in candidates for x in (c, *c.conjuncts)]
            for c in candidates:
                ent = index.entity(c)
                if ent is not None and ent.id not in ids:
                    ids.append(ent.id)
    return ids


def _verb_recipients(verb: Token, index: _Index) -> list[str]:
    """Objects, indirect objects and "with/against/to ..." objects of a verb, of
    its direct object ("gave aid to Mozambique"), and of the complement of a
    verb of intent ("agreed to lift the embargo on Iran")."""
    heads = [verb]
    heads += [c for c in verb.children if c.dep_ == "dobj"]
    ids = _actors(
        [c for c in verb.children if c.dep_ in ("dobj", "dative") and c.dep_ != "nsubjpass"],
        index,
    )
    for _ in range(2):
        for head in heads:
            for prep in (c for c in head.children if c.dep_ == "prep"):
                if prep.lower_ in _RECIPIENT_PREPS | {"for"}:
                    objs = [c for c in prep.children if c.dep_ == "pobj"]
                    ids += [r for r in _actors(objs, index) if r not in ids]
        if ids:
            break
        comps = [c for c in verb.children if c.dep_ == "xcomp"]
        if not comps:
            break
        verb = comps[0]
        heads = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
        ids = _actors([c for c in verb.children if c.dep_ in ("dobj", "dative")], index)
    return ids


def _place_recipients(verb: Token, index: _Index, actors: list[str]) -> list[str]:
    """A country the act happens in, when it is not the actor's own."""
    own = {e.country for e in index.analysis.entities if e.id in actors}
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "into")):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            ent = index.entity(obj)
            if ent is not None and ent.kind == "country" and ent.country not in own:
                return [ent.id]
    return []


def _clause_verb(tok: Token) -> Token:
    """The verb whose clause holds ``tok`` (the token itself for verbs)."""
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _subject(verb: Token) -> list[Token]:
    for _ in range(4):
        subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj:
            return subj
        if (
            verb.dep_ in ("xcomp", "conj", "advcl", "relcl", "acl", "acomp")
            and verb.head.i != verb.i
        ):
            if verb.dep_ == "relcl":
                return [verb.head]
            verb = verb.head
        else:
            break
    return []


def _governors(
    verb: Token, through: tuple[str, ...] = ("xcomp", "ccomp", "advcl", "conj", "pcomp", "acl")
) -> list[Token]:
    chain = [verb]
    while chain[-1].dep_ in through and chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
        if len(chain) > 6:
            break
    return chain


def _status(trigger: Token, verb: Token) -> tuple[Status, str]:
    chain = _governors(verb)
    for v in chain[:3]:
        kids = {c.lower_ for c in v.children}
        lemmas = {c.lemma_.lower() for c in v.children}
        if any(c.dep_ == "neg" for c in v.children) and not (
            v.lemma_ == "rule" and any(c.lower_ == "out" for c in v.children)
        ):
            if v.lemma_ in _HYPOTHETICAL_VERBS:
                continue
            return "negated", f"negation on '{v.text}'"
        if v.lemma_ == "rule" and any(c.lower_ == "out" for c in v.children):
            return "hypothetical", "did not rule out"
        if v.lemma_ in _NEGATING_VERBS and v.i != verb.i:
            return "negated", f"'{v.text}' to"
        if any(c.lower_ == "if" and c.dep_ == "mark" for c in v.children):
            return "hypothetical", "conditional"
        if "must" in kids or ("should" in kids and any(g.lemma_ in _SPEECH for g in chain)):
            return "requested", f"'must' on '{v.text}'"  # "X said Y must withdraw"
        if v.lemma_ in _WILLING and v.i != verb.i:
            return "hypothetical", f"'{v.text}' to"
        if kids & _HYPOTHETICAL_MODALS or v.lemma_ in _HYPOTHETICAL_VERBS:
            return "hypothetical", f"modal on '{v.text}'"
        if kids & _POSSIBLE_MODALS:
            return "possible", f"modal on '{v.text}'"
        if v.lemma_ == "possible" or "possible" in lemmas:
            return "possible", "it is possible"
        if v.lemma_ in _REQUEST_VERBS and v.i != verb.i:
            return "requested", f"'{v.text}' governs it"
        if v.lemma_ in _PLAN and v.i != verb.i:
            return "planned", f"'{v.text}' to"
        if kids & {"will", "'ll", "shall"}:
            return "planned", "future tense"
        if v.lemma_ in ("travel", "go", "head", "fly") and v.i != verb.i and v.tag_ == "VBG":
            return "planned", "travelling to"
    adj = [c for c in verb.children if c.dep_ == "acomp" and c.lemma_ == "possible"]
    if adj:
        return "possible", "it is possible"
    return "asserted", "indicative"


def _source(verb: Token, index: _Index) -> Entity | None:
    """Who reports the event: the subject of a governing speech verb, or "according to"."""
    # background clauses ("when it launched ...") are not covered by the report
    chain: list[Token] = []
    for v in _governors(verb):
        chain.append(v)
        if any(c.lower_ in _BACKGROUND for c in v.children if c.dep_ in ("advmod", "mark")):
            break
    for v in chain:
        for child in v.children:
            if child.lower_ == "according" and child.dep_ == "prep":
                for t in child.subtree:
                    if t.dep_ == "pobj" and t.head.lower_ == "to":
                        ent = index.entity(t) or next(
                            (index.entity(x) for x in t.subtree if index.entity(x)), None
                        )
                        if ent is not None:
                            return ent
        if v.i != verb.i and v.lemma_ in _SPEECH:
            subj = _subject(v)
            if subj:
                ids = [index.entity(t) for t in _expand(subj[0])]
                ent = next((e for e in ids if e is not None), None)
                if ent is not None:
                    return ent
    return None


def _nearest(mapping: Mapping[int, object], tokens: Iterable[Token]) -> object | None:
    for t in tokens:
        found = mapping.get(t.idx)
        if found is not None:
            return found
    return None


def extract_events(article: Article, doc: Doc, analysis: Analysis) -> list[Event]:
    """Events of the article; needs the entities, places and times already extracted."""
    index = _Index(analysis)
    skip = [s.span for s in article.subheadings]
    events: list[Event] = []
    seen: set[tuple[str, tuple[str, ...], tuple[str, ...], int]] = set()
    for tok in doc:
        if any(a <= tok.idx < b for a, b in skip):
            continue
        entry = _match(tok)
        if entry is None:
            continue
        sent: Span = tok.sent
        is_noun = tok.pos_ in ("NOUN", "PROPN")
        verb = _clause_verb(tok) if is_noun else tok
        actors: list[str] = []
        recipients: list[str] = []
        if is_noun:
            mods = [c for c in tok.children if c.dep_ in ("poss", "compound", "amod", "nmod")]
            actors = _actors(mods, index)
            for prep in (c for c in tok.children if c.dep_ == "prep"):
                objs = [c for c in prep.children if c.dep_ == "pobj"]
                if prep.lower_ == "by":
                    actors += [a for a in _actors(objs, index) if a not in actors]
                    continue
                for obj in objs:
                    if index.entity(obj) is not None:
                        if prep.lower_ in _RECIPIENT_PREPS | {"in"}:
                            recipients += _actors([obj], index)
                    elif prep.lower_ in ("in", "of"):  # "halt in US aid": the aid's giver acts
                        mods = [
                            c
                            for c in obj.children
                            if c.dep_ in ("compound", "amod", "nmod", "poss")
                        ]
                        actors += [a for a in _actors(mods, index) if a not in actors]
            if not actors and (
                tok.dep_ in ("dobj", "pobj")
                and verb.lemma_ in _LIGHT_VERBS | _PLAN | {"get", "obtain", "agree"}
            ):
                actors = _actors(_subject(verb), index)
        else:
            subj = _subject(tok)
            passive = any(c.dep_ == "nsubjpass" for c in tok.children)
            agents = [
                o for a in tok.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"
            ]
            if agents and not passive:  # "the proposal, agreed upon by the delegations"
                actors = _actors(agents, index)
            elif passive:
                recipients = _actors(subj, index)
                for agent in (c for c in tok.children if c.dep_ == "agent"):
                    actors += _actors([c for c in agent.children if c.dep_ == "pobj"], index)
            else:
                actors = _actors(subj, index)
            recipients += [r for r in _verb_recipients(tok, index) if r not in recipients]
            if not recipients:  # "lifted the curfew in Montenegro"
                recipients = _place_recipients(tok, index, actors)
        recipients = [r for r in recipients if r not in actors]
        if not actors and (is_noun or not recipients):
            continue
        status, why = _status(tok, verb)
        source = _source(verb, index)
        clause = list(verb.subtree)
        place = _nearest(
            index.place_at,
            [
                o
                for head in (tok, verb)
                for p in head.children
                if p.dep_ == "prep" and p.lower_ in _PLACE_PREPS
                for o in p.children
                if o.dep_ == "pobj"
            ],
        )
        if place is None:
            in_sentence = {index.place_at[t.idx].id for t in sent if t.idx in index.place_at}
            if len(in_sentence) == 1:
                place = _nearest(index.place_at, list(sent))
        dated = {k: v for k, v in index.time_at.items() if v.kind == "date" and v.value}
        time = _nearest(dated, clause) or _nearest(dated, list(sent))
        key = (entry.type, tuple(actors), tuple(recipients), sent.start)
        if key in seen:
            continue
        seen.add(key)
        confidence = 0.4 + 0.2 * bool(actors) + 0.2 * bool(recipients) + 0.1 * (not is_noun)
        events.append(
            Event(
                id=f"V{len(events) + 1}",
                type=entry.type,
                mode=entry.mode,
                actors=actors,
                recipients=recipients,
                place=place.id if isinstance(place, Place) else None,
                time=time.id if isinstance(time, Time) else None,
                status=status,
                source=source.id if source else None,
                trigger=(tok.idx, tok.idx + len(tok.text)),
                sentence=(sent.start_char, sent.end_char),
                confidence=round(min(confidence, 0.95), 2),
                rule=entry.rule,
                status_rule=why,
            )
        )
    return events
