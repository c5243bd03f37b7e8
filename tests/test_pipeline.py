"""A killed run resumes where it stopped, without duplicates, and stages only redo what is missing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from storyline import pipeline
from storyline.render.pages import index_html
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


KILL_AFTER = """
import os, signal, sys
from storyline.ingest import read_paths
from storyline.store import Store

def reader():
    for n, item in enumerate(read_paths([sys.argv[1]])):
        if n == int(sys.argv[3]):
            os.kill(os.getpid(), signal.SIGKILL)  # a real kill: no cleanup, no final commit
        yield item

store = Store(sys.argv[2])
for _ in store.add(reader()):
    pass
"""


def test_killed_ingest_resumes_without_duplicates(tmp_path):
    corpus = _corpus(tmp_path / "in", 1000)
    db = tmp_path / "s.db"
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    proc = subprocess.run([sys.executable, "-c", KILL_AFTER, str(corpus), str(db), "650"], env=env)
    assert proc.returncode == -signal.SIGKILL
    with Store(db) as store:
        partial = store.count()
        assert 0 < partial < 1000, "the run should have been killed part-way, with some batches committed"
        report = pipeline.ingest(store, [corpus])
        assert store.count() == 1000
        assert report.added == 1000 - partial
        assert report.unchanged == partial
        ids = [a.id for a in store.articles()]
        assert len(ids) == len(set(ids)) == 1000


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


def test_analysis_in_worker_processes_matches_one_process(tmp_path):
    corpus = _corpus(tmp_path / "in", 40)
    results = []
    for workers in (1, 2):
        with Store(tmp_path / f"w{workers}.db") as store:
            pipeline.ingest(store, [corpus])
            assert pipeline.analyze_pending(store, batch=8, workers=workers) == 40
            assert store.missing_analyses(pipeline.analyzer_version()) == []
            ids = [a.id for a in store.articles()]
            results.append(store.analyses(ids))
    assert results[0] == results[1]


def test_brief_is_cached_until_its_articles_or_the_brief_code_change(tmp_path, monkeypatch):
    seeds = Path(__file__).resolve().parents[1] / "examples" / "seeds"
    with Store(tmp_path / "s.db") as store:
        pipeline.ingest(store, [seeds])
        pipeline.update(store)
        ((story_id, ids),) = store.stories()
        first = pipeline.story_brief(store, story_id, ids)
        assert store.count("briefs") == 1
        store.conn.execute("UPDATE briefs SET data = json_set(data, '$.headline', 'cached')")
        assert pipeline.story_brief(store, story_id, ids).headline == "cached"
        real = pipeline.code_version
        monkeypatch.setattr(pipeline, "code_version", lambda room: real(room) + ("-new" if room == "brief" else ""))
        assert pipeline.story_brief(store, story_id, ids).headline == first.headline


def test_stories_need_no_language_analysis_and_a_brief_analyses_only_its_story(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    quake = "Earthquake shakes Lima\n\nA magnitude 6.1 earthquake shook Lima, Peru, on Monday, officials said.\n"
    (folder / "a.txt").write_text(quake)
    (folder / "b.txt").write_text(quake.replace("officials said", "the geological institute said"))
    (folder / "c.txt").write_text("Harbour bridge reopens\n\nThe Oslo harbour bridge reopened to traffic on Friday.\n")
    with Store(tmp_path / "s.db") as store:
        pipeline.ingest(store, [folder])
        pipeline.update(store)
        assert store.count("analyses") == 0  # placing articles in stories is the cheap path
        stories = dict(store.stories())
        assert sorted(len(ids) for ids in stories.values()) == [1, 2]
        quake_id = next(sid for sid, ids in stories.items() if len(ids) == 2)
        brief = pipeline.story_brief(store, quake_id, stories[quake_id])
        assert {a.id for a in brief.articles} == set(stories[quake_id])
        assert store.count("analyses") == 2  # the other story is not analysed until its brief is wanted
        written, unwritten = pipeline.written_briefs(store)
        assert [b.id for b in written] == [quake_id]
        assert [sid for sid, _ in unwritten] == [sid for sid in stories if sid != quake_id]
        index = index_html(written, unwritten)
        assert "Harbour bridge reopens" in index and "brief written when first opened" in index
        assert store.count("analyses") == 2  # listing the stories analysed nothing
        assert pipeline.analyze_pending(store) == 1
