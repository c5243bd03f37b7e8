"""Article ids: the input's own id when it has one, otherwise a hash of the text.

The store keys every stage's output by id, so the same input must get the same id on every read (re-ingest is then
free and idempotent). Hashing the whitespace-normalised text makes an article re-saved with other line endings or
indentation the same article.
"""

from __future__ import annotations

import hashlib


def content_id(text: str) -> str:
    """"sha1:" and the first 16 hex digits of the SHA-1 of `text` with runs of whitespace made one space."""
    normalised = " ".join(text.split())
    return "sha1:" + hashlib.sha1(normalised.encode("utf-8")).hexdigest()[:16]
