"""Small text helpers the brief needs on every claim: stems, numbers, and boilerplate lines.

Why hand-rolled: the brief of a 50-article story must be built in a few seconds once the articles are analysed,
so it cannot re-parse ~1,500 sentences with spaCy. A regex tokenizer with a light suffix stemmer is enough to
measure word overlap between claims ("escaped"/"escapes" -> "escap").
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator

from spacy.lang.en.stop_words import STOP_WORDS

_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*|\d[\d,.]*")
_SUFFIXES = ("ations", "ation", "ments", "ment", "ings", "ing", "ied", "ies", "ers", "er", "ed", "es", "ly", "s")
_REPORTING = {"say", "said", "says", "told", "tell", "tells", "add", "added", "adds", "according", "report",
              "reported", "reports", "claimed", "noted", "stated"}

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
}
# "one of the senators", "one another", "no one", "the one who": "one" that counts nothing.
_PRONOUN_ONE = re.compile(r"one(?:'s|\s+(?:of|another|or\s+another|day|by\s+one)\b)", re.IGNORECASE)
_PRONOUN_ONE_BEFORE = re.compile(r"\b(?:no|any|every|some|the|this|that|which|each|little|loved|only)\s*$", re.IGNORECASE)
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "dozen": 12, "hundred": 100}
# A month's name, capitalised as written in a date ("10 may die" counts people).
_MONTH_NAME = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
               r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_MONTH_AFTER = re.compile(r"(?:st|nd|rd|th)?(?:\s+of)?\s+" + _MONTH_NAME + r"(?![a-z])")
_MONTH_BEFORE = re.compile(r"\b" + _MONTH_NAME + r"\s+$")
# Scales written onto an amount of money in financial shorthand ("$200MM", "$3bn", "$40K").
_MONEY_SCALES = {"k": 1e3, "m": 1e6, "mm": 1e6, "mn": 1e6, "mil": 1e6, "b": 1e9, "bn": 1e9, "tn": 1e12}
# A number is not a quantity when it is part of a name or code: "AK-47", "F-16", "COVID-19" (a letter and a
# hyphen before it), "A380" (a letter right before it). A unit written onto it ("2,000ft", "5km") is kept apart.
_NUMBER = re.compile(
    r"(?<![\w.])(?<![A-Za-z]-)((?:[A-Z]{1,2})?\$(?:[A-Z]{1,2})?)?(\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?)([a-z]{1,3}\b)?"
    r"(?:\s*(thousand|million|billion|trillion|dozen|hundred))?(?![\w])"
    r"|\b((?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(?:one|two|three|four|five|six|seven|eight|nine)|"
    + "|".join(_NUMBER_WORDS) + r")\b(?:\s+(thousand|million|billion|trillion|dozen|hundred))?",
    re.IGNORECASE,
)
# Words between a number and what it counts ("13 fully loaded magazines", "more than 300 crew members").
_FILLER = {"more", "than", "fully", "loaded", "other", "additional", "new", "about", "some", "of", "the", "a",
           "further", "extra", "nearly", "almost", "around", "roughly", "separate", "different", "small", "large"}
_CLOCK = {"a.m", "p.m", "am", "pm", "a", "p", "gmt", "bst", "utc", "est", "edt", "pst", "pdt", "et", "pt", "hr", "hrs"}
_UNIT_WORD = re.compile(r"\s*([%]|[A-Za-z][A-Za-z.\-]*)")

# Lines that are never news: prompts, credits, footers. The ingest stage marks such blocks; this is the brief's
# own last line of defence, because one "Read the original article on ..." in a summary spoils the whole brief.
_BOILERPLATE = re.compile(
    r"read the (full|original) (article|story)|\bthis (?:article|story) (?:was )?(?:originally|first) (?:appeared|ran|published)\b|"
    r"\boriginally published as\b|read the full report\b|"
    # contact furniture: "Contact Clare: clare@reportlinker.com", "US: (339)-368-6001 ... SOURCE Reportlinker", a call
    # for tips ("... call Detroit police at 313-596-5740 or Crime Stoppers at 1-800-SPEAK-UP")
    r"[\w.+-]+@[\w-]+\.[a-z]{2,}\b|\(\d{3}\)[- ]?\d{3}-\d{4}|"
    r"\b(?:call|contact|reach|dial|text)\w*\b[^.!?]{0,80}?\bat\s+(?:\(\d{3}\)\s?|1-\d{3}-|\d{3}[-.])[\dA-Z]{3}[-.][\dA-Z]{4}|"
    r"(?-i:\bSOURCE [A-Z][\w&.-]*(?: [A-Z][\w&.-]*)*\s*(?:Related Links?)?\s*$)|"
    # a photo gallery's controls: "Image 1 of / 30 Caption Close"
    r"\bcaption close\b|\bimage \d+ of\s*/?\s*\d+\b|"
    r"sign up for|subscribe to|newsletter|click here|"
    r"follow us on|\b(photo|image|video)s?\s*(credit|courtesy)|getty images|ap photo|afp via|reuters/|"
    r"^\s*(related|read more|more from|recommended|see also|watch)\s*:|all rights reserved|©|copyright \d{4}|"
    r"\bin this (image|photo|picture|handout|file photo)\b|\b(photo|image|picture)s? (released|provided|obtained) by\b|"
    r"^\s*by [A-Z][a-z]+ [A-Z][a-z]+\s*$|"
    # an outlet asking its audience: "We asked what our followers thought about...", "Tell us what you think"
    r"\bwe asked (?:what )?our (?:followers|readers|audience|viewers)\b|\btell us what you think\b|"
    r"\blet us know in the comments\b|\bjoin the conversation\b|\bshare your (?:thoughts|views|story)\b|"
    # wire filler that states nothing about the story: "No further details were immediately available."
    r"^\s*(?:no )?(?:further|more|other) details (?:were|are) (?:not )?(?:immediately )?(?:available|released)\b|"
    r"\bthis (?:is a )?(?:breaking|developing) (?:news )?story\b|\bthis story (?:is developing|will be updated)\b|"
    r"^\s*more to follow\b|^\s*for immediate release\b|"
    # credit and feedback lines: "Contributing: The Associated Press", "Send questions/comments to the editors."
    r"^\s*contributing\s*:|^\s*send (?:your )?(?:questions|comments|tips|questions/comments)\b[^.]{0,30}\bto (?:the )?(?:editors?|newsroom)\b|"
    # an embedded post left as markup in a plain text ('<tweet tweet-author="@edhenry" ...>', 'pic.twitter.com/x')
    r"</?(?:tweet|a|img|iframe|blockquote|script|div|span|embed)\b[^<>]*/?>|\bpic\.twitter\.com/|"
    # an embedded video or photo left as its label: "[Video: FULL SPEECH: ... Watch on YouTube.]"
    r"^\s*\[\s*(?:video|photo|photos|image|watch|gallery|graphic|audio)\b[^\]]*\]?\s*$|\bwatch (?:it )?on youtube\b|"
    # share buttons and a site's own promotion: "Twitter Facebook Print Like this: Like Loading..", "Visit Business
    # Insider's homepage for more stories.", "Just head over to our magazine pages to discover more"
    r"\b(?:twitter|facebook|print|e-?mail|whatsapp|linkedin|reddit|pinterest)\s+(?:twitter|facebook|print|e-?mail|"
    r"whatsapp|linkedin|reddit|pinterest)\b|\blike this:\s*like\b|\blike loading\b|"
    r"\bvisit [\w'’ ]{1,40}homepage for more\b|\bhead over to our\b",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=1 << 16)  # the same words recur across a story's claims, quotes and timeline
def stem(word: str) -> str:
    """A crude stem: lower-cased, common English inflection suffixes removed (keeps at least 4 letters)."""
    w = word.lower().strip("'-")
    for suf in _SUFFIXES:
        if w.endswith(suf) and len(w) - len(suf) >= 4:
            return w[: -len(suf)]
    return w


def unaccented(text: str) -> str:
    """The text with its accents dropped: outlets write one name both ways ("Place Vendôme" / "Place Vendome",
    "Gérard Bénézat" / "Gerard Benezat"), and the words are one."""
    if text.isascii():
        return text
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def content_stems(text: str) -> set[str]:
    """The stems of a text's content words (no stop words, no reporting verbs), for overlap between claims."""
    return set(content_stems_in_order(text))


