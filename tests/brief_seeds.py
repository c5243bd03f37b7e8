"""The two seed articles as records, built by hand for the brief and render tests.

Blocks are marked the way ingest marks them (title, outlet line, bullets, captions, footer), so these tests do
not depend on the ingest room's progress. `plain=True` marks everything but the title as body, to check that the
brief's own boilerplate guard holds when cleaning missed something.
"""

from __future__ import annotations

from pathlib import Path

from storyline.model import Article, Block

SEEDS = Path(__file__).resolve().parents[1] / "examples" / "seeds"
_META = {
    "000_1c2a67eea3810cc7.txt": ("Global News", "2023-08-30"),
    "003_3b23ed8fd743692b.txt": ("Business Insider", "2023-08-31"),
}


def _kind(line: str, outlet: str, index: int, seen: set[str]) -> str:
    s = line.strip()
    if index == 0:
        return "title"
    if s == outlet:
        return "outlet"
    if s.startswith("•"):
        return "bullet"
    if s.startswith("Read the original article"):
        return "footer"
    if s in seen or "AP Photo" in s or "in this image released by" in s:
        return "caption"
    if s.startswith(seen_prefix(seen, s)):
        return "caption"
    return "body"


def seen_prefix(seen: set[str], s: str) -> str:
    return next((p for p in seen if len(p) > 30 and s.startswith(p)), "\0")


def seed_articles(plain: bool = False) -> list[Article]:
    out = []
    for name, (outlet, date) in _META.items():
        text = (SEEDS / name).read_text(encoding="utf-8")
        blocks, pos, seen, index = [], 0, set(), 0
        lines = text.split("\n")
        # A caption printed twice: the first copy is a caption too.
        repeated = {l.strip() for l in lines if l.strip() and sum(1 for m in lines if m.strip().startswith(l.strip())) > 1}
        title = None
        for line in lines:
            if line.strip():
                kind = _kind(line, outlet, index, seen)
                if line.strip() in repeated:
                    kind = "caption"
                if plain and kind != "title":
                    kind = "body"
                lead = len(line) - len(line.lstrip())
                blocks.append(Block(pos + lead, pos + len(line.rstrip()), kind))
                if index == 0:
                    title = line.strip()
                seen.add(line.strip())
                index += 1
            pos += len(line) + 1
        out.append(Article(id=name.split("_")[1].removesuffix(".txt"), text=text, title=title, outlet=outlet,
                           published=date, blocks=blocks, source=str(SEEDS / name)))
    return out
