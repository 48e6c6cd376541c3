"""Who does what to whom: the article's entities by offset (``ActorIndex``),
and the actors and recipients of verb and noun triggers, named or not.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Mapping
from functools import cached_property

from spacy.tokens import Span, Token

from ...gazetteer import load_gazetteer
from ...model import Analysis, Entity, Place, Time
from ..entities import STATE_NOUNS as _STATE_NOUNS
from ..senses import is_weapon
from ..text import both_sides, of_objects, sentence_of
from .syntax import _agents, _clause_time, _in_attribution, _locative, _Ranges, _subject, _wh_clause
from .triggers import _Entry, _lexicon, is_materiel
from .words import (
    _ADDRESSED,
    _COMMITTING,
    _COUNT_NOUNS,
    _LIGHT_VERBS,
    _OCCURRED_DEPS,
    _OCCURRED_PREPS,
    _PLAN,
    _RECIPIENT_PREPS,
    _UNATTRIBUTED_TYPES,
    STRETCH_NOUNS,
    regular_lemma,
)


class ActorIndex:
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
        self.quotes = [q for q in analysis.quotes if q.kind != "indirect"]
        self.by_id = {e.id: e for e in analysis.entities}
        #: parties of the last event coded, for "they met"
        self.recent: list[str] = []
        self._located: dict[int, list[Token]] = {}
        self._only_party: dict[tuple[str, int, tuple[str, ...]], bool] = {}
        self._ranges: dict[str, _Ranges] = {}  # by id: entities are E1.., places P1..
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

    @cached_property
    def _gender(self) -> dict[str, str]:
        """Genders the article states, read only when a he or she needs one (the
        index is built three times per article, pronouns are rarer)."""
        return _genders(self.persons, self.analysis.article.text)

    def first_time(self, dated: Mapping[int, object], verb: Token) -> object | None:
        """The first dated time in the verb's clause, read once per verb (a run-on
        sentence's root would otherwise be walked again for every trigger)."""
        if verb.i not in self._first_time:
            self._first_time[verb.i] = _clause_time(dated, verb)
        return self._first_time[verb.i]

    def _mention_ranges(self, record_id: str, place: Place | None = None) -> _Ranges:
        """The mentions of an entity (or of ``place``), searchable, built on first use."""
        if record_id not in self._ranges:
            record = place if place is not None else self.by_id[record_id]
            self._ranges[record_id] = _Ranges(record.mentions)
        return self._ranges[record_id]

    def only_as_party(self, place: Place, parties: list[str], sent: Span) -> bool:
        """Every mention of the place in the sentence lies inside a mention of one
        of ``parties`` (metonymy: "Moscow said"). Remembered per place, sentence
        and parties: a run-on sentence repeats the same few for every trigger."""
        key = (place.id, sent.start, tuple(sorted(parties)))
        found = self._only_party.get(key)
        if found is None:
            held = [self._mention_ranges(p) for p in parties if p in self.by_id]
            mentions = self._mention_ranges(place.id, place).within(sent.start_char, sent.end_char)
            found = bool(mentions) and all(any(r.holds(a) for r in held) for a, _ in mentions)
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
        from ..entities import _country_of_word as country_of_word

        mods = [c for c in tok.children if c.dep_ in ("poss", "amod", "compound", "nmod")]
        owners = [self.entity(c) for c in mods]
        countries = {o.country for o in owners if o is not None and o.country}
        countries |= {
            country
            for c, o in zip(mods, owners, strict=True)
            if o is None and (country := country_of_word(c.text))
        }  # "the Russian president": a demonym names no entity
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
            # the last person named known to be so called ("Jane Doe, a spokeswoman"),
            # else the last who may be: "she" skips a "Mr."
            other = "f" if tok.lower_ in ("he", "him") else "m"
            wanted = "m" if other == "f" else "f"
            return _last_before(
                self._person_starts, tok.idx, fits=lambda e: self._gender.get(e.id) == wanted
            ) or _last_before(
                self._person_starts, tok.idx, fits=lambda e: self._gender.get(e.id) != other
            )
        if tok.pos_ == "PRON" and tok.lower_ in ("it", "its"):
            # "Turkey deployed troops to its border": "its" is no plural group
            return _last_before(
                self._group_starts, tok.idx, sentence_of(tok).start_char, _not_plural_noun
            )
        if tok.pos_ == "PRON" and tok.lower_ in ("they", "their"):
            return _last_before(self._group_starts, tok.idx, sentence_of(tok).start_char)
        place = self.place_at.get(tok.idx)
        if place is not None and place.country and _stands_for_country(place):
            from ..entities import alpha3

            return self.countries.get(alpha3(place.country))
        return self._definite(tok)

    def pair_before(self, tok: Token) -> list[str]:
        """The two parties "the two sides" or "both countries" stands for when no
        event has named them: two parties joined by "and" in its sentence or the
        one before ("Tensions between Armenia and Azerbaijan remain high. The two
        countries agreed ..."), countries for "countries", people for "leaders".
        Three joined are no pair, nor two merely named near it: "With the Iran deal done,
        the two sides have talked" is about two others."""
        lemma = tok.lemma_.lower()
        if lemma == "leader":
            starts, fits = self._person_starts, None
        elif lemma in _STATE_NOUNS:
            starts, fits = self._group_starts, _is_country
        else:
            starts, fits = self._group_starts, None
        doc = tok.doc
        sent = sentence_of(tok)
        floor = sentence_of(doc[sent.start - 1]).start_char if sent.start > 0 else 0
        itself = self.entity_at.get(tok.idx)
        heads: list[tuple[Token, Entity]] = []
        at = bisect.bisect_left(starts[0], tok.idx) - 1
        for i in range(at, -1, -1):
            if starts[0][i] < floor:
                break
            ent = starts[1][i]
            if ent is itself or (fits is not None and not fits(ent)):
                continue
            end = next(e for s, e in ent.mentions if s == starts[0][i])
            span = doc.char_span(starts[0][i], end, alignment_mode="expand")
            if span is not None:
                heads.append((span.root, ent))
        for later, (head, ent) in enumerate(heads):
            for other, other_ent in heads[later + 1 :]:
                if other_ent is not ent and head.conjuncts == (other,):
                    return [other_ent.id, ent.id]
        return []

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


