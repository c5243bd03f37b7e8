"""Ingest on ../shared/data: does reading lose rows, how fast is it, and does cleaning keep what annotators marked?

Run: cd /work/main && .venv/bin/python -m benchmarks.bench_ingest   (writes benchmarks/results/ingest.md)

Every figure goes through `read_paths`, the function `storyline ingest` and the batch commands use.
- Rows: each evaluation file is read as a user's JSONL; every row should become an article (a Rejected is a row
  the other benchmarks lose), with the reason when not.
- Gold kept in body: cleaning marks titles, captions, credits, bylines, boilerplate as non-body, and analysis reads
  only body blocks. A gold annotation (PolNeAR attribution, TimeBank/MEANTIME time expression, MEANTIME entity
  mention, ECB+ aligned sentence) that overlaps a non-body block is one analysis cannot find. The table gives the
  share kept in body and what the rest fell into. Titles are set aside by design (see the note under the table).
- HTML round trip: each ECB+ article is written as a page (paragraphs in <p>, with a navigation bar, a related-links
  list and a footer around the article) and read back through the HTML reader (trafilatura); the figure is the share
  of the article's lines found verbatim in the extracted body, and pages per second.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import platform
import tempfile
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from benchmarks.run import write_result
from storyline.ingest import read_paths
from storyline.model import Article, Rejected

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
OUT = Path(__file__).resolve().parent / "results" / "ingest.md"
FILES = ["ecbplus_train_dev.jsonl", "polnear_train_dev.jsonl", "googlenews_ts.jsonl", "timebank.jsonl",
         "meantime_airbus_gm.jsonl"]


def _read(path: Path) -> tuple[list[Article], list[Rejected], float]:
    t0 = time.perf_counter()
    items = list(read_paths([path]))
    seconds = time.perf_counter() - t0
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, Rejected)], seconds


def _rows(name: str) -> list[dict]:
    with (DATA / name).open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _kind_at(article: Article, start: int, end: int) -> str:
    """'body' when the span lies in body blocks only, else the first non-body kind it touches ('none': in no block)."""
    touched = [b.kind for b in article.blocks if b.start < end and start < b.end] if article.blocks else ["body"]
    if not touched:
        return "none"
    other = [k for k in touched if k != "body"]
    return other[0] if other else "body"


def _gold_spans(name: str, row: dict) -> Iterable[tuple[str, int, int]]:
    """(what, start, end) of every gold annotation in one row of an evaluation file."""
    if name.startswith("polnear"):
        for q in row.get("quotes", []):
            parts = q.get("content") or []
            if parts:
                yield "attribution content", min(p["start"] for p in parts), max(p["end"] for p in parts)
            for p in q.get("source") or []:
                yield "attribution source", p["start"], p["end"]
    elif name.startswith("timebank"):
        for t in row.get("timexes", []):
            yield "time expression", t["start"], t["end"]
    elif name.startswith("meantime"):
        for t in row.get("timexes", []):
            if "start" in t:
                yield "time expression", t["start"], t["end"]
        for m in row.get("entity_mentions", []):
            yield "entity mention", m["start"], m["end"]


def _ecb_align_spans() -> dict[str, list[tuple[int, int]]]:
    spans: dict[str, list[tuple[int, int]]] = {}
    for story in _rows("ecbplus_align_train_dev.jsonl"):
        for s in story["sentences"]:
            spans.setdefault(s["doc"], []).append((s["offset"], s["offset"] + len(s["text"])))
    return spans


def _page(article: Article) -> str:
    paragraphs = "".join(f"<p>{html.escape(line)}</p>\n" for line in article.text.splitlines()[1:] if line.strip())
    title = html.escape(article.title or "")
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title} | Example News</title></head><body>"
        "<nav><ul><li><a href='/'>Home</a></li><li><a href='/world'>World</a></li><li><a href='/sport'>Sport</a></li>"
        "<li><a href='/weather'>Weather</a></li></ul></nav>"
        f"<main><article><h1>{title}</h1>\n{paragraphs}</article>"
        "<aside><h2>More stories</h2><ul><li><a href='/a'>Markets close higher on bank results</a></li>"
        "<li><a href='/b'>Ten recipes for a summer picnic</a></li></ul></aside></main>"
        "<footer><p>Contact us</p><p>Terms of use</p></footer></body></html>"
    )


def _html_round_trip(articles: list[Article]) -> tuple[float, float, int, int]:
    """(share of article lines recovered in body, pages per second, pages, pages rejected)."""
    found = total = rejected = 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        originals = {}
        for n, a in enumerate(articles):
            path = folder / f"{n:05d}.html"
            path.write_text(_page(a), encoding="utf-8")
            originals[str(path)] = a
        with Progress(TextColumn("HTML round trip"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn()) as bar:
            task = bar.add_task("html", total=len(originals))
            t0 = time.perf_counter()
            for item in read_paths([folder]):
                bar.advance(task)
                if isinstance(item, Rejected):
                    rejected += 1
                    lines = [ln for ln in originals[item.source].text.splitlines()[1:] if ln.strip()]
                    total += len(lines)
                    continue
                body = item.body_text()
                lines = [" ".join(ln.split()) for ln in originals[item.source].text.splitlines()[1:] if ln.strip()]
                total += len(lines)
                normalised = " ".join(body.split())
                found += sum(1 for ln in lines if ln in normalised)
            seconds = time.perf_counter() - t0
    return found / max(total, 1), len(articles) / seconds, len(articles), rejected


def main() -> None:
    lines = [
        "# Ingest on ../shared/data",
        "",
        f"Command: `cd /work/main && .venv/bin/python -m benchmarks.bench_ingest`  ",
        f"Date: {dt.date.today().isoformat()}; Python {platform.python_version()}; {platform.machine()}, single process.",
        "",
        "## Rows read",
        "",
        "| file | rows | articles | rejected | seconds | articles/s | kinds of text (share of characters) |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    gold_rows: list[str] = []
    reasons: list[str] = []
    ecb_articles: list[Article] = []
    align = _ecb_align_spans()
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn()) as bar:
        task = bar.add_task("reading", total=len(FILES))
        for name in FILES:
            bar.update(task, description=f"reading {name}")
            rows = _rows(name)
            articles, rejected, seconds = _read(DATA / name)
            chars = Counter()
            for a in articles:
                for b in a.blocks:
                    chars[b.kind] += b.end - b.start
            total_chars = sum(chars.values()) or 1
            mix = ", ".join(f"{k} {v / total_chars:.2%}" for k, v in chars.most_common())
            lines.append(f"| {name} | {len(rows):,} | {len(articles):,} | {len(rejected)} | {seconds:.2f} | "
                         f"{len(articles) / seconds:,.0f} | {mix} |")
            reasons += [f"- {name}: `{r.source.split('/')[-1]}` {r.reason}" for r in rejected[:5]]
            by_id = {a.id: a for a in articles}
            counts: dict[str, Counter] = {}
            if name.startswith("ecbplus"):
                ecb_articles = articles
                for doc, spans in align.items():
                    if doc in by_id:
                        for s, e in spans:
                            counts.setdefault("aligned sentence", Counter())[_kind_at(by_id[doc], s, e)] += 1
            for row in rows:
                a = by_id.get(str(row.get("id")))
                if a is None:
                    continue
                for what, s, e in _gold_spans(name, row):
                    counts.setdefault(what, Counter())[_kind_at(a, s, e)] += 1
            for what, c in counts.items():
                n = sum(c.values())
                lost = ", ".join(f"{k} {v}" for k, v in c.most_common() if k != "body") or "-"
                gold_rows.append(f"| {name} | {what} | {n:,} | {c['body'] / n:.2%} | {lost} |")
            bar.advance(task)

    lines += ["", "Rejected rows (first five per file):", ""] + (reasons or ["- none"])
    lines += [
        "",
        "## Gold annotations left in body blocks",
        "",
        "| file | annotation | gold | in body | elsewhere (block kind: count) |",
        "|---|---|---:|---:|---|",
        *gold_rows,
        "",
        "A title line is marked `title` when it repeats the row's `title` and does not end in a full stop (a lead",
        "sentence copied into `title`, as in ECB+, stays body). A date-only line under the title is `byline` and gives",
        "`published`. Annotations there are out of reach of analysis while `model.BODY_KINDS` is {body}.",
    ]
    share, rate, pages, rejected_pages = _html_round_trip(ecb_articles)
    lines += [
        "",
        "## HTML round trip (ECB+ articles as pages, through trafilatura)",
        "",
        f"- pages: {pages:,}; rejected: {rejected_pages}",
        f"- article lines found verbatim in the extracted body: {share:.2%}",
        f"- speed: {rate:,.1f} pages/s",
        "",
    ]
    write_result(OUT, lines)


if __name__ == "__main__":
    main()
