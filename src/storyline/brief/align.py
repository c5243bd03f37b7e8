"""Fact alignment: which claims of different articles state the same fact, and where outlets disagree.

How (measured in benchmarks/bench_brief.py on the ECB+ alignments): a logistic score over cheap pair features —
MiniLM sentence cosine, TF-IDF cosine over stems, stem/entity overlap, agreeing numbers and dates — plus how
tightly the whole story hangs together (its mean cross-article similarity), because in a tight story most claims
are about the one event. Two claims that share neither meaning nor an anchor (a name, a number, several words) are
never one fact, however the story scores (`EVIDENCE_COSINE`). Claims are then grouped by average-linkage clustering on that score, so one fact is a
group of claims whose members agree on average, not a chain of look-alikes.

Speed: the cheap features are computed for all pairs at once with sparse products, and MiniLM runs only on the
claims that share enough words with some claim of another article (`worth_embedding`): embedding is most of a
brief's time, and a claim with no such neighbour is a single-source fact either way.

Wire copies are aligned once (their first article stands for the group) and then every copy is cited, so a wire
text republished by three outlets counts as one source.

One fact is the story's main event (`Fact.main_event`): besides the claims that state it, it cites every sentence
that mentions the event in the words (or numbers) most outlets lead with, and every sentence that other outlets'
main-event sentences resemble most, so a reader sees where each outlet reports it. A second fact
(`Fact.second_event`) does the same for the story's next development, in the words the leads share besides the
main event's (the arrest after a shooting, the arson inquiry after a fire).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from difflib import SequenceMatcher

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse import csr_matrix
from spacy.lang.en.stop_words import STOP_WORDS

from storyline.brief.claims import Claim, split_claims
from storyline.brief.text import (content_stems, figure_scope, quantity_context, quantity_starts, ranges_meet, readable,
                                  stem, stems_after, stems_before)
from storyline.model import Analysis, Article, Fact, SourceSpan
from storyline.nlp.entities import TITLES

# Pair-score features, in the order of WEIGHTS. Fitted on the ECB+ train topics with
# `python -m benchmarks.bench_brief --fit` (logistic regression); dev figures are in benchmarks/results/brief.md.
FEATURES = ("emb", "tfidf", "stems", "entities", "numbers", "dates", "story_emb", "story_tfidf")
WEIGHTS = np.array([1.81, 5.99, -3.45, 0.68, 0.87, 2.01, -1.99, 0.9], dtype=np.float32)
BIAS = 0.13
# Claims whose mean pair probability reaches this form one fact. Chosen on ECB+ train among 0.4-0.8 (MCC is
# flat there) at the strict end, because a fact in a brief must be one claim, not one topic.
THRESHOLD = 0.75
# A claim outside a fact also states it when its mean probability to the fact's members reaches this: a sentence
# can carry several facts, and an outlet may state one fact twice. On ECB+ (bench_brief) attaching at 0.85 lifted
# fact-level MCC from 0.155 to 0.228 on train (0.231 to 0.321 on dev) when first measured. Rechecked with the
# main-event and second-development facts (fact MCC, train / dev): 0.9 0.315 / 0.419, 0.85 0.316 / 0.425,
# 0.82 0.322 / 0.436, 0.81 0.328 / 0.432, 0.8 0.330 / 0.426. Below 0.82 the seed brief cites loosely related
# sentences ("Despite repeated assurances from Pyongyang ..." with the Russian officials' follow-up visit); at
# 0.82 the new sources it gains are the same fact in the other outlet's words ("Last month, a Russian delegation
# led by Defense Minister Sergei Shoigu traveled to North Korea ..." with Kirby's account of that visit).
ATTACH = 0.82
# Two members of one fact conflict when they look alike this much (MiniLM cosine; for names, or a Jaccard stem
# overlap of CONFLICT_WORDS with the names left out) yet state different numbers, dates or names.
CONFLICT_SIMILARITY = {"numbers": 0.6, "dates": 0.6, "people": 0.6}
CONFLICT_WORDS = 0.7
# Two claims can state one fact only when they are related: alike in meaning (MiniLM cosine PARAPHRASE_COSINE), or
# somewhat alike (EVIDENCE_COSINE) and anchored by a shared name, number or EVIDENCE_WORDS content words, or
# sharing those words with TF-IDF cosine EVIDENCE_TFIDF. Otherwise their pair score is held at UNRELATED, below every
# threshold. Why: the weights were fitted on ECB+, whose annotated sentences all report one event (3 in 4 pairs
# align), so the score leans on the story's closeness and on agreeing dates ("this year"): two unrelated articles
# put in one story shared about one "corroborated" fact ("Officials said the changes take effect in months" /
# "Officials are still considering an increase later in the year", cosine 0.55). Measured in bench_brief on pairs
# of articles of different ECB+ topics as one story: 1.32 / 0.77 such facts per story (train / dev topics) without
# the floor, 0.02 / 0.01 with it; fact MCC on the ECB+ stories themselves 0.288 / 0.416 -> 0.282 / 0.415.
EVIDENCE_COSINE = 0.4
PARAPHRASE_COSINE = 0.6
EVIDENCE_TFIDF = 0.2
EVIDENCE_WORDS = 3
UNRELATED = 0.5


def _binary(rows: list[set], vocab: dict) -> csr_matrix:
    indptr, indices = [0], []
    for items in rows:
        for it in items:
            indices.append(vocab.setdefault(it, len(vocab)))
        indptr.append(len(indices))
    return csr_matrix((np.ones(len(indices), dtype=np.float32), indices, indptr), shape=(len(rows), max(len(vocab), 1)))


def _jaccard(x: csr_matrix) -> np.ndarray:
    """Jaccard overlap of every pair of rows of a binary matrix, computed on the overlapping pairs only (sparse)."""
    inter = (x @ x.T).tocoo()
    size = np.asarray(x.sum(1)).ravel()
    union = size[inter.row] + size[inter.col] - inter.data
    out = np.zeros(x.shape[0] * x.shape[0], dtype=np.float32)
    out[inter.row * x.shape[0] + inter.col] = inter.data / np.maximum(union, 1e-9)
    return out.reshape(x.shape[0], x.shape[0])


def _overlap(x: csr_matrix) -> np.ndarray:
    """1 where two rows of a binary matrix share an item, else 0."""
    inter = (x @ x.T).tocoo()
    out = np.zeros(x.shape[0] * x.shape[0], dtype=np.float32)
    out[inter.row * x.shape[0] + inter.col] = 1.0
    return out.reshape(x.shape[0], x.shape[0])


def _cheap_features(claims: list[Claim]) -> dict[str, np.ndarray]:
    """The pair features that need no embedding (n x n each), and "story_tfidf" as a 0-d array."""
    n = len(claims)
    stems = _binary([c.stems for c in claims], {})
    df = np.asarray((stems > 0).sum(0)).ravel()
    idf = np.log((1 + n) / (1 + df)) + 1
    tf = stems.multiply(idf[None, :]).tocsr()
    norms = np.sqrt(np.asarray(tf.multiply(tf).sum(1)).ravel())
    tf = csr_matrix(tf.multiply(1 / np.maximum(norms, 1e-9)[:, None]))
    tfidf = (tf @ tf.T).toarray().astype(np.float32)
    ents = _jaccard(_binary([c.entities for c in claims], {}))
    nums = _binary([c.numbers for c in claims], {})
    dates = _binary([c.dates for c in claims], {})
    num_agree, date_agree = _overlap(nums), _overlap(dates)
    cross = _cross(claims)
    n_cross = int(cross.sum())
    story_tfidf = float((tfidf * cross).sum() / n_cross) if n_cross else 0.0
    return {"tfidf": tfidf, "stems": _jaccard(stems), "entities": ents, "numbers": num_agree, "dates": date_agree,
            "story_tfidf": np.float32(story_tfidf), "shared": (stems @ stems.T).toarray()}


def _cross(claims: list[Claim]) -> np.ndarray:
    """n x n: True where two claims come from different articles."""
    code: dict[str, int] = {}
    art = np.array([code.setdefault(c.article_id, len(code)) for c in claims], dtype=np.int32)
    return art[:, None] != art[None, :]


def story_similarity(claims: list[Claim], vectors: np.ndarray, rows: np.ndarray | None = None) -> float:
    """Mean MiniLM cosine between claims of different articles (over the claims `rows` when given)."""
    if rows is not None:
        claims, vectors = [claims[i] for i in rows], vectors[rows]
    cross = _cross(claims)
    n_cross = int(cross.sum())
    return float(((vectors @ vectors.T) * cross).sum() / n_cross) if n_cross else 0.0


def feature_matrices(claims: list[Claim], vectors: np.ndarray, story_emb: float | None = None) -> dict[str, np.ndarray]:
    """Every pair feature as an n x n matrix (FEATURES order), for scoring and for fitting the weights.

    `story_emb` is the story's mean cross-article cosine when `vectors` holds zeros for claims never embedded.
    """
    n = len(claims)
    feats = _cheap_features(claims)
    story_tfidf = float(feats.pop("story_tfidf"))
    feats.pop("shared")  # a count for the relatedness floor, not a feature
    emb = (vectors @ vectors.T).astype(np.float32)
    if story_emb is None:
        story_emb = story_similarity(claims, vectors)
    full = lambda v: np.full((n, n), v, dtype=np.float32)  # noqa: E731
    return {"emb": emb, **feats, "story_emb": full(story_emb), "story_tfidf": full(story_tfidf)}


def _logit_without_embedding(feats: dict[str, np.ndarray], story_emb: float) -> np.ndarray:
    """The pair logit minus its MiniLM-cosine term (every other feature, the story terms and the bias)."""
    w = dict(zip(FEATURES, WEIGHTS))
    logit = (BIAS + w["story_emb"] * story_emb + w["story_tfidf"] * float(feats["story_tfidf"])
             + w["tfidf"] * feats["tfidf"])
    for name in ("stems", "entities", "numbers", "dates"):
        logit += w[name] * feats[name]
    return logit.astype(np.float32)


def pair_probability(claims: list[Claim], vectors: np.ndarray, story_emb: float | None = None) -> np.ndarray:
    """P(same fact) for every pair of claims (n x n, symmetric).

    Claims whose vector is all zeros (never embedded, see `claim_vectors`) score with cosine 0, and then
    `story_emb` must be given, estimated from the claims that were embedded.
    """
    feats = _cheap_features(claims)
    if story_emb is None:
        story_emb = story_similarity(claims, vectors)
    return _probability(feats, vectors, story_emb)


def _probability(feats: dict[str, np.ndarray], vectors: np.ndarray, story_emb: float) -> np.ndarray:
    """The logistic pair score, held at UNRELATED at most where two claims share neither meaning nor words."""
    emb = (vectors @ vectors.T).astype(np.float32)
    logit = _logit_without_embedding(feats, story_emb) + WEIGHTS[FEATURES.index("emb")] * emb
    prob = 1 / (1 + np.exp(-logit))
    words = feats["shared"] >= EVIDENCE_WORDS
    anchored = words | (feats["entities"] > 0) | (feats["numbers"] > 0)
    related = (emb >= PARAPHRASE_COSINE) | ((emb >= EVIDENCE_COSINE) & anchored) | ((feats["tfidf"] >= EVIDENCE_TFIDF) & words)
    return np.where(related, prob, np.minimum(prob, UNRELATED)).astype(np.float32)


def cluster_claims(prob: np.ndarray, threshold: float = THRESHOLD, article_of: list[str] | None = None) -> list[list[int]]:
    """Groups of claim indices whose average pair probability reaches `threshold`.

    With `article_of`, a group holds at most one claim per article: a fact is stated once by each outlet, and
    this keeps one article's run of related sentences from chaining unrelated claims of others together.
    Greedy: the most probable pairs are joined first, and two groups join only when their average pair
    probability still reaches the threshold (average linkage with cannot-links).
    """
    n = len(prob)
    if n == 0:
        return []
    if article_of is None:
        if n == 1:
            return [[0]]
        iu = np.triu_indices(n, 1)
        tree = linkage((1 - prob)[iu].astype(np.float64), method="average")
        labels = fcluster(tree, 1 - threshold, criterion="distance")
        by_label: dict[int, list[int]] = defaultdict(list)
        for i, lab in enumerate(labels):
            by_label[int(lab)].append(i)
        return sorted(by_label.values(), key=lambda g: g[0])
    arts = np.array(article_of)
    cand = np.argwhere(np.triu(prob >= threshold, 1) & (arts[:, None] != arts[None, :]))
    order = np.argsort(-prob[cand[:, 0], cand[:, 1]], kind="stable")
    group_of = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    for k in order:
        i, j = cand[k]
        gi, gj = group_of[i], group_of[j]
        if gi == gj:
            continue
        a, b = members[gi], members[gj]
        if set(arts[a]) & set(arts[b]):
            continue
        if float(prob[np.ix_(a, b)].mean()) < threshold:
            continue
        if len(a) < len(b):
            gi, gj, a, b = gj, gi, b, a
        a.extend(b)
        for m in b:
            group_of[m] = gi
        del members[gj]
    return sorted((sorted(g) for g in members.values()), key=lambda g: g[0])


def source_groups(article_ids: list[str], copies: list[list[str]]) -> dict[str, str]:
    """Each article's source: the first article of its wire-copy group, or itself."""
    present = set(article_ids)
    rep = {a: a for a in article_ids}
    for group in copies:
        members = [a for a in article_ids if a in set(group) and a in present]
        for a in members:
            rep[a] = members[0]
    return rep


