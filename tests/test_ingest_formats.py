"""HTML, JSON, JSONL, RSS, Atom and WARC inputs each become articles with the fields a user gave them."""

from __future__ import annotations

import json
from io import BytesIO
from pathlib import Path

import pytest

from storyline.ingest import list_files, read_paths
from storyline.model import BODY_KINDS, Article, Rejected

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ingest"


def _read(*paths: Path | str) -> list[Article | Rejected]:
    return list(read_paths(paths))


def _only_articles(items: list[Article | Rejected]) -> list[Article]:
    assert all(isinstance(i, Article) for i in items), [i for i in items if isinstance(i, Rejected)]
    return items  # type: ignore[return-value]


def _kinds(article: Article, needle: str) -> set[str]:
    at = article.text.index(needle)
    return {b.kind for b in article.blocks if b.start <= at < b.end}


def _blocks_slice(article: Article) -> None:
    for b in article.blocks:
        chunk = article.text[b.start : b.end]
        assert chunk and chunk == chunk.strip()


@pytest.fixture(scope="module")
def page() -> Article:
    (article,) = _only_articles(_read(FIXTURES / "page.html"))
    return article


def test_html_metadata(page: Article) -> None:
    assert page.title == "Harbour bridge reopens after storm repairs"
    assert page.outlet == "Coastal Courier"
    assert page.published == "2024-03-14"
    assert page.url == "https://www.coastalcourier.example/news/harbour-bridge-reopens"
    assert page.source == str(FIXTURES / "page.html")
    assert page.lang == "en"


def test_html_main_text_without_navigation(page: Article) -> None:
    assert "Maria Lopez said the repairs" in page.body_text()
    assert '"We are relieved to have our bridge back," said Tom Reyes' in page.body_text()
    assert "Privacy policy" not in page.body_text()
    assert "Sport" not in page.text


def test_html_paragraphs_get_the_cleaning_rules(page: Article) -> None:
    _blocks_slice(page)
    assert _kinds(page, "Sign up for our morning newsletter") == {"boilerplate"}
    assert _kinds(page, "in this photo taken on March 14") == {"caption"}
    assert _kinds(page, "Commuters had faced detours") == {"body"}


def test_jsonl_fields_ids_and_extra() -> None:
    first, second, third = _only_articles(_read(FIXTURES / "articles.jsonl"))
    assert first.id == "a1" and second.id == "42"
    assert third.id.startswith("sha1:")
    assert first.title == "Dam opens floodgates" and first.published == "2024-02-05"
    assert first.outlet == "Associated Press"  # "AP" as the gazetteer names it
    assert first.story == "s1" and first.extra == {"topic": 7}
    assert first.source == f"{FIXTURES / 'articles.jsonl'}:1" and third.source.endswith("articles.jsonl:3")
    assert second.outlet == "The Guardian"  # from the URL's domain
    assert third.outlet is None
    # the title repeated as the first line of text is marked, and offsets point into the text as given
    assert [b.kind for b in first.blocks] == ["title", "body", "body"]
    assert first.text.startswith("Dam opens floodgates\nEngineers")


def test_json_object_and_list(tmp_path: Path) -> None:
    rows = [{"id": "x1", "text": "The first article's text, about a storm."},
            {"id": "x2", "text": "The second article's text, about a flood.", "outlet": "BBC"}]
    (tmp_path / "list.json").write_text(json.dumps(rows), encoding="utf-8")
    (tmp_path / "one.json").write_text(json.dumps({"text": "A single article in one JSON object.", "lang": "en"}), encoding="utf-8")
    x1, x2, one = _only_articles(_read(tmp_path / "list.json", tmp_path / "one.json"))
    assert (x1.id, x2.id) == ("x1", "x2")
    assert x2.outlet == "BBC News" and x2.source.endswith("list.json#2")
    assert one.lang == "en" and one.id.startswith("sha1:") and one.source.endswith("one.json")


def test_rss_entries() -> None:
    items = _read(FIXTURES / "feed.rss")
    volcano, markets, headline_only = items
    assert isinstance(volcano, Article) and isinstance(markets, Article)
    assert volcano.title == "Volcano erupts near Icelandic town, forcing evacuation"
    assert volcano.outlet == "Reuters"
    assert volcano.published == "2024-01-14T08:05:00Z"
    assert volcano.lang == "en"
    assert volcano.url.startswith("https://www.reuters.com/world/europe/volcano")
    assert "<p>" not in volcano.text and "Grindavik" in volcano.body_text()
    assert [volcano.text[b.start : b.end][:10] for b in volcano.blocks] == ["A volcano ", "Residents "]
    assert volcano.source.endswith("feed.rss#1") and markets.source.endswith("feed.rss#2")
    assert isinstance(headline_only, Rejected) and "no text" in headline_only.reason
    assert "https://www.reuters.com/world/headline-only/" in headline_only.reason


