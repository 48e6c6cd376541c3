"""Local runner: analyse articles on N worker processes, results in input order.

Each worker loads the spaCy pipeline once (pool initializer) and runs the same
pure ``analyze_batch`` as the single-process path; only plain pydantic records
cross the process boundary. With one worker nothing is forked.
"""

from __future__ import annotations

import multiprocessing as mp
from collections.abc import Iterable, Iterator
from typing import Any

from .model import Analysis, Article
from .pipeline import _chunks

_NLP: Any = None


def _init_worker() -> None:
    global _NLP
    from .nlp import load_nlp

    _NLP = load_nlp()


def _analyze_chunk(articles: list[Article]) -> list[Analysis]:
    from .pipeline import analyze_batch

    return list(analyze_batch(articles, _NLP))


def run_local(articles: Iterable[Article], workers: int = 1, chunk: int = 8) -> Iterator[Analysis]:
    """Analyses of ``articles`` in order, on ``workers`` processes."""
    if workers <= 1:
        from .pipeline import analyze_batch

        yield from analyze_batch(articles)
        return
    ctx = mp.get_context("spawn")
    with ctx.Pool(workers, initializer=_init_worker) as pool:
        for batch in pool.imap(_analyze_chunk, _chunks(articles, chunk)):
            yield from batch
