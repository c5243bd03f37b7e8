"""The last step every reader shares: mark blocks, name the outlet, give an id, and refuse what is not an article.

Readers only know their format (a JSONL line, an RSS entry, a WARC record); what makes the result an `Article`
that later stages can trust is the same for all of them, so it lives here once.
"""

from __future__ import annotations

import re

from storyline.ingest.clean import mark_blocks, url_of_line
from storyline.ingest.dates import is_date_line, published_from_blocks
from storyline.ingest.decode import INVISIBLE_REPAIR, MAX_ARTICLE_CHARS, repair_mojibake, without_invisible
from storyline.ingest.ids import content_id
from storyline.ingest.language import not_english
from storyline.ingest.outlet import canonical_outlet, outlet_from_blocks, outlet_from_url
from storyline.model import Article, Block, Rejected


# Lines that can never be an article's body on their own.
_NOT_CONTENT = frozenset({"title", "outlet", "footer", "boilerplate", "credit", "byline"})


def _first_sentence(paragraph: str, limit: int = 200) -> str:
    """A stand-in title for a text that has none: its first sentence, cut at a word under `limit` characters."""
    m = re.match(r"(.+?[.!?])(?:\s|$)", paragraph)
    sentence = m.group(1) if m else paragraph
    if len(sentence) > limit:
        sentence = sentence[:limit].rsplit(" ", 1)[0] + "…"
    return sentence


def build_article(article: Article, first_line_is_title: bool = False, given_text: bool = False) -> Article | Rejected:
    """`article` with blocks, title, url, outlet and id filled in, or a Rejected when it has no text to analyse.

    `article.id` empty means "no id in the input": the content hash is used. A text that is only a title is
    rejected (nothing to analyse), except a record's `text` field that is exactly its title (`given_text`: the
    user said this is the article's text). Bullets or captions with no body paragraph are kept as body, since a
    cleaning rule is less likely to be right than the user who gave us the article.
    """
    text = article.text
    source = article.source or "input"
    if not text or not text.strip():
        return Rejected(source, "no article text (the text is empty): give the article's body, not only its title or link")
    if len(text) > MAX_ARTICLE_CHARS:
        return Rejected(
            source,
            f"article text is too long ({len(text):,} characters; the limit is {MAX_ARTICLE_CHARS:,}): split it into one article per record",
        )
    repaired = repair_mojibake(text)
    visible = without_invisible(repaired)
    if visible != text:  # shown repaired; what was given is kept with the article, never lost
        article.extra["text_as_given"] = text
        article.extra["repaired"] = "; ".join(
            what for what, done in (("mojibake: UTF-8 text that had been decoded as Windows-1252 or Latin-1",
                                     repaired != text), (INVISIBLE_REPAIR, visible != repaired)) if done)
        article.text = text = visible
        if article.title:
            article.title = without_invisible(repair_mojibake(article.title))
    blocks = mark_blocks(text, title=article.title, first_line_is_title=first_line_is_title)
    titles = [b for b in blocks if b.kind == "title"]
    if titles and (article.title is None or is_date_line(article.title)):
        # A title that is only a date (some feeds and datasets put the dateline there) gives way to the headline
        # found under it in the text; the date becomes the publication date when none was given.
        article.title = text[titles[0].start : titles[0].end]
    elif article.title is None and first_line_is_title and blocks:
        article.title = _first_sentence(text[blocks[0].start : blocks[0].end])
    content = [b for b in blocks if b.kind not in _NOT_CONTENT]
    if not content and given_text and titles:
        # a record whose text is its title line: the text the user gave is the article, so it is the body
        blocks = [Block(b.start, b.end, "body") if b.kind == "title" else b for b in blocks]
        content = [b for b in blocks if b.kind == "body"]
    if not content:
        kinds = sorted({b.kind for b in blocks} - {"title"})
        what = "only a title" + (" and " + ", ".join(kinds) + " lines" if kinds else "")
        return Rejected(source, f"no article text, {what}: give the article's body under its title line")
    if language := not_english(" ".join(text[b.start : b.end] for b in content)):
        return Rejected(source, f"not in English (it reads as {language}): storyline reads English news; "
                                "translate the article first, or leave it out")
    if not [b for b in content if b.kind == "body"]:
        # bullets or captions only: keep them as the body rather than lose the article to a cleaning rule
        blocks = [Block(b.start, b.end, "body") if b.kind not in _NOT_CONTENT else b for b in blocks]
    article.blocks = blocks
    if not article.url:
        article.url = next((u for b in blocks if b.kind == "boilerplate" and (u := url_of_line(text[b.start : b.end]))), None)
    if article.outlet:
        article.outlet = canonical_outlet(article.outlet)
    else:
        article.outlet = outlet_from_blocks(text, blocks) or outlet_from_url(article.url)
    if not article.published:
        article.published = published_from_blocks(text, blocks)
    if not article.id:
        article.id = content_id(text)
    return article
