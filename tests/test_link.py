"""Cross-article linking on three short reports of one story by different outlets."""

from __future__ import annotations

import json
from pathlib import Path

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
