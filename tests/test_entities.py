"""Actors with country, sector and role: the reference article and sentences of our own."""

import pytest
from spacy.language import Language

from newsevents import Analysis, analyze, article_from_text
from newsevents.extract.entities import _many_or_any, _org_info
from newsevents.model import Entity

from .conftest import mention_texts


def entities(text: str, nlp: Language) -> dict[str, Entity]:
    result = analyze(article_from_text(text, published="2025-05-01"), nlp)
    return {e.name: e for e in result.entities}


def test_reference_actors(reference: Analysis) -> None:
    by_name = {e.name: e for e in reference.entities}
    expected = {
        "Donald Trump": ("USA", "GOV"),
        "Steve Witkoff": ("USA", "GOV"),
        "Vladimir Putin": ("RUS", "GOV"),
        "Volodymyr Zelensky": ("UKR", "GOV"),
        "Marco Rubio": ("USA", "GOV"),
        "Aleksandr Lukashenko": ("BLR", "GOV"),
        "Valery Gerasimov": ("RUS", "MIL"),
        "Kremlin": ("RUS", "GOV"),
    }
    for name, (country, sector) in expected.items():
        assert (by_name[name].country, by_name[name].sector) == (country, sector), name
    assert by_name["Moscow Times"].sector == "MED"
    army = [
        e
        for e in reference.entities
        if e.country == "RUS" and e.sector == "MIL" and e.kind != "person"
    ]
    assert len(army) == 1 and "army" in army[0].name.lower()
    putin = by_name["Vladimir Putin"]
    assert set(mention_texts(reference, putin.id)) == {"Vladimir Putin", "Putin"}
    trump = by_name["Donald Trump"]
    assert set(mention_texts(reference, trump.id)) == {"Donald Trump", "Trump"}
    # "State" of "Secretary of State" is not an organisation
    assert "State" not in by_name


def test_titles_appositions_and_demonyms(nlp: Language) -> None:
    found = entities(
        "French Foreign Minister Jean-Noel Barrot met the Kenyan interior minister, "
        "Kipchumba Murkomen, in Nairobi. Barrot said Israeli troops had withdrawn.",
        nlp,
    )
    barrot = found["Jean-Noel Barrot"]
    assert (barrot.country, barrot.sector, barrot.role) == ("FRA", "GOV", "foreign minister")
    assert len(barrot.mentions) == 2
    murkomen = found["Kipchumba Murkomen"]
    assert (murkomen.country, murkomen.sector) == ("KEN", "GOV")
    troops = [e for e in found.values() if e.kind == "group"]
    assert [(t.country, t.sector) for t in troops] == [("ISR", "MIL")]


def test_possessor_lends_its_country(nlp: Language) -> None:
    found = entities(
        "Emmanuel Macron's chief negotiator, Paul Durand, arrived in Algiers on Monday.", nlp
    )
    assert found["Paul Durand"].country == "FRA"


def test_military_title_and_no_title(nlp: Language) -> None:
    found = entities(
        "Ukrainian Army commander Oleksandr Syrskyi visited the front. "
        "Local farmer Ivan Petrenko said the shelling had stopped.",
        nlp,
    )
    assert (found["Oleksandr Syrskyi"].country, found["Oleksandr Syrskyi"].sector) == ("UKR", "MIL")
    # no country and no sector are invented for a private person without a title
    assert found["Ivan Petrenko"].country is None
    assert found["Ivan Petrenko"].sector is None


def test_modifiers_of_other_nouns_are_not_actors(nlp: Language) -> None:
    found = entities("The halt in US military and intelligence aid worried officials.", nlp)
    assert not any(e.kind == "group" and e.sector == "MIL" for e in found.values())


def test_titled_official_takes_the_dateline_country(nlp: Language) -> None:
    article = article_from_text(
        "Talks stall in Tbilisi\n\nTBILISI, Dec 5 (Wire) - Prime Minister Irakli Kobakhidze said "
        "on Thursday that the government would not hold early elections, and the opposition "
        "leader Nika Melia called for new protests.",
        published="2024-12-05",
    )
    found = {e.name: e for e in analyze(article, nlp).entities}
    assert found["Irakli Kobakhidze"].country == "GEO"
    assert found["Nika Melia"].country is None  # an opposition leader is not the state's


