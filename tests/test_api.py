"""The HTTP API on a real server over a store with the reference and bundled articles."""

from __future__ import annotations

import json
import socket
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsevents.ingest_run import run_ingest

from .conftest import REFERENCE, ROOT
from .server import call, running_server

TOKEN = "test-token-123"


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = str(tmp_path_factory.mktemp("api") / "api.db")
    run_ingest([ROOT / "examples", REFERENCE], db, progress=False)
    with running_server(db, token=TOKEN) as url:
        yield url


def test_events_filter_by_actor_and_type(api: str) -> None:
    status, body = call(f"{api}/api/events?actor=putin&type=CONSULT")
    assert status == 200 and body["total"] >= 3
    for ev in body["items"]:
        assert ev["type"] == "CONSULT"
        names = [p["name"] for p in ev["actors"]]
        assert any("Putin" in n for n in names)
        start, end = ev["trigger"]
        assert ev["trigger_text"] and ev["sentence"][0] <= start < end <= ev["sentence"][1]


def test_pagination_and_totals(api: str) -> None:
    _, first = call(f"{api}/api/events?limit=2&offset=0")
    _, second = call(f"{api}/api/events?limit=2&offset=2")
    assert first["total"] == second["total"] > 4
    keys = {(e["article_id"], e["event_id"]) for e in first["items"]}
    assert keys.isdisjoint({(e["article_id"], e["event_id"]) for e in second["items"]})
    status, _ = call(f"{api}/api/events?limit=100000")
    assert status == 422


def test_article_with_spans_and_search(api: str) -> None:
    _, found = call(f"{api}/api/articles?q=Gerasimov")
    (hit,) = found["items"]
    status, doc = call(f"{api}/api/articles/{hit['id']}")
    assert status == 200
    text = doc["article"]["text"]
    for q in doc["quotes"]:
        assert text[q["span"][0] : q["span"][1]] == q["text"]
    assert call(f"{api}/api/articles/nope")[0] == 404


def test_views_share_the_filters(api: str) -> None:
    query = urllib.parse.urlencode({"actor": "putin"})
    _, events = call(f"{api}/api/events?{query}&limit=500")
    _, timeline = call(f"{api}/api/timeline?{query}")
    dated = [e for e in events["items"] if e["date"] or e["article"]["published"]]
    assert sum(t["count"] for t in timeline["items"]) == len(dated)
    _, graph = call(f"{api}/api/graph?{query}")
    assert graph["edges"] and all(e["weight"] >= 1 for e in graph["edges"])
    _, clusters = call(f"{api}/api/clusters?{query}")
    assert clusters["items"] and all(c["num_articles"] >= 1 for c in clusters["items"])
    for cluster in clusters["items"]:  # members and party names come with each cluster
        assert len({m["article_id"] for m in cluster["members"]}) == cluster["num_articles"]
        assert all(p["name"] for p in cluster["actors"] + cluster["recipients"])
        if cluster["date"]:  # the canonical time: an interval, its precision and origin
            assert cluster["date"] <= cluster["date_end"]
            assert cluster["date_precision"] in {"day", "week", "month", "year"}
            assert cluster["date_from"] in {"event", "article"}
    assert any(c["date_from"] == "event" for c in clusters["items"])
    assert any(p["name"] == "Vladimir Putin" for c in clusters["items"] for p in c["actors"])
    _, countries = call(f"{api}/api/countries?{query}")
    assert any(
        c["country"] == "RUS" and c["alpha2"] == "RU" and c["numeric"] == "643"
        for c in countries["items"]
    )


def test_claims_and_entities(api: str) -> None:
    _, claims = call(f"{api}/api/claims/compare")
    values = [v for g in claims["items"] for v in g["values"]]
    lost = next(v for v in values if v["value"] == 67000)
    assert lost["claimant"] == "Valery Gerasimov" and lost["disputed_by"] == ["Ukraine"]
    _, ents = call(f"{api}/api/entities?q=putin")
    assert ents["items"][0]["name"] == "Vladimir Putin"
    assert "Vladimir Putin" in ents["items"][0]["aliases"]


