"""Persistent store of analyses (SQLite by default, PostgreSQL by URL)."""

from .db import Store, StoreError, StoreUnavailable, StoreWriteError, existing_store, open_store

__all__ = [
    "Store",
    "StoreError",
    "StoreUnavailable",
    "StoreWriteError",
    "existing_store",
    "open_store",
]
