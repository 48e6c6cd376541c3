from datetime import date

import pytest
from spacy.language import Language

from newsevents import Analysis, analyze, article_from_text
from newsevents.extract.times import _NEEDS, Tense, normalize

THU = date(2025, 3, 13)  # a Thursday


def _found(sentence: str, published: str, nlp: Language) -> set[tuple[str, str | None]]:
    """(text, value) of every time found in ``sentence`` published on ``published``."""
    return {
        (t.text, t.value)
        for t in analyze(article_from_text(sentence, published=published), nlp).times
    }


def test_reference_times(reference: Analysis) -> None:
    values = {t.text: t.value for t in reference.times}
    assert values["this Thursday"] == "2025-03-13"
    assert values["yesterday"] == "2025-03-12"
    assert values["today"] == "2025-03-13"
    assert values["February 11"] == "2025-02-11"
    assert values["Wednesday"] == "2025-03-12"
    assert values["August of last year"] == "2024-08"
    assert values["the last five days"] == "P5D"
    assert values["thirty-day"] == "P30D"
    assert values["an hour and a half"] == "PT1H30M"
    for t in reference.times:
        assert reference.article.text[t.span[0] : t.span[1]] == t.text


@pytest.mark.parametrize(
    ("text", "tense", "kind", "value"),
    [
        ("yesterday", None, "date", "2025-03-12"),
        ("tomorrow", None, "date", "2025-03-14"),
        ("Monday", None, "date", "2025-03-10"),
        ("Monday", "future", "date", "2025-03-17"),
        ("Thursday", None, "date", "2025-03-13"),
        ("last Thursday", None, "date", "2025-03-06"),
        ("next Tuesday", None, "date", "2025-03-18"),
        ("this Saturday", "future", "date", "2025-03-15"),
        ("December 24", "past", "date", "2024-12-24"),
        ("March 20", "future", "date", "2025-03-20"),
        ("January", "future", "date", "2026-01"),
        ("last month", None, "date", "2025-02"),
        ("next year", None, "date", "2026"),
        ("last week", None, "date", "2025-W10"),
        ("three days ago", None, "date", "2025-03-10"),
        ("14 February 2022", None, "date", "2022-02-14"),
        ("March 2024", None, "date", "2024-03"),
        ("2019", None, "date", "2019"),
        ("two weeks", None, "duration", "P2W"),
        ("48 hours", None, "duration", "PT48H"),
        ("five-year", None, "duration", "P5Y"),
        ("the past three months", None, "duration", "P3M"),
        ("two and a half years", None, "duration", "P2Y6M"),
        ("every week", None, "set", "P1W"),
        ("the near future", None, "date", "FUTURE_REF"),
        ("the long term", None, "date", "FUTURE_REF"),
        ("the time being", None, "date", "PRESENT_REF"),
        ("earlier today", None, "date", "2025-03-13"),
        ("later this year", "future", "date", "2025"),
        ("the end of this year", "future", "date", "2025"),
        ("the previous year", None, "date", "2024"),
        ("the 1990s", None, "date", "199"),
        ("the '80s", None, "date", "198"),
        ("several years", None, "duration", "PXY"),
        ("centuries", None, "duration", "PXCE"),
        ("four centuries", None, "duration", "P400Y"),
        ("half a century", None, "duration", "P50Y"),
        ("the next decade", None, "duration", "P10Y"),
        ("2100", None, "date", "2100"),
        ("minutes", None, "duration", "PTXM"),
        ("two consecutive quarters", None, "duration", "P2Q"),
        ("early 2009", None, "date", "2009"),
        ("mid-2011", None, "date", "2011"),
        ("the fourth quarter of 2005", None, "date", "2005-Q4"),
        ("the fourth quarter", None, "date", "2024-Q4"),
        ("the past week", None, "duration", "P1W"),
        ("late Wednesday", None, "date", "2025-03-12"),
        ("16:08 UTC", None, "time", "2025-03-13T16:08"),
        ("0800 GMT", None, "time", "2025-03-13T08:00"),
        ("3:30 p.m.", None, "time", "2025-03-13T15:30"),
        ("Aug. 10", None, "date", "2025-08-10"),
        ("Sept. 11", "past", "date", "2024-09-11"),
        ("December 24", None, "date", "2024-12-24"),
        ("April 2", None, "date", "2025-04-02"),
        ("November", None, "date", "2025-11"),
        ("November", "past", "date", "2024-11"),
        ("last November", None, "date", "2024-11"),
        ("this November", None, "date", "2025-11"),
        ("next February", None, "date", "2026-02"),
        ("last summer", None, "date", "2024-SU"),
        ("this fall", None, "date", "2025-FA"),
        ("late summer", "past", "date", "2024-SU"),
        ("the start of last spring", None, "date", "2024-SP"),
        ("this weekend", None, "date", "2025-W11-WE"),
        ("the weekend", "past", "date", "2025-W10-WE"),
        ("next weekend", None, "date", "2025-W12-WE"),
        ("Christmas", "past", "date", "2024-12-25"),
        ("Easter", "future", "date", "2025-04-20"),
        ("Thanksgiving", "future", "date", "2025-11-27"),
        ("last year's", None, "date", "2024"),
        ("only six months ago", None, "date", "2024-09"),
        ("a year ago", None, "date", "2024"),
        ("a few months ago", None, "date", "PAST_REF"),
        ("the first half of 2015", None, "date", "2015-H1"),
        ("the second half of this year", None, "date", "2025-H2"),
        ("the beginning of 2013", None, "date", "2013"),
        ("late last month", None, "date", "2025-02"),
        ("earlier last week", None, "date", "2025-W10"),
        ("later Monday", None, "date", "2025-03-10"),
        ("the end of February", "past", "date", "2025-02"),
        ("just 12 weeks", None, "duration", "P12W"),
        ("four more years", None, "duration", "P4Y"),
        # hedges stacked, and "another" with no count: one more
        ("at least two more years", None, "duration", "P2Y"),
        ("at least another 18 months", None, "duration", "P18M"),
        ("another year", None, "duration", "P1Y"),
        ("at least another week", None, "duration", "P1W"),
        ("the end of the year", None, "date", "2025"),
        ("the end of the month", None, "date", "2025-03"),
        ("year-end", None, "date", "2025"),
        ("the 20th century", None, "date", "19"),
        ("a quarter-century", None, "duration", "P25Y"),
    ],
)
def test_normalize(text: str, tense: Tense, kind: str, value: str | None) -> None:
    got_kind, got_value, _ = normalize(text, THU, tense)
    assert (got_kind, got_value) == (kind, value)


