"""Claims: the units facts are made of — body sentences, and clauses where one sentence joins two claims.

A sentence like "The missile test came hours after the bomber flight, and Seoul said it tracked the launch"
carries two claims that other outlets may report separately; splitting it lets each half find its partners.
Only `Analysis.sentences` (body sentences) are used, and only those inside the article's body blocks, so
captions, credits and footers can never become claims.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from storyline.brief.text import content_stems, content_stems_in_order, is_boilerplate, quantities
from storyline.ingest.language import LATIN_SHARE, latin_share
from storyline.model import Analysis, Article, QuoteGroup, TimeExpr, TimelineEntry

# A clause boundary: "; " always, ", and/but/while ..." only when a subject-like word follows, so that lists
# ("shells, rockets and drones") are never cut.
_CLAUSE_BREAK = re.compile(
    r";\s+|,\s+(?:and|but|while|whereas)\s+(?=(?:he|she|it|they|we|i|the|a|an|this|that|these|those|his|her|their|its|[A-Z]\w+)\b)"
)
_MIN_CLAUSE_WORDS = 5
# ", and he has repeatedly answered ...": the same subject going on. Cut off, "he has repeatedly answered the Khan
# family's criticism" is a fact nobody can place; so after a semicolon. ECB+ fact MCC, train / dev: 0.311 / 0.436
# cutting there, 0.322 / 0.436 not (after ", and" only: 0.319 / 0.436; also keeping "it" and possessives on: 0.318 /
# 0.436; never cutting at a comma: 0.316 / 0.437).
_GOES_ON = re.compile(r"(?:he|she|they)\b")
# ", but that he died on the way down": a second "that" clause of the same "said", not a claim of its own.
_COMPLEMENT = re.compile(r"that\s+(?:he|she|it|they|we|i|you|the|a|an|his|her|their|its|there|[A-Z])\b")
# A relative clause's verb is not its sentence's: "Jon Stewart, who hosted in 2008, and Ellen DeGeneres were the
# latest hosts" joins two subjects, not two clauses.
_RELATIVE = re.compile(r",\s*(?:who|whom|whose|which)\b[^,]*")
# ", and the city of Bandar Abbas, state media said": after "and", a second claim needs a verb of its own besides
# a closing attribution; a conjoined object ("and her two sons") is not one. Without a parse here, a verb is an
# auxiliary, a contraction, a word ending in -ed, a common irregular past tense, or whatever follows a subject
# pronoun; present tenses after a noun ("the Tar Heels beat") are missed, and the sentence then stays whole.
_ATTRIBUTION_TAIL = re.compile(r",[^,]{1,60}\b(?:said|says|reported|reports|added|told \w+)\W*$")
# Common irregular past tenses that are not also present tenses or nouns ("hit", "put", "set" are both).
PAST_FORMS = frozenset(
    "rose took went fell made came saw found gave left began ran won lost led held brought kept met paid sent shot "
    "spent stood struck threw wrote broke drove flew grew knew sank spoke stole fled fought caught sought bought built "
    "felt heard laid meant sold stuck swept told said".split())
_VERB = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|may|might|must|should|shall|did|does|do|"
    r"[a-z]{2,}ed|hit|put|set|hurt|quit|shut|spread|" + "|".join(sorted(PAST_FORMS)) + r")\b"
    r"|\w[’']s\b|[’'](?:re|ve|ll|d)\b|n[’']t\b|^\W*(?:we|they|i|you|he|she|it|there)\s+\w+",
    re.IGNORECASE,
)


def _has_verb(text: str) -> bool:
    return bool(_VERB.search(text))


@dataclass
class Claim:
    """One claim of one article: its span in `Article.text` and what the aligner compares."""

    article_id: str
    start: int
    end: int
    text: str
    index: int = 0  # position among the article's claims (leads come first in news writing)
    stems: set[str] = field(default_factory=set)
    entities: set[str] = field(default_factory=set)  # canonical names mentioned
    numbers: set[float] = field(default_factory=set)
    quantities: dict[str, set[float]] = field(default_factory=dict)  # numbers by what they count (text.quantities)
    dates: set[str] = field(default_factory=set)  # TIMEX3 date values mentioned
    people: set[str] = field(default_factory=set)  # canonical PERSON names: who did it, for name conflicts
    places: set[str] = field(default_factory=set)  # canonical place names: where it happened
    headline: bool = False  # the article's title: a claim, but never a summary sentence or a fact's wording
    gist: str = ""  # what the claim reports once its attribution frame is set aside (see `_gist`); "" = `text`
    date_context: frozenset[str] = frozenset()  # content stems next to its dates: what they date
    # How its dates are written ("tuesday", "feb. 17"), and whether one was resolved against a publication day the
    # article does not give: two outlets that write a date alike, or one whose day is a guess, do not disagree on it.
    date_texts: frozenset[str] = frozenset()
    dates_guessed: bool = False
    # The people named just before the claim in its article (PEOPLE_BEFORE characters), in the order named: its
    # "he" or "she" means the last of them.
    people_before: tuple[str, ...] = ()

    @property
    def said(self) -> str:
        """The words that carry the claim's meaning: its gist when it has one, else its text."""
        return self.gist or self.text


