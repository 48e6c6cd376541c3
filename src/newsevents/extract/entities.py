"""Actors: people, organisations, countries and groups, with in-document coreference.

Country and sector come from what the text says about an actor, read off the
parse: the title before a name ("US Secretary of State Marco Rubio"), an
apposition ("the Belarusian autocrat, Aleksandr Lukashenko"), a possessor
("Donald Trump's special envoy ..., Steve Witkoff" takes Trump's country), an
organisation's own name ("Russian Army" -> RUS MIL) or a demonym on a collective
noun ("Russian troops"). The knowledge files (leaders, institutions) only fill
what the text leaves open.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Literal

import pycountry
from spacy.tokens import Doc, Span, Token

from ..budget import check as check_budget
from ..gazetteer import Gazetteer, load_gazetteer, normalize_surface, read_table, split_list
from ..model import Article, Entity, EntityKind
from .places import person_in_place_slot
from .text import both_sides, doc_ents, doc_text, doc_tokens

_MEDIA_WORDS = frozenset(
    [
        "times",
        "post",
        "news",
        "journal",
        "tribune",
        "herald",
        "gazette",
        "telegraph",
        "guardian",
        "independent",
        "agency",
        "radio",
        "tv",
        "television",
        "broadcasting",
        "press",
        "daily",
        "weekly",
        "magazine",
        "wire",
        "chronicle",
        "observer",
        "examiner",
        "courier",
    ]
)
_MILITARY_WORDS = frozenset(
    [
        "army",
        "military",
        "navy",
        "naval",
        "forces",
        "force",
        "troops",
        "defence",
        "defense",
        "armed",
    ]
)
#: "staff" is military only as a general staff ("the White House chief of staff" is not).
_MILITARY_PHRASES = ("general staff",)


def _military(words: list[str]) -> bool:
    lowered = [w.lower() for w in words]
    joined = " ".join(lowered)
    return bool(set(lowered) & _MILITARY_WORDS) or any(p in joined for p in _MILITARY_PHRASES)


_HONORIFICS = frozenset(
    ["mr", "mrs", "ms", "dr", "sir", "gen", "lt", "col", "maj", "capt", "adm", "sgt"]
)


@dataclass
class _Info:
    country: str | None = None  # alpha-3
    sector: str | None = None
    role: str | None = None
    kind: str = "person"


@dataclass
class _Cluster:
    kind: EntityKind
    name: str
    key: str
    mentions: list[tuple[int, int]] = field(default_factory=list)
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    possessors: list[str] = field(default_factory=list)
    rank: int = 0
    country_from: Literal["dateline", "article"] | None = None


@cache
def alpha3(alpha2: str | None) -> str | None:
    if not alpha2:
        return None
    if alpha2 == "XK":
        return "XKX"
    found = pycountry.countries.get(alpha_2=alpha2)
    return found.alpha_3 if found else None


@cache
def _roles() -> dict[str, tuple[str, str]]:
    return {row[0]: (row[1], row[2]) for row in read_table("roles.tsv")}


@cache
def _groups() -> dict[str, tuple[str, int]]:
    return {row[0]: (row[1], int(row[2])) for row in read_table("groups.tsv")}


@cache
def _agents() -> dict[str, str]:
    """Agent noun (singular, lower case) -> sector, from ``agents.tsv``."""
    return _agent_table()


def agent_sector(noun: str) -> str | None:
    """The sector of an agent noun ("gunmen" UAF, "villagers" CVL), singular or
    plural; None for the agents file's places ("village", "school"), which name
    where people are, not who."""
    table = _agents()
    noun = noun.lower()
    if noun in _PLACE_NOUNS or noun.removesuffix("s") in _PLACE_NOUNS:
        return None
    return table.get(noun) or table.get(noun.removesuffix("s"))


@cache
def _agent_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for row in read_table("agents.tsv"):
        noun, code = row[0], row[1].lstrip("~")
        sector = code[:3]
        if sector == "GOV" and code[3:6] in ("MIL", "COP", "SPY", "JUD", "LEG"):
            sector = code[3:6]  # "government soldiers": the military, of the government
        table.setdefault(noun, sector)
    return table


#: Where an unnamed group stands when it acts or is acted on.
_ARGUMENT_DEPS = frozenset(["nsubj", "nsubjpass", "dobj", "pobj", "appos", "attr"])
#: Agents-file nouns that are places where people live or work, not who acts.
_PLACE_NOUNS = frozenset(
    ["settlement", "village", "town", "city", "camp", "base", "district", "area", "region",
     "school", "hospital", "university", "college", "prison", "embassy", "neighbourhood",
     "neighborhood", "province", "capital", "country", "nation", "state"]
)  # fmt: skip
#: Prepositions whose object can be a party ("fired on protesters", "by police").
_PARTY_PREPS = frozenset(
    ["by", "against", "on", "at", "with", "between", "among", "to", "toward", "towards", "of"]
)
#: Nouns in the agents file that, alone, name no one in news copy.
_NOT_AGENTS = frozenset(
    ["man", "men", "woman", "women", "person", "people", "member", "official", "source",
     "leader", "head", "chief", "party", "group", "side", "force", "body", "staff"]
)  # fmt: skip


#: Agent nouns that also name a stance held: "the opposition" acts, "their
#: opposition to the plan" is held.
_STANCES = frozenset(["opposition"])
#: Agent nouns that, bare and singular after a verb, say what state someone is
#: held in.
_HELD_STATES = frozenset(["hostage", "prisoner", "captive"])

#: Counts that make a crowd of the noun after "of".
_CROWD_COUNTS = frozenset(["thousand", "hundred", "dozen", "score", "million", "ten"])
#: People as a crowd, when no agent noun says more.
_CROWD_NOUNS = frozenset(
    ["people", "person", "man", "woman", "resident", "citizen", "youth", "local", "villager"]
)


def _counted_crowd(tok: Token, agents: dict[str, str]) -> tuple[str, str, Token] | None:
    """(key noun, sector, last token) of "thousands of people", "hundreds of women"."""
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            noun = obj.lemma_.lower()
            if noun in agents and noun not in _NOT_AGENTS:
                return noun, agents[noun], obj
            if noun in _CROWD_NOUNS:
                return "crowd", "CVL", obj
    return None


#: Verbs only people do together in the street.
_PROTEST_VERBS = frozenset(["protest", "demonstrate", "rally", "march", "picket", "riot"])


#: Where a name acts or is acted on (no apposition or predicate: "ADF, the group").
_ACTING_DEPS = frozenset(["nsubj", "nsubjpass", "dobj", "pobj"])


def _in_party_slot(tok: Token, deps: frozenset[str]) -> bool:
    """The token (or the first of its conjuncts) stands where a party can: one of
    ``deps``, and under a preposition only one that takes a party ("by", "against")."""
    head = tok.head if tok.dep_ == "conj" else tok
    if head.dep_ == "ROOT" and any(c.dep_ == "acl" and c.tag_ == "VBD" for c in head.children):
        return True  # "The rebels handed over their weapons", parsed as a noun and its clause
    if head.dep_ not in deps:
        return False
    return head.dep_ != "pobj" or head.head.lower_ in _PARTY_PREPS


def _protesting(tok: Token, head: Token) -> bool:
    """A plural noun that protests names people ("taxi drivers", "pensioners"),
    whether or not the agents file lists it."""
    verb = head.head
    on_strike = verb.lemma_.lower() in ("go", "remain", "stay") and any(
        p.lower_ == "on" and any(o.lemma_.lower() == "strike" for o in p.children)
        for p in verb.children
    )  # "dockworkers went on strike"
    return (
        tok.tag_ in ("NNS", "NNPS")
        and re.search(r"(?:er|or|ist|ian|ant|ent|ee|man)s?$", tok.lower_) is not None
        and head.dep_ == "nsubj"
        and (verb.lemma_.lower() in _PROTEST_VERBS or on_strike)
        and tok.ent_type_ == ""
    )


def _of_someone_named(tok: Token) -> bool:
    """ "the foreign ministers of Brazil and Argentina": the people of named
    parties, who stand for them."""
    return any(
        o.ent_type_ in ("GPE", "ORG", "NORP")
        for p in tok.children
        if p.dep_ == "prep" and p.lower_ == "of"
        for o in p.children
        if o.dep_ == "pobj"
    )


def _many_or_any(tok: Token) -> bool:
    """ "Soldiers", "a soldier": some of a kind, not one person the story names."""
    return tok.tag_ in ("NNS", "NNPS") or any(
        c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children
    )


def _agent_phrase(word: Token, noun: Token, agents: Mapping[str, str]) -> bool:
    """The word and the noun make an agent of the agents file ("Riot police",
    "Border guards"), though the model took the capitalised word for a name."""
    return f"{word.lower_} {noun.lemma_.lower()}" in agents or (
        f"{word.lower_} {noun.lower_}" in agents
    )


#: The key of a party that is two parties at once ("both sides"); it takes no
#: country from the article, since the two are seldom of one country.
BOTH_SIDES = "both sides"
#: Plural nouns for two parties that are states ("the two countries").
STATE_NOUNS = frozenset(["country", "nation", "government", "neighbour", "neighbor"])


def _named_before(clusters: Iterable[_Cluster], offset: int) -> int:
    """How many named parties the text mentions before ``offset``: "the two sides"
    after two or more is one pair of them (the events extractor finds which, or
    codes no one), never a party of its own."""
    return sum(
        1
        for c in clusters
        if not c.key.startswith("generic:") and any(start < offset for start, _ in c.mentions)
    )


def _generic_mentions(
    doc: Doc,
    covered: set[int],
    descriptors: set[int],
    named_heads: set[str],
    nobody_named: bool = False,
) -> Iterable[tuple[int, int, str, str | None, str, str | None]]:
    """(start, end, key noun, sector, name) for unnamed actors: "police",
    "unidentified gunmen", "security forces", "a mob", "striking teachers".

    Conflict reporting names most actors this way; an event whose only party is
    such a group is still an event. Only nouns in an argument position count
    (subject, object, "by"/"against" object), not "police station" or "a
    student visa"; a noun inside a named entity or a country's group ("Russian
    troops", handled before) is left alone.
    """
    agents = _agents()
    for tok in doc_tokens(doc):
        check_budget()
        if tok.idx in covered or not (
            tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and tok.is_sent_start and not tok.ent_type_)
        ):
            continue  # a common noun, or one the tagger took for a name for its capital
        head = tok.head if tok.dep_ == "conj" else tok
        if not _in_party_slot(tok, _ARGUMENT_DEPS):
            continue  # "outside the ministry", "in the village": where, not who
        lemma = tok.lemma_.lower()
        if tok.pos_ == "PROPN" and lemma.endswith("s") and lemma[:-1] in agents:
            lemma = lemma[:-1]  # a capitalised plural is left unlemmatised: "Rebels"
        if lemma in _CROWD_COUNTS:  # "thousands of people", "dozens of students"
            crowd = _counted_crowd(tok, agents)
            if (
                crowd is None
                and tok.dep_ == "nsubj"
                and not any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)
            ):  # "Thousands took to the streets", "Tens of thousands rallied"
                first = tok.left_edge
                end = tok.idx + len(tok.text)
                yield first.idx, end, "crowd", "CVL", doc_text(doc)[first.idx : end], None
                continue
            if crowd is not None and crowd[2].idx not in covered:  # else "Kenyan teachers"
                noun, sector, last = crowd
                end = last.idx + len(last.text)
                yield tok.idx, end, noun, sector, doc_text(doc)[tok.idx : end], None
            continue
        if lemma in _CROWD_NOUNS and any(
            c.dep_ == "nummod" and c.like_num for c in tok.children
        ):  # "around 500 people protested", "some 2,000 Kenyan residents": a counted crowd
            first = tok.left_edge
            end = tok.idx + len(tok.text)
            whose = next(
                (
                    country
                    for c in tok.lefts
                    if c.dep_ in ("amod", "compound") and (country := _country_of_word(c.text))
                ),
                None,
            )
            yield first.idx, end, "crowd", "CVL", doc_text(doc)[first.idx : end], whose
            continue
        if both_sides(tok) and not any(
            _agent_phrase(c, tok, agents) for c in tok.lefts if c.dep_ in ("amod", "compound")
        ):
            # "Both sides signed a truce" in a note that names neither: still the
            # parties to it, of no one country (the events extractor gives such a
            # phrase the parties last named, when there are any)
            first = tok.left_edge
            end = tok.idx + len(tok.text)
            states = "GOV" if lemma in STATE_NOUNS else None
            yield first.idx, end, BOTH_SIDES, states, doc_text(doc)[first.idx : end], None
            continue
        if tok.i in descriptors or lemma in _PLACE_NOUNS:
            continue  # "special envoy Witkoff": a person, not a group
        if (
            lemma in _HELD_STATES
            and tok.tag_ == "NN"
            and not any(
                c.dep_ in ("det", "poss", "nummod", "amod", "compound") for c in tok.children
            )
        ):
            continue  # "held hostage", "taking Americans prisoner": a state, not a party
        if any(
            c.dep_ in ("appos", "compound")
            and c.ent_type_ in ("PERSON", "ORG")
            and not (c.ent_type_ == "PERSON" and _agent_phrase(c, tok, agents))
            for c in tok.children
        ):
            continue  # "the group, Hamas": the name is the party
        if tok.lower_.rstrip("s") in named_heads and any(
            c.dep_ == "det" and c.lower_ == "the" for c in tok.children
        ):
            continue  # "the army" after "Mali's army": the same, found by coreference
        compounds = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "NOUN"]
        key = None
        described = [c for c in tok.lefts if c.dep_ in ("amod", "compound")]
        if compounds and f"{compounds[-1].lemma_.lower()} {lemma}" in agents:
            key = f"{compounds[-1].lemma_.lower()} {lemma}"
        elif described and f"{described[-1].lower_} {tok.lower_}" in agents:
            key = f"{described[-1].lower_} {tok.lower_}"  # "armed men"
        elif described and f"{described[-1].lower_} {lemma}" in agents:
            key = f"{described[-1].lower_} {lemma}"  # "warring parties"
        elif lemma in agents and lemma not in _NOT_AGENTS:
            key = lemma
        if key in _STANCES and any(
            c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "to") for c in tok.children
        ):
            continue  # "their opposition to Trump": a stance, not the opposition
        if key is None and _protesting(tok, head):
            key = lemma  # "taxi drivers demonstrated": whoever protests is people
        if key is None:
            continue
        alone = (  # "The president pardoned 300 prisoners", and no one is named
            nobody_named
            and tok.dep_ in ("nsubj", "nsubjpass", "agent")
            and lemma in _roles()
            and _roles()[lemma][0] in _STATE_SECTORS
        )
        if lemma in _roles() and (_of_someone_named(tok) or (not _many_or_any(tok) and not alone)):
            # "the president", "the ministers of Brazil and Argentina": named already,
            # unless the article names no one ("The president pardoned 300 prisoners")
            continue
        mods = [
            c
            for c in tok.lefts
            if c.dep_ in ("amod", "compound", "poss", "nmod") and c.i >= tok.i - 4
        ]
        country = None
        for mod in mods:  # "French farmers", "Ivory Coast rebels", "Kenya's police"
            phrase = " ".join(t.text for t in mod.subtree if t.dep_ != "case")
            country = _country_of_word(phrase) or _country_of_word(mod.text)
            if country:
                break
        country = country or _country_after(tok)
        first = mods[0].left_edge if mods else tok
        end = tok.idx + len(tok.text)
        sector = agents.get(key, "CVL")
        yield first.idx, end, key, sector, doc_text(doc)[first.idx : end], country


def _event_nouns() -> frozenset[str]:
    """Event nouns of the event lexicon ("strike", "raid", "talks")."""
    return frozenset(
        row[0].split()[-1] for row in read_table("event_lexicon.tsv") if row[1:2] == ["noun"]
    )


@cache
def _leaders() -> dict[str, tuple[str, _Info]]:
    known: dict[str, tuple[str, _Info]] = {}
    surnames: dict[str, list[tuple[str, _Info]]] = {}
    for row in read_table("leaders.tsv"):
        name, aliases, country, sector, role = (row + [""] * 5)[:5]
        info = _Info(country or None, sector or None, role or None)
        for alias in [name, *split_list(aliases)]:
            known[alias] = (name, info)
        surnames.setdefault(name.split()[-1], []).append((name, info))
    # A bare surname ("Putin") names the leader when one leader bears it.
    for surname, people in surnames.items():
        if len(people) == 1 and surname not in known and len(surname) > 3:
            known[surname] = people[0]
    return known


def _name_key(name: str) -> str:
    """A name as the knowledge files are looked up: lower case, an acronym's dots
    dropped ("U.N. Security Council" is the "UN Security Council")."""
    key = normalize_surface(name).lower()
    return re.sub(r"\b(?:[a-z]\.){2,}", lambda m: m.group(0).replace(".", ""), key)


@cache
def _institutions() -> dict[str, tuple[str, _Info]]:
    known: dict[str, tuple[str, _Info]] = {}
    for row in read_table("institutions.tsv"):
        name, aliases, country, sector, kind = (row + [""] * 5)[:5]
        info = _Info(country or None, sector or None, None, kind or "organization")
        for alias in [name, *split_list(aliases)]:
            known[_name_key(alias)] = (name, info)
    return known


@cache
def _armed_groups() -> dict[str, tuple[str, _Info]]:
    """Named non-state armed groups (``armed_groups.tsv``, from PETRARCH2): rebels of
    a country. Read only for organisations and nationalities the model finds, so
    that a group's alias never turns a place or a person into a rebel."""
    known: dict[str, tuple[str, _Info]] = {}
    for row in read_table("armed_groups.tsv"):
        name, aliases, country = (row + [""] * 3)[:3]
        info = _Info(country or None, "REB", None, "group")
        for alias in [name, *split_list(aliases)]:
            known.setdefault(_name_key(alias), (name, info))
    return known