def content_stems_in_order(text: str) -> list[str]:
    """The stems of a text's content words in reading order (see `content_stems`)."""
    out = []
    for m in _WORD.finditer(unaccented(text)):
        w = m.group(0).lower()
        if not (w in STOP_WORDS or w in _REPORTING or len(w) < 2 or w[0].isdigit()):
            out.append(stem(w))
    return out


def quantities(text: str) -> dict[str, set[float]]:
    """The claim's numbers by what they count: {"people": {12.0}, "$": {250e6}, "%": {3.5}}.

    The key is the stem of the word after the number (past a few fillers), "$" for money, "%" for percentages,
    "" when nothing follows. Two outlets disagree only about numbers of the same thing: "two boats" and "13
    nautical miles" in one fact are not a conflict. Four-digit years are left out: they are dates, and differing
    years are judged by the time expressions.
    """
    out: dict[str, set[float]] = {}
    for value, counted, _, _ in _quantity_matches(text):
        out.setdefault(counted, set()).add(value)
    return out


# Content words either side of a number that say what it is about ("killing 612 people" / "a town of about 15,000
# people"): the nearest one on each side (filler and stop words skipped, the counted unit left out).
CONTEXT_WORDS = 1


@functools.lru_cache(maxsize=1 << 14)  # asked for each pair of alike claims while looking for conflicts
def quantity_context(text: str, unit: str) -> frozenset[str]:
    """The content stems next to each number of `unit` in `text`: CONTEXT_WORDS before it and after its unit.

    Why: one unit can count different things in two alike sentences about one event: "killing 612 people" and
    "Zarand, a town of about 15,000 people" are not two death tolls. Two numbers are the same quantity when the
    words next to them meet ("ten people were killed" / "killing at least three people")."""
    out: set[str] = set()
    for _, counted, start, end in _quantity_matches(text):
        if counted == unit:
            out |= words_around(text, start, end, skip=unit)
    return frozenset(out)


