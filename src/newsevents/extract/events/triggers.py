"""Triggers: the event lexicon (``data/event_lexicon.tsv``), phrase and
particle entries, discontinuation (SANCTION), weapons thrown or found, and the
match of a token against all of them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Token

from ...gazetteer import load_gazetteer, read_table
from ..entities import agent_sector
from ..senses import is_weapon
from ..text import of_objects
from . import cameo
from .syntax import _agents
from .words import _LIGHT_VERBS, STRETCH_NOUNS, regular_lemma


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


def _noun_entry(tok: Token) -> _Entry | None:
    """The lexicon's noun entry for a token, by its lemma or by the word itself:
    the lexicon has "talks" as a word of its own, whose lemma is "talk"."""
    lex = _lexicon()
    return lex.get((tok.lemma_.lower(), "noun")) or lex.get((tok.lower_, "noun"))


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
    broken_off = tok.lemma_.lower() == "break" and any(
        c.dep_ == "prt" and c.lower_ == "off" for c in tok.children
    )  # "broke off talks"
    if tok.lemma_.lower() not in _DISCONTINUE and not broken_off:
        return None
    for obj in (c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")):
        heads = [obj, *(c for c in obj.children if c.dep_ == "compound")]
        for head in heads:
            noun = _noun_entry(head)
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
    verbs |= _WEAPON_OBJECT_VERBS | _WEAPON_FOUND_VERBS | _DELIVERY_VERBS | set(cameo.dictionary())
    verbs |= {"return", "come", "go"}
    return frozenset(verbs | _DISCONTINUE), frozenset(nouns | {"strike"})


def _hyphenated(tok: Token) -> str | None:
    """ "sit-in", "walk-out", "stand-off": the tokenizer splits them at the hyphen
    and the parse makes the last piece the head."""
    if tok.i >= 2 and tok.doc[tok.i - 1].text == "-" and not tok.doc[tok.i - 1].whitespace_:
        first = tok.doc[tok.i - 2]
        if not first.whitespace_:
            return f"{first.lower_}-{tok.lower_}"
    return None


def trigger_span(tok: Token) -> tuple[int, int]:
    """The characters of the trigger: the whole of a hyphenated word ("sit-in"),
    whose last piece the parse makes the head."""
    start = tok.doc[tok.i - 2].idx if _hyphenated(tok) is not None else tok.idx
    return start, tok.idx + len(tok.text)


def _match(tok: Token) -> _Entry | None:
    if tok.ent_type_ in ("DATE", "TIME"):
        return None  # "March 3", "a Strike Day": a date, not a march or a strike
    lemma = tok.lemma_.lower()
    verb_heads, noun_heads = _heads()
    if tok.pos_ in ("VERB", "AUX") or (
        tok.pos_ == "NOUN" and tok.dep_ == "ROOT" and tok.tag_.startswith("VB")
    ):
        lemma = regular_lemma(tok, verb_heads)
        if lemma not in verb_heads:
            return None
    elif tok.pos_ not in ("NOUN", "PROPN") or (
        lemma not in noun_heads and tok.lower_ not in noun_heads and _hyphenated(tok) is None
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
        and any(_noun_entry(o) is not None for o in c.children if o.dep_ == "pobj")
        for c in tok.children
    ):
        return None  # "return to talks": the talks are the event
    if tok.pos_ == "VERB" and lemma in ("exchange", "trade"):
        for obj in (c for c in tok.children if c.dep_ == "dobj"):
            traded = _noun_entry(obj)
            if traded is not None:  # "exchanged accusations", "traded threats": both do it
                return _Entry(traded.type, traded.mode, f"{lemma}:{obj.lemma_.lower()}")
    if tok.pos_ == "VERB" and lemma == "strike" and _labour_strike(tok):
        return _Entry("PROTEST", "strike", "strike/labour")
    if tok.pos_ in ("VERB", "AUX") and lemma == "take" and _takes_people(tok):
        return _Entry("COERCE", "seize", "take people")
    if tok.pos_ == "VERB" and lemma == "go" and _weapon_went_off(tok):
        return _Entry("ASSAULT", None, "weapon went off")
    if tok.pos_ in ("VERB", "AUX") and lemma in _DELIVERY_VERBS:
        # "hit Russia with sanctions", "responded with airstrikes": the means is the event
        for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "with"):
            for means in (o for o in prep.children if o.dep_ == "pobj"):
                entry = _match(means) if means.pos_ in ("NOUN", "PROPN") else None
                if entry is not None:  # read as a noun trigger: "air strikes" is no walkout
                    return _Entry(entry.type, entry.mode, f"{lemma} with:{means.lemma_.lower()}")
    if tok.pos_ == "VERB" and lemma == "meet" and _met_with_force(tok):
        return None  # "protesters were met with tear gas": force, not a meeting
    if tok.pos_ == "VERB" and lemma in _GIVING_VERBS and _materiel_given(tok):
        return _Entry("AID", "military", f"arms given:{lemma}")
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
        objects = [c for c in children if c.dep_ in ("dobj", "nsubjpass")]
        # "established a total of 56 points", "set up dozens of checkpoints"
        objects += [o for c in objects if c.lemma_.lower() in _PORTIONS for o in of_objects(c)]
        for obj in objects:
            if lemma == "blow" and "up" in particles and obj.lower_ in _REFLEXIVE:
                return _Entry("ASSAULT", "suicide-attack", "blow oneself up")
            for noun in {obj.lemma_.lower(), obj.lower_.removesuffix("s")}:
                for prt in particles or ([""] if obj.dep_ == "nsubjpass" else []):
                    # "set up a post", "bases were set up", "a point was established"
                    phrase = f"{lemma} {prt} {noun}" if prt else f"{lemma} {noun}"
                    if (phrase, "verb") in lex:
                        return lex[(phrase, "verb")]
        portioned = [o for o in objects if o.dep_ == "pobj"]  # "a total of 56 points"
        for child in [*children, *portioned]:
            if child.dep_ in ("prt", "prep", "dobj", "agent", "advmod", "oprd", "acomp") or (
                child in portioned
            ):
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
        if lemma == "seek" and any(c.dep_ == "xcomp" for c in children):
            return None  # "was seeking to expand its influence": an aim, no request
        if lemma in _DENYING_VERBS and _neither_nor(tok):
            return None  # "neither confirmed nor denied": no denial
        if lemma in _ATTACKING and _attack_in_words(tok):
            return _Entry("ACCUSE", None, f"{lemma} in words")  # "Trump attacked Clinton over"
        if lemma in _FIGHTING and _against_no_one(tok):
            return None  # "vowed to fight corruption": no one is fought
        if lemma == "vow" and not _vows_force(tok):
            return None  # "vowed to continue reforms": an intention of one's own, no threat
        if lemma in _WARNING_VERBS and _warns_of_own_act(tok):
            return _Entry("THREATEN", None, f"{lemma} of own act")
        bare = lex.get((lemma, "verb"))
        if bare is not None and _carried_by_noun(tok, lemma, bare):
            return None  # "committed a massacre", "signed a ceasefire agreement"
        if tok.pos_ != "VERB":
            return bare
        if _stretch_of_force(tok):
            return None  # "launched a bombing campaign": the bombing is the event
        found = cameo.match(tok, lemma)
        if found is None and bare is None and lemma in _TAKING_CONTROL and _control_of_place(tok):
            return _Entry("COERCE", "seize", f"{lemma} control of a place")  # CAMEO 192
        if found is None:
            return bare
        if found.type is None:
            return None  # the dictionary's null code: "battle Congress", "abandon a plan"
        return bare or _Entry(found.type, found.mode, found.rule)
    if tok.pos_ in ("NOUN", "PROPN"):
        for mod in (c for c in tok.lefts if c.dep_ in ("compound", "amod")):
            phrase = f"{mod.lemma_.lower()} {lemma}"
            if (phrase, "noun") in lex:  # "hunger strike", "war games"
                return lex[(phrase, "noun")]
        if lemma == "strike" and _military_strike(tok):
            return _Entry("ASSAULT", None, "strike/military")
        if lemma in _ARMED_ONLY_NOUNS and not _armed_sentence(tok):
            return None  # "Canadian operations would fold": a business's operations
        joined = _hyphenated(tok)
        keys = (joined, joined.replace("-", "") if joined else None, tok.lower_, lemma)
        for key in keys:  # "sit-in"; "walk-out" written as the lexicon's "walkout"
            if key is not None and (key, "noun") in lex:
                return lex[(key, "noun")]
    return None


#: Nouns that are an attack only among armed forces: "a military operation", "the
#: operation killed 12 militants", not "its European operations".
_ARMED_ONLY_NOUNS = frozenset(["operation"])
_ARMED_WORDS = frozenset(
    ["military", "army", "troop", "soldier", "force", "militant", "rebel", "insurgent",
     "police", "security", "offensive", "counter-terrorism", "counterterrorism", "airstrike",
     "raid", "jihadist", "fighter", "militia", "gunman", "terrorist", "navy", "marine",
     "commando", "battalion", "brigade", "kill", "killed", "insurgency", "armed"]
)  # fmt: skip


def _armed_sentence(tok: Token) -> bool:
    return any(t.lemma_.lower() in _ARMED_WORDS or t.lower_ in _ARMED_WORDS for t in tok.sent)


#: Verbs of taking control, and what a place is when control of it is taken:
#: "regained control of the village", "seized control of Kidal" (not "took control
#: of the company" or "of the agenda").
_TAKING_CONTROL = frozenset(["take", "seize", "gain", "regain", "wrest", "retake", "assume"])
_TERRAIN = frozenset(
    ["village", "town", "city", "district", "area", "region", "province", "territory",
     "base", "airport", "port", "border", "crossing", "road", "highway", "bridge", "hill",
     "camp", "checkpoint", "outpost", "neighbourhood", "neighborhood", "capital", "county",
     "locality", "settlement", "island", "oilfield", "field", "mine", "dam", "valley"]
)  # fmt: skip


def _control_of_place(verb: Token) -> bool:
    for obj in (c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() == "control"):
        for prep in (c for c in obj.children if c.dep_ == "prep" and c.lower_ in ("of", "over")):
            for place in (o for o in prep.children if o.dep_ == "pobj"):
                if (
                    place.ent_type_ in ("GPE", "LOC", "FAC")
                    or place.lemma_.lower() in _TERRAIN
                    or (place.pos_ == "PROPN" and place.ent_type_ not in ("PERSON", "ORG", "NORP"))
                ):
                    return True
    return False


#: Nouns that count or portion what the verb acts on: "a total of 56 points".
_PORTIONS = frozenset(
    ["total", "number", "series", "couple", "handful", "string", "wave", "pair", "set",
     "dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "score", "scores"]
)  # fmt: skip

#: Verbs of attack that politics uses of words: "Trump attacked Clinton over her
#: emails", "the governor slammed the federal response".
_ATTACKING = frozenset(["attack", "slam", "bash", "savage", "assail", "lambast", "lambaste"])
#: What is attacked when the attack is criticism.
_SAID_OR_DECIDED = frozenset(
    ["decision", "plan", "policy", "remark", "comment", "statement", "proposal", "record",
     "bill", "law", "budget", "deal", "agreement", "report", "idea", "approach", "handling",
     "response", "stance", "position", "speech", "tweet", "claim", "move", "ruling", "reform",
     "strategy", "rhetoric", "leadership", "management", "performance", "candidacy"]
)  # fmt: skip


#: Where words are said: an attack "in a speech" or "on Twitter" is criticism.
_SPEECH_SETTINGS = frozenset(
    ["speech", "statement", "interview", "debate", "tweet", "post", "address", "op-ed",
     "article", "letter", "video", "television", "podcast", "conference", "twitter", "x",
     "facebook", "column", "editorial", "remark", "message", "broadcast"]
)  # fmt: skip


def _attack_in_words(verb: Token) -> bool:
    """An attack on what someone said or decided, or one politician on another with
    no weapon named: criticism (CAMEO 111), not an assault."""
    if any(is_weapon(t) for t in verb.subtree):
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if any(o.lemma_.lower() in _SAID_OR_DECIDED for o in objects):
        return True
    spoken = any(
        p.dep_ == "prep"
        and p.lower_ in ("in", "during", "on", "at")
        and any(o.lemma_.lower() in _SPEECH_SETTINGS for o in p.children if o.dep_ == "pobj")
        for p in verb.children
    )  # "attacked Trump in a speech", "on Twitter", "during the debate"
    if spoken and objects:
        return True
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    reason = any(c.dep_ == "prep" and c.lower_ in ("over", "for") for c in verb.children)
    return (
        bool(objects)
        and bool(subjects)
        and all(o.ent_type_ == "PERSON" for o in objects)
        and (reason or all(s.ent_type_ == "PERSON" or s.lower_ in ("he", "she") for s in subjects))
    )  # "Trump attacked Clinton over her emails" (the model tags Trump ORG)


#: Verbs of fighting, and what is fought when no one is: "fight corruption".
_FIGHTING = frozenset(["fight", "combat", "battle", "tackle", "counter", "confront"])
_ABSTRACT_FOES = frozenset(
    ["corruption", "poverty", "inflation", "unemployment", "disease", "virus", "pandemic",
     "epidemic", "climate", "change", "crime", "fire", "wildfire", "blaze", "flood", "hunger",
     "malnutrition", "illiteracy", "discrimination", "racism", "injustice", "impunity",
     "misinformation", "disinformation", "drought", "pollution", "deforestation", "obesity",
     "cancer", "malaria", "cholera", "ebola", "covid", "coronavirus", "addiction", "fraud",
     "tax", "evasion", "smuggling", "trafficking", "piracy", "extremism", "radicalisation",
     "radicalization", "bill", "law", "decision", "ruling", "charge", "case", "lawsuit", "order"]
)  # fmt: skip


def _against_no_one(verb: Token) -> bool:
    """What is fought is a condition, a text or a case, not a party: "fight
    corruption", "battle the blaze", "fight the charges in court"."""
    fought = [c for c in verb.children if c.dep_ == "dobj"]
    fought += [o for p in verb.children if p.dep_ == "prep" and p.lower_ in ("against", "over")
               for o in p.children if o.dep_ == "pobj"]  # fmt: skip
    return bool(fought) and all(f.lemma_.lower() in _ABSTRACT_FOES for f in fought)


