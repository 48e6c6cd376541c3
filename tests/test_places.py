from dataclasses import replace

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Span

from newsevents import Analysis, analyze, article_from_text
from newsevents.extract.places import (
    _abbreviation_at,
    _bare_name,
    _candidates,
    _cell,
    _coordinated,
    _dateline,
    _dateline_place,
    _holds,
    _hyphenated,
    _km,
    _locative_slot,
    _Mention,
    _office_place,
    _place,
    _place_modifier,
    _prefer_named_regions,
    _repeated,
    _score,
    _Support,
    _tally,
    _whole_name,
    _with_point,
    extract_places,
    person_in_place_slot,
    recognise_more,
    resolve_mentions,
)
from newsevents.gazetteer import GeoEntry, load_gazetteer
from newsevents.geoindex import small_places
from newsevents.model import Article, Place


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
    # an unknown name stays a place with its span, unresolved: no country, no point
    unknown = found["Zzyzxville"]
    assert (unknown.kind, unknown.country, unknown.lat) == ("other", None, None)
    assert set(found) == {"Zzyzxville", "Kharkiv", "Ukraine"}


def test_capitals_spelt_with_diacritics_are_capitals() -> None:
    from newsevents.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    for name in ("Brasilia", "Bogota", "Asuncion", "Reykjavik"):
        (best, *_) = gaz.lookup(name)
        assert best.kind == "city" and best.capital, name


def _named(text: str, nlp: Language, surface: str) -> Place:
    """The place whose mention is ``surface`` in ``text``."""
    for p in analyze(article_from_text(text), nlp).places:
        if any(text[s:e] == surface for s, e in p.mentions):
            return p
    raise AssertionError(f"no place for {surface!r} in {text!r}")


def test_town_comma_state_picks_the_town_in_that_state(nlp: Language) -> None:
    paris = _named("A tornado hit Paris, Texas, on Monday.", nlp, "Paris")
    assert (paris.country, paris.kind) == ("US", "city")
    assert paris.resolved_by == "inside Texas"
    # and with an AP abbreviation of the state
    alexandria = _named("A man was arrested in Alexandria, La., on Tuesday.", nlp, "Alexandria")
    assert alexandria.country == "US" and alexandria.lat is not None
    assert 30 < alexandria.lat < 32  # Louisiana, not Virginia or Egypt


def test_a_parenthesised_region_decides(nlp: Language) -> None:
    moscow = _named("Students protested in Moscow (Idaho) on Friday.", nlp, "Moscow")
    assert moscow.country == "US"
    assert _named("Students protested in Moscow on Friday.", nlp, "Moscow").country == "RU"


def test_villages_come_from_the_small_places_index(nlp: Language) -> None:
    town = _named("Deputies arrested a man near Rogersville, Tenn., on Sunday.", nlp, "Rogersville")
    assert town.country == "US" and town.geonameid is not None
    assert town.lat is not None and 35 < town.lat < 37


def test_fragments_and_modifiers_do_not_resolve(nlp: Language) -> None:
    found = places("Protesters marched in San Francisco on Friday.", nlp)
    assert list(found) == ["San Francisco"]
    assert not places("Western allies sent more tanks to the front.", nlp)


def test_a_toponym_the_model_mistypes_is_still_a_place(nlp: Language) -> None:
    text = "Officers from Fargo and Moorhead searched the river on Sunday."
    doc = nlp(text)
    typed = {e.text: e.label_ for e in doc.ents}
    found = places(text, nlp)
    assert "Moorhead" in found and found["Moorhead"].country == "US"
    # the model does not call it a place, or this test would prove nothing
    assert typed.get("Moorhead") not in ("GPE", "LOC", "FAC")


def test_demonyms_are_kept_apart_from_places(nlp: Language) -> None:
    result = analyze(article_from_text("Russian officials met Turkish diplomats in Geneva."), nlp)
    by_name = {p.name: p for p in result.places}
    assert by_name["Russia"].mentions == [] and by_name["Russia"].demonyms == [(0, 7)]
    assert by_name["Geneva"].mentions
    # a demonym is whose, not where: the meeting is in Geneva
    assert {p.id for p in result.places if p.name == "Geneva"} >= {
        e.place for e in result.events if e.place
    }


def test_the_place_an_office_is_named_after(nlp: Language) -> None:
    found = places("The Mansfield Police Department said two men were arrested.", nlp)
    assert "Mansfield" in found
    assert not places("The Washington Post said two men were arrested.", nlp)


def test_a_county_places_an_event_at_admin2_precision(nlp: Language) -> None:
    result = analyze(
        article_from_text("Police arrested 12 protesters in Laurel County, Kentucky, on Monday."),
        nlp,
    )
    county = next(p for p in result.places if p.name == "Laurel County")
    assert county.lat is not None and 36 < county.lat < 38  # eastern Kentucky
    (event,) = [e for e in result.events if e.type == "COERCE"]
    assert (event.place, event.geo_precision) == (county.id, "admin2")


def test_the_dateline_place_is_a_place_record(nlp: Language) -> None:
    """ "DURBAN, South Africa —": the dateline leaves the text but its place is kept,
    resolved inside the country written after it, and an event the body does not
    place is placed there at dateline precision."""
    text = "DURBAN, South Africa — Gunmen attacked a bank on Monday, police said."
    result = analyze(article_from_text(text, published="2025-03-13"), nlp)
    assert result.article.dateline == "DURBAN, South Africa"
    (durban,) = [p for p in result.places if p.in_dateline]
    assert (durban.name, durban.country) == ("Durban", "ZA")
    (attack,) = [e for e in result.events if e.type == "ASSAULT"]
    assert (attack.place, attack.geo_precision) == (durban.id, "dateline")


def test_a_placed_name_is_the_same_place_when_it_comes_back(nlp: Language) -> None:
    text = (
        "Floodwater rose in Fargo on Tuesday as volunteers filled sandbags. "
        "The river is expected to crest on Friday in Fargo-Moorhead, forecasters said. "
        "The Fargo Marathon was cancelled. Fargo tried to raise its dikes overnight."
    )
    fargo = places(text, nlp)["Fargo"]
    starts = {s for s, _ in fargo.mentions}
    assert text.index("Fargo-") in starts  # one half of a hyphenated pair
    assert text.index("Fargo tried") in starts  # the city acting, typed as an organisation
    assert text.index("Fargo Marathon") not in starts  # part of a longer name
    for s, e in fargo.mentions:
        assert text[s:e] == "Fargo"


def test_regions_without_an_eponymous_capital_have_a_point(nlp: Language) -> None:
    found = places(
        "Militants raided two villages in Borno state. Police in Dagestan and in "
        "Ontario, Canada, reported arrests.",
        nlp,
    )
    expected = {"Borno": (11.9, 13.2), "Dagestan": (42.8, 47.0), "Ontario": (45.0, -80.0)}
    for name, (lat, lon) in expected.items():
        place = next(p for p in found.values() if p.name.startswith(name))
        assert place.kind == "admin1"
        assert place.lat is not None and place.lon is not None
        assert abs(place.lat - lat) < 2.5 and abs(place.lon - lon) < 3.5, place


def test_names_that_meet_in_one_area_settle_each_other(nlp: Language) -> None:
    text = (
        "A man was arrested in Athens on Monday after a burglary. He was taken to "
        "the jail in Henderson County, where he is held on bond. Athens police said "
        "a second suspect is sought."
    )
    found = places(text, nlp)
    athens = found["Athens"]
    assert athens.country == "US"
    assert athens.lat is not None and athens.lon is not None
    assert abs(athens.lat - 32.2) < 0.5 and abs(athens.lon + 95.85) < 0.5
    assert len(athens.mentions) == 2


def test_a_known_place_after_a_noun_of_area_and_of_is_a_place(nlp: Language) -> None:
    """ "the outskirts of Kherson": the model calls it a person; the place is kept,
    and the entities do not keep a person of that name."""
    text = "Russian troops shelled the outskirts of Kherson."
    doc = nlp(text)
    assert {e.text: e.label_ for e in doc.ents}.get("Kherson") == "PERSON"  # else it proves nothing
    result = analyze(article_from_text(text, published="2025-03-13"), nlp)
    assert [(p.name, p.country) for p in result.places if p.name == "Kherson"] == [
        ("Kherson", "UA")
    ]
    assert not [e for e in result.entities if e.name == "Kherson"]
    # a noun that is no area keeps the person ("the wife of Kherson" is not a place)
    assert "Kherson" not in places("The son of Kherson was arrested.", nlp)