def words_around(text: str, start: int, end: int, skip: str = "") -> set[str]:
    """The nearest content stems (CONTEXT_WORDS of them) before `start` and after `end` in `text`: what a figure
    or a name in a sentence is about. `skip` (a stem) is passed over after it, as a figure's own unit is."""
    return set(stems_before(text, start)[-CONTEXT_WORDS:] + stems_after(text, end, skip)[:CONTEXT_WORDS])


def stems_before(text: str, at: int) -> list[str]:
    """The content stems of `text` before `at`, in reading order."""
    return [w for w in map(_content_stem, _WORD.findall(text[:at])) if w]


def stems_after(text: str, at: int, skip: str = "") -> list[str]:
    """The content stems of `text` after `at`, in reading order, `skip` left out."""
    return [w for w in map(_content_stem, _WORD.findall(text[at:])) if w and w != skip]


# What a figure covers, besides what it counts: a period ("since October", "in his last two games", "this
# season", "career"), a part of an event ("during the deciding run"), a rate ("$4 million a year") or what is
# left ("$8 million left"). Two figures that cover different spans are two figures, not one in dispute: "arrested
# four times" and "arrested three times since October", "498 yards since Week 11" and "189 in his last two games".
# ("During the operation, six rifles were found" covers the whole event: only a part of a game is a span.)
_SCOPES = {
    "since": re.compile(r"\bsince\b", re.I),
    "during": re.compile(r"\bduring\s+(?:\S+\s+){0,8}?(?:run|stretch|spell|quarter|half|period|inning|set|round|"
                         r"overtime)\b", re.I),
    "span": re.compile(r"\b(?:in|over|for|of)\s+(?:his|her|its|their|the|this|that)\s+(?:last|past|first|previous|"
                       r"next|final|opening)\s+(?:\S+\s+)?(?:games?|seasons?|years?|months?|weeks?|days?|starts?|"
                       r"matches|races|quarters?|half|innings)\b", re.I),
    "season": re.compile(r"\bseasons?\b", re.I),
    "career": re.compile(r"\bcareer\b", re.I),
    "total": re.compile(r"\b(?:so far|to date|thus far|in all|in total|total|altogether|combined|cumulative)\b", re.I),
}
_RATE = re.compile(r"\W*(?:[\w-]+\s+){0,2}?(?:(?:a|an|per|each)\s+(?:year|month|week|day|game|night|hour|season|"
                   r"match|carry|head|person|share|minute)\b|annually|apiece|a\s+piece\b)", re.I)