def block_kind(article: Article, start: int, end: int) -> str | None:
    """The kind of the analysable block holding [start, end), or None when it lies outside them."""
    for b in article.body_blocks():
        if b.start <= start and end <= b.end:
            return b.kind
    return None


def _ends_a_list(left: str) -> bool:
    """"...where Britney Spears, Ben Affleck, Charlie Sheen, and Lindsay Lohan were treated": the "and" closes a
    list of short items, which are together the subject of what follows."""
    parts = left.split(",")
    return len(parts) >= 3 and all(0 < len(p.split()) <= 4 and not _has_verb(p) for p in parts[-2:])


_DASH = re.compile(r"\s(?:-{1,2}|–|—)\s")


def _clauses(text: str) -> list[tuple[int, int]]:
    """Offsets (within `text`) of the clauses of one sentence; the sentence itself when it has one claim. The words
    that join two clauses ("; ", ", and ") belong to neither."""
    breaks: list[tuple[int, int]] = []  # (where the left clause ends, where the right one starts)
    start = 0
    for m in _CLAUSE_BREAK.finditer(text):
        left = text[start : m.start()]
        right = text[m.end() :]
        inside_quote = (left.count('"') + left.count("“") + left.count("”")) % 2 == 1
        # "made off with 2m euros (£1.7m; $2.6m) in gems": a list inside brackets, not two clauses
        before = text[: m.start()]
        inside_brackets = before.count("(") > before.count(")") or before.count("[") > before.count("]")
        # "Trump's GOP rivals - Sen. Ted Cruz of Texas, who has ..., and Ohio Gov. John Kasich - are also
        # scheduled": a list between dashes (one before, its closing one after), not two clauses
        inside_brackets = inside_brackets or (len(_DASH.findall(before)) % 2 == 1 and bool(_DASH.search(right)))
        if (not inside_quote and not inside_brackets and not _COMPLEMENT.match(right)
                and not _GOES_ON.match(right)
                and len(left.split()) >= _MIN_CLAUSE_WORDS and len(right.split()) >= _MIN_CLAUSE_WORDS
                and (m.group(0).startswith(";") or (_has_verb(_RELATIVE.sub("", _ATTRIBUTION_TAIL.sub("", right)))
                                                    and _has_verb(_RELATIVE.sub("", left))
                                                    and not _ends_a_list(left)))):
            breaks.append((m.start(), m.end()))
            start = m.end()
    spans = []
    begin = 0
    for end, next_begin in breaks + [(len(text), len(text))]:
        seg = text[begin:end]
        spans.append((begin, begin + len(seg.rstrip(" ;,"))))
        begin = next_begin
    return spans


