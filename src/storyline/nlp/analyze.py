"""Article -> Analysis: sentences, entities with canonical names, attributions, time expressions, dated events.

Why one batched parse: spaCy is the slow part, and one `nlp.pipe` over every body block of every article keeps its
batches full instead of paying the per-call overhead per article; everything after the parse (quotes, names,
times) is rules and a small linear model over the parsed blocks. Names are made
canonical per article first, then across each story (articles sharing `Article.story`) with `link_entities`,
so that "Kim" in one outlet and "Kim Jong Un" in another are one person.
"""

from __future__ import annotations

import bisect
import datetime
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator

from spacy.tokens import Doc

from storyline.model import Analysis, Article, Block, Event, Mention, Span, TimeExpr
from storyline.nlp.coref import resolve_speakers
from storyline.nlp.dates import infer_window, normalise_published, window_precision
from storyline.nlp.entities import buildings_named_for_people, canonicalize, mentions_from_doc, people_at_the_end_of_names
from storyline.nlp.pipeline import get_nlp
from storyline.nlp.quotes import find_quotes
from storyline.nlp.timex import find_times, precision

_LINE = re.compile(r"[^\n\r]*\S[^\n\r]*")
_KEEP_POS = {"NOUN", "PROPN", "VERB", "ADJ", "NUM"}
_RANK = {"day": 3, "month": 2, "year": 1}
BATCH = 64
MAX_BLOCK = 20_000  # characters per parsed block


def analyze_article(article: Article) -> Analysis:
    """Analyse one article; see `analyze_articles` for many (faster: batched)."""
    return analyze_articles([article])[0]


def analyze_articles(articles: list[Article], progress: Callable[[int], None] | None = None) -> list[Analysis]:
    """Analyse `articles` in order. `progress(n)` is called as each article finishes.

    Articles that share a non-null `story` get their canonical names resolved across that story. An undated
    article gets a publication window inferred from its text, or else borrows the latest date of its story,
    marked as inferred either way.
    """
    blocks = [_blocks(a) for a in articles]
    out: list[Analysis] = []
    for article, docs in zip(articles, _parsed(articles, blocks)):
        out.append(_analyze(article, docs))
        if progress:
            progress(1)
    _borrow_story_dates(articles, blocks, out)
    stories: dict[str, list[Analysis]] = defaultdict(list)
    for article, analysis in zip(articles, out):
        if article.story is not None:
            stories[article.story].append(analysis)
    for group in stories.values():
        if len(group) > 1:
            link_entities(group)
    return out


def link_entities(analyses: list[Analysis]) -> None:
    """Re-resolve canonical names (entities, quote speakers, event entities) across the analyses of one story,
    in place. Safe to call again on the same analyses (the brief stage calls it per story)."""
    mentions = [m for a in analyses for m in a.entities]
    names = canonicalize(mentions)  # old canonical -> new, so speakers and events follow their entities
    for a in analyses:
        for q in a.quotes:
            if q.speaker_canonical in names:
                q.speaker_canonical = names[q.speaker_canonical]
        for e in a.events:
            e.entities = list(dict.fromkeys(names.get(x, x) for x in e.entities))


# --- internals ---------------------------------------------------------------------------------------------------


def _blocks(article: Article) -> list[Block]:
    """Body blocks split at line breaks (spaCy runs sentences across newlines: a title line would swallow the
    first sentence), trimmed of surrounding blank space."""
    n = len(article.text)
    out: list[Block] = []
    for b in article.body_blocks():
        if not (0 <= b.start < b.end <= n):
            continue
        for m in _LINE.finditer(article.text, b.start, b.end):
            out.extend(_cut(article.text, m.start(), m.end(), b.kind))
    return out


