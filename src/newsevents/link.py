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

from .model import Analysis, Article, Entity, Event, Place

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


_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
_PLACE_RANK = {"city": 0, "other": 0, "admin1": 1, "country": 2}


class When:
    """When an event happened, as an interval: a day, a week, a month or a year,
    from its own text (``from_event``) or, with none, its article's date."""

    def __init__(self, start: date, end: date, precision: str, from_event: bool) -> None:
        self.start, self.end, self.precision, self.from_event = start, end, precision, from_event

    def meets(self, start: date, end: date) -> bool:
        """Whether the two intervals lie within WINDOW_DAYS of each other."""
        return (
            self.start.toordinal() - WINDOW_DAYS <= end.toordinal()
            and start.toordinal() - WINDOW_DAYS <= self.end.toordinal()
        )

    def finer_than(self, precision: str | None, from_event: bool | None) -> bool:
        """A date the text gives the event beats its article's date, whatever the
        precision ("in March" says more about the event than the day it was
        reported); then the finer precision wins."""
        mine = (not self.from_event, _PRECISION_RANK[self.precision])
        theirs = (not from_event, _PRECISION_RANK.get(precision or "", 9))
        return mine < theirs


def _interval(value: str | None) -> tuple[date, date, str] | None:
    """A TIMEX date value as (first day, last day, precision)."""
    if not value:
        return None
    day = _day(value)
    if day is not None:
        return day, day, "day"
    m = re.fullmatch(r"(\d{4})-W(\d\d)", value)
    if m:
        try:
            first = date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        except ValueError:
            return None
        return first, date.fromordinal(first.toordinal() + 6), "week"
    m = re.fullmatch(r"(\d{4})-(\d\d)", value)
    if m and 1 <= int(m.group(2)) <= 12:
        year, month = int(m.group(1)), int(m.group(2))
        nxt = date(year + (month == 12), month % 12 + 1, 1)
        return date(year, month, 1), date.fromordinal(nxt.toordinal() - 1), "month"
    m = re.fullmatch(r"(\d{4})", value)
    if m:
        return date(int(value), 1, 1), date(int(value), 12, 31), "year"
    return None


def event_when(ev: Event, art: Article) -> When | None:
    """The event's own time when it has one, else its article's publication day."""
    own = _interval(ev.time_value) if ev.time_from not in (None, "published") else None
    if own is not None:
        return When(*own, from_event=True)
    published = _day(art.published)
    return When(published, published, "day", from_event=False) if published else None


