"""HTML pages (.html/.htm, and pages inside WARC files): main text, title, date, site name and URL via trafilatura.

The article's `text` is the extracted main text (one paragraph a line), so offsets point into what a reader of the
page would call the article; the same caption/boilerplate rules as for .txt then mark what survived extraction.
Truncated or odd pages fall back to a plain paragraph extraction: what is there is kept, and only a page without
any text is rejected.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from pathlib import Path

from storyline.ingest.build import build_article
from storyline.ingest.decode import read_text
from storyline.model import Article, Rejected

# trafilatura logs every page it finds too short; the Rejected reason already tells the user.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)

_BLOCK_TAGS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr", "section",
               "article", "figcaption", "dd", "dt", "header", "footer", "ul", "ol", "table", "br", "hr"}
_SKIP_TAGS = {"script", "style", "noscript", "template", "svg", "head", "iframe", "nav", "form", "button", "select"}


def read_html(path: Path) -> Iterator[Article | Rejected]:
    """The article in an HTML file, or why there is none."""
    html = read_text(path)
    if isinstance(html, Rejected):
        yield html
        return
    yield article_from_html(html, source=str(path))


def article_from_html(html: str, source: str, url: str | None = None) -> Article | Rejected:
    """One Article from a page's HTML (`url`: where it was fetched, when known, e.g. from a WARC record)."""
    import trafilatura

    doc = None
    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False, favor_recall=True
        )
    except Exception:  # trafilatura raises on some malformed pages; the fallback below still reads them
        doc = None
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not text:
        text = html_to_text(html)
    if not text.strip():
        return Rejected(source, "no article text found in the HTML page: check that it is the article page, not an index or a script-built page")
    title = _clean(getattr(doc, "title", None)) or _html_title(html)
    article = Article(
        id="",
        text=text,
        title=title,
        published=getattr(doc, "date", None) or None,
        outlet=_clean(getattr(doc, "sitename", None)),
        url=url or _clean(getattr(doc, "url", None)) or _canonical_url(html),
        lang=getattr(doc, "language", None) or _declared_lang(html),
        source=source,
    )
    return build_article(article)


def html_to_text(html: str) -> str:
    """Visible text of an HTML document or fragment, one block element a line (feeds' entry bodies, fallbacks)."""
    import lxml.html
    from lxml import etree

    if not html or not html.strip():
        return ""
    if "<" not in html:
        return html.strip()
    try:
        root = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        try:
            root = lxml.html.fromstring(html.encode("utf-8", "replace"))
        except (etree.ParserError, ValueError):
            return ""
    parts: list[str] = []

    def walk(el: etree._Element) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag.lower() in _SKIP_TAGS:
            if el.tail:
                parts.append(el.tail)
            return
        block = tag.lower() in _BLOCK_TAGS
        if block:
            parts.append("\n")
        if el.text and tag:
            parts.append(el.text)
        for child in el:
            walk(child)
        if block:
            parts.append("\n")
        if el.tail:
            parts.append(el.tail)

    walk(root)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _clean(value: str | None) -> str | None:
    if not value:
        return None
    value = " ".join(str(value).split())
    return value or None


def _html_title(html: str) -> str | None:
    m = re.search(r"<title[^>]*>(.*?)</title>", html[:20000], re.I | re.S)
    return _clean(re.sub(r"<[^>]+>", "", m.group(1))) if m else None


def _declared_lang(html: str) -> str | None:
    """The page's declared language as a primary subtag: <html lang="en-GB"> -> "en"."""
    m = re.search(r"<html[^>]*?\slang\s*=\s*[\"']?([A-Za-z]{2,3})\b", html[:5000], re.I)
    return m.group(1).lower() if m else None


def _canonical_url(html: str) -> str | None:
    head = html[:50000]
    for pattern in (
        r"<link[^>]+rel=[\"']canonical[\"'][^>]*href=[\"']([^\"']+)",
        r"<meta[^>]+property=[\"']og:url[\"'][^>]*content=[\"']([^\"']+)",
    ):
        m = re.search(pattern, head, re.I)
        if m and m.group(1).startswith("http"):
            return m.group(1)
    return None
