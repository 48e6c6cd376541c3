"""Drive the dashboard in Debian's headless Chromium: filter, open an event, see its sentence.

Also stores an article whose text is an attack (script tags, event handlers)
and checks that every view shows it as text and nothing runs.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from newsevents import analyze, article_from_text
from newsevents.ingest_run import run_ingest
from newsevents.store import open_store

from .conftest import REFERENCE, ROOT
from .server import running_server

CHROMIUM = "/usr/bin/chromium"
ATTACK = (
    "Armenian Foreign Minister Ararat Mirzoyan met Azerbaijani Foreign Minister Jeyhun "
    'Bayramov in Geneva on Monday. <script>window.__pwned = 1</script> "<img src=x '
    'onerror=window.__pwned=2>," Mirzoyan said after the talks, which lasted three hours. '
    "Shelling killed at least 40 people in the border villages last month, officials said."
)
#: Astral characters (flags, emoji) before the names: two UTF-16 units each in the
#: browser, one character in the offsets.
EMOJI = (
    "🇺🇦🔥🔥 Ukrainian President Volodymyr Zelensky met Polish President Andrzej Duda "
    "in Warsaw on Tuesday 🤝, and the two leaders signed a defence agreement."
)
#: The title alone reports the seizure; the text tells what followed.
TITLE_ONLY = (
    "Rebels seize border town of Tessalit\n\n"
    "Fighting continued on Sunday around the army camp near the Algerian border, "
    "residents said. Several soldiers were wounded, a military source told reporters.\n"
)
HOSTILE_TITLE = "<img src=x onerror=window.__pwned=3>Geneva talks"
HOSTILE_SOURCE = "<svg onload=window.__pwned=4>Wire"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = str(tmp_path_factory.mktemp("dash") / "dash.db")
    run_ingest([ROOT / "examples", REFERENCE], db, progress=False)
    with open_store(db) as store:
        attack = article_from_text(
            ATTACK, published="2025-04-01", source=HOSTILE_SOURCE, title=HOSTILE_TITLE
        )
        store.save(analyze(attack), label=HOSTILE_SOURCE)
        store.save(analyze(article_from_text(EMOJI, published="2025-04-02", title="Warsaw")))
        store.save(analyze(article_from_text(TITLE_ONLY, published="2012-03-12")))
    with running_server(db) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as pw:
        b = pw.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield b
        b.close()


def _ready(page: Page) -> None:
    page.wait_for_selector("body[data-ready='1']", timeout=30000)


def _apply(page: Page, field: str, value: str) -> None:
    """Fill one filter, apply, and wait until every view has redrawn."""
    page.fill(field, value)
    page.evaluate("document.body.dataset.ready = '0'")
    page.click("#apply")
    _ready(page)


def test_filter_open_event_and_see_its_sentence(
    site: str, browser: Browser, tmp_path: Path
) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(site + "/")
    _ready(page)
    assert page.locator("#map svg path.country").count() > 100  # bundled shapes, no tiles
    assert page.locator("#timeline svg rect").count() > 0
    # by kind of event (PLOVER family) first, then by status: planned is its own colour
    assert page.locator("#timeline g.family-verbal-cooperation rect").count() > 0
    page.select_option("#timeline-by", "status")
    page.wait_for_selector("#timeline g.status-planned rect", state="attached")
    page.select_option("#timeline-by", "type")
    page.wait_for_selector("#timeline g.type-CONSULT rect", state="attached")

    _apply(page, "#f-actor", "Putin")
    rows = page.locator("#events li.event")
    assert rows.count() >= 3
    for text in rows.all_inner_texts():
        assert "Putin" in text.split("->")[0]

    first = rows.first
    first.click()
    page.wait_for_selector("#article-view:not([hidden]) .hl-sentence")
    sentence = " ".join(page.locator(".hl-sentence").all_inner_texts())
    trigger_type = first.locator(".type").inner_text()
    assert trigger_type.split("/")[0] in page.locator("#details dl").first.inner_text()
    assert "Putin" in sentence
    assert page.locator("#article-text .hl-event").count() > 0
    page.screenshot(path=str(tmp_path / "dashboard.png"), full_page=True)
    assert (tmp_path / "dashboard.png").stat().st_size > 10000
    assert not errors


def test_stored_markup_is_inert(site: str, browser: Browser) -> None:
    page = browser.new_page()
    page.goto(site + "/")
    _ready(page)
    claims = page.locator("#claims").inner_text()  # before the search narrows the claims
    assert "40" in claims and HOSTILE_SOURCE in claims
    _apply(page, "#f-q", "Mirzoyan Bayramov")
    page.locator("#events li.event").first.click()
    page.wait_for_selector("#article-view:not([hidden])")
    text = page.locator("#article-text").inner_text()
    assert "<script>window.__pwned = 1</script>" in text
    assert page.locator("#article-text script, #article-text img").count() == 0
    assert page.locator("#article-title").inner_text() == HOSTILE_TITLE  # shown, as text
    assert HOSTILE_SOURCE in page.locator("#article-meta").inner_text()
    # every view on the page (timeline, map, network, events, claims, article): nothing
    # of the stored markup became an element, and none of its handlers ran
    page.wait_for_timeout(500)
    injected = page.evaluate(
        """() => document.querySelectorAll(
            "img[src='x'], svg[onload], [onerror], [onload], script:not([src])").length"""
    )
    assert injected == 0
    assert page.evaluate("window.__pwned") is None


def test_highlights_fall_on_their_words_after_emoji(site: str, browser: Browser) -> None:
    analysis = analyze(article_from_text(EMOJI, published="2025-04-02", title="Warsaw"))
    text = analysis.article.text
    expected = sorted(text[a:b] for e in analysis.entities for a, b in e.mentions)
    assert "Volodymyr Zelensky" in expected and "Andrzej Duda" in expected
    page = browser.new_page()
    page.goto(site + "/")
    _ready(page)
    _apply(page, "#f-q", "Zelensky Duda Warsaw")
    page.locator("#events li.event").first.click()
    page.wait_for_selector("#article-view:not([hidden]) .hl-entity")
    shown = sorted(page.locator("#article-text .hl-entity").all_inner_texts())
    assert shown == expected
    assert page.locator("#article-text").inner_text().startswith("🇺🇦🔥🔥 Ukrainian")


def test_stories_list_outlets_and_open_their_articles(site: str, browser: Browser) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(site + "/")
    _ready(page)
    stories = page.locator("#stories li.story")
    assert stories.count() >= 4
    # the defence pact: two outlets' articles and a syndicated copy at a third
    pact = stories.filter(has_text="Island Post")
    assert pact.count() == 1
    assert "3 outlets" in pact.locator(".story-count").inner_text()
    pact.locator(".story-head").click()
    articles = pact.locator("li.story-article")
    articles.first.wait_for()
    assert articles.count() == 2
    assert "Japan" in articles.first.inner_text()
    articles.first.click()
    page.wait_for_selector("#article-view:not([hidden])")
    assert "Philippines" in page.locator("#article-title").inner_text()
    assert not errors


def test_an_event_of_the_headline_is_shown_in_the_headline(site: str, browser: Browser) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(site + "/")
    _ready(page)
    _apply(page, "#f-actor", "Rebels")
    row = page.locator("#events li.event").filter(has_text="headline only")
    assert row.count() == 1
    assert "Rebels" in row.locator(".parties").inner_text()
    row.click()
    page.wait_for_selector("#article-title .hl-sentence")
    # the trigger is highlighted in the title, where its offsets point
    assert page.locator("#article-title .hl-event").inner_text() == "seize"
    assert page.locator("#article-title").inner_text() == "Rebels seize border town of Tessalit"
    details = page.locator("#details dl").first.inner_text()
    assert "the headline only" in details and "Rebels seize border town" in details
    # the text shows no event of its own for the seizure
    assert "seize" not in " ".join(page.locator("#article-text .hl-event").all_inner_texts())
    assert not errors
