"""Who a speaker is: pronouns, surnames and roles ("he", "Kirby", "the spokesman") -> one canonical name.

Why own rules: no coreference model installs offline here. News attribution is regular enough for a few rules:
a name in the speaker span takes that entity's canonical name; "he"/"she" is the person who spoke last, or else
the person named last before it (outside quotations); "the spokesman" is the person the text gave that role.
Where the text does not make it determinate, `speaker_canonical` stays None rather than guessing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from storyline.model import Mention, Quote, Span
from storyline.nlp.entities import name_after_title
from storyline.nlp.first_names import gender_of_name

PRONOUNS_PERSON = {"he", "she", "him", "her"}
PRONOUNS_GROUP = {"they", "them"}
_FIRST_SECOND = {"i", "we", "you", "me", "us", "it"}
_RELATIVE = {"who", "which", "that", "whom"}
ROLE_WORDS = {
    "spokesman", "spokeswoman", "spokesperson", "president", "minister", "secretary", "senator", "governor",
    "leader", "dictator", "chairman", "chairwoman", "director", "ambassador", "mayor", "chief", "general",
    "official", "adviser", "advisor", "candidate", "nominee", "executive", "ceo", "premier", "chancellor",
    "commander", "prosecutor", "judge", "lawyer", "attorney", "analyst", "king", "queen", "pope", "founder",
}  # fmt: skip
_WINDOW = 2500  # characters back that a pronoun may reach


def resolve_speakers(quotes: list[Quote], mentions: list[Mention], text: str,
                     headlines: Sequence[tuple[int, int]] = ()) -> None:
    """Fill `speaker_canonical` for each quote of one article, in place (mentions carry canonical names).

    A name only a headline gives (`headlines`: the title's span) is no one a "he" in the body can mean: a title's
    capitals make people of words ("... Pulls Gun On And Handcuffs Guards, Runs Away")."""
    named_in_body = {m.canonical for m in mentions if not any(a <= m.start < b for a, b in headlines)}
    persons = sorted((m for m in mentions if m.label == "PERSON" and (
        m.canonical in named_in_body or not any(a <= m.start < b for a, b in headlines))), key=lambda m: m.start)
    quoted = [(q.content.start, q.content.end) for q in quotes if q.direct]
    gender = _genders(persons, text)
    last_person: tuple[int, str] | None = None  # (offset, canonical) of the last resolved person speaker
    last_as = ""  # the pronoun gender that speaker was last called by ("" when named)
    described: tuple[int, str, str] | None = None  # (offset, description, gender) of the last unnamed one speaker
    for q in sorted(quotes, key=lambda q: (q.cue or q.content).start):
        sp = q.speaker
        if sp is None:
            if q.speaker_canonical is None and q.cue is None and last_person and _ends_line(text, q.content.end):
                # a quotation paragraph continuing the last speaker, or the words of the one a short sentence
                # right before it is about ("Williams agreed. “I said ...”")
                q.speaker_canonical = _lead_in(q.content.start, persons, text) or last_person[1]
                last_person = (q.content.start, q.speaker_canonical)
                last_as = ""
            continue
        name = _named(sp.start, sp.end, mentions, text)
        word = sp.text.strip().lower()
        if word in _RELATIVE:
            name = _antecedent(sp.start, mentions, text) or (_describe(q.speaker_canonical)
                                                             if q.speaker_canonical else None)
        elif name is None and word in PRONOUNS_PERSON:
            wanted = "m" if word in ("he", "him") else "f"
            lead_in = _lead_in(q.content.start, persons, text) if q.direct else None
            if described and described[2] in ("", wanted) and described[0] > (last_person or (-1,))[0] and not any(
                    described[0] < m.start < sp.start for m in persons):
                name = described[1]  # "A Brooklyn woman ... says ... She watched as ...": no one named since
            else:
                # "She says he is unqualified. He says ...": the last speaker, called "she", is not this "he"
                last = last_person if last_as in ("", wanted) else None
                name = lead_in if lead_in and gender.get(lead_in, wanted) == wanted else _pronoun(
                    sp.start, persons, quoted, last, gender, wanted, text)
        elif name is None and word in PRONOUNS_GROUP | _FIRST_SECOND:
            name = None
        elif name is None:
            titled = name_after_title(sp.text, capitalised=False)  # "Team spokesman Tim Mead", the tagger cut "Tim"
            after_cue = q.cue is not None and q.cue.end <= sp.start
            name = (_appositive(sp.end, q.content, mentions, text, after_cue) or _by_role(sp.text, sp.start, persons, text)
                    or _described_again(sp.text, sp.start, persons, quoted, gender, text, last_person)
                    or _surname(sp.text, persons) or (sp.text[titled:].strip() if titled else _describe(sp.text)))
        q.speaker_canonical = name
        if name and any(m.canonical == name for m in persons):
            last_person = (sp.start, name)
            last_as = ("m" if word in ("he", "him") else "f") if word in PRONOUNS_PERSON else ""
        elif name and (one := _ONE_PERSON.match(sp.text.strip())):
            head = one.group(1).lower()
            described = ((q.cue or sp).end, name, "f" if head in _FEMALE_HEADS else "m" if head in _MALE_HEADS else "")


# An unnamed single person as a speaker: "A Brooklyn woman", "a witness", "one neighbour" (a singular head noun).
_ONE_PERSON = re.compile(r"^(?:an?|one)\s+(?:[\w'’-]+\s+){0,3}?(woman|man|girl|boy|witness|neighbou?r|resident|"
                         r"bystander|passer-by|student|teacher|motorist|driver|passenger|shopper|worker|employee|"
                         r"nurse|doctor|relative|friend|mother|father|sister|brother|wife|husband|daughter|son)$",
                         re.I)
_FEMALE_HEADS = {"woman", "girl", "mother", "sister", "wife", "daughter"}
_MALE_HEADS = {"man", "boy", "father", "brother", "husband", "son"}


def _ends_line(text: str, at: int) -> bool:
    """Whether nothing but punctuation follows `at` on its line: a quotation paragraph. A quote followed by its
    own attribution the parser missed ("...resign in disgrace!" the GOP nominee, Donald Trump, tweeted) is not
    the last speaker's."""
    end = text.find("\n", at)
    return not any(ch.isalnum() for ch in text[at : len(text) if end < 0 else end])


def _appositive(end: int, content: Span, mentions: list[Mention], text: str, after_cue: bool = False) -> str | None:
    """"A third US car manufacturer, Ford Motor Company, has said ...": the name set off by commas right after a
    described speaker is who spoke (the parse leaves the apposition out of the speaker's words). Not a name that
    opens what was said: "According to police, Anthony LaSalle, 36, hit ..." After the verb the sentence may end
    with the name: '"...," said Airbus President and Chief Executive Officer, Tom Enders.'"""
    closes = r"\s*(?:\([^)]{1,20}\))?\s*(?:,|[.;]|$)" if after_cue else r"\s*(?:\([^)]{1,20}\))?\s*,"
    for m in mentions:
        if content.start <= m.start < content.end:
            continue
        if m.label in ("PERSON", "ORG") and re.fullmatch(r",\s*", text[end : m.start]) and re.match(
                closes, text[m.end : m.end + 30]):
            return m.canonical or m.text
    return None


def _antecedent(at: int, mentions: list[Mention], text: str) -> str | None:
    """"President Barack Obama, who endorsed...": the name just before a relative pronoun (or before the dash
    that opens an aside: "GOP front-runner Donald Trump - who previously said ...")."""
    before = [m for m in mentions if m.end <= at and not text[m.end : at].strip(" ,\u00a0-–—")]
    if before:
        m = max(before, key=lambda m: m.end)
        return m.canonical or m.text
    return None


def _named(start: int, end: int, mentions: list[Mention], text: str) -> str | None:
    """The canonical name of the entity heading the speaker span: "Kirby", "Sen. Graham (R-SC)"; not
    "a White House official" or "South Korea’s military", where the name only modifies the head."""
    inside = [m for m in mentions if m.start >= start and m.end <= end + 2]
    if not inside:
        return None
    tail = max(inside, key=lambda m: m.end)
    if tail.label == "NORP":
        return None  # "mainstream Republicans": some of a party's people, as written, not the party itself
    rest = re.sub(r"\([^)]*\)", "", text[tail.end : end]).strip(" ,\u00a0")
    joined = re.search(r"\s(?:and|or)\s|&", text[start : tail.start])
    before_and = start + joined.start() if joined else start
    if rest or (joined and any(m.end <= before_and and not text[m.end : before_and].strip(" ,\u00a0") for m in inside)):
        # "Smith and Jones said": both spoke, so neither name alone is the speaker ("the pastor and celebrant
        # Father Francis Cauterrucci" is one person: no name before the "and"; nor is "Philadelphia 76ers
        # President and General Manager Ed Stefanski": the name before the "and" modifies a title)
        return None
    return tail.canonical or tail.text


def _lead_in(start: int, persons: list[Mention], text: str) -> str | None:
    """The person a short sentence right before a quotation opens with ("Williams agreed.", "Ford smiled."): the
    quotation is most likely theirs."""
    before = text[max(0, start - LEAD_IN) : start].rstrip()
    if not before.endswith((".", ":")):
        return None
    sentence_start = max(before.rfind(". ", 0, len(before) - 1), before.rfind("\n", 0, len(before) - 1)) + 1
    if sentence_start == 0 and start > LEAD_IN:
        return None  # the sentence is longer than a lead-in
    at = max(0, start - LEAD_IN) + sentence_start
    at += len(text[at:start]) - len(text[at:start].lstrip())
    return next(((m.canonical or m.text) for m in persons if m.start == at), None)


def _times_named(name: str, text: str, start: int, end: int, quoted: list[tuple[int, int]]) -> int:
    """How often a person's surname stands in `text[start:end]` outside quotations (the tagger misses some)."""
    hits = re.finditer(rf"\b{re.escape(name.split()[-1])}\b", text[start:end])
    return sum(1 for h in hits if not any(s <= start + h.start() < e for s, e in quoted))


def _pronoun(at: int, persons: list[Mention], quoted: list[tuple[int, int]], last_person: tuple[int, str] | None,
             gender: dict[str, str], wanted: str, text: str = "") -> str | None:
    """"He"/"she" is the person who spoke last, else the person named last (outside quotations); never one the
    text shows to be of the other gender ("Mrs. Clinton", "the first lady"): "she said" after Mr. Obama spoke is
    someone else's."""
    # nor a "person" whose name holds a possessive: the tagger's "Bloomington Sam's Club" is a store
    fits = lambda name: (  # noqa: E731
        (not wanted or gender.get(name, wanted) == wanted) and not _POSSESSIVE_INSIDE.search(name))
    before = [m for m in persons if m.end <= at and at - m.end < _WINDOW and fits(m.canonical or m.text)
              and not any(s <= m.start and m.end <= e for s, e in quoted)]
    if last_person and at - last_person[0] < _WINDOW and fits(last_person[1]):
        # unless the text has since turned to someone else, named again and again, and not to the speaker
        # ("Hansbrough, who looked as though he was pressing ... when Hansbrough stole an inbounds pass ... “...,”
        # he said")
        names = {m.canonical or m.text for m in before if m.start > last_person[0]}
        since = {n: _times_named(n, text, last_person[0] + 1, at, quoted) for n in names | {last_person[1]}}
        other = [n for n in names if n != last_person[1] and since[n] >= NAMED_AGAIN]
        return other[0] if len(other) == 1 and since[last_person[1]] == 0 else last_person[1]
    return (before[-1].canonical or before[-1].text) if before else None


# How long (characters) a sentence right before a quotation may be to name its speaker ("Williams agreed.").
LEAD_IN = 60
# How often another person must be named after the last speaker, outside quotations, before "he" means them.
NAMED_AGAIN = 2
_POSSESSIVE_INSIDE = re.compile(r"\w['’]s\s+\w")
_TITLE_BEFORE = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+$")
_FEMALE_ROLES = {"actress", "spokeswoman", "congresswoman", "chairwoman", "businesswoman", "wife", "mother",
                 "daughter", "sister", "queen", "princess", "lady", "widow", "grandmother", "councilwoman"}
_MALE_ROLES = {"actor", "spokesman", "congressman", "chairman", "businessman", "husband", "father", "son", "brother",
               "king", "prince", "widower", "grandfather", "councilman"}


def _genders(persons: list[Mention], text: str) -> dict[str, str]:
    """Each person's gender where the article shows it ("Mr."/"Mrs."/"Ms." before the name, or a role such as
    "spokeswoman"), else where the given name is nearly always one gender's (`first_names`), by canonical name; a
    person the article shows both ways is left out."""
    seen: dict[str, set[str]] = {}
    for m in persons:
        name = m.canonical or m.text
        title = _TITLE_BEFORE.search(text, max(0, m.start - 6), m.start)
        words = set(re.findall(r"[a-z]+", (m.role or "").lower()))
        for g, hit in (("m", (title and title.group(1) == "Mr") or words & _MALE_ROLES),
                       ("f", (title and title.group(1) != "Mr") or words & _FEMALE_ROLES)):
            if hit:
                seen.setdefault(name, set()).add(g)
    shown = {n: next(iter(g)) for n, g in seen.items() if len(g) == 1}
    by_name = {n: g for m in persons if (n := m.canonical or m.text) not in seen and (g := gender_of_name(n))}
    return by_name | shown


def _by_role(text: str, at: int, persons: list[Mention], full: str) -> str | None:
    """"the spokesman" -> the person the article called spokesman (the last one before, else the first after);
    not "the Florida senator" -> a senator the article never places in Florida."""
    words = re.findall(r"[a-z]+", text.lower())
    if not words or words[0] not in ("the", "this", "that") or words[-1] not in ROLE_WORDS:
        return None
    head = words[-1]
    described = re.findall(r"[A-Za-z][\w.-]*", text)
    with_role = [m for m in persons if m.role and head in m.role.lower()
                 and _fits(m.canonical or m.text, described, persons, full, at)]
    if not with_role:
        return None
    names = {m.canonical for m in with_role}
    if len(names) == 1:
        return with_role[0].canonical
    before = [m for m in with_role if m.start < at]
    return (before[-1].canonical if before else None)


# Descriptions news writers use for someone they have just named ("Sanders said ... The senator said ...", "The
# presidential candidate reiterated"). Not "the official" or "the spokesman": those mostly stay unnamed sources.
_NAMED_ONE_HEADS = {
    "candidate", "nominee", "senator", "governor", "secretary", "president", "congressman", "congresswoman",
    "representative", "mayor", "businessman", "businesswoman", "mogul", "billionaire", "republican", "democrat",
    "front-runner", "frontrunner", "chairman", "chairwoman", "minister", "ambassador", "premier", "chancellor",
    "founder", "actor", "actress", "singer", "star", "lawmaker", "commissioner", "coach",
}  # fmt: skip
# "the other candidate", "the first Democrat", "the only world leader": someone not yet the topic.
_NOT_THE_ONE = {"other", "another", "second", "third", "first", "only", "both", "two", "each", "every", "new"}


def _described_again(text: str, at: int, persons: list[Mention], quoted: list[tuple[int, int]],
                     gender: dict[str, str], full: str, last_person: tuple[int, str] | None = None) -> str | None:
    """"The senator said" right after a sentence about Sanders: the person that sentence opens with, of the
    description's gender where it has one ("businesswoman"), and only when nothing the article says of that person
    contradicts the description (`_fits`): "the Democratic candidate" is not the one it calls a Republican, "the
    Florida senator" not one it never places in Florida, "the businessman" not someone it calls a governor."""
    words = re.findall(r"[A-Za-z][\w.-]*", text)
    lower = [w.lower() for w in words]
    if len(words) < 2 or lower[0] not in ("the", "this") or lower[-1] not in _NAMED_ONE_HEADS:
        return None
    if _NOT_THE_ONE & set(lower) or len(words) > 6:
        return None
    head = lower[-1]
    if head == "president":
        return None  # "the president" is most often the sitting one, whoever spoke last
    before = [m for m in persons if m.end <= at and at - m.end < _WINDOW]
    named = [m for m in before if re.fullmatch(r",\s*", full[m.end : at])]
    if named:
        return named[-1].canonical or named[-1].text  # "Mitt Romney, the party's 2012 presidential nominee, ..."
    holders = {m.canonical or m.text for m in before if _title_office(m, full) == head}
    holders = {n for n in holders if _fits(n, words, before, full, at)}
    if len(holders) == 1:
        return holders.pop()  # "Sen. Ted Cruz" is the senator, whoever spoke last
    name = _sentence_subject(at, persons, quoted, full)
    wanted = "f" if head in _FEMALE_ROLES else "m" if head in _MALE_ROLES else ""
    if name and (not wanted or gender.get(name, wanted) == wanted) and _fits(name, words, before, full, at) and (
            (last_person and last_person[1] == name) or _times_named(name, full, 0, len(full), quoted) >= 2):
        return name  # the last speaker, or someone the article names more than once, not a donor listed in passing
    return None


_BOUNDARY = re.compile(r"(?<!\b[A-Z])(?<!\bMr)(?<!\bMs|\bDr|\bSt|\bJr|\bSr|\bLt)(?<!\bMrs|\bSen|\bRep|\bGov|\bGen|\bCol)"
                       r"[.!?][\"”’']?\s+|\n+")


def _sentence_subject(at: int, persons: list[Mention], quoted: list[tuple[int, int]], full: str) -> str | None:
    """The person the sentence before `at` opens with, outside quotations and not as a possessive ("Hillary Clinton
    has a word for Donald Trump's plan ... The Democratic presidential candidate blasted ..." is Clinton): whom a
    writer then calls by a description."""
    window = max(0, at - 1500)
    ends = [window] + [b.end() for b in _BOUNDARY.finditer(full, window, at)]  # (positions are absolute)
    if len(ends) < 2:
        return None
    start, end = ends[-2], ends[-1]
    if any(end <= m.start < at for m in persons):
        return None  # "Corey Lewandowski, Trump's campaign manager, said that the candidate ...": someone else
    for m in persons:
        if start <= m.start < end and _words_outside(start, m.start, quoted, full) < _SUBJECT_WORDS and not any(
                s <= m.start < e for s, e in quoted) and not re.match(r"['’]s?\b", full[m.end : m.end + 2]):
            return m.canonical or m.text
    return None


def _words_outside(start: int, end: int, quoted: list[tuple[int, int]], full: str) -> int:
    """Words in `full[start:end]` outside quotations: '“I wonder how they enjoy that,” McCain said.' opens with
    McCain, the one it is about."""
    chars = list(full[start:end])
    for s, e in quoted:
        for i in range(max(s, start), min(e, end)):
            chars[i - start] = " "
    return sum(1 for w in "".join(chars).split() if any(c.isalnum() for c in w))


# How far into a sentence (words) the person it is about may be named: "As far as whether Sanders ...", but not
# "ROME - Bernie Sanders met privately with Pope Francis" (Francis is an object there).
_SUBJECT_WORDS = 6


_PARTY_WORDS = {"republican": "R", "gop": "R", "democratic": "D", "democrat": "D"}
_PARTY_NEAR = re.compile(r"\b(Republican|GOP|Democratic|Democrat)s?\b|\((R|D)-")
_STAFF = {"manager", "spokesman", "spokeswoman", "spokesperson", "aide", "adviser", "advisor", "strategist",
          "analyst", "host", "anchor", "correspondent", "reporter", "pollster", "director", "chairman",
          "chairwoman", "press", "staff", "consultant", "surrogate"}
_OFFICE_OF_TITLE = {"sen": "senator", "senator": "senator", "gov": "governor", "governor": "governor",
                    "rep": "congressman", "representative": "congressman", "mayor": "mayor", "secretary": "secretary"}


def _fits(name: str, words: list[str], mentions: list[Mention], full: str, at: int) -> bool:
    """Nothing the article says near `name` contradicts the description `words` at `at` (its party, its place
    words, its occupation); see `_described_again`. The description itself is not part of what is said near."""
    mine = [m for m in mentions if (m.canonical or m.text) == name]
    if not mine:
        return False
    near = " ".join(full[max(0, m.start - 60) : m.end + 40] if m.start > at else full[max(0, m.start - 60) : min(
        m.end + 40, at)] for m in mine)
    lower = [w.lower() for w in words]
    party = {_PARTY_WORDS[w] for w in lower if w in _PARTY_WORDS}
    shown = {("R" if (g.group(1) or g.group(2)).upper() in ("REPUBLICAN", "GOP", "R") else "D")
             for g in _PARTY_NEAR.finditer(near)}
    if party and shown and not party & shown:
        return False
    places = [w for w in words[1:-1] if w[0].isupper() and w.lower() not in _PARTY_WORDS and w not in ("U.S.", "US")]
    if any(not re.search(rf"\b{re.escape(w)}\b", near) for w in places):
        return False
    roles = set()
    for m in mine:
        roles |= set(re.findall(r"[a-z]+", (m.role or "").lower()))
        if office := _title_office(m, full):
            roles.add(office)
    head = lower[-1]
    if head in _CANDIDACY:
        return not roles & _STAFF
    return not roles or bool(roles & ({head} | _SAME_JOB.get(head, set())))


def _title_office(m: Mention, full: str) -> str | None:
    """The office a title right before a name gives ("Sen." -> senator), if any."""
    t = re.search(r"\b([A-Z][a-z]+)\.?\s+$", full[max(0, m.start - 16) : m.start])
    return _OFFICE_OF_TITLE.get(t.group(1).lower()) if t else None


_CANDIDACY = {"candidate", "nominee", "front-runner", "frontrunner", "republican", "democrat"}
_SAME_JOB = {"businessman": {"mogul", "billionaire", "developer", "tycoon"}, "mogul": {"businessman", "billionaire"},
             "billionaire": {"businessman", "mogul"}, "congressman": {"representative", "rep"},
             "actor": {"actress", "star"}, "actress": {"actor", "star"}, "star": {"actor", "actress", "singer"},
             "lawmaker": {"senator", "congressman", "congresswoman", "representative"}}


def _surname(text: str, persons: list[Mention]) -> str | None:
    """"Pennings said" where the tagger found no name: the one person of the article whose name ends in that word
    ("CHP Officer Brian Pennings" two paragraphs before)."""
    word = text.strip(" ,\u00a0")
    if not re.fullmatch(r"[A-Z][a-z'’-]+", word):
        return None
    names = {m.canonical or m.text for m in persons if (m.canonical or m.text).split()[-1] == word}
    return names.pop() if len(names) == 1 else None


def _describe(text: str) -> str:
    """An unnamed source as the text describes it: "a US official" (determiner and possessive kept off)."""
    t = re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip(" ,")
    return re.sub(r"^(?:the|The)\s+", "", t)
