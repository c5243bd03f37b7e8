"""Story clustering, wire copies and the same-story score, measured on ../shared/data.

Run: cd /work/main && .venv/bin/python -m benchmarks.bench_stories
Writes benchmarks/results/stories.md.

What it reports (as the stories issue asks): ECB+ train and dev BCubed P/R/F1 and pairwise F1; GoogleNews-TS BCubed
F1 and NMI without being told the number of stories; SemEval pairs Pearson; throughput and peak memory of the
stage on GoogleNews-TS against a plain TF-IDF single-pass baseline run here; and how time grows from 1k to 11k
articles. The baseline is the textbook one: online IDF, cosine to every story centroid (no index), join above 0.3.
"""

from __future__ import annotations

import datetime
import json
import math
import platform
import time
import tracemalloc
from collections import Counter
from pathlib import Path

from rich.progress import Progress

from benchmarks import train_story_model as tr
from benchmarks.run import write_result
from storyline.model import Article
from storyline.stories import assign_stories, cheap_pair_probabilities, find_copies, pair_probabilities
from storyline.stories.features import article_features, sublinear
from storyline.stories.metrics import bcubed, nmi, pairwise
from storyline.stories.pairs import row_articles
from storyline.stories.score import Idf

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
OUT = Path(__file__).resolve().parent / "results" / "stories.md"
BASELINE_THRESHOLD = 0.3


def load(name: str, split: str | None = None) -> tuple[list[Article], dict[str, str]]:
    rows = [json.loads(line) for line in open(DATA / name, encoding="utf-8")]
    if split:
        rows = [r for r in rows if r.get("split") == split]
    arts = [
        Article(id=r["id"], text=r["text"], title=r.get("title"), published=r.get("date"), outlet=r.get("outlet"))
        for r in rows
    ]
    return arts, {r["id"]: r["cluster"] for r in rows}


def tfidf_single_pass(articles: list[Article]) -> dict[str, str]:
    """The plain baseline: exact cosine of each article with every story centroid (accumulated through a
    term -> centroid table, so it costs no more than the centroids that share a word), join the best above a
    fixed cosine. Weights are fixed when an article is added (online IDF at that moment)."""
    idf = Idf()
    table: dict[str, dict[str, float]] = {}  # term -> {story: weight}
    sq: dict[str, float] = {}  # story -> squared norm of its centroid
    out: dict[str, str] = {}
    for a in articles:
        f = article_features(a)
        idf.add(f.terms.keys())
        v = {t: w * idf(t) for t, w in sublinear(f.terms).items()}
        nv = math.sqrt(sum(x * x for x in v.values())) or 1.0
        dots: dict[str, float] = {}
        for t, w in v.items():
            for sid, c in table.get(t, {}).items():
                dots[sid] = dots.get(sid, 0.0) + w * c
        best, best_sid = 0.0, None
        for sid, d in dots.items():
            s = d / (nv * (math.sqrt(sq[sid]) or 1.0))
            if s > best:
                best, best_sid = s, sid
        sid = best_sid if best_sid is not None and best >= BASELINE_THRESHOLD else a.id
        for t, w in v.items():
            row = table.setdefault(t, {})
            old = row.get(sid, 0.0)
            new = old + w / nv
            row[sid] = new
            sq[sid] = sq.get(sid, 0.0) + new * new - old * old
        out[a.id] = sid
    return out


