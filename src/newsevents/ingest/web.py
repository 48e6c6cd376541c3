"""Fetching pages and feeds the way a polite crawler does.

Analysts follow sources, so ``ingest URL`` and ``watch FEED`` read from the web;
the sites they read are not ours. Hence: robots.txt is obeyed (its Crawl-delay
too), requests to one host are spaced by at least ``delay`` seconds, a feed
asks with ``If-None-Match``/``If-Modified-Since`` so an unchanged feed costs a
304 and no body, and a page larger than ``max_bytes`` is refused. Every problem
is an InputError naming the URL, so a broken page is recorded like a broken
file and the run goes on.

Plain urllib, not trafilatura's fetcher: the conditional headers and the
response status are needed here; trafilatura still extracts the article.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.request
import urllib.robotparser
from dataclasses import dataclass, field
from email.message import Message
from urllib.parse import urlsplit

from ..errors import InputError


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("newsevents")
    except PackageNotFoundError:
        return "dev"


USER_AGENT = f"newsevents/{_version()} (news event coder; respects robots.txt)"
#: Seconds between two requests to one host, unless robots.txt asks for more.
DELAY = 1.0
#: The largest page or feed read.
MAX_BYTES = 10 * 1024 * 1024
TIMEOUT = 30.0


def is_url(text: str) -> bool:
    return urlsplit(str(text)).scheme in ("http", "https")


@dataclass
class Response:
    url: str
    status: int  # 200, or 304 when the resource has not changed
    body: bytes
    headers: Message

    @property
    def etag(self) -> str | None:
        return self.headers.get("ETag")

    @property
    def modified(self) -> str | None:
        return self.headers.get("Last-Modified")


class _NoRedirectLoop(urllib.request.HTTPRedirectHandler):
    max_redirections = 5


@dataclass
class Fetcher:
    """One per run: it remembers each host's robots.txt and last request."""

    delay: float = DELAY
    max_bytes: int = MAX_BYTES
    timeout: float = TIMEOUT
    _robots: dict[str, urllib.robotparser.RobotFileParser | None] = field(default_factory=dict)
    _last: dict[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._opener = urllib.request.build_opener(_NoRedirectLoop())

    def _wait(self, host: str) -> None:
        robots = self._robots.get(host)
        asked = robots.crawl_delay(USER_AGENT) if robots is not None else None
        gap = max(self.delay, float(asked or 0))
        since = time.monotonic() - self._last.get(host, float("-inf"))
        if since < gap:
            time.sleep(gap - since)
        self._last[host] = time.monotonic()

    def _allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        host = f"{parts.scheme}://{parts.netloc}"
        if host not in self._robots:
            parser: urllib.robotparser.RobotFileParser | None = None
            try:
                found = self._get(f"{host}/robots.txt", {})
                parser = urllib.robotparser.RobotFileParser()
                parser.parse(found.body.decode("utf-8", "replace").splitlines())
            except InputError:
                parser = None  # no robots.txt (or none readable): everything is allowed
            self._robots[host] = parser
        robots = self._robots[host]
        return robots is None or robots.can_fetch(USER_AGENT, url)

    def fetch(self, url: str, etag: str | None = None, modified: str | None = None) -> Response:
        """The resource at ``url``; a 304 when ``etag``/``modified`` still hold."""
        if not is_url(url):
            raise InputError(url, "not an http(s) URL")
        if not self._allowed(url):
            raise InputError(url, "robots.txt disallows fetching this URL")
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if modified:
            headers["If-Modified-Since"] = modified
        return self._get(url, headers)

    def _get(self, url: str, headers: dict[str, str]) -> Response:
        parts = urlsplit(url)
        self._wait(f"{parts.scheme}://{parts.netloc}")
        request = urllib.request.Request(
            url, headers={"User-Agent": USER_AGENT, "Accept-Encoding": "identity", **headers}
        )
        try:
            with self._opener.open(request, timeout=self.timeout) as resp:
                size = resp.headers.get("Content-Length")
                if size and size.isdigit() and int(size) > self.max_bytes:
                    raise InputError(url, f"larger than {self.max_bytes:,} bytes ({int(size):,})")
                body = resp.read(self.max_bytes + 1)
                if len(body) > self.max_bytes:
                    raise InputError(url, f"larger than {self.max_bytes:,} bytes")
                return Response(resp.geturl(), resp.status, body, resp.headers)
        except urllib.error.HTTPError as exc:
            if exc.code == 304:
                return Response(url, 304, b"", exc.headers)
            raise InputError(url, f"HTTP {exc.code} {exc.reason}") from None
        except urllib.error.URLError as exc:
            raise InputError(url, f"cannot fetch: {exc.reason}") from None
        except (TimeoutError, OSError) as exc:
            raise InputError(url, f"cannot fetch: {exc}") from None
