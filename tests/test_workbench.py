"""The analyst's workbench on the demo corpus, in Debian's headless Chromium: API
docs offline, events grouped across outlets, the map's points, the timeline's
brush, filters kept in the URL, claims compared, downloads. Every request the
page makes must stay on the loopback server, and the console must stay clean.

With NEWSEVENTS_SCREENSHOTS=<folder> the test also writes the README's
screenshots there (``docs/screenshots``).
"""

from __future__ import annotations

import csv
import io
import os
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from newsevents.ingest_run import run_ingest

from .server import call, running_server
from .test_dashboard import CHROMIUM

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = str(tmp_path_factory.mktemp("bench") / "demo.db")
    stats = run_ingest([ROOT / "demo"], db, progress=False)
    assert stats.stored == 33 and stats.failed == 0
    with running_server(db) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as pw:
        b = pw.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield b
        b.close()


class Watched:
    """A page whose console errors and requests are recorded."""

    def __init__(self, browser: Browser, site: str) -> None:
        self.page = browser.new_page(
            viewport={"width": 1400, "height": 1000}, accept_downloads=True
        )
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.site = site

    def open(self, path: str = "/") -> Page:
        self.page.goto(self.site + path)
        self.ready()
        return self.page

    def ready(self) -> None:
        self.page.wait_for_selector("body[data-ready='1']", timeout=30000)

    def check(self) -> None:
        assert not self.errors, self.errors
        outside = [
            u for u in self.requests if not u.startswith((self.site + "/", "blob:" + self.site))
        ]
        assert not outside, outside


def _shot(page: Page, name: str, selector: str | None = None) -> None:
    folder = os.environ.get("NEWSEVENTS_SCREENSHOTS")
    if not folder:
        return
    Path(folder).mkdir(parents=True, exist_ok=True)
    # the sticky filter bar would cover the top of a tall panel
    page.evaluate("document.querySelector('header').style.position = 'static'")
    target = page.locator(selector) if selector else page
    target.screenshot(path=str(Path(folder) / f"{name}.png"))


def _count(page: Page, selector: str) -> int:
    return int(page.locator(selector).inner_text().strip("()"))


def test_api_docs_load_offline(site: str, browser: Browser) -> None:
    watched = Watched(browser, site)
    page = watched.page
    page.goto(site + "/docs")
    page.wait_for_selector(".opblock", timeout=30000)
    paths = {p.inner_text() for p in page.locator(".opblock-summary-path").all()}
    assert {"/api/events", "/api/clusters", "/api/claims/compare", "/api/ingest"} <= {
        p.replace("\u200b", "") for p in paths
    }
    assert page.locator(".authorize").count() == 1  # the bearer scheme
    page.goto(site + "/redoc")
    page.wait_for_selector("[data-section-id^='operation/']", timeout=30000)
    assert page.locator("[data-section-id^='operation/']").count() >= 10
    watched.check()


def test_events_grouped_across_outlets_with_their_reports(site: str, browser: Browser) -> None:
    watched = Watched(browser, site)
    page = watched.open()
    rows = page.locator("#clusters tr.cluster")
    assert rows.count() > 5
    # on first load: each story's run on one time axis (seven stories over six weeks)
    spans = page.locator("#stories .story-span rect")
    assert spans.count() == _count(page, "#stories-count") == 7
    assert len({s.get_attribute("x") for s in spans.all()}) >= 5
    wide = [
        r
        for r in rows.all()
        if int(r.locator(".num-articles").inner_text()) >= 3
        and int(r.locator(".num-sources").inner_text().split(":")[0]) >= 2
    ]
    assert wide, "no event reported by three articles from two outlets"
    wide[0].click()
    reports = page.locator("tr.reports li.report")
    reports.first.wait_for()
    assert reports.count() >= 3
    outlets = {r.locator(".outlet").inner_text() for r in reports.all()}
    assert len(outlets) >= 2
    assert reports.first.locator("a").get_attribute("href").startswith("https://")
    _shot(page, "events", "#clusters-view")
    reports.first.locator(".sentence").click()
    page.wait_for_selector("#article-view:not([hidden]) .hl-sentence")
    details = page.locator("#details dl").first.inner_text()
    assert "event" in details and "sentence" in details
    assert "E1" not in details and "e1" not in details.split()  # names, not internal ids
    watched.check()