def test_relative_without_publication_date_gets_no_value() -> None:
    assert normalize("yesterday", None)[1] is None
    assert normalize("Wednesday", None)[1] is None
    assert normalize("14 February 2022", None)[1] == "2022-02-14"
    assert normalize("five days", None)[1] == "P5D"


def test_tense_decides_the_weekday(nlp: Language) -> None:
    text = (
        "The envoy met the minister on Monday. He will travel to Riyadh on Friday "
        "and plans to meet the crown prince on Saturday."
    )
    result = analyze(article_from_text(text, published="2025-03-13"), nlp)
    values = {t.text: t.value for t in result.times}
    assert values == {"Monday": "2025-03-10", "Friday": "2025-03-14", "Saturday": "2025-03-15"}
    for t in result.times:
        assert t.anchor == "published"


def test_numbers_and_ordinals_are_not_times(nlp: Language) -> None:
    text = "Officials said 24 people were hurt in a second round of strikes, up 80% on the week."
    result = analyze(article_from_text(text, published="2025-03-13"), nlp)
    assert all(t.text not in ("24", "a second", "80%") for t in result.times)


def test_an_article_before_a_counted_duration_is_no_number(nlp: Language) -> None:
    for text, value in (
        ("Oil prices hit a five-year high on Monday.", "P5Y"),
        ("The talks followed a four-week pause.", "P4W"),
        ("The ministers met for an hour and a half.", "PT1H30M"),
    ):
        times = analyze(article_from_text(text, published="2025-03-10"), nlp).times
        assert value in [t.value for t in times], (text, times)


def test_a_time_never_runs_across_a_line_break(nlp: Language) -> None:
    """The model joins a headline's year to the dateline under it."""
    from newsevents.model import Article

    text = "Ministers agree to cut emissions by 2030\n\nJanuary 23, 2026\n\nThe ministers met."
    result = analyze(Article(id="x", text=text, published="2026-01-23"), nlp)
    assert {(t.text, t.value) for t in result.times} >= {
        ("2030", "2030"),
        ("January 23, 2026", "2026-01-23"),
    }
    assert all("\n" not in t.text for t in result.times)


def test_clock_times_are_times_and_utc_no_organisation(nlp: Language) -> None:
    text = "The explosion was reported at 16:08 UTC near the port of Odesa on Thursday."
    result = analyze(article_from_text(text, published="2025-03-13"), nlp)
    assert ("16:08 UTC", "time", "2025-03-13T16:08") in {
        (t.text, t.kind, t.value) for t in result.times
    }
    assert not [e for e in result.entities if e.name in ("UTC", "16:08 UTC")]


def test_the_story_moves_the_anchor(nlp: Language) -> None:
    """ "Two days later" counts from the last date the story told, not from the
    publication day; the anchor names that time."""
    text = (
        "Talks opened in Geneva on March 3. Two days later the delegations left. "
        "The next day a ceasefire began."
    )
    times = analyze(article_from_text(text, published="2025-03-13"), nlp).times
    by_text = {t.text: t for t in times}
    opened = by_text["March 3"]
    assert by_text["Two days later"].value == "2025-03-05"
    assert by_text["Two days later"].anchor == opened.id
    assert by_text["The next day"].value == "2025-03-06"


def test_a_count_back_to_the_story_ends_its_own_clause(nlp: Language) -> None:
    """The model tags "March 3 and ended two days later" as one date: the two
    clauses' times are found apart, and the second counts from the first."""
    found = _found("The talks began on March 3 and ended two days later.", "2025-03-13", nlp)
    assert found == {("March 3", "2025-03-03"), ("two days later", "2025-03-05")}
    found = _found("The rebels took the town on Friday and left a week later.", "2025-03-13", nlp)
    assert ("a week later", "2025-03-14") in found


