"""Brief benchmarks: fact alignment on the ECB+ alignments, and time per brief.

    python -m benchmarks.bench_brief          # measure, write benchmarks/results/brief.md
    python -m benchmarks.bench_brief --fit    # also refit the pair-score weights on train and print them
    python -m benchmarks.bench_brief --cv     # also score train facts out of sample (5 folds of topics)

Fact alignment: two annotated sentences of different articles of one ECB+ story report the same fact when they
share an event chain. storyline is scored the way a user meets it: run `align_facts` on the story's articles and
call two gold sentences aligned when one fact has sources in both. Pairwise P/R/F1 and MCC (about 3 in 4 pairs are
aligned, so "align everything" gets F1 0.87 with MCC 0). Baselines: TF-IDF and MiniLM sentence cosine with a
threshold tuned on train.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import os
import sys
import time
from pathlib import Path

import numpy as np
from rich.progress import Progress
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import matthews_corrcoef, precision_recall_fscore_support

from benchmarks.run import write_result
from storyline.brief import align
from storyline.model import Article, Block, Story
from storyline.nlp import analyze_articles
from storyline.nlp.embed import embed
from storyline.stories import build_stories

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
OUT = Path(__file__).resolve().parent / "results" / "brief.md"


def line_blocks(text: str) -> list[Block]:
    """One body block per line, as ingest marks paragraphs (ECB+ texts hold one sentence a line)."""
    blocks, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            blocks.append(Block(pos, pos + len(line), "body"))
        pos += len(line) + 1
    return blocks


def _as_ingested(record: dict) -> Article:
    return _ingested(record, "ecbplus_train_dev.jsonl")


def _ingested(record: dict, source: str) -> Article:
    """A data record read as `storyline run` reads a JSONL line (cleaned, title and date lines marked)."""
    from storyline.ingest.jsonl import article_from_record

    art = article_from_record(record, source)
    if not isinstance(art, Article):
        raise ValueError(f"{source} document {record['id']} was rejected: {art}")
    return art


def load_stories() -> list[dict]:
    docs = {}
    for line in open(DATA / "ecbplus_train_dev.jsonl"):
        d = json.loads(line)
        docs[d["id"]] = d
    stories = []
    for line in open(DATA / "ecbplus_align_train_dev.jsonl"):
        row = json.loads(line)
        ids = list(dict.fromkeys(s["doc"] for s in row["sentences"]))
        # Built the way `storyline facts` builds a JSONL row (ingest marks a first line that reads as a title, and
        # bylines), so the figure is what a user and the hidden test get from the command.
        # With their story, as `storyline facts` gives it: names are then resolved across the story's articles.
        arts = [_as_ingested({"id": i, "text": docs[i]["text"], "title": docs[i].get("title"),
                              "outlet": docs[i].get("outlet") or i, "story": row["cluster"]}) for i in ids]
        stories.append({"id": row["cluster"], "split": row["split"], "sentences": row["sentences"], "articles": arts})
    return stories


def gold_pairs(story: dict) -> list[tuple[int, int, bool]]:
    s = story["sentences"]
    return [(i, j, bool(set(s[i]["events"]) & set(s[j]["events"])))
            for i, j in itertools.combinations(range(len(s)), 2) if s[i]["doc"] != s[j]["doc"]]


def claim_of(sent: dict, claims: list) -> int | None:
    """The claim that overlaps a gold sentence most (gold sentences and claims may split differently)."""
    a, b = sent["offset"], sent["offset"] + len(sent["text"])
    best, best_ov = None, 0
    for k, c in enumerate(claims):
        if c.article_id == sent["doc"]:
            ov = min(b, c.end) - max(a, c.start)
            if ov > best_ov:
                best, best_ov = k, ov
    return best


def scores(y: list[bool], p: list[bool]) -> dict:
    pr, rc, f1, _ = precision_recall_fscore_support(y, p, average="binary", zero_division=0)
    return {"P": pr, "R": rc, "F1": f1, "MCC": matthews_corrcoef(y, p) if len(set(p)) > 1 else 0.0}


def tuned(score_fn, stories, split) -> tuple[float, dict]:
    """Threshold tuned on train for MCC, then applied to `split`."""
    def collect(sp):
        ys, ss = [], []
        for st in stories:
            if st["split"] == sp:
                sc = score_fn(st)
                for i, j, y in gold_pairs(st):
                    ys.append(y)
                    ss.append(sc[i, j])
        return np.array(ys), np.array(ss)

    yt, st_ = collect("train")
    best = max((matthews_corrcoef(yt, st_ >= t), t) for t in np.unique(np.quantile(st_, np.linspace(0.02, 0.98, 49))))
    yd, sd = collect(split)
    return best[1], scores(list(yd), list(sd >= best[1]))


def tfidf_scores(st: dict) -> np.ndarray:
    texts = [s["text"] for s in st["sentences"]]
    x = TfidfVectorizer(stop_words="english").fit_transform(texts)
    return (x @ x.T).toarray()


def minilm_scores(st: dict) -> np.ndarray:
    v = embed([s["text"] for s in st["sentences"]])
    return v @ v.T


def prepare(stories: list[dict], cache: Path | None = None) -> None:
    """Analyse every article and build the story's claims, vectors and gold-to-claim map (once).

    `cache` (a pickle outside the project) keeps the analyses between runs while tuning; it is not the data.
    """
    import pickle

    cached = pickle.loads(cache.read_bytes()) if cache and cache.exists() else {}
    with Progress() as prog:
        task = prog.add_task("analysing ECB+ stories", total=len(stories))
        for st in stories:
            if st["id"] not in cached:
                cached[st["id"]] = analyze_articles(st["articles"])
            st["analyses"] = cached[st["id"]]
            st["copies"] = build_stories(st["articles"], {a.id: st["id"] for a in st["articles"]})[0].copies
            st["claims"] = align.story_claims(st["articles"], st["analyses"], st["copies"])
            st["vectors"] = align.embed_claims([c.said for c in st["claims"]])
            # What align_facts computes: the same vectors, but only for the claims it embeds (shipped rule, and
            # with every story pruned however small, to measure what pruning costs).
            for key, below in (("shipped", align.EMBED_ALL_BELOW), ("pruned", 0)):
                st[key] = align.score_claims(st["claims"], below, lambda rows, v=st["vectors"]: v[rows])
            st["map"] = [claim_of(s, st["claims"]) for s in st["sentences"]]
            prog.advance(task)
    if cache:
        cache.write_bytes(pickle.dumps(cached))


def fit(stories: list[dict]) -> None:
    """Refit WEIGHTS/BIAS by logistic regression on the train gold pairs, and print them for align.py."""
    xs, ys = [], []
    for st in stories:
        if st["split"] != "train":
            continue
        f = align.feature_matrices(st["claims"], st["vectors"])
        for i, j, y in gold_pairs(st):
            a, b = st["map"][i], st["map"][j]
            if a is None or b is None:
                continue
            xs.append([f[n][a, b] for n in align.FEATURES])
            ys.append(y)
    lr = LogisticRegression(max_iter=5000, C=1.0).fit(np.array(xs), np.array(ys))
    print("WEIGHTS =", [round(float(w), 2) for w in lr.coef_[0]], "BIAS =", round(float(lr.intercept_[0]), 2))
    align.WEIGHTS = lr.coef_[0].astype(np.float32)
    align.BIAS = float(lr.intercept_[0])


def cross_validated(stories: list[dict], folds: int = 5) -> dict:
    """Fact-level scores on the train topics, each fold scored by weights fitted on the other folds' topics.

    Why: dev holds 16 stories, and a change in the pair model moves its MCC by several hundredths either way; 50
    train stories scored out of sample tell a real gain from noise better before anything is kept. The shipped
    weights are restored afterwards.
    """
    saved = (align.WEIGHTS.copy(), align.BIAS)
    train = [st for st in stories if st["split"] == "train"]
    topics = sorted({st["id"].split("_")[0] for st in train}, key=int)
    ys, ps = [], []
    try:
        for k in range(folds):
            held = set(topics[k::folds])
            fit([st for st in train if st["id"].split("_")[0] not in held])
            for st in train:
                if st["id"].split("_")[0] in held:
                    st["prob"] = align.pair_probability(st["claims"], st["vectors"])
                    ys += [y for _, _, y in gold_pairs(st)]
                    ps += fact_pairs(st, align.THRESHOLD)
    finally:
        align.WEIGHTS, align.BIAS = saved
        for st in stories:
            st.pop("prob", None)
    return scores(ys, ps)


def fact_pairs(st: dict, threshold: float, scored: str | None = None) -> list[bool]:
    """Gold pairs as storyline's facts answer them: aligned when one fact has sources in both sentences.

    `scored` names the (vectors, prob) of a pruned run ("shipped" or "pruned"); by default every claim is embedded.
    """
    vectors, prob = st[scored] if scored else (st["vectors"], st["prob"])
    facts = align.facts_from_claims(st["claims"], vectors, st["articles"], st["copies"], threshold, prob)
    return sharing_a_fact(st, [[(src.id, src.start, src.end) for src in f.sources] for f in facts])


def sharing_a_fact(st: dict, facts: list[list[tuple[str, int, int]]]) -> list[bool]:
    """For each gold pair, whether one fact (its sources as (article id, start, end)) covers both sentences."""
    sents = st["sentences"]
    member: list[set[int]] = [set() for _ in sents]
    for k, sources in enumerate(facts):
        for doc, start, end in sources:
            for i, s in enumerate(sents):
                if s["doc"] == doc and start < s["offset"] + len(s["text"]) and s["offset"] < end:
                    member[i].add(k)
    return [bool(member[i] & member[j]) for i, j, _ in gold_pairs(st)]


def command_scores(stories: list[dict], split: str) -> dict:
    """Gold pairs as the `storyline facts` command answers them (its own analysis, wire copies and all)."""
    from storyline.batch import facts_rows

    chosen = [st for st in stories if st["split"] == split]
    facts = {row["story"]: row["facts"] for row in facts_rows([a for st in chosen for a in st["articles"]])}
    ys, ps = [], []
    for st in chosen:
        ys += [y for _, _, y in gold_pairs(st)]
        ps += sharing_a_fact(st, [[(x["id"], x["start"], x["end"]) for x in f["sources"]] for f in facts[st["id"]]])
    return scores(ys, ps)


def alignment(stories: list[dict], do_fit: bool, cache: Path | None = None, cv: bool = False) -> list[str]:
    prepare(stories, cache)
    cv_scores = cross_validated(stories) if cv else None
    if do_fit:
        fit(stories)
    for st in stories:
        st["prob"] = align.pair_probability(st["claims"], st["vectors"])
    lines = ["## Fact alignment (ECB+ train/dev; pairs of annotated sentences of different articles)", "",
             "| method | split | threshold | P | R | F1 | MCC |", "|---|---|---|---|---|---|---|"]
    for name, fn in (("TF-IDF sentence cosine", tfidf_scores), ("MiniLM sentence cosine", minilm_scores)):
        for split in ("train", "dev"):
            t, s = tuned(fn, stories, split)
            lines.append(f"| {name} | {split} | {t:.3f} | {s['P']:.3f} | {s['R']:.3f} | {s['F1']:.3f} | {s['MCC']:.3f} |")

    def pair_score(st):
        m = np.zeros((len(st["sentences"]),) * 2)
        for i, a in enumerate(st["map"]):
            for j, b in enumerate(st["map"]):
                m[i, j] = st["prob"][a, b] if a is not None and b is not None else 0.0
        return m

    for split in ("train", "dev"):
        t, s = tuned(pair_score, stories, split)
        lines.append(f"| storyline pair score (align.pair_probability) | {split} | {t:.3f} | {s['P']:.3f} | {s['R']:.3f} | {s['F1']:.3f} | {s['MCC']:.3f} |")
    best = None
    for t in np.linspace(0.3, 0.9, 13):
        ys, ps = [], []
        for st in stories:
            if st["split"] == "train":
                ys += [y for _, _, y in gold_pairs(st)]
                ps += fact_pairs(st, t)
        m = scores(ys, ps)["MCC"]
        print(f"facts threshold {t:.2f}: train MCC {m:.3f}")
        if best is None or m > best[0]:
            best = (m, t)
    runs = [(t, None, " (all claims embedded)" + (" (best on train)" if abs(t - best[1]) < 1e-6 else ""))
            for t in sorted({align.THRESHOLD, round(float(best[1]), 2)})]
    runs += [(align.THRESHOLD, "shipped", " (shipped: stories over "
              f"{align.EMBED_ALL_BELOW} claims embed only claims with a neighbour)"),
             (align.THRESHOLD, "pruned", " (every story embeds only claims with a neighbour)")]
    for split in ("train", "dev"):
        for t, scored, tag in runs:
            ys, ps = [], []
            for st in stories:
                if st["split"] == split:
                    ys += [y for _, _, y in gold_pairs(st)]
                    ps += fact_pairs(st, t, scored)
            s = scores(ys, ps)
            lines.append(f"| storyline facts (align_facts clusters){tag} | {split} | {t:.2f} | {s['P']:.3f} | {s['R']:.3f} | {s['F1']:.3f} | {s['MCC']:.3f} |")
    saved = align.MAIN_EVENT_SHARE, align.SECOND_EVENT_SHARE
    # No word is in more than all leads: no extra sources for the second development, then for neither event.
    for name, shares in (("the second development's", (saved[0], float("inf"))),
                         ("the main-event and second-development facts'", (float("inf"), float("inf")))):
        align.MAIN_EVENT_SHARE, align.SECOND_EVENT_SHARE = shares
        try:
            for split in ("train", "dev"):
                ys, ps = [], []
                for st in stories:
                    if st["split"] == split:
                        ys += [y for _, _, y in gold_pairs(st)]
                        ps += fact_pairs(st, align.THRESHOLD, "shipped")
                s = scores(ys, ps)
                lines.append(f"| storyline facts, shipped, without {name} extra sources | {split} | "
                             f"{align.THRESHOLD:.2f} | {s['P']:.3f} | {s['R']:.3f} | {s['F1']:.3f} | {s['MCC']:.3f} |")
        finally:
            align.MAIN_EVENT_SHARE, align.SECOND_EVENT_SHARE = saved
    for split in ("train", "dev"):
        s = command_scores(stories, split)
        lines.append(f"| `storyline facts` itself (batch.facts_rows: the stories given, wire copies found and counted once) "
                     f"| {split} | {align.THRESHOLD:.2f} | {s['P']:.3f} | {s['R']:.3f} | {s['F1']:.3f} | {s['MCC']:.3f} |")
    if cv_scores:
        s = cv_scores
        lines.append(f"| storyline facts, pair weights refitted on 4/5 of the train topics, scored on the other 1/5 "
                     f"(5 folds, all claims embedded) | train | {align.THRESHOLD:.2f} | {s['P']:.3f} | {s['R']:.3f} | "
                     f"{s['F1']:.3f} | {s['MCC']:.3f} |")
    embedded = [(int((np.abs(st["pruned"][0]).sum(1) > 0).sum()), len(st["claims"])) for st in stories]
    lines += ["", f"Claims embedded when every story is pruned (neighbour = TF-IDF cosine >= {align.NEIGHBOUR_TFIDF} to a "
              f"claim of another article): {sum(e for e, _ in embedded)} of {sum(n for _, n in embedded)}."]
    n_pairs = {sp: sum(len(gold_pairs(st)) for st in stories if st["split"] == sp) for sp in ("train", "dev")}
    lines += ["", f"Pairs: train {n_pairs['train']}, dev {n_pairs['dev']}. Baseline and pair-score thresholds are tuned "
              "for MCC on train and applied unchanged to dev.", ""]
    return lines


# The hidden test holds 10 ECB+ topics (both subtopics of each); TF-IDF scores MCC 0.14 there (issue 5).
SAMPLE_TOPICS, SAMPLES, HIDDEN_TFIDF = 10, 2000, 0.14


def topic_samples(stories: list[dict]) -> list[str]:
    """Fact MCC on many draws of 10 train+dev topics, beside TF-IDF's on the same draws.

    Why: the target is judged on 10 unseen topics, and dev's 8 topics move the figure by hundredths per story.
    How widely a 10-topic MCC spreads, and what storyline scores on the draws where TF-IDF scores as low as on the
    hidden topics, say what to expect there better than one train and one dev figure.
    """
    threshold, _ = tuned(tfidf_scores, stories, "train")
    per = {}
    for st in stories:
        pairs = gold_pairs(st)
        tf = tfidf_scores(st)
        per[st["id"]] = (np.array([y for _, _, y in pairs], dtype=bool), np.array(fact_pairs(st, align.THRESHOLD, "shipped")),
                         np.array([tf[i, j] >= threshold for i, j, _ in pairs], dtype=bool))
    topics = sorted({k.split("_")[0] for k in per})
    rng = np.random.default_rng(0)
    draws = []
    for _ in range(SAMPLES):
        chosen = set(rng.choice(topics, SAMPLE_TOPICS, replace=False).tolist())
        ids = [k for k in per if k.split("_")[0] in chosen]
        y, ours, tfidf = (np.concatenate([per[k][n] for k in ids]) for n in range(3))
        draws.append((matthews_corrcoef(y, tfidf), matthews_corrcoef(y, ours)))
    d = np.array(draws)
    hard = d[d[:, 0] <= 0.2]
    slope, icept = np.polyfit(d[:, 0], d[:, 1], 1)
    lines = [f"## Fact MCC on draws of {SAMPLE_TOPICS} topics (what to expect on the hidden test topics)", "",
             "| draws | count | TF-IDF MCC, mean | storyline MCC, mean | storyline sd | storyline >= 0.40 |",
             "|---|---|---|---|---|---|",
             f"| all | {len(d)} | {d[:, 0].mean():.3f} | {d[:, 1].mean():.3f} | {d[:, 1].std():.3f} | {(d[:, 1] >= 0.4).mean():.1%} |"]
    if len(hard):
        lines.append(f"| TF-IDF MCC <= 0.20 | {len(hard)} | {hard[:, 0].mean():.3f} | {hard[:, 1].mean():.3f} | "
                     f"{hard[:, 1].std():.3f} | {(hard[:, 1] >= 0.4).mean():.1%} |")
    lines += ["", f"{SAMPLES} draws of {SAMPLE_TOPICS} of the {len(topics)} train+dev topics (both subtopics each), fixed "
              f"seed; TF-IDF at its train threshold ({threshold:.3f}). Least-squares line over the draws: storyline = "
              f"{slope:.2f} x TF-IDF + {icept:.3f}, which at the hidden topics' TF-IDF MCC {HIDDEN_TFIDF} gives "
              f"{slope * HIDDEN_TFIDF + icept:.3f} (an extrapolation: no draw scores TF-IDF that low; the lowest is "
              f"{d[:, 0].min():.3f}).", ""]
    return lines


PAIRS_PER_STORY = 6


def two_article_stories(stories: list[dict]) -> list[dict]:
    """Each ECB+ story cut to pairs of its articles (up to PAIRS_PER_STORY, drawn with a fixed seed), scored as
    stories of their own: the claims, vectors and gold sentences of the two articles alone."""
    import random

    rng = random.Random(0)
    out = []
    for st in stories:
        docs = sorted({s["doc"] for s in st["sentences"]})
        pairs = list(itertools.combinations(docs, 2))
        rng.shuffle(pairs)
        for pair in pairs[:PAIRS_PER_STORY]:
            rows = [i for i, c in enumerate(st["claims"]) if c.article_id in pair]
            claims = [st["claims"][i] for i in rows]
            if len({c.article_id for c in claims}) < 2:
                continue
            sub = {"claims": claims, "vectors": st["vectors"][rows], "copies": [], "split": st["split"],
                   "articles": [a for a in st["articles"] if a.id in pair],
                   "sentences": [x for x in st["sentences"] if x["doc"] in pair]}
            sub["prob"] = align.pair_probability(claims, sub["vectors"])
            out.append(sub)
    return out


def two_articles(stories: list[dict]) -> list[str]:
    """Fact alignment on stories of two articles, the seed's shape: with two sources the main event's words are
    whatever both leads share, and a story's closeness rests on two texts."""
    subs = two_article_stories(stories)
    lines = ["## Fact alignment on two-article stories (ECB+ stories cut to pairs of their articles)", "",
             "| method | split | stories | threshold | P | R | F1 | MCC |", "|---|---|---|---|---|---|---|---|"]
    for split in ("train", "dev"):
        n = sum(1 for x in subs if x["split"] == split)
        t, s = tuned(tfidf_scores, subs, split)
        lines.append(f"| TF-IDF sentence cosine (threshold tuned on train pairs) | {split} | {n} | {t:.3f} | {s['P']:.3f} | "
                     f"{s['R']:.3f} | {s['F1']:.3f} | {s['MCC']:.3f} |")
        ys, ps = [], []
        for sub in subs:
            if sub["split"] == split:
                ys += [y for _, _, y in gold_pairs(sub)]
                ps += fact_pairs(sub, align.THRESHOLD)
        s = scores(ys, ps)
        lines.append(f"| storyline facts | {split} | {n} | {align.THRESHOLD:.2f} | {s['P']:.3f} | {s['R']:.3f} | "
                     f"{s['F1']:.3f} | {s['MCC']:.3f} |")
    return lines + ["", f"Up to {PAIRS_PER_STORY} pairs of articles per ECB+ story, drawn with a fixed seed.", ""]


