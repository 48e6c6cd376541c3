"""The ``newsevents`` command line: one function per verb."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import click

from .errors import InputError, NewsEventsError
from .ingest import iter_articles, iter_labelled
from .model import Analysis, Article, json_schema


def _published(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"not a YYYY-MM-DD date: {value!r}") from None


_time_budget_option = click.option(
    "--time-budget",
    type=click.FloatRange(0),
    default=None,
    help="Seconds the extractors may spend on one article before it is recorded as a "
    "failure (default 60, or NEWSEVENTS_TIME_BUDGET; 0 for none).",
)


@click.group()
@click.version_option(package_name="newsevents")
def main() -> None:
    """Turn news reports on conflict and diplomacy into events, quotes and claims."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--published", help="Publication date (YYYY-MM-DD) for every input.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "jsonl", "text"]),
    default=None,
    help="json for one input, jsonl for many (the default), or a readable report.",
)
@_time_budget_option
def analyze(
    paths: tuple[Path, ...], published: str | None, fmt: str | None, time_budget: float | None
) -> None:
    """Analyse files, folders or JSON Lines and print the newsevents/1 result.

    Bad inputs, and articles the analysis fails on or that run past the time
    budget, are reported on stderr with the file (and line) and skipped; the
    rest is printed. The exit status is 1 if any input failed, 0 otherwise.
    """
    from .runner import AnalysisError, run_local

    pub = _published(published)
    _set_time_budget(time_budget)
    failures: list[InputError] = []
    labels: dict[str, str] = {}

    def articles() -> Iterator[Article]:
        for label, item in iter_labelled(paths, published=pub):
            if isinstance(item, InputError):
                failures.append(item)
                click.echo(f"newsevents: {item}", err=True)
            elif item.id not in labels:
                labels[item.id] = label
                yield item

    results: list[Analysis] = []
    try:
        for result in run_local(articles()):
            if isinstance(result, AnalysisError):
                failure = AnalysisError(labels.get(result.source, result.source), result.problem)
                failures.append(failure)
                click.echo(f"newsevents: {failure}", err=True)
            else:
                results.append(result)
    except NewsEventsError as exc:
        raise click.ClickException(str(exc)) from None
    if fmt is None:
        fmt = "json" if len(results) == 1 and not failures else "jsonl"
    if fmt == "text":
        click.echo("\n\n".join(_text(r) for r in results))
    elif fmt == "json":
        if len(results) == 1:
            click.echo(results[0].to_json())
        else:
            click.echo(json.dumps([r.to_dict() for r in results], indent=2, ensure_ascii=False))
    else:
        for r in results:
            click.echo(r.to_json(indent=None))
    if failures:
        click.echo(f"newsevents: {len(results)} analysed, {len(failures)} failed", err=True)
        sys.exit(1)


def _warn_workers(workers: int) -> None:
    """More processes than cores only adds model copies and contention."""
    cores = os.cpu_count() or 1
    if workers > cores:
        click.echo(
            f"newsevents: warning: --workers {workers} on {cores} cores: each worker loads "
            f"its own model and they compete for the cores; --workers {cores} is faster",
            err=True,
        )


def _check_port(host: str, port: int) -> None:
    """Refuse before announcing the URL when the address cannot be bound."""
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise click.ClickException(f"cannot resolve --host {host}: {exc}") from None
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            raise click.ClickException(
                f"cannot listen on {host}:{port} ({exc.strerror}): is another server using it? "
                "choose another with --port"
            ) from None


def _loopback(host: str) -> bool:
    import ipaddress

    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _set_time_budget(seconds: float | None) -> None:
    """The budget travels in the environment, so worker processes and Spark's
    local executors started from here use it too."""
    if seconds is not None:
        os.environ["NEWSEVENTS_TIME_BUDGET"] = "0" if seconds == 0 else repr(seconds)


