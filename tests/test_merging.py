"""One event told twice is one event: conjoined verbs, a headline restating the
body, a partyless repeat; sentences written for these tests."""

import pytest
from spacy.language import Language

from newsevents import Analysis, Article, analyze

HEADLINE = "Russian forces shelled Kharkiv overnight"


def _run(text: str, nlp: Language, title: str | None = None) -> Analysis:
    return analyze(Article(id="t", text=text, title=title, published="2025-03-13"), nlp)


def _names(result: Analysis, ids: list[str]) -> set[str]:
    names = {e.id: e.name for e in result.entities} | {p.id: p.name for p in result.places}
    return {names[i] for i in ids}


def test_conjoined_verbs_of_one_type_and_actor_are_one_event(nlp: Language) -> None:
    result = _run("Russian troops shelled Kharkiv and bombed Sumy on Tuesday.", nlp)
    (event,) = result.events
    assert event.type == "ASSAULT"
    assert _names(result, event.actors) == {"Russian troops"}
    assert _names(result, [*event.recipients, *([event.place] if event.place else [])]) == {
        "Kharkiv",
        "Sumy",
    }
    assert event.time_value == "2025-03-11"


def test_conjoined_verbs_of_different_actors_stay_apart(nlp: Language) -> None:
    result = _run("Russian troops shelled Kharkiv and Ukrainian forces attacked Belgorod.", nlp)
    assert sorted(tuple(sorted(_names(result, e.actors))) for e in result.events) == [
        ("Russian troops",),
        ("Ukrainian forces",),
    ]


def test_a_headline_restating_the_body_is_the_body_event(nlp: Language) -> None:
    text = (
        f"{HEADLINE}\n\nOfficials in Kyiv said on Monday that Russian forces had shelled "
        "Kharkiv, killing two people."
    )
    result = _run(text, nlp, title=HEADLINE)
    shelling = [e for e in result.events if e.type == "ASSAULT" and e.mode == "heavy-weapons"]
    assert len(shelling) == 1
    assert shelling[0].trigger[0] > len(HEADLINE)  # the body's telling, with its date
    assert shelling[0].time_value == "2025-03-10"


def test_a_headline_the_body_does_not_repeat_is_kept(nlp: Language) -> None:
    text = f"{HEADLINE}\n\nTalks on a ceasefire are due to resume in Geneva next week."
    result = _run(text, nlp, title=HEADLINE)
    shelling = [e for e in result.events if e.type == "ASSAULT"]
    assert [text[e.trigger[0] : e.trigger[1]] for e in shelling] == ["shelled"]
    assert shelling[0].trigger[1] <= len(HEADLINE)


def test_a_partyless_telling_beside_one_with_parties_is_dropped(nlp: Language) -> None:
    result = _run(
        "During the offensive operations, the Russian army recaptured Sudzha from Ukraine.",
        nlp,
    )
    assaults = [e for e in result.events if e.type == "ASSAULT"]
    assert len(assaults) == 1
    assert _names(result, assaults[0].actors) == {"Russian army"}


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen attacked a bus near Kaduna on Monday. The attack was the third this month.",
        "Gunmen attacked a bus near Kaduna on Monday. This attack lasted an hour.",
        "Gunmen attacked a bus near Kaduna on Monday. That attack lasted an hour.",
        "Protesters rallied in Dakar on Monday. Their protest ended peacefully.",
        "Protesters rallied in Dakar on Monday. Its protest ended peacefully.",
    ],
)
def test_the_event_told_again_is_not_a_second_event(text: str, nlp: Language) -> None:
    """ "the attack", "their protest" after one was told: the same event."""
    result = _run(text, nlp)
    assert len(result.events) == 1
    assert result.events[0].actors


def test_another_attack_is_a_second_attack(nlp: Language) -> None:
    result = _run(
        "Gunmen attacked a bus near Kaduna on Monday. Another attack hit a market on Tuesday.",
        nlp,
    )
    assert [e.time_value for e in result.events if e.type == "ASSAULT"] == [
        "2025-03-10",
        "2025-03-11",
    ]


def test_a_light_verb_and_its_event_noun_are_one_event(nlp: Language) -> None:
    result = _run("Turkey launched an attack on PKK positions in Iraq.", nlp)
    assert [e.type for e in result.events] == ["ASSAULT"], [(e.type, e.rule) for e in result.events]
    (event,) = result.events
    assert _names(result, event.actors) == {"Turkey"}
    # a noun of another type under the verb is not merged into it
    result = _run("Rebels threatened an attack by their allies on the capital.", nlp)
    assert [(e.type, e.status) for e in result.events] == [
        ("THREATEN", "asserted"),
        ("ASSAULT", "hypothetical"),
    ], [(e.type, e.status) for e in result.events]


def test_the_people_of_named_parties_stand_for_them(nlp: Language) -> None:
    result = _run("The foreign ministers of Brazil and Argentina held talks in Brasilia.", nlp)
    (event,) = result.events
    assert _names(result, event.actors) == {"Brazil", "Argentina"}


def test_a_subject_noun_and_its_verb_of_one_type_are_one_event(nlp: Language) -> None:
    """ "Israeli drones hit a car": the drones' strike and the hit are one attack."""
    result = _run("Israeli drones hit a car in southern Lebanon.", nlp)
    assert [(e.type, result.article.text[e.trigger[0] : e.trigger[1]]) for e in result.events] == [
        ("ASSAULT", "hit")
    ]
    assert _names(result, result.events[0].actors) == {"Israel"}
