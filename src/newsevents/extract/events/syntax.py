"""Facts of the dependency parse that several rules ask: a clause's verb, its
subject or controller, the verbs that govern it, accusation frames, locative
and attribution phrases. Each token's children are read once per Doc.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TypeVar

from spacy.tokens import Token

from .words import _ACCUSING, _BACKGROUND, _OBJECT_CONTROL, _PLACE_PREPS, SPEECH_VERBS

T = TypeVar("T")


def _clause_verb(tok: Token) -> Token:
    """The verb whose clause holds ``tok`` (the token itself for verbs)."""
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _gerund_subject(tok: Token) -> bool:
    """ "Fighting between X and Y resumed": a gerund that is its clause's subject,
    with no subject or object of its own, names the event as a noun would; its
    parties are in its own "between" phrase or its verb's, its status is its verb's."""
    return (
        tok.tag_ == "VBG"
        and tok.dep_ in ("nsubj", "nsubjpass")
        and tok.head.i != tok.i
        and not any(
            c.dep_ in ("nsubj", "nsubjpass", "dobj", "ccomp", "xcomp") for c in tok.children
        )
    )


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


def _agents(verb: Token) -> list[Token]:
    """What a passive's "by" phrase names: "were taken by soldiers", "was told by
    Poland"."""
    return [o for a in verb.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]


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
        and any(
            p.lower_ == "of"
            for h in (head, *(o for o in head.children if o.dep_ == "dobj"))
            for p in h.children
            if p.dep_ == "prep"
        )
    ):  # "accused X of bombing a market, killing 45": the killing is charged too
        return head
    return None


#: Verbs of gathering that take no object: their past participle under a noun is
#: no passive ("students protested", never "a thing protested by them").
_GATHERING = frozenset(["protest", "demonstrate", "rally", "march", "riot", "gather", "assemble"])


def _finite_misread(verb: Token) -> bool:
    """A past-tense verb read as a clause on a noun: a past tense (VBD) never is
    one, nor the participle of an objectless gathering verb with no "by"."""
    if verb.tag_ == "VBD":
        return True
    return (
        verb.tag_ == "VBN"
        and verb.lemma_.lower() in _GATHERING
        and not any(c.dep_ == "agent" for c in verb.children)
    )


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
            if verb.dep_ == "relcl" or (verb.dep_ == "acl" and verb.tag_ == "VBG"):
                return [verb.head]  # "students protesting against fees" protest
            if verb.dep_ == "acl" and verb.head.dep_ == "ROOT" and _finite_misread(verb):
                # a finite verb the parser hung on its subject, left as the root:
                # "A group of students protested in Colombo"
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


def _wh_clause(clause: Token) -> bool:
    """ "... a raid on the city where 100 people were killed": a clause opened by
    "where" or "when" that the parser hung on a main verb as its complement tells
    a place or a time; it is not what was said, demanded or threatened."""
    return clause.dep_ == "ccomp" and any(
        c.tag_ == "WRB" and c.i < clause.i for c in clause.children
    )


def _conditional(v: Token) -> bool:
    """The clause is an if-clause, or has one ("If we get that, it will be ...")."""
    return _kids(v).conditional


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


#: Verbs of an attribution's speaker: "officials in Kyiv said", "sources in Moscow
#: were quoted as saying".
_SAYING = SPEECH_VERBS | {"quote", "cite"}


def _in_attribution(tok: Token) -> bool:
    """Inside "according to sources in Moscow" or "officials in Kyiv said": where the
    source is, not where the event happened."""
    for anc in tok.ancestors:
        if anc.lower_ == "according" and anc.dep_ == "prep":
            return True
        if anc.dep_ in ("nsubj", "nsubjpass") and anc.head.lemma_ in _SAYING:
            return True
    return False


def _locative(tok: Token) -> bool:
    """The token sits in a locative phrase: "in Geneva", "near the Kursk region"."""
    while tok.dep_ in ("compound", "amod", "appos", "conj") and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ == "pobj" and tok.head.lower_ in _PLACE_PREPS


#: Links that make a word part of a noun phrase: a date below one dates the noun
#: ("the 1991 agreement", "a June 1 deadline", "a deal reached in 1991"), not
#: the verb of the clause around it.
_NOUN_MODIFIERS = frozenset({"compound", "amod", "nummod", "nmod", "poss", "relcl", "acl", "appos"})

#: A verb's own adverbials: where a date that says when the verb happened hangs.
_ADVERBIALS = frozenset({"npadvmod", "tmod", "advmod", "prep"})


def _dates_a_noun(tok: Token, verb: Token) -> bool:
    """On its way up to ``verb``, ``tok`` passes through a noun's modifier."""
    while tok.i != verb.i and tok.head.i != tok.i:
        head = tok.head
        if tok.dep_ in _NOUN_MODIFIERS and head.pos_ in ("NOUN", "PROPN") and head.i != verb.i:
            return True
        tok = head
    return False


def _clause_time(dated: Mapping[int, T], verb: Token) -> T | None:
    """When the verb's clause happened: the nearest date among the verb's own
    adverbials ("February 6, 2007 Apple announced Monday" is Monday's), else the
    first date of its clause; never a date that belongs to a noun ("it replaces
    the 1991 agreement" did not happen in 1991). A date is looked at by its head
    word; the words inside it hang from each other."""

    def head_of_date(t: Token) -> bool:
        found = dated.get(t.idx)
        return found is not None and dated.get(t.head.idx) is not found

    own = [
        t
        for c in verb.children
        if c.dep_ in _ADVERBIALS
        for t in c.subtree
        if head_of_date(t) and not _dates_a_noun(t, verb)
    ]
    if own:
        return dated[min(own, key=lambda t: abs(t.i - verb.i)).idx]
    for t in verb.subtree:
        if head_of_date(t) and not _dates_a_noun(t, verb):
            return dated[t.idx]
    return None


#: Links from a verb with no tense of its own to the verb that gives it one
#: ("pledged to shut", "won by promising", "used it to call for").
_TENSE_FROM_HEAD = frozenset({"xcomp", "advcl", "pcomp", "conj", "ccomp", "acl"})


def _told_in_past(verb: Token) -> bool:
    """The verb is in a past tense ("attacked", "was attacked", "had met"), or has
    no tense and hangs from one that is ("pledged to shut down"): only such a
    verb goes on with the date its paragraph last told; "the court says", "it
    will decide" are about the day of the report."""
    for _ in range(8):  # a chain of infinitives is short; a misparse may loop
        if verb.tag_ == "VBD":
            return True
        auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.tag_ != "TO"]
        if auxiliaries:
            return any(c.tag_ == "VBD" for c in auxiliaries)
        if verb.tag_ not in ("VB", "VBG", "VBN") or verb.dep_ not in _TENSE_FROM_HEAD:
            return False
        head = verb.head
        if head.pos_ == "ADP" and head.dep_ == "prep":  # "won by promising"
            head = head.head
        if head.i == verb.i or head.pos_ not in ("VERB", "AUX"):
            return False
        verb = head
    return False