def test_a_day_of_the_month_alone_takes_the_story_month_or_the_tense_one(
    nlp: Language,
) -> None:
    published = "2025-06-14"
    assert ("the 3rd", "2025-06-03") in _found("The vote took place on the 3rd.", published, nlp)
    assert ("the 31st", "2025-05-31") in _found("The bill passed on the 31st.", published, nlp)
    found = _found("Talks will resume on the 2nd and end on the 15th.", published, nlp)
    assert {("the 2nd", "2025-07-02"), ("the 15th", "2025-06-15")} <= found
    # an ordinal that counts something is no day
    for text in (
        "The vote took place on the 3rd floor.",
        "The posting is the 12th release.",
        "They will mark the 25th anniversary of the war.",
    ):
        assert all(value is None for _, value in _found(text, published, nlp)), text


def test_the_early_hours_of_a_day_are_that_day(nlp: Language) -> None:
    """ "hours" in "the early hours of Sunday" is no stretch of unknown length."""
    published = "2025-05-14"  # a Wednesday
    for text, day in (
        ("The fighting continued into the early hours of Wednesday.", "2025-05-14"),
        ("Troops entered the city in the early hours of Sunday.", "2025-05-11"),
        ("The blaze broke out in the early hours of Sunday morning.", "2025-05-11TMO"),
    ):
        values = {value for _, value in _found(text, published, nlp)}
        assert values == {day}, text


def test_the_day_and_the_same_period_last_year_follow_the_story(nlp: Language) -> None:
    """A market report's "the day" is the day the story is on, not always the
    publication day; "the same period last year" is the month just named, a year
    earlier."""
    text = (
        "The carmaker said on Tuesday that its sales rose 40% in February compared to "
        "the same period last year. Its shares rose in morning trading before falling "
        "later in the day."
    )
    times = analyze(article_from_text(text, published="2025-03-13"), nlp).times
    by_text = {t.text: t for t in times}
    assert by_text["Tuesday"].value == "2025-03-11"
    assert by_text["the day"].value == "2025-03-11"  # "later in the day"
    assert by_text["the same period last year"].value == "2024-02"
    assert by_text["the same period last year"].anchor == by_text["February"].id
    alone = analyze(
        article_from_text("The index closed the day 2% higher.", published="2025-03-13"), nlp
    ).times
    assert [(t.text, t.value) for t in alone] == [("the day", "2025-03-13")]


def test_unnamed_stretches_and_the_past(nlp: Language) -> None:
    """ "in just minutes", "for years" are durations without a count; "mistakes of
    the past" is PAST_REF, but "the past two years" stays a counted duration."""
    text = (
        "The index lost the gains in just minutes. The two sides have argued for years. "
        "He would not repeat the mistakes of the past. Prices rose in the past two years."
    )
    times = analyze(article_from_text(text, published="2025-03-13"), nlp).times
    found = {(t.text, t.kind, t.value) for t in times}
    assert ("minutes", "duration", "PTXM") in found
    assert ("years", "duration", "PXY") in found
    assert ("the past", "date", "PAST_REF") in found
    assert ("the past two years", "duration", "P2Y") in found


def test_two_times_joined_are_split_and_trailing_words_dropped(nlp: Language) -> None:
    text = (
        "Sales fell between April and June. Music of the 70s and 80s returned. "
        "Police said this morning that the talks run from Monday to Friday."
    )
    times = analyze(article_from_text(text, published="2025-03-13"), nlp).times
    found = {(t.text, t.value) for t in times}
    assert {("April", "2024-04"), ("June", "2024-06"), ("70s", "197")} <= found
    assert ("this morning", "2025-03-13TMO") in found
    assert {"Monday", "Friday"} <= {t.text for t in times}


def test_reference_words_are_times_but_date_no_event(nlp: Language) -> None:
    result = analyze(
        article_from_text(
            "Russian troops are currently shelling Kharkiv, officials said. "
            "Ukraine recently signed a deal with the United States. "
            "The current ceasefire talks have stalled.",
            published="2025-03-13",
        ),
        nlp,
    )
    values = {t.text: t.value for t in result.times}
    assert values["currently"] == "PRESENT_REF"
    assert values["recently"] == "PAST_REF"
    assert values["current"] == "PRESENT_REF"
    by_id = {t.id: t for t in result.times}
    for ev in result.events:  # "currently" says when relative to now: the article's day
        assert ev.time is None or not by_id[ev.time].value.endswith("_REF")
        assert ev.time_value == "2025-03-13", ev


