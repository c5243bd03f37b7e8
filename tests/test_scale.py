"""The pipeline on a real Dask cluster (a LocalCluster of worker processes) gives what it gives on one machine."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from storyline import pipeline
from storyline.render import brief_to_json
from storyline.scale import ClusterUnavailable, dask_executor
from storyline.store import Store

SEEDS = Path(__file__).resolve().parents[1] / "examples" / "seeds"


def _corpus(folder: Path) -> Path:
    shutil.copytree(SEEDS, folder)
    quake = "Earthquake shakes Lima\n\nA magnitude 6.1 earthquake shook Lima, Peru, on Monday, officials said.\n"
    (folder / "quake-a.txt").write_text(quake)
    (folder / "quake-b.txt").write_text(quake.replace("officials said", "the geological institute said"))
    return folder


def _report(store: Store, out: Path, executor=None) -> list[dict]:  # type: ignore[no-untyped-def]
    pipeline.update(store)
    return [brief_to_json(b) for b in pipeline.write_report(store, out, executor=executor)]


def test_briefs_written_on_a_dask_cluster_match_the_local_ones(tmp_path):
    corpus = _corpus(tmp_path / "in")
    with Store(tmp_path / "local.db") as store:
        pipeline.ingest(store, [corpus])
        local = _report(store, tmp_path / "local")
    with Store(tmp_path / "dask.db") as store, dask_executor("local") as executor:
        pipeline.ingest(store, [corpus])
        remote = _report(store, tmp_path / "dask", executor)
        assert store.missing_analyses(pipeline.analyzer_version()) == []
    assert len(remote) == 2
    assert remote == local
    assert (tmp_path / "dask" / "index.html").exists()


def test_an_unreachable_scheduler_is_a_clear_error():
    with pytest.raises(ClusterUnavailable, match="dask scheduler"):
        with dask_executor("tcp://127.0.0.1:9", timeout=2):
            pass