def _cut(text: str, start: int, end: int, kind: str) -> list[Block]:
    """A line longer than MAX_BLOCK (a whole book pasted as one paragraph) in pieces cut at spaces, so the parser
    never refuses it and memory stays bounded."""
    out: list[Block] = []
    while end - start > MAX_BLOCK:
        cut = text.rfind(" ", start + MAX_BLOCK // 2, start + MAX_BLOCK)
        cut = cut if cut > start else start + MAX_BLOCK
        out.append(Block(start, cut, kind))
        start = cut + 1 if text[cut : cut + 1] == " " else cut
    if text[start:end].strip():
        out.append(Block(start, end, kind))
    return out


def _parsed(articles: list[Article], blocks: list[list[Block]]) -> Iterator[list[tuple[int, Doc]]]:
    """Per article, its (block offset, parsed block) pairs, from one `nlp.pipe` over all blocks in order.

    A block text that occurs more than once (a wire story republished by several outlets, a repeated standfirst)
    is parsed once: the parse is most of the cost, and the same text always parses the same."""
    nlp = get_nlp()
    texts = [a.text[b.start : b.end] for a, bs in zip(articles, blocks) for b in bs]
    counts = Counter(texts)
    seen: set[str] = set()
    unique = (t for t in texts if t not in seen and not seen.add(t))  # type: ignore[func-returns-value]
    stream = nlp.pipe(unique, batch_size=BATCH)
    shared: dict[str, Doc] = {}
    k = 0
    for bs in blocks:
        docs: list[tuple[int, Doc]] = []
        for b in bs:
            t = texts[k]
            k += 1
            doc = shared.get(t)
            if doc is None:
                doc = next(stream)
                if counts[t] > 1:
                    shared[t] = doc
            docs.append((b.start, doc))
        yield docs


# Given publication days at most this far apart are one news cycle: an undated article of the story is of its
# latest day.
BORROW_SPAN_DAYS = 3


def _day(value: str) -> datetime.date:
    return datetime.date.fromisoformat(value[:10])


def _borrow_story_dates(articles: list[Article], blocks: list[list[Block]], analyses: list[Analysis]) -> None:
    """An article with no date clue at all takes the latest date of its story, marked inferred, and its time
    expressions are resolved again against it: outlets of one story report one news cycle. A date the story only
    infers is a lower bound, so relative days ("Wednesday") stay unresolved against it.

    A story whose given days lie further apart than BORROW_SPAN_DAYS (an arrest, then the test results two months
    later) does not say which of its days the undated article's "Sunday" counts from: its times keep the value
    the latest day gives them (two undated outlets' "Sunday" still agree, which the fact aligner weighs: ECB+ fact
    MCC 0.314 with it, 0.298 without), but its events leave out the dates counted from that day ("Sunday", and
    "Feb. 17", whose year it gives), so the timeline never shows one."""
    by_story: dict[str, list[tuple[str, bool]]] = defaultdict(list)
    for a, an in zip(articles, analyses):
        if a.story is not None and an.published:
            by_story[a.story].append((an.published, not an.published_inferred))
    for a, bs, an in zip(articles, blocks, analyses):
        if an.published or a.story is None or not by_story.get(a.story):
            continue
        date, given = max(by_story[a.story])
        an.published, an.published_inferred = date, True
        an.published_window = [date, date] if given else [date, None]
        an.times = [t for b in bs for t in find_times(a.text, date, b.start, b.end, earliest=not given)]
        relative = {(t.start, t.end): t.value for b in bs for t in find_times(a.text, None, b.start, b.end)
                    if _ANY_RELATIVE.match(t.value)}
        if not given:
            _keep_unresolved(an.times, {k: v for k, v in relative.items() if _DAY_RELATIVE.match(v)})
        an.events = _events(an)
        first = min((d for d, g in by_story[a.story] if g), default=date)
        if given and (_day(date) - _day(first)).days > BORROW_SPAN_DAYS:  # nor "Feb. 17" (of which year?)
            an.events = [ev for ev in an.events if not any(
                (t.start, t.end) in relative and ev.sentence.start <= t.start < ev.sentence.end
                and t.value[:10] == ev.date for t in an.times)]


def _inferred(text: str, docs: list[tuple[int, Doc]]) -> tuple[list[str | None] | None, dict[tuple[int, int], str]]:
    """The inferred [earliest, latest] publication window of an undated article (`dates.infer_window`, with the
    tense of each date's verb where the text was parsed), or None when its text gives no clue; and the values its
    time expressions take without a reference date. The whole text counts: a photo caption's date ("Friday,
    Aug. 18, 2023") bounds the publication as well as the body's."""
    tense = _tense_at(docs)
    times = find_times(text, None, tense=tense)
    window = infer_window(times, tense, text)
    unresolved = {(t.start, t.end): t.value for t in times}
    # A window that starts at a bare year ("since 1991") says nothing of the year it was written in, so even
    # "this year" or "in March" stays unresolved; one that starts at a named day or month places them.
    fixed = _ANY_RELATIVE if window and window_precision(times, tense, text) == "year" else _DAY_RELATIVE
    return (list(window) if window else None), {k: v for k, v in unresolved.items() if fixed.match(v)}


# Values, found without a reference date, that only a known publication day can resolve: a weekday, "last week",
# "yesterday", "last month". Against an inferred earliest day they would name a day nobody reported.
_DAY_RELATIVE = re.compile(r"XXXX-(?:W|XX)")
# Any value that needs the year of writing ("this year", "in March"): unresolved when the window starts at a year.
_ANY_RELATIVE = re.compile(r"XXXX")


def _keep_unresolved(times: list[TimeExpr], unresolved: dict[tuple[int, int], str]) -> None:
    """Against an open publication window, the values in `unresolved` (by span) go back to their unresolved form."""
    for t in times:
        raw = unresolved.get((t.start, t.end))
        if raw is not None:
            t.value = raw


# Where the parser ends a sentence too early: after a title before its name ("said Pentagon spokesman Navy Capt. |
# Jeff Davis", "with Sens. | Ted Cruz and Marco Rubio"), and after a wire dateline's dash ("NEW YORK, Nov. 19
# (UPI) — | Former Secretary..."). In PolNeAR's 924 texts: 13 and 34 times; each left a fragment that read as a
# claim of its own.
_RUNS_ON = re.compile(
    r"(?:^|[\s(])(?:Mrs?|Ms|Dr|Sens?|Reps?|Govs?|Gen|Col|Lt|Capt|Sgt|Adm|Maj|Cmdr|Cpl|Pvt|Prof|Rev|Const|Cst|Det|Insp|Supt)\.$"
    r"|\s(?:--|[-–—―])$"
)


_OPENS_AT_END = re.compile(r"\s+(“|''|\")$")


def _sentences(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) character offsets of the doc's sentences, a sentence cut after a title or dateline dash joined
    to the one after it, and a quotation's opening mark left at a sentence's end given to the sentence it opens."""
    out: list[tuple[int, int]] = []
    for sent in doc.sents:
        if not sent.text.strip():
            continue
        if out and _RUNS_ON.search(doc.text[out[-1][0] : out[-1][1]].rstrip()) and sent.text[:1].isupper():
            out[-1] = (out[-1][0], sent.end_char)
        else:
            out.append((sent.start_char, sent.end_char))
    for k in range(len(out) - 1):  # '...,'' she said Saturday. ''We will...': the next quotation's opening mark
        s, e = out[k]
        m = _OPENS_AT_END.search(doc.text, s, e)
        mark = m.group(1) if m else ""
        # a straight mark opens when the sentence's own marks are odd and the next sentence closes it; where ``
        # opens quotations (treebank text), a '' only ever closes
        if m and out[k + 1][0] >= e and (mark == "“" or (
                doc.text.count(mark, s, e) % 2 == 1 and mark in doc.text[out[k + 1][0] : out[k + 1][1]]
                and not (mark == "''" and "``" in doc.text))):
            out[k] = (s, m.start())
            out[k + 1] = (m.start(1), out[k + 1][1])
    return out


def _tense_at(docs: list[tuple[int, Doc]]) -> Callable[[int], str | None]:
    """`_tense_of` over all of an article's parsed blocks."""
    spans = [(base, base + len(doc.text), _tense_of(doc, base)) for base, doc in docs]

    def tense(offset: int) -> str | None:
        return next((fn(offset) for start, end, fn in spans if start <= offset < end), None)

    return tense


def _analyze(article: Article, docs: list[tuple[int, Doc]]) -> Analysis:
    text = article.text
    given = normalise_published(article.published, text)
    window, unresolved = (None, {}) if given else _inferred(text, docs)
    published = given or (window[0] if window else None)
    analysis = Analysis(article_id=article.id, published=published, published_inferred=window is not None,
                        published_window=window, outlet=article.outlet)
    for base, doc in docs:
        for start, end in _sentences(doc):
            analysis.sentences.append(Span(base + start, base + end, doc.text[start:end]))
        mentions = mentions_from_doc(doc, base)
        # "Obama Reverses Bush on Species Protection Measure": the capitals are the style. The article's title
        # line is a headline whatever stop a dataset added to it ("Trump Supporter Screams 1 Controversial Word
        # At Rally, ...", read as a person, kept "Trump" apart from "Donald Trump").
        in_title = any(b.kind == "title" and b.start <= base < b.end for b in article.blocks)
        if _title_case(doc.text) or (in_title and _title_case(doc.text.rstrip(" .!?\"”’'"))):
            mentions = [_named_elsewhere(m, text) for m in mentions]
        analysis.entities.extend(mentions)
        analysis.times.extend(find_times(text, published, base, base + len(doc.text), _tense_of(doc, base),
                                         earliest=window is not None and window[1] is None))
        analysis.terms.extend(t.lemma_.lower() for t in doc if t.pos_ in _KEEP_POS and not t.is_stop)
    if window is not None and window[1] is None:
        _keep_unresolved(analysis.times, unresolved)
    buildings_named_for_people(analysis.entities)
    people_at_the_end_of_names(analysis.entities)
    canonicalize(analysis.entities)
    analysis.quotes = find_quotes(docs, text)
    if _speakers_are_people(analysis, text):
        canonicalize(analysis.entities)
    resolve_speakers(analysis.quotes, analysis.entities, text,
                     [(b.start, b.end) for b in article.blocks if b.kind == "title"])
    analysis.events = _events(analysis)
    return analysis


_TITLE_WORD = re.compile(r"[A-Za-z][\w'’-]{3,}")


def _named_elsewhere(m: Mention, text: str) -> Mention:
    """A person's name read in a title-case line, cut to its longest run of words the text writes elsewhere:
    "Obama Reverses Bush" -> "Obama", "Lindsay Lohan Checks Into Rehab" -> "Lindsay Lohan", "Efficient Peyton
    Manning" -> "Peyton Manning" (unchanged when the text gives the whole run again, or none of it)."""
    words = list(re.finditer(r"\S+", m.text))
    if m.label != "PERSON" or len(words) < 2 or text.count(m.text) > 1:
        return m
    for size in range(len(words) - 1, 0, -1):
        for first in range(len(words) - size + 1):
            a, b = words[first].start(), words[first + size - 1].end()
            run = m.text[a:b]
            if run[:1].isupper() and len(re.findall(rf"(?<!\w){re.escape(run)}(?!\w)", text)) > 1:
                return Mention(m.start + a, m.start + b, run, m.label, run, m.role)
    return m


def _title_case(line: str) -> bool:
    """Whether a line is written in title case, as headlines are ("Obama Reverses Bush on Species Protection
    Measure"): there the tagger reads a run of capitalised words as one name ("Obama Reverses Bush", "Lindsay Lohan
    Check"), which then stands for the person everywhere ("Obama said" became "Obama Reverses Bush said"). Such a
    run is a person's name only when the text names it again outside the line."""
    words = _TITLE_WORD.findall(line)
    # a sentence full of names ("Russian President Vladimir Putin met North Korean leader Kim Jong Un.") ends in a
    # stop; a headline does not
    return (len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)
            and not line.rstrip(" \"”’'").endswith((".", "!", "?")))


