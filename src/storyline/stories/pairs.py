"""The same-story score of `storyline pairs`: its own small model over sentence embeddings of the two texts.

Why not the clusterer's model: the clusterer must tell two earthquakes apart (same kind, different event), where
MiniLM is of little help, and it runs on cheap signals for speed. A pair score is asked for rarely and is judged
by how well it follows human "same story" ratings, which MiniLM follows closely: the cosine of the two leads
(title + first words) and of the two texts (the first 256 word pieces) together give 5-fold cross-validated
Pearson 0.886 on the SemEval-2022 pairs, where the clusterer's model gives 0.844. The weights are trained on
those pairs only (benchmarks/train_story_model.py) and ship as JSON. Without the embedding model the caller falls
back to the clusterer's cheap score.
"""

from __future__ import annotations

import functools
import json
import math
from pathlib import Path

import numpy as np

from storyline.model import Article
from storyline.stories.features import article_features

PAIR_MODEL_PATH = Path(__file__).parent / "data" / "pair_model.json"
PAIR_FEATURES = ("cos_lead", "cos_text")


def row_articles(rows: list[dict]) -> list[tuple[Article, Article]]:
    """The two articles of each row as `storyline pairs` reads them (text1/title1/date1, text2/...)."""
    out = []
    for k, r in enumerate(rows):
        pair = []
        for side in ("1", "2"):
            text = r.get("text" + side) or ""
            title = r.get("title" + side)
            date = r.get("date" + side)
            pair.append(Article(id=f"{k}-{side}", text=str(text), title=str(title) if title else None,
                                published=str(date) if date else None))
        out.append((pair[0], pair[1]))
    return out


def _whole_text(a: Article) -> str:
    """Title + body, the title not repeated when the body starts with it (the embedding reads its head)."""
    body = (a.body_text() or a.text or "").strip()
    title = (a.title or "").strip()
    if title and not body.startswith(title):
        return title + ".\n" + body
    return body


def embedding_features(pairs: list[tuple[Article, Article]]) -> np.ndarray:
    """(n, 2) array: cosine of the leads and of the whole texts of each pair, in PAIR_FEATURES order.
    Raises when the embedding model cannot be loaded."""
    lv, tv = article_vectors([a for pair in pairs for a in pair])
    n = len(pairs)
    out = np.zeros((n, len(PAIR_FEATURES)))
    for k in range(n):
        out[k, 0] = float(lv[2 * k] @ lv[2 * k + 1])
        out[k, 1] = float(tv[2 * k] @ tv[2 * k + 1])
    return out


def article_vectors(articles: list[Article]) -> tuple[np.ndarray, np.ndarray]:
    """MiniLM vectors of each article's lead and of its whole text (rows in input order), for PAIR_FEATURES.
    Raises when the embedding model cannot be loaded."""
    from storyline.nlp.embed import embed

    n = len(articles)
    vecs = embed([article_features(a).lead for a in articles] + [_whole_text(a) for a in articles])
    return vecs[:n], vecs[n:]


@functools.lru_cache(maxsize=1)
def load_pair_model() -> dict | None:
    """The trained pair weights, or None when the file is missing (the caller then uses the cheap score)."""
    if not PAIR_MODEL_PATH.exists():
        return None
    model = json.loads(PAIR_MODEL_PATH.read_text())
    return model if tuple(model.get("features", ())) == PAIR_FEATURES else None


def pair_model_probabilities(x: np.ndarray, model: dict) -> list[float]:
    """Logistic probabilities of the rows of `x` (PAIR_FEATURES order) under `model`."""
    out = []
    for row in x:
        z = model["intercept"] + sum(c * float(v) for c, v in zip(model["coef"], row))
        out.append(1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z)))))
    return out