_LEFT = re.compile(r"\W*(?:[\w-]+\s+){0,1}?(?:left|remaining|outstanding|owed|to go)\b", re.I)


@functools.lru_cache(maxsize=1 << 14)
def figure_scope(text: str, unit: str) -> frozenset[str]:
    """The spans the figures of `unit` in `text` cover (see _SCOPES): the sentence's periods and parts, and any
    rate or remainder written right after a figure."""
    out = {name for name, pattern in _SCOPES.items() if pattern.search(text)}
    for _, counted, _, end in _quantity_matches(text):
        if counted == unit:
            if _RATE.match(text, end):
                out.add("rate")
            if _LEFT.match(text, end):
                out.add("left")
    return frozenset(out)


def quantity_starts(text: str, unit: str) -> list[int]:
    """Where each number of `unit` (see `quantities`) starts in `text`."""
    return [start for _, counted, start, _ in _quantity_matches(text) if counted == unit]


# Words before a number that make it a bound or an estimate rather than the figure itself.
_AT_LEAST = re.compile(r"\b(?:more than|over|at least|upwards of|in excess of|above|beyond|no fewer than|"
                       r"no less than)\s+(?:\S+\s+)?$", re.I)
_AT_MOST = re.compile(r"\b(?:fewer than|less than|under|up to|as many as|as much as|at most|no more than|below|"
                      r"nearly|almost|close to)\s+(?:\S+\s+)?$", re.I)
_ABOUT = re.compile(r"\b(?:about|around|roughly|approximately|some|an estimated|estimated|nearly|almost|close to)"
                    r"\s+(?:\S+\s+)?$", re.I)
APPROXIMATE = 0.15  # "about 10,000" spans 15% either side


@functools.lru_cache(maxsize=1 << 14)
def quantity_ranges(text: str, unit: str) -> tuple[tuple[float, float], ...]:
    """The range each number of `unit` in `text` allows: "more than two dozen" is 24 or more, "about 10,000"
    8,500-11,500, "31" exactly 31. Two outlets disagree on a figure only when their ranges do not meet: "31 fire
    trucks" and "more than two dozen pieces" are one count, "at least 6,000" and "about 10,000" sites agree."""
    out = []
    for value, counted, start, _ in _quantity_matches(text):
        if counted != unit:
            continue
        before = text[max(0, start - 40) : start]
        lo, hi = value, value
        if _AT_LEAST.search(before):
            hi = float("inf")
        if _AT_MOST.search(before):
            lo = 0.0
        if _ABOUT.search(before):
            lo, hi = min(lo, value * (1 - APPROXIMATE)), max(hi, value * (1 + APPROXIMATE))
        out.append((lo, hi))
    return tuple(out)


def ranges_meet(a: str, b: str, unit: str) -> bool:
    """Whether some figure of `unit` in text `a` and some in text `b` can be the same number."""
    return any(lo1 <= hi2 and lo2 <= hi1 for lo1, hi1 in quantity_ranges(a, unit) for lo2, hi2 in quantity_ranges(b, unit))


def _content_stem(word: str) -> str:
    """The stem of a content word ("" for a stop word, a reporting verb, a filler or a number)."""
    w = word.lower()
    if w in STOP_WORDS or w in _REPORTING or w in _FILLER or len(w) < 2 or w[0].isdigit():
        return ""
    return stem(w)


