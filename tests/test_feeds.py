"""Following feeds and pages from a local HTTP server (never the internet): RSS,
Atom and sitemaps, conditional GET, robots.txt, dedup by URL and by text, and
broken pages recorded as failures. The CLI runs as a subprocess, as users run it."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from newsevents.ingest.feeds import parse_feed
from newsevents.store import open_store

from .test_robustness import run_cli

PAGES = {
    "/news/port-talks.html": (
        "Port talks resume",
        "ODESA, Ukraine — Negotiators from Ukraine and Turkey met in Odesa on Tuesday to "
        "discuss grain shipments through the Black Sea, the Ukrainian foreign ministry said. "
        "The delegations agreed to keep a joint inspection centre open for another three "
        "months. Turkish officials said they would propose a further round of talks in "
        "Istanbul next month, and both sides called for the safe passage of cargo ships.",
    ),
    "/news/clashes.html": (
        "Clashes near border",
        "KHARTOUM, Sudan — Paramilitary fighters attacked an army base near the border with "
        "Chad on Sunday, killing at least nine soldiers, the army said in a statement. The "
        "Rapid Support Forces denied the attack and accused the army of shelling villages "
        "in the area. Residents said hundreds of families fled toward the border after the "
        "fighting, which lasted several hours.",
    ),
    "/news/protest.html": (
        "Teachers protest",
        "NAIROBI, Kenya — Thousands of teachers marched through Nairobi on Monday to demand "
        "higher pay, and police fired tear gas to disperse the crowd near parliament, "
        "witnesses said. The teachers' union said the strike would continue until the "
        "government honoured a wage agreement signed last year. The education minister "
        "urged the union to return to talks.",
    ),
}
#: The same text as the port talks page, at another URL (a syndicated copy).
PAGES["/mirror/port-talks.html"] = PAGES["/news/port-talks.html"]
PAGES["/private/memo.html"] = PAGES["/news/clashes.html"]


def _html(title: str, body: str) -> bytes:
    return (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        f"<p>{body}</p></article></body></html>"
    ).encode()


def _rss(links: list[str], base: str) -> bytes:
    items = "".join(
        f"<item><title>{p}</title><link>{base}{p}</link>"
        f"<pubDate>{formatdate(1_750_000_000, usegmt=True)}</pubDate></item>"
        for p in links
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Local wire</title>'
        f"<link>{base}/</link><description>test</description>{items}</channel></rss>"
    ).encode()


class Site:
    """What the server serves and what it was asked."""

    def __init__(self) -> None:
        self.feed = ["/news/port-talks.html", "/news/clashes.html", "/news/broken.html"]
        self.version = 1
        self.hits: Counter[str] = Counter()
        self.not_modified = 0
        self.base = ""


@pytest.fixture
def site() -> Iterator[Site]:
    state = Site()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def _send(self, status: int, body: bytes, kind: str, **headers: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            for key, value in headers.items():
                self.send_header(key.replace("_", "-"), value)
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            state.hits[self.path] += 1
            if self.path == "/robots.txt":
                self._send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
            elif self.path == "/feed.xml":
                etag = f'"v{state.version}"'
                if self.headers.get("If-None-Match") == etag:
                    state.not_modified += 1
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.end_headers()
                    return
                links = [*state.feed, "/private/memo.html", "/mirror/port-talks.html"]
                self._send(200, _rss(links, state.base), "application/rss+xml", ETag=etag)
            elif self.path in PAGES:
                self._send(200, _html(*PAGES[self.path]), "text/html; charset=utf-8")
            elif self.path == "/news/broken.html":
                self._send(500, b"internal error", "text/plain")
            else:
                self._send(404, b"not found", "text/plain")

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()


def _watch(site: Site, db: Path, rounds: int = 1) -> str:
    result = run_cli(
        "watch",
        f"{site.base}/feed.xml",
        "--db",
        str(db),
        "--rounds",
        str(rounds),
        "--every",
        "0s",
        "--delay",
        "0",
    )
    assert result.returncode == 0, result.stderr
    return result.stderr


def test_watch_ingests_new_items_once_and_honours_304(site: Site, tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    log = _watch(site, db, rounds=2)
    assert "round 1: 1 feeds (0 unchanged, 0 failed), 5 entries, 5 new: 2 stored" in log
    assert "round 2: 1 feeds (1 unchanged, 0 failed), 0 entries, 0 new" in log
    assert site.not_modified == 1  # the second round cost a 304 and no body
    with open_store(db) as store:
        urls = {r[0] for r in store.execute("SELECT url FROM occurrences")}
        failures = dict(store.execute("SELECT input, problem FROM failures"))
        assert store.execute("SELECT COUNT(*) FROM articles")[0][0] == 2
    # the mirror is the same text: recorded where it was seen, not analysed again
    assert f"{site.base}/mirror/port-talks.html" in urls
    assert failures[f"{site.base}/news/broken.html"] == "HTTP 500 Internal Server Error"
    assert "robots.txt" in failures[f"{site.base}/private/memo.html"]
    assert site.hits["/private/memo.html"] == 0  # never requested
    # the feed changes: only its new item is fetched; old pages and failures are not
    site.feed.append("/news/protest.html")
    site.version = 2
    log = _watch(site, db)
    assert "6 entries, 1 new: 1 stored" in log
    assert site.hits["/news/port-talks.html"] == 1 and site.hits["/news/broken.html"] == 1
    assert site.hits["/news/protest.html"] == 1
    with open_store(db) as store:
        titles = {r[0] for r in store.execute("SELECT title FROM articles")}
    assert titles == {"Port talks resume", "Clashes near border", "Teachers protest"}


def test_ingest_takes_urls(site: Site, tmp_path: Path) -> None:
    db = tmp_path / "u.db"
    good, missing = f"{site.base}/news/clashes.html", f"{site.base}/news/gone.html"
    result = run_cli("ingest", good, missing, "--db", str(db))
    assert result.returncode == 1  # a failure, and the rest stored
    assert f"{missing}: HTTP 404 Not Found" in result.stderr
    assert "1 stored" in result.stderr
    with open_store(db) as store:
        ((url, title),) = store.execute("SELECT url, title FROM articles")
        types = {r[0] for r in store.execute("SELECT type FROM events")}
    assert url == good and title == "Clashes near border" and "ASSAULT" in types


def test_a_feed_that_fails_is_recorded_and_the_others_go_on(site: Site, tmp_path: Path) -> None:
    db = tmp_path / "f.db"
    result = run_cli(
        "watch", f"{site.base}/nofeed.xml", f"{site.base}/feed.xml",
        "--db", str(db), "--rounds", "1", "--delay", "0",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "2 feeds (0 unchanged, 1 failed)" in result.stderr and "2 stored" in result.stderr
    bad = run_cli("watch", "feeds.txt", "--db", str(db), "--rounds", "1")
    assert bad.returncode == 2 and "'feeds.txt' is not an http(s) URL" in bad.stderr
    bad = run_cli("watch", f"{site.base}/feed.xml", "--db", str(db), "--every", "soon")
    assert bad.returncode == 2 and "'soon' is not a duration" in bad.stderr


def test_atom_and_sitemaps_are_read() -> None:
    atom = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>urn:x</id>
<updated>2025-06-01T00:00:00Z</updated>
<entry><title>One</title><id>urn:1</id><link href="https://example.org/a"/>
<updated>2025-06-01T08:00:00Z</updated></entry></feed>"""
    (entry,) = parse_feed(atom, "atom")
    assert (entry.url, entry.title, entry.published) == (
        "https://example.org/a",
        "One",
        "2025-06-01",
    )
    sitemap = b"""<?xml version="1.0"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>https://example.org/b</loc><lastmod>2025-05-02</lastmod></url>
<url><loc> https://example.org/c </loc></url></urlset>"""
    found = parse_feed(sitemap, "sitemap")
    assert [(e.url, e.published, e.sitemap) for e in found] == [
        ("https://example.org/b", "2025-05-02", False),
        ("https://example.org/c", None, False),
    ]
    index = b"""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://example.org/news.xml</loc></sitemap></sitemapindex>"""
    assert [e.sitemap for e in parse_feed(index, "index")] == [True]
    from newsevents.errors import InputError

    with pytest.raises(InputError, match="not a feed"):
        parse_feed(b"<html><body>hello</body></html>", "page")
