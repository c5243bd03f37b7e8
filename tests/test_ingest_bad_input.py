"""Bad input costs one Rejected with a reason a user can act on, and the rest of the batch still goes through."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.ingest import list_files, read_paths
from storyline.model import Article, Rejected

GOOD = "Bridge reopens\n\nThe harbour bridge reopened on Thursday after five weeks of repairs.\n"


def _read(*paths: Path | str) -> list[Article | Rejected]:
    return list(read_paths(paths))


def _batch(tmp_path: Path, name: str, content: bytes) -> tuple[list[Article], list[Rejected]]:
    """Read a folder holding a good article and the bad file: the good one must always come through."""
    (tmp_path / "0_good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / name).write_bytes(content)
    items = _read(tmp_path)
    articles = [i for i in items if isinstance(i, Article)]
    rejected = [i for i in items if isinstance(i, Rejected)]
    assert any(a.source.endswith("0_good.txt") for a in articles)
    for r in rejected:
        assert r.reason and "\n" not in r.reason
    return articles, rejected


def test_missing_path() -> None:
    assert _read("/no/such/place/articles") == [Rejected("/no/such/place/articles", "no such file or folder")]


def test_empty_file(tmp_path: Path) -> None:
    articles, rejected = _batch(tmp_path, "empty.txt", b"  \n\n ")
    assert len(articles) == 1
    assert [(Path(r.source).name, r.reason.split(":")[0]) for r in rejected] == [("empty.txt", "empty file")]


def test_binary_file(tmp_path: Path) -> None:
    blob = bytes(range(256)) * 40
    articles, rejected = _batch(tmp_path, "scan.txt", blob)
    assert len(articles) == 1 and len(rejected) == 1
    assert "binary" in rejected[0].reason and ".txt" in rejected[0].reason


def test_latin1_text_is_decoded_not_rejected(tmp_path: Path) -> None:
    text = "Café owners protest\n\nThe owners of cafés in Zürich said the new rules were “unfair” — and costly.\n"
    articles, rejected = _batch(tmp_path, "latin.txt", text.encode("cp1252"))
    assert rejected == []
    (article,) = [a for a in articles if a.source.endswith("latin.txt")]
    assert article.text == text and article.title == "Café owners protest"


def test_pure_latin1_bytes_are_decoded(tmp_path: Path) -> None:
    text = "Señor García\n\nEl niño comió piñas en la montaña. ¿Dónde está?\n"
    (tmp_path / "es.txt").write_bytes(text.encode("latin-1"))
    (article,) = _read(tmp_path / "es.txt")
    assert article.text == text


def test_mojibake_is_repaired_and_the_text_as_given_is_kept(tmp_path: Path) -> None:
    written = "Peña Nieto meets Trump\n\nMexico’s president, Enrique Peña Nieto, met Donald Trump in Mexico City.\n"
    garbled = written.encode("utf-8").decode("cp1252")  # "PeÃ±a", "Mexicoâ€™s": one wrong decode upstream
    garbled = garbled.replace("Ã", "A\u0303", 1)  # and once decomposed afterwards (NFD), as some corpora store it
    title = garbled.split("\n")[0]
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "a", "title": title, "text": garbled}) + "\n"
                                      + json.dumps({"id": "b", "text": written}) + "\n", encoding="utf-8")
    a, b = _read(tmp_path / "a.jsonl")
    assert a.text == written and a.title == "Peña Nieto meets Trump"
    assert a.extra["text_as_given"] == garbled and "mojibake" in a.extra["repaired"]
    assert b.text == written and "repaired" not in b.extra  # correct text is left alone


def test_invisible_characters_that_split_words_are_removed_and_the_text_as_given_is_kept(tmp_path: Path) -> None:
    written = "Senate vote delayed\n\nThe vote was delayed again, spokesman Doug Andres said on Monday.\n"
    given = written.replace("Andres", "Andr\u00ades").replace("delayed again", "delayed\u200b again")
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "a", "text": given}) + "\n", encoding="utf-8")
    (a,) = _read(tmp_path / "a.jsonl")
    assert a.text == written
    assert a.extra["text_as_given"] == given and "invisible" in a.extra["repaired"]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig"])
def test_byte_order_marks_are_decoded(tmp_path: Path, encoding: str) -> None:
    text = "Zürich floods\n\nRivers in Zürich burst their banks on Monday, officials said.\n"
    articles, rejected = _batch(tmp_path, "bom.txt", text.encode(encoding))
    assert rejected == []
    (article,) = [a for a in articles if a.source.endswith("bom.txt")]
    assert article.text == text


def test_truncated_html_keeps_what_is_there(tmp_path: Path) -> None:
    html = (
        "<html><head><title>Ferry runs aground</title></head><body><article><h1>Ferry runs aground</h1>"
        "<p>A passenger ferry ran aground near the harbour mouth on Tuesday night, the coast guard said.</p>"
        "<p>All 212 passengers were taken off safely by lifeboats, and the ferry oper"
    )
    articles, rejected = _batch(tmp_path, "cut.html", html.encode("utf-8"))
    assert rejected == []
    (article,) = [a for a in articles if a.source.endswith("cut.html")]
    assert "ran aground near the harbour mouth" in article.body_text()
    assert "All 212 passengers" in article.text


def test_html_without_text_is_rejected(tmp_path: Path) -> None:
    html = "<html><head><title>x</title><script>var a = 1;</script></head><body><div><img src='a.png'></div></body></html>"
    articles, rejected = _batch(tmp_path, "blank.html", html.encode("utf-8"))
    assert len(articles) == 1
    assert len(rejected) == 1 and "no article text" in rejected[0].reason


def test_malformed_json_line_among_good_ones(tmp_path: Path) -> None:
    lines = [json.dumps({"id": "1", "text": "The first good article."}), '{"id": "2", "text": "broken', "",
             json.dumps({"id": "3", "text": "The third good article."}), json.dumps(["not", "an", "object"]),
             json.dumps({"id": "5", "title": "No text field"})]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = _read(path)
    assert [i.id for i in items if isinstance(i, Article)] == ["1", "3"]
    rejected = {r.source: r.reason for r in items if isinstance(r, Rejected)}
    assert set(rejected) == {f"{path}:2", f"{path}:5", f"{path}:6"}
    assert "malformed JSON" in rejected[f"{path}:2"]
    assert "object" in rejected[f"{path}:5"]
    assert '"text"' in rejected[f"{path}:6"]


def test_article_with_no_text(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "e", "title": "A title", "text": "  "}) + "\n", encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps({"title": "A title", "text": ""}), encoding="utf-8")
    (tmp_path / "c.txt").write_text("Only a headline here\n\n", encoding="utf-8")
    (tmp_path / "d.txt").write_text("A headline\n\nRead the original article on Business Insider\n", encoding="utf-8")
    items = _read(tmp_path)
    assert all(isinstance(i, Rejected) for i in items) and len(items) == 4
    assert all("no article text" in r.reason for r in items), items


@pytest.mark.parametrize("suffix", [".txt", ".html"])
def test_too_large_text_file_is_rejected_without_reading(tmp_path: Path, suffix: str) -> None:
    big = tmp_path / f"dump{suffix}"
    with big.open("wb") as f:
        line = b"The same sentence about a bridge, again and again, in one huge file.\n"
        f.write(line * (50 * 1024 * 1024 // len(line) + 1))
    articles, rejected = _batch(tmp_path, "small.txt", GOOD.encode())
    assert len(articles) == 2
    (r,) = rejected
    assert r.source == str(big) and "too large" in r.reason and "split" in r.reason


def test_jsonl_streams_and_limits_each_article(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    with path.open("w", encoding="utf-8") as f:
        f.write(json.dumps({"id": "before", "text": "A normal article before the huge one."}) + "\n")
        f.write(json.dumps({"id": "huge", "text": "word " * 3_000_000}) + "\n")
        for n in range(2000):
            f.write(json.dumps({"id": f"n{n}", "text": f"Article number {n} about the river level."}) + "\n")
    items = _read(path)
    rejected = [i for i in items if isinstance(i, Rejected)]
    assert len(items) == 2002 and len(rejected) == 1
    assert rejected[0].source == f"{path}:2" and "too long" in rejected[0].reason


def test_unsupported_extension_named_directly_vs_in_folder(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4")
    in_folder = _read(tmp_path)
    assert [type(i).__name__ for i in in_folder] == ["Article", "Rejected"]
    assert in_folder[1].source.endswith("report.pdf") and "unsupported" in in_folder[1].reason
    (named,) = _read(tmp_path / "photo.png")
    assert isinstance(named, Rejected) and "unsupported file type" in named.reason and ".txt" in named.reason
    assert list_files([tmp_path / "photo.png", tmp_path]) == [tmp_path / "a.txt"]


def test_damaged_warc_is_one_rejected(tmp_path: Path) -> None:
    articles, rejected = _batch(tmp_path, "crawl.warc.gz", b"\x1f\x8b\x08\x00 this is not really gzip data at all")
    assert len(articles) == 1
    assert len(rejected) == 1 and rejected[0].source.endswith("crawl.warc.gz")


def test_broken_feed_is_one_rejected(tmp_path: Path) -> None:
    articles, rejected = _batch(tmp_path, "news.rss", b"<rss><channel><title>x</title>")
    assert len(articles) == 1
    assert len(rejected) == 1 and "feed" in rejected[0].reason


def test_json_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_bytes(json.dumps({"id": "bom", "text": "Zürich floods."}).encode("utf-8-sig"))
    (tmp_path / "b.jsonl").write_bytes((json.dumps({"id": "bom2", "text": "Zürich floods."}) + "\n").encode("utf-8-sig"))
    assert [(a.id, a.text) for a in _read(tmp_path)] == [("bom", "Zürich floods."), ("bom2", "Zürich floods.")]


def test_malformed_warc_record_is_one_rejected(tmp_path: Path) -> None:
    articles, rejected = _batch(tmp_path, "x.warc", b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\nshort")
    assert len(rejected) == 1 and "WARC" in rejected[0].reason
    # headers cut off: the reason speaks of the archive, not of Python objects
    (tmp_path / "x.warc").unlink()
    articles, rejected = _batch(tmp_path, "y.warc", b"WARC/1.0\r\nWARC-Type: response\r\n")
    assert len(rejected) == 1 and "WARC" in rejected[0].reason and "NoneType" not in rejected[0].reason, rejected


def test_an_article_not_in_english_is_rejected_with_its_language(tmp_path: Path) -> None:
    # The models read English: a Spanish or Hindi article is named as such, and English ones (even a lower-cased
    # keyword list, as some datasets ship) come through.
    spanish = ("El presidente del Gobierno ha anunciado este miércoles que el Consejo de Ministros aprobará la "
               "próxima semana una serie de medidas para los hogares más vulnerables, según ha informado la Moncloa.")
    hindi = "नई दिल्ली। भारतीय अंतरिक्ष अनुसंधान संगठन के प्रमुख ने बुधवार को बताया कि सरकार ने मिशन को मंजूरी दे दी है। " * 3
    keywords = ("denver england quarter den miller fumble return prater kick den moreno prater kick den manning "
                "thomas pass den broncos touchdown denver defense den")
    lines = [json.dumps({"id": i, "text": t}) for i, t in (("es", spanish), ("hi", hindi), ("kw", keywords))]
    articles, rejected = _batch(tmp_path, "mixed.jsonl", ("\n".join(lines) + "\n").encode())
    reasons = {r.source.rsplit(":", 1)[-1]: r.reason for r in rejected}
    assert "Spanish" in reasons["1"] and "Devanagari" in reasons["2"] and "English" in reasons["1"], reasons
    assert "kw" in {a.id for a in articles}
