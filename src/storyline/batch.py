"""The batch commands of SCHEMA.md: JSONL in, JSONL out, no database.

They exist for scripts and for the evaluation benchmarks, so their output formats are public: see SCHEMA.md.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from storyline.model import Article, Rejected, to_dict
from storyline.pipeline import StartTask, no_progress


def read_articles(path: Path) -> tuple[list[Article], list[Rejected]]:
    """Articles of a JSONL/JSON file in input order, and the rows that could not be read."""
    from storyline.ingest import read_paths

    articles: list[Article] = []
    rejected: list[Rejected] = []
    for item in read_paths([path]):
        (rejected if isinstance(item, Rejected) else articles).append(item)  # type: ignore[arg-type]
    return articles, rejected


def read_rows(path: Path) -> tuple[list[dict[str, Any]], list[Rejected]]:
    """Plain JSON objects, one per line; a bad line is rejected with its line number."""
    rows: list[dict[str, Any]] = []
    rejected: list[Rejected] = []
    with open(path, encoding="utf-8-sig", errors="replace") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                rejected.append(Rejected(f"{path}:{number}", f"not valid JSON ({exc.msg} at column {exc.colno})"))
                continue
            if not isinstance(row, dict):
                rejected.append(Rejected(f"{path}:{number}", "expected a JSON object on this line"))
                continue
            rows.append(row)
    return rows, rejected


def write_jsonl(rows: Iterator[dict[str, Any]] | list[dict[str, Any]], out: TextIO) -> int:
    n = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        n += 1
    return n


def analyze_rows(articles: list[Article], start: StartTask = no_progress) -> list[dict[str, Any]]:
    """SCHEMA.md `storyline analyze` rows; canonical names resolved across a story when rows carry `story`."""
    from storyline.nlp import analyze_articles

    advance = start("Analysing", len(articles))
    analyses = analyze_articles(articles, progress=advance)
    out = []
    for analysis in analyses:
        row = to_dict(analysis)
        out.append(
            {
                "id": analysis.article_id,
                "published": analysis.published,
                "published_inferred": analysis.published_inferred,
                "published_window": analysis.published_window,
                "outlet": analysis.outlet,
                "entities": row["entities"],
                "quotes": row["quotes"],
                "times": row["times"],
                "events": row["events"],
            }
        )
    return out


def cluster_rows(articles: list[Article], start: StartTask = no_progress) -> list[dict[str, Any]]:
    """SCHEMA.md `storyline cluster` rows, one per input article, in input order."""
    from storyline.stories import assign_stories

    advance = start("Clustering", len(articles))
    assignment = assign_stories(articles, None, None, advance)
    return [{"id": a.id, "story": assignment[a.id]} for a in articles]


def facts_rows(articles: list[Article], start: StartTask = no_progress) -> list[dict[str, Any]]:
    """SCHEMA.md `storyline facts` rows, one per story (given by `story`, or clustered first)."""
    from storyline.brief import align_facts
    from storyline.nlp import analyze_articles
    from storyline.stories import assign_stories, build_stories

    if all(a.story is not None for a in articles):
        assignment = {a.id: str(a.story) for a in articles}
    else:
        assignment = assign_stories(articles, None, None, start("Clustering", len(articles)))
    analyses = {x.article_id: x for x in analyze_articles(articles, progress=start("Analysing", len(articles)))}
    out = []
    stories = build_stories(articles, assignment)
    advance = start("Aligning facts", len(stories))
    by_id = {a.id: a for a in articles}
    for story in stories:
        members = [by_id[i] for i in story.article_ids]
        facts = align_facts(members, [analyses[a.id] for a in members], story.copies)
        out.append({"story": story.id, "facts": [to_dict(f) for f in facts]})
        advance(1)
    return out


PAIR_CHUNK = 64


def pairs_rows(rows: list[dict[str, Any]], start: StartTask = no_progress) -> tuple[list[dict[str, Any]], list[Rejected]]:
    """SCHEMA.md `storyline pairs` rows: a calibrated same-story probability per pair."""
    from storyline.stories import pair_probabilities

    good, rejected = [], []
    for i, row in enumerate(rows):
        if not isinstance(row.get("text1"), str) or not isinstance(row.get("text2"), str):
            rejected.append(Rejected(str(row.get("pair_id", f"row {i + 1}")), "a pair needs text1 and text2 strings"))
        else:
            good.append(row)
    advance = start("Scoring pairs", len(good))
    scores: list[float] = []
    for i in range(0, len(good), PAIR_CHUNK):  # in chunks, so the bar moves: each pair embeds two whole texts
        scores.extend(pair_probabilities(good[i : i + PAIR_CHUNK]))
        advance(len(good[i : i + PAIR_CHUNK]))
    return [{"pair_id": r.get("pair_id"), "score": float(s)} for r, s in zip(good, scores)], rejected