def _is_country(entity: Entity) -> bool:
    return entity.kind == "country"


def _not_plural_noun(entity: Entity) -> bool:
    """Whether "it" can name the entity: not an unnamed group in a plural common
    noun ("additional troops", "Islamist militants")."""
    words = entity.name.split()
    last = words[-1] if words else ""
    return not (last.islower() and last.endswith("s") and not last.endswith("ss"))


def _mention_starts(entities: Iterable[Entity]) -> tuple[list[int], list[Entity]]:
    """Every mention start of ``entities`` in text order, with its entity."""
    pairs = sorted(((s, e) for e in entities for s, _ in e.mentions), key=lambda p: p[0])
    return [s for s, _ in pairs], [e for _, e in pairs]


def _last_before(
    starts: tuple[list[int], list[Entity]],
    offset: int,
    floor: int = 0,
    fits: Callable[[Entity], bool] | None = None,
) -> Entity | None:
    """The entity of the last mention starting before ``offset`` (and at or after
    ``floor``) that ``fits``, looking back over at most a few dozen mentions."""
    at = bisect.bisect_left(starts[0], offset) - 1
    for i in range(at, max(at - 40, -1), -1):
        if starts[0][i] < floor:
            return None
        if fits is None or fits(starts[1][i]):
            return starts[1][i]
    return None


#: Titles before a name, and roles in an apposition after it, that say whether a
#: person is a man or a woman ("Mrs. Clinton", "Jane Doe, a spokeswoman").
_TITLES = {"f": re.compile(r"\b(?:Mrs|Ms|Miss|Madam|Mme|Dame|Lady|Queen|Princess)\.?\s*$"),
           "m": re.compile(r"\b(?:Mr|Sir|King|Prince|Lord)\.?\s*$")}  # fmt: skip