_STATE_SECTORS = frozenset(["GOV", "MIL", "COP", "LEG", "JUD", "SPY"])


def _known_org(name: str, armed: bool) -> tuple[str, _Info] | None:
    """(canonical name, info) of an institution of the knowledge file, or, when
    ``armed``, of a named armed group; a group filed under a region takes the
    country its name tells ("Palestinian Islamic Jihad")."""
    known = _institutions().get(_name_key(name))
    if not known and armed:
        known = _armed_groups().get(_name_key(name))
        if known and not known[1].country:
            info = _org_info(name)
            known = (known[0], _Info(info.country, "REB", None, "group"))
    return known


def _dateline_country(article: Article) -> str | None:
    """alpha-3 of the country the story is datelined in, if its dateline is a place."""
    if not article.dateline:
        return None
    gaz = load_gazetteer()
    name = re.split(r"[,(]", article.dateline)[0].strip().title()
    found = gaz.lookup(name)
    return alpha3(found[0].country) if found and found[0].country else None


def is_office_noun(lemma: str) -> bool:
    """A title or a collective that acts for a country: "president", "government"."""
    return lemma in _roles() or lemma in _groups() or f"{lemma}s" in _groups()


def _country_of_word(text: str) -> str | None:
    """alpha-3 of a demonym ("Belarusian") or a country name ("US")."""
    gaz = load_gazetteer()
    if text in gaz.demonyms:
        return alpha3(gaz.demonyms[text])
    candidates = gaz.lookup(text)
    if candidates and candidates[0].kind == "country":
        return alpha3(candidates[0].country)
    return None


