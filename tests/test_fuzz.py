"""Property-based fuzzing of ingest and every extractor (hypothesis).

Whatever the input: no exception escapes but InputError, every span lies
inside the text and is well ordered, every id a record cites resolves, and
the document validates against the generated JSON Schema. The number of
examples is bounded for CI; ``NEWSEVENTS_FUZZ_EXAMPLES`` raises it for a long
run (docs/RELIABILITY.md records one).
"""

from __future__ import annotations

import os
from typing import Any

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from newsevents import Analysis, Article, InputError, analyze, article_from_text, json_schema
from newsevents.ingest.decode import decode_bytes
from newsevents.ingest.sources import RawInput, article_id, build_article, parse_file

SCALE = int(os.environ.get("NEWSEVENTS_FUZZ_EXAMPLES", "0")) or 1
FAST = settings(
    max_examples=300 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
SLOW = settings(
    max_examples=60 * SCALE,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
VALIDATOR = jsonschema.Draft202012Validator(json_schema())

WORDS = [
    "Russia", "Ukraine", "Putin", "Zelensky", "Kyiv", "Moscow", "the", "army", "said",
    "attacked", "met", "will", "not", "talks", "ceasefire", "on", "Monday", "March", "3",
    "2025", "killed", "at", "least", "12", "people", "percent", "$5", "million", "according",
    "to", "officials", "if", "agreed", "rejected", "called", "for", "Iran", "Israel", "Gaza",
    "Hamas", "he", "they", "we", "visit", "next", "week", "denied", "1,000", "troops", "of",
]  # fmt: skip
PUNCT = [".", ",", '"', "\u201c", "\u201d", "'", ":", ";", "\n\n", "\n", " - ", "(", ")", "?"]
news_text = st.lists(
    st.one_of(
        st.sampled_from(WORDS),
        st.sampled_from(PUNCT),
        st.text(min_size=1, max_size=6),  # noise: any unicode
    ),
    min_size=1,
    max_size=120,
).map(" ".join)


def check_analysis(analysis: Analysis) -> None:
    """The invariants every analysis keeps."""
    doc = analysis.to_dict()
    VALIDATOR.validate(doc)
    text = analysis.article.text
    n = len(text)

    def inside(span: Any) -> None:
        start, end = span
        assert 0 <= start <= end <= n, (span, n)

    entities = {e.id for e in analysis.entities}
    places = {p.id for p in analysis.places}
    times = {t.id for t in analysis.times}
    for rec in [*analysis.entities, *analysis.places]:
        for span in rec.mentions:
            inside(span)
    for t in analysis.times:
        inside(t.span)
        assert text[t.span[0] : t.span[1]] == t.text
    for ev in analysis.events:
        inside(ev.trigger)
        inside(ev.sentence)
        assert ev.sentence[0] <= ev.trigger[0] and ev.trigger[1] <= ev.sentence[1]
        assert set(ev.actors) | set(ev.recipients) <= entities
        assert ev.place is None or ev.place in places
        assert ev.time is None or ev.time in times
        assert ev.source is None or ev.source in entities
    for q in analysis.quotes:
        inside(q.span)
        assert text[q.span[0] : q.span[1]] == q.text
        assert q.speaker is None or q.speaker in entities
        if q.cue_span is not None:
            inside(q.cue_span)
    for c in analysis.claims:
        inside(c.span)
        inside(c.sentence)
        assert c.claimant is None or c.claimant in entities
        assert set(c.disputed_by) <= entities
    assert Analysis.model_validate_json(analysis.to_json()).to_dict() == doc


@FAST
@given(st.binary(max_size=2000))
def test_decode_takes_any_bytes(data: bytes) -> None:
    try:
        text = decode_bytes(data, "fuzz.bin")
    except InputError as exc:
        assert exc.source == "fuzz.bin" and exc.problem
    else:
        assert isinstance(text, str) and text.strip()


@FAST
@given(st.binary(max_size=2000), st.sampled_from(["a.txt", "a.html", "a.jsonl", "a.parquet"]))
def test_every_reader_takes_any_bytes(data: bytes, name: str) -> None:
    for item in parse_file(name, data):
        assert isinstance(item, RawInput | InputError)
        if isinstance(item, InputError):
            assert item.source.startswith(name)


@SLOW
@given(st.text(max_size=600))
def test_ingest_takes_any_text(text: str) -> None:
    try:
        article = build_article(RawInput(label="fuzz.txt", text=text))
    except InputError as exc:
        assert exc.source == "fuzz.txt"
    else:
        assert article.text.strip() and len(article.id) == 64
        for sub in article.subheadings:
            assert article.text[sub.span[0] : sub.span[1]] == sub.text


@SLOW
@given(
    st.lists(
        st.one_of(
            st.sampled_from(["<p>", "</p>", "<div>", "</div>", "<script>", "<b>", "<article>"]),
            st.sampled_from(WORDS),
            st.text(max_size=5),
        ),
        max_size=80,
    ).map(" ".join)
)
def test_ingest_takes_any_html(html: str) -> None:
    try:
        article = build_article(RawInput(label="fuzz.html", html=html))
    except InputError as exc:
        assert exc.source == "fuzz.html"
    else:
        assert article.text.strip()


@SLOW
@given(news_text)
def test_every_extractor_keeps_its_invariants(nlp: Language, text: str) -> None:
    # straight to the extractors: ingest would turn most of this text away as not English
    article = Article(id=article_id(text), text=text, published="2025-03-13")
    check_analysis(analyze(article, nlp))


@SLOW
@given(news_text)
def test_ingest_then_extractors_keep_their_invariants(nlp: Language, text: str) -> None:
    try:
        article = article_from_text("The talks went on. " + text, published="2025-03-13")
    except InputError:
        return
    check_analysis(analyze(article, nlp))
