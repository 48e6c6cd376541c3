"""Claims on sentences written for these tests: values, units, hedges, claimants, disputes."""

import pytest
from spacy.language import Language

from newsevents import Claim, analyze, article_from_text


def analysed(text: str, nlp: Language) -> tuple[list[Claim], dict[str, str]]:
    """The claims of ``text`` and the names of the article's entities by id."""
    result = analyze(article_from_text(text, published="2025-03-13"), nlp)
    return result.claims, {e.id: e.name for e in result.entities}


def claims(text: str, nlp: Language) -> list[tuple[float, str, str | None, str | None, list[str]]]:
    found, names = analysed(text, nlp)
    return [
        (
            c.value,
            c.unit,
            c.approx,
            names.get(c.claimant or "") or c.claimant_text,
            [names[d] for d in c.disputed_by],
        )
        for c in found
    ]


def test_units_are_normalised_and_hedges_kept(nlp: Language) -> None:
    found = claims(
        "The army said it had retaken more than 1,300 square kilometres and about 40 villages, "
        "and that nearly 2,500 soldiers had been killed.",
        nlp,
    )
    values = [(v, u, a) for v, u, a, _, _ in found]
    assert values == [
        (1300.0, "km2", "more than"),
        (40.0, "village", "about"),
        (2500.0, "people", "nearly"),
    ]


def test_money_and_words(nlp: Language) -> None:
    found = claims("The bank lent Kenya $1.5 billion and two million euros in grants.", nlp)
    assert (1.5e9, "USD") in {(v, u) for v, u, _, _, _ in found}


def test_durations_and_years_are_not_claims(nlp: Language) -> None:
    assert claims("The truce held for five days in 2023 before fighting resumed.", nlp) == []


def test_claimant_from_according_to_and_quote(nlp: Language) -> None:
    found = claims("According to Amnesty International, 120 people were detained.", nlp)
    assert (120.0, "Amnesty International") in {(v, c) for v, _, _, c, _ in found}
    found = claims(
        'Chadian President Mahamat Deby met donors. "We host 1.2 million refugees," he said.',
        nlp,
    )
    assert (1.2e6, "Mahamat Deby") in {(v, c) for v, _, _, c, _ in found}


def test_outlet_figure_has_no_claimant(nlp: Language) -> None:
    found = claims("Three soldiers were wounded near the border on Monday.", nlp)
    assert [(v, c) for v, _, _, c, _ in found] == [(3.0, None)]


def test_dispute_after_the_figure_goes_to_the_last_figure_only(nlp: Language) -> None:
    found = claims(
        "Armenia said 20 posts were shelled and 4,000 people fled, a figure Azerbaijan denies.",
        nlp,
    )
    by_value = {v: d for v, _, _, _, d in found}
    assert by_value[4000.0] == ["Azerbaijan"]
    assert by_value[20.0] == []


def test_conditional_figure_is_hypothetical(nlp: Language) -> None:
    result = analyze(
        article_from_text(
            '"If the port reopens, exports will rise by 30 percent," Somali Finance Minister '
            "Bihi Egeh said.",
            published="2025-03-13",
        ),
        nlp,
    )
    (claim,) = result.claims
    assert claim.value == 30.0 and claim.status == "hypothetical"


def test_counted_speakers_are_not_claims(nlp: Language) -> None:
    assert claims("Two diplomats said the talks had stalled.", nlp) == []


def test_ranges_and_parts_of_a_whole(nlp: Language) -> None:
    result = analyze(
        article_from_text(
            "Aid agencies said between 300 and 400 trucks a day were needed, and that only "
            "10 of 36 hospitals were working.",
            published="2025-03-13",
        ),
        nlp,
    )
    by_value = {c.value: c for c in result.claims}
    assert by_value[300.0].approx == "between" and by_value[300.0].unit == "truck"
    assert by_value[300.0].model_dump()["value_max"] == 400.0
    assert by_value[10.0].unit == "hospital"


def test_an_estimate_put_at_a_figure_is_its_subjects(nlp: Language) -> None:
    result = analyze(
        article_from_text(
            "The Sudanese army, which put the death toll at 31 on Wednesday, blamed the "
            "paramilitaries. Officials estimated the number of displaced at 40,000.",
            published="2025-04-09",
        ),
        nlp,
    )
    names = {e.id: e.name for e in result.entities}
    found = {
        (c.value, c.measure, names.get(c.claimant or "") or c.claimant_text) for c in result.claims
    }
    assert (31.0, "death toll", "Sudanese army") in found
    assert (40000.0, "number of displaced", "Officials") in found


