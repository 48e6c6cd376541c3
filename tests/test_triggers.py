"""Trigger matching (``events/triggers.py``): discontinuation, hyphenated nouns and
the trigger span, on sentences written for these tests."""

import pytest
from spacy.language import Language

from newsevents import analyze, article_from_text


def _coded(text: str, nlp: Language) -> list[tuple[str, str, str | None, str]]:
    """(trigger text, type, mode, rule) of each event."""
    result = analyze(article_from_text(text, published="2025-03-13"), nlp)
    return [(text[e.trigger[0] : e.trigger[1]], e.type, e.mode, str(e.rule)) for e in result.events]


@pytest.mark.parametrize(
    ("text", "trigger", "rule"),
    [
        # a cooperative object by the lexicon's type (CONSULT, AID) or by the noun list
        (
            "Turkey cancelled a planned visit by the Swedish minister.",
            "cancelled",
            "discontinue:cancel+visit",
        ),
        ("Canada halted aid to Gaza.", "halted", "discontinue:halt+aid"),
        ("Russia suspended flights to Georgia.", "suspended", "discontinue:suspend+flight"),
        (
            "Russia severed diplomatic relations with Ukraine.",
            "severed",
            "discontinue:sever+relation",
        ),
        (
            "Qatar ended its mediation between Israel and Hamas.",
            "ended",
            "discontinue:end+mediation",
        ),
        # the cooperative word as a compound of the object, and a passive subject
        ("Canada halted the aid convoy to Gaza.", "halted", "discontinue:halt+aid"),
        (
            "Trade talks with Canada were suspended by China.",
            "suspended",
            "discontinue:suspend+trade",
        ),
    ],
)
def test_ending_cooperation_is_a_sanction_and_its_object_no_event(
    text: str, trigger: str, rule: str, nlp: Language
) -> None:
    assert _coded(text, nlp) == [(trigger, "SANCTION", "discontinue", rule)]


def test_ending_what_is_no_cooperation_is_no_sanction(nlp: Language) -> None:
    assert not [
        c for c in _coded("The army stopped the convoy near Gaza.", nlp) if c[1] == "SANCTION"
    ]


def test_an_agreement_ended_is_a_sanction(nlp: Language) -> None:
    coded = _coded("Russia suspended the grain agreement with Ukraine.", nlp)
    assert [c[1:3] for c in coded] == [("SANCTION", "discontinue")]


@pytest.mark.parametrize(
    ("text", "trigger", "etype"),
    [
        ("Teachers staged a sit-in at the ministry in Dakar.", "sit-in", "PROTEST"),
        # the lexicon writes it as one word
        ("Workers staged a walk-out at the ministry in Dakar.", "walk-out", "PROTEST"),
    ],
)
def test_a_hyphenated_noun_is_one_trigger(
    text: str, trigger: str, etype: str, nlp: Language
) -> None:
    assert [(c[0], c[1]) for c in _coded(text, nlp)] == [(trigger, etype)]


def test_pieces_apart_are_no_hyphenated_word(nlp: Language) -> None:
    assert not _coded("Teachers staged a sit - in at the ministry in Dakar.", nlp)
