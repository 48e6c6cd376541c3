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

import bisect
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Literal

from spacy.tokens import Doc, Span, Token

from ..budget import check as check_budget
from ..gazetteer import load_gazetteer, read_table
from ..model import Analysis, Article, Entity, Event, Place, Status, Time
from .senses import is_weapon, other_sense
from .text import sentence_of, trimmed

SPEECH_VERBS = frozenset(
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
        "reiterate",
        "repeat",
        "emphasize",
        "emphasise",
        "underline",
        "argue",
        "indicate",
        "conclude",
        "acknowledge",
        "admit",
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
#: "wants to attack", "hopes to sign", "seeks to topple", "tried to storm": an aim
#: or a wish, not an act.
_AIMING = frozenset(["want", "wish", "hope", "seek", "try", "attempt", "strive", "threaten"])
#: "used the halt to increase pressure", "took advantage of it to recapture": the
#: infinitive says what was done with the means, not only what was aimed at.
_INSTRUMENTAL = frozenset(["use", "exploit", "take", "employ", "utilize", "utilise", "seize"])
#: "the task is to destroy", "the goal is to retake": an aim.
_AIM_NOUNS = frozenset(
    ["task", "goal", "aim", "mission", "objective", "plan", "purpose", "intention"]
)
#: "needs to be ratified", "has to withdraw": an obligation, not an act.
_OBLIGED = frozenset(["need", "have", "require", "oblige", "obligate"])
#: Reporting verbs that carry doubt: what they report is the reporter's charge.
_DOUBTING = frozenset(["claim", "allege", "accuse", "charge", "blame", "contend"])
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
        "finish",
        "speed",
        "accelerate",
        "remain",
        "stay",
        "go",
        "return",
        "put",
        "place",
    ]
)
_RECIPIENT_PREPS = frozenset(["with", "against", "on", "to", "from", "at", "into"])
#: Temporal clauses that give background the report does not cover ("since" is
#: left out: it is as often causal).
_BACKGROUND = frozenset(["when", "after", "before", "while", "once"])
#: Heads that count or portion a group ("thousands of", "members of", "some of").
_COUNT_NOUNS = frozenset(
    [
        "thousands",
        "hundreds",
        "dozens",
        "tens",
        "scores",
        "millions",
        "number",
        "numbers",
        "group",
        "groups",
        "members",
        "majority",
        "most",
        "many",
        "some",
        "several",
        "all",
        "hundred",
        "thousand",
        "dozen",
        "crowd",
        "crowds",
    ]
)
#: Verbs whose complement says to whom they commit ("agreed to lift the embargo on Iran").
_COMMITTING = frozenset(
    [
        "agree",
        "offer",
        "promise",
        "pledge",
        "threaten",
        "vow",
        "refuse",
        "decline",
        "decide",
        "propose",
        "undertake",
        "swear",
        "commit",
    ]
)
#: Events whose doing is a saying: when the speaker is the actor, no separate source.
_VERBAL = frozenset(["AGREE", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "SUPPORT"])
_TRIP_VERBS = frozenset(["travel", "go", "fly", "head", "arrive", "come", "visit"])
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


def lexicon_types(lemmas: Iterable[str]) -> set[str]:
    """The event types of every single-word lexicon entry among ``lemmas``, sense
    and arguments aside: what a keyword coder would see (the CASE peer)."""
    words = set(lemmas)
    return {e.type for (trigger, _), e in _lexicon().items() if trigger in words}


#: Verbs that end or suspend something: with a cooperative object they are SANCTION.
_DISCONTINUE = frozenset(
    ["end", "halt", "suspend", "cancel", "freeze", "stop", "cut", "sever", "scrap", "abandon"]
)
_COOPERATIVE_NOUNS = frozenset(
    ["relation", "tie", "link", "contact", "trade", "flight", "mediation", "cooperation"]
)