def test_a_name_our_table_gives_one_country_is_not_anothers(nlp: Language) -> None:
    """News writes "Congo" for the Democratic Republic; ISO 3166 calls Brazzaville
    "Congo". The curated aliases win, and Brazzaville keeps its own names."""
    found = places(
        "M23 rebels advanced in eastern Congo. The Republic of Congo closed its border.", nlp
    )
    assert found["Democratic Republic of the Congo"].country == "CD"
    assert found["Republic of the Congo"].country == "CG"


def test_an_organisation_acronym_modifying_a_noun_is_no_town(nlp: Language) -> None:
    """ "UN peacekeepers": the United Nations, not a town called Un."""
    text = "The rebels handed over their weapons to UN peacekeepers in Goma."
    found = {p.name for p in analyze(article_from_text(text), nlp).places}
    assert "Un" not in found
    assert "Goma" in found


def test_a_national_capital_holds_against_one_other_city_of_a_country(nlp: Language) -> None:
    """ "Washington ... Moscow": the story names the US once; Moscow is still
    Russia's capital, not the town in Idaho."""
    text = "Washington has threatened sanctions if Beijing sends arms to Moscow."
    found = {p.name: p.country for p in analyze(article_from_text(text), nlp).places}
    assert found["Moscow"] == "RU"


# --- the pieces of the resolution, each on names and sentences written for it ---


def _entry(name: str, key: str) -> GeoEntry:
    """The gazetteer (or small-places) reading of ``name`` with ``key``."""
    gaz = load_gazetteer()
    for cand in [*gaz.lookup(name), *small_places(name)]:
        if cand.key == key:
            return cand
    raise AssertionError(f"no {key} among the readings of {name!r}")


def test_what_a_country_or_region_can_hold() -> None:
    russia = _entry("Russia", "country:RU")
    kursk_region = _entry("Kursk region", "admin1:RU-KRS")
    texas = _entry("Texas", "admin1:US-TX")
    kursk = _entry("Kursk", "city:538560")
    sudzha = _entry("Sudzha", "city:486816")
    moscow = _entry("Moscow", "city:524901")
    paris_tx = _entry("Paris", "city:4717560")
    paris_tn = _entry("Paris", "city:4647963")
    paris_fr = _entry("Paris", "city:2988507")
    # a country holds its own towns and regions, never another country's, nor a country
    assert _holds(russia, kursk) and _holds(russia, kursk_region)
    assert not _holds(russia, paris_fr)
    assert not _holds(russia, _entry("Ukraine", "country:UA"))
    # a US state holds its own towns only, wherever they lie
    assert _holds(texas, paris_tx)
    assert not _holds(texas, paris_tn) and not _holds(texas, paris_fr)
    # a region elsewhere holds the towns of its country within 400 km of its point:
    # Sudzha (about 90 km), Kursk itself; not Moscow (about 460 km) nor Vladivostok
    assert _holds(kursk_region, kursk) and _holds(kursk_region, sudzha)
    assert not _holds(kursk_region, moscow)
    assert not _holds(kursk_region, _entry("Vladivostok", "city:2013348"))
    # a region holds no other region, and nothing holds itself; a town holds nothing
    assert not _holds(kursk_region, _entry("Belgorod region", "admin1:RU-BEL"))
    assert not _holds(kursk_region, kursk_region) and not _holds(texas, texas)
    assert not _holds(kursk, sudzha)
    # near is not enough for a US state (Shreveport, Louisiana is 340 km from Texas's
    # point), and a region holds no country however near its point lies
    assert not _holds(texas, _entry("Shreveport", "city:4341513"))
    assert not _holds(_entry("Kyiv region", "admin1:UA-32"), _entry("Ukraine", "country:UA"))


def test_a_state_or_country_written_after_a_town_is_read_off_the_text() -> None:
    gaz = load_gazetteer()

    def keys(text: str) -> list[str]:
        return [c.key for c in _abbreviation_at(text, text.index("|") + 1, gaz)]

    assert keys("Gainesville,|Ga., police said") == ["admin1:US-GA"]
    assert keys("Wheeling,|W. Va., on Monday") == ["admin1:US-WV"]
    assert keys("Durban,|South Africa, on Monday") == ["country:ZA"]
    assert keys("Dover,|Del. police") == ["admin1:US-DE"]
    # a lower-case word or a name of no region or country gives nothing
    assert keys("Paris,|where it rained") == []
    assert keys("Paris,|Jean Dupont said") == []
    # a town of the name is not a container: only regions and countries are read
    assert keys("Springfield,|Paris said") == []


def test_a_container_settles_the_town_before_it(nlp: Language) -> None:
    text = "A storm hit Springfield, Ill., and Springfield, Mo., on Friday."
    result = analyze(article_from_text(text), nlp)
    towns = [p for p in result.places if p.name == "Springfield"]
    assert [(p.resolved_by, p.geonameid) for p in towns] == [
        ("inside Illinois", 4250542),
        ("inside Missouri", 4409896),
    ]
    states = {p.name: p.resolved_by for p in result.places if p.kind == "admin1"}
    assert set(states) == {"Illinois", "Missouri"}
    # "the X region of Country": the country written after the noun of region
    sudzha = _named("Troops moved toward Sudzha, Kursk region, overnight.", nlp, "Sudzha")
    assert (sudzha.country, sudzha.resolved_by) == ("RU", "inside Kursk region")


def test_the_named_region_of_a_country_holds_the_name_before_it(nlp: Language) -> None:
    """ "in the Kharkiv region of Ukraine": the town before "region of" is read
    inside the country written after it."""
    paris = _named("Rebels attacked Paris province of Texas.", nlp, "Paris")
    assert (paris.country, paris.resolved_by) == ("US", "inside Texas")


def test_a_region_or_country_written_after_a_town_is_settled_by_that_role(nlp: Language) -> None:
    georgia = _named("Police arrested a man in Athens, Georgia, on Friday.", nlp, "Georgia")
    # alone, "Georgia" is the country; as a town's container it is the US state
    assert (georgia.kind, georgia.country, georgia.resolved_by) == (
        "admin1",
        "US",
        "named as a container",
    )
    athens = _named("Police arrested a man in Athens, Georgia, on Friday.", nlp, "Athens")
    assert (athens.country, athens.geonameid) == ("US", 4180386)


def test_why_each_place_was_chosen(nlp: Language) -> None:
    found = places("Fighting raged near Pokrovsk and Kurakhove on Sunday.", nlp)
    assert found["Kurakhove"].resolved_by == "only candidate"
    # Pokrovsk is also a town in Russia: the other place of the story decides
    assert found["Pokrovsk"].country == "UA"
    assert found["Pokrovsk"].resolved_by == "near the article's other places"
    found = places("The mayor of Paris met the mayor of Tokyo.", nlp)
    assert (found["Paris"].country, found["Paris"].resolved_by) == (
        "FR",
        "most prominent of its name",
    )


def test_a_state_named_twice_pulls_its_namesake_to_the_state(nlp: Language) -> None:
    """ "Georgia" among Atlanta and Savannah is the state, not the country."""
    found = places("The governor of Georgia visited Atlanta and Savannah on Friday.", nlp)
    assert (found["Georgia"].kind, found["Georgia"].country) == ("admin1", "US")
    assert found["Savannah"].country == "US"
    # alone, the country
    assert places("The governor of Georgia resigned on Friday.", nlp)["Georgia"].kind == "country"


def test_a_dateline_town_without_its_state_is_read_from_the_body(nlp: Language) -> None:
    """ "MANSFIELD —" is the Ohio town in a story about Columbus and Cleveland, the
    English one in a story about Nottingham, and the dateline says which."""
    for body, country in (
        ("Police in Columbus and Cleveland said two men were arrested.", "US"),
        ("Police said two men were arrested in Nottingham.", "GB"),
    ):
        result = analyze(article_from_text(f"MANSFIELD — {body}"), nlp)
        (mansfield,) = [p for p in result.places if p.in_dateline]
        assert (mansfield.name, mansfield.country, mansfield.resolved_by) == (
            "Mansfield",
            country,
            "dateline",
        )
        assert mansfield.mentions == []  # the dateline is not in the text
    result = analyze(article_from_text("OMAHA, Neb. — A man was arrested on Friday."), nlp)
    (omaha,) = [p for p in result.places if p.in_dateline]
    assert (omaha.country, omaha.resolved_by) == ("US", "dateline, inside Nebraska")
    # a dateline naming no known place adds none
    result = analyze(article_from_text("ZZYZXVILLE — A man was arrested on Friday."), nlp)
    assert not [p for p in result.places if p.in_dateline]


