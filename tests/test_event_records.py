"""The event records ``extract_events`` builds: ids, confidence, which candidates
are dropped without dropping the rest of the sentence, the speaker of his own
words, a capital that acts, crowds; on sentences written for these tests."""

import pytest
from spacy.language import Language

from newsevents import Analysis, analyze, article_from_text


def _analysis(text: str, nlp: Language) -> Analysis:
    return analyze(article_from_text(text, published="2025-03-13"), nlp)


def _triggers(result: Analysis) -> list[str]:
    text = result.article.text
    return [text[e.trigger[0] : e.trigger[1]] for e in result.events]


def test_ids_number_the_events_in_order(nlp: Language) -> None:
    result = _analysis("Russia attacked Kharkiv and Ukraine condemned Moscow.", nlp)
    assert [e.id for e in result.events] == ["V1", "V2"]
    assert _triggers(result) == ["attacked", "condemned"]


@pytest.mark.parametrize(
    ("text", "confidence"),
    [
        ("Russia attacked Ukraine on Monday.", 0.9),  # verb, actor and recipient
        ("The Russian attack on Ukraine was condemned.", 0.8),  # a noun
        ("Gunmen attacked on Monday.", 0.7),  # no recipient
    ],
)
def test_confidence_grows_with_what_is_known(text: str, confidence: float, nlp: Language) -> None:
    assert [e.confidence for e in _analysis(text, nlp).events][:1] == [confidence]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # a disaster, a meeting noun with one party, an aim with no one named: each
        # is dropped, the clause after it is still coded
        ("A gas explosion killed eight people, and rebels attacked a checkpoint.", "attacked"),
        ("The meeting ended early, and Russia attacked Ukraine.", "attacked"),
        (
            "Hackers launched a DDoS attack on the ministry, and gunmen attacked the embassy.",
            "attacked",
        ),
    ],
)
def test_a_dropped_candidate_does_not_end_the_sentence(text: str, kept: str, nlp: Language) -> None:
    assert _triggers(_analysis(text, nlp)) == [kept]


def test_a_conjoined_clause_with_its_own_subject_keeps_its_mood(nlp: Language) -> None:
    result = _analysis("An attack would be a disaster, and Russia shelled Kharkiv.", nlp)
    assert [(e.type, e.status) for e in result.events] == [("ASSAULT", "asserted")]
    result = _analysis("Russia did not attack Kyiv, and Ukraine shelled Belgorod.", nlp)
    assert [e.status for e in result.events] == ["negated", "asserted"]
    # the if-clause still scopes over both
    result = _analysis(
        "If Russia attacks Moldova, NATO will respond and the EU will impose sanctions.", nlp
    )
    assert {e.status for e in result.events} == {"hypothetical"}


def test_a_speaker_of_his_own_demand_is_not_its_source(nlp: Language) -> None:
    result = _analysis("Russia said it demands a ceasefire.", nlp)
    names = {e.id: e.name for e in result.entities}
    (demand,) = result.events
    assert demand.type == "REQUEST" and [names[a] for a in demand.actors] == ["Russia"]
    assert demand.source is None
    # what he says someone else does keeps him as the source
    result = _analysis("Russia said Ukraine demands a ceasefire.", nlp)
    names = {e.id: e.name for e in result.entities}
    (demand,) = result.events
    assert names.get(demand.source or "") == "Russia"


def test_a_capital_that_acts_is_no_venue(nlp: Language) -> None:
    result = _analysis("New Delhi would not discuss the dispute with Pakistan.", nlp)
    names = {e.id: e.name for e in result.entities}
    (talk,) = result.events
    assert [names[a] for a in talk.actors] == ["India"] and talk.place is None
    result = _analysis("India would not discuss the dispute with Pakistan in New Delhi.", nlp)
    places = {p.id: p.name for p in result.places}
    (talk,) = result.events
    assert places.get(talk.place or "") == "New Delhi"


@pytest.mark.parametrize(
    ("text", "etype", "mode"),
    [
        ("Protesters attacked police officers in Nairobi.", "PROTEST", "riot"),
        ("Soldiers attacked police officers in Nairobi.", "ASSAULT", None),
    ],
)
def test_a_crowd_that_attacks_riots(text: str, etype: str, mode: str | None, nlp: Language) -> None:
    assert [(e.type, e.mode) for e in _analysis(text, nlp).events] == [(etype, mode)]


def test_aid_sent_to_someone_has_a_recipient(nlp: Language) -> None:
    result = _analysis("Germany sent aid to Sudan.", nlp)
    names = {e.id: e.name for e in result.entities}
    (aid,) = result.events
    assert (aid.type, [names[a] for a in aid.actors], [names[r] for r in aid.recipients]) == (
        "AID",
        ["Germany"],
        ["Sudan"],
    )


@pytest.mark.parametrize(
    ("text", "actor", "place"),
    [
        ("Thousands took to the streets of Dakar on Friday.", "Thousands", "Dakar"),
        ("Hundreds marched through Nairobi on Friday.", "Hundreds", "Nairobi"),
        ("Tens of thousands rallied in Tbilisi against the law.", "Tens of thousands", "Tbilisi"),
    ],
)
def test_a_bare_count_of_people_is_a_crowd(
    text: str, actor: str, place: str, nlp: Language
) -> None:
    result = _analysis(text, nlp)
    names = {e.id: (e.name, e.sector) for e in result.entities}
    places = {p.id: p.name for p in result.places}
    (protest,) = result.events
    assert protest.type == "PROTEST"
    assert [names[a] for a in protest.actors] == [(actor, "CVL")]
    assert places.get(protest.place or "") == place


def test_a_count_that_is_not_the_subject_is_no_crowd(nlp: Language) -> None:
    result = _analysis("Police arrested hundreds in Minsk.", nlp)
    assert [e.name for e in result.entities] == ["Police"]


def test_a_phrase_trigger_takes_the_recipient_of_its_complement(nlp: Language) -> None:
    result = _analysis("Iran hopes to get weapons from Russia.", nlp)
    names = {e.id: e.name for e in result.entities}
    hope = next(e for e in result.events if e.rule == "lexicon:hope to get/verb")
    assert (hope.type, [names[r] for r in hope.recipients]) == ("REQUEST", ["Russia"])


def test_a_crowd_that_seizes_riots(nlp: Language) -> None:
    result = _analysis("Protesters seized the parliament building in Bishkek.", nlp)
    assert [(e.type, e.mode) for e in result.events] == [("PROTEST", "riot")]


def test_a_possible_attack_with_no_party_is_kept(nlp: Language) -> None:
    result = _analysis("An attack may have taken place near Kursk on Monday.", nlp)
    assert [(e.type, e.status) for e in result.events] == [("ASSAULT", "possible")]


def test_events_after_a_subheading_are_coded(nlp: Language) -> None:
    text = "Russia shelled Kharkiv on Monday.\n\nFighting in the east\n\nUkraine attacked Belgorod on Tuesday."
    result = analyze(article_from_text(text, title="War report", published="2025-03-13"), nlp)
    assert [s.text for s in result.article.subheadings] == ["Fighting in the east"]
    assert _triggers(result) == ["shelled", "attacked"]


def test_one_act_told_twice_in_a_sentence_is_one_event(nlp: Language) -> None:
    result = _analysis("Russia attacked Ukraine, attacking it in Kharkiv.", nlp)
    assert _triggers(result) == ["attacked"]