def _part(st: dict, k: int) -> tuple[list, list, np.ndarray]:
    """A story's first `k` articles with their claims and vectors (as prepared)."""
    arts = st["articles"][:k]
    ids = {a.id for a in arts}
    rows = [i for i, c in enumerate(st["claims"]) if c.article_id in ids]
    return arts, [st["claims"][i] for i in rows], st["vectors"][rows]


def _cross_facts(parts: list[tuple[list, list, np.ndarray]]) -> tuple[int, int]:
    """(facts citing articles of more than one part, of which main-event facts) when the parts are one story."""
    side = {a.id: k for k, (arts, _, _) in enumerate(parts) for a in arts}
    arts = [a for p in parts for a in p[0]]
    claims = [c for p in parts for c in p[1]]
    vectors = np.vstack([p[2] for p in parts])
    facts = align.facts_from_claims(claims, vectors, arts, [], align.THRESHOLD)
    crossing = [f for f in facts if len({side[x.id] for x in f.sources}) > 1]
    return len(crossing), sum(f.main_event for f in crossing)


def unrelated(stories: list[dict], trials: int = 100) -> list[str]:
    """Articles of two different ECB+ topics put in one story: every fact citing both is a false corroboration.

    Why: a story can hold an article by mistake (the clusterer's loose join, or stories a user gives), and the
    pair weights were fitted on stories whose annotated sentences all report one event. For contrast, the same
    number of articles of one story: how many facts cite both halves there.
    """
    import random

    lines = ["## Unrelated articles in one story (false corroboration)", "",
             "| articles | topics of | stories | facts citing both topics, per story | main-event facts citing both, "
             "share of stories | same count from one story: facts citing both halves, per story |",
             "|---|---|---|---|---|---|"]
    saved = align.EVIDENCE_COSINE, align.PARAPHRASE_COSINE
    for label, floor in (("shipped", saved), ("without the relatedness floor", (-2.0, -2.0))):
        align.EVIDENCE_COSINE, align.PARAPHRASE_COSINE = floor
        try:
            for split in ("train", "dev"):
                pool = [st for st in stories if st["split"] == split]
                for k in (1, 2):
                    rng = random.Random(k)
                    mixed, same = [0, 0], 0
                    for _ in range(trials):
                        a, b = rng.sample(pool, 2)
                        while a["id"].split("_")[0] == b["id"].split("_")[0]:
                            a, b = rng.sample(pool, 2)
                        n, m = _cross_facts([_part(a, k), _part(b, k)])
                        mixed[0] += n
                        mixed[1] += m > 0
                        arts, claims, vec = _part(a, 2 * k)
                        first = {x.id for x in arts[:k]}
                        halves = [([x for x in arts if (x.id in first) == h], [c for c in claims if (c.article_id in first) == h],
                                   vec[[i for i, c in enumerate(claims) if (c.article_id in first) == h]]) for h in (True, False)]
                        same += _cross_facts(halves)[0]
                    lines.append(f"| {k} + {k} ({label}) | {split} | {trials} | {mixed[0] / trials:.2f} | "
                                 f"{mixed[1] / trials:.2f} | {same / trials:.2f} |")
        finally:
            align.EVIDENCE_COSINE, align.PARAPHRASE_COSINE = saved
    lines += ["", f"Shipped: two claims can align only when their MiniLM cosine reaches {align.PARAPHRASE_COSINE}, or "
              f"{align.EVIDENCE_COSINE} with a shared name, number or {align.EVIDENCE_WORDS} content words, or they share "
              f"{align.EVIDENCE_WORDS} content words with TF-IDF cosine {align.EVIDENCE_TFIDF}; the main event "
              "takes its words from leads related to another source's lead, and keeps the main-event claims that hang "
              "together. Without the floor every pair counts as related.", ""]
    return lines