# A copy's sentence states a claim of its wire text when their content words overlap this much (Jaccard): outlets
# edit wire copies lightly (a word cut, a title added), so the claim's exact words are not always there.
SAME_IN_COPY = 0.6


def story_claims(articles: list[Article], analyses: list[Analysis], copies: list[list[str]]) -> list[Claim]:
    """The claims of every article, in article order, where a wire copy gives only what its wire text lacks.

    Why: a copy's sentences that restate its wire text are cited with the wire's claims (`_copy_spans`), so
    claiming them again would only cost time. But outlets edit copies: a rewritten lead or an added paragraph is
    still something the story says: dropping it lost those sentences from every fact (ECB+ fact MCC with such
    sentences dropped, train 0.261 / dev 0.355; claimed, 0.265 / 0.366).
    """
    rep = source_groups([a.id for a in articles], copies)
    out: list[Claim] = []
    wire: dict[str, list[Claim]] = {}
    for art, an in zip(articles, analyses):
        claims = split_claims(art, an)
        if rep[art.id] == art.id:
            wire[art.id] = claims
        else:
            source = next(a for a in articles if a.id == rep[art.id])
            claims = [c for c in claims if not _restates(c, source, wire.get(source.id, []))]
        out.extend(claims)
    return out


def _restates(claim: Claim, wire: Article, wire_claims: list[Claim]) -> bool:
    """Whether a copy's claim is its wire text's: the same words, or most of one wire claim's content words."""
    if claim.text in wire.text:
        return True
    return any(_word_overlap(claim.stems, c.stems) >= SAME_IN_COPY for c in wire_claims)


