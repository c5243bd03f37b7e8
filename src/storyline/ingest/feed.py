"""RSS and Atom feed files (.rss, .atom, and .xml that sniffs as a feed), read with feedparser.

Each entry is one article ("feed#N"): its full content when the feed carries it, else its summary, turned from HTML
into one paragraph a line. Many feeds carry only a headline and a link; such an entry is rejected with the link,
so the user can fetch the page and ingest it as HTML.
"""

from __future__ import annotations

import calendar
import time
from collections.abc import Iterator
from pathlib import Path

from storyline.ingest.build import build_article
from storyline.ingest.decode import read_bytes
from storyline.ingest.html import html_to_text
from storyline.ingest.outlet import canonical_outlet, outlet_from_url
from storyline.model import Article, Rejected


def read_feed(path: Path) -> Iterator[Article | Rejected]:
    """Every entry of an RSS/Atom file as an article; a file feedparser cannot read is one Rejected."""
    import feedparser

    data = read_bytes(path, advice="split the feed or convert it to JSONL")
    if isinstance(data, Rejected):
        yield data
        return
    try:
        parsed = feedparser.parse(data)
    except Exception as e:  # feedparser is lenient, but a broken file must never stop a batch
        yield Rejected(str(path), f"could not read the feed ({type(e).__name__}): check it is an RSS or Atom file")
        return
    if not parsed.entries:
        problem = parsed.get("bozo_exception")
        why = f"not a valid RSS/Atom feed ({_one_line(problem)})" if parsed.get("bozo") and problem else "the feed has no entries"
        yield Rejected(str(path), f"{why}: check it is an RSS or Atom file with <item> or <entry> elements")
        return
    feed_title = parsed.feed.get("title")
    feed_link = parsed.feed.get("link")
    feed_lang = (parsed.feed.get("language") or "").split("-")[0].lower() or None  # "en-us" -> "en"
    for n, entry in enumerate(parsed.entries, start=1):
        try:
            yield _article(entry, f"{path}#{n}", feed_title, feed_link, feed_lang)
        except Exception as e:  # one odd entry must not cost the rest of the feed
            yield Rejected(f"{path}#{n}", f"could not read this entry ({type(e).__name__}: {' '.join(str(e).split())[:100]})")


def _article(
    entry: dict, source: str, feed_title: str | None, feed_link: str | None, feed_lang: str | None
) -> Article | Rejected:
    link = entry.get("link")
    bodies = [c.get("value", "") for c in entry.get("content", []) or []]
    summary = entry.get("summary", "")
    html = max(bodies, key=len) if bodies else summary
    if bodies and len(summary) > len(html):
        html = summary
    text = html_to_text(html)
    title = " ".join(html_to_text(entry.get("title", "")).split()) or None
    if not text.strip():
        where = f" ({link})" if link else ""
        return Rejected(source, f"feed entry has no text, only a title{where}: fetch the linked page and ingest it as HTML")
    outlet = outlet_from_url(link, fallback_to_host=False) or canonical_outlet(feed_title) or outlet_from_url(link or feed_link)
    extra = {"guid": entry["id"]} if entry.get("id") else {}
    article = Article(
        id="",
        text=text,
        title=title,
        published=_iso(entry.get("published_parsed") or entry.get("updated_parsed")),
        outlet=outlet,
        url=link,
        lang=feed_lang,
        source=source,
        extra=extra,
    )
    return build_article(article)


def _iso(parsed: time.struct_time | None) -> str | None:
    """feedparser's UTC struct_time as "2023-08-30T14:05:00Z"."""
    if not parsed:
        return None
    try:
        return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(calendar.timegm(parsed)))
    except (TypeError, ValueError, OverflowError):
        return None


def _one_line(error: object) -> str:
    return " ".join(str(error).split())[:120]
