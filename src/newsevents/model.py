"""The one data model of newsevents: the ``newsevents/1`` JSON contract.

Every stage (ingest, extractors, store, API, exports) speaks these types, and the
JSON Schema printed by ``newsevents schema`` is generated from them, never
written by hand. Field names are fixed by DESIGN.md because outside tools read
them; extra fields are allowed on read so that newer documents still load.

Spans are ``[start, end)`` character offsets into ``Article.text``.
"""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "newsevents/1"

Span = tuple[int, int]
EntityKind = Literal["person", "organization", "country", "group"]
PlaceKind = Literal["country", "admin1", "city", "other"]
TimeKind = Literal["date", "time", "duration", "set"]
Status = Literal["asserted", "planned", "hypothetical", "possible", "negated", "requested"]
QuoteKind = Literal["direct", "partial", "indirect", "belief", "intention", "denial"]


class _Record(BaseModel):
    model_config = ConfigDict(extra="allow", populate_by_name=True)


class Removed(_Record):
    """A piece of page furniture taken out of the body, kept so nothing vanishes silently."""

    text: str
    reason: str


class Subheading(_Record):
    """A crosshead inside the body; kept in the text, flagged so extractors can skip it."""

    text: str
    span: Span


class Article(_Record):
    id: str = Field(description="sha256 of text")
    source: str | None = None
    url: str | None = None
    title: str | None = None
    subtitle: str | None = None
    caption: str | None = None
    byline: str | None = None
    dateline: str | None = None
    dateline_date: str | None = Field(
        None,
        description="YYYY-MM-DD: the day a wire dateline gives ('KABUL, March 5 (Reuters) -'), "
        "its year from the publication date; the day the story reports from",
    )
    published: str | None = Field(None, description="YYYY-MM-DD")
    published_from: Literal["metadata", "text"] | None = None
    language: str = "en"
    truncated: bool = False
    text: str
    story: str | None = Field(
        None, description="the story the store grouped this article into (set on export)"
    )
    removed: list[Removed] = Field(default_factory=list)
    subheadings: list[Subheading] = Field(default_factory=list)


class Entity(_Record):
    id: str
    name: str
    kind: EntityKind
    country: str | None = Field(None, description="ISO 3166 alpha-3")
    sector: str | None = Field(None, description="PLOVER sector code")
    role: str | None = None
    mentions: list[Span] = Field(default_factory=list)
    country_from: Literal["dateline", "article"] | None = Field(
        None,
        description="where the country came from when the text did not say it with the "
        "actor: the dateline, or the one country the article speaks of",
    )
    title_mentions: list[Span] = Field(
        default_factory=list,
        description="where the title names it: offsets into article.title (an actor only "
        "the title names has no mentions in the text)",
    )


class Place(_Record):
    id: str
    name: str
    kind: PlaceKind
    country: str | None = Field(None, description="ISO 3166 alpha-2")
    iso3166_2: str | None = None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    mentions: list[Span] = Field(default_factory=list)
    demonyms: list[Span] = Field(
        default_factory=list,
        description="where the place is named by a demonym ('Russian officials'): kept "
        "apart from mentions, since the demonym says whose, not where",
    )
    in_dateline: bool = Field(
        False,
        description="the place is the dateline's ('DURBAN, South Africa —'); the dateline "
        "is kept in article.dateline, outside the text, so such a place may have no mentions",
    )
    resolved_by: str | None = Field(
        None,
        description="why this place was chosen among places of the same name: 'only "
        "candidate', 'inside <region>' (written beside it), 'named as a container', 'near "
        "the article's other places', 'most prominent of its name'",
    )
    title_mentions: list[Span] = Field(
        default_factory=list,
        description="where the title names it: offsets into article.title",
    )


class Time(_Record):
    id: str
    text: str
    span: Span
    kind: TimeKind
    value: str | None = None
    anchor: str | None = None


