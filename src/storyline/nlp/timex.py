"""Time expressions -> TIMEX3 (type, value), resolved against a reference date (the publication date).

Why rules and not dateparser: news time expressions are mostly relative ("Wednesday", "last month", "the third
quarter", "18-month-long") and their TIMEX3 value depends on the reference date, on tense ("Friday" before or after)
and on granularity ("last month" is `2023-07`, not a day). dateparser returns a datetime, loses the granularity and
knows nothing of durations, quarters or PAST_REF, so the grammar and the normaliser live here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from storyline.model import TimeExpr

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = {"monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7}
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "half": 0.5,
    "a couple of": 2, "couple of": 2, "a dozen": 12, "dozen": 12,
}  # fmt: skip
VAGUE = {"several", "few", "a few", "many", "some", "couple", "a couple", "numerous", "recent", "coming"}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
UNIT_CODE = {"year": "Y", "month": "M", "week": "W", "day": "D", "hour": "H", "minute": "M", "second": "S",
             "decade": "E", "century": "C", "quarter": "Q", "night": "D", "weekend": "WE"}  # fmt: skip
DAY_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
    "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
    "twenty": 20, "thirty": 30,
}  # fmt: skip
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}

_MON = r"(?:jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|jul(?:y|\.)?|aug(?:ust|\.)?|sept?(?:ember|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)"  # noqa: E501
_WD = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_NUMW = (
    r"(?:\d+(?:\.\d+)?|a couple of|couple of|a dozen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|a|an|one|two|three|four|five|six|seven|eight|nine"
    r"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred|half)"
)
_UNIT = r"(?:year|month|week|day|hour|minute|second|decade|century|centurie|quarter)"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_DAYW = (r"(?:(?:twenty|thirty)-?\s?)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|tenth|eleventh|twelfth"
         r"|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth")
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_FUT = re.compile(
    r"\b(?:will|'ll|shall|would|next|upcoming|scheduled|planned|plans? to|set to|expected to|going to|to be held|is to|are to|to resume|as soon as|payable|effective|due)\b",
    re.I,
)


@dataclass
class _Ctx:
    dct: dt.date | None
    before: str  # text of the sentence before the expression
    after: str
    doc_before: str = ""  # the text before the sentence, for genre cues ("quarter" in an earnings report)
    tense: str | None = None  # "past" | "future" of the verb governing the expression, when a parse tells
    earliest: bool = False  # `dct` is only the earliest day the text can have been written (an inferred bound)


def _num(s: str) -> float | None:
    s = s.lower().strip().replace("-", " ")
    if re.fullmatch(r"\d+(?:\.\d+)?", s):
        return float(s)
    total = 0.0
    for part in s.split(" "):
        if part in ("of",):
            continue
        if part not in NUMBERS:
            return NUMBERS.get(s)
        total += NUMBERS[part]
    return total


def _fmt_num(n: float) -> str:
    return str(int(n)) if n == int(n) else str(n)


# Words right before a date that make it a deadline or a start, ahead of the text whatever the verb's tense
# ("created an office, effective Feb. 1"; "extended loans through January").
_FUT_NEAR = re.compile(r"\b(?:effective|payable|until|as early as|starting|beginning)\s+(?:on\s+|in\s+)?$", re.I)
# Deadline words that a past verb can still own ("had purchased shares through Sept. 29").
_FUT_WEAK = re.compile(r"\b(?:through|by)\s+$", re.I)


def _future(ctx: _Ctx) -> bool:
    if _FUT_NEAR.search(ctx.before[-30:]):
        return True
    if re.search(r"\b(?:previously|originally|had been)\b", ctx.before[-60:], re.I):
        return False  # "had been scheduled to expire Friday": a plan told in the past
    if ctx.tense == "future":
        return True
    if ctx.tense == "past" or re.search(r"\bhad\b", ctx.before[-60:], re.I):
        return False
    if _FUT_WEAK.search(ctx.before[-12:]):
        return True
    if ctx.tense == "past":  # "began as previously planned Saturday": the parse's past beats a word like "planned"
        return False
    return bool(_FUT.search(ctx.before[-60:])) or bool(re.match(r"\s*(?:will|'ll)\b", ctx.after))


def _shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + k
    return idx // 12, idx % 12 + 1


def _week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


_SINCE = re.compile(r"\bsince\s+(?:(?:early|late|the end of|the start of)\s+|mid-?)?$", re.I)


# A month (or month and day) written without a year, up to this many days after the report, with no verb saying
# it is past, is this year's: a campaign story in April writes of "the primaries in June" and "California votes
# June 7", not of last June. Further ahead it is last year's ("the plant closed in November", written in April).
# TimeBank value F1 is the same at 45 (where it stood) and 140: its articles name no such month.
NEAR_AHEAD_DAYS = 120
PAST_AHEAD_DAYS = 45  # under a past-tense verb: only a few weeks (a report written just before its month ends)


def _month_year(month: int, ctx: _Ctx, day: int | None = None) -> int | None:
    """The year of a month (and day) written without one: the nearest past one, unless the text points ahead."""
    if ctx.dct is None:
        return None
    d = ctx.dct
    same = (month, day or 1) <= (d.month, day or (d.day if day else 1)) if day else month <= d.month
    if _SINCE.search(ctx.before[-20:]):  # "has been trying to take it over since December": begun, so past
        return d.year if same else d.year - 1
    if _future(ctx):
        return d.year if (month, day or 31) >= (d.month, d.day if day else 1) else d.year + 1
    if same or ctx.earliest:
        # Written on or after an inferred earliest day, in the past tense: "November 2" in a text whose latest
        # dated event is "September 15, 2008" is November 2008, not the November before the bound.
        return d.year
    # the month lies after the reference date this year: near future (weeks) stays this year, else last year
    ahead = (month - d.month) * 30 + ((day or 15) - d.day)
    return d.year if ahead <= (PAST_AHEAD_DAYS if ctx.tense == "past" else NEAR_AHEAD_DAYS) else d.year - 1


def _weekday(wd: int, ctx: _Ctx) -> str:
    if ctx.dct is None:
        return f"XXXX-WXX-{wd}"
    d = ctx.dct
    diff = wd - d.isoweekday()
    if diff == 0:
        return d.isoformat()
    if _future(ctx) or re.search(r"\bnext\b", ctx.before[-15:], re.I):
        return (d + dt.timedelta(days=diff % 7)).isoformat()
    return (d - dt.timedelta(days=(-diff) % 7)).isoformat()


def _weekend_k(ctx: _Ctx) -> int:
    """Early in the week "the weekend" is the one just gone, unless the sentence looks ahead."""
    return -1 if ctx.dct and ctx.dct.isoweekday() <= 3 and not _future(ctx) else 0


def _rel(unit: str, k: int, ctx: _Ctx) -> str:
    """The calendar unit `k` steps from the reference date (`last month` = -1) at that unit's granularity."""
    d = ctx.dct
    if unit == "day":
        return (d + dt.timedelta(days=k)).isoformat() if d else "XXXX-XX-XX"
    if unit == "week":
        return _week(d + dt.timedelta(weeks=k)) if d else "XXXX-WXX"
    if unit == "weekend":
        return _week(d + dt.timedelta(weeks=k)) + "-WE" if d else "XXXX-WXX-WE"
    if unit == "month":
        if not d:
            return "XXXX-XX"
        y, m = _shift_month(d.year, d.month, k)
        return f"{y}-{m:02d}"
    if unit == "quarter":
        if not d:
            return "XXXX-QX"
        q = (d.month - 1) // 3 + k
        return f"{d.year + q // 4}-Q{q % 4 + 1}"
    if unit == "decade":
        return str((d.year // 10 + k))[:3] if d else "XXX"
    if unit == "century":
        return str(d.year // 100 + k) if d else "XX"
    return str(d.year + k) if d else "XXXX"


def _dur(n: float | None, unit: str) -> str:
    unit = unit.lower().rstrip("s")
    unit = {"centurie": "century"}.get(unit, unit)
    code = UNIT_CODE.get(unit, "X")
    q = "X" if n is None else _fmt_num(n)
    if unit == "quarter":
        return f"P{q}Q"
    if unit in ("hour", "minute", "second"):
        return f"PT{q}{code}"
    return f"P{q}{code}"


# --- the grammar: (pattern, type, handler(match, ctx) -> value or None) -------------------------------------------


def _h_full(m: re.Match, ctx: _Ctx) -> str | None:
    g = m.groupdict()
    return _full_date(int(g["year"]), g["mon"], g.get("day"))


def _full_date(y: int, month: str, day_text: str | None) -> str | None:
    """ISO date (or year-month) for a year, a month's name and a written day ("10th")."""
    mon = MONTHS.get(month.lower().rstrip("."))
    day = int(re.sub(r"\D", "", day_text)) if day_text else None
    if not mon:
        return None
    if day:
        try:
            return dt.date(y, mon, day).isoformat()
        except ValueError:
            return None
    return f"{y}-{mon:02d}"


def _day_number(word: str) -> int:
    """"21st" -> 21, "eighth" -> 8, "twenty-first" -> 21 (broadcast transcripts spell days out)."""
    word = word.lower()
    if re.match(r"\d", word):
        return int(re.sub(r"\D", "", word))
    parts = re.split(r"[- ]", word)
    return sum(DAY_WORDS.get(p, 0) for p in parts)


# "In the comparable year-ago quarter, the second quarter ended Oct. 31, ...": a quarter or a day set beside a
# year-ago period is in the year before.
_YEAR_AGO_APPOSED = re.compile(r"\b(?:year-ago|year-earlier)\s+(?:quarter|period),\s+[^.;]{0,45}$", re.I)


def _h_mon_day(m: re.Match, ctx: _Ctx) -> str | None:
    mon = MONTHS.get(m.group("mon").lower().rstrip("."))
    day = _day_number(m.group("day"))
    if not mon or not 1 <= day <= 31:
        return None
    y = _month_year(mon, ctx, day)
    if y and _YEAR_AGO_APPOSED.search(ctx.before):
        y -= 1
    return f"{y if y else 'XXXX'}-{mon:02d}-{day:02d}"


def _h_day_mon_yy(m: re.Match, ctx: _Ctx) -> str | None:
    """"On 10 Nov 11": day, month and a two-digit year, as navies and Indian papers write a date (the month
    capitalised). The century is the one that puts the year nearest the publication day (or this one)."""
    if not m.group("mon")[0].isupper():
        return None
    yy = int(m.group("yy"))
    ref = ctx.dct.year if ctx.dct else dt.date.today().year
    year = min((c + yy for c in (ref // 100 * 100 - 100, ref // 100 * 100, ref // 100 * 100 + 100)),
               key=lambda y: abs(y - ref))
    return _full_date(year, m.group("mon"), m.group("day"))


def _h_day_mon(m: re.Match, ctx: _Ctx) -> str | None:
    """"On 23 October": a day before its month, as British and Indian papers write it (the month capitalised: "10
    may be hurt" is no date)."""
    return _h_mon_day(m, ctx) if m.group("mon")[0].isupper() else None


def _h_month(m: re.Match, ctx: _Ctx) -> str | None:
    word = m.group("mon").lower().rstrip(".")
    if word == "may" and not m.group("pre") or m.group("mon")[0].islower():
        return None  # the modal verb, far more often than the month; "march", "sept" in lower case are not months
    mon = MONTHS[word]
    pre = (m.group("pre") or "").lower().strip()
    if ctx.dct and pre.startswith("last"):
        y = ctx.dct.year if mon < ctx.dct.month else ctx.dct.year - 1
    elif ctx.dct and pre.startswith("next"):
        y = ctx.dct.year if mon > ctx.dct.month else ctx.dct.year + 1
    elif ctx.dct and pre.startswith("this"):
        y = ctx.dct.year
    else:
        y = _month_year(mon, ctx)
    return f"{y if y else 'XXXX'}-{mon:02d}"


def _h_that_month(m: re.Match, ctx: _Ctx) -> str | None:
    """"In 1972, McGovern won the primaries. But he lost that November": the month of the last year the text
    named, not of the publication year; an unknown year ("XXXX-11") when it named none, rather than a guess."""
    if m.group("mon")[0].islower():
        return None  # "a policy that may change": the modal verb
    years = list(_YEAR_RE.finditer((ctx.doc_before + " " + ctx.before)[-1500:]))
    return f"{years[-1].group(0) if years else 'XXXX'}-{MONTHS[m.group('mon').lower().rstrip('.')]:02d}"


def _h_iso(m: re.Match, ctx: _Ctx) -> str | None:
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return None


def _h_us(m: re.Match, ctx: _Ctx) -> str | None:
    y = int(m.group(3))
    y = y + (1900 if y > 50 else 2000) if y < 100 else y
    try:
        return dt.date(y, int(m.group(1)), int(m.group(2))).isoformat()
    except ValueError:
        return None


# A street number is not a year: "a heritage home at 2016 Ontario", "the 1900 block of Main Street"...
_ADDRESS_BEFORE = re.compile(r"\b(?:at|on)\s+$")
_ADDRESS_AFTER = re.compile(r"^\s+(?:block\b|[A-Z][a-z]+\s+(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|Drive|Dr|Lane|Way)\b)")


# ... nor is a car's model year: "a 2007 silver Ford Fusion", "his 2013 Toyota Camry" ("a 1971 Convention" and
# "his 1990 Anheuser earnings projection" are dates: TimeBank).
_OWNED_BEFORE = re.compile(r"\b(?:a|an|his|her|their|its|my|our|your)\s+$", re.I)
_MAKE_AFTER = re.compile(
    r"^\s+(?:[a-z]+\s+)?(?:Acura|Alfa Romeo|Aston Martin|Audi|Bentley|BMW|Bugatti|Buick|Cadillac|Chevrolet|Chevy|"
    r"Chrysler|Citroen|Dodge|Ducati|Ferrari|Fiat|Ford|GMC|Harley|Honda|Hummer|Hyundai|Infiniti|Jaguar|Jeep|Kia|"
    r"Lamborghini|Land Rover|Lexus|Lincoln|Maserati|Mazda|McLaren|Mercedes|Mercury|Mini|Mitsubishi|Nissan|"
    r"Oldsmobile|Opel|Peugeot|Pontiac|Porsche|Range Rover|Renault|Rolls-Royce|Saab|Saturn|Skoda|Subaru|Suzuki|"
    r"Tesla|Toyota|Vauxhall|Volkswagen|VW|Volvo|Yamaha)\b")


def _h_year(m: re.Match, ctx: _Ctx) -> str | None:
    if re.match(r"^\s+block\b", ctx.after) or (_ADDRESS_BEFORE.search(ctx.before) and re.match(r"^\s+[A-Z]", ctx.after)):
        return None
    if _OWNED_BEFORE.search(ctx.before) and _MAKE_AFTER.match(ctx.after):
        return None
    if _ADDRESS_AFTER.match(ctx.after):
        return None
    return m.group("year")


def _h_decade(m: re.Match, ctx: _Ctx) -> str | None:
    y = m.group("dec").lstrip("'’")
    if len(y) == 2:  # '80s
        y = ("19" if int(y) > 30 else "20") + y
    return y[:3]


def _h_decade_word(m: re.Match, ctx: _Ctx) -> str | None:
    """"The nineties" of broadcast speech: 199 (a decade of the 1900s; "the" keeps "in his fifties", an age, out)."""
    tens = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7, "eighties": 8,
            "nineties": 9}[m.group("decw").lower()]
    return f"19{tens}"


def _h_weekday(m: re.Match, ctx: _Ctx) -> str | None:
    wd = WEEKDAYS[m.group("wd").lower()]
    pre = (m.group("pre") or "").lower().strip()
    base = _weekday(wd, ctx)
    pre = "next" if pre in ("this coming", "coming") else pre
    if pre in ("last", "next") and ctx.dct:
        step = -1 if pre == "last" else 1
        d = ctx.dct + dt.timedelta(days=step)
        while d.isoweekday() != wd:
            d += dt.timedelta(days=step)
        base = d.isoformat()
    part = (m.group("part") or "").lower()
    return base + ("T" + PARTS[part] if part in PARTS else "")


def _h_deictic(m: re.Match, ctx: _Ctx) -> str | None:
    w = m.group(0).lower()
    k = -1 if "yesterday" in w else 1 if "tomorrow" in w else 0
    base = _rel("day", k, ctx)
    part = m.group("part")
    if "tonight" in w:
        return base + "TNI"
    return base + ("T" + PARTS[part.lower()] if part else "")


def _h_this_part(m: re.Match, ctx: _Ctx) -> str | None:
    return _rel("day", 0, ctx) + "T" + PARTS[m.group("part").lower()]


def _h_relunit(m: re.Match, ctx: _Ctx) -> str | None:
    which = m.group("which").lower()
    unit = m.group("unit").lower()
    k = {"this": 0, "the current": 0, "current": 0, "last": -1, "past": -1, "previous": -1, "the past": -1,
         "next": 1, "the next": 1, "the coming": 1, "coming": 1, "the last": -1, "the previous": -1,
         "the following": 1, "following": 1, "this past": 0}.get(which, 0)  # fmt: skip
    if which in ("the following", "following", "the previous", "the prior") and unit in ("year", "month"):
        anchored = _anchored(unit, k, ctx)
        if anchored:
            return anchored
    if unit in SEASONS:
        if not ctx.dct:
            return "XXXX-" + SEASONS[unit]
        return f"{ctx.dct.year + k}-{SEASONS[unit]}"
    return _rel(unit, k, ctx)


_YEAR_RE = re.compile(rf"\b{_YEAR}\b(?![\d,.]\d)")
_MON_RE = re.compile(rf"\b(?P<mon>{_MON})(?:\s+{_DAY})?(?:,?\s+(?P<year>{_YEAR}))?\b(?!-)", re.I)


def _anchored(unit: str, k: int, ctx: _Ctx) -> str | None:
    """"The following year" after "On May 22, 1995, ..." is 1996: in a narrative it counts from the last date
    the text gave, not from the publication date. None when the sentence and the text before it give no date."""
    before = ctx.doc_before + " " + ctx.before
    years = list(_YEAR_RE.finditer(before))
    if unit == "year":
        return str(int(years[-1].group(0)) + k) if years else None
    months = [mm for mm in _MON_RE.finditer(before) if mm.group("mon").lower().rstrip(".") != "may" or mm.group("year")]
    if not months:
        return None
    last = months[-1]
    mon = MONTHS[last.group("mon").lower().rstrip(".")]
    if last.group("year"):
        year = int(last.group("year"))
    else:
        prior = [y for y in years if y.start() < last.start()]
        year = int(prior[-1].group(0)) if prior else (_month_year(mon, ctx) or 0)
    if not year:
        return None
    y, m2 = _shift_month(year, mon, k)
    return f"{y}-{m2:02d}"


def _h_century(m: re.Match, ctx: _Ctx) -> str | None:
    """"The 20th century" is 19XX, written "19" in TIMEX3."""
    n = int(re.sub(r"\D", "", m.group("n")))
    return f"{n - 1:02d}" if 1 < n <= 21 else None


def _h_bare_season(m: re.Match, ctx: _Ctx) -> str | None:
    season = SEASONS[m.group("season").lower()]
    return f"{ctx.dct.year}-{season}" if ctx.dct else f"XXXX-{season}"


def _h_ago(m: re.Match, ctx: _Ctx) -> str | None:
    n = _num(m.group("n"))
    unit = m.group("unit").lower().rstrip("s")
    sign = 1 if m.group("dir").lower() in ("from now", "later", "hence") else -1
    if n == 1 and unit == "year" and sign < 0:
        return _h_year_ago(m, ctx)
    if n is None or n != int(n) or not ctx.dct:
        return {"year": "XXXX", "month": "XXXX-XX", "week": "XXXX-WXX"}.get(unit, "XXXX-XX-XX")
    k = int(n) * sign
    if unit == "day":
        return _rel("day", k, ctx)
    if unit == "week":
        return _rel("day", 7 * k, ctx)
    if unit == "month":
        return _rel("month", k, ctx)
    if unit == "decade":
        return _rel("year", 10 * k, ctx)
    return _rel("year", k, ctx)


_FRACTION_OF = re.compile(r"\s+of\s+(?:the|a|an|its|all|their|his|her|our|this|that)\b(?!\s+century)", re.I)
_SECOND_OF_TIME = re.compile(r"\s*(?:[,.;:)]|$|ago|later|earlier|before|after|or|and|to|of|in|for)\b", re.I)


def _h_duration(m: re.Match, ctx: _Ctx) -> str | None:
    q = m.group("n").lower()
    if m.group(0).lower() == "one day" and re.search(r"\b(?:will|would|could|might|may|'ll)\s*$", ctx.before, re.I):
        return None  # "will one day be": a vague future, read by the FUTURE_REF rule
    if m.group("unit").lower() == "quarter" and "-" in m.group(0) or m.group(0).lower().endswith("old"):
        return None  # "three-quarters" of something, ages
    if m.group("unit").lower() == "quarter" and _FRACTION_OF.match(ctx.after):
        return None  # "more than a quarter of the market": a fraction
    if q.endswith(" 1/2"):  # "2 1/2 years": P2Y6M
        whole, unit = int(q.split()[0]), m.group("unit").lower()
        half = {"year": "6M", "day": "T12H", "hour": "30M"}.get(unit)
        if half is None:
            return _dur(whole + 0.5, unit)
        return f"P{whole}Y{half}" if unit == "year" else (f"P{whole}D{half}" if unit == "day" else f"PT{whole}H{half}")
    n = None if q in VAGUE else _num(q)
    if n is None and q not in VAGUE or n is not None and n >= 1000:
        return None
    unit = m.group("unit").lower()
    if (n is not None and n == int(n) and unit in ("year", "month", "day") and ctx.dct
            and re.search(r"(?<!with)\bin\s+$", ctx.before) and _future(ctx)):
        # "the stock would be redeemed in five years": the date five years on, not a length
        return _rel("day" if unit == "day" else unit, int(n), ctx)
    if m.group("unit").lower() == "second" and n == 1 and not _SECOND_OF_TIME.match(ctx.after):
        return None  # "a second group of directors": the ordinal, not a length of time
    return _dur(n, m.group("unit"))


def _h_vague_dur(m: re.Match, ctx: _Ctx) -> str | None:
    return _dur(None, m.group("unit"))


def _h_quarter(m: re.Match, ctx: _Ctx) -> str | None:
    q = ORDINALS.get(m.group("ord").lower()) if m.group("ord") else None
    if q is None and not m.group("pre"):
        return None
    y = m.group("year") or m.group("year2")
    pre = m.group(0).lower()
    if y:
        year = int(y)
    elif ctx.dct:
        year = ctx.dct.year - (1 if "last year" in pre or "year-ago" in pre or "year-earlier" in pre
                               or _YEAR_AGO_APPOSED.search(ctx.before) else 0)
        year += 1 if "next year" in pre else 0
    else:
        year = None
    if q is None:  # "the quarter", "the latest quarter": the last complete one ("the year-ago quarter": a year before)
        if not ctx.dct:
            return "XXXX-QX"
        last = _rel("quarter", -1, ctx)
        ended = _ENDED.match(ctx.after)
        named = _ending_quarter(MONTHS[ended.group("mon").lower().rstrip(".")]) if ended else _named_quarter(ctx)
        if named and not re.search(r"\b(?:this|current|next|coming)\b", pre):
            last = f"{last[:4]}-Q{named}"  # "the fiscal first quarter ... shipped in the quarter": that one
        if y:
            return f"{year}{last[4:]}"
        if re.search(r"year-(?:ago|earlier)|last year's", pre):
            return f"{int(last[:4]) - 1}{last[4:]}"
        return last
    return f"{year if year else 'XXXX'}-Q{q}"


def _h_half(m: re.Match, ctx: _Ctx) -> str | None:
    if m.group("dec"):  # "the last half of the '80s": TIMEX3 has no half-decade, the decade is the nearest value
        return _h_decade(m, ctx)
    h = 1 if m.group("ord").lower() == "first" else 2
    y = m.group("year") or (str(ctx.dct.year) if ctx.dct else "XXXX")
    return f"{y}-H{h}"


def _h_year_period(m: re.Match, ctx: _Ctx) -> str | None:
    """"In the 1988 period" of an earnings report: that year's run of the period the report is about (the quarter
    it last named, or the last complete one); after "the nine months" or in other text, the year itself."""
    year = m.group("year")
    if _last_period(ctx.doc_before + " " + ctx.before) != "quarter" or not ctx.dct:
        return year
    q = _named_quarter(ctx) or int(_rel("quarter", -1, ctx)[-1])
    return f"{year}-Q{q}"


_Q_MENTION = re.compile(
    rf"\b(?:(?P<year>{_YEAR})\s+)?(?:(?P<ord>first|second|third|fourth)[- ](?:fiscal[- ])?)?quarter\b", re.I
)


def _h_that(m: re.Match, ctx: _Ctx) -> str | None:
    """"That year", "that quarter": the last year (quarter) the text named before ("imports rose in 1988 ...
    that year" is 1988). None when it named none: the anaphor is then left out rather than guessed."""
    before = (ctx.doc_before + " " + ctx.before)[-1500:]
    if m.group("unit").lower() == "year":
        years = list(_YEAR_RE.finditer(before))
        return years[-1].group(0) if years else None
    mentions = [q for q in _Q_MENTION.finditer(before) if q.group("year") or q.group("ord")]
    if not mentions or not ctx.dct:
        return None
    last = mentions[-1]
    if last.group("year"):
        year = int(last.group("year"))
    else:
        ago = re.search(r"\b(?:year-ago|year-earlier|last year's)\b[^.;]{0,60}$", before[: last.start()], re.I)
        year = ctx.dct.year - (1 if ago else 0)
    q = ORDINALS[last.group("ord").lower()] if last.group("ord") else int(_rel("quarter", -1, ctx)[-1])
    return f"{year}-Q{q}"


def _h_season(m: re.Match, ctx: _Ctx) -> str | None:
    y = m.group("year") or (_year_from_words(m.group("yw")) if m.group("yw") else None)
    y = y or (str(ctx.dct.year) if ctx.dct else "XXXX")
    return f"{y}-{SEASONS[m.group('season').lower()]}"


def _h_clock(m: re.Match, ctx: _Ctx) -> str | None:
    h = int(m.group("h"))
    mi = int(m.group("m") or 0)
    ap = (m.groupdict().get("ap") or "").lower().replace(".", "")
    if ap == "pm" and h < 12:
        h += 12
    if ap == "am" and h == 12:
        h = 0
    if h > 23 or mi > 59:
        return None
    base = _rel("day", 0, ctx)
    return f"{base}T{h:02d}:{mi:02d}"


def _h_clock_day(m: re.Match, ctx: _Ctx) -> str | None:
    """"10 p.m. Wednesday", "noon Thursday", "5 p.m. EST, Nov. 6": the day's date with the clock time."""
    word = m.group("clock").lower()
    if word == "noon":
        hm = "12:00"
    elif word == "midnight":
        hm = "24"
    else:
        t = _CLOCK.fullmatch(m.group("clock"))
        if not t:
            return None
        v = _h_clock(t, ctx)
        if not v:
            return None
        hm = v.split("T", 1)[1]
    day = m.group("day").lower()
    if day in WEEKDAYS:
        base = _weekday(WEEKDAYS[day], ctx)
    elif day in ("yesterday", "today", "tomorrow"):
        base = _rel("day", {"yesterday": -1, "today": 0, "tomorrow": 1}[day], ctx)
    else:
        md = re.fullmatch(rf"(?P<mon>{_MON})\s+(?P<day>{_DAY})", day, re.I)
        if not md:
            return None
        base = _h_mon_day(md, ctx) or ""
    return f"{base}T{hm}" if base else None


def _const(value: str):  # type: ignore[no-untyped-def]
    return lambda m, ctx: value


def _h_dct_year_rel(k: int):  # type: ignore[no-untyped-def]
    return lambda m, ctx: _rel("year", k, ctx)


def _h_year_ago(m: re.Match, ctx: _Ctx) -> str | None:
    """"A year earlier": in a sentence about a quarter (earnings reports) it is that quarter a year before."""
    if not ctx.dct:
        return "XXXX"
    sent = (ctx.before + " " + m.group(0) + " " + ctx.after).lower()
    period = _last_period(ctx.doc_before + " " + ctx.before)
    if period == "year" and "quarter" not in m.group(0).lower():
        return str(ctx.dct.year - 1)  # "for the nine months, ... compared with $9.7 million a year earlier"
    if "quarter" in sent or "quarter" in ctx.doc_before.lower():
        q = next((v for k, v in ORDINALS.items() if re.search(rf"\b{k}[- ]quarter", sent)), None)
        if q is None:
            q = _named_quarter(ctx, 400) or ((ctx.dct.month - 1) // 3 - 1) % 4 + 1
        return f"{ctx.dct.year - 1}-Q{q}"
    return str(ctx.dct.year - 1)


# The reporting period an earnings report is talking about at a point: a quarter ("the third quarter",
# "third-period sales") or a run of months that ends a year ("the nine months", "the first half", "fiscal year").
_PERIOD = re.compile(r"\b(?P<q>quarter|third-period|three months)\b|\b(?P<y>nine months|six months|first half"
                     r"|(?:fiscal|full) year|the year (?:ended|ending|to date)|year to date)\b", re.I)


def _last_period(text: str) -> str | None:
    """"quarter" or "year": whichever reporting period the text before an expression named last (within about the
    last three sentences), so that "a year earlier" after "for the nine months" is the year before, not the
    quarter before."""
    last = None
    for m in _PERIOD.finditer(text[-600:]):
        last = m
    if last is None:
        return None
    return "quarter" if last.group("q") else "year"


_NAMED_Q = re.compile(r"\b(?P<ord>first|second|third|fourth)[- ](?:fiscal[- ])?quarter\b", re.I)
_ENDED = re.compile(rf"\s*,?\s*end(?:ed|ing)\s+(?P<mon>{_MON})\.?\s+\d", re.I)


def _ending_quarter(month: int) -> int:
    """The calendar quarter of a three-month period ending in `month` (its middle month's): "the quarter ended
    July 31" is May-July, mostly Q2."""
    return (month - 2) % 12 // 3 + 1


def _named_quarter(ctx: _Ctx, window: int = 2000) -> int | None:
    """The ordinal of the quarter the report last named ("fiscal first quarter" -> 1), which a later bare
    "the quarter" refers back to: a company's fiscal quarter need not be the last calendar one."""
    found = list(_NAMED_Q.finditer((ctx.doc_before + " " + ctx.before)[-window:]))
    return ORDINALS[found[-1].group("ord").lower()] if found else None


def _h_period(m: re.Match, ctx: _Ctx) -> str | None:
    """"The latest period" of an earnings report is the last complete quarter (or the one the report named);
    elsewhere too vague to keep."""
    sent = (ctx.before + " " + ctx.after).lower()
    if not ctx.dct or ("quarter" not in sent and "quarter" not in ctx.doc_before.lower()):
        return None
    last = _rel("quarter", -1, ctx)
    named = _named_quarter(ctx)
    return f"{last[:4]}-Q{named}" if named else last


def _h_month_rel_year(m: re.Match, ctx: _Ctx) -> str | None:
    mon = MONTHS[m.group("mon").lower().rstrip(".")]
    k = {"this": 0, "last": -1, "next": 1}[m.group("which").lower()]
    return f"{ctx.dct.year + k}-{mon:02d}" if ctx.dct else f"XXXX-{mon:02d}"


def _h_month_part(m: re.Match, ctx: _Ctx) -> str | None:
    word = m.group("mon").lower().rstrip(".")
    if word == "may" and not m.group("pre") and not m.group("year") or m.group("mon")[0].islower() and not m.group("year"):
        return None
    mon = MONTHS[word]
    y = m.group("year") or _month_year(mon, ctx)
    return f"{y if y else 'XXXX'}-{mon:02d}"


def _h_month_yearword(m: re.Match, ctx: _Ctx) -> str | None:
    """"January nineteen ninety-seven" (broadcast transcripts)."""
    n = _num(m.group("yw").split(None, 1)[1] if " " in m.group("yw") else m.group("yw").split("-", 1)[1])
    mon = MONTHS.get(m.group("mon").lower().rstrip("."))
    return f"{1900 + int(n)}-{mon:02d}" if n is not None and mon and n < 100 else None


def _h_year_word(m: re.Match, ctx: _Ctx) -> str | None:
    return _year_from_words(m.group(0))


def _year_from_words(text: str) -> str | None:
    """"nineteen ninety-four" -> "1994", "two thousand and one" -> "2001" (broadcast transcripts)."""
    t = text.lower()
    if "two thousand" in t:
        rest = t.split("two thousand", 1)[1].replace("and", "").strip(" -")
        return str(2000 + int(_num(rest) or 0)) if rest else "2000"
    mm = re.search(r"nineteen[- ](.+)", t)
    if mm:
        n = _num(mm.group(1))
        return str(1900 + int(n)) if n is not None else None
    return None


# Prepositions a pattern reads (for tense and year) but that are not part of the expression's span.
_LEAD = re.compile(r"(?:in|on|since|by|until|of|at|during|for)\s+|the\s+(?=(?:\w+-)+(?:year|month|week|day|quarter|hour)s?\b)", re.I)
_MOD = r"(?:(?:nearly|almost|more than|less than|over|up to|around|about|at least|at most|no more than|roughly|approximately|some)\s+)?"
_F = re.I
_CLOCK = re.compile(r"(?P<h>1[0-2]|0?[1-9])(?::(?P<m>[0-5]\d))?\s*(?P<ap>[ap]\.?m\.?)", re.I)
GRAMMAR: list[tuple[re.Pattern[str], str, object]] = [
    (re.compile(rf"\b(?:{_WD},?\s+)?(?P<mon>{_MON})\s+(?P<day>{_DAY}),?\s+(?P<year>{_YEAR})\b", _F), "DATE", _h_full),
    (re.compile(rf"\b(?:{_WD},?\s+)?(?P<day>{_DAY})\s+(?P<mon>{_MON})\s+(?P<year>{_YEAR})\b", _F), "DATE", _h_full),
    (re.compile(rf"\b(?:{_WD},?\s+)?(?P<day>{_DAY})\s+(?P<mon>{_MON})\s+(?P<yy>\d\d)\b(?![\d:,.]\d)", _F), "DATE", _h_day_mon_yy),  # noqa: E501
    (re.compile(rf"\b(?P<mon>{_MON})\s*,?\s+(?P<year>{_YEAR})\b", _F), "DATE", _h_full),
    (re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"), "DATE", _h_iso),
    (re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})\b"), "DATE", _h_us),
    (re.compile(rf"\b(?:{_WD},?\s+)?(?P<mon>{_MON})\s+(?P<day>{_DAY})\b(?!\s*(?:,\s*)?\d|:\d)", _F), "DATE", _h_mon_day),  # noqa: E501
    (re.compile(rf"\b(?:{_WD},?\s+)?(?P<mon>{_MON})\s+(?:the\s+)?(?P<day>{_DAYW})\b", _F), "DATE", _h_mon_day),
    (re.compile(rf"(?<![\d,.])\b(?:{_WD},?\s+)?(?P<day>{_DAY})\s+(?P<mon>{_MON})\b(?!\s*(?:,\s*)?\d)", _F), "DATE", _h_day_mon),
    (re.compile(rf"\b(?P<mon>{_MON})\s+(?P<yw>nineteen[- ](?:ninety|eighty|seventy|sixty|fifty)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?)\b", _F), "DATE", _h_month_yearword),  # noqa: E501
    (re.compile(rf"\bthat\s+(?P<mon>{_MON})\b(?!-|\s+\d)", _F), "DATE", _h_that_month),
    (re.compile(rf"\b(?P<pre>(?:early|late|mid|the end of|the beginning of|the start of|the middle of)[- ]?)?(?P<mon>{_MON})(?:\s+(?:of\s+)?(?P<year>{_YEAR}))?\b", _F), "DATE", _h_month_part),  # noqa: E501
    (re.compile(rf"\b(?P<pre>last\s+|next\s+|this\s+|in\s+|since\s+|until\s+|by\s+|of\s+|early\s+|late\s+|mid-?)?(?P<mon>{_MON})\b(?!-)", _F), "DATE", _h_month),  # noqa: E501
    (re.compile(rf"\b(?P<pre>last\s+|next\s+|this coming\s+|coming\s+|this\s+|on\s+|early\s+|late\s+)?(?P<wd>{_WD})(?:\s+(?P<part>morning|afternoon|evening|night))?\b", _F), "DATE", _h_weekday),  # noqa: E501
    (re.compile(r"\blast\s+night\b", _F), "TIME", lambda m, ctx: _rel("day", -1, ctx) + "TNI"),
    (re.compile(r"\b(?:late\s+|early\s+)?(?:yesterday|today|tomorrow|tonight)(?:\s+(?P<part>morning|afternoon|evening|night))?\b", _F), "DATE", _h_deictic),  # noqa: E501
    (re.compile(r"\b(?:this|that)\s+(?P<part>morning|afternoon|evening)\b", _F), "TIME", _h_this_part),
    (re.compile(r"\b(?:earlier\s+|later\s+|early\s+|late\s+)?(?P<which>this past|this|the current|current|the past|the last|the previous|the prior|last|past|previous|next|the next|the coming|coming|the following|following)\s+(?P<unit>year|month|week|weekend|quarter|decade|century|spring|summer|fall|autumn|winter)\b(?!-)", _F), "DATE", _h_relunit),  # noqa: E501
    (re.compile(rf"\b(?:(?:a few|several|many|some)\s+(?:{_UNIT})s|(?:{_UNIT})s)\s+ago\b", _F), "DATE", _const("PAST_REF")),
    (re.compile(rf"\b{_MOD}(?P<n>{_NUMW})\s+(?P<unit>{_UNIT})s?\s+(?:or so\s+)?(?P<dir>ago|from now|hence)\b", _F), "DATE", _h_ago),  # noqa: E501
    (re.compile(rf"\b{_MOD}(?:the\s+)?(?:(?:past|last|next|first|latest|previous|coming|following|final|remaining|initial|year-earlier|year-ago)\s+)?(?P<n>\d+ 1/2|{_NUMW}|several|few|a few|many|some|couple|a couple|numerous)(?:\s+(?:additional|more|extra|full|trading|business|working))?[- ](?P<unit>{_UNIT})s?(?:[- ]long)?\b(?![- ]old)", _F), "DURATION", _h_duration),  # noqa: E501
    (re.compile(rf"\b{_MOD}(?P<n>two|three|four|five|\d)\s+thousand\s+years\b", _F), "DURATION", lambda m, ctx: f"P{_fmt_num(_num(m.group('n')) or 0)}L"),  # noqa: E501  millennia
    (re.compile(rf"\b(?:(?:the\s+)?(?:past|last|next|following|recent)\s+)?(?P<unit>{_UNIT})s\s+(?:or|and)\s+(?:{_UNIT})s\b", _F), "DURATION", _h_vague_dur),  # noqa: E501  "weeks or months": one vague length
    (re.compile(rf"\b(?:the\s+)?(?:past|last|next|following|recent)\s+(?P<unit>{_UNIT})s\b", _F), "DURATION", _h_vague_dur),  # noqa: E501
    (re.compile(r"\b(?P<unit>year|month|week|decade|centurie|hour|minute|day)s\b(?!\s+(?:ago|earlier|later|old))", _F), "DURATION", _h_vague_dur),  # noqa: E501
    (re.compile(rf"\b(?P<pre>last year's\s+|this year's\s+|next year's\s+|the\s+|(?P<year2>{_YEAR})\s+|the year-(?:ago|earlier)\s+|(?:the\s+)?(?:fiscal|latest|current|recent|previous|same)\s+)*(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[- ]?)?quarter\b(?!-(?:to|by|on)-)(?:\s+of\s+(?:fiscal\s+)?(?P<year>{_YEAR}))?", _F), "DATE", _h_quarter),  # noqa: E501
    (re.compile(rf"\b(?:the\s+)?(?P<ord>first|second|last|latter)\s+half(?:\s+of\s+(?:(?P<year>{_YEAR})|the\s+(?P<dec>(?:1[89]|20)\d0|'\d0)'?s))?\b", _F), "DATE", _h_half),  # noqa: E501
    (re.compile(rf"\bthe\s+(?P<year>{_YEAR})\s+period\b", _F), "DATE", _h_year_period),
    (re.compile(r"\bthat\s+(?P<unit>year|quarter)\b(?!-)", _F), "DATE", _h_that),
    (re.compile(r"\b(?:the\s+)?(?P<n>1\d(?:th)|2[01](?:st|th))\s+century\b", _F), "DATE", _h_century),
    (re.compile(r"\b(?:(?:the|this)\s+)(?:(?:early|late|mid)[- ]?)?(?P<season>summer|winter|spring|autumn)\b(?!\s+of\b)", _F), "DATE", _h_bare_season),  # noqa: E501
    (re.compile(rf"\b(?:(?:early|late|mid)[- ]?)?(?:the\s+)?(?P<season>spring|summer|fall|autumn|winter)\s+of\s+(?:(?P<year>{_YEAR})|(?P<yw>nineteen[- ](?:ninety|eighty|seventy|sixty|fifty)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|two thousand(?:[- ](?:one|two|three|four|five|six|seven|eight|nine|ten))?))\b", _F), "DATE", _h_season),  # noqa: E501
    (re.compile(rf"\b(?P<clock>(?:1[0-2]|0?[1-9])(?::[0-5]\d)?\s*[ap]\.?m\.?|noon|midnight)(?:\s+[ECMP][SD]T)?,?\s+(?:on\s+)?(?P<day>{_WD}|yesterday|today|tomorrow|{_MON}\s+{_DAY})\b(?!,?\s*\d)", _F), "TIME", _h_clock_day),  # noqa: E501
    (re.compile(r"\b(?P<h>1[0-2]|0?[1-9])(?::(?P<m>[0-5]\d))?\s*(?P<ap>[ap]\.?m\.?)(?=\W|$)", _F), "TIME", _h_clock),
    (re.compile(r"\b(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)\b(?!\s*[ap]\.?m)", _F), "TIME", _h_clock),
    (re.compile(rf"\b(?:the\s+)?(?:mid-|early\s+|late\s+)?(?P<dec>(?:1[89]|20)\d0|['’]\d0)['’]?s\b", _F), "DATE", _h_decade),
    (re.compile(r"\bthe\s+(?:mid-|early\s+|late\s+)?(?:nineteen[- ])?(?P<decw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b", _F), "DATE", _h_decade_word),  # noqa: E501
    (re.compile(rf"(?<![$£€\d.,])\b(?:fiscal\s+|the end of\s+|the beginning of\s+|early\s+|late\s+|mid-)?(?P<year>{_YEAR})\b(?![\d%,.]\d|\s*(?:%|percent|people|troops|soldiers|votes|cars|jobs|units|shares|employees|workers|residents))", _F), "DATE", _h_year),  # noqa: E501
    (re.compile(r"\b(?:the year\s+)?(?:two thousand(?:\s+and)?(?:[- ](?:one|two|three|four|five|six|seven|eight|nine|ten))?|nineteen[- ](?:ninety|eighty|seventy|sixty|fifty)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?)\b(?!\s+(?:years|months|days|people|dollars|troops|miles))", _F), "DATE", _h_year_word),  # noqa: E501
    (re.compile(r"\b(?:now|currently|current|at present|the present|presently|nowadays|these days|already|to date|this time|this (?:crucial |critical )?moment)\b", _F), "DATE", _const("PRESENT_REF")),  # noqa: E501
    (re.compile(r"\b(?:recently|the past|once|lately|in the past|(?<=\bat )the time(?=\s*[,.;]|\s+(?:he|she|they|we|it|I)\b)|earlier|recent(?!\s+(?:days|weeks|months|quarters|years)\b)|historically)\b", _F), "DATE", _const("PAST_REF")),  # noqa: E501
    (re.compile(r"(?:(?<=\bwill )|(?<=\bwould )|(?<=\bcould )|(?<=\bmight )|(?<=\bmay )|(?<='ll ))(?:some ?day|one day)\b|\bsomeday\b", _F), "DATE", _const("FUTURE_REF")),  # noqa: E501
    (re.compile(r"\b(?:the (?:near|short|long)\s+term\b(?!-)|(?:a|some) later date|future (?:quarters|years|months|weeks|periods)|the future|the near future|future|as soon as possible|(?<!as )soon(?!\s+(?:as|after)\b)|(?:in\s+)?(?:the\s+)?coming (?:days|weeks|months|quarters|years))\b", _F), "DATE", _const("FUTURE_REF")),  # noqa: E501
    (re.compile(r"\b(?:(?:the\s+)?(?:comparable\s+|corresponding\s+)?(?:year-earlier|year-ago)(?:\s+(?:period|quarter|third quarter|fourth quarter|second quarter|first quarter))?|(?:the\s+)?(?:quarter|period)\s+a\s+year\s+(?:earlier|ago)|a year earlier|a year ago|the prior year|the previous year|the year before)\b", _F), "DATE", _h_year_ago),  # noqa: E501
    (re.compile(rf"\b(?P<mon>{_MON})\s+(?P<which>this|last|next)\s+year\b", _F), "DATE", _h_month_rel_year),  # noqa: E501
    (re.compile(r"(?<=\bsince )(?:the\s+)?(?:year-end|year'?s? end|the end of last year)\b", _F), "DATE",
     lambda m, ctx: f"{ctx.dct.year - 1}-12-31" if ctx.dct else None),  # "the change since year-end": last 31 December
    (re.compile(r"\b(?:year-end|year'?s? end|the end of the year|the end of this year|the year-end)\b", _F), "DATE",
     _h_dct_year_rel(0)),
    (re.compile(r"\b(?:every year|each year|per year|a year)\b(?=\W*$|\W)", _F), "SET", _const("P1Y")),
    (re.compile(r"\b(?:every day|each day|per day|a day)\b", _F), "SET", _const("P1D")),
    (re.compile(r"\b(?:weekly|every week|each week|per week|a week)\b", _F), "SET", _const("P1W")),
    (re.compile(r"\b(?:monthly|every month|each month|per month|a month)\b", _F), "SET", _const("P1M")),
    (re.compile(r"\b(?:every|each)\s+quarter\b", _F), "SET", _const("P1Q")),
    (re.compile(r"\bfor\s+(?:quite\s+)?a\s+while\b", _F), "DURATION", _const("PXX")),
    # "For the week, the index dropped 3.8%": a week of the reference year the text does not pin down
    (re.compile(r"\bthe\s+week\b(?![- ]|\s+(?:of|before|after|ending|ended|earlier|later|to|through)\b)", _F), "DATE",
     lambda m, ctx: f"{ctx.dct.year}-WXX" if ctx.dct else "XXXX-WXX"),
    (re.compile(rf"\b(?:each|every)\s+(?P<mon>{_MON})\b", _F), "SET", lambda m, ctx: f"XXXX-{MONTHS[m.group('mon').lower().rstrip('.')]:02d}"),  # noqa: E501
    (re.compile(rf"\b(?:each|every)\s+(?P<wd>{_WD})\b", _F), "SET", lambda m, ctx: f"XXXX-WXX-{WEEKDAYS[m.group('wd').lower()]}"),  # noqa: E501
    (re.compile(r"\b(?:the\s+)?(?:weekend)\b", _F), "DATE", lambda m, ctx: _rel("weekend", _weekend_k(ctx), ctx)),
    (re.compile(r"\b(?:the (?:current |full |latest )?(?:fiscal )?year|earlier in the year|so far this year)\b(?![- ](?:ago|earlier))(?!\s+(?:ended|ending|to)\b)", _F), "DATE", _h_dct_year_rel(0)),
    (re.compile(r"\bthe (?:fiscal )?year(?=\s+(?:ended|ending|to)\b)", _F), "DURATION", _const("P1Y")),
    (re.compile(r"\bthe\s+(?:latest|recent|most recent|current|same)\s+period\b", _F), "DATE", _h_period),
]

# Words whose SET reading needs a number or a rate before them ("15 a year", "$3 a day"); otherwise they are
# durations ("a year" of war) or not time at all.
_RATE_BEFORE = re.compile(r"(?:\d|percent|%|times|once|twice|dollars|cents|barrels|tons)\s*$", re.I)
_RATE_UNIT = re.compile(r"(?:a|an|per)\s+(?:year|month|week|day|quarter|hour)")
# An amount right before "a year" (up to two words between: "700 seats a week", "$2 million a year").
_AMOUNT_BEFORE = re.compile(r"(?:\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|forty|fifty"
                            r"|hundred|thousand|million|billion|dozen)\b)[\w%]*(?:\s+[a-z]\w*){0,2}\s*$", re.I)
# Words for which the durative/PAST_REF readings are too ambiguous without a parse; kept only in these frames.
_AMBIG = {"once", "earlier", "later", "current", "recent", "future", "already", "so far", "to date", "this time"}


def find_times(text: str, dct: str | dt.date | None = None, start: int = 0, end: int | None = None,
               tense: Callable[[int], str | None] | None = None, earliest: bool = False) -> list[TimeExpr]:
    """Every time expression in `text[start:end]` with its TIMEX3 type and value, offsets into `text`.

    `dct` is the reference (publication) date; without one relative expressions keep `X` placeholders
    ("XXXX-WXX-3" for a bare "Wednesday") rather than guessing a year. `tense(offset)` may say whether the verb
    governing the text at `offset` is past or future ("met Monday" / "will meet Monday"); without it the
    words around the expression decide. `earliest`: `dct` is only the earliest day the text can have been written
    (a window inferred for an undated article), so a month or day without a year falls in that day's year.
    """
    ref = _as_date(dct)
    end = len(text) if end is None else end
    chunk = text[start:end]
    cands: list[tuple[int, int, int, str, str]] = []
    for prio, (pat, typ, handler) in enumerate(GRAMMAR):
        for m in pat.finditer(chunk):
            s, e = m.span()
            if e <= s:
                continue
            word = m.group(0).lower()
            if typ == "SET" and word.startswith(("a ", "per ")) and not _RATE_BEFORE.search(chunk[max(0, s - 20) : s]):
                continue
            if _RATE_UNIT.fullmatch(word) and _AMOUNT_BEFORE.search(chunk[max(0, s - 40) : s]):
                continue  # "$500 million a year", "four flights a week": the rate of an amount, not a time
            if word in _AMBIG and not _keep_ambiguous(word, chunk, s, e):
                continue
            if _is_title(chunk, s, e) or word == "tomorrow" and re.search(
                    r"\b(?:\w+ of|an?|the|our|your|their|a (?:better|brighter|new))\s+$", chunk[max(0, s - 25) : s], re.I):
                continue  # "the people of tomorrow", "imagine a tomorrow where ...": a figure of speech, not a day
            sent_start, sent_end = _sentence_bounds(chunk, s, e)
            ctx = _Ctx(ref, chunk[sent_start:s], chunk[e:sent_end], text[max(0, start + sent_start - 3000) : start + sent_start],
                       tense(start + s) if tense else None, earliest)
            try:
                value = handler(m, ctx)  # type: ignore[operator]
            except (ValueError, KeyError, IndexError, OverflowError):
                value = None
            if value:
                kind = typ
                if typ == "DATE" and re.fullmatch(r"[\dX]{4}-[\dX]{2}-[\dX]{2}T.+", value):
                    kind = "TIME"  # "Saturday night", "yesterday afternoon": a part of a day is a TIME
                if typ == "DURATION" and not value.startswith("P"):
                    kind = "DATE"  # "in five years" ahead: a point in time
                lead = _LEAD.match(chunk, s, e)
                if lead:
                    s = lead.end()
                if e > s:
                    cands.append((s, e, prio, kind, value))
    # longest match wins; among equals the earlier rule in GRAMMAR (the more specific one)
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken: list[tuple[int, int]] = []
    out: list[TimeExpr] = []
    for s, e, _p, typ, value in cands:
        if any(s < te and ts < e for ts, te in taken):
            continue
        taken.append((s, e))
        out.append(TimeExpr(start + s, start + e, chunk[s:e], typ, value))
    out.sort(key=lambda t: t.start)
    return out


_SENT_END = re.compile(r"[.!?][\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])|\n")
_ABBREV = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Inc|Co|Corp|Ltd|Gen|Sen|Rep|Gov|Lt|Col|Prof|No|vs|Jan|Feb|Mar|Apr|"
                     r"Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)|\b[A-Z]|\.[A-Z])\.$")


def _sentence_bounds(chunk: str, s: int, e: int) -> tuple[int, int]:
    """The sentence around chars s..e; a full stop after "Mr", "Feb" or an initial does not end one."""
    start = 0
    for m in _SENT_END.finditer(chunk, max(0, s - 400), s):
        if m.group(0) == "\n" or not _ABBREV.search(chunk[max(0, m.start() - 6) : m.start() + 1]):
            start = m.end()
    end = len(chunk)
    for m in _SENT_END.finditer(chunk, e, min(len(chunk), e + 400)):
        if m.group(0) == "\n" or not _ABBREV.search(chunk[max(0, m.start() - 6) : m.start() + 1]):
            end = m.start() + 1
            break
    return start, end


_KEEP_ADJ = {"current", "recent"}  # "current" PRESENT_REF, "recent" PAST_REF as TimeBank marks them; "future" mostly not


def _is_title(chunk: str, s: int, e: int) -> bool:
    """A deictic word that is part of a name, not a time: ABC's "This Week", "USA Today", "VOA Today". Names are
    capitalised word by word and follow a quote mark or another capitalised word mid-sentence."""
    words = chunk[s:e].split()
    if words[-1:] == ["Year"] and re.search(r"[A-Z][\w'’]*[\s-]of\s+$", chunk[max(0, s - 30) : s]):
        return True  # "Coach of the Year", "Time's Person of the Year": an award, not this year
    if not words or not all(w[:1].isupper() for w in words) or words[-1].lower() not in ("week", "today", "tonight"):
        return False
    before = chunk[max(0, s - 30) : s]
    if re.search(r"[\"“]$", before):  # a quoted title closes right after or goes on capitalised ("With David Brinkley")
        return bool(re.match(r"[,.]?[\"”]|\s+[A-Z]\w*\s+[A-Z]", chunk[e : e + 30]))
    return bool(re.search(r"(?<![.!?:])\s[A-Z][\w.]*\s$", before)) and len(words) == 1


def _keep_ambiguous(word: str, chunk: str, s: int, e: int) -> bool:
    """Keep a vague word as a time only where it modifies time: "the current quarter" no, "current" policy no."""
    before = chunk[max(0, s - 12) : s].lower()
    after = chunk[e : e + 12].lower()
    if word in ("earlier", "later"):
        return bool(re.match(r"\s*(?:,|\.|$|that|this|in|on)", after)) and not re.search(r"\b(?:than|years?|months?|days?|weeks?)\s*$", before)  # noqa: E501
    if word == "once":
        return False
    if word in ("current", "recent", "future"):
        return word in _KEEP_ADJ
    if word in ("already", "so far", "to date", "this time"):
        return word in ("so far", "to date")
    return True


def _as_date(value: str | dt.date | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def precision(value: str) -> str | None:
    """day | month | year for a calendar value the timeline can place; None for durations, refs, weeks."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}(?:T.*)?", value):
        return "day"
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return "month"
    if re.fullmatch(r"\d{4}", value):
        return "year"
    return None
