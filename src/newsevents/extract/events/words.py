"""Word lists the event rules read: speech verbs, planning and modal verbs,
prepositions, the types that need no named party. One home, so that a rule
and the words it names are easy to find together.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet

from spacy.tokens import Token

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


#: Texts and schemes that "allow", "give" or "support" as their provisions say:
#: "the program allows foreign investors to gain citizenship" tells what a law
#: does, not what a party did; "the law allows police to detain" says what may be
#: done, not what was.
PROVISIONS = frozenset(
    ["program", "programme", "law", "bill", "rule", "regulation", "policy", "scheme",
     "system", "provision", "clause", "article", "amendment", "act", "statute", "code",
     "constitution", "legislation", "measure", "plan", "visa", "budget", "decree", "order"]
)  # fmt: skip
_ENABLING = frozenset(["allow", "permit", "authorize", "authorise", "empower", "enable", "let"])


#: Nouns that only stretch out the act named on them: "a looting spree", "a
#: bombing campaign", "a wave of arrests".
STRETCH_NOUNS = frozenset(["spree", "rampage", "campaign", "wave", "orgy", "binge", "series"])


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
_DOUBTING = frozenset(
    ["claim", "allege", "accuse", "charge", "blame", "contend", "doubt", "suspect", "question"]
)


def regular_lemma(tok: Token, known: AbstractSet[str]) -> str:
    """The lemma, or the regular stem when the tagger's lemma is no known verb and
    the regular stem is ("staged" lemmatised as "stag", "rallied" as "rallie")."""
    lemma = tok.lemma_.lower()
    if lemma in known or not tok.tag_.startswith("VB"):
        return lemma
    text = tok.lower_
    for suffix, stem in _REGULAR_ENDINGS:
        if text.endswith(suffix) and (stem_form := text[: -len(suffix)] + stem) in known:
            return stem_form
    # a prefixed irregular form the tagger does not know: "retook" is re- + took
    for prefix in _VERB_PREFIXES:
        rest = text.removeprefix(prefix)
        if rest != text and rest in _IRREGULAR and (prefix + _IRREGULAR[rest]) in known:
            return prefix + _IRREGULAR[rest]
    return lemma


_VERB_PREFIXES = ("re", "out", "over", "under", "with", "up", "mis", "counter")
#: English irregular past and participle forms and their verbs (a grammar fact),
#: for prefixed forms the tagger leaves unlemmatised.
_IRREGULAR = {
    "took": "take", "taken": "take", "fought": "fight", "struck": "strike", "shot": "shoot",
    "drew": "draw", "drawn": "draw", "ran": "run", "won": "win", "gave": "give",
    "given": "give", "caught": "catch", "held": "hold", "led": "lead", "met": "meet",
    "sent": "send", "stood": "stand", "told": "tell", "threw": "throw", "thrown": "throw",
    "broke": "break", "broken": "break", "fell": "fall", "fallen": "fall", "rose": "rise",
    "risen": "rise", "sold": "sell", "stole": "steal", "stolen": "steal", "tore": "tear",
    "torn": "tear", "beaten": "beat", "blew": "blow", "blown": "blow", "fled": "flee",
    "got": "get", "lost": "lose", "made": "make", "paid": "pay", "sought": "seek",
    "wrote": "write", "written": "write", "built": "build", "brought": "bring",
    "kept": "keep", "laid": "lay", "seen": "see", "saw": "see", "went": "go", "gone": "go",
    "came": "come", "dealt": "deal", "bound": "bind", "hung": "hang", "drove": "drive",
    "driven": "drive", "rode": "ride", "ridden": "ride", "swept": "sweep", "spun": "spin",
    "slew": "slay", "slain": "slay", "shook": "shake", "shaken": "shake",
}  # fmt: skip


_REGULAR_ENDINGS = (
    ("ied", "y"), ("ies", "y"), ("ed", "e"), ("ed", ""), ("es", ""), ("s", ""), ("ing", "e"),
    ("ing", ""),
)  # fmt: skip


#: Nouns whose infinitive says what may be done, not what was: "the power to evacuate".
_CAPABILITY_NOUNS = frozenset(
    ["power", "right", "authority", "ability", "capacity", "mandate", "permission", "licence",
     "license", "option", "chance", "opportunity", "means", "freedom", "leeway", "authorization",
     "authorisation", "capability"]
)  # fmt: skip


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
        # "laid siege to", "waged war on", "stepped up attacks", "committed a massacre"
        "lay",
        "wage",
        "step",
        "commit",
        "perpetrate",
        "unleash",
        "orchestrate",
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
    ["in", "at", "to", "into", "near", "outside", "inside", "across", "over", "toward", "towards",
     "through", "throughout", "around", "along", "within"]
)  # fmt: skip


#: Event types whose that-clause names who is addressed.
_ADDRESSED = frozenset(["REQUEST", "ACCUSE", "THREATEN", "REJECT"])


#: Verbs whose object does what follows: "called on both sides to agree", "urged X to".
_OBJECT_CONTROL = frozenset(
    ["call", "urge", "ask", "order", "tell", "force", "persuade", "invite", "encourage",
     "press", "pressure", "push", "appeal", "request", "instruct", "allow", "permit"]
)  # fmt: skip


#: Verbs of accusing: "accused the army of bombing" -> the army bombed (by the accuser's word).
_ACCUSING = frozenset(
    ["accuse", "blame", "charge", "suspect", "convict", "accusation", "allegation"]
)


#: Types an agency note reports without knowing who did it: an attack, a riot, an
#: arrest happened whether or not anyone is named.
_UNATTRIBUTED_TYPES = frozenset(["ASSAULT", "PROTEST", "COERCE"])


#: What a noun trigger must be to stand for an event that took place: the subject
#: or object of a clause, or the object of "in"/"during" ("injured in an attack").
_OCCURRED_DEPS = frozenset(["nsubj", "nsubjpass", "dobj", "attr", "ROOT"])


_OCCURRED_PREPS = frozenset(["in", "during", "after", "following", "by", "amid"])


#: Events that happen where the reporter files from, when nothing else is said:
#: fighting, protest, arrests, not a phone call between two capitals.
_LOCAL_TYPES = frozenset(["ASSAULT", "PROTEST", "COERCE", "MOBILIZE"])