def _vows_force(verb: Token) -> bool:
    """ "vowed to retaliate", "vowed revenge": a vow of force threatens; "vowed to
    continue reforms" or "to fight corruption" is an intention of one's own. With
    no complement, the dictionary's threat stands."""
    done = [c for c in verb.children if c.dep_ == "xcomp"]
    if not done:
        return True
    for act in done:
        entry = _match(act)
        if entry is not None and entry.type in _FORCE_TYPES | {"THREATEN", "SANCTION"}:
            return True
        if act.lemma_.lower() in ("retaliate", "avenge", "punish", "respond", "revenge", "crush"):
            return True
    return False


_DENYING_VERBS = frozenset(["deny", "confirm"])


def _neither_nor(verb: Token) -> bool:
    """ "neither confirmed nor denied": the pair says nothing either way."""
    pair = [verb, *verb.conjuncts]
    return any(t.lower_ in ("neither", "nor") for v in pair for t in v.children) or any(
        t.lower_ == "neither" for t in verb.doc[max(verb.i - 3, 0) : verb.i]
    )


#: Speech verbs that threaten when what they announce is the speaker's own act.
_WARNING_VERBS = frozenset(["warn", "caution"])
_FUTURE_MODALS = frozenset(["will", "would", "'ll", "wo"])
_SELF = frozenset(["it", "they", "we", "he", "she", "i"])