# SemEval-2022 Task 8 rates each pair of news articles 1 (same story) to 4 (unrelated) on "Overall".
PAIR_BUCKETS = (("same story (Overall <= 1.5)", 0.0, 1.5), ("related (1.5 < Overall < 3.5)", 1.5, 3.5),
                ("different stories (Overall >= 3.5)", 3.5, 9.0))


def real_pairs() -> list[str]:
    """Two real articles by different outlets briefed as one story (the seed's shape), grouped by how alike the
    SemEval-2022 annotators judged them: how many facts the brief marks corroborated.

    Why: a brief's value is telling what two outlets both report; for two reports of different stories (a user's
    wrong pick, a clusterer's loose join) every corroborated fact is false. The ECB+ mixes above are one kind of
    news (events); these pairs are the everyday mix of politics, sport, culture and business.
    """
    from storyline.ingest.jsonl import article_from_record

    rows = [json.loads(line) for line in open(DATA / "semeval2022_en_pairs_train.jsonl")]
    found: dict[str, list[tuple[int, int]]] = {b[0]: [] for b in PAIR_BUCKETS}
    with Progress() as prog:
        task = prog.add_task("briefing SemEval pairs", total=len(rows))
        for row in rows:
            arts = [article_from_record({"id": row[f"id{k}"], "text": row[f"text{k}"], "outlet": f"outlet {k}",
                                         "story": row["pair_id"]}, "semeval2022_en_pairs_train.jsonl") for k in (1, 2)]
            prog.advance(task)
            if not all(isinstance(a, Article) for a in arts) or arts[0].id == arts[1].id:
                continue
            copies = build_stories(arts, {a.id: row["pair_id"] for a in arts})[0].copies
            facts = align.align_facts(arts, analyze_articles(arts), copies)
            bucket = next(b[0] for b in PAIR_BUCKETS if b[1] < row["Overall"] <= b[2])
            found[bucket].append((sum(f.status == "corroborated" for f in facts), sum(f.main_event for f in facts)))
    lines = ["## Two real articles as one story (SemEval-2022 Task 8 English pairs)", "",
             "| annotators' judgement | pairs | corroborated facts per pair | pairs with a corroborated fact | "
             "pairs with a main event |", "|---|---|---|---|---|"]
    for bucket, got in found.items():
        n = max(len(got), 1)
        lines.append(f"| {bucket} | {len(got)} | {sum(c for c, _ in got) / n:.2f} | "
                     f"{sum(c > 0 for c, _ in got) / n:.2f} | {sum(m > 0 for _, m in got) / n:.2f} |")
    lines += ["", "Each pair is ingested as JSONL records (title and text joined as the data gives them) and briefed "
              "as one story of two outlets. On the different-stories row every corroborated fact is a false one.", ""]
    return lines