def _text(result: Analysis) -> str:
    from .report import render_text

    return render_text(result)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--db", default="newsevents.db", show_default=True, help="SQLite path or postgresql:// URL."
)
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64))
@click.option("--published", help="Publication date (YYYY-MM-DD) for every input.")
@click.option(
    "--retry-seconds",
    default=60.0,
    show_default=True,
    type=click.FloatRange(0),
    help="How long to wait for a PostgreSQL server that went away.",
)
@click.option(
    "--busy-timeout",
    default=30.0,
    show_default=True,
    type=click.FloatRange(0),
    help="Seconds to wait for another writer's lock on a SQLite file.",
)
@_time_budget_option
def ingest(
    paths: tuple[str, ...],
    db: str,
    workers: int,
    published: str | None,
    retry_seconds: float,
    busy_timeout: float,
    time_budget: float | None,
) -> None:
    """Analyse inputs into the store; already stored articles are skipped.

    Each article is committed with all its records in one transaction, so an
    interrupted run loses nothing committed and a rerun continues where it
    stopped. Bad inputs are reported (file and line) and recorded in the
    ``failures`` table; they never stop the batch. A PostgreSQL server that
    goes away is waited for (--retry-seconds); a database that refuses writes
    (disk full, a lock held past --busy-timeout) stops the run with exit status
    2, keeping everything committed before. A folder written by `newsevents
    batch` is loaded from its documents, without analysing again. An http(s) URL
    is fetched as a web page (robots.txt obeyed, one request a second per host).
    """
    from .ingest_run import run_ingest
    from .store import StoreError, StoreWriteError

    _set_time_budget(time_budget)
    _warn_workers(workers)
    try:
        stats = run_ingest(
            paths,
            db,
            workers=workers,
            published=_published(published),
            retry_seconds=retry_seconds,
            timeout=busy_timeout,
        )
    except StoreWriteError as exc:
        click.echo(
            f"newsevents: ingest stopped: {exc}\n"
            "newsevents: what was committed before stays; fix the cause (free disk space, "
            "or end the process holding the lock), then run the same command again to go on",
            err=True,
        )
        sys.exit(2)
    except StoreError as exc:  # the database cannot be opened: nothing to retry
        click.echo(
            f"newsevents: ingest stopped: {exc}\n"
            "newsevents: check --db (a SQLite file path, or a postgresql:// URL)",
            err=True,
        )
        sys.exit(2)
    click.echo(
        f"newsevents: {stats.stored} stored, {stats.skipped} already there "
        f"({stats.occurrences} seen at a new outlet, URL or date), "
        f"{stats.failed} failed, in {stats.seconds:.1f} s ({stats.rate:.1f} articles/s) -> {db}",
        err=True,
    )
    if stats.failed:
        sys.exit(1)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", required=True, type=click.Path(path_type=Path), help="Output folder.")
@click.option(
    "--engine",
    type=click.Choice(["local", "spark"]),
    default="local",
    show_default=True,
    help="Local processes, or Spark (needs the 'spark' extra and Java 17).",
)
@click.option("--workers", type=int, default=1, show_default=True, help="Local processes.")
@click.option(
    "--master",
    default=None,
    help="Spark master (default local[2]; under spark-submit, leave it to spark-submit).",
)
@click.option("--partitions", type=int, default=None, help="Spark partitions for the analysis.")
@click.option("--published", help="Publication date (YYYY-MM-DD) for every input.")
@click.option("--overwrite", is_flag=True, help="Replace what the output folder holds.")
@_time_budget_option
def batch(
    paths: tuple[Path, ...],
    out: Path,
    engine: str,
    workers: int,
    master: str | None,
    partitions: int | None,
    published: str | None,
    overwrite: bool,
    time_budget: float | None,
) -> None:
    """Analyse inputs into Parquet tables (articles, entities, places, mentions,
    events, quotes, claims, failures) under OUT, one folder a table.

    Text, HTML, JSON Lines and Parquet inputs (files or folders). DuckDB reads
    the result (SELECT * FROM 'OUT/events/*.parquet') and `newsevents ingest
    OUT` loads it into the store. Bad inputs go to the failures table; the exit
    status is 1 if there were any.
    """
    from .batch import run_batch_local

    pub = _published(published)
    _set_time_budget(time_budget)
    try:
        if engine == "spark":
            from .spark import default_master, run_batch_spark

            stats = run_batch_spark(
                [str(p) for p in paths],
                out,
                master=master or default_master(),
                partitions=partitions,
                published=pub,
                overwrite=overwrite,
            )
        else:
            _warn_workers(workers)
            stats = run_batch_local(paths, out, workers=workers, published=pub, overwrite=overwrite)
    except NewsEventsError as exc:
        raise click.ClickException(str(exc)) from None
    rows = ", ".join(f"{n} {t}" for t, n in stats.rows.items())
    click.echo(
        f"newsevents: {stats.articles} articles ({stats.duplicates} duplicates skipped, "
        f"{stats.failed} failed) in {stats.seconds:.1f} s on {stats.engine}: {rows} -> {out}",
        err=True,
    )
    if stats.failed:
        sys.exit(1)


