"""The readable report: one section per record type, aligned columns, colour on a terminal."""

from __future__ import annotations

from collections.abc import Sequence

import click

from .model import Analysis, Event


def _table(rows: Sequence[Sequence[str]], header: Sequence[str]) -> list[str]:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines.extend(
        "  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)).rstrip()
        for row in rows
    )
    return lines


def _section(title: str, count: int) -> str:
    return click.style(f"\n{title} ({count})", bold=True, fg="cyan")


def _number(value: float) -> str:
    """12,000,000 rather than 1.2e+07; decimals kept when there are any."""
    return f"{value:,.0f}" if value == int(value) else f"{value:,}"


def render_text(analysis: Analysis) -> str:
    """A human-readable report of one analysis."""
    a = analysis.article
    out: list[str] = [click.style(a.title or "(untitled)", bold=True)]
    facts = [
        ("subtitle", a.subtitle),
        ("caption", a.caption),
        ("byline", a.byline),
        ("dateline", f"{a.dateline}, {a.dateline_date}" if a.dateline_date else a.dateline),
        ("published", f"{a.published} (from {a.published_from})" if a.published else None),
        ("source", a.source),
        ("url", a.url),
        ("truncated", "yes" if a.truncated else None),
        ("removed", "; ".join(f"{r.text!r} ({r.reason})" for r in a.removed) or None),
        ("id", a.id[:16]),
    ]
    out.extend(f"  {k:<10} {v}" for k, v in facts if v)

    ents = {e.id: e for e in analysis.entities}
    places = {p.id: p for p in analysis.places}
    times = {t.id: t for t in analysis.times}

    out.append(_section("Entities", len(analysis.entities)))
    out.extend(
        _table(
            [
                (
                    e.id,
                    e.name,
                    e.kind,
                    e.country or "-",
                    e.sector or "-",
                    e.role or "-",
                    str(len(e.mentions)),
                )
                for e in analysis.entities
            ],
            ("id", "name", "kind", "country", "sector", "role", "mentions"),
        )
    )
    out.append(_section("Places", len(analysis.places)))
    out.extend(
        _table(
            [
                (
                    p.id,
                    p.name,
                    p.kind,
                    p.country or "-",
                    p.iso3166_2 or "-",
                    str(p.geonameid or "-"),
                    f"{p.lat:.2f},{p.lon:.2f}" if p.lat is not None and p.lon is not None else "-",
                    str(len(p.mentions)),
                )
                for p in analysis.places
            ],
            ("id", "name", "kind", "country", "iso3166-2", "geonameid", "lat,lon", "mentions"),
        )
    )
    out.append(_section("Times", len(analysis.times)))
    out.extend(
        _table(
            [(t.id, t.text, t.kind, t.value or "?", t.anchor or "-") for t in analysis.times],
            ("id", "text", "kind", "value", "anchor"),
        )
    )

    def actor(eid: str) -> str:
        e = ents.get(eid)
        if e is None:
            return eid
        code = " ".join(x for x in (e.country, e.sector) if x)
        return f"{e.name} ({code})" if code else e.name

    out.append(_section("Events", len(analysis.events)))
    if analysis.events:
        out.append(
            "(a date ending in ~ is the paragraph's last date, the dateline's day or the "
            "publication day)"
        )

    def event_line(ev: Event) -> str:
        when = ev.time_value or (times[ev.time].value if ev.time and ev.time in times else None)
        if when and ev.time_from in ("narrative", "dateline", "published"):
            when = f"{when}~"  # inferred, not written with the event
        where = f"  @{places[ev.place].name}" if ev.place and ev.place in places else ""
        kind = f"{ev.type}/{ev.mode}" if ev.mode else ev.type
        who = ", ".join(actor(x) for x in ev.actors) or "?"
        whom = ", ".join(actor(x) for x in ev.recipients)
        arrow = f"{who} -> {whom}" if whom else who
        source = f"  (per {actor(ev.source)})" if ev.source else ""
        headline = "  (also in the title)" if ev.in_title else ""
        return f"{(when or '----------'):<11}  {kind:<18} {arrow}{where}  [{ev.status}]{source}{headline}"

    out.extend(event_line(ev) for ev in analysis.events)
    if analysis.title_events:
        out.append(
            _section("Title events (the text does not report them)", len(analysis.title_events))
        )
        out.extend(event_line(ev) for ev in analysis.title_events)
    out.append(_section("Quotes", len(analysis.quotes)))
    for q in analysis.quotes:
        speaker = actor(q.speaker) if q.speaker else (q.speaker_text or "?")
        out.append(f"{q.kind:<8} {speaker}: {q.text}")
    out.append(_section("Claims", len(analysis.claims)))
    out.extend(
        _table(
            [
                (
                    actor(c.claimant) if c.claimant else (c.claimant_text or "-"),
                    f"{c.approx + ' ' if c.approx else ''}{_number(c.value)} {c.unit}",
                    c.measure or "-",
                    c.status,
                    ", ".join(actor(d) for d in c.disputed_by) or "-",
                )
                for c in analysis.claims
            ],
            ("claimant", "value unit", "measure", "status", "disputed by"),
        )
    )
    return "\n".join(out)
