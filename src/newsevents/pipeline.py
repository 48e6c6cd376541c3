"""One article in, one Analysis out; many articles through ``nlp.pipe``.

The spaCy pipeline is loaded once per process (``load_nlp``) and each extractor
is a pure function of the Article and the Doc, so the same code runs in the CLI,
the local runner and, later, inside Spark executors.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from .extract import (
    extract_claims,
    extract_entities,
    extract_events,
    extract_places,
    extract_quotes,
    extract_times,
)
from .model import Analysis, Article
from .nlp import load_nlp

#: Bump when an extractor changes its output, so stored evidence says what made it.
EXTRACTOR_VERSION = "0.1.0"


def analyze_doc(article: Article, doc: Doc, timings: dict[str, float] | None = None) -> Analysis:
    """Run every extractor on an already parsed article.

    ``timings``, when given, accumulates the seconds each extractor takes (the
    benchmark reads it); the analysis is the same either way.
    """
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
    nlp = nlp or load_nlp()
    return analyze_doc(article, nlp(article.text))


def analyze_batch(
    articles: Iterable[Article], nlp: Language | None = None, batch_size: int = 16
) -> Iterator[Analysis]:
    """Analyse many articles with ``nlp.pipe``, in input order."""
    nlp = nlp or load_nlp()
    pairs = ((a.text, a) for a in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield analyze_doc(article, doc)