def _warns_of_own_act(verb: Token) -> bool:
    """ "warned the North that it would respond firmly": a warning of what the
    speaker will do is a threat (CAMEO 130); a warning of what others or events
    will do ("warned that prices would rise") is a comment."""
    speakers = {c.lower_ for c in verb.children if c.dep_ == "nsubj"}
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        if not any(a.lower_ in _FUTURE_MODALS for a in clause.children if a.dep_ == "aux"):
            continue
        for subject in (c for c in clause.children if c.dep_ == "nsubj"):
            if subject.lower_ in _SELF or subject.lower_ in speakers:
                return True
    return False


#: Types of acts done to others by force, which a light verb only carries.
_FORCE_TYPES = frozenset(["ASSAULT", "COERCE", "PROTEST", "MOBILIZE"])


def _carried_by_noun(verb: Token, lemma: str, entry: _Entry) -> bool:
    """A light verb whose object is an act of force only carries that act: the
    massacre committed is no commitment. The noun is coded on its own, with this
    verb's subject. (A signed agreement stays a signing: CAMEO 057 is SUPPORT.)"""
    if lemma not in _LIGHT_VERBS or entry.type in _FORCE_TYPES:
        return False
    return any(
        (found := _noun_entry(obj)) is not None and found.type in _FORCE_TYPES
        for obj in verb.children
        if obj.dep_ == "dobj"
    )