_ROLES = {
    "f": re.compile(
        r"^,\s+(?:a|an|the)\s+(?:[\w.'-]+\s+){0,3}?(?:spokeswoman|chairwoman|congresswoman|"
        r"businesswoman|first lady|actress|mother|wife|widow|grandmother)\b"
    ),
    "m": re.compile(
        r"^,\s+(?:a|an|the)\s+(?:[\w.'-]+\s+){0,3}?(?:spokesman|chairman|congressman|"
        r"businessman|actor|father|husband|widower|grandfather)\b"
    ),
}


def _genders(persons: Iterable[Entity], text: str) -> dict[str, str]:
    """A person's gender where the article says it: a title right before a
    mention ("Mrs. Clinton", "Mr. Trump") or a gendered role right after it
    ("Jane Doe, a spokeswoman"). Unknown otherwise: a pronoun then takes the
    last person named, as before."""
    found: dict[str, str] = {}
    for person in persons:
        votes = {"f": 0, "m": 0}
        for start, end in person.mentions:
            before = text[max(0, start - 8) : start]
            after = text[end : end + 60]
            for gender in ("f", "m"):
                if _TITLES[gender].search(before) or _ROLES[gender].match(after):
                    votes[gender] += 1
        if votes["f"] != votes["m"]:
            found[person.id] = "f" if votes["f"] > votes["m"] else "m"
    return found


def _stands_for_country(place: Place) -> bool:
    """A country named, or its capital ("Moscow said", "arms sent to Kyiv")."""
    return place.kind == "country" or _is_capital(place)


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


def _parties_beside_owner(tok: Token, index: ActorIndex) -> list[Token]:
    """ "the government of the DRC and the M23 rebels agreed": the parser joins the
    rebels to the DRC inside the "of" phrase; a conjunct there that is an armed or
    organised group, not a place, is a party beside the head ("the government of
    Sudan and South Sudan" keeps South Sudan as the government's country)."""
    found = []
    for owner in of_objects(tok):
        for c in owner.conjuncts:
            ent = index.entity(c)
            if ent is not None and ent.kind in ("group", "organization"):
                found.append(c)
    return found


def _actors(tokens: Iterable[Token], index: ActorIndex) -> list[str]:
    """Entities named by argument heads: the head itself, else its apposition
    ("Trump's envoy, Steve Witkoff"), else its modifiers ("Ukrainian delegations")."""
    ids: list[str] = []
    # "Thousands of Iraqi Kurds demonstrated": the people counted are the actor
    tokens = [next(iter(of_objects(t)), t) if t.lower_ in _COUNT_NOUNS else t for t in tokens]
    for tok in tokens:
        if (tok.lower_ in ("they", "them") or both_sides(tok)) and len(index.recent) >= 2:
            # "they met", "the two sides signed": the last event's parties
            ids += [r for r in index.recent if r not in ids]
            continue
        if both_sides(tok) and (pair := index.pair_before(tok)):
            ids += [r for r in pair if r not in ids]
            continue
        for t in _expand(tok) + _parties_beside_owner(tok, index):
            candidates = [t]
            described = index.described(t) if index.entity(t) is None else None
            if described is not None:
                candidates = []
                if described.id not in ids:
                    ids.append(described.id)
            elif index.entity(t) is None and t.idx in index.place_at:
                candidates = []  # "Russia's Kursk region" is a place, not Russia
            elif index.entity(t) is None and (office := _office_of(t, index)) is not None:
                # "the foreign ministers of India and China": each country
                candidates = [office, *office.conjuncts]
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
    ids = _actors(
        [
            c
            for c in verb.children
            if c.dep_ in ("dobj", "dative") and not is_materiel(c) and not _moved_force(verb, c)
        ],
        index,
    )
    if not ids and _match_type(verb) in _ADDRESSED:
        # "demanded that the US cancel the sale": the one asked is the clause's subject
        for comp in (c for c in verb.children if c.dep_ == "ccomp" and not _wh_clause(c)):
            ids += [r for r in _actors(_subject(comp), index) if r not in ids]
    for _ in range(2):
        for head in heads:
            # "send tanks to Ukraine": the parser may call the "to" a dative
            for prep in (c for c in head.children if c.dep_ in ("prep", "dative")):
                if prep.lower_ in _RECIPIENT_PREPS | {"for"}:
                    objs = [
                        c
                        for c in prep.children
                        if c.dep_ == "pobj" and not (prep.lower_ == "at" and _venue(c, index))
                    ]
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


