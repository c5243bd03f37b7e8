"""Train the attribution cue model on PolNeAR train: which verbs (and reporting nouns) of a parse report what
someone said or holds.

Why learned: which words count as an attribution cue ("said" always, "supports" as a stance, "included" never) is
a matter of convention that a list of reporting verbs captures only in part; a logistic model over the cue's
lemma, the shape of its complement, the kind of its subject and a little context learns the convention from 840
annotated articles. The rules in `quotes.py` still find the candidates and their spans; the model only decides
which to keep.

Why the thresholds are chosen end to end on held-out folds: the model is trained per candidate, but what a user
gets (and the benchmark scores) is the article's attributions after merging quotations and dropping duplicates; the
keep threshold that maximises that content-overlap F1 on folds the model did not see is lower than the one that
maximises per-candidate F1 on the training data itself. A second, higher threshold applies to an attribution
nested inside another's content ("said that Rubio's claim that ..."): most of those repeat a part of the outer
claim, and the F1 they cost is only visible after the article's attributions are put together.

Run: cd /work/main && .venv/bin/python -m storyline.nlp.train_cues   (writes nlp/data/cue_model.json.gz)
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

from spacy.tokens import Doc

from storyline.model import Article, Quote
from storyline.nlp.analyze import _blocks, _parsed
from storyline.nlp.quotes import find_quotes, verb_candidates

DATA = Path(__file__).resolve().parents[4] / "shared" / "data" / "polnear_train_dev.jsonl"
OUT = Path(__file__).parent / "data" / "cue_model.json.gz"
C = 0.15  # inverse regularisation: the context features (neighbour words, subject head) overfit at 0.5
FOLDS = 3
THRESHOLDS = (0.25, 0.3, 0.35, 0.4, 0.45)
TIE = 0.002
NESTED = (0.5, 0.6, 0.7, 0.8, 1.0)
CUE_SLACK = 0.005


def _articles(split: str) -> tuple[list[dict], list[list[tuple[int, Doc]]]]:
    rows = [json.loads(x) for x in DATA.open(encoding="utf-8")]
    rows = [r for r in rows if r["split"] == split]
    arts = [Article(id=r["id"], text=r["text"]) for r in rows]
    blocks = [_blocks(a) for a in arts]
    return rows, list(_parsed(arts, blocks))


def label_candidates(cands: list[tuple[Quote, dict[str, float]]],
                     gold: list[dict]) -> tuple[list[dict[str, float]], list[int]]:
    """A candidate is positive when its cue overlaps a gold cue AND its content overlaps that attribution's
    content: a right cue with the wrong content costs a false positive and gains nothing, so it is taught as
    a negative (this alone moved dev F1 by about half a point)."""
    gold = [g for g in gold if g["content"]]
    feats, labels = [], []
    for quote, f in cands:
        cue, q = quote.cue, quote.content
        ok = cue is not None and any(
            any(c["start"] < cue.end and cue.start < c["end"] for c in g["cue"])
            and any(c["start"] < q.end and q.start < c["end"] for c in g["content"])
            for g in gold
        )
        feats.append(f)
        labels.append(int(ok))
    return feats, labels


def content_f1(rows: list[dict], parsed: list[list[tuple[int, Doc]]], model: dict) -> tuple[int, int, int, int]:
    """(matched, predicted, gold, matched with the right cue) with the benchmark's one-to-one pairing by content
    Jaccard (most similar first)."""
    tp = npred = ngold = cue_ok = 0
    for r, docs in zip(rows, parsed):
        quotes = find_quotes(docs, r["text"], model)
        golds = [g for g in r["quotes"] if g["content"]]
        gold = [[(c["start"], c["end"]) for c in g["content"]] for g in golds]
        npred += len(quotes)
        ngold += len(gold)
        pairs = []
        for i, q in enumerate(quotes):
            for j, g in enumerate(gold):
                o = sum(max(0, min(q.content.end, e) - max(q.content.start, s)) for s, e in g)
                if o > 0:
                    glen = sum(e - s for s, e in g)
                    pairs.append((o / (glen + q.content.end - q.content.start - o), i, j))
        used_p: set[int] = set()
        used_g: set[int] = set()
        for _jac, i, j in sorted(pairs, reverse=True):
            if i not in used_p and j not in used_g:
                used_p.add(i)
                used_g.add(j)
                tp += 1
                cue = quotes[i].cue
                cue_ok += cue is not None and any(c["start"] < cue.end and cue.start < c["end"] for c in golds[j]["cue"])
    return tp, npred, ngold, cue_ok


def _fit(feats: list[dict[str, float]], labels: list[int]) -> dict:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    clf = LogisticRegression(C=C, max_iter=3000)
    clf.fit(vec.fit_transform(feats), labels)
    weights = {name: round(float(w), 4) for name, w in zip(vec.get_feature_names_out(), clf.coef_[0]) if abs(w) > 1e-3}
    return {"bias": round(float(clf.intercept_[0]), 4), "weights": weights, "threshold": 0.5}


def main() -> None:
    if not DATA.exists():
        sys.exit(f"PolNeAR not found at {DATA}")
    rows, parsed = _articles("train")
    per = [label_candidates(verb_candidates(docs, r["text"]), r["quotes"]) for r, docs in zip(rows, parsed)]
    folds = [_fit([f for i in range(len(rows)) if i % FOLDS != k for f in per[i][0]],
                  [y for i in range(len(rows)) if i % FOLDS != k for y in per[i][1]]) for k in range(FOLDS)]

    def heldout(threshold: float, nested: float) -> tuple[float, float]:
        """Content-overlap F1 and cue accuracy over the held-out folds, each scored by the model that did not
        see it."""
        tp = npred = ngold = cue_ok = 0
        for k, model in enumerate(folds):
            held = [i for i in range(len(rows)) if i % FOLDS == k]
            got = content_f1([rows[i] for i in held], [parsed[i] for i in held],
                             model | {"threshold": threshold, "nested_threshold": nested})
            tp, npred, ngold, cue_ok = tp + got[0], npred + got[1], ngold + got[2], cue_ok + got[3]
        return (2 * tp / (npred + ngold) if npred + ngold else 0.0), (cue_ok / tp if tp else 0.0)

    # The keep threshold first (plain model; near-ties go to the stricter threshold, whose cues are more often
    # right), then the nested threshold with the best content F1 that costs at most CUE_SLACK of cue accuracy:
    # dropping a nested attribution lets the outer one pair with the inner one's gold content, a match with the
    # wrong cue.
    grid = {(t, 0.0): heldout(t, 0.0) for t in THRESHOLDS}
    top = max(f1 for f1, _acc in grid.values())
    best_t = max(t for t in THRESHOLDS if grid[t, 0.0][0] >= top - TIE)
    grid |= {(best_t, n): heldout(best_t, n) for n in NESTED if n > best_t}
    floor = grid[best_t, 0.0][1] - CUE_SLACK
    best_n = max((n for (t, n), (_f1, acc) in grid.items() if t == best_t and acc >= floor),
                 key=lambda n: grid[best_t, n][0])
    feats = [f for fs, _ in per for f in fs]
    labels = [y for _, ys in per for y in ys]
    model = _fit(feats, labels)
    model |= {"threshold": best_t, "nested_threshold": best_n, "heldout_content_f1": round(grid[best_t, best_n][0], 4),
              "heldout_cue_accuracy": round(grid[best_t, best_n][1], 4),
              "source": f"PolNeAR train split, logistic regression (C={C}), thresholds by {FOLDS}-fold held-out "
                        "content-overlap F1"}
    # mtime=0: the same training run writes the same bytes, so a retrain that changes nothing changes no file.
    OUT.write_bytes(gzip.compress(json.dumps(model, indent=0, sort_keys=True).encode("utf-8"), mtime=0))
    print(f"{len(labels)} candidates, {sum(labels)} positive; held-out (content F1, cue accuracy) by (threshold, "
          "nested threshold): " + ", ".join(f"{k}: {v[0]:.3f} {v[1]:.3f}" for k, v in grid.items())
          + f"; cue floor {floor:.3f}; kept {(best_t, best_n)}; wrote {OUT}")


if __name__ == "__main__":
    main()
