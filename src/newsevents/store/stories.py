"""Stories in the store: every article in one, kept up to date as articles arrive.

Each save stores the article's signature and the terms it is found under,
compares it with the articles that share the most weight of those terms (the
candidates: at most ``CANDIDATES``, found among at most ``POSTINGS`` articles
per term dated within ``CANDIDATE_DAYS`` of it, the latest first, and as many
undated, so a save does not read the whole store), keeps the pairs at the story threshold as edges, and regroups
the connected part of the edge graph it belongs to (at most ``COMPONENT``
articles, nearest first). The grouping of a part depends only on which
articles it holds, so a store gets the same stories whatever the order of
ingestion; ``newsevents relink`` rebuilds them all after the rules change.

A story's id is its smallest article id prefixed with ``S``; its record
(title, first and last day, articles, reports and outlets) is rewritten when
its membership or its articles' occurrences change.
"""

from __future__ import annotations

import json
from collections import OrderedDict
from collections.abc import Iterable
from datetime import date
from typing import Any

from ..model import Analysis
from ..story import (
    STORY_THRESHOLD,
    Signature,
    article_day,
    average_link,
    entities_of,
    index_terms,
    signature,
    similarity,
    similarity_matrix,
)

POSTINGS = 200
CANDIDATE_DAYS = 60
CANDIDATES = 60
COMPONENT = 300


Stored = tuple[Signature, date | None, frozenset[str]]


class SignatureCache:
    """The signatures last read, so that regrouping a part of the graph does not
    read and parse its articles' signatures again on every save. An article's
    signature never changes while it is stored (``relink`` clears the cache)."""

    def __init__(self, size: int = 5000) -> None:
        self.size = size
        self._items: OrderedDict[str, Stored] = OrderedDict()

    def get(self, article_id: str) -> Stored | None:
        found = self._items.get(article_id)
        if found is not None:
            self._items.move_to_end(article_id)
        return found

    def put(self, article_id: str, value: Stored) -> None:
        self._items[article_id] = value
        self._items.move_to_end(article_id)
        while len(self._items) > self.size:
            self._items.popitem(last=False)

    def clear(self) -> None:
        self._items.clear()


def story_id(first_article: str) -> str:
    return "S" + first_article[:16]


class StoryLinker:
    """Links one article into the stories (same cursor, same transaction as its save)."""

    def __init__(self, cur: Any, sql: Any, cache: SignatureCache | None = None) -> None:
        self.cur = cur
        self.sql = sql
        self._sigs = cache if cache is not None else SignatureCache()

    def _rows(self, query: str, params: Iterable[Any] = ()) -> list[tuple[Any, ...]]:
        self.cur.execute(self.sql(query), tuple(params))
        return list(self.cur.fetchall())

    def _signature(self, article_id: str) -> Stored:
        found = self._sigs.get(article_id)
        if found is None:
            rows = self._rows(
                "SELECT terms, day FROM story_signatures WHERE article_id = ?", (article_id,)
            )
            terms, day = rows[0] if rows else ("{}", None)
            sig: Signature = json.loads(terms)
            found = (sig, date.fromisoformat(day) if day else None, entities_of(sig))
            self._sigs.put(article_id, found)
        return found

    def _sim(self, a: str, b: str) -> float:
        (sa, da, _), (sb, db, _) = self._signature(a), self._signature(b)
        return similarity(sa, sb, da, db)

    def link(self, analysis: Analysis) -> str:
        """Store the article's signature, find its neighbours, regroup; its story id."""
        aid = analysis.article.id
        sig, day = signature(analysis), article_day(analysis)
        self._sigs.put(aid, (sig, day, entities_of(sig)))
        iso = day.isoformat() if day else None
        self.cur.execute(
            self.sql("INSERT INTO story_signatures (article_id, day, terms) VALUES (?, ?, ?)"),
            (aid, iso, json.dumps(sig, sort_keys=True)),
        )
        terms = index_terms(sig)
        self.cur.executemany(
            self.sql("INSERT INTO story_terms (term, article_id, day, weight) VALUES (?, ?, ?, ?)"),
            [(t, aid, iso, sig[t]) for t in terms],
        )
        for other in sorted(self._candidates(aid, sig, terms, day)):
            s = self._sim(aid, other)
            if s >= STORY_THRESHOLD:
                a, b = sorted((aid, other))
                self.cur.execute(
                    self.sql("INSERT INTO story_edges (a, b, sim) VALUES (?, ?, ?)"), (a, b, s)
                )
        self.regroup(aid)
        return str(
            self._rows("SELECT story_id FROM article_stories WHERE article_id = ?", (aid,))[0][0]
        )

    def _candidates(self, aid: str, sig: Signature, terms: list[str], day: date | None) -> set[str]:
        """The articles worth comparing: those whose indexed terms give the
        largest part of a dot product with this one (at most ``CANDIDATES``),
        reading at most ``POSTINGS`` articles per term, nearest in time first. A
        term many articles share (a country named in passing) costs a bounded
        read, and only articles that share heavy terms are compared in full."""
        partial: dict[str, float] = {}
        for term in terms:
            query = "SELECT article_id, weight FROM story_terms WHERE term = ? AND article_id <> ?"
            params: list[Any] = [term, aid]
            if day is None:
                rows = self._rows(
                    query + " ORDER BY day DESC, article_id DESC LIMIT ?", [*params, POSTINGS]
                )
            else:
                # the dated within CANDIDATE_DAYS, and the undated; a story that runs
                # longer is joined up through the articles in between
                lo = date.fromordinal(day.toordinal() - CANDIDATE_DAYS).isoformat()
                hi = date.fromordinal(day.toordinal() + CANDIDATE_DAYS).isoformat()
                rows = self._rows(
                    query + " AND day >= ? AND day <= ? ORDER BY day DESC, article_id DESC LIMIT ?",
                    [*params, lo, hi, POSTINGS],
                ) + self._rows(
                    query + " AND day IS NULL ORDER BY article_id LIMIT ?", [*params, POSTINGS]
                )
            for other, weight in rows:
                partial[other] = partial.get(other, 0.0) + sig[term] * float(weight)
        ranked = sorted(partial.items(), key=lambda kv: (-kv[1], kv[0]))[:CANDIDATES]
        return {a for a, _ in ranked}

    def _component(self, aid: str) -> list[str]:
        seen = {aid}
        frontier = [aid]
        while frontier and len(seen) < COMPONENT:
            nxt: list[str] = []
            for node in frontier:
                for (other,) in self._rows(
                    "SELECT b FROM story_edges WHERE a = ? UNION SELECT a FROM story_edges "
                    "WHERE b = ? ORDER BY 1",
                    (node, node),
                ):
                    if other not in seen and len(seen) < COMPONENT:
                        seen.add(other)
                        nxt.append(other)
            frontier = nxt
        return sorted(seen)

    def regroup(self, aid: str) -> None:
        """Regroup the part of the graph around ``aid``; rewrite the stories it touches."""
        members = self._component(aid)
        old = {
            r[0]
            for r in self._rows(
                f"SELECT DISTINCT story_id FROM article_stories WHERE article_id IN "
                f"({', '.join('?' for _ in members)})",
                members,
            )
        }
        touched = set(old)
        sigs = [self._signature(m) for m in members]
        sims = similarity_matrix([s for s, _, _ in sigs], [d for _, d, _ in sigs])
        ents = [e for _, _, e in sigs]
        for group in average_link(members, sims, STORY_THRESHOLD, ents):
            sid = story_id(group[0])
            touched.add(sid)
            for article in group:
                self.cur.execute(
                    self.sql("DELETE FROM article_stories WHERE article_id = ?"), (article,)
                )
                self.cur.execute(
                    self.sql("INSERT INTO article_stories (article_id, story_id) VALUES (?, ?)"),
                    (article, sid),
                )
        for sid in sorted(touched):
            refresh_story(self.cur, self.sql, sid)