def _discontinued(tok: Token) -> _Entry | None:
    """ "cancelled a planned visit", "ended mediation efforts": SANCTION/discontinue."""
    if tok.lemma_.lower() not in _DISCONTINUE:
        return None
    for obj in (c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")):
        heads = [obj, *(c for c in obj.children if c.dep_ == "compound")]
        for head in heads:
            noun = _lexicon().get((head.lemma_.lower(), "noun"))
            cooperative = noun is not None and noun.type in ("CONSULT", "COOPERATE", "AID", "AGREE")
            if cooperative or head.lemma_.lower() in _COOPERATIVE_NOUNS:
                return _Entry("SANCTION", "discontinue", f"discontinue:{tok.lemma_}+{head.lemma_}")
    return None


def _discontinued_object(tok: Token) -> bool:
    """The noun is what a discontinuation verb ends: not an event of its own."""
    head = tok.head if tok.dep_ != "compound" else tok.head.head
    return tok.dep_ in ("dobj", "nsubjpass", "compound") and _discontinued(head) is not None


@cache
def _heads() -> tuple[frozenset[str], frozenset[str]]:
    """Words that can start a verb trigger and end a noun trigger, so that most
    tokens are turned away with one set lookup (profiling: the lexicon walk ran
    on every verb and noun of every article)."""
    verbs = {t.split()[0] for t, pos in _lexicon() if pos == "verb"}
    nouns = {t.split()[-1] for t, pos in _lexicon() if pos == "noun"}
    verbs |= _WEAPON_OBJECT_VERBS | _WEAPON_FOUND_VERBS
    return frozenset(verbs | _DISCONTINUE | {"return", "come", "go"}), frozenset(nouns | {"strike"})


def _match(tok: Token) -> _Entry | None:
    lemma = tok.lemma_.lower()
    verb_heads, noun_heads = _heads()
    if tok.pos_ in ("VERB", "AUX") or (
        tok.pos_ == "NOUN" and tok.dep_ == "ROOT" and tok.tag_.startswith("VB")
    ):
        if lemma not in verb_heads:
            return None
    elif tok.pos_ not in ("NOUN", "PROPN") or (
        lemma not in noun_heads and tok.lower_ not in noun_heads
    ):
        return None
    lex = _lexicon()
    if tok.pos_ in ("VERB", "AUX"):
        stopped = _discontinued(tok)
        if stopped is not None:
            return stopped
    if tok.pos_ in ("NOUN", "PROPN") and _discontinued_object(tok):
        return None
    if lemma in ("return", "come", "go") and any(
        c.dep_ == "prep"
        and c.lower_ == "to"
        and any(
            (o.lemma_.lower(), "noun") in lex or (o.lower_, "noun") in lex
            for o in c.children
            if o.dep_ == "pobj"
        )
        for c in tok.children
    ):
        return None  # "return to talks": the talks are the event
    if tok.pos_ in ("VERB", "AUX") and lemma in _WEAPON_OBJECT_VERBS | _WEAPON_FOUND_VERBS:
        armed = _weapon_argument(tok)
        if armed is not None and lemma in _WEAPON_FOUND_VERBS:  # "grenades were found"
            return _Entry("COERCE", "seize", f"weapon seized:{lemma}+{armed.lemma_.lower()}")
        if armed is not None:  # "a grenade was hurled at", "dropped chlorine bombs on"
            return _Entry("ASSAULT", None, f"weapon:{lemma}+{armed.lemma_.lower()}")
    if tok.pos_ in ("VERB", "AUX") or (
        tok.pos_ == "NOUN" and tok.dep_ == "ROOT" and tok.tag_.startswith("VB")
    ):
        children = list(tok.children)
        particles = [c.lower_ for c in children if c.dep_ == "prt"]
        for obj in (c for c in children if c.dep_ in ("dobj", "nsubjpass")):
            if lemma == "blow" and "up" in particles and obj.lower_ in _REFLEXIVE:
                return _Entry("ASSAULT", "suicide-attack", "blow oneself up")
            for noun in {obj.lemma_.lower(), obj.lower_.removesuffix("s")}:
                for prt in particles or ([""] if obj.dep_ == "nsubjpass" else []):
                    # "set up a post", "bases were set up", "a point was established"
                    phrase = f"{lemma} {prt} {noun}" if prt else f"{lemma} {noun}"
                    if (phrase, "verb") in lex:
                        return lex[(phrase, "verb")]
        for child in children:
            if child.dep_ in ("prt", "prep", "dobj", "agent"):
                phrase = f"{lemma} {child.lemma_.lower()}"
                if (phrase, "verb") in lex:
                    return lex[(phrase, "verb")]
                for grand in child.children:
                    phrase3 = f"{lemma} {grand.lemma_.lower()} {child.lemma_.lower()}"
                    if (phrase3, "verb") in lex:
                        return lex[(phrase3, "verb")]
                    phrase3 = f"{lemma} {child.lemma_.lower()} {grand.lemma_.lower()}"
                    if child.dep_ == "prep" and (phrase3, "verb") in lex:
                        return lex[(phrase3, "verb")]  # "took to the streets"
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
        if lemma == "strike" and _military_strike(tok):
            return _Entry("ASSAULT", None, "strike/military")
        for key in (tok.lower_, lemma):
            if (key, "noun") in lex:
                return lex[(key, "noun")]
    return None


#: Verbs that are an attack when what they move is a weapon: "hurled a grenade",
#: "dropped barrel bombs", "planted a mine", "used chlorine as a weapon".
_WEAPON_OBJECT_VERBS = frozenset(["hurl", "throw", "lob", "drop", "plant", "use", "launch"])
#: Verbs that take weapons out of use: "an arms cache was discovered", "the bomb was
#: defused" (ACLED's disrupted weapons use; CAMEO seize).
_WEAPON_FOUND_VERBS = frozenset(["find", "discover", "defuse", "recover", "seize", "confiscate"])
_REFLEXIVE = frozenset(["themselves", "himself", "herself", "itself"])


def _weapon_argument(verb: Token) -> Token | None:
    """The weapon the verb moves: its object, its passive subject, or what the
    object holds ("containers of toxic gas")."""
    for arg in (c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")):
        if is_weapon(arg):
            return arg
        for prep in (c for c in arg.children if c.dep_ == "prep" and c.lower_ == "of"):
            for held in (o for o in prep.children if o.dep_ == "pobj"):
                if is_weapon(held) or any(is_weapon(m) for m in held.lefts):
                    return held
        if any(is_weapon(m) for m in arg.lefts if m.dep_ in ("compound", "amod")):
            return arg
    return None


def _military_strike(tok: Token) -> bool:
    """ "Russian strikes on Kharkiv" attack; "a strike by dockers" protests.

    A strike aimed at something ("on", "against") or made by a country is an
    attack; a labour strike is held by people and aims at no place.
    """
    from .entities import alpha3

    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "against")):
        if any(o.ent_type_ not in ("DATE", "TIME") for o in prep.children if o.dep_ == "pobj"):
            return True  # "on Kharkiv", not "on Monday"
    gaz = load_gazetteer()
    return any(
        c.dep_ in ("amod", "compound", "nmod") and alpha3(gaz.demonyms.get(c.text)) is not None
        for c in tok.children
    )


