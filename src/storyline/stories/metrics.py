"""Clustering scores used by the benchmarks and tests: BCubed, pairwise F1 and NMI against gold stories.

Why BCubed: it scores every article by how pure and how complete its own story is, so one giant wrong merge
or a shower of singletons both show, unlike purity alone.
"""

from __future__ import annotations

from collections import Counter


def bcubed(pred: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    """BCubed precision, recall and F1 over the articles in `gold`."""
    ids = [i for i in gold if i in pred]
    if not ids:
        return 0.0, 0.0, 0.0
    both = Counter((pred[i], gold[i]) for i in ids)
    psize = Counter(pred[i] for i in ids)
    gsize = Counter(gold[i] for i in ids)
    p = sum(n * n / psize[c] for (c, _), n in both.items()) / len(ids)
    r = sum(n * n / gsize[g] for (_, g), n in both.items()) / len(ids)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def pairwise(pred: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    """Precision, recall and F1 over all pairs of articles put (or belonging) in one story."""
    ids = [i for i in gold if i in pred]
    pairs = lambda c: sum(n * (n - 1) // 2 for n in c.values())  # noqa: E731
    tp = pairs(Counter((pred[i], gold[i]) for i in ids))
    pp = pairs(Counter(pred[i] for i in ids))
    gp = pairs(Counter(gold[i] for i in ids))
    p = tp / pp if pp else 1.0
    r = tp / gp if gp else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def nmi(pred: dict[str, str], gold: dict[str, str]) -> float:
    """Normalised mutual information (arithmetic mean normalisation, as sklearn and the published results)."""
    from sklearn.metrics import normalized_mutual_info_score

    ids = [i for i in gold if i in pred]
    return float(normalized_mutual_info_score([gold[i] for i in ids], [pred[i] for i in ids]))
