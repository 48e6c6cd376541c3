"""Stories across outlets, on the bundled reports of one development by several outlets."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from newsevents.evaluation.coref import bcubed, ceaf_e, conll, muc, pairwise
from newsevents.evaluation.ecbplus import load_ecbplus
from newsevents.ingest_run import run_ingest
from newsevents.store import open_store
from newsevents.story import average_link

from .conftest import ROOT

EXAMPLES = ROOT / "examples"
INPUTS = [
    EXAMPLES / "geneva-talks.txt",
    EXAMPLES / "sahel-aid.html",
    EXAMPLES / "wire.jsonl",
    EXAMPLES / "outlets.jsonl",
]


def _stories_by_outlet(db: str) -> dict[str, set[str]]:
    """Story id -> the outlets of its articles and copies."""
    with open_store(db) as store:
        return {s["id"]: set(s["outlets"]) for s in store.stories(limit=100)[0]}


def _grouping(db: str) -> set[frozenset[str]]:
    """The stories as sets of article ids (ids of stories are compared separately)."""
    with open_store(db) as store:
        rows = store.execute("SELECT story_id, article_id FROM article_stories")
    groups: dict[str, set[str]] = {}
    for sid, aid in rows:
        groups.setdefault(sid, set()).add(aid)
    return {frozenset(g) for g in groups.values()}


def test_reports_of_one_development_share_a_story(db_url: str) -> None:
    run_ingest(INPUTS, db_url, progress=False)
    stories = _stories_by_outlet(db_url)
    outlets = sorted(stories.values(), key=len, reverse=True)
    # the Geneva talks told by three outlets; the pact by two plus a syndicated copy
    assert {"The Courier", "Daily Ledger", "Caucasus Monitor"} in outlets
    assert {"Example Wire", "Pacific Review", "Island Post"} in outlets
    assert {"Example Wire", "Harbour Times"} in outlets
    # the Mali aid story is reported once and stays alone; nothing else joins it
    assert {"Daily Dispatch"} in outlets
    with open_store(db_url) as store:
        pact = next(s for s in store.stories()[0] if "Island Post" in s["outlets"])
        assert pact["num_articles"] == 2 and pact["num_reports"] == 3
        full = store.story(pact["id"])
        assert full is not None
        assert {a["source"] for a in full["articles"]} == {"Example Wire", "Island Post"}
        assert full["first_day"] == "2025-06-10" and full["last_day"] == "2025-06-11"
        assert full["clusters"], "the pact's events are clusters of the story"
        assert all(store.story_of(a["id"]) == pact["id"] for a in full["articles"])


def test_stories_do_not_depend_on_ingest_order(tmp_path: Path) -> None:
    first, second = str(tmp_path / "a.db"), str(tmp_path / "b.db")
    run_ingest(INPUTS, first, progress=False)
    run_ingest(list(reversed(INPUTS)), second, progress=False)
    assert _grouping(first) == _grouping(second)
    assert _stories_by_outlet(first) == _stories_by_outlet(second)


def test_relink_rebuilds_the_same_links(tmp_path: Path) -> None:
    db = str(tmp_path / "r.db")
    run_ingest(INPUTS, db, progress=False)
    before = _grouping(db), _stories_by_outlet(db)
    with open_store(db) as store:
        clusters = store.execute("SELECT type, num_articles, num_sources FROM event_clusters")
        store.execute("DELETE FROM stories")  # as if the rules had changed
    result = subprocess.run(
        [sys.executable, "-m", "newsevents", "relink", "--db", db],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "relinked 8 articles into 4 stories" in result.stderr
    assert (_grouping(db), _stories_by_outlet(db)) == before
    with open_store(db) as store:
        again = store.execute("SELECT type, num_articles, num_sources FROM event_clusters")
    assert sorted(again) == sorted(clusters)


def test_export_carries_the_story(tmp_path: Path) -> None:
    db = str(tmp_path / "e.db")
    run_ingest(INPUTS, db, progress=False)
    out = tmp_path / "out.jsonl"
    subprocess.run(
        [sys.executable, "-m", "newsevents", "export", "--db", db, "--out", str(out)], check=True
    )
    docs = [json.loads(line) for line in out.read_text().splitlines()]
    by_source = {d["article"]["source"]: d["article"]["story"] for d in docs}
    assert by_source["Daily Ledger"] == by_source["Caucasus Monitor"] == by_source["The Courier"]
    assert by_source["Daily Dispatch"] not in {by_source["Daily Ledger"], by_source["Island Post"]}


def test_average_link_keeps_apart_what_only_one_pair_joins() -> None:
    # a-b-c are close; d is close to c only: single link would chain it, the mean does not
    sims = {("a", "b"): 0.8, ("a", "c"): 0.7, ("b", "c"): 0.75, ("c", "d"): 0.5}

    def matrix(ids: list[str]) -> list[list[float]]:
        return [[sims.get((min(x, y), max(x, y)), 0.0) for y in ids] for x in ids]

    shuffled = ["d", "c", "b", "a"]
    assert average_link(shuffled, matrix(shuffled), 0.4) == [["a", "b", "c"], ["d"]]
    assert average_link(shuffled, matrix(shuffled), 0.1) == [["a", "b", "c", "d"]]


def test_clustering_scores_on_a_worked_example() -> None:
    key = {"a": 1, "b": 1, "c": 2}
    response = {"a": "x", "b": "y", "c": "y"}
    b3 = bcubed(key, response)
    assert round(b3.p, 3) == round(b3.r, 3) == 0.667
    assert muc(key, response).f1 == 0.0  # the one key link is cut, the one response link wrong
    ceaf = ceaf_e(key, response)  # {a,b}~{a}: 2/3, {c}~{b,c}: 2/3; two chains a side
    assert round(ceaf.p, 3) == round(ceaf.r, 3) == 0.667
    assert round(conll(key, response), 3) == round((0 + 2 / 3 + 2 / 3) / 3, 3)
    assert pairwise(key, response).p == 0.0 and pairwise(key, key).f1 == 1.0
    assert conll(key, key) == 1.0


def test_ecbplus_reader_rebuilds_text_url_and_chains(tmp_path: Path) -> None:
    folder = tmp_path / "3"
    folder.mkdir()
    words = [
        "http",
        ":",
        "/",
        "/",
        "www.news.example",
        "/",
        "a",
        "Quake",
        "hits",
        "town",
        "Rescuers",
        "searched",
        "the",
        "rubble",
        ".",
    ]
    sentences = [0] * 7 + [1] * 3 + [2] * 5
    tokens = "".join(
        f'<token t_id="{i + 1}" sentence="{s}" number="{i}">{w}</token>'
        for i, (w, s) in enumerate(zip(words, sentences, strict=True))
    )
    (folder / "3_1ecbplus.xml").write_text(
        f'<Document doc_name="3_1ecbplus.xml">{tokens}<Markables>'
        '<ACTION_OCCURRENCE m_id="1"><token_anchor t_id="9"/></ACTION_OCCURRENCE>'
        '<ACTION_OCCURRENCE m_id="2"><token_anchor t_id="12"/></ACTION_OCCURRENCE>'
        '<HUMAN_PART_PER m_id="3"><token_anchor t_id="11"/></HUMAN_PART_PER>'
        '<ACTION_OCCURRENCE m_id="9" instance_id="ACT77" TAG_DESCRIPTOR="quake"/>'
        "</Markables><Relations>"
        '<CROSS_DOC_COREF r_id="1" note="ACT77"><source m_id="1"/><target m_id="9"/>'
        "</CROSS_DOC_COREF></Relations></Document>"
    )
    (doc,) = load_ecbplus(tmp_path)
    assert doc.url == "http://www.news.example/a" and doc.outlet == "news.example"
    assert doc.text == "Quake hits town\n\nRescuers searched the rubble."
    assert doc.story == "3ecbplus" and not doc.frozen
    spans = [(doc.text[a.start : a.end], a.chain) for a in doc.actions]
    assert spans == [("hits", "ACT77"), ("searched", "3_1ecbplus#2")]
