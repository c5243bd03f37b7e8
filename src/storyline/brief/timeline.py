"""The timeline: dated events from every article, one entry per thing that happened, sorted by date.

An entry keeps the precision its sources give ("July 2023" stays a month) so that the reader is never shown a day
nobody reported. Two outlets dating the same fact to the same date are one entry citing both.
"""

from __future__ import annotations

from storyline.brief.claims import add_source, set_aside_spans, usable
from storyline.brief.text import content_stems, is_boilerplate
from storyline.model import Analysis, Article, Fact, TimelineEntry

SAME_EVENT = 0.3  # stem overlap (Jaccard) at which two sentences with one date report one event
_PRECISION = {"day": 3, "month": 2, "year": 1}


def _precision(date: str, given: str | None) -> str:
    if given in _PRECISION:
        return given
    return {10: "day", 7: "month", 4: "year"}.get(len(date), "day")


def _sort_key(entry: TimelineEntry) -> tuple:
    # A month or a year sorts before the days inside it: "July 2023" is read before "July 27, 2023".
    return (entry.date[:4], entry.date[5:7] or "00", entry.date[8:10] or "00", entry.text)


def build_timeline(articles: list[Article], analyses: list[Analysis], facts: list[Fact]) -> list[TimelineEntry]:
    """Entries from `Analysis.events` inside body text, merged across outlets, in date order."""
    outlet = {a.id: a.outlet or a.id for a in articles}
    fact_of: dict[tuple[str, int], int] = {}
    for k, f in enumerate(facts):
        for s in f.sources:
            fact_of[(s.id, s.start)] = k
    entries: list[TimelineEntry] = []
    keys: list[tuple[set[str], set[int]]] = []
    for art, an in zip(articles, analyses):
        aside = set_aside_spans(art, an)
        for ev in an.events:
            s = ev.sentence
            if not ev.date or not ev.date[:4].isdigit():
                continue
            if not (0 <= s.start < s.end <= len(art.text)) or not usable(art, s.start, s.end, aside):
                continue
            text = " ".join(art.text[s.start : s.end].split())
            if is_boilerplate(text):
                continue
            stems = content_stems(text)
            facts_here = {k for (aid, start), k in fact_of.items() if aid == art.id and s.start <= start < s.end}
            match = None
            for i, e in enumerate(entries):
                if e.date != ev.date:
                    continue
                st, fk = keys[i]
                union = stems | st
                if facts_here & fk or (union and len(stems & st) / len(union) >= SAME_EVENT):
                    match = i
                    break
            if match is None:
                entries.append(TimelineEntry(ev.date, text, _precision(ev.date, ev.precision), [art.id], [outlet[art.id]]))
                keys.append((stems, facts_here))
                continue
            e = entries[match]
            add_source(e, art.id, outlet[art.id])
            keys[match][0].update(stems)
            keys[match][1].update(facts_here)
    return sorted(entries, key=_sort_key)