@pytest.mark.parametrize(
    ("sentence", "published", "expression", "value"),
    [
        # scheduled and obliged acts point forward
        ("The trial is set to begin on Wednesday in London.", THU, "Wednesday", "2025-03-19"),
        ("The sale should be completed in October.", THU, "October", "2025-10"),
        ("The trial began on Wednesday in London.", THU, "Wednesday", "2025-03-12"),
        ("The sale was completed in October.", THU, "October", "2024-10"),
        # the verb's own tense decides, through participles and infinitives
        ("He stepped down on July 24, the day before the vote.", THU, "July 24", "2024-07-24"),
        ("Despite winning the primary there in February, she lost.", THU, "February", "2025-02"),
        ("Markets had their best week since November.", THU, "November", "2024-11"),
        # a modal is no past act, and a day without a year is the nearest one
        (
            "Voters said they could change their minds before April 26.",
            THU,
            "April 26",
            "2025-04-26",
        ),
        ("The results are public on Jan. 2.", date(2025, 12, 20), "Jan. 2", "2026-01-02"),
    ],
)
def test_the_clause_tense_places_a_date(
    nlp: Language, sentence: str, published: date, expression: str, value: str
) -> None:
    assert (expression, value) in _found(sentence, published.isoformat(), nlp)


def test_ranges_with_a_dash_are_two_dates(nlp: Language) -> None:
    text = "She served from 1981-1989. The poll ran March 30-April 4 among voters."
    found = {
        (t.text, t.value)
        for t in analyze(article_from_text(text, published="2025-04-10"), nlp).times
    }
    assert {
        ("1981", "1981"),
        ("1989", "1989"),
        ("March 30", "2025-03-30"),
        ("April 4", "2025-04-04"),
    } <= found


def test_the_story_names_the_year_that_later_years_count_from(nlp: Language) -> None:
    text = (
        "He was elected to the state senate in 2004. The following year he ran for governor, "
        "and three years later he left politics."
    )
    times = analyze(article_from_text(text, published="2025-03-13"), nlp).times
    by_text = {t.text.lower(): t for t in times}
    assert by_text["the following year"].value == "2005"
    assert by_text["three years later"].value == "2007"
    assert by_text["the following year"].anchor == by_text["2004"].id


def test_a_date_and_an_offset_after_a_comma_are_two_times(nlp: Language) -> None:
    text = "He stepped down on June 17, two days before the vote. On Monday, March 3, 2008, troops left."
    found = {
        (t.text, t.value)
        for t in analyze(article_from_text(text, published="2008-07-01"), nlp).times
    }
    assert {("June 17", "2008-06-17"), ("two days", "P2D")} <= found
    assert ("Monday, March 3, 2008", "2008-03-03") in found  # a weekday and its date stay one


@pytest.mark.parametrize(
    ("sentence", "expression", "value"),
    [
        ("The deal was signed in the spring.", "the spring", "2025-SP"),
        ("Prices fell during the summer.", "the summer", "2024-SU"),
        ("The deal will be signed in the autumn.", "the autumn", "2025-FA"),
        ("Talks resumed in the summer of 2008.", "the summer of 2008", "2008-SU"),
        ("The deal will be signed in the autumn of 2026.", "the autumn of 2026", "2026-FA"),
    ],
)
def test_seasons_with_and_without_a_year(
    nlp: Language, sentence: str, expression: str, value: str
) -> None:
    published = "2025-05-15"
    assert (expression, value) in _found(sentence, published, nlp)


@pytest.mark.parametrize(
    ("sentence", "published", "expression", "value"),
    [
        # a quotation the verb reports does not lend it its future
        (
            "“It is going to be useless,” the minister told reporters Saturday.",
            "2016-02-08",
            "Saturday",
            "2016-02-06",
        ),
        # planned, but told after the fact
        ("He was set to receive an endorsement on Friday.", "2016-03-12", "Friday", "2016-03-11"),
        ("He is set to receive an endorsement on Friday.", "2016-03-12", "Friday", "2016-03-18"),
        (
            "Voters were less likely to vote for them in November.",
            "2016-04-22",
            "November",
            "2016-11",
        ),
    ],
)
def test_the_verbs_own_words_give_the_direction(
    nlp: Language, sentence: str, published: str, expression: str, value: str
) -> None:
    assert (expression, value) in _found(sentence, published, nlp)


@pytest.mark.parametrize(
    ("sentence", "expression", "value"),
    [
        # the model's span runs over words that are not the time
        ("In an interview last week, the envoy described the meeting.", "last week", "2016-W04"),
        ("He was named Person of the Year in 1938.", "1938", "1938"),
        (
            "The files will not be released until the end of February - after the caucuses.",
            "the end of February",
            "2016-02",
        ),
        # ... or leaves out the word that says which
        ("In this year's contest, voters stayed home.", "this year", "2016"),
        ("The mill was knocked down in the early 1990s.", "the early 1990s", "199"),
        ("Cruz turned on Trump this past week.", "this past week", "2016-W04"),
        ("After a decade's struggle, the rebels won.", "a decade", "P10Y"),
        ("Justice Thomas broke a decade-long silence.", "a decade", "P10Y"),
        ("The poll was conducted between Oct. 30 and Nov. 9 by phone.", "Nov. 9", "2015-11-09"),
        ("The survey, taken Jan. 11-14, showed a lead.", "Jan. 11-14", "2016-01-11"),
        ("He has held rallies for the past several weeks.", "the past several weeks", "PXW"),
        ("During the first two years of her term, donors met her.", "the first two years", "P2Y"),
    ],
)
def test_the_time_inside_a_loose_span(
    nlp: Language, sentence: str, expression: str, value: str
) -> None:
    assert (expression, value) in _found(sentence, "2016-02-05", nlp)


