"""Persistent store of analyses (SQLite by default, PostgreSQL by URL)."""

from .db import Store, StoreError, open_store

__all__ = ["Store", "StoreError", "open_store"]
