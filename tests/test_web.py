"""The web UI and HTTP API, served by a real uvicorn on loopback and called over real HTTP."""

from __future__ import annotations

import json
import shutil
import socket
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import uvicorn

from storyline import pipeline
from storyline.store import Store
from storyline.web.app import create_app

SEEDS = Path(__file__).resolve().parents[1] / "examples" / "seeds"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):  # type: ignore[no-untyped-def]
    db = tmp_path_factory.mktemp("web") / "s.db"
    with Store(db) as store:
        pipeline.ingest(store, [SEEDS])
        pipeline.update(store)
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not srv.started and time.time() < deadline:
        time.sleep(0.05)
    assert srv.started, "server did not start"
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=60) as r:
            return r.status, r.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8")


def _post(url: str, body: str) -> dict:
    req = urllib.request.Request(url, data=body.encode("utf-8"), method="POST",
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=120) as r:
        return json.loads(r.read())


def test_api_lists_the_seed_story_and_serves_its_brief(server):
    status, body = _get(f"{server}/api/stories")
    assert status == 200
    (story,) = json.loads(body)
    assert story["outlets"] == ["Business Insider", "Global News"]
    status, body = _get(f"{server}/api/stories/{story['story'][:6]}")  # a unique prefix is enough
    brief = json.loads(body)
    assert status == 200 and brief["id"] == story["story"]
    assert sorted(a["outlet"] for a in brief["articles"]) == ["Business Insider", "Global News"]


def test_api_article_search_and_not_found(server):
    (story,) = json.loads(_get(f"{server}/api/stories")[1])
    article_id = story["articles"][0]
    status, body = _get(f"{server}/api/articles/{urllib.request.quote(article_id)}")
    assert status == 200 and json.loads(body)["story_id"] == story["story"]
    hits = json.loads(_get(f"{server}/api/search?q=Shoigu")[1])
    assert {h["id"] for h in hits} <= set(story["articles"]) and hits
    assert _get(f"{server}/api/stories/nope")[0] == 404
    assert _get(f"{server}/api/articles/nope")[0] == 404
    assert _get(f"{server}/api/search?q=")[0] == 422


def test_post_articles_places_them_in_stories_and_rejects_bad_rows(server):
    rows = [
        {"id": "web-1", "title": "Harbour bridge reopens", "outlet": "Town Gazette", "date": "2024-05-03",
         "text": "The harbour bridge reopened to traffic on Friday after two years of repairs, the mayor said."},
        {"id": "web-2", "text": ""},
    ]
    result = _post(f"{server}/api/articles", json.dumps(rows))
    assert result["added"] == ["web-1"]
    assert [r["source"] for r in result["rejected"]] == ["POST /api/articles #2"]
    assert result["stories"]["web-1"]
    again = _post(f"{server}/api/articles", json.dumps(rows[0]))
    assert again["unchanged"] == ["web-1"] and again["stories"]["web-1"] == result["stories"]["web-1"]


def test_pages_are_served_and_link_to_each_other(server):
    status, index = _get(f"{server}/")
    assert status == 200 and "<html" in index.lower()
    (story,) = [s for s in json.loads(_get(f"{server}/api/stories")[1]) if len(s["articles"]) == 2]
    status, page = _get(f"{server}/stories/{story['story']}")
    assert status == 200 and "<svg" in page


@pytest.fixture
def page(server):  # type: ignore[no-untyped-def]
    """A fresh page of Debian's chromium on the served index."""
    if shutil.which("chromium") is None:
        pytest.skip("Debian's chromium is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"),
                                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        page = browser.new_page()
        page.goto(server + "/")
        yield page
        browser.close()


def test_browser_clicks_from_index_to_story(page):
    page.locator("a[href$='.html']").filter(has_text="Putin").first.click()
    page.wait_for_load_state()
    assert page.locator("sup.cite").count() > 0
    assert "Kim" in page.inner_text("h1")


def test_browser_searches_from_the_index_and_opens_the_story(page):
    page.fill("input[name=q]", "Shoigu")
    page.press("input[name=q]", "Enter")
    page.wait_for_load_state()
    assert "/search.html?q=Shoigu" in page.url
    hits = page.locator(".search-hit")
    assert hits.count() == 2  # both seed reports name Shoigu
    assert page.locator(".search-hit mark").first.inner_text().lower() == "shoigu"
    hits.first.locator("a").click()
    page.wait_for_load_state()
    assert page.locator("sup.cite").count() > 0


def test_search_page_without_a_query_shows_the_form_and_markup_in_a_query_stays_text(server):
    status, page = _get(f"{server}/search.html")
    assert status == 200 and 'name="q"' in page and "search-hit" not in page
    status, page = _get(f"{server}/search.html?q=%3Cscript%3Ealert(1)%3C/script%3E")
    assert status == 200 and "<script>" not in page and "&lt;script&gt;" in page
