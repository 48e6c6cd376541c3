"""Read-only HTTP API over the store, plus a token-guarded ingest endpoint.

Every list is paged the same way (``paging``) and every event view filtered the
same way (``filters.EventQuery``), so the dashboard's panels agree. Records come
back with their character spans and sentence text, so a client can always go
back to the words. Reads need no token; writes need the operator's token
(``NEWSEVENTS_TOKEN``), and are refused when none is set. The server binds
127.0.0.1 unless told otherwise (``newsevents serve``).
"""

from .app import RATE_LIMIT, create_app

__all__ = ["RATE_LIMIT", "create_app"]
