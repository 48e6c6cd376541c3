"""Versioned schema for SQLite and PostgreSQL.

One list of migrations, applied in order and recorded in ``schema_migrations``;
a statement is written once with ``{json}``-style placeholders for the few
types the two dialects spell differently. The full ``newsevents/1`` document of
each article is kept beside the tables (``articles.doc``) so that an export is
exactly what the analysis produced; the tables are for querying.
"""

from __future__ import annotations

from typing import Literal

Dialect = Literal["sqlite", "postgresql"]

_TYPES: dict[Dialect, dict[str, str]] = {
    "sqlite": {"real": "REAL", "bigint": "INTEGER"},
    "postgresql": {"real": "DOUBLE PRECISION", "bigint": "BIGINT"},
}

_V1 = [
    """CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        source TEXT,
        url TEXT,
        title TEXT,
        published TEXT,
        language TEXT,
        truncated INTEGER NOT NULL DEFAULT 0,
        text TEXT NOT NULL,
        doc TEXT NOT NULL,
        label TEXT,
        extractor_version TEXT NOT NULL,
        ingested_at TEXT NOT NULL
    )""",
    """CREATE TABLE entities (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        country TEXT,
        sector TEXT,
        role TEXT,
        PRIMARY KEY (article_id, id)
    )""",
    """CREATE TABLE places (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        country TEXT,
        iso3166_2 TEXT,
        geonameid {bigint},
        lat {real},
        lon {real},
        PRIMARY KEY (article_id, id)
    )""",
    """CREATE TABLE events (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        type TEXT NOT NULL,
        mode TEXT,
        status TEXT NOT NULL,
        date TEXT,
        place_id TEXT,
        source_id TEXT,
        confidence {real} NOT NULL,
        rule TEXT,
        trigger_start INTEGER NOT NULL,
        trigger_end INTEGER NOT NULL,
        sentence_start INTEGER NOT NULL,
        sentence_end INTEGER NOT NULL,
        PRIMARY KEY (article_id, id)
    )""",
    """CREATE TABLE event_parties (
        article_id TEXT NOT NULL,
        event_id TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        role TEXT NOT NULL,
        PRIMARY KEY (article_id, event_id, entity_id, role),
        FOREIGN KEY (article_id, event_id) REFERENCES events(article_id, id) ON DELETE CASCADE
    )""",
    """CREATE TABLE quotes (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        speaker_id TEXT,
        speaker_text TEXT,
        text TEXT NOT NULL,
        kind TEXT NOT NULL,
        cue TEXT,
        span_start INTEGER NOT NULL,
        span_end INTEGER NOT NULL,
        PRIMARY KEY (article_id, id)
    )""",
    """CREATE TABLE claims (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        claimant_id TEXT,
        claimant_text TEXT,
        value {real} NOT NULL,
        unit TEXT NOT NULL,
        approx TEXT,
        measure TEXT,
        status TEXT NOT NULL,
        disputed_by TEXT NOT NULL,
        span_start INTEGER NOT NULL,
        span_end INTEGER NOT NULL,
        PRIMARY KEY (article_id, id)
    )""",
    """CREATE TABLE mentions (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        record_kind TEXT NOT NULL,
        record_id TEXT NOT NULL,
        span_start INTEGER NOT NULL,
        span_end INTEGER NOT NULL,
        sentence_start INTEGER,
        sentence_end INTEGER,
        extractor TEXT NOT NULL,
        version TEXT NOT NULL
    )""",
    "CREATE INDEX mentions_record ON mentions (article_id, record_kind, record_id)",
    """CREATE TABLE failures (
        input TEXT NOT NULL,
        line INTEGER,
        problem TEXT NOT NULL,
        at TEXT NOT NULL
    )""",
    "CREATE INDEX events_type ON events (type)",
    "CREATE INDEX events_date ON events (date)",
    "CREATE INDEX parties_entity ON event_parties (entity_id)",
    "CREATE INDEX entities_name ON entities (name)",
]

_FTS: dict[Dialect, list[str]] = {
    "sqlite": [
        "CREATE VIRTUAL TABLE articles_fts USING fts5(article_id UNINDEXED, title, text)",
    ],
    "postgresql": [
        "CREATE INDEX articles_fts ON articles USING GIN "
        "(to_tsvector('english', coalesce(title, '') || ' ' || text))",
    ],
}


