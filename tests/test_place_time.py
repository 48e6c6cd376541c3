"""Where and when each event happened, and how precisely (``events/place_time.py``),
on sentences written for these tests."""

import pytest
from spacy.language import Language

from newsevents import Analysis, analyze, article_from_text
from newsevents.dates import dateline_date
from newsevents.extract.events.place_time import precision_of


def _one_event(text: str, nlp: Language, trigger: str) -> tuple[Analysis, dict[str, object]]:
    result = analyze(article_from_text(text, published="2025-03-13"), nlp)
    text = result.article.text
    found = [e for e in result.events if text[e.trigger[0] : e.trigger[1]] == trigger]
    assert len(found) == 1, [(text[e.trigger[0] : e.trigger[1]], e.type) for e in result.events]
    event = found[0]
    places = {p.id: p.name for p in result.places}
    times = {t.id: t.text for t in result.times}
    return result, {
        "place": places.get(event.place or ""),
        "geo_precision": event.geo_precision,
        "time": times.get(event.time or ""),
        "time_from": event.time_from,
        "time_value": event.time_value,
        "time_precision": event.time_precision,
    }


@pytest.mark.parametrize(
    ("value", "precision"),
    [
        ("2025-03-13", "day"),
        ("2025-03-13T08:00", "day"),
        ("2025-W11", "week"),
        ("2025-03", "month"),
        ("2025", "year"),
        ("2025-w11", None),
        ("P5D", None),
        ("PRESENT_REF", None),
        ("2025-W11-WE", "week"),
        ("2025-SU", "year"),
        ("2025-Q1", "year"),
        ("2025-H2", "year"),
        ("2025-Q5", None),
        ("199", None),
        (None, None),
    ],
)
def test_precision_of_a_time_value(value: str | None, precision: str | None) -> None:
    assert precision_of(value) == precision


@pytest.mark.parametrize(
    ("text", "trigger", "place", "geo_precision"),
    [
        ("Russian forces shelled a market in Kharkiv.", "shelled", "Kharkiv", "exact"),
        (
            "Police arrested 12 protesters in Laurel County, Kentucky.",
            "arrested",
            "Laurel County",
            "admin2",
        ),
        ("Protesters rallied in Texas against the new law.", "rallied", "Texas", "region"),
        # a chain of "of"/"in"/"at"/"near" under the clause's own preposition, with a
        # second place in the sentence so that "the only place" cannot decide
        (
            "Russian forces based in Crimea shelled a hospital in the suburbs of Kherson.",
            "shelled",
            "Kherson",
            "exact",
        ),
        (
            "Israeli police from Tel Aviv clashed with worshippers at the gates of the mosque in Jerusalem.",
            "clashed",
            "Jerusalem",
            "exact",
        ),
        (
            "Russian troops based in Belgorod attacked positions on the outskirts of the town near Bakhmut.",
            "attacked",
            "Bakhmut",
            "exact",
        ),
        (
            "Russian troops based in Belgorod attacked positions on the edge of the forest at Vovchansk.",
            "attacked",
            "Vovchansk",
            "exact",
        ),
        (
            "Soldiers from Lviv were killed on the outskirts in Bakhmut.",
            "killed",
            "Bakhmut",
            "exact",
        ),
        # the place of the object, of the agent, under "on", named by a compound
        (
            "Russian forces based in Crimea shelled a hospital in Kherson.",
            "shelled",
            "Kherson",
            "exact",
        ),
        (
            "The town was shelled by forces near Bakhmut, officials in Kyiv said.",
            "shelled",
            "Bakhmut",
            "exact",
        ),
        ("Russian forces based in Crimea launched strikes on Odesa.", "strikes", "Odesa", "exact"),
        (
            "Russian forces based in Crimea shelled villages in the Kursk region.",
            "shelled",
            "Kursk region",
            "region",
        ),
        # the object's own "of" place, but not a country that owns the object
        ("Soldiers from Lviv stormed the airport of Donetsk.", "stormed", "Donetsk", "exact"),
        ("Russian troops shelled the outskirts of Kherson.", "shelled", "Kherson", "exact"),
        ("Gunmen attacked the embassy of Ukraine in Kabul.", "attacked", "Kabul", "exact"),
        ("Russian troops attacked the forces of Ukraine.", "attacked", None, None),
        # the dateline's place for a local event whose text names none
        (
            "MAIDUGURI, Nigeria - Gunmen killed two soldiers near a checkpoint on Tuesday.",
            "killed",
            "Maiduguri",
            "dateline",
        ),
    ],
)
def test_event_place_and_its_precision(
    text: str, trigger: str, place: str | None, geo_precision: str | None, nlp: Language
) -> None:
    _, got = _one_event(text, nlp, trigger)
    assert (got["place"], got["geo_precision"]) == (place, geo_precision)