def test_a_chief_of_staff_is_military_only_on_a_general_staff(nlp: Language) -> None:
    result = analyze(
        article_from_text(
            "White House Chief of Staff Susie Wiles met the senators on Monday. "
            "Chief of the General Staff Valery Gerasimov visited the front."
        ),
        nlp,
    )
    sectors = {e.name: e.sector for e in result.entities}
    assert sectors["Susie Wiles"] == "GOV"
    assert sectors["Valery Gerasimov"] == "MIL"


def test_named_armed_groups_are_rebels_of_their_country(nlp: Language) -> None:
    """From the armed-group table (PETRARCH2's non-state actors); a group filed
    under a region takes the country its name gives."""
    found = entities(
        "Security forces arrested 12 suspected Boko Haram members in Maiduguri. "
        "Al-Shabaab fighters attacked a base in Lower Shabelle. "
        "The Palestinian Islamic Jihad rejected the truce.",
        nlp,
    )
    assert (found["Boko Haram"].sector, found["Boko Haram"].country) == ("REB", "NGA")
    assert (found["Al-Shabaab"].sector, found["Al-Shabaab"].country) == ("REB", "SOM")
    assert (
        found["Palestinian Islamic Jihad"].sector,
        found["Palestinian Islamic Jihad"].country,
    ) == (
        "REB",
        "PSE",
    )


def test_a_group_the_model_misses_is_found_by_its_name(nlp: Language) -> None:
    """The model reads "Houthi" as a modifier and "Al-Shabaab" as a person; the
    NER component labels the names of known armed groups."""
    found = entities(
        "Houthi forces fired a ballistic missile towards Marib city. "
        "A landmine planted by JNIM exploded under a military vehicle near Boni.",
        nlp,
    )
    assert (found["Houthis"].sector, found["Houthis"].country) == ("REB", "YEM")
    jnim = found["Jama'at Nusrat al-Islam wal-Muslimin"]
    assert (jnim.sector, jnim.country) == ("REB", "MLI")


def test_another_spelling_of_a_groups_name_is_the_group(nlp: Language) -> None:
    """Transliterations listed beside a group's name ("Hizbollah", "al-Shabab") are
    labelled like the name; a leader filed under the group is not."""
    found = entities(
        "The pro-Iranian Hizbollah group declared a ceasefire in south Lebanon. "
        "Al-Shabab fighters attacked a base near Mogadishu.",
        nlp,
    )
    assert (found["Hezbollah"].sector, found["Hezbollah"].country) == ("REB", "LBN")
    assert (found["Al-Shabaab"].sector, found["Al-Shabaab"].country) == ("REB", "SOM")


def test_a_people_after_a_demonym_is_a_group_of_that_country(nlp: Language) -> None:
    """ "Bosnian Serbs" (the model says a person) and "Iraqi Kurds" (no country of
    their own) are peoples of the country the adjective names; "American
    Progress" is no people."""
    found = entities(
        "Bosnian Serbs said their forces had withdrawn. Iraqi Kurds marched in Erbil. "
        "The Center for American Progress published a report.",
        nlp,
    )
    assert (found["Bosnian Serbs"].kind, found["Bosnian Serbs"].country) == ("group", "BIH")
    assert (found["Iraqi Kurds"].kind, found["Iraqi Kurds"].country) == ("group", "IRQ")
    assert "American Progress" not in found


def test_a_coalition_led_by_a_country_is_its_armed_force(nlp: Language) -> None:
    found = entities("The Saudi-led coalition bombed rebel positions in the capital.", nlp)
    assert (found["Saudi-led coalition"].sector, found["Saudi-led coalition"].country) == (
        "MIL",
        "SAU",
    )
    assert not any(
        e.sector == "MIL"
        for e in entities("The ruling coalition approved the budget.", nlp).values()
    )


def test_an_acronym_with_dots_is_the_same_institution(nlp: Language) -> None:
    found = entities("The U.N. Security Council condemned the missile launch.", nlp)
    assert [e.sector for e in found.values()] == ["IGO"]


def test_a_counted_crowd_is_an_actor(nlp: Language) -> None:
    """ "around 500 people", "some 2,000 Kenyan people": unnamed people, counted."""
    result = analyze(
        article_from_text(
            "Around 500 people demonstrated in Colombo. Some 2,000 Kenyan people marched.",
            published="2022-05-19",
        ),
        nlp,
    )
    crowds = {e.name: (e.sector, e.country) for e in result.entities}
    assert crowds["Around 500 people"] == ("CVL", "LKA")
    assert crowds["Some 2,000 Kenyan people"] == ("CVL", "KEN")
    assert [ev.type for ev in result.events] == ["PROTEST", "PROTEST"]