def test_dateline_place_reading() -> None:
    gaz = load_gazetteer()
    anchors = [_entry("Columbus", "city:4509177")]
    assert _dateline_place(None, anchors, gaz) is None
    assert _dateline_place("", anchors, gaz) is None
    found = _dateline_place("MANSFIELD", anchors, gaz)
    assert found is not None and (found[0].country, found[0].admin1, found[1]) == (
        "US",
        "OH",
        "dateline",
    )
    found = _dateline_place("Paris, Texas", [], gaz)
    assert found is not None and (found[0].key, found[1]) == (
        "city:4717560",
        "dateline, inside Texas",
    )
    # a container that holds no reading of the name is passed over
    found = _dateline_place("KURSK, Texas", [], gaz)
    assert found is not None and (found[0].key, found[1]) == ("city:538560", "dateline")


def test_the_place_an_office_is_named_after_is_its_leading_name(nlp: Language) -> None:
    for text, name in (
        ("The Rogersville Fire Department said the barn burned down.", "Rogersville"),
        ("Officials from the Springfield School District met on Friday.", "Springfield"),
        ("The Springfield County Sheriff's Office said the man fled.", "Springfield"),
    ):
        found = places(text, nlp)
        assert list(found) == [name], text
        (start, end), *_ = found[name].mentions
        assert text[start:end] == name
    # an office named after nothing, or after a word of office, is no place
    assert not places("The Police Department said the man fled.", nlp)
    assert not places("The County Board said the man fled.", nlp)


def test_a_place_name_before_a_noun_of_its_people(nlp: Language) -> None:
    """ "Alexandria residents" is the place (the model calls it a person)."""
    text = "Alexandria residents voted on Tuesday."
    assert {e.text: e.label_ for e in nlp(text).ents}.get("Alexandria") == "PERSON"
    assert "Alexandria" in places(text, nlp)
    # the same name before a noun that is no people of a place is left to the person
    assert "Alexandria" not in places("Alexandria smiled on Tuesday.", nlp)


def test_a_one_word_adjective_the_model_calls_a_place_is_a_modifier(nlp: Language) -> None:
    text = "Southern states voted on Tuesday. Texas and Florida led."
    assert "Southern" in {e.text for e in nlp(text).ents}
    found = places(text, nlp)
    assert set(found) == {"Texas", "Florida"}
    # a name that goes on into a longer known name is that name
    assert set(places("Students gathered in North Carolina and South Carolina.", nlp)) == {
        "North Carolina",
        "South Carolina",
    }


def test_places_the_model_joins_into_one_name_are_each_a_place(nlp: Language) -> None:
    text = "Officers searched the river between Fargo and Moorhead on Sunday."
    # the model makes one organisation of the pair, or this test proves nothing
    assert next((e.text, e.label_) for e in nlp(text).ents) == ("Fargo and Moorhead", "ORG")
    found = places(text, nlp)
    assert {name: p.country for name, p in found.items()} == {"Fargo": "US", "Moorhead": "US"}
    for name, place in found.items():
        ((start, end),) = place.mentions
        assert text[start:end] == name
    found = places("Officers came from Fargo or Moorhead on Sunday.", nlp)
    assert set(found) == {"Fargo", "Moorhead"}
    # a country whose name is a coordination stays whole
    found = places("Talks with Bosnia and Herzegovina resumed in Sarajevo.", nlp)
    assert found["Bosnia and Herzegovina"].kind == "country"
    assert "Bosnia" not in found


def test_a_joined_name_splits_only_into_known_places(nlp: Language) -> None:
    from spacy.tokens import Doc

    gaz = load_gazetteer()

    def parts(words: list[str]) -> list[str]:
        doc = Doc(nlp.vocab, words=words)
        return [surface for _, _, surface, _ in _coordinated(doc[0 : len(doc)], gaz)]

    assert parts(["Fargo", "and", "Moorhead"]) == ["Fargo", "Moorhead"]
    assert parts(["Kharkiv", ",", "Dnipro", "&", "Odesa"]) == ["Kharkiv", "Dnipro", "Odesa"]
    assert parts(["Fargo", "and", "Zzyzxville"]) == []  # one part is no known place
    assert parts(["Fargo", "and", "moorhead"]) == []  # nor a lower-case word
    assert parts(["Fargo", "Moorhead"]) == []  # no joining word
    assert parts(["Trinidad", "and", "Tobago"]) == []  # the whole is a name
    assert parts(["Fargo", "and"]) == []


def test_a_city_is_found_under_its_other_romanisations(nlp: Language) -> None:
    """GeoNames names the city "Mykolayiv"; news since 2022 writes "Mykolaiv"."""
    text = "Rebels shelled the suburbs of Kherson and Mykolaiv."
    found = places(text, nlp)
    assert (found["Mykolayiv"].country, found["Mykolayiv"].geonameid) == ("UA", 700569)
    gaz = load_gazetteer()
    assert [c.key for c in gaz.lookup("Mykolaiv")] == ["city:700569"]
    # a respelling is not forced on the text: "Irvin" (for Irvine) is left to context
    assert "Irvin" in gaz.weak_names and "Irvin" not in places("Irvin said the talks failed.", nlp)


def _slot(nlp: Language, text: str, name: str) -> bool:
    """Whether ``name`` stands where a place does in ``text``."""
    doc = nlp(text)
    start = next(t.i for t in doc if text[t.idx :].startswith(name))
    end = next(t.i + 1 for t in doc if t.idx + len(t.text) == text.index(name) + len(name))
    return _locative_slot(doc, start, end, load_gazetteer())


def test_the_slots_where_a_name_is_a_place(nlp: Language) -> None:
    gaz_slot = [
        ("The man was arrested in Alexandria on Friday.", "Alexandria"),
        ("Trucks drove toward Vuhledar on Friday.", "Vuhledar"),
        ("Rebels shelled the outskirts of Kherson.", "Kherson"),
        ("Rebels took the town of Sudzha.", "Sudzha"),
        ("Officers from Fargo and Moorhead searched the river.", "Moorhead"),
        ("He drove from Fargo, Moorhead and Bismarck.", "Bismarck"),
        ("Rebels shelled the outskirts of Kherson and Mykolaiv.", "Mykolaiv"),
        ("Police in Gainesville, Ga., said two men fled.", "Gainesville"),
    ]
    for text, name in gaz_slot:
        assert _slot(nlp, text, name), text
    no_slot = [
        ("Alexandria said the talks failed.", "Alexandria"),
        ("The wife of Kherson was arrested.", "Kherson"),  # no noun of area
        ("He met Smith and Alexandria on Friday.", "Alexandria"),  # a list of people
        ("Police in San Francisco said two men fled.", "San"),  # a fragment
        ("Gainesville, where it rained, is quiet.", "Gainesville"),  # no state after
        ("He spoke with Fargo, Jones said.", "Fargo"),  # a person after the comma
    ]
    for text, name in no_slot:
        assert not _slot(nlp, text, name), text


def _typed(nlp: Language, words: list[str], ents: list[tuple[int, int, str]]) -> Doc:
    """A sentence with the entities a model might give it, set by hand so that the
    test does not hang on one model's choices; sentence starts as written."""
    spaces = [w not in ("-", "/") and nxt not in ("-", "/", ".", ",") for w, nxt in
              zip(words, [*words[1:], ""], strict=True)]  # fmt: skip
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    for i, tok in enumerate(doc):
        tok.is_sent_start = i == 0 or doc[i - 1].text == "."
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    return doc


