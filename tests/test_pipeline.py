"""A killed run resumes where it stopped, without duplicates, and stages only redo what is missing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from storyline import pipeline
from storyline.store import Store

SRC = Path(__file__).resolve().parents[1] / "src"


def _corpus(folder: Path, n: int) -> Path:
    folder.mkdir()
    for i in range(n):
        (folder / f"{i:05d}.txt").write_text(
            f"Council meeting {i} report\n\nThe council of town number {i} voted {i % 7} to {i % 5} on the budget "
            f"on Tuesday, the clerk said. Residents spoke for {i % 50} minutes about road repairs.\n",
            encoding="utf-8",
        )
    return folder


def test_killed_ingest_resumes_without_duplicates(tmp_path):
    corpus = _corpus(tmp_path / "in", 3000)
    db = tmp_path / "s.db"
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "storyline", "ingest", str(corpus), "--db", str(db), "--quiet"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    # Kill it once some batches are committed but before it can have finished.
    deadline = time.time() + 60
    stored = 0
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.05)
        if db.exists():
            try:
                with Store(db) as store:
                    stored = store.count()
            except Exception:  # noqa: BLE001 - the file may be mid-creation
                stored = 0
            if stored >= 200:
                break
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with Store(db) as store:
        partial = store.count()
        assert 0 < partial < 3000, "the run should have been killed part-way"
        report = pipeline.ingest(store, [corpus])
        assert store.count() == 3000
        assert report.added == 3000 - partial
        assert report.unchanged == partial
        ids = [a.id for a in store.articles()]
        assert len(ids) == len(set(ids)) == 3000


def test_stages_only_redo_missing_work(tmp_path):
    corpus = _corpus(tmp_path / "in", 6)
    with Store(tmp_path / "s.db") as store:
        pipeline.ingest(store, [corpus])
        assert pipeline.analyze_pending(store) == 6
        assert pipeline.analyze_pending(store) == 0
        assert pipeline.cluster_pending(store) == 6
        before = store.assignment()
        (corpus / "extra.txt").write_text("Harbour bridge reopens\n\nThe harbour bridge reopened on Friday.\n")
        pipeline.ingest(store, [corpus])
        assert pipeline.analyze_pending(store) == 1
        assert pipeline.cluster_pending(store) == 1
        after = store.assignment()
        assert {k: after[k] for k in before} == before  # placed articles keep their stories