def _embedded(claims: list) -> int:
    """How many claims `align.score_claims` runs MiniLM on (its pruning rule, recomputed without embedding)."""
    n = len(claims)
    if n <= align.EMBED_ALL_BELOW:
        return n
    keep = align.worth_embedding(claims, align._cheap_features(claims)["tfidf"])
    sample = np.unique(np.linspace(0, n - 1, min(align.STORY_SAMPLE, n)).round().astype(int))
    return len(np.union1d(sample, np.flatnonzero(keep)))


def _throughput(texts: list[str]) -> float:
    t0 = time.perf_counter()
    embed(texts)
    return len(texts) / (time.perf_counter() - t0)


def speed(sizes: tuple[int, ...] = (2, 10, 35, 50)) -> list[str]:
    """Seconds per brief once the articles are analysed, on real news articles.

    PolNeAR dev articles in file order (long political articles, mostly of different stories: the claims of many
    articles with few shared facts), and the largest ECB+ gold story (articles of one event: most claims have a
    partner, so most are embedded). MiniLM throughput and the load average are taken before and after, because
    other jobs share the machine and the figures scale with the throughput.
    """
    from storyline.brief import build_brief

    rows = []
    for line in open(DATA / "polnear_train_dev.jsonl"):
        d = json.loads(line)
        if d.get("split") == "dev":
            rows.append(d)
        if len(rows) >= max(sizes):
            break
    arts = [Article(id=str(d["id"]), text=d["text"], title=d.get("title"), outlet=d.get("outlet"),
                    published=d.get("date"), blocks=line_blocks(d["text"])) for d in rows]
    ecb = max(load_stories(), key=lambda st: len(st["articles"]))
    cases = [(f"PolNeAR dev, first {n}", arts[:n]) for n in sizes] + [(f"ECB+ story {ecb['id']}", ecb["articles"])]
    with Progress() as prog:
        task = prog.add_task("analysing articles", total=len(arts) + len(ecb["articles"]))
        analyses = analyze_articles(arts, progress=lambda n: prog.advance(task, n))
        ecb_analyses = analyze_articles(ecb["articles"], progress=lambda n: prog.advance(task, n))
    embed(["warm up"])  # model load is once per process, not per brief
    sample = [" ".join(s.text.split()[: align.EMBED_WORDS]) for an in analyses for s in an.sentences][:600]
    rate_before, load_before = _throughput(sample), os.getloadavg()[0]
    lines = ["## Time per brief (articles already analysed)", "",
             "| story | articles | sentences | claims | claims embedded | seconds (best of 2) |",
             "|---|---|---|---|---|---|"]
    for name, case_arts in cases:
        case_an = ecb_analyses if name.startswith("ECB+") else analyses[: len(case_arts)]
        story = Story(name, [a.id for a in case_arts])
        best = None
        for _ in range(2):
            t0 = time.perf_counter()
            brief = build_brief(story, case_arts, case_an)
            el = time.perf_counter() - t0
            best = el if best is None else min(best, el)
        claims = align.story_claims(case_arts, case_an, [])
        n_sents = sum(len(a.sentences) for a in case_an)
        lines.append(f"| {name} | {len(case_arts)} | {n_sents} | {len(claims)} | {_embedded(claims)} | {best:.2f} |")
        print(lines[-1], f"({len(brief.facts)} facts)")
    rate_after, load_after = _throughput(sample), os.getloadavg()[0]
    lines += ["", f"MiniLM throughput in the same run, on {len(sample)} PolNeAR sentences cut to {align.EMBED_WORDS} "
              f"words: {rate_before:.0f} sentences/s before the briefs, {rate_after:.0f} after; 1-minute load average "
              f"{load_before:.1f} before, {load_after:.1f} after, on 2 cores (other engineers' jobs share the "
              "machine). Each brief also embeds its articles' titles. Claims embedded = claims with a TF-IDF "
              f"neighbour (>= {align.NEIGHBOUR_TFIDF}) in another article, the {align.EMBED_BUDGET} closest at most, "
              f"plus {align.STORY_SAMPLE} spread over the story for its mean similarity; all of them in stories of "
              f"at most {align.EMBED_ALL_BELOW} claims.",
              "", "PolNeAR articles are long (about 45 sentences each): 35 of them hold about the ~1,500 sentences "
              "of a typical 50-article story. Machine: 2 cores, no GPU.", ""]
    return lines