# Labels the small tagger gives an unfamiliar name ("Fuat Oktay said" read as a work of art).
_NOT_A_SPEAKER_LABEL = {"WORK_OF_ART", "EVENT", "LAW", "LANGUAGE", "MISC"}  # a PRODUCT may be a ship (entities)
_SAID_NEXT = re.compile(r"\s+(?:said|says|told|added|stated|explained|noted|wrote|tweeted)\b")


def _speakers_are_people(analysis: Analysis, text: str) -> bool:
    """Relabel as a person a name of two or three capitalised words that speaks (a quotation's speaker, or "said"
    right after it) but was tagged a work of art or an event: what says something is a person. True when any label
    changed."""
    spans = {(q.speaker.start, q.speaker.end) for q in analysis.quotes if q.speaker is not None and q.direct}
    changed = False
    for m in analysis.entities:
        words = m.text.split()  # "Lazar, Song wrote": two authors, not a name
        speaks = (m.start, m.end) in spans or _SAID_NEXT.match(text, m.end)
        if (m.label in _NOT_A_SPEAKER_LABEL and speaks and 2 <= len(words) <= 3 and "," not in m.text
                and all(w[:1].isupper() for w in words)):
            m.label = "PERSON"
            changed = True
    return changed


def _yet_to(verb) -> bool:  # noqa: ANN001 (a spaCy Token)
    """An infinitive under "have yet to": what has not happened by then, not what will."""
    head = verb.head
    return head.lemma_ == "have" and any(t.lower_ == "yet" for t in (*head.children, *verb.children))


