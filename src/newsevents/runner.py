"""Local runner: analyse articles on N worker processes, results in input order.

Each worker loads the spaCy pipeline once (pool initializer) and runs the same
pure ``analyze_batch`` as the single-process path; only plain pydantic records
cross the process boundary. With one worker nothing is forked.

An article that makes an extractor fail, or runs past the time budget, does
not take its neighbours down: it comes back as an ``AnalysisError`` naming it,
in its place in the order. Should the parser itself fail, the chunk is parsed
again one article at a time to find the one.
"""

from __future__ import annotations

import multiprocessing as mp
from collections.abc import Iterable, Iterator
from typing import Any

from .errors import AnalysisError
from .model import Analysis, Article
from .pipeline import analyze_each, chunks

__all__ = ["AnalysisError", "analyze_chunk", "run_local"]

_NLP: Any = None


def _init_worker() -> None:
    global _NLP
    from .nlp import load_nlp

    _NLP = load_nlp()


def analyze_chunk(articles: list[Article], nlp: Any = None) -> list[Analysis | AnalysisError]:
    """Analyses of ``articles``; one that fails becomes an AnalysisError, not an exception."""
    nlp = nlp if nlp is not None else _NLP
    try:
        return list(analyze_each(articles, nlp))
    except Exception:  # the parser failed on one of them: find it, one at a time
        results: list[Analysis | AnalysisError] = []
        for article in articles:
            try:
                results.extend(analyze_each([article], nlp))
            except Exception as exc:
                problem = f"analysis failed: {type(exc).__name__}: {exc}"
                results.append(AnalysisError(article.id, problem))
        return results


def run_local(
    articles: Iterable[Article], workers: int = 1, chunk: int = 16
) -> Iterator[Analysis | AnalysisError]:
    """Analyses of ``articles`` in order, on ``workers`` processes."""
    if workers <= 1:
        from .nlp import load_nlp

        for part in chunks(articles, chunk):  # the model loads when there is work
            yield from analyze_chunk(part, load_nlp())
        return
    ctx = mp.get_context("spawn")
    with ctx.Pool(workers, initializer=_init_worker) as pool:
        for batch in pool.imap(analyze_chunk, chunks(articles, chunk)):
            yield from batch
