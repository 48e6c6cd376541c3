"""The GDELT export checked column by column against the GDELT 2.0 event codebook,
on a store of the bundled articles (one story told by three outlets) and the
reference article."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from newsevents.export import EventFilter, export_store
from newsevents.gdelt import GDELT_COLUMNS, QUAD_CLASS, cameo_code, fips, goldstein
from newsevents.ingest_run import run_ingest
from newsevents.model import Event
from newsevents.store import open_store

from .conftest import REFERENCE, ROOT


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("gdelt") / "g.db")
    run_ingest([ROOT / "examples", REFERENCE], path, progress=False)
    return path


def _export(db: str, tmp_path: Path, status: str | None = None) -> list[dict[str, str]]:
    out = tmp_path / f"gdelt-{status}.tsv"
    with open_store(db) as store:
        n = export_store(store, "gdelt", out, EventFilter(status=status))
    lines = out.read_text(encoding="utf-8").splitlines()
    assert n == len(lines)
    rows = [line.split("\t") for line in lines]
    assert all(len(r) == 61 == len(GDELT_COLUMNS) for r in rows)
    return [dict(zip(GDELT_COLUMNS, r, strict=True)) for r in rows]


def _clusters(db: str, statuses: set[str]) -> dict[str, list[tuple[str, str]]]:
    """Cluster id -> its members of the given statuses, from the store itself."""
    with open_store(db) as store:
        rows = store.execute(
            "SELECT m.cluster_id, m.article_id, m.event_id, e.status FROM cluster_members m "
            "JOIN events e ON e.article_id = m.article_id AND e.id = m.event_id"
        )
    out: dict[str, list[tuple[str, str]]] = {}
    for cid, aid, eid, status in rows:
        if status in statuses:
            out.setdefault(cid, []).append((aid, eid))
    return out


def test_one_row_per_event_cluster_with_its_counts(db: str, tmp_path: Path) -> None:
    rows = _export(db, tmp_path)
    asserted = _clusters(db, {"asserted"})
    assert len(rows) == len(asserted)  # not one row per report
    ids = [int(r["GLOBALEVENTID"]) for r in rows]
    assert len(set(ids)) == len(ids)
    for r in rows:
        mentions, sources, articles = (
            int(r[k]) for k in ("NumMentions", "NumSources", "NumArticles")
        )
        assert mentions >= articles >= sources >= 1
    # the story the three outlets told: some event is carried by several documents
    widest = max(rows, key=lambda r: int(r["NumArticles"]))
    assert int(widest["NumArticles"]) >= 3 and int(widest["NumSources"]) >= 2
    with open_store(db) as store:
        documents = Counter(aid for (aid,) in store.execute("SELECT article_id FROM occurrences"))
    expected = sum(documents[aid] for members in asserted.values() for aid, _ in members)
    assert sum(int(r["NumMentions"]) for r in rows) == expected


def test_only_asserted_events_unless_asked(db: str, tmp_path: Path) -> None:
    default = _export(db, tmp_path)
    every = _export(db, tmp_path, "all")
    planned = _export(db, tmp_path, "planned")
    assert len(every) == len(_clusters(db, {"asserted", "planned", "hypothetical", "possible",
                                             "negated", "requested"}))  # fmt: skip
    assert planned and len(default) + len(planned) <= len(every)


def test_dates_as_gdelt_writes_them(db: str, tmp_path: Path) -> None:
    rows = _export(db, tmp_path, "all")
    for r in rows:
        assert re.fullmatch(r"\d{8}", r["SQLDATE"]), r["SQLDATE"]
        assert re.fullmatch(r"\d{6}", r["MonthYear"]) and r["Year"] == r["MonthYear"][:4]
        assert r["SQLDATE"].startswith(r["Year"])
        assert int(r["Year"]) <= float(r["FractionDate"]) < int(r["Year"]) + 1.01
        assert re.fullmatch(r"\d{14}", r["DATEADDED"]), r["DATEADDED"]


def test_codes_from_the_cameo_dictionary_and_goldstein_table(db: str, tmp_path: Path) -> None:
    rows = _export(db, tmp_path, "all")
    for r in rows:
        code = r["EventCode"]
        assert re.fullmatch(r"\d{3,4}", code), code
        assert r["EventBaseCode"] == code[:3] and r["EventRootCode"] == code[:2]
        assert r["QuadClass"] == str(QUAD_CLASS[code[:2]])
        assert float(r["GoldsteinScale"]) == goldstein(code)
        assert r["IsRootEvent"] in {"0", "1"}
        if r["Actor1CountryCode"]:
            assert re.fullmatch(r"[A-Z]{3}", r["Actor1CountryCode"])
            assert r["Actor1Code"].startswith(r["Actor1CountryCode"])
    # finer than the root: not every code ends in 0
    assert any(not r["EventCode"].endswith("0") for r in rows)


def test_geography_in_fips(db: str, tmp_path: Path) -> None:
    assert (fips("CH"), fips("CN"), fips("DE"), fips("GB"), fips("UA")) == (
        "SZ", "CH", "GM", "UK", "UP",
    )  # fmt: skip
    rows = _export(db, tmp_path, "all")
    placed = [r for r in rows if r["ActionGeo_Type"] != "0"]
    assert placed
    for r in placed:
        assert r["ActionGeo_Type"] in {"1", "2", "3", "4", "5"}
        country = r["ActionGeo_CountryCode"]
        assert re.fullmatch(r"[A-Z]{2}", country) and r["ActionGeo_ADM1Code"].startswith(country)
        assert -90 <= float(r["ActionGeo_Lat"]) <= 90 and -180 <= float(r["ActionGeo_Long"]) <= 180


@pytest.mark.parametrize(
    ("rule", "etype", "mode", "code"),
    [
        ("cameo:LAUNCH * OPERATION [190]", "ASSAULT", None, "190"),  # the pattern's own code
        ("lexicon:meet/verb", "CONSULT", None, "040"),  # the MEET block's default
        ("lexicon:accuse/verb", "ACCUSE", None, "112"),
        ("lexicon:arrest/verb", "COERCE", "seize", "171"),
        ("lexicon:ceasefire/noun", "RETREAT", "ceasefire", "0871"),  # the mode's code
        ("lexicon:agree/verb", "AGREE", None, "030"),  # AGREE's block is 050: not AGREE
    ],
)
def test_full_cameo_codes(rule: str, etype: str, mode: str | None, code: str) -> None:
    ev = Event(id="e1", type=etype, mode=mode, trigger=(0, 1), sentence=(0, 1))
    ev.rule = rule  # type: ignore[attr-defined]
    assert cameo_code(ev) == code