def test_a_title_alone_is_an_actor_when_the_article_names_no_one(nlp: Language) -> None:
    """ "The president pardoned 300 prisoners" names no president to refer to; with
    one named, "the president" is that person (found through the role)."""
    alone = entities("KAMPALA - The president pardoned 300 political prisoners.", nlp)
    assert (alone["president"].sector, alone["president"].country) == ("GOV", "UGA")
    named = entities("Vladimir Putin met Xi Jinping. The president said the talks went well.", nlp)
    assert "president" not in named


def test_a_company_name_gives_the_business_sector(nlp: Language) -> None:
    found = entities("Apple Inc. and Ryanair Holdings met officials of the Abu Sayyaf Group.", nlp)
    assert found["Apple Inc."].sector == "BUS"
    assert found["Ryanair Holdings"].sector == "BUS"
    assert found.get("Abu Sayyaf Group") is None or found["Abu Sayyaf Group"].sector != "BUS"


@pytest.mark.parametrize(
    ("name", "country", "sector", "kind"),
    [
        # a listed institution is what the list says, with its kind
        ("Hezbollah", "LBN", "REB", "group"),
        ("United Nations", None, "IGO", "organization"),
        # a demonym or a two-word country anywhere in the name
        ("Kenyan Farmers Union", "KEN", "CVL", "organization"),
        ("Sierra Leone Teachers Union", "SLE", "LAB", "organization"),
        ("Teachers Union of Sierra Leone", "SLE", "LAB", "organization"),
        # the longest group phrase decides: three words, two, then one
        ("Kenyan Ministry of Defence", "KEN", "MIL", "organization"),
        ("Kenyan Security Forces Network", "KEN", "COP", "organization"),
        ("Kenyan Activists Network", "KEN", "OPP", "organization"),
        # an outlet keeps no country; a military word, a company ending
        ("Kenya Broadcasting Corporation", None, "MED", "organization"),
        ("Kenyan Naval Command", "KEN", "MIL", "organization"),
        ("Nairobi Holdings", None, "BUS", "organization"),
        ("Activists Holdings", None, "OPP", "organization"),
        ("Nairobi Bridge Club", None, None, "organization"),
    ],
)
def test_an_organisation_name_gives_its_country_and_sector(
    name: str, country: str | None, sector: str | None, kind: str
) -> None:
    info = _org_info(name)
    assert (info.country, info.sector, info.kind) == (country, sector, kind)


@pytest.mark.parametrize(
    ("text", "index", "many"),
    [
        ("A diplomat met Putin.", 1, True),
        ("An envoy met Putin.", 1, True),
        ("Diplomats met Putin.", 0, True),
        ("The diplomat met Putin.", 1, False),
        ("His envoy met Putin.", 1, False),
    ],
)
def test_some_of_a_kind_or_one_person(text: str, index: int, many: bool, nlp: Language) -> None:
    """ "a diplomat", "diplomats": some of a kind, a party of their own; "the
    diplomat" is someone the story names."""
    assert _many_or_any(nlp(text)[index]) is many


@pytest.mark.parametrize(
    ("text", "name", "country", "sector", "role"),
    [
        # a title before the name
        ("Kenyan Foreign Minister Jane Wanjiru said the talks would resume.",
         "Jane Wanjiru", "KEN", "GOV", "foreign minister"),
        # the noun the name is in apposition with; a defence post is military
        ("Jane Wanjiru, the Kenyan defence minister, said the talks would resume.",
         "Jane Wanjiru", "KEN", "MIL", "defence minister"),
        # a country of two words in the title
        ("Sierra Leone President Julius Bio said the talks would resume.",
         "Julius Bio", "SLE", "GOV", "president"),
        # a country's possessive
        ("Kenya's foreign minister Jane Wanjiru said the talks would resume.",
         "Jane Wanjiru", "KEN", "GOV", "foreign minister"),
        # a military title
        ("Kenyan Army General John Otieno said the talks would resume.",
         "John Otieno", "KEN", "MIL", "general"),
    ],
)  # fmt: skip
def test_a_persons_title_gives_country_sector_and_role(
    text: str, name: str, country: str, sector: str, role: str, nlp: Language
) -> None:
    result = analyze(article_from_text(text, published="2025-03-10"), nlp)
    person = next(e for e in result.entities if e.name == name)
    assert (person.country, person.sector, person.role) == (country, sector, role)


