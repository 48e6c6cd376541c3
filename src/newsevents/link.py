"""Cross-article linking: global entities, event clusters, claim groups, story threads.

Linking runs incrementally, inside the transaction that stores an article, so
the store is never half linked. Each new article's records join what is there:

* **entities** merge on a normalised name and a compatible country (one may
  be unknown); a person also merges on surname plus country ("Putin" RUS
  joins "Vladimir Putin" RUS). Names seen are kept as aliases.
* **events** join a cluster of the same type whose actors overlap, whose
  recipients overlap or are unknown on one side, whose dates lie within
  ``WINDOW_DAYS`` (an undated event takes its article's publication date) and
  whose places agree or are unknown. A cluster counts its articles and its
  distinct sources (outlets) and its first and last report.
* **claims** group on unit and the counted thing (the measure's nouns), so the
  same figure reported by rival claimants sits side by side.
* **threads** are clusters that share an actor pair, chained in time.
"""

from __future__ import annotations

import hashlib
import json
import re
from datetime import date
from typing import Any

from .model import Analysis, Article, Entity

WINDOW_DAYS = 3
THREAD_DAYS = 30

_STOP = frozenset(
    [
        "the",
        "of",
        "a",
        "an",
        "in",
        "on",
        "by",
        "to",
        "from",
        "and",
        "for",
        "its",
        "their",
        "this",
        "that",
    ]
)


def _norm(name: str) -> str:
    name = re.sub(r"^the\s+", "", name.lower().strip())
    return re.sub(r"[^\w\s]", "", name).strip()


def _id(prefix: str, *parts: str) -> str:
    return prefix + hashlib.sha1("|".join(parts).encode()).hexdigest()[:12]


def _day(value: str | None) -> date | None:
    if value and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value[:10]):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def _measure_key(measure: str | None) -> str:
    words = [w for w in re.findall(r"[a-z]+", (measure or "").lower()) if w not in _STOP]
    nouns = [w for w in words if len(w) > 3][-2:]
    return " ".join(sorted(nouns))


