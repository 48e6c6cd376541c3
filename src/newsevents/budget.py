"""A time budget for one article's analysis.

No text an analyst feeds us should hold a worker for minutes: one pathological
input (an unpunctuated dump, a list of thousands of clauses) must become a
recorded failure for that article, not a stalled batch or an API that stops
answering. The budget is cooperative: the extractors call ``check()`` in their
loops, so it works the same in the CLI, in worker processes, in the API's
threads and on Spark executors, where signals are not an option. Parsing is
bounded separately, by the size limit on one article.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from .errors import AnalysisTimeout

#: Seconds the extractors may spend on one article unless configured otherwise
#: (``NEWSEVENTS_TIME_BUDGET`` or ``--time-budget``). A long real article takes
#: well under a second; a minute leaves room for a slow machine.
DEFAULT_SECONDS = 60.0

#: (deadline on the monotonic clock, article label, seconds) of the article being
#: analysed, or None outside any budget.
_BUDGET: ContextVar[tuple[float, str, float] | None] = ContextVar("newsevents_budget", default=None)


def configured_seconds() -> float | None:
    """The budget in seconds from ``NEWSEVENTS_TIME_BUDGET`` (0 or "none": no budget)."""
    raw = os.environ.get("NEWSEVENTS_TIME_BUDGET", "").strip().lower()
    if not raw:
        return DEFAULT_SECONDS
    if raw in ("0", "none", "off"):
        return None
    try:
        value = float(raw)
    except ValueError:
        return DEFAULT_SECONDS
    return value if value > 0 else None


@contextmanager
def time_budget(seconds: float | None, label: str) -> Iterator[None]:
    """Within the block, ``check()`` raises AnalysisTimeout naming ``label`` once
    ``seconds`` have passed; None means no budget."""
    budget = None if seconds is None else (time.monotonic() + seconds, label, seconds)
    token = _BUDGET.set(budget)
    try:
        yield
    finally:
        _BUDGET.reset(token)


def check() -> None:
    """Raise AnalysisTimeout when the current article's budget is spent."""
    budget = _BUDGET.get()
    if budget is not None and time.monotonic() > budget[0]:
        _, label, seconds = budget
        raise AnalysisTimeout(
            label,
            f"analysis took longer than the {seconds:g} s budget per article "
            "(NEWSEVENTS_TIME_BUDGET / --time-budget); skipped",
        )