class ActorIndex:
    """Character offsets to entity and place ids."""

    def __init__(self, analysis: Analysis) -> None:
        self.entity_at: dict[int, Entity] = {}
        self._cover: dict[int, set[str]] = {}
        for ent in analysis.entities:
            for start, end in ent.mentions:
                for i in range(start, end):
                    self.entity_at.setdefault(i, ent)
                    self._cover.setdefault(i, set()).add(ent.id)
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
        self.quotes = [q for q in analysis.quotes if q.kind != "indirect"]
        self.by_id = {e.id: e for e in analysis.entities}
        #: parties of the last event coded, for "they met"
        self.recent: list[str] = []
        self._located: dict[int, list[Token]] = {}
        self._only_party: dict[tuple[str, int, tuple[str, ...]], bool] = {}
        self._place_ranges: dict[str, _Ranges] = {}
        self._quote_ranges = _Ranges(q.span for q in self.quotes)
        self._quote_at = {q.span: q for q in self.quotes}
        self._first_time: dict[int, object | None] = {}
        # Mention starts in text order, so that "the last X named before" is a
        # binary search and not a scan of the article (long texts made it quadratic).
        self._person_starts = _mention_starts(self.persons)
        self._group_starts = _mention_starts(e for e in analysis.entities if e.kind != "person")
        self._by_head: dict[str, tuple[list[int], list[Entity]]] = {}
        for ent in analysis.entities:
            if ent.kind in ("group", "organization"):
                self._by_head.setdefault(ent.name.split()[-1].lower().rstrip("s"), ([], []))
        for head in self._by_head:
            self._by_head[head] = _mention_starts(
                e
                for e in analysis.entities
                if e.kind in ("group", "organization")
                and e.name.split()[-1].lower().rstrip("s") == head
            )

    def first_time(self, dated: Mapping[int, object], verb: Token) -> object | None:
        """The first dated time in the verb's clause, read once per verb (a run-on
        sentence's root would otherwise be walked again for every trigger)."""
        if verb.i not in self._first_time:
            self._first_time[verb.i] = _nearest(dated, verb.subtree)
        return self._first_time[verb.i]

    def only_as_party(self, place: Place, parties: list[str], sent: Span) -> bool:
        """Every mention of the place in the sentence lies inside a mention of one
        of ``parties`` (metonymy: "Moscow said"). Remembered per place, sentence
        and parties: a run-on sentence repeats the same few for every trigger."""
        key = (place.id, sent.start, tuple(sorted(parties)))
        found = self._only_party.get(key)
        if found is None:
            wanted = set(parties)
            if place.id not in self._place_ranges:
                self._place_ranges[place.id] = _Ranges(place.mentions)
            mentions = self._place_ranges[place.id].within(sent.start_char, sent.end_char)
            inside = [a for a, _ in mentions]
            found = bool(inside) and all(wanted & self._cover.get(a, set()) for a in inside)
            self._only_party[key] = found
        return found

    def located(self, sent: Span) -> list[Token]:
        """Places the sentence locates something in, read once per sentence."""
        found = self._located.get(sent.start)
        if found is None:
            found = [
                t
                for t in sent
                if t.idx in self.place_at
                and (t.dep_ == "pobj" or t.head.dep_ == "pobj")
                and _locative(t)
                and not _in_attribution(t)
            ]
            self._located[sent.start] = found
        return found

    def described(self, tok: Token) -> Entity | None:
        """The one person a role noun describes: "Trump's envoy", "the Russian
        president" -> the person of that role whose country the modifier names."""
        if tok.pos_ != "NOUN":
            return None
        owners = [
            self.entity(c) for c in tok.children if c.dep_ in ("poss", "amod", "compound", "nmod")
        ]
        countries = {o.country for o in owners if o is not None and o.country}
        if not countries:
            return None
        matches = [
            p
            for p in self.persons
            if p.role and p.role.split()[-1] == tok.lemma_.lower() and p.country in countries
        ]
        return matches[0] if len(matches) == 1 else None

    def entity(self, tok: Token) -> Entity | None:
        """The actor a token names: entity, else a place standing for its country."""
        found = self.entity_at.get(tok.idx)
        if found is not None:
            return found
        if tok.lower_ in ("i", "we", "me", "us", "my", "our") and tok.pos_ == "PRON":
            held = self._quote_ranges.first(tok.idx)
            quote = self._quote_at.get(held) if held is not None else None
            speaker = self.by_id.get(quote.speaker or "") if quote is not None else None
            return speaker  # "We hope to get a ceasefire," he said: the speaker
        if tok.pos_ == "PRON" and tok.lower_ in ("he", "she", "him", "her"):
            return _last_before(self._person_starts, tok.idx)
        if tok.pos_ == "PRON" and tok.lower_ in ("it", "they", "its", "their"):
            return _last_before(self._group_starts, tok.idx, sentence_of(tok).start_char)
        place = self.place_at.get(tok.idx)
        if place is not None and place.country and (place.kind == "country" or _is_capital(place)):
            from .entities import alpha3

            return self.countries.get(alpha3(place.country))
        return self._definite(tok)

    def _definite(self, tok: Token) -> Entity | None:
        """ "the army", "the ministry": the last group or organisation named with that head
        noun before ("Sudan's army", "Saudi Arabia's foreign ministry")."""
        if tok.pos_ != "NOUN" or not any(
            c.dep_ == "det" and c.lower_ == "the" for c in tok.children
        ):
            return None
        if any(c.dep_ in ("amod", "compound", "poss", "nmod") for c in tok.children):
            return None  # "the Russian army" names its own owner
        starts = self._by_head.get(tok.lemma_.lower().rstrip("s"))
        return _last_before(starts, tok.idx) if starts else None


def _mention_starts(entities: Iterable[Entity]) -> tuple[list[int], list[Entity]]:
    """Every mention start of ``entities`` in text order, with its entity."""
    pairs = sorted(((s, e) for e in entities for s, _ in e.mentions), key=lambda p: p[0])
    return [s for s, _ in pairs], [e for _, e in pairs]


