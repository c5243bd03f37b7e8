"""Publication dates written into an article's own lines ("Published: July 29, 2004", "Aug. 30, 2023 5:14 PM").

A pasted article rarely comes with metadata, but its page furniture often states when it was published; the
language stage resolves "on Wednesday" against that date, so finding it matters. Only unambiguous written dates
are read (a month name, or ISO): "03/05/2013" could be March or May, and a wrong date is worse than none.
"""

from __future__ import annotations

import re

from storyline.model import Block

_MONTHS = {
    m: i
    for i, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
         ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
         ("dec", "december")],
        start=1,
    )
    for m in names
}
_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DATE_RES = [
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mon>\d\d)-(?P<day>\d\d)\b"),
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b", re.I),
    re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>(?:19|20)\d\d)\b", re.I),
]
_ANY_MONTH = _MONTH.replace("(?P<month>", "(?:")
_WEEKDAY = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?"
_TIME = r"(?:\s*(?:at\s+)?\d{1,2}\s*[:.]\s*\d\d(?:\s*[:.]\s*\d\d)?\s*(?:[ap]\.?\s*m\.?)?\s*(?:[A-Z]{2,4}\b)?)?"
_DATE_ONLY_RE = re.compile(
    r"^(?:(?:published|posted|first\s+published|updated|last\s+updated|created)\s*(?:on|:)?\s*)?(?:" + _WEEKDAY + r"\s*)?"
    r"(?:" + _ANY_MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d|\d{1,2}(?:st|nd|rd|th)?\s+" + _ANY_MONTH
    + r",?\s+(?:19|20)\d\d|(?:19|20)\d\d-\d\d-\d\d)[,|]?" + _TIME + r"\s*$",
    re.I,
)
_PUBLISHED_RE = re.compile(r"^(?:published|posted|first\s+published|created)\b", re.I)


def find_date(text: str) -> str | None:
    """The first unambiguous written date in `text` as "YYYY-MM-DD", or None."""
    for pattern in _DATE_RES:
        m = pattern.search(text)
        if not m:
            continue
        named = m.groupdict().get("month")
        month = _MONTHS[named.lower().rstrip(".")] if named else int(m.group("mon"))
        day, year = int(m.group("day")), int(m.group("year"))
        if 1 <= month <= 12 and 1 <= day <= 31:
            return f"{year:04d}-{month:02d}-{day:02d}"
    return None


# The words a time stamp is written with besides dates and times: "Posted at 3:21 PM ET", "8:05am UK, Monday".
_STAMP_WORDS = frozenset(
    "published posted first updated last created on at am pm a p m st nd rd th gmt utc et est edt ct cst cdt mt mst "
    "mdt pt pst pdt bst cet cest ist hkt uk".split())
_STAMP_TOKEN = re.compile(r"[a-z]+|\d+")
_WEEKDAYS = re.compile(r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?$")


def is_date_line(line: str) -> bool:
    """A line that is only a date (and maybe a time): "Aug. 30, 2023", "Published: Thursday, May 2, 2013, 1:32 PM",
    "9:53 AM, MON 22 JUL 2013", "Posted 11/27/2005 7:21 AM". Such a line is page furniture, never a headline or
    a fact: only month and weekday names, stamp words ("posted", "ET") and numbers, with a number among them."""
    text = " ".join(line.split())
    if len(text) > 100:
        return False
    if _DATE_ONLY_RE.match(text):
        return True
    tokens = _STAMP_TOKEN.findall(text.lower())
    return any(t.isdigit() for t in tokens) and bool(re.search(r"\d\s*[:/]\s*\d|[a-z]", text.lower())) and all(
        t.isdigit() or t in _STAMP_WORDS or t in _MONTHS or _WEEKDAYS.match(t) for t in tokens)


def published_from_blocks(text: str, blocks: list[Block]) -> str | None:
    """The publication date stated in the article's furniture: a "Published ..." line first, else a date line near
    the top. "Updated ..." lines are used only when nothing else states a date."""
    candidates = [b for b in blocks if b.kind in ("boilerplate", "byline")]
    lines = [text[b.start : b.end] for b in candidates]
    for line in lines:
        if _PUBLISHED_RE.match(line.strip()) and (found := find_date(line)):
            return found
    for block in blocks[:6]:
        line = text[block.start : block.end]
        if block.kind in ("boilerplate", "byline") and is_date_line(line) and (found := find_date(line)):
            return found
    for line in lines:
        if re.match(r"(?i)(?:last\s+)?updated\b", line.strip()) and (found := find_date(line)):
            return found
    return None
