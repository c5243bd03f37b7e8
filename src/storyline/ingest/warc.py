"""Web archives (.warc, .warc.gz) read with warcio: every HTML response record is one article ("file#N").

The URL comes from the record (WARC-Target-URI), the text through the same extraction as .html files. Records
that are not HTML pages (requests, images, metadata) are skipped silently: an archive of a crawl is mostly those.
The crawl time is kept in `extra["crawled"]`; it is not the publication date.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path

from storyline.ingest.decode import MAX_FILE_BYTES, decode_bytes, human_size
from storyline.ingest.html import article_from_html
from storyline.model import Article, Rejected


def read_warc(path: Path) -> Iterator[Article | Rejected]:
    """Every HTML page archived in a WARC file; a damaged archive yields what came before the damage and one Rejected."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    if path.stat().st_size == 0:
        yield Rejected(str(path), "empty file: nothing to read")
        return
    n = 0
    pages = 0
    try:
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream):
                n += 1
                if not str(record.format).startswith("warc"):
                    # warcio falls back to the older ARC layout for anything it does not recognise
                    yield Rejected(str(path), "not a WARC file (no WARC/1.x record header): give a .warc or .warc.gz archive")
                    return
                if record.rec_type not in ("response", "resource"):
                    continue
                content_type = _content_type(record)
                if "html" not in content_type:
                    continue
                source = f"{path}#{n}"
                pages += 1
                data = record.content_stream().read(MAX_FILE_BYTES + 1)
                if len(data) > MAX_FILE_BYTES:
                    yield Rejected(source, f"archived page is too large (over {human_size(MAX_FILE_BYTES)}): it is not a single article")
                    continue
                html, reason = decode_bytes(data, declared=_charset(content_type))
                if html is None:
                    yield Rejected(source, f"archived page is not text: {reason}")
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                try:
                    result = article_from_html(html, source=source, url=url)
                except Exception as e:  # one odd page must not cost the rest of the archive
                    yield Rejected(source, f"could not read this page ({type(e).__name__}: {' '.join(str(e).split())[:100]})")
                    continue
                if isinstance(result, Article):
                    crawled = record.rec_headers.get_header("WARC-Date")
                    if crawled:
                        result.extra["crawled"] = crawled
                yield result
    except (ArchiveLoadFailed, OSError, EOFError, ValueError, zlib.error, AttributeError, KeyError) as e:
        # warcio raises these for truncated or malformed records (AttributeError: a record without a target URI)
        where = f" after record {n}" if n else ""
        # warcio's own words help for a load failure; an AttributeError or KeyError says only "a record is malformed"
        detail = "a record's headers are cut off or malformed" if isinstance(e, (AttributeError, KeyError)) else \
            " ".join(str(e).split())[:120]
        yield Rejected(str(path), f"damaged or not a WARC file{where} ({detail}): check the archive")
        return
    if not pages:
        yield Rejected(str(path), f"no HTML pages in the archive ({n} records, none an HTML response): nothing to read")


def _content_type(record) -> str:  # type: ignore[no-untyped-def]
    if record.rec_type == "response" and record.http_headers is not None:
        return (record.http_headers.get_header("Content-Type") or "").lower()
    return (record.rec_headers.get_header("Content-Type") or "").lower()


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";"):
        key, _, value = part.strip().partition("=")
        if key == "charset" and value:
            import codecs

            try:
                return codecs.lookup(value.strip("\"' ")).name
            except LookupError:
                return None
    return None