def _word_overlap(a: set[str], b: set[str]) -> float:
    """Jaccard overlap of two sets of content words."""
    return len(a & b) / len(a | b) if a | b else 0.0


_SENTENCE = re.compile(r"[^\n.!?]+(?:[.!?]+[\"”’']*|$)")


def _copy_spans(claim: Claim, articles: list[Article], rep: dict[str, str]) -> list[SourceSpan]:
    """Where the claim stands in the other wire copies of its article: its exact words, or else the copy's sentence
    that shares most of its content words."""
    spans = []
    for art in articles:
        if art.id != claim.article_id and rep.get(art.id) == claim.article_id:
            at = art.text.find(claim.text)
            if at >= 0:
                spans.append(SourceSpan(art.id, at, at + len(claim.text)))
                continue
            best, where = 0.0, None
            for m in _SENTENCE.finditer(art.text):
                overlap = _word_overlap(content_stems(m.group(0)), claim.stems)
                if overlap > best:
                    best, where = overlap, m
            if where is not None and best >= SAME_IN_COPY:
                lead = len(where.group(0)) - len(where.group(0).lstrip())
                spans.append(SourceSpan(art.id, where.start() + lead, where.end()))
    return spans


def _alike(a: Claim, b: Claim, va: np.ndarray, vb: np.ndarray, attr: str) -> bool:
    """Whether two claims say the same thing apart from the `attr` they disagree on.

    For names the words also count with the names taken out ("X was named coach" / "Y was named coach"): the
    embedding of a sentence moves a lot with the name in it.
    """
    return float(va @ vb) >= CONFLICT_SIMILARITY[attr] or (attr == "people" and _same_words(a, b))


def _sides(members: list[Claim], vectors: np.ndarray, idx: list[int], attr: str, outlet: dict[str, str],
           values: Callable[[Claim], set], about: Callable[[Claim, frozenset], set] | None = None,
           agree: Callable[[Claim, Claim], bool] | None = None) -> list[dict]:
    """The two sides of a disagreement: two alike members of different outlets that state disjoint values
    (`values`; for names, the names one gives that the other's words do not: "Klitschko stopped Thompson" /
    "Klitschko stopped Rahman") about the same thing (`about`: words around those values, which must meet), each
    side with every member stating its value; [] when nobody disagrees. An outlet that gives a new figure in a later
    article updates itself; it does not disagree, and nor do the outlets that gave its earlier figure."""
    sides: dict[frozenset, list[int]] = defaultdict(list)
    for k, c in enumerate(members):
        if values(c):
            sides[frozenset(values(c))].append(k)
    keys = list(sides)
    outlets = {key: {outlet[members[k].article_id] for k in ks} for key, ks in sides.items()}
    for i in range(len(keys)):
        for j in range(i + 1, len(keys)):
            if attr != "people" and (keys[i] & keys[j] or not _comparable(keys[i], keys[j], attr)):
                continue
            if outlets[keys[i]] & outlets[keys[j]]:
                continue  # an outlet on both sides updated itself ("as of Wednesday, 90% of the delegates")
            for a in sides[keys[i]]:
                for b in sides[keys[j]]:
                    ma, mb, va, vb = members[a], members[b], vectors[idx[a]], vectors[idx[b]]
                    x, y = keys[i], keys[j]
                    if attr == "people":  # the names each gives that the other's words do not
                        x, y = _unmentioned(x, mb.text), _unmentioned(y, ma.text)
                        if not x or not y or not _comparable(x, y, attr):
                            continue
                    if outlet[ma.article_id] != outlet[mb.article_id] and _alike(ma, mb, va, vb, attr) and (
                            about is None or about(ma, x) & about(mb, y)
                    ) and not _elsewhere(ma, mb, attr) and not (agree and agree(ma, mb)):
                        # the two values at odds, each shown in the words of the member that states it: other
                        # values in the fact ("Vaughn finished with 16 points") are no side of this disagreement
                        return [{"text": members[shown].text, "articles": sorted({members[k].article_id
                                                                                  for k in sides[key]}),
                                 attr: sorted(val)} for val, key, shown in ((x, keys[i], a), (y, keys[j], b))]
    return []


