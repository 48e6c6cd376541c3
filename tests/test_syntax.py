"""The parse facts the event rules share (``events/syntax.py``), read off sentences
written for these tests. Each test first checks the parse it relies on, so that a
new model release shows up as a changed parse, not as a broken rule."""

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Token

from newsevents.extract.events.syntax import (
    _accused,
    _controller,
    _governors,
    _in_attribution,
    _kids,
    _locative,
    _Ranges,
    _subject,
)


def _tok(doc: Doc, word: str) -> Token:
    return next(t for t in doc if t.text == word)


# --- _Ranges: a binary search over [start, end) ranges -----------------------


def test_ranges_hold_inside_and_not_at_the_end() -> None:
    r = _Ranges([(10, 20), (30, 40)])
    assert [r.holds(at) for at in (9, 10, 19, 20, 25, 30, 39, 40)] == [
        False, True, True, False, False, True, True, False,
    ]  # fmt: skip
    assert not _Ranges([]).holds(0)


def test_ranges_nested_and_overlapping() -> None:
    # a long range holding a short one: the long one still holds past the short one's end
    r = _Ranges([(0, 100), (10, 20), (50, 60)])
    assert r.holds(30) and r.holds(55) and r.holds(99) and not r.holds(100)
    assert r.first(15) == (10, 20)  # the latest starting range that holds it
    assert r.first(30) == (0, 100)  # not (10, 20), which ended before
    assert r.first(55) == (50, 60)
    assert r.first(100) is None


def test_ranges_first_skips_ranges_that_ended() -> None:
    r = _Ranges([(0, 50), (5, 8), (10, 12), (14, 16)])
    assert r.first(20) == (0, 50)
    assert r.first(15) == (14, 16)
    assert r.first(13) == (0, 50)
    assert r.first(7) == (5, 8)
    assert r.first(8) == (0, 50)
    assert _Ranges([(5, 8)]).first(4) is None


def test_ranges_within() -> None:
    r = _Ranges([(0, 5), (10, 20), (15, 18), (30, 40)])
    assert r.within(10, 30) == [(10, 20), (15, 18)]
    assert r.within(0, 10) == [(0, 5)]
    assert r.within(31, 100) == []
    assert r.within(0, 100) == [(0, 5), (10, 20), (15, 18), (30, 40)]


def test_ranges_reach_keeps_the_furthest_end() -> None:
    r = _Ranges([(0, 100), (10, 20)])
    assert r.reach == [100, 100]
    assert r.holds(50)


# --- clause facts ----------------------------------------------------------


def test_controller_of_an_object_control_verb(nlp: Language) -> None:
    doc = nlp("The United Nations urged Russia to withdraw its troops.")
    withdraw = _tok(doc, "withdraw")
    assert withdraw.dep_ == "xcomp"
    assert [t.text for t in _controller(withdraw)] == ["Russia"]
    doc = nlp("The minister called on Russia to withdraw its troops.")
    withdraw = _tok(doc, "withdraw")
    assert (withdraw.dep_, withdraw.head.text) == ("xcomp", "called")
    assert [t.text for t in _controller(withdraw)] == ["Russia"]
    # "on" after a verb that controls no object is no controller
    doc = nlp("The minister waited on Russia to withdraw its troops.")
    withdraw = _tok(doc, "withdraw")
    assert withdraw.dep_ == "xcomp"
    assert _controller(withdraw) == []
    # subject control ("wants to withdraw") has no object controller
    doc = nlp("Russia wants to withdraw its troops.")
    assert _controller(_tok(doc, "withdraw")) == []
    # a verb that is no xcomp has none either
    doc = nlp("Russia withdrew its troops.")
    assert _controller(_tok(doc, "withdrew")) == []


def test_accused_of_on_the_verb_and_on_its_object(nlp: Language) -> None:
    doc = nlp("Ukraine accused Russia of shelling Kharkiv.")
    shelling = _tok(doc, "shelling")
    assert shelling.dep_ == "pcomp"
    accuser = _accused(shelling)
    assert accuser is not None and accuser.text == "accused"
    # the subject of the charged act is the accused
    assert [t.text for t in _subject(shelling)] == ["Russia"]
    # the "of" hangs on the object: "accuses Russian forces of shelling"
    doc = nlp("The report accuses Russian forces of shelling Kharkiv.")
    shelling = _tok(doc, "shelling")
    assert (shelling.head.text, shelling.head.head.dep_) == ("of", "dobj")
    accuser = _accused(shelling)
    assert accuser is not None and accuser.text == "accuses"
    # a noun of accusing is the charge itself, even as an object
    doc = nlp("Kyiv brought charges of shelling against Moscow.")
    accuser = _accused(_tok(doc, "shelling"))
    assert accuser is not None and accuser.text == "charges"
    doc = nlp("Kyiv dismissed accusations of shelling civilians.")
    accuser = _accused(_tok(doc, "shelling"))
    assert accuser is not None and accuser.text == "accusations"
    # ... but not on a noun under a verb that accuses of nothing
    doc = nlp("Kyiv has made a video of shelling in Bakhmut.")
    assert _tok(doc, "shelling").head.head.dep_ == "dobj"
    assert _accused(_tok(doc, "shelling")) is None
    # "of" that is no charge: "the risk of shelling"
    doc = nlp("The risk of shelling grew in Kharkiv.")
    assert _accused(_tok(doc, "shelling")) is None
    # "of" under a noun that is no accusation, itself the object of a verb
    doc = nlp("Ukraine reported the start of shelling in Kharkiv.")
    assert _accused(_tok(doc, "shelling")) is None


