"""End to end through the store, as the CLI runs it: ingest -> stories (cheap features) -> full language analysis.

Issue 3 asks for >= 20 articles/s end to end on ~600-word news articles; PolNeAR articles are that long. storyline
places articles in stories before (and without) the full language analysis, which runs only for the stories whose
brief is wanted (`storyline brief`, the web UI, or `storyline run` writing every brief). Both are measured here:
- "stories": ingest + clustering, what `storyline ingest` + `storyline stories` cost per article;
- "+ analysis": the same, then the full analysis (spaCy parse, entities, attributions, times) of every article,
  with one analysis process, with one per core, and on a Dask cluster of one worker per core (`--dask local`),
  in the same run.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
import time
from contextlib import nullcontext
from pathlib import Path

from benchmarks.run import write_result
from storyline import pipeline
from storyline.scale import dask_executor
from storyline.store import Store

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
OUT = Path(__file__).resolve().parent / "results" / "end_to_end.md"
N_ANALYSED = 200


def _write(rows: list[dict], path: Path) -> None:
    path.write_text("".join(json.dumps({"id": str(r["id"]), "text": r["text"], "title": r.get("title")}) + "\n"
                            for r in rows), encoding="utf-8")


def _stories(src: Path, db: Path) -> tuple[float, float]:
    with Store(db) as store:
        t0 = time.perf_counter()
        pipeline.ingest(store, [src])
        t1 = time.perf_counter()
        pipeline.update(store)
        t2 = time.perf_counter()
    return t1 - t0, t2 - t1


def main() -> None:
    with open(DATA / "polnear_train_dev.jsonl", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    words = sum(len(r["text"].split()) for r in rows) / len(rows)
    words_some = sum(len(r["text"].split()) for r in rows[:N_ANALYSED]) / N_ANALYSED
    lines = [
        "# End to end: ingest, stories, and the full language analysis, through the store",
        "",
        "Command: `cd /work/main && .venv/bin/python -m benchmarks.bench_end_to_end`  ",
        f"Date: {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC; load average before: {os.getloadavg()[0]:.1f}",
        "",
        f"PolNeAR articles ({words:.0f} words on average over all {len(rows)}, {words_some:.0f} over the first "
        f"{N_ANALYSED}), from a JSONL file into a fresh database each time.",
        "",
        "| path | articles | analysis workers | ingest s | stories s | analyse s | articles/s end to end |",
        "|---|---|---|---|---|---|---|",
    ]
    with tempfile.TemporaryDirectory() as tmp:
        every, some = Path(tmp) / "all.jsonl", Path(tmp) / "some.jsonl"
        _write(rows, every)
        _write(rows[:N_ANALYSED], some)
        for src, n in ((every, len(rows)), (some, N_ANALYSED)):
            ingest_s, stories_s = _stories(src, Path(tmp) / f"stories{n}.db")
            lines.append(f"| stories (ingest + cluster) | {n} | - | {ingest_s:.1f} | {stories_s:.1f} | - | "
                         f"{n / (ingest_s + stories_s):.0f} |")
            print(lines[-1], flush=True)
        for workers in (1, os.cpu_count() or 1, "dask"):
            db = Path(tmp) / f"w{workers}.db"
            ingest_s, stories_s = _stories(some, db)
            with Store(db) as store, (dask_executor("local") if workers == "dask" else nullcontext()) as executor:
                t0 = time.perf_counter()
                pipeline.analyze_pending(store, workers=None if executor else int(workers), executor=executor)
                analyse_s = time.perf_counter() - t0
            total = ingest_s + stories_s + analyse_s
            label = f"{executor.width} (Dask LocalCluster, started before timing)" if executor else workers
            lines.append(f"| stories + analysis of every article | {N_ANALYSED} | {label} | {ingest_s:.1f} | "
                         f"{stories_s:.1f} | {analyse_s:.1f} | {N_ANALYSED / total:.1f} |")
            print(lines[-1], flush=True)
    lines += [
        "",
        "Stories are ready at the first rate: placing an article needs only cheap features, and when the input "
        "ends only the stories with a member in doubt are embedded (MiniLM) to check it. The full analysis is "
        "paid per story when its brief is first wanted (then cached by analyser version); `storyline run`, which "
        "writes every story's brief, pays it for every article, at the last rates (spaCy's parse and NER are most "
        "of it).",
        "",
    ]
    write_result(OUT, lines)


if __name__ == "__main__":
    main()
