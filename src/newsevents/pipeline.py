"""One article in, one Analysis out; many articles through ``nlp.pipe``.

The spaCy pipeline is loaded once per process (``load_nlp``) and each extractor
is a pure function of the Article and the Doc, so the same code runs in the CLI,
the local runner's workers and Spark executors.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from .budget import configured_seconds, time_budget
from .errors import AnalysisError
from .extract import (
    extract_claims,
    extract_entities,
    extract_events,
    extract_places,
    extract_quotes,
    extract_times,
)
from .headline import add_title
from .model import Analysis, Article
from .nlp import load_nlp

#: Bump when an extractor changes its output, so stored evidence says what made it.
EXTRACTOR_VERSION = "0.1.0"

#: Articles parsed inside one ``memory_zone``: large enough for ``nlp.pipe`` to
#: batch well, small enough that the zone's transient strings stay few.
ZONE_SIZE = 256
#: Longest text parsed in one piece (spaCy refuses more than ``nlp.max_length``,
#: and the parser's memory grows faster than the length of what it is given).
#: Longer than nearly every news article, so those are parsed whole.
PIECE_CHARS = 20_000


def analyze_doc(
    article: Article,
    doc: Doc,
    timings: dict[str, float] | None = None,
    title_doc: Doc | None = None,
) -> Analysis:
    """Run every extractor on an already parsed article, and on its parsed title
    when given (``headline.add_title``).

    ``timings``, when given, accumulates the seconds each extractor takes (the
    benchmark reads it); the analysis is the same either way. The extractors
    share one time budget (``NEWSEVENTS_TIME_BUDGET``); running past it raises
    AnalysisTimeout.
    """
    with time_budget(configured_seconds(), article.id):
        analysis = _run_extractors(article, doc, timings)
        if title_doc is not None:
            add_title(analysis, article, title_doc, lambda a, d: _run_extractors(a, d, None))
        return analysis


def _run_extractors(article: Article, doc: Doc, timings: dict[str, float] | None) -> Analysis:
    analysis = Analysis(article=article)
    steps: list[tuple[str, Callable[[], None]]] = [
        ("entities", lambda: setattr(analysis, "entities", extract_entities(article, doc))),
        ("places", lambda: setattr(analysis, "places", extract_places(article, doc))),
        ("times", lambda: setattr(analysis, "times", extract_times(article, doc))),
        ("quotes", lambda: setattr(analysis, "quotes", extract_quotes(article, doc, analysis))),
        ("events", lambda: setattr(analysis, "events", extract_events(article, doc, analysis))),
        ("claims", lambda: setattr(analysis, "claims", extract_claims(article, doc, analysis))),
    ]
    for name, step in steps:
        start = time.perf_counter()
        step()
        if timings is not None:
            timings[name] = timings.get(name, 0.0) + time.perf_counter() - start
    return analysis


def analyze(article: Article, nlp: Language | None = None) -> Analysis:
    """Analyse one article."""
    return next(analyze_batch([article], nlp))


def analyze_batch(
    articles: Iterable[Article],
    nlp: Language | None = None,
    batch_size: int = 16,
    zone_size: int = ZONE_SIZE,
    piece_chars: int = PIECE_CHARS,
) -> Iterator[Analysis]:
    """Analyse many articles with ``nlp.pipe``, in input order.

    Pure: the same articles give the same analyses wherever this runs (CLI,
    local workers, Spark executors). Every ``zone_size`` articles are parsed
    inside ``nlp.memory_zone()``, so strings and lexemes that only those
    articles introduced are freed and a long run does not grow. Nothing of
    spaCy leaves the zone: analyses hold plain strings and numbers.
    """
    nlp = nlp or load_nlp()
    for chunk in chunks(articles, zone_size):
        with nlp.memory_zone():
            titles = parse_titles(chunk, nlp, batch_size)
            for article, doc in parse_articles(chunk, nlp, batch_size, piece_chars):
                yield analyze_doc(article, doc, title_doc=titles.get(article.id))


def analyze_each(
    articles: Iterable[Article],
    nlp: Language | None = None,
    batch_size: int = 16,
    zone_size: int = ZONE_SIZE,
) -> Iterator[Analysis | AnalysisError]:
    """As ``analyze_batch``, but an article the extractors fail on (a bug, or the
    time budget spent) comes back as an AnalysisError in its place, so one bad
    article costs only itself. A failure of the parser itself still raises."""
    nlp = nlp or load_nlp()
    for chunk in chunks(articles, zone_size):
        with nlp.memory_zone():
            titles = parse_titles(chunk, nlp, batch_size)
            for article, doc in parse_articles(chunk, nlp, batch_size):
                try:
                    yield analyze_doc(article, doc, title_doc=titles.get(article.id))
                except AnalysisError as exc:
                    yield AnalysisError(article.id, exc.problem)
                except Exception as exc:  # an extractor bug: this article only
                    problem = f"analysis failed: {type(exc).__name__}: {exc}"
                    yield AnalysisError(article.id, problem)


def parse_titles(articles: list[Article], nlp: Language, batch_size: int = 16) -> dict[str, Doc]:
    """The parsed title of each article that has one, by article id."""
    titled = [a for a in articles if a.title and a.title.strip()]
    docs = nlp.pipe([a.title or "" for a in titled], batch_size=batch_size)
    return {a.id: d for a, d in zip(titled, docs, strict=True)}


def parse_articles(
    articles: list[Article], nlp: Language, batch_size: int = 16, piece_chars: int = PIECE_CHARS
) -> Iterator[tuple[Article, Doc]]:
    """Each article with its Doc, in input order; long texts are parsed in pieces.

    Articles of one piece go through ``nlp.pipe`` together. A text longer than
    ``piece_chars`` is cut at paragraph (else sentence, else word) boundaries,
    its pieces are parsed one at a time, and ``Doc.from_docs`` joins them into
    one Doc whose text and offsets are the article's. The parser's memory
    grows faster than the length of what it is given (a 100,000-character
    piece took 10 times the memory of five 20,000-character ones), so this
    keeps a long article's peak near that of a short one.
    """
    waiting: list[Article] = []
    for article in articles:
        pieces = split_text(article.text, piece_chars)
        if len(pieces) == 1:
            waiting.append(article)
            continue
        yield from _parse_short(waiting, nlp, batch_size)
        waiting = []
        parts = list(nlp.pipe(pieces, batch_size=1))
        yield article, Doc.from_docs(parts, ensure_whitespace=False)
    yield from _parse_short(waiting, nlp, batch_size)


def _parse_short(
    articles: list[Article], nlp: Language, batch_size: int
) -> Iterator[tuple[Article, Doc]]:
    texts = ((a.text, a) for a in articles)
    for doc, article in nlp.pipe(texts, as_tuples=True, batch_size=batch_size):
        yield article, doc


def split_text(text: str, limit: int = PIECE_CHARS) -> list[str]:
    """``text`` cut into pieces of at most ``limit`` characters that join back exactly."""
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = -1
        for boundary in ("\n\n", "\n", ". ", " "):
            at = window.rfind(boundary, limit // 2)
            if at > 0:
                cut = at + len(boundary)
                break
        end = start + (cut if cut > 0 else limit)
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces


def chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    """Lists of ``size`` articles (the last may be shorter), read lazily from ``items``."""
    chunk: list[Article] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