#: Where a thing acted on stands: the object of a verb or the subject of a passive,
#: or after a preposition of aim ("fired at", "sanctions on"; "in the Russian
#: cities" is where, not whom).
_ACTED_ON_DEPS = frozenset(["dobj", "nsubjpass"])
_AIMED_PREPS = frozenset(["on", "upon", "against", "at", "to", "toward", "towards", "into"])
#: Nouns a demonym describes without the thing being that country's to be acted
#: on: people the agents table does not list, who are parties of their own, and
#: a country's relations ("backs American adversaries" is not backing America);
#: money ("returned 1.7 billion Canadian dollars"); a person's papers and origins
#: ("on false Syrian passports", "a judge's Mexican heritage").
_NOT_PROPERTY = frozenset(
    ["person", "people", "family", "crew", "sailor", "tribe", "minority", "community",
     "ally", "adversary", "enemy", "foe", "rival", "partner", "friend", "neighbour", "neighbor",
     "counterpart",
     "dollar", "euro", "pound", "franc", "rupee", "yuan", "yen", "ruble", "rouble", "peso",
     "dinar", "riyal", "rial", "lira", "shekel", "won", "hryvnia", "naira", "rand", "krona",
     "krone", "currency",
     "passport", "citizenship", "nationality", "heritage", "origin", "descent", "ancestry",
     "accent", "language", "cuisine"]
)  # fmt: skip


