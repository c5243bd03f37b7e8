"""The stages wired to the store: ingest -> stories -> analyze (per story, when its brief is wanted) -> brief -> render.

Each step reads what the previous one stored and stores its own output, keyed by article id, so a step that is
re-run (or resumed after a kill) only does the work that is missing. No stage logic lives here.

Why stories come before the language analysis: placing an article needs only cheap features (words, capitalised
names, dates: about a thousand articles a second), while the full parse runs a few articles a second per core. So
a feed is grouped into stories as fast as it arrives, and the expensive models are spent only on the stories a
reader opens (or a report writes), each article once, cached by analyser version.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Executor, ProcessPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from storyline import __version__
from storyline.model import Article, Brief, Rejected, Story
from storyline.store import Store

# A progress reporter: start(description, total) returns advance(n). The CLI passes a rich one.
Advance = Callable[[int], None]
StartTask = Callable[[str, "int | None"], Advance]


def no_progress(description: str, total: int | None) -> Advance:
    return lambda n=1: None


@functools.lru_cache(maxsize=None)
def code_version(room: str) -> str:
    """A digest of one room's code and data (e.g. "nlp", "brief"), so stored outputs of an older version of that
    room are recomputed, with no manual version bump to forget."""
    import importlib

    digest = hashlib.sha1(__version__.encode())
    root = Path(importlib.import_module(f"storyline.{room}").__file__).parent  # type: ignore[arg-type]
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix in {".py", ".json", ".gz", ".tsv", ".txt"}:
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(path.read_bytes())
    return f"{__version__}/{digest.hexdigest()[:12]}"


def analyzer_version() -> str:
    """Stored analyses from another analyser (a new rule, a retrained cue model, a longer alias list) are redone."""
    return code_version("nlp")


@dataclass
class IngestReport:
    added: int = 0
    unchanged: int = 0
    rejected: list[Rejected] = field(default_factory=list)


def ingest(store: Store, paths: Iterable[str | Path], start: StartTask = no_progress) -> IngestReport:
    """Read every input under `paths` into the store; bad inputs are recorded as rejected, never fatal."""
    from storyline.ingest import list_files, read_paths

    paths = list(paths)
    report = IngestReport()
    advance = start("Ingesting", len(list_files(paths)) or None)
    last_source: str | None = None
    for item, outcome in store.add(read_paths(paths)):
        source = _file_of(item)
        if source != last_source:
            advance(1)
            last_source = source
        if outcome == "added":
            report.added += 1
        elif outcome == "unchanged":
            report.unchanged += 1
        else:
            assert isinstance(item, Rejected)
            report.rejected.append(item)
    return report


def _file_of(item: Article | Rejected) -> str:
    source = item.source if isinstance(item, Rejected) else (item.source or item.id)
    for sep in (":", "#"):
        head, _, tail = source.rpartition(sep)
        if head and tail.isdigit():
            return head
    return source


def analyze_pending(
    store: Store,
    start: StartTask = no_progress,
    batch: int = 64,
    workers: int | None = None,
    ids: Iterable[str] | None = None,
    executor: Executor | None = None,
) -> int:
    """Analyse every stored article (or those among `ids`) that has no analysis from this analyser version;
    returns how many.

    The language pipeline is the slowest stage and runs one core per process, so big jobs are spread over
    `workers` processes (default: one per core; small jobs stay in this process, where spawning would cost more
    than it saves), or over a given `executor` (a Dask cluster's, see storyline.scale). Each batch is stored as
    soon as it is done, so a killed run loses at most the batches in flight.
    """
    from storyline.nlp import analyze_articles

    version = analyzer_version()
    todo = store.missing_analyses(version, ids)
    if not todo:
        return 0
    advance = start("Analysing", len(todo))
    chunks = [todo[i : i + batch] for i in range(0, len(todo), batch)]
    workers = min(workers or os.cpu_count() or 1, len(chunks))
    stories = store.assignment()

    def articles(ids: list[str]) -> list[Article]:
        # with their stories, so that an undated article can borrow its story's date
        return [replace(a, story=stories.get(a.id, a.story)) for a in store.articles(ids)]

    if executor is None and workers <= 1:
        for chunk in chunks:
            store.save_analyses(analyze_articles(articles(chunk), progress=advance), version)
        return len(todo)
    with _pool(executor, workers) as (pool, width):
        for analyses in _as_done(pool, analyze_articles, (articles(c) for c in chunks), 2 * width):
            store.save_analyses(analyses, version)
            advance(len(analyses))
    return len(todo)


@contextmanager
def _pool(executor: Executor | None, workers: int) -> Iterator[tuple[Executor, int]]:
    """The given executor (left running: its owner closes it) or local worker processes, with how many jobs it
    runs at once."""
    if executor is not None:
        yield executor, max(1, getattr(executor, "width", workers))
        return
    context = multiprocessing.get_context("spawn")  # no fork: the parent may hold model threads
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        yield pool, workers


def _as_done(pool: Executor, fn: Callable, items: Iterable, in_flight: int) -> Iterator:
    """fn(item) for every item, yielded as each finishes, with at most `in_flight` submitted at once: the
    workers stay busy while the results are stored, and a huge job never sits whole in memory."""
    items = iter(items)
    pending = {pool.submit(fn, item) for item in itertools.islice(items, in_flight)}
    while pending:
        done, pending = wait(pending, return_when=FIRST_COMPLETED)
        for future in done:
            yield future.result()
            nxt = next(items, None)
            if nxt is not None:
                pending.add(pool.submit(fn, nxt))


def cluster_pending(store: Store, start: StartTask = no_progress) -> int:
    """Place articles that are in no story yet; placed articles keep their story ids. Returns how many placed.

    Always from the cheap features, never from stored analyses, so an article lands in the same story whether or
    not some articles happen to have been analysed already."""
    from storyline.stories import assign_stories

    known = store.assignment()
    articles = store.articles()
    new = [a for a in articles if a.id not in known]
    if not new:
        return 0
    advance = start("Clustering", len(new))
    assignment = assign_stories(articles, None, known, advance)
    store.save_assignment({aid: sid for aid, sid in assignment.items() if aid not in known})
    return len(new)


def update(store: Store, start: StartTask = no_progress) -> None:
    """Bring the stories up to date with what has been ingested (analysis waits until a brief is wanted)."""
    cluster_pending(store, start)


def resolve_story(store: Store, ref: str) -> str | None:
    """A story id from a full id or an unambiguous prefix (as users copy them from `storyline stories`)."""
    matches = store.story_ids_matching(ref)
    if ref in matches:
        return ref
    return matches[0] if len(matches) == 1 else None


def story_brief(store: Store, story_id: str, article_ids: list[str], start: StartTask = no_progress) -> Brief:
    """The brief of one story, rebuilt only when its articles or the code of a stage it depends on changed;
    articles of the story that have no current analysis are analysed first."""
    fingerprint = _fingerprint(article_ids)
    cached = store.brief(story_id, fingerprint)
    if cached is not None:
        return cached
    analyze_pending(store, start, ids=article_ids, workers=1 if len(article_ids) < 64 else None)
    brief = build_story_brief(*_brief_inputs(store, story_id, article_ids))
    store.save_brief(brief, fingerprint)
    return brief


def _brief_inputs(store: Store, story_id: str, article_ids: list[str]) -> tuple[str, list[Article], list]:
    articles = store.articles(article_ids)
    analyses = store.analyses(article_ids)
    return story_id, articles, [analyses[a.id] for a in articles]


def build_story_brief(story_id: str, articles: list[Article], analyses: list) -> Brief:
    """The brief from a story's articles and their analyses: what a worker process or a Dask worker runs."""
    from storyline.brief import build_brief
    from storyline.stories import build_stories

    story: Story = build_stories(articles, {a.id: story_id for a in articles})[0]
    return build_brief(story, articles, analyses)


def _fingerprint(article_ids: list[str]) -> str:
    key = "\n".join([analyzer_version(), code_version("stories"), code_version("brief"), *sorted(article_ids)])
    return hashlib.sha1(key.encode()).hexdigest()


def written_briefs(store: Store) -> tuple[list[Brief], list[tuple[str, list[Article]]]]:
    """The stories whose brief is written and current, and the others with their articles: what an index shows
    without analysing anything."""
    written, unwritten = [], []
    for story_id, ids in store.stories():
        brief = store.brief(story_id, _fingerprint(ids))
        if brief is not None:
            written.append(brief)
        else:
            unwritten.append((story_id, store.articles(ids)))
    return written, unwritten


def all_briefs(store: Store, start: StartTask = no_progress, executor: Executor | None = None) -> list[Brief]:
    """Every story's brief. The articles of stories without a cached brief are analysed first, all together, so
    the work spreads over every core instead of one story at a time; story by story, so that wire copies share a
    batch and are parsed once. With an `executor` (a Dask cluster's) the briefs are written on it as well."""
    stories = store.stories()
    stale = [(sid, ids) for sid, ids in stories if not store.has_brief(sid, _fingerprint(ids))]
    analyze_pending(store, start, ids=[aid for _, ids in stale for aid in ids], executor=executor)
    advance = start("Writing briefs", len(stories))
    if executor is not None and stale:
        with _pool(executor, 1) as (pool, width):
            jobs = (_brief_inputs(store, sid, ids) for sid, ids in stale)
            for brief in _as_done(pool, _build_from, jobs, 2 * width):
                store.save_brief(brief, _fingerprint([a.id for a in brief.articles]))
                advance(1)
        advance(len(stories) - len(stale))
        return [story_brief(store, sid, ids) for sid, ids in stories]  # all cached now
    briefs = []
    for story_id, ids in stories:
        briefs.append(story_brief(store, story_id, ids))
        advance(1)
    return briefs


def _build_from(inputs: tuple[str, list[Article], list]) -> Brief:
    return build_story_brief(*inputs)


def write_report(
    store: Store, out_dir: Path, start: StartTask = no_progress, executor: Executor | None = None
) -> list[Brief]:
    """stories.json, index.html, and one HTML and Markdown page per story, into `out_dir`."""
    from storyline.render import write_report as render_report

    briefs = all_briefs(store, start, executor)
    ids = {aid for b in briefs for aid in (a.id for a in b.articles)}
    articles = {a.id: a for a in store.articles(ids)}
    out_dir.mkdir(parents=True, exist_ok=True)
    render_report(briefs, articles, out_dir)
    return briefs
