"""The store: SQLite by default, PostgreSQL for servers, one schema, chosen by URL.

Every article is written in one transaction with all its records and their
evidence, keyed by the article id (sha256 of its text). A second ingest of the
same text is a no-op, and a process killed mid-run loses only the article it
was writing: what was committed stays, and the rerun skips it.
"""

from __future__ import annotations

import contextlib
import json
import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..link import Linker, assign_threads, backfill_cluster_index, count_occurrence
from ..model import Analysis, Article
from .schema import Dialect, migrations
from .stories import (
    SignatureCache,
    StoryLinker,
    backfill_stories,
    clear_stories,
    refresh_article_story,
)

#: The records of one analysis and the extractor each comes from.
_EXTRACTORS = {
    "entity": "entities",
    "place": "places",
    "time": "times",
    "event": "events",
    "quote": "quotes",
    "claim": "claims",
}


class StoreError(Exception):
    """The database cannot be opened or written; the message names it."""


class StoreUnavailable(StoreError):
    """The connection to the database server is gone (it may come back): retry."""


class StoreWriteError(StoreError):
    """The database refused a write (disk full, locked past the timeout): stop."""


#: Key of the PostgreSQL advisory lock that serialises migrations ("newsevt" in hex-ish).
_MIGRATE_LOCK = 0x6E657773657674

#: Seconds a SQLite writer waits for another writer's lock before giving up.
BUSY_TIMEOUT = 30.0


#: Pages the SQLite write-ahead log may hold before it is copied into the database.
WAL_CHECKPOINT_PAGES = 10_000


def _now(timespec: str = "seconds") -> str:
    return datetime.now(UTC).isoformat(timespec=timespec)


