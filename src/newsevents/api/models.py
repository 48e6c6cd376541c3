"""The shapes the API answers with, so its OpenAPI description is typed.

Countries are ISO 3166 alpha-3 throughout the API (as PLOVER and the entities
use), with the alpha-2 code beside them where a place has one. The one
exception is ``/api/articles/{id}``: it returns the ``newsevents/1`` document
that ``analyze`` and the jsonl export write, unchanged because outside tools read
it, where a place's ``country`` is alpha-2; each place there also carries
``country_alpha3``.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from ..model import Analysis, Span


class Party(BaseModel):
    id: str = Field(description="the entity's id inside its article")
    global_id: str | None = Field(None, description="the actor across articles")
    name: str | None = None
    country: str | None = Field(None, description="ISO 3166 alpha-3")
    sector: str | None = Field(None, description="PLOVER sector code")
    kind: str | None = None


class PlaceOut(BaseModel):
    id: str
    name: str
    kind: str
    country: str | None = Field(None, description="ISO 3166 alpha-3")
    country_alpha2: str | None = None
    iso3166_2: str | None = None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    resolved_by: str | None = None


class ArticleRef(BaseModel):
    title: str | None = None
    published: str | None = None
    url: str | None = None
    source: str | None = Field(None, description="the outlet")


class EventOut(BaseModel):
    article_id: str
    event_id: str
    cluster_id: str | None = Field(None, description="the real-world event this report is of")
    type: str = Field(description="PLOVER event type")
    mode: str | None = None
    status: str
    date: str | None = Field(None, description="TIMEX value of the event's own time")
    date_text: str | None = None
    time_precision: str | None = None
    actors: list[Party]
    recipients: list[Party]
    place: PlaceOut | None = None
    source: Party | None = Field(None, description="who the article attributes the event to")
    confidence: float
    rule: str | None = None
    trigger: Span
    trigger_text: str
    sentence: Span
    sentence_text: str
    in_title: bool = Field(False, description="the title reports this event too")
    from_title: bool = Field(
        False,
        description="only the title reports this event: trigger and sentence are offsets "
        "into the article's title",
    )
    article: ArticleRef


class NamedRef(BaseModel):
    id: str
    name: str | None = None


class Member(BaseModel):
    article_id: str
    event_id: str


class ClusterPlace(BaseModel):
    key: str = Field(description="GeoNames id, or a name")
    name: str | None = None
    kind: str | None = None
    country: str | None = Field(None, description="ISO 3166 alpha-3")
    country_alpha2: str | None = None


class ClusterOut(BaseModel):
    id: str
    type: str
    date: str | None = None
    date_end: str | None = None
    date_precision: str | None = None
    date_from: str | None = Field(None, description="event (its own date) or article")
    place: ClusterPlace | None = None
    num_articles: int
    num_sources: int
    sources: list[str]
    first_report: str | None = None
    last_report: str | None = None
    thread_id: str | None = None
    actors: list[NamedRef]
    recipients: list[NamedRef]
    members: list[Member]
    statuses: list[str] = Field(description="the statuses its reports give the event")


class ClusterDetail(ClusterOut):
    reports: list[EventOut] = Field(description="every report of the event, earliest first")


class PlacePoint(BaseModel):
    name: str
    kind: str
    country: str | None = Field(None, description="ISO 3166 alpha-3")
    country_alpha2: str | None = None
    lat: float
    lon: float
    count: int = Field(description="reports of events placed here")
    types: dict[str, int] = Field(description="reports by PLOVER type")


class EntityOut(BaseModel):
    id: str
    name: str
    kind: str | None = None
    country: str | None = Field(None, description="ISO 3166 alpha-3")
    sector: str | None = None
    num_articles: int
    aliases: list[str]


class ClaimValue(BaseModel):
    article_id: str
    claim_id: str
    value: float
    value_max: float | None = None
    approx: str | None = None
    claimant: str | None = None
    status: str
    disputed_by: list[str]
    measure: str | None = None
    published: str | None = None
    source: str | None = Field(None, description="the outlet")
    span: Span


class ClaimGroupOut(BaseModel):
    id: str = Field(description="the counted thing in one story")
    group: str = Field(description="the counted thing, across stories")
    story: str | None = Field(None, description="the story the figures are reported in")
    story_title: str | None = None
    unit: str
    label: str | None = None
    low: float | None = Field(None, description="smallest figure claimed")
    high: float | None = Field(None, description="largest figure claimed")
    disputed: bool = Field(description="a figure of the group is disputed, or claims differ")
    values: list[ClaimValue]


class ArticleSummary(BaseModel):
    id: str
    title: str | None = None
    published: str | None = None
    source: str | None = None
    url: str | None = None
    story: str | None = None


class Occurrence(BaseModel):
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    label: str | None = None
    seen_at: str | None = None


class ArticleDocument(Analysis):
    """The ``newsevents/1`` document, with every place the article was seen."""

    model_config = ConfigDict(extra="allow", populate_by_name=True)
    occurrences: list[Occurrence]


class StorySummary(BaseModel):
    id: str
    title: str | None = None
    first_day: str | None = None
    last_day: str | None = None
    num_articles: int
    num_reports: int
    num_outlets: int
    outlets: list[str]


class StoryArticle(BaseModel):
    id: str
    title: str | None = None
    published: str | None = None
    source: str | None = None
    url: str | None = None


class StoryCluster(BaseModel):
    id: str
    type: str
    date: str | None = None
    num_articles: int
    num_sources: int


class StoryDetail(StorySummary):
    articles: list[StoryArticle]
    clusters: list[StoryCluster]


class TimelinePoint(BaseModel):
    date: str
    type: str
    status: str
    count: int


class GraphNode(BaseModel):
    id: str
    name: str | None = None
    country: str | None = Field(None, description="ISO 3166 alpha-3")
    kind: str | None = None


class GraphEdge(BaseModel):
    source: str
    target: str
    weight: int


class Graph(BaseModel):
    nodes: list[GraphNode]
    edges: list[GraphEdge]


class CountryCount(BaseModel):
    country: str = Field(description="ISO 3166 alpha-3")
    alpha2: str
    numeric: str | None = Field(None, description="ISO 3166 numeric, as world maps key shapes")
    name: str | None = None
    count: int


class Failure(BaseModel):
    index: int
    problem: str


class IngestResult(BaseModel):
    stored: list[str]
    failed: list[Failure]
    known: list[str] = Field(description="texts already in the store (their outlet recorded)")
