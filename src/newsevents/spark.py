"""The Spark runner: the same analysis as the local runner, on a cluster.

Three stages, each a function of plain rows:

1. read: text, HTML and JSON Lines files come in through ``binaryFile`` (with
   their ``.meta.json`` sidecars joined by name) and are parsed on the
   executors by ``ingest.sources.parse_file``, the local reader's own code;
   Parquet inputs come in through ``spark.read.parquet``. Duplicates (same
   article id) keep the first input in path and line order, as locally.
2. analyse: ``mapInPandas`` over the articles, in which each Python worker
   loads the spaCy pipeline once (``load_nlp`` is cached per process) and runs
   ``analyze_batch``; only JSON strings leave it, never spaCy objects.
3. flatten: ``mapInArrow`` turns each document into the rows of
   ``tables.SCHEMAS``. Arrow rather than pandas here because pandas would turn
   a missing integer (a place with no GeoNames id) into a float.

Needs the ``spark`` extra (``pip install 'newsevents[spark]'``) and Java 17.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from .batch import (
    BatchStats,
    failure_row,
    prepare_output,
    relative_label,
    split_label,
    write_manifest,
)
from .errors import InputError, NewsEventsError
from .ingest.sources import (
    META_SUFFIX,
    PARQUET_SUFFIXES,
    input_suffix,
    parse_file,
)
from .pipeline import EXTRACTOR_VERSION
from .tables import RECORD_TABLES, ddl_of, spark_ddl

if TYPE_CHECKING:
    import pandas as pd
    from pyspark.sql import DataFrame, SparkSession

#: What the read stage hands on: one row an article (JSON) or a failure.
_READ = pa.schema(
    [(name, pa.int64() if name == "line" else pa.string())
     for name in ("path", "line", "label", "article_id", "article", "problem")]
)  # fmt: skip
_READ_SCHEMA = ddl_of(_READ)
_ANALYSED_SCHEMA = "article_id string, label string, document string, problem string"


class SparkUnavailableError(NewsEventsError):
    """pyspark (or Java) is missing."""


def default_master() -> str | None:
    """None under spark-submit (it has set the master), else ``local[2]``.

    spark-submit starts the JVM first and hands the Python driver its gateway
    through ``PYSPARK_GATEWAY_PORT``; run directly, there is no gateway yet.
    """
    return None if "PYSPARK_GATEWAY_PORT" in os.environ else "local[2]"


def spark_session(master: str | None = None, app: str = "newsevents") -> SparkSession:
    """A session; ``master`` None keeps what spark-submit configured."""
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise SparkUnavailableError(
            "the Spark engine needs pyspark: pip install 'newsevents[spark]'"
        ) from None
    # Python workers must run this interpreter (it has the model and newsevents).
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName(app)
    if master:
        builder = builder.master(master)
        if master.startswith("local"):
            builder = builder.config("spark.ui.enabled", "false").config(
                "spark.sql.shuffle.partitions", "4"
            )
    # Small Arrow batches: an analysis batch is then a few dozen articles.
    builder = builder.config("spark.sql.execution.arrow.maxRecordsPerBatch", "64").config(
        "spark.ui.showConsoleProgress", "false"
    )
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")  # our own summary says what happened
    return session


def _uri(path: str) -> str:
    """What Spark calls a local path (``file:/abs/path``); URIs are kept."""
    if "://" in path or path.startswith("file:"):
        return path
    return "file:" + str(Path(path).resolve())


def _local_path(uri: str) -> str:
    for prefix in ("file://", "file:"):
        if uri.startswith(prefix):
            return uri[len(prefix) :]
    return uri


def _read_files(spark: SparkSession, given: str, published: date | None) -> DataFrame:
    from pyspark.sql import functions as F

    root = _local_path(_uri(given)).rstrip("/")
    files = (
        spark.read.format("binaryFile")
        .option("recursiveFileLookup", "true")
        .load(_uri(given))
        .select("path", "content")
    )
    sidecars = files.filter(F.col("path").endswith(META_SUFFIX)).select(
        F.regexp_replace("path", r"\.meta\.json$", "").alias("key"),
        F.col("content").alias("meta"),
        F.col("path").alias("meta_path"),
    )
    mains = files.filter(~F.col("path").endswith(META_SUFFIX)).withColumn(
        "key", F.regexp_replace("path", r"\.(txt|text|html|htm|xhtml)$", "")
    )
    joined = mains.join(sidecars, "key", "left").drop("key")

    def read(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        from .ingest.sources import build_article, parse_file

        for batch in batches:
            rows: list[dict[str, Any]] = []
            for rec in batch.to_pylist():
                path = _local_path(rec["path"])
                name = Path(path).name
                if name.startswith(".") or input_suffix(Path(path)) is None:
                    continue
                label = relative_label(path, root)
                meta_label = relative_label(_local_path(rec["meta_path"] or ""), root)
                for item in parse_file(label, rec["content"], rec["meta"], meta_label):
                    rows.append(_read_row(path, item, published, build_article))
            yield _batch(rows)

    # Spark's file scan skips zero-length files; list them here so that they are
    # recorded as failures, as the local runner records them.
    empty = [
        {"path": path, "line": 0, "label": label, "problem": item.problem}
        for path in _empty_files(spark, _uri(given))
        if not Path(path).name.startswith(".") and input_suffix(Path(path)) is not None
        for label in [relative_label(path, root)]
        for item in parse_file(label, b"")
        if isinstance(item, InputError)
    ]
    parsed = joined.mapInArrow(read, _READ_SCHEMA)
    if empty:
        parsed = parsed.unionByName(spark.createDataFrame(empty, _READ_SCHEMA))
    return parsed


def _empty_files(spark: SparkSession, uri: str) -> list[str]:
    """Local paths of the zero-length files under ``uri``, through Hadoop's file system."""
    jvm = spark.sparkContext._jvm
    assert jvm is not None
    conf = spark.sparkContext._jsc.hadoopConfiguration()
    path = jvm.org.apache.hadoop.fs.Path(uri)
    files = path.getFileSystem(conf).listFiles(path, True)
    found = []
    while files.hasNext():
        status = files.next()
        if status.getLen() == 0:
            found.append(_local_path(status.getPath().toString()))
    return found