def _country_property(noun: Token) -> bool:
    """ "shelled Iraqi towns", "sanctions on Russian banks", "Palestinian homes were
    demolished": a thing of a country's acted on stands for that country. People and
    bodies ("Liberian refugees", "Iraqi officials") are parties of their own."""
    lemma = noun.lemma_.lower()
    aimed = noun.dep_ == "pobj" and noun.head.lower_ in _AIMED_PREPS
    return (
        noun.pos_ == "NOUN"
        and (noun.dep_ in _ACTED_ON_DEPS or aimed)
        and lemma not in _NOT_PROPERTY
        and lemma not in _agents()
        and lemma not in _roles()
        and not is_office_noun(lemma)
        and agent_sector(lemma) is None
    )


def _find_role(text: str) -> tuple[str, str] | None:
    """Longest role phrase in ``text``: (sector, role)."""
    lowered = " " + re.sub(r"[^\w\s-]", " ", text.lower()) + " "
    best: tuple[int, tuple[str, str]] | None = None
    for phrase, value in _roles().items():
        if f" {phrase} " in lowered and (best is None or len(phrase) > best[0]):
            best = (len(phrase), value)
    return best[1] if best else None


def _premodifiers(token: Token) -> list[Token]:
    """Modifiers left of a noun, recursively, without prepositional phrases."""
    found: list[Token] = []
    for child in token.lefts:
        if child.dep_ in ("amod", "compound", "poss", "nmod", "npadvmod", "nummod"):
            found.append(child)
            found.extend(_premodifiers(child))
            if child.dep_ == "amod":
                for conj in child.conjuncts:
                    found.append(conj)
    return found


def _descriptor(span: Span) -> tuple[list[Token], Token | None]:
    """The words that describe a name: its title, or the noun it is in apposition with."""
    root = span.root
    tokens: list[Token] = [t for t in _premodifiers(root) if t.i < span.start]
    for tok in list(tokens):  # "Secretary of State", "Chief of Staff" before the name
        for child in tok.rights:
            if child.dep_ == "prep" and child.right_edge.i < span.start:
                tokens.extend(child.subtree)
    head_noun: Token | None = None
    if root.dep_ == "appos" and root.head.pos_ in ("NOUN", "PROPN"):
        head_noun = root.head
    else:
        for child in root.children:
            if child.dep_ == "appos" and child.pos_ == "NOUN":
                head_noun = child
                break
    if head_noun is not None:
        tokens.append(head_noun)
        tokens.extend(_premodifiers(head_noun))
        for child in head_noun.rights:
            if child.dep_ == "prep" and child.i < span.start:
                tokens.extend(t for t in child.subtree)
    return sorted(set(tokens), key=lambda t: t.i), head_noun


def _info_from_descriptor(
    tokens: list[Token], span: Span, head_noun: Token | None
) -> tuple[_Info, list[tuple[int, int]]]:
    """Country, sector and role from descriptor words, plus possessor spans to resolve later."""
    info = _Info()
    possessors: list[tuple[int, int]] = []
    if not tokens:
        return info, possessors
    text = " ".join(t.text for t in tokens)
    role = _find_role(text)
    if role:
        info.sector, info.role = role
    premods = {t.i for t in tokens if head_noun is None or t.i < head_noun.i or t.dep_ != "pobj"}
    for tok in tokens:
        if tok.i not in premods or tok.dep_ == "pobj":
            continue
        if tok.dep_ == "poss" or (tok.i + 1 < len(tok.doc) and tok.nbor(1).tag_ == "POS"):
            ent = _entity_of(tok)  # "Putin's spokesman": the one they speak for
            if ent is not None and ent.label_ in ("PERSON", "ORG"):
                possessors.append((ent.start_char, ent.end_char))
                continue
        elif tok.dep_ == "compound" and tok.ent_type_ == "ORG":
            ent = _entity_of(tok)  # "Hamas spokesman"; its words may still name a country
            if ent is not None and (ent.start_char, ent.end_char) not in possessors:
                possessors.append((ent.start_char, ent.end_char))
        country = _country_of_word(tok.text)
        if country is None and tok.i + 1 < span.start:
            country = _country_of_word(f"{tok.text} {tok.nbor(1).text}")
        if country and info.country is None:
            info.country = country
    if _military([t.text for t in tokens]) and info.sector in (None, "GOV"):
        info.sector = "MIL"
    return info, possessors