def _quantity_matches(text: str) -> Iterator[tuple[float, str, int, int]]:
    """(value, what it counts, start, end) of each number of `text` that is a quantity (see `quantities`).

    An amount in brackets right after another ("$US1 million ($1.52 million)") is that amount in the reader's
    currency, not a second figure."""
    money_end = -1
    for m in _NUMBER.finditer(text):
        if m.group(1) and m.start() > 0 and text[money_end : m.start()].strip() == "(":
            continue
        if m.group(1):
            money_end = m.end()
        if m.group(2):
            raw = m.group(2).replace(",", "")
            try:
                value = float(raw)
            except ValueError:
                continue
            if re.fullmatch(r"(1[6-9]|20)\d\d", m.group(2)) and not m.group(1) and not m.group(4) and not m.group(3):
                continue
            scale, unit = m.group(4), m.group(3)
        else:
            if m.group(5).lower() == "one" and (
                    _PRONOUN_ONE.match(text, m.start()) or _PRONOUN_ONE_BEFORE.search(text[: m.start()])):
                continue
            value = float(sum(_NUMBER_WORDS[w] for w in m.group(5).lower().split("-")))  # "sixty-five" is 65
            scale, unit = m.group(6), None
        if scale:
            value *= _SCALES[scale.lower()]
        elif m.group(1) and unit and unit.lower() in _MONEY_SCALES:  # "$200MM", "$3bn": the scale, not a unit
            value *= _MONEY_SCALES[unit.lower()]
            unit = None
        counted = _unit(text, m.end(), unit, bool(m.group(1)))
        if counted in _CLOCK or text.startswith(":", m.end()) or text[: m.start()].rstrip().endswith(":"):
            continue  # "2 a.m.", "2:30": a time of day, which the time expressions judge
        if text[: m.start()].rstrip().endswith("/") or text.startswith("/", m.end()) or \
                text[m.end():].lstrip().startswith("/"):
            continue  # "4 1/2 months", "24/7": a fraction's parts are no figure
        if not m.group(1) and (_MONTH_AFTER.match(text, m.end()) or _MONTH_BEFORE.search(text, 0, m.start())):
            continue  # "17 October", "Feb. 17": a day of a date, which the time expressions judge
        yield value, counted, m.start(), m.end()


def _unit(text: str, end: int, attached: str | None, dollars: bool) -> str:
    """What a number counts: its attached unit, "$", or the stem of the next word that is not a filler."""
    if dollars:
        return "$"
    if attached:
        return attached.lower()
    pos = end
    for _ in range(4):
        m = _UNIT_WORD.match(text, pos)
        if not m:
            return ""
        word = m.group(1).lower().rstrip(".")
        if word in ("%", "percent", "per"):
            return "%"
        if word not in _FILLER:
            return stem(word.split("-")[0])
        pos = m.end()
    return ""


def numbers(text: str) -> set[float]:
    """Quantities a claim states ("ten", "10", "$250 million"), normalised so that "ten" and "10" agree."""
    return set().union(*quantities(text).values())


# A line that is only a date or time stamp ("8:05am UK, Monday 16 September 2013", "Last updated at 12:42 GMT"):
# what is left once these words are taken out is nothing.
_MONTHS = (r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t|tember)?|"
           r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?")
_STAMP_WORD = re.compile(
    r"\b(?:" + _MONTHS + r"|mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs|rsday)?|fri(?:day)?|sat(?:urday)?|"
    r"sun(?:day)?|[ap]\.?\s?m\.?|gmt|bst|utc|e[sd]t|c[sd]t|p[sd]t|et|pt|cet|cest|ist|aest|uk|us|last|updated?|"
    r"first|published|posted|at|on|of|the)\b\.?|\d+(?:st|nd|rd|th|am|pm)?|[\s,.:;|/()\-–—]+",
    re.IGNORECASE,
)
_STAMP_CUE = re.compile(r"\b(?:" + _MONTHS + r")\b|\d{1,2}\s*:\s*\d\d", re.IGNORECASE)


@functools.lru_cache(maxsize=1 << 14)  # claims, quotes and the timeline ask about the same sentences
def is_boilerplate(text: str) -> bool:
    """True for a caption credit, footer, prompt, byline or date stamp that must never reach a brief."""
    if _BOILERPLATE.search(text):
        return True
    return len(text) < 80 and bool(_STAMP_CUE.search(text)) and not _STAMP_WORD.sub("", text).strip()