def disputes(text: str, nlp: Language) -> list[tuple[float, list[str], str | None]]:
    found, names = analysed(text, nlp)
    return [(c.value, [names[d] for d in c.disputed_by], c.dispute_cue) for c in found]


def test_a_figure_not_confirmed_is_disputed_and_the_cue_says_how(nlp: Language) -> None:
    assert disputes(
        "Ukraine said 300 Russian soldiers were killed, a figure Moscow has not confirmed.", nlp
    ) == [(300.0, ["Russia"], "figure Moscow has not confirmed")]
    assert disputes(
        "Hamas said 42 people died in the strike, a claim that Israel rejected.", nlp
    ) == [(42.0, ["Israel"], "claim that Israel rejected")]


def test_a_figure_not_disputed_is_not_disputed(nlp: Language) -> None:
    for text in (
        "Egypt said 40 trucks crossed, a figure Israel did not dispute.",
        "Egypt said 40 trucks crossed on Monday, but Israel did not deny it.",
        "Egypt said 40 trucks crossed, a figure Israel has not changed.",
    ):
        assert disputes(text, nlp) == [(40.0, [], None)], text


def test_a_dispute_verb_with_its_own_subject(nlp: Language) -> None:
    assert disputes(
        "Egypt said 40 trucks crossed on Monday, but Israel denied the figure.", nlp
    ) == [(40.0, ["Israel"], "Israel denied")]


def test_plural_figures_are_all_disputed(nlp: Language) -> None:
    found = disputes(
        "Sudan said 12 soldiers died and 30 were injured, figures the RSF denies.", nlp
    )
    assert [(v, d) for v, d, _ in found] == [(12.0, ["RSF"]), (30.0, ["RSF"])]


def test_a_text_cut_off_after_the_party_records_the_dispute(nlp: Language) -> None:
    for ending in ("...", "\u2026", ""):
        found = disputes(
            f"Officials said 80 people were arrested in the raid, a figure that Russia{ending}",
            nlp,
        )
        assert found == [(80.0, ["Russia"], "figure that Russia ... (text cut off)")], ending


def records(
    text: str, nlp: Language
) -> list[tuple[str, float, str, str | None, str | None, str | None]]:
    """(id, value, unit, approx, claimant entity's name, claimant words) for each claim."""
    found, names = analysed(text, nlp)
    return [
        (c.id, c.value, c.unit, c.approx, names.get(c.claimant or ""), c.claimant_text)
        for c in found
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a pronoun speaker gives the named person's name as the claimant's words
        (
            'Chadian President Mahamat Deby met donors. "We host 1.2 million refugees," he said.',
            [("C1", 1.2e6, "people", None, "Mahamat Deby", "Mahamat Deby")],
        ),
        (
            "Health Minister Anna Lind visited the camp on Friday. "
            '"Our doctors have treated 1,900 patients in a week," she said.',
            [("C1", 1900.0, "patient", None, "Anna Lind", "Anna Lind")],
        ),
        # a named speaker keeps the words that name him
        (
            '"We have lost 14 tanks," said Ukrainian army spokesman Andriy Kovalenko.',
            [
                (
                    "C1",
                    14.0,
                    "tank",
                    None,
                    "Andriy Kovalenko",
                    "Ukrainian army spokesman Andriy Kovalenko",
                )
            ],
        ),
        # "according to" unnamed officials: a group of them, not the outlet itself
        (
            "According to local health officials, 45 people died in the floods.",
            [("C1", 45.0, "people", None, "local health officials", "local health officials")],
        ),
        # ... and a single unnamed one is no entity, only the source's words
        (
            "According to a senior official, 45 people died in the floods.",
            [("C1", 45.0, "people", None, None, "senior official")],
        ),
        (
            "At least 90 people were killed and upwards of 200 injured, according to the "
            "Red Cross.",
            [
                ("C1", 90.0, "people", "at least", "Red Cross", "Red Cross"),
                ("C2", 200.0, "count", "more than", "Red Cross", "Red Cross"),
            ],
        ),
        # a figure a reporting verb puts forward as its object, or "per" a source
        (
            "Russia acknowledged the loss of 12 aircraft.",
            [("C1", 12.0, "aircraft", None, "Russia", "Russia")],
        ),
        (
            "Per the health ministry, 80 people were wounded.",
            [("C1", 80.0, "people", None, "health ministry", "health ministry")],
        ),
        (
            "40 deaths were reported by the health ministry on Monday.",
            [("C1", 40.0, "death", None, "health ministry", "health ministry")],
        ),
        (
            "Officials put the number of displaced at 40,000 people.",
            [("C1", 40000.0, "people", None, None, "Officials")],
        ),
        (
            "Officials announced 500 arrests after the protests.",
            [("C1", 500.0, "arrest", None, None, "Officials")],
        ),
        # an estimate is its estimator's, named or not
        (
            "Kenyan police put the number of protesters at about 5,000.",
            [("C1", 5000.0, "count", "about", "Kenyan police", "Kenyan police")],
        ),
        (
            "Officials estimated the number of displaced at 40,000 on Friday.",
            [("C1", 40000.0, "count", None, None, "Officials")],
        ),
        # the outlet's own figures: hedges, units, currencies
        (
            "Less than 15% of the aid arrived, while up to 60 trucks waited at the border.",
            [
                ("C1", 15.0, "percent", "less than", None, None),
                ("C2", 60.0, "truck", "up to", None, None),
            ],
        ),
        (
            "The fund has a budget of 300 million euros, up from 200 million dollars last year.",
            [("C1", 3e8, "EUR", None, None, None), ("C2", 2e8, "USD", None, None, None)],
        ),
        (
            "Russia said it had retaken 86% of the Kursk region and some 1,100 square kilometres.",
            [
                ("C1", 86.0, "percent", None, "Russia", "Russia"),
                ("C2", 1100.0, "km2", "about", "Russia", "Russia"),
            ],
        ),
    ],
)
def test_claim_records(text: str, expected: list[tuple[object, ...]], nlp: Language) -> None:
    assert records(text, nlp) == expected