def refresh_story(cur: Any, sql: Any, sid: str) -> None:
    """Rewrite one story's record from its articles (or drop it when it has none)."""
    cur.execute(sql("DELETE FROM stories WHERE id = ?"), (sid,))
    cur.execute(
        sql(
            "SELECT a.id, a.title, a.text, s.day FROM article_stories m "
            "JOIN articles a ON a.id = m.article_id "
            "LEFT JOIN story_signatures s ON s.article_id = a.id "
            "WHERE m.story_id = ? ORDER BY a.id"
        ),
        (sid,),
    )
    rows = cur.fetchall()
    if not rows:
        return
    ids = [r[0] for r in rows]
    marks = ", ".join("?" for _ in ids)
    cur.execute(
        sql(f"SELECT outlet, published FROM occurrences WHERE article_id IN ({marks})"), ids
    )
    occurrences = cur.fetchall()
    outlets = sorted({o for o, _ in occurrences if o})
    days = sorted({d for d in (r[3] for r in rows) if d} | {p[:10] for _, p in occurrences if p})
    title = _story_title(rows)
    cur.execute(
        sql(
            "INSERT INTO stories (id, title, first_day, last_day, num_articles, num_reports, "
            "num_outlets, outlets) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
        ),
        (
            sid,
            title,
            days[0] if days else None,
            days[-1] if days else None,
            len(ids),
            max(len(occurrences), len(ids)),
            len(outlets),
            json.dumps(outlets),
        ),
    )


def _story_title(rows: list[tuple[Any, ...]]) -> str:
    """The first titled article's title (by day, then id), else its opening words."""
    ordered = sorted(rows, key=lambda r: (r[3] or "9999", r[0]))
    for _, title, _, _ in ordered:
        if title:
            return str(title)
    text = " ".join(str(ordered[0][2]).split())
    return text if len(text) <= 100 else text[:100].rsplit(" ", 1)[0] + "…"


def refresh_article_story(cur: Any, sql: Any, article_id: str) -> None:
    """Rewrite the record of an article's story (a new occurrence of it was seen)."""
    cur.execute(sql("SELECT story_id FROM article_stories WHERE article_id = ?"), (article_id,))
    for (sid,) in cur.fetchall():
        refresh_story(cur, sql, sid)


def clear_stories(cur: Any, sql: Any) -> None:
    for table in ("story_edges", "story_terms", "story_signatures", "article_stories", "stories"):
        cur.execute(sql(f"DELETE FROM {table}"))


def backfill_stories(cur: Any, sql: Any) -> None:
    """Stories of the articles stored before they existed, in id order."""
    cur.execute(sql("SELECT doc FROM articles ORDER BY id"))
    docs = [r[0] for r in cur.fetchall()]
    linker = StoryLinker(cur, sql)
    for doc in docs:
        linker.link(Analysis.model_validate_json(doc))