def test_the_map_draws_points_and_filters_by_click(site: str, browser: Browser) -> None:
    watched = Watched(browser, site)
    page = watched.open()
    points = page.locator("#map .event-point")
    assert points.count() >= 5
    assert page.locator("#map-legend .key").count() == 4
    _shot(page, "map", "#map-view")
    title = points.first.locator("title").text_content() or ""
    name = title.split(":")[0].split(" (")[0]
    points.first.dispatch_event("click")
    watched.ready()
    assert urllib.parse.parse_qs(urllib.parse.urlsplit(page.url).query)["place"] == [name]
    for where in page.locator("#clusters tr.cluster td:nth-child(4)").all_inner_texts():
        assert where in (name, "—") or name in where
    watched.check()


def test_brushing_the_timeline_sets_the_dates(site: str, browser: Browser) -> None:
    watched = Watched(browser, site)
    page = watched.open("/?timeline=1")
    before = _count(page, "#clusters-count")
    box = page.locator("#timeline .brush .overlay").bounding_box()
    assert box is not None
    y = box["y"] + box["height"] / 2
    # the right half of the axis: the recent weeks only
    page.mouse.move(box["x"] + box["width"] * 0.93, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.99, y, steps=5)
    page.mouse.up()
    watched.ready()
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(page.url).query)
    assert query["since"] and query["until"] and query["since"][0] <= query["until"][0]
    after = _count(page, "#clusters-count")
    assert 0 < after < before
    for day in page.locator("#events li.event .date").all_inner_texts():
        assert query["since"][0] <= day[:10] <= query["until"][0] or not day[:4].isdigit()
    watched.check()


def test_a_filter_in_the_url_survives_reload_and_applies_everywhere(
    site: str, browser: Browser
) -> None:
    watched = Watched(browser, site)
    query = "type=ASSAULT&since=2025-04-01"
    page = watched.open(f"/?{query}")

    def panels() -> dict[str, int]:
        return {
            "clusters": _count(page, "#clusters-count"),
            "events": _count(page, "#events-count"),
            "stories": _count(page, "#stories-count"),
            "claims": _count(page, "#claims-count"),
            "points": page.locator("#map .mark").count(),
        }

    shown = panels()
    expected = {
        "clusters": call(f"{site}/api/clusters?{query}")[1]["total"],
        "events": call(f"{site}/api/events?{query}")[1]["total"],
        "stories": call(f"{site}/api/stories?{query}")[1]["total"],
        "claims": call(f"{site}/api/claims/compare?{query}")[1]["total"],
        "points": call(f"{site}/api/places?{query}")[1]["total"],
    }
    assert shown == expected
    unfiltered = call(f"{site}/api/events")[1]["total"]
    assert 0 < shown["events"] < unfiltered
    assert set(page.locator("#clusters td.type").all_inner_texts()) == {"ASSAULT"}
    bars = page.locator("#timeline rect title").all_text_contents()
    assert sum(int(t.rsplit(": ", 1)[1]) for t in bars) == shown["events"]
    assert page.input_value("#f-type") == "ASSAULT"
    page.reload()
    watched.ready()
    assert page.input_value("#f-type") == "ASSAULT" and page.input_value("#f-since") == "2025-04-01"
    assert panels() == shown
    # a filter set in the form goes into the URL
    page.fill("#f-outlet", "Northwire")
    page.click("#apply")
    watched.ready()
    assert "outlet=Northwire" in page.url and _count(page, "#events-count") < shown["events"]
    page.go_back()
    watched.ready()
    assert "outlet" not in page.url and _count(page, "#events-count") == shown["events"]
    watched.check()


def test_claims_compared_show_a_disputed_figure(site: str, browser: Browser) -> None:
    watched = Watched(browser, site)
    page = watched.open()
    page.check("#claims-disputed")
    page.wait_for_function("document.querySelectorAll('.claim-group').length > 0")
    page.wait_for_timeout(300)
    groups = page.locator(".claim-group")
    assert groups.count() >= 1
    for group in groups.all():
        assert "disputed" in group.locator(".claim-head").inner_text()
        figures = {float(f) for f in group.locator(".figure").all_inner_texts() if f.isdigit()}
        assert len(figures) >= 2  # rival figures side by side
    _shot(page, "claims", "#claims-view")
    claimed = groups.first.locator(".claim-value").first
    claimed.click()
    page.wait_for_selector("#article-view:not([hidden]) .hl-sentence")
    assert page.locator("#details dl.record-claim").count() == 1
    watched.check()


def test_download_what_the_view_shows(site: str, browser: Browser) -> None:
    watched = Watched(browser, site)
    page = watched.open("/?type=ASSAULT")
    with page.expect_download() as got:
        page.click("#dl-csv")
    rows = list(csv.DictReader(io.StringIO(Path(got.value.path()).read_text())))
    assert len(rows) == _count(page, "#clusters-count")
    assert {r["type"] for r in rows} == {"ASSAULT"}
    _shot(page, "dashboard")
    watched.check()