@main.command()
@click.argument("feeds", nargs=-1, required=True)
@click.option(
    "--db", default="newsevents.db", show_default=True, help="SQLite path or postgresql:// URL."
)
@click.option(
    "--every", default="15m", show_default=True, help="Time between rounds (30s, 15m, 1h)."
)
@click.option("--rounds", type=click.IntRange(1), default=None, help="Stop after this many rounds.")
@click.option(
    "--delay",
    default=1.0,
    show_default=True,
    type=click.FloatRange(0),
    help="Seconds between two requests to one host (robots.txt may ask for more).",
)
def watch(feeds: tuple[str, ...], db: str, every: str, rounds: int | None, delay: float) -> None:
    """Follow RSS/Atom feeds and sitemaps: each round ingests the pages not seen yet.

    Feeds are asked with the validators of their last answer (an unchanged feed
    is a 304), robots.txt is obeyed, and a page or feed that fails is recorded in
    the ``failures`` table while the round goes on. Stop with Ctrl-C.
    """
    from .ingest.web import Fetcher, is_url
    from .store import StoreError
    from .watch import RoundStats, parse_every
    from .watch import watch as run_watch

    bad = [f for f in feeds if not is_url(f)]
    if bad:
        raise click.BadParameter(f"{bad[0]!r} is not an http(s) URL", param_hint="FEEDS")
    try:
        seconds = parse_every(every)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--every") from None

    def report(n: int, stats: RoundStats) -> None:
        got = stats.ingest
        click.echo(
            f"newsevents: round {n}: {stats.feeds} feeds ({stats.unchanged} unchanged, "
            f"{stats.failed_feeds} failed), {stats.entries} entries, {stats.new} new: "
            f"{got.stored} stored, {got.skipped} already there, {got.failed} failed",
            err=True,
        )

    try:
        run_watch(feeds, db, seconds, rounds, Fetcher(delay=delay), report)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    except KeyboardInterrupt:
        click.echo("newsevents: watch stopped", err=True)


#: What one record of each export format is.
_EXPORTED = {"jsonl": "articles", "csv": "events", "parquet": "events", "gdelt": "event clusters"}


