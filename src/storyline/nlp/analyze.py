"""Article -> Analysis: sentences, entities and index terms from the body blocks (first version)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from storyline.model import Analysis, Article, Mention, Span
from storyline.nlp.pipeline import get_nlp

_KEEP_POS = {"NOUN", "PROPN", "VERB", "ADJ", "NUM"}


def analyze_article(article: Article) -> Analysis:
    """Analyse one article; see `analyze_articles` for many (faster: batched)."""
    return analyze_articles([article])[0]


def analyze_articles(
    articles: list[Article], progress: Callable[[int], None] | None = None
) -> list[Analysis]:
    """Analyse `articles` in order. `progress(n)` is called as each article finishes."""
    nlp = get_nlp()
    out: list[Analysis] = []
    for article in articles:
        out.append(_analyze(article, nlp))
        if progress:
            progress(1)
    return out


def _analyze(article: Article, nlp) -> Analysis:  # type: ignore[no-untyped-def]
    published = article.published[:10] if article.published else None
    analysis = Analysis(article_id=article.id, published=published, outlet=article.outlet)
    blocks = article.body_blocks()
    docs: Iterable = nlp.pipe(article.text[b.start : b.end] for b in blocks)
    for block, doc in zip(blocks, docs):
        base = block.start
        for sent in doc.sents:
            if sent.text.strip():
                analysis.sentences.append(Span(base + sent.start_char, base + sent.end_char, sent.text))
        for ent in doc.ents:
            analysis.entities.append(
                Mention(base + ent.start_char, base + ent.end_char, ent.text, ent.label_, canonical=ent.text)
            )
        analysis.terms.extend(t.lemma_.lower() for t in doc if t.pos_ in _KEEP_POS and not t.is_stop)
    return analysis
