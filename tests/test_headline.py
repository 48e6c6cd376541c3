"""The title analysed with the article (``headline.py``), on articles written for
these tests: what only the title reports is kept apart with spans into the
title; what the text reports too is the text's own event, marked."""

import click
from spacy.language import Language

from newsevents import analyze, article_from_text
from newsevents.report import render_text

ONLY_IN_TITLE = (
    "Rebels seize border town of Tessalit\n\n"
    "Fighting continued on Sunday around the army camp near the Algerian border, "
    "residents said. Several soldiers were wounded, a military source told reporters.\n"
)

REPEATED = (
    "Rebels seize border town of Tessalit\n\n"
    "Tuareg rebels seized the town of Tessalit on Sunday after a two-month siege of "
    "the army camp, residents said.\n"
)


def test_an_event_only_the_title_reports_is_a_title_event(nlp: Language) -> None:
    result = analyze(article_from_text(ONLY_IN_TITLE, published="2012-03-12"), nlp)
    title = result.article.title
    assert title == "Rebels seize border town of Tessalit"
    assert [title[e.trigger[0] : e.trigger[1]] for e in result.title_events] == ["seize"]
    event = result.title_events[0]
    assert event.id == "H1" and event.time is None and event.time_value == "2012-03-12"
    actors = {e.id: e for e in result.entities}
    rebels = actors[event.actors[0]]
    # named only by the title: no mention in the text, its place in the title
    assert rebels.mentions == [] and rebels.title_mentions == [(0, 6)]
    assert rebels.sector == "REB"
    place = {p.id: p for p in result.places}[event.place or ""]
    assert place.name == "Tessalit" and place.mentions == []
    assert title[place.title_mentions[0][0] : place.title_mentions[0][1]] == "Tessalit"
    assert not any(e.in_title for e in result.events)


def test_an_event_the_text_repeats_is_the_texts_marked_in_title(nlp: Language) -> None:
    result = analyze(article_from_text(REPEATED, published="2012-03-12"), nlp)
    assert result.title_events == []
    marked = [e for e in result.events if e.in_title]
    assert [result.article.text[e.trigger[0] : e.trigger[1]] for e in marked] == ["seized"]


def test_the_text_report_lists_title_events(nlp: Language) -> None:
    report = click.unstyle(
        render_text(analyze(article_from_text(ONLY_IN_TITLE, published="2012-03-12"), nlp))
    )
    assert "Title events (the text does not report them) (1)" in report
    assert "Rebels (REB)  @Tessalit" in report


def test_a_headline_infinitive_is_what_will_happen(nlp: Language) -> None:
    """Headline grammar: "leaders to meet" is a planned meeting, also under "says"."""
    for title in (
        "Serbia and Kosovo leaders to meet in Brussels",
        "EU says Serbia and Kosovo leaders to meet in Brussels",
    ):
        text = f"{title}\n\nThe talks were announced on Friday.\n"
        result = analyze(article_from_text(text, published="2023-04-20"), nlp)
        assert [(e.type, e.status) for e in result.title_events] == [("CONSULT", "planned")]
