"""The `storyline` command: wiring only (arguments, progress bars, exit codes); the work is in the stages.

Exit codes: 0 all good, 1 some inputs were rejected (they are listed), 2 usage error (bad option, missing file,
unknown story), 3 an unexpected failure (one line; set STORYLINE_DEBUG=1 for the traceback).
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from storyline import pipeline
from storyline.model import Rejected
from storyline.store import Store, StoreError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="storyline: one news story across many outlets, each fact traced to its sources.",
)
out = Console()
err = Console(stderr=True)

DbOpt = Annotated[Path, typer.Option("--db", help="The storyline database file.", envvar="STORYLINE_DB")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bars or summaries, only results.")]
InPath = Annotated[Path, typer.Argument(help="Input JSONL file (SCHEMA.md).")]
OutPath = Annotated[Optional[Path], typer.Option("-o", "--output", help="Output JSONL file (default: stdout).")]


def _usage_error(message: str) -> typer.Exit:
    """Wrong arguments: one line on stderr and exit code 2 (raise what this returns)."""
    err.print(f"[red]error:[/] {escape(message)}", highlight=False)
    return typer.Exit(2)


@contextlib.contextmanager
def progress(quiet: bool) -> Iterator[pipeline.StartTask]:
    """A rich progress bar on stderr (nothing when quiet), handed to the stages as a StartTask."""
    if quiet:
        yield pipeline.no_progress
        return
    bar = Progress(
        TextColumn("{task.description:<15}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=err, transient=True,
    )

    def start(description: str, total: int | None) -> pipeline.Advance:
        task = bar.add_task(description, total=total)
        return lambda n=1: bar.advance(task, n)

    with bar:
        yield start


def _open(db: Path) -> Store:
    return Store(db)


def _report_rejected(rejected: list[Rejected], quiet: bool) -> int:
    for r in rejected:
        err.print(f"[yellow]rejected[/] {escape(r.source)}: {escape(r.reason)}", highlight=False, soft_wrap=True)
    return 1 if rejected else 0


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (.txt, .html, .json/.jsonl, feeds, WARC).")],
    db: DbOpt = Path("storyline.db"),
    quiet: QuietOpt = False,
) -> None:
    """Read articles into the database. Re-ingesting the same input changes nothing."""
    with _open(db) as store, progress(quiet) as start:
        report = pipeline.ingest(store, paths, start)
    if not quiet:
        err.print(
            f"{report.added} new, {report.unchanged} already stored, {len(report.rejected)} rejected -> {db}",
            highlight=False,
        )
    raise typer.Exit(_report_rejected(report.rejected, quiet))


@app.command()
def stories(
    db: DbOpt = Path("storyline.db"),
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per story, for scripts.")] = False,
    quiet: QuietOpt = False,
) -> None:
    """List the stories (placing whatever is new first)."""
    with _open(db) as store:
        with progress(quiet) as start:
            pipeline.update(store, start)
        if not as_json:
            _print_stories(store)
            return
        for story_id, ids in store.stories():
            arts = store.articles(ids)
            row = {"story": story_id, "articles": ids, "outlets": sorted({a.outlet for a in arts if a.outlet})}
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")


def _print_stories(store: Store) -> None:
    table = Table("story", "articles", "outlets", "first title", box=None, header_style="bold")
    for story_id, ids in store.stories():
        arts = store.articles(ids)
        outlets = sorted({a.outlet for a in arts if a.outlet})
        table.add_row(story_id, str(len(ids)), escape(", ".join(outlets) or "-"), escape((arts[0].title or "")[:70]))
    out.print(table)


@app.command()
def brief(
    story: Annotated[str, typer.Argument(help="A story id (or an unambiguous prefix) from `storyline stories`.")],
    format: Annotated[str, typer.Option("--format", "-f", help="md, json or html.")] = "md",
    db: DbOpt = Path("storyline.db"),
    quiet: QuietOpt = False,
) -> None:
    """Print one story's brief."""
    if format not in {"md", "json", "html"}:
        raise _usage_error(f"--format must be md, json or html, not {format!r}")
    from storyline import render

    with _open(db) as store:
        with progress(quiet) as start:
            pipeline.update(store, start)
            story_id = pipeline.resolve_story(store, story)
            if story_id is None:
                raise _usage_error(f"no story {story!r} in {db}; `storyline stories --db {db}` lists them")
            ids = dict(store.stories())[story_id]
            result = pipeline.story_brief(store, story_id, ids, start)
        if format == "json":
            sys.stdout.write(json.dumps(render.brief_to_json(result), ensure_ascii=False, indent=2) + "\n")
        elif format == "md":
            sys.stdout.write(render.brief_to_markdown(result))
        else:
            sys.stdout.write(render.brief_to_html(result, {a.id: a for a in store.articles(ids)}))


@app.command()
def run(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders of articles.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Folder for the report.")] = Path("out"),
    db: Annotated[Optional[Path], typer.Option("--db", help="Database (default: a fresh one in the output folder).")] = None,
    dask: Annotated[Optional[str], typer.Option(
        "--dask", help="Analyse and write briefs on a Dask cluster: its scheduler address, or 'local'.")] = None,
    quiet: QuietOpt = False,
) -> None:
    """Everything in one shot: ingest, cluster, analyse, brief, and write the report into a folder."""
    from storyline.scale import ClusterUnavailable, dask_executor

    output.mkdir(parents=True, exist_ok=True)
    if db is None:
        db = output / "storyline.db"
        for suffix in ("", "-wal", "-shm"):
            Path(str(db) + suffix).unlink(missing_ok=True)
    with _open(db) as store:
        with progress(quiet) as start, contextlib.ExitStack() as stack:
            try:
                executor = stack.enter_context(dask_executor(dask)) if dask else None
            except ClusterUnavailable as exc:
                raise _usage_error(str(exc)) from None
            report = pipeline.ingest(store, paths, start)
            pipeline.update(store, start)
            briefs = pipeline.write_report(store, output, start, executor)
        if not quiet:
            _print_stories(store)
            for b in briefs[:3]:
                _print_brief_summary(b)
            err.print(
                f"{report.added} articles, {len(briefs)} stories, {len(report.rejected)} rejected. "
                f"Report: {(output / 'index.html').resolve()}",
                highlight=False,
            )
    raise typer.Exit(_report_rejected(report.rejected, quiet))


