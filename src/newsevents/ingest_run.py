"""``newsevents ingest``: inputs -> analyses -> store, with a progress line.

Inputs are read lazily; failures found while reading (bad encoding, a broken
JSON line) are queued by the reading thread and written by the main thread, the
only one that touches the database.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from itertools import chain
from pathlib import Path

from .batch import batch_analyses, is_batch_output, split_label
from .errors import InputError
from .ingest import iter_labelled
from .ingest.web import Fetcher, is_url
from .model import Analysis, Article
from .pipeline import EXTRACTOR_VERSION
from .runner import AnalysisError, run_local
from .store import StoreUnavailable, open_store
from .store.db import BUSY_TIMEOUT


@dataclass
class IngestStats:
    stored: int = 0
    skipped: int = 0
    failed: int = 0
    #: of the skipped: texts already stored, seen at a new outlet, URL or date
    occurrences: int = 0
    started: float = field(default_factory=time.perf_counter)

    @property
    def seconds(self) -> float:
        return time.perf_counter() - self.started

    @property
    def rate(self) -> float:
        return self.stored / self.seconds if self.seconds > 0 else 0.0


def run_ingest(
    paths: Iterable[str | Path],
    db: str,
    workers: int = 1,
    published: date | None = None,
    progress: bool | None = None,
    retry_seconds: float = 60.0,
    timeout: float = BUSY_TIMEOUT,
    fetcher: Fetcher | None = None,
) -> IngestStats:
    """Analyse ``paths`` into the store at ``db``.

    A database that refuses writes (disk full, a lock held past ``timeout``)
    stops the run with StoreWriteError: everything committed before stays, and
    a rerun continues. A PostgreSQL server that goes away is waited for, up to
    ``retry_seconds``, before giving up the same way.
    """
    store = open_store(db, timeout)
    stats = IngestStats()
    known = set(store.article_ids())
    failures: list[InputError] = []
    labels: dict[str, str] = {}
    again: list[tuple[Article, str]] = []
    paths = list(paths)
    shown = None
    if progress is not False:  # a bar on a terminal, else a line every half minute
        from .progress import Progress, count_inputs

        shown = Progress(count_inputs(paths), terminal=progress or None)

    analysed = [Path(p) for p in paths if not is_url(str(p)) and is_batch_output(Path(p))]
    paths = [p for p in paths if is_url(str(p)) or Path(p) not in analysed]

    def todo() -> Iterator[Article]:
        for label, item in iter_labelled(paths, published=published, fetcher=fetcher):
            if isinstance(item, InputError):
                failures.append(item)
                continue
            if item.id in known:
                stats.skipped += 1
                # not analysed again; where it was seen is recorded (by the main thread)
                again.append((_occurrence(item), label))
                continue
            known.add(item.id)
            labels[item.id] = label
            yield item

    def flush_again() -> None:
        """At the end: by then the first copy of each text is stored (or failed)."""
        while again:
            article, label = again.pop(0)
            stats.occurrences += store.add_occurrence(article, label)

    def flush_failures() -> None:
        while failures:
            error = failures.pop(0)
            name, line = split_label(error.source)
            store.record_failure(name, error.problem, line)
            stats.failed += 1
            print(f"newsevents: {error}", file=sys.stderr)

    def stored() -> Iterator[Analysis]:
        """Documents a ``newsevents batch`` run already made: loaded, not analysed again."""
        for folder in analysed:
            for _, analysis in batch_analyses(folder):
                if analysis.article.id in known:
                    stats.skipped += 1
                    again.append((_occurrence(analysis.article), analysis.article.source or ""))
                    continue
                known.add(analysis.article.id)
                yield analysis

    def save(analysis: Analysis, label: str | None) -> bool:
        """Save, riding out a database server that goes away for up to ``retry_seconds``.

        The write is idempotent (keyed by the article id), so saving again after
        a lost connection can neither lose nor double an article.
        """
        deadline = time.monotonic() + retry_seconds
        pause = 0.5
        while True:
            try:
                return store.save(analysis, label=label, version=EXTRACTOR_VERSION)
            except StoreUnavailable as exc:
                if time.monotonic() + pause > deadline:
                    raise
                print(f"newsevents: {exc}; retrying in {pause:.1f} s", file=sys.stderr)
                time.sleep(pause)
                pause = min(pause * 2, 5.0)
                try:
                    store.reconnect()
                except StoreUnavailable:
                    continue

    try:
        for analysis in chain(stored(), run_local(todo(), workers=workers)):
            flush_failures()
            if isinstance(analysis, AnalysisError):  # named by its file and line, not its hash
                failures.append(
                    AnalysisError(labels.pop(analysis.source, analysis.source), analysis.problem)
                )
                continue
            label = labels.pop(analysis.article.id, None) or analysis.article.source
            if save(analysis, label):
                stats.stored += 1
            else:  # another process stored the same text meanwhile; save() noted where
                stats.skipped += 1
            if shown is not None:
                shown.update(stats.stored, stats.failed, stats.skipped)
        flush_failures()
        flush_again()
        if shown is not None:
            shown.update(stats.stored, stats.failed, stats.skipped)
    finally:
        if shown is not None:
            shown.close()
        store.close()
    return stats


def _occurrence(article: Article) -> Article:
    """What an occurrence needs of an article (id, outlet, URL, date), without its
    text, so that a long run of duplicates holds no texts while it waits."""
    return Article(
        id=article.id,
        text="",
        source=article.source,
        url=article.url,
        published=article.published,
    )