def test_openapi_is_served(api: str) -> None:
    status, spec = call(f"{api}/openapi.json")
    assert status == 200 and "/api/events" in spec["paths"]


def test_writes_need_the_token(api: str) -> None:
    article = {"articles": [{"text": (ROOT / "examples" / "geneva-talks.txt").read_text()}]}
    assert call(f"{api}/api/ingest", "POST", article)[0] == 401
    bad = {"Authorization": "Bearer wrong"}
    assert call(f"{api}/api/ingest", "POST", article, bad)[0] == 401
    good = {"Authorization": f"Bearer {TOKEN}"}
    status, body = call(f"{api}/api/ingest", "POST", article, good)
    assert status == 201 and body["stored"] == []  # already stored: idempotent


def test_oversized_request_is_refused(api: str) -> None:
    """The size is judged from the headers, before the body is read."""
    host, port = urllib.parse.urlsplit(api).netloc.split(":")
    with socket.create_connection((host, int(port)), timeout=30) as sock:
        sock.sendall(
            b"POST /api/ingest HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"Authorization: Bearer " + TOKEN.encode() + b"\r\n"
            b"Content-Length: 60000000\r\n\r\n"
        )
        status_line = sock.recv(200).split(b"\r\n", 1)[0]
    assert status_line.split()[1] == b"413"


def test_reads_without_token_when_ingest_disabled(tmp_path: Path) -> None:
    db = str(tmp_path / "ro.db")
    run_ingest([REFERENCE], db, progress=False)
    with running_server(db, token=None) as url:
        assert call(f"{url}/api/events")[0] == 200
        article = {"articles": [{"text": "x"}]}
        headers = {"Authorization": "Bearer anything"}
        assert call(f"{url}/api/ingest", "POST", article, headers)[0] == 403


def test_every_view_on_postgresql(pg_url: str) -> None:
    """The API's SQL runs on PostgreSQL too."""
    import psycopg

    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("CREATE DATABASE api_views")
    db = pg_url.rsplit("/", 1)[0] + "/api_views"
    run_ingest([ROOT / "examples", REFERENCE], db, progress=False)
    with running_server(db) as url:
        status, events = call(f"{url}/api/events?actor=putin&q=Kursk")
        assert status == 200 and events["total"] >= 3
        for view in ("timeline", "graph", "clusters", "countries", "claims/compare", "entities"):
            status, body = call(f"{url}/api/{view}?actor=putin")
            assert status == 200, view
            assert body.get("items") or body.get("edges"), view


def test_stories_across_outlets(api: str) -> None:
    status, page = call(f"{api}/api/stories?min_outlets=2")
    assert status == 200 and len(page["items"]) >= 3
    assert all(
        s["num_outlets"] >= 2 and len(s["outlets"]) == s["num_outlets"] for s in page["items"]
    )
    geneva = next(s for s in page["items"] if "Daily Ledger" in s["outlets"])
    status, story = call(f"{api}/api/stories/{geneva['id']}")
    assert status == 200 and len(story["articles"]) == 3
    assert story["first_day"] <= story["last_day"]
    _, doc = call(f"{api}/api/articles/{story['articles'][0]['id']}")
    assert doc["article"]["story"] == geneva["id"]
    _, listed = call(f"{api}/api/articles?q=Mirzoyan")
    assert {a["story"] for a in listed["items"]} == {geneva["id"]}
    assert call(f"{api}/api/stories/Snope")[0] == 404


LISTS = (
    "events",
    "clusters",
    "entities",
    "articles",
    "claims/compare",
    "stories",
    "timeline",
    "countries",
)


@pytest.mark.parametrize("view", LISTS)
def test_every_list_pages_the_same_way(api: str, view: str) -> None:
    """One envelope everywhere; following ``next`` visits every item exactly once."""
    status, first = call(f"{api}/api/{view}?limit=2")
    assert status == 200 and set(first) == {"items", "total", "limit", "offset", "next"}
    assert first["limit"] == 2 and first["offset"] == 0 and first["total"] > 2
    seen = []
    page = first
    while True:
        seen += [json.dumps(item, sort_keys=True) for item in page["items"]]
        assert len(page["items"]) <= 2 and page["total"] == first["total"]
        if page["next"] is None:
            break
        assert page["next"].startswith(f"/api/{view}?") and "limit=2" in page["next"]
        status, page = call(f"{api}{page['next']}")
        assert status == 200
    assert len(seen) == len(set(seen)) == first["total"]
    assert call(f"{api}/api/{view}?offset=-1")[0] == 422


