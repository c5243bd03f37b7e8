"""A publication window for an article that has no date, inferred from its content and marked as inferred.

Why: relative expressions ("Wednesday", "last month") mean nothing without a reference date, and undated text is
common (pasted articles, stripped HTML). An article cannot predate the latest date it names as past, so that date
starts its window; how long after it the article was written the text rarely says (measured: news names old events
by full date as often as recent ones), so the window stays open-ended rather than claim a horizon.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from storyline.model import TimeExpr


Tense = Callable[[int], "str | None"]


# Words before a date that make it a deadline or a term, not something that has happened: "notes due Nov. 1,
# 2009", "until Dec. 31", "by 2030", "the year ending June 30".
_AHEAD = re.compile(r"\b(?:due|until|till|through|by|ending|expiring|expires|after|starting|effective|scheduled"
                    r"|maturing|before)\s+(?:on\s+|in\s+)?$", re.IGNORECASE)


def _evidence(times: list[TimeExpr], tense: Tense | None, text: str = "") -> list[tuple[dt.date, str]]:
    """(first day, precision) of the explicit dates that bound the publication from below.

    News also names future dates ("the 2016 election", "bonds due 2009"), which say nothing about when it was
    written: a date governed by a future-tense verb or introduced as a deadline never counts, and a bare year
    counts only when its verb is in the past (a day or a month named without a verb, as in a dateline or a
    caption, is taken as past)."""
    out = []
    for t in times:
        if t.type != "DATE" or _AHEAD.search(text[max(0, t.start - 24) : t.start]):
            continue
        d = _absolute(t.value)
        if d is None:
            continue
        precision = {10: "day", 7: "month"}.get(len(t.value[:10]), "year")
        when = tense(t.start) if tense else None
        if when == "future" or (precision == "year" and when != "past"):
            continue
        out.append((d, precision))
    return out


def window_precision(times: list[TimeExpr], tense: Tense | None = None, text: str = "") -> str | None:
    """The precision ("day", "month", "year") of the date that starts the inferred window, or None."""
    evidence = _evidence(times, tense, text)
    return max(evidence)[1] if evidence else None


def infer_published(times: list[TimeExpr], tense: Tense | None = None, text: str = "") -> str | None:
    """YYYY-MM-DD inferred from time expressions found without a reference date, or None when there is no clue.

    The latest explicit date that bounds the publication from below (`_evidence`) wins, at its own precision (a
    month becomes its first day, a year its 1 January), then a mentioned weekday refines it.
    """
    window = infer_window(times, tense, text)
    return window[0] if window else None


def _absolute(value: str) -> dt.date | None:
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}(?:T.*)?", value):
            return dt.date.fromisoformat(value[:10])
        if re.fullmatch(r"\d{4}-\d{2}", value):
            return dt.date(int(value[:4]), int(value[5:7]), 1)
        if re.fullmatch(r"\d{4}", value):
            return dt.date(int(value), 1, 1)
    except ValueError:
        return None
    return None


_NUMERIC_DATE = re.compile(r"\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\s*$")
_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_WRITTEN_DATES = (re.compile(_MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b", re.I),  # February 03, 2009
                  re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(\d{4})\b", re.I))  # 3 February 2009
_MONTHS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}


def normalise_published(value: str | None, text: str = "") -> str | None:
    """The YYYY-MM-DD part of a given date ("2023-08-30T14:05:00Z" -> "2023-08-30"); None when unreadable.

    A numeric date that reads both ways ("03-02-2009": 3 February or 2 March) is read the way the article's own
    top lines write it ("February 03, 2009"), when they do; else month first.
    """
    if not value:
        return None
    m = _NUMERIC_DATE.match(value)
    if m and text:
        a, b, year = (int(x) for x in m.groups())
        if a != b and a <= 12 and b <= 12:
            for stated in _written_dates(text[:1000]):
                if stated in ((year, a, b), (year, b, a)):
                    return dt.date(*stated).isoformat()
    m = re.match(r"\s*(\d{4}-\d{2}-\d{2})", value)
    if m:
        try:
            return dt.date.fromisoformat(m.group(1)).isoformat()
        except ValueError:
            return None
    try:
        import dateparser

        d = dateparser.parse(value, settings={"PREFER_DAY_OF_MONTH": "first"})
        return d.date().isoformat() if d else None
    except Exception:  # noqa: BLE001 - a date we cannot read is a missing date, never a crash
        return None


def _written_dates(text: str) -> list[tuple[int, int, int]]:
    """(year, month, day) of the dates `text` writes with a month name."""
    out = []
    for m in _WRITTEN_DATES[0].finditer(text):
        out.append((int(m.group(3)), _MONTHS[m.group(1).lower()], int(m.group(2))))
    for m in _WRITTEN_DATES[1].finditer(text):
        out.append((int(m.group(3)), _MONTHS[m.group(2).lower()], int(m.group(1))))
    return out


def infer_window(
    times: list[TimeExpr], tense: Tense | None = None, text: str = ""
) -> tuple[str, str | None] | None:
    """(earliest, latest) publication dates (YYYY-MM-DD) of an undated article, from its time expressions found
    without a reference date in `text` (`tense(offset)`: the tense of the verb governing an offset, when parsed);
    None when there is no clue.

    The earliest is the latest date the article names as past (`_evidence`). The latest is None (open): measured
    on dated articles with their date hidden (benchmarks/bench_analysis.py), news names old events by full date
    as often as recent ones, so no horizon after the latest named date held for most articles; nor did moving the
    earliest day to a weekday the article uses ("on Wednesday"), which put it after the true date half the time.
    """
    evidence = _evidence(times, tense, text)
    if not evidence:
        return None
    return max(evidence)[0].isoformat(), None