def _stretch_of_force(verb: Token) -> bool:
    """The verb's object stretches out an act of force named on it: "launched a
    bombing campaign", "began a wave of arrests"; that act is coded, not the
    verb's sense of the stretch (CAMEO reads "launch a campaign" as criticism)."""
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        if obj.lemma_.lower() not in STRETCH_NOUNS:
            continue
        named = [c for c in obj.children if c.dep_ in ("amod", "compound")]
        named += of_objects(obj)
        if any((e := _noun_entry(n)) is not None and e.type in _FORCE_TYPES for n in named):
            return True
    return False


#: Sectors of those who take people by force: military, police, rebels, armed
#: groups, criminals, intelligence.
_ARMED_SECTORS = frozenset(["MIL", "COP", "REB", "UAF", "CRM", "SPY"])


def _armed_agent(tok: Token) -> bool:
    if tok.lemma_.lower() == "force":  # "security forces", "Pakistani forces"
        return True
    return agent_sector(tok.lemma_) in _ARMED_SECTORS or agent_sector(tok.lower_) in _ARMED_SECTORS


def _people(tok: Token) -> bool:
    """A noun for people: an agent noun of any sector but a place ("villagers",
    "students", "passengers"), a nationality ("Palestinians"), "hostages"."""
    if tok.ent_type_ == "NORP" and tok.tag_ in ("NNPS", "NNS"):
        return True
    sector = agent_sector(tok.lemma_) or agent_sector(tok.lower_)
    return sector is not None and sector not in ("GOV",)


