"""Conflict benchmarks: does the brief mark where outlets disagree, and only there?

    python -m benchmarks.bench_conflicts     # measure, write benchmarks/results/conflicts.md

No gold says where ECB+ outlets disagree, so the brief's conflicts are measured two ways:

1. Planted disagreements (recall). Where two outlets state one fact with the same figure, date or person, the
   figure (or day, or name) is changed in one outlet's sentence only; that article is re-analysed with its story and
   the brief is rebuilt, as a user's run would build it. The plant is found when a fact citing the edited sentence
   is marked in conflict with the new value on one side and the old value on the other. A plant whose sentence no
   longer shares a fact with its partner is counted apart: alignment lost it before conflict detection could see it.
2. The conflicts marked on the unedited stories (precision), against a hand judgement of each, kept in
   benchmarks/conflict_judgements.tsv by story, kind and the two sides' values (never the data's text). A
   conflict not judged yet is counted as unjudged and listed, to be read and added.
"""

from __future__ import annotations

import argparse
import copy
import dataclasses
import hashlib
import pickle
import datetime as dt
import re
import sys
import time
from pathlib import Path

from rich.progress import Progress

from benchmarks.bench_brief import load_stories
from benchmarks.run import write_result
from storyline.brief import align
from storyline.brief.claims import Claim
from storyline.brief.text import quantity_ranges, quantity_starts
from storyline.model import Article, Block, Fact
from storyline.nlp import analyze_articles
from storyline.stories import build_stories

OUT = Path(__file__).resolve().parent / "results" / "conflicts.md"
JUDGED = Path(__file__).resolve().parent / "conflict_judgements.tsv"
# At most this many plants of each kind per story (the first pairs in fact order), to keep the run to minutes.
PER_STORY = 1
# Names no ECB+ story uses, put in place of a person's name.
_NEW_NAMES = ("Daniel Okafor", "Marta Lindqvist", "Tomas Varga", "Helen Ashdown", "Ravi Menon", "Ines Castell")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# A figure to change: digits not part of a name, a score, an ordinal or a split thousand ("Explorer 8", "8-8",
# "76ers", "2, 000" as ECB+ tokenises "2,000").
_NUMBER_TOKEN = re.compile(r"\$?(\d{1,3}(?:,\d{3})+|\d+)(?![\d.,\w]|\s*-\s*\d)")
_NOT_A_FIGURE_BEFORE = re.compile(r"(?:[A-Z]\w*|[-,])\s*$")


@dataclasses.dataclass
class Plant:
    kind: str  # numbers | dates | people | sources (a person the claim is attributed to)
    article: str  # the edited article
    start: int  # the edited claim's start (unchanged by the edit, which is inside it)
    partner: tuple[str, int]  # the other outlet's claim: article, start
    old: object  # the value both stated
    edit: tuple[int, int, str]  # replace text[a:b] of the article with this


def _number_edit(a: Claim, b: Claim) -> tuple[object, tuple[int, int, str]] | None:
    """An edit giving `a` another figure where `a` and `b` give the same exact one (no "about", no "more than")."""
    for unit, values in a.quantities.items():
        if not unit or len(values) != 1 or b.quantities.get(unit) != values:
            continue
        if any(lo != hi for t in (a.text, b.text) for lo, hi in quantity_ranges(t, unit)):
            continue
        for start in quantity_starts(a.text, unit):
            m = _NUMBER_TOKEN.match(a.text, start)
            if m and not (start and _NOT_A_FIGURE_BEFORE.search(a.text, 0, start)):
                old = int(m.group(1).replace(",", ""))
                new = f"{old * 2 + 1:,}" if "," in m.group(1) else str(old * 2 + 1)
                return next(iter(values)), (a.start + m.start(1), a.start + m.end(1), new)
    return None


def _date_edit(a: Claim, b: Claim) -> tuple[object, tuple[int, int, str]] | None:
    """An edit moving `a`'s one date where `a` and `b` date the fact alike: another weekday, or another day of
    the month."""
    if len(a.dates) != 1 or a.dates != b.dates or a.dates_guessed or b.dates_guessed:
        return None
    for written in a.date_texts:
        m = re.search(re.escape(written).replace(r"\ ", r"\s+"), a.text, re.I)
        if not m:
            continue
        day = re.search(r"\b(" + "|".join(_WEEKDAYS) + r")\b", written)
        if day:
            other = _WEEKDAYS[(_WEEKDAYS.index(day.group(1)) + 2) % 7].capitalize()
            at = a.start + m.start() + day.start()
            return next(iter(a.dates)), (at, at + len(day.group(1)), other)
        num = re.search(r"(?<!\d)([1-9]|[12]\d|3[01])(?!\d)", written)
        if num and len(next(iter(a.dates))) == 10:
            d = int(num.group(1))
            at = a.start + m.start() + num.start()
            return next(iter(a.dates)), (at, at + len(num.group(1)), str(d + 9 if d <= 19 else d - 9))
    return None


