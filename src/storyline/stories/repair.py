"""Late repair inside a live story: when its members fall into two clearly separated groups, split it.

Why: the greedy online join compounds its first wrong merge. Two events of one kind (two fights of one boxer, two
deaths of Watergate figures) share every generic word, so one early article of the second event can join the
first event's story, and from then on the merged profile attracts the rest of it. Once the story has a handful
of members the mistake is visible in a way no single join decision could see: the members split into two groups
by their distinctive names and years (Rahman/Mannheim vs Thompson/2012), while the generic event words are shared
by all. Looking only at the tokens that some but not all members use (inside-story rarity) turns those generic
words off, and a normalised cut finds the two groups and says how separated they are.

Only cased text is judged: names are the evidence, and lower-cased keyword input has none.
"""

from __future__ import annotations

import math
from collections import Counter

import numpy as np

from storyline.stories.score import Idf, Profile

SPLIT_MIN_GROUP = 3  # each side of a split needs this many members: a pair of near-duplicates is not an event
SPLIT_MAX_MEMBERS = 60  # beyond this a story is established; no more splits (also bounds the cost and memory)
SPLIT_NCUT = 0.3  # split when the normalised cut between the two groups is below this (chosen on ECB+ train)
# Sizes at which a story is checked: often while it is small (where wrong merges start), then more rarely.
SPLIT_CHECKS = frozenset({6, 7, 8, 9, 10, 12, 14, 16, 19, 22, 26, 30, 35, 40, 46, 53, 60})


def _bags(members: list[Profile], idf: Idf) -> list[dict[str, float]]:
    """Unit vectors of each member's names and years, weighted by stream rarity times inside-story rarity."""
    raw = []
    for m in members:
        b = {"@" + t: w for t, w in m.names.items()}
        for y in m.years:
            b[f"#{y}"] = 1.0
        raw.append(b)
    n = len(raw)
    sdf = Counter(t for b in raw for t in b)
    out = []
    for b in raw:
        v = {t: w * idf(t.lstrip("@")) * math.log((n + 1) / sdf[t]) for t, w in b.items() if sdf[t] >= 2}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        out.append({t: x / norm for t, x in v.items()})
    return out


def _affinity(members: list[Profile], idf: Idf) -> tuple[np.ndarray, np.ndarray] | None:
    """Member-by-member affinity (cosine of the distinctive-token bags) and its row sums; None when some member
    shares no distinctive token with anyone (no evidence either way)."""
    n = len(members)
    vecs = _bags(members, idf)
    w = np.zeros((n, n))
    for i in range(n):
        vi = vecs[i]
        for j in range(i + 1, n):
            vj = vecs[j]
            s = sum(x * vj.get(t, 0.0) for t, x in vi.items())
            w[i, j] = w[j, i] = s
    d = w.sum(axis=1)
    if np.any(d <= 1e-9):
        return None
    return w, d


def _ncut(w: np.ndarray, d: np.ndarray, a: list[int], b: list[int]) -> float:
    cut = float(w[np.ix_(a, b)].sum())
    return cut / float(d[a].sum()) + cut / float(d[b].sum())


def _spectral(w: np.ndarray, d: np.ndarray) -> tuple[list[int], list[int], float] | None:
    n = len(d)
    lap = np.eye(n) - w / np.sqrt(np.outer(d, d))
    _, ev = np.linalg.eigh(lap)
    f = ev[:, 1] / np.sqrt(d)
    best: tuple[float, list[int], list[int]] | None = None
    for th in np.unique(f)[1:]:
        a = [i for i in range(n) if f[i] < th]
        b = [i for i in range(n) if f[i] >= th]
        if len(a) < SPLIT_MIN_GROUP or len(b) < SPLIT_MIN_GROUP:
            continue
        ncut = _ncut(w, d, a, b)
        if best is None or ncut < best[0]:
            best = (ncut, a, b)
    if best is None:
        return None
    return best[1], best[2], best[0]