class Linker:
    """Links one stored article into the cross-article tables (same cursor, same transaction)."""

    def __init__(self, cur: Any, sql: Any) -> None:
        self.cur = cur
        self.sql = sql

    def _rows(self, query: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        self.cur.execute(self.sql(query), params)
        return list(self.cur.fetchall())

    def _run(self, query: str, params: tuple[Any, ...] = ()) -> None:
        self.cur.execute(self.sql(query), params)

    # -- entities -------------------------------------------------------------

    def _global_entity(self, ent: Entity) -> str:
        key = _norm(ent.name)
        surname = key.split()[-1] if key else ""
        match = None
        for gid, country in self._rows(
            "SELECT g.id, g.country FROM entity_aliases a JOIN global_entities g "
            "ON g.id = a.global_id WHERE a.key = ? AND g.kind = ? ORDER BY g.id",
            (key, ent.kind),
        ):
            if not country or not ent.country or country == ent.country:
                match = gid
                break
        if match is None and ent.kind == "person" and ent.country:
            found = self._rows(
                "SELECT id FROM global_entities WHERE kind = 'person' AND surname = ? "
                "AND country = ? ORDER BY id",
                (surname, ent.country),
            )
            match = found[0][0] if found else None
        if match is None:
            match = _id("G", ent.kind, key, ent.country or "")
            self._run(
                "INSERT INTO global_entities (id, name, kind, country, sector, surname, "
                "num_articles) VALUES (?, ?, ?, ?, ?, ?, 0) ON CONFLICT (id) DO NOTHING",
                (match, ent.name, ent.kind, ent.country, ent.sector, surname),
            )
        self._run(
            "INSERT INTO entity_aliases (global_id, key, name) VALUES (?, ?, ?) "
            "ON CONFLICT (global_id, key) DO NOTHING",
            (match, key, ent.name),
        )
        (name, country, sector) = self._rows(
            "SELECT name, country, sector FROM global_entities WHERE id = ?", (match,)
        )[0]
        # the longest name seen is the canonical one ("Vladimir Putin" over "Putin")
        self._run(
            "UPDATE global_entities SET name = ?, country = ?, sector = ?, "
            "num_articles = num_articles + 1 WHERE id = ?",
            (max([name, ent.name], key=len), country or ent.country, sector or ent.sector, match),
        )
        return str(match)

    # -- events ---------------------------------------------------------------

    def _cluster(
        self,
        etype: str,
        actors: set[str],
        recipients: set[str],
        day: date | None,
        place: str | None,
    ) -> str | None:
        if not actors:
            return None  # a cluster is joined through a shared actor
        marks = ", ".join("?" for _ in actors)
        query = (
            "SELECT DISTINCT c.id, c.actors, c.recipients, c.date, c.place FROM cluster_parties p "
            "JOIN event_clusters c ON c.id = p.cluster_id "
            f"WHERE p.type = ? AND p.party IN ({marks})"
        )
        params: list[Any] = [etype, *sorted(actors)]
        if day is not None:
            lo = date.fromordinal(day.toordinal() - WINDOW_DAYS).isoformat()
            hi = date.fromordinal(day.toordinal() + WINDOW_DAYS).isoformat()
            query += " AND (p.day IS NULL OR (p.day >= ? AND p.day <= ?))"
            params += [lo, hi]
        rows = self._rows(query + " ORDER BY c.id", tuple(params))
        for cid, c_actors, c_recipients, c_date, c_place in rows:
            ca, cr = set(json.loads(c_actors)), set(json.loads(c_recipients))
            parties, c_parties = actors | recipients, ca | cr
            if not (actors & c_parties) or not (ca & parties):
                continue
            if recipients and cr and not (recipients & c_parties):
                continue
            cday = _day(c_date)
            if day and cday and abs((day - cday).days) > WINDOW_DAYS:
                continue
            if place and c_place and place != c_place:
                continue
            return str(cid)
        return None

    def link(self, analysis: Analysis) -> set[str]:
        """Link one article's records; returns the ids of the clusters its events joined."""
        art = analysis.article
        touched: set[str] = set()
        gids = {e.id: self._global_entity(e) for e in analysis.entities}
        for eid, gid in gids.items():
            self._run(
                "INSERT INTO entity_links (article_id, entity_id, global_id) VALUES (?, ?, ?)",
                (art.id, eid, gid),
            )
        times = {t.id: t.value for t in analysis.times}
        places = {p.id: (p.geonameid and str(p.geonameid)) or p.name for p in analysis.places}
        outlet = art.source or art.url or art.id
        for ev in analysis.events:
            actors = {gids[a] for a in ev.actors if a in gids}
            recipients = {gids[r] for r in ev.recipients if r in gids}
            value = times.get(ev.time) if ev.time else None
            day = _day(value) or _day(art.published)
            place = places.get(ev.place) if ev.place else None
            cid = self._cluster(ev.type, actors, recipients, day, place)
            report = art.published or ""
            if cid is None:
                cid = _id("K", art.id, ev.id)
                self._run(
                    # parties are added by _refresh_cluster, which indexes them
                    "INSERT INTO event_clusters (id, type, actors, recipients, date, place, "
                    "first_report, last_report, num_articles, num_sources, sources) "
                    "VALUES (?, ?, '[]', '[]', ?, ?, ?, ?, 0, 0, ?)",
                    (
                        cid,
                        ev.type,
                        day.isoformat() if day else None,
                        place,
                        report,
                        report,
                        "[]",
                    ),
                )
            self._run(
                "INSERT INTO cluster_members (cluster_id, article_id, event_id) VALUES (?, ?, ?)",
                (cid, art.id, ev.id),
            )
            # a new article: it joins the cluster for the first time with its first event there
            self._refresh_cluster(
                cid, actors, recipients, outlet, report, place, new_article=cid not in touched
            )
            touched.add(cid)
        for claim in analysis.claims:
            key = _measure_key(claim.measure)
            gid = _id("Q", claim.unit, key)
            self._run(
                "INSERT INTO claim_groups (id, unit, measure_key, label) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (id) DO NOTHING",
                (gid, claim.unit, key, claim.measure or key),
            )
            self._run(
                "INSERT INTO claim_members (group_id, article_id, claim_id) VALUES (?, ?, ?)",
                (gid, art.id, claim.id),
            )
        return touched

    def _refresh_cluster(
        self,
        cid: str,
        actors: set[str],
        recipients: set[str],
        outlet: str,
        report: str,
        place: str | None,
        new_article: bool,
    ) -> None:
        (c_type, c_actors, c_recipients, c_date, c_place, first, last, sources, articles) = (
            self._rows(
                "SELECT type, actors, recipients, date, place, first_report, last_report, "
                "sources, num_articles FROM event_clusters WHERE id = ?",
                (cid,),
            )[0]
        )
        source_list = json.loads(sources)
        if outlet not in source_list:
            source_list.append(outlet)
        articles = int(articles) + int(new_article)
        old_parties = set(json.loads(c_actors)) | set(json.loads(c_recipients))
        for party in sorted((actors | recipients) - old_parties):
            _index_party(self.cur, self.sql, party, cid, c_type, c_date)
        reports = [r for r in (first, last, report) if r]
        self._run(
            "UPDATE event_clusters SET actors = ?, recipients = ?, place = ?, first_report = ?, "
            "last_report = ?, num_articles = ?, num_sources = ?, sources = ? WHERE id = ?",
            (
                json.dumps(sorted(set(json.loads(c_actors)) | actors)),
                json.dumps(sorted(set(json.loads(c_recipients)) | recipients)),
                c_place or place,
                min(reports) if reports else None,
                max(reports) if reports else None,
                int(articles),
                len(source_list),
                json.dumps(sorted(source_list)),
                cid,
            ),
        )


def _index_party(cur: Any, sql: Any, party: str, cid: str, etype: str, day: str | None) -> None:
    cur.execute(
        sql(
            "INSERT INTO cluster_parties (party, cluster_id, type, day) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (party, cluster_id) DO NOTHING"
        ),
        (party, cid, etype, day),
    )


def _pairs(actors: str, recipients: str) -> list[str]:
    parties = sorted(set(json.loads(actors)) | set(json.loads(recipients)))
    return [f"{a}|{b}" for i, a in enumerate(parties) for b in parties[i + 1 :]]


def _thread_of(cid: str) -> str:
    return "T" + cid[1:]


def assign_threads(cur: Any, sql: Any, touched: set[str]) -> None:
    """Story threads: clusters sharing an actor pair with dates within THREAD_DAYS
    of each other (an undated cluster joins every cluster of its pairs).

    Incremental: only the clusters this article touched are looked at, with the
    clusters that share one of their pairs (``cluster_pairs``), so a save costs
    the same on the ten-thousandth article as on the first. Two threads that
    meet merge under the smaller id; a thread's id is therefore its members'
    smallest, whatever order the articles came in.
    """
    for cid in sorted(touched):
        cur.execute(
            sql("SELECT actors, recipients, date, thread_id FROM event_clusters WHERE id = ?"),
            (cid,),
        )
        actors, recipients, day, thread = cur.fetchone()
        own = thread or _thread_of(cid)
        pairs = _pairs(actors, recipients)
        for pair in pairs:
            cur.execute(
                sql(
                    "INSERT INTO cluster_pairs (pair, cluster_id, day) VALUES (?, ?, ?) "
                    "ON CONFLICT (pair, cluster_id) DO NOTHING"
                ),
                (pair, cid, day),
            )
        threads = {own}
        if pairs:
            marks = ", ".join("?" for _ in pairs)
            query = (
                "SELECT DISTINCT c.id, c.thread_id FROM cluster_pairs p JOIN event_clusters c "
                f"ON c.id = p.cluster_id WHERE p.pair IN ({marks}) AND p.cluster_id <> ?"
            )
            params: list[Any] = [*pairs, cid]
            d = _day(day)
            if d is not None:
                query += " AND (p.day IS NULL OR (p.day >= ? AND p.day <= ?))"
                lo = date.fromordinal(d.toordinal() - THREAD_DAYS).isoformat()
                hi = date.fromordinal(d.toordinal() + THREAD_DAYS).isoformat()
                params += [lo, hi]  # cluster days are plain YYYY-MM-DD, as in _cluster
            cur.execute(sql(query), params)
            threads |= {t or _thread_of(other) for other, t in cur.fetchall()}
        target = min(threads)
        for old in sorted(threads - {target}):
            cur.execute(
                sql("UPDATE event_clusters SET thread_id = ? WHERE thread_id = ?"), (target, old)
            )
            # a neighbour with no thread yet is its own thread
            cur.execute(
                sql("UPDATE event_clusters SET thread_id = ? WHERE id = ? AND thread_id IS NULL"),
                (target, "K" + old[1:]),
            )
        if thread != target:
            cur.execute(sql("UPDATE event_clusters SET thread_id = ? WHERE id = ?"), (target, cid))


def backfill_cluster_index(cur: Any, sql: Any) -> None:
    """Parties, pairs and threads of the clusters linked before migration 3."""
    cur.execute(sql("SELECT id, type, actors, recipients, date FROM event_clusters ORDER BY id"))
    rows = cur.fetchall()
    for cid, etype, actors, recipients, day in rows:
        for party in sorted(set(json.loads(actors)) | set(json.loads(recipients))):
            _index_party(cur, sql, party, cid, etype, day)
    ids = {row[0] for row in rows}
    if ids:
        cur.execute(sql("UPDATE event_clusters SET thread_id = NULL"))
        assign_threads(cur, sql, ids)


def count_occurrence(cur: Any, sql: Any, article: Article) -> None:
    """One more report of a stored text (a syndicated copy, a republication):
    each cluster its events joined counts it as an article, and its outlet
    among the sources."""
    outlet = article.source or article.url or article.id
    report = article.published or ""
    cur.execute(
        sql(
            "SELECT DISTINCT c.id, c.sources, c.num_articles, c.first_report, c.last_report "
            "FROM cluster_members m JOIN event_clusters c ON c.id = m.cluster_id "
            "WHERE m.article_id = ? ORDER BY c.id"
        ),
        (article.id,),
    )
    for cid, sources, articles, first, last in cur.fetchall():
        source_list = json.loads(sources)
        if outlet not in source_list:
            source_list.append(outlet)
        reports = [r for r in (first, last, report) if r]
        cur.execute(
            sql(
                "UPDATE event_clusters SET num_articles = ?, num_sources = ?, sources = ?, "
                "first_report = ?, last_report = ? WHERE id = ?"
            ),
            (
                int(articles) + 1,
                len(source_list),
                json.dumps(sorted(source_list)),
                min(reports) if reports else None,
                max(reports) if reports else None,
                cid,
            ),
        )
