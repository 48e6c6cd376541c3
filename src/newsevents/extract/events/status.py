"""Status: whether the event happened, is planned, hypothetical, possible,
negated or requested, read off the words that govern the trigger.
"""

from __future__ import annotations

from spacy.tokens import Token

from ...model import Status
from .syntax import _accused, _conditional, _governors, _kids, _wh_clause
from .words import (
    _AIM_NOUNS,
    _AIMING,
    _CAPABILITY_NOUNS,
    _COMMITTING,
    _DOUBTING,
    _ENABLING,
    _HYPOTHETICAL_MODALS,
    _HYPOTHETICAL_VERBS,
    _INSTRUMENTAL,
    _NEGATING_VERBS,
    _OBLIGED,
    _PLAN,
    _POSSIBLE_MODALS,
    _REQUEST_VERBS,
    _WILLING,
    PROVISIONS,
    SPEECH_VERBS,
)

#: Verbs that, in the passive, pass on what is said or thought, not established:
#: "are believed to have", "is said to have", "are reported to have".
_HEARSAY = frozenset(
    ["believe", "think", "say", "report", "understand", "suspect", "presume", "rumour", "rumor",
     "allege", "fear", "estimate"]
)  # fmt: skip
#: Verbs whose clause the subject says is untrue.
_DENYING = frozenset(["deny", "refute"])
#: Adverbs by which the outlet passes on what it has not established.
_HEDGES = frozenset(["reportedly", "allegedly", "purportedly", "supposedly", "reputedly"])


def _status(verb: Token) -> tuple[Status, str]:
    """The status of the event whose clause is headed by ``verb`` (for an event
    noun, the verb that governs it): a noun has no mood of its own."""
    # "accused the army of shelling": a charge, not a fact; so is what the charged
    # act did ("of bombing a market, killing 45") or was joined to ("and burning")
    for v in _governors(verb, ("advcl", "conj"))[:3]:
        accuser = _accused(v)
        if accuser is not None:
            return "possible", f"alleged: '{accuser.text}' of"
    dismissed = _report_dismissed(verb)
    if dismissed is not None:
        return "negated", f"'{dismissed.text}' reports"
    return _mood(verb)


#: Nouns that pass on what others say happened: "reports that", "claims that".
_REPORT_NOUNS = frozenset(
    ["report", "claim", "allegation", "rumour", "rumor", "suggestion", "accusation", "charge"]
)
#: Verbs that deny what such a noun passes on: "dismissed reports that".
_DISMISSING = _DENYING | {"dismiss", "reject"}


def _report_dismissed(verb: Token) -> Token | None:
    """ "The ministry dismissed reports that troops had been sent": the clause a
    report noun holds, when the noun is what a verb of denial rejects."""
    for v in _governors(verb, ("conj",))[:2]:
        noun = v.head
        if v.dep_ not in ("acl", "ccomp") or noun.lemma_.lower() not in _REPORT_NOUNS:
            continue
        if noun.dep_ in ("dobj", "nsubjpass") and noun.head.lemma_ in _DISMISSING:
            return noun.head
    return None


def _on_the_way(verb: Token) -> bool:
    """A trip under way or ahead ("is travelling to", "will fly to"): what it is
    for is planned; a trip made ("flew to Moscow to meet") leaves it open."""
    if verb.lemma_ not in ("travel", "go", "head", "fly", "come", "return", "set"):
        return False
    return verb.tag_ == "VBG" or any(c.lower_ in ("will", "'ll") for c in verb.children)


def _possible_frame(verb: Token) -> bool:
    """ "it is possible that", "it is likely that": the clause under it may happen."""
    frames = ("possible", "likely")
    return verb.lemma_ in frames or any(
        c.dep_ == "acomp" and c.lemma_ in frames for c in verb.children
    )


#: Verbs that keep the gerund under "from" from happening: "prevented the army from entering".
_KEEPING_FROM = frozenset(
    ["prevent", "stop", "ban", "bar", "block", "deter", "keep", "prohibit", "refrain",
     "restrain", "forbid", "dissuade", "hold", "discourage"]
)  # fmt: skip