def test_a_stretch_ago_is_both_a_duration_and_a_date(nlp: Language) -> None:
    result = analyze(
        article_from_text(
            "The plant closed two years ago, officials said.", published="2008-05-24"
        ),
        nlp,
    )
    found = [(t.text, t.kind, t.value) for t in result.times]
    assert found == [("two years", "duration", "P2Y"), ("two years ago", "date", "2006")]
    # an event is dated by the date, not by the stretch
    result = analyze(
        article_from_text("Rebels attacked the town two years ago.", published="2008-05-24"), nlp
    )
    assert [(e.time_value, e.time_from) for e in result.events] == [("2006", "clause")]


@pytest.mark.parametrize(
    ("sentence", "expression", "value"),
    [
        # the record is set in the stretch being reported (Friday 2009-03-13)
        ("Wall Street had its worst day since October.", "its worst day", "2009-03-13"),
        ("US stocks had their best week since November.", "their best week", "2009-W11"),
        ("Carmakers had their strongest month in years.", "their strongest month", "2009-03"),
    ],
)
def test_a_record_set_is_the_stretch_being_reported(
    nlp: Language, sentence: str, expression: str, value: str
) -> None:
    assert (expression, value) in _found(sentence, "2009-03-13", nlp)


def test_a_best_day_of_something_else_is_no_record_of_this_stretch(nlp: Language) -> None:
    result = analyze(
        article_from_text("It was the best day of my life, he said.", published="2009-03-13"), nlp
    )
    assert all(t.value != "2009-03-13" for t in result.times)


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        # Western Easter in years whose dates differ in month and day (calendar facts)
        ("Easter", "2024-01-10", "2024-03-31"),
        ("Easter", "2019-01-10", "2019-04-21"),
        ("Easter", "2008-01-10", "2008-03-23"),
        ("Easter Sunday", "2038-01-10", "2038-04-25"),
        ("Easter", "2000-01-10", "2000-04-23"),
        ("Easter", "2011-01-10", "2011-04-24"),
        # the fourth Thursday of November, whatever weekday the month starts on
        ("Thanksgiving", "2023-01-10", "2023-11-23"),
        ("Thanksgiving Day", "2024-01-10", "2024-11-28"),
        ("Thanksgiving", "2018-01-10", "2018-11-22"),
        # fixed days
        ("Christmas Eve", "2024-01-10", "2024-12-24"),
        ("New Year's Eve", "2024-01-10", "2024-12-31"),
        ("Halloween", "2024-01-10", "2024-10-31"),
        ("Valentine's Day", "2024-01-10", "2024-02-14"),
        ("the Fourth of July", "2024-01-10", "2024-07-04"),
        ("Independence Day", "2024-01-10", "2024-07-04"),
        ("Veterans Day", "2024-01-10", "2024-11-11"),
        # US holidays by weekday rule, in years whose months start on different days
        ("Labor Day", "2016-01-10", "2016-09-05"),  # September 1 a Thursday
        ("Labor Day", "2025-01-10", "2025-09-01"),  # September 1 itself a Monday
        ("Memorial Day", "2016-01-10", "2016-05-30"),  # May 31 a Tuesday
        ("Memorial Day", "2021-01-10", "2021-05-31"),  # May 31 itself a Monday
        ("Election Day", "2016-01-10", "2016-11-08"),  # November 1 a Tuesday: not the 1st
        ("Election Day", "2020-01-10", "2020-11-03"),  # November 1 a Sunday
        ("Election Day", "2021-01-10", "2021-11-02"),  # November 1 a Monday
        ("Good Friday", "2024-01-10", "2024-03-29"),
    ],
)
def test_holidays_of_the_year_ahead(text: str, published: str, value: str) -> None:
    kind, got, _ = normalize(text, date.fromisoformat(published), "future")
    assert (kind, got) == ("date", value)


@pytest.mark.parametrize(
    ("sentence", "expression", "value"),
    [
        # "since" looks back whatever the verb's tense (published Thursday 2025-03-13)
        ("Prices remain high since November.", "November", "2024-11"),
        ("Prices remain high in November.", "November", "2025-11"),
        # a form of "be" is the clause's verb
        ("The summit will be on Friday.", "Friday", "2025-03-14"),
        ("The talks were in November.", "November", "2024-11"),
        ("The talks will be in November.", "November", "2025-11"),
        # "did" makes the bare verb past
        ("They did not vote in November.", "November", "2024-11"),
    ],
)
def test_the_clause_decides_which_way_a_month_or_weekday_lies(
    nlp: Language, sentence: str, expression: str, value: str
) -> None:
    assert (expression, value) in _found(sentence, "2025-03-13", nlp)


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("the next day", 1),
        ("The following  day", 1),
        ("the day after", 1),
        ("the previous day", -1),
        ("the preceding day", -1),
        ("the day before", -1),
        ("two days later", 2),
        ("three days afterwards", 3),
        ("a week earlier", -7),
        ("two weeks before", -14),
        ("two weeks after", 14),
        ("the day of the vote", None),
        ("two months later", None),
    ],
)
def test_days_from_the_last_date_told(text: str, days: int | None) -> None:
    from newsevents.extract.times import narrative_offset

    assert narrative_offset(text) == days


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("the following year", 1),
        ("the next  year", 1),
        ("the same year", 0),
        ("that same year", 0),
        ("that year", 0),
        ("the previous year", -1),
        ("the preceding year", -1),
        ("three years later", 3),
        ("two years afterwards", 2),
        ("four years earlier", -4),
        ("a year before", -1),
        ("the year of the war", None),
    ],
)
def test_years_from_the_last_year_told(text: str, years: int | None) -> None:
    from newsevents.extract.times import narrative_years

    assert narrative_years(text) == years


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("two days", "P2D"),
        ("36 hours", "PT36H"),
        ("90 minutes", "PT90M"),
        ("45 seconds", "PT45S"),
        ("a four-week", "P4W"),
        ("six months", "P6M"),
        ("a decade", "P10Y"),
        ("two decades", "P20Y"),
        ("a decade and a half", "P15Y"),
        ("four centuries", "P400Y"),
        ("a century", "P100Y"),
        ("an hour and a half", "PT1H30M"),
        ("a day and a half", "P1DT12H"),
        ("three and a half years", "P3Y6M"),
        ("a few days", None),
        ("several weeks", None),
    ],
)
def test_duration_values(text: str, value: str | None) -> None:
    from newsevents.extract.times import duration_value

    assert duration_value(text) == value