@main.command()
@click.option(
    "--db", default="newsevents.db", show_default=True, help="SQLite path or postgresql:// URL."
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv", "parquet", "gdelt"]),
    default="jsonl",
    show_default=True,
)
@click.option("--out", required=True, type=click.Path(path_type=Path), help="Output file.")
@click.option("--since", help="Events dated on or after YYYY-MM-DD.")
@click.option("--until", help="Events dated on or before YYYY-MM-DD.")
@click.option("--type", "etype", help="PLOVER event type.")
@click.option("--actor", help="Actor or recipient name (substring, case-insensitive).")
@click.option(
    "--status",
    type=click.Choice(
        ["asserted", "planned", "hypothetical", "possible", "negated", "requested", "all"]
    ),
    help="Events of this status only. Default: all, except gdelt (asserted only, as "
    "GDELT's events happened).",
)
@click.option("--country", help="A party's country (ISO alpha-3).")
def export(
    db: str,
    fmt: str,
    out: Path,
    since: str | None,
    until: str | None,
    etype: str | None,
    actor: str | None,
    status: str | None,
    country: str | None,
) -> None:
    """Write stored analyses: one newsevents/1 document per article (jsonl), or one
    row per event (csv, parquet), or one row per real-world event in the GDELT 2.0
    event table (gdelt: FIPS geography, counts over the event's reports, full CAMEO
    codes and Goldstein scores)."""
    import shutil
    import tempfile

    from .export import EventFilter, export_store
    from .store import StoreError, existing_store

    try:
        store = existing_store(db)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    wanted = EventFilter(since, until, etype, actor, status, country)
    with store:
        if str(out) == "-":  # standard output, as Unix tools take "-"
            with tempfile.TemporaryDirectory() as tmp:
                staged = Path(tmp) / f"export.{fmt}"
                n = export_store(store, fmt, staged, wanted)
                with staged.open("rb") as fh:
                    shutil.copyfileobj(fh, sys.stdout.buffer)
                sys.stdout.buffer.flush()
        else:
            n = export_store(store, fmt, out, wanted)
    target = "standard output" if str(out) == "-" else out
    click.echo(f"newsevents: {n} {_EXPORTED[fmt]} -> {target}", err=True)


@main.command()
@click.option(
    "--db", default="newsevents.db", show_default=True, help="SQLite path or postgresql:// URL."
)
def relink(db: str) -> None:
    """Rebuild the cross-article records of a store (entities, event clusters,
    threads, claim groups, stories) after the linking rules change; nothing is
    analysed again."""
    from .store import StoreError, existing_store

    try:
        with existing_store(db) as store:
            articles, stories = store.relink()
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"newsevents: relinked {articles} articles into {stories} stories", err=True)


@main.command()
@click.option(
    "--db", default="newsevents.db", show_default=True, help="SQLite path or postgresql:// URL."
)
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="Address to bind (loopback by default)."
)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option(
    "--token-env",
    default="NEWSEVENTS_TOKEN",
    show_default=True,
    help="Environment variable holding the token that write requests must present.",
)
@click.option(
    "--rate-limit",
    type=float,
    default=None,
    help="Requests a second per client address (default 20; writes a tenth); 0 turns it off.",
)
@click.option(
    "--header-timeout",
    type=click.FloatRange(0.1),
    default=10.0,
    show_default=True,
    help="Seconds a client has to send its request headers (slow clients are cut off).",
)
@click.option(
    "--trusted-proxies",
    default=None,
    help="Comma-separated addresses of reverse proxies whose X-Forwarded-For is believed "
    "(none by default: the rate limit keys on the connecting address).",
)
def serve(
    db: str,
    host: str,
    port: int,
    token_env: str,
    rate_limit: float | None,
    header_timeout: float,
    trusted_proxies: str | None,
) -> None:
    """Serve the API (OpenAPI at /docs) and the dashboard over a database."""
    import os

    import uvicorn

    from .api import RATE_LIMIT, create_app
    from .server import server_config
    from .store import StoreError, existing_store

    try:
        existing_store(db).close()
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    _check_port(host, port)
    token = os.environ.get(token_env) or None
    click.echo(
        f"newsevents: serving {db} on http://{host}:{port}/ "
        f"(ingest {'enabled' if token else 'disabled: no token'})",
        err=True,
    )
    if not _loopback(host):
        click.echo(
            f"newsevents: warning: {host} is reachable from other machines, and reading needs "
            "no token: every stored article, quote and event is readable by anyone who can "
            f"reach port {port}. Bind 127.0.0.1 behind an authenticating proxy to restrict it.",
            err=True,
        )
    app = create_app(db, token=token, rate_limit=RATE_LIMIT if rate_limit is None else rate_limit)
    config = server_config(app, host, port, header_timeout, trusted_proxies)
    uvicorn.Server(config).run()


@main.command()
def schema() -> None:
    """Print the JSON Schema of a newsevents/1 document (generated from the model)."""
    click.echo(json.dumps(json_schema(), indent=2))


