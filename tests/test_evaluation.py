"""The evaluations run end to end and hold the quality the issues ask for.

These read the gold where it lives (``../shared/gold``) and our own sets in
``eval/data``; a drop below a floor fails the build. Each quality floor is
checked on the frozen part of its dev set (the part no rule was tuned on, its
errors never read), set a stated margin under the figure of the day, so that a
floor means "this still carries over", not "this still fits what it was fitted
to". Our own quote and claim sets have no frozen part: their floors are
regression checks only.
"""

from pathlib import Path

from spacy.language import Language

from newsevents.evaluation.case import load_case, score_case
from newsevents.evaluation.dev import load_dev, score_dev
from newsevents.evaluation.ecbplus import load_ecbplus
from newsevents.evaluation.geo import load_lgl, score_geo
from newsevents.evaluation.linking import score_linking
from newsevents.evaluation.plover import (
    _codes,
    load_plover_gold,
    plover_view,
    read_renames,
    score_plover,
)
from newsevents.evaluation.polnear import load_polnear, score_polnear
from newsevents.model import Event

from .conftest import ROOT, SHARED

PLOVER = SHARED / "gold" / "plover"


def test_renames_come_from_the_conversion_table() -> None:
    renames = read_renames(PLOVER / "CAMEO2PLOVER-2021.txt")
    assert renames == {
        "DEMAND": "REQUEST",
        "DISAPPROVE": "ACCUSE",
        "INVESTIGATE": "ACCUSE",
        "FIGHT": "ASSAULT",
    }


def test_plover_gold_actor_codes_are_countries_only() -> None:
    """A gold target given as a bare string ("", "diplomatic") is no country and
    must not be counted as one a system could match."""
    assert _codes("") == []
    assert _codes("diplomatic") == []
    assert _codes([{"code": "IRQ"}, {"code": "NGO"}]) == ["IRQ"]
    assert _codes({"code": "USA"}) == ["USA"]
    assert _codes(None) == []


def test_plover_view_of_intentions_and_refusals() -> None:
    base = {"id": "V1", "actors": ["E1"], "trigger": (0, 1), "sentence": (0, 1)}
    assert plover_view(Event(type="CONSULT", status="planned", **base)) == "AGREE"
    assert plover_view(Event(type="ASSAULT", status="hypothetical", **base)) == "THREATEN"
    assert plover_view(Event(type="AGREE", status="negated", **base)) == "REJECT"
    assert plover_view(Event(type="RETREAT", status="requested", **base)) == "REQUEST"
    assert plover_view(Event(type="ASSAULT", status="negated", **base)) == "ASSAULT"
    # a hedge is the outlet's caution, not an intention: the act is what PLOVER codes
    hedged = Event(type="ASSAULT", status="possible", status_rule="hedged: 'reportedly'", **base)
    assert plover_view(hedged) == "ASSAULT"
    alleged = Event(type="ASSAULT", status="possible", status_rule="modal on 'attack'", **base)
    assert plover_view(alleged) == "THREATEN"


def test_plover_gold_floors(nlp: Language) -> None:
    gold = load_plover_gold(
        PLOVER / "PLOVER_GSR_CAMEO.txt", read_renames(PLOVER / "CAMEO2PLOVER-2021.txt")
    )
    assert len(gold) == 322
    report = score_plover(gold, nlp)
    # frozen third: 0.83 when written, 3 points of margin
    assert report.parts["frozen"].f1 >= 0.80
    # the ratio counts matched events: since unnamed actors ("police", "activists")
    # are coded, more events match whose sentence names no country for their actor
    # (175 right of 229, where it was 175 of 213); the count must not fall
    assert report.actor_right >= 170
    assert report.actor_right / report.actor_checked >= 0.74


def test_quotes_and_claims_dev_floors(nlp: Language) -> None:
    """Regression checks on our own sets (tuned on: no frozen part)."""
    for name in ("quotes_claims_dev.jsonl", "quotes_claims_dev2.jsonl"):
        report = score_dev(load_dev(ROOT / "eval" / "data" / name), nlp, peers=False)
        assert report.ours_quotes.f1 >= 0.85, name
        assert report.ours_claims.f1 >= 0.80, name


def test_malformed_dev_line_is_named(tmp_path: Path) -> None:
    bad = tmp_path / "dev.jsonl"
    bad.write_text('{"id": "a", "text": "x", "quotes": [], "claims": []}\n{broken\n')
    try:
        load_dev(bad)
    except ValueError as exc:
        assert "line 2" in str(exc)
    else:
        raise AssertionError("a malformed line must be reported")


def test_case_floors(nlp: Language) -> None:
    report = score_case(load_case(SHARED / "gold" / "case2021" / "dev.tsv"), nlp)
    frozen_political = report.tallies[("frozen", "political")]
    frozen_calm = report.tallies[("frozen", "no event")]
    assert frozen_political.rate >= 0.74  # 102/133 = 0.77 when written: 3 points
    assert frozen_calm.rate >= 0.75  # 13/16 = 0.81 when written: one snippet of 16


