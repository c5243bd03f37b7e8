"""Story + its articles + their analyses -> Brief: the one place the brief's parts are put together.

Everything is computed once per story: the claims and their vectors feed the facts, the summary, the outlet notes
and the headline. MiniLM runs once over the claims worth embedding (align.score_claims: in a large story only
those sharing words with another article) and once over the titles; the rest of a brief is sparse products and
linear passes, so a 50-article brief takes a few seconds once its articles are analysed.
"""

from __future__ import annotations

import numpy as np

from storyline.brief.align import embed_claims, grouped_facts, score_claims, source_groups, story_claims
from storyline.brief.entities import group_entities
from storyline.brief.outlets import outlet_notes
from storyline.brief.quotes import attribute_quoted_facts, group_quotes
from storyline.brief.summary import choose_headline, rank_facts, summarize
from storyline.brief.timeline import build_timeline
from storyline.model import Analysis, Article, ArticleRef, Brief, EntityGroup, Fact, Story


def _copies(story: Story, articles: list[Article]) -> list[list[str]]:
    present = {a.id for a in articles}
    return [[a for a in g if a in present] for g in story.copies if len([a for a in g if a in present]) > 1]


def _headline_targets(facts: list[Fact], groups: list[list[int]], vectors: np.ndarray) -> np.ndarray:
    """What the headline should be near: the centre of the main event's claims and the centre of all claims, one
    each. Why both: the centre of all claims alone chose "Sixers Hire Maurice Cheeks as Head Coach" over "76ers
    Fire Coach Jim O'Brien, Hire Maurice Cheeks", the main event alone "Harrison out against Jaguars" (an ECB+
    story of a Colts win whose main-event fact is thin)."""
    def centre(v: np.ndarray) -> np.ndarray:
        c = v.mean(0)
        return c / max(float(np.linalg.norm(c)), 1e-9)

    for fact, group in zip(facts, groups):
        rows = [i for i in group if np.abs(vectors[i]).sum() > 0] if fact.main_event else []
        if rows:
            return np.stack([centre(vectors[rows]), centre(vectors)])
    return vectors


def _cast_names(entities: list[EntityGroup]) -> dict[str, str]:
    """Each other name of a person or organisation (an alias only one entity has) -> the name the cast lists it
    under. Places and peoples keep the speaker as written: "Ukrainians" said it, not "Ukrainian"."""
    owners: dict[str, set[str]] = {}
    for e in entities:
        for alias in e.aliases if e.type in ("PERSON", "ORG", "MISC") else []:
            owners.setdefault(alias, set()).add(e.name)
    return {alias: next(iter(names)) for alias, names in owners.items() if len(names) == 1}


def build_brief(story: Story, articles: list[Article], analyses: list[Analysis]) -> Brief:
    """The brief of one story. `articles` and `analyses` are the story's, in the same order."""
    from storyline import nlp

    if len(articles) != len(analyses):
        raise ValueError(f"story {story.id}: {len(articles)} articles but {len(analyses)} analyses; pass one per article")
    if hasattr(nlp, "link_entities"):
        nlp.link_entities(analyses)  # one canonical name per entity across the story's outlets
    copies = _copies(story, articles)
    rep = source_groups([a.id for a in articles], copies)
    claims = story_claims(articles, analyses, copies)
    vectors, prob = score_claims(claims)
    title_vectors = embed_claims([a.title or "" for a in articles])
    facts, groups = grouped_facts(claims, vectors, articles, copies, prob=prob)
    entities = group_entities(articles, analyses)
    cast = _cast_names(entities)
    attribute_quoted_facts(facts, articles, analyses, cast)
    importance = rank_facts(facts, groups, claims, vectors, rep)
    n_sources = len(set(rep.values()))
    summary = summarize(facts, groups, claims, vectors, importance, n_sources, embed_claims, rep)
    order = sorted(range(len(facts)), key=lambda k: -importance[k])
    ranked_facts = [facts[k] for k in order]
    outlets = list(dict.fromkeys(a.outlet or a.id for a in articles))
    return Brief(
        id=story.id,
        headline=choose_headline(articles, _headline_targets(facts, groups, vectors), title_vectors, summary)
        if len(claims) else
        next((a.title for a in articles if a.title), "Untitled story"),
        articles=[ArticleRef(a.id, a.title, a.outlet, a.published, a.url, an.published_window)
                  for a, an in zip(articles, analyses)],
        summary=summary,
        facts=ranked_facts,
        quotes=group_quotes(articles, analyses, facts, cast),
        entities=entities,
        timeline=build_timeline(articles, analyses, facts),
        copies=copies,
        outlet_notes=outlet_notes(ranked_facts, sorted(importance, reverse=True), outlets),
    )
