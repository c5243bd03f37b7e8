"""The timeline: dated events from every article, one entry per thing that happened, sorted by date.

An article's lead sentence that gives no date of its own reports what happened around the day it was published,
so it is placed at that day, marked `basis="published"`; an inferred publication date is only a lower bound, so
such leads are left out. (On the SemEval-2015 timelines, 44% of the gold dated events are anchored at their
document's publication day.)

An entry keeps the precision its sources give ("July 2023" stays a month) so that the reader is never shown a day
nobody reported. Two outlets dating the same fact to the same date are one entry citing both.
"""

from __future__ import annotations

import re

from storyline.brief.claims import add_source, block_kind, set_aside_spans, usable
from storyline.brief.text import content_stems, is_boilerplate
from storyline.model import Analysis, Article, Fact, Span, TimelineEntry

SAME_EVENT = 0.3  # stem overlap (Jaccard) at which two sentences with one date report one event
LEAD_WORDS = 8  # a lead shorter than this is a dateline or a fragment, not the event
_PRECISION = {"day": 3, "month": 2, "year": 1}


def _precision(date: str, given: str | None) -> str:
    if given in _PRECISION:
        return given
    return {10: "day", 7: "month", 4: "year"}.get(len(date), "day")


def _sort_key(entry: TimelineEntry) -> tuple:
    # A month or a year sorts before the days inside it: "July 2023" is read before "July 27, 2023".
    return (entry.date[:4], entry.date[5:7] or "00", entry.date[8:10] or "00", entry.text)


def build_timeline(articles: list[Article], analyses: list[Analysis], facts: list[Fact]) -> list[TimelineEntry]:
    """Entries from `Analysis.events` inside body text, plus each dated article's lead when it gives no date of
    its own (what the article reports happened around its publication day), merged across outlets, in date order.
    """
    outlet = {a.id: a.outlet or a.id for a in articles}
    fact_of: dict[tuple[str, int], int] = {}
    for k, f in enumerate(facts):
        for s in f.sources:
            fact_of[(s.id, s.start)] = k
    entries: list[TimelineEntry] = []
    keys: list[tuple[set[str], set[int]]] = []

    def place(art: Article, s: Span, date: str, precision: str | None, basis: str) -> None:
        text = " ".join(art.text[s.start : s.end].split())
        stems = content_stems(text)
        facts_here = {k for (aid, start), k in fact_of.items() if aid == art.id and s.start <= start < s.end}
        for i, e in enumerate(entries):
            if e.date != date:
                continue
            st, fk = keys[i]
            union = stems | st
            if facts_here & fk or (union and len(stems & st) / len(union) >= SAME_EVENT):
                add_source(e, art.id, outlet[art.id])
                st.update(stems)
                fk.update(facts_here)
                return
        entries.append(TimelineEntry(date, text, _precision(date, precision), [art.id], [outlet[art.id]], basis))
        keys.append((stems, facts_here))

    for art, an in zip(articles, analyses):
        aside = set_aside_spans(art, an)
        dated = {ev.sentence.start for ev in an.events}
        for ev in an.events:
            s = ev.sentence
            if not ev.date or not ev.date[:4].isdigit() or not _readable(art, s, aside):
                continue
            place(art, s, ev.date, ev.precision, "text")
        lead = _lead(art, an, aside)
        if lead is not None and lead.start not in dated and an.published and not an.published_inferred:
            place(art, lead, an.published, "day", "published")
    return sorted(entries, key=_sort_key)


def _readable(art: Article, s: Span, aside: list[tuple[int, int]]) -> bool:
    """A sentence a timeline entry can show: in the body, not boilerplate, and a sentence rather than a label
    ("(USA Today article)")."""
    if not (0 <= s.start < s.end <= len(art.text)) or not usable(art, s.start, s.end, aside):
        return False
    text = " ".join(art.text[s.start : s.end].split())
    return len(re.findall(r"\w+", text)) >= 4 and not is_boilerplate(text)


def _lead(art: Article, an: Analysis, aside: list[tuple[int, int]]) -> Span | None:
    """The first full body sentence: in news, the event the article reports. A headline is not used (its
    telegraphic tense says little about when), nor a line too short to be a sentence."""
    for s in an.sentences:
        if block_kind(art, s.start, s.end) != "body" or not _readable(art, s, aside):
            continue
        text = art.text[s.start : s.end].rstrip()
        # "The Latest on the presidential race (all times EDT):" announces a list; it reports nothing
        if len(text.split()) >= LEAD_WORDS and not text.endswith(":"):
            return s
    return None
