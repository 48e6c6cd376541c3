"""Extractors: pure functions ``(Article, Doc) -> records`` with spans into ``article.text``.

They never read files, touch the store or print; each lives in its own module.
"""

from .claims import extract_claims
from .entities import extract_entities
from .events import extract_events
from .places import extract_places
from .quotes import extract_quotes
from .times import extract_times

__all__ = [
    "extract_claims",
    "extract_entities",
    "extract_events",
    "extract_places",
    "extract_quotes",
    "extract_times",
]