class Event(_Record):
    id: str
    type: str
    mode: str | None = None
    actors: list[str] = Field(default_factory=list)
    recipients: list[str] = Field(default_factory=list)
    place: str | None = None
    time: str | None = None
    status: Status = "asserted"
    source: str | None = None
    trigger: Span
    sentence: Span
    confidence: float = Field(0.5, ge=0.0, le=1.0)
    time_from: Literal["clause", "sentence", "narrative", "dateline", "published"] | None = Field(
        None,
        description="where the event's time came from: a time in its own clause, its "
        "sentence, the last date the paragraph told before it ('on Tuesday ... he then'), "
        "the day of the wire dateline ('KABUL, March 5 -'), or, with none of these, the "
        "publication date (then `time` is null)",
    )
    time_value: str | None = Field(
        None,
        description="the TIMEX value of the event's time, whichever its source: the "
        "value of `time`, the dateline's day or the publication date",
    )
    time_precision: Literal["day", "week", "month", "year"] | None = Field(
        None,
        description="how precisely the time dates the event, as ACLED's time_precision",
    )
    geo_precision: Literal["exact", "admin2", "region", "country", "dateline"] | None = Field(
        None,
        description="how precisely the place locates the event, as ACLED codes it: a named "
        "town or site, a county or district (admin2), a first-level region, only a country, "
        "or no place in the text but the dateline's",
    )
    in_title: bool = Field(
        False, description="the title reports this event too (see Analysis.title_events)"
    )


class Quote(_Record):
    id: str
    speaker: str | None = None
    speaker_text: str | None = None
    speaker_span: Span | None = Field(
        None, description="where speaker_text is, in the text (a pronoun as written)"
    )
    text: str
    span: Span
    kind: QuoteKind
    cue: str | None = None
    cue_span: Span | None = None


class Claim(_Record):
    id: str
    claimant: str | None = None
    claimant_text: str | None = None
    value: float
    value_max: float | None = Field(
        None, description='upper bound of a range ("between 300 and 400")'
    )
    unit: str
    approx: str | None = None
    measure: str | None = None
    span: Span
    sentence: Span
    status: Status = "asserted"
    disputed_by: list[str] = Field(default_factory=list)
    dispute_cue: str | None = Field(None, description="the words that say the figure is disputed")


class Analysis(_Record):
    """One article and everything extracted from it."""

    schema_: str = Field(SCHEMA_VERSION, alias="schema")
    article: Article
    entities: list[Entity] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    times: list[Time] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    title_events: list[Event] = Field(
        default_factory=list,
        description="events the title reports and the text does not: their trigger and "
        "sentence are offsets into article.title, their time is null (times are spans of "
        "the text) and time_value says when; events the text also reports are the text's "
        "own, marked in_title",
    )

    def reported_events(self) -> list[Event]:
        """The text's events, then the title's own: what the store, the tables,
        the linking and the API read as the article's events. A title event's
        trigger and sentence are offsets into ``article.title``."""
        return [*self.events, *self.title_events]

    def from_title(self, event: Event) -> bool:
        """Only the title reports ``event``: its offsets are into the title."""
        return any(event is t for t in self.title_events)

    def event_text(self, event: Event, span: tuple[int, int]) -> str:
        """The words of a span of ``event``: from the title for a title event."""
        source = (self.article.title or "") if self.from_title(event) else self.article.text
        return source[span[0] : span[1]]

    def event_date(self, event: Event) -> str | None:
        """The TIMEX value of the event's own time, None when it has none; a title
        event has no time record (times are spans of the text), only its value."""
        if self.from_title(event):
            return event.time_value
        if event.time is None:
            return None
        return next((t.value for t in self.times if t.id == event.time), None)

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(by_alias=True, mode="json")

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a ``newsevents/1`` document, generated from the model."""
    schema = Analysis.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://newsevents.invalid/schema/newsevents-1.json"
    schema["title"] = SCHEMA_VERSION
    return schema
