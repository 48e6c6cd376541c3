"""``newsevents watch``: follow RSS/Atom feeds and sitemaps into the store.

Each round asks every feed for news with the validators of its last answer (an
unchanged feed is a 304 and costs nothing), keeps the entries whose URL the
store has not seen (stored, or recorded as failed), and ingests those pages the
way ``ingest URL`` does: one analysis per text (a syndicated copy only records
where it was seen), failures recorded in the ``failures`` table under the URL,
the rest of the round going on. A failed page is not fetched again by later
rounds (``newsevents ingest URL`` retries it by hand). Requests share one
fetcher, so robots.txt and the per-host delay hold across feeds and pages.
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from .errors import InputError
from .ingest.feeds import parse_feed
from .ingest.web import Fetcher
from .ingest_run import IngestStats, run_ingest
from .store import open_store

#: Sitemap indexes are followed this deep (an index of indexes of sitemaps).
MAX_SITEMAP_DEPTH = 2


def parse_every(text: str) -> float:
    """Seconds in "90s", "15m", "2h" or a bare number of seconds."""
    found = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smh]?)\s*", text)
    if not found:
        raise ValueError(f"{text!r} is not a duration (e.g. 30s, 15m, 1h)")
    return float(found.group(1)) * {"": 1, "s": 1, "m": 60, "h": 3600}[found.group(2)]


@dataclass
class RoundStats:
    feeds: int = 0
    unchanged: int = 0  # answered 304
    entries: int = 0
    new: int = 0
    failed_feeds: int = 0
    ingest: IngestStats = field(default_factory=IngestStats)


def _entries(fetcher: Fetcher, store_db: str, url: str, stats: RoundStats) -> list[str]:
    """Page URLs a feed lists now; [] when it has not changed since last asked."""
    store = open_store(store_db)
    try:
        etag, modified = store.feed_state(url)
        pending = [(url, 0)]
        pages: list[str] = []
        while pending:
            where, depth = pending.pop(0)
            state = (etag, modified) if where == url else (None, None)
            found = fetcher.fetch(where, *state)
            if where == url:
                if found.status == 304:
                    stats.unchanged += 1
                    store.save_feed_state(url, etag, modified, 304, 0)
                    return []
                etag, modified = found.etag, found.modified
            for entry in parse_feed(found.body, where):
                if entry.sitemap:
                    if depth < MAX_SITEMAP_DEPTH:
                        pending.append((entry.url, depth + 1))
                else:
                    pages.append(entry.url)
        store.save_feed_state(url, etag, modified, 200, len(pages))
        return pages
    finally:
        store.close()


def watch_round(feeds: Sequence[str], db: str, fetcher: Fetcher) -> RoundStats:
    """One pass over the feeds; never raises for a feed or page that fails."""
    stats = RoundStats()
    wanted: list[str] = []
    for url in feeds:
        stats.feeds += 1
        try:
            pages = _entries(fetcher, db, url, stats)
        except InputError as exc:
            stats.failed_feeds += 1
            with open_store(db) as store:
                store.record_failure(exc.source, exc.problem)
            print(f"newsevents: {exc}", file=sys.stderr)
            continue
        stats.entries += len(pages)
        wanted += [p for p in pages if p not in wanted]
    with open_store(db) as store:
        known = store.known_urls(wanted)
    fresh = [u for u in wanted if u not in known]
    stats.new = len(fresh)
    if fresh:
        stats.ingest = run_ingest(fresh, db, progress=False, fetcher=fetcher)
    return stats


def watch(
    feeds: Sequence[str],
    db: str,
    every: float,
    rounds: int | None = None,
    fetcher: Fetcher | None = None,
    report: Callable[[int, RoundStats], None] | None = None,
) -> list[RoundStats]:
    """Rounds every ``every`` seconds, ``rounds`` of them (None: until interrupted)."""
    fetcher = fetcher or Fetcher()
    done: list[RoundStats] = []
    n = 0
    while rounds is None or n < rounds:
        started = time.monotonic()
        stats = watch_round(feeds, db, fetcher)
        n += 1
        if report is not None:
            report(n, stats)
        if rounds is not None:  # an endless watch keeps no history
            done.append(stats)
        if rounds is not None and n >= rounds:
            break
        time.sleep(max(0.0, every - (time.monotonic() - started)))
    return done