@pytest.mark.parametrize(
    ("noun", "sector"),
    [
        ("soldier", "MIL"),
        ("Soldiers", "MIL"),  # the table lists singulars; a plural is found by its stem
        ("protesters", "OPP"),
        ("gunmen", "UAF"),
        ("students", "EDU"),
        ("village", None),  # listed, but a place where people are, not who acts
        ("villages", None),
        ("Villages", None),
        ("cabbies", None),  # not listed
        ("s", None),
    ],
)
def test_agent_sector_of_a_noun(noun: str, sector: str | None) -> None:
    from newsevents.extract.entities import agent_sector

    assert agent_sector(noun) == sector


def _generic_names(text: str, nlp: Language) -> list[str]:
    result = analyze(article_from_text(text, published="2025-05-01"), nlp)
    return [e.name.lower() for e in result.entities if e.kind == "group"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a plural -er noun the agents file does not list is people when it protests
        ("Dockworkers went on strike in Rotterdam.", True),
        ("Dockworkers remained on strike in Rotterdam.", True),
        ("Dockworkers stayed on strike in Rotterdam for a week.", True),
        ("Dockworkers marched through Rotterdam.", True),
        # ... not when it only goes somewhere, or goes on something else
        ("Dockworkers went home after the shift.", False),
        ("Dockworkers went on holiday in August.", False),
        # ... nor when it is rallied, not rallying
        ("The union rallied dockworkers outside the port of Rotterdam.", False),
    ],
)
def test_who_protests_is_people(text: str, found: bool, nlp: Language) -> None:
    names = _generic_names(text, nlp)
    assert any("dockworkers" in n for n in names) is found, names


def test_a_noun_of_another_form_that_protests_is_not_taken(nlp: Language) -> None:
    """Only agent-like endings ("-er", "-ist", "-ian" ...): "cabbies" is not read
    as people by the protest rule (the agents file does not list it either)."""
    assert not any("cabbies" in n for n in _generic_names("Cabbies protested in Lagos.", nlp))


@pytest.mark.parametrize(
    ("text", "group", "country"),
    [
        ("Rebels in Ivory Coast attacked a convoy.", "Rebels", "CIV"),  # a country
        ("Protesters in Maiduguri blocked a road.", "Protesters", "NGA"),  # a city's
        ("Students across Kenya protested on Monday.", "Students", "KEN"),
        ("Protesters inside Gaza clashed with police.", "Protesters", "PSE"),
        ("Rebels from the Ituri region attacked a convoy.", "Rebels", "COD"),  # a region's
        ("Fighters from Somali clans attacked the base.", "Fighters", "SOM"),  # a demonym
        ("Militias of Libyan origin attacked the port.", "Militias", "LBY"),
    ],
)
def test_a_group_takes_the_country_of_the_place_it_is_from(
    text: str, group: str, country: str, nlp: Language
) -> None:
    result = analyze(article_from_text(text, published="2025-05-01"), nlp)
    found = [e for e in result.entities if e.kind == "group" and e.name.startswith(group)]
    assert [e.country for e in found] == [country], [(e.name, e.country) for e in found]


@pytest.mark.parametrize(
    ("text", "name", "country", "sector"),
    [
        # an organisation before the title lends its country and its sector
        (
            "Hamas spokesman Hazem Qassem said the group rejected the plan.",
            "Hazem Qassem",
            "PSE",
            "REB",
        ),
        (
            "Hezbollah's spokesman Ali Hassan said the group would respond.",
            "Ali Hassan",
            "LBN",
            "REB",
        ),
        # a person lends only a country: the title says the rest
        (
            "Putin's spokesman Dmitry Peskov said the talks would resume.",
            "Dmitry Peskov",
            "RUS",
            "GOV",
        ),
    ],
)
def test_who_a_spokesman_speaks_for(
    text: str, name: str, country: str, sector: str, nlp: Language
) -> None:
    person = entities(text, nlp)[name]
    assert (person.country, person.sector) == (country, sector)


