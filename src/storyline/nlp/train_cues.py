"""Train the attribution cue model on PolNeAR train: which verbs of a parse report what someone said or holds.

Why learned: which verbs count as an attribution cue ("said" always, "supports" as a stance, "included" never) is
a matter of convention that a list of reporting verbs captures only in part; a logistic model over the verb's
lemma, the shape of its complement and the kind of its subject learns the convention from 840 annotated articles.
The rules in `quotes.py` still find the candidates and their spans; the model only decides which to keep.

Run: cd /work/main && .venv/bin/python -m storyline.nlp.train_cues   (writes nlp/data/cue_model.json)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

from storyline.model import Article, Quote
from storyline.nlp.analyze import _blocks, _parsed
from storyline.nlp.quotes import verb_candidates

DATA = Path(__file__).resolve().parents[4] / "shared" / "data" / "polnear_train_dev.jsonl"
OUT = Path(__file__).parent / "data" / "cue_model.json"
C = 0.15  # inverse regularisation: the context features (neighbour words, subject head) overfit at 0.5


def _examples(split: str, skip: int = 0) -> tuple[list[dict[str, float]], list[int]]:
    rows = [json.loads(x) for x in DATA.open(encoding="utf-8")]
    rows = [r for r in rows if r["split"] == split][skip:]
    arts = [Article(id=r["id"], text=r["text"]) for r in rows]
    blocks = [_blocks(a) for a in arts]
    feats: list[dict[str, float]] = []
    labels: list[int] = []
    for r, docs in zip(rows, _parsed(arts, blocks)):
        feats_, labels_ = label_candidates(verb_candidates(docs, r["text"]), r["quotes"])
        feats.extend(feats_)
        labels.extend(labels_)
    return feats, labels


def label_candidates(cands: list[tuple[Quote, dict[str, float]]], gold: list[dict]) -> tuple[list[dict[str, float]], list[int]]:
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


def main() -> None:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import cross_val_predict

    if not DATA.exists():
        sys.exit(f"PolNeAR not found at {DATA}")
    # `--holdout N OUT`: leave the first N train articles out (to tune rules on them), write the model to OUT
    skip, out = (int(sys.argv[2]), Path(sys.argv[3])) if len(sys.argv) > 3 and sys.argv[1] == "--holdout" else (0, OUT)
    x_dicts, y = _examples("train", skip)
    vec = DictVectorizer()
    x = vec.fit_transform(x_dicts)
    clf = LogisticRegression(C=C, max_iter=3000)
    # the threshold is chosen on out-of-fold probabilities: in-sample ones are overconfident and pick it too high
    prob = cross_val_predict(clf, x, y, cv=3, method="predict_proba")[:, 1]
    clf.fit(x, y)
    yy = np.array(y)
    best = (0.0, 0.5)
    for t in np.arange(0.2, 0.8, 0.02):
        pred = prob >= t
        tp = float((pred & (yy == 1)).sum())
        p = tp / max(pred.sum(), 1)
        r = tp / max((yy == 1).sum(), 1)
        f = 2 * p * r / max(p + r, 1e-9)
        best = max(best, (f, float(t)))
    weights = {name: round(float(w), 4) for name, w in zip(vec.get_feature_names_out(), clf.coef_[0]) if abs(w) > 1e-3}
    out.write_text(json.dumps({"source": f"PolNeAR train split, logistic regression (C={C}), threshold by 3-fold out-of-fold cue F1",
                               "bias": round(float(clf.intercept_[0]), 4), "threshold": round(best[1], 2),
                               "train_cue_f1": round(best[0], 4), "weights": weights}, indent=0, sort_keys=True),
                   encoding="utf-8")
    print(f"{len(y)} candidates, {sum(y)} cues; train cue F1 {best[0]:.3f} at threshold {best[1]:.2f}; {out}")


if __name__ == "__main__":
    main()
