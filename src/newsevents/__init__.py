"""newsevents: news reports on conflict and diplomacy to a structured, source-linked record.

The public API is small on purpose::

    from newsevents import article_from_text, analyze

    analysis = analyze(article_from_text(text, published="2025-03-13"))
    print(analysis.to_json())
"""

from .errors import (
    AnalysisError,
    AnalysisTimeout,
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    InputError,
    InputTooLargeError,
    MalformedInputError,
    ModelNotFoundError,
    NewsEventsError,
    NotEnglishError,
)
from .ingest import article_from_text, iter_articles
from .model import (
    SCHEMA_VERSION,
    Analysis,
    Article,
    Claim,
    Entity,
    Event,
    Place,
    Quote,
    Time,
    json_schema,
)
from .pipeline import analyze, analyze_batch

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION",
    "Analysis",
    "AnalysisError",
    "AnalysisTimeout",
    "Article",
    "BinaryInputError",
    "Claim",
    "EmptyInputError",
    "EncodingError",
    "Entity",
    "Event",
    "InputError",
    "InputTooLargeError",
    "MalformedInputError",
    "ModelNotFoundError",
    "NewsEventsError",
    "NotEnglishError",
    "Place",
    "Quote",
    "Time",
    "__version__",
    "analyze",
    "analyze_batch",
    "article_from_text",
    "iter_articles",
    "json_schema",
]
