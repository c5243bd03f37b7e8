"""Wire copies: one text republished by several outlets, lightly edited (MinHash LSH over word shingles).

Why it matters: a wire story carried by five outlets is one source, not five; the brief must not count it as
corroboration. LSH finds candidate pairs without comparing all pairs; each candidate is then checked on the
exact shingle Jaccard so that two texts that merely share a topic never count as copies.
"""

from __future__ import annotations

import re

from datasketch import MinHash, MinHashLSH

from storyline.model import Article

SHINGLE = 3  # words per shingle: an edited word breaks only three shingles
NUM_PERM = 128
THRESHOLD = 0.5  # Jaccard of shingle sets above which two texts are one text lightly edited
MIN_WORDS = 20  # shorter texts share shingles by chance (headlines, captions)
_WORD = re.compile(r"\w+")


def shingles(text: str) -> set[str]:
    words = _WORD.findall(text.lower())
    return {" ".join(words[i : i + SHINGLE]) for i in range(max(0, len(words) - SHINGLE + 1))}


def find_copies(articles: list[Article]) -> list[list[str]]:
    """Groups (two or more) of article ids whose body texts are the same text lightly edited, in input order."""
    sets: dict[str, set[str]] = {}
    for a in articles:
        body = a.body_text() or a.text or ""
        if len(body.split()) >= MIN_WORDS and a.id not in sets:
            sets[a.id] = shingles(body)
    if len(sets) < 2:
        return []
    lsh = MinHashLSH(threshold=THRESHOLD * 0.8, num_perm=NUM_PERM)
    parent = {i: i for i in sets}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    ids = list(sets)
    hashes = MinHash.bulk([[s.encode("utf-8") for s in sets[i]] for i in ids], num_perm=NUM_PERM)
    for i, m in zip(ids, hashes):
        for j in lsh.query(m):
            a, b = sets[i], sets[j]
            if len(a & b) / max(1, len(a | b)) >= THRESHOLD:
                parent[find(i)] = find(j)
        lsh.insert(i, m)
    groups: dict[str, list[str]] = {}
    for i in ids:
        groups.setdefault(find(i), []).append(i)
    return [g for g in groups.values() if len(g) >= 2]
