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

from storyline.model import Article
from storyline.nlp.analyze import _blocks, _parsed
from storyline.nlp.quotes import verb_candidates

DATA = Path(__file__).resolve().parents[4] / "shared" / "data" / "polnear_train_dev.jsonl"
OUT = Path(__file__).parent / "data" / "cue_model.json"


def _examples(split: str, skip: int = 0) -> tuple[list[dict[str, float]], list[int]]:
    rows = [json.loads(x) for x in DATA.open(encoding="utf-8")]
    rows = [r for r in rows if r["split"] == split][skip:]
    arts = [Article(id=r["id"], text=r["text"]) for r in rows]
    blocks = [_blocks(a) for a in arts]
    feats: list[dict[str, float]] = []
    labels: list[int] = []
    for r, docs in zip(rows, _parsed(arts, blocks)):
        cues = [(c["start"], c["end"]) for g in r["quotes"] for c in g["cue"]]
        for quote, f in verb_candidates(docs, r["text"]):
            cue = quote.cue
            hit = cue is not None and any(s < cue.end and cue.start < e for s, e in cues)
            feats.append(f)
            labels.append(int(hit))
    return feats, labels


def main() -> None:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    if not DATA.exists():
        sys.exit(f"PolNeAR not found at {DATA}")
    # `--holdout N OUT`: leave the first N train articles out (to tune rules on them), write the model to OUT
    skip, out = (int(sys.argv[2]), Path(sys.argv[3])) if len(sys.argv) > 3 and sys.argv[1] == "--holdout" else (0, OUT)
    x_dicts, y = _examples("train", skip)
    vec = DictVectorizer()
    x = vec.fit_transform(x_dicts)
    clf = LogisticRegression(C=0.5, max_iter=2000)
    clf.fit(x, y)
    prob = clf.predict_proba(x)[:, 1]
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
    out.write_text(json.dumps({"source": "PolNeAR train split, logistic regression (C=0.5)",
                               "bias": round(float(clf.intercept_[0]), 4), "threshold": round(best[1], 2),
                               "train_cue_f1": round(best[0], 4), "weights": weights}, indent=0, sort_keys=True),
                   encoding="utf-8")
    print(f"{len(y)} candidates, {sum(y)} cues; train cue F1 {best[0]:.3f} at threshold {best[1]:.2f}; {out}")


if __name__ == "__main__":
    main()