def test_lgl_floors(nlp: Language) -> None:
    """Toponym recognition and resolution on LGL, both parts, ahead of the peer."""
    report = score_geo(load_lgl(SHARED / "gold" / "lgl" / "lgl.xml"), nlp)
    ours, peer = report.ours["frozen"], report.peer["frozen"]
    assert ours.within / ours.found >= 0.81  # 0.831 when written: 2 points
    assert ours.within / ours.found >= peer.within / peer.found + 0.15
    precision = ours.predicted_right / ours.predicted
    recall = ours.found / ours.gold
    assert 2 * precision * recall / (precision + recall) >= 0.78  # 0.81 when written


def test_ecbplus_story_floors(nlp: Language) -> None:
    """Stories on ECB+: B-cubed F1 0.90 on both parts (0.902 and 0.910 when
    written; a point of slack), above the TF-IDF peer of the same run; event
    coreference scored on the gold mentions we cover."""
    report = score_linking(load_ecbplus(SHARED / "gold" / "ecbplus"), nlp)
    score = report.parts["frozen"]
    ours, peer, alone = (b3 for b3, _ in score.stories.values())
    assert ours.f1 >= 0.89, ours  # 0.910 when written: 2 points
    assert ours.f1 > peer.f1, (ours, peer)
    assert ours.f1 >= alone.f1 + 0.6
    assert score.covered >= 100 and 0.0 < float(score.events["CoNLL F1"]) <= 1.0


def test_polnear_reader_classes_and_pieces(tmp_path: Path) -> None:
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    text = 'Title line.\n\n"We will win," Smith said. Jones believes the polls are wrong.\n'
    (tmp_path / "text" / "a.txt").write_text(text, encoding="utf-8")
    q = text.index("We will")
    s = text.index("Smith")
    b = text.index("the polls")
    lines = [
        f"T1\tContent {q} {q + 12}",
        f"T2\tSource {s} {s + 5}",
        f"T3\tCue {s + 6} {s + 10}",
        f"T4\tContent {b} {b + 9};{b + 10} {b + 19}",
        f"T5\tSource {text.index('Jones')} {text.index('Jones') + 5}",
        "E1\tAttribution:T3 Content:T1 Cue:T3 Source:T2",
        "E2\tAttribution:T3 Content:T4 Source:T5",
    ]
    (tmp_path / "attributions" / "a_0001.ann").write_text("\n".join(lines) + "\n")
    (doc,) = load_polnear(tmp_path)
    first, second = doc.attributions
    assert (first.cls, first.source_text) == ("quoted", "Smith")
    assert (second.cls, second.source_text) == ("unquoted", "Jones")
    assert len(second.content) == 2  # a span in two pieces


def test_polnear_floors(nlp: Language) -> None:
    """Attribution end to end on the frozen half of PolNeAR dev, and speaker
    precision where we name one."""
    report = score_polnear(load_polnear(SHARED / "gold" / "polnear" / "dev"), nlp)
    frozen = report.parts["frozen"]
    p, _, f1 = frozen.prf()
    assert f1 >= 0.66, frozen.prf()  # 0.701 when written: 4 points
    assert frozen.named_right / frozen.named >= 0.88  # 0.92 when written: 4 points
    quoted = frozen.by_class["quoted"].speaker + frozen.by_class["mixed"].speaker
    r_quoted = quoted / (frozen.by_class["quoted"].gold + frozen.by_class["mixed"].gold)
    assert 2 * p * r_quoted / (p + r_quoted) >= 0.82  # in quotes 0.866 when written: 4 points


def test_polnear_relative_pronoun_stands_for_the_noun_before_it(tmp_path: Path) -> None:
    from newsevents.evaluation.polnear import Item, _speaker_right

    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    text = "Title.\n\nThe talks stalled, said officials, who said a deal was still possible.\n"
    (tmp_path / "text" / "a.txt").write_text(text, encoding="utf-8")
    who, deal = text.index("who"), text.index("a deal")
    lines = [
        f"T1\tContent {deal} {deal + 25}",
        f"T2\tSource {who} {who + 3}",
        "E1\tAttribution:T2 Content:T1 Source:T2",
    ]
    (tmp_path / "attributions" / "a_0001.ann").write_text("\n".join(lines) + "\n")
    ((gold,),) = [d.attributions for d in load_polnear(tmp_path)]
    officials = text.index("officials")
    talks = text.index("talks")
    right = Item((deal, deal + 25), "officials", ((officials, officials + 9),))
    wrong = Item((deal, deal + 25), "talks", ((talks, talks + 5),))
    assert _speaker_right(right, gold) and not _speaker_right(wrong, gold)


def test_spans_on_a_cleaned_text_map_back_to_the_original() -> None:
    """Ingest drops a live blog's timestamp lines and soft hyphens: a word after
    them still lands on itself in the gold file's text."""
    from newsevents.evaluation import offset_map

    original = "Title\n\n11:30 a.m.\n\nThe senator said the vote\xad would wait. Officials agreed."
    clean = "The senator said the vote would wait. Officials agreed."
    where = offset_map(clean, original)
    for word in ("senator", "vote", "wait", "Officials"):
        at = where(clean.index(word))
        assert original[at : at + len(word)] == word
    end = where(clean.index("agreed") + len("agreed") - 1) + 1
    assert original[:end].endswith("agreed")
    assert offset_map("said the vote", "He said the vote")(0) == 3  # a plain slice: one offset