def test_numbers_before_a_time_do_not_stop_the_reading(nlp: Language) -> None:
    """An age or a percentage is passed over, and the times after it are still read;
    a relative time is anchored on the publication date, an absolute one on nothing."""
    text = "The 52-year-old, who took 12 percent, left on March 3, 2008, and came back on Monday."
    times = analyze(article_from_text(text, published="2025-03-13"), nlp).times
    assert [(t.text, t.value, t.anchor) for t in times] == [
        ("March 3, 2008", "2008-03-03", None),
        ("Monday", "2025-03-10", "published"),
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("this quarter", "2025-Q1"),
        ("next quarter", "2025-Q2"),
        ("the coming quarter", "2025-Q2"),
    ],
)
def test_quarters_counted_from_the_publication_date(text: str, value: str) -> None:
    assert normalize(text, THU, None)[:2] == ("date", value)


def test_a_quarter_the_model_tags_without_its_determiner(nlp: Language) -> None:
    result = analyze(
        article_from_text(
            "Analysts expect this quarter's profits to fall.", published="2025-08-02"
        ),
        nlp,
    )
    assert [(t.text, t.value) for t in result.times] == [("this quarter", "2025-Q3")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # how long, then when: two times, each with its value
        (
            "The plant was closed for three months last year.",
            {("three months", "P3M"), ("last year", "2007")},
        ),
        # a hyphenated quarter: the last one begun, in a report of results
        ("Its third-quarter profit rose 5 percent.", {("third-quarter", "2007-Q3")}),
        ("The company's first-quarter results beat forecasts.", {("first-quarter", "2008-Q1")}),
    ],
)
def test_duration_then_date_and_hyphenated_quarters(
    sentence: str, expected: set[tuple[str, str | None]], nlp: Language
) -> None:
    assert _found(sentence, "2008-05-14", nlp) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a week or month next to the last day the story told
        (
            "Officials met on March 3. The army withdrew the following week.",
            {("March 3", "2008-03-03"), ("the following week", "2008-W11")},
        ),
        (
            "Officials met on March 3. The army had withdrawn the previous month.",
            {("March 3", "2008-03-03"), ("the previous month", "2008-02")},
        ),
        # with none told, next to the publication day
        ("The talks will continue the following week.", {("the following week", "2008-W21")}),
    ],
)
def test_the_following_week_or_month(
    sentence: str, expected: set[tuple[str, str | None]], nlp: Language
) -> None:
    assert _found(sentence, "2008-05-14", nlp) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Profits rose compared with the year before.", {("the year before", "2007")}),
        (
            "The company reported a loss in the previous quarter.",
            {("the previous quarter", "2008-Q1")},
        ),
        ("The bank expects growth in the current quarter.", {("the current quarter", "2008-Q2")}),
        (
            "The war began in 2003. The year after, the insurgency grew.",
            {("2003", "2003"), ("The year after", "2004")},
        ),
    ],
)
def test_the_year_before_and_the_current_quarter(
    sentence: str, expected: set[tuple[str, str | None]], nlp: Language
) -> None:
    assert _found(sentence, "2008-05-14", nlp) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # TIMEX3 PRESENT_REF, not "now-defunct"
        (
            "Shares are now trading at $4 and right now nobody buys the now-defunct brand.",
            {("now", "PRESENT_REF"), ("right now", "PRESENT_REF")},
        ),
        # a weekday with its part of the day is a time; a show named after a night is none
        (
            "Sanders spoke on Thursday morning and on Tuesday night.",
            {("Thursday morning", "2016-06-09TMO"), ("Tuesday night", "2016-06-14TNI")},
        ),
        ("He hosted Saturday Night Live in May.", {("May", "2016-05")}),
        ("North Korea conducted a nuclear test last night.", {("last night", "2016-06-14TNI")}),
        # holidays the model does not tag
        (
            "The rule takes effect after Labor Day.",
            {("Labor Day", "2016-09-05")},
        ),
        # clock hours without minutes
        (
            "The show airs at 9 a.m. and ends at 5 pm GMT.",
            {("9 a.m", "2016-06-15T09:00"), ("5 pm GMT", "2016-06-15T17:00")},
        ),
        # a season with its year after any word
        ("The economy of spring 2000 was strong.", {("spring 2000", "2000-SP")}),
        # the year of a month is the one the story told
        (
            "Obama took office in January 2009 and joblessness peaked in October of that year.",
            {("January 2009", "2009-01"), ("October of that year", "2009-10")},
        ),
        (
            "He arrived on March 3, 2010 and left on May 5 the same year.",
            {("March 3, 2010", "2010-03-03"), ("May 5 the same year", "2010-05-05")},
        ),
        # a part of a named year is that year
        (
            "Unemployment hit 10% in the final months of 2009.",
            {("the final months of 2009", "2009")},
        ),
        # "a single day" is a day; "the next few quarters" a stretch of unknown length
        ("The Dow lost 500 points in a single day.", {("a single day", "P1D")}),
        (
            "Analysts expect a recovery over the next few quarters.",
            {("the next few quarters", "PXQ")},
        ),
        # the decade and the century the story is in
        ("The plant will close at the end of the decade.", {("the end of the decade", "201")}),
        (
            "Emissions must end by the middle of this century.",
            {("the middle of this century", "20")},
        ),
    ],
)
def test_reference_words_parts_of_day_holidays_and_the_year_told(
    sentence: str, expected: set[tuple[str, str | None]], nlp: Language
) -> None:
    assert _found(sentence, "2016-06-15", nlp) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # every year of a list or a range, though the model tags only some
        (
            "She hosted in 1994, 1996, 1999 and 2002.",
            {("1994", "1994"), ("1996", "1996"), ("1999", "1999"), ("2002", "2002")},
        ),
        ("He emceed the 2004 and 2005 Tony Awards.", {("2004", "2004"), ("2005", "2005")}),
        ("He was an officer from 1996 to 2000.", {("1996", "1996"), ("2000", "2000")}),
        ("In 2004, 2,000 people left.", {("2004", "2004")}),
        # a month and its year with a comma between
        ("The store burned in February, 2003.", {("February, 2003", "2003-02")}),
        # a decade of life is an age, a decade with its century a decade
        ("In their 50s they retired.", set()),
        ("Her films span the 1930s and the '50s.", {("the 1930s", "193"), ("the '50s", "195")}),
        # a decade written with an apostrophe is no possessive of a year
        ("In the late 1980's the firm added audio.", {("the late 1980's", "198")}),
        # a part of the day alone is the story's day; index levels are no dates
        (
            "On June 14, shares rose in early afternoon trading to 8,579.19.",
            {("June 14", "2010-06-14"), ("early afternoon", "2010-06-14TAF")},
        ),
        # a counted stretch after "for", hedged and extended
        (
            "GM will build the sedan for at least two more years.",
            {("at least two more years", "P2Y")},
        ),
        # "this year" after a day says which year, whatever the tense
        (
            "The first strike came on November 2 this year.",
            {("November 2 this year", "2010-11-02")},
        ),
        (
            "The vote was held on December 15 of last year.",
            {("December 15 of last year", "2009-12-15")},
        ),
    ],
)
def test_lists_of_years_ages_and_the_year_after_a_day(
    sentence: str, expected: set[tuple[str, str | None]], nlp: Language
) -> None:
    assert _found(sentence, "2010-06-15", nlp) == expected