def _strip_name(text: str) -> str:
    text = normalize_surface(text)
    words = text.split()
    while words and words[0].lower().rstrip(".") in _HONORIFICS:
        words = words[1:]
    return " ".join(words)


def _acronym_parties(doc: Doc, gaz: Gazetteer) -> Iterable[Token]:
    """Capitalised acronyms that act or are acted on, which the model often misses
    in agency copy: in conflict reporting these name armed groups and parties.
    A place's code ("DRC") or a title ("CEO") is left alone."""
    for tok in doc_tokens(doc):
        if (
            tok.ent_type_
            or tok.pos_ != "PROPN"
            or not tok.is_upper
            or not tok.is_alpha
            or not 2 <= len(tok.text) <= 7
            or tok.lower_ in _roles()
            or gaz.lookup(tok.text)
        ):
            continue
        if _in_party_slot(tok, _ACTING_DEPS):
            yield tok


def _org_info(name: str) -> _Info:
    known = _institutions().get(_name_key(name))
    if known:
        return known[1]
    info = _Info(kind="organization")
    words = name.split()
    lowered = [w.lower() for w in words]
    for i in range(len(words)):
        country = _country_of_word(words[i]) or (
            _country_of_word(" ".join(words[i : i + 2])) if i + 1 < len(words) else None
        )
        if country:
            info.country = country
            break
    groups = _groups()
    for size in (3, 2, 1):
        for i in range(len(lowered) - size + 1):
            phrase = " ".join(lowered[i : i + size])
            if phrase in groups and info.sector is None:
                info.sector = groups[phrase][0]
    if info.sector is None and set(lowered) & _MEDIA_WORDS:
        info.sector = "MED"
        info.country = None  # an outlet's name is not its allegiance
    if info.sector is None and _military(words):
        info.sector = "MIL"
    if info.sector is None and _company(lowered):
        info.sector = "BUS"
    return info


#: Last words that make a name a company's: "Boeing Co.", "Apple Inc.", "Ryanair
#: Holdings", "General Motors". "Group" and "Bank" are left out: armed groups and
#: central banks bear them too.
_COMPANY_ENDINGS = frozenset(
    ["inc", "inc.", "corp", "corp.", "corporation", "co", "co.", "ltd", "ltd.", "llc", "plc",
     "ag", "gmbh", "n.v.", "s.a.", "sa", "spa", "holdings", "motors", "airlines", "airways",
     "electronics", "industries", "technologies", "pharmaceuticals", "petroleum", "mining",
     "telecom", "automotive"]
)  # fmt: skip


def _company(lowered: list[str]) -> bool:
    return len(lowered) >= 2 and lowered[-1] in _COMPANY_ENDINGS


_PLACE_OF_GROUP = frozenset(["in", "from", "of", "throughout", "across", "inside"])


#: Roles that stand for a state before an organisation: "U.N. Ambassador John
#: Bolton" speaks for his country at the UN, not for the UN.
_ENVOYS = frozenset(["ambassador", "permanent representative"])


def _country_after(tok: Token) -> str | None:
    """Country of "rebels in the Ivory Coast", "doctors from two American aid groups"."""
    for prep in tok.rights:
        if prep.dep_ != "prep" or prep.lower_ not in _PLACE_OF_GROUP:
            continue
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            for ent in _ents_within(obj.doc, obj.left_edge.i, obj.i + 1):
                if ent.label_ in ("GPE", "NORP"):
                    found = _country_of_word(_strip_name(ent.text))
                    if found:
                        return found
                    place = load_gazetteer().lookup(_strip_name(ent.text))
                    if place and place[0].country:
                        return alpha3(place[0].country)
            for mod in (c for c in obj.lefts if c.dep_ in ("amod", "compound")):
                found = _country_of_word(mod.text)
                if found:
                    return found
    return None


def _entity_of(tok: Token) -> Span | None:
    """The named entity a token is part of, from the IOB tags."""
    if tok.ent_iob_ not in ("B", "I"):
        return None
    doc, start, end = tok.doc, tok.i, tok.i + 1
    while doc[start].ent_iob_ == "I" and start > 0:
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=tok.ent_type_)


def _ents_within(doc: Doc, start: int, end: int) -> Iterable[Span]:
    """Named entities wholly inside tokens ``[start, end)``, read from the tokens'
    IOB tags: ``doc.ents`` builds every entity of the article on each call."""
    i = start
    while i < end:
        tok = doc[i]
        if tok.ent_iob_ != "B":
            i += 1
            continue
        stop = i + 1
        while stop < len(doc) and doc[stop].ent_iob_ == "I":
            stop += 1
        if stop <= end:
            yield Span(doc, i, stop, label=tok.ent_type_)
        i = stop


#: Dependencies of a name that acts or is acted on (not "in Moscow", "the Moscow talks").
_ACTOR_DEPS = frozenset(["nsubj", "nsubjpass", "poss", "dobj", "conj"])


def _people_mentions(doc: Doc) -> Iterable[tuple[int, int, str, str]]:
    """(start, end, alpha3, name) for a people named by a plural demonym: "the
    Palestinians", "thousands of Iraqi Kurds". A preceding demonym adjective
    decides the country ("Iraqi Kurds" are Iraq's), else the noun's own."""
    gaz = load_gazetteer()
    for tok in doc_tokens(doc):
        check_budget()
        if tok.tag_ not in ("NNPS", "NNS", "NNP") or not tok.text.endswith("s"):
            continue
        if tok.dep_ in ("compound", "amod", "nmod"):
            continue
        before = doc[tok.i - 1] if tok.i > 0 else None
        if tok.text not in gaz.demonyms and not _led_by_demonym(tok, before, gaz):
            continue
        start, country = tok.i, alpha3(gaz.demonyms.get(tok.text, ""))
        if before is not None and before.text in gaz.demonyms and not before.text.endswith("s"):
            start, country = before.i, alpha3(gaz.demonyms[before.text])
        # where they live decides for a minority: "ethnic Albanians in south Serbia"
        country = _country_after(tok) or country
        if country:
            yield doc[start].idx, tok.idx + len(tok.text), country, doc[start : tok.i + 1].text