# A sentence whose subject is a pronoun, first or after a short time or place phrase ("On Tuesday she doubled
# down..."), needs the sentence before it to say who is meant.
_DANGLING = re.compile(
    r"^(?:(?:on|in|at|by|later|earlier|last|this|that|then)\b[^,.;:\"“]{0,25}?,?\s+(?=(?:he|she|they|it)\b))?"
    r"(he|she|it|they|this|these|those|that|his|her|its|their|i|we|my|our|but|and|also|however|then|yet|instead|"
    r"moreover|furthermore|nonetheless|nevertheless|still,|even\s+so|in\s+addition|besides|likewise|similarly|thus|"
    r"therefore|hence|consequently|otherwise|other|others|another)(?!\w)", re.I)


# "The actress, 33, reportedly headed to a treatment facility": a person named only by what they are refers back to
# a sentence the reader of a summary does not have. "The 36-year-old champion Klitschko" and "The man, Gary Gomes,"
# name the person, and "The man accused of ..." says who he is: those stand alone.
_DEFINITE_PERSON = re.compile(
    r"^the\s+(?:[\w\-]+\s+){0,2}?(?:man|woman|men|women|boy|girl|couple|pair|victims?|suspects?|actress|actor|"
    r"star|singer|player|gunman|driver|climber|teenager|officers?|group)\b"
    r"(?!,?\s+(?-i:[A-Z][a-z]|[A-Z]\.)|\s+(?:who|accused|suspected|charged|convicted|behind)\b)", re.I)


# "Even Friday, he claimed ...": a short opening phrase before the pronoun subject; "..., he said, replacing
# Clinton would be ...": an attribution to a pronoun. Either way the reader does not know who.
_OPENING_THEN_PRONOUN = re.compile(r"^[^,.;:\"“]{1,25},\s+(?:he|she|they)\b", re.I)
_PRONOUN_ATTRIBUTION = re.compile(r",\s+(?:he|she|they)\s+(?:said|says|added|adds|told|tells|wrote|claimed|argued)\b")


# A long opening phrase, then a pronoun subject that it does not name: "Even in the face of polling that documented
# Mr. Trump's appeal, and even after his win in New Hampshire, they privately doubted ...". "He" / "she" lean back
# when the opening names nobody after its first word; "they" when it names no group ("Republicans", "A and B").
_LONG_OPENING_THEN_PRONOUN = re.compile(
    r"^(?P<opening>[^;:\"“]{26,240}),\s+(?P<pronoun>he|she|they)\s+(?!said\b|says\b)", re.I)
_NAMED_GROUP = re.compile(r"\b[A-Z][\w-]*[a-z]s\b(?!['’])|\b[A-Z][\w.-]*\s+(?:and|&)\s+[A-Z]")


def _long_opening_then_pronoun(body: str) -> bool:
    m = _LONG_OPENING_THEN_PRONOUN.match(body)
    if not m:
        return False
    opening = m.group("opening")
    if m.group("pronoun").lower() == "they":
        return not _NAMED_GROUP.search(opening)
    return not re.search(r"\s[A-Z]", opening)  # a capitalised word after the first: someone it may stand for


# A time told from the sentence before ("Later that day, Trump fired back", "Hours later, ...", "Meanwhile, ...").
_TIME_BEFORE = re.compile(
    r"^(?:later\s+that\s+(?:day|night|week|month|year|morning|afternoon|evening)|that\s+(?:day|night|morning|afternoon|"
    r"evening)|the\s+(?:next|following|previous)\s+(?:day|night|morning|week)|the\s+day\s+(?:before|after)\s*,|"
    r"(?:hours|days|weeks|minutes|moments|months)\s+later|(?:shortly|soon)\s+(?:after(?:wards?)?|thereafter)\s*,|"
    r"afterwards?\s*,|at\s+the\s+time\s*,|since\s+then|by\s+then|meanwhile|in\s+response\s*,|in\s+turn\s*,)",
    re.I)
# "him", and "her" where it is not a possessive ("attacks on her.", "gave her a medal").
_OBJECT_PRONOUN = re.compile(r"\bhim\b|\bher\b(?=\s*(?:[.,;:!?)]|$)|\s+(?:and|or|but|in|on|at|to|for|with|from|as|by|"
                             r"about|after|before|over|a|an|the)\b)")