def test_atom_entry() -> None:
    (entry,) = _only_articles(_read(FIXTURES / "feed.atom"))
    assert entry.title == "Telescope spots water vapour on distant planet"
    assert entry.published == "2024-05-02T11:30:00Z"
    assert entry.url == "https://science.example.org/2024/05/water-vapour"
    assert entry.text.splitlines()[1] == "The planet orbits a small red star."


def test_feed_in_xml_is_sniffed(tmp_path: Path) -> None:
    (tmp_path / "news.xml").write_bytes((FIXTURES / "feed.atom").read_bytes())
    (tmp_path / "page.xml").write_bytes((FIXTURES / "page.html").read_bytes())
    (tmp_path / "other.xml").write_text("<?xml version='1.0'?><config><a>1</a></config>", encoding="utf-8")
    items = _read(tmp_path / "news.xml", tmp_path / "page.xml", tmp_path / "other.xml")
    assert isinstance(items[0], Article) and items[0].title.startswith("Telescope")
    assert isinstance(items[1], Article) and items[1].title.startswith("Harbour bridge")
    assert isinstance(items[2], Rejected) and "neither an RSS/Atom feed nor an HTML page" in items[2].reason


def _write_warc(path: Path, pages: list[tuple[str, str]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=path.name.endswith(".gz"))
        for url, html in pages:
            request = writer.create_warc_record(url, "request", payload=BytesIO(b"GET / HTTP/1.0\r\n\r\n"))
            writer.write_record(request)
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.0")
            writer.write_record(writer.create_warc_record(url, "response", payload=BytesIO(html.encode("utf-8")), http_headers=headers))
        image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.0")
        writer.write_record(writer.create_warc_record("https://example.org/a.png", "response",
                                                      payload=BytesIO(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64), http_headers=image))


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_warc_html_responses_are_articles(tmp_path: Path, name: str) -> None:
    html = (FIXTURES / "page.html").read_text(encoding="utf-8")
    second = "<html><head><title>Second page</title></head><body><article><h1>Second page</h1>" + \
        "<p>The second archived page tells a different story about a ferry that ran aground near the harbour mouth on Tuesday night.</p>" * 2 + \
        "</article></body></html>"
    path = tmp_path / name
    _write_warc(path, [("https://www.bbc.co.uk/news/bridge-1", html), ("https://news.example.net/ferry", second)])
    assert list_files([tmp_path]) == [path]
    bridge, ferry = _only_articles(_read(tmp_path))
    assert bridge.url == "https://www.bbc.co.uk/news/bridge-1"  # the record's URL, not the page's canonical link
    assert bridge.title == "Harbour bridge reopens after storm repairs"
    assert "Maria Lopez" in bridge.body_text()
    assert ferry.url == "https://news.example.net/ferry" and "ferry that ran aground" in ferry.body_text()
    assert bridge.source == f"{path}#2" and ferry.source == f"{path}#4"
    assert bridge.extra["crawled"]
    again = _only_articles(_read(tmp_path))
    assert [a.id for a in again] == [bridge.id, ferry.id]


def test_folder_walk_is_sorted_and_skips_hidden_and_non_article_files(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "2.txt").write_text("Two\n\nThe second story.\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("One\n\nThe first story.\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text("Three\n\nThe third story.\n", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Hidden\n\nNot read.\n", encoding="utf-8")
    (tmp_path / ".git" / "x.txt").write_text("Hidden\n\nNot read.\n", encoding="utf-8")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / "style.css").write_text("body {}", encoding="utf-8")
    files = list_files([tmp_path])
    assert [p.relative_to(tmp_path).as_posix() for p in files] == ["a.txt", "b/2.txt", "c.txt"]
    titles = [a.title for a in _only_articles(_read(tmp_path))]
    assert titles == ["One", "Two", "Three"]
    # a file named twice (directly and inside its folder) is read once
    assert len(_read(tmp_path / "a.txt", tmp_path)) == 3


def test_jsonl_lead_sentence_copied_into_title_stays_body(tmp_path: Path) -> None:
    rows = [
        {"id": "lead", "title": "Rescuers reached the village on Monday.", "text": "Rescuers reached the village on Monday.\nRoads were cut."},
        {"id": "only", "title": "Fire crews fought the blaze overnight.", "text": "Fire crews fought the blaze overnight."},
        {"id": "head", "title": "Quake hits coast", "text": "Quake hits coast\nA strong quake hit the coast.", "dct": "2024-01-02"},
        # the text repeats its headline with a full stop added (PolNeAR's texts do)
        {"id": "stop", "title": "Quake hits coast", "text": "Quake hits coast.\n\nA strong quake hit the coast."},
        # ... with its quotes and stop moved, and a headline and deck given on two lines
        {"id": "moved", "title": "Mayor: Quake Was ‘The Worst’", "text": "Mayor: Quake Was ‘The Worst.’\nA strong quake hit the coast."},
        {"id": "deck", "title": "Quake hits coast; Thousands flee their homes",
         "text": "Quake hits coast; \nThousands flee their homes.\n\nA strong quake hit the coast."},
    ]
    path = tmp_path / "rows.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    lead, only, head, stop, moved, deck = _only_articles(_read(path))
    assert [b.kind for b in lead.blocks] == ["body", "body"]
    assert [b.kind for b in only.blocks] == ["body"]
    assert [b.kind for b in head.blocks] == ["title", "body"]
    assert [b.kind for b in stop.blocks] == ["title", "body"]
    assert [b.kind for b in moved.blocks] == ["title", "body"]
    assert [b.kind for b in deck.blocks] == ["title", "title", "body"]
    assert head.published == "2024-01-02" and head.extra == {"dct": "2024-01-02"}


def test_gzipped_jsonl_streams(tmp_path: Path) -> None:
    import gzip

    path = tmp_path / "rows.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        for n in range(3):
            f.write(json.dumps({"id": f"g{n}", "text": f"Article {n} about the harbour bridge."}) + "\n")
    assert list_files([tmp_path]) == [path]
    assert [a.id for a in _only_articles(_read(tmp_path))] == ["g0", "g1", "g2"]


def test_every_fixture_and_seed_article_has_blocks_that_slice_its_text() -> None:
    seeds = Path(__file__).resolve().parents[1] / "examples" / "seeds"
    articles = [i for i in _read(FIXTURES, seeds) if isinstance(i, Article)]
    assert len(articles) >= 9
    for article in articles:
        assert article.blocks, article.source
        last = 0
        for b in article.blocks:
            chunk = article.text[b.start : b.end]
            assert last <= b.start < b.end and chunk == chunk.strip(), (article.source, b)
            last = b.end
        assert any(b.kind == "body" for b in article.body_blocks())
        assert all(b.kind in BODY_KINDS for b in article.body_blocks())


def test_jsonl_title_that_is_only_a_date_gives_way_to_the_headline_under_it(tmp_path: Path) -> None:
    # some datasets and feeds put the dateline in `title`; the headline is the next line of the text
    rows = [
        {"id": "dated", "title": "Friday, June 7, 2013",
         "text": "Friday, June 7, 2013\nHollywood's mermaid Esther Williams dies\nThe swimmer and actress died at 91."},
        {"id": "updated", "title": "Posted 11/27/2005 7:21 AM",
         "text": "Posted 11/27/2005 7:21 AM\nUpdated 11/27/2005 3:41 PM\nQuake hits southern Iran\nA strong quake hit."},
        # a long first paragraph under the date is the body, not a headline: the given title stays
        {"id": "lead", "title": "June 06, 2013",
         "text": "June 06, 2013\nEsther Williams, the swimming champion who became a star of Hollywood musicals in the "
                 "1940s and 1950s, died on Thursday in her sleep at her home in Beverly Hills."},
    ]
    path = tmp_path / "rows.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    dated, updated, lead = _only_articles(_read(path))
    assert dated.title == "Hollywood's mermaid Esther Williams dies"
    assert [b.kind for b in dated.blocks] == ["byline", "title", "body"]
    assert dated.published == "2013-06-07"
    assert dated.text.startswith("Friday, June 7, 2013\n")  # the text is kept as given
    assert updated.title == "Quake hits southern Iran" and [b.kind for b in updated.blocks] == [
        "byline", "byline", "title", "body"]
    assert lead.title == "June 06, 2013" and [b.kind for b in lead.blocks] == ["title", "body"]


def test_html_page_with_only_a_headline_is_rejected(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text(
        "<html><head><title>Latest news</title></head><body><h1>Latest news</h1><p>Sign up for our newsletter</p></body></html>",
        encoding="utf-8",
    )
    (item,) = _read(tmp_path)
    assert isinstance(item, Rejected) and "no article text" in item.reason
