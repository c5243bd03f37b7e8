"""The records that flow between stages: ingest -> analyze -> stories -> brief -> render.

Every stage is a function from the records of the stage before to its own, so these classes are the whole
contract between rooms. They are plain dataclasses (no behaviour beyond convenience views) so that the store
can keep them as JSON and a distributed engine can ship them between processes.

Offsets: every `start`/`end` is a Python `str` index into `Article.text` exactly as given. Cleaning never edits
the text; it marks blocks (title line, captions, footer...) that analysis skips.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from typing import Any, Literal

# Kinds of block inside an article's text. Only BODY_KINDS are analysed; the rest are kept so that nothing a
# user ingested is lost, and so the reader can see what was set aside and why. A headline is analysed: it is the
# outlet's own one-line statement of the story (ECB+ and MEANTIME annotate facts and entities in it).
BlockKind = Literal[
    "title", "outlet", "subtitle", "byline", "bullet", "body", "caption", "credit", "footer", "boilerplate"
]
BODY_KINDS = frozenset({"body", "title"})


@dataclass
class Block:
    """A run of `Article.text` with its role (body paragraph, caption, footer...)."""

    start: int
    end: int
    kind: str = "body"


@dataclass
class Article:
    """One news article as ingested. `id` is the input's own id, or a content hash when it has none."""

    id: str
    text: str
    title: str | None = None
    published: str | None = None  # ISO date "2023-08-30" or datetime "2023-08-30T14:05:00Z", as given
    outlet: str | None = None
    url: str | None = None
    lang: str | None = None
    source: str | None = None  # where it came from: "path", "path:line", "path#record"
    blocks: list[Block] = field(default_factory=list)  # empty means the whole text is body
    story: str | None = None  # a story label given in the input (JSONL `story`), used by batch commands
    extra: dict[str, Any] = field(default_factory=dict)  # unknown input fields, kept verbatim

    def body_blocks(self) -> list[Block]:
        """The blocks analysis should read: headline and body paragraphs, never captions, credits or footers."""
        if not self.blocks:
            return [Block(0, len(self.text), "body")]
        return [b for b in self.blocks if b.kind in BODY_KINDS]

    def body_text(self) -> str:
        """Body paragraphs joined by blank lines (for scoring; offsets must come from `body_blocks`)."""
        return "\n\n".join(self.text[b.start : b.end] for b in self.body_blocks())


@dataclass
class Rejected:
    """An input that could not become an article, with a reason a user can act on."""

    source: str
    reason: str


@dataclass
class Span:
    start: int
    end: int
    text: str


@dataclass
class Mention:
    """A named-entity mention; `canonical` is the one name for its real-world entity within the story."""

    start: int
    end: int
    text: str
    label: str
    canonical: str | None = None
    role: str | None = None  # e.g. "National Security Council spokesman", when the text gives one


@dataclass
class Quote:
    """An attribution: who (speaker span as written, pronoun stays a pronoun) said what (content span)."""

    content: Span
    speaker: Span | None = None
    speaker_canonical: str | None = None
    cue: Span | None = None
    direct: bool = True
    hedged: bool = False  # "could", "potential", "declined to detail", unconfirmed
    # The content is the cue's object, not a clause ("mocked | her refusal to release transcripts", "expressed |
    # concern about ..."): it reads as what was said only with its verb.
    content_is_object: bool = False


@dataclass
class TimeExpr:
    """A time expression with its TIMEX3 type and value, resolved against the publication date when known."""

    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str


@dataclass
class Event:
    """A sentence that carries a resolved date: one candidate timeline entry."""

    date: str  # TIMEX3 date value: "2023-07-27", "2023-07", "2023"
    precision: str  # day | month | year
    sentence: Span
    entities: list[str] = field(default_factory=list)  # canonical names


@dataclass
class Analysis:
    """What the language stage found in one article."""

    article_id: str
    published: str | None = None  # YYYY-MM-DD, given or inferred
    published_inferred: bool = False
    # [earliest, latest] YYYY-MM-DD when the date is inferred: `published` is the earliest, what relative
    # expressions are resolved against; the text only bounds the day, it does not name it
    published_window: list[str] | None = None
    outlet: str | None = None
    sentences: list[Span] = field(default_factory=list)  # body sentences only
    entities: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    terms: list[str] = field(default_factory=list)  # content lemmas, lower-cased: what the story stage indexes


@dataclass
class Story:
    """Articles reporting the same event. `id` is stable: it stays as articles join."""

    id: str
    article_ids: list[str] = field(default_factory=list)
    copies: list[list[str]] = field(default_factory=list)  # groups of article ids that are one (wire) text


@dataclass
class SourceSpan:
    id: str  # article id
    start: int
    end: int


QUOTE_MARKS = "\"“”'‘’`"
# The small words inside surnames ("Bill de Blasio", "Ludwig van Beethoven"), written in lower case.
NAME_PARTICLES = frozenset({"de", "da", "di", "del", "della", "der", "den", "van", "von", "du", "la", "le", "ter",
                            "bin", "al"})