def claim_at(article: Article, analysis: Analysis, start: int, end: int, index: int = 0) -> Claim:
    """The claim for one span of `article.text`, with the entities, numbers and dates the analysis found in it."""
    text = article.text[start:end]
    ents = {
        (m.canonical or m.text)
        for m in analysis.entities
        if start <= m.start < end and m.label not in ("CARDINAL", "ORDINAL", "QUANTITY", "DATE", "TIME", "PERCENT", "MONEY")
    }
    in_claim = [t for t in analysis.times if start <= t.start < end and t.type == "DATE" and t.value[:1].isdigit()]
    dates = {t.value for t in in_claim}
    people = {(m.canonical or m.text) for m in analysis.entities if start <= m.start < end and m.label == "PERSON"}
    places = {(m.canonical or m.text) for m in analysis.entities
              if start <= m.start < end and m.label in ("GPE", "LOC", "FAC")}
    counted = quantities(text)
    named = [m.canonical or m.text for m in sorted(analysis.entities, key=lambda m: m.start)
             if start - PEOPLE_BEFORE <= m.start and m.end <= start and m.label == "PERSON"
             and not _MODIFIER_BEFORE.search(article.text, 0, m.start) and not _POSSESSIVE.match(article.text, m.end)]
    before = tuple(reversed(dict.fromkeys(reversed(named))))  # each person where last named
    return Claim(article.id, start, end, text, index, content_stems(text), ents, set().union(*counted.values()),
                 counted, dates, people=people, places=places, gist=_gist(article, analysis, start, end),
                 date_context=_date_context(article.text, in_claim, start, end),
                 date_texts=frozenset(" ".join(t.text.lower().split()) for t in in_claim),
                 dates_guessed=analysis.published_inferred and any(not _YEAR.search(t.text) for t in in_claim),
                 people_before=before)


# How far back (characters, about the sentence before) the people a pronoun may mean are looked for.
PEOPLE_BEFORE = 250
# A name that qualifies a noun is not whom a later "he" means: "a Nixon aide", "the Obama administration",
# "Thomas's teammate".
_MODIFIER_BEFORE = re.compile(r"\b(?:a|an|the)\s+$", re.I)
_POSSESSIVE = re.compile(r"['’]s?\b")
# A year written out: a date that gives one does not depend on the publication day.
_YEAR = re.compile(r"\b\d{4}\b")


# Content words either side of a date that say what it dates ("sentence imposed in 1997" / "heroin rap in 1959").
DATE_CONTEXT_WORDS = 2


def _date_context(text: str, times: list[TimeExpr], start: int, end: int) -> frozenset[str]:
    """The content stems next to the claim's dates, DATE_CONTEXT_WORDS each side within the claim."""
    out: set[str] = set()
    for t in times:
        before = list(content_stems_in_order(text[start : t.start]))[-DATE_CONTEXT_WORDS:]
        after = list(content_stems_in_order(text[t.end : end]))[:DATE_CONTEXT_WORDS]
        out.update(before, after)
    return frozenset(out)


# An attributed content is what a claim reports when it has this many words and this share of the claim's words;
# a short one ("said so") is not, nor a side remark under a participle ("..., adding that talks could continue").
_GIST_WORDS = 8
_GIST_SHARE = 0.3


def _gist(article: Article, analysis: Analysis, start: int, end: int) -> str:
    """What the claim's main attribution reports (the innermost content nested in it), when a frame surrounds it.

    Why: "Kirby detailed the finding weeks after the White House said that it had determined that Shoigu called
    on North Korea to sell munitions" and "Shoigu traveled to North Korea to convince Pyongyang to sell
    ammunition, the US disclosed" report one fact under different frames; a sentence embedding of the whole
    sentence is dominated by the frame (and is cut to its first words), so the content is what gets compared.
    """
    words = len(article.text[start:end].split())
    inner = [q.content for q in analysis.quotes if start <= q.content.start and q.content.end <= end
             and len(q.content.text.split()) >= max(_GIST_WORDS, words * _GIST_SHARE)
             and not (q.cue and q.cue.text.lower().endswith("ing"))]
    if not inner:
        return ""
    # The main attribution's content (the longest), then the content nested in it ("said that it had determined
    # that X": X), never a side remark's ("..., adding that talks could continue").
    c = max(inner, key=lambda s: s.end - s.start)
    while nested := [s for s in inner
                     if c.start <= s.start and s.end <= c.end and (s.start, s.end) != (c.start, c.end)]:
        c = max(nested, key=lambda s: s.end - s.start)
    if c.start == start and c.end == end:
        return ""
    return " ".join(article.text[c.start : c.end].split())


def _set_aside(article: Article, text: str) -> bool:
    """A sentence that is not reporting: a prompt, credit or footer, or a line printed twice (a caption
    repeated as alt text)."""
    return is_boilerplate(text) or (len(text.strip()) >= 40 and article.text.count(text.strip()) > 1)


def set_aside_spans(article: Article, analysis: Analysis) -> list[tuple[int, int]]:
    """The analysed sentences the brief ignores, so entities, quotes and dates inside them are ignored too."""
    return [(s.start, s.end) for s in analysis.sentences
            if 0 <= s.start < s.end <= len(article.text) and _set_aside(article, article.text[s.start : s.end])]


