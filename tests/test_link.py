"""Cross-article linking on three short reports of one story by different outlets."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from spacy.language import Language

from newsevents import analyze, article_from_text
from newsevents.store import open_store

REPORTS = [
    (
        "Wire A",
        "2025-05-02",
        "Turkish President Recep Tayyip Erdogan met Syrian President Ahmed al-Sharaa in "
        "Ankara on Thursday. The Syrian health ministry said 40 people were killed in "
        "the fighting near Aleppo.",
    ),
    (
        "Paper B",
        "2025-05-02",
        "Erdogan held talks with Syrian President Ahmed al-Sharaa in Ankara on Thursday, "
        "officials said. A monitoring group said 65 people were killed in the fighting "
        "near Aleppo.",
    ),
    (
        "Wire C",
        "2025-07-20",
        "Indian Prime Minister Narendra Modi met Brazilian President Luiz Inacio Lula da "
        "Silva in Brasilia on Saturday.",
    ),
]


def test_same_event_from_two_outlets_is_one_cluster(nlp: Language, tmp_path: Path) -> None:
    with open_store(tmp_path / "link.db") as store:
        for source, published, text in REPORTS:
            article = article_from_text(text, published=published, source=source)
            assert store.save(analyze(article, nlp), version="test")
        clusters = store.execute(
            "SELECT type, num_articles, num_sources, sources, first_report, last_report "
            "FROM event_clusters WHERE type = 'CONSULT' ORDER BY num_articles DESC"
        )
        top = clusters[0]
        assert top[:3] == ("CONSULT", 2, 2)
        assert json.loads(top[3]) == ["Paper B", "Wire A"]
        assert (top[4], top[5]) == ("2025-05-02", "2025-05-02")
        # the Modi-Lula meeting is another event: its own cluster
        assert any(c[1] == 1 for c in clusters[1:])

        # "Erdogan" alone and "Recep Tayyip Erdogan" are one actor across articles
        (erdogan,) = store.execute(
            "SELECT id, name, num_articles FROM global_entities WHERE surname = 'erdogan'"
        )
        assert erdogan[1] == "Recep Tayyip Erdogan" and erdogan[2] == 2

        # the two death tolls sit in one group, with their claimants
        groups = store.execute(
            "SELECT group_id, COUNT(*) FROM claim_members GROUP BY group_id HAVING COUNT(*) > 1"
        )
        assert len(groups) == 1
        values = store.execute(
            "SELECT c.value, c.claimant_text FROM claim_members m JOIN claims c "
            "ON c.article_id = m.article_id AND c.id = m.claim_id WHERE m.group_id = ? "
            "ORDER BY c.value",
            (groups[0][0],),
        )
        assert [v[0] for v in values] == [40.0, 65.0]


THREAD_REPORTS = [
    *REPORTS,
    (
        "Wire D",
        "2025-05-22",
        "Erdogan spoke by phone with Syrian President Ahmed al-Sharaa on Wednesday about "
        "the border, the Turkish presidency said.",
    ),
    (
        "Wire E",
        "2025-09-30",
        "Erdogan received Syrian President Ahmed al-Sharaa in Istanbul on Tuesday.",
    ),
]


def _threads(store_path: Path, nlp: Language, reports: list[tuple[str, str, str]]) -> set[Any]:
    """Threads as sets of (outlet, event type) of their clusters' reports."""
    with open_store(store_path) as store:
        for source, published, text in reports:
            article = article_from_text(text, published=published, source=source)
            store.save(analyze(article, nlp), version="test")
        rows = store.execute(
            "SELECT c.thread_id, a.source FROM event_clusters c JOIN cluster_members m "
            "ON m.cluster_id = c.id JOIN articles a ON a.id = m.article_id"
        )
    threads: dict[str, set[str]] = {}
    for thread, source in rows:
        threads.setdefault(thread, set()).add(source)
    return {(thread, frozenset(sources)) for thread, sources in threads.items()}