def test_a_name_seen_again_is_a_bare_use_only_when_whole(nlp: Language) -> None:
    words = ["Fargo", "tried", "to", "help", "Fargo", "-", "Moorhead", "and", "the", "Fargo",
             "Marathon", "in", "Lake", "Fargo", "."]  # fmt: skip
    doc = _typed(nlp, words, [(0, 1, "ORG"), (4, 7, "GPE"), (8, 11, "EVENT")])
    assert _bare_name(doc[0:1])  # the start of the text, the whole entity
    assert _bare_name(doc[4:5]) and _bare_name(doc[6:7])  # halves of a hyphenated pair
    assert not _bare_name(doc[9:10])  # part of a longer name the model typed
    assert not _bare_name(doc[13:14])  # after a capitalised word that goes on into it
    words = ["Mayor", "Alexandria", "Smith", "met", "Alexandria", "Police", "in",
             "Alexandria", "."]  # fmt: skip
    doc = _typed(nlp, words, [(0, 3, "PERSON")])
    assert not _bare_name(doc[1:2])  # a person's name
    assert not _bare_name(doc[4:5])  # goes on into an untyped longer name
    assert _bare_name(doc[7:8])  # the end of a sentence
    # a capitalised word before it in a sentence of its own does not join it
    doc = _typed(nlp, ["In", "Fargo", ".", "Fargo", "Marathon"], [(1, 2, "GPE")])
    assert not _bare_name(doc[3:4])
    doc = _typed(nlp, ["Rain", ".", "Fargo", "froze", "."], [])
    assert _bare_name(doc[2:3])
    # typed as a work or a product, it is no place
    for label in ("WORK_OF_ART", "PRODUCT"):
        doc = _typed(nlp, ["He", "read", "Fargo", "again", "."], [(2, 3, label)])
        assert not _bare_name(doc[2:3]), label


def test_two_places_written_as_one(nlp: Language) -> None:
    doc = _typed(nlp, ["in", "Fargo", "-", "Moorhead", "today"], [(1, 4, "GPE")])
    ent = doc.ents[0]
    assert _hyphenated(doc[1:2], ent) and _hyphenated(doc[3:4], ent)
    doc = _typed(nlp, ["in", "Minneapolis", "/", "Paul", "today"], [(1, 4, "GPE")])
    assert _hyphenated(doc[1:2], doc.ents[0]) and _hyphenated(doc[3:4], doc.ents[0])
    # a hyphen that is not the edge of the name, a spaced dash, a lower-case word
    doc = _typed(nlp, ["in", "Fargo", "Dome", "-", "Moorhead", "today"], [(1, 5, "GPE")])
    assert not _hyphenated(doc[1:2], doc.ents[0])
    spaced = Doc(nlp.vocab, words=["in", "Fargo", "-", "Moorhead"], spaces=[True] * 4)
    spaced.ents = [Span(spaced, 1, 4, label="GPE")]
    assert not _hyphenated(spaced[1:2], spaced.ents[0])
    assert not _hyphenated(spaced[3:4], spaced.ents[0])
    doc = _typed(nlp, ["a", "Fargo", "-", "based", "firm"], [(1, 4, "ORG")])
    assert not _hyphenated(doc[1:2], doc.ents[0])
    # the hyphen before the name must lie inside the entity
    doc = _typed(nlp, ["x", "-", "Fargo", "-", "Moorhead"], [(2, 5, "GPE")])
    assert _hyphenated(doc[2:3], doc.ents[0])
    assert not _hyphenated(doc[2:3], Span(doc, 2, 3, label="GPE"))


def test_distance_between_readings() -> None:
    kursk, moscow = _entry("Kursk", "city:538560"), _entry("Moscow", "city:524901")
    d = _km(kursk, moscow)
    assert d is not None and 440 < d < 480
    assert _km(moscow, kursk) == d
    county = _entry("Henderson County", "other:US-TX:Henderson County")  # no point of its own
    assert county.lat is None
    assert _km(county, kursk) is None and _km(kursk, county) is None
    half = replace(kursk, lon=None)
    assert _km(half, moscow) is None and _km(moscow, half) is None


def test_the_readings_of_a_name() -> None:
    gaz = load_gazetteer()
    paris = [c.key for c in _candidates("Paris", gaz)]
    # the gazetteer's towns first, then the villages of the small-places index, once each
    assert paris[:2] == ["city:2988507", "city:4717560"]
    assert "city:4647963" in paris[2:]  # Paris, Tennessee (about 10,000 people)
    assert len(paris) == len(set(paris))
    # a word that is a name only of villages and an everyday word has no reading
    assert "Hope" in gaz.weak_names and small_places("Hope")
    assert _candidates("Hope", gaz) == []
    # a US county gets its point from the small-places index
    (laurel,) = _candidates("Laurel County", gaz)
    assert laurel.lat is not None and laurel.lon is not None and 36 < laurel.lat < 38
    assert _with_point(_entry("Kursk", "city:538560")) == _entry("Kursk", "city:538560")
    gaza = gaz.lookup("Gaza Strip")[0]
    assert _with_point(gaza) == gaza


def test_a_bare_name_beside_its_named_region_is_the_region(nlp: Language) -> None:
    found = places("Drones hit Kursk overnight, officials in the Kursk region said.", nlp)
    region = found["Kursk region"]
    assert region.kind == "admin1" and "Kursk" not in found
    text = "Drones hit Kursk overnight, officials in the Kursk region said."
    assert {text[s:e] for s, e in region.mentions} == {"Kursk", "Kursk region"}
    # another region's name leaves the city alone
    found = places("Drones hit Kursk overnight, officials in the Belgorod region said.", nlp)
    assert found["Kursk"].kind == "city" and found["Belgorod region"].kind == "admin1"


def test_a_place_records_every_spelling_and_demonym(nlp: Language) -> None:
    text = "Shelling hit Kyiv; Kiev was dark. Ukrainian officials met in Kyiv."
    result = analyze(article_from_text(text), nlp)
    kyiv = next(p for p in result.places if p.name == "Kyiv")
    assert [text[s:e] for s, e in kyiv.mentions] == ["Kyiv", "Kiev", "Kyiv"]
    assert kyiv.aliases == ["Kiev"]  # type: ignore[attr-defined]
    ukraine = next(p for p in result.places if p.name == "Ukraine")
    assert ukraine.mentions == [] and [text[s:e] for s, e in ukraine.demonyms] == ["Ukrainian"]
    assert ukraine.resolved_by == "named by a demonym"
    # ids follow the order of first mention, demonym-only countries last
    assert [p.id for p in result.places] == [f"P{i}" for i in range(1, len(result.places) + 1)]
    assert result.places[-1].name == "Ukraine"


def test_a_dateline_left_in_the_text(nlp: Language) -> None:
    def opens(words: list[str], at: int, n: int = 1) -> bool:
        doc = Doc(nlp.vocab, words=words)
        return _dateline(doc[at : at + n])

    assert opens(["OMAHA", ",", "Neb", "."], 0)
    assert opens(["OMAHA", "—", "A", "man"], 0) and opens(["OMAHA", "(", "AP", ")"], 0)
    assert opens(["He", "left", ".", "OMAHA", "–", "Rain"], 3)
    assert opens(["Rain", "\n", "OMAHA", "-", "A", "man"], 2)
    assert opens(["Rain", "\n", "ELBOW", "LAKE", "--", "A"], 2, 2)
    assert opens(["USA", ",", "Ohio"], 0)  # three letters are enough
    assert not opens(["UN", ",", "Ohio"], 0)
    assert not opens(["Omaha", "—", "A", "man"], 0)  # not in capitals
    assert not opens(["in", "OMAHA", "—", "a", "man"], 1)  # inside a sentence
    assert not opens(["OMAHA", "police", "said"], 0)  # no dash or comma after
    assert not opens(["OMAHA"], 0)


def test_a_name_that_says_where_people_are_from(nlp: Language) -> None:
    def modifier(words: list[str], heads: list[int], deps: list[str], n: int = 1) -> bool:
        doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps)
        return _place_modifier(doc[0:n])

    # "Alexandria police said", "Alexandria man": the name modifies the noun after it
    assert modifier(["Alexandria", "police", "said"], [1, 2, 2], ["compound", "nsubj", "ROOT"])
    assert modifier(["Alexandria", "man", "fled"], [1, 2, 2], ["nmod", "nsubj", "ROOT"])
    assert modifier(["Alexandria", "residents", "fled"], [1, 2, 2], ["amod", "nsubj", "ROOT"])
    # any label, when the noun after it is its head
    assert modifier(["Alexandria", "voters", "left"], [1, 2, 2], ["dep", "nsubj", "ROOT"])
    # a compound of a later noun, and the noun after it is a noun of people
    assert modifier(
        ["Alexandria", "area", "schools", "shut"],
        [2, 2, 3, 3],
        ["compound", "compound", "nsubj", "ROOT"],
    )
    # the noun after it is no people of a place, or is not what the name modifies
    assert not modifier(["Alexandria", "smiled", "today"], [1, 1, 1], ["nsubj", "ROOT", "npadvmod"])
    assert not modifier(["Alexandria", "police", "came"], [2, 2, 2], ["nsubj", "nsubj", "ROOT"])
    assert not modifier(["Alexandria", "Smith"], [1, 1], ["compound", "ROOT"])
    assert not modifier(["Alexandria"], [0], ["ROOT"])