def _led_by_demonym(tok: Token, before: Token | None, gaz: Gazetteer) -> bool:
    """A people no country is named for, with one before it: "Iraqi Kurds",
    "Afghan Hazaras" (a capitalised plural after a singular demonym)."""
    return (
        before is not None
        and tok.tag_ in ("NNPS", "NNS")
        and tok.text[:1].isupper()
        and before.text in gaz.demonyms
        and not before.text.endswith("s")
    )


def _country_called_person(ent: Span, gaz: Gazetteer, surnames: Mapping[str, str]) -> bool:
    """A one-word PERSON of the model that is a country's name and no surname of
    the story's people: "Mali's army said" (the model's "Mali" person), but not
    "Jordan" after "Michael Jordan"."""
    if ent.label_ != "PERSON" or len(ent) != 1:
        return False
    name = normalize_surface(ent.text)
    if name in surnames:
        return False
    candidates = gaz.lookup(name)
    return bool(candidates) and candidates[0].kind == "country"


def _a_people(ent: Span, gaz: Gazetteer) -> bool:
    """The model's PERSON that is a people: "Bosnian Serbs", "Iraqi Kurds"."""
    last, first = ent[-1], ent[0]
    return (
        len(ent) >= 2
        and last.tag_ in ("NNPS", "NNS")
        and last.text.endswith("s")
        and first.text in gaz.demonyms
        and not first.text.endswith("s")
    )


#: Group nouns that make an armed actor only when a country leads them.
_LED_ONLY = frozenset(["coalition"])


def _led_by(tok: Token) -> str | None:
    """The country of "Saudi-led" or "US-led" on ``tok``: who leads an alliance."""
    for led in (c for c in tok.children if c.dep_ == "amod" and c.lemma_ == "lead"):
        for leader in (c for c in led.children if c.dep_ in ("npadvmod", "compound", "nmod")):
            country = _country_of_word(leader.text)
            if country:
                return country
    return None


def _group_mentions(doc: Doc) -> Iterable[tuple[int, int, str, str, int, str]]:
    """(start, end, alpha3, sector, rank, noun) for "Russian troops", "the US delegation"."""
    groups = _groups()
    for tok in doc_tokens(doc):
        check_budget()
        if tok.pos_ not in ("NOUN", "PROPN"):
            continue
        noun = tok.lower_
        start_noun = tok.i
        if tok.i > 0 and f"{doc[tok.i - 1].lower_} {noun}" in groups:
            noun = f"{doc[tok.i - 1].lower_} {noun}"
            start_noun = tok.i - 1
        led_by = _led_by(tok)
        if noun in _LED_ONLY and led_by is None:
            continue  # "the ruling coalition" is no armed force; "the Saudi-led coalition" is
        if noun not in groups or tok.ent_type_ == "ORG":
            continue  # named organisations are handled as such
        if tok.dep_ in ("compound", "amod", "nmod") or (
            tok.dep_ == "conj" and tok.head.dep_ in ("compound", "amod", "nmod")
        ):
            continue  # "military aid", "army base": the noun modifies another
        if any(
            c.dep_ == "conj"
            and c.lower_ not in groups
            and any(x.dep_ == "compound" for x in c.lefts)
            for c in tok.children
        ):
            continue  # "military and intelligence aid": coordinated modifiers
        sector, rank = groups[noun]
        modifiers = [
            c
            for c in tok.lefts
            if c.dep_ in ("amod", "compound", "nmod", "poss") and c.i < start_noun
        ]
        if not modifiers and start_noun > 0 and doc[start_noun - 1].ent_type_ in ("NORP", "GPE"):
            modifiers = [doc[start_noun - 1]]  # parse missed the modifier
        for mod in list(modifiers):
            modifiers.extend(c for c in mod.conjuncts if c not in modifiers)
        found_any = False
        for mod in modifiers:
            led = _led_by(mod) if mod.dep_ == "compound" else None
            if led is not None or (mod.lemma_ == "lead" and led_by is not None):
                # "Saudi-led coalition aircraft", "the US-led coalition"
                first = mod.left_edge
                end = tok.idx + len(tok.text)
                yield (
                    first.idx,
                    end,
                    led or led_by or "",
                    sector,
                    rank,
                    doc_text(doc)[first.idx : end],
                )
                found_any = True
                break
            text = mod.text
            if mod.i + 1 < start_noun and doc[mod.i + 1].pos_ == "PROPN":
                text = f"{mod.text} {doc[mod.i + 1].text}"
            if mod.dep_ == "poss":  # "Saudi Arabia's foreign ministry": the whole possessor
                text = " ".join(t.text for t in mod.subtree if t.dep_ != "case")
            country = _country_of_word(text) or _country_of_word(mod.text)
            if country:
                end = tok.idx + len(tok.text)
                if len(modifiers) == 1:
                    first = mod.left_edge if mod.dep_ == "poss" else mod
                    yield first.idx, end, country, sector, rank, doc_text(doc)[first.idx : end]
                else:  # "the American and Ukrainian delegations": one mention each
                    yield mod.idx, mod.idx + len(text), country, sector, rank, f"{text} {noun}"
                found_any = True
        if not found_any:
            country = _country_after(tok)
            if country:
                # named with its place ("sources in Moscow"), mentioned by its noun
                place = next(
                    (p for p in tok.rights if p.dep_ == "prep" and p.lower_ in _PLACE_OF_GROUP),
                    None,
                )
                last = place.right_edge.i if place is not None else tok.i
                name = doc[start_noun : last + 1].text if last - tok.i <= 5 else noun
                yield doc[start_noun].idx, tok.idx + len(tok.text), country, sector, rank, name


