"""Source: who asserts the event (a governing speech verb, "according to",
the accuser of "accused X of"), or None when it is the outlet's own word.
"""

from __future__ import annotations

from spacy.tokens import Token

from ...model import Entity
from .arguments import ActorIndex, _actors, _named_head
from .syntax import _accused, _agents, _governors, _kids, _subject
from .words import SPEECH_VERBS


def _source(verb: Token, index: ActorIndex) -> Entity | None:
    """Who reports the event: the subject of a governing speech verb, or "according to"."""
    # background clauses ("when it launched ...") are not covered by the report
    chain: list[Token] = []
    # the charge of "accused X of" is the accuser's word: found on the chain below.
    # A gerund's chain stops at its preposition, which reports nothing: pcomp is
    # not followed.
    for v in _governors(verb, ("xcomp", "ccomp", "advcl", "conj")):
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
            # "Ukraine was told by Poland that ...": the agent speaks
            subj = (
                _agents(speaker)
                or [c for c in speaker.children if c.dep_ == "nsubj"]
                or _subject(speaker)
            )
            if subj:
                # "Saudi Arabia's foreign ministry said": the ministry, else its owner
                ids = _actors(subj[:1], index)
                if ids:
                    return index.by_id.get(ids[0])
    return None