def test_threads_chain_an_actor_pair_within_a_month(nlp: Language, tmp_path: Path) -> None:
    threads = _threads(tmp_path / "a.db", nlp, THREAD_REPORTS)
    by_sources = {sources for _, sources in threads}
    # the meeting reported twice and the call 20 days later are one story; the
    # meeting four months on starts another; Modi and Lula are another story
    assert frozenset({"Wire A", "Paper B", "Wire D"}) in by_sources
    assert not any("Wire E" in s and "Wire D" in s for s in by_sources)
    assert not any("Wire C" in s and "Wire A" in s for s in by_sources)
    # the same reports in the opposite order give the same threads, with the same ids
    assert _threads(tmp_path / "b.db", nlp, THREAD_REPORTS[::-1]) == threads


def test_upgrade_to_schema_3_backfills_parties_pairs_and_threads(
    nlp: Language, tmp_path: Path
) -> None:
    path = tmp_path / "old.db"
    threads = _threads(path, nlp, THREAD_REPORTS)
    with open_store(path) as store:  # back to schema 2, as a store made before it
        store.execute("DROP TABLE cluster_pairs")
        store.execute("DROP TABLE cluster_parties")
        store.execute("DROP INDEX event_clusters_thread")
        store.execute("DROP INDEX event_clusters_type_place")
        store.execute("DROP INDEX IF EXISTS cluster_parties_cluster")
        store.execute("DROP INDEX IF EXISTS cluster_pairs_cluster")
        for column in (
            "date_end", "date_precision", "date_from", "place_kind", "place_country",
            "place_region",
        ):  # fmt: skip
            store.execute(f"ALTER TABLE event_clusters DROP COLUMN {column}")
        store.execute("UPDATE event_clusters SET thread_id = NULL")
        store.execute("DELETE FROM schema_migrations WHERE version IN (3, 6)")
    with open_store(path) as store:
        assert store.execute("SELECT COUNT(*) FROM schema_migrations WHERE version = 3") == [(1,)]
        assert store.execute("SELECT COUNT(*) FROM cluster_pairs")[0][0] > 0
        assert store.execute("SELECT COUNT(*) FROM cluster_parties")[0][0] > 0
    assert _threads(path, nlp, []) == threads
    # and linking goes on through the backfilled index: a third report of the meeting
    with open_store(path) as store:
        third = article_from_text(
            "Erdogan and Syrian President Ahmed al-Sharaa met in Ankara on Thursday.",
            published="2025-05-02",
            source="Paper F",
        )
        store.save(analyze(third, nlp), version="test")
        top = store.execute("SELECT MAX(num_articles) FROM event_clusters WHERE type = 'CONSULT'")
    assert top == [(3,)]


PRECISION_REPORTS = [
    (
        "Wire G",
        "2025-03-10",
        "Gunmen attacked a police post in Maiduguri on Saturday, killing three officers, "
        "police said.",
    ),
    (
        "Paper H",
        "2025-03-12",
        "Gunmen attacked a police post in Nigeria earlier this month, killing three "
        "officers, the government said.",
    ),
]


def _attack_clusters(path: Path, nlp: Language, reports: list[tuple[str, str, str]]) -> Any:
    """The canonical record of the attack reported by both outlets."""
    with open_store(path) as store:
        for source, published, text in reports:
            store.save(analyze(article_from_text(text, published=published, source=source), nlp))
        return store.execute(
            "SELECT date, date_end, date_precision, date_from, place_kind, place_country "
            "FROM event_clusters WHERE type = 'ASSAULT' AND num_sources = 2"
        )


def test_a_dated_town_report_and_a_month_country_report_are_one_event(
    nlp: Language, tmp_path: Path
) -> None:
    (cluster,) = _attack_clusters(tmp_path / "a.db", nlp, PRECISION_REPORTS)
    # "earlier this month" in Nigeria holds Saturday in Maiduguri: one event,
    # whose canonical record is the precise one
    assert cluster == ("2025-03-08", "2025-03-08", "day", "event", "city", "NG")
    # the other order gives the same record (the month report first does not
    # keep the Saturday one out, nor does a report dated by its article narrow it)
    assert _attack_clusters(tmp_path / "b.db", nlp, PRECISION_REPORTS[::-1]) == [cluster]