@pytest.mark.parametrize(
    ("query", "param"),
    [
        ("since=06/01/2025", "since"),
        ("since=garbage", "since"),
        ("until=garbage", "until"),
        ("until=2025-13", "until"),
        ("type=FOO", "type"),
        ("type=ASSAULT,FOO", "type"),
        ("status=maybe", "status"),
        ("country=XYZ", "country"),
    ],
)
def test_filters_that_cannot_be_read_are_refused(api: str, query: str, param: str) -> None:
    for view in ("events", "clusters", "timeline", "countries", "graph"):
        status, body = call(f"{api}/api/{view}?{query}")
        assert status == 422, (view, query)
        (error,) = body["detail"]
        assert error["loc"][:2] == ["query", param] and error["msg"], (view, error)


def test_dates_filter_as_iso_periods(api: str) -> None:
    _, every = call(f"{api}/api/events?limit=500")
    days = sorted(
        (e["date"] or e["article"]["published"])[:10]
        for e in every["items"]
        if e["date"] or e["article"]["published"]
    )
    month = days[len(days) // 2][:7]
    in_month = [d for d in days if d.startswith(month)]
    _, until = call(f"{api}/api/events?until={month}&limit=500")
    _, since = call(f"{api}/api/events?since={month}&limit=500")
    _, both = call(f"{api}/api/events?since={month}&until={month}&limit=500")
    # until a month keeps its last days; since a month starts on its first
    assert until["total"] == sum(d[:7] <= month for d in days)
    assert since["total"] == sum(d[:7] >= month for d in days)
    assert both["total"] == len(in_month) > 0
    _, stamp = call(f"{api}/api/events?since={month}-01T00:00:00Z&limit=500")
    assert stamp["total"] == since["total"]


def test_filters_take_several_values(api: str) -> None:
    def total(query: str) -> int:
        status, body = call(f"{api}/api/events?{query}")
        assert status == 200
        return int(body["total"])

    consult, assault = total("type=CONSULT"), total("type=assault")
    assert consult > 0 and assault > 0
    assert total("type=CONSULT&type=ASSAULT") == consult + assault
    assert total("type=CONSULT,ASSAULT") == consult + assault
    putin, zelensky = total("actor=putin"), total("actor=zelensky")
    assert putin > 0 and zelensky > 0
    assert max(putin, zelensky) <= total("actor=putin&actor=zelensky") <= putin + zelensky


def test_countries_are_alpha3_in_the_api(api: str) -> None:
    _, by3 = call(f"{api}/api/events?country=RUS&limit=500")
    _, by2 = call(f"{api}/api/events?country=ru&limit=500")
    assert by3["total"] == by2["total"] > 0
    for ev in by3["items"]:  # a party of Russia, or the event took place there
        parties = [p["country"] for p in ev["actors"] + ev["recipients"]]
        place = (ev["place"] or {}).get("country")
        assert "RUS" in parties or place == "RUS"
    placed = [e["place"] for e in by3["items"] if e["place"] and e["place"]["country"]]
    assert placed and all(len(p["country"]) == 3 and len(p["country_alpha2"]) == 2 for p in placed)
    _, doc = call(f"{api}/api/articles/{by3['items'][0]['article_id']}")
    for place in doc["places"]:  # the document keeps its contract; alpha-3 beside
        if place["country"]:
            assert len(place["country"]) == 2 and len(place["country_alpha3"]) == 3


def test_outlet_and_attributed_source_are_different_filters(api: str) -> None:
    _, every = call(f"{api}/api/events?limit=500")
    outlets = {e["article"]["source"] for e in every["items"] if e["article"]["source"]}
    outlet = sorted(outlets)[0]
    _, page = call(f"{api}/api/events?outlet={urllib.parse.quote(outlet)}&limit=500")
    assert 0 < page["total"] < every["total"]
    assert all(e["article"]["source"] == outlet for e in page["items"])
    attributed = [e for e in every["items"] if e["source"] and e["source"]["name"]]
    assert attributed
    name = attributed[0]["source"]["name"]
    _, said = call(f"{api}/api/events?source={urllib.parse.quote(name)}&limit=500")
    assert said["total"] >= 1
    assert all(name.lower() in (e["source"] or {}).get("name", "").lower() for e in said["items"])


def test_claims_compared_with_their_range(api: str) -> None:
    _, groups = call(f"{api}/api/claims/compare?disputed=true&limit=500")
    assert groups["items"]
    for group in groups["items"]:
        assert group["disputed"]
        values = [v["value"] for v in group["values"]]
        assert group["low"] == min(values) and group["high"] >= max(values)
        assert any(v["disputed_by"] for v in group["values"]) or len(set(values)) > 1
    _, calm = call(f"{api}/api/claims/compare?disputed=false&limit=500")
    _, every = call(f"{api}/api/claims/compare?limit=500")
    assert calm["total"] + groups["total"] == every["total"]


def test_the_openapi_description_is_typed(api: str) -> None:
    _, spec = call(f"{api}/openapi.json")
    schemes = spec["components"]["securitySchemes"]
    assert schemes["token"] == {
        "type": "http",
        "scheme": "bearer",
        "description": schemes["token"]["description"],
    }
    ingest = spec["paths"]["/api/ingest"]["post"]
    assert ingest["security"] == [{"token": []}]
    for path, methods in spec["paths"].items():
        for method, op in methods.items():
            ok = op["responses"]["200" if method == "get" else "201"]
            schema = ok["content"]["application/json"]["schema"]
            assert "$ref" in schema, (path, schema)  # a named model, not a free-form object
            for param in op.get("parameters", []):
                if param["in"] == "query":
                    assert param.get("description"), (path, param["name"])
    events = spec["paths"]["/api/events"]["get"]
    (type_param,) = [p for p in events["parameters"] if p["name"] == "type"]
    array = next(s for s in type_param["schema"]["anyOf"] if s.get("type") == "array")
    enum_ref = array["items"]["$ref"].rsplit("/", 1)[1]
    assert "ASSAULT" in spec["components"]["schemas"][enum_ref]["enum"]
    page = spec["components"]["schemas"][
        events["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].rsplit("/")[-1]
    ]
    assert set(page["properties"]) == {"items", "total", "limit", "offset", "next"}


def test_an_event_only_the_title_reports_is_listed_with_its_title_words(tmp_path: Path) -> None:
    from newsevents import analyze, article_from_text
    from newsevents.store import open_store

    db = str(tmp_path / "title.db")
    text = (
        "Rebels seize border town of Tessalit\n\n"
        "Fighting continued on Sunday around the army camp near the Algerian border, "
        "residents said. Several soldiers were wounded, a military source told reporters.\n"
    )
    with open_store(db) as store:
        store.save(analyze(article_from_text(text, published="2012-03-12")))
    with running_server(db) as url:
        _, body = call(f"{url}/api/events?limit=50")
        (ev,) = [e for e in body["items"] if e["from_title"]]
        assert ev["trigger_text"] == "seize"
        assert ev["sentence_text"] == "Rebels seize border town of Tessalit"
        assert ev["date"] == "2012-03-12" and [p["name"] for p in ev["actors"]] == ["Rebels"]
        assert ev["place"]["name"] == "Tessalit" and ev["cluster_id"]
        status, one = call(f"{url}/api/events/{ev['article_id']}/{ev['event_id']}")
        assert status == 200 and one["from_title"] and one["trigger_text"] == "seize"
        _, cluster = call(f"{url}/api/clusters/{ev['cluster_id']}")
        assert [r["event_id"] for r in cluster["reports"]] == [ev["event_id"]]
        # the text's own events are not marked
        assert all(not e["from_title"] for e in body["items"] if e["event_id"].startswith("V"))