def measures(text: str, nlp: Language) -> list[tuple[float, str, str]]:
    return [(c.value, c.unit, c.measure) for c in analysed(text, nlp)[0]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a level reached by something measures that thing
        (
            "The death toll from the earthquake rose to more than 300 on Monday.",
            [(300.0, "count", "death toll from the earthquake")],
        ),
        (
            "The number of refugees in Poland reached 2 million, the agency said.",
            [(2e6, "count", "number of refugees in Poland")],
        ),
        ("Inflation stood at 40 per cent in March.", [(40.0, "percent", "Inflation")]),
        # a currency sign at the very start of the text
        ("$5 million was pledged by donors on Friday.", [(5e6, "USD", "pledged")]),
        # two sums the model joins are two figures, each in its own currency
        (
            "Donors pledged €40 million and £12 million for the camps.",
            [(4e7, "EUR", "pledged"), (1.2e7, "GBP", "pledged")],
        ),
        (
            "Officials said 30 or 40 trucks crossed on Sunday.",
            [(30.0, "truck", "crossed trucks"), (40.0, "truck", "crossed trucks")],
        ),
        # a unit after the figure, and what it is of
        (
            "The rebels seized 300 tonnes of wheat and 45 kilometres of road.",
            [(300.0, "t", "seized wheat"), (45.0, "km", "seized road")],
        ),
        # the counted noun, or the whole that a part is of
        (
            "The army lost 3,000 of its 9,000 tanks.",
            [(3000.0, "tank", "lost tanks"), (9000.0, "tank", "lost tanks")],
        ),
        (
            "The government sent 4,000 troops and 200 police officers to the region.",
            [(4000.0, "people", "sent troops"), (200.0, "officer", "sent officers")],
        ),
    ],
)
def test_units_and_measures(text: str, expected: list[tuple[object, ...]], nlp: Language) -> None:
    assert measures(text, nlp) == expected


def test_a_member_picked_out_is_no_figure_but_a_small_count_is(nlp: Language) -> None:
    """ "One of them" names a member, not a figure; "Nine were injured" is a
    casualty count however small, and a figure after a skipped one still counts."""
    found = records(
        "The army said three soldiers died. One of them was a colonel, and 40 others were hurt.",
        nlp,
    )
    assert [(v, u) for _, v, u, _, _, _ in found] == [(3.0, "people"), (40.0, "other")]
    found = records("Nine were injured in the blast, police said.", nlp)
    assert [(v, u, c) for _, v, u, _, _, c in found] == [(9.0, "count", "police")]
    found = records("Two officials said 40 people died in the clashes.", nlp)
    assert [(v, c) for _, v, _, _, _, c in found] == [(40.0, "Two officials")]