def _print_brief_summary(b) -> None:  # type: ignore[no-untyped-def]
    out.print(f"\n[bold]{escape(b.headline)}[/]", highlight=False)
    for item in b.summary:
        out.print(f"  • {escape(item.text)} [dim]\\[{len(item.articles)} src][/]", highlight=False)
    counts: dict[str, int] = {}
    for f in b.facts:
        counts[f.status] = counts.get(f.status, 0) + 1
    out.print(
        f"  facts: {counts.get('corroborated', 0)} corroborated, {counts.get('single', 0)} single-source, "
        f"{counts.get('conflict', 0)} in conflict; {len(b.quotes)} quotes; {len(b.timeline)} timeline entries",
        highlight=False,
    )


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words to find in titles and texts.")],
    limit: Annotated[int, typer.Option("--limit", "-n")] = 20,
    db: DbOpt = Path("storyline.db"),
) -> None:
    """Full-text search over the ingested articles."""
    with _open(db) as store:
        hits = store.search(query, limit)
    table = Table("article", "story", "outlet", "title / match", box=None, header_style="bold")
    for h in hits:
        table.add_row(
            escape(h["id"]), h["story"] or "-", escape(h["outlet"] or "-"),
            f"{escape(h['title'] or '')}\n[dim]{escape(h['snippet'])}[/]",
        )
    out.print(table if hits else escape(f"no match for {query!r}"))


@app.command()
def serve(
    db: DbOpt = Path("storyline.db"),
    host: Annotated[str, typer.Option(help="Address to listen on (loopback by default).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
) -> None:
    """The web UI and HTTP API over the database (pages at /, API under /api, docs at /docs)."""
    import uvicorn

    from storyline.web.app import create_app

    err.print(f"storyline serving {db} at http://{host}:{port}/ (API docs at /docs)", highlight=False)
    uvicorn.run(create_app(db), host=host, port=port, log_level="warning")


@app.command()
def rejected(db: DbOpt = Path("storyline.db")) -> None:
    """List every input that was rejected, with its reason."""
    with _open(db) as store:
        for r in store.rejected():
            out.print(f"{r.source}\t{r.reason}", highlight=False, soft_wrap=True)


def _batch(input: Path, output: Optional[Path], rows: list[dict], rejected: list[Rejected], quiet: bool) -> None:
    from storyline.batch import write_jsonl

    if output is None:
        write_jsonl(rows, sys.stdout)
    else:
        with open(output, "w", encoding="utf-8") as fh:
            n = write_jsonl(rows, fh)
        if not quiet:
            err.print(f"{n} rows -> {output}", highlight=False)
    raise typer.Exit(_report_rejected(rejected, quiet))


def _need(path: Path) -> Path:
    if not path.is_file():
        raise _usage_error(f"{path}: no such file")
    return path


def _article_batch(input: Path, output: Optional[Path], quiet: bool, stage: str) -> None:
    """Shared body of the batch commands whose input rows are articles."""
    from storyline import batch

    articles, bad = batch.read_articles(_need(input))
    with progress(quiet) as start:
        rows = getattr(batch, f"{stage}_rows")(articles, start)
    _batch(input, output, rows, bad, quiet)


@app.command()
def analyze(input: InPath, output: OutPath = None, quiet: QuietOpt = False) -> None:
    """Entities, quotes and time expressions per article (JSONL, SCHEMA.md)."""
    _article_batch(input, output, quiet, "analyze")


@app.command()
def cluster(input: InPath, output: OutPath = None, quiet: QuietOpt = False) -> None:
    """A story id for every article (JSONL, SCHEMA.md)."""
    _article_batch(input, output, quiet, "cluster")


@app.command()
def facts(input: InPath, output: OutPath = None, quiet: QuietOpt = False) -> None:
    """The aligned facts of each story with their source spans (JSONL, SCHEMA.md)."""
    _article_batch(input, output, quiet, "facts")


@app.command()
def pairs(input: InPath, output: OutPath = None, quiet: QuietOpt = False) -> None:
    """Probability that two texts report the same story (JSONL, SCHEMA.md)."""
    from storyline.batch import pairs_rows, read_rows

    rows, bad = read_rows(_need(input))
    with progress(quiet) as start:
        scored, bad_pairs = pairs_rows(rows, start)
    _batch(input, output, scored, bad + bad_pairs, quiet)


def main() -> None:
    """Entry point: turns every known failure into one clear line and an exit code."""
    try:
        app()
    except StoreError as exc:
        err.print(f"[red]error:[/] {exc}", highlight=False)
        sys.exit(2)
    except Exception as exc:  # noqa: BLE001 - the last line of defence against a traceback
        if os.environ.get("STORYLINE_DEBUG"):
            raise
        err.print(f"[red]error:[/] {type(exc).__name__}: {exc} (set STORYLINE_DEBUG=1 to see where)", highlight=False)
        sys.exit(3)
