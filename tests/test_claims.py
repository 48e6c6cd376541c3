"""Claims on sentences written for these tests: values, units, hedges, claimants, disputes."""

from spacy.language import Language

from newsevents import analyze, article_from_text


def claims(text: str, nlp: Language) -> list[tuple[float, str, str | None, str | None, list[str]]]:
    result = analyze(article_from_text(text, published="2025-03-13"), nlp)
    names = {e.id: e.name for e in result.entities}
    return [
        (
            c.value,
            c.unit,
            c.approx,
            names.get(c.claimant or "") or c.claimant_text,
            [names[d] for d in c.disputed_by],
        )
        for c in result.claims
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