@pytest.mark.parametrize(
    ("text", "groups"),
    [
        # an uncounted crowd, and a count of things that is no crowd
        ("Thousands took to the streets of Nairobi on Monday.", [("Thousands", "KEN", "CVL")]),
        ("Thousands of documents were burned in the fire.", []),
        # a counted crowd takes the country of its adjective
        ("Around 500 Kenyan residents protested in Nairobi.", [("Kenyan residents", "KEN", "CVL")]),
        # a held state is a party once something makes it a person
        ("The hostage was freed on Monday.", [("hostage", None, "CVL")]),
        ("Their hostage was freed on Monday.", [("Their hostage", None, "CVL")]),
        ("One hostage was freed on Monday.", [("hostage", None, "CVL")]),
        ("Elderly hostage freed after talks.", [("Elderly hostage", None, "CVL")]),
        # a stance is no party; the party of that name is
        ("Opposition to the deal grew among lawmakers.", [("lawmakers", None, "LEG")]),
        ("The opposition boycotted the vote.", [("opposition", None, "OPP")]),
        # a capitalised plural at the start of a sentence, a noun and its adjective
        ("Rebels seized the town of Goma.", [("Rebels", None, "REB")]),
        ("Armed men attacked a convoy near Gao.", [("Armed men", None, "UAF")]),
        ("Militia attacked the village.", [("Militia", None, "UAF")]),
        # a capitalised word the model took for a name, which with the noun is an agent
        (
            "Riot police fired tear gas at protesters.",
            [("Riot police", None, "COP"), ("protesters", None, "OPP")],
        ),
        # a country's possessive, and a counted crowd in that country's story
        (
            "Kenya's police arrested 12 people.",
            [("Kenya's police", "KEN", "COP"), ("12 people", "KEN", "CVL")],
        ),
    ],
)
def test_unnamed_groups(
    text: str, groups: list[tuple[str, str | None, str]], nlp: Language
) -> None:
    result = analyze(article_from_text(text, published="2025-05-01"), nlp)
    found = [(e.name, e.country, e.sector) for e in result.entities if e.kind == "group"]
    assert found == groups


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # an acronym the model leaves untagged is the group it stands for
        (
            "ADF attacked a village near Beni on Monday.",
            [("Allied Democratic Forces", "group", "REB")],
        ),
        # an unknown one of up to seven letters is an organisation of its own
        ("QZXWVKT attacked a village near Beni.", [("QZXWVKT", "organization", None)]),
        # eight is too long for an acronym; a title is none either
        ("KFRMQTZX attacked a village near Beni.", []),
        ("The CEO resigned after the attack.", []),
    ],
)
def test_acronyms_that_act(
    text: str, found: list[tuple[str, str, str | None]], nlp: Language
) -> None:
    result = analyze(article_from_text(text, published="2025-05-01"), nlp)
    assert [(e.name, e.kind, e.sector) for e in result.entities] == found


def test_an_acronym_and_its_full_name_are_one_group(nlp: Language) -> None:
    text = "ADF attacked a village near Beni. Fighters of the ADF killed ten people."
    result = analyze(article_from_text(text, published="2025-05-01"), nlp)
    adf = [e for e in result.entities if e.name == "Allied Democratic Forces"]
    assert len(adf) == 1 and len(adf[0].mentions) == 2


def test_a_country_the_model_calls_a_person(nlp: Language) -> None:
    """One word, a country's name, and no surname of anyone in the story."""
    found = entities("Mali's army said it repelled an attack near Gao.", nlp)
    assert found["Mali"].kind == "country" and found["Mali"].country == "MLI"
    # a surname stays the person's
    found = entities("Michael Jordan visited Amman. Jordan said the trip was a success.", nlp)
    assert found["Michael Jordan"].kind == "person" and len(found["Michael Jordan"].mentions) == 2


@pytest.mark.parametrize(
    ("text", "name", "sector"),
    [
        ("Both sides signed the deal on Monday.", "Both sides", None),
        ("The two governments signed the deal on Monday.", "The two governments", "GOV"),
        # the agents table knows "political party": its sector stays
        ("Both political parties signed the deal on Monday.", "political parties", "PTY"),
        ("The warring factions signed the deal on Monday.", "warring factions", "UAF"),
    ],
)
def test_two_parties_at_once_are_a_party(
    nlp: Language, text: str, name: str, sector: str | None
) -> None:
    found = entities(text, nlp)
    assert (found[name].kind, found[name].country, found[name].sector) == ("group", None, sector)