@pytest.mark.parametrize(
    ("text", "trigger", "time", "time_from", "value"),
    [
        (
            "Russian forces shelled a market in Kharkiv on Monday.",
            "shelled",
            "Monday",
            "clause",
            "2025-03-10",
        ),
        (
            "Russian troops captured Sudzha on March 3. Ukrainian forces attacked the town.",
            "attacked",
            "March 3",
            "narrative",
            "2025-03-03",
        ),
        # a new paragraph starts a new narrative: the publication date
        (
            "Russian troops captured Sudzha on March 3.\n\nUkrainian forces attacked the town.",
            "attacked",
            None,
            "published",
            "2025-03-13",
        ),
        # a date told after the event's sentence is not its narrative
        (
            "Ukrainian forces attacked the town. Russian troops had captured Sudzha on March 3.",
            "attacked",
            None,
            "published",
            "2025-03-13",
        ),
        # the last date told before the sentence, not the first
        (
            "Talks failed on March 3. Russian troops captured Sudzha on March 5. "
            "Ukrainian forces attacked the town.",
            "attacked",
            "March 5",
            "narrative",
            "2025-03-05",
        ),
        # only the event's own paragraph, not an earlier one
        (
            "Russian troops captured Sudzha on March 3.\n\nTalks resumed in Geneva on March 5."
            "\n\nUkrainian forces attacked the town.",
            "attacked",
            None,
            "published",
            "2025-03-13",
        ),
        # a date at the very start of the text counts
        (
            "March 3 was quiet. Ukrainian forces attacked the town.",
            "attacked",
            "March 3",
            "narrative",
            "2025-03-03",
        ),
        # a duration gives no date
        (
            "Fighting lasted for three days. Ukrainian forces attacked the town.",
            "attacked",
            None,
            "published",
            "2025-03-13",
        ),
    ],
)
def test_event_time_and_where_it_came_from(
    text: str, trigger: str, time: str | None, time_from: str, value: str, nlp: Language
) -> None:
    _, got = _one_event(text, nlp, trigger)
    assert (got["time"], got["time_from"], got["time_value"]) == (time, time_from, value)
    assert got["time_precision"] == "day"


def test_a_date_from_the_sentence_is_marked_as_such(nlp: Language) -> None:
    """The clause of "shelled" names no day; its sentence does."""
    text = "The talks on Monday ended after Russian troops shelled Kharkiv."
    _, got = _one_event(text, nlp, "shelled")
    assert (got["time"], got["time_from"], got["time_value"]) == (
        "Monday",
        "sentence",
        "2025-03-10",
    )
    text = "On Monday, officials said, Russian troops shelled Kharkiv again."
    _, got = _one_event(text, nlp, "shelled")
    assert (got["time"], got["time_from"]) == ("Monday", "clause")


def test_a_month_gives_month_precision(nlp: Language) -> None:
    text = "Russian troops captured Sudzha in August 2024."
    _, got = _one_event(text, nlp, "captured")
    assert (got["time_value"], got["time_precision"], got["time_from"]) == (
        "2024-08",
        "month",
        "clause",
    )


def test_each_event_takes_its_own_sentences_date(nlp: Language) -> None:
    text = (
        "Russia attacked the town, officials said on Monday. "
        "Ukraine reportedly shelled Belgorod, the governor said on Tuesday."
    )
    result = analyze(article_from_text(text, published="2025-03-13"), nlp)
    assert [(e.time_from, e.time_value) for e in result.events] == [
        ("sentence", "2025-03-10"),
        ("sentence", "2025-03-11"),
    ]


