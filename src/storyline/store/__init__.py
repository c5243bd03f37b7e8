"""The store: one SQLite file with the articles, rejected inputs and every stage's output."""

from storyline.store.db import Store, StoreError, content_hash

__all__ = ["Store", "StoreError", "content_hash"]