@main.group()
def gazetteer() -> None:
    """The offline indexes: places, place names for the NER component, CAMEO verbs."""


@gazetteer.command(name="build")
@click.option("--force", is_flag=True, help="Rebuild even when the index exists.")
def gazetteer_build(force: bool) -> None:
    """Build the indexes once (run by `make install`; otherwise each is built on
    first use): the small-places index (GeoNames cities500, in $NEWSEVENTS_GEO_INDEX
    or the user's cache folder) and the start-up indexes (gazetteer, NER place
    names, CAMEO verbs, in $NEWSEVENTS_CACHE or the user's cache folder)."""
    from .geoindex import build, index_path

    path = index_path()
    if path.exists() and not force:
        click.echo(f"small-places index present: {path}")
    else:
        try:
            built = build(path)
        except OSError as exc:
            raise click.ClickException(
                f"cannot write the small-places index at {path}: {exc}"
            ) from exc
        click.echo(f"small-places index built: {built} ({built.stat().st_size / 1e6:.0f} MB)")
    for name, file in _build_startup_indexes(force):
        if not file.exists():
            raise click.ClickException(f"cannot write the {name} index at {file}")
        click.echo(f"{name} index: {file} ({file.stat().st_size / 1e6:.1f} MB)")


def _build_startup_indexes(force: bool) -> list[tuple[str, Path]]:
    """Each start-up index built (or, with ``force``, rebuilt) and where it is."""
    from . import prebuilt
    from .extract.events import cameo
    from .gazetteer import INDEX as GAZETTEER_INDEX
    from .gazetteer import load_gazetteer
    from .nlp import NER_INDEX, load_nlp, model_id

    if force:
        for file in prebuilt.cache_folder().glob("*.marshal"):
            file.unlink()
    load_gazetteer()
    nlp = load_nlp()  # builds the NER place names with the model's tokenizer
    cameo.dictionary()
    return [
        ("gazetteer", prebuilt.index_file(GAZETTEER_INDEX)),
        ("NER place names", prebuilt.index_file(NER_INDEX, model_id(nlp))),
        ("CAMEO verbs", prebuilt.index_file(cameo.INDEX)),
    ]


@main.group(name="eval")
def eval_() -> None:
    """Score the extractors against gold data."""


@eval_.command(name="seed")
@click.option("--gold", "gold", required=True, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--articles",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Folder with NAME.txt for each NAME.gold.json (default: ../../examples from the gold).",
)
@click.option("-v", "--verbose", is_flag=True, help="List every miss.")
def eval_seed(gold: Path, articles: Path | None, verbose: bool) -> None:
    """Found/expected per section against seed gold files (*.gold.json)."""
    from .evaluation.seed import article_path, format_scores, load_gold, score_article
    from .pipeline import analyze

    for name, data in load_gold(gold):
        path = article_path(name, gold, articles)
        items = list(iter_articles([path]))
        if not items or isinstance(items[0], InputError):
            raise click.ClickException(f"{name}: cannot read article {path}: {items[:1]}")
        article = items[0]
        assert isinstance(article, Article)
        result = analyze(article)
        click.echo(format_scores(name, score_article(result, data), verbose))


@eval_.command(name="plover")
@click.option("--gold", "gold", required=True, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--table",
    type=click.Path(exists=True, path_type=Path),
    help="CAMEO2PLOVER table for the 0.5 -> 0.8 names (default: beside the gold file).",
)
@click.option("-v", "--verbose", is_flag=True, help="List every mistyped sentence.")
def eval_plover(gold: Path, table: Path | None, verbose: bool) -> None:
    """Event type P/R/F1 and actor countries on the PLOVER gold sentences."""
    from .evaluation.plover import format_plover, load_plover_gold, read_renames, score_plover
    from .nlp import load_nlp

    renames = read_renames(table or gold.with_name("CAMEO2PLOVER-2021.txt"))
    try:
        records = load_plover_gold(gold, renames)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"PLOVER 0.5 -> 0.8 names: {renames}")
    click.echo(format_plover(score_plover(records, load_nlp()), verbose))


