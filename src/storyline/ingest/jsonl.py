"""JSON Lines (.jsonl, one article per line) and JSON (.json, one article object or a list of them).

Fields per SCHEMA.md: `text` (required), `id`, `title`, `date`, `outlet`, `url`, `lang`, and `story` (a gold or given
story label for batch commands). Anything else is kept verbatim in `Article.extra`, so a benchmark's gold labels
travel with the article. JSONL is streamed line by line: a file of any size works, a bad line is one Rejected
("file:LINE") and the other lines go through.
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from storyline.ingest.build import build_article
from storyline.ingest.decode import MAX_ARTICLE_CHARS, MAX_JSON_BYTES, decode_bytes, read_bytes
from storyline.model import Article, Rejected

_KNOWN = {"id", "text", "title", "date", "outlet", "url", "lang", "story"}
# Other names datasets give the same fields (used when the SCHEMA.md name is absent; kept in `extra` as given).
_DATE_FIELDS = ("date", "published", "published_at", "pubdate", "dct")


def read_jsonl(path: Path) -> Iterator[Article | Rejected]:
    """Every article of a JSONL file (.jsonl, or gzipped .jsonl.gz), one per non-blank line; a malformed line is one
    Rejected and reading goes on."""
    try:
        handle = gzip.open(path, "rb") if path.name.lower().endswith(".gz") else path.open("rb")
    except OSError as e:
        yield Rejected(str(path), f"cannot read the file ({e.strerror or e}): check its permissions")
        return
    any_line = False
    lineno = 0
    with handle:
        try:
            for lineno, raw in enumerate(handle, start=1):
                if lineno == 1:
                    raw = raw.removeprefix(b"\xef\xbb\xbf")
                if not raw.strip():
                    continue
                any_line = True
                yield _line(raw, f"{path}:{lineno}")
        except (OSError, EOFError, zlib.error) as e:
            yield Rejected(f"{path}:{lineno + 1}", f"the file is damaged here ({' '.join(str(e).split())[:100]}): the lines before it were read")
            return
    if not any_line:
        yield Rejected(str(path), "empty file: nothing to read")


def _line(raw: bytes, source: str) -> Article | Rejected:
    # a line far over the article limit is refused before it is parsed (the parse would cost its size again)
    if len(raw) > 4 * MAX_ARTICLE_CHARS + 65536:
        return Rejected(source, f"line is too long ({len(raw):,} bytes): an article's text is limited to {MAX_ARTICLE_CHARS:,} characters; split it")
    text, reason = decode_bytes(raw)
    if text is None:
        return Rejected(source, f"not a JSON line: {reason}")
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as e:
        return Rejected(source, f"malformed JSON ({e.msg} at column {e.colno}): fix or remove this line")
    return article_from_record(obj, source)


def read_json(path: Path) -> Iterator[Article | Rejected]:
    """The articles of a .json file holding one article object or a list of them ("file#N" for the N-th)."""
    data = read_bytes(path, MAX_JSON_BYTES, advice="write it as JSONL (one article per line), which is streamed")
    if isinstance(data, Rejected):
        yield data
        return
    text, reason = decode_bytes(data)
    if text is None:
        yield Rejected(str(path), reason)
        return
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as e:
        hint = " (it looks like JSON Lines: rename it .jsonl)" if e.msg == "Extra data" else ""
        yield Rejected(str(path), f"malformed JSON ({e.msg} at line {e.lineno}, column {e.colno}){hint}: fix the file")
        return
    if isinstance(obj, list):
        if not obj:
            yield Rejected(str(path), "empty JSON list: no articles in it")
        for n, item in enumerate(obj, start=1):
            yield article_from_record(item, f"{path}#{n}")
    else:
        yield article_from_record(obj, str(path))


def article_from_record(obj: Any, source: str) -> Article | Rejected:
    """One Article from one JSON object with SCHEMA.md's fields, or why it is not one (never raises)."""
    try:
        return _article(obj, source)
    except Exception as e:  # one odd record must not end a stream of thousands
        return Rejected(source, f"could not read this record ({type(e).__name__}: {' '.join(str(e).split())[:100]})")


def _article(obj: Any, source: str) -> Article | Rejected:
    if not isinstance(obj, dict):
        return Rejected(source, f"expected a JSON object with a \"text\" field, found {_json_type(obj)}: one article object per line")
    text = obj.get("text")
    if text is None:
        return Rejected(source, 'no "text" field: every article needs its text (the other fields are optional)')
    if not isinstance(text, str):
        return Rejected(source, f'"text" must be a string, found {_json_type(text)}')
    if not text.strip():
        return Rejected(source, 'no article text ("text" is empty): give the article\'s body')
    raw_id = obj.get("id")
    date = _first(obj, _DATE_FIELDS)
    article = Article(
        id=_as_str(raw_id) or "",
        text=text,
        title=_as_str(_first(obj, ("title", "headline"))),
        published=_as_str(date),
        outlet=_as_str(_first(obj, ("outlet", "publisher", "site_name"))),
        url=_as_str(obj.get("url")),
        lang=_as_str(obj.get("lang")),
        source=source,
        story=_as_str(obj.get("story")),
        extra={k: v for k, v in obj.items() if k not in _KNOWN},
    )
    return build_article(article, given_text=True)


def _first(obj: dict[str, Any], names: tuple[str, ...]) -> Any:
    for name in names:
        if obj.get(name) not in (None, ""):
            return obj[name]
    return None


def _as_str(value: Any) -> str | None:
    """A field as a string: numbers become text (ids like 42), null and empty strings become None."""
    if value is None or isinstance(value, (dict, list)):
        return None
    if isinstance(value, bool):
        return str(value).lower()
    text = str(value).strip()
    return text or None


def _json_type(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "a boolean", int: "a number", float: "a number"}.get(
        type(value), "null"
    )