def _unmentioned(names: frozenset[str], text: str) -> frozenset[str]:
    """The names whose last word `text` does not use."""
    return frozenset(n for n in names if not _mentions(text, n))


def _mentions(text: str, name: str) -> list[re.Match]:
    """Where `text` uses the name's last word (a surname stands for the person)."""
    return list(re.finditer(rf"\b{re.escape(name.split()[-1])}\b", text))


def _elsewhere(a: Claim, b: Claim, attr: str) -> bool:
    """Whether two claims name places (or other names) and none in common: "won the primary in Puerto Rico on
    Sunday" and "won South Dakota's primary on Tuesday" are two events of one kind, not one event given two dates,
    and so are "destroyed by Hurricane Georges in 1998" and "destroyed by Hurricane Katrina in 2005"."""
    pairs = [(a.places, b.places)]
    if attr != "people":  # names that differ are what a conflict over names is about
        pairs.append((a.entities - a.places, b.entities - b.places))
    return any(bool(x) and bool(y) and not x & y for x, y in pairs)


def _comparable(a: frozenset, b: frozenset, attr: str) -> bool:
    """Whether two stated values can contradict each other. Numbers and dates must be one each: a sentence
    giving several ("in 2001 and 2005") is about several things. Dates must also share a precision: "the 2014
    Oscars" and "announced on 2013-08-02" date different things."""
    if attr == "people":  # spellings of one name ("Gordon Advisers" / "Gordon Advisors" / "Gordon", "Jags" /
        # "Jaguars") agree
        return all(x not in y and y not in x and SequenceMatcher(None, x, y).ratio() < 0.8 and not _shortened(x, y)
                   for x in (n.lower() for n in a) for y in (n.lower() for n in b))
    if len(a) != 1 or len(b) != 1:
        return False
    # A quarter is as often a game's ("in the first quarter") as a year's: it dates nothing to dispute.
    return attr != "dates" or (len(next(iter(a))) == len(next(iter(b))) and "Q" not in next(iter(a)) + next(iter(b)))


def _shortened(a: str, b: str) -> bool:
    """Whether one name is the other cut short, each word of the short one from a word of the long one ("Jags" /
    "Jacksonville Jaguars", "Pats" / "Patriots"): its letters in order, first letter first."""
    short, long = sorted((a, b), key=len)
    words = long.split()
    return all(any(w[0] == lw[0] and _in_order(w, lw) for lw in words) for w in short.split())


