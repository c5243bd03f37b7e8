"""The same stage functions on a Dask cluster, for a corpus that outgrows one machine's cores.

Why only an executor: the stages are plain functions over records, so the cluster runs exactly the code the laptop
runs (`nlp.analyze_articles` over batches of articles, `pipeline.build_story_brief` per story); the driver keeps
the store (one SQLite file), reads and writes it, and places articles in stories itself, because the online
clusterer is sequential and fast (about a thousand articles a second) while the language analysis and the briefs
are where the hours go. Workers need storyline installed (the same version: stored analyses carry its digest).
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import Executor
from contextlib import contextmanager


class ClusterUnavailable(RuntimeError):
    """No Dask scheduler answered at the given address."""


@contextmanager
def dask_executor(address: str, timeout: float = 10.0) -> Iterator[Executor]:
    """A concurrent.futures executor over a Dask cluster: `address` is a scheduler ("tcp://host:8786") or
    "local" for a cluster of one worker process per core on this machine. The executor's `width` says how many
    jobs the cluster runs at once, so the pipeline keeps every worker busy without flooding them."""
    from distributed import Client, LocalCluster

    cluster = None
    try:
        if address == "local":
            cluster = LocalCluster(threads_per_worker=1, processes=True, dashboard_address=None)
            client = Client(cluster, timeout=timeout)
        else:
            client = Client(address, timeout=timeout)
    except (OSError, TimeoutError) as exc:
        if cluster is not None:
            cluster.close()
        raise ClusterUnavailable(
            f"no Dask scheduler answered at {address!r} ({exc}); start one with `dask scheduler` and workers with "
            "`dask worker ADDRESS` where storyline is installed, or pass --dask local"
        ) from exc
    try:
        executor = client.get_executor()
        executor.width = max(1, sum(client.nthreads().values()))  # type: ignore[attr-defined]
        yield executor
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
