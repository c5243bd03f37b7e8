"""What the templates show, laid out from a Brief: citation numbers, the outlet matrix, timeline geometry.

Nothing here decides content (the brief did); it only arranges it for a page: numbering citations, looking up the
sentence a citation points at in the article, placing timeline dates on an axis.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from typing import Any

from storyline.model import Article, Brief, SourceSpan

MAX_MATRIX_FACTS = 40
# The Markdown lists every corroborated and disputed fact, but only this many single-source ones (the most
# important): a week of campaign coverage holds hundreds of sentences only one outlet wrote, and a brief that
# lists them all is the articles again. The JSON keeps every fact.
MAX_LISTED_SINGLE = 25
# A summary line shows this many markers one by one, and the rest as one range ("[4–15]"): the main event of a
# twenty-article story cites every article, and twenty markers after one sentence read as noise. The sources list
# still gives each one.
MAX_MARKERS = 4
_SAFE = re.compile(r"[^A-Za-z0-9._-]+")
_TIMES = {2: "twice", 3: "three times"}


def copy_note(outlets: list[str]) -> str:
    """What the reader is told of one group of copies of a text, by outlet: "The New York Times ran the same text
    twice" rather than "carried by The New York Times, The New York Times" (an outlet that reposts its own
    article, or runs it in print and online)."""
    counts = Counter(outlets)
    if len(counts) == 1:
        name, n = next(iter(counts.items()))
        return f"{name} ran the same text {_TIMES.get(n, f'{n} times')}: counted as one source."
    named = [f"{o} ({n} articles)" if n > 1 else o for o, n in counts.items()]
    return f"Same wire text carried by {', '.join(named)}: counted as one source."


def page_name(story_id: str) -> str:
    """A file name for a story id that is safe on every file system ("a/b" -> "a_b")."""
    name = _SAFE.sub("_", story_id).strip("._") or "story"
    return name[:120]


def _excerpt(articles: dict[str, Article], src: SourceSpan) -> str:
    art = articles.get(src.id)
    if art is None or not (0 <= src.start < src.end <= len(art.text)):
        return ""
    return " ".join(art.text[src.start : src.end].split())


def _date_value(date: str, end: bool = False) -> dt.date | None:
    try:
        y = int(date[:4])
        if len(date) >= 10:
            return dt.date(y, int(date[5:7]), int(date[8:10]))
        if len(date) >= 7:
            m = int(date[5:7])
            if end:
                return (dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1))
            return dt.date(y, m, 1)
        return dt.date(y, 12, 31) if end else dt.date(y, 1, 1)
    except ValueError:
        return None


def timeline_svg(brief: Brief, width: int = 880) -> dict[str, Any]:
    """Geometry for the timeline picture: one mark per entry (a dot for a day, a bar for a month or year)."""
    spans = []
    for n, e in enumerate(brief.timeline, 1):
        a, b = _date_value(e.date), _date_value(e.date, end=True)
        if a and b:
            spans.append((n, e, a, b))
    if not spans:
        return {"width": width, "height": 0, "marks": [], "ticks": []}
    # The axis covers the finer-dated entries; a bare year would stretch it to twelve months of nothing.
    fine = [sp for sp in spans if sp[1].precision != "year"] or spans
    lo = min(sp[2] for sp in fine)
    hi = max(sp[3] for sp in fine)
    if (hi - lo).days < 20:
        lo, hi = lo - dt.timedelta(days=10), hi + dt.timedelta(days=10)
    days = max((hi - lo).days, 1)
    left, right = 40, width - 40

    def x(d: dt.date) -> float:
        return left + (right - left) * min(max((d - lo).days, 0), days) / days

    marks, lanes_end = [], []
    for n, e, a, b in spans:
        # An entry wholly before or after the axis (a bare year long ago) is marked at that end with its date,
        # hollow: drawn inside the axis it would claim a month it is not about.
        outside = "before" if b < lo else "after" if a > hi else None
        x0, x1 = (x(a), x(b)) if outside is None else ((left, left) if outside == "before" else (right, right))
        label = e.date if outside else ""
        reach = x0 + 14 + 6 * len(label) if outside != "after" else x0 + 14
        start = x0 - 14 - 6 * len(label) if outside == "after" else x0
        lane = next((i for i, end in enumerate(lanes_end) if end < start - 14), None)
        if lane is None:
            lane = len(lanes_end)
            lanes_end.append(0.0)
        lanes_end[lane] = max(x1, reach)
        marks.append({"n": n, "x0": round(x0, 1), "x1": round(max(x1, x0), 1), "y": 60 + 22 * lane,
                      "bar": e.precision != "day" and outside is None, "date": e.date, "text": e.text,
                      "corroborated": len(e.outlets) > 1, "outside": outside, "label": label})
    return {"width": width, "height": 80 + 22 * len(lanes_end), "marks": marks, "ticks": _ticks(lo, hi, x),
            "axis_y": 36, "left": left, "right": right}


# Under this many days an axis marks weeks (days under SHORT_SPAN_DAYS): month ticks would leave one label or none.
WEEKLY_SPAN_DAYS, SHORT_SPAN_DAYS = 100, 10


def _ticks(lo: dt.date, hi: dt.date, x: Any, most: int = 12) -> list[dict[str, Any]]:
    """Month (or, over two years or more, year; under 100 days, week or day) ticks between lo and hi, at most `most`
    of them."""
    ticks = []
    if (hi - lo).days < WEEKLY_SPAN_DAYS:
        step = 1 if (hi - lo).days <= SHORT_SPAN_DAYS else 7
        d = lo if step == 1 else lo + dt.timedelta(days=(7 - lo.weekday()) % 7)  # weeks start on Monday
        while d <= hi:
            ticks.append({"x": round(x(d), 1), "label": f"{d:%b} {d.day}"})
            d += dt.timedelta(days=step)
        return ticks[:: (len(ticks) + most - 1) // most] if len(ticks) > most else ticks
    monthly = (hi - lo).days < 800
    y, m = lo.year, lo.month
    while dt.date(y, m, 1) <= hi:
        d = dt.date(y, m, 1)
        if d >= lo and (monthly or m == 1):
            ticks.append({"x": round(x(d), 1), "label": d.strftime("%b %Y") if monthly else str(y)})
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    if len(ticks) > most:  # keep labels apart: every other month, or every other year
        ticks = ticks[:: (len(ticks) + most - 1) // most]
    return ticks


def story_map_svg(stories: list[dict[str, Any]], width: int = 880, rows: int = 40) -> dict[str, Any]:
    """Geometry for the index's story map: one row per story (the most widely reported first), a line from its
    first to its last article and a dot per article, on one time axis, so a reader sees which stories run long,
    which burst and which overlap. `stories` items carry "headline", "page" and "dates" (YYYY-MM-DD)."""
    dated = [(s, sorted(d for d in (_date_value(x) for x in s["dates"]) if d)) for s in stories]
    dated = [(s, ds) for s, ds in dated if ds][:rows]
    if not dated:
        return {"width": width, "height": 0, "rows": [], "ticks": []}
    lo = min(ds[0] for _, ds in dated)
    hi = max(ds[-1] for _, ds in dated)
    if (hi - lo).days < 14:
        lo, hi = lo - dt.timedelta(days=7), hi + dt.timedelta(days=7)
    days = max((hi - lo).days, 1)
    left, right = 330, width - 20

    def x(d: dt.date) -> float:
        return left + (right - left) * (d - lo).days / days

    out = []
    for n, (s, ds) in enumerate(dated):
        label = s["headline"] if len(s["headline"]) <= 48 else s["headline"][:47] + "…"
        out.append({"y": 44 + 20 * n, "label": label, "page": s["page"], "x0": round(x(ds[0]), 1),
                    "x1": round(x(ds[-1]), 1), "dots": sorted({round(x(d), 1) for d in ds}), "articles": len(ds),
                    "span": f"{ds[0]} to {ds[-1]}" if ds[0] != ds[-1] else str(ds[0])})
    return {"width": width, "height": 60 + 20 * len(out), "rows": out, "ticks": _ticks(lo, hi, x, most=8),
            "left": left, "right": right, "axis_y": 24}


def _shown_marks(marks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The markers after one summary line: each citation ({"n", "outlet", "texts"}), or past MAX_MARKERS the first
    few and one range marker for the rest, leading to the first of them and naming their outlets."""
    if len(marks) <= MAX_MARKERS:
        return [{"label": str(m["n"]), "anchor": m["n"], "title": f"{m['outlet']}: {' … '.join(m['texts'])}"}
                for m in marks]
    head, rest = _shown_marks(marks[: MAX_MARKERS - 1]), marks[MAX_MARKERS - 1 :]
    outlets = ", ".join(dict.fromkeys(m["outlet"] for m in rest))
    return [*head, {"label": f"{rest[0]['n']}–{rest[-1]['n']}", "anchor": rest[0]["n"],
                    "title": f"{len(rest)} more articles: {outlets}"}]


