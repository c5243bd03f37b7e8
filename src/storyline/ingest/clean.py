"""Mark what each line of an article is (title, bullet, body, caption, credit, footer, boilerplate...).

Articles pasted or scraped from the web carry more than their story: key-point bullets, photo captions (often twice:
the image's alt text, then the caption with its credit glued on), credits, "Read the original article on..." footers,
newsletter prompts. Analysis must read only the body, or every caption becomes a "fact" and every credit an
"entity". Cleaning never edits the text: it returns `Block`s whose offsets slice `text` exactly, so everything a
user ingested is kept and every later offset still points into the input.

The rules are general line shapes (a credit is a short "Name/Agency" line; a caption says "in this image" or is a
line repeated with a credit), never strings of particular articles. They are tuned to keep body paragraphs: when a
rule is unsure, the line stays body.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from storyline.ingest.dates import is_date_line
from storyline.ingest.outlet import is_footer, known_outlet, looks_like_outlet_line
from storyline.model import Block

# --- line shapes -------------------------------------------------------------------------------------------------

_BULLET_RE = re.compile(r"^[•·▪▫◦‣►▶●○■□*\-–]\s*\S")

# Photo agencies and the words credits are made of. Case matters for the short ones (AP, PA, EPA).
_AGENCY = (
    r"(?:AP|AFP|EPA(?:-EFE)?|Reuters|REUTERS|Getty(?:\s+Images)?|GETTY(?:\s+IMAGES)?|Shutterstock|Bloomberg|Xinhua"
    r"|Alamy|PA(?:\s+(?:Images|Wire|Media))?|Pool|POOL|NurPhoto|SIPA|Sipa(?:\s+USA)?|Anadolu(?:\s+Agency)?|Sputnik"
    r"|KCNA|Yonhap|Kyodo|TASS|ZUMA(?:\s+(?:Press|Wire))?|Imagn|Redux|Polaris|Handout|HANDOUT|Courtesy)"
)
_CREDIT_RES = [
    # "Photo: Jane Doe/Reuters", "Image source, Getty Images", "Photograph by Jane Doe"
    re.compile(r"^(?i:photo(?:graph)?s?|images?|pictures?|credits?|illustration|video)"
               r"(?:\s+(?i:by|credit|source|courtesy(?:\s+of)?))?\s*[:/,]\s*\S"),
    re.compile(r"^(?i:photo(?:graph)?|picture|illustration|image)\s+(?i:by|courtesy(?:\s+of)?)\s+\S"),
    # "AP Photo/Bram Janssen", "Reuters Pictures", "AFP Images"
    re.compile(r"\b" + _AGENCY + r"\s+(?i:photos?|images|pictures|file)\b"),
    # "Bram Janssen/AP", "Reuters/Evelyn Hockstein"
    re.compile(r"\S\s*/\s*" + _AGENCY + r"\b|\b" + _AGENCY + r"\s*/\s*\S"),
    # "... via Getty Images", "... via Reuters"
    re.compile(r"\b(?i:via)\s+" + _AGENCY + r"\b"),
    # "Getty Images", "Shutterstock", "Courtesy of the family"
    re.compile(r"^(?:Getty\s+Images|GETTY\s+IMAGES|Shutterstock|Alamy|(?i:courtesy(?:\s+of)?\s+\S.*))$"),
]
_BARE_AGENCY_RE = re.compile(r"^" + _AGENCY + r"$")

_CAPTION_RES = [
    # "... in this image released by ...", "... in this undated handout photo ..."
    re.compile(r"\bin\s+this\s+(?:[\w-]+\s+){0,4}?(?:image|photo|photograph|picture|handout|screen\s*grab"
               r"|screenshot|still\s+(?:image|photo)|video\s+(?:grab|still)|frame\s+grab|file\s+photo)s?\b", re.I),
    re.compile(r"\bin\s+an?\s+(?:undated\s+|file\s+|handout\s+)+(?:image|photo|photograph|picture)\b", re.I),
    re.compile(r"\b(?:photo|image|picture|photograph|handout)s?\s+(?:released|provided|distributed|obtained|taken"
               r"|made\s+available)\s+(?:by|on|from)\b", re.I),
    # "Pictured: ...", "Image caption, ...", "FILE PHOTO: ..."
    re.compile(r"^(?:pictured|above|top|left|right|main\s+image|file\s+photo|file)\s*[:|]\s*\S", re.I),
    re.compile(r"^(?:image|photo|video|media)\s+caption\s*[,:]", re.I),
]

# A note about the article rather than the story: "Editor's note: ...", "CORRECTION: An earlier version ...".
_NOTE = r"(?:corrections?|clarifications?|editor[’'`]?s[’']?\s+notes?)"
_NOTE_RE = re.compile(r"^" + _NOTE + r"\s*[:|]", re.I)
# A label alone on its line ("CORRECTION:"), under which the rest of the article is the note.
_NOTE_LABEL_RE = re.compile(r"^" + _NOTE + r"\s*:?\s*$", re.I)
# The writer's bio closing an article: "Gabriel Arana is senior media editor at The Huffington Post.", "Jason
# Linkins edits “Eat The Press” for The Huffington Post and co-hosts the HuffPost politics podcast".
_BIO_RE = re.compile(
    r"^(?!(?:That|The|This|These|Those|Then|There|When|While|If|But|And|In|On|At|As|For|After|Before|Since)\b)"
    r"[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}\s+(?:is|edits|writes|covers|hosts|co-hosts|reports)\b"
    r"[^.!?]{0,150}?\b(?:reporter|correspondent|editor|writer|columnist|co-host|host|contributor|podcast|producer|"
    r"bureau\s+chief|contributing)\b")
# "... Just click here, enter your email address ...": a newsletter prompt inside a paragraph.
_CLICK_RE = re.compile(r"\bclick\s+(?:here|the\s+link|below)\b", re.I)
_SIGNUP_RE = re.compile(r"e-?mail|sign\s+up|subscribe|newsletter|inbox", re.I)

_BOILERPLATE_RE = re.compile(
    r"""^(?:
        sign\s+up\b | subscribe\b | subscribers?\s+only\b | get\s+(?:our|the)\s+(?:[\w-]+\s+){0,5}newsletter
      | join\s+(?:our|the)\s+(?:[\w-]+\s+){0,3}(?:newsletter|mailing\s+list|channel)
      | (?:our\s+|the\s+|free\s+)?newsletters?\s*[:|]?\s*$
      | related(?:\s+(?:coverage|stories|story|articles?|content|reading|links|topics|video|news))?\s*[:|»›>]
      | related(?:\s+(?:coverage|stories|story|articles?|content|reading|links|topics|videos?|news))?\s*$
      | explore\s+more\b | reuse\s+this\s+content\b | more\s+on\s+this\s+story\s*$ | you\s+may\s+also\s+like\b
      | read\s+more\s*(?:[:»›>|]|$) | read\s+(?:next|also)\s*[:»›>|] | (?:also|further)\s+read(?:ing)?\s*[:»›>|]
      | more\s+(?:from|on|about)\s+[^.]{1,60}[:»›>|]?\s*$ | more\s*: | see\s+also\s*: | recommended\s*(?:for\s+you|reading|stories|videos?)?\s*:?\s*$
      | (?:watch|listen|video|photos|gallery|opinion|explainer|live|analysis)(?:\s+\w+){0,2}\s*[:|]\s*\S.{0,150}$
      | advertisement\b | ad\s*$ | sponsored(?:\s+content)?\s*:?\s*$ | story\s+continues | continue\s+reading
      | (?:trending|most\s+(?:read|popular|viewed|shared)|top\s+stories|latest\s+news)(?:\s+(?:now|stories|news))?\s*:?\s*$
      | share\s+(?:this|on|via|the\s+story|the\s+article)\b | share\s*$ | tweet\s*$ | copy\s+(?:link|url)\b
      | follow\s+(?:us\b|@|[\w.&'-]+(?:\s+[\w.&'-]+)?\s+on\s+(?:twitter|x|facebook|instagram|linkedin|threads|tiktok|youtube|google)\b)
      | like\s+(?:us|the\s+page|our\s+page)\b | byline\s*: | dateline\s*:
      | (?:twitter|facebook|instagram|e-?mail|contact)\s*:\s*@?\S+\s*$ | click\s+here\b | tap\s+here\b | download\s+(?:the|our)\s+(?:[\w-]+\s+)?app\b
      | \(?\s*reporting\s+by\b | \(?\s*additional\s+reporting\b | \(?\s*editing\s+by\b | \(?\s*writing\s+by\b
      | \(?\s*compiled\s+by\b | \(?\s*(?:produced|edited)\s+by\b
      | contributing\s*: | this\s+(?:article|story)\s+(?:was\s+)?(?:originally|first)\s+(?:appeared|ran|published)\b | send\s+(?:your\s+)?(?:questions|comments|tips|questions/comments)\b[^.]{0,30}\bto\s+(?:the\s+)?(?:editors?|newsroom)\b
      | contact\s+(?:the\s+)?(?:author|reporter|writer)s?\b | e-?mail\s+(?:the\s+)?(?:author|reporter|writer|us)\b
      | listen\s+to\s+(?:this\s+)?(?:article|story)\b | toggle\s+(?:navigation|menu|search)\b | (?:main\s+)?menu\s*$
      | (?:sign|log)\s+(?:in|out)\b | are\s+you\s+sure\s+you\s+want\s+to\b | you\s+are\s+here\s*:
      | most\s+(?:read|popular|viewed|shared)(?:\s+\w+){0,2}\s*:?\s*$
      | skip\s+to\b | we\s+use\s+cookies\b | (?:accept|manage)\s+(?:all\s+)?cookies\b | this\s+(?:content|video|embed|element)\s+(?:is\s+)?(?:not\s+available|cannot|could\s+not)
      | (?:updated|published|posted|last\s+updated|(?:first|originally)\s+published)\s*:?\s+(?:on\s+)?[\w,.: ]{0,40}\d
      | \d+\s*(?:min(?:ute)?s?)\s+read\s*$ | (?:comments?|\d+\s+comments?)\s*$ | (?:view|show|load|see)\s+(?:\d+\s+)?(?:comments|gallery|images|photos|more)\b
      | (?:image|photo|video)\s+(?:\d+\s+)?of\s+\d+\s*$ | (?:enlarge|expand)\s+(?:this\s+)?(?:image|photo)\s*$ | toggle\s+caption\s*$
      | (?:we\s+are\s+|we're\s+)?sorry\s*,?\s*(?:but\s+)?this\s+(?:video|content|media|clip)\b
      | this\s+(?:video|clip)\s+is\s+(?:restricted|unavailable|no\s+longer\s+available|private)\b | video\s+unavailable\s*$
      | your\s+browser\s+does\s+not\s+support\b | (?:please\s+)?(?:enable|turn\s+on)\s+javascript\b
      | (?:watch|listen\s+to|read|see)\b[^.!?,"“”]{0,100}?\b(?:above|below)(?:\s+for\s+[^.!?]*)?[.:!]?(?:\s+subscribe\s+here\.?)?\s*$
      | [^!?]{0,80}\?\s+like\s+(?:us|the\s+page|our\s+page)\b
      | this\s+(?:article|story|post|piece|report|page)\s+(?:has\s+been|had\s+been|was|is\s+being)\s+
        (?:updated|corrected|amended|revised|changed)\b
      | """ + _NOTE + r"""\s*[:|]
    )""",
    re.I | re.X,
)
# "By Jane Doe", "By JANE DOE, Associated Press", "By Jane Doe and John Roe | Reuters"
_BYLINE_RE = re.compile(
    r"^(?:By|BY|by)\s+[A-Z][\w.'’-]*(?:[\s,|&]+(?:and\s+)?[A-Z][\w.'’-]*|\s+(?:de|van|von|da|del|la|le|al|bin)){0,10}\s*[.,]?\s*$"
    r"|^(?:By|BY)\s+[A-Z][^.!?]{0,80}\|\s*\S[^.!?]{0,60}$"
)
_URL_LINE_RE = re.compile(r"^(?:source\s*:\s*)?(?:https?://|www\.)\S+$", re.I)

# A first line longer than this is a paragraph, not a headline (headlines run to about 150 characters).
MAX_TITLE_CHARS = 300
# Headlines run to about 15 words; a longer line under a date line is the article's first paragraph.
MAX_HEADLINE_WORDS = 20

# Captions are a sentence or two; a repeated line longer than this is a paragraph pasted twice.
_MAX_CAPTION_CHARS = 300

_SENTENCE_END_RE = re.compile(r"[.!?…][\"'”’)\]]*$|[\"'”’]$")

# A wire dateline in capitals inside the first line: "SYDNEY, Australia -", "PASADENA, Calif. (KTLA) —",
# "LOS ANGELES (CBSLA) —", "VANCOUVER --". Text before it with no sentence end is the headline the text was glued
# to when title and body were joined into one field ("Military ships deployed to fight fires SYDNEY, Australia - ...").
_GLUED_DATELINE_RE = re.compile(
    r"\s(?=[A-Z][A-Z.'-]{2,}(?:[ ,]+[A-Z][A-Z.'-]+){0,3}(?:,\s*[A-Z][A-Za-z.]+(?:\s+\d{1,2})?)?"
    r"(?:\s*\([^()\n]{2,40}\))?\s*(?:--|[-–—―])\s+(?:[A-Z][a-z]|[A-Z]{2,}\s+[A-Za-z][a-z]|[\"“]))"
)


def is_credit(line: str) -> bool:
    """True for a photo credit line: "AP Photo/Bram Janssen", "Getty Images", "Reuters/Evelyn Hockstein"."""
    text = line.strip()
    if len(text.split()) <= 8:
        text = text.rstrip(".")  # "Getty." "Jim Urquhart / Reuters." (sentence-split corpora add full stops)
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1].strip()
    if not text or len(text) > 80 or len(text.split()) > 12:
        return False
    if re.search(r"\b(?:said|says|told|according)\b|https?://|www\.|[a-z]{2,}[.!?]\s+[A-Z]", text):
        return False  # a sentence, a link, or two sentences: not a credit
    return bool(_BARE_AGENCY_RE.match(text)) or any(p.search(text) for p in _CREDIT_RES)


def _is_tail_credit(tail: str) -> bool:
    """A credit glued to the end of a caption; stricter than a credit line (no bare agency name)."""
    text = tail.strip()
    return bool(text) and not _BARE_AGENCY_RE.match(text.strip("().")) and is_credit(text)


def is_caption(line: str) -> bool:
    """True for a line that describes a photo ("... in this image released by ...", "Pictured: ...")."""
    text = " ".join(line.split())
    if len(text) > 2 * _MAX_CAPTION_CHARS:
        return False
    return any(p.search(text) for p in _CAPTION_RES)


# A live blog's entry header scraped with its buttons: "Julia CravenFlagShareLikeReplyAni Vrabel 5ptsmoderator
# FeaturedFebruary 6, 2016 10:57PMJeb Bush Hits ...". Three button labels run together never occur in prose.
_WIDGET_WORD = r"(?:Flag|Share|Like|Reply|Tweet|Retweet|Report|Embed|Permalink|Comment|Follow)"
_WIDGET_RE = re.compile(_WIDGET_WORD + r"{3,}")


# Style sheet text a scraper kept (".image-wrap {", "width:100%;", "}"): no sentence looks like it.
_CSS_RE = re.compile(r"^(?:[.#@]?[\w-]+(?:[\s,>.#:]+[\w-]+)*\s*\{[^{}]*\}?"  # a selector and its brace
                     r"|[a-z-]+\s*:\s*[^;{}]{1,60};\s*\}?\.?|\}\.?|@media\b[^{}]*\{)$")  # a rule, a closing brace


def is_boilerplate(line: str) -> bool:
    """True for site furniture: newsletter and share prompts, "Related:", "Read more:", bylines, ads."""
    text = " ".join(line.split())
    if len(text) <= 120 and ("{" in text or ";" in text or text.startswith("}")) and _CSS_RE.match(text):
        return True
    words = len(text.split())
    if words <= 60 and any(w in text for w in ("Share", "Reply", "Like", "Tweet")) and _WIDGET_RE.search(text):
        return True
    if words <= 60 and _CLICK_RE.search(text) and _SIGNUP_RE.search(text):
        return True
    if _NOTE_RE.match(text):
        return words <= 90  # an editor's note or a correction runs to a paragraph
    if not text or words > 40:
        return False
    if _URL_LINE_RE.match(text):
        return True
    if words <= 16 and _BYLINE_RE.match(text):
        return True
    if not _BOILERPLATE_RE.match(text):
        return False
    # newsletter prompts run long ("Sign up for ... delivered to your inbox every morning"); other furniture is short
    return words <= 25 or re.match(r"(?i)sign\s+up|subscribe|get\s|join\s", text) is not None


def url_of_line(line: str) -> str | None:
    """The URL when a line is only a URL (a "Source: https://..." line under a pasted article)."""
    text = line.strip()
    if not _URL_LINE_RE.match(text):
        return None
    url = re.sub(r"(?i)^source\s*:\s*", "", text)
    return url if url.lower().startswith("http") else "https://" + url


# --- splitting text into lines with offsets ------------------------------------------------------------------------

_LINE_RE = re.compile(r"[^\n\r]*(?:\r\n|\n|\r)|[^\n\r]+$")


def _lines(text: str) -> Iterator[tuple[int, int, bool]]:
    """(start, end, follows_blank) of each non-blank line, trimmed of surrounding whitespace, in text order."""
    blank_before = True
    for m in _LINE_RE.finditer(text):
        raw = m.group().rstrip("\r\n")
        stripped = raw.strip()
        if not stripped:
            blank_before = True
            continue
        start = m.start() + (len(raw) - len(raw.lstrip()))
        yield start, start + len(stripped), blank_before
        blank_before = False


def _key(s: str) -> str:
    return " ".join(s.split())


# --- the block marker ---------------------------------------------------------------------------------------------

def mark_blocks(text: str, title: str | None = None, first_line_is_title: bool = False) -> list[Block]:
    """The blocks of `text`, in order, covering every non-blank line; offsets slice `text` exactly.

    `first_line_is_title`: the text starts with its title (a .txt article), unless that line is a paragraph
    longer than MAX_TITLE_CHARS (a text pasted without its headline). Otherwise the first line is marked
    title only when it repeats `title` (HTML extraction and many JSONL sets keep the headline as line one) and is
    not a sentence ending in a full stop.
    Blank lines belong to no block. In hard-wrapped text, consecutive body lines with no blank line between them
    are one paragraph when the first does not end a sentence, so sentences are never cut at a wrap.
    """
    lines = list(_lines(text))
    if not lines:
        return []
    kinds: list[str] = ["body"] * len(lines)
    splits: dict[int, int] = {}  # line index -> offset where a glued credit starts
    seen: dict[str, int] = {}
    listing: set[int] = set()  # "Related topics" labels and the items listed under them
    body_seen = False  # the header (title, outlet, byline, standfirst) ends at the first body paragraph
    wrapped = _hard_wrapped(text, lines)

    title_lines = 0
    first = text[lines[0][0] : lines[0][1]]
    if (first_line_is_title and len(first) <= MAX_TITLE_CHARS) or (title and _repeats_title(first, title)):
        title_lines = 1
    elif title and len(lines) > 1 and not lines[1][2] and _repeats_title(text[lines[0][0] : lines[1][1]], title):
        title_lines = 2  # a headline and its deck on two lines ("Obama rips rhetoric; \nHe lashes out at ...")
    label = False
    below = next((text[a:b] for a, b, _ in lines[1:] if not is_date_line(text[a:b])), "")
    if title is None and not first_line_is_title and _headline_over_body(first, below):
        title_lines = 1  # a record without a title field whose text starts with its headline line
    elif title is None and (glued := _glued_headline(first)) is not None:
        # One line holding headline and body: the headline becomes a line of its own, and a section or agency
        # label between them ("NATIONAL (AP-Yonhap)") one more, marked like a byline.
        (head, body), (start, end, after_blank) = glued, lines[0]
        parts = [(start, start + head, after_blank)]
        between = first[head:body]
        label = between.strip() != ""
        if label:
            lead = len(between) - len(between.lstrip())
            parts.append((start + head + lead, start + head + len(between.rstrip()), False))
        lines[0:1] = parts + [(start + body, end, False)]
        kinds += ["body"] * len(parts)
        title_lines = 1
    header = title_lines
    stamps = next((k for k, (a, b, _) in enumerate(lines) if not is_date_line(text[a:b])), len(lines))
    if title_lines == 1 and 0 < stamps < len(lines) and _reads_as_headline(text[lines[stamps][0] : lines[stamps][1]]):
        # A "title" that is only a date ("Friday, June 7, 2013") is the dateline; the headline is the line under it
        # (under the "Updated ..." line, if there is one).
        kinds[:stamps], kinds[stamps], header = ["byline"] * stamps, "title", stamps + 1
    else:
        for i in range(title_lines):
            kinds[i] = "title"

    for i, (start, end, after_blank) in enumerate(lines):
        if i < header:
            continue
        line = text[start:end]
        key = _key(line)
        in_header = title_lines > 0 and i <= 6 and not body_seen
        if in_header and ((i == 1 and looks_like_outlet_line(line)) or known_outlet(line)):
            kinds[i] = "outlet"  # "Global News" under the title; "CNN" in a dateline block
        elif not re.search(r"\w", line):
            kinds[i] = "boilerplate"  # rules and dashes: "—", "* * *"
        elif (i - 1) in listing and not after_blank and len(key.split()) <= 15 and not _SENTENCE_END_RE.search(line):
            kinds[i] = "boilerplate"  # an item listed under "Related topics" / "Read more"
            listing.add(i)
        elif is_footer(line):
            kinds[i] = "footer"
        elif (glued := _glued_credit(line)) is not None:
            kinds[i] = "caption"  # a caption with its credit glued on: "...Aug. 18, 2023.AP Photo/Bram Janssen"
            splits[i] = start + glued
            alt_text = seen.get(_key(line[:glued]))
            if alt_text is not None and kinds[alt_text] == "body":
                kinds[alt_text] = "caption"  # the same caption just before, without its credit: the image's alt text
        elif is_credit(line):
            kinds[i] = "credit"
            above = text[lines[i - 1][0] : lines[i - 1][1]] if i > 0 else ""
            if not after_blank and kinds[i - 1] == "body" and _is_tail_credit(line) and _could_be_caption(above):
                kinds[i - 1] = "caption"  # the line a credit is glued under describes the photo
        elif is_date_line(line):
            kinds[i] = "byline"  # a dateline under the title: the publication date, read by `dates`, not a fact
        elif is_boilerplate(line):
            kinds[i] = "boilerplate"
        elif _BULLET_RE.match(line) and len(line) < 600:
            kinds[i] = "bullet"
        elif key in seen and 20 <= len(key) <= _MAX_CAPTION_CHARS:
            # the second copy of a repeated line: alt text then caption, or a pull quote. A long paragraph given
            # twice is a copy-paste slip of the body itself and stays body.
            kinds[i] = "caption"
        else:
            recent = [(_key(text[a:b]), j) for j, (a, b, _) in enumerate(lines[max(0, i - 3) : i], start=max(0, i - 3))]
            prefix_of = _copy_with_tail(key, recent)
            if prefix_of is not None:
                j, tail = prefix_of
                if _is_tail_credit(tail):
                    kinds[j] = "caption"  # the first copy was the image's alt text
                    kinds[i] = "caption"
                    splits[i] = start + _tail_start(line, tail)
            if kinds[i] == "body" and is_caption(line):
                kinds[i] = "caption"
        if kinds[i] == "boilerplate" and _is_label(line):
            listing.add(i)
        if kinds[i] in ("body", "bullet", "caption") and len(key.split()) >= 4:
            body_seen = True
        if kinds[i] == "outlet" and i > 1 and kinds[i - 1] == "body":
            if _is_place_line(text[lines[i - 1][0] : lines[i - 1][1]]):
                kinds[i - 1] = "byline"  # the dateline's place above the outlet: "Washington" / "CNN" / "—"
        seen.setdefault(key, i)

    if label:
        kinds[1] = "byline"
    _mark_end_notes(text, lines, kinds)
    return _to_blocks(text, lines, kinds, splits, wrapped)


def _mark_end_notes(text: str, lines: list[tuple[int, int, bool]], kinds: list[str]) -> None:
    """What follows the story at its end: a correction or editor's note under its own label ("CORRECTION:" then
    the paragraphs of the note), and the writer's bio as the last line. Why: "An article on Thursday misstated
    ..." and "Zach Carter is a co-host of the HuffPost Politics podcast" are about the article, not the story,
    and in a brief they read as one outlet's facts."""
    for i in range(len(lines) // 2, len(lines)):
        if kinds[i] == "boilerplate" and _NOTE_LABEL_RE.match(_key(text[lines[i][0] : lines[i][1]])):
            for j in range(i + 1, len(lines)):
                kinds[j] = "boilerplate" if kinds[j] == "body" else kinds[j]
            break
    last = max((k for k, kind in enumerate(kinds) if kind == "body"), default=None)
    if last is not None:
        line = _key(text[lines[last][0] : lines[last][1]])
        if len(line.split()) <= 45 and _BIO_RE.match(line):
            kinds[last] = "boilerplate"


_LABEL_RE = re.compile(
    r"^(?:related(?:\s+\w+)?|read\s+more|more\s+on\s+this(?:\s+story)?|more\s+from\s+[\w .&'-]{1,40}|explore\s+more(?:\s+on\s+these\s+topics)?"
    r"|recommended(?:\s+\w+)?|most\s+(?:read|popular|viewed|shared)|top\s+stories|latest\s+news|trending(?:\s+\w+)?|also\s+read"
    r"|see\s+also|you\s+may\s+also\s+like|more\s+stories|topics|tags)\s*[:»›>]?$",
    re.I,
)


def _glued_headline(line: str) -> tuple[int, int] | None:
    """Where the headline ends and the body starts in a line that runs one into the other, or None: at a wire
    dateline (_GLUED_DATELINE_RE), else where a sentence starts with no full stop before it (_GLUED_LEAD_RE).
    A section or agency label the headline ends with is neither."""
    m = _GLUED_DATELINE_RE.search(line, 0, MAX_TITLE_CHARS)
    if m is not None:
        head = line[: m.start()].rstrip()
        while (cut := _HEAD_LABEL_RE.sub("", head)) != head:
            head = cut
        if head.isupper():  # an all-capitals headline ("GRANDMOTHER KILLED BY DRUNK DRIVER IN HIT - AND - RUN") is one
            return None
        return _checked(line, len(head), m.end())
    for m in _GLUED_LEAD_RE.finditer(line, 0, MAX_TITLE_CHARS):
        if line[m.end() : m.end() + 2] == "A " and _DESIGNATOR.search(line, 0, m.start()):
            continue  # a letter naming a class or a series ("its $1.875 Series A convertible preferred stock")
        return _checked(line, m.start(), m.end())
    return None


def _headline_over_body(line: str, below: str) -> bool:
    """A first line that reads as a headline (a few words, no sentence end, not a dateline, byline, credit or
    label) above a paragraph (`below`, the first line under any date lines) longer than it that ends a sentence."""
    words = len(line.split())
    return (3 <= words <= MAX_HEADLINE_WORDS and len(re.findall(r"\b[^\W\d_]{2,}", line)) >= 3
            and not _SENTENCE_END_RE.search(line.rstrip())
            and len(below.split()) > max(words, 8) and bool(_SENTENCE_END_RE.search(below.rstrip()))
            and not (is_date_line(line) or is_credit(line) or is_boilerplate(line) or _is_label(line)
                     or known_outlet(line) or is_footer(line) or _BULLET_RE.match(line)))


# Words a letter follows as a name ("Series A", "Class A", "Type A"), where "A" starts no sentence.
_DESIGNATOR = re.compile(r"\b(?:Series|Class|Type|Plan|Group|Grade|Section|Vitamin|Hepatitis|Division|Category|Schedule|"
                         r"Tier|Phase|Model|Block|Gate|Terminal|Level|Exhibit|Appendix|Part|Form|Article)$")


def _checked(line: str, head: int, body: int) -> tuple[int, int] | None:
    """(head, body) when the part before `head` reads as a headline and a body paragraph follows `body`."""
    words = len(line[:head].split())
    if not 3 <= words <= MAX_HEADLINE_WORDS + 5 or _SENTENCE_END_RE.search(line[:head].rstrip()) or len(line) - body < 40:
        return None
    return head, body


# A sentence that starts right after a lower-case word or a figure, with no full stop between: in running text a
# capitalised "The" (or "A", "He", "In" ...) followed by a lower-case word comes only after a sentence end, so
# there a headline ran into its body ("Son of Weeds creator dies in skiing accident The son of the woman ...").
# Title-case headlines capitalise the next word too ("What Happens When A Star Dies"), and names of works keep it
# ("starred in The Big Lebowski"): neither matches.
_GLUED_LEAD_RE = re.compile(
    r"(?<=[a-z0-9%])\s+(?=(?:The|A|An|In|On|At|It|He|She|They|We|His|Her|Their|Its|This|After|When|While|As)\s+[a-z])"
)


# What a headline glued to its body may end with that is not the headline: "(MENAFN- Kuwait News Agency (KUNA))",
# "NATIONAL (AP-Yonhap)".
_HEAD_LABEL_RE = re.compile(r"\s*\((?:[^()]|\([^()]*\))*\)$|\s+[A-Z]{3,}$")


def _is_label(line: str) -> bool:
    """A heading of a link list ("Related topics", "Read more", "Explore more on these topics")."""
    return bool(_LABEL_RE.match(" ".join(line.split())))


def _could_be_caption(line: str) -> bool:
    """A line short and plain enough to be a photo caption (no quotes, no attribution): used only next to a credit."""
    return len(line) <= 250 and not re.search(r"[\"“”]|\b(?:said|says|told|according)\b", line)


def _reads_as_headline(line: str) -> bool:
    """A line short enough to be a headline (at most MAX_HEADLINE_WORDS words), not a credit."""
    return len(line.split()) <= MAX_HEADLINE_WORDS and not is_credit(line)


def _is_place_line(line: str) -> bool:
    """A dateline's place on its own line: one to three capitalised words ("Washington", "Hong Kong")."""
    words = line.split()
    return 0 < len(words) <= 3 and all(w[:1].isupper() for w in words) and not _SENTENCE_END_RE.search(line)


def _repeats_title(line: str, title: str) -> bool:
    """The line is the given headline. A line ending in a full stop that `title` also ends with is a lead sentence
    some datasets copy into `title` (headlines carry no full stop): it stays body, so its facts are not lost. A
    headline the text repeats with a full stop added ("Obama to frame election as test." under the title without
    it, as in PolNeAR's texts) is still the headline."""
    if all(x.rstrip().endswith(".") and not x.rstrip().endswith("..") for x in (line, title)) and not _title_cased(line):
        return False
    return _words(line) == _words(title) != ""


_LONG_WORD = re.compile(r"[A-Za-z][\w'’-]{3,}")


def _title_cased(line: str) -> bool:
    """Every word of four letters or more capitalised, as a headline writes them and a sentence never does ("Bernie
    Sanders Suffered A Big Blow. Here’s His Plan Going Forward."): a headline, whatever stops it carries. A lead
    full of names still has a verb or a noun in lower case ("Russian President Vladimir Putin met ...")."""
    words = _LONG_WORD.findall(line)
    return len(words) >= 4 and all(w[0].isupper() for w in words)


def _words(s: str) -> str:
    """The words of a line without punctuation: a headline is repeated with its quotes and full stop moved
    ("Appeals to ‘Bad Angels’" / "Appeals to ‘Bad Angels.’")."""
    return " ".join(re.sub(r"[^\w\s]|_", " ", s).lower().split())


def _glued_credit(line: str) -> int | None:
    """Offset in `line` of a credit glued after a caption's last sentence ("...2023.AP Photo/Bram Janssen")."""
    m = re.search(r"\s*\(([^()]{2,100})\)\s*$", line)
    if m and _is_tail_credit(m.group(1)) and m.start() >= 20:
        return m.start() + (len(m.group()) - len(m.group().lstrip()))
    # the shortest tail after a sentence end ("Aug. 18, 2023.AP Photo/..." splits after "2023.", not "Aug.")
    for m in reversed(list(re.finditer(r"[.!?][\"'”’)]?(?=\s*\S)", line))):
        tail_start = m.end()
        tail = line[tail_start:]
        if len(tail) <= 100 and tail_start >= 20 and _is_tail_credit(tail):
            return tail_start + (len(tail) - len(tail.lstrip()))
    return None


def _copy_with_tail(key: str, recent: list[tuple[str, int]]) -> tuple[int, str] | None:
    """(index, tail) when `key` is one of the lines just before it followed by a short tail: a caption repeated
    with its credit (the alt text comes right before the caption, so only `recent` lines are compared)."""
    for earlier, j in recent:
        if len(earlier) >= 20 and len(key) - len(earlier) <= 100 and key.startswith(earlier) and key != earlier:
            return j, key[len(earlier) :]
    return None


def _tail_start(line: str, tail: str) -> int:
    t = tail.strip()
    return line.rstrip().rfind(t) if t else len(line)


# A line shorter than this is not a wrapped line of a paragraph (wrapping happens at 60-80 characters).
_WRAP_MIN = 50


def _hard_wrapped(text: str, lines: list[tuple[int, int, bool]]) -> bool:
    """True for text wrapped at a fixed width (e-mail, plain-text wires): no line is long, most are near the width."""
    lengths = [end - start for start, end, _ in lines[1:]]
    if len(lengths) < 2 or max(lengths) > 100:
        return False
    return sum(1 for n in lengths if n >= 40) >= 0.5 * len(lengths)


# Markup a scraper left around a paragraph: an embed's opening tag ('<tweet id="1" author="@x">'), the tail of a
# tag whose attributes ran over lines ('... we rate it Mostly True.">Sanders said'), a closing tag ("</tweet>.").
_LEADING_MARKUP = re.compile(r"""<[A-Za-z][\w:-]*(?:\s+[\w:-]+(?:=(?:"[^"]*"|'[^']*'|[^\s>]*))?)*\s*/?>"""
                             r"""|[^<\n]*?">(?=\S)""")
_TRAILING_MARKUP = re.compile(r"</[A-Za-z][\w:-]*>\W*$")


def _markup_ends(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the paragraph `text[start:end]` starts and ends once the markup at its ends is set aside."""
    if text[start : start + 1] != "<" and '">' not in text[start:end]:
        return start, end  # the common case, decided without the pattern
    lead = _LEADING_MARKUP.match(text, start, end)
    if not lead or lead.end() >= end:
        return start, end  # inline markup in prose ('and <b>left</b>.') stays where it is
    start = lead.end()
    tail = _TRAILING_MARKUP.search(text, start, end)
    return start, (tail.start() if tail and tail.start() > start else end)


def _to_blocks(
    text: str, lines: list[tuple[int, int, bool]], kinds: list[str], splits: dict[int, int], wrapped: bool
) -> list[Block]:
    blocks: list[Block] = []
    for i, (start, end, after_blank) in enumerate(lines):
        kind = kinds[i]
        if i in splits and start < splits[i] < end:
            head_end = start + len(text[start : splits[i]].rstrip())
            blocks.append(Block(start, head_end, kind))
            blocks.append(Block(splits[i], end, "credit"))
            continue
        tail = None
        if kind == "body":  # markup at the paragraph's ends is no body; the text itself is never edited
            inner = _markup_ends(text, start, end)
            if inner[0] > start:
                blocks.append(Block(start, inner[0], "boilerplate"))
            if inner[1] < end:
                tail = Block(inner[1], end, "boilerplate")
            start, end = inner
        prev = blocks[-1] if blocks else None
        if (kind == "body" and prev is not None and prev.kind == "boilerplate" and not after_blank
                and text[start : start + 1].islower() and not _SENTENCE_END_RE.search(text[prev.start : prev.end])):
            prev.end = end  # the rest of a note broken over lines ("Editor’s note: Donald Trump regularly / incites")
            continue
        if (
            kind == "body"
            and prev is not None
            and prev.kind == "body"
            and not after_blank
            and kinds[i - 1] == "body"
            and not _SENTENCE_END_RE.search(text[prev.start : prev.end])
            and ((wrapped and lines[i - 1][1] - lines[i - 1][0] >= _WRAP_MIN) or text[start : start + 1].islower())
        ):
            # a hard-wrapped paragraph continues; so does a sentence broken by a stray line break ("an act of
            # terrorism and a hate / crime, reiterated ..."), whose next line goes on in lower case
            prev.end = end
        else:
            blocks.append(Block(start, end, kind))
        if tail is not None:
            blocks.append(tail)
    return blocks
