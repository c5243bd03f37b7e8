"""Which outlet published an article, from the signals articles carry.

Outlets matter downstream (a fact stated by two outlets is corroborated; one outlet's wire copy is not), so every
reader tries to name one. The signals, most direct first: an outlet given by the input (JSONL `outlet`, an HTML
site name, a line under the title such as "Global News"), a footer ("Read the original article on Business
Insider"), a wire dateline ("LONDON (Reuters) -"), and the URL's domain. Names are made canonical through a small
gazetteer kept as data (`data/outlets.tsv`: name, domains, other spellings) so "AP", "apnews.com" and "The
Associated Press" count as one outlet.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from urllib.parse import urlsplit

from storyline.model import Block


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[dict[str, str], dict[str, str]]:
    """(lower-cased name or alias -> name, domain -> name), loaded once from the package data."""
    by_name: dict[str, str] = {}
    by_domain: dict[str, str] = {}
    text = resources.files("storyline.ingest").joinpath("data/outlets.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        name = cols[0].strip()
        domains = cols[1].split(",") if len(cols) > 1 else []
        aliases = cols[2].split(",") if len(cols) > 2 else []
        for alias in [name, *aliases]:
            if alias.strip():
                by_name.setdefault(_name_key(alias), name)
        for domain in domains:
            if domain.strip():
                by_domain[domain.strip().lower()] = name
    return by_name, by_domain


def _name_key(name: str) -> str:
    return " ".join(name.lower().replace("’", "'").split())


def known_outlet(name: str) -> str | None:
    """The gazetteer's name for `name` ("AP" -> "Associated Press"), or None when it is not a known outlet."""
    by_name, _ = _gazetteer()
    key = _name_key(name).strip(" .,:;-")
    if key in by_name:
        return by_name[key]
    if key.startswith("the ") and key[4:] in by_name:
        return by_name[key[4:]]
    if ("the " + key) in by_name:
        return by_name["the " + key]
    return None


def canonical_outlet(name: str | None) -> str | None:
    """`name` as the gazetteer spells it when known, else tidied as given (never invents an outlet)."""
    if not name:
        return None
    tidy = " ".join(name.split()).strip(" .,:;-")
    if not tidy:
        return None
    if _looks_like_host(tidy):
        return outlet_from_url(tidy)
    known = known_outlet(tidy)
    if known:
        return known
    # "BBC News - World", "World News | Reuters", "Reuters: Top News": a known outlet with a section name
    parts = re.split(r"\s+[-|–—:·]\s+|:\s+", tidy)
    if len(parts) > 1:
        for part in (parts[0], parts[-1]):
            known = known_outlet(part)
            if known:
                return known
    return tidy


def outlet_from_url(url: str | None, fallback_to_host: bool = True) -> str | None:
    """The outlet a URL belongs to: the gazetteer's name for its domain (or a parent domain), else the host.

    The host ("example-news.com") is a better outlet than none: two articles from one site still count as one
    outlet. `fallback_to_host=False` returns only gazetteer names.
    """
    if not url:
        return None
    host = _host(url)
    if not host:
        return None
    _, by_domain = _gazetteer()
    parts = host.split(".")
    for i in range(len(parts) - 1):
        candidate = ".".join(parts[i:])
        if candidate in by_domain:
            return by_domain[candidate]
    return host if fallback_to_host else None


def _host(url: str) -> str | None:
    text = url.strip()
    if "://" not in text:
        text = "http://" + text
    try:
        host = urlsplit(text).hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    host = host.lower()
    for prefix in ("www.", "m.", "amp.", "mobile."):
        if host.startswith(prefix) and host.count(".") > 1:
            return host[len(prefix) :]
    return host


def _looks_like_host(text: str) -> bool:
    return bool(re.fullmatch(r"(?:https?://)?(?:[\w-]+\.)+[a-z]{2,}(?:/\S*)?", text.lower()))


# "Read the original article on Business Insider", "This article originally appeared on Vox.",
# "Originally published by The Conversation", "© 2023 Reuters. All rights reserved."
_FOOTER_RES = [
    re.compile(r"^(?:read|view|see|find) the (?:original|full) (?:article|story|post|report) (?:on|at|in|from)\s+(?P<o>.+?)[.!]?$", re.I),
    re.compile(
        r"^this (?:article|story|post|piece|report) (?:was |is |has been )?(?:originally |first )?"
        r"(?:appeared|published|posted|republished)(?: originally)? (?:on|in|by|at|from)\s+(?P<o>.+?)[.!]?$",
        re.I,
    ),
    re.compile(r"^(?:originally|first) (?:published|appeared|posted) (?:on|in|by|at)\s+(?P<o>.+?)[.!]?$", re.I),
    re.compile(r"^the post .{3,200}? appeared first on\s+(?P<o>.+?)[.!]?$", re.I),
    re.compile(r"^(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)?,?\s*(?P<o>.+?)[.]?(?:\s*all rights reserved\.?)?$", re.I),
]


