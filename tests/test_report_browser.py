"""The HTML report in a real browser (Debian's chromium via Playwright): opens from disk, citations lead to sources.

Skips when chromium is not installed (CI installs it; see .ci/run).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from storyline import pipeline
from storyline.store import Store

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (apt-get install chromium)")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("report")
    seeds = Path(__file__).resolve().parents[1] / "examples" / "seeds"
    with Store(out / "s.db") as store:
        pipeline.ingest(store, [seeds])
        pipeline.update(store)
        pipeline.write_report(store, out)
    return out


@pytest.fixture(scope="module")
def browser():  # type: ignore[no-untyped-def]
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def brief(report) -> dict:
    return json.loads((report / "stories.json").read_text(encoding="utf-8"))[0]


@pytest.fixture
def story_page(report, browser, brief):  # type: ignore[no-untyped-def]
    page = browser.new_page()
    page.goto((report / f"{brief['id']}.html").as_uri())
    yield page
    page.close()


def test_index_leads_to_the_story_page_without_any_network(report, browser, brief):
    page = browser.new_page()
    remote: list[str] = []
    page.on("request", lambda r: remote.append(r.url) if not r.url.startswith(("file:", "data:", "about:")) else None)
    page.goto((report / "index.html").as_uri())
    page.click(f"a[href$='{brief['id']}.html']")
    page.wait_for_load_state()
    assert page.url.endswith(f"{brief['id']}.html")
    assert brief["headline"] in page.inner_text("h1")
    assert remote == []
    page.close()


def test_citation_marker_leads_to_its_source_sentence(story_page):
    page = story_page
    marker = page.locator("sup.cite a").first
    target = marker.get_attribute("href")
    assert target and target.startswith("#")
    marker.click()
    assert page.evaluate("location.hash") == target
    source = page.locator(target)
    assert source.is_visible()
    # The source shown is a real sentence of one of the story's articles.
    seeds = Path(__file__).resolve().parents[1] / "examples" / "seeds"
    corpus = " ".join(p.read_text(encoding="utf-8") for p in seeds.glob("*.txt"))
    shown = source.inner_text()
    words = [w for w in shown.replace("\n", " ").split(" ") if len(w) > 3][3:9]
    assert words and all(w.strip('.,:;"“”') in corpus for w in words)


def test_timeline_is_drawn(story_page, brief):
    page = story_page
    svg = page.locator("svg").first
    box = svg.bounding_box()
    assert box and box["width"] > 200 and box["height"] > 40
    assert page.locator("svg circle, svg rect, svg line").count() >= len(brief["timeline"])


def _report_of(rows: list[dict], tmp_path: Path) -> Path:
    """The static report of JSONL `rows`, run through the pipeline as `storyline run` does; its folder."""
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    with Store(tmp_path / "s.db") as store:
        pipeline.ingest(store, [src])
        pipeline.update(store)
        pipeline.write_report(store, tmp_path / "out")
    return tmp_path / "out"


def test_story_map_draws_a_row_per_dated_story_and_leads_to_its_page(tmp_path, browser):
    rows = [
        {"id": "q1", "title": "Earthquake shakes Lima", "published": "2024-03-01", "outlet": "Daily A",
         "text": "A magnitude 6.1 earthquake shook Lima, Peru, on Friday, officials said."},
        {"id": "q2", "title": "Lima earthquake damages homes", "published": "2024-03-04", "outlet": "Daily B",
         "text": "The magnitude 6.1 earthquake that shook Lima, Peru, damaged homes, officials said."},
        {"id": "b1", "title": "Oslo harbour bridge reopens", "published": "2024-02-10", "outlet": "Daily C",
         "text": "The Oslo harbour bridge reopened to traffic after repairs, the city said."},
    ]
    _report_of(rows, tmp_path)
    page = browser.new_page()
    page.goto((tmp_path / "out" / "index.html").as_uri())
    dots = page.locator("svg circle.article-dot")
    assert dots.count() == 3  # one per dated article
    box = dots.first.bounding_box()
    assert box and box["width"] > 0
    page.locator("svg a text").filter(has_text="Lima").first.click()
    page.wait_for_load_state()
    assert "Lima" in page.inner_text("h1")
    page.close()


def test_the_fact_column_stays_readable_with_many_outlets(tmp_path, browser):
    """Eleven outlets with long names squeezed the facts into a column a word wide; their names now stand upright."""
    outlets = ["securitymagazine.com", "web.orange.co.uk", "The Daily Telegraph", "citypress.co.za", "ahametals.com",
               "i24news.tv", "thelocal.fr", "Yahoo News", "NBC News", "BBC News", "Sky News"]
    details = ["Rescue teams searched collapsed buildings overnight.", "Schools in the capital stayed closed.",
               "The airport reopened after a runway inspection.", "Aftershocks rattled the coast for hours.",
               "Power was restored to most districts by noon.", "The president visited the worst-hit area.",
               "Engineers inspected two damaged bridges.", "Hospitals treated dozens of injured people.",
               "The port suspended operations as a precaution.", "Volunteers handed out water and blankets.",
               "Officials warned residents to stay out of old buildings."]
    rows = [{"id": f"q{k}", "title": "Earthquake shakes Lima", "published": "2024-03-01", "outlet": o,
             "text": f"A magnitude 6.1 earthquake shook Lima, Peru, on Friday, officials said. {d}"}
            for k, (o, d) in enumerate(zip(outlets, details))]
    _report_of(rows, tmp_path)
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    story = next(p for p in (tmp_path / "out").glob("s-*.html"))
    page.goto(story.as_uri())
    matrix = page.locator("table").first  # the fact-by-outlet matrix: Fact, Status, then an outlet per column
    fact, table = matrix.locator("th").first.bounding_box(), matrix.bounding_box()
    assert matrix.locator("thead th").count() == 2 + len(outlets)
    assert fact and table and fact["width"] >= 0.3 * table["width"], (fact, table)
    page.close()