_V2 = [
    """CREATE TABLE global_entities (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, country TEXT,
        sector TEXT, surname TEXT NOT NULL, num_articles INTEGER NOT NULL)""",
    "CREATE INDEX global_entities_surname ON global_entities (kind, surname, country)",
    """CREATE TABLE entity_aliases (
        global_id TEXT NOT NULL, key TEXT NOT NULL, name TEXT NOT NULL,
        PRIMARY KEY (global_id, key))""",
    "CREATE INDEX entity_aliases_key ON entity_aliases (key)",
    """CREATE TABLE entity_links (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        entity_id TEXT NOT NULL, global_id TEXT NOT NULL,
        PRIMARY KEY (article_id, entity_id))""",
    "CREATE INDEX entity_links_global ON entity_links (global_id)",
    """CREATE TABLE event_clusters (
        id TEXT PRIMARY KEY, type TEXT NOT NULL, actors TEXT NOT NULL, recipients TEXT NOT NULL,
        date TEXT, place TEXT, first_report TEXT, last_report TEXT,
        num_articles INTEGER NOT NULL, num_sources INTEGER NOT NULL, sources TEXT NOT NULL,
        thread_id TEXT)""",
    "CREATE INDEX event_clusters_type_date ON event_clusters (type, date)",
    """CREATE TABLE cluster_members (
        cluster_id TEXT NOT NULL, article_id TEXT NOT NULL REFERENCES articles(id)
        ON DELETE CASCADE, event_id TEXT NOT NULL, PRIMARY KEY (article_id, event_id))""",
    "CREATE INDEX cluster_members_cluster ON cluster_members (cluster_id)",
    """CREATE TABLE claim_groups (
        id TEXT PRIMARY KEY, unit TEXT NOT NULL, measure_key TEXT NOT NULL, label TEXT NOT NULL)""",
    """CREATE TABLE claim_members (
        group_id TEXT NOT NULL, article_id TEXT NOT NULL REFERENCES articles(id)
        ON DELETE CASCADE, claim_id TEXT NOT NULL, PRIMARY KEY (article_id, claim_id))""",
    "CREATE INDEX claim_members_group ON claim_members (group_id)",
]


#: The parties and the actor pairs of each cluster, so that linking an event looks
#: up the clusters that share one of its actors, and threading looks up those that
#: share a pair, instead of reading every cluster of the day (a save cost grew with
#: the store). Filled for existing clusters by ``link.backfill_cluster_index``.
_V3 = [
    """CREATE TABLE cluster_parties (
        party TEXT NOT NULL, cluster_id TEXT NOT NULL, type TEXT NOT NULL, day TEXT,
        PRIMARY KEY (party, cluster_id))""",
    "CREATE INDEX cluster_parties_lookup ON cluster_parties (type, party, day)",
    """CREATE TABLE cluster_pairs (
        pair TEXT NOT NULL, cluster_id TEXT NOT NULL, day TEXT,
        PRIMARY KEY (pair, cluster_id))""",
    "CREATE INDEX cluster_pairs_pair_day ON cluster_pairs (pair, day)",
    "CREATE INDEX event_clusters_thread ON event_clusters (thread_id)",
]


#: Every (outlet, URL, publication date) at which one text was seen. The analysis
#: is kept once per text (the id is its hash), but a syndicated copy from another
#: outlet is another report: clusters and exports count it. Existing articles
#: get the occurrence they were stored with.
_V4 = [
    """CREATE TABLE occurrences (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        outlet TEXT NOT NULL, url TEXT NOT NULL, published TEXT NOT NULL,
        label TEXT, seen_at TEXT NOT NULL,
        PRIMARY KEY (article_id, outlet, url, published))""",
    "CREATE INDEX occurrences_outlet ON occurrences (outlet)",
    """INSERT INTO occurrences (article_id, outlet, url, published, label, seen_at)
        SELECT id, COALESCE(source, ''), COALESCE(url, ''), COALESCE(published, ''), label,
        ingested_at FROM articles""",
]