def story_view(brief: Brief, articles: dict[str, Article]) -> dict[str, Any]:
    """Everything the story page template needs, ready to print."""
    ref = {a.id: a for a in brief.articles}
    outlet_of = {a.id: (a.outlet or a.id) for a in brief.articles}
    outlets = list(dict.fromkeys(outlet_of[a.id] for a in brief.articles))
    citations: list[dict[str, Any]] = []
    summary = []
    for item in brief.summary:
        # One marker per article, leading to every sentence of it the summary sentence stands on: the main event
        # can cite a hundred sentences of twenty articles, and a hundred markers after one sentence read as noise.
        marks: dict[str, dict[str, Any]] = {}
        for src in item.sources:
            if src.id not in marks:
                citations.append({"n": len(citations) + 1, "outlet": outlet_of.get(src.id, src.id), "id": src.id,
                                  "title": ref[src.id].title if src.id in ref else None, "texts": []})
                marks[src.id] = citations[-1]
            marks[src.id]["texts"].append(_excerpt(articles, src))
        summary.append({"text": item.text, "marks": _shown_marks(list(marks.values()))})
    copies = [copy_note([outlet_of.get(a, a) for a in group]) for group in brief.copies]
    facts = [{"fact": f, "cells": [o in f.outlets for o in outlets],
              "sources": [{"outlet": outlet_of.get(s.id, s.id), "text": _excerpt(articles, s)} for s in f.sources]}
             for f in brief.facts[:MAX_MATRIX_FACTS]]
    speakers: dict[str, list] = {}
    for q in brief.quotes:
        speakers.setdefault(q.speaker or "Unnamed speaker", []).append(q)
    counts = {s: sum(1 for f in brief.facts if f.status == s) for s in ("corroborated", "single", "conflict")}
    singles = [f for f in brief.facts if f.status == "single"][:MAX_LISTED_SINGLE]
    listed = [f for f in brief.facts if f.status != "single" or any(f is g for g in singles)]
    # Relative days ("on Wednesday") are resolved against the publication date: the reader is told why an undated
    # article's events are missing from the timeline, and what to give.
    undated = sum(1 for a in brief.articles if not a.published)
    return {"undated": undated, "brief": brief, "outlets": outlets, "summary": summary, "citations": citations, "copies": copies,
            "facts": facts, "more_facts": max(len(brief.facts) - MAX_MATRIX_FACTS, 0), "speakers": speakers,
            "listed_facts": listed, "more_single": counts["single"] - len(singles),
            "timeline": timeline_svg(brief), "counts": counts, "outlet_of": outlet_of, "page": page_name(brief.id)}
