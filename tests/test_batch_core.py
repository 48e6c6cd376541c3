"""The batch core: long texts split and joined, memory zones, order kept."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

from newsevents import Analysis, Article, article_from_text
from newsevents.pipeline import analyze_batch, split_text


@given(
    st.text(alphabet=st.sampled_from("ab .\n"), max_size=400),
    st.integers(min_value=5, max_value=80),
)
@settings(max_examples=200, deadline=None)
def test_split_text_pieces_join_back_and_respect_the_limit(text: str, limit: int) -> None:
    pieces = split_text(text, limit)
    assert "".join(pieces) == text
    assert all(len(p) <= limit for p in pieces)


def test_split_prefers_paragraph_breaks() -> None:
    text = ("A sentence here. " * 3 + "\n\n") * 10
    for piece in split_text(text, 200)[:-1]:
        assert piece.endswith("\n\n")


def test_article_longer_than_max_length_is_split_not_rejected(
    reference_article: Article, nlp: Language
) -> None:
    # spaCy's limit is lowered for the test so that the text stays small enough
    # to parse quickly; the mechanism is the same at the default megabyte.
    saved = nlp.max_length
    nlp.max_length = 20_000
    try:
        body = reference_article.text + "\n\n"
        copies = nlp.max_length // len(body) + 3
        text = body * copies
        assert len(text) > nlp.max_length
        with pytest.raises(ValueError, match="E088"):
            nlp(text)  # what plain spaCy does with it
        article = reference_article.model_copy(update={"text": text, "id": "long"})
        analysis = next(analyze_batch([article], nlp, piece_chars=8_000))
    finally:
        nlp.max_length = saved
    assert analysis.article.text == text

    def copy_events(k: int) -> set[tuple[str, tuple[int, int]]]:
        offset = len(body) * k
        return {
            (e.type, (e.trigger[0] - offset, e.trigger[1] - offset))
            for e in analysis.events
            if offset <= e.trigger[0] < offset + len(body)
        }

    second = copy_events(1)
    assert len(second) >= 15
    # every copy after the first is read the same, whether or not a piece boundary fell in it
    for k in range(2, copies):
        assert copy_events(k) == second, k
    for ev in analysis.events:
        assert 0 <= ev.trigger[0] < ev.trigger[1] <= len(text)


def test_strings_seen_only_inside_a_batch_are_freed(nlp: Language) -> None:
    made_up = ["Zorblaxia", "Quarvendi", "Blemtorv"]
    articles = [
        article_from_text(
            f"The army of {name} attacked the border town of {name}grad on Monday, "
            f"officials in {name} said. Talks between {name} and its neighbours were "
            "called off after the attack, the ministry said in a statement."
        )
        for name in made_up
    ]
    analyses = list(analyze_batch(articles, nlp, zone_size=2))
    assert [a.article.id for a in analyses] == [a.id for a in articles]
    assert any(name in str(a.to_dict()) for a in analyses for name in made_up)
    for name in made_up:
        assert name not in nlp.vocab.strings
        assert f"{name}grad" not in nlp.vocab.strings


def test_batch_equals_one_by_one(nlp: Language) -> None:
    texts = [
        "Russia and Ukraine agreed on Tuesday to exchange prisoners, the Kremlin said.",
        "Protesters marched in Nairobi on Friday against new taxes, police said.",
        "Iran rejected the proposal for talks with the United States.",
    ]
    articles = [article_from_text(t) for t in texts]
    batch = [a.to_dict() for a in analyze_batch(articles, nlp, batch_size=2, zone_size=2)]
    alone: list[Analysis] = [next(analyze_batch([a], nlp)) for a in articles]
    assert batch == [a.to_dict() for a in alone]


def test_a_failing_article_fails_alone_in_its_chunk(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    import newsevents.pipeline as pipeline
    from newsevents.runner import AnalysisError, analyze_chunk

    real = pipeline.analyze_doc

    def fragile(article: Article, doc: Any, timings: Any = None, title_doc: Any = None) -> Analysis:
        if "BOOM" in article.text:
            raise RuntimeError("an extractor bug")
        return real(article, doc, timings, title_doc)

    monkeypatch.setattr(pipeline, "analyze_doc", fragile)
    texts = [
        "Russia and Ukraine agreed on Tuesday to exchange prisoners, the Kremlin said.",
        "BOOM. Protesters marched in Nairobi on Friday against new taxes, police said.",
        "Iran rejected the proposal for talks with the United States.",
    ]
    articles = [article_from_text(t) for t in texts]
    results = analyze_chunk(articles, nlp)
    assert [type(r).__name__ for r in results] == ["Analysis", "AnalysisError", "Analysis"]
    failed = results[1]
    assert isinstance(failed, AnalysisError) and failed.source == articles[1].id
    assert "RuntimeError: an extractor bug" in failed.problem
