"""The same-story score: signals between an article and a story (or another article), combined by a learned model.

Why one function for both: a single article is a story of one, so `storyline pairs` and the online clusterer
share the same features and the same trained weights, and the pair probability is what clustering acts on.
The weights come from benchmarks/train_story_model.py (ECB+ train + SemEval pairs) and ship as JSON.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass, field
from pathlib import Path

MODEL_PATH = Path(__file__).parent / "data" / "story_model.json"

FEATURES = (
    "cos_terms",
    "cos_title",
    "cos_names",
    "has_names",
    "no_case",
    "short",
    "cos_terms_short",
    "cos_title_short",
    "nn_cos",
    "nn_cos_short",
    "names_new",
    "core_missing",
    "years_match",
    "years_clash",
    "year_new",
    "year_missing",
    "lead_new",
    "lead_missing",
)
# With a lead embedding the cheap signals weigh differently (the embedding already carries part of what they
# say), so each gets its own weight in that regime: one model, two regimes, chosen by `has_lead`.
FEATURES = FEATURES + tuple(f + "_lead" for f in FEATURES) + ("cos_lead", "has_lead")


@dataclass
class Profile:
    """A story's (or one article's) bag of signals: summed term weights, title terms, names, dates, size."""

    id: str
    terms: dict[str, float] = field(default_factory=dict)
    title: dict[str, float] = field(default_factory=dict)
    names: dict[str, float] = field(default_factory=dict)
    size: int = 0
    first_day: int | None = None
    last_day: int | None = None
    last_seen: int = 0
    has_case: bool = True
    lead: object = None  # summed lead embedding (numpy vector) when computed
    lead_text: str | None = None  # the founder's title + lead, kept until it is embedded (only if ever needed)
    norms: dict[str, float] = field(default_factory=dict)  # cached idf-weighted norms, refreshed on update
    name_df: dict[str, int] = field(default_factory=dict)  # in how many members each name occurs
    key_names: list[str] = field(default_factory=list)  # the names that make this story this story (cached)
    lead_name: str | None = None  # the name it mentions most, when it mentions one more than once (cached)
    years: dict[int, int] = field(default_factory=dict)  # years its members mention, with member counts
    head_years: dict[int, int] = field(default_factory=dict)  # years in its members' datelines, with member counts
    weighted: dict[str, dict[str, float]] = field(default_factory=dict)  # an article's w * idf^2, per field


class Idf:
    """Document frequencies learned online: the weight of a word is what the stream has seen so far."""

    def __init__(self) -> None:
        self.df: dict[str, int] = {}
        self.n = 0

    def add(self, terms) -> None:  # type: ignore[no-untyped-def]
        self.n += 1
        df = self.df
        for t in terms:
            df[t] = df.get(t, 0) + 1

    def __call__(self, term: str) -> float:
        return math.log((self.n + 1) / (self.df.get(term, 0) + 1)) + 1.0


def weighted_norm(vec: dict[str, float], idf: Idf) -> float:
    return math.sqrt(sum((w * idf(t)) ** 2 for t, w in vec.items())) or 1.0


KEY_NAMES = 4


def refresh_norms(p: Profile, idf: Idf) -> None:
    """Recompute cached norms and key names after the profile changed.

    Key names: the rarest names that at least half the members mention (for one article: its most prominent
    names). Two fights of one boxer share the boxer; the opponents differ -- these catch that difference."""
    p.norms = {k: weighted_norm(getattr(p, k), idf) for k in ("terms", "title", "names")}
    if p.size <= 1:
        ranked = sorted(p.names, key=lambda n: -p.names[n] * idf(n))
    else:
        ranked = sorted((n for n, c in p.name_df.items() if 2 * c >= p.size), key=lambda n: -idf(n))
    p.key_names = ranked[:KEY_NAMES]
    # Lead name: who or where the story is about, by how often it is named (not by rarity, as key names are):
    # two arrests of two players of one team have different lead names and share the team's.
    if p.size <= 1:
        pool = [n for n, w in p.names.items() if w > 1.0]
    else:
        pool = [n for n, c in p.name_df.items() if 2 * c >= p.size]
    p.lead_name = max(pool, key=lambda n: (p.names.get(n, 0.0), idf(n), n)) if pool else None


def article_weights(article: Profile, attr: str, idf: Idf) -> dict[str, float]:
    """The article's weights times idf squared, computed once per article rather than once per candidate."""
    w = article.weighted.get(attr)
    if w is None:
        w = {t: v * idf(t) ** 2 for t, v in getattr(article, attr).items()}
        article.weighted[attr] = w
    return w


def dot(aw: dict[str, float], b: dict[str, float], norm_a: float, norm_b: float) -> float:
    s = 0.0
    for t, w in aw.items():
        v = b.get(t)
        if v is not None:
            s += w * v
    return s / (norm_a * norm_b)