def test_accused_reaches_the_participle_after_the_charge(nlp: Language) -> None:
    # "killing" hangs on the charged act, not on "accused": the status rule walks up
    doc = nlp("Ukraine accused Russia of bombing a market, killing 45 people.")
    killing = _tok(doc, "killing")
    assert (killing.dep_, killing.head.text) == ("advcl", "bombing")
    assert _accused(killing) is None
    assert _accused(_tok(doc, "bombing")) is not None
    # a participle right under the accusing verb that has "of": charged too
    doc = nlp("Ukraine accused Russia of war crimes, citing the bombing of a market.")
    citing = _tok(doc, "citing")
    assert (citing.dep_, citing.head.text) == ("advcl", "accused")
    accuser = _accused(citing)
    assert accuser is not None and accuser.text == "accused"
    # ... and not under one without "of"
    doc = nlp("Ukraine accused Russia, citing the bombing of a market.")
    citing = _tok(doc, "citing")
    assert (citing.dep_, citing.head.text) == ("advcl", "accused")
    assert _accused(citing) is None
    # a participle under a verb that accuses of nothing is not charged
    doc = nlp("Russia bombed a market, killing 45 people.")
    killing = _tok(doc, "killing")
    assert killing.dep_ == "advcl"
    assert _accused(killing) is None


def test_subject_is_taken_from_the_governing_clause(nlp: Language) -> None:
    doc = nlp("Russia attacked Kharkiv and shelled Sumy.")
    shelled = _tok(doc, "shelled")
    assert shelled.dep_ == "conj"
    assert [t.text for t in _subject(shelled)] == ["Russia"]
    doc = nlp("Russia wants to attack Kharkiv.")
    assert [t.text for t in _subject(_tok(doc, "attack"))] == ["Russia"]


def test_kids_facts(nlp: Language) -> None:
    doc = nlp("Russia did not rule out an attack unless talks resume.")
    rule = _tok(doc, "rule")
    kids = _kids(rule)
    assert kids.neg and kids.out and kids.nsubj
    assert kids.conditional  # the "unless" clause hangs on it
    assert not kids.if_mark
    resume = _tok(doc, "resume")
    assert _kids(resume).if_mark
    assert _kids(resume) is _kids(resume)  # read once per Doc
    doc = nlp("The talks resumed after the army withdrew.")
    assert _kids(_tok(doc, "withdrew")).background
    assert not _kids(_tok(doc, "resumed")).background
    doc = nlp("According to Kyiv, Russia shelled Sumy.")
    shelled = _tok(doc, "shelled")
    assert [t.text for t in _kids(shelled).according] == ["According"]
    assert [t.text for t in _kids(shelled).subjects] == ["Russia"]
    doc = nlp("Talks were held in Doha.")
    assert [t.text for t in _kids(_tok(doc, "held")).subjects] == ["Talks"]


def test_governors_up_the_chain(nlp: Language) -> None:
    doc = nlp("Kyiv said Russia tried to attack Sumy.")
    attack = _tok(doc, "attack")
    assert [t.text for t in _governors(attack)] == ["attack", "tried", "said"]
    assert [t.text for t in _governors(attack, ("xcomp",))] == ["attack", "tried"]


def test_governors_stop_after_seven(nlp: Language) -> None:
    """A chain of reports eight deep is cut at seven verbs: the nearest decide."""
    doc = nlp(
        "Kyiv said Moscow claimed Minsk reported Warsaw said Riga believed Vilnius "
        "thought Tallinn knew Russia attacked Sumy."
    )
    chain = _governors(_tok(doc, "attacked"))
    assert [t.text for t in chain] == [
        "attacked", "knew", "thought", "believed", "said", "reported", "claimed",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "word", "inside"),
    [
        ("According to sources in Moscow, Russia recaptured Sudzha.", "Moscow", True),
        ("Officials in Kyiv said Russia shelled Sumy.", "Kyiv", True),
        ("Officials were told in Kyiv that Russia shelled Sumy.", "Kyiv", False),
        ("Sources in Moscow were quoted as saying that Russia recaptured Sudzha.", "Moscow", True),
        ("Russia shelled Sumy, officials said.", "Sumy", False),
        ("Troops in Kursk attacked the town.", "Kursk", False),
    ],
)
def test_in_attribution(text: str, word: str, inside: bool, nlp: Language) -> None:
    assert _in_attribution(_tok(nlp(text), word)) is inside


@pytest.mark.parametrize(
    ("text", "word", "locative"),
    [
        ("Talks were held in Geneva.", "Geneva", True),
        ("Fighting went on near the Kursk region.", "region", True),
        ("Talks were held in the Swiss city of Geneva.", "city", True),
        ("Geneva hosted the talks.", "Geneva", False),
        ("Talks were held in Geneva and Bern.", "Bern", True),
        ("Talks were held in the Kursk region.", "Kursk", True),
        ("Talks were held in the capital, Kyiv.", "Kyiv", True),
        ("Talks were held in central Kyiv.", "central", True),
        ("Talks with the Kursk governor were held.", "Kursk", False),
    ],
)
def test_locative(text: str, word: str, locative: bool, nlp: Language) -> None:
    assert _locative(_tok(nlp(text), word)) is locative
