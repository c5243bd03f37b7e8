"""Cheap per-article features for the story stage: index terms, title terms, entity proxies, date.

Why not the language pipeline: clustering must keep up with a feed (hundreds of articles a second) and spaCy's
full pipeline runs a few articles a second. A regex tokenizer, a suffix-stripping stemmer and capitalised words as
stand-ins for names recover most of what decides "same event?" (who, where, what was done) at a thousandth of the
cost. When the language stage has already run, its entities are used instead of the proxies.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.lang.en.stop_words import STOP_WORDS

from storyline.model import Analysis, Article

_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*[A-Za-z]|[A-Za-z]|\d+(?:[.,]\d+)*")
_SENT_START = re.compile(r"(?:^|[.!?]\s+|\n\s*|[\"“(]\s*)$")
STOP_WORDS_EN = frozenset(w.lower() for w in STOP_WORDS) | frozenset(
    {"said", "says", "say", "told", "according", "reported", "report", "reports", "news", "year", "years",
     "new", "time", "day", "week", "people", "mr", "mrs", "ms", "s", "t", "like", "just", "also", "including"}
)
# Words that are capitalised for grammar, not because they name someone or somewhere.
_NOT_NAMES = STOP_WORDS_EN | frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
     "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
     "update", "updated", "photo", "video", "read", "more", "click", "image", "getty", "images", "ap", "reuters"}
)
_YEAR = re.compile(r"\b(?:19[5-9]\d|20[0-4]\d)\b")
_SUFFIXES = ("ingly", "edly", "ings", "ing", "ied", "ies", "ed", "es", "s", "ly")
LEAD_WORDS = 60
HEAD_CHARS = 200  # a dateline sits in the title or the first line or two


@dataclass
class ArticleFeatures:
    """What the clusterer keeps of one article while it is being placed (never stored per article)."""

    id: str
    terms: Counter  # stemmed content words of title + body
    title: Counter  # stemmed content words of the title (or the first sentence when there is no title)
    names: Counter  # lower-cased name tokens (entity proxies or the Analysis's entities)
    day: int | None  # days since 1970-01-01 of the publication date, when known
    lead: str  # title + first words of the body, for the embedding model
    length: int  # number of content words
    has_case: bool  # False for lower-cased keyword lists: their missing names say nothing
    years: frozenset = frozenset()  # years the text mentions: a date signal even when the input has no date
    head_years: frozenset = frozenset()  # years in the title or the first lines: a dateline, when there is one
    extra: dict = field(default_factory=dict)


def stem(word: str) -> str:
    """A light suffix stripper: 'earthquakes'/'earthquake', 'killed'/'kill' meet; cheap enough for every word."""
    if len(word) <= 4 or word.isdigit():
        return word
    for suf in _SUFFIXES:
        if word.endswith(suf) and len(word) - len(suf) >= 3:
            base = word[: -len(suf)]
            if suf in ("ied", "ies"):
                return base + "y"
            if suf == "es" and not base.endswith(("s", "x", "z", "ch", "sh")):
                return word[:-1]
            if len(base) >= 2 and base[-1] == base[-2] and base[-1] not in "lsz":
                base = base[:-1]
            return base
    return word


def content_terms(text: str) -> list[str]:
    """Stemmed, lower-cased content words of `text` (stop words and one-letter tokens dropped)."""
    out = []
    for m in _WORD.finditer(text):
        w = m.group().lower().strip("'-")
        if len(w) < 2 or w in STOP_WORDS_EN:
            continue
        out.append(stem(w))
    return out


def name_tokens(text: str) -> list[str]:
    """Capitalised words that are not at a sentence start: a cheap stand-in for named entities.

    Sentence-initial words are kept only when they recur capitalised elsewhere in the text, so "Police said"
    at a sentence start does not make "police" a name, while "Lohan checked in" still counts.
    """
    mid: list[str] = []
    initial: list[str] = []
    for m in _WORD.finditer(text):
        w = m.group()
        if not w[0].isupper() or w.isupper() and len(w) > 5:
            continue
        low = w.lower()
        if low in _NOT_NAMES or len(low) < 2:
            continue
        before = text[max(0, m.start() - 3) : m.start()]
        if m.start() == 0 or _SENT_START.search(before):
            initial.append(low)
        else:
            mid.append(low)
    seen = set(mid)
    return mid + [w for w in initial if w in seen]


def _day(published: str | None) -> int | None:
    if not published or len(published) < 10:
        return None
    try:
        y, m, d = int(published[0:4]), int(published[5:7]), int(published[8:10])
        import datetime

        return (datetime.date(y, m, d) - datetime.date(1970, 1, 1)).days
    except ValueError:
        return None


def article_features(article: Article, analysis: Analysis | None = None) -> ArticleFeatures:
    """Features of one article from its title and body blocks; `analysis` (optional) supplies real entities."""
    body = article.body_text() or article.text or ""
    title = (article.title or "").strip()
    if title and body.lstrip().startswith(title):
        body = body.lstrip()[len(title) :]
    if not title:
        first = re.split(r"(?<=[.!?])\s+|\n", body.strip(), maxsplit=1)
        title = first[0][:300] if first else ""
    title_terms = content_terms(title)
    body_terms = content_terms(body)
    terms = Counter(title_terms)
    terms.update(body_terms)
    has_case = any(c.isupper() for c in body[:2000]) or any(c.isupper() for c in title)
    if analysis is not None and analysis.entities:
        names = Counter(
            stem(t.lower())
            for e in analysis.entities
            if e.label in ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART")
            for t in _WORD.findall(e.canonical or e.text)
            if t.lower() not in _NOT_NAMES
        )
    else:
        names = Counter(stem(w) for w in name_tokens(title + ".\n" + body)) if has_case else Counter()
    lead_words = body.split()[:LEAD_WORDS]
    whole = (article.text or "").lstrip()
    if title and whole.startswith(title):
        whole = whole[len(title) :].lstrip()
    published = article.published or (analysis.published if analysis else None)
    return ArticleFeatures(
        id=article.id,
        terms=terms,
        title=Counter(title_terms),
        names=names,
        day=_day(published),
        lead=(title + ". " + " ".join(lead_words)).strip(),
        length=len(title_terms) + len(body_terms),
        has_case=has_case,
        # Years come from the whole text: a date line under the title is not body, but its year is the best
        # evidence of when the story happened (repair.dated_apart). Read from the body alone, ECB+ through ingest
        # lost them: BCubed F1 train 0.974 -> 0.928, dev 0.975 -> 0.902 (undated).
        years=frozenset(int(y) for y in _YEAR.findall(title + " " + whole)),
        head_years=frozenset(int(y) for y in _YEAR.findall((title + " " + whole)[:HEAD_CHARS])),
    )


def sublinear(counts: Counter) -> dict[str, float]:
    """1 + log(tf): repeated words count, but a word said ten times is not ten times the evidence."""
    return {t: 1.0 + math.log(c) for t, c in counts.items() if c > 0}
