"""Progress of a long ingest: ``n/N``, rate and time left.

On a terminal it is a tqdm bar. Elsewhere (a log file, a scheduler, ``nohup``)
a bar's carriage returns make an unreadable log, so a plain line is printed
every ``every`` seconds instead. ``N`` comes from a quick count before the run
(files, JSON Lines lines, Parquet rows, URLs) and is an upper bound on what
will be analysed, since duplicates and failures are counted as they are met.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

from .ingest.sources import (
    COMPRESSED_SUFFIXES,
    JSONL_SUFFIXES,
    META_SUFFIX,
    PARQUET_SUFFIXES,
    input_suffix,
)
from .ingest.web import is_url

#: Seconds between two progress lines when not on a terminal.
LINE_SECONDS = 30.0


def _count_file(path: Path) -> int | None:
    suffix = input_suffix(path)
    if suffix is None:
        return 0
    if path.suffix.lower() in COMPRESSED_SUFFIXES:
        return None if suffix in JSONL_SUFFIXES else 1
    if suffix in JSONL_SUFFIXES:
        with path.open("rb") as fh:
            return sum(1 for line in fh if line.strip())
    if suffix in PARQUET_SUFFIXES:
        import pyarrow.parquet as pq

        return int(pq.ParquetFile(path).metadata.num_rows)
    return 1


def count_inputs(paths: Iterable[str | Path]) -> int | None:
    """How many articles ``paths`` hold, or None when that cannot be known cheaply
    (a compressed JSON Lines file) or reading fails."""
    total = 0
    try:
        for given in paths:
            if is_url(str(given)):
                total += 1
                continue
            path = Path(given)
            files = [path]
            if path.is_dir():
                files = [
                    Path(folder, name)
                    for folder, dirs, names in os.walk(path)
                    for name in names
                    if not name.startswith(".") and not name.endswith(META_SUFFIX)
                ]
            for file in files:
                n = _count_file(file) if file.is_file() else 1
                if n is None:
                    return None
                total += n
    except OSError:
        return None
    return total


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    if seconds >= 3600:
        return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"
    return f"{seconds // 60}m{seconds % 60:02d}s"


class Progress:
    """Counts done articles; shows them as a bar or as periodic lines."""

    def __init__(
        self,
        total: int | None,
        terminal: bool | None = None,
        stream: TextIO | None = None,
        every: float = LINE_SECONDS,
    ) -> None:
        self.stream = stream or sys.stderr
        self.total = total
        self.done = 0
        self.every = every
        self.started = time.monotonic()
        self.last_line = self.started
        self.bar: Any = None
        if terminal if terminal is not None else self.stream.isatty():
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit="article", file=self.stream, dynamic_ncols=True)

    def update(self, stored: int, failed: int, skipped: int) -> None:
        """The counts so far; every article handled is one of the three."""
        self.done = stored + failed + skipped
        if self.bar is not None:
            self.bar.set_postfix(stored=stored, failed=failed, skipped=skipped, refresh=False)
            self.bar.update(self.done - self.bar.n)
            return
        now = time.monotonic()
        if now - self.last_line >= self.every:
            self.last_line = now
            print(self.line(stored, failed, skipped), file=self.stream, flush=True)

    def line(self, stored: int, failed: int, skipped: int) -> str:
        elapsed = max(time.monotonic() - self.started, 1e-9)
        rate = self.done / elapsed
        count = f"{self.done}/{self.total}" if self.total else str(self.done)
        text = (
            f"newsevents: {count} articles, {rate:.1f}/s ({stored} stored, {skipped} "
            f"already there, {failed} failed), {_duration(elapsed)} elapsed"
        )
        if self.total and rate > 0 and self.done < self.total:
            text += f", about {_duration((self.total - self.done) / rate)} left"
        return text

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
