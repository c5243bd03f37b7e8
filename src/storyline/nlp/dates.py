"""A publication date for an article that has none, inferred from its content and marked as inferred.

Why: relative expressions ("Wednesday", "last month") mean nothing without a reference date, and undated text is
common (pasted articles, stripped HTML). An article cannot predate the latest date it mentions, so that date is the
lower bound of its window; a weekday the article uses for recent events ("told reporters on Wednesday") then
moves it to the first such day on or after that bound.
"""

from __future__ import annotations

import datetime as dt
import re

from storyline.model import TimeExpr


def infer_published(times: list[TimeExpr]) -> str | None:
    """YYYY-MM-DD inferred from time expressions found without a reference date, or None when there is no clue.

    Only absolute values count (an explicit day, month or year); the latest one wins, at its own precision
    (a month becomes its first day, a year its 1 January), then a mentioned weekday refines it.
    """
    latest: dt.date | None = None
    for t in times:
        if t.type != "DATE":
            continue
        d = _absolute(t.value)
        if d and (latest is None or d > latest):
            latest = d
    if latest is None:
        return None
    weekdays = {int(m.group(1)) for t in times
                if t.type != "SET" and (m := re.fullmatch(r"XXXX-WXX-(\d)(?:T\w+)?", t.value))}  # not "every Monday"
    if len(weekdays) == 1:
        wd = weekdays.pop()
        latest = latest + dt.timedelta(days=(wd - latest.isoweekday()) % 7)
    return latest.isoformat()


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


def normalise_published(value: str | None) -> str | None:
    """The YYYY-MM-DD part of a given date ("2023-08-30T14:05:00Z" -> "2023-08-30"); None when unreadable."""
    if not value:
        return None
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