def pair_features(
    article: Profile, story: Profile, idf: Idf, article_length: int, nn_cos: float | None = None
) -> list[float]:
    """The signals for 'does `article` belong to `story`', in FEATURES order. `nn_cos` is the cosine to the
    story's closest member article (a story of one: its centroid cosine)."""
    a_n, s_n = article.norms, story.norms
    cos_terms = dot(article_weights(article, "terms", idf), story.terms, a_n["terms"], s_n["terms"])
    cos_title = (
        dot(article_weights(article, "title", idf), story.title, a_n["title"], s_n["title"])
        if article.title and story.title
        else 0.0
    )
    has_names = 1.0 if (article.names and story.names) else 0.0
    cos_names = (
        dot(article_weights(article, "names", idf), story.names, a_n["names"], s_n["names"]) if has_names else 0.0
    )
    nn = cos_terms if nn_cos is None else nn_cos
    years_match = years_clash = 0.0
    if article.years and story.years:
        if any(y in story.years for y in article.years):
            years_match = 1.0
        else:
            years_clash = 1.0
    # A dateline year is when the report was written. One side's dateline year that the other side never
    # mentions at all says "another year, another event" even when the other side gives no dateline (reports
    # rarely name their own year in the body); a story of one undated report says too little to count.
    year_new = year_missing = 0.0
    if article.head_years and (story.years or story.size >= 2):
        year_new = 1.0 if any(y not in story.years for y in article.head_years) else 0.0
    if story.head_years:
        core = [y for y, c in story.head_years.items() if 2 * c >= story.size]
        if core and not any(y in article.years for y in core):
            year_missing = 1.0
    names_new = core_missing = 0.0
    if has_names:
        if article.key_names:
            names_new = sum(1 for n in article.key_names if n not in story.names) / len(article.key_names)
        if story.key_names:
            core_missing = sum(
                1 for n in story.key_names if n not in article.names and n not in article.terms
            ) / len(story.key_names)
    lead_new = lead_missing = 0.0
    if has_names:
        a_lead, s_lead = article.lead_name, story.lead_name
        if a_lead is not None and a_lead not in story.names and a_lead not in story.terms:
            lead_new = 1.0
        if s_lead is not None and s_lead not in article.names and s_lead not in article.terms:
            lead_missing = 1.0
    no_case = 0.0 if (article.has_case and story.has_case) else 1.0
    short = 1.0 if article_length < 60 else 0.0
    cos_lead = 0.0
    has_lead = 0.0
    if article.lead is not None and story.lead is not None:
        import numpy as np

        sv = story.lead
        cos_lead = float(np.dot(article.lead, sv) / (np.linalg.norm(article.lead) * np.linalg.norm(sv) + 1e-9))
        has_lead = 1.0
    base = [
        cos_terms,
        cos_title,
        cos_names,
        has_names,
        no_case,
        short,
        cos_terms * short,
        cos_title * short,
        nn,
        nn * short,
        names_new,
        core_missing,
        years_match,
        years_clash,
        year_new,
        year_missing,
        lead_new,
        lead_missing,
    ]
    return base + [v * has_lead for v in base] + [cos_lead, has_lead]


@functools.lru_cache(maxsize=1)
def load_model() -> dict:
    """The trained weights; a hand-set fallback (cosine only) when the file is missing, so nothing crashes."""
    if MODEL_PATH.exists():
        return json.loads(MODEL_PATH.read_text())
    return {"features": list(FEATURES), "coef": [12.0] + [0.0] * (len(FEATURES) - 1), "intercept": -4.0,
            "threshold": 0.5}


# An article that names none of a story's key names, whose own lead name the story never uses, and that does not
# use the story's lead name either reports another event of the same kind (the Mummers Parade beside the Rose
# Parade: "watch", "live", "parade", "New Year" in both titles). The logistic model weighs each of the three
# signals alone and so still joins such pairs on shared words; together they are close to a proof. In the ECB+ train
# replay (benchmarks/train_story_model.py) 280 of the 2,212 wrong candidate stories the model puts above the join
# threshold look like this, and 1 of the 6,067 right ones. Their probability is held at ANOTHER_EVENT, below the join
# threshold and the revisit floor.
ANOTHER_EVENT = 0.01
_NAMED = (FEATURES.index("has_names"), FEATURES.index("core_missing"), FEATURES.index("lead_new"),
          FEATURES.index("lead_missing"))


def another_event(x: list[float]) -> bool:
    """Whether pair features `x` say "another event of the same kind" (see ANOTHER_EVENT)."""
    has_names, core_missing, lead_new, lead_missing = (x[i] for i in _NAMED)
    return has_names == 1.0 and core_missing >= 1.0 and lead_new == 1.0 and lead_missing == 1.0


def probability(x: list[float], model: dict | None = None) -> float:
    """P(the article belongs to the story) from pair features `x` (FEATURES order): the model's graded score."""
    m = model or load_model()
    z = m["intercept"] + sum(c * v for c, v in zip(m["coef"], x))
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))


def join_probability(x: list[float], model: dict | None = None) -> float:
    """`probability` as the clusterer decides on it: held at ANOTHER_EVENT for another event of the same kind.
    The pair score (`storyline pairs`) keeps the graded value: on the SemEval pairs, cut to their first and last
    few hundred characters, the cap lowered Pearson from 0.897 to 0.875."""
    p = probability(x, model)
    return min(p, ANOTHER_EVENT) if another_event(x) else p
