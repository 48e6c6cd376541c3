"""The CAMEO dictionary reader on pattern lines written for these tests, and the
matcher on parsed sentences written for them."""

import pytest
from spacy.language import Language

from newsevents.extract.events import cameo
from newsevents.extract.events.cameo import (
    Phrase,
    _code,
    _forms,
    _parse_pattern,
    _plural_forms,
    _verb,
)

SETS = {
    "&TROOPS": [["SOLDIER"], ["ARMY"]],
    "&ARMED": [["ARMED", "FORCE"], ["GROUND", "FORCE"]],
}


@pytest.mark.parametrize(
    ("word", "forms"),
    [
        ("ATTACKS", {"attacks", "attack"}),
        ("PARTIES", {"parties", "party"}),
        ("CLASSES", {"classes", "class"}),
        ("PASS", {"pass"}),
        ("BUS", {"bus"}),
        ("_FIRE_", {"fire"}),
        ("TIES", {"ties", "tie"}),  # too short for -ies: "ty" is no word
    ],
)
def test_a_dictionary_word_stands_for_its_singular(word: str, forms: set[str]) -> None:
    assert _forms(word) == forms


@pytest.mark.parametrize(
    ("word", "forms"),
    [
        ("ATTACK", {"attack", "attacks"}),
        ("PARTY", {"party", "parties"}),
        ("DAY", {"day", "days"}),
        ("PRESS", {"press", "presses"}),
        ("FIRE_", {"fire"}),  # a trailing underscore: this form only
    ],
)
def test_a_set_entry_stands_for_its_plural(word: str, forms: set[str]) -> None:
    assert _plural_forms(word) == forms


@pytest.mark.parametrize(
    ("cell", "code"),
    [
        ("[173]", "173"),
        ("[042:043]", "042"),
        ("[:190]", "190"),
        ("[ 0871 ]", "0871"),
        ("[---]", "---"),
        ("[---:---]", "---"),
        ("[]", None),
    ],
)
def test_a_code_cell_gives_the_first_direction(cell: str, code: str | None) -> None:
    assert _code(cell) == code


@pytest.mark.parametrize(
    ("entry", "lemma", "particles"),
    [
        ("RUSH", "rush", ()),
        ("+ASK_FOR", "ask", ("for",)),
        ("+CALL_OFF", "call", ("off",)),
        ("+TAKE_LEAVE", "take", ("leave",)),
    ],
)
def test_a_verb_entry_and_its_particles(entry: str, lemma: str, particles: tuple[str, ...]) -> None:
    verb = _verb(entry)
    assert verb is not None
    assert (verb.lemma, verb.particles) == (lemma, particles)


def test_a_compound_before_the_verb_is_left_out() -> None:
    assert _verb("WIRE_+TAP") is None
    assert _verb("WIRE_TAP") is None


def test_an_object_with_its_modifier() -> None:
    (pattern,) = _parse_pattern("* {ARMS SHIPMENT}", "072", SETS)
    assert pattern.code == "072" and pattern.text == "* {ARMS SHIPMENT}"
    assert pattern.subject is None and pattern.preps == () and pattern.particles == ()
    assert pattern.objects == (
        Phrase(frozenset({"shipment", "shipments"}), (frozenset({"arms", "arm"}),)),
    )
    assert pattern.weight == 3  # one object (2) and one modifier (1)


def test_an_object_and_a_prepositional_phrase() -> None:
    (pattern,) = _parse_pattern("* POLICE (TO BORDER)", "153", SETS)
    assert pattern.objects == (Phrase(frozenset({"police", "polices"})),)
    assert pattern.preps == (("to", Phrase(frozenset({"border", "borders"}))),)
    assert pattern.weight == 4


def test_a_bare_preposition_and_actor_marks() -> None:
    (pattern,) = _parse_pattern("$ * + (TO +)", "042", SETS)
    assert pattern.subject is None and pattern.objects == ()
    assert pattern.preps == (("to", None),)
    assert pattern.weight == 2


def test_a_particle_right_after_the_verb() -> None:
    (pattern,) = _parse_pattern("* OFF {PEACE DEAL}", "160", SETS)
    assert pattern.particles == ("off",)
    assert pattern.objects[0].head == {"deal", "deals"}
    assert pattern.objects[0].modifiers == (frozenset({"peace"}),)
    assert pattern.weight == 4
    # after an object, the same word is part of the phrase, not a particle
    (later,) = _parse_pattern("* DEAL OFF", "160", SETS)
    assert later.particles == ()


