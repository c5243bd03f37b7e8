"""The store keeps everything a user ingested, exactly, and survives re-runs and reopening."""

from __future__ import annotations

import sqlite3

import pytest

from storyline.model import Analysis, Article, Block, Brief, Mention, Rejected
from storyline.store import Store, StoreError


def _article(i: str, text: str = "Kirby said Russia wants artillery shells from North Korea.") -> Article:
    return Article(
        id=i, text=text, title=f"Title {i}", published="2023-08-30", outlet="Global News", url=f"https://x/{i}",
        source=f"in.jsonl:{i}", blocks=[Block(0, 10, "body"), Block(10, len(text), "caption")], extra={"k": [1]},
    )


def test_articles_round_trip_exactly(tmp_path):
    a = _article("a", "Text with “curly quotes”, émigrés and a tab\there.\n\nSecond paragraph.")
    with Store(tmp_path / "s.db") as store:
        assert [o for _, o in store.add([a])] == ["added"]
    with Store(tmp_path / "s.db") as store:
        assert store.articles() == [a]


def test_reingest_is_a_no_op_and_conflicting_id_is_rejected_not_overwritten(tmp_path):
    with Store(tmp_path / "s.db") as store:
        list(store.add([_article("a"), _article("b")]))
        outcomes = [o for _, o in store.add([_article("a"), _article("a", "A different text entirely.")])]
        assert outcomes == ["unchanged", "rejected"]
        assert store.count() == 2
        assert store.articles(["a"])[0].text.startswith("Kirby said")
        assert "already stored with different content" in store.rejected()[0].reason


def test_rejected_inputs_are_recorded_once(tmp_path):
    with Store(tmp_path / "s.db") as store:
        list(store.add([Rejected("bad.txt", "empty file")]))
        list(store.add([Rejected("bad.txt", "empty file")]))
        assert store.rejected() == [Rejected("bad.txt", "empty file")]


def test_wal_mode_and_schema_version(tmp_path):
    with Store(tmp_path / "s.db") as store:
        assert store.schema_version >= 1
    conn = sqlite3.connect(tmp_path / "s.db")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_newer_schema_is_refused_with_advice(tmp_path):
    path = tmp_path / "s.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version=999")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer storyline"):
        Store(path)


def test_not_a_database_is_a_clear_error(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database " * 100)
    with pytest.raises(StoreError, match="notes.db"):
        Store(path)


def test_search_finds_words_and_tolerates_fts_syntax(tmp_path):
    with Store(tmp_path / "s.db") as store:
        list(store.add([_article("a"), _article("b", "Apple unveiled a new phone in Cupertino.")]))
        assert [h["id"] for h in store.search("artillery shells")] == ["a"]
        assert [h["id"] for h in store.search("phones")] == ["b"]  # porter stemming
        assert store.search('"unbalanced AND (') == []


def test_analyses_are_versioned(tmp_path):
    with Store(tmp_path / "s.db") as store:
        list(store.add([_article("a"), _article("b")]))
        assert store.missing_analyses("v1") == ["a", "b"]
        an = Analysis("a", entities=[Mention(0, 5, "Kirby", "PERSON", "John Kirby")])
        store.save_analyses([an], "v1")
        assert store.missing_analyses("v1") == ["b"]
        assert store.analyses(["a"])["a"] == an
        assert store.missing_analyses("v2") == ["a", "b"]


def test_story_assignment_and_briefs(tmp_path):
    with Store(tmp_path / "s.db") as store:
        list(store.add([_article("a"), _article("b"), _article("c")]))
        store.save_assignment({"a": "s-1", "b": "s-1", "c": "s-2"})
        assert store.stories() == [("s-1", ["a", "b"]), ("s-2", ["c"])]
        assert store.story_ids_matching("s-") == ["s-1", "s-2"]
        store.save_brief(Brief(id="s-1", headline="H"), "fp1")
        assert store.brief("s-1", "fp1").headline == "H"
        assert store.brief("s-1", "fp2") is None
