"""Plain-text articles (.txt): the title on the first line, then the body, as in `examples/seeds/`.

The text is kept exactly as decoded; the outlet line, bullets, captions, credits and footer pasted along with the
body are marked as blocks by `clean`, and the outlet is read from them.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from storyline.ingest.build import build_article
from storyline.ingest.decode import read_text
from storyline.model import Article, Rejected


def read_txt(path: Path) -> Iterator[Article | Rejected]:
    """The one article in a .txt file, or why it is not one (empty, binary, too large, only a title)."""
    text = read_text(path)
    if isinstance(text, Rejected):
        yield text
        return
    yield build_article(Article(id="", text=text, source=str(path)), first_line_is_title=True)