def _last_before(
    starts: tuple[list[int], list[Entity]], offset: int, floor: int = 0
) -> Entity | None:
    """The entity of the last mention starting before ``offset`` (and at or after ``floor``)."""
    at = bisect.bisect_left(starts[0], offset) - 1
    if at < 0 or starts[0][at] < floor:
        return None
    return starts[1][at]


def _is_capital(place: Place) -> bool:
    gaz = load_gazetteer()
    entry = gaz.entries.get(f"city:{place.geonameid}") if place.geonameid else None
    return bool(entry and entry.capital)


def actors_of(tokens: Iterable[Token], index: ActorIndex) -> list[str]:
    """Entity ids that argument heads name (shared with the quote extractor)."""
    return _actors(tokens, index)


def _expand(tok: Token) -> list[Token]:
    """A head and its coordinated heads ("the US and Ukraine")."""
    return [tok, *tok.conjuncts]


def _actors(tokens: Iterable[Token], index: ActorIndex) -> list[str]:
    """Entities named by argument heads: the head itself, else its apposition
    ("Trump's envoy, Steve Witkoff"), else its modifiers ("Ukrainian delegations")."""
    ids: list[str] = []
    # "Thousands of Iraqi Kurds demonstrated": the people counted are the actor
    tokens = [
        next(
            (o for p in t.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
             if o.dep_ == "pobj"),
            t,
        )
        if t.lower_ in _COUNT_NOUNS
        else t
        for t in tokens
    ]  # fmt: skip
    for tok in tokens:
        if tok.lower_ in ("they", "them") and len(index.recent) >= 2:
            ids += [r for r in index.recent if r not in ids]  # "they met": the last parties
            continue
        for t in _expand(tok):
            candidates = [t]
            described = index.described(t) if index.entity(t) is None else None
            if described is not None:
                candidates = []
                if described.id not in ids:
                    ids.append(described.id)
            elif index.entity(t) is None and t.idx in index.place_at:
                candidates = []  # "Russia's Kursk region" is a place, not Russia
            elif index.entity(t) is None and _office_of(t, index) is not None:
                candidates = [_office_of(t, index)]  # type: ignore[list-item]
            elif index.entity(t) is None:
                appos = [c for c in t.children if c.dep_ == "appos"]
                mods = [c for c in t.children if c.dep_ in ("amod", "compound", "poss", "nmod")]
                candidates = appos if any(index.entity(a) for a in appos) else mods
                candidates = [x for c in candidates for x in (c, *c.conjuncts)]
            for c in candidates:
                ent = index.entity(c)
                if ent is not None and ent.id not in ids:
                    ids.append(ent.id)
    return ids


def _verb_recipients(verb: Token, index: ActorIndex, phrase: bool = False) -> list[str]:
    """Objects, indirect objects and "with/against/to ..." objects of a verb, of
    its direct object ("gave aid to Mozambique"), and of the complement of a
    verb of intent ("agreed to lift the embargo on Iran")."""
    heads = [verb]
    heads += [x for c in verb.children if c.dep_ == "dobj" for x in (c, *c.conjuncts)]
    ids = _actors([c for c in verb.children if c.dep_ in ("dobj", "dative")], index)
    if not ids and _match_type(verb) in _ADDRESSED:
        # "demanded that the US cancel the sale": the one asked is the clause's subject
        for comp in (c for c in verb.children if c.dep_ == "ccomp"):
            ids += [r for r in _actors(_subject(comp), index) if r not in ids]
    for _ in range(2):
        for head in heads:
            for prep in (c for c in head.children if c.dep_ == "prep"):
                if prep.lower_ in _RECIPIENT_PREPS | {"for"}:
                    objs = [c for c in prep.children if c.dep_ == "pobj"]
                    ids += [r for r in _actors(objs, index) if r not in ids]
        if ids:
            break
        comps = [c for c in verb.children if c.dep_ == "xcomp"]
        if not comps or not (phrase or verb.lemma_ in _COMMITTING):
            break  # the complement is the verb's own object only for commitments and
            # for phrase triggers that span it ("hope to get X from Russia")
        verb = comps[0]
        heads = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
        ids = _actors([c for c in verb.children if c.dep_ in ("dobj", "dative")], index)
    return ids


#: Event types whose that-clause names who is addressed.
_ADDRESSED = frozenset(["REQUEST", "ACCUSE", "THREATEN", "REJECT"])


def _match_type(verb: Token) -> str | None:
    entry = _lexicon().get((verb.lemma_.lower(), "verb"))
    return entry.type if entry else None


def _place_recipients(verb: Token, index: ActorIndex, actors: list[str]) -> list[str]:
    """A country the act happens in, when it is not the actor's own."""
    own = {e.country for e in index.analysis.entities if e.id in actors}
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "into")):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            ent = index.entity(obj)
            if ent is not None and ent.kind == "country" and ent.country not in own:
                return [ent.id]
    return []


def _office_of(tok: Token, index: ActorIndex) -> Token | None:
    """ "the president of Armenia", "the government of Sudan": the country's token."""
    from .entities import is_office_noun

    if tok.pos_ != "NOUN" or not is_office_noun(tok.lemma_.lower()):
        return None
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            ent = index.entity(obj)
            if ent is not None and ent.kind == "country":
                return obj
    return None


def _named_head(obj: Token, index: ActorIndex) -> Entity | None:
    """The entity an "according to" object names: its head and name parts only,
    not its prepositional phrases ("sources in Moscow" are not Moscow)."""
    heads = [obj, *(c for c in obj.children if c.dep_ in ("compound", "appos"))]
    return next((index.entity(x) for x in heads if index.entity(x)), None)