def test_an_event_without_a_time_takes_the_wire_datelines_day(nlp: Language) -> None:
    """ "KABUL, March 5 (Reuters) -": the story reports from March 5, though the
    feed stamped it the day after; a date the text gives still comes first."""
    text = (
        "KABUL, March 5 (Reuters) - A suicide bomber killed 12 people at a market "
        "in eastern Afghanistan, officials said.\n\n"
        "On Monday, Afghan forces arrested three suspects in Paktia province."
    )
    result = analyze(article_from_text(text, published="2013-03-06"), nlp)
    assert (result.article.dateline, result.article.dateline_date) == ("KABUL", "2013-03-05")
    when = {text_of(result, e.trigger): (e.time_from, e.time_value) for e in result.events}
    assert when["killed"] == ("dateline", "2013-03-05")
    assert when["arrested"] == ("clause", "2013-03-04")


def text_of(result: Analysis, span: tuple[int, int]) -> str:
    return result.article.text[span[0] : span[1]]


@pytest.mark.parametrize(
    ("day", "published", "expected"),
    [
        ("March 5", "2013-03-06", "2013-03-05"),
        ("Dec. 31", "2014-01-02", "2013-12-31"),  # the year before
        ("Jan 2", "2013-12-31", "2014-01-02"),
        ("March 5", None, None),  # no year to give it
        ("June 5", "2013-03-06", None),  # too far from the publication to be its day
    ],
)
def test_dateline_day_as_a_date(day: str, published: str | None, expected: str | None) -> None:
    assert dateline_date(day, published) == expected


@pytest.mark.parametrize(
    ("text", "trigger", "time_from", "value"),
    [
        # a past tense goes on with the paragraph's last date
        (
            "Russian troops captured Sudzha on March 3. Ukraine vowed to attack the town.",
            "attack",
            "narrative",
            "2025-03-03",
        ),
        # a present tense is about the day of the report, not the paragraph's date
        (
            "Russian troops captured Sudzha on March 3. Ukrainian forces are shelling the town.",
            "shelling",
            "published",
            "2025-03-13",
        ),
        (
            "Russian troops captured Sudzha on March 3. Ukraine says it will attack the town.",
            "attack",
            "published",
            "2025-03-13",
        ),
        # a past perfect is past
        (
            "Russian troops captured Sudzha on March 3. Ukrainian forces had shelled the town.",
            "shelled",
            "narrative",
            "2025-03-03",
        ),
    ],
)
def test_only_a_past_tense_takes_the_narratives_date(
    text: str, trigger: str, time_from: str, value: str, nlp: Language
) -> None:
    _, got = _one_event(text, nlp, trigger)
    assert (got["time_from"], got["time_value"]) == (time_from, value)


@pytest.mark.parametrize(
    ("text", "trigger", "time"),
    [
        # the verb's own adverbial, though a date inside a noun comes first
        ("Ukraine rejected the 2022 agreement with Russia on Monday.", "rejected", "Monday"),
        (
            "A week after the March 3 talks, Russian troops shelled Kharkiv on Monday.",
            "shelled",
            "Monday",
        ),
        # of two adverbials the one nearer the verb
        ("On March 3, the day after talks, Russian troops shelled Kharkiv.", "shelled", "March 3"),
    ],
)
def test_the_clause_date_is_the_verbs_own(
    text: str, trigger: str, time: str, nlp: Language
) -> None:
    _, got = _one_event(text, nlp, trigger)
    assert (got["time"], got["time_from"]) == (time, "clause")


def test_any_event_word_gets_the_cascades_time(nlp: Language) -> None:
    """``time_of_mention``: what the evaluation scores on every gold event mention,
    coded as an event or not."""
    from newsevents.extract.events.place_time import time_of_mention

    text = (
        "Shares of Ford rose on Monday. The carmaker had announced the cuts earlier. "
        "Analysts expect more cuts.\n\nThe company sells cars in 2026."
    )
    result = analyze(article_from_text(text, published="2025-03-13"), nlp)
    doc = nlp(result.article.text)

    def when(word: str) -> tuple[str | None, str]:
        tok = next(t for t in doc if t.text == word)
        return time_of_mention(tok, result.article, result.times)

    assert when("rose") == ("2025-03-10", "clause")
    assert when("announced") == ("2025-03-10", "narrative")
    assert when("expect") == ("2025-03-13", "published")
    assert when("sells") == ("2026", "clause")