def _noun_type(noun: Token) -> str | None:
    entry = _lexicon().get((noun.lemma_.lower(), "noun"))
    return entry.type if entry else None


def _match_type(verb: Token) -> str | None:
    entry = _lexicon().get((verb.lemma_.lower(), "verb"))
    return entry.type if entry else None


#: Verbs that move forces, and the forces they move: "deployed troops into
#: Belarus" (the troops are what is sent, not whom it is done to).
_MOVING = frozenset(
    ["deploy", "send", "dispatch", "station", "move", "mobilize", "mobilise", "mass", "withdraw",
     "pull", "bring", "rush", "airlift", "redeploy", "post", "transfer"]
)  # fmt: skip
_FORCE_NOUNS = frozenset(
    ["troop", "soldier", "force", "police", "officer", "personnel", "warship", "jet", "unit",
     "battalion", "brigade", "peacekeeper", "reinforcement", "marine", "paratrooper", "tank",
     "contingent", "division", "regiment", "fighter", "guard", "ship", "carrier", "destroyer",
     "frigate", "submarine", "bomber", "warplane"]
)  # fmt: skip


def _moved_force(verb: Token, obj: Token) -> bool:
    return verb.lemma_.lower() in _MOVING and obj.lemma_.lower() in _FORCE_NOUNS


def deployed_to_no_one(verb: Token, index: ActorIndex) -> bool:
    """ "sent two aircraft carriers to the eastern Mediterranean": forces moved to
    a place that is no party are a deployment, not aid to anyone (the CAMEO
    pattern "send weapons" reads every sending of arms as military aid)."""
    if verb.lemma_.lower() not in _MOVING:
        return False
    moved = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if not any(_moved_force(verb, o) or is_materiel(o) for o in moved):
        return False
    if any(c.dep_ == "dative" and c.pos_ != "ADP" for c in verb.children):
        return False  # "sent Ukraine tanks"
    goals = [
        o
        for p in verb.children
        if p.dep_ in ("prep", "dative") and p.lower_ in ("to", "into", "toward", "towards")
        for o in p.children
        if o.dep_ == "pobj"
    ]
    return bool(goals) and not any(_a_party(o, index) for o in goals)


def _named_town(tok: Token, index: ActorIndex) -> bool:
    place = index.place_at.get(tok.idx)
    return place is not None and place.kind == "city"


def _venue(tok: Token, index: ActorIndex) -> bool:
    """ "hosted him at the Elysee Palace": a place below a country where it happens."""
    place = index.place_at.get(tok.left_edge.idx) or index.place_at.get(tok.idx)
    return place is not None and place.kind != "country"


def _a_party(tok: Token, index: ActorIndex) -> bool:
    """A country, organisation or group, named as such or as a country's place."""
    ent = index.entity(tok)
    if ent is not None and ent.kind in ("country", "organization", "group"):
        return True
    place = index.place_at.get(tok.idx)
    return place is not None and _stands_for_country(place)


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
    from ..entities import is_office_noun

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


#: Verbs whose object noun is their event ("held talks", "plans an offensive",
#: "obtained the release"): the noun's actor is the verb's subject.
_GOVERNING = _LIGHT_VERBS | _PLAN | {"get", "obtain", "agree"}
#: Prepositions whose object is another event, the setting of the clause's own:
#: "imposed a curfew after clashes between X and Y" (the clashes are not the curfew's).
_BACKGROUND_PREPS = frozenset(
    ["after", "before", "amid", "during", "following", "despite", "since", "until", "over"]
)