def test_an_office_named_after_its_place(nlp: Language) -> None:
    gaz = load_gazetteer()

    def office(text: str) -> list[str]:
        doc = nlp(text)
        ent = next(e for e in doc.ents if e.label_ == "ORG")
        return [surface for _, _, surface, _ in _office_place(ent, gaz)]

    assert office("The Mansfield Police Department said the man fled.") == ["Mansfield"]
    assert office("Mansfield Police Department said the man fled.") == ["Mansfield"]
    assert office("The Washington Post said the man fled.") == []  # no word of office
    assert office("Police Department Springfield said.") == []  # the place is not its name
    # the longest known name comes first: three words, then two, then one
    doc = nlp("Officials of the New York City Police Department said so.")
    ent = Span(doc, 3, 8, label="ORG")  # the model splits it: the name as read
    ((start, end, surface, cands),) = _office_place(ent, gaz)
    assert surface == "New York City" and doc.text[start:end] == "New York City"
    assert cands and cands[0].country == "US"
    doc = nlp("Officials of the Fort Worth Police Department said so.")
    ent = Span(doc, 3, 7, label="ORG")
    assert [s for _, _, s, _ in _office_place(ent, gaz)] == ["Fort Worth"]


def _reading(name: str, country: str | None = None, admin1: str | None = None) -> GeoEntry:
    gaz = load_gazetteer()
    return next(
        c
        for c in _candidates(name, gaz)
        if (country is None or c.country == country) and (admin1 is None or c.admin1 == admin1)
    )


#: (name, the story's other places, the reading a reader takes), each judged by hand
_READINGS = [
    ("Paris", [], "city:2988507"),  # the French capital
    ("Paris", [("Texas", None, None)], "city:4717560"),  # the town in the state named
    ("Paris", [("Sherman", "US", "TX")], "city:4717560"),  # a town nearby
    ("Georgia", [], "country:GE"),
    ("Georgia", [("Atlanta", None, None)], "admin1:US-GA"),
    ("Georgia", [("Atlanta", None, None), ("Savannah", "US", None)], "admin1:US-GA"),
    ("Georgia", [("Tbilisi", None, None)], "country:GE"),
    ("Moscow", [("Washington", None, None)], "city:524901"),  # a capital holds
    ("Moscow", [("Idaho", None, None)], "city:5601538"),
    ("Moscow", [("Pullman", "US", None)], "city:5601538"),  # 13 km away
    ("Zheleznogorsk", [("Kursk region", None, None)], "city:463343"),  # a region elsewhere
    ("Zheleznogorsk", [("Krasnoyarsk", None, None)], "city:1538635"),
    ("Egypt", [], "country:EG"),
    ("Djibouti", [], "country:DJ"),  # the country before its capital of the same name
    ("Luxembourg", [], "country:LU"),
    # four cities of one country pull no harder than three: Paris is still French
    (
        "Paris",
        [
            ("Boston", "US", None),
            ("Seattle", None, None),
            ("Denver", None, None),
            ("Chicago", None, None),
        ],
        "city:2988507",
    ),
    ("Springfield", [("Illinois", None, None)], "city:4250542"),
    ("Springfield", [("Henderson County", None, "KY")], "city:4309329"),  # a county
    ("Athens", [("Henderson County", None, "TX")], "city:4671545"),
    ("Alexandria", [], "city:361058"),
    ("Alexandria", [("Louisiana", None, None)], "city:4314550"),
    ("Alexandria", [("Virginia", "US", None)], "city:4744091"),
    ("Alexandria", [("Cairo", None, None)], "city:361058"),
    ("Victoria", [("Australia", None, None)], "admin1:AU-VIC"),  # the state
    ("Hyderabad", [], "city:1269843"),
    ("Hyderabad", [("Pakistan", None, None)], "city:1176734"),
    ("Hyderabad", [("Karachi", None, None)], "city:1176734"),
]


@pytest.mark.parametrize(("name", "others", "expected"), _READINGS)
def test_the_reading_the_story_supports(
    name: str, others: list[tuple[str, str | None, str | None]], expected: str
) -> None:
    gaz = load_gazetteer()
    anchors = [_reading(*other) for other in others]
    tally = _tally(anchors)
    best = max(_candidates(name, gaz), key=lambda c: (_score(c, anchors, tally), c.population))
    assert best.key == expected


def test_the_countries_a_story_names_are_counted() -> None:
    anchors = [_reading("Atlanta"), _reading("Tbilisi"), _reading("Savannah", "US")]
    assert _tally(anchors) == {"US": 2, "GE": 1}
    assert _tally([]) == {}


def test_names_that_agree_on_an_area_support_each_other() -> None:
    gaz = load_gazetteer()
    athens = _Mention(0, 6, "Athens", _candidates("Athens", gaz))
    county = _Mention(20, 36, "Henderson County", _candidates("Henderson County", gaz))
    support = _Support([athens, county])

    def bonus(m: _Mention, key: str) -> float:
        return support.bonus(m, next(c for c in m.candidates if c.key == key))

    # Athens, Texas is the seat of Henderson County, Texas: same state and 40 km
    assert bonus(athens, "city:4671545") > bonus(athens, "city:4603284") > 0  # TX, then TN
    assert bonus(athens, "city:4180386") == bonus(athens, "city:264371") == 0  # GA, Greece
    assert bonus(county, "other:US-TX:Henderson County") > bonus(
        county, "other:US-TN:Henderson County"
    )
    assert bonus(county, "other:US-KY:Henderson County") == 0
    texas = next(c for c in athens.candidates if c.key == "city:4671545")
    assert support._close(athens, texas) == 1
    assert support._close(athens, next(c for c in athens.candidates if c.admin1 == "TN")) == 0
    # a country is never supported by towns; a reading without a point is never close
    assert support.bonus(athens, _entry("Georgia", "country:GE")) == 0
    assert support._close(athens, replace(texas, lat=None)) == 0
    # the same name again is no evidence for itself
    again = _Mention(50, 56, "Athens", athens.candidates)
    assert _Support([athens, again]).bonus(athens, texas) == 0
    # towns of two states in one area: Moorhead, Minnesota beside Fargo, North Dakota
    fargo = _Mention(0, 5, "Fargo", _candidates("Fargo", gaz))
    moorhead = _Mention(10, 18, "Moorhead", _candidates("Moorhead", gaz))
    pair = _Support([fargo, moorhead])
    by_state = {c.admin1: pair.bonus(moorhead, c) for c in moorhead.candidates}
    assert by_state["MN"] > 0 and by_state["MS"] == 0