class _Where:
    """An event's place for matching: its key (GeoNames id or name), how coarse
    it is (0 a town or site, 1 a region, 2 a country), its country and region."""

    def __init__(self, place: Place) -> None:
        self.key = (place.geonameid and str(place.geonameid)) or place.name
        self.kind = place.kind
        self.rank = _PLACE_RANK.get(place.kind, 0)
        self.country = place.country
        self.region = place.iso3166_2

    def agrees(self, key: str, kind: str | None, country: str | None, region: str | None) -> bool:
        """The same place, or one contains the other (a town in the country or
        the region the other names)."""
        if key == self.key:
            return True
        rank = _PLACE_RANK.get(kind or "", 0)
        if rank == self.rank or not self.country or self.country != country:
            return False
        coarse_rank, coarse_region = (
            (rank, region) if rank > self.rank else (self.rank, self.region)
        )
        fine_region = self.region if rank > self.rank else region
        if coarse_rank == 2:
            return True  # a country holds every place in it
        return bool(coarse_region) and coarse_region == fine_region

    def finer_than(self, kind: str | None) -> bool:
        return self.rank < _PLACE_RANK.get(kind or "", 9)


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
        # the aliases first, by their index, then their entities by id: joined in
        # one query with an ORDER BY, SQLite walked every global entity in id order
        found = sorted(
            self._rows(
                "SELECT g.id, g.country, g.kind FROM global_entities g WHERE g.id IN "
                "(SELECT a.global_id FROM entity_aliases a WHERE a.key = ?)",
                (key,),
            )
        )
        for gid, country, kind in found:
            if kind != ent.kind:
                continue
            if not country or not ent.country or country == ent.country:
                match = gid
                break
        if match is None and ent.kind == "person" and ent.country:
            same = self._rows(
                "SELECT id FROM global_entities WHERE kind = 'person' AND surname = ? "
                "AND country = ? ORDER BY id",
                (surname, ent.country),
            )
            match = same[0][0] if same else None
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
        when: When | None,
        place: _Where | None,
    ) -> str | None:
        """The cluster this event joins: same type, parties that agree, times
        within WINDOW_DAYS of each other at the precision each has, places that
        agree or contain each other. An event with no party joins only on an
        exact place (a town or a site), never on a country."""
        parties = actors | recipients
        query = (
            "SELECT DISTINCT c.id, c.actors, c.recipients, c.date, c.date_end, c.place, "
            "c.place_kind, c.place_country, c.place_region FROM "
        )
        params: list[Any] = []
        if parties:
            marks = ", ".join("?" for _ in parties)
            query += (
                "cluster_parties p JOIN event_clusters c ON c.id = p.cluster_id "
                f"WHERE p.type = ? AND p.party IN ({marks})"
            )
            params += [etype, *sorted(parties)]
            day_start, day_end = "p.day", "p.day_end"
        elif place is not None and place.rank == 0:
            query += "event_clusters c WHERE c.type = ? AND c.place = ?"
            params += [etype, place.key]
            day_start, day_end = "c.date", "c.date_end"
        else:
            return None
        if when is None:
            rows = self._rows(query, tuple(params))
        else:
            # two queries, not one with "day IS NULL OR ...": each can then use the
            # index on (type, party, day), so a frequent party costs about the
            # same in a store of any size. The range read starts a month before
            # the window: a week or a month that holds the event starts within
            # it; a cluster dated only by a year is not looked for before that.
            lo = date.fromordinal(when.start.toordinal() - WINDOW_DAYS)
            hi = date.fromordinal(when.end.toordinal() + WINDOW_DAYS).isoformat()
            earliest = date.fromordinal(lo.toordinal() - 31).isoformat()
            rows = self._rows(
                query + f" AND {day_start} >= ? AND {day_start} <= ? "
                f"AND COALESCE({day_end}, {day_start}) >= ?",
                (*params, earliest, hi, lo.isoformat()),
            ) + self._rows(query + f" AND {day_start} IS NULL", tuple(params))
        rows = sorted(set(rows))
        for (
            cid,
            c_actors,
            c_recipients,
            c_date,
            c_end,
            c_place,
            c_kind,
            c_country,
            c_region,
        ) in rows:
            ca, cr = set(json.loads(c_actors)), set(json.loads(c_recipients))
            c_parties = ca | cr
            if parties and not (parties & c_parties):
                continue
            if not parties and c_parties:
                continue  # a partyless report joins only partyless clusters
            if actors and ca and (not (actors & c_parties) or not (ca & parties)):
                continue
            if recipients and cr and not (recipients & c_parties):
                continue
            cstart, cend = _day(c_date), _day(c_end) or _day(c_date)
            if when and cstart and cend and not when.meets(cstart, cend):
                continue
            if place and c_place and not place.agrees(c_place, c_kind, c_country, c_region):
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
        places = {p.id: _Where(p) for p in analysis.places}
        outlet = art.source or art.url or art.id
        for ev in analysis.reported_events():
            actors = {gids[a] for a in ev.actors if a in gids}
            recipients = {gids[r] for r in ev.recipients if r in gids}
            when = event_when(ev, art)
            place = places.get(ev.place) if ev.place else None
            cid = self._cluster(ev.type, actors, recipients, when, place)
            report = art.published or ""
            own_id = _id("K", art.id, ev.id)
            if cid is not None and own_id < cid:
                # a cluster is named after its smallest report, whatever came first
                self._rename_cluster(cid, own_id)
                touched = {own_id if t == cid else t for t in touched}
                cid = own_id
            elif cid is None:
                cid = own_id
                self._run(
                    # parties, time and place are set by _refresh_cluster
                    "INSERT INTO event_clusters (id, type, actors, recipients, first_report, "
                    "last_report, num_articles, num_sources, sources) "
                    "VALUES (?, ?, '[]', '[]', ?, ?, 0, 0, '[]')",
                    (cid, ev.type, report, report),
                )
            self._run(
                "INSERT INTO cluster_members (cluster_id, article_id, event_id) VALUES (?, ?, ?)",
                (cid, art.id, ev.id),
            )
            # a new article: it joins the cluster for the first time with its first event there
            self._refresh_cluster(
                cid, actors, recipients, outlet, report, when, place, new_article=cid not in touched
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

    def _rename_cluster(self, old: str, new: str) -> None:
        for table, column in (
            ("event_clusters", "id"),
            ("cluster_members", "cluster_id"),
            ("cluster_parties", "cluster_id"),
            ("cluster_pairs", "cluster_id"),
        ):
            self._run(f"UPDATE {table} SET {column} = ? WHERE {column} = ?", (new, old))

    def _refresh_cluster(
        self,
        cid: str,
        actors: set[str],
        recipients: set[str],
        outlet: str,
        report: str,
        when: When | None,
        place: _Where | None,
        new_article: bool,
    ) -> None:
        """Add one report to a cluster. Its canonical record keeps the most
        precise time (a day over a month; the event's own date over its
        article's) and the finest place among its reports."""
        row = self._rows(
            "SELECT type, actors, recipients, date, date_end, date_precision, date_from, place, "
            "place_kind, first_report, last_report, sources, num_articles "
            "FROM event_clusters WHERE id = ?",
            (cid,),
        )[0]
        (c_type, c_actors, c_recipients, c_date, c_end, c_precision, c_from) = row[:7]
        (c_place, c_kind, first, last, sources, articles) = row[7:]
        source_list = json.loads(sources)
        if outlet not in source_list:
            source_list.append(outlet)
        articles = int(articles) + int(new_article)
        if when is not None and when.finer_than(c_precision, c_from == "event" if c_from else None):
            c_date, c_end = when.start.isoformat(), when.end.isoformat()
            c_precision, c_from = when.precision, "event" if when.from_event else "article"
            # the parties already indexed find the cluster at its new time
            self._run(
                "UPDATE cluster_parties SET day = ?, day_end = ? WHERE cluster_id = ?",
                (c_date, c_end, cid),
            )
        place_row: tuple[Any, ...] = (c_place, c_kind, None, None)
        if place is not None and (c_place is None or place.finer_than(c_kind)):
            place_row = (place.key, place.kind, place.country, place.region)
        old_parties = set(json.loads(c_actors)) | set(json.loads(c_recipients))
        for party in sorted((actors | recipients) - old_parties):
            _index_party(self.cur, self.sql, party, cid, c_type, c_date, c_end)
        reports = [r for r in (first, last, report) if r]
        self._run(
            "UPDATE event_clusters SET actors = ?, recipients = ?, date = ?, date_end = ?, "
            "date_precision = ?, date_from = ?, place = ?, place_kind = ?, "
            "place_country = COALESCE(?, place_country), place_region = COALESCE(?, place_region), "
            "first_report = ?, last_report = ?, num_articles = ?, num_sources = ?, sources = ? "
            "WHERE id = ?",
            (
                json.dumps(sorted(set(json.loads(c_actors)) | actors)),
                json.dumps(sorted(set(json.loads(c_recipients)) | recipients)),
                c_date,
                c_end,
                c_precision,
                c_from,
                *place_row,
                min(reports) if reports else None,
                max(reports) if reports else None,
                int(articles),
                len(source_list),
                json.dumps(sorted(source_list)),
                cid,
            ),
        )


def _index_party(
    cur: Any, sql: Any, party: str, cid: str, etype: str, day: str | None, day_end: str | None
) -> None:
    cur.execute(
        sql(
            "INSERT INTO cluster_parties (party, cluster_id, type, day, day_end) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (party, cluster_id) DO NOTHING"
        ),
        (party, cid, etype, day, day_end),
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
        # a thread is named after its smallest cluster (a cluster renamed to a
        # smaller id renames its thread)
        own = min(thread, _thread_of(cid)) if thread else _thread_of(cid)
        pairs = _pairs(actors, recipients)
        for pair in pairs:
            cur.execute(
                sql(
                    "INSERT INTO cluster_pairs (pair, cluster_id, day) VALUES (?, ?, ?) "
                    "ON CONFLICT (pair, cluster_id) DO NOTHING"
                ),
                (pair, cid, day),
            )
        threads = {own} | ({thread} if thread else set())
        if pairs:
            marks = ", ".join("?" for _ in pairs)
            query = (
                "SELECT DISTINCT c.id, c.thread_id FROM cluster_pairs p JOIN event_clusters c "
                f"ON c.id = p.cluster_id WHERE p.pair IN ({marks}) AND p.cluster_id <> ?"
            )
            params: list[Any] = [*pairs, cid]
            d = _day(day)
            if d is None:
                cur.execute(sql(query), params)
                found = cur.fetchall()
            else:  # as in _cluster: two index-friendly queries instead of an OR
                lo = date.fromordinal(d.toordinal() - THREAD_DAYS).isoformat()
                hi = date.fromordinal(d.toordinal() + THREAD_DAYS).isoformat()
                cur.execute(sql(query + " AND p.day >= ? AND p.day <= ?"), [*params, lo, hi])
                found = cur.fetchall()
                cur.execute(sql(query + " AND p.day IS NULL"), params)
                found += cur.fetchall()
            threads |= {t or _thread_of(other) for other, t in found}
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
            _index_party(cur, sql, party, cid, etype, day, day)
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