def _tense_of(doc: Doc, base: int) -> Callable[[int], str | None]:
    """For an offset in the article, the tense of the verb governing the token there: what decides whether
    "Monday" is the last one ("met Monday") or the next ("will meet Monday")."""
    starts = [t.idx for t in doc]

    def tense(offset: int) -> str | None:
        i = bisect.bisect_right(starts, offset - base) - 1
        if i < 0:
            return None
        tok = doc[i]
        for _ in range(6):
            if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("amod", "acl"):
                break
            if tok.head is tok:
                return None
            tok = tok.head
        else:
            return None
        aux = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
        if tok.tag_ == "VB" and any(a.lower_ == "to" for a in aux) and _yet_to(tok):
            return "past" if tok.head.tag_ == "VBD" else None  # "had yet to regain consciousness Wednesday"
        if any(a.lower_.replace("’", "'") in ("will", "'ll", "shall", "wo") for a in aux) or (  # "he’ll be"
            tok.tag_ == "VB" and any(a.lower_ == "to" for a in aux)
        ):
            return "future"
        if tok.tag_ in ("VBD",) or any(a.tag_ == "VBD" for a in aux):
            return "past"
        if tok.tag_ == "VBN" and any(a.lower_ in ("has", "have", "had") for a in aux):
            return "past"
        return None

    return tense