def _clause_verb(tok: Token) -> Token:
    """The verb whose clause holds ``tok`` (the token itself for verbs)."""
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    return tok


#: Verbs whose object does what follows: "called on both sides to agree", "urged X to".
_OBJECT_CONTROL = frozenset(
    ["call", "urge", "ask", "order", "tell", "force", "persuade", "invite", "encourage",
     "press", "pressure", "push", "appeal", "request", "instruct", "allow", "permit"]
)  # fmt: skip
#: Verbs of accusing: "accused the army of bombing" -> the army bombed (by the accuser's word).
_ACCUSING = frozenset(["accuse", "blame", "charge", "suspect", "convict"])


def _controller(verb: Token) -> list[Token]:
    """The object that is the subject of an xcomp under an object-control verb."""
    head = verb.head
    if verb.dep_ != "xcomp" or head.lemma_.lower() not in _OBJECT_CONTROL:
        return []
    objs = [c for c in head.children if c.dep_ == "dobj"]
    objs += [
        o
        for p in head.children
        if p.dep_ == "prep" and p.lower_ == "on"
        for o in p.children
        if o.dep_ == "pobj"
    ]
    return objs


def _accused(verb: Token) -> Token | None:
    """The accuser's verb when ``verb`` is the charge: "accused X of bombing"
    (the "of" may hang on the verb or on its object)."""
    if verb.dep_ == "pcomp" and verb.head.lower_ == "of":
        accuser = verb.head.head
        if accuser.lemma_.lower() not in _ACCUSING and accuser.dep_ == "dobj":
            accuser = accuser.head
        if accuser.lemma_.lower() in _ACCUSING:
            return accuser
    head = verb.head
    if (
        verb.dep_ == "advcl"
        and verb.tag_ == "VBG"
        and head.lemma_.lower() in _ACCUSING
        and any(p.lower_ == "of" for p in head.children if p.dep_ == "prep")
    ):
        return head  # "accused X of bombing a market, killing 45": the killing is charged too
    return None


def _subject(verb: Token) -> list[Token]:
    for _ in range(4):
        subj = list(_kids(verb).subjects)
        if subj:
            return subj
        controlled = _controller(verb)
        if controlled:
            return controlled
        accuser = _accused(verb)
        if accuser is not None:
            return [c for c in accuser.children if c.dep_ == "dobj"]
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


@dataclass(frozen=True)
class _Kids:
    """What the status and source rules ask of a token's children, read once.

    A run-on sentence ("X attacked Y and ... and ...") hangs hundreds of clauses
    on one verb; asking that verb's children again for every trigger under it
    made event coding quadratic (cubic with the nested questions) in the
    length of the sentence. Each token's children are now read once per doc.
    """

    lowers: frozenset[str]
    lemmas: frozenset[str]
    neg: bool
    out: bool
    if_mark: bool
    conditional: bool
    nsubj: bool
    background: bool
    according: tuple[Token, ...]
    subjects: tuple[Token, ...]


_KIDS = "newsevents.kids"


def _kids(tok: Token) -> _Kids:
    # kept with the Doc itself: the claims and quotes extractors ask too, and a
    # memo that outlived its Doc would answer for another article's tokens
    memo: dict[int, _Kids] = tok.doc.user_data.setdefault(_KIDS, {})
    found = memo.get(tok.i)
    if found is not None:
        return found
    children = list(tok.children)
    if_mark = any(c.lower_ in ("if", "unless") and c.dep_ == "mark" for c in children)
    found = _Kids(
        lowers=frozenset(c.lower_ for c in children),
        lemmas=frozenset(c.lemma_.lower() for c in children),
        neg=any(c.dep_ == "neg" for c in children),
        out=any(c.lower_ == "out" for c in children),
        if_mark=if_mark,
        conditional=if_mark
        or any(
            c.dep_ == "advcl"
            and any(m.lower_ in ("if", "unless") and m.dep_ == "mark" for m in c.children)
            for c in children
        ),
        nsubj=any(c.dep_.startswith("nsubj") for c in children),
        background=any(c.lower_ in _BACKGROUND for c in children if c.dep_ in ("advmod", "mark")),
        according=tuple(c for c in children if c.lower_ == "according" and c.dep_ == "prep"),
        subjects=tuple(c for c in children if c.dep_ in ("nsubj", "nsubjpass")),
    )
    memo[tok.i] = found
    return found


def _governors(
    verb: Token, through: tuple[str, ...] = ("xcomp", "ccomp", "advcl", "conj", "pcomp", "acl")
) -> list[Token]:
    chain = [verb]
    while chain[-1].dep_ in through and chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
        if len(chain) > 6:
            break
    return chain


def _conditional(v: Token) -> bool:
    """The clause is an if-clause, or has one ("If we get that, it will be ...")."""
    return _kids(v).conditional


def _status(trigger: Token, verb: Token) -> tuple[Status, str]:
    accuser = _accused(verb)
    if accuser is not None:  # "accused the army of shelling": a charge, not a fact
        return "possible", f"alleged: '{accuser.text}' of"
    return _mood(trigger, verb)