# A run of capitalised words: a name the pronoun may stand for (days and months are not).
_NAME_RUN = re.compile(r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*")
_NOT_NAMES = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
              "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}
# Words before the pronoun that open another clause, where "him" may be the main clause's subject ("Smith said the
# party owed him an apology").
_CLAUSE_BEFORE = re.compile(r"\b(?:said|says|say|told|tells|that|who|whom|which|because|after|before|when|while|if|"
                            r"as|since|until|and|but)\b", re.I)


def _object_pronoun_unplaced(body: str) -> bool:
    """ "Republican Donald Trump has been invoking him in lobbing attacks on her": in one clause with the one
    person the sentence names, "him" cannot be that person (it would be "himself"), so it is someone from the
    sentences before."""
    text = _QUOTED.sub("", body)
    m = _OBJECT_PRONOUN.search(text)
    if not m or _CLAUSE_BEFORE.search(text[: m.start()]):
        return False
    runs = [r for r in _NAME_RUN.findall(text) if r.lower() not in _NOT_NAMES]
    if runs and text.startswith(runs[0]) and " " not in runs[0] and runs[0].lower() in STOP_WORDS:
        runs = runs[1:]  # "The jury ...": a capital that only starts the sentence
    return len(runs) < 2


def dangling(text: str) -> bool:
    """Whether the text leans on what came before it: a pronoun subject ("It's", "On Tuesday she", "Even Friday,
    he"), "But", an attribution to a pronoun (", he said,"), a person named only by what they are ("The player
    was taken to jail"), a "him" or "her" nobody in the sentence can be, or a time told from the sentence before
    ("Later that day, ...")."""
    body = text.strip()
    return bool(_DANGLING.match(body) or _DEFINITE_PERSON.match(body) or _OPENING_THEN_PRONOUN.match(body)
                or _PRONOUN_ATTRIBUTION.search(body) or _long_opening_then_pronoun(body)
                or _object_pronoun_unplaced(body) or _TIME_BEFORE.match(body) or _PRO_VERB_PHRASE.search(body))


# A verb phrase standing for one in the sentence before: "Clinton found a way to make it so", "he did so",
# "she would not do that".
_PRO_VERB_PHRASE = re.compile(r"\b(?:do|does|did|doing|done|make\s+it|makes\s+it|made\s+it|making\s+it)\s+"
                              r"(?:so|that|this)\s*[.!]?[\"”'’]?$", re.I)


def readable(text: str) -> bool:
    """A sentence that stands on its own in a summary: starts like a sentence, not with a dangling pronoun or
    "But", ends like one, is neither a fragment nor a wall of text, is not a bare quotation, and is not the writer
    speaking in the first person."""
    words = len(text.split())
    body = text.strip()
    return (
        6 <= words <= 60
        and body[:1].isupper()
        and not dangling(body)
        and body[-1:] in ".!\"”'’"
        and not body.startswith(("\"", "“", "``", "''"))
        and _quotes_balanced(body)
        and not _FIRST_PERSON.search(_QUOTED.sub("", body))
    )


# Quoted words, with the marks that enclose them ("...", “...”, ``...'', ''...'').
_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”|``.*?''|''.*?''")
# The writer speaking outside any quotation ("Gupta wouldn't comment to me", "as we reported"): a columnist's
# voice, which a summary of what outlets report should not borrow. "US" the country is not "us".
_FIRST_PERSON = re.compile(r"\b(?:I|me|my|mine|we|us|our|ours)\b")


def _quotes_balanced(text: str) -> bool:
    """Whether every quotation the sentence closes it also opened: "Tonight, I ask you to do for her what you did
    for me.''" is the end of someone's quotation, and read alone it has no speaker."""
    depth = 0
    for ch in text:
        depth += ch == "“"
        depth -= ch == "”"
        if depth < 0:
            return False
    treebank, typewriter = 0, 0  # ``this'' (treebank) and ''this'' (typewriter)
    for mark in re.findall(r"``|''", text):
        if mark == "``":
            treebank += 1
        elif treebank:
            treebank -= 1
        else:
            typewriter ^= 1
    return depth == 0 and treebank == 0 and typewriter == 0 and text.count('"') % 2 == 0
