"""Which facts matter most, the 3-7 sentence summary built from them, and the headline.

A fact matters when many independent sources state it, when it sits near the story's centre of meaning, and when
outlets put it high in their articles (news writing leads with the main point). The summary takes the best facts
that are not redundant with one another, the main event first and the rest as the outlets order them, each
citing its sources.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np

from storyline.brief.claims import Claim
from storyline.brief.text import dangling, readable
from storyline.model import Article, Fact, SourceSpan, SummaryItem

MIN_SENTENCES, MAX_SENTENCES = 3, 7
# Two summary sentences this alike (MiniLM cosine) say the same thing: keep one.
REDUNDANT = 0.72


def rank_facts(facts: list[Fact], groups: list[list[int]], claims: list[Claim], vectors: np.ndarray,
               sources_of: dict[str, str]) -> list[float]:
    """An importance score per fact: independent sources, closeness to the story's centre, lead position.

    A claim left unembedded (zero vector, see align.score_claims) has no partner anywhere and counts as far from
    the centre: it is peripheral to the story.
    """
    if not facts:
        return []
    centroid = vectors.mean(0)
    centroid /= max(float(np.linalg.norm(centroid)), 1e-9)
    per_article: dict[str, int] = {}
    for c in claims:
        per_article[c.article_id] = per_article.get(c.article_id, 0) + 1
    out = []
    for fact, group in zip(facts, groups):
        n_src = len({sources_of.get(a, a) for a in fact.articles})
        central = float(np.mean([vectors[i] @ centroid for i in group]))
        lead = min(claims[i].index / max(per_article[claims[i].article_id], 1) for i in group)
        out.append(1.0 * np.log2(1 + n_src) + 2.0 * central + 1.0 * (1 - lead))
    return out


# Where one reported sentence joins two things said: "said Russia is looking for munitions and that the letters
# built upon ...". Each part of at least PART_WORDS words is compared on its own for redundancy.
_PARTS = re.compile(r",?\s+and that\s+|;\s+|,\s+(?:and|but)\s+|\s+but that\s+")
PART_WORDS = 3


def _parts(text: str) -> list[str]:
    parts = [p for p in _PARTS.split(text) if len(p.split()) >= PART_WORDS]
    return parts if len(parts) > 1 else []


def summarize(facts: list[Fact], groups: list[list[int]], claims: list[Claim], vectors: np.ndarray,
              importance: list[float], n_sources: int,
              embed: Callable[[list[str]], np.ndarray] | None = None,
              sources_of: dict[str, str] | None = None) -> list[SummaryItem]:
    """3 to 7 non-redundant sentences in reading order, each with the articles and spans that state it.

    With `embed` (texts -> unit vectors), a line that joins two reported things ("said A and that B") is
    compared part by part: a line saying only A again is redundant with it ("Kirby said Russia is looking for
    additional artillery shells" after "The White House said Russia is looking for additional munitions and that
    the letters ..."), whose sentence vectors alone are only 0.66 alike."""
    want = min(MAX_SENTENCES, MIN_SENTENCES + max(n_sources - 1, 0) // 2 + (1 if len(facts) > 20 else 0))
    order = sorted(range(len(facts)), key=lambda k: -importance[k])
    rep = {}
    for k, group in enumerate(groups):
        rep[k] = next((i for i in group if claims[i].text == facts[k].text), group[0])
    restates = _restating_the_main_event(facts) | _other_leads(facts, groups, claims)
    part_vectors: dict[int, np.ndarray] = {}

    def parts_of(k: int) -> np.ndarray:
        if k not in part_vectors:
            parts = _parts(claims[rep[k]].said) if embed else []
            part_vectors[k] = embed(parts) if parts else np.zeros((0, vectors.shape[1]), dtype=np.float32)
        return part_vectors[k]

    def repeats(k: int, j: int) -> bool:
        """Line k says nothing that line j (or one of its parts) does not already say."""
        v = vectors[rep[k]]
        return float(v @ vectors[rep[j]]) >= REDUNDANT or bool((parts_of(j) @ v >= REDUNDANT).any())

    chosen: list[int] = []
    # Relax only when too few sentences remain: first self-standing ones that say something new, then any, but
    # only up to the minimum: a shorter summary reads better than one padded with lines that lean on a sentence
    # the reader does not have ("Gupta wouldn't comment to me", "he said, replacing Clinton would be ...").
    for readable_only, new_only in ((True, True), (False, True), (False, False)):
        if not readable_only and len(chosen) >= MIN_SENTENCES:
            break
        for k in order:
            if len(chosen) >= (want if readable_only else MIN_SENTENCES):
                break
            if k in chosen or claims[rep[k]].headline or (readable_only and not readable(facts[k].text)):
                continue
            if new_only and k in restates:
                continue
            if any(repeats(k, j) for j in chosen):
                continue
            # a line that says all a chosen one says, and more, takes its place
            covered = [j for j in chosen if not facts[j].main_event and repeats(j, k)]
            chosen = [j for j in chosen if j not in covered]
            chosen.append(k)
    per_article: dict[str, int] = {}
    for c in claims:
        per_article[c.article_id] = per_article.get(c.article_id, 0) + 1

    def position(k: int) -> float:
        return float(np.mean([claims[i].index / max(per_article[claims[i].article_id], 1) for i in groups[k]]))

    # What happened comes first, then the rest as outlets order it: a line placed by position alone can speak of
    # "the letters" before the line that says who swapped them.
    chosen.sort(key=lambda k: (not facts[k].main_event, position(k)))
    cited = {k: _citations(facts[k], groups[k], claims, sources_of or {}) for k in chosen}
    return [SummaryItem(" ".join(facts[k].text.split()), list(dict.fromkeys(s.id for s in cited[k])), cited[k])
            for k in chosen]


def _citations(fact: Fact, group: list[int], claims: list[Claim], sources_of: dict[str, str]) -> list[SourceSpan]:
    """The sentences a summary line points to: per article, the fact's own claims (the sentences that state it),
    else the first sentence the fact cites there (a wire copy's restatement of a member, or another outlet's
    sentence that states it too). A single-source line points to its own words and their wire copies only: its
    outlet's other articles add no source, and a sentence of theirs that the fact took in for its likeness ("He
    called her handling ... 'extremely careless'" under "Clinton testified that she neither sent nor received
    emails marked classified") reads as a wrong citation.

    Why not every source: the main event also cites each sentence that mentions the event in passing; under a
    summary line those read as its sources, and the seed brief pointed the main-event line at another summary
    line's sentence and at a sanctions case of March. The fact keeps all its sources in the facts list."""
    members = {(claims[i].article_id, claims[i].start) for i in group}
    in_member_article = {a for a, _ in members}
    member_sources = {sources_of.get(a, a) for a in in_member_article}
    first: set[str] = set()
    out = []
    for src in fact.sources:
        if (src.id, src.start) in members:
            out.append(src)
        elif src.id not in in_member_article and src.id not in first and (
                fact.status != "single" or sources_of.get(src.id, src.id) in member_sources):
            first.add(src.id)
            out.append(src)
    return out


def _restating_the_main_event(facts: list[Fact]) -> set[int]:
    """The single-source facts whose every sentence the main event already cites: one outlet's own wording of
    what happened ("A mafioso committed suicide hours after his arrest" next to the main event "A suspected Mafia
    leader has hanged himself in prison hours after being arrested"), which a summary would only repeat. Sentence
    embeddings miss these (cosine 0.44 for that pair); the main event's sources, chosen by the words outlets lead
    with, do not."""
    main = next((f for f in facts if f.main_event), None)
    if main is None:
        return set()
    cited = {(s.id, s.start) for s in main.sources}
    return {k for k, f in enumerate(facts) if not f.main_event and f.status == "single" and f.sources
            and all((s.id, s.start) in cited for s in f.sources)}


def _other_leads(facts: list[Fact], groups: list[list[int]], claims: list[Claim]) -> set[int]:
    """The single-source facts that are an article's lead sentence, when the story has a main event: a lead states
    what happened, so one outlet's lead is that outlet's wording of the main event ("Jewellery worth more than $160
    million has been stolen from a Paris boutique" next to "armed robbers cleaned out a high-end jewelry store")."""
    if not any(f.main_event for f in facts):
        return set()
    return {k for k, (f, group) in enumerate(zip(facts, groups))
            if f.status == "single" and not f.main_event and all(claims[i].index <= 1 for i in group)}


# A label some outlets put before a headline: "Breaking News - Three People Shot ...", "BREAKING: ..."
_LABEL = re.compile(r"^(?:breaking(?:\s+news)?|update[d]?|exclusive|watch|live)\s*[:\-–—|]+\s*", re.I)


def choose_headline(articles: list[Article], vectors: np.ndarray, title_vectors: np.ndarray,
                    summary: list[SummaryItem]) -> str:
    """The title that best states the story: closest to the centre of `vectors` (see assemble._headline_targets);
    else the first summary line."""
    titles = [_LABEL.sub("", (a.title or "").strip()) for a in articles]
    cand = [i for i, t in enumerate(titles) if len(t.split()) >= 3]
    # A "title" that is a lead sentence copied into the field ("It's a tough job hosting the Academy Awards.")
    # reads worse than a real headline: headlines carry no full stop and do not lean on a pronoun.
    headlike = [i for i in cand if not titles[i].endswith(".") and not dangling(titles[i])]
    cand = headlike or cand
    if cand and len(vectors):
        centroid = vectors.mean(0)
        centroid /= max(float(np.linalg.norm(centroid)), 1e-9)
        # Closest to the centre, but a long title reads worse as a headline: 1% of cosine per word beyond 14.
        best = max(cand, key=lambda i: float(title_vectors[i] @ centroid) - 0.01 * max(len(titles[i].split()) - 14, 0))
        return " ".join(titles[best].split())
    if cand:
        return " ".join(titles[cand[0]].split())
    return summary[0].text if summary else "Untitled story"