def _noun_arguments(tok: Token, verb: Token, index: ActorIndex) -> tuple[list[str], list[str]]:
    """Actors and recipients of an event noun: its modifiers ("US aid"), its "by"
    and "with/against/on" objects, else the subject of the light verb that
    governs it ("Putin held talks with ..." -> the talks are Putin's)."""
    mods = [
        c
        for c in tok.children
        if c.dep_ in ("poss", "compound", "amod", "nmod")
        and not (c.dep_ == "compound" and _named_town(c, index))
    ]  # "the Paris attacks", "the Minsk agreement": where, not who
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
                if prep.lower_ in _RECIPIENT_PREPS | {"in"} or (
                    prep.lower_ == "of" and _noun_type(tok) in ("ASSAULT", "COERCE")
                ):  # "the invasion of Ukraine", "the arrest of Navalny": done to them
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
    slot = tok
    if tok.dep_ in ("amod", "compound") and tok.head.lemma_.lower() in STRETCH_NOUNS:
        slot = tok.head  # "went on a looting spree", "launched a bombing campaign"
    governed = (
        slot.dep_ == "dobj" or (slot.dep_ == "pobj" and slot.head.lower_ not in _BACKGROUND_PREPS)
    ) and regular_lemma(verb, _GOVERNING) in _GOVERNING  # "went on strike" too ("go")
    if slot.dep_ == "pobj" and slot.head.head.i != verb.i and slot.head.head.head.i != verb.i:
        # deeper down it is what another noun is about: "launched an investigation into
        # the cause of the explosion" is no explosion by the investigators
        governed = False
    if not actors and governed:
        actors = _actors(_subject(verb), index)
    if governed:  # "hold a press conference with Lukashenko"
        for prep in (
            c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("with", "against")
        ):
            objs = [c for c in prep.children if c.dep_ == "pobj"]
            recipients += [r for r in _actors(objs, index) if r not in recipients]
    return actors, recipients


#: How a weapon comes to where it goes off: whoever did this to it is the attacker
#: ("planted by", "fired by"), not whoever merely used the thing ("a drone operated by").
_PLACING = frozenset(
    ["plant", "place", "leave", "hide", "attach", "fire", "launch", "throw", "lob", "hurl",
     "drop", "set", "drive", "detonate", "send"]
)  # fmt: skip


def _verb_arguments(
    tok: Token, index: ActorIndex, phrase: bool = False
) -> tuple[list[str], list[str]]:
    """Actors and recipients of an event verb, active or passive."""
    subj = _subject(tok)
    passive = any(c.dep_ == "nsubjpass" for c in tok.children) or _reduced_passive(tok)
    agents = _agents(tok)
    actors: list[str] = []
    recipients: list[str] = []
    if agents and not passive:  # "the proposal, agreed upon by the delegations"
        actors = _actors(agents, index)
    elif _ran_into_a_charge(tok):
        recipients = _actors(subj, index)
    elif passive:
        recipients = _actors(subj, index)
        actors = _actors(agents, index)
    else:
        actors = _actors(subj, index)
    if not actors and not passive:
        # "an IED planted by ISWAP militants exploded": who placed the weapon did it
        placed = [a for s in subj if is_weapon(s) for c in s.children
                  if c.dep_ == "acl" and c.lemma_.lower() in _PLACING for a in _agents(c)]  # fmt: skip
        actors = _actors(placed, index)
    recipients += [r for r in _verb_recipients(tok, index, phrase) if r not in recipients]
    if not recipients:  # "lifted the curfew in Montenegro"
        recipients = _place_recipients(tok, index, actors)
    return actors, recipients


def _reduced_passive(verb: Token) -> bool:
    """ "Iran threatened to close the strait if attacked", "once captured, the
    fighters were ...": a bare participle clause takes the main clause's subject as
    the one it is done to, not the doer."""
    return (
        verb.tag_ == "VBN"
        and verb.dep_ == "advcl"
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children)
    )


#: Charges laid in wait, and the verbs of touching one off: who "hit a roadside
#: bomb" or "struck a landmine" is its victim, not its user.
_LAID_CHARGES = frozenset(["bomb", "mine", "landmine", "ied", "device", "explosive", "ordnance"])
_SET_OFF = frozenset(["hit", "strike"])


def _ran_into_a_charge(verb: Token) -> bool:
    """ "Nigerian soldiers hit a roadside bomb": the subject set the charge off and
    was hurt by it (who "detonated" one is its user, and stays the actor)."""
    return verb.lemma_.lower() in _SET_OFF and any(
        c.dep_ == "dobj" and c.lemma_.lower() in _LAID_CHARGES for c in verb.children
    )


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