def _name_edit(a: Claim, b: Claim, k: int) -> tuple[object, tuple[int, int, str]] | None:
    """An edit naming someone else in `a` where `a` and `b` name the same person in full, in their bodies: the
    brief takes no names from headlines' capitalised words."""
    if a.headline or b.headline:
        return None
    for name in sorted(a.people & b.people):
        if len(name.split()) >= 2 and name in a.text and name in b.text and a.text.count(name.split()[-1]) == 1:
            at = a.start + a.text.index(name)
            return name, (at, at + len(name), _NEW_NAMES[k % len(_NEW_NAMES)])
    return None


def plants(story: dict, facts: list[Fact], claims: list[Claim], groups: list[list[int]]) -> list[Plant]:
    """Up to PER_STORY plants of each kind in the story's corroborated facts, between claims the brief groups as
    stating the fact (not the sentences a main event also cites for mentioning it in passing)."""
    outlet = {a.id: a.outlet or a.id for a in story["articles"]}
    rep = align.source_groups([a.id for a in story["articles"]], story["copies"])
    found: dict[str, list[Plant]] = {"numbers": [], "dates": [], "people": [], "sources": []}
    for fact, group in zip(facts, groups):
        if fact.status != "corroborated":
            continue
        members = [claims[i] for i in group]
        for a in members:
            for b in members:
                if outlet[a.article_id] == outlet[b.article_id] or rep[a.article_id] == rep[b.article_id]:
                    continue
                people = _name_edit(a, b, len(found["people"]) + len(found["sources"]))
                # a name the claim is given to ("Kroon says the fire ...") is its source, not what it states
                who = "sources" if people and align._cited(a.text, str(people[0])) else "people"
                for kind, edit in (("numbers", _number_edit(a, b)), ("dates", _date_edit(a, b)), (who, people)):
                    if edit and len(found[kind]) < PER_STORY:
                        found[kind].append(Plant(kind, a.article_id, a.start, (b.article_id, b.start), *edit))
    return [p for kind in found.values() for p in kind]


def edited(article: Article, edit: tuple[int, int, str]) -> Article:
    """The article with one span of its text replaced, its blocks moved to match."""
    a, b, new = edit
    shift = len(new) - (b - a)
    moved = lambda x: x + shift if x >= b else x  # noqa: E731
    blocks = [Block(blk.start if blk.start < b else blk.start + shift, moved(blk.end), blk.kind)
              for blk in article.blocks]
    return dataclasses.replace(article, text=article.text[:a] + new + article.text[b:], blocks=blocks)


def facts_of(story: dict, articles: list[Article], cache: dict | None = None
             ) -> tuple[list[Fact], list[Claim], list[list[int]]]:
    """The brief's facts of the story's articles, analysed together as `storyline run` analyses a story.

    `cache` keeps analyses by story and texts between runs while tuning the brief (never the NLP)."""
    key = (story["id"], tuple(hashlib.sha1(a.text.encode()).hexdigest() for a in articles))
    if cache is not None and key in cache:
        analyses = copy.deepcopy(cache[key])
    else:
        analyses = analyze_articles(articles)
        if cache is not None:
            cache[key] = copy.deepcopy(analyses)
    claims = align.story_claims(articles, analyses, story["copies"])  # as align.align_facts, keeping the groups
    vectors, prob = align.score_claims(claims)
    facts, groups = align.grouped_facts(claims, vectors, articles, story["copies"], prob=prob)
    return facts, claims, groups


def _values(side: dict, kind: str) -> set:
    return set(side.get(kind, []))


def outcome(plant: Plant, facts: list[Fact], claims: list[Claim], groups: list[list[int]]) -> str:
    """found | missed (still one fact with its partner, but not marked) | unaligned (no longer one fact)."""
    at = {(c.article_id, c.start): i for i, c in enumerate(claims)}
    pair = {at.get((plant.article, plant.start)), at.get(plant.partner)}
    together = any(pair <= set(g) for g in groups)
    mine = [f for f in facts if any(s.id == plant.article and s.start == plant.start for s in f.sources)]
    kind = "people" if plant.kind == "sources" else plant.kind
    for f in mine:
        if f.status != "conflict" or kind not in f.conflict[0]:
            continue
        edited_side = [s for s in f.conflict if plant.article in s["articles"]]
        other = [s for s in f.conflict if plant.article not in s["articles"]]
        if edited_side and other and any(plant.old in _values(s, kind) for s in other) and not any(
                plant.old in _values(s, kind) for s in edited_side):
            return "found"
    return "missed" if together else "unaligned"


