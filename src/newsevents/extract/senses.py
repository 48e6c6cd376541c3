"""Word sense: when a violent or coercive trigger is no political event.

"An earthquake struck", "the fire killed six", "police arrested three drug
smugglers", "City beat United": the verbs are the ones an attack or an arrest
uses, the events are a disaster, a crime, a match. Event coders that skip this
fill their datasets with disasters and police blotters. The words that mark
each domain are data (``data/sense_words.tsv``); the rules here say how they
decide:

* the trigger's own subject or agent is a domain word: always another sense
  ("a powerful tremor struck Lombok");
* the sentence speaks of a disaster or an accident and no party is named as
  the actor ("19 people were killed when their bus plunged off a bridge");
* the sentence speaks of ordinary crime or sport and no political party takes
  part (a government, an army, rebels, an opposition; the police arresting a
  burglar is not one).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from spacy.tokens import Doc, Span, Token

from ..gazetteer import read_table
from ..model import Entity
from .entities import agent_sector
from .events.words import PROVISIONS
from .text import doc_tokens, of_objects, span_tokens

#: Types a disaster, a crime or a match is mistaken for.
_GUARDED = frozenset(
    [
        "ASSAULT",
        "COERCE",
        "THREATEN",
        "PROTEST",
        "MOBILIZE",
        "REQUEST",
        "RETREAT",
        "ACCUSE",
        "AID",
        "SANCTION",
    ]
)
#: What is given when giving is talk, not aid: "provide further information".
_TALK_OBJECTS = frozenset(
    ["information", "detail", "update", "statement", "speech", "interview", "evidence",
     "account", "briefing", "testimony", "answer", "comment", "explanation", "clarification",
     "opinion", "advice", "figure", "data", "example", "reason", "impression", "warning"]
)  # fmt: skip
#: Types whose verbs a disaster, a crime or a match also uses ("killed", "arrested").
_HARM = frozenset(["ASSAULT", "COERCE"])
#: Sectors that make a party political (CAMEO/PLOVER codes).
_POLITICAL_SECTORS = frozenset(["GOV", "MIL", "REB", "OPP", "SPY", "LEG", "PTY", "IGO"])


@cache
def _domains() -> dict[str, str]:
    return {row[0]: row[1] for row in read_table("sense_words.tsv")}


_SENTENCE_DOMAINS = "newsevents.sentence_domains"


def _sentence_domains(sent: Span) -> frozenset[str]:
    """The domains a sentence speaks of, read once per sentence and kept with its
    Doc: a run-on sentence asks for every one of its triggers."""
    memo: dict[int, frozenset[str]] = sent.doc.user_data.setdefault(_SENTENCE_DOMAINS, {})
    if sent.start not in memo:
        tokens = span_tokens(sent)
        found = {d for t in tokens if (d := _domain(t)) is not None}
        if any(_unarmed_explosion(t) or _vehicle_mishap(t) for t in tokens):
            found.add("accident")  # "a tanker truck exploded", "a bus fell into a gorge"
        if _has_score(sent):
            found.add("score")  # "beat Chelsea 2-0"
        memo[sent.start] = frozenset(found)
    return memo[sent.start]


#: A match score as the tokenizer leaves it: "2-0" or "2", "-", "0".
_SCORE = re.compile(r"\d{1,2}[-–]\d{1,2}")


def _has_score(sent: Span) -> bool:
    """ "beat Chelsea 2-0", "a 3–1 win": two small numbers joined by a dash that
    count nothing ("12-15 protesters" is a range of people)."""
    toks = span_tokens(sent)
    for i, tok in enumerate(toks):
        end = i
        if _SCORE.fullmatch(tok.text):
            pass
        elif (
            tok.text.isdigit()
            and len(tok.text) <= 2
            and i + 2 < len(toks)
            and toks[i + 1].text in ("-", "–")
            and toks[i + 2].text.isdigit()
            and len(toks[i + 2].text) <= 2
        ):
            end = i + 2
        else:
            continue
        after = toks[end + 1] if end + 1 < len(toks) else None
        if after is None or after.pos_ not in ("NOUN", "PROPN", "NUM", "SYM"):
            return True
        if after.lemma_.lower() in _RESULT_NOUNS:
            return True
    return False


#: What a score qualifies: "a 2-0 win".
_RESULT_NOUNS = frozenset(["win", "victory", "defeat", "loss", "draw", "lead", "scoreline"])


_MATCH_REPORT = "newsevents.match_report"


def _match_report(doc: Doc) -> bool:
    """An article that speaks of sport in three different words ("heavyweight",
    "referee", "knockout"): its attacks, beatings and assaults are the game's,
    wherever the sentence itself names no sport ("a two-handed assault sent him
    down"). Read once per Doc."""
    found = doc.user_data.get(_MATCH_REPORT)
    if found is None:
        words = {
            t.lemma_.lower()
            for t in doc_tokens(doc)
            if t.pos_ in ("NOUN", "PROPN", "VERB") and _domain(t) == "sport"
        }
        found = doc.user_data[_MATCH_REPORT] = len(words) >= 3
    return bool(found)


def _context_domains(sent: Span) -> frozenset[str]:
    """The domains of the sentence and the one before it: a report names the fire
    first and the measures taken against it next ("... fires are burning. The
    government declared a state of emergency")."""
    found = _sentence_domains(sent)
    if sent.start > 0:
        found = found | _sentence_domains(sent.doc[sent.start - 1].sent)
    return found


#: What makes a crime political: "war crimes", "crimes against humanity".
_POLITICAL_CRIMES = frozenset(["war", "humanity", "genocide", "aggression"])


#: What moves on a market: as the doer of an attack or a capture, a figure ("oil
#: prices attacked the $100 mark", "the index captured new highs").
_MARKET_FIGURES = frozenset(
    ["price", "stock", "share", "index", "market", "currency", "dollar", "euro", "yen",
     "yuan", "rouble", "ruble", "bond", "yield", "futures", "equity"]
)  # fmt: skip


def _domain(tok: Token) -> str | None:
    if tok.pos_ not in ("NOUN", "PROPN", "VERB"):
        return None
    lemma = tok.lemma_.lower()
    if lemma == "crime" and any(t.lower_ in _POLITICAL_CRIMES for t in tok.subtree):
        return None
    found = _domains().get(lemma)
    if found is None and tok.pos_ == "PROPN" and lemma.endswith("s"):
        found = _domains().get(lemma[:-1])  # "Hailstones pounded": a plural read as a name
    return found


def _doer_domain(tok: Token) -> str | None:
    """The domain of what does it. "Fire" counts here only: as the doer it is a
    blaze ("a fire destroyed the store"), while a sentence that only mentions one
    may still tell of an attack ("buildings caught fire in firebomb attacks")."""
    if tok.lemma_.lower() == "fire" and tok.pos_ == "NOUN" and not _fire_as_act(tok):
        return "disaster"
    return _domain(tok)


#: Words on a "fire" that does something that make it shooting, not a blaze:
#: "artillery fire killed five", "sniper fire".
_SHOOTING = frozenset(["cease", "gun", "artillery", "mortar", "rocket", "sniper", "machine-gun"])


def _fire_as_act(fire: Token) -> bool:
    """A fire that is someone's act: shooting ("artillery fire", "fire on the
    convoy") or arson ("a fire set by rebels"). A fire "at" something that does
    something is a blaze at a place ("a fire at a chemical factory killed 45")."""
    if any(c.lower_ in _SHOOTING for c in fire.lefts):
        return True
    return any(
        (c.dep_ == "prep" and c.lower_ == "on")
        or (c.dep_ == "acl" and c.lemma_.lower() in ("set", "start", "light"))
        for c in fire.children
    )


#: What a cyber attack hits: an attack on one is no armed assault (PLOVER has no cyber type).
_DIGITAL = frozenset(
    ["website", "site", "server", "network", "computer", "account", "database", "email",
     "system", "software", "app", "platform", "portal", "cyber", "cyberspace", "online"]
)  # fmt: skip


def _digital_target(trigger: Token) -> bool:
    """A cyber attack: the attack noun says so, or all it hits is digital. With a
    light verb ("launched a cyber attack on") the noun is the verb's object."""
    nouns = [trigger] + [
        c for c in trigger.children if c.dep_ == "dobj" and c.lemma_.lower() in _ATTACK_NOUNS
    ]
    if any(
        c.lemma_.lower() in ("cyber", "online", "ddos", "hacking", "hack", "hacker")
        for n in nouns
        for c in n.lefts
    ):
        return True  # "a cyber attack", "launched a DDoS attack"
    targets = [c for n in nouns for c in n.children if c.dep_ in ("dobj", "nsubjpass")]
    targets = [t for t in targets if t.lemma_.lower() not in _ATTACK_NOUNS]
    targets += [
        o
        for n in nouns
        for p in n.children
        if p.dep_ == "prep" and p.lower_ in ("on", "against")
        for o in p.children
        if o.dep_ == "pobj" and o.ent_type_ not in ("DATE", "TIME")
    ]  # fmt: skip  ("was hacked on Monday")
    return bool(targets) and all(t.lemma_.lower() in _DIGITAL for t in targets)


#: Nouns a light verb launches as the attack itself ("launched an attack on").
_ATTACK_NOUNS = frozenset(["attack", "assault", "strike", "raid", "offensive"])


#: Verbs that are attacks only when what explodes is a weapon.
_WEAPON_VERBS = frozenset(["explode", "detonate"])
_WEAPONS = frozenset(
    ["bomb", "grenade", "mine", "landmine", "ied", "device", "explosive", "shell", "rocket",
     "missile", "mortar", "bomber", "vest", "car bomb", "drone", "munition", "ordnance",
     "chlorine", "sarin", "mustard", "nerve", "napalm", "barrel", "projectile", "warhead",
     "firearm", "gun", "rifle", "ammunition", "weapon", "arm", "cache", "vbied"]
)  # fmt: skip


#: Nouns that are attacks only with a weapon named on them ("bomb blast") or an actor.
_WEAPON_NOUNS = frozenset(["explosion", "blast"])


def is_weapon(tok: Token) -> bool:
    return tok.lemma_.lower() in _WEAPONS


#: What carries people, and the verbs of its going wrong that are no accident
#: word by themselves ("fell", "sank": a government falls, a plan sinks).
_VEHICLES = frozenset(
    ["bus", "minibus", "car", "truck", "lorry", "van", "train", "tram", "plane", "aircraft",
     "jet", "airliner", "helicopter", "boat", "ferry", "ship", "vessel", "canoe", "barge",
     "tanker", "coach", "taxi", "motorcycle", "vehicle", "trailer", "tractor"]
)  # fmt: skip
_MISHAPS = frozenset(
    ["fall", "sink", "veer", "skid", "topple", "tumble", "roll", "slide", "plummet", "flip",
     "careen", "run"]
)  # fmt: skip


def _vehicle_mishap(verb: Token) -> bool:
    """ "a bus fell into a gorge", "the ferry sank": a vehicle that falls, sinks or
    skids, in a sentence that names no weapon (a plane shot down falls too)."""
    return (
        verb.pos_ == "VERB"
        and verb.lemma_.lower() in _MISHAPS
        and any(c.dep_ == "nsubj" and c.lemma_.lower() in _VEHICLES for c in verb.children)
        and not any(
            is_weapon(t) or t.lemma_.lower() in ("shoot", "hit", "strike") for t in verb.sent
        )
    )


def _unarmed_explosion(verb: Token) -> bool:
    """Something that is no weapon exploded, in a sentence that names no weapon at
    all: a tanker, a boiler, a gas main. What the explosion then does ("setting
    fire to homes and killing 17") is an accident's doing, however the parser hangs
    those clauses."""
    if verb.lemma_.lower() not in _WEAPON_VERBS or verb.pos_ != "VERB":
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return (
        bool(subjects)
        and all(s.pos_ == "NOUN" and not _armed(s) for s in subjects)
        and not any(is_weapon(t) for t in verb.sent)
    )


def _armed(noun: Token) -> bool:
    """A weapon is named on the noun: "bomb blast", "the explosion of a car bomb"."""
    return any(
        is_weapon(c) or _is_weapon_of(c)
        for c in noun.children
        if c.dep_ in ("compound", "amod", "prep", "nmod")
    )


def _is_weapon_of(prep: Token) -> bool:
    """ "the explosion of a car bomb" (not "an explosion at a coal mine": where, not what)"""
    return (
        prep.dep_ == "prep"
        and prep.lower_ in ("of", "from")
        and any(is_weapon(o) for o in prep.children if o.dep_ == "pobj")
    )


#: What a drone does when it is an attack.
_IMPACT_VERBS = frozenset(
    ["hit", "strike", "target", "attack", "kill", "destroy", "damage", "injure", "wound",
     "explode", "crash", "slam", "bomb", "smash", "plough", "plow", "blow", "set"]
)  # fmt: skip


def _harmless_drone(trigger: Token) -> bool:
    """A drone that is the subject of a verb is an attack only when the verb harms:
    "a drone struck a depot", not "a police drone captured footage"."""
    return (
        trigger.lemma_.lower() == "drone"
        and trigger.dep_ in ("nsubj", "nsubjpass")
        and trigger.head.lemma_.lower() not in _IMPACT_VERBS
        and not any(c.dep_ == "compound" and c.lower_ == "attack" for c in trigger.children)
    )


#: Verbs of taking, and what they take when nothing is taken by force: "captured
#: the imagination of a generation", "seized the initiative", "took 30% of the
#: market", "captured 40 seats".
_TAKING = frozenset(["capture", "seize", "take", "grab", "conquer", "steal", "win", "storm"])
_ABSTRACT_OBJECTS = frozenset(
    ["imagination", "attention", "heart", "mind", "mood", "spirit", "essence", "moment",
     "market", "share", "title", "crown", "championship", "medal", "award", "prize", "victory",
     "lead", "headline", "spotlight", "interest", "opportunity", "initiative", "momentum",
     "record", "vote", "seat", "majority", "percent", "%", "stage", "show", "limelight",
     "footage", "image", "photo", "photograph", "picture", "video", "view", "scene"]
)  # fmt: skip


def _takes_nothing_physical(trigger: Token) -> bool:
    if trigger.lemma_.lower() not in _TAKING:
        return False
    objects = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
    return bool(objects) and all(o.lemma_.lower() in _ABSTRACT_OBJECTS for o in objects)


#: Verbs of setting free: RETREAT only when someone is set free.
_FREEING = frozenset(["release", "free"])
#: People a release frees when no entity is named ("released the hostages").
_CAPTIVES = frozenset(
    ["prisoner", "hostage", "detainee", "captive", "inmate", "soldier", "fisherman",
     "journalist", "activist", "people", "person", "man", "woman", "child", "citizen",
     "national", "civilian", "crew", "sailor", "pow", "abductee", "student", "worker"]
)  # fmt: skip
#: Measures a government takes in a disaster, not against anyone.
_EMERGENCY = frozenset(
    ["declare", "impose", "order", "evacuate", "close", "urge", "ask", "tell", "appeal", "ban",
     "deploy", "dispatch", "mobilize", "mobilise"]
)  # fmt: skip


#: Cooperative types that help after a disaster takes: pledging, sending, giving.
_RELIEF_TYPES = frozenset(["AGREE", "AID", "SUPPORT", "CONSULT", "COOPERATE"])
#: What is given or sent when the help is relief.
_RELIEF_WORDS = frozenset(
    ["aid", "relief", "rescue", "rescuer", "help", "assistance", "compensation", "supply",
     "donation", "fund", "tent", "blanket", "food", "medicine", "team", "rescue team", "money"]
)  # fmt: skip


def _relief(trigger: Token) -> bool:
    """What the trigger gives, sends or pledges is relief: "sent rescue teams and
    relief supplies", "pledged $5 million in emergency aid". In a sentence about a
    disaster that is humanitarian work, which event data on politics leaves out."""
    given = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass", "pobj", "prep")]
    words = {t.lemma_.lower() for g in given for t in g.subtree}
    return bool(words & _RELIEF_WORDS) or trigger.lemma_.lower() in _RELIEF_WORDS


def _frees_someone(trigger: Token, parties: list[Entity]) -> bool:
    if parties:
        return True
    freed = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
    freed += [
        o
        for p in trigger.children
        if p.dep_ == "prep" and p.lower_ == "of"
        for o in p.children
        if o.dep_ == "pobj"
    ]
    return any(t.lemma_.lower() in _CAPTIVES or t.pos_ in ("PROPN", "PRON") for t in freed)


#: Verbs of motion that are a visit only when they go somewhere.
_JOURNEYS = frozenset(["travel", "arrive"])
#: Prepositions that give a journey's end ("travelled to", "arrived in").
_DESTINATION_PREPS = frozenset(["to", "in", "at", "for"])


#: Where one goes to vote, and events hosted that are no meeting of parties.
_POLLS = frozenset(["poll", "polls", "ballot", "booth"])
_HOSTED_SHOWS = frozenset(
    ["event", "rally", "fundraiser", "party", "concert", "dinner", "show", "gala", "festival",
     "match", "game", "tournament", "olympics", "webinar", "screening", "exhibition", "fair",
     "celebration", "ceremony", "barbecue", "debate", "podcast", "program", "programme"]
)  # fmt: skip
#: Who is mobilized in a campaign: voters, not forces.
_ELECTORATE = frozenset(
    ["voter", "supporter", "volunteer", "activist", "donor", "electorate",
     "constituent", "turnout", "vote"]
)  # fmt: skip


def _objects_in(verb: Token, words: frozenset[str]) -> bool:
    """Every object of the verb is one of ``words``, looking through a count
    ("thousands of voters")."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects = [
        next(iter(of_objects(c)), c) if c.like_num or c.lemma_.lower() in _COUNTS else c
        for c in objects
    ]
    return bool(objects) and all(o.lemma_.lower() in words for o in objects)


_COUNTS = frozenset(["thousand", "hundred", "dozen", "million", "number", "group", "score"])


def _to_the_polls_or_an_event(trigger: Token) -> bool:
    """ "go to the polls" is voting; "host a rally", "hosted a Clinton event" is a
    show put on, not a visit received."""
    lemma = trigger.lemma_.lower()
    if lemma in ("host", "hold") and _objects_in(trigger, _HOSTED_SHOWS):
        return True
    return lemma in _JOURNEYS | {"go", "head"} and any(
        o.lemma_.lower() in _POLLS or o.lower_ in _POLLS
        for p in trigger.children
        if p.dep_ == "prep" and p.lower_ in ("to", "at")
        for o in p.children
        if o.dep_ == "pobj"
    )


def _going_nowhere(trigger: Token) -> bool:
    """A journey verb without where it ends or what it is for is travel, not a visit."""
    if trigger.lemma_.lower() not in _JOURNEYS:
        return False
    return not any(
        (c.dep_ == "prep" and c.lower_ in _DESTINATION_PREPS)
        or c.dep_ in ("xcomp", "advcl", "advmod", "dobj")
        for c in trigger.children
    )


#: Verbs that hold or punish someone for what they did.
_HOLDING = frozenset(["arrest", "detain", "charge", "convict", "jail", "sentence", "hold", "nab"])
#: Acts of one person against another that are crimes, not politics, by themselves.
_CRIMES = frozenset(
    ["stab", "murder", "rob", "steal", "rape", "burgle", "defraud", "kill", "shoot", "assault",
     "beat", "strangle", "poison", "smuggle", "traffic", "possess", "killing", "stabbing",
     "shooting", "theft"]
)  # fmt: skip


def _arrest_for_crime(trigger: Token) -> bool:
    """ "arrested for stabbing his neighbour", "held for robbery": the arrest and the
    act it is for are police work on a crime, unless a political party is named."""

    def crime(tok: Token) -> bool:
        return tok.lemma_.lower() in _CRIMES or _domain(tok) == "crime"

    def reasons(verb: Token) -> list[Token]:
        return [o for p in verb.children if p.dep_ == "prep" and p.lower_ in _FOR
                for o in p.children if o.dep_ in ("pcomp", "pobj")]  # fmt: skip

    def political(verb: Token) -> bool:
        """Whether the one held, or anyone in what they are held for, is of politics:
        "the opposition leader", "a man suspected of killing a soldier"."""
        return any(agent_sector(t.lemma_) in _POLITICAL_SECTORS for t in _object_words(verb))

    if trigger.lemma_.lower() in _HOLDING:
        # "arrested for robbery", and "arrested a man suspected of killing his neighbour"
        held = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
        suspicions = [a for h in held for a in h.children if a.lemma_.lower() in _SUSPECTED]
        return not political(trigger) and any(
            crime(r) for v in (trigger, *suspicions) for r in reasons(v)
        )
    prep = trigger.head
    if trigger.dep_ not in ("pcomp", "pobj") or prep.lower_ not in _FOR or not crime(trigger):
        return False
    owner = prep.head  # "held for", or "suspected of" on the one held
    if owner.lemma_.lower() in _SUSPECTED and owner.dep_ in ("acl", "amod"):
        owner = owner.head.head if owner.head.dep_ in ("dobj", "nsubjpass") else owner
    return owner.lemma_.lower() in _HOLDING and not political(owner)


#: Prepositions that give what someone is held for: "for robbery", "over the
#: killing", "suspected of stabbing", "wanted in a murder".
_FOR = frozenset(["for", "over", "of", "in"])
#: Words on the one held that say what for: "a man suspected of killing".
_SUSPECTED = frozenset(["suspect", "suspected", "accuse", "accused", "want", "wanted"])


#: Holding verbs of border and coast guards, beside the court and police ones above.
_STOPPING = _HOLDING | frozenset(["apprehend", "intercept"])
#: Who border and coast guards stop, and what the stopped were doing.
_CROSSERS = frozenset(
    ["migrant", "immigrant", "refugee", "asylum", "stowaway", "smuggler", "trafficker"]
)
_CROSSING = frozenset(["cross", "smuggle", "enter", "flee", "sail", "travel", "reach"])
#: The words that make a guard or police force a border force.
_BORDER = frozenset(["border", "coast", "coastguard", "immigration", "frontier"])


def _border_enforcement(trigger: Token, held: list[Entity]) -> bool:
    """ "border guards detained 34 people", "police detained 12 migrants as they
    tried to cross": immigration enforcement, which event data leaves to crime
    statistics, unless those held are a political party or a named one."""
    if trigger.lemma_.lower() not in _STOPPING or _political(held):
        return False
    if any(e.kind != "group" for e in held):
        return False  # a named body or person held at a border is news of its own
    holders = [
        o
        for c in trigger.children
        if c.dep_ in ("nsubj", "agent")
        for o in ([c] if c.dep_ == "nsubj" else [g for g in c.children if g.dep_ == "pobj"])
    ]
    if any(w.lower_ in _BORDER for h in holders for w in h.subtree):
        return True
    held_words = _object_words(trigger)
    crossing = [t for t in trigger.sent if t.lemma_.lower() in _CROSSING | _BORDER]
    return bool(crossing) and any(t.lemma_.lower() in _CROSSERS for t in held_words)


def _object_words(verb: Token) -> list[Token]:
    """Every word of what the verb acts on, active or passive: who is held, what
    is seized."""
    return [t for c in verb.children if c.dep_ in ("dobj", "nsubjpass") for t in c.subtree]


#: Verbs that take goods from someone.
_SEIZING = frozenset(["seize", "confiscate", "impound", "intercept", "capture", "find"])


def _contraband_seized(trigger: Token) -> bool:
    """ "the navy seized a submarine loaded with cocaine", "seized 400 kg of
    heroin": police work on smuggling, whoever does it."""
    if trigger.lemma_.lower() not in _SEIZING:
        return False
    goods = _object_words(trigger)
    if any(is_weapon(t) for t in goods):
        return False  # "seized weapons and drugs from the militants" disarms them
    return any(_domain(t) == "crime" for t in goods)


#: Verbs by which a cause makes someone act: "the fire forced authorities to close".
_FORCING = frozenset(["force", "prompt", "compel", "oblige", "lead", "cause"])


def _forced_by_disaster(verb: Token) -> bool:
    """What authorities do because a disaster made them: "the forest fire forced
    authorities to close the highway". (A disaster or accident word elsewhere in
    the sentence is seen by the sentence's domains already; this finds the one
    that is a disaster only as the doer, "fire".)"""
    head = verb.head
    if verb.dep_ != "xcomp" or head.lemma_.lower() not in _FORCING:
        return False
    return any(_doer_domain(c) == "disaster" for c in _subjects(head))


def _subjects(verb: Token) -> list[Token]:
    """The verb's subjects, or those of the verb it is conjoined to ("the fire
    destroyed 300 hectares and forced ...")."""
    found = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    if not found and verb.dep_ == "conj":
        found = [c for c in verb.head.children if c.dep_ in ("nsubj", "csubj")]
    return found


def _political(parties: Iterable[Entity]) -> bool:
    """A country, or anyone of government, the military, rebels or the opposition;
    a private person or the police by themselves are not."""
    return any(e.kind == "country" or (e.sector or "") in _POLITICAL_SECTORS for e in parties)


#: Sectors under arms: an army, police, intelligence, rebels, unnamed armed men.
_ARMED_SECTORS = frozenset(["MIL", "COP", "SPY", "REB", "UAF", "INS"])


def _under_arms(actor: Entity) -> bool:
    """An actor that bears arms, by its sector (a named armed group is REB), or a
    country or government, whose forces set up bases."""
    return actor.sector in _ARMED_SECTORS or actor.kind == "country" or actor.sector == "GOV"


def other_sense(
    etype: str, trigger: Token, verb: Token, sent: Span, actors: list[Entity], parties: list[Entity]
) -> str | None:
    """Why the trigger is a disaster, accident, crime or sport, or None."""
    if (
        etype in _RELIEF_TYPES
        and _relief(trigger)
        and _context_domains(sent) & {"disaster", "accident", "epidemic"}
    ):
        return "relief after a disaster"  # "the UN pledged $5 million in aid after the cyclone"
    if len(parties) > 1 and all(e.sector == "BUS" for e in parties):
        return "business: only companies take part"  # "Apple Inc. sued Samsung Electronics"
    if etype == "CONSULT" and _going_nowhere(trigger):
        return "a journey with no destination"  # "passengers travelling on the highway"
    if etype == "CONSULT" and _to_the_polls_or_an_event(trigger):
        return "voting, or hosting an event, is no meeting"  # "go to the polls", "host a rally"
    if etype == "MOBILIZE" and _objects_in(trigger, _ELECTORATE):
        return "voters mobilized, no forces"  # "trying to mobilize black Florida voters"
    if (
        etype == "MOBILIZE"
        and trigger.lemma_.lower() in ("set", "establish", "open")
        and actors
        and not any(_under_arms(e) for e in actors)
    ):
        return "a base set up by no armed actor"  # "the company set up its headquarters"
    if etype == "CONSULT" and _receives_quantity(trigger):
        return "a share or a number received, no visitor"  # "the 95 percent Obama received"
    if etype in _PROVISION_TYPES and any(
        c.lemma_.lower() in PROVISIONS for c in verb.children if c.dep_ == "nsubj"
    ):
        return "a law or programme provides it; no one acts"  # "the program allows investors"
    if etype == "ASSAULT" and _fires_no_shot(trigger):
        return "fired from a job, not a gun"  # "the bank fired 5,300 employees"
    if etype == "ASSAULT" and _self_harm(trigger):
        return "harm done to oneself"  # "veterans killing themselves", "shot himself"
    if etype not in _GUARDED:
        return None
    if trigger.lemma_.lower() in _WEAPON_VERBS and not any(
        is_weapon(c) for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")
    ):
        return "explosion of no weapon"  # "a gas cylinder exploded"
    if trigger.lemma_.lower() in _WEAPON_NOUNS and not actors and not _armed(trigger):
        return "explosion of no weapon and no actor"  # "a gas explosion killed 8"
    doers = [c for c in verb.children if c.dep_ in ("nsubj", "agent", "csubj")]
    if not doers and verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp", "conj"):
        # "two trains collided, killing 280": what the clause says did it, and how
        doers = _subjects(verb.head)  # "a tanker overturned and exploded, killing 60"
        clause = [verb.head, *([verb.head.head] if verb.head.dep_ == "conj" else [])]
        for head in clause:
            if _domain(head) == "accident":  # "collided", "capsized" ("stormed" is no storm)
                doers.append(head)
    doers += [o for a in doers if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
    if verb.dep_ == "relcl" and any(d.tag_ in ("WDT", "WP") for d in doers):
        doers.append(verb.head)  # "the factory fire that killed 45 workers"
    if trigger.pos_ in ("NOUN", "PROPN"):
        doers += [c for c in trigger.children if c.dep_ in ("compound", "amod")]
    causes = []  # "was destroyed in a fire": the disaster a passive happened in
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        causes = [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "in"
                  for o in p.children if o.dep_ == "pobj"]  # fmt: skip
    for doer in doers:
        if doer.lemma_.lower() in _WEAPON_NOUNS and not actors and not _armed(doer):
            return f"'{doer.text}' of no weapon"  # "a gas explosion killed eight"
    if not doers and verb.dep_ == "conj":
        doers = _subjects(verb)  # "flash floods swept away a bridge and destroyed houses"
    # "a factory fire", and a named storm: "Cyclone Idai destroyed", "Typhoon Haiyan killed"
    doers += [
        m for d in doers if d.pos_ in ("NOUN", "PROPN") for m in d.children if m.dep_ == "compound"
    ]
    if any(d.lemma_.lower() in _MARKET_FIGURES for d in doers):
        return "business: a market figure does it"  # "oil prices attacked the $100 mark"
    for doer in doers + causes:  # ... and what the doer is of: "a shark attack killed"
        domain = _doer_domain(doer)
        if domain in ("disaster", "accident", "illness", "epidemic", "animal"):
            return f"{domain}: '{doer.text}' does it"  # "a heart attack", "a fire killed"
    if etype == "AID" and any(
        c.lemma_.lower() in _TALK_OBJECTS for c in trigger.children if c.dep_ == "dobj"
    ):
        return "giving information is no aid"  # "is expected to provide further information"
    if etype in _HARM and _arrest_for_crime(trigger) and not _political(parties):
        return "crime: an arrest for an ordinary crime"  # "arrested for stabbing his neighbour"
    held = [p for p in parties if p not in actors]  # held, freed: those acted on
    if (
        trigger.lemma_.lower() in _HOLDING
        and held
        and all(e.sector == "CRM" for e in held)
        and not _political(actors)
    ):
        return "crime: criminals arrested"  # "police arrested three gang members"
    if etype == "COERCE" and _contraband_seized(trigger):
        return "crime: contraband seized"  # "seized 2 tonnes of cocaine"
    if etype == "COERCE" and _border_enforcement(trigger, held):
        return "crime: border enforcement"  # "border guards detained 34 migrants"
    if _harmless_drone(trigger):
        return "a drone that films or flies, not one that strikes"  # "a drone captured footage"
    if etype == "ASSAULT" and _within_family(trigger) and not _political(parties):
        return "crime: violence within a family"  # "a man stabbed his wife to death"
    if etype in _HARM and _takes_nothing_physical(trigger):
        return "taking of nothing physical"  # "captured the imagination", "won 40 seats"
    if trigger.lemma_.lower() in _FREEING and not _frees_someone(trigger, held):
        return "release of no one"  # "accidentally released 150,000 gallons of water"
    if (
        etype in ("COERCE", "REQUEST", "AID", "MOBILIZE")
        and (verb.lemma_.lower() in _EMERGENCY or trigger.lemma_.lower() in _EMERGENCY)
        and (
            _context_domains(sent) & {"disaster", "accident", "epidemic"}
            or _forced_by_disaster(verb)
        )
    ):
        return "emergency measures in a disaster"  # "declared a state of emergency"
    if etype == "ASSAULT" and _digital_target(trigger):
        return "a cyber attack: no one is hurt or held"  # "attacked the campaign website"
    found = _sentence_domains(sent)
    if etype == "ACCUSE" and "crime" in found and not _political(parties):
        return "crime: a charge or an inquiry into ordinary crime"  # "is charged with robbery"
    if etype == "ACCUSE" and found & {"disaster", "accident"} and not _political(parties):
        return "an inquiry into a disaster or accident"  # "police are investigating the crash"
    if etype not in _HARM:
        return None  # a protest about a crash or a crime is still a protest
    if (
        trigger.lemma_.lower() in _HOLDING
        and not _political(parties)
        and (
            found & {"disaster", "accident"}
            or any(t.dep_ == "nsubj" and _doer_domain(t) == "disaster" for t in sent)
        )
    ):
        return "crime: an arrest over a disaster or accident"  # "arrested the factory owner"
    if found & {"disaster", "accident"} and not actors:
        return f"{sorted(found & {'disaster', 'accident'})[0]} and no actor"
    if not actors and not _political(parties) and _context_domains(sent) & {"disaster", "accident"}:
        # "... a strong earthquake hit the island. Ten people are killed."
        return "disaster or accident told just before, and no actor"
    if len(parties) > 1 and all(e.sector == "CRM" for e in parties):
        return "crime: criminals against criminals"  # "the cartel clashed with a rival gang"
    if "score" in found:
        return "sport: the sentence gives a match score"  # "Senegal beat Egypt 4-2"
    if trigger.lemma_.lower() in _CONTEST_VERBS and "sport" in found:
        return "sport: a win in a sentence about sport"  # "India beat Pakistan by six wickets"
    if _in_competition(trigger):
        return "sport: done in or to a competition"  # "banned from the Olympics"
    if actors and all(e.sector == "BUS" for e in actors) and not _political(parties):
        return "business: a company does it"  # "the company took control of the chain"
    if not _political(parties) and _match_report(sent.doc):
        return "sport: the article is a match report"  # "a vicious assault sent him down"
    nearby = _context_domains(sent) & {"crime", "sport", "business"}
    if (
        nearby
        and not _political(parties)
        and not ("crime" in nearby and any(_mob(e) for e in actors))
    ):  # a mob punishing a suspected thief is mob violence, not the theft
        return f"{sorted(nearby)[0]} and no political party"
    return None


#: Types a law or a programme "does" as its provisions say (``PROVISIONS``).
_PROVISION_TYPES = frozenset(["CONCEDE", "CONSULT", "SUPPORT", "AID", "COOPERATE", "AGREE"])


#: Who is received when receiving is hosting, beside a named party: "received the
#: delegation", "received a call from his counterpart".
_VISITORS = frozenset(
    ["delegation", "envoy", "visitor", "guest", "counterpart", "ambassador", "minister",
     "president", "leader", "official", "premier", "chancellor", "king", "queen", "prince",
     "pope", "secretary", "representative", "emissary", "diplomat", "mission", "call",
     "delegate", "senator", "governor", "commander", "general", "chief", "head", "team",
     "lady", "emir", "sultan", "monarch", "mayor", "speaker", "lawmaker", "envoys"]
)  # fmt: skip


def _receives_quantity(trigger: Token) -> bool:
    """ "received 40 percent of the vote", "will receive bridge loans", "the 95
    percent Obama received": what is received is no one, so no visitor is hosted."""
    if trigger.lemma_.lower() != "receive":
        return False
    received = [c for c in trigger.children if c.dep_ == "dobj"]
    if trigger.dep_ == "relcl":
        received.append(trigger.head)
    return bool(received) and not any(
        r.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or r.lemma_.lower() in _VISITORS
        for r in received
    )


#: Verbs of harm that, done to oneself, are a suicide ("blew himself up" is a
#: suicide attack and is coded by its own rule).
_SELF_HARM_VERBS = frozenset(["kill", "shoot", "hang", "stab", "poison", "drown", "hurt", "injure"])
_REFLEXIVES = frozenset(
    ["himself", "herself", "itself", "themselves", "myself", "yourself", "ourselves"]
)


def _self_harm(trigger: Token) -> bool:
    return trigger.lemma_.lower() in _SELF_HARM_VERBS and any(
        c.dep_ == "dobj" and c.lower_ in _REFLEXIVES for c in trigger.children
    )


#: What is fired when firing is shooting: "fired rockets", "fired a warning shot".
_MUNITIONS = frozenset(
    ["shot", "round", "rocket", "missile", "shell", "bullet", "gas", "canister", "volley",
     "salvo", "mortar", "grenade", "projectile", "weapon", "gun", "cannon", "artillery", "flare",
     "torpedo", "drone", "pellet", "ammunition", "barrage", "burst", "munition", "bomb", "dart",
     "arrow", "stone", "cannonball", "interceptor", "warning", "tear", "teargas", "smoke",
     "water", "fire", "blank", "bolt", "charge", "spray", "weapons"]
)  # fmt: skip


_AIMED = frozenset(["at", "on", "into", "towards", "toward", "upon"])


def _aimed(verb: Token) -> bool:
    return any(
        c.dep_ == "prep"
        and c.lower_ in _AIMED
        and any(o.dep_ == "pobj" and o.ent_type_ not in ("DATE", "TIME") for o in c.children)
        for c in verb.children
    )


def _fires_no_shot(trigger: Token) -> bool:
    """ "fired the employees", "Trump fired Comey": what is fired is a person, so the
    firing is a dismissal; shooting fires munitions or fires at someone."""
    if trigger.lemma_.lower() != "fire" or trigger.pos_ != "VERB":
        return False
    if _aimed(trigger):
        return False  # "fired 12 at the base": aimed at something ("on Tuesday" is when)
    fired = _object_words(trigger)  # "dozens of rockets", "tear gas and pepper spray"
    return bool(fired) and not any(
        f.lemma_.lower() in _MUNITIONS or f.lower_ in _MUNITIONS for f in fired
    )


#: Kin a possessive ties to the doer: "his wife", "their children".
_KIN = frozenset(
    ["wife", "husband", "spouse", "partner", "girlfriend", "boyfriend", "fiancee", "fiance",
     "mother", "father", "parent", "son", "daughter", "child", "baby", "brother", "sister",
     "sibling", "stepfather", "stepmother", "stepson", "stepdaughter", "grandmother",
     "grandfather", "grandchild", "uncle", "aunt", "nephew", "niece", "cousin", "in-law"]
)  # fmt: skip


def _within_family(trigger: Token) -> bool:
    """The harm is done to the doer's own kin ("stabbed his wife", "shot dead her
    two children"): domestic violence, which event data on political violence
    leaves out whoever reports it."""
    victims = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
    doers = _subjects(trigger) + [
        o for a in trigger.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"
    ]
    if not doers or any(d.tag_ in ("NNS", "NNPS") or d.lower_ == "they" for d in doers):
        return False  # "gunmen killed his wife": a band, not one of the family
    return bool(victims) and all(
        v.lemma_.lower() in _KIN
        and any(c.dep_ == "poss" and c.lower_ in ("his", "her", "their") for c in v.children)
        for v in victims
    )


#: Verbs of winning, which a sentence about sport uses of teams and countries.
_CONTEST_VERBS = frozenset(
    ["beat", "defeat", "thrash", "crush", "rout", "trounce", "overcome", "edge", "down",
     "eliminate", "knock", "whip", "outplay", "oust"]
)  # fmt: skip
#: Competitions an act is done "in", "from" or "out of": "banned from the Olympics",
#: "beat Spain in the final", "knocked out of the tournament".
_COMPETITIONS = frozenset(
    ["olympics", "olympic", "tournament", "championship", "league", "final", "semifinal",
     "qualifier", "marathon", "cup", "playoff", "prix", "games"]
)  # fmt: skip


def _in_competition(trigger: Token) -> bool:
    for prep in (c for c in trigger.children if c.dep_ == "prep"):
        if prep.lower_ not in ("in", "from", "of", "at", "out"):
            continue
        for obj in (o for o in prep.subtree if o.dep_ == "pobj"):
            if obj.lemma_.lower() in _COMPETITIONS or obj.lower_ in _COMPETITIONS:
                return True
    return False


#: Crowds that take justice into their own hands: their violence is political
#: violence in event data (ACLED's mob violence), whatever crime set it off.
_MOB_WORDS = frozenset(["mob", "crowd", "vigilante", "lynch"])


def _mob(entity: Entity) -> bool:
    return entity.kind == "group" and any(
        w.rstrip("s") in _MOB_WORDS for w in entity.name.lower().split()
    )