#: For each gated pattern, phrases it finds, one per word of its gate: a gate
#: word changed or dropped leaves a phrase the pattern finds but its gate refuses.
_GATED_EXAMPLES = [
    "said today",
    "said yesterday",
    "due tomorrow",
    "due tonight",
    "a 30-second clip",
    "a five-minute talk",
    "a two-hour wait",
    "a three-day visit",
    "a four-week stay",
    "a six-month term",
    "a five-year high",
    "a two-decade war",
    "in the near future",
    "in the long term",
    "for the time being",
    "earlier this week",
    "later this month",
    "three days later",
    "a week earlier",
    "mistakes of the past",
    "to end the day.",
    "in the spring",
    "in summer",
    "in the autumn",
    "by winter",
    "the current quarter",
    "the previous quarter",
    "the prior quarter",
    "the preceding quarter",
    "currently",
    "nowadays",
    "recently",
    "previously",
    "formerly",
    "the 1990s",
    "the 1980's",
    "the 1970\u2019s",
    "spring 2009",
    "summer 2010",
    "autumn 2011",
    "fall 2012",
    "winter 2013",
    "on Christmas Eve",
    "on New Year's Eve",
    "on Halloween",
    "on Valentine's Day",
    "on Boxing Day",
    "at Thanksgiving",
    "at Easter",
    "on Good Friday",
    "on the Fourth of July",
    "on Independence Day",
    "on Labor Day",
    "on Memorial Day",
    "on Veterans Day",
    "on Election Day",
    "at 0800 GMT",
    "at 1608 UTC",
    "ads this spring",
    "next summer",
    "last autumn",
    "this fall",
    "coming winter",
    "later that day",
    "the same day",
]