def extract_entities(article: Article, doc: Doc) -> list[Entity]:
    """Canonical actors with mentions, country (alpha-3), sector and role."""
    gaz = load_gazetteer()
    clusters: list[_Cluster] = []
    by_key: dict[str, _Cluster] = {}
    person_spans = [e for e in doc_ents(doc) if e.label_ == "PERSON"]
    descriptor_tokens: set[int] = set()

    def cluster_for(key: str, kind: EntityKind, name: str) -> _Cluster:
        if key not in by_key:
            by_key[key] = _Cluster(kind=kind, name=name, key=key)
            clusters.append(by_key[key])
        return by_key[key]

    def org_cluster(canonical: str, info: _Info) -> _Cluster:
        """The cluster of a named organisation or group; a country's military is
        one cluster whatever it is called ("the IDF", "Israel's army")."""
        kind: EntityKind = "group" if info.kind == "group" else "organization"
        key = (
            f"org:{info.country}:{info.sector}"
            if info.sector == "MIL" and info.country
            else (f"org:{canonical.lower()}")
        )
        cluster = cluster_for(key, kind, canonical)
        cluster.country = cluster.country or info.country
        cluster.sector = cluster.sector or info.sector
        return cluster

    # People: full names first, so that surnames can join them.
    surnames: dict[str, str] = {}
    for ent in person_spans:
        name = _strip_name(ent.text)
        if len(name.split()) >= 2:
            canonical = _leaders().get(name, (name, None))[0]
            key = f"person:{canonical}"
            surnames.setdefault(name.split()[-1], key)
            cluster_for(key, "person", canonical)
    pending_possessors: list[tuple[_Cluster, tuple[int, int]]] = []
    for ent in doc_ents(doc):
        check_budget()
        if ent.label_ not in ("PERSON", "ORG", "NORP", "GPE"):
            continue
        name = _strip_name(ent.text)
        if not name:
            continue
        if ent.label_ != "PERSON" and name not in surnames:
            continue
        if person_in_place_slot(ent, gaz):
            continue  # "the outskirts of Kherson": a place the model called a person
        if ent.label_ == "PERSON" and _a_people(ent, gaz):
            continue  # "Bosnian Serbs": a people, found with the other peoples below
        if _country_called_person(ent, gaz, surnames):
            continue  # "Mali's army said": a country, found with the countries below
        if (
            len(ent) == 1
            and ent.end < len(doc)
            and ent.root.dep_ == "compound"
            and _agent_phrase(ent[0], doc[ent.end], _agents())
        ):
            continue  # "Riot police fired": an agent noun, found with the groups below
        if len(name.split()) >= 2:
            key = f"person:{_leaders().get(name, (name, None))[0]}"
        else:
            key = surnames.get(name) or f"person:{_leaders().get(name, (name, None))[0]}"
        cluster = cluster_for(key, "person", key.split(":", 1)[1])
        end = ent.start_char + len(re.sub(r"['’]s?$", "", ent.text))
        cluster.mentions.append((ent.start_char, end))
        tokens, head_noun = _descriptor(ent)
        descriptor_tokens.update(t.i for t in tokens)
        info, possessors = _info_from_descriptor(tokens, ent, head_noun)
        cluster.country = cluster.country or info.country
        cluster.sector = cluster.sector or info.sector
        cluster.role = cluster.role or info.role
        pending_possessors.extend((cluster, p) for p in possessors)

    # Surnames the model did not tag ("Barrot said") still refer to the person.
    used = {t.i for e in doc_ents(doc) if e.label_ in ("PERSON", "ORG") for t in e}
    for tok in doc_tokens(doc):
        check_budget()
        surname_key = surnames.get(tok.text)
        if (
            surname_key
            and tok.i not in used
            and tok.pos_ == "PROPN"
            and not (tok.i > 0 and doc[tok.i - 1].pos_ == "PROPN" and doc[tok.i - 1].is_title)
            and not (tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN")
        ):
            by_key[surname_key].mentions.append((tok.idx, tok.idx + len(tok.text)))

    # Organisations, and institutions named in the knowledge file.
    for ent in doc_ents(doc):
        check_budget()
        if ent.label_ not in ("ORG", "NORP", "FAC", "GPE"):
            continue
        name = _strip_name(ent.text)
        if not name or name in surnames:
            continue
        known = _known_org(name, armed=ent.label_ in ("ORG", "NORP"))
        if ent.label_ in ("NORP", "FAC", "GPE") and not known:
            continue
        if (
            not known
            and all(t.i in descriptor_tokens for t in ent)
            and not any(t.lower_ in _groups() or t.lower_ in _MILITARY_WORDS for t in ent)
        ):
            continue  # "State" in "Secretary of State"
        cluster = org_cluster(*(known or (name, _org_info(name))))
        cluster.rank = max(cluster.rank, 10)
        start = ent.start_char + (ent.text.find(name) if name in ent.text else 0)
        cluster.mentions.append((start, start + len(name)))

    # Acronyms the model left untagged ("FARDC and ADF fought near Beni").
    # A known one is the group it stands for, as when the model tags it ("ADF
    # attacked a village" and "fighters of the ADF" are the same rebels).
    for tok in _acronym_parties(doc, gaz):
        known = _known_org(tok.text, armed=True)
        if known is None:
            cluster = cluster_for(f"org:{tok.lower_}", "organization", tok.text)
        else:
            cluster = org_cluster(*known)
        cluster.mentions.append((tok.idx, tok.idx + len(tok.text)))

    # Collective actors: a demonym or country on a group noun.
    described_ends = {doc[i].idx + len(doc[i].text) for i in descriptor_tokens}
    for start, end, country, sector, rank, name in _group_mentions(doc):
        if end in described_ends:
            continue  # "the Kenyan interior minister, Kipchumba Murkomen" is the person
        key = f"org:{country}:{sector}"
        cluster = cluster_for(key, "group", name)
        if rank > cluster.rank:
            cluster.name, cluster.rank = name, rank
        cluster.country = cluster.country or country
        cluster.sector = cluster.sector or sector or None
        cluster.mentions.append((start, end))

    # Peoples named by a plural demonym.
    for start, end, country, name in _people_mentions(doc):
        same = next((c for c in clusters if (start, end) in c.mentions and not c.country), None)
        if same is not None:  # the model tagged "Bosnian Serbs" already: give it the country
            same.country = country
            continue
        cluster = cluster_for(f"people:{country}", "group", name)
        cluster.country = cluster.country or country
        cluster.mentions.append((start, end))

    # Countries named as such.
    for ent in doc_ents(doc):
        check_budget()
        if ent.label_ != "GPE" and not _country_called_person(ent, gaz, surnames):
            continue
        surface = normalize_surface(ent.text)
        candidates = gaz.lookup(surface)
        if not candidates or candidates[0].kind != "country":
            continue
        entry = candidates[0]
        cluster = cluster_for(f"country:{entry.country}", "country", entry.name)
        cluster.country = alpha3(entry.country)
        start = ent.start_char + max(0, ent.text.find(surface))
        cluster.mentions.append((start, start + len(surface)))

    # A demonym on an event noun is the country acting: "Russian strikes", "Israeli raids";
    # on a thing acted on, the country it belongs to: "shelled Iraqi towns".
    covered = {i for c in clusters for a, b in c.mentions for i in range(a, b)}
    event_nouns = _event_nouns()
    for tok in doc_tokens(doc):
        check_budget()
        if tok.dep_ not in ("amod", "compound", "nmod") or tok.idx in covered:
            continue
        if tok.head.lemma_.lower() not in event_nouns and not _country_property(tok.head):
            continue
        alpha2 = gaz.demonyms.get(tok.text)
        acting = gaz.country(alpha2) if alpha2 else None
        if alpha2 is None or acting is None:
            continue
        cluster = cluster_for(f"country:{alpha2}", "country", acting.name)
        cluster.country = alpha3(alpha2)
        cluster.mentions.append((tok.idx, tok.idx + len(tok.text)))

    # A capital acting stands for its country ("Kyiv denies", "Moscow's offer").
    for ent in doc_ents(doc):
        check_budget()
        if ent.label_ != "GPE" or ent.root.dep_ not in _ACTOR_DEPS:
            continue
        surface = normalize_surface(ent.text)
        candidates = gaz.lookup(surface)
        if not candidates or candidates[0].kind != "city" or not candidates[0].capital:
            continue
        entry = candidates[0]
        country_entry = gaz.country(entry.country) if entry.country else None
        name = country_entry.name if country_entry else entry.country or surface
        cluster = cluster_for(f"country:{entry.country}", "country", name)
        cluster.country = alpha3(entry.country)
        start = ent.start_char + max(0, ent.text.find(surface))
        cluster.mentions.append((start, start + len(surface)))

    # Unnamed actors: "police", "unidentified gunmen", "protesters", after every
    # named actor so that "French farmers" and "Ivory Coast rebels" keep their
    # country. One entity per noun and country in an article; a country from the
    # dateline is said so in country_from.
    covered_now = {i for c in clusters for a, b in c.mentions for i in range(a, b)}
    home_country = _dateline_country(article)
    home_from: Literal["dateline", "article"] = "dateline"
    if home_country is None:  # else the one country the article speaks of, if only one
        named: set[str | None] = {c.country for c in clusters if c.kind == "country"}
        named |= {
            alpha3(found[0].country)
            for ent in doc_ents(doc)
            if ent.label_ == "GPE"
            and (found := gaz.lookup(normalize_surface(ent.text)))
            and found[0].country
        }
        named.discard(None)
        if len(named) == 1:
            home_country, home_from = next(iter(named)), "article"
    named_heads = {
        c.name.split()[-1].lower().rstrip("s")
        for c in clusters
        if c.kind in ("group", "organization") and c.mentions
    }
    nobody_named = not any(c.kind == "person" for c in clusters)
    for start, end, noun, group_sector, name, said in _generic_mentions(
        doc, covered_now, descriptor_tokens, named_heads, nobody_named
    ):
        if noun == BOTH_SIDES and _named_before(clusters, start) >= 2:
            continue  # "Zelensky met Duda, and the two leaders signed": those two, not a third
        cluster = cluster_for(f"generic:{noun}:{said or ''}", "group", name)
        cluster.sector = cluster.sector or group_sector
        if said:
            cluster.country = cluster.country or said
        elif home_country and not cluster.country and noun != BOTH_SIDES:
            cluster.country = home_country
            cluster.country_from = home_from
        cluster.mentions.append((start, end))

    # Knowledge fills what the text left open.
    for cluster in clusters:
        if cluster.kind == "person":
            known = _leaders().get(cluster.name)
            if known:
                info = known[1]
                cluster.country = cluster.country or info.country
                cluster.sector = cluster.sector or info.sector
                cluster.role = cluster.role or info.role

    # Possessors ("Donald Trump's envoy") lend their country once all are known; an
    # organisation lends its sector too, to a title that says no other: "Hamas
    # spokesman Hazem Qassem" speaks for an armed group, not for a government.
    span_owner = {m: c for c in clusters for m in c.mentions}
    for cluster, span in pending_possessors:
        owner = span_owner.get(span) or next(
            (c for c in clusters for m in c.mentions if m[0] == span[0]), None
        )
        if owner is None or owner is cluster:
            continue
        if owner.country and not cluster.country:
            cluster.country = owner.country
        if (
            owner.kind in ("organization", "group")
            and owner.sector
            and cluster.kind == "person"
            and cluster.sector in (None, "GOV")
            and cluster.role not in _ENVOYS
        ):
            cluster.sector = owner.sector

    # An official with a title and no nationality in a story datelined in a country
    # ("TBILISI - Prime Minister Irakli Kobakhidze said") is that country's.
    home = _dateline_country(article)
    if home is not None:
        for cluster in clusters:
            if (
                cluster.kind == "person"
                and not cluster.country
                and cluster.sector in _STATE_SECTORS
            ):
                cluster.country = home

    entities: list[Entity] = []
    ordered = sorted(
        (c for c in clusters if c.mentions), key=lambda c: min(m[0] for m in c.mentions)
    )
    for i, cluster in enumerate(ordered, start=1):
        mentions = sorted(set(cluster.mentions))
        entities.append(
            Entity(
                id=f"E{i}",
                name=cluster.name,
                kind=cluster.kind,
                country=cluster.country,
                sector=cluster.sector,
                role=cluster.role,
                mentions=mentions,
                country_from=cluster.country_from,
            )
        )
    return entities
