"""Storage of extracted documents. SQLite (standard library) is the embedded default."""

from rasd.store.sqlite import SQLiteStore, open_store

__all__ = ["SQLiteStore", "open_store"]