def usable(article: Article, start: int, end: int, set_aside: list[tuple[int, int]]) -> bool:
    """True when [start, end) lies in an analysable block and in no set-aside sentence."""
    if block_kind(article, start, end) is None:
        return False
    return not any(a <= start < b or a < end <= b for a, b in set_aside)


# A wire dateline before the body's first sentence: "WASHINGTON ―", "Philadelphia (AFP) –", "PHILADELPHIA, July 25 (UPI) —",
# "LONDON, England (CNN) --". The place is in capitals, or an agency in brackets follows it; a dash ends it.
DATELINE = re.compile(
    r"(?:[A-Z][A-Z.'-]+(?:[ ,]+[A-Z][A-Z.'-]+){0,3}(?:,\s*[A-Z][A-Za-z.]+(?:\s+\d{1,2})?)?(?:\s*\([^()\n]{2,40}\))?"
    r"|[A-Z][a-z.'-]+(?:[ ,]+[A-Z][a-z.'-]+){0,3}(?:,\s*[A-Z][A-Za-z.]+(?:\s+\d{1,2})?)?\s*\([A-Z][^()\n]{1,40}\))"
    r"\s*(?:--|[-–—―])\s+"
)


# A related-article link run into the sentence after it, as pages flattened to text keep it: the link's headline,
# then "Read more", then the sentence; or a label opening it ("More: "Three were killed ..."").
_READ_MORE = re.compile(r"\bRead more\s+(?=[A-Z“\"])|^(?:More|Related|Also read|Read more|Watch)\s*:\s+(?=[A-Z“\"])")


# A claim needs four words, a headline three ("Wellington supermarket fire"); punctuation is not a word ("FORT
# PIERCE, Fla. -" is a fragment). On ECB+, whose texts put spaces around punctuation, counting tokens instead kept
# a few more short sentences ("She was 91 ."): fact MCC train 0.281 / dev 0.415 then, 0.290 / 0.407 now, the same
# within the noise between the two splits.
_WORD = re.compile(r"\w+")


def split_claims(article: Article, analysis: Analysis) -> list[Claim]:
    """The claims of one article, in reading order; boilerplate and text outside body blocks are left out."""
    out: list[Claim] = []
    seen: set[str] = set()
    joined = -1  # the sentence an introduction took in
    for k, sent in enumerate(analysis.sentences):
        if k == joined:
            continue
        start, end = sent.start, sent.end
        kind = block_kind(article, start, end) if 0 <= start < end <= len(article.text) else None
        if kind is None:
            continue
        nxt = analysis.sentences[k + 1] if k + 1 < len(analysis.sentences) else None
        if kind == "body" and nxt and article.text[start:end].rstrip().endswith(":") and \
                not article.text[end : nxt.start].strip() and block_kind(article, nxt.start, nxt.end) == "body":
            end, joined = nxt.end, k + 1  # "He told his audience, to rowdy applause:" says nothing without its words
        dateline = DATELINE.match(article.text, start, end) if not any(not c.headline for c in out) else None
        if dateline and kind == "body" and end - dateline.end() > 20:
            start = dateline.end()  # the first sentence is what follows "WASHINGTON (Reuters) -"
        if (link := _READ_MORE.search(article.text[start:end])) and end - start - link.end() > 20:
            start += link.end()  # "<a related headline> Read more Mehta, who was married to..."
        text = article.text[start:end]
        key = " ".join(text.split()).lower()
        if key in seen or len(_WORD.findall(text)) < (3 if kind == "title" else 4) or _set_aside(article, text):
            continue  # a fragment, a line already taken, a prompt or a caption is not a claim
        if latin_share(text) < LATIN_SHARE:
            continue  # a line in another script, which the English models cannot read (see ingest.language)
        seen.add(key)
        for a, b in _clauses(text):
            lead = len(text[a:b]) - len(text[a:b].lstrip())
            claim = claim_at(article, analysis, start + a + lead, start + b, len(out))
            claim.headline = kind == "title"
            out.append(claim)
    return out


def add_source(entry: QuoteGroup | TimelineEntry, article_id: str, outlet: str) -> None:
    """Record that one more article (and its outlet, once) states what `entry` holds."""
    if article_id not in entry.articles:
        entry.articles.append(article_id)
    if outlet not in entry.outlets:
        entry.outlets.append(outlet)
