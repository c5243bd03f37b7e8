"""The HTTP API and web pages over one storyline database.

Pages are the same ones `storyline run` writes to disk (render/), served live; the API returns SCHEMA.md's JSON.
Every request opens its own connection: SQLite in WAL mode lets the server read while a batch writes, and no
connection is shared between threads.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from storyline import pipeline
from storyline.model import Article, Rejected, to_dict
from storyline.store import Store


def create_app(db: Path) -> FastAPI:
    """An app serving the database file `db` (created if missing, so a new server can take articles by POST)."""
    app = FastAPI(
        title="storyline",
        summary="Stories across outlets: briefs with corroborated and single-source facts, quotes, timelines.",
        version=_version(),
    )
    Store(db).close()  # create and migrate once, before the first request

    def store() -> Iterator[Store]:
        s = Store(db)
        try:
            yield s
        finally:
            s.close()

    def _brief(s: Store, ref: str):  # type: ignore[no-untyped-def]
        story_id = pipeline.resolve_story(s, ref)
        if story_id is None:
            raise HTTPException(404, f"no story {ref!r}; GET /api/stories lists them")
        return pipeline.story_brief(s, story_id, dict(s.stories())[story_id])

    def _story_for_page(s: Store, name: str) -> str:
        from storyline.render.view import page_name

        for story_id, _ in s.stories():
            if page_name(story_id) == name:
                return story_id
        raise HTTPException(404, f"no story page {name!r}")

    @app.get("/api/stories")
    def list_stories(s: Store = Depends(store)) -> list[dict[str, Any]]:
        """Every story with its articles and outlets, most widely reported first."""
        out = []
        for story_id, ids in s.stories():
            arts = s.articles(ids)
            out.append({
                "story": story_id,
                "articles": ids,
                "outlets": sorted({a.outlet for a in arts if a.outlet}),
                "title": arts[0].title if arts else None,
            })
        return out

    @app.get("/api/stories/{ref}")
    def get_brief(ref: str, s: Store = Depends(store)) -> dict[str, Any]:
        """One story's brief as SCHEMA.md defines it (a unique prefix of the id is enough)."""
        from storyline.render import brief_to_json

        return brief_to_json(_brief(s, ref))

    @app.get("/api/articles/{article_id}")
    def get_article(article_id: str, s: Store = Depends(store)) -> dict[str, Any]:
        """One stored article exactly as ingested, with its blocks and its story."""
        found = s.articles([article_id])
        if not found:
            raise HTTPException(404, f"no article {article_id!r}")
        row = to_dict(found[0])
        row["story_id"] = s.assignment().get(article_id)
        return row

    @app.get("/api/search")
    def search(q: str = Query(min_length=1), limit: int = Query(20, ge=1, le=200), s: Store = Depends(store)):  # type: ignore[no-untyped-def]
        """Full-text search over titles and texts."""
        return s.search(q, limit)

    @app.post("/api/articles")
    async def add_articles(request: Request, s: Store = Depends(store)) -> dict[str, Any]:
        """Ingest one article object, a list of them, or JSONL (SCHEMA.md), then analyse and place them in stories.

        Bad records are rejected with their reasons and the rest go through, as with `storyline ingest`.
        """
        from starlette.concurrency import run_in_threadpool

        body = (await request.body()).decode("utf-8", errors="replace")
        # Analysis and clustering take seconds: keep them off the event loop so other requests are served.
        return await run_in_threadpool(_ingest_body, s, body)

    def _ingest_body(s: Store, body: str) -> dict[str, Any]:
        from storyline.ingest.jsonl import article_from_record

        items: list[Article | Rejected] = []
        try:
            parsed = json.loads(body)
            records = parsed if isinstance(parsed, list) else [parsed]
            items = [article_from_record(r, f"POST /api/articles #{i + 1}") for i, r in enumerate(records)]
        except json.JSONDecodeError:
            for n, line in enumerate(body.splitlines(), 1):
                if not line.strip():
                    continue
                try:
                    items.append(article_from_record(json.loads(line), f"POST /api/articles:{n}"))
                except json.JSONDecodeError as exc:
                    items.append(Rejected(f"POST /api/articles:{n}", f"not valid JSON ({exc.msg})"))
        result: dict[str, Any] = {"added": [], "unchanged": [], "rejected": []}
        for item, outcome in s.add(items):
            if isinstance(item, Rejected):
                result["rejected"].append({"source": item.source, "reason": item.reason})
            else:
                result[outcome].append(item.id)
        pipeline.update(s)
        assignment = s.assignment()
        result["stories"] = {aid: assignment.get(aid) for aid in result["added"] + result["unchanged"]}
        return result

    @app.get("/", response_class=HTMLResponse)
    @app.get("/index.html", response_class=HTMLResponse)
    def index(s: Store = Depends(store)) -> str:
        from storyline.render.pages import index_html

        return index_html(*pipeline.written_briefs(s), search=True)

    @app.get("/search.html", response_class=HTMLResponse)
    def search_page(q: str = "", limit: int = Query(50, ge=1, le=200), s: Store = Depends(store)) -> str:
        from storyline.render.pages import search_html

        return search_html(q.strip(), s.search(q, limit) if q.strip() else [], limit)

    @app.get("/stories/{ref}")
    def story_redirect(ref: str, s: Store = Depends(store)) -> RedirectResponse:
        from storyline.render.view import page_name

        story_id = pipeline.resolve_story(s, ref)
        if story_id is None:
            raise HTTPException(404, f"no story {ref!r}")
        return RedirectResponse(f"/{page_name(story_id)}.html")

    @app.get("/{name}.html", response_class=HTMLResponse)
    def story_page(name: str, s: Store = Depends(store)) -> str:
        from storyline.render import brief_to_html

        story_id = _story_for_page(s, name)
        ids = dict(s.stories())[story_id]
        return brief_to_html(pipeline.story_brief(s, story_id, ids), {a.id: a for a in s.articles(ids)})

    return app


def _version() -> str:
    from storyline import __version__

    return __version__