def _takes_people(verb: Token) -> bool:
    """ "Gunmen took 20 passengers from a bus", "forces have taken five people",
    "three students were taken by soldiers": taking people is seizing them (CAMEO
    181 abduct, 173 arrest) when armed men or security forces take them."""
    if any(c.dep_ == "prt" for c in verb.children):
        return False  # "took over", "took in", "took part": other verbs
    kids = list(verb.children)
    taken = [c for c in kids if c.dep_ in ("dobj", "nsubjpass")]
    takers = [c for c in kids if c.dep_ == "nsubj"] + _agents(verb)
    return any(_people(t) for t in taken) and any(_armed_agent(t) for t in takers)


def _weapon_went_off(verb: Token) -> bool:
    """ "a landmine went off under a truck": "go off" said of a weapon (an alarm
    or a generator that goes off is none)."""
    kids = list(verb.children)
    return any(c.dep_ == "prt" and c.lower_ == "off" for c in kids) and any(
        c.dep_ == "nsubj" and is_weapon(c) for c in kids
    )


#: Verbs whose "with" phrase names what was done: "hit Russia with sanctions",
#: "targeted the camp with drones strikes", "responded with air strikes".
_DELIVERY_VERBS = frozenset(
    ["hit", "target", "slap", "punish", "pound", "pummel", "strike", "respond", "retaliate",
     "answer", "counter"]
)  # fmt: skip


#: Verbs that are an attack when what they move is a weapon: "hurled a grenade",
#: "dropped barrel bombs", "planted a mine", "used chlorine as a weapon".
_WEAPON_OBJECT_VERBS = frozenset(["hurl", "throw", "lob", "drop", "plant", "use", "launch"])