def test_a_name_read_whole(nlp: Language) -> None:
    gaz = load_gazetteer()

    def whole(
        words: list[str], ent: tuple[int, int], label: str = "GPE", **parse: list[str] | list[int]
    ) -> str | None:
        if "heads" not in parse:  # a parse sets its own sentence
            parse = {**parse, "sent_starts": [i == 0 for i in range(len(words))]}
        doc = Doc(nlp.vocab, words=words, **parse)  # type: ignore[arg-type]
        doc.ents = [Span(doc, *ent, label=label)]
        found = _whole_name(doc.ents[0], gaz)
        return None if found is None else found.text

    # a name that goes on: the longer name when the gazetteer or the villages know it
    assert whole(["in", "Salt", "Lake", "City", "today"], (1, 2)) == "Salt Lake City"
    assert whole(["in", "San", "Francisco", "today"], (1, 2)) == "San Francisco"
    assert whole(["in", "Elbow", "Lake", "today"], (1, 2)) == "Elbow Lake"
    assert whole(["the", "Fargo", "Marathon", "ran"], (1, 2)) is None  # no such place
    # ... unless it goes on into the name of an office of the place
    assert whole(["the", "Minnesota", "Legislature", "met"], (1, 2)) == "Minnesota"
    assert whole(["the", "Fargo", "Police", "Department", "said"], (1, 2)) == "Fargo"
    # a capitalised word before it: the longer name when the gazetteer knows it
    assert whole(["in", "South", "Carolina", "today"], (2, 3)) == "South Carolina"
    assert whole(["the", "Old", "Fargo", "ran"], (2, 3)) is None
    # ... but not a word that opens the sentence ("Yesterday Fargo voted")
    assert whole(["Yesterday", "Fargo", "voted"], (1, 2)) == "Fargo"
    # a person's name or a date after it does not go on
    assert whole(["in", "Paris", "Hilton", "said"], (1, 2)) is None
    words = ["in", "Paris", "Hilton", "said"]
    doc = Doc(nlp.vocab, words=words)
    doc.ents = [Span(doc, 1, 2, label="GPE"), Span(doc, 2, 3, label="PERSON")]
    assert _whole_name(doc.ents[0], gaz) is not None
    doc = Doc(nlp.vocab, words=["in", "Paris", "Monday", "night"])
    doc.ents = [Span(doc, 1, 2, label="GPE"), Span(doc, 2, 3, label="DATE")]
    assert _whole_name(doc.ents[0], gaz) is not None
    # a one-word adjective before its noun is a modifier; a demonym is left to the places
    adj = {"pos": ["ADJ", "NOUN", "VERB"], "deps": ["amod", "nsubj", "ROOT"], "heads": [1, 2, 2]}
    assert whole(["Western", "allies", "left"], (0, 1), **adj) is None
    assert whole(["Russian", "allies", "left"], (0, 1), "NORP", **adj) == "Russian"
    amod = {"pos": ["PROPN", "NOUN", "VERB"], "deps": ["amod", "nsubj", "ROOT"], "heads": [1, 2, 2]}
    assert whole(["Western", "allies", "left"], (0, 1), **amod) is None
    adj_only = {
        "pos": ["ADJ", "NOUN", "VERB"],
        "deps": ["nmod", "nsubj", "ROOT"],
        "heads": [1, 2, 2],
    }
    assert whole(["Western", "allies", "left"], (0, 1), **adj_only) is None
    # not a modifier: its head is no common noun, or it is the head
    propn = {"pos": ["ADJ", "PROPN", "VERB"], "deps": ["amod", "nsubj", "ROOT"], "heads": [1, 2, 2]}
    assert whole(["Western", "eBay", "left"], (0, 1), **propn) == "Western"
    root = {"pos": ["ADJ", "NOUN", "VERB"], "deps": ["ROOT", "dobj", "dep"], "heads": [0, 0, 0]}
    assert whole(["Western", "allies", "left"], (0, 1), **root) == "Western"
    plain = {
        "pos": ["PROPN", "NOUN", "VERB"],
        "deps": ["compound", "nsubj", "ROOT"],
        "heads": [1, 2, 2],
    }
    assert whole(["Fargo", "police", "left"], (0, 1), **plain) == "Fargo"


def test_half_degree_cells() -> None:
    assert _cell(46.87, -96.79) == (93, -194)
    assert _cell(0.49, 0.51) == (0, 1)
    assert _cell(-0.1, -0.6) == (-1, -2)


def test_a_place_record_carries_its_reading() -> None:
    kursk = _entry("Kursk region", "admin1:RU-KRS")
    place = _place(kursk, "only candidate")
    assert (place.name, place.kind, place.country, place.iso3166_2) == (
        "Kursk region",
        "admin1",
        "RU",
        "RU-KRS",
    )
    assert (place.lat, place.lon, place.geonameid) == (kursk.lat, kursk.lon, kursk.geonameid)
    assert place.resolved_by == "only candidate" and place.mentions == []


def _resolved(text: str, names: list[str]) -> list[tuple[str | None, str | None]]:
    """Each name at its next occurrence in ``text``, resolved together: (key, why)."""
    gaz = load_gazetteer()
    mentions: list[_Mention] = []
    for name in names:
        start = text.index(name, mentions[-1].end if mentions else 0)
        mentions.append(_Mention(start, start + len(name), name, _candidates(name, gaz)))
    resolve_mentions(mentions, text, gaz)
    return [(m.chosen.key if m.chosen else None, m.why) for m in mentions]


def test_resolving_the_mentions_of_an_article() -> None:
    text = "Athens, Georgia, was quiet; far away and many words later in this story, Georgia voted."
    assert _resolved(text, ["Athens", "Georgia", "Georgia"]) == [
        ("city:4180386", "inside Georgia"),
        ("admin1:US-GA", "named as a container"),
        # too far from the town to be its container: chosen by the story's places
        ("admin1:US-GA", "near the article's other places"),
    ]
    assert _resolved("Athens (Georgia) voted.", ["Athens", "Georgia"]) == [
        ("city:4180386", "inside Georgia"),
        ("admin1:US-GA", "named as a container"),
    ]
    # a region or country after the town that holds no reading of it decides nothing
    assert _resolved("Kursk, Texas was hit.", ["Kursk", "Texas"])[0] == (
        "city:538560",
        "only candidate",
    )
    assert _resolved("Zzyzx was hit.", ["Zzyzx"]) == [(None, None)]
    # the same name twice is no evidence for itself: "Paris ... Paris" stays French
    assert _resolved("Paris voted. Paris rejoiced.", ["Paris", "Paris"]) == [
        ("city:2988507", "most prominent of its name"),
        ("city:2988507", "most prominent of its name"),
    ]


def test_a_region_of_the_country_the_story_names(nlp: Language) -> None:
    """ "Victoria" in a story about Australia is the state, not Hong Kong's Victoria."""
    text = "Bushfires raged across Victoria on Monday. The fires are the worst in Australia."
    found = places(text, nlp)
    assert (found["Victoria"].kind, found["Victoria"].country) == ("admin1", "AU")


def test_toponyms_the_model_did_not_type_as_places(nlp: Language) -> None:
    gaz = load_gazetteer()

    def more(words: list[str], ents: list[tuple[int, int, str]]) -> list[str]:
        doc = _typed(nlp, words, ents)
        return [surface for _, _, surface, _ in recognise_more(doc, gaz)]

    # a state or country typed as an organisation is the place wherever it stands
    assert more(["Minnesota", "said", "no", "."], [(0, 1, "ORG")]) == ["Minnesota"]
    # a person or a work in a locative slot, if the gazetteer knows the name
    assert more(["arrested", "in", "Alexandria", "today"], [(2, 3, "PERSON")]) == ["Alexandria"]
    assert more(["arrested", "in", "Alexandria", "today"], [(2, 3, "WORK_OF_ART")]) == [
        "Alexandria"
    ]
    assert more(["arrested", "in", "Zzyzxville", "today"], [(2, 3, "PERSON")]) == []
    assert more(["Alexandria", "said", "no", "."], [(0, 1, "PERSON")]) == []
    # other labels are the model's call; a demonym is kept apart; an acronym is no town
    assert more(["arrested", "in", "Alexandria", "today"], [(2, 3, "EVENT")]) == []
    assert more(["arrested", "in", "Russian", "lands"], [(2, 3, "NORP")]) == []
    assert more(["sent", "to", "UN", "camps"], [(2, 3, "ORG")]) == []
    # untyped capitalised names in a locative slot, up to three words
    assert more(["He", "flew", "to", "Moorhead", "today"], []) == ["Moorhead"]
    assert more(["He", "flew", "to", "Salt", "Lake", "City", "today"], []) == ["Salt Lake City"]
    assert more(["He", "flew", "to", "Zzyzxville", "today"], []) == []
    assert more(["Moorhead", "was", "quiet", "."], []) == []  # it opens the sentence
    assert more(["He", "met", "Moorhead", "today"], []) == []  # no locative slot


def test_a_place_the_model_types_inside_an_office_name(nlp: Language) -> None:
    text = "The Minnesota Legislature adjourned."
    assert [e.text for e in nlp(text).ents if e.label_ == "GPE"] == ["Minnesota"]
    assert places(text, nlp)["Minnesota"].kind == "admin1"


def test_a_person_the_model_names_where_a_place_stands(nlp: Language) -> None:
    gaz = load_gazetteer()

    def slot_person(words: list[str], ent: tuple[int, int, str]) -> bool:
        doc = _typed(nlp, words, [ent])
        return person_in_place_slot(doc.ents[0], gaz)

    assert slot_person(["arrested", "in", "Alexandria", "today"], (2, 3, "PERSON"))
    assert not slot_person(["arrested", "in", "Alexandria", "today"], (2, 3, "ORG"))
    assert not slot_person(["arrested", "in", "Zzyzxville", "today"], (2, 3, "PERSON"))
    assert not slot_person(["Alexandria", "said", "so", "."], (0, 1, "PERSON"))
    assert not slot_person(["met", "in", "Alexandria", "Smith", "."], (2, 4, "PERSON"))