def _barred(prep: Token) -> tuple[Status, str] | None:
    """A gerund under "from" after a verb of keeping did not happen; one under
    "against" ("warned against attacking", "voted against sending troops") is
    an act argued about, not one done."""
    if prep.lower_ == "from" and prep.head.lemma_ in _KEEPING_FROM:
        return "negated", f"'{prep.head.text} from'"
    if prep.lower_ == "against" and prep.head.pos_ in ("VERB", "AUX"):
        return "hypothetical", f"'{prep.head.text} against'"
    return None


def _denied_noun(noun: Token) -> bool:
    """ "no plans", "not any intention", "does not have a plan": the noun is denied."""
    if any(c.lower_ in ("no", "not", "never") for c in noun.children if c.dep_ in ("det", "neg")):
        return True
    return noun.dep_ == "dobj" and any(c.dep_ == "neg" for c in noun.head.children)


def _mood(verb: Token) -> tuple[Status, str]:
    # Adverbial clauses keep their own mood: "This will be the second time,
    # since they met on February 11" does not make the past meeting future.
    # A gerund under a preposition ("warned against attacking") stops at the
    # preposition, which has no mood: pcomp is not followed.
    chain = _governors(verb, ("xcomp", "ccomp", "conj", "acl"))
    # "the city where, it said, 100 people were killed": a wh-clause keeps its own mood
    chain = chain[: next((i + 1 for i, v in enumerate(chain) if _wh_clause(v)), len(chain))]
    # an if-clause scopes over all the conjoined clauses ("If X, NATO will respond
    # and the EU will impose sanctions")
    if any(_conditional(v) for v in chain[:3]):
        return "hypothetical", "conditional"
    # other than that, a conjoined clause with a subject of its own keeps its own
    # mood: "An attack would be a disaster, and Russia shelled Kharkiv" (but "plan
    # to attack the town and seize the airport" shares the plan)
    own = next((i for i, v in enumerate(chain) if v.dep_ == "conj" and _kids(v).nsubj), None)
    if own is not None:
        chain = chain[: own + 1]
    for v in chain[:3]:
        facts = _kids(v)
        kids, lemmas = facts.lowers, facts.lemmas
        if facts.neg and v.lemma_ in _DENYING and v.i != verb.i:
            return "possible", f"not denied: '{v.text}'"  # "did not deny that troops entered"
        if facts.neg and not (v.lemma_ == "rule" and facts.out):
            if v.lemma_ in _HYPOTHETICAL_VERBS:
                continue
            return "negated", f"negation on '{v.text}'"
        if v.lemma_ == "rule" and facts.out:
            return "hypothetical", "did not rule out"
        if v.lemma_ in _NEGATING_VERBS and v.i != verb.i:
            return "negated", f"'{v.text}' to"
        if v.lemma_ in _DENYING and v.i != verb.i:
            if any(
                t.lower_ in ("neither", "nor") for t in (*v.children, *v.doc[max(v.i - 3, 0) : v.i])
            ):
                return "possible", "neither confirmed nor denied"
            return "negated", f"denied: '{v.text}'"  # "the army denied that it had bombed"
        hedge = kids & _HEDGES
        if hedge:
            return "possible", f"hedged: '{min(hedge)}'"  # "Turkey reportedly struck"
        if "must" in kids or ("should" in kids and any(g.lemma_ in SPEECH_VERBS for g in chain)):
            return "requested", f"'must' on '{v.text}'"  # "X said Y must withdraw"
        if v.lemma_ in _WILLING and v.i != verb.i:
            return "hypothetical", f"'{v.text}' to"
        if (
            v.dep_ == "advcl"
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)
            and v.head.lemma_ not in _INSTRUMENTAL
        ):
            if v.head.lemma_ == "go" and any(c.lower_ == "on" for c in v.head.children):
                continue  # "went on to say": what was done next, not an aim
            if _on_the_way(v.head):
                return "planned", "travelling to"  # "is travelling to Moscow to meet Putin"
            return "hypothetical", f"purpose: 'to {v.text}'"  # "met ... to obtain the release"
        if v.i == verb.i and v.dep_ == "pcomp" and v.head.dep_ == "prep":
            barred = _barred(v.head)  # "stopped them from attacking", "warned against attacking"
            if barred is not None:
                return barred
        of_noun = v.dep_ == "pcomp" and v.head.lower_ == "of" and v.head.dep_ == "prep"
        if of_noun or (
            v.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)
        ):  # "their plan to seize", "the intention of seizing"
            head = v.head.head if of_noun else v.head
            noun = head.lemma_.lower()
            link = "of" if of_noun else "to"
            if noun in _CAPABILITY_NOUNS:  # "gave authorities the power to take control"
                return "hypothetical", f"capability: '{head.text} {link}'"
            if noun in _AIM_NOUNS:  # "their plan to seize the airport"
                if _denied_noun(head):  # "has no plans to", "does not have a plan to"
                    return "negated", f"no '{head.text} {link}'"
                return "planned", f"aim: '{head.text} {link}'"
        if (
            v.lemma_ == "be"
            and v.i != verb.i
            and any(c.dep_ == "nsubj" and c.lemma_.lower() in _AIM_NOUNS for c in v.children)
        ):
            return "planned", "aim: 'the task is to'"  # "the task now is to destroy"
        if (
            v.lemma_ in _ENABLING
            and v.i != verb.i
            and any(c.dep_ == "nsubj" and c.lemma_.lower() in PROVISIONS for c in v.children)
        ):
            return "hypothetical", f"permitted: '{v.text}'"  # "the law allows police to detain"
        if v.lemma_ in _AIMING and v.i != verb.i and verb.dep_ == "xcomp":
            return "hypothetical", f"aim: '{v.text}' to"
        if v.lemma_ in _OBLIGED and v.i != verb.i and verb.dep_ == "xcomp":
            return "requested", f"obligation: '{v.text}' to"
        if (
            v.lemma_ in _HEARSAY
            and v.i != verb.i
            and any(c.dep_ == "nsubjpass" for c in v.children)
            and not any(c.dep_ == "agent" for c in v.children)
            and any(c.dep_ == "xcomp" for c in v.children)
        ):  # "the rebels are believed to have kidnapped", "is said to have ordered"
            # (not "it was reported by Ukraine that ...": a named source, see attribution)
            return "possible", f"hearsay: '{v.text}' to"
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
            if any(_possible_frame(g) for g in chain[1:3]):
                return "possible", "it is possible"  # "it is possible that Turkey will mediate"
            return "planned", "future tense"
        if v.i != verb.i and _on_the_way(v):
            return "planned", "travelling to"  # "is heading to Kyiv, where she will sign"
    if verb.dep_ == "relcl" and verb.head.dep_ in ("attr", "nsubj", "dobj"):
        # "This will be the second time that Putin meets the envoy": the noun's
        # clause is future, so is the meeting it describes
        outer = verb.head.head
        if any(c.lower_ in ("will", "'ll", "shall") for c in outer.children):
            return "planned", f"future clause around '{verb.head.text}'"
    return "asserted", "indicative"