def _mood(trigger: Token, verb: Token) -> tuple[Status, str]:
    # Adverbial clauses keep their own mood: "This will be the second time,
    # since they met on February 11" does not make the past meeting future.
    chain = _governors(verb, ("xcomp", "ccomp", "conj", "pcomp", "acl"))
    if any(_conditional(v) for v in chain[:3]):
        return "hypothetical", "conditional"
    for v in chain[:3]:
        facts = _kids(v)
        kids, lemmas = facts.lowers, facts.lemmas
        if facts.neg and not (v.lemma_ == "rule" and facts.out):
            if v.lemma_ in _HYPOTHETICAL_VERBS:
                continue
            return "negated", f"negation on '{v.text}'"
        if v.lemma_ == "rule" and facts.out:
            return "hypothetical", "did not rule out"
        if v.lemma_ in _NEGATING_VERBS and v.i != verb.i:
            return "negated", f"'{v.text}' to"
        if _conditional(v):
            return "hypothetical", "conditional"
        if "must" in kids or ("should" in kids and any(g.lemma_ in SPEECH_VERBS for g in chain)):
            return "requested", f"'must' on '{v.text}'"  # "X said Y must withdraw"
        if v.lemma_ in _WILLING and v.i != verb.i:
            return "hypothetical", f"'{v.text}' to"
        if (
            v.dep_ == "advcl"
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)
            and v.head.lemma_ not in _INSTRUMENTAL
        ):
            return "hypothetical", f"purpose: 'to {v.text}'"  # "met ... to obtain the release"
        if (
            v.lemma_ == "be"
            and v.i != verb.i
            and any(c.dep_ == "nsubj" and c.lemma_.lower() in _AIM_NOUNS for c in v.children)
        ):
            return "planned", "aim: 'the task is to'"  # "the task now is to destroy"
        if v.lemma_ in _AIMING and v.i != verb.i and verb.dep_ == "xcomp":
            return "hypothetical", f"aim: '{v.text}' to"
        if v.lemma_ in _OBLIGED and v.i != verb.i and verb.dep_ == "xcomp":
            return "requested", f"obligation: '{v.text}' to"
        if v.lemma_ in _DOUBTING and v.i != verb.i:
            return "possible", f"alleged: '{v.text}'"
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
        if v.lemma_ in _COMMITTING - _NEGATING_VERBS and v.i != verb.i:
            return "planned", f"'{v.text}' to"  # "agreed to return to talks"
        if kids & {"will", "'ll", "shall"}:
            return "planned", "future tense"
        if v.lemma_ in ("travel", "go", "head", "fly") and v.i != verb.i and v.tag_ == "VBG":
            return "planned", "travelling to"
    if verb.dep_ == "relcl" and verb.head.dep_ in ("attr", "nsubj", "dobj"):
        # "This will be the second time that Putin meets the envoy": the noun's
        # clause is future, so is the meeting it describes
        outer = verb.head.head
        if any(c.lower_ in ("will", "'ll", "shall") for c in outer.children):
            return "planned", f"future clause around '{verb.head.text}'"
    adj = [c for c in verb.children if c.dep_ == "acomp" and c.lemma_ == "possible"]
    if adj:
        return "possible", "it is possible"
    return "asserted", "indicative"


def _source(verb: Token, index: ActorIndex) -> Entity | None:
    """Who reports the event: the subject of a governing speech verb, or "according to"."""
    # background clauses ("when it launched ...") are not covered by the report
    chain: list[Token] = []
    accuser = _accused(verb)
    if accuser is not None:  # the charge is the accuser's word
        subj = [c for c in accuser.children if c.dep_ == "nsubj"]
        ids = _actors(subj[:1], index)
        if ids:
            return index.by_id.get(ids[0])
    for v in _governors(verb, ("xcomp", "ccomp", "advcl", "conj", "pcomp")):
        chain.append(v)
        if v.i == verb.i and v.dep_ == "advcl" and v.tag_ == "VBN" and not _kids(v).nsubj:
            break  # "the proposal, agreed upon by ...": a description, not the report
        if _kids(v).background:
            break
    for v in chain:
        for child in _kids(v).according:
            for t in child.subtree:
                if t.dep_ == "pobj" and t.head.lower_ == "to":
                    ent = _named_head(t, index)
                    if ent is not None:
                        return ent
        reporter = v.i != verb.i and v.lemma_ in SPEECH_VERBS
        accuser = _accused(v)
        if reporter or accuser is not None:
            speaker = accuser if accuser is not None else v
            subj = [c for c in speaker.children if c.dep_ == "nsubj"] or _subject(speaker)
            if subj:
                # "Saudi Arabia's foreign ministry said": the ministry, else its owner
                ids = _actors(subj[:1], index)
                if ids:
                    return index.by_id.get(ids[0])
    return None


def _nearest(mapping: Mapping[int, object], tokens: Iterable[Token]) -> object | None:
    for t in tokens:
        found = mapping.get(t.idx)
        if found is not None:
            return found
    return None


def _headline_spans(article: Article) -> list[tuple[int, int]]:
    """Title, deck and caption as they appear in the text: they restate the body."""
    spans = []
    for piece in (article.title, article.subtitle, article.caption):
        if piece:
            at = article.text.find(piece)
            if at >= 0:
                spans.append((at, at + len(piece)))
    return spans