def test_later_bare_uses_of_a_placed_name(nlp: Language) -> None:
    text = "Floods hit Salt Lake City and Bo. Salt Lake City rose; Bo did not. Fargo waited."
    doc = nlp(text)
    gaz = load_gazetteer()

    def at(name: str, nth: int = 0) -> int:
        start = -1
        for _ in range(nth + 1):
            start = text.index(name, start + 1)
        return start

    first = _Mention(
        at("Salt"), at("Salt") + 14, "Salt Lake City", _candidates("Salt Lake City", gaz)
    )
    short = _Mention(at("Bo"), at("Bo") + 2, "Bo", _candidates("Bo", gaz))
    unresolved = _Mention(at("Fargo"), at("Fargo") + 5, "Fargo", [])
    resolve_mentions([first, short, unresolved], text, gaz)
    assert short.chosen is not None  # placed, but two letters are too short to carry over
    unresolved.chosen = None  # a name never placed is not carried over
    again = _repeated([first, short, unresolved], doc)
    assert [(m.start, m.surface, m.why) for m in again] == [
        (at("Salt", 1), "Salt Lake City", f"same name as at {first.start}")
    ]
    assert again[0].chosen == first.chosen and again[0].candidates == first.candidates
    assert _repeated([], doc) == []


def test_a_bare_name_takes_the_region_named_in_full() -> None:
    gaz = load_gazetteer()
    kursk = _Mention(0, 5, "Kursk", _candidates("Kursk", gaz))
    region = _Mention(20, 32, "Kursk region", _candidates("Kursk region", gaz))
    _prefer_named_regions([kursk, region], gaz)
    assert [c.key for c in kursk.candidates] == ["admin1:RU-KRS"]
    # with another region named, the city keeps its readings
    kursk = _Mention(0, 5, "Kursk", _candidates("Kursk", gaz))
    other = _Mention(20, 35, "Belgorod region", _candidates("Belgorod region", gaz))
    _prefer_named_regions([kursk, other], gaz)
    assert [c.key for c in kursk.candidates] == ["city:538560"]


def test_a_part_of_a_place_or_a_title_keeps_the_place(nlp: Language) -> None:
    """ "North Texas", "U.S. Sens.": the model tags the place; the longer name is
    no place, and the place was dropped with it."""
    gaz = load_gazetteer()

    def whole(words: list[str], ent: tuple[int, int]) -> str | None:
        doc = _typed(nlp, words, [(*ent, "GPE")])
        found = _whole_name(doc.ents[0], gaz)
        return None if found is None else found.text

    assert whole(["moved", "to", "North", "Texas", "in", "1973"], (3, 4)) == "Texas"
    assert whole(["two", "Northeast", "Georgia", "counties"], (2, 3)) == "Georgia"
    assert whole(["in", "Old", "Texas", "today"], (2, 3)) is None  # no part of it
    assert whole(["said", "U.S.", "Sens", "Byrd", "and", "Rockefeller"], (1, 2)) == "U.S."
    assert whole(["the", "Texas", "Army", "National", "Guard"], (1, 2)) == "Texas"
    assert whole(["the", "Texas", "Rangers", "won"], (1, 2)) is None  # a team
    assert whole(["our", "West", "Virginia", "Democratic", "Party"], (1, 3)) == "West Virginia"
    assert whole(["the", "Ohio", "Kennel", "Association"], (1, 2)) is None  # not the next word
    found = places("They moved to North Texas in 1973.", nlp)
    assert found["Texas"].kind == "admin1" and "North" not in found


def test_over_and_along_are_locative(nlp: Language) -> None:
    for text in (
        "A plane flew over Gainesville on Friday.",
        "Troops advanced along Kurakhove's outskirts.",
    ):
        assert places(text, nlp), text


def test_a_place_named_again_where_the_model_sees_a_person(nlp: Language) -> None:
    """One name, one referent within a report: once "Gainesville" is placed, the
    model's later PERSON readings of it are the place; not where the article names
    a person of which it is a part."""
    text = (
        "The sky over Gainesville was clear. Another Gainesville business moved. Gainesville grew."
    )
    assert {e.label_ for e in nlp(text).ents if e.text == "Gainesville"} == {"PERSON"}
    town = places(text, nlp)["Gainesville"]
    assert [text[s:e] for s, e in town.mentions] == ["Gainesville"] * 3
    text = "Floods hit Alexandria. Alexandria Ocasio-Cortez visited. Alexandria thanked them."
    alexandria = places(text, nlp)["Alexandria"]
    assert len(alexandria.mentions) == 1


def test_the_place_in_an_official_the_model_calls_a_person(nlp: Language) -> None:
    text = "The man was held, said Anderson County Sheriff Greg Taylor."
    assert "Anderson County Sheriff" in {e.text for e in nlp(text).ents if e.label_ == "PERSON"}
    county = places(text, nlp)["Anderson County"]
    assert county.kind == "other" and county.country == "US"
    ((start, end),) = county.mentions
    assert text[start:end] == "Anderson County"
    # a title alone names no place
    assert not places("Mayor Bill Smith said the river was rising.", nlp)


def test_the_edges_of_a_bare_name(nlp: Language) -> None:
    """Where a name meets the ends of the text or of a longer entity."""
    # the last word of the text, and a name right after someone's one-word name
    assert _bare_name(_typed(nlp, ["flooding", "in", "Fargo"], [])[2:3])
    doc = _typed(nlp, ["Mayor", "Alexandria", "spoke"], [(0, 1, "PERSON")])
    assert _bare_name(doc[1:2])
    # an entity that goes on past the name into a lower-case word is a longer name
    doc = _typed(nlp, ["Fargo", "-", "based", "firm"], [(0, 3, "ORG")])
    assert not _bare_name(doc[0:1])
    doc = _typed(nlp, ["Fargo", "based", "firm"], [(0, 2, "ORG")])
    assert not _bare_name(doc[0:1])
    # ... or back into a word before it, even one that opens the sentence
    doc = _typed(nlp, ["Lake", "Fargo", "rose"], [(0, 2, "LOC")])
    assert not _bare_name(doc[1:2])
    # punctuation inside the entity does not make it longer
    doc = _typed(nlp, ["Fargo", ".", "Rain", "fell"], [(0, 2, "GPE")])
    assert _bare_name(doc[0:1])
    # a proper noun that opens the sentence goes on into the name; another word does not
    names = Doc(nlp.vocab, words=["Lake", "Fargo", "rose"], pos=["PROPN", "PROPN", "VERB"])
    assert not _bare_name(names[1:2])
    plain = Doc(nlp.vocab, words=["Another", "Fargo", "firm"], pos=["DET", "PROPN", "NOUN"])
    assert _bare_name(plain[1:2])


def test_an_en_dash_joins_two_places_too(nlp: Language) -> None:
    words = ["in", "Fargo", "–", "Moorhead", "today"]
    doc = Doc(nlp.vocab, words=words, spaces=[True, False, False, True, False])
    doc.ents = [Span(doc, 1, 4, label="GPE")]
    assert _hyphenated(doc[1:2], doc.ents[0]) and _hyphenated(doc[3:4], doc.ents[0])


def test_a_two_word_office_name(nlp: Language) -> None:
    doc = _typed(nlp, ["said", "Mansfield", "Police", "."], [(1, 3, "ORG")])
    assert [s for _, _, s, _ in _office_place(doc.ents[0], load_gazetteer())] == ["Mansfield"]


def test_named_areas_and_names_that_begin_with_the(nlp: Language) -> None:
    found = places(
        "Tensions escalated in breakaway South Ossetia after violence in Transnistria.", nlp
    )
    assert (found["South Ossetia"].country, found["Transnistria"].country) == ("GE", "MD")
    assert found["South Ossetia"].lat is not None
    found = places("The Hague court ruled on Monday.", nlp)
    assert (found["The Hague"].country, found["The Hague"].geonameid) == ("NL", 2747373)
    assert load_gazetteer().lookup("The Hague") == load_gazetteer().lookup("Hague")


def test_a_function_word_before_a_place_is_no_part_of_its_name(nlp: Language) -> None:
    text = 'He said: "In Oakland, the highway patrol has an office there."'
    assert places(text, nlp)["Oakland"].country == "US"