#: Verbs whose object noun is an act aimed at, asked for or weighed, not done.
_OBJECT_MOODS: dict[str, Status] = {
    "threaten": "hypothetical",
    "warn": "hypothetical",
    "consider": "hypothetical",
    "propose": "hypothetical",
    "seek": "hypothetical",
    "want": "hypothetical",
    "demand": "requested",
    "request": "requested",
    "urge": "requested",
    "call": "requested",
    "plan": "planned",
    "promise": "planned",
    "pledge": "planned",
    # what is banned or prevented is not done: "a law banning protests"
    "ban": "hypothetical",
    "prohibit": "hypothetical",
    "outlaw": "hypothetical",
    "forbid": "hypothetical",
    "prevent": "negated",
    "thwart": "negated",
    "foil": "negated",
    "avert": "negated",
}


def _object_mood(noun: Token, verb: Token) -> tuple[Status, str] | None:
    """ "threatened an attack", "called for a ceasefire", "planned a march": the
    noun's event is the verb's aim, whatever the verb's own mood."""
    mood = _OBJECT_MOODS.get(verb.lemma_.lower())
    if mood is None or noun.head.i not in (verb.i, *(c.i for c in verb.children)):
        return None
    if noun.dep_ == "dobj" or (noun.dep_ == "pobj" and noun.head.lower_ in ("for", "of")):
        return mood, f"object of '{verb.text}'"
    return None
