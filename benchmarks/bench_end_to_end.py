"""End to end through the store: ingest + full analysis + clustering, as `storyline run` does before the briefs.

Issue 3 asks for >= 20 articles/s end to end with analysis on ~600-word news articles; PolNeAR articles are that
long. Measured with one analysis process and with one per core, in the same run, so the ratio is what to read.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
import time
from pathlib import Path

from storyline import pipeline
from storyline.store import Store

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
OUT = Path(__file__).resolve().parent / "results" / "end_to_end.md"
N = 200


def main() -> None:
    rows = []
    with open(DATA / "polnear_train_dev.jsonl", encoding="utf-8") as fh:
        for line in fh:
            rows.append(json.loads(line))
            if len(rows) >= N:
                break
    words = sum(len(r["text"].split()) for r in rows) / len(rows)
    lines = [
        "# End to end: ingest, analysis and clustering through the store",
        "",
        "Command: `cd /work/main && .venv/bin/python -m benchmarks.bench_end_to_end`  ",
        f"Date: {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC; load average before: {os.getloadavg()[0]:.1f}",
        "",
        f"{len(rows)} PolNeAR articles, {words:.0f} words on average, from a JSONL file into a fresh database.",
        "",
        "| analysis workers | ingest s | analyse s | cluster s | articles/s end to end |",
        "|---|---|---|---|---|",
    ]
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.jsonl"
        src.write_text("".join(json.dumps({"id": str(r["id"]), "text": r["text"], "title": r.get("title")}) + "\n"
                               for r in rows), encoding="utf-8")
        for workers in (1, os.cpu_count() or 1):
            with Store(Path(tmp) / f"w{workers}.db") as store:
                t0 = time.perf_counter()
                pipeline.ingest(store, [src])
                t1 = time.perf_counter()
                pipeline.analyze_pending(store, workers=workers)
                t2 = time.perf_counter()
                pipeline.cluster_pending(store)
                t3 = time.perf_counter()
            lines.append(f"| {workers} | {t1 - t0:.1f} | {t2 - t1:.1f} | {t3 - t2:.1f} | {len(rows) / (t3 - t0):.1f} |")
            print(lines[-1], flush=True)
    lines += ["", "The full language pass (spaCy parse, entities, attributions, times) is most of the time; the story "
              "stage alone runs at about 1,000 articles/s (results/stories.md).", ""]
    OUT.write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    main()
