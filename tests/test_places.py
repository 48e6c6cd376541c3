from spacy.language import Language

from newsevents import Analysis, analyze, article_from_text
from newsevents.model import Place


def places(text: str, nlp: Language) -> dict[str, Place]:
    return {p.name: p for p in analyze(article_from_text(text), nlp).places}


def test_reference_places(reference: Analysis) -> None:
    by_name = {p.name: p for p in reference.places}
    assert (by_name["Moscow"].kind, by_name["Moscow"].country, by_name["Moscow"].geonameid) == (
        "city",
        "RU",
        524901,
    )
    kursk = by_name["Kursk region"]
    assert (kursk.kind, kursk.country, kursk.iso3166_2) == ("admin1", "RU", "RU-KRS")
    # the bare "Kursk" joins the region the article names in full
    texts = {reference.article.text[s:e] for s, e in kursk.mentions}
    assert texts == {"Kursk", "Kursk region"}
    kyiv = by_name["Kyiv"]
    assert {reference.article.text[s:e] for s, e in kyiv.mentions} == {"Kyiv", "Kiev"}
    assert by_name["Jeddah"].country == "SA"
    assert by_name["Saudi Arabia"].kind == "country"
    assert by_name["Gaza Strip"].kind == "other"
    for p in reference.places:
        for s, e in p.mentions:
            assert 0 <= s < e <= len(reference.article.text)


def test_country_before_city_or_state_of_the_same_name(nlp: Language) -> None:
    found = places("Georgia and Armenia signed a transit deal in Tbilisi on Monday.", nlp)
    assert found["Georgia"].kind == "country" and found["Georgia"].country == "GE"
    assert found["Tbilisi"].kind == "city" and found["Tbilisi"].lat is not None


def test_bare_city_without_region_context_is_the_city(nlp: Language) -> None:
    found = places("A drone hit an oil depot in Kursk overnight, the governor said.", nlp)
    assert found["Kursk"].kind == "city" and found["Kursk"].geonameid == 538560


def test_city_in_a_country_the_article_mentions_wins(nlp: Language) -> None:
    found = places(
        "Protesters gathered in Moscow, Idaho, outside the United States courthouse.", nlp
    )
    moscow = found["Moscow"]
    assert moscow.country == "US"


def test_unknown_place_does_not_spoil_the_rest(nlp: Language) -> None:
    found = places("Shelling hit Zzyzxville and Kharkiv in Ukraine on Monday.", nlp)
    assert found["Kharkiv"].country == "UA"
    assert found["Ukraine"].kind == "country"
    if "Zzyzxville" in found:
        assert found["Zzyzxville"].kind == "other" and found["Zzyzxville"].country is None


def test_capitals_spelt_with_diacritics_are_capitals() -> None:
    from newsevents.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    for name in ("Brasilia", "Bogota", "Asuncion", "Reykjavik"):
        (best, *_) = gaz.lookup(name)
        assert best.kind == "city" and best.capital, name