def outlet_from_footer(line: str) -> str | None:
    """The outlet a footer line names ("Read the original article on Business Insider" -> "Business Insider")."""
    text = " ".join(line.split())
    if len(text) > 160:
        return None
    for pattern in _FOOTER_RES:
        m = pattern.match(text)
        if m:
            name = re.split(r"\s*(?:\.\s|\||,\s*all rights|\s+all rights|\s+on\s+\w+ \d)", m.group("o"), flags=re.I)[0]
            name = name.strip(" .,:;-")
            if name and _name_like(name):
                return canonical_outlet(name)
    return None


def _name_like(name: str) -> bool:
    """A publication's name, not the rest of a sentence: known, a domain, or a few capitalised words."""
    if known_outlet(name) or _looks_like_host(name):
        return True
    words = name.split()
    small = {"of", "the", "and", "for", "in", "on", "at", "de", "la", "&", "-", "y", "du", "des", "del"}
    return 0 < len(words) <= 6 and "," not in name and all(w[0].isupper() or w[0].isdigit() or w.lower() in small for w in words)


def is_footer(line: str) -> bool:
    """True for a line that says where the article was first published or who holds its copyright."""
    text = " ".join(line.split())
    if re.fullmatch(r"all rights reserved\.?", text, re.I):
        return True
    return outlet_from_footer(text) is not None


# A wire dateline: "WASHINGTON (Reuters) -", "LONDON, Aug 30 (AP) —", "(CNN) --"
_DATELINE_RE = re.compile(r"\((?P<o>[A-Z][A-Za-z&.'’ -]{0,40}?)\)\s*(?:-{1,2}|[—–])\s")


def outlet_from_dateline(text: str) -> str | None:
    """The agency of a wire dateline at the start of a paragraph ("LONDON (Reuters) - ..." -> "Reuters").

    Only known outlets count, so a parenthetical like "(left) -" is not taken for an agency.
    """
    m = _DATELINE_RE.search(text[:200])
    if not m:
        return None
    return known_outlet(m.group("o"))


def outlet_from_byline(line: str) -> str | None:
    """The known outlet a byline ends with ("By Jane Doe, Associated Press", "By Jane Doe | Reuters")."""
    text = " ".join(line.split())
    if not re.match(r"(?i)by\s", text):
        return None
    parts = re.split(r"\s*[,|]\s*|\s+(?:for|of)\s+", text)
    return known_outlet(parts[-1]) if len(parts) > 1 else None


def looks_like_outlet_line(line: str) -> bool:
    """A short name-like line (under a title) that names an outlet: known, or Title Case without a sentence."""
    text = " ".join(line.split())
    if not text or len(text) > 50 or len(text.split()) > 6:
        return False
    if known_outlet(text):
        return True
    if _looks_like_host(text):
        return True
    if re.search(r"[.!?:;,\"“”]$|\d", text) or re.match(r"(?i)by\s", text):
        return False
    # An unknown name counts only when it sounds like a publication ("Coastal Courier", "Riverside Daily News"):
    # a bare Title Case line under a headline is as often an author's name or a section heading.
    words = re.findall(r"[A-Za-z][\w'’&-]*", text)
    small = {"of", "the", "and", "for", "in", "on", "at", "de", "la", "&"}
    title_case = 0 < len(words) <= 5 and all(w[0].isupper() or w.lower() in small for w in words) and words[0][0].isupper()
    return title_case and any(w.lower() in _MEDIA_WORDS for w in words)


_MEDIA_WORDS = frozenset(
    "news times post journal herald tribune daily press radio tv television network magazine gazette chronicle star "
    "mail telegraph observer guardian review wire today insider report courier express standard sun mirror "
    "independent media broadcasting agency online weekly monitor bulletin dispatch record register inquirer examiner "
    "globe nation voice week reporter sentinel leader advocate beacon enterprise free politico digest".split()
)


def outlet_from_blocks(text: str, blocks: list[Block]) -> str | None:
    """The outlet an article's own lines name: an outlet line under the title, then a footer, then a wire dateline."""
    for block in blocks:
        if block.kind == "outlet":
            return canonical_outlet(text[block.start : block.end])
    for block in reversed(blocks):
        if block.kind == "footer":
            found = outlet_from_footer(text[block.start : block.end])
            if found:
                return found
    for block in blocks[:8]:
        if block.kind == "boilerplate":
            found = outlet_from_byline(text[block.start : block.end])
            if found:
                return found
    for block in [b for b in blocks if b.kind == "body"][:2]:
        found = outlet_from_dateline(text[block.start : block.end])
        if found:
            return found
    return None