def conflict_key(story: str, fact: Fact) -> tuple[str, str, str, str]:
    """How a judged conflict is looked up: story, kind, and each side's values (sorted sides)."""
    kind = next(k for k in ("numbers", "dates", "people") if k in fact.conflict[0])
    sides = sorted("|".join(str(v) for v in s[kind]) for s in fact.conflict)
    return story, kind, sides[0], sides[-1]


def judgements() -> dict[tuple[str, str, str, str], str]:
    out = {}
    for line in JUDGED.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            story, kind, a, b, verdict, *_ = line.split("\t")
            out[(story, kind, a, b)] = verdict
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", type=Path, help="pickle of the analyses, to re-run quickly while tuning the brief")
    args = ap.parse_args(argv or [])  # called with no argv by benchmarks.run
    cache = None
    if args.cache:
        cache = pickle.loads(args.cache.read_bytes()) if args.cache.exists() else {}
    stories = load_stories()
    judged = judgements()
    tally: dict[str, dict[str, int]] = {k: {"found": 0, "missed": 0, "unaligned": 0}
                                        for k in ("numbers", "dates", "people", "sources")}
    verdicts = {"true": 0, "false": 0, "unjudged": 0}
    unjudged, misses = [], []
    started = time.time()
    with Progress() as prog:
        task = prog.add_task("planting disagreements in ECB+ stories", total=len(stories))
        for st in stories:
            st["copies"] = build_stories(st["articles"], {a.id: st["id"] for a in st["articles"]})[0].copies
            facts, claims, groups = facts_of(st, st["articles"], cache)
            for key in dict.fromkeys(conflict_key(st["id"], f) for f in facts if f.status == "conflict"):
                verdict = judged.get(key, "unjudged")
                verdicts[verdict] += 1
                if verdict == "unjudged":
                    unjudged.append("\t".join(key))
            for plant in plants(st, facts, claims, groups):
                arts = [edited(a, plant.edit) if a.id == plant.article else a for a in st["articles"]]
                result = outcome(plant, *facts_of(st, arts, cache))
                tally[plant.kind][result] += 1
                if result != "found":
                    misses.append(f"{st['id']}\t{plant.kind}\t{plant.article}\t{plant.old}\t{result}")
            prog.advance(task)
    if args.cache:
        args.cache.write_bytes(pickle.dumps(cache))
    command = " ".join(["cd /work/main && .venv/bin/python -m benchmarks.bench_conflicts", *(argv or [])])
    lines = ["# Conflict benchmarks", "", f"Command: `{command}`  ",
             f"Date: {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC ({time.time() - started:.0f} s)", "",
             "## Planted disagreements (ECB+ train + dev stories)", "",
             "| kind | planted | found | missed (still one fact, not marked) | unaligned (no longer one fact) | "
             "found, of those still one fact |", "|---|---|---|---|---|---|"]
    for kind, t in tally.items():
        n = sum(t.values())
        still = t["found"] + t["missed"]
        lines.append(f"| {kind} | {n} | {t['found']} | {t['missed']} | {t['unaligned']} | "
                     f"{t['found'] / still if still else 0:.2f} |")
    lines += ["", f"In each story's corroborated facts, up to {PER_STORY} pair(s) of outlets' sentences per kind that "
              "the brief groups as stating the fact (not sentences cited for mentioning the main event in passing), "
              "stating the same exact figure, the same date (not resolved against a guessed publication day) or the "
              "same full name. One outlet's figure becomes 2n+1, its weekday moves two days or its day of the month "
              "nine, or the person becomes an invented name. \"sources\" are people a claim is given to (\"Kroon "
              "says the fire ...\"): the brief does not count two of them as a disagreement, but as two sources of "
              "one account. Found: the fact citing the edited sentence is in conflict, with the old value on the "
              "other side only.", "",
              "## Conflicts marked on the unedited stories", "",
              "| conflicts | judged a real disagreement | judged false | not judged yet | precision of the judged |",
              "|---|---|---|---|---|"]
    n_judged = verdicts["true"] + verdicts["false"]
    lines.append(f"| {sum(verdicts.values())} | {verdicts['true']} | {verdicts['false']} | {verdicts['unjudged']} | "
                 f"{verdicts['true'] / n_judged if n_judged else 0:.2f} |")
    lines += ["", f"Judgements: `benchmarks/{JUDGED.name}` (story, kind, the two sides' values, verdict, why), "
              "read by hand from the briefs. A real disagreement is one a careful reader would want flagged: two "
              "outlets giving different figures, dates or names for the same thing, whichever is right."]
    if unjudged:
        lines += ["", "Not judged yet (story, kind, side values):", "", "```", *unjudged, "```"]
    if misses:
        lines += ["", "Plants not found (story, kind, article, old value, outcome):", "", "```", *misses, "```"]
    write_result(OUT, lines)


if __name__ == "__main__":
    main(sys.argv[1:])
