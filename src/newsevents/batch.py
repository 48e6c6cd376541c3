"""``newsevents batch``: inputs -> Parquet tables, on local processes or on Spark.

The output folder holds one sub-folder per table of ``tables.SCHEMAS``
(``articles/``, ``events/``, ...), each a set of ``part-*.parquet`` files, and
a ``_newsevents_batch.json`` manifest. DuckDB reads it as it is
(``SELECT * FROM 'out/events/*.parquet'``) and ``newsevents ingest out/``
loads it into the store from the ``document`` column, without analysing again.

Inputs are labelled relative to the folder given, so that both engines name an
input the same way wherever the folder lives (``wire/2024.jsonl:17``).
"""

from __future__ import annotations

import json
import shutil
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from .errors import InputError, NewsEventsError
from .ingest.sources import build_article, iter_inputs
from .model import Analysis, Article
from .pipeline import EXTRACTOR_VERSION
from .runner import AnalysisError, run_local
from .tables import RECORD_TABLES, SCHEMAS, table_rows, to_arrow

MANIFEST = "_newsevents_batch.json"


class OutputExistsError(NewsEventsError):
    """The output folder already holds files and overwriting was not asked for."""


@dataclass
class BatchStats:
    engine: str
    articles: int = 0
    duplicates: int = 0
    failed: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


def relative_label(label: str, root: str) -> str:
    """``/data/wire/a.jsonl:3`` under ``/data/wire`` -> ``a.jsonl:3``; a file given
    directly keeps its name."""
    root = root.rstrip("/")
    if label.startswith(root + "/"):
        return label[len(root) + 1 :]
    if label == root or label.startswith(root + ":"):
        return Path(root).name + label[len(root) :]
    return label


def split_label(label: str) -> tuple[str, int | None]:
    """``a.jsonl:3`` -> (``a.jsonl``, 3)."""
    name, _, tail = label.rpartition(":")
    if name and tail.isdigit():
        return name, int(tail)
    return label, None


def failure_row(label: str, problem: str) -> dict[str, Any]:
    name, line = split_label(label)
    return {"input": name, "line": line, "problem": problem}


def prepare_output(out: Path, overwrite: bool) -> None:
    """Refuse to mix a new run with files already in ``out`` unless told to replace them."""
    if out.exists() and any(out.iterdir()):
        if not overwrite:
            raise OutputExistsError(
                f"{out}: output folder is not empty; pass --overwrite to replace it"
            )
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)


def write_manifest(out: Path, stats: BatchStats) -> None:
    data = {"format": "newsevents-batch/1", "extractor_version": EXTRACTOR_VERSION}
    data.update(asdict(stats))
    (out / MANIFEST).write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


def is_batch_output(path: Path) -> bool:
    return (path / MANIFEST).is_file() and (path / "articles").is_dir()


def batch_analyses(path: Path) -> Iterator[tuple[str, Analysis]]:
    """(input label, analysis) of every article in a batch output folder."""
    import pyarrow.parquet as pq

    for part in sorted((path / "articles").glob("*.parquet")):
        table = pq.read_table(part, columns=["input", "document"])
        for label, document in zip(
            table.column("input").to_pylist(), table.column("document").to_pylist(), strict=True
        ):
            yield label, Analysis.model_validate_json(document)


def labelled_articles(
    paths: Iterable[str | Path], published: date | None = None
) -> Iterator[tuple[str, Article | InputError]]:
    """Articles (or the errors that stand for them) with their relative labels."""
    for given in paths:
        root = str(Path(given))
        for item in iter_inputs([given]):
            if isinstance(item, InputError):
                yield relative_label(item.source, root), item
                continue
            label = relative_label(item.label, root)
            try:
                yield label, build_article(item, published)
            except InputError as exc:
                yield label, exc


class _PartWriter:
    """Rows buffered per table and written as numbered part files."""

    def __init__(self, out: Path, part_size: int) -> None:
        self.out = out
        self.part_size = part_size
        self.parts = 0
        self.pending = 0
        self.buffers: dict[str, list[dict[str, Any]]] = {name: [] for name in SCHEMAS}
        self.counts: dict[str, int] = {name: 0 for name in SCHEMAS}
        for name in SCHEMAS:
            (out / name).mkdir(parents=True, exist_ok=True)

    def add(self, rows: dict[str, list[dict[str, Any]]], article: bool = True) -> None:
        for name, items in rows.items():
            self.buffers[name].extend(items)
        self.pending += int(article)
        if self.pending >= self.part_size:
            self.flush()

    def flush(self, last: bool = False) -> None:
        import pyarrow.parquet as pq

        for name, rows in self.buffers.items():
            if rows or (last and self.counts[name] == 0):  # every table gets a file
                pq.write_table(
                    to_arrow(name, rows), self.out / name / f"part-{self.parts:05d}.parquet"
                )
                self.counts[name] += len(rows)
            self.buffers[name] = []
        self.parts += 1
        self.pending = 0


def run_batch_local(
    paths: Iterable[str | Path],
    out: Path,
    workers: int = 1,
    published: date | None = None,
    overwrite: bool = False,
    part_size: int = 1000,
    progress: bool | None = None,
) -> BatchStats:
    """Analyse ``paths`` on ``workers`` local processes and write the tables to ``out``."""
    prepare_output(out, overwrite)
    stats = BatchStats(engine="local")
    started = time.perf_counter()
    writer = _PartWriter(out, part_size)
    seen: set[str] = set()
    labels: dict[str, str] = {}
    show = sys.stderr.isatty() if progress is None else progress

    def todo() -> Iterator[Article]:
        for label, item in labelled_articles(paths, published):
            if isinstance(item, InputError):
                writer.add({"failures": [failure_row(label, item.problem)]}, article=False)
                stats.failed += 1
                continue
            if item.id in seen:
                stats.duplicates += 1
                continue
            seen.add(item.id)
            labels[item.id] = label
            yield item

    for result in run_local(todo(), workers=workers):
        if isinstance(result, AnalysisError):
            label = labels.pop(result.source, result.source)
            writer.add({"failures": [failure_row(label, result.problem)]}, article=False)
            stats.failed += 1
            continue
        label = labels.pop(result.article.id)
        writer.add(table_rows(result, label, EXTRACTOR_VERSION))
        stats.articles += 1
        if show:
            rate = stats.articles / (time.perf_counter() - started)
            print(f"\r{stats.articles} articles  {rate:5.1f}/s", end="", file=sys.stderr)
    writer.flush(last=True)
    if show:
        print(file=sys.stderr)
    stats.rows = {name: writer.counts[name] for name in (*RECORD_TABLES, "failures")}
    stats.seconds = round(time.perf_counter() - started, 3)
    write_manifest(out, stats)
    return stats


def read_tables(out: Path) -> dict[str, list[dict[str, Any]]]:
    """Every table of a batch output as rows sorted by their key (for comparing runs)."""
    import pyarrow.parquet as pq

    from .tables import KEYS

    result: dict[str, list[dict[str, Any]]] = {}
    for name in SCHEMAS:
        rows: list[dict[str, Any]] = []
        for part in sorted((out / name).glob("*.parquet")):
            rows.extend(pq.read_table(part).select(SCHEMAS[name].names).to_pylist())
        result[name] = sorted(rows, key=lambda r: tuple(str(r[k]) for k in KEYS[name]))
    return result