#: Verbs that take weapons out of use: "an arms cache was discovered", "the bomb was
#: defused" (ACLED's disrupted weapons use; CAMEO seize).
_WEAPON_FOUND_VERBS = frozenset(["find", "discover", "defuse", "recover", "seize", "confiscate"])


#: Verbs of handing something over: with arms as the object, military aid.
_GIVING_VERBS = frozenset(
    ["send", "supply", "deliver", "ship", "transfer", "give", "donate", "provide"]
)
#: What armies are given; "tank" alone is too often a fuel tank to be a weapon
#: that explodes, but a tank that is sent to a country is armour.
_MATERIEL = frozenset(
    ["tank", "jet", "fighter", "aircraft", "helicopter", "howitzer", "artillery", "warship",
     "frigate", "submarine", "interceptor", "launcher", "vehicle", "armour", "armor"]
)  # fmt: skip


def is_materiel(tok: Token) -> bool:
    """Arms named as what a verb moves ("14 Challenger tanks"): a thing, whatever
    names it, never a party."""
    return is_weapon(tok) or tok.lemma_.lower() in _MATERIEL


#: What someone is "met with" when it is no meeting.
_RECEPTIONS = frozenset(
    ["force", "resistance", "violence", "gunfire", "fire", "bullet", "gas", "cannon",
     "baton", "silence", "criticism", "scepticism", "skepticism", "anger", "outrage",
     "protest", "opposition", "hostility", "derision", "applause", "approval", "response"]
)  # fmt: skip


def _met_with_force(verb: Token) -> bool:
    """ "were met with tear gas", "was met with resistance": a reception, not talks."""
    return any(
        o.dep_ == "pobj" and (is_weapon(o) or o.lemma_.lower() in _RECEPTIONS)
        for p in verb.children
        if p.dep_ == "prep" and p.lower_ == "with"
        for o in p.children
    )


def _materiel_given(verb: Token) -> bool:
    """ "will send 14 Challenger tanks to Ukraine", "supplied fighter jets": arms
    handed to someone (a "to" phrase or an indirect object), not moved about."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    armed = any(
        is_materiel(o) or (o.lemma_.lower() == "system" and any(is_weapon(m) for m in o.lefts))
        for o in objects
    )
    to_someone = any(
        (c.dep_ == "prep" and c.lower_ == "to") or c.dep_ == "dative" for c in verb.children
    )
    return armed and to_someone


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


#: Sectors of people who strike by walking out: workers, teachers, doctors,
#: farmers, students, business owners.
_LABOUR_SECTORS = frozenset(["LAB", "EDU", "HLH", "MED", "AGR", "BUS", "CVL"])


def _labour_strike(verb: Token) -> bool:
    """ "Teachers struck for higher pay", "workers striking over wages": the verb
    hits nothing, and those who do it work for a living."""
    if any(c.dep_ in ("dobj", "nsubjpass", "agent") for c in verb.children):
        return False  # "struck the convoy", "was struck by a missile"
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects and verb.dep_ == "acl":
        subjects = [verb.head]  # "workers striking for higher pay"
    return any(agent_sector(s.lemma_) in _LABOUR_SECTORS for s in subjects)


#: Verbs whose object "strike" is an attack: a labour strike is held or staged.
_STRIKE_LAUNCHERS = frozenset(["launch", "carry", "conduct", "mount", "order", "unleash"])


def _military_strike(tok: Token) -> bool:
    """ "Russian strikes on Kharkiv" attack; "a strike by dockers" protests.

    A strike aimed at something ("on", "against") or made by a country is an
    attack; a labour strike is held by people and aims at no place.
    """
    from ..entities import alpha3

    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in _STRIKE_LAUNCHERS:
        return True  # "launched strikes on Odesa", "carried out strikes"
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "against")):
        if any(o.ent_type_ not in ("DATE", "TIME") for o in prep.children if o.dep_ == "pobj"):
            return True  # "on Kharkiv", not "on Monday"
    gaz = load_gazetteer()
    return any(
        c.dep_ in ("amod", "compound", "nmod") and alpha3(gaz.demonyms.get(c.text)) is not None
        for c in tok.children
    )
