"""The time peers of `eval meantime`: HeidelTime's TimeML read back onto the
text's own offsets, and dateparser valued at the granularity it resolved."""

from newsevents.evaluation.peers_time import _timeml, run_dateparser


def test_timeml_tags_land_on_the_original_offsets() -> None:
    text = "Talks between A & B resumed on Monday.\nThey end in 2026."
    out = (
        '<?xml version="1.0"?>\n<!DOCTYPE TimeML SYSTEM "TimeML.dtd">\n<TimeML>\n'
        'Talks between A &amp; B resumed on <TIMEX3 tid="t1" type="DATE" '
        'value="2025-03-10">Monday</TIMEX3>.\nThey end in <TIMEX3 tid="t2" type="DATE" '
        'value="2026">2026</TIMEX3>.\n</TimeML>\n'
    )
    found = _timeml(out, text)
    assert [(text[s:e], kind, value) for s, e, kind, value in found] == [
        ("Monday", "DATE", "2025-03-10"),
        ("2026", "DATE", "2026"),
    ]


def test_dateparser_values_follow_the_granularity_it_found() -> None:
    text = "The ceasefire of March 3, 2025 held until June 2025, officials said."
    found = [(text[s:e], value) for s, e, _, value in run_dateparser(text, "2025-07-01")]
    # its spans are its own ("of March 3, 2025"); the values are what is compared
    assert [value for _, value in found] == ["2025-03-03", "2025-06"]
    assert "March 3, 2025" in found[0][0] and found[1][0] == "June 2025"


def test_nested_times_are_judged_on_the_one_that_lines_up() -> None:
    from newsevents.evaluation.meantime import GoldTimex, TimeDoc, TimeScore, _tally

    text = "The plant closed two years ago."
    gold = [GoldTimex(17, 26, "two years", "DURATION", "P2Y")]
    doc = TimeDoc("x", text, "2008-05-24", gold, scored_until=len(text))
    nested = [(17, 30, "two years ago", "2006"), (17, 26, "two years", "P2Y")]
    parts: dict[str, TimeScore] = {}
    _tally(parts, doc, nested, None)
    assert parts["all"].durations_exact == 1
    # one time over the gold span, with another value, is no match
    parts = {}
    _tally(parts, doc, nested[:1], None)
    assert (parts["all"].found, parts["all"].durations_exact) == (1, 0)