#: Stories: each article's signature (its heaviest terms, as JSON) and day, the
#: terms it is found under, the pairs of articles similar enough to share a
#: story, each article's story and each story's record (see ``store.stories``).
#: Filled for existing articles by ``stories.backfill_stories``.
_V5 = [
    """CREATE TABLE story_signatures (
        article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        day TEXT, terms TEXT NOT NULL)""",
    """CREATE TABLE story_terms (
        term TEXT NOT NULL, article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        day TEXT, weight {real} NOT NULL, PRIMARY KEY (term, article_id))""",
    "CREATE INDEX story_terms_term_day ON story_terms (term, day, article_id)",
    """CREATE TABLE story_edges (
        a TEXT NOT NULL, b TEXT NOT NULL, sim {real} NOT NULL, PRIMARY KEY (a, b))""",
    "CREATE INDEX story_edges_b ON story_edges (b)",
    """CREATE TABLE article_stories (
        article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        story_id TEXT NOT NULL)""",
    "CREATE INDEX article_stories_story ON article_stories (story_id)",
    """CREATE TABLE stories (
        id TEXT PRIMARY KEY, title TEXT NOT NULL, first_day TEXT, last_day TEXT,
        num_articles INTEGER NOT NULL, num_reports INTEGER NOT NULL,
        num_outlets INTEGER NOT NULL, outlets TEXT NOT NULL)""",
    "CREATE INDEX stories_last_day ON stories (last_day)",
]


#: An event cluster's canonical time is an interval with its precision (a day, a
#: week, a month, a year) and where it came from (an event's own date, or its
#: article's); its place keeps its kind, country and region, so that a town
#: report joins a country report of the same event. Existing clusters had days.
_V6 = [
    "ALTER TABLE event_clusters ADD COLUMN date_end TEXT",
    "ALTER TABLE event_clusters ADD COLUMN date_precision TEXT",
    "ALTER TABLE event_clusters ADD COLUMN date_from TEXT",
    "ALTER TABLE event_clusters ADD COLUMN place_kind TEXT",
    "ALTER TABLE event_clusters ADD COLUMN place_country TEXT",
    "ALTER TABLE event_clusters ADD COLUMN place_region TEXT",
    "ALTER TABLE cluster_parties ADD COLUMN day_end TEXT",
    "UPDATE event_clusters SET date_end = date, date_precision = 'day' WHERE date IS NOT NULL",
    "UPDATE cluster_parties SET day_end = day",
    "CREATE INDEX event_clusters_type_place ON event_clusters (type, place, date)",
    # a cluster's parties and pairs are rewritten when its time or its name changes
    "CREATE INDEX cluster_parties_cluster ON cluster_parties (cluster_id)",
    "CREATE INDEX cluster_pairs_cluster ON cluster_pairs (cluster_id)",
]


#: Version 7: the feeds ``newsevents watch`` follows, with the validators of their
#: last answer (so an unchanged feed is a 304), and page URLs looked up before a
#: page is fetched again.
_V7 = [
    """CREATE TABLE feeds (
        url TEXT PRIMARY KEY, etag TEXT, modified TEXT, checked_at TEXT NOT NULL,
        status INTEGER, items INTEGER)""",
    "CREATE INDEX occurrences_url ON occurrences (url)",
]


#: Events the title reports: ``from_title`` marks an event of the title alone
#: (its offsets are into the title), ``in_title`` a text event the title also
#: reports. Rows stored before keep 0 for both.
_V8 = [
    "ALTER TABLE events ADD COLUMN in_title INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE events ADD COLUMN from_title INTEGER NOT NULL DEFAULT 0",
]


def migrations(dialect: Dialect) -> list[tuple[int, str, list[str]]]:
    """(version, description, statements) in the order they apply."""
    types = _TYPES[dialect]
    v1 = [stmt.format(**types) for stmt in _V1] + _FTS[dialect]
    return [
        (1, "articles, extracted records, mentions, failures, full-text index", v1),
        (2, "cross-article links: global entities, event clusters, claim groups", _V2),
        (3, "parties and actor pairs of event clusters, for incremental linking", _V3),
        (4, "every outlet, URL and date at which a text was seen", _V4),
        (
            5,
            "stories: article signatures, similar pairs, stories",
            [st.format(**types) for st in _V5],
        ),
        (6, "event clusters: time as an interval with its precision, place containment", _V6),
        (7, "followed feeds and their validators; occurrences by URL", _V7),
        (8, "events: reported in the title, or by the title alone", _V8),
    ]