def _in_order(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def _conflict(members: list[Claim], vectors: np.ndarray, idx: list[int], outlet: dict[str, str]) -> list[dict]:
    """The sides of a fact whose members state different numbers (of the same thing), dates or names; [] if none."""
    units = [u for u in dict.fromkeys(u for c in members for u in c.quantities) if u]
    for unit in units:
        sides = _sides(members, vectors, idx, "numbers", outlet, lambda c, u=unit: c.quantities.get(u, set()),
                       lambda c, _, u=unit: quantity_context(c.text, u),
                       lambda a, b, u=unit: ranges_meet(a.text, b.text, u)  # "more than two dozen" / "31"
                       or _gives_too(a, b, u) or _gives_too(b, a, u) or _maybe_two_people(a, b)
                       or _figures_of_two_people(a, b, u) or _hoped_for(a, u) or _hoped_for(b, u)
                       or figure_scope(a.text, u) != figure_scope(b.text, u) or _two_occasions(a, b)
                       or _two_surveys(a, b))
        if sides:
            return sides
    # Two dates conflict only when they date the same thing: "sentence imposed in 1997" and "heroin rap in 1959"
    # are two events in alike sentences.
    # Outlets that write the date alike ("Jackson is due in court Feb. 17") say the same, however their publication
    # days resolve it; a date resolved against a guessed publication day is no side of a conflict.
    # A date planned ("a bail hearing was scheduled for Wednesday") and one that has passed ("at yesterday's
    # hearing") date two events.
    sides = _sides(members, vectors, idx, "dates", outlet, lambda c: c.dates, lambda c, _: c.date_context,
                   lambda a, b: bool(a.date_texts & b.date_texts) or a.dates_guessed or b.dates_guessed
                   or _planned(a) != _planned(b))
    # A headline's capitalised words fool the name tagger ("Ellen DeGeneres Returns"): names come from the body.
    # Two names are at odds only in the same place of their sentences (the words either side agree: "Judge James
    # Bodiford handed down" / "Judge Tom Green handed down"), not as speaker in one and addressee in the other
    # ("Inspector Gaskin said" / "he told the Timaru Herald").
    return sides or _sides(members, vectors, idx, "people", outlet, _named, _name_context,
                           agree=lambda a, b: _names_the_other(a, b) or _two_sources(a, b))


def _named(c: Claim) -> set[str]:
    """The names a claim states its fact about: not a headline's, not a title, not a name that qualifies
    something else ("the Obama administration")."""
    if c.headline:
        return set()
    return {n for n in c.people if n.lower().rstrip(".") not in TITLES and not _as_modifier(c.text, n)}


def _two_sources(a: Claim, b: Claim) -> bool:
    """Whether the names the two claims differ in are whom each gives its account to, in its own words: "Mr Steele
    said the fire was lit ..." / "Kroon says the fire broke out ..." are two sources, not a dispute. The same words
    given to two people are one ("X says the woman is a good person" / "Y says the woman is a good person"), and so
    is a quotation given to two people, or a name between commas ("Her lawyer, Mark Heller, said ...": whose lawyer
    he is is the claim)."""
    if any(q in c.text for c in (a, b) for q in '"“”'):
        return False
    differ = [(c, n) for c, other in ((a, b), (b, a)) for n in _unmentioned(frozenset(_named(c)), other.text)]
    return bool(differ) and all(_cited(c.text, n) for c, n in differ) and not _same_words(a, b)


def _same_words(a: Claim, b: Claim) -> bool:
    """Whether two claims use the same words once their names are left out (stem Jaccard CONFLICT_WORDS)."""
    names = {stem(w) for n in a.people | b.people for w in n.split()}
    sa, sb = a.stems - names, b.stems - names
    return bool(sa | sb) and len(sa & sb) / len(sa | sb) >= CONFLICT_WORDS


_CITED_AFTER = re.compile(r"\s+(?:\w+\s+)?(?:said|says|told|tells|added|adds|stated|explained|noted|confirmed|"
                          r"announced|wrote|reported)\b", re.I)
_CITED_BEFORE = re.compile(r"\b(?:according to|said|says|told|added)\s+(?:\w+\s+){0,3}$", re.I)


def _cited(text: str, name: str) -> bool:
    """Whether every mention of `name` (its last word) in `text` is whom the claim is attributed to."""
    spots = _mentions(text, name)
    return bool(spots) and all(_CITED_AFTER.match(text, m.end()) or _CITED_BEFORE.search(
        text, 0, text.rfind(name.split()[0], 0, m.end())) for m in spots)


_MODIFIED = re.compile(r"['’]?s?\s+(?:administration|government|era|campaign|camp|presidency|cabinet|White House|"
                       r"years|family)\b")


def _as_modifier(text: str, name: str) -> bool:
    """Whether every mention of `name` names something else: "the Obama administration", "the Bush era"."""
    spots = _mentions(text, name)
    return bool(spots) and all(_MODIFIED.match(text, m.end()) for m in spots)


def _name_context(c: Claim, names: frozenset[str]) -> set[tuple[str, str]]:
    """The content words right before and right after each mention of `names` in the claim, as pairs: two names
    fill one role when both neighbours agree ("Judge James Bodiford handed down" / "Judge Tom Green handed down"),
    not one ("a pass from David Garrard" / "Peyton Manning passed for 364 yards"). A name that opens the sentence
    has "^" before it; one with no content word on a side (after a stop word opening the sentence) gives no pair."""
    out: set[tuple[str, str]] = set()
    for name in names:
        for m in _mentions(c.text, name):
            first = c.text.rfind(name.split()[0], 0, m.start())
            start = first if 0 <= m.start() - first <= len(name) else m.start()
            before, after = stems_before(c.text, start), stems_after(c.text, m.end())
            if not re.search(r"\w", c.text[:start]):
                before = ["^"]  # the sentence opens with the name: "X, 38, had been arrested" / "Y, 38, had been ..."
            if before and after:
                out.add((before[-1], after[0]))
    return out


_PLAN = re.compile(r"\b(?:scheduled|set|due|slated|expected|planned|adjourned|postponed|until|will|to be held|"
                   r"next)\b(?:\s+\S+){0,3}\s*$", re.I)


def _planned(c: Claim) -> bool:
    """Whether the claim dates something still to come: a date written after "scheduled for", "due", "until"."""
    low = c.text.lower()
    return any(_PLAN.search(c.text, 0, at) for t in c.date_texts for at in [low.find(t)] if at > 0)


def _names_the_other(a: Claim, b: Claim) -> bool:
    """Whether one claim names a person only the other gives as a name: "If players have problems with Mo Cheeks
    ..." and "... Mo Cheeks ..., King said" quote one man about another; they do not give two names for one role."""
    return any(_mentions(y.text, n) for x, y in ((a, b), (b, a)) for n in x.people - y.people)


_NOT_YET = re.compile(r"\b(?:need|needs|needed|would|could|might|may|expects?|expected|hopes?|hoped|aims?|"
                      r"aimed|plans?|planned|wants?|wanted|seeks?|sought|trying|tries)\b(?:\s+\S+){0,3}\s*$", re.I)


def _hoped_for(c: Claim, unit: str) -> bool:
    """Whether each of the claim's figures of `unit` is one hoped for, needed or planned, not one reached: "needed
    nine points to pass Ford" states no score that "posted 20 points" contradicts."""
    starts = quantity_starts(c.text, unit)
    return bool(starts) and all(_NOT_YET.search(c.text, 0, at) for at in starts)


def _figures_of_two_people(a: Claim, b: Claim, unit: str) -> bool:
    """Whether the two claims' figures of `unit` belong to different people: the person named last before each
    figure ("Dorsey's been at the plant for 37 years" / "Hiller ... had worked there for 15 years", "Vaughn finished
    with 16 points" / "Hansbrough finished with 20 points")."""
    def whose(c: Claim) -> set[str]:
        out = set()
        for start in quantity_starts(c.text, unit):
            named = [(c.text.rfind(n.split()[-1], 0, start), n) for n in c.people]
            at, name = max(named, default=(-1, ""))
            if at >= 0:
                out.add(name)
            elif (m := _SUBJECT.match(c.text)) and m.group(1).lower() not in STOP_WORDS:
                out.add(m.group(1))  # "Dorsey's been at the plant for 37 years": a surname the tagger missed
        return out

    wa, wb = whose(a), whose(b)
    return bool(wa and wb and not wa & wb)


# A capitalised word opening a sentence as its subject ("Dorsey's been", "Dorsey has worked").
_SUBJECT = re.compile(r"([A-Z][a-z]+)(?:['’]s\s+been|\s+(?:has|had|was|is)\b)")


def _two_occasions(a: Claim, b: Claim) -> bool:
    """Whether two claims differ in two kinds of figure at once: "20 points and nine rebounds" / "24 points and
    seven rebounds" are two games, "six rifles, 12 magazines" / "14 rifles, 31 magazines" one operation and all
    five. An outlet misreports a figure, rarely two of one sentence."""
    differ = [u for u in a.quantities if u and b.quantities.get(u) and not a.quantities[u] & b.quantities[u]
              and not ranges_meet(a.text, b.text, u)]
    return len(differ) >= 2


_SURVEY = re.compile(r"\b(?:polls?|polling|surveys?|surveyed|margin\s+of\s+(?:sampling\s+)?error|respondents)\b", re.I)


def _two_surveys(a: Claim, b: Claim) -> bool:
    """Whether the two figures may come from two polls: both claims are about a poll and they name no pollster (or
    anything else) in common besides what the story is about. "The margin of sampling error is plus or minus six
    points" (a Times/CBS poll) and "the margin of error is plus or minus 4.57 points" (a Politico poll) describe
    two polls; outlets disagree about one poll only when both name it."""
    if not (_SURVEY.search(a.text) and _SURVEY.search(b.text)):
        return False
    return not (a.entities & b.entities) - (a.people | b.people)


def _gives_too(a: Claim, b: Claim, unit: str) -> bool:
    """Whether `a` also gives `b`'s figure, unit or not: "Charles rushed for 226 yards while Hillis added 101" does
    not contradict "Hillis rushed for 101 yards"."""
    return bool(b.quantities.get(unit, set()) & a.numbers)


_PERSONAL_PRONOUN = re.compile(r"\b(?:he|she|him|his|her|hers)\b", re.I)


def _maybe_two_people(a: Claim, b: Claim) -> bool:
    """Whether the two claims are about two people: one refers to someone by a pronoun alone, and the people they
    name, or else the people named just before them, are others ("he managed 10 yards on nine carries" after
    Charles / "he ended the day with 6 carries" after Luck). "He served four months" and "He served five months",
    both after LaRue, still disagree."""
    def who(c: Claim) -> set[str]:
        return c.people or ({c.people_before[-1]} if c.people_before and _PERSONAL_PRONOUN.search(c.text) else set())

    unnamed = any(_PERSONAL_PRONOUN.search(c.text) and not c.people for c in (a, b))
    return bool(unnamed and who(a) and who(b) and not who(a) & who(b))


def facts_from_claims(
    claims: list[Claim], vectors: np.ndarray, articles: list[Article], copies: list[list[str]],
    threshold: float = THRESHOLD, prob: np.ndarray | None = None,
) -> list[Fact]:
    """Cluster scored claims into facts, cite every wire copy, and mark each fact's status."""
    return grouped_facts(claims, vectors, articles, copies, threshold, prob)[0]


def grouped_facts(
    claims: list[Claim], vectors: np.ndarray, articles: list[Article], copies: list[list[str]],
    threshold: float = THRESHOLD, prob: np.ndarray | None = None, attach: float = ATTACH,
) -> tuple[list[Fact], list[list[int]]]:
    """The facts and, for each, the indices of its member claims (the brief ranks facts by their members)."""
    if not claims:
        return [], []
    rep = source_groups([a.id for a in articles], copies)
    outlet = {a.id: (a.outlet or a.id) for a in articles}
    prob = pair_probability(claims, vectors) if prob is None else prob
    facts: list[Fact] = []
    # A headline restates its article's lead, so it may join the fact its own lead sentence is in.
    groups = cluster_claims(prob, threshold, [c.article_id + ("#title" if c.headline else "") for c in claims])
    # A headline nobody else matched is not a fact of its own: the title is shown with the article. Headlines of
    # independent outlets that agree are one (corroborated) fact.
    groups = [g for g in groups
              if not all(claims[i].headline for i in g) or len({rep[claims[i].article_id] for i in g}) > 1]
    # Related claims, and for the main event's sentences also those alike in meaning without a shared anchor: a
    # sentence that mentions the event in passing ("officials said the earthquake struck at a shallow depth").
    related = prob > UNRELATED
    linked = related | (vectors @ vectors.T >= EVIDENCE_COSINE)
    core = _one_event(main_event_claims(claims, rep, vectors, related), linked, claims, rep)
    main = _main_event_group(groups, core, claims, rep, outlet)
    # Of the second development's claims, those that hang together: in a story holding articles of two events, the
    # words one event's leads share would otherwise gather both events' sentences into one "corroborated" fact. A
    # story with no main event (a beat of loosely related reports) has no second development either.
    second_core = set() if main is None else _one_event(second_event_claims(claims, rep, related), related, claims, rep)
    second = _main_event_group([[] if g == main else group for g, group in enumerate(groups)], second_core, claims, rep,
                               outlet)
    for g, group in enumerate(groups):
        members = [claims[i] for i in group]
        # Only a fact that independent sources already state together takes in more sentences: next to a claim
        # nobody else made, a look-alike from another article (that belongs to some other fact) would mark it
        # corroborated on the strength of one resemblance. On ECB+ this costs no alignment (bench_brief).
        extra = []
        if len({rep[c.article_id] for c in members}) > 1:
            attached = set(np.flatnonzero(prob[:, group].mean(1) >= attach))
            if g == main:
                attached |= core
            elif g == second:
                attached |= second_core
            extra = [claims[i] for i in sorted(attached)
                     if i not in set(group) and (not claims[i].headline or (g == main and i in core)
                                                 or (g == second and i in second_core))]
        sub = prob[np.ix_(group, group)]
        # The member most like the others speaks for the fact; a body sentence rather than a headline.
        score = sub.sum(1) - 1e3 * np.array([m.headline for m in members]) + 1e2 * np.array([readable(m.text) for m in members])
        best = members[int(np.argmax(score))]
        sources: list[SourceSpan] = []
        for c in members + extra:
            sources.append(SourceSpan(c.article_id, c.start, c.end))
            sources.extend(_copy_spans(c, articles, rep))
        ids = list(dict.fromkeys(s.id for s in sources))
        independent = {rep[a] for a in ids}
        conflict = _conflict(members, vectors, group, outlet)
        for side in conflict:
            side["articles"] = sorted({a for a in ids if rep[a] in set(side["articles"])})
            side["outlets"] = sorted({outlet[a] for a in side["articles"]})
        # Two articles of one outlet are one source: an outlet repeating itself corroborates nothing.
        status = "conflict" if conflict else ("corroborated" if len({outlet[a] for a in independent}) > 1 else "single")
        facts.append(Fact(best.text, status, ids, list(dict.fromkeys(outlet[a] for a in ids)), sources, conflict,
                          main_event=g == main, second_event=g == second))
    return facts, groups


# The main event's words: content words (not names) in the leads (first LEAD_CLAIMS claims, the headline first) of
# at least this share of the story's independent sources, and of two at least; a claim mentions the event when it
# uses MAIN_EVENT_WORDS of them (or all, when fewer). Chosen on ECB+ train (fact MCC, train / dev: share 0.5
# 0.265 / 0.366, 0.55 0.266 / 0.396, 0.6 0.269 / 0.388, 0.65 0.243 / 0.352; three words 0.203 / 0.402; measured
# before lead numbers and the mutual closure below, which took it to 0.295 / 0.417); a stricter
# core matters because a sentence wrongly taken for the main event is wrongly aligned with every one of its
# sources. Fact MCC with and without the main event: benchmarks/results/brief.md.
MAIN_EVENT_SHARE = 0.6
MAIN_EVENT_WORDS = 2
LEAD_CLAIMS = 2
# A number in the leads of at least this share of the independent sources (and of two at least) counts like a
# main-event word: the score, the age or the toll outlets lead with ("beat the Chiefs 20-13", "dies at 91"). It never
# raises the number of words a claim needs. Chosen with the share below by 5-fold topic cross-validation on ECB+
# train (every fold chose 0.4 and 0.45; the grid is flat over 0.4-0.6 and 0.45-0.5): benchmarks/results/brief.md.
LEAD_NUMBER_SHARE = 0.4
# A claim also mentions the main event when, for at least this share of the other independent sources, it and a
# main-event claim of that source are each other's closest claim (MiniLM cosine) between the two sources.
MUTUAL_SHARE = 0.45
_LOWER_WORD = re.compile(r"(?<![\w'])[a-z][a-z'\-]*")


def main_event_claims(claims: list[Claim], rep: dict[str, str], vectors: np.ndarray | None = None,
                      related: np.ndarray | None = None) -> set[int]:
    """The claims that mention the story's main event: they use words (or numbers) most outlets' leads use, or,
    with `vectors`, they are what other outlets' main-event claims are closest to (`_mutual_closure`).

    Why: news reports one event and every outlet leads with it, in words that recur ("quake", "rehab",
    "munitions") while the rest of each article adds details. Which sentences mention that event is what "the
    outlets agree on what happened" rests on, and sentence-level facts alone miss it: "A publicist says Reid has
    checked into rehab" and "Reid's representative confirmed her stay at Promises" are two claims about one event.
    Names are left out of the words: every sentence of a story names its people, whatever it says of them.
    """
    leads, lead_numbers = _lead_words(claims, rep, related)
    if len(leads) < 2:
        return set()
    event_words = _shared(leads, MAIN_EVENT_SHARE)
    event_numbers = _shared(lead_numbers, LEAD_NUMBER_SHARE, len(leads))
    if not event_words and not event_numbers:
        return set()
    need = min(MAIN_EVENT_WORDS, len(event_words or event_numbers))
    core = {i for i, c in enumerate(claims) if len(c.stems & event_words) + len(c.numbers & event_numbers) >= need}
    return core if vectors is None else _mutual_closure(core, claims, rep, vectors)


def _lead_words(claims: list[Claim], rep: dict[str, str], related: np.ndarray | None
                ) -> tuple[dict[str, set[str]], dict[str, set[float]]]:
    """Per independent source, the content words (names left out) and the numbers of its lead claims."""
    # A name's words, unless the story also writes them in lower case: a title-cased headline makes names of
    # "Checks Into Rehab", and "rehab" is exactly the kind of word that says what happened.
    lower = {stem(w) for c in claims for w in _LOWER_WORD.findall(c.text)}
    names = {w for c in claims for n in c.entities for w in map(stem, n.split())} - lower
    leads: dict[str, set[str]] = defaultdict(set)
    lead_numbers: dict[str, set[float]] = defaultdict(set)
    lead_rows: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(claims):
        # A copy's claims are what it added to its wire text, not its lead.
        if len(lead_rows[c.article_id]) < LEAD_CLAIMS and rep.get(c.article_id, c.article_id) == c.article_id:
            lead_rows[c.article_id].append(i)
    if related is not None:
        lead_rows = _related_leads(lead_rows, related)
    for art, rows in lead_rows.items():
        for i in rows:
            leads[art] |= claims[i].stems - names
            lead_numbers[art] |= claims[i].numbers
    return leads, lead_numbers


# The story's second development: the words the leads share once the main event's are set aside, in at least this
# share of the sources (and two), and a claim that uses SECOND_EVENT_WORDS of them. Why: ECB+ stories report one
# event and its next turn (a shooting and the arrest, a fire and the arson inquiry); aligning the sentences of the two
# most widespread gold events would score fact MCC 0.86 / 0.84 (train / dev) against 0.71 / 0.69 for the most
# widespread alone. Chosen on ECB+ train among shares 0.2-0.5 and 2-4 words; two words align too loosely. Fact MCC
# 0.292 / 0.410 without it, 0.315 / 0.425 with it (benchmarks/results/brief.md).
SECOND_EVENT_SHARE = 0.25
SECOND_EVENT_WORDS = 3


def second_event_claims(claims: list[Claim], rep: dict[str, str], related: np.ndarray | None = None) -> set[int]:
    """The claims that report the story's second development (see SECOND_EVENT_SHARE); empty when the leads share
    nothing beyond the main event's words, as two-outlet stories' leads do."""
    leads, _ = _lead_words(claims, rep, related)
    if len(leads) < 2:
        return set()
    main_words = _shared(leads, MAIN_EVENT_SHARE)
    words = _shared({a: w - main_words for a, w in leads.items()}, SECOND_EVENT_SHARE)
    need = min(SECOND_EVENT_WORDS, len(words))
    return {i for i, c in enumerate(claims) if len(c.stems & words) >= need} if words else set()


def _related_leads(lead_rows: dict[str, list[int]], related: np.ndarray) -> dict[str, list[int]]:
    """The leads that report what another source's lead reports (a related pair of lead claims): an article put
    in the story by mistake does not lend its words to the main event."""
    rows = {a: r for a, r in lead_rows.items() if r}
    return {a: r for a, r in rows.items()
            if any(related[np.ix_(r, other)].any() for b, other in rows.items() if b != a)}


def _shared(items: dict[str, set], share: float, sources: int | None = None) -> set:
    """The items found in at least `share` of the sources (and in two at least)."""
    df: dict = defaultdict(int)
    for found in items.values():
        for x in found:
            df[x] += 1
    return {x for x, n in df.items() if n >= max(2, share * (sources or len(items)))}


def _mutual_closure(core: set[int], claims: list[Claim], rep: dict[str, str], vectors: np.ndarray) -> set[int]:
    """The core grown by the claims other sources' main-event claims answer to: a claim joins when, for MUTUAL_SHARE
    of the other independent sources, it and a core claim of that source are each other's closest claim between
    the two sources; repeated until nothing joins.

    Why: an outlet reports the event in its own words ("entered rehab" / "checked into Promises"), which the event
    words miss, but its sentence is still the one another outlet's main-event sentence resembles most, and the other
    way round. On ECB+ this lifts fact MCC from 0.277 to 0.295 on train and from 0.394 to 0.417 on dev, and it
    added no false pairs in the stories that report two events of one kind.
    """
    n = len(claims)
    if not core or n == 0:
        return core
    code: dict[str, int] = {}
    source = np.array([code.setdefault(rep.get(c.article_id, c.article_id), len(code)) for c in claims])
    sim = vectors @ vectors.T
    closest = np.zeros((n, len(code)), dtype=np.int64)  # closest[i, s]: the claim of source s most like claim i
    for s in range(len(code)):
        cols = np.flatnonzero(source == s)
        closest[:, s] = cols[sim[:, cols].argmax(1)]
    mutual = closest[closest, source[:, None]] == np.arange(n)[:, None]
    other = source[:, None] != np.arange(len(code))[None, :]
    # A claim never embedded (see score_claims) has no closest claim, and a lone source has nobody to answer.
    can_join = (np.abs(vectors).sum(1) > 0) & other.any(1)
    needed = MUTUAL_SHARE * other.sum(1)
    member = np.zeros(n, dtype=bool)
    member[list(core)] = True
    while True:
        grown = member | (can_join & ((member[closest] & mutual & other).sum(1) >= needed))
        if (grown == member).all():
            return set(np.flatnonzero(member).tolist())
        member = grown


def _one_event(core: set[int], related: np.ndarray, claims: list[Claim], rep: dict[str, str]) -> set[int]:
    """The main-event claims that hang together: of the groups linked by related pairs, the one that most
    independent sources are in. Why: when a story holds an article of another event, the words its lead shares
    with the others can still make some of its sentences look like the main event; they are not linked to it."""
    from scipy.sparse.csgraph import connected_components

    idx = sorted(core)
    if len(idx) < 2:
        return core
    _, labels = connected_components(csr_matrix(related[np.ix_(idx, idx)]), directed=False)
    best = max(set(labels.tolist()), key=lambda lab: (
        len({rep[claims[i].article_id] for i, l in zip(idx, labels) if l == lab}), int((labels == lab).sum())))
    return {i for i, l in zip(idx, labels) if l == best}


def _main_event_group(groups: list[list[int]], core: set[int], claims: list[Claim], rep: dict[str, str],
                      outlet: dict[str, str]) -> int | None:
    """The fact that stands for the main event: of those two outlets state together, the one with the most
    main-event claims (then the most members). Two articles of one outlet are no main event: the brief would mark
    as what happened a fact only one outlet reports."""
    best, key = None, (0, 0)
    for g, group in enumerate(groups):
        if len({rep[claims[i].article_id] for i in group}) < 2 or len({outlet[claims[i].article_id] for i in group}) < 2:
            continue
        k = (len(core.intersection(group)), len(group))
        if k[0] and k > key:
            best, key = g, k
    return best


# The first words of a claim carry its meaning; MiniLM's cost grows with length, and a few news sentences run past
# 80 words, so each claim is cut to this many words (about 32 word-pieces) before embedding; on ECB+ 24 words
# align as well as 40 (benchmarks/results/brief.md).
EMBED_WORDS = 24
# Embedding is most of a brief's time (MiniLM runs at roughly 70-600 short sentences/s on two cores, so a
# 1,500-claim story cannot be embedded whole in a few seconds). Only claims with a plausible partner are embedded:
# a claim whose TF-IDF cosine (over stems) to every claim of the other articles stays below NEIGHBOUR_TFIDF gets
# no vector and scores MiniLM cosine 0 with all others, so it stays a single-source fact. Measured on the ECB+
# stories with every story pruned (benchmarks/results/brief.md): at 0.25 about 70% of claims are embedded and
# dev fact MCC is unchanged; at 0.30 it drops by 0.015, at 0.35 by 0.04.
NEIGHBOUR_TFIDF = 0.25
# Stories with at most this many claims are embedded whole: it takes about a second at most, and the summary
# ranks every claim by its closeness to the story's centre.
EMBED_ALL_BELOW = 150
# At most this many claims are embedded in a story, those with the closest neighbours first: the brief's time stays
# bounded however large the story (MiniLM at 250-300 claims/s here). Fifty PolNeAR articles have 958 claims with a
# neighbour; a claim past the budget still aligns on shared words (the relatedness floor's TF-IDF arm). ECB+'s
# stories stay under it, so the fact figures do not move.
EMBED_BUDGET = 700
# The story's mean cross-article MiniLM cosine (a pair feature) is estimated on this many claims spread evenly
# over a pruned story: the embedded claims alone are the similar ones and would overstate it.
STORY_SAMPLE = 40


def embed_claims(texts: list[str]) -> np.ndarray:
    """MiniLM vectors of claims (or titles), each cut to its first EMBED_WORDS words."""
    from storyline.nlp.embed import embed

    return embed([" ".join(t.split()[:EMBED_WORDS]) for t in texts])


def worth_embedding(claims: list[Claim], tfidf: np.ndarray, budget: int = EMBED_BUDGET) -> np.ndarray:
    """Boolean per claim: some claim of another article shares enough weighted words with it (NEIGHBOUR_TFIDF);
    of those, the `budget` with the closest such neighbour."""
    if not claims:
        return np.zeros(0, dtype=bool)
    closest = (tfidf * _cross(claims)).max(1)
    worth = closest >= NEIGHBOUR_TFIDF
    if worth.sum() > budget:
        worth[:] = False
        worth[np.argsort(-closest, kind="stable")[:budget]] = True
    return worth


def score_claims(
    claims: list[Claim], embed_all_below: int = EMBED_ALL_BELOW,
    embed_rows: Callable[[np.ndarray], np.ndarray] | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Each claim's MiniLM vector (zeros for a claim not worth embedding) and P(same fact) for every pair.

    The cheap features are computed once for all pairs with sparse products; MiniLM then runs only on the claims
    `worth_embedding` (all of them in a story of at most `embed_all_below` claims). `embed_rows` maps claim
    indices to vectors; by default the claims' texts are embedded (benchmarks pass precomputed vectors).
    """
    from storyline.nlp.embed import DIM

    n = len(claims)
    if n == 0:
        return np.zeros((0, DIM), dtype=np.float32), np.zeros((0, 0), dtype=np.float32)
    if embed_rows is None:
        embed_rows = lambda rows: embed_claims([claims[i].said for i in rows])  # noqa: E731
    feats = _cheap_features(claims)
    vectors = np.zeros((n, DIM), dtype=np.float32)
    if n <= embed_all_below:
        vectors[:] = embed_rows(np.arange(n))
        story_emb = story_similarity(claims, vectors)
    else:
        sample = np.unique(np.linspace(0, n - 1, min(STORY_SAMPLE, n)).round().astype(int))
        keep = np.flatnonzero(worth_embedding(claims, feats["tfidf"]))
        rows = np.union1d(sample, keep)
        vectors[rows] = embed_rows(rows)
        story_emb = story_similarity(claims, vectors, sample)
    return vectors, _probability(feats, vectors, story_emb)


def align_facts(articles: list[Article], analyses: list[Analysis], copies: list[list[str]]) -> list[Fact]:
    """The story's facts: each claim once, with every article (and span) that states it, and its status.

    Facts come in order of first appearance in the articles as given; `Fact.sources` are spans of `Article.text`.
    """
    claims = story_claims(articles, analyses, copies)
    vectors, prob = score_claims(claims)
    return facts_from_claims(claims, vectors, articles, copies, prob=prob)