def best_split(members: list[Profile], idf: Idf) -> tuple[list[int], list[int], float] | None:
    """The two groups (member indices) of the best normalised-cut bisection and its cut value, or None when the
    story has no such split with SPLIT_MIN_GROUP members a side.

    Spectral bisection (the Fiedler vector of the normalised Laplacian), then the threshold along it with the
    lowest normalised cut: cut/vol(A) + cut/vol(B), 0 for two unconnected groups, about 1 or more for one group."""
    if len(members) < 2 * SPLIT_MIN_GROUP:
        return None
    aff = _affinity(members, idf)
    if aff is None:
        return None
    return _spectral(*aff)


# A weaker cut is enough when the two groups were also written in different years (see dated_apart). Chosen on
# ECB+ train; one value for every input.
SPLIT_NCUT_DATED = 0.7
DATED_SHARE = 0.6  # "most of a group": the share of its members whose dateline carries the year


def dated_apart(members: list[Profile], a: list[int], b: list[int]) -> bool:
    """True when most of one group carry a dateline year that no member of the other group carries in its own
    dateline and fewer than half of them mention at all.

    Why: two events of one kind are often the same kind of event some years apart (two elections, two emergency
    patches, a coach hired in 2005 and fired in 2008), and their reports share nearly every name; the year a
    report is datelined with is then what tells them apart. A report of the other event may still recall that
    year in its body ("hired in 2005"), so a few mentions there are history, not a dateline. Only the fewer-than-
    half allowance is new since ECB+ train was tuned: on train it changes nothing (every order, and no added false
    split among 946 random draws of single events), on dev it separates the 2005/2008 Cheeks stories."""
    for x, y in ((a, b), (b, a)):
        counts: dict[int, int] = {}
        for i in y:
            for yr in members[i].head_years:
                counts[yr] = counts.get(yr, 0) + 1
        for yr, c in counts.items():
            if c < DATED_SHARE * len(y) or any(yr in members[i].head_years for i in x):
                continue
            if 2 * sum(1 for i in x if yr in members[i].years) < len(x):
                return True
    return False


def _dated_groups(members: list[Profile]) -> list[tuple[list[int], list[int]]]:
    """Bisections by a dateline year: the members that mention it vs the members that never do."""
    counts: dict[int, int] = {}
    for m in members:
        for yr in m.head_years:
            counts[yr] = counts.get(yr, 0) + 1
    out = []
    for yr, c in sorted(counts.items()):
        if c < SPLIT_MIN_GROUP:
            continue
        b = [i for i, m in enumerate(members) if yr in m.years]
        a = [i for i, m in enumerate(members) if yr not in m.years]
        if len(a) >= SPLIT_MIN_GROUP and c >= DATED_SHARE * len(b):
            out.append((a, b))
    return out


def should_split(members: list[Profile], idf: Idf) -> tuple[list[int], list[int]] | None:
    """(founder's group, other group) as member indices when the story is two events, else None.
    Member 0 is the founder.

    Two kinds of evidence: the names and years fall into two groups with a clear cut (SPLIT_NCUT); or a weaker
    cut (SPLIT_NCUT_DATED) between groups written in different years -- the names' own best bisection when it
    separates dateline years, else the bisection by a dateline year itself."""
    if not all(m.has_case for m in members) or len(members) < 2 * SPLIT_MIN_GROUP:
        return None
    aff = _affinity(members, idf)
    if aff is None:
        return None
    w, d = aff
    found = _spectral(w, d)
    chosen: tuple[list[int], list[int]] | None = None
    if found is not None and (found[2] < SPLIT_NCUT or (found[2] < SPLIT_NCUT_DATED
                                                         and dated_apart(members, found[0], found[1]))):
        chosen = found[0], found[1]
    else:
        cuts = [(_ncut(w, d, a, b), a, b) for a, b in _dated_groups(members)]
        cuts = [c for c in cuts if c[0] < SPLIT_NCUT_DATED]
        if cuts:
            _, a, b = min(cuts)
            chosen = a, b
    if chosen is None:
        return None
    a, b = chosen
    return (a, b) if 0 in a else (b, a)
