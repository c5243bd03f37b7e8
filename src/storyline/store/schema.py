"""The database schema as an ordered list of migrations.

`PRAGMA user_version` records how many have run, so opening an older file upgrades it in place and a newer
storyline never re-runs a step. Append new migrations; never edit one that has shipped.
"""

from __future__ import annotations

MIGRATIONS: list[str] = [
    # 1: articles, rejected inputs, full-text search, stage outputs keyed by article id.
    """
    CREATE TABLE articles (
        id          TEXT PRIMARY KEY,
        content_hash TEXT NOT NULL,
        title       TEXT,
        text        TEXT NOT NULL,
        published   TEXT,
        outlet      TEXT,
        url         TEXT,
        lang        TEXT,
        source      TEXT,
        story_hint  TEXT,
        blocks      TEXT NOT NULL DEFAULT '[]',
        extra       TEXT NOT NULL DEFAULT '{}',
        seq         INTEGER NOT NULL,
        ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );
    CREATE INDEX articles_published ON articles(published);
    CREATE TABLE rejected (
        rowid       INTEGER PRIMARY KEY,
        source      TEXT NOT NULL,
        reason      TEXT NOT NULL,
        at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
        UNIQUE (source, reason)
    );
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles', content_rowid='rowid', tokenize='porter unicode61'
    );
    CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
    END;
    CREATE TABLE analyses (
        article_id  TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        version     TEXT NOT NULL,
        data        TEXT NOT NULL
    );
    CREATE TABLE story_articles (
        article_id  TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        story_id    TEXT NOT NULL
    );
    CREATE INDEX story_articles_story ON story_articles(story_id);
    CREATE TABLE briefs (
        story_id    TEXT PRIMARY KEY,
        fingerprint TEXT NOT NULL,
        data        TEXT NOT NULL
    );
    """,
]