def _noun_arguments(tok: Token, verb: Token, index: ActorIndex) -> tuple[list[str], list[str]]:
    """Actors and recipients of an event noun: its modifiers ("US aid"), its "by"
    and "with/against/on" objects, else the subject of the light verb that
    governs it ("Putin held talks with ..." -> the talks are Putin's)."""
    mods = [c for c in tok.children if c.dep_ in ("poss", "compound", "amod", "nmod")]
    actors = _actors(mods, index)
    recipients: list[str] = []
    for prep in (c for c in tok.children if c.dep_ == "prep"):
        objs = [c for c in prep.children if c.dep_ == "pobj"]
        if prep.lower_ == "by":
            actors += [a for a in _actors(objs, index) if a not in actors]
            continue
        if prep.lower_ in ("between", "among"):  # "a clash between X and Y": both act
            actors += [a for a in _actors(objs, index) if a not in actors]
            continue
        for obj in objs:
            if index.entity(obj) is not None:
                if prep.lower_ in _RECIPIENT_PREPS | {"in"}:
                    recipients += _actors([obj], index)
            elif prep.lower_ in ("in", "of"):  # "halt in US aid": the aid's giver acts
                mods = [c for c in obj.children if c.dep_ in ("compound", "amod", "nmod", "poss")]
                actors += [a for a in _actors(mods, index) if a not in actors]
    if tok.dep_ == "nsubj" and verb.i != tok.i:  # "clashes broke out between X and Y"
        for prep in (
            c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("between", "among")
        ):
            objs = [c for c in prep.children if c.dep_ == "pobj"]
            actors += [a for a in _actors(objs, index) if a not in actors]
    governed = tok.dep_ in ("dobj", "pobj") and verb.lemma_ in _LIGHT_VERBS | _PLAN | {
        "get",
        "obtain",
        "agree",
    }
    if not actors and governed:
        actors = _actors(_subject(verb), index)
    if governed:  # "hold a press conference with Lukashenko"
        for prep in (
            c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("with", "against")
        ):
            objs = [c for c in prep.children if c.dep_ == "pobj"]
            recipients += [r for r in _actors(objs, index) if r not in recipients]
    return actors, recipients