def test_locative_slots_at_the_edges_of_the_text(nlp: Language) -> None:
    gaz = load_gazetteer()

    def slot(words: list[str], at: int, ents: list[tuple[int, int, str]] | None = None) -> bool:
        doc = _typed(nlp, words, ents or [])
        return _locative_slot(doc, at, at + 1, gaz)

    assert slot(["In", "Alexandria", ",", "rain", "fell"], 1)  # the second word
    assert _slot(nlp, "Town of Sudzha fell to the rebels.", "Sudzha")  # an area noun first
    # the first word has nothing before it, whatever the text ends with
    assert not slot(["Alexandria", "is", "where", "he", "lived", "in"], 0)
    # "or" joins a place to a place as "and" does; a place two words back is no join
    assert slot(["from", "Fargo", "or", "Moorhead", "today"], 3, [(1, 2, "GPE")])
    assert not slot(["Fargo", "police", "met", "Moorhead", "today"], 3, [(0, 1, "GPE")])
    assert not slot(["Fargo", "police", "Moorhead", "met"], 2, [(0, 1, "GPE")])


def test_a_dateline_after_a_paragraph_break(nlp: Language) -> None:
    doc = Doc(nlp.vocab, words=["Rain", "\n\n", "OMAHA", "—", "A", "man"])
    assert _dateline(doc[2:3])


def test_a_modifier_label_decides_when_the_noun_is_not_its_head(nlp: Language) -> None:
    def modifier(dep: str) -> bool:
        words = ["Alexandria", "area", "man", "fled"]
        doc = Doc(
            nlp.vocab, words=words, heads=[2, 2, 3, 3], deps=[dep, "compound", "nsubj", "ROOT"]
        )
        return _place_modifier(doc[0:1])

    assert modifier("compound") and modifier("nmod") and modifier("amod")
    assert not modifier("nsubj")


def test_an_office_name_with_lower_case_words(nlp: Language) -> None:
    doc = _typed(nlp, ["Springfield", "city", "council", "met"], [(0, 3, "ORG")])
    assert [s for _, _, s, _ in _office_place(doc.ents[0], load_gazetteer())] == ["Springfield"]


def _placed(nlp: Language, words: list[str], ents: list[tuple[int, int, str]]) -> list[Place]:
    doc = _typed(nlp, words, ents)
    return extract_places(Article(id="t", text=doc.text), doc)


def test_a_joined_name_among_other_places(nlp: Language) -> None:
    words = ["Rain", "hit", "Kyiv", "and", "the", "river", "between", "Fargo", "and",
             "Moorhead", "near", "Bismarck", "."]  # fmt: skip
    found = _placed(nlp, words, [(2, 3, "GPE"), (7, 10, "ORG"), (11, 12, "GPE")])
    assert [p.name for p in found] == ["Kyiv", "Fargo", "Moorhead", "Bismarck"]


def test_the_span_of_a_place_is_its_name_only(nlp: Language) -> None:
    # an article or a possessive inside the entity is left out of the mention
    words = ["in", "the", "Gaza", "Strip", "and", "Russia", "'s", "army"]
    doc = Doc(nlp.vocab, words=words, spaces=[True, True, True, True, True, False, True, False])
    doc.ents = [Span(doc, 1, 4, label="GPE"), Span(doc, 5, 7, label="GPE")]
    found = extract_places(Article(id="t", text=doc.text), doc)
    assert [doc.text[s:e] for p in found for s, e in p.mentions] == ["Gaza Strip", "Russia"]


def test_the_place_of_an_office_the_model_calls_a_facility(nlp: Language) -> None:
    words = ["held", "at", "the", "Henderson", "County", "Jail", "today"]
    doc = _typed(nlp, words, [(3, 6, "FAC")])
    found = extract_places(Article(id="t", text=doc.text), doc)
    assert [(p.name, p.kind) for p in found] == [("Henderson County", "other")]
    assert [doc.text[s:e] for s, e in found[0].mentions] == ["Henderson County"]


def test_the_dateline_town_named_again_is_one_place(nlp: Language) -> None:
    text = "DURBAN, South Africa — Gunmen attacked a bank in Durban on Monday."
    result = analyze(article_from_text(text, published="2025-03-13"), nlp)
    durban = [p for p in result.places if p.name == "Durban"]
    assert len(durban) == 1 and durban[0].in_dateline and durban[0].mentions


def test_a_name_read_whole_up_to_two_more_words(nlp: Language) -> None:
    gaz = load_gazetteer()
    doc = _typed(nlp, ["the", "Salt", "Lake", "City", "Council", "met"], [(1, 2, "GPE")])
    found = _whole_name(doc.ents[0], gaz)
    assert found is not None and found.text == "Salt Lake City"
    # the first word of the text has no word before it, whatever the text ends with
    doc = _typed(nlp, ["Fargo", "met", "Moorhead"], [(0, 1, "GPE")])
    found = _whole_name(doc.ents[0], gaz)
    assert found is not None and found.text == "Fargo"


def test_area_support_agrees_with_a_plain_count() -> None:
    """The grid is a shortcut: the counts must be what comparing every pair of
    readings gives, whatever side of a cell's edge the readings fall."""
    import math

    gaz = load_gazetteer()
    names = ["Athens", "Henderson County", "Fargo", "Moorhead", "Franklin", "Clinton",
             "Madison", "Jackson", "Salem", "Dover", "Georgia", "Kursk"]  # fmt: skip
    mentions = [
        _Mention(i * 20, i * 20 + len(n), n, _candidates(n, gaz)) for i, n in enumerate(names)
    ]
    support = _Support(mentions)

    def pointed(m: _Mention) -> list[GeoEntry]:
        return [
            c
            for c in m.candidates[:60]
            if c.lat is not None and c.lon is not None and c.kind in ("city", "other")
        ]

    for m in mentions:
        others = [o for o in mentions if o.surface != m.surface]
        for cand in m.candidates[:60]:
            if cand.lat is None or cand.lon is None or cand.kind not in ("city", "other"):
                assert support._close(m, cand) == 0
                continue
            close = sum(
                any((d := _km(cand, p)) is not None and d <= 40.0 for p in pointed(o))
                for o in others
            )
            assert support._close(m, cand) == close, (m.surface, cand.key)
            lat, lon = math.floor(cand.lat), math.floor(cand.lon)
            area = sum(
                any(
                    (cand.admin1 is not None and (c.country, c.admin1) == (cand.country, cand.admin1)
                     and c.kind in ("city", "admin1", "other"))
                    or (c in pointed(o) and abs(math.floor(c.lat or 0) - lat) <= 1
                        and abs(math.floor(c.lon or 0) - lon) <= 1)
                    for c in o.candidates[:60]
                )
                for o in others
            )  # fmt: skip
            expected = 1.5 * min(area, 3) + 1.5 * min(close, 2)
            assert support.bonus(m, cand) == expected, (m.surface, cand.key)


def test_a_country_before_its_capital_of_the_same_name() -> None:
    """ "Mexico" is the country, not Mexico City (GeoNames lists "Mexico" among its
    names), "Singapore" the country, not the city; a town of the name elsewhere
    stays a reading ("Mexico, Missouri")."""
    assert _resolved("Mexico voted.", ["Mexico"])[0][0] == "country:MX"
    assert _resolved("Singapore voted.", ["Singapore"]) == [("country:SG", "only candidate")]
    assert _resolved("Floods hit Mexico, Missouri.", ["Mexico", "Missouri"])[0] == (
        "city:4398103",
        "inside Missouri",
    )


def test_each_kind_of_mistyped_name_is_collected(nlp: Language) -> None:
    gaz = load_gazetteer()

    def more(words: list[str], ents: list[tuple[int, int, str]]) -> list[str]:
        doc = _typed(nlp, words, ents)
        return [surface for _, _, surface, _ in recognise_more(doc, gaz)]

    words = ["Fargo", "Police", "Department", "and", "Moorhead", "Fire", "Department", "said",
             "between", "Kyiv", "and", "Odesa", "and", "in", "Alexandria", "."]  # fmt: skip
    ents = [(0, 3, "ORG"), (4, 7, "ORG"), (9, 12, "ORG"), (14, 15, "PERSON")]
    assert more(words, ents) == ["Fargo", "Moorhead", "Kyiv", "Odesa", "Alexandria"]
    for label in ("PRODUCT", "NORP"):
        assert more(["flew", "to", "Alexandria", "today"], [(2, 3, label)]) == ["Alexandria"]
    # a country's name typed as an organisation is the country anywhere; a town's is not
    assert more(["Ukraine", "said", "no", "."], [(0, 1, "ORG")]) == ["Ukraine"]
    assert more(["Paris", "said", "no", "."], [(0, 1, "ORG")]) == []
    # a short name is no acronym unless the model calls it an organisation in capitals
    assert more(["fled", "to", "Bo", "today"], [(2, 3, "PERSON")]) == ["Bo"]
