"""One SQLite file holds everything: articles, rejected inputs, and each stage's output keyed by article id.

WAL mode lets the web server read while a batch writes. Stage outputs carry a version so that a newer
analyser recomputes what an older one stored, and nothing else.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from storyline.model import Analysis, Article, Block, Brief, Rejected, from_dict, to_dict
from storyline.store.schema import MIGRATIONS


class StoreError(Exception):
    """The database cannot be opened or used; the message says which file and what to do."""


@dataclass
class AddResult:
    added: int = 0
    unchanged: int = 0
    rejected: int = 0


def content_hash(article: Article) -> str:
    """What makes two ingests of one id the same article: its text and its metadata as given."""
    key = json.dumps([article.text, article.title, article.published, article.outlet, article.url], ensure_ascii=False)
    return hashlib.sha1(key.encode("utf-8")).hexdigest()


class Store:
    """A connection to one storyline database file (created and migrated on open)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            if self.path.parent and not self.path.parent.exists():
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self.conn = sqlite3.connect(str(self.path), timeout=30, check_same_thread=False)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(
                f"{self.path}: not a usable storyline database ({exc}); pass another file with --db"
            ) from None

    # -- schema -------------------------------------------------------------------------------------------
    def _migrate(self) -> None:
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if version > len(MIGRATIONS):
            raise StoreError(
                f"{self.path} was written by a newer storyline (schema {version}); upgrade storyline to read it"
            )
        for number in range(version, len(MIGRATIONS)):
            # One transaction per step: a failed migration leaves the file at the previous version.
            self.conn.executescript(f"BEGIN; {MIGRATIONS[number]}; PRAGMA user_version={number + 1}; COMMIT;")

    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- articles -----------------------------------------------------------------------------------------
    def add(self, items: Iterable[Article | Rejected], batch: int = 200) -> Iterator[tuple[Article | Rejected, str]]:
        """Store articles and rejections, committing every `batch` so a killed run keeps what it finished.

        Yields each item with its outcome: "added", "unchanged" (same id and content already stored: re-ingest is
        a no-op) or "rejected" (including an id already stored with different content, which is never overwritten).
        """
        pending = 0
        seq = self.conn.execute("SELECT COALESCE(MAX(seq), 0) FROM articles").fetchone()[0]
        try:
            for item in items:
                if isinstance(item, Rejected):
                    self._reject(item)
                    yield item, "rejected"
                else:
                    digest = content_hash(item)
                    row = self.conn.execute("SELECT content_hash FROM articles WHERE id=?", (item.id,)).fetchone()
                    if row is None:
                        seq += 1
                        self._insert(item, digest, seq)
                        yield item, "added"
                    elif row[0] == digest:
                        yield item, "unchanged"
                    else:
                        rej = Rejected(
                            item.source or item.id,
                            f"id {item.id!r} is already stored with different content; give this article its own id",
                        )
                        self._reject(rej)
                        yield rej, "rejected"
                pending += 1
                if pending >= batch:
                    self.conn.commit()
                    pending = 0
        finally:
            self.conn.commit()

    def _insert(self, a: Article, digest: str, seq: int) -> None:
        self.conn.execute(
            "INSERT INTO articles (id, content_hash, title, text, published, outlet, url, lang, source, story_hint,"
            " blocks, extra, seq) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                a.id, digest, a.title, a.text, a.published, a.outlet, a.url, a.lang, a.source, a.story,
                json.dumps(to_dict(a.blocks)), json.dumps(a.extra, ensure_ascii=False), seq,
            ),
        )

    def _reject(self, r: Rejected) -> None:
        self.conn.execute("INSERT OR IGNORE INTO rejected (source, reason) VALUES (?, ?)", (r.source, r.reason))

    _COLS = "id, title, text, published, outlet, url, lang, source, story_hint, blocks, extra"

    @staticmethod
    def _article(row: tuple) -> Article:
        blocks = [from_dict(Block, b) for b in json.loads(row[9])]
        return Article(
            id=row[0], title=row[1], text=row[2], published=row[3], outlet=row[4], url=row[5], lang=row[6],
            source=row[7], story=row[8], blocks=blocks, extra=json.loads(row[10]),
        )

    def articles(self, ids: Iterable[str] | None = None) -> list[Article]:
        """Articles in ingest order (or in the order of `ids`)."""
        if ids is None:
            rows = self.conn.execute(f"SELECT {self._COLS} FROM articles ORDER BY seq").fetchall()
            return [self._article(r) for r in rows]
        wanted = list(ids)
        found: dict[str, Article] = {}
        for chunk in _chunks(wanted, 500):
            q = f"SELECT {self._COLS} FROM articles WHERE id IN ({','.join('?' * len(chunk))})"
            for r in self.conn.execute(q, chunk):
                found[r[0]] = self._article(r)
        return [found[i] for i in wanted if i in found]

    def count(self, table: str = "articles") -> int:
        if table not in {"articles", "rejected", "analyses", "story_articles", "briefs"}:
            raise ValueError(table)
        return int(self.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])

    def rejected(self) -> list[Rejected]:
        return [Rejected(s, r) for s, r in self.conn.execute("SELECT source, reason FROM rejected ORDER BY rowid")]

    # -- analyses -----------------------------------------------------------------------------------------
    def missing_analyses(self, version: str, ids: Iterable[str] | None = None) -> list[str]:
        """Ids of articles (all, in ingest order, or those among `ids`, in their order) with no analysis from this
        analyser version."""
        rows = self.conn.execute(
            "SELECT a.id FROM articles a LEFT JOIN analyses n ON n.article_id = a.id AND n.version = ?"
            " WHERE n.article_id IS NULL ORDER BY a.seq",
            (version,),
        )
        missing = [r[0] for r in rows]
        if ids is None:
            return missing
        missing_set = set(missing)
        return list(dict.fromkeys(i for i in ids if i in missing_set))

    def save_analyses(self, analyses: Iterable[Analysis], version: str) -> None:
        with self.conn:
            self.conn.executemany(
                "INSERT OR REPLACE INTO analyses (article_id, version, data) VALUES (?,?,?)",
                [(a.article_id, version, json.dumps(to_dict(a), ensure_ascii=False)) for a in analyses],
            )

    def analyses(self, ids: Iterable[str]) -> dict[str, Analysis]:
        out: dict[str, Analysis] = {}
        for chunk in _chunks(list(ids), 500):
            q = f"SELECT article_id, data FROM analyses WHERE article_id IN ({','.join('?' * len(chunk))})"
            for aid, data in self.conn.execute(q, chunk):
                out[aid] = from_dict(Analysis, json.loads(data))
        return out

    # -- stories ------------------------------------------------------------------------------------------
    def assignment(self) -> dict[str, str]:
        """article id -> story id, for every article already placed in a story."""
        return dict(self.conn.execute("SELECT article_id, story_id FROM story_articles"))

    def save_assignment(self, assignment: dict[str, str]) -> None:
        with self.conn:
            self.conn.executemany(
                "INSERT OR REPLACE INTO story_articles (article_id, story_id) VALUES (?,?)", assignment.items()
            )

    def stories(self) -> list[tuple[str, list[str]]]:
        """(story id, article ids in ingest order), largest stories first."""
        rows = self.conn.execute(
            "SELECT s.story_id, s.article_id FROM story_articles s JOIN articles a ON a.id = s.article_id ORDER BY a.seq"
        )
        groups: dict[str, list[str]] = {}
        for sid, aid in rows:
            groups.setdefault(sid, []).append(aid)
        return sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))

    def story_ids_matching(self, prefix: str) -> list[str]:
        rows = self.conn.execute(
            "SELECT DISTINCT story_id FROM story_articles WHERE story_id = ? OR story_id LIKE ? ORDER BY story_id",
            (prefix, prefix.replace("%", r"\%") + "%"),
        )
        return [r[0] for r in rows]

    # -- briefs -------------------------------------------------------------------------------------------
    def brief(self, story_id: str, fingerprint: str) -> Brief | None:
        row = self.conn.execute(
            "SELECT data FROM briefs WHERE story_id=? AND fingerprint=?", (story_id, fingerprint)
        ).fetchone()
        return from_dict(Brief, json.loads(row[0])) if row else None

    def has_brief(self, story_id: str, fingerprint: str) -> bool:
        row = self.conn.execute(
            "SELECT 1 FROM briefs WHERE story_id=? AND fingerprint=?", (story_id, fingerprint)
        ).fetchone()
        return row is not None

    def save_brief(self, brief: Brief, fingerprint: str) -> None:
        with self.conn:
            self.conn.execute(
                "INSERT OR REPLACE INTO briefs (story_id, fingerprint, data) VALUES (?,?,?)",
                (brief.id, fingerprint, json.dumps(to_dict(brief), ensure_ascii=False)),
            )

    # -- search -------------------------------------------------------------------------------------------
    def search(self, query: str, limit: int = 20) -> list[dict[str, str | None]]:
        """Full-text search over titles and texts; plain words are matched as words, not as FTS syntax."""
        terms = [t for t in _words(query)]
        if not terms:
            return []
        match = " ".join('"' + t.replace('"', '""') + '"' for t in terms)
        rows = self.conn.execute(
            "SELECT a.id, a.title, a.outlet, s.story_id, snippet(articles_fts, 1, '[', ']', ' … ', 12)"
            " FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid"
            " LEFT JOIN story_articles s ON s.article_id = a.id"
            " WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts) LIMIT ?",
            (match, limit),
        )
        return [dict(zip(("id", "title", "outlet", "story", "snippet"), r)) for r in rows]


def _words(text: str) -> list[str]:
    import re

    return re.findall(r"\w+", text)


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]