def dated_stream(articles: list[Article], n: int, per_day: int = 500) -> list[Article]:
    """`n` articles cycling through `articles` with fresh ids and dates advancing `per_day` articles a day."""
    start = datetime.date(2020, 1, 1)
    out = []
    for i in range(n):
        a = articles[i % len(articles)]
        day = start + datetime.timedelta(days=i // per_day)
        out.append(Article(id=f"{a.id}#{i // len(articles)}", text=a.text, title=a.title, published=day.isoformat()))
    return out


def _with_switch(name: str, value: object, articles: list[Article], where: str = "storyline.stories") -> dict[str, str]:
    """assign_stories with one of the stage's switches (in module `where`) set for this run only."""
    import importlib

    import storyline.stories as st

    module = importlib.import_module(where)
    before = getattr(module, name)
    setattr(module, name, value)
    try:
        return st.assign_stories(articles)
    finally:
        setattr(module, name, before)


def _with_leads(articles: list[Article]) -> dict[str, str]:
    """The variant that embeds title + lead when the cheap signals are unsure (off by default: see results)."""
    return _with_switch("EMBED_WHEN_UNSURE", True, articles)


def _without_repair(articles: list[Article]) -> dict[str, str]:
    """The greedy join alone, without the online split and merge repair (to show what the repair adds)."""
    return _with_switch("REPAIR", False, articles)


def ingested(name: str, split: str) -> list[Article]:
    """The split's rows read the way `storyline cluster` reads a JSONL file: cleaned, and dated where the text or
    the URL gives a date (ECB+ rows carry no date of their own)."""
    rows = [json.loads(line) for line in open(DATA / name, encoding="utf-8")]
    return _read_as_cli([r for r in rows if r.get("split") == split])


def _read_as_cli(rows: list[dict]) -> list[Article]:
    """`rows` read the way `storyline cluster` reads a JSONL file: cleaned, dated, rejected rows left out."""
    import tempfile

    from storyline.batch import read_articles

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "rows.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        return read_articles(path)[0]


def _without_doubt(articles: list[Article]) -> dict[str, str]:
    """Without the end-of-input check of members in doubt (cluster.DOUBT, stories._leave_alone)."""
    return _with_switch("DOUBT", 0.0, articles, "storyline.stories.cluster")


def _ecb_row(split: str, name: str, n: int, pred: dict[str, str], gold: dict[str, str]) -> str:
    b, pw = bcubed(pred, gold), pairwise(pred, gold)
    return (f"| {split} | {name} | {n} | {len(set(pred.values()))} / {len(set(gold.values()))} | {b[0]:.3f} | "
            f"{b[1]:.3f} | **{b[2]:.3f}** | {pw[0]:.3f} | {pw[1]:.3f} | {pw[2]:.3f} | {nmi(pred, gold):.3f} |")


def polnear_drift() -> list[str]:
    """A dated stream of one beat: PolNeAR's year of US election coverage from seven outlets (train + dev, in date
    order). It has no story gold, and its reports are mostly of different events; the figure to watch is how many
    articles the largest story swallows, with and without the story span bound (cluster.STORY_SPAN_DAYS)."""
    from storyline.stories import cluster

    rows = [json.loads(line) for line in open(DATA / "polnear_train_dev.jsonl", encoding="utf-8")]
    arts = _read_as_cli([{k: r.get(k) for k in ("id", "text", "title", "date", "outlet")} for r in rows])
    out = ["## A dated beat: PolNeAR (a year of election coverage, 7 outlets, no story gold)", "",
           f"{len(arts)} articles, {min(r['date'] for r in rows)} to {max(r['date'] for r in rows)}. Mostly "
           "different events of one beat (the same candidates in nearly every article): a story that keeps every "
           "report of its beat is a failure even without gold.", "",
           "| method | stories | largest story | 2nd | share of articles in the largest | stories running past "
           f"{cluster.STORY_SPAN_DAYS} days |", "|---|---|---|---|---|---|"]
    saved = cluster.STORY_SPAN_DAYS, cluster.LATE_JOIN
    day = {r["id"]: datetime.date.fromisoformat(r["date"][:10]) for r in rows}
    try:
        for name, span, late, fn in (
                (f"storyline (a story spans at most {saved[0]} days, first report to last, but for follow-ups "
                 f"after a pause at probability >= {saved[1]})", saved[0], saved[1], assign_stories),
                ("storyline without the end check of members in doubt", saved[0], saved[1], _without_doubt),
                ("storyline without follow-ups past the span", saved[0], 2.0, assign_stories),
                ("storyline without the span bound", 10**6, saved[1], assign_stories)):
            cluster.STORY_SPAN_DAYS, cluster.LATE_JOIN = span, late
            pred = fn(arts)
            sizes = sorted(Counter(pred.values()).values(), reverse=True) + [0]
            runs: dict[str, list[datetime.date]] = {}
            for a in arts:
                runs.setdefault(pred[a.id], []).append(day[a.id])
            long = sum(1 for d in runs.values() if (max(d) - min(d)).days > saved[0])
            out.append(f"| {name} | {len(set(pred.values()))} | {sizes[0]} | {sizes[1]} | {sizes[0] / len(arts):.2f} "
                       f"| {long} |")
    finally:
        cluster.STORY_SPAN_DAYS, cluster.LATE_JOIN = saved
    return out + [""]


def _without_follow_ups(articles: list[Article]) -> dict[str, str]:
    """Without late joins: no story takes a report dated past its span (cluster.LATE_JOIN off)."""
    return _with_switch("LATE_JOIN", 2.0, articles, "storyline.stories.cluster")


def timed(fn, articles):  # type: ignore[no-untyped-def]
    t = time.perf_counter()
    pred = fn(articles)
    return pred, time.perf_counter() - t


def peak_mib(fn, articles) -> float:  # type: ignore[no-untyped-def]
    tracemalloc.start()
    fn(articles)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def pearson(x: list[float], y: list[float]) -> float:
    from scipy.stats import pearsonr

    return float(pearsonr(x, y)[0])


def main() -> None:
    lines: list[str] = []
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines += [
        "# Stories: clustering, copies, same-story score",
        "",
        f"Command: `cd /work/main && .venv/bin/python -m benchmarks.bench_stories` — run {now} on "
        f"{platform.machine()} ({__import__('os').cpu_count()} cores), Python {platform.python_version()}.",
        "Data: ../shared/data (ECB+ train/dev, GoogleNews-TS, SemEval-2022 en pairs). The model was trained on ECB+ "
        "train and the SemEval pairs only (benchmarks/train_story_model.py); ECB+ dev and GoogleNews-TS were never "
        "trained on. One model and one threshold for every dataset. Articles are fed in file order (no dates here).",
        "",
    ]
    with Progress() as progress:
        task = progress.add_task("stories benchmark", total=9)
        # ECB+ -------------------------------------------------------------------------------------------------
        lines += ["## ECB+ (two events of one kind per topic; gold story = `cluster`)", "",
                  "| split | method | articles | stories found / gold | BCubed P | BCubed R | BCubed F1 | pairwise P | "
                  "pairwise R | pairwise F1 | NMI |", "|---|---|---|---|---|---|---|---|---|---|---|"]
        for split in ("train", "dev"):
            arts, gold = load("ecbplus_train_dev.jsonl", split)
            for name, fn in (("storyline", assign_stories), ("storyline without the online repair", _without_repair),
                             ("storyline without the end check of members in doubt", _without_doubt),
                             ("storyline + MiniLM leads where unsure", _with_leads),
                             ("TF-IDF single pass", tfidf_single_pass)):
                pred = fn(arts)
                lines.append(_ecb_row(split, name, len(arts), pred, gold))
            read = ingested("ecbplus_train_dev.jsonl", split)
            lines.append(_ecb_row(split, "storyline, the file read as `storyline cluster` reads it (cleaned, dates "
                                  "inferred from text and URL)", len(read), assign_stories(read), gold))
            lines.append(_ecb_row(split, "the same, without follow-ups past the story span", len(read),
                                  _without_follow_ups(read), gold))
            progress.advance(task)
        lines += ["", "The online repair (src/storyline/stories/repair.py, cluster.repair_story and merge_young): after "
                  "each join, a story of 6-60 cased members whose members fall into two groups by their distinctive "
                  "names and years (normalised cut < 0.3, or < 0.7 when the two groups were written in different "
                  "years: most of one group carry a dateline year that none of the other carries in a dateline and "
                  "fewer than half of it mention) is split, the founder's "
                  "group keeping the id; a young story (2-5 members) scored as one article against the bigger live "
                  "stories is folded into one above 0.3 (never a pair a split separated); a story still of one "
                  "article 200 articles later (or when the input ends) is scored again and joins a bigger story at "
                  "the join threshold, or at 0.02 when that story is 3x as probable as any other of at least 3 scored. "
                  "When the input ends, a story of two still apart is scored again at the join threshold, and a "
                  "member of a story of 3-60 cased members moves to another story that would take it and is 2x as "
                  "probable as its own story without it. Thresholds were chosen on ECB+ train (and checked on shuffled "
                  "input orders of train and dev).", "",
                  "The end check of members in doubt (stories._leave_alone): a member of a cased story that its own "
                  "story, without it, would take with probability below 0.05 leaves it when the sentence-embedding "
                  "pair model (`storyline pairs`) gives it below 0.2 with every other member. It is for the stray "
                  "article of another event that a loose join let in (PolNeAR: two, in the beat section below; ECB+ "
                  "train read through `storyline cluster`: an obituary of Esther Williams in Bettie Page's); two "
                  "events of one kind, the usual ECB+ error, look alike to it and stay.", "",
                  "Read through ingest, a third of the ECB+ texts get a date (from the URL or the text), and the "
                  "story span bound (a story spans at most 7 days, there for dated streams: see the PolNeAR beat "
                  "below) would split the gold stories whose reports are weeks or years apart (11 of the 50 train "
                  "stories have dated reports more than 7 days apart): a report dated past the span joins a story "
                  "only at probability >= 0.9 (cluster.LATE_JOIN), as a follow-up after a pause (a report that "
                  "would stretch the story's run of reports without a pause past 7 days is the next week's story). "
                  "The rest of the gap to the "
                  "undated rows is the date order itself: undated reports take the place of the dated one before "
                  "them, and two events of one kind meet in another order.", "",
                  "The embedding variant scores lower (MiniLM finds two earthquakes alike: the same kind is exactly "
                  "what it captures), so the clusterer does not use it by default.", "",
                  "Reference (data README): TF-IDF + average linkage (offline, all pairs) BCubed F1 about 0.87 on "
                  "train+dev. Target on the hidden test split: BCubed F1 >= 0.95.", ""]
        # GoogleNews-TS ----------------------------------------------------------------------------------------
        arts, gold = load("googlenews_ts.jsonl")
        pred, t_ours = timed(assign_stories, arts)
        progress.advance(task)
        base, t_base = timed(tfidf_single_pass, arts)
        progress.advance(task)
        b, bb = bcubed(pred, gold), bcubed(base, gold)
        lines += [
            "## GoogleNews-TS (lower-cased keyword headlines + snippets; number of stories not given)", "",
            "| method | stories found / gold | BCubed P | BCubed R | BCubed F1 | NMI |", "|---|---|---|---|---|---|",
            f"| storyline | {len(set(pred.values()))} / {len(set(gold.values()))} | {b[0]:.3f} | {b[1]:.3f} | "
            f"**{b[2]:.3f}** | **{nmi(pred, gold):.3f}** |",
            f"| TF-IDF single pass | {len(set(base.values()))} / {len(set(gold.values()))} | {bb[0]:.3f} | "
            f"{bb[1]:.3f} | {bb[2]:.3f} | {nmi(base, gold):.3f} |",
            "", "Targets on the hidden test split: BCubed F1 >= 0.85, NMI >= 0.92. Published short-text clustering "
            "given the true number of stories: NMI about 0.88-0.90.", "",
        ]
        lines += polnear_drift()
        # Throughput and memory --------------------------------------------------------------------------------
        m_ours = peak_mib(assign_stories, arts)
        m_base = peak_mib(tfidf_single_pass, arts)
        progress.advance(task)
        n = len(arts)
        lines += [
            "## Speed and memory of the stage (GoogleNews-TS, 11,109 articles, one process)", "",
            "Clustering from the articles as ingested (the stage computes its own cheap features; no language "
            "pipeline, no embeddings on this path). Peak memory is Python allocations (tracemalloc) during the "
            "stage, in a separate run from the timing.", "",
            "| method | seconds | articles/s | peak MiB |", "|---|---|---|---|",
            f"| storyline | {t_ours:.1f} | **{n / t_ours:.0f}** | {m_ours:.1f} |",
            f"| TF-IDF single pass (all centroids) | {t_base:.1f} | {n / t_base:.0f} | {m_base:.1f} |",
            f"| ratio storyline / baseline | | {(n / t_ours) / (n / t_base):.2f}x | {m_ours / m_base:.2f}x |", "",
        ]
        # Growth -----------------------------------------------------------------------------------------------
        lines += ["## How time grows with the stream (GoogleNews-TS prefixes)", "",
                  "| articles | storyline s | storyline ms/article | storyline peak MiB | baseline s | "
                  "baseline ms/article |", "|---|---|---|---|---|---|"]
        for size in (1000, 2000, 4000, 8000, n):
            sub = arts[:size]
            _, t1 = timed(assign_stories, sub)
            _, t2 = timed(tfidf_single_pass, sub)
            mem = peak_mib(assign_stories, sub)
            lines.append(f"| {size} | {t1:.2f} | {1000 * t1 / size:.3f} | {mem:.1f} | {t2:.2f} | "
                         f"{1000 * t2 / size:.3f} |")
        lines += ["", "Undated input keeps every story live (GoogleNews-TS has no dates), so memory here follows the "
                  "number of live stories and the vocabulary. With dates, stories go dormant after 14 days without growing "
                  "(and span at most 7 days from first report to last) and "
                  "leave memory: the same items given dates (500 a day) and replayed twice as one long "
                  "stream of new articles:", "",
                  "| articles in the dated stream | peak MiB |", "|---|---|"]
        for size in (5000, 11109, 22218):
            lines.append(f"| {size} | {peak_mib(assign_stories, dated_stream(arts, size)):.1f} |")
        progress.advance(task)
        lines.append("")
        # End to end on full articles --------------------------------------------------------------------------
        arts_e, _ = load("ecbplus_train_dev.jsonl", "dev")
        words = sum(len(a.text.split()) for a in arts_e) / len(arts_e)
        _, t_stage = timed(assign_stories, arts_e)
        _, t_no_doubt = timed(_without_doubt, arts_e)
        from storyline.nlp import analyze_articles

        sample = arts_e[:60]
        t0 = time.perf_counter()
        try:  # the nlp room's stage is measured as it stands; its failure must not lose the other figures
            analyses = analyze_articles(sample)
            assign_stories(sample, analyses)
            e2e = f"{len(sample) / (time.perf_counter() - t0):.1f}"
        except Exception as exc:  # noqa: BLE001
            e2e = f"not measured: analyze_articles raised {type(exc).__name__}: {exc}"
        progress.advance(task)
        lines += [
            "## Full-length articles (ECB+ dev)", "",
            "| path | articles | mean words | articles/s |", "|---|---|---|---|",
            "| stories stage alone (cheap features from the text; MiniLM for the members in doubt) | "
            f"{len(arts_e)} | {words:.0f} | "
            f"{len(arts_e) / t_stage:.0f} |",
            f"| the same without the end check of members in doubt (no embeddings) | {len(arts_e)} | {words:.0f} | "
            f"{len(arts_e) / t_no_doubt:.0f} |",
            f"| analyze_articles (nlp room, full spaCy) + stories | {len(sample)} | {words:.0f} | {e2e} |", "",
        ]
        # SemEval pairs ----------------------------------------------------------------------------------------
        rows = [json.loads(line) for line in open(DATA / "semeval2022_en_pairs_train.jsonl", encoding="utf-8")]
        probs = pair_probabilities(rows)
        r = pearson(probs, [-row["Overall"] for row in rows])
        x_pairs, labels, overall = tr.pair_instances()
        r_cv = tr.pair_cv(x_pairs, labels, overall)
        r_cheap = pearson(cheap_pair_probabilities(row_articles(rows)), [-row["Overall"] for row in rows])
        progress.advance(task)
        tf = _tfidf_cosine_pairs(rows)
        lines += [
            "## SemEval-2022 Task 8 English pairs (161; Overall 1 = same story ... 4 = unrelated)", "",
            "Pearson between `pair_probabilities` and -Overall. `storyline pairs` has its own model "
            "(stories/pairs.py: MiniLM cosine of the two leads and of the two texts, logistic weights trained on "
            "these pairs alone), so the figure to read is the 5-fold cross-validated one: the weights refitted five "
            "times, each time without the fold it scores. The clusterer's cheap model (trained on ECB+ train + "
            "these pairs) is what `pairs` falls back to without the embedding model.", "",
            "| method | Pearson |", "|---|---|",
            f"| pair model, 5-fold cross-validated | **{r_cv:.3f}** |",
            f"| pair model, in-sample (`pair_probabilities`) | {r:.3f} |",
            f"| clusterer's model as a pair score (fallback), 5-fold cross-validated | {_semeval_cv(rows):.3f} |",
            f"| clusterer's model as a pair score (fallback), in-sample | {r_cheap:.3f} |",
            f"| TF-IDF cosine (same tokens, batch IDF) | {tf:.3f} |", "",
            "Target on the hidden test split: Pearson >= 0.85 (TF-IDF cosine about 0.75).", "",
        ]
        progress.advance(task)
        # Copies -----------------------------------------------------------------------------------------------
        arts_all, _ = load("ecbplus_train_dev.jsonl")
        t0 = time.perf_counter()
        groups = find_copies(arts_all)
        t_c = time.perf_counter() - t0
        progress.advance(task)
        lines += [
            "## Wire copies (MinHash LSH, 3-word shingles, Jaccard >= 0.5)", "",
            f"ECB+ train+dev ({len(arts_all)} articles): {len(groups)} copy groups covering "
            f"{sum(len(g) for g in groups)} articles, found in {t_c:.1f} s. There is no gold for copies in "
            "../shared/data; tests/test_stories_copies_pairs.py checks a lightly edited wire text and different texts.",
            "",
        ]
    write_result(OUT, lines)


def _tfidf_cosine_pairs(rows: list[dict]) -> float:
    idf = Idf()
    feats = [(article_features(Article(id="a", text=r["text1"])), article_features(Article(id="b", text=r["text2"])))
             for r in rows]
    for fa, fb in feats:
        idf.add(fa.terms.keys())
        idf.add(fb.terms.keys())
    out = []
    for fa, fb in feats:
        va = {t: w * idf(t) for t, w in sublinear(fa.terms).items()}
        vb = {t: w * idf(t) for t, w in sublinear(fb.terms).items()}
        na = math.sqrt(sum(x * x for x in va.values())) or 1.0
        nb = math.sqrt(sum(x * x for x in vb.values())) or 1.0
        out.append(sum(w * vb.get(t, 0.0) for t, w in va.items()) / (na * nb))
    return pearson(out, [-r["Overall"] for r in rows])


def _semeval_cv(rows: list[dict]) -> float:
    """The clusterer's model as a pair score: its logistic weights refitted 5 times on ECB+ train rows + 4/5 of
    SemEval, scoring the held-out fifth."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    X_ecb, Y_ecb = tr.ecb_instances()
    xs = np.array(tr.semeval_features(rows, True))
    labels = np.array([int(r["Overall"] <= tr.SEMEVAL_SAME) for r in rows])
    overall = np.array([r["Overall"] for r in rows])
    scores = np.zeros(len(rows))
    folds = np.arange(len(rows)) % 5
    for k in range(5):
        tr_idx = np.where(folds != k)[0]
        te_idx = np.where(folds == k)[0]
        xtr = np.concatenate([X_ecb, xs[2 * tr_idx], xs[2 * tr_idx + 1]])
        ytr = np.concatenate([Y_ecb, labels[tr_idx], labels[tr_idx]])
        sw = tr.SEMEVAL_SHARE * len(X_ecb) / (2 * len(tr_idx))
        w = np.concatenate([np.ones(len(X_ecb)), np.full(2 * len(tr_idx), sw)])
        lr = LogisticRegression(C=1.0, max_iter=2000).fit(xtr, ytr, sample_weight=w)
        p = (lr.predict_proba(xs[2 * te_idx])[:, 1] + lr.predict_proba(xs[2 * te_idx + 1])[:, 1]) / 2
        scores[te_idx] = p
    return pearson(list(scores), list(-overall))


if __name__ == "__main__":
    main()
