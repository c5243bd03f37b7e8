"""Markdown and HTML pages of briefs, from the Jinja2 templates next to this module.

Pages are self-contained (inline CSS and SVG, no script, no external request) so a report folder can be mailed,
archived or opened from file:// years later and still read the same.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from storyline.model import Article, Brief
from storyline.render.json import brief_to_json
from storyline.render.view import page_name, story_map_svg, story_view

TEMPLATES = Path(__file__).parent / "templates"


@functools.lru_cache(maxsize=2)
def _env(html: bool) -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=select_autoescape(enabled_extensions=("html",), default_for_string=False) if html else False,
        trim_blocks=False,
        lstrip_blocks=False,
        keep_trailing_newline=True,
    )
    env.filters["disputed"] = disputed
    env.finalize = typeset
    return env


# Treebank-style quotation marks, as ECB+ and MEANTIME (and some papers) print them: `` opens; '' opens before a word
# after a space (''Some three million ...,'' Mr. Sanders said) and closes otherwise.
_OPENING_TICKS = re.compile(r"``\s?|(?:(?<=^)|(?<=[\s(\[—–-]))''(?=\w)")
_CLOSING_TICKS = re.compile(r"\s?''")


def typeset(value: object) -> object:
    """Text as a page shows it: treebank quotation marks as “ and ”. Only what is shown changes; the JSON brief and
    the articles keep the text as written, so source offsets still point into it."""
    if type(value) is not str or ("``" not in value and "''" not in value):
        return value
    return _CLOSING_TICKS.sub("”", _OPENING_TICKS.sub("“", value))


def disputed(side: dict) -> str:
    """What one side of a conflict states that the other does not, for the reader to see at a glance: "15",
    "$200 million" reads "200 million", "2009", "Mark Heller"; "" when the side names no value."""
    out = []
    for value in side.get("numbers", []):
        for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
            if value >= scale:
                out.append(f"{value / scale:g} {word}")
                break
        else:
            out.append(f"{value:,g}")
    return ", ".join(out + [str(v) for v in side.get("dates", []) + side.get("people", [])])


def brief_to_markdown(brief: Brief, articles: dict[str, Article] | None = None) -> str:
    """The brief as Markdown; with `articles`, the cited source sentences are quoted under "Sources"."""
    view = story_view(brief, articles or {})
    text = _env(False).get_template("brief.md").render(**view)
    return "\n".join(line.rstrip() for line in text.splitlines()).strip() + "\n"


def brief_to_html(brief: Brief, articles: dict[str, Article]) -> str:
    """One story page: summary with citation markers, fact-by-outlet matrix, quotes, entities, timeline."""
    return _env(True).get_template("story.html").render(**story_view(brief, articles))


def index_html(briefs: list[Brief], unwritten: list[tuple[str, list[Article]]] = (), search: bool = False) -> str:
    """The list of stories, linking to their pages; the most widely reported story first.

    `unwritten` are stories (id, articles) whose brief is not written yet: they are listed by their first title,
    so a server can show a big database at once and pay for each brief only when its page is opened. `search`
    adds the search form (served pages only: a report opened from disk has no server to ask)."""
    stories = []
    for b in briefs:
        view = story_view(b, {})
        stories.append({"page": page_name(b.id), "headline": b.headline, "articles": len(b.articles),
                        "outlets": view["outlets"], "counts": view["counts"],
                        "lead": b.summary[0].text if b.summary else None,
                        "dates": [a.published[:10] for a in b.articles if a.published]})
    for story_id, articles in unwritten:
        title = next((a.title for a in articles if a.title), None) or (articles[0].text.strip().split("\n")[0][:120]
                                                                        if articles else story_id)
        stories.append({"page": page_name(story_id), "headline": title, "articles": len(articles),
                        "outlets": list(dict.fromkeys(a.outlet for a in articles if a.outlet)), "counts": None,
                        "lead": None, "dates": [a.published[:10] for a in articles if a.published]})
    stories.sort(key=lambda s: -s["articles"])
    return _env(True).get_template("index.html").render(stories=stories, story_map=story_map_svg(stories),
                                                          search=search)


def search_html(query: str, results: list[dict[str, str | None]], limit: int) -> str:
    """The web UI's search page: matching articles with their snippets (matched words marked) and story links.
    `results` are `Store.search` rows, whose snippets mark matched words with [brackets]."""
    hits = []
    for r in results:
        snippet = r.get("snippet") or ""
        parts = [(text, n % 2 == 1) for n, text in enumerate(re.split(r"\[([^\[\]]*)\]", snippet)) if text]
        hits.append({**r, "parts": parts, "page": page_name(r["story"]) if r.get("story") else None})
    return _env(True).get_template("search.html").render(query=query, results=hits, limit=limit)


def write_report(briefs: list[Brief], articles: dict[str, Article], out_dir: Path) -> None:
    """Write stories.json, index.html, and one <id>.html and <id>.md per story into `out_dir`."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "stories.json").write_text(
        json.dumps([brief_to_json(b) for b in briefs], ensure_ascii=False, indent=1), encoding="utf-8"
    )
    (out_dir / "index.html").write_text(index_html(briefs), encoding="utf-8")
    for b in briefs:
        name = page_name(b.id)
        (out_dir / f"{name}.html").write_text(brief_to_html(b, articles), encoding="utf-8")
        (out_dir / f"{name}.md").write_text(brief_to_markdown(b, articles), encoding="utf-8")