def _read_parquet(spark: SparkSession, given: str, published: date | None) -> DataFrame:
    from pyspark.sql import functions as F

    root = _local_path(_uri(given)).rstrip("/")
    df = spark.read.parquet(_uri(given))
    df = df.select(
        "*",
        F.col("_metadata.file_path").alias("_path"),
        (F.col("_metadata.row_index") + 1).alias("_row"),
    )

    def read(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        from .ingest.sources import build_article, record_input

        for batch in batches:
            rows: list[dict[str, Any]] = []
            for rec in batch.to_pylist():
                path = _local_path(rec.pop("_path"))
                number = int(rec.pop("_row"))
                label = relative_label(path, root) + f":{number}"
                for item in record_input(rec, label, number, "row"):
                    rows.append(_read_row(path, item, published, build_article, number))
            yield _batch(rows)

    return df.mapInArrow(read, _READ_SCHEMA)


def _read_row(
    path: str, item: Any, published: date | None, build: Any, number: int | None = None
) -> dict[str, Any]:
    label = item.source if isinstance(item, InputError) else item.label
    line = number if number is not None else split_label(label)[1] or 0
    if isinstance(item, InputError):
        return {"path": path, "line": line, "label": label, "problem": item.problem}
    try:
        article = build(item, published)
    except InputError as exc:
        return {"path": path, "line": line, "label": label, "problem": exc.problem}
    return {
        "path": path,
        "line": line,
        "label": label,
        "article_id": article.id,
        "article": article.model_dump_json(by_alias=True),
    }


def _batch(rows: list[dict[str, Any]]) -> pa.RecordBatch:
    return pa.RecordBatch.from_pylist(rows, schema=_READ)


def _analyse(frames: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    """Executor side: articles (JSON) -> documents (JSON). The model loads once per worker."""
    import pandas as pd

    from .model import Article
    from .nlp import load_nlp
    from .runner import AnalysisError, analyze_chunk

    nlp = load_nlp()
    for frame in frames:
        labels = dict(zip(frame["article_id"], frame["label"], strict=True))
        articles = [Article.model_validate_json(a) for a in frame["article"]]
        out: list[dict[str, Any]] = []
        for result in analyze_chunk(articles, nlp):
            if isinstance(result, AnalysisError):
                out.append(
                    {
                        "article_id": result.source,
                        "label": labels[result.source],
                        "document": None,
                        "problem": result.problem,
                    }
                )
            else:
                out.append(
                    {
                        "article_id": result.article.id,
                        "label": labels[result.article.id],
                        "document": result.to_json(indent=None),
                        "problem": None,
                    }
                )
        yield pd.DataFrame(out, columns=["article_id", "label", "document", "problem"])


def _flattener(table: str) -> Any:
    def flatten(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        from .model import Analysis
        from .tables import table_rows, to_arrow

        for batch in batches:
            rows: list[dict[str, Any]] = []
            for rec in batch.to_pylist():
                analysis = Analysis.model_validate_json(rec["document"])
                rows.extend(table_rows(analysis, rec["label"], EXTRACTOR_VERSION)[table])
            yield from to_arrow(table, rows).to_batches()

    return flatten


def run_batch_spark(
    paths: list[str],
    out: Path,
    master: str | None = "local[2]",
    partitions: int | None = None,
    published: date | None = None,
    overwrite: bool = False,
) -> BatchStats:
    """Analyse ``paths`` on Spark and write the batch tables to ``out`` (a local path or URI)."""
    from pyspark import StorageLevel
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    local_out = "://" not in str(out)
    if local_out:
        prepare_output(out, overwrite)
    started = time.perf_counter()
    spark = spark_session(master)
    frames = [
        _read_parquet(spark, str(p), published)
        if Path(str(p)).suffix.lower() in PARQUET_SUFFIXES
        else _read_files(spark, str(p), published)
        for p in paths
    ]
    read = frames[0]
    for frame in frames[1:]:
        read = read.unionByName(frame)
    read = read.persist(StorageLevel.MEMORY_AND_DISK)
    failures = read.filter(F.col("problem").isNotNull())
    first = Window.partitionBy("article_id").orderBy("path", "line")
    ranked = read.filter(F.col("problem").isNull()).withColumn("rank", F.row_number().over(first))
    articles = ranked.filter(F.col("rank") == 1).drop("rank")
    duplicates = ranked.filter(F.col("rank") > 1).count()
    parallel = partitions or spark.sparkContext.defaultParallelism * 2
    analysed = (
        articles.repartition(parallel, "article_id")
        .mapInPandas(_analyse, _ANALYSED_SCHEMA)
        .persist(StorageLevel.MEMORY_AND_DISK)
    )
    documents = analysed.filter(F.col("problem").isNull())
    rows: dict[str, int] = {}
    target = str(out) if not local_out else _uri(str(out))
    for table in RECORD_TABLES:
        frame = documents.mapInArrow(_flattener(table), spark_ddl(table))
        frame.write.mode("overwrite").parquet(f"{target}/{table}")
        rows[table] = spark.read.parquet(f"{target}/{table}").count()
    failed_rows = [
        failure_row(r["label"], r["problem"])
        for r in failures.select("label", "problem").collect()
        + analysed.filter(F.col("problem").isNotNull()).select("label", "problem").collect()
    ]
    spark.createDataFrame(failed_rows, spark_ddl("failures")).coalesce(1).write.mode(
        "overwrite"
    ).parquet(f"{target}/failures")
    stats = BatchStats(
        engine="spark",
        articles=rows["articles"],
        duplicates=duplicates,
        failed=len(failed_rows),
        rows={**rows, "failures": len(failed_rows)},
        seconds=round(time.perf_counter() - started, 3),
    )
    read.unpersist()
    analysed.unpersist()
    if local_out:
        write_manifest(out, stats)
    return stats