# "the worst flooding since 2013", "the first time since 2005": a comparison reaching back to a date, not an event
# on it (a bare "since" often dates the event that began a state: SemEval-2015 gold anchors "has ... since 2005")
_SINCE = re.compile(
    r"\b(?:first|last|worst|best|most|least|only|\w{3,}est)\b(?:\s+[\w'’-]+){0,6}\s+since\s+(?:the\s+)?$", re.I)


def _events(analysis: Analysis) -> list[Event]:
    """One event per sentence that carries a calendar date (its most precise one), with the entities in it."""
    events: list[Event] = []
    times = sorted(analysis.times, key=lambda t: t.start)
    for sent in analysis.sentences:
        best = None
        for t in times:
            if t.start >= sent.start and t.end <= sent.end and t.type in ("DATE", "TIME"):
                if _SINCE.search(sent.text[: t.start - sent.start]):
                    continue
                p = precision(t.value)
                if p and (best is None or _RANK[p] > _RANK[best[1]]):
                    best = (t.value[:10], p)
        if best is None:
            continue
        names = [m.canonical or m.text for m in analysis.entities
                 if m.start >= sent.start and m.end <= sent.end and m.label != "NORP"]
        events.append(Event(date=best[0], precision=best[1], sentence=sent, entities=list(dict.fromkeys(names))))
    return events