def test_a_synonym_set_gives_one_phrase_per_modifier_reading() -> None:
    subjects = {p.subject for p in _parse_pattern("&TROOPS *", "154", SETS)}
    assert subjects == {Phrase(frozenset({"soldier", "soldiers", "army", "armies"}))}
    readings = {p.objects[0] for p in _parse_pattern("* &ARMED", "190", SETS)}
    assert readings == {
        Phrase(frozenset({"force", "forces"}), (frozenset({"armed"}),)),
        Phrase(frozenset({"force", "forces"}), (frozenset({"ground"}),)),
    }
    combos = _parse_pattern("* &ARMED (TO &TROOPS)", "190", SETS)
    assert len(combos) == 2 and {p.preps[0][1] for p in combos} == {
        Phrase(frozenset({"soldier", "soldiers", "army", "armies"}))
    }


@pytest.mark.parametrize(
    "body",
    [
        "*",  # the verb alone: its default code is too coarse
        "POLICE TO BORDER",  # no verb slot
        "* &UNDEFINED",  # an undefined set anywhere drops the pattern
        "&UNDEFINED *",
        "* (TO &UNDEFINED)",
        "* {&UNDEFINED DEAL}",
        "* $ &UNDEFINED",
    ],
)
def test_patterns_that_are_ignored(body: str) -> None:
    assert _parse_pattern(body, "190", SETS) == []


def test_the_shipped_dictionary_reads_blocks_sets_and_codes() -> None:
    blocks = cameo.dictionary()["rush"]
    assert len(blocks) == 1
    verb, block = blocks[0]
    assert verb.particles == ()
    texts = {(p.text, p.code) for p in block.patterns}
    assert {("* (TO)", "042"), ("* POLICE (TO BORDER)", "153"), ("* DEPLOYMENT", "154")} <= texts
    food = next(p for p in block.patterns if p.text == "* &FOOD")  # a set, read from its block
    assert {"food", "groceries", "provisions"} <= food.objects[0].head
    # compound verbs are their own entries, beside the plain verb
    assert {v.particles for v, _ in cameo.dictionary()["ask"]} == {(), ("for",)}
    # block defaults, where they are codes
    codes = cameo.block_codes()
    assert codes["meet"] == ("040",) and codes["attack"] == ("190",)
    assert "rush" not in codes  # its block's default is the null code


def test_block_candidates_by_argument_word() -> None:
    ((_, block),) = cameo.dictionary()["rush"]
    found = block.candidates({"border", "to"})  # an object pattern needs its object's word
    assert {p.text for p in found} == {"* (TO)", "* (TO BORDER)"}
    found = block.candidates({"police", "border", "to"})
    assert {"* (TO)", "* POLICE (TO BORDER)"} <= {p.text for p in found}
    assert all(p.text != "* DEPLOYMENT" for p in found)
    assert block.candidates({"nothing-of-the-kind"}) == []


def _verb_of(nlp: Language, text: str, lemma: str) -> cameo.Match | None:
    doc = nlp(text)
    verb = next(t for t in doc if t.lemma_.lower() == lemma and t.pos_ in ("VERB", "AUX"))
    return cameo.match(verb)


def test_match_takes_the_most_specific_pattern(nlp: Language) -> None:
    found = _verb_of(nlp, "The government rushed police to the border on Monday.", "rush")
    assert found is not None
    assert (found.code, found.type) == ("153", "MOBILIZE")
    assert found.rule == "cameo:RUSH * POLICE (TO BORDER) [153]"


def test_a_time_fills_no_prepositional_slot(nlp: Language) -> None:
    assert _verb_of(nlp, "The aid workers rushed for two hours on Monday.", "rush") is None


def test_a_participle_describing_a_noun_matches_nothing(nlp: Language) -> None:
    doc = nlp("A truck carrying troops to the border overturned.")
    carrying = next(t for t in doc if t.lower_ == "carrying")
    assert carrying.dep_ == "acl"
    assert cameo.match(carrying) is None


def test_a_subject_pattern_reads_who_does_it_not_a_passive_subject(nlp: Language) -> None:
    """ "&AIRCRAFT *" is aircraft gathering (CAMEO 195), not aircraft assembled in a
    factory: a passive's subject is what is done to."""
    found = _verb_of(nlp, "Russian warplanes assembled over the border.", "assemble")
    assert found is not None and found.code == "195"
    assert _verb_of(nlp, "Four aircraft will be assembled at the factory.", "assemble") is None