class Store:
    """A connection to one newsevents database."""

    def __init__(self, url: str | Path, timeout: float = BUSY_TIMEOUT) -> None:
        self.url = str(url)
        self.timeout = timeout
        self._signatures = SignatureCache()  # story signatures last read, by article id
        self.dialect: Dialect
        scheme = re.match(r"([a-zA-Z][\w+.-]*)://", self.url)
        if scheme and scheme.group(1).lower() not in ("postgresql", "postgres", "sqlite"):
            raise StoreError(
                f"{_redact(self.url)}: unsupported database URL scheme '{scheme.group(1)}': "
                "give a SQLite file path or a postgresql:// URL"
            )
        if self.url.startswith(("postgresql://", "postgres://")):
            self.dialect = "postgresql"
            self._connect_pg()
        else:
            path = self.url.removeprefix("sqlite:///").removeprefix("sqlite://")
            self.dialect = "sqlite"
            try:
                # one connection serves one request or one ingest at a time, but the
                # web framework may hand it between threads within a request
                self._lite = sqlite3.connect(
                    path, isolation_level=None, timeout=timeout, check_same_thread=False
                )
                self._lite.execute(f"PRAGMA busy_timeout={int(timeout * 1000)}")
                self._lite.execute("PRAGMA journal_mode=WAL")
                # WAL with NORMAL sync: a commit is not fsynced, so a power cut can
                # lose the last saves (never the file's consistency; a process crash
                # loses nothing, and ingest is idempotent, so a rerun redoes them);
                # a checkpoint every 10,000 pages writes each hot index page once
                # for many saves. Together they keep a save's cost flat as the
                # store grows (docs/PERFORMANCE.md, linking benchmark).
                self._lite.execute("PRAGMA synchronous=NORMAL")
                self._lite.execute(f"PRAGMA wal_autocheckpoint={WAL_CHECKPOINT_PAGES}")
                self._lite.execute("PRAGMA foreign_keys=ON")
            except sqlite3.Error as exc:
                raise StoreError(f"{path}: cannot open SQLite database: {exc}") from exc
        self.migrate()

    def _connect_pg(self) -> None:
        import psycopg

        try:
            self._pg = psycopg.connect(self.url, autocommit=False, connect_timeout=10)
        except psycopg.OperationalError as exc:
            raise StoreUnavailable(f"{_redact(self.url)}: cannot connect: {exc}") from exc
        except psycopg.Error as exc:
            raise StoreError(f"{_redact(self.url)}: cannot connect: {exc}") from exc

    def reconnect(self) -> None:
        """A new server connection after ``StoreUnavailable`` (PostgreSQL only)."""
        if self.dialect != "postgresql":
            return
        with contextlib.suppress(Exception):  # the old connection is dead anyway
            self._pg.close()
        self._connect_pg()

    def _classify(self, exc: BaseException) -> StoreError | None:
        """Our error for a driver error, or None when it is not about the database."""
        where = _redact(self.url)
        if self.dialect == "postgresql":
            import psycopg

            if isinstance(exc, psycopg.OperationalError) or (
                isinstance(exc, psycopg.Error) and self._pg.closed
            ):
                return StoreUnavailable(f"{where}: connection lost: {exc}")
            if isinstance(exc, psycopg.Error):
                return StoreWriteError(f"{where}: {exc}")
            return None
        if isinstance(exc, sqlite3.ProgrammingError):
            return None  # our SQL or our use of the connection: a bug, not a fault
        if isinstance(exc, sqlite3.OperationalError | sqlite3.DatabaseError):
            text = str(exc)
            if "disk" in text or "full" in text:  # SQLITE_FULL, or SQLITE_IOERR on a write
                text += " (is the disk full, or the file not writable?)"
            return StoreWriteError(f"{where}: {text}")
        if isinstance(exc, OSError):
            return StoreWriteError(f"{where}: {exc.strerror or exc}")
        return None

    # -- low level ------------------------------------------------------------

    def _sql(self, query: str) -> str:
        return query.replace("?", "%s") if self.dialect == "postgresql" else query

    def execute(self, query: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Run one statement outside a write transaction and return its rows."""
        try:
            if self.dialect == "postgresql":
                with self._pg.cursor() as cur:
                    cur.execute(self._sql(query), params)
                    rows = cur.fetchall() if cur.description else []
                self._pg.commit()
                return rows
            return self._lite.execute(query, params).fetchall()
        except Exception as exc:
            if self.dialect == "postgresql":
                self._safe_rollback()
            ours = self._classify(exc)
            if ours is not None:
                raise ours from exc
            raise

    def _begin(self) -> Any:
        try:
            if self.dialect == "postgresql":
                return self._pg.cursor()
            self._lite.execute("BEGIN IMMEDIATE")
            return self._lite.cursor()
        except Exception as exc:
            ours = self._classify(exc)
            if ours is not None:
                raise ours from exc
            raise

    def _commit(self) -> None:
        if self.dialect == "postgresql":
            self._pg.commit()
        else:
            self._lite.execute("COMMIT")

    def _rollback(self) -> None:
        if self.dialect == "postgresql":
            self._pg.rollback()
        else:
            self._lite.execute("ROLLBACK")

    def _many(self, cur: Any, query: str, rows: Iterable[Sequence[Any]]) -> None:
        rows = list(rows)
        if rows:
            cur.executemany(self._sql(query), rows)

    def close(self) -> None:
        if self.dialect == "postgresql":
            self._pg.close()
        else:
            self._lite.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- schema ---------------------------------------------------------------

    def migrate(self) -> int:
        """Apply the migrations not yet applied; returns the schema version.

        Several processes may open a new database at once (two ingests, a
        server's first requests). The versions are read again under the write
        lock (SQLite's ``BEGIN IMMEDIATE``, a PostgreSQL advisory lock) before
        anything is created, so exactly one of them migrates and the others
        find it done. An up-to-date database is recognised without the lock.
        """
        wanted = {number for number, _, _ in migrations(self.dialect)}
        done = self._applied()
        if wanted <= done:
            return max(done)
        with self._transaction() as cur:
            if self.dialect == "postgresql":
                cur.execute(self._sql("SELECT pg_advisory_xact_lock(?)"), (_MIGRATE_LOCK,))
            cur.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                "description TEXT NOT NULL, applied_at TEXT NOT NULL)"
            )
            cur.execute("SELECT version FROM schema_migrations")
            done = {row[0] for row in cur.fetchall()}
            applied: set[int] = set()
            for number, description, statements in migrations(self.dialect):
                if number in done:
                    continue
                for stmt in statements:
                    cur.execute(stmt)
                cur.execute(
                    self._sql(
                        "INSERT INTO schema_migrations (version, description, applied_at) "
                        "VALUES (?, ?, ?)"
                    ),
                    (number, description, _now()),
                )
                done.add(number)
                applied.add(number)
            # backfills read and write the schema as it is now, so they run
            # once every migration is in
            if 3 in applied:  # pairs of the clusters linked before it existed
                backfill_cluster_index(cur, self._sql)
            if 5 in applied:  # stories of the articles stored before them
                backfill_stories(cur, self._sql)
            self._commit()
        return max(done, default=0)

    def _applied(self) -> set[int]:
        """Versions applied so far; none when there is no schema yet."""
        try:
            return {row[0] for row in self.execute("SELECT version FROM schema_migrations")}
        except StoreWriteError:
            return set()  # no such table: a new database

    # -- writing --------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        return bool(self.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)))

    def known_urls(self, urls: list[str]) -> set[str]:
        """Those of ``urls`` already stored as an article's URL, or recorded as failed."""
        found: set[str] = set()
        for at in range(0, len(urls), 500):
            chunk = urls[at : at + 500]
            marks = ", ".join("?" for _ in chunk)
            rows = self.execute(
                f"SELECT url FROM occurrences WHERE url IN ({marks}) UNION "
                f"SELECT input FROM failures WHERE input IN ({marks})",
                [*chunk, *chunk],
            )
            found |= {r[0] for r in rows}
        return found

    def feed_state(self, url: str) -> tuple[str | None, str | None]:
        """The ETag and Last-Modified a feed last answered with."""
        rows = self.execute("SELECT etag, modified FROM feeds WHERE url = ?", (url,))
        return (rows[0][0], rows[0][1]) if rows else (None, None)

    def save_feed_state(
        self, url: str, etag: str | None, modified: str | None, status: int, items: int
    ) -> None:
        self.execute(
            "INSERT INTO feeds (url, etag, modified, checked_at, status, items) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (url) DO UPDATE SET "
            "etag = excluded.etag, modified = excluded.modified, "
            "checked_at = excluded.checked_at, status = excluded.status, items = excluded.items",
            (url, etag, modified, _now(), status, items),
        )

    def record_failure(self, input_name: str, problem: str, line: int | None = None) -> None:
        """Keep a rejected input in the database so the batch's report survives it.

        The same failure of the same input is one row, its time the latest
        attempt: rerunning a batch does not make the report grow.
        """
        key = (input_name, -1 if line is None else line, problem)
        match = "input = ? AND COALESCE(line, -1) = ? AND problem = ?"
        if self.execute(f"SELECT 1 FROM failures WHERE {match}", key):
            self.execute(f"UPDATE failures SET at = ? WHERE {match}", (_now(), *key))
        else:
            self.execute(
                "INSERT INTO failures (input, line, problem, at) VALUES (?, ?, ?, ?)",
                (input_name, line, problem, _now()),
            )

    def save(self, analysis: Analysis, label: str | None = None, version: str = "") -> bool:
        """Write one analysis in one transaction; False when the article was there already."""
        art = analysis.article
        with self._transaction() as cur:
            cur.execute(
                self._sql(
                    "INSERT INTO articles (id, source, url, title, published, language, "
                    "truncated, text, doc, label, extractor_version, ingested_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING"
                ),
                (
                    art.id,
                    art.source,
                    art.url,
                    art.title,
                    art.published,
                    art.language,
                    int(art.truncated),
                    art.text,
                    analysis.to_json(indent=None),
                    label,
                    version,
                    _now("microseconds"),  # relink replays articles in this order
                ),
            )
            if cur.rowcount == 0:
                self._rollback()
                self.add_occurrence(art, label)
                return False
            _insert_occurrence(cur, self._sql, art, label)
            self._write_records(cur, analysis, version)
            touched = Linker(cur, self._sql).link(analysis)
            assign_threads(cur, self._sql, touched)
            StoryLinker(cur, self._sql, self._signatures).link(analysis)
            self._commit()
            return True

    def add_occurrence(self, article: Article, label: str | None = None) -> bool:
        """Record that a stored text was seen again, maybe at another outlet, URL or
        date; True when that occurrence is new (False too when the text is not
        stored: its first copy failed). Its event clusters count the
        report, and the outlet among their sources. Nothing is analysed again."""
        with self._transaction() as cur:
            cur.execute(self._sql("SELECT 1 FROM articles WHERE id = ?"), (article.id,))
            if not cur.fetchall() or not _insert_occurrence(cur, self._sql, article, label):
                self._rollback()
                return False
            count_occurrence(cur, self._sql, article)
            refresh_article_story(cur, self._sql, article.id)
            self._commit()
            return True

    def relink(self) -> tuple[int, int]:
        """Rebuild every cross-article record (entities, event clusters, threads,
        claim groups, stories) from the stored analyses, in article-id order, in
        one transaction: after the linking rules change, a store is as if its
        articles had been ingested with the new ones, in the order they came (the
        clusters of unnamed parties depend on it; ties in the stamp by id).
        Returns (articles, stories)."""
        with self._transaction() as cur:
            for table in _LINK_TABLES:
                cur.execute(f"DELETE FROM {table}")
            clear_stories(cur, self._sql)
            self._signatures.clear()
            cur.execute(self._sql("SELECT doc FROM articles ORDER BY ingested_at, id"))
            docs = [r[0] for r in cur.fetchall()]
            stories = StoryLinker(cur, self._sql, self._signatures)
            for doc in docs:
                analysis = Analysis.model_validate_json(doc)
                art = analysis.article
                touched = Linker(cur, self._sql).link(analysis)
                assign_threads(cur, self._sql, touched)
                stories.link(analysis)
                # the other outlets, URLs and dates the same text was seen at
                cur.execute(
                    self._sql(
                        "SELECT outlet, url, published FROM occurrences WHERE article_id = ? "
                        "ORDER BY outlet, url, published"
                    ),
                    (art.id,),
                )
                own = (art.source or "", art.url or "", art.published or "")
                for outlet, url, published in cur.fetchall():
                    if (outlet, url, published) != own:
                        other = art.model_copy(
                            update={
                                "source": outlet or None,
                                "url": url or None,
                                "published": published or None,
                            }
                        )
                        count_occurrence(cur, self._sql, other)
            cur.execute(self._sql("SELECT COUNT(*) FROM stories"))
            num_stories = int(cur.fetchone()[0])
            self._commit()
        return len(docs), num_stories

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[Any]:
        """A write transaction's cursor; on any error it is rolled back and a driver
        error becomes ours (the body commits or rolls back itself)."""
        cur = self._begin()
        try:
            yield cur
        except Exception as exc:
            self._safe_rollback()
            ours = self._classify(exc)
            if ours is not None:
                raise ours from exc
            raise

    def occurrences(self, article_id: str) -> list[dict[str, str | None]]:
        """Where and when a text was seen, first seen first."""
        rows = self.execute(
            "SELECT outlet, url, published, label, seen_at FROM occurrences "
            "WHERE article_id = ? ORDER BY seen_at, outlet, url, published",
            (article_id,),
        )
        return [
            {
                "outlet": o or None,
                "url": u or None,
                "published": p or None,
                "label": lb,
                "seen_at": t,
            }
            for o, u, p, lb, t in rows
        ]

    def _safe_rollback(self) -> None:
        """Roll back what can be; a dead connection or a full disk rolls back by itself."""
        with contextlib.suppress(Exception):  # nothing was committed; the caller gets the cause
            self._rollback()

    def _write_records(self, cur: Any, analysis: Analysis, version: str) -> None:
        aid = analysis.article.id
        self._many(
            cur,
            "INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(aid, e.id, e.name, e.kind, e.country, e.sector, e.role) for e in analysis.entities],
        )
        self._many(
            cur,
            "INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (aid, p.id, p.name, p.kind, p.country, p.iso3166_2, p.geonameid, p.lat, p.lon)
                for p in analysis.places
            ],
        )
        self._many(
            cur,
            "INSERT INTO events (article_id, id, type, mode, status, date, place_id, source_id, "
            "confidence, rule, trigger_start, trigger_end, sentence_start, sentence_end, "
            "in_title, from_title) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    aid,
                    ev.id,
                    ev.type,
                    ev.mode,
                    ev.status,
                    analysis.event_date(ev),
                    ev.place,
                    ev.source,
                    ev.confidence,
                    getattr(ev, "rule", None),
                    ev.trigger[0],
                    ev.trigger[1],
                    ev.sentence[0],
                    ev.sentence[1],
                    int(ev.in_title),
                    int(analysis.from_title(ev)),
                )
                for ev in analysis.reported_events()
            ],
        )
        self._many(
            cur,
            "INSERT INTO event_parties VALUES (?, ?, ?, ?)",
            [
                (aid, ev.id, party, role)
                for ev in analysis.reported_events()
                for role, parties in (("actor", ev.actors), ("recipient", ev.recipients))
                for party in dict.fromkeys(parties)
            ],
        )
        self._many(
            cur,
            "INSERT INTO quotes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (aid, q.id, q.speaker, q.speaker_text, q.text, q.kind, q.cue, q.span[0], q.span[1])
                for q in analysis.quotes
            ],
        )
        self._many(
            cur,
            "INSERT INTO claims VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    aid,
                    c.id,
                    c.claimant,
                    c.claimant_text,
                    c.value,
                    c.unit,
                    c.approx,
                    c.measure,
                    c.status,
                    json.dumps(c.disputed_by),
                    c.span[0],
                    c.span[1],
                )
                for c in analysis.claims
            ],
        )
        self._many(
            cur,
            "INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(aid, *row, version) for row in _mentions(analysis)],
        )
        if self.dialect == "sqlite":
            cur.execute(
                "INSERT INTO articles_fts (article_id, title, text) VALUES (?, ?, ?)",
                (aid, analysis.article.title or "", analysis.article.text),
            )

    # -- reading --------------------------------------------------------------

    def article_ids(self) -> list[str]:
        return [r[0] for r in self.execute("SELECT id FROM articles ORDER BY id")]

    def analyses(self, ids: Iterable[str] | None = None) -> Iterator[Analysis]:
        """Stored analyses, as the extractors produced them, in article-id order."""
        wanted = list(ids) if ids is not None else self.article_ids()
        for aid in wanted:
            rows = self.execute("SELECT doc FROM articles WHERE id = ?", (aid,))
            if rows:
                yield Analysis.model_validate_json(rows[0][0])

    def story_of(self, article_id: str) -> str | None:
        rows = self.execute(
            "SELECT story_id FROM article_stories WHERE article_id = ?", (article_id,)
        )
        return str(rows[0][0]) if rows else None

    def stories(
        self,
        limit: int = 50,
        offset: int = 0,
        min_outlets: int = 0,
        article: tuple[str, list[Any]] | None = None,
    ) -> tuple[list[dict[str, Any]], int]:
        """Stories, those reported by the most outlets and articles first, and how
        many there are. ``article``: an SQL condition on ``m.article_id`` and its
        parameters; only stories with an article meeting it."""
        where, params = "s.num_outlets >= ?", [min_outlets]
        if article is not None:
            where += (
                " AND EXISTS (SELECT 1 FROM article_stories m WHERE m.story_id = s.id "
                f"AND {article[0]})"
            )
            params += article[1]
        total = int(self.execute(f"SELECT COUNT(*) FROM stories s WHERE {where}", params)[0][0])
        rows = self.execute(
            "SELECT s.id, s.title, s.first_day, s.last_day, s.num_articles, s.num_reports, "
            f"s.num_outlets, s.outlets FROM stories s WHERE {where} ORDER BY s.num_outlets "
            "DESC, s.num_articles DESC, s.last_day DESC, s.id LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
        return [_story_dict(r) for r in rows], total

    def story(self, story_id: str) -> dict[str, Any] | None:
        """One story with its articles (first reported first) and its event clusters."""
        rows = self.execute(
            "SELECT id, title, first_day, last_day, num_articles, num_reports, num_outlets, "
            "outlets FROM stories WHERE id = ?",
            (story_id,),
        )
        if not rows:
            return None
        out = _story_dict(rows[0])
        arts = self.execute(
            "SELECT a.id, a.title, a.published, a.source, a.url FROM article_stories m "
            "JOIN articles a ON a.id = m.article_id WHERE m.story_id = ? "
            "ORDER BY COALESCE(a.published, ''), a.id",
            (story_id,),
        )
        keys = ("id", "title", "published", "source", "url")
        out["articles"] = [dict(zip(keys, r, strict=True)) for r in arts]
        clusters = self.execute(
            "SELECT c.id, c.type, c.date, c.num_articles, c.num_sources FROM event_clusters c "
            "WHERE c.id IN (SELECT cm.cluster_id FROM cluster_members cm JOIN article_stories m "
            "ON m.article_id = cm.article_id WHERE m.story_id = ?) "
            "ORDER BY c.num_articles DESC, c.date, c.id",
            (story_id,),
        )
        ckeys = ("id", "type", "date", "num_articles", "num_sources")
        out["clusters"] = [dict(zip(ckeys, r, strict=True)) for r in clusters]
        return out

    def search(self, words: str, limit: int = 50) -> list[str]:
        """Ids of articles whose title or text match ``words`` (full-text index).

        Only the word characters of ``words`` are searched for, each as a quoted
        term: a query is never FTS syntax, whatever a client sends.
        """
        terms = re.findall(r"\w+", words)
        if not terms:
            return []
        words = " ".join(terms)
        if self.dialect == "postgresql":
            rows = self.execute(
                "SELECT id FROM articles WHERE to_tsvector('english', coalesce(title, '') || ' ' "
                "|| text) @@ plainto_tsquery('english', ?) ORDER BY id LIMIT ?",
                (words, limit),
            )
        else:
            quoted = " ".join('"' + w.replace('"', '""') + '"' for w in words.split())
            rows = self.execute(
                "SELECT article_id FROM articles_fts WHERE articles_fts MATCH ? "
                "ORDER BY article_id LIMIT ?",
                (quoted, limit),
            )
        return [r[0] for r in rows]

    def matching(self, column: str, words: str) -> tuple[str, list[Any]]:
        """SQL condition "``column`` is the id of an article matching ``words``".

        A subquery, not a list of ids: the filter holds on a store of any size
        (a list was cut at 10,000 matches, which made counts and timelines
        wrong when ``q`` was set). As in ``search``, only the word characters
        are searched for, each as a quoted term.
        """
        terms = re.findall(r"\w+", words)
        if not terms:
            return "1 = 0", []
        if self.dialect == "postgresql":
            return (
                f"{column} IN (SELECT id FROM articles WHERE to_tsvector('english', "
                "coalesce(title, '') || ' ' || text) @@ plainto_tsquery('english', ?))",
                [" ".join(terms)],
            )
        quoted = " ".join('"' + w.replace('"', '""') + '"' for w in terms)
        return (
            f"{column} IN (SELECT article_id FROM articles_fts WHERE articles_fts MATCH ?)",
            [quoted],
        )

    def counts(self) -> dict[str, int]:
        tables = ["articles", "entities", "places", "events", "quotes", "claims", "mentions"]
        tables.append("failures")
        return {t: int(self.execute(f"SELECT COUNT(*) FROM {t}")[0][0]) for t in tables}


def _insert_occurrence(cur: Any, sql: Any, article: Article, label: str | None) -> bool:
    cur.execute(
        sql(
            "INSERT INTO occurrences (article_id, outlet, url, published, label, seen_at) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"
        ),
        (
            article.id,
            article.source or "",
            article.url or "",
            article.published or "",
            label,
            _now(),
        ),
    )
    return bool(cur.rowcount)


def _mentions(analysis: Analysis) -> Iterator[tuple[Any, ...]]:
    """(kind, record id, start, end, sentence start, sentence end, extractor) per span."""
    for e in analysis.entities:
        for s, t in e.mentions:
            yield ("entity", e.id, s, t, None, None, _EXTRACTORS["entity"])
    for p in analysis.places:
        for s, t in p.mentions:
            yield ("place", p.id, s, t, None, None, _EXTRACTORS["place"])
    for tm in analysis.times:
        yield ("time", tm.id, tm.span[0], tm.span[1], None, None, _EXTRACTORS["time"])
    for ev in analysis.events:
        yield ("event", ev.id, *ev.trigger, *ev.sentence, _EXTRACTORS["event"])
    for ev in analysis.title_events:  # offsets into the title, not the text
        yield ("title_event", ev.id, *ev.trigger, *ev.sentence, _EXTRACTORS["event"])
    for q in analysis.quotes:
        yield ("quote", q.id, *q.span, None, None, _EXTRACTORS["quote"])
    for c in analysis.claims:
        yield ("claim", c.id, *c.span, *c.sentence, _EXTRACTORS["claim"])


_LINK_TABLES = (
    "entity_aliases",
    "entity_links",
    "global_entities",
    "cluster_members",
    "cluster_parties",
    "cluster_pairs",
    "event_clusters",
    "claim_members",
    "claim_groups",
)


def _story_dict(row: Sequence[Any]) -> dict[str, Any]:
    keys = ("id", "title", "first_day", "last_day", "num_articles", "num_reports", "num_outlets")
    out = dict(zip(keys, row[:7], strict=True))
    out["outlets"] = json.loads(row[7])
    return out


def existing_store(url: str | Path, timeout: float = BUSY_TIMEOUT) -> Store:
    """Open a store that must already exist: reading commands never create an
    empty database because of a typo in its path."""
    text = str(url)
    if "://" not in text or text.startswith("sqlite:"):
        path = Path(text.removeprefix("sqlite:///").removeprefix("sqlite://"))
        if not path.is_file():
            raise StoreError(
                f"{path}: no such database (create it with `newsevents ingest ... --db {path}`)"
            )
    return open_store(url, timeout)


def open_store(url: str | Path, timeout: float = BUSY_TIMEOUT) -> Store:
    """Open (and migrate) the database at a path or a ``postgresql://`` URL."""
    return Store(url, timeout)


def _redact(url: str) -> str:
    """A URL without its password, for messages."""
    head, at, tail = url.rpartition("@")
    if not at or "://" not in head:
        return url
    scheme, _, userinfo = head.partition("://")
    return f"{scheme}://{userinfo.split(':', 1)[0]}@{tail}"
