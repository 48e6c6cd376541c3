"""What a feed lists: RSS and Atom (feedparser) or a sitemap (its ``<loc>`` URLs).

A sitemap index lists other sitemaps; those come back as ``Entry(sitemap=True)``
for the caller to fetch in turn, so one slow index cannot make this module
crawl a site on its own.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass

from ..errors import InputError


@dataclass(frozen=True)
class Entry:
    url: str
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD when the feed gives it
    sitemap: bool = False


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _sitemap(root: ET.Element) -> list[Entry]:
    nested = _local(root.tag) == "sitemapindex"
    out = []
    for item in root:
        loc = next((c.text for c in item if _local(c.tag) == "loc" and c.text), None)
        if not loc:
            continue
        day = next((c.text for c in item if _local(c.tag) == "lastmod" and c.text), None)
        out.append(Entry(loc.strip(), None, (day or "")[:10] or None, sitemap=nested))
    return out


def parse_feed(data: bytes, url: str) -> list[Entry]:
    """The entries of a feed or sitemap, in the order listed."""
    head = data[:2048].lstrip().lower()
    if b"<urlset" in head or b"<sitemapindex" in head:
        try:
            return _sitemap(ET.fromstring(data))
        except ET.ParseError as exc:
            raise InputError(url, f"malformed sitemap: {exc}") from None
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries and (parsed.bozo or not parsed.version):
        problem = parsed.get("bozo_exception") or "no RSS, Atom or sitemap content"
        raise InputError(url, f"not a feed: {problem}")
    out = []
    for item in parsed.entries:
        link = item.get("link")
        if not link:
            continue
        stamp = item.get("published_parsed") or item.get("updated_parsed")
        day = f"{stamp.tm_year:04d}-{stamp.tm_mon:02d}-{stamp.tm_mday:02d}" if stamp else None
        out.append(Entry(link, item.get("title"), day))
    return out