@dataclass
class Fact:
    """One claim with every article that states it; `status` says how well it is sourced."""

    text: str
    status: str  # corroborated | single | conflict
    articles: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    sources: list[SourceSpan] = field(default_factory=list)
    conflict: list[dict[str, Any]] = field(default_factory=list)  # the sides: [{"text", "articles", "outlets"}]
    # The story's main event: besides the sentences that state this claim, `sources` holds every sentence that
    # mentions the event in the words most outlets lead with (brief/align.py, `main_event_claims`)
    main_event: bool = False
    # The story's second development (a shooting's arrest, a fire's arson inquiry): `sources` also holds every
    # sentence that uses the words the leads share besides the main event's (brief/align.py, `second_event_claims`)
    second_event: bool = False
    # Who says it, when the wording shown is someone's words inside a quotation whose attribution is in another
    # sentence ("How many times do we have to see this in our country?" - Hillary Clinton)
    said_by: str | None = None
    # Whom the "he" or "she" of the sentence's own attribution means ('"...," he said.'), as {"at": offset in
    # `text` just after the pronoun, "name": ...}: the line is read alone, away from the sentence that named him.
    pronoun_means: dict[str, Any] | None = None

    def shown(self) -> str:
        """The fact as a line to read: its wording, or, when it is someone's quoted words, those words as one
        quotation (a line of a longer quotation opens a mark it does not close) and who says them. A clause cut
        from its sentence ("the final shuttering is not expected until 2019") opens with "…": its sentence
        began before it."""
        line = self._line()
        at = len(line) - len(line.lstrip("“\"'‘ "))
        first = line[at:].split(" ", 1)[0]
        if first[:1].isalpha() and first.islower() and first not in NAME_PARTICLES:  # not "iPhone", "de Blasio"
            return f"{line[:at]}… {line[at:]}"
        return line

    def _line(self) -> str:
        words = self.text.strip().strip(QUOTE_MARKS).strip()
        if self.said_by:
            return f"“{words}” — {self.said_by}"
        t = self.text
        if self.pronoun_means:  # '"...," he [Donald Trump] said.', as an editor marks an insertion
            at = self.pronoun_means["at"]
            t = f"{t[:at]} [{self.pronoun_means['name']}]{t[at:]}"
        t = t.strip()
        marks = [m for m in re.finditer(r'["“”]', t)]
        if len(marks) % 2 == 0:
            # Marks are counted together: an outlet may open with a curly mark and close with a straight one
            return t
        first, last = marks[0], marks[-1]
        closes = first.group() == "”" or (first.group() == '"' and first.start() > 0 and not t[first.start() - 1].isspace())
        if closes and last.end() < len(t.rstrip(".,;:!? ")) - 1:
            # 'If he doesn't he should resign!" Trump tweeted Sunday.': the quotation began in the sentence before
            return f"“{t}"
        if not closes and first.start() > 0:
            return f"{t}”"  # 'Trump said in a statement: "I am trying to save lives.': it goes on in the next one
        return f"“{words}”"  # 'We need a new leader."': the last line of a quotation, shown as quoted words


@dataclass
class ArticleRef:
    id: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    published_window: list[str] | None = None  # an undated article's inferred [earliest, latest] publication dates


@dataclass
class SummaryItem:
    text: str
    articles: list[str] = field(default_factory=list)
    sources: list[SourceSpan] = field(default_factory=list)


@dataclass
class QuoteGroup:
    speaker: str | None
    text: str
    direct: bool
    articles: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    hedged: bool = False


@dataclass
class EntityGroup:
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)


@dataclass
class TimelineEntry:
    date: str
    text: str
    precision: str = "day"
    articles: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    # "text": the sentence gives the date; "published": the sentence is an article's lead, dated by the day the
    # article was published because it gives no date of its own (news reports what happened that day)
    basis: str = "text"


@dataclass
class OutletNote:
    """What one outlet adds that no other has, and what most others report that it leaves out."""

    outlet: str
    adds: list[str] = field(default_factory=list)
    omits: list[str] = field(default_factory=list)


@dataclass
class Brief:
    id: str
    headline: str
    articles: list[ArticleRef] = field(default_factory=list)
    summary: list[SummaryItem] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    quotes: list[QuoteGroup] = field(default_factory=list)
    entities: list[EntityGroup] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)
    copies: list[list[str]] = field(default_factory=list)  # wire copies: article ids that carry one text
    outlet_notes: list[OutletNote] = field(default_factory=list)


def to_dict(record: Any) -> Any:
    """A record as plain JSON-ready data (dataclasses, lists and dicts all the way down)."""
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return {f.name: to_dict(getattr(record, f.name)) for f in dataclasses.fields(record)}
    if isinstance(record, (list, tuple)):
        return [to_dict(x) for x in record]
    if isinstance(record, dict):
        return {k: to_dict(v) for k, v in record.items()}
    return record


def from_dict(cls: type, data: dict[str, Any]) -> Any:
    """Rebuild a record (and its nested records) from `to_dict` output; unknown keys are ignored."""
    import typing

    hints = typing.get_type_hints(cls)
    kwargs: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if f.name not in data:
            continue
        kwargs[f.name] = _coerce(hints[f.name], data[f.name])
    return cls(**kwargs)


def _coerce(hint: Any, value: Any) -> Any:
    import typing

    if value is None:
        return None
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin is list and args:
        return [_coerce(args[0], v) for v in value]
    if origin in (typing.Union, getattr(__import__("types"), "UnionType", None)):
        for a in args:
            if a is type(None):
                continue
            return _coerce(a, value)
    if dataclasses.is_dataclass(hint) and isinstance(value, dict):
        return from_dict(hint, value)
    return value