def test_every_word_of_a_pattern_gate_lets_its_phrases_through() -> None:
    """A pattern runs only over texts holding one of its gate words (a speed-up):
    each word must be one that some phrase the pattern finds holds alone."""
    used: set[tuple[int, str]] = set()
    for phrase in _GATED_EXAMPLES:
        lowered = phrase.lower()
        matched = [p for p in _NEEDS if p.search(phrase)]
        assert matched, phrase
        for pattern in matched:
            present = [w for w in _NEEDS[pattern] if w in lowered]
            assert present, (phrase, pattern.pattern[:40])
            used.update((id(pattern), w) for w in present if len(present) == 1)
    for pattern, words in _NEEDS.items():
        for word in words:
            assert (id(pattern), word) in used, (word, pattern.pattern[:40])


def test_at_least_is_no_preposition(nlp: Language) -> None:
    """ "for at least another year": "at" opens the hedge, it is not a preposition
    to trim off the span."""
    text = "Troops will remain in the country for at least another year."
    result = analyze(article_from_text(text, published="2024-03-13"), nlp)
    assert [(text[t.span[0] : t.span[1]], t.kind, t.value) for t in result.times] == [
        ("at least another year", "duration", "P1Y")
    ]


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        # a year before 1900 is a year
        ("Lincoln gave his second inaugural address in 1865.", "2016-07-27", ("1865", "1865")),
        ("The treaty was signed in March 1848.", "2016-07-27", ("March 1848", "1848-03")),
        # a numeric date the American way, when the European reading is no date
        ("He was attacked on 2/26/2012, he wrote.", "2016-05-13", ("2/26/2012", "2012-02-26")),
        ("The ceasefire began on 26/02/2012.", "2016-05-13", ("26/02/2012", "2012-02-26")),
        # "this", "last", "next" the model leaves outside a month, a season, a weekday
        (
            '"Make no mistake about it, this November, when we get to the polls, we decide."',
            "2016-07-27",
            ("this November", "2016-11"),
        ),
        ("The summit was held last March.", "2016-07-27", ("last March", "2016-03")),
        (
            "Democrats will run attack ads this fall tying them to Trump.",
            "2016-06-10",
            ("this fall", "2016-FA"),
        ),
        # the day the story is on, without its date
        (
            "The donations were all made that same day.",
            "2016-07-27",
            ("that same day", "2016-07-27"),
        ),
    ],
)
def test_forms_heideltime_values_and_we_did_not(
    sentence: str, published: str, expected: tuple[str, str], nlp: Language
) -> None:
    assert expected in _found(sentence, published, nlp)


def test_later_that_day_is_the_days_story(nlp: Language) -> None:
    """ "Later that day he was released": the clause after it is what happened that
    day, not which day it is ("the day he left" is still left without a value)."""
    found = _found(
        "Police arrested him on Monday. Later that day he was released.", "2016-07-27", nlp
    )
    assert ("Later that day", "2016-07-25") in found


def test_fall_as_a_drop_is_no_season(nlp: Language) -> None:
    found = _found("Traders saw this fall in the price of oil coming.", "2016-07-27", nlp)
    assert not any("fall" in text for text, _ in found)


def test_an_old_year_needs_a_preposition_to_be_one(nlp: Language) -> None:
    """A number the model calls a date is a year before 1900 only after "in",
    "since", "by" ...: a bill ("HB 1523") or a count ("1128 were for Cruz") is none."""
    found = _found("The court struck down HB 1523 on Friday.", "2016-07-02", nlp)
    assert not any(value == "1523" for _, value in found)
    assert ("1844", "1844") in _found("The Whigs lost in 1844.", "2016-07-02", nlp)


@pytest.mark.parametrize(
    ("sentence", "expression", "value"),
    [
        # a present in a clause of time takes the main clause's future
        (
            "Once the rule goes into effect on Dec. 1, many workers will receive more pay.",
            "Dec. 1",
            "2016-12-01",
        ),
        ("He said the vote on Dec. 1 was a mistake.", "Dec. 1", "2015-12-01"),
        # what someone vows or plans to do is still to come
        (
            "Sanders vowed to stay in the race through the primary on June 7.",
            "June 7",
            "2016-06-07",
        ),
        ("The rebels plan to attack on June 7.", "June 7", "2016-06-07"),
        # ... but not what was agreed to be done, nor a noun's promise
        (
            "The party agreed to let Trump use its voter file in late November.",
            "late November",
            "2015-11",
        ),
        # "last quarter" is the one before this; "the last quarter" of a year its fourth
        ("Facebook reported last quarter that users spent more.", "last quarter", "2016-Q1"),
        ("Profits rose in the last quarter of 2015.", "the last quarter of 2015", "2015-Q4"),
        # two decades joined, the second without its article
        ("The FBI watched dissenters in the 1950s and 1960s.", "1960s", "196"),
    ],
)
def test_which_way_a_date_points(nlp: Language, sentence: str, expression: str, value: str) -> None:
    assert (expression, value) in _found(sentence, "2016-05-19", nlp)