def _score_gold(
    gold: Path,
    verbose: bool,
    load: Callable[[Path], Any],
    score: Callable[[Any, Any], Any],
    show: Callable[[Any, bool], str],
) -> None:
    """Read a gold set (a malformed one is a clear error), score it with the
    model, print the table: the same steps for every evaluation of a gold file."""
    from .nlp import load_nlp

    try:
        records = load(gold)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(show(score(records, load_nlp()), verbose))


@eval_.command(name="case")
@click.option("--gold", "gold", required=True, type=click.Path(exists=True, path_type=Path))
@click.option("-v", "--verbose", is_flag=True, help="List every miss of the open part.")
def eval_case(gold: Path, verbose: bool) -> None:
    """Expected PLOVER type among the events on CASE 2021 snippets (ACLED types),
    and no event on disasters and crime; a frozen third is scored, never listed."""
    from .evaluation.case import format_case, load_case, score_case

    _score_gold(gold, verbose, load_case, score_case, format_case)


@eval_.command(name="geo")
@click.option("--gold", "gold", required=True, type=click.Path(exists=True, path_type=Path))
@click.option("-v", "--verbose", is_flag=True, help="List every miss of the open part.")
def eval_geo(gold: Path, verbose: bool) -> None:
    """Toponym recognition and resolution (acc@161 km) on LGL, beside a
    population-heuristic peer; a frozen third is scored, never listed."""
    from .evaluation.geo import format_geo, load_lgl, score_geo

    _score_gold(gold, verbose, load_lgl, score_geo, format_geo)


@eval_.command(name="meantime")
@click.option("--gold", "gold", required=True, type=click.Path(exists=True, path_type=Path))
@click.option("-v", "--verbose", is_flag=True, help="List every miss of the open part.")
def eval_meantime(gold: Path, verbose: bool) -> None:
    """TIMEX3 detection and values on MEANTIME (Wikinews, CAT XML); a frozen third
    is scored, never listed."""
    from .evaluation.meantime import format_meantime, load_meantime, score_meantime

    _score_gold(gold, verbose, load_meantime, score_meantime, format_meantime)


@eval_.command(name="linking")
@click.option("--gold", "gold", required=True, type=click.Path(exists=True, path_type=Path))
@click.option("-v", "--verbose", is_flag=True, help="List the open articles grouped wrongly.")
def eval_linking(gold: Path, verbose: bool) -> None:
    """Stories (B-cubed, pairwise) and cross-article event coreference (MUC,
    B-cubed, CEAF-e, CoNLL) on ECB+, beside a TF-IDF peer; topics 16-20 frozen."""
    from .evaluation.ecbplus import load_ecbplus
    from .evaluation.linking import format_linking, score_linking

    _score_gold(gold, verbose, load_ecbplus, score_linking, format_linking)


@eval_.command(name="attribution")
@click.option("--gold", "gold", required=True, type=click.Path(exists=True, path_type=Path))
@click.option("-v", "--verbose", is_flag=True, help="List the open half's misses.")
def eval_attribution(gold: Path, verbose: bool) -> None:
    """Attributions on PolNeAR (a split folder with text/ and attributions/): content
    found, speaker right, end to end, by class; half of the articles frozen."""
    from .evaluation.polnear import format_polnear, load_polnear, score_polnear

    _score_gold(gold, verbose, load_polnear, score_polnear, format_polnear)


@eval_.command(name="dev")
@click.option(
    "--data",
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="JSON Lines development set (eval/data/quotes_claims_dev.jsonl).",
)
@click.option("--no-peers", is_flag=True, help="Skip textacy and quantulum3.")
def eval_dev(data: Path, no_peers: bool) -> None:
    """Quote speakers and claims P/R/F1 on a development set, beside the peers."""
    from .evaluation.dev import format_dev, load_dev, score_dev
    from .nlp import load_nlp

    try:
        records = load_dev(data)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(format_dev(score_dev(records, load_nlp(), peers=not no_peers)))


if __name__ == "__main__":  # pragma: no cover
    main()
