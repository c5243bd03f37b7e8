"""Stories: which articles report the same event (online clustering), wire copies, and the same-story score.

Public interface (the CLI depends on exactly these):
- `assign_stories(articles, analyses=None, known=None, progress=None) -> {article id: story id}`
- `find_copies(articles) -> [[article id, ...], ...]`
- `pair_probabilities(rows) -> [probability, ...]`
- `build_stories(articles, assignment) -> [Story, ...]`
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable

import numpy as np

from storyline.model import Analysis, Article, Story
from storyline.stories.cluster import (
    LEAD_BAND,
    Clusterer,
    article_profile,
    final_moves,
    join,
    observe,
    merge_young,
    repair_story,
    resolve,
    rescore_with_leads,
    score_candidates,
    story_id,
)
from storyline.stories.copies import find_copies
from storyline.stories.features import article_features
from storyline.stories.pairs import (
    article_vectors,
    embedding_features,
    load_pair_model,
    pair_model_probabilities,
    row_articles,
)
from storyline.stories.score import Idf, pair_features, probability

__all__ = ["assign_stories", "find_copies", "pair_probabilities", "build_stories"]

# Online repair after each join: split a story that is two events (cluster.repair_story) and fold a young story
# into the live story it clearly belongs to (cluster.merge_young). Off only to measure what it adds.
REPAIR = True
# A story still of one article this many articles after it was founded is scored again, as the article it is,
# against the live stories that have grown since, and joins one at the join threshold, or below it when one story
# is far ahead of the rest (cluster.REVISIT_MARGIN); whatever is still waiting when the input ends is scored then.
# Why: an article placed early, before its event had more than one report, had little to meet; later the event's
# story says more. 200 chosen on ECB+ train (20 and 50 score within 0.003). When the input ends, members of young
# stories that belong in another story move there (cluster.final_moves).
REVISIT_AFTER = 200
EMBED_WHEN_UNSURE = False  # sentence embeddings of title + lead where the cheap signals are unsure


def stream_order(articles: list[Article]) -> list[int]:
    """Publication order where dates exist, input order otherwise: an undated article keeps its place after the
    dated article before it, as a feed would have delivered it."""
    keys: list[str] = []
    last = ""
    for a in articles:
        if a.published:
            last = a.published
        keys.append(last)
    return sorted(range(len(articles)), key=lambda i: (keys[i], i))


def assign_stories(
    articles: list[Article],
    analyses: list[Analysis] | None = None,
    known: dict[str, str] | None = None,
    progress: Callable[[int], None] | None = None,
) -> dict[str, str]:
    """Story id for every article. Articles in `known` keep their story and seed the state; the rest, taken in
    stream order, each join the most probable live story or found a new one (id from the founder's id).
    `progress(1)` is called once per article placed (articles in `known` are not counted)."""
    known = known or {}
    by_id = {a.article_id: a for a in (analyses or [])}
    state = Clusterer()
    threshold = float(state.model.get("threshold", 0.5))
    out: dict[str, str] = {}
    order = stream_order(articles)
    seeded = [i for i in order if articles[i].id in known]
    fresh = [i for i in order if articles[i].id not in known]
    taken: set[str] = set(known.values())
    given = frozenset(taken)  # stories the caller named keep their members and ids: never merged away
    singles: deque[tuple[int, str]] = deque()  # (position founded, story id) of stories of one, oldest first
    for i in seeded + fresh:
        a = articles[i]
        if a.id in out:  # a repeated id is one article
            if progress and a.id not in known:
                progress(1)
            continue
        f = article_features(a, by_id.get(a.id))
        observe(state, f)
        prof = article_profile(f, state.idf)
        if a.id in known:
            sid = known[a.id]
        else:
            scored = score_candidates(state, prof, f.length)
            if EMBED_WHEN_UNSURE and scored and LEAD_BAND[0] <= scored[0][0] < LEAD_BAND[1]:
                scored = rescore_with_leads(state, prof, f.length, scored)
            if scored and scored[0][0] >= threshold:
                sid = scored[0][1].id
            else:
                sid = story_id(a.id, taken)
        taken.add(sid)
        join(state, sid, prof)
        out[a.id] = sid
        if a.id not in known and REPAIR:
            split = repair_story(state, sid, taken, known)
            if split is not None:
                new_sid, moved = split
                for m in moved:
                    out[m] = new_sid
            elif sid not in given:
                merge_young(state, sid)
            if sid in state.stories and state.stories[sid].size == 1:
                singles.append((state.position, sid))
            while singles and singles[0][0] + REVISIT_AFTER <= state.position:
                _, old = singles.popleft()
                if old not in given:
                    merge_young(state, old, (1,), threshold, margin=True)
        if progress and a.id not in known:
            progress(1)
    if REPAIR:
        for _, old in singles:
            if old not in given:
                merge_young(state, old, (1,), threshold, margin=True)
        # A story of two still apart when the input ends is scored again, as one article, at the join threshold:
        # two one-line reports of a climber's death on Mt Cook met each other early and nothing else. ECB+ dev
        # 0.966 -> 0.975 (train unchanged); over ten input orders no order lower, train 0.953 -> 0.955, dev
        # 0.965 -> 0.966; two reports of another event dropped into a stream of four topics join nothing (0 of 50
        # train, 0 of 16 dev, as before; the lone-article margin rule applied to pairs folded 3 of 50).
        for sid in sorted(sid for sid, p in state.stories.items() if p.size == 2 and sid not in given):
            merge_young(state, sid, (2,), threshold)
        moves, doubtful = final_moves(state, threshold, known)
        out.update(moves)
        out = {k: resolve(state, v) for k, v in out.items()}
        if doubtful:
            out.update(_leave_alone(articles, out, doubtful, taken))
    return {k: resolve(state, v) for k, v in out.items()}


# A member in doubt (cluster.DOUBT) leaves its story when the pair model (MiniLM cosines of leads and texts, as
# `storyline pairs` scores) gives it less than this probability of reporting the same story as each of the members
# closest to it in words (cluster.DOUBT_PARTNERS). Measured: ECB+ train read as `storyline cluster` reads it, 1
# member leaves, a wrong one (none as bench_stories feeds it, BCubed unchanged); dev, none; all of PolNeAR, 2
# (benchmarks/results/stories.md); June 2016 of PolNeAR alone (90 articles), the one article that shared no story
# with the two it was put with.
LEAVE_BELOW = 0.2


def _leave_alone(articles: list[Article], out: dict[str, str], doubtful: dict[str, list[str]],
                 taken: set[str]) -> dict[str, str]:
    """{article id: new story id} for the members in doubt that report nothing the members closest to them in
    words report (`doubtful` maps each to those members, closest first).

    Why: the cheap signals join an article at a low bar (a story's words are shared by many reports), and once
    in, an article of another event can stay when nothing better comes along; the embedding model reads what the
    texts say, at a cost paid only for the few members in doubt and their closest partners. The weakest member
    leaves first, and a member whose partners have all left stays: a story always keeps one member."""
    model = load_pair_model()
    if model is None:
        return {}
    by_id = {a.id: a for a in articles}
    partners = {a: [b for b in near if out.get(b) == out.get(a)] for a, near in doubtful.items() if a in out}
    ids = list(dict.fromkeys([a for a in partners] + [b for near in partners.values() for b in near]))
    try:
        lead, text = article_vectors([by_id[a] for a in ids])
    except Exception:  # noqa: BLE001 - a missing optional model must not stop clustering
        return {}
    row = {a: i for i, a in enumerate(ids)}
    pairs = [(a, b) for a, near in partners.items() for b in near]
    cos = np.array([[lead[row[a]] @ lead[row[b]], text[row[a]] @ text[row[b]]] for a, b in pairs]).reshape(-1, 2)
    prob = dict(zip(pairs, pair_model_probabilities(cos, model)))
    best = {a: max((prob[(a, b)] for b in near), default=1.0) for a, near in partners.items()}
    moved: dict[str, str] = {}
    # the weakest first; of two that share nothing, the later one leaves (the founder keeps the story)
    for a in sorted(best, key=lambda a: (best[a], -ids.index(a))):
        if best[a] >= LEAVE_BELOW:
            break
        if all(b in moved for b in partners[a]):
            continue
        moved[a] = story_id(a, taken)
        taken.add(moved[a])
    return moved


def pair_probabilities(rows: list[dict]) -> list[float]:
    """Probability that text1 and text2 of each row report the same story (rows as `storyline pairs` reads them).

    Scored by the pair model (stories/pairs.py: MiniLM cosines of the leads and of the texts, trained on human
    same-story ratings); where the embedding model or the pair weights are missing, by the clusterer's cheap
    same-story model instead, so the command still answers."""
    pairs = row_articles(rows)
    if not pairs:
        return []
    model = load_pair_model()
    probs: list[float] | None = None
    if model is not None:
        try:
            probs = pair_model_probabilities(embedding_features(pairs), model)
        except Exception:  # noqa: BLE001 - a missing optional model must not stop scoring
            probs = None
    if probs is None:
        probs = cheap_pair_probabilities(pairs)
    # A side without a single word gives no evidence of a shared story (two blanks embed alike).
    return [0.0 if not (_has_words(a) and _has_words(b)) else p for (a, b), p in zip(pairs, probs)]


def _has_words(a: Article) -> bool:
    return any(c.isalnum() for c in (a.title or "") + (a.text or ""))


def cheap_pair_probabilities(pairs: list[tuple[Article, Article]]) -> list[float]:
    """The clusterer's same-story model applied to each pair (each text a story of one), symmetric: the mean of
    both directions. Word weights come from all texts of the call, so a larger batch gives better-founded
    scores."""
    feats = [(article_features(a), article_features(b)) for a, b in pairs]
    leads = _lead_vectors([f.lead for pair in feats for f in pair])
    idf = Idf()
    for fa, fb in feats:
        idf.add(fa.terms.keys())
        idf.add(fb.terms.keys())
    out = []
    for k, (fa, fb) in enumerate(feats):
        la, lb = (leads[2 * k], leads[2 * k + 1]) if leads is not None else (None, None)
        pa, pb = article_profile(fa, idf, la), article_profile(fb, idf, lb)
        p1 = probability(pair_features(pa, pb, idf, fa.length))
        p2 = probability(pair_features(pb, pa, idf, fb.length))
        out.append((p1 + p2) / 2)
    return out


def _lead_vectors(texts: list[str]):  # type: ignore[no-untyped-def]
    """Sentence embeddings of title + lead; None when the embedding model cannot be loaded (scores then rest on
    the cheap signals, which the model was also trained to use alone)."""
    try:
        from storyline.nlp.embed import embed

        return embed(texts)
    except Exception:  # noqa: BLE001 - a missing optional model must not stop scoring
        return None


def build_stories(articles: list[Article], assignment: dict[str, str]) -> list[Story]:
    """The stories of an assignment, in order of their first article, each with its wire copies found."""
    members: dict[str, list[Article]] = {}
    for a in articles:
        sid = assignment.get(a.id)
        if sid is not None:
            members.setdefault(sid, []).append(a)
    return [
        Story(id=sid, article_ids=[a.id for a in arts], copies=find_copies(arts)) for sid, arts in members.items()
    ]