def timelines() -> list[str]:
    """Timeline date F1 against the SemEval-2015 Task 4 gold timelines (MEANTIME airbus and gm corpora).

    Each corpus is briefed as one story. For each target entity, gold is the set of (document, date) of its dated
    events ("2008-02-XX" counts as the month "2008-02"); storyline's are the (article, date) of the timeline entries
    whose text names the entity (its canonical name or any alias in the brief's entities). Micro P/R/F1 over all
    target entities. Document-level matching: the gold's event sentences are not compared.
    """
    from storyline.brief import build_brief

    docs = [json.loads(line) for line in open(DATA / "meantime_airbus_gm.jsonl")]
    gold_rows = [json.loads(line) for line in open(DATA / "timelines_airbus_gm.jsonl")]
    tp = fp = fn = 0
    per_corpus = {}
    with Progress() as prog:
        task = prog.add_task("briefing MEANTIME corpora", total=2)
        for topic in ("airbus", "gm"):
            rows = [d for d in docs if d["topic"] == f"corpus_{topic}"]
            # Read as `storyline run` reads a JSONL file: the title line is the headline, the date line a byline.
            arts = [_ingested({k: d.get(k) for k in ("id", "text", "title", "outlet", "date")}, "meantime_airbus_gm.jsonl")
                    for d in rows]
            brief = build_brief(Story(topic, [a.id for a in arts]), arts, analyze_articles(arts))
            per_corpus[topic] = brief
            prog.advance(task)
    for row in gold_rows:
        topic = "airbus" if row["corpus"] == "corpus_1" else "gm"
        brief = per_corpus[topic]
        target = next((t for t in row["corpus_target_entities"]
                       if t.lower().replace(" ", "_") == row["target_entity_file"]), row["target_entity_file"].replace("_", " "))
        names = {target.lower()}
        for e in brief.entities:
            if target.lower() in {e.name.lower(), *(a.lower() for a in e.aliases)}:
                names |= {e.name.lower(), *(a.lower() for a in e.aliases if len(a) > 2)}
        gold = set()
        for entry in row["entries"]:
            date = entry["date"].replace("-XX", "")
            if date[:4].isdigit():
                gold |= {(ev["doc_id"], date) for ev in entry["events"]}
        ours = {(a, e.date) for e in brief.timeline if any(n in e.text.lower() for n in names) for a in e.articles}
        tp += len(gold & ours)
        fp += len(ours - gold)
        fn += len(gold - ours)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return ["## Timeline dates (SemEval-2015 Task 4 gold timelines, MEANTIME airbus + gm)", "",
            "| target entities | gold (doc, date) | ours | P | R | F1 |", "|---|---|---|---|---|---|",
            f"| {len(gold_rows)} | {tp + fn} | {tp + fp} | {p:.3f} | {r:.3f} | {f:.3f} |", "",
            "Matching is by (document, date) at the gold's precision; an entry counts for an entity when its text "
            "names it.", ""]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--fit", action="store_true", help="refit the pair-score weights on train and print them")
    ap.add_argument("--cv", action="store_true", help="also score train facts with weights fitted on the other folds")
    ap.add_argument("--skip-align", action="store_true")
    ap.add_argument("--cache", type=Path, help="pickle of the analyses, to re-run quickly while tuning")
    ap.add_argument("--skip-speed", action="store_true")
    ap.add_argument("--skip-timeline", action="store_true")
    args = ap.parse_args(argv or [])  # called with no argv by benchmarks.run: defaults, not its own sys.argv
    command = " ".join(["cd /work/main && .venv/bin/python -m benchmarks.bench_brief", *(argv or [])])
    lines = ["# Brief benchmarks", "", f"Command: `{command}`  ",
             f"Date: {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC", ""]
    if not args.skip_align:
        stories = load_stories()
        lines += alignment(stories, args.fit, args.cache, args.cv)
        lines += topic_samples(stories)
        lines += two_articles(stories)
        lines += unrelated(stories)
        lines += real_pairs()
    if not args.skip_timeline:
        lines += timelines()
    if not args.skip_speed:
        lines += speed()
    write_result(OUT, lines)


if __name__ == "__main__":
    main(sys.argv[1:])