def _verb_arguments(
    tok: Token, index: ActorIndex, phrase: bool = False
) -> tuple[list[str], list[str]]:
    """Actors and recipients of an event verb, active or passive."""
    subj = _subject(tok)
    passive = any(c.dep_ == "nsubjpass" for c in tok.children)
    agents = [o for a in tok.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
    actors: list[str] = []
    recipients: list[str] = []
    if agents and not passive:  # "the proposal, agreed upon by the delegations"
        actors = _actors(agents, index)
    elif passive:
        recipients = _actors(subj, index)
        actors = _actors(agents, index)
    else:
        actors = _actors(subj, index)
    recipients += [r for r in _verb_recipients(tok, index, phrase) if r not in recipients]
    if not recipients:  # "lifted the curfew in Montenegro"
        recipients = _place_recipients(tok, index, actors)
    return actors, recipients


def _only_as_party(place: Place, parties: list[str], sent: Span, index: ActorIndex) -> bool:
    """Every mention of the place in the sentence is a party's mention (metonymy)."""
    return index.only_as_party(place, parties, sent)


def _place_of(tok: Token, verb: Token, sent: Span, index: ActorIndex) -> Place | None:
    """The place named in the event's own clause, else the only place of the sentence."""
    heads = [tok, verb]
    heads += [c for c in verb.children if c.dep_ in ("dobj", "agent")]
    heads += [o for h in list(heads) if h.dep_ == "agent" for o in h.children if o.dep_ == "pobj"]
    candidates = [
        o
        for head in heads
        for p in head.children
        if p.dep_ == "prep" and p.lower_ in _PLACE_PREPS | {"on"}
        for o in p.children
        if o.dep_ == "pobj"
    ]
    # "on the sidelines of the summit in Kazan": follow of/in chains two levels down
    for _ in range(2):
        candidates += [
            o
            for c in list(candidates)
            for p in c.children
            if p.dep_ == "prep" and p.lower_ in ("of", "in", "at", "near")
            for o in p.children
            if o.dep_ == "pobj" and o not in candidates
        ]
    # a place as the object is where it happens: "visited Kursk", "shelled Kharkiv"
    candidates = [c for c in verb.children if c.dep_ == "dobj"] + candidates
    tokens = [t for c in candidates for t in (c, *(m for m in c.lefts if m.dep_ == "compound"))]
    places = [index.place_at[t.idx] for t in tokens if t.idx in index.place_at]
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


def _in_attribution(tok: Token) -> bool:
    """Inside "according to sources in Moscow" or "officials in Kyiv said": where the
    source is, not where the event happened."""
    for anc in tok.ancestors:
        if anc.lower_ == "according" and anc.dep_ == "prep":
            return True
        if anc.dep_ in ("nsubj", "nsubjpass") and anc.head.lemma_ in SPEECH_VERBS:
            return True
    return False


def _locative(tok: Token) -> bool:
    """The token sits in a locative phrase: "in Geneva", "near the Kursk region"."""
    while tok.dep_ in ("compound", "amod", "appos", "conj") and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ == "pobj" and tok.head.lower_ in _PLACE_PREPS


@dataclass
class _Draft:
    """An event before ids are fixed, with the tokens that merging needs."""

    event: Event
    tok: Token
    verb: Token
    own_time: bool = False  # the date is in the event's own clause


def _date_from_sentence(drafts: list[_Draft], doc: Doc, dated: Mapping[int, Time]) -> None:
    """An event with no date in its own clause takes one from its sentence, but
    never one that another event's clause holds ("the second time Putin meets
    the envoy, since they met on February 11": February 11 is the first meeting's)."""
    claimed = {d.event.time for d in drafts if d.own_time}
    for d in drafts:
        if d.event.time is not None:
            continue
        sent = sentence_of(doc[d.tok.i])
        for t in sent:
            found = dated.get(t.idx)
            if found is not None and found.id not in claimed:
                d.event.time = found.id
                break


class _Ranges:
    """Is an offset inside one of these ``[start, end)`` ranges? A binary search,
    not a scan: a long article has many subheadings, quotes and mentions."""

    def __init__(self, ranges: Iterable[tuple[int, int]]) -> None:
        self.ranges = sorted(ranges)
        self.starts = [a for a, _ in self.ranges]
        # the furthest end among the ranges that start at or before each one
        self.reach: list[int] = []
        for _, b in self.ranges:
            self.reach.append(max(b, self.reach[-1]) if self.reach else b)

    def holds(self, at: int) -> bool:
        i = bisect.bisect_right(self.starts, at) - 1
        return i >= 0 and self.reach[i] > at

    def first(self, at: int) -> tuple[int, int] | None:
        """A range holding ``at`` (the latest starting one), or None."""
        i = bisect.bisect_right(self.starts, at) - 1
        while i >= 0 and self.reach[i] > at:
            if self.ranges[i][1] > at:
                return self.ranges[i]
            i -= 1
        return None

    def within(self, start: int, end: int) -> list[tuple[int, int]]:
        """The ranges that start in ``[start, end)``."""
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_left(self.starts, end)
        return self.ranges[lo:hi]


#: Types an agency note reports without knowing who did it: an attack, a riot, an
#: arrest happened whether or not anyone is named.
_UNATTRIBUTED_TYPES = frozenset(["ASSAULT", "PROTEST", "COERCE"])
#: What a noun trigger must be to stand for an event that took place: the subject
#: or object of a clause, or the object of "in"/"during" ("injured in an attack").
_OCCURRED_DEPS = frozenset(["nsubj", "nsubjpass", "dobj", "attr", "ROOT"])
_OCCURRED_PREPS = frozenset(["in", "during", "after", "following", "by", "amid"])


def _happened_unattributed(tok: Token, entry: _Entry) -> bool:
    """An attack, riot or arrest reported with no party named ("Grenades were
    hurled at a patrol", "six people were killed", "clashes broke out", "injured
    in a grenade attack"): an event all the same. Verbs must be passive or take an
    object; nouns must be a clause's subject or object, or what someone was
    hurt "in". Status rules apply to these as to any event."""
    if entry.type not in _UNATTRIBUTED_TYPES:
        return False
    if tok.pos_ in ("VERB", "AUX"):
        return any(
            c.dep_ in ("nsubjpass", "dobj") or (c.dep_ == "nsubj" and is_weapon(c))
            for c in tok.children
        )  # "six were killed", "killed two guards", "a grenade exploded"
    head = tok.head if tok.dep_ == "conj" else tok
    if head.dep_ in _OCCURRED_DEPS:
        return True
    return head.dep_ == "pobj" and head.head.lower_ in _OCCURRED_PREPS


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


def extract_events(article: Article, doc: Doc, analysis: Analysis) -> list[Event]:
    """Events of the article; needs the entities, places and times already extracted."""
    return _extract_events(article, doc, analysis)


def _extract_events(article: Article, doc: Doc, analysis: Analysis) -> list[Event]:
    index = ActorIndex(analysis)
    skip = [s.span for s in article.subheadings]
    drafts: list[_Draft] = []
    seen: set[tuple[str, tuple[str, ...], tuple[str, ...], int]] = set()
    dated = {k: v for k, v in index.time_at.items() if v.kind == "date" and v.value}
    skipped = _Ranges(skip)
    for tok in doc:
        if skipped.holds(tok.idx):
            continue
        entry = _match(tok)
        if entry is None:
            continue
        check_budget()
        sent: Span = sentence_of(tok)
        is_noun = tok.pos_ in ("NOUN", "PROPN")
        verb = _clause_verb(tok) if is_noun else tok
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
        status, why = _status(tok, verb)
        source = _source(verb, index)
        if source is not None and source.id in actors and entry.type in _VERBAL:
            source = None  # saying it is doing it: "we hope to get a ceasefire"
        place = _place_of(tok, verb, sent, index)
        if place is not None and _only_as_party(place, [*actors, *recipients], sent, index):
            place = None  # "New Delhi would not discuss ...": the capital acts, it is no venue
        time = index.first_time(dated, verb)
        key = (entry.type, tuple(actors), tuple(recipients), sent.start)
        if key in seen:
            continue
        seen.add(key)
        index.recent = [*actors, *recipients]
        confidence = 0.4 + 0.2 * bool(actors) + 0.2 * bool(recipients) + 0.1 * (not is_noun)
        event = Event(
            id="",
            type=entry.type,
            mode=entry.mode,
            actors=actors,
            recipients=recipients,
            place=place.id if place else None,
            time=time.id if isinstance(time, Time) else None,
            status=status,
            source=source.id if source else None,
            trigger=(tok.idx, tok.idx + len(tok.text)),
            sentence=trimmed(doc, sent.start_char, sent.end_char),
            confidence=round(min(confidence, 0.95), 2),
            rule=entry.rule,
            status_rule=why,
        )
        drafts.append(_Draft(event, tok, verb, own_time=time is not None))
    _date_from_sentence(drafts, doc, dated)
    drafts = _merge_purpose(drafts)
    drafts = _merge_conjoined(drafts)
    drafts = _drop_partyless_repeats(drafts)
    drafts = _drop_headline_repeats(drafts, _headline_spans(article))
    _locate(drafts, article, analysis)
    events = []
    for i, d in enumerate(drafts, start=1):
        d.event.id = f"V{i}"
        events.append(d.event)
    return events


#: Events that happen where the reporter files from, when nothing else is said:
#: fighting, protest, arrests, not a phone call between two capitals.
_LOCAL_TYPES = frozenset(["ASSAULT", "PROTEST", "COERCE", "MOBILIZE"])

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
    home = None
    if article.dateline:
        wanted = article.dateline.strip().lower()
        home = next((p for p in analysis.places if p.name.lower() == wanted), None)
    for d in drafts:
        place = places.get(d.event.place or "")
        if place is not None:
            d.event.geo_precision = _PRECISION.get(place.kind, "exact")
        elif home is not None and d.event.type in _LOCAL_TYPES:
            d.event.place = home.id
            d.event.geo_precision = "dateline"
