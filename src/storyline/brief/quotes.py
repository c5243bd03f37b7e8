"""Who said what: the story's attributions grouped by speaker, one entry per statement across outlets.

The same quote carried by two outlets (or a wire copy) is one entry citing both, and so is one statement two
outlets paraphrase in their own words when the aligner put both in one fact; a pronoun speaker that the language
stage could not resolve stays unnamed rather than being guessed.
"""

from __future__ import annotations

import re
from collections import defaultdict

from storyline.brief.claims import DATELINE, PAST_FORMS, add_source, set_aside_spans
from storyline.brief.text import content_stems, is_boilerplate
from storyline.model import Analysis, Article, Fact, QuoteGroup, SourceSpan
from storyline.nlp.coref import ROLE_WORDS
from storyline.nlp.entities import TITLES
from storyline.nlp.quotes import SPEECH, SPEECH_NOUNS, LIGHT_VERBS

SAME_QUOTE = 0.5  # stem overlap (Jaccard) at which two attributions of one speaker are the same statement
_REFUSALS = ("declin", "refus")  # cues whose content is what the speaker would not say
_WHEN = {"after", "before", "since", "until", "once", "while"}  # what opens a "when", not a statement
_QUESTIONS = ("ask", "wonder", "inquir", "question")  # cues whose content is a question, not a statement
# Cues whose content is someone and what they are to do: "had expected | the 76ers to be a contender".
_OBJECT_TO = ("expect", "want", "urg", "order", "encourag", "advis", "invit", "persuad", "warn", "told", "tell", "ask")
_OBJECT_INFINITIVE = re.compile(r"^(?:[\w'’.-]+\s+){1,6}to\s+[a-z]")
_DENIALS = ("deni", "deny", "disput", "reject", "rebut", "refut", "dismiss")  # cues whose content is what the speaker denies
_NEGATIONS = {"not", "n't", "never"}
_AUXILIARIES = {"did", "does", "do", "would", "could", "will", "has", "have", "had", "was", "is", "can", "may"}  # "did not confirm that ...": the content is what the speaker did not say
# Words that stand for a speaker without naming one: pronouns, quantifiers ("Some said", "One said"), a bare "The"
# left by a typo ("The also said"), and "Word" of "Word comes from People magazine that...".
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "who", "his", "her", "their", "some", "one", "others",
             "none", "nobody", "neither", "those", "these", "this", "that", "someone", "somebody", "anyone",
             "anybody", "everyone", "everybody", "either", "any",
             "many", "few", "all", "both", "each", "another", "several", "most", "the", "a", "an", "word"}
# The interviewer of a transcript ("Q: You open your book on May 17, 2001 ..."): questions, asked by nobody named.
_ASKER = {"q", "question", "interviewer"}
# Sources a story names in lower case that are still a speaker ("in 2009, police said", "local officials said"):
# written at the start of a sentence they are capitalised, and one source is one speaker however it is written.
_COLLECTIVE = re.compile(
    r"^(?:(?:local|state|federal|senior|top|military|government|city|county|security|health|school|court|fire|"
    r"rescue|emergency|hospital|election|police)\s+){0,2}(?:police|authorities|officials|witnesses|researchers|"
    r"investigators|experts|analysts|sources|prosecutors|officers|residents|doctors|scientists|observers|critics|"
    r"firefighters|paramedics|rescuers|lawmakers|regulators|economists|organi[sz]ers)$")
# "Twelve hours later, it remained unclear...": a span of time, not a speaker.
_TIME_SPAN = re.compile(r"^(?:\S+\s+)?(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)"
                        r"(?:\s+(?:later|ago|earlier))?$", re.I)
_IRREGULAR = {"said", "told", "thought", "felt", "knew", "known", "found", "wrote", "written", "understood", "made",
              "gave", "given", "shown", "held", "sought"}  # fmt: skip


def _forms(lemma: str) -> set[str]:
    """The inflected forms of a regular verb or noun ("deny": denies, denied, denying; "slam": slammed)."""
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    out = {lemma, lemma + "s", lemma + "es", stem + "ed", stem + "ing", lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    if lemma.endswith("y"):
        out |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    return out


# What a paraphrase's cue must hold for "who said what" to list it: a verb of saying or thinking ("did not
# confirm"), a light verb before a speech noun ("made the case that"), "according to", or a transcript's colon
# ("TAPPER: ..."). The language stage keeps attributions the way PolNeAR annotates them, which includes acts done to
# something ("the Treasury slapped sanctions on X" scored 0.46 by the cue model): true of the story, but not
# something anyone said.
_SAYING = set().union(*(_forms(w) for w in SPEECH | SPEECH_NOUNS | LIGHT_VERBS)) | _IRREGULAR | {"according", ":"}


# Cues that say something only with a clause after them: "found that the bridge was unsafe" is a finding, "found
# itself playing host to the candidates" an act; "talked about her husband" names a topic; "made their case to the
# delegation" and "offering an apology" say nothing quotable on their own; "attacked the merchant ship" and
# "slammed the door" are acts, "attacked Obama's record" at most a stance.
_CLAUSE_ONLY = set().union(*(_forms(w) for w in (
    "find", "know", "learn", "feel", "consider", "contemplate", "expect", "hope", "fear", "prefer", "continue",
    "focus", "appear", "seem", "talk", "discuss", "mention", "address", "refer", "show", "signal", "explain",
    "pledge", "want", "attack", "criticize", "slam", "blast", "rip", "knock", "respond", "request", "claim", "add",
    "charge",
    *LIGHT_VERBS))) | {
    "found", "knew", "known", "felt", "made", "gave", "given", "held", "shown"}  # fmt: skip
# An infinitive after one of these cues is what the speaker promised or asked for ("pledged to take the fight to the
# convention"); after the others it is no statement ("appear to have been conducted", "continued to campaign").
_INTENT = set().union(*(_forms(w) for w in (
    "pledge", "vow", "promise", "threaten", "want", "urge", "ask", "call", "demand", "agree", "offer", "propose")))
_CLAUSE_START = {"that", "if", "whether", "how", "why", "what", "when", "where", "who", "which"}
_INDEFINITE = {"nothing", "something", "anything", "everything", "few"}
_PREPOSITIONS = {"for", "about", "on", "of", "with", "against"}
# Prepositions that open a phrase of time or place, never what someone said.
_SETTING = {"during", "in", "after", "before", "since", "at", "under", "despite", "amid", "throughout", "within",
            "until", "from", "through", "across", "among", "between", "over", "following"}
_INDIRECT_QUESTION = re.compile(r"(?:which|whether|how|why|where|what)\b", re.I)
_ASIDE_RELATIVE = re.compile(r",\s*(?:who|whom|whose|which)\b[^,]*")
# "Comey, a Republican appointed as deputy attorney general": a name's appositive, whose participle is no verb of
# the content
_APPOSITIVE = re.compile(r"^([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*),\s+(?:a|an|the)\s+[^,]*(?:,|$)")
_FINITE = {"is", "are", "was", "were", "will", "would", "can", "could", "should", "may", "might", "must", "has",
           "have", "had", "does", "did", "won't", "can't", "isn't", "wasn't", "be"}  # fmt: skip


def _is_statement(q, content: str) -> bool:  # type: ignore[no-untyped-def]
    """Whether an attribution reports something said: a quotation, or a paraphrase whose cue says so (_SAYING).
    A refusal says something only about speech ("declined to detail", not "refused to bow out"), and a cue that can
    name an act or a topic only with a clause after it (_CLAUSE_ONLY)."""
    if q.direct or q.cue is None:
        return True
    cue = [w.lower() for w in q.cue.text.split() if w.lower() not in _NEGATIONS]
    if not any(w in _SAYING for w in cue):
        return False
    words = content.lower().replace(",", " ").split()
    refusal = any(w.startswith(_REFUSALS) for w in cue)
    if refusal and words[:1] == ["to"]:
        return len(words) > 1 and words[1] in _SAYING  # "declined to detail", not "declined to be interviewed"
    if words[:4] == ["not", "to", "be", "named"] or words[:4] == ["not", "to", "be", "identified"]:
        return False  # "a spokeswoman who asked not to be named": how she spoke, not what she said
    if words[1:2] == ["way"] and words[0] in ("his", "her", "their", "its", "our", "my", "your"):
        return False  # "Hiller made her way to the mixing room": where she went
    clause = _is_clause(content) or bool(_NOUN_THAT.match(content))  # "made the case that ..." says something
    if not clause and words[:1] and words[0] in _SETTING:
        return False  # "During his years in office, Mr. Obama said, ...": the setting of the words, not the words
    if words[:1] == ["to"]:
        clause = any(w in _INTENT for w in cue)
    return clause or not (refusal or any(w in _CLAUSE_ONLY for w in cue))


# A quotation in two parts with its attribution between them: "...the DPRK," Yellen said at the time. "We remain
# committed..." is shown as one quotation, the attribution (already the entry's speaker) cut to an ellipsis.
_INNER_ATTRIBUTION = re.compile(
    r"([,.!?])\s?(?:[\"”]|''|``)\s+[^\"“”`]{0,100}?\b(?:said|says|say|stated|added|adds|noted|notes|continued|wrote|writes|"
    r"tweeted|tweets|posted|"
    r"explained|recalled|insisted|told [^\"“”`.,]{1,30})\b[^\"“”`]{0,200}?[.,:]\s+(?:[\"“]|``|'')")


_BE_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being)(?:\s+(?:widely|also|still|now|generally|"
                        r"long|often|not))?\s*$", re.I)


def _passive(text: str, q) -> bool:  # type: ignore[no-untyped-def]
    """"He is believed to have read the transcripts", "the senator is said to have told aides", "Dubbed the
    Oddfather for his behaviour, Gigante...": a passive cue says what unnamed others believe or say about the
    subject, who said nothing."""
    if q.cue is None:
        return False
    before = text[max(0, q.cue.start - 30) : q.cue.start]
    # "Dubbed ...", "When asked about the crisis, Ted Cruz said": he was asked; what he said comes after
    opens = re.search(r"(?:^|[.!?\n][\"”’']?)\s*(?:(?:When|If|Once|After|Before|Unless|Until|While|As|Though|Although)"
                      r"\s+)?$", before) is not None
    opening_participle = (q.cue.text.lower().endswith(("ed", "en")) and opens
                          and (q.cue.text[:1].isupper() or re.search(r"[A-Z]\w*\s+$", before) is not None)
                          and q.speaker is not None and q.speaker.start >= q.content.end)
    return opening_participle or bool(_BE_BEFORE.search(before))


_NOUN_THAT = re.compile(r"^(?:the|a|an|his|her|its|their|our)\s+(?:\w+\s+)?(?:case|claim|argument|point|assertion|"
                        r"allegation|accusation|charge|warning|promise|pledge|suggestion|notion|idea|view|belief|"
                        r"impression|assurance|statement|prediction)\s+that\b"
                        r"|^it\s+(?:clear|known|plain|obvious|explicit)\b", re.I)  # "made | it clear that ..."
_SUBJECT_PRONOUN = re.compile(r"^(?:he|she|they|we|i|you|there)(?:['’](?:ll|s|re|ve|d|m))?$")
# Whom a speaker told, left at the start of a paraphrase by the parse: "told | police LaCalamita loaded a shell".
_ADDRESSEE = re.compile(r"^(?:the\s+)?(?:police|reporters|investigators|officers|detectives|authorities|court|jury|judge|"
                        r"journalists|newspaper|paper|station|audience|crowd|lawmakers)\s+"
                        r"(?=[A-Z]|(?:he|she|they|it|we|i|there|the|a|an|his|her|their)\b)")
_REPORTED = re.compile(r"^[\"“”'‘’`\s]*that\s+[a-z]")
_OPENS = re.compile(r"[\"“]|``")
_CUT_OFF = re.compile(r"\b(?:and|but|or|to|of|that|the|a|an)[\"”’']?$", re.I)


_DETERMINERS = {"a", "an", "the", "its", "his", "her", "their", "our", "my", "your", "this", "that", "these", "those"}


# What a negated auxiliary leaves once its "n't" is cut, where that is no word of _FINITE ("ca", "wo", "do"); the
# bare "do" stays out of _FINITE itself ("we do our best" is a verb, but "to do" is no finite one).
_NEGATED = {"ca": "can", "wo": "will", "sha": "shall", "ai": "is", "do": "does"}


def _is_clause(content: str) -> bool:
    """A clause: a complementizer first, or a verb ("can", "was", "to be", "garnered", "fell") after the first word."""
    # a relative clause set off by a comma is not the content's own verb ("a package, which includes ...")
    written = _APPOSITIVE.sub(r"\1 ", _ASIDE_RELATIVE.sub("", content)).replace(",", " ").split()
    # a quoted verb is a verb ('his presence "is going to help"'), and so is a negated one ("doesn't", "don’t")
    words = [re.sub(r"n['’]t$", "", w.lower().strip("\"“”‘`")) or w.lower() for w in written]
    words = [_NEGATED.get(w, w) for w in words]
    if words and _SUBJECT_PRONOUN.match(words[0]):
        return True  # "he'll fight all the way to the convention", "she intends to win"
    if _NOUN_THAT.match(content):
        return False  # "the case that ...", "a claim that ...": a noun with its clause, the object of "made"
    if words and words[0] == "to":
        return False  # "told workers | to stay in their offices": an infinitive reads only with its verb
    # "proposed | eliminating the tax ...", "proposed | nothing that would ...", "asked | for ...": objects
    if words and (words[0] in _INDEFINITE | _PREPOSITIONS or (
            words[0].endswith("ing") and len(words[0]) > 4 and not _FINITE.intersection(words[1:]))):
        return False  # ("attacking the ports would not work" has a verb of its own: a clause)
    # "so-called" is no verb, nor a participle before "by" ("an event held by the committee"), nor a name's word
    # ("the Retired American Warriors")
    verb = [w for k, w in enumerate(words[1:], 1) if (w in _FINITE or w in PAST_FORMS or (
            w.endswith("ed") and len(w) >= 4 and "-" not in w and written[k][:1].islower()))
            and words[k + 1 : k + 2] != ["by"] and words[k - 1] not in _DETERMINERS]  # "an added cost": an adjective
    return bool(words) and (words[0] in _CLAUSE_START or bool(verb))


def _denies(q) -> bool:  # type: ignore[no-untyped-def]
    """Whether the cue refuses or negates what follows ("declined to detail", "did not confirm")."""
    words = q.cue.text.lower().split()
    return q.cue.text.lower().startswith(_REFUSALS) or any(w in _NEGATIONS or w.startswith(_DENIALS) for w in words)


def _frame(text: str, q) -> str | None:  # type: ignore[no-untyped-def]
    """The words from the speaker to the content ("did not confirm"), or the cue alone when an aside sits between
    them ("Kirby, who joined in 2020, declined"); None when they are a possessive's ("Trump’s proposal")."""
    start = q.speaker.end if q.speaker and q.speaker.end <= q.cue.start else q.cue.start
    # "General Motors (GM) announced": the bracketed short name is the speaker's, not part of what was said
    words = re.sub(r"^\s*\([^()]*\)", "", text[start : q.content.start]).replace(",", " ").split()
    # an aside ("Wagoner, GM's chief executive, described"), or the rest of the speaker's name ("Sen. Bernie Sanders
    # | of Vermont called on"): the cue with its auxiliaries only
    between = text[start : q.cue.start]
    if len(words) > 4 or "," in between or re.match(r"\s*(?:of|from|in|at|for|with)\b", between):
        before = text[: q.cue.start].split()[-1:]
        words = [w for w in before if w.lower() in _AUXILIARIES] + text[q.cue.start : q.content.start].split()
    if words and re.fullmatch(r"[’']s", words[0]):
        # "he’s predicted", "Rubio’s also praising": "has" before a participle, "is" before an -ing form; before a
        # noun it is a possessive ("Trump’s | controversial proposal to ban ..."), and no statement
        rest = next((w.lower() for w in words[1:] if w.lower() not in ("also", "not", "now", "still", "already")), "")
        if rest.endswith("ing"):
            words[0] = "is"
        elif rest.endswith(("ed", "en")) or rest in PAST_FORMS:
            words[0] = "has"
        else:
            return None
    return " ".join(words)


# "a Defence Ministry statement", "the ministry's release": the organisation that issued it is the speaker.
_DOCUMENT = re.compile(r"(?:'s)?\s+(?:statement|release|press\s+release|announcement|communiqu[eé])$"
                       r"|^(?:statement|release|press\s+release|announcement|communiqu[eé])\s+(?:from|by)\s+(?:the\s+)?",
                       re.I)
_SPOKES = re.compile(r"\bspokes(?:man|woman|person)\b", re.I)
# "that" opening a paraphrase is the complementizer of "said that ...", unless a verb follows ("that was wrong").
# ("that, thanks to his survey method, he was ...": a comma after it opens an aside, and "that" is still one)
_COMPLEMENTIZER = re.compile(r"^that\s*,\s+|^that\s+(?!(?:" + "|".join(sorted(_FINITE)) + r")\b)(?=[\w\"“`])", re.I)


# "My staff cautioned me", "Our sources say": someone of the quoted person or the writer, whom the reader cannot place
# ("Our Principles PAC" is a name); and "No Republicans", "Neither Republicans nor Democrats": nobody said it.
_NAMES_NOBODY = re.compile(r"(?:[Mm]y|[Oo]ur|[Yy]our)\s+[a-z]|(?:[Nn]o|[Nn]either|[Nn]one\s+of)\s")


# A share of the people asked ("About four in 10 voters", "A slim majority", "Some 56 percent"): a poll's finding,
# which the facts give; nobody in "who said what".
_SHARE = re.compile(r"(?:[Aa]bout|[Ss]ome|[Oo]nly|[Nn]early|[Aa]lmost|[Rr]oughly|[Jj]ust|[Mm]ore\s+than|[Ff]ewer\s+than|"
                    r"[Ll]ess\s+than|[Aa]\s+mere|[Aa]n?|[Tt]he)?\s*(?:(?:\d+|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|"
                    r"[Ss]even|[Ee]ight|[Nn]ine)[- ]in[- ]\w+\b|\d+(?:\.\d+)?\s*(?:percent\b|%)|"
                    r"(?:[a-z]+\s+)?(?:[Mm]ajority|[Mm]inority|[Pp]lurality|[Nn]umber|[Tt]hird|[Qq]uarter|[Hh]alf)"
                    r"(?:\s+(?:of|the)\b|$)|[Tt]wo-thirds\b|[Tt]hree-quarters\b)")


def _speaker(q) -> str | None:  # type: ignore[no-untyped-def]
    """Who is quoted: the resolved name, or the speaker as written when it names someone ("South Korea's
    military"); a bare pronoun or a common noun phrase ("those discussions") names nobody. A leading "a"/"an",
    a trailing "statement" and an apposition are not part of the name ("a Defence Ministry statement" is the
    Defence Ministry, "Laurence Mark, producer of the telecast" is Laurence Mark)."""
    text = " ".join((q.speaker_canonical or (q.speaker.text if q.speaker else "")).replace("\u00ad", "").split())
    text = re.sub(r"\s*(?:``|''|[\"“”])\s*", " ", text).strip()  # 'quotes a "Senate aide"': the writer's marks
    text = re.sub(r", \d{1,3}$", "", text)  # "Quina Jones, 25": her age
    if q.speaker and q.speaker.text.lower().endswith(" " + text.lower() + "s"):
        text += "s"  # "The Indians say": the people, not the nationality their name resolves to
    collective = _COLLECTIVE.match(re.sub(r"^the\s+", "", text))
    if collective:
        text = collective.group(0)  # "the authorities": the authorities
    if text and text.lower() not in _PRONOUNS and (collective or any(ch.isupper() for ch in text)) \
            and not _TIME_SPAN.match(text) and not _NAMES_NOBODY.match(text) and text.lower().rstrip(".") not in _ASKER:
        # "Laurence Mark, producer of the telecast": the name, not its apposition ("1, 300 scientists" is a number)
        head = re.split(r"(?<!\d), (?!\d)|(?<=\d), (?=\D)", text)[0]
        text = head if any(ch.isupper() for ch in head) else text
        named = _DOCUMENT.sub("", re.sub(r"^an?\s+(?=\w)", "", text, flags=re.I))
        # "a Defence Ministry statement" names the ministry; "A representative" stays a description, not a title
        text = named if named != text and any(ch.isupper() for ch in named) else text
        return text[:1].upper() + text[1:]
    return None


def _as_cast(who: str, cast: dict[str, str]) -> str:
    """The speaker as the cast names them: "Zadan" is "Craig Zadan"; and two speakers together by the names each
    goes by ("Producers Craig Zadan and Neil Meron" and "Zadan and Meron" are one pair)."""
    if who in cast or not re.search(r"\s(?:and|&)\s", who):
        return cast.get(who, who)
    names = set(cast.values())
    parts = []
    for part in re.split(r"\s+(?:and|&)\s+", who):
        words = part.split()
        tails = (" ".join(words[k:]) for k in range(len(words)))
        parts.append(next((cast.get(t, t) for t in tails if t in cast or t in names), None))
    return " and ".join(parts) if all(parts) else who  # type: ignore[arg-type]


def _speaker_key(who: str | None) -> str:
    """Two speakers written "A navy spokesman" and "Navy spokesperson" (or "the navy") are one, and so are an
    outlet and its web address ("TMZ" / "TMZ.com"), a name with and without a nickname in brackets, and one kind of
    unnamed source in the singular and the plural ("Police sources" / "A police source"); and a pair in either order
    ("Donald Trump and Paul Ryan" / "Paul Ryan and Donald Trump")."""
    key = re.sub(r"^(?:the|an?)\s+", "", _SPOKES.sub("spokesperson", (who or "").lower().replace("’", "'")))
    key = re.sub(r"\s*\([^)]*\)\s*", " ", key).strip()  # "Kimani (Kiki) Gray" / "Kimani Gray"
    if _is_description(who):  # "Police sources" / "a police source": one kind of source
        key = _singular_head(key)
    key = re.sub(r"s's\b", "s'", key)  # "Sanders's campaign manager" / "Sanders' campaign manager"
    key = re.sub(r"\s?\.\s?(?:com|co\.uk|org|net)$", "", key)
    return " and ".join(sorted(key.split(" and "))) if " and " in key and not _is_description(who) else key


def _singular_head(words: str) -> str:
    """The last word in the singular: "police sources" -> "police source", "witnesses" -> "witness",
    "authorities" -> "authority" ("police", "bus" stay)."""
    head, _, _ = words.rpartition(" ")
    last = words.split(" ")[-1]
    if len(last) <= 3 or not last.endswith("s") or last.endswith(("ss", "us", "is")):
        return words
    if last.endswith("ies"):
        last = last[:-3] + "y"
    elif last.endswith(("sses", "xes", "zes", "ches", "shes")):
        last = last[:-2]
    else:
        last = last[:-1]
    return f"{head} {last}".strip()


def _closed(text: str) -> str:
    """The paraphrase with the quotation it opens closed: its content ends at the last word, and the closing mark
    after the full stop ('entities "working to facilitate arms deals."') falls outside it."""
    if (text.count('"') + text.count("“") + text.count("”")) % 2:  # outlets mix straight and curly marks
        return text + ("”" if "“" in text or "”" in text else '"')
    if text.count("``") > text.count("''"):
        return text + " ''"
    return text


def _is_description(who: str | None) -> bool:
    """A speaker written as a description ("Her spokesman", "Authorities", "a senior officer"), not a name: no
    capital past its first word."""
    return who is not None and not any(w[:1].isupper() for w in who.split()[1:])


_GENERIC_SOURCE = re.compile(
    r"(?i)^(?:(?:an?|the|her|his|its|their|local|other|some|several|two|three|senior|top|state|federal)\s+\S"
    r"|(?:police|authorities|officials|witnesses|researchers|investigators|experts|analysts|sources|prosecutors|"
    r"officers|residents|doctors|scientists|observers|critics)$)")


def _named_where_quoted_alike(groups: list[QuoteGroup], stems: list[set[str]], outlet: dict[str, str]
                              ) -> list[QuoteGroup]:
    """A quotation one outlet gives to a description ("her spokesman") and another, in the same words, to a name
    ("Bill McAllister") is the named speaker's: the entry is merged into the name's. Two outlets' descriptions of
    one source saying the same ("Local police", "Local law enforcement") are one entry, the first's."""
    dropped = set()
    for i, g in enumerate(groups):
        # a paraphrase moves only from a plain description ("Police", "Her spokesman", "Local police"), not from an
        # organisation written in lower case ("Indian navy"): two bodies may well say the same
        plain = g.direct or (g.speaker is not None and _GENERIC_SOURCE.match(g.speaker))
        if not (g.speaker is None or _is_description(g.speaker)) or not plain:
            continue
        for j, h in enumerate(groups):
            if h.speaker is None or j == i or j in dropped or h.direct != g.direct:
                continue
            # into a name; or, another outlet's, into the description listed first
            into = not _is_description(h.speaker) or (j < i and set(h.articles).isdisjoint(g.articles))
            if into and _same_words(g.text, h.text, stems[i], stems[j]):
                for a in g.articles:
                    add_source(h, a, outlet[a])
                h.hedged = h.hedged or g.hedged
                dropped.add(i)
                break
    return [g for i, g in enumerate(groups) if i not in dropped]


def _same_words(a: str, b: str, sa: set[str], sb: set[str]) -> bool:
    """Whether two statements are one in the same words: one holds the other, or their content words mostly meet."""
    inter = len(sa & sb)
    return a.lower() in b.lower() or b.lower() in a.lower() or bool(inter and inter / len(sa | sb) >= SAME_QUOTE)


_ROLE_HEADS = ROLE_WORDS | TITLES | {"pastor", "priest", "rabbi", "imam", "coach", "manager", "owner", "publicist",
                                    "representative", "rep", "agent", "head", "boss", "captain", "inspector"}


# Abbreviated titles as a role is written in full ("Florida Sen. Marco Rubio" is "the Florida senator").
_TITLE_IN_FULL = {"sen": "senator", "rep": "representative", "gov": "governor", "gen": "general", "lt": "lieutenant",
                  "sgt": "sergeant", "det": "detective", "supt": "superintendent", "insp": "inspector", "capt": "captain",
                  "col": "colonel", "maj": "major", "cmdr": "commander", "adm": "admiral", "pres": "president",
                  "atty": "attorney", "const": "constable"}
# "Sen. Marco Rubio of Florida": the place after the name qualifies the role ("the Florida senator").
_OF_PLACE = re.compile(r"\s+of\s+([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?)")
# "Sen. Marco Rubio (R-Fla.)": a US lawmaker's party and state, the state as the AP abbreviates it.
_PARTY_STATE = re.compile(r"\s*\((?:R|D|I)-([A-Z][A-Za-z. ]{1,14})\)")
_AP_STATES = {
    "Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Calif.": "California", "Colo.": "Colorado",
    "Conn.": "Connecticut", "Del.": "Delaware", "Fla.": "Florida", "Ga.": "Georgia", "Ill.": "Illinois",
    "Ind.": "Indiana", "Kan.": "Kansas", "Ky.": "Kentucky", "La.": "Louisiana", "Md.": "Maryland",
    "Mass.": "Massachusetts", "Mich.": "Michigan", "Minn.": "Minnesota", "Miss.": "Mississippi", "Mo.": "Missouri",
    "Mont.": "Montana", "Neb.": "Nebraska", "Nev.": "Nevada", "N.H.": "New Hampshire", "N.J.": "New Jersey",
    "N.M.": "New Mexico", "N.Y.": "New York", "N.C.": "North Carolina", "N.D.": "North Dakota", "Okla.": "Oklahoma",
    "Ore.": "Oregon", "Pa.": "Pennsylvania", "R.I.": "Rhode Island", "S.C.": "South Carolina",
    "S.D.": "South Dakota", "Tenn.": "Tennessee", "Vt.": "Vermont", "Va.": "Virginia", "Wash.": "Washington",
    "W.Va.": "West Virginia", "Wis.": "Wisconsin", "Wyo.": "Wyoming"}


def _person_in_role(articles: list[Article], analyses: list[Analysis]) -> dict[str, str]:
    """Speaker key of a role ("north korean leader", "defense minister", "florida senator") -> the one person the
    story gives that role; roles two people share ("president" in a story of two presidents) name nobody."""
    people: dict[str, set[str]] = defaultdict(set)
    for art, an in zip(articles, analyses):
        places = {m.text for m in an.entities if m.label in ("GPE", "LOC")}
        for m in an.entities:
            key = _speaker_key(m.role) if m.label == "PERSON" and m.role and m.canonical else ""
            key = " ".join(_TITLE_IN_FULL.get(w.rstrip("."), w) for w in key.split())
            # a role names one person only when it ends in a title: "told police LaCalamita" gives him the "role"
            # police, and "police said" is not the suspect speaking
            if key.split()[-1:] and key.split()[-1] in _ROLE_HEADS:
                people[key].add(m.canonical)
                of = _OF_PLACE.match(art.text, m.end)
                state = _PARTY_STATE.match(art.text, m.end)
                place = (of.group(1) if of and of.group(1) in places
                         else _AP_STATES.get(state.group(1).strip(), state.group(1).strip()) if state else None)
                if place and len(key.split()) == 1:
                    people[f"{place.lower()} {key}"].add(m.canonical)
    return {role: next(iter(names)) for role, names in people.items() if len(names) == 1}


def _fuller_names(keys: set[str], whose: set[str]) -> dict[str, str]:
    """Speakers written once with their country and once without ("the Indian navy" / "the navy", "Israeli
    military" / "the military"): the bare one is the fuller one, when exactly one speaker of the story reads as
    the bare one with a nationality or place before it (`whose`: the story's NORP and GPE mentions). And a
    country's possessive is its adjective: "Egypt's communications ministry" is "the Egyptian communications
    ministry" (the adjective spelt from the country's name: "Egyptian", "Indian", "Israeli", "Greek")."""
    out = {}
    for bare in keys:
        # "the U.K.'s Interoute Plc" / "Interoute Plc": a place's possessive before the name is the place too
        longer = [k for k in keys if k.endswith(" " + bare)
                  and re.sub(r"['’]s?$", "", k[: -len(bare)].strip()) in whose]
        if len(longer) == 1:
            out[bare] = longer[0]
    for key in keys:  # "Egypt's communications ministry" / "the Egyptian communications ministry"
        m = re.match(r"(\S+(?: \S+)?)['’]s? (.+)$", key)
        if m and m.group(1) in whose and key not in out:
            place, rest = m.groups()
            adjective = [k for k in keys if k.endswith(" " + rest) and k != key and len(k.split()) == len(rest.split()) + 1
                         and k.split()[0] in whose and k.split()[0][:4] == place[:4]]
            if len(adjective) == 1:
                out[key] = out.get(adjective[0], adjective[0])
    return out


def _without_attribution(text: str, q) -> str:  # type: ignore[no-untyped-def]
    """The words of a paraphrase with the attribution set inside them cut out: "In his state, Christie said,
    nonviolent offenders are sent to treatment" -> "In his state, nonviolent offenders are sent to treatment"."""
    c = q.content
    said = text[c.start : c.end]
    if q.cue is None or q.speaker is None or text[c.start : c.start + 1] in "\"“`'‘":
        return said
    start, end = min(q.cue.start, q.speaker.start), max(q.cue.end, q.speaker.end)
    if not (c.start < start and end < c.end):
        return said
    before, after = text[c.start : start].rstrip(" ,"), text[end : c.end].lstrip(" ,")
    if not (before and after):
        return said
    if re.match(r"(?:by|to|for|with|from|than|into|of)\s", after):
        return f"{before} {after}"  # "The argument would be aided, Devine said, by the upcoming calendar"
    if not _is_clause(after) or re.match(r"(?:who|whom|whose|which)\b", after):
        return before  # "..., said Sanjeev Gaur, director of assurance at Reliance": the rest tells who he is
    # the commas set the attribution off; one stays unless it would part a subject from its verb ("This
    # campaign, he says, is different" -> "This campaign is different")
    verb_next = after.split()[0].lower() in _FINITE
    return f"{before}{'' if verb_next else ','} {after}"


def _in_body(article: Article, start: int, end: int) -> bool:
    """Quotes come from body paragraphs only: a headline's "X says" is the outlet's paraphrase, not a quote. A
    quotation may run over several paragraphs ("...anything," the insurer said. / "It's become routine."), and
    then every block it touches must be body text, with nothing but blank space between them."""
    blocks = sorted(article.body_blocks(), key=lambda b: b.start)
    touched = [b for b in blocks if b.start < end and start < b.end]
    return (bool(touched) and touched[0].start <= start and end <= touched[-1].end
            and all(b.kind == "body" for b in touched)
            and all(not article.text[a.end : b.start].strip() for a, b in zip(touched, touched[1:])))


def _facts_of(facts: list[Fact]) -> dict[str, list[tuple[int, int, int]]]:
    """Per article, the (start, end, fact index) of every fact source."""
    out: dict[str, list[tuple[int, int, int]]] = {}
    for k, f in enumerate(facts):
        for src in f.sources:
            out.setdefault(src.id, []).append((src.start, src.end, k))
    return out


def _facts_stating(spans: list[tuple[int, int, int]], start: int, end: int) -> set[int]:
    """The facts whose source holds most of the quote [start, end)."""
    return {k for a, b, k in spans if min(b, end) - max(a, start) >= (end - start) / 2}


def group_quotes(
    articles: list[Article], analyses: list[Analysis], facts: list[Fact] | None = None,
    cast: dict[str, str] | None = None,
) -> list[QuoteGroup]:
    """Quotes by speaker: speakers quoted by the most articles first, statements in order of first appearance.

    With the story's `facts`, two outlets' attributions to one speaker that sit in one fact are one statement.
    `cast` maps another name of an entity to the name the brief's cast gives it ("Warship INS Sukanya" -> "INS
    Sukanya"), so a speaker is named as in the list of who is involved.
    """
    cast = cast or {}
    outlet = {a.id: a.outlet or a.id for a in articles}
    fact_spans = _facts_of(facts or [])
    groups: list[QuoteGroup] = []
    stems: list[set[str]] = []
    in_facts: list[set[int]] = []
    by_speaker: dict[str, list[int]] = defaultdict(list)  # speaker key -> indices of that speaker's groups
    in_role = _person_in_role(articles, analyses)
    for art, an in zip(articles, analyses):
        aside = set_aside_spans(art, an)
        for q in an.quotes:
            c = q.content
            if not (0 <= c.start < c.end <= len(art.text)) or not _in_body(art, c.start, c.end):
                continue
            if any(a <= c.start < b or a < c.end <= b for a, b in aside):
                continue  # a caption or footer sentence
            if (art.text[c.start : c.end] + art.text[c.end : c.end + 3].lstrip(" ")[:1]).rstrip().endswith(":"):
                continue  # "Devine said areas where Sanders wants changes include:": the list is what was said
            said = _without_attribution(art.text, q)
            text = " ".join(said.split()).strip(" ,")
            if dateline := DATELINE.match(text):  # "ISTANBUL - Turkey may hold off ..., the vice president said"
                text = text[dateline.end():]
            # "that transparency "breaks down barriers"", "described | the firm's plan as ``comprehensive''", "Oz is
            # "smart as hell"": words that do not open with the quotation are a paraphrase quoting some of them
            direct = q.direct and not _REPORTED.match(text) and not (not _OPENS.match(text) and _OPENS.search(text))
            # "``A,'' Judge Bodiford said, in the court where the killing occurred. ``B.''": two quoted parts round a
            # long attribution are still the speaker's own words, however much of the span the attribution takes
            direct = direct or (text[:1] in "\"“`'" and _INNER_ATTRIBUTION.search(text) is not None)
            if not direct:  # a mark left before the words ('' is about 30 years old) or opening the paraphrase
                text = text.lstrip("\"“”'‘’` ")
            if direct:
                text = " ".join(_INNER_ATTRIBUTION.sub(r"\1 … ", text.strip("\"“”'‘’`, ")).split())
            elif q.cue and q.cue.end <= c.start and (
                    (_denies(q) and not text.lower().startswith(_REFUSALS)) or q.content_is_object or not _is_clause(text)
                    or q.cue.text.lower().startswith(_QUESTIONS)  # "asked | whether he understood": a question
                    or _INDIRECT_QUESTION.match(text)  # "discussed | which ones ...": a question reads with its verb
                    or (q.cue.text.lower().startswith(_OBJECT_TO) and _OBJECT_INFINITIVE.match(text))):
                # "Kirby declined to detail how ...", "Ortiz did not confirm that ...": the content alone reads as
                # their words, so the frame that denies it is kept with it; and a bare object says nothing
                # without its verb ("announced | a $250 million package", "made | the case that ...").
                frame = _frame(art.text, q)  # "Denying he was a gangster, Gigante...": the verb, not a sentence start
                if frame is None:
                    continue
                text = f"{frame[:1].lower() + frame[1:]} {text}"
            if not direct:  # "But new US intelligence shows ..., Kirby said": the "But" joins the sentence before
                text = re.sub(r"^(?:but|and|yet|so)\s+(?=\w)", "", text, flags=re.I)
                if q.cue and re.match(r"(?:tell|tells|told|telling)\b", q.cue.text, re.I):
                    text = _ADDRESSEE.sub("", text)  # "told police LaCalamita loaded a shell": the hearers said nothing
                text = _closed(_COMPLEMENTIZER.sub("", text))  # "said that pirates were...": what was said
            # "the North Korean leader also said" is Kim Jong-un's, when the story gives only him that role
            # but "a spokesman" is some spokesman, not the one spokeswoman the story names, unless her name follows
            # ("A lawyer for the news outlets, David Schulz, said")
            if q.speaker and _SHARE.match(q.speaker.text):
                continue
            role = in_role.get(_speaker_key(q.speaker.text if q.speaker else None))
            if role and q.speaker and re.match(r"(?:an?|one)\s", q.speaker.text, re.I) and \
                    role.split()[-1] not in art.text[q.speaker.end : q.speaker.end + 80]:
                role = None
            who = role or _speaker(q)
            who = _as_cast(who, cast) if who else who
            if not _is_statement(q, said) or _passive(art.text, q):
                continue  # an act ("slapped sanctions on"), or what others say of someone ("he is believed to")
            if who and not direct and re.search(rf"\bby\s+(?:\w+\.?\s+)?{re.escape(who.split()[-1])}\b", text):
                continue  # "He responded 'Yes' to the questions posed by Martone": not Martone's words
            if len(said.split()) < 4 or is_boilerplate(text) or (who is None and not direct):
                continue  # a fragment, or a paraphrase nobody can be named for, is not "who said what"
            first = next((w for w in (x.lower().strip("\"“”'‘’`,") for x in said.split()) if w), "")
            if not direct and (_CUT_OFF.search(text) or first in _FINITE or (first in _WHEN and "," not in text)
                               or re.match(r"\s*[’']s\b", said)):
                continue  # "she thinks the video should be released but", "| has created an imbalance": the parse
                # lost the rest, or the subject; "as his campaign manager suggested | after she swept the South":
                # when it was said, not what ("After Shoigu's visit, officials traveled ..." is what was said);
                # "| ’s hardline positions on immigration": a span that starts inside its speaker's name
            s = content_stems(text)
            stated = _facts_stating(fact_spans.get(art.id, []), c.start, c.end)
            match, same_words = None, False
            key = _speaker_key(who)
            for k in by_speaker[key]:
                g = groups[k]
                same_words = _same_words(text, g.text, s, stems[k])
                if same_words or (who is not None and art.id not in g.articles and stated & in_facts[k]):
                    match = k
                    break
            if match is None:
                by_speaker[key].append(len(groups))
                groups.append(QuoteGroup(who, text, direct, [art.id], [outlet[art.id]], q.hedged))
                stems.append(s)
                in_facts.append(stated)
                continue
            in_facts[match] |= stated
            g = groups[match]
            add_source(g, art.id, outlet[art.id])
            if direct and not g.direct:  # the outlet's own words beat a paraphrase
                g.text, g.direct, g.hedged = text, True, q.hedged
            elif same_words:  # another outlet's own wording ("could") does not hedge the words shown
                g.hedged = g.hedged or q.hedged
    groups = _named_where_quoted_alike(groups, stems, outlet)
    whose = {m.text.lower() for an in analyses for m in an.entities if m.label in ("NORP", "GPE")}
    fuller = _fuller_names({_speaker_key(g.speaker) for g in groups if g.speaker}, whose)
    key_of = [fuller.get(_speaker_key(g.speaker), _speaker_key(g.speaker)) for g in groups]
    shown: dict[str, str | None] = {}  # one spelling per speaker, the fuller name's when two were one
    for g, key in sorted(zip(groups, key_of), key=lambda gk: _speaker_key(gk[0].speaker) != gk[1]):
        shown.setdefault(key, g.speaker)
    reach: dict[str, set[str]] = {}
    for g, key in zip(groups, key_of):
        reach.setdefault(key, set()).update(g.articles)
        g.speaker = shown[key]
    first = {}
    for i, g in enumerate(groups):
        first.setdefault(_speaker_key(g.speaker), i)
    return sorted(groups, key=lambda g: (g.speaker is None, -len(reach[_speaker_key(g.speaker)]),
                                         first[_speaker_key(g.speaker)]))


def attribute_quoted_facts(facts: list[Fact], articles: list[Article], analyses: list[Analysis],
                           cast: dict[str, str] | None = None) -> None:
    """Set `Fact.said_by` where a fact's wording lies inside a named speaker's quotation: a line of a quotation
    whose attribution is in another sentence reads, in the facts list, as the outlet's own claim. `cast` as in
    `group_quotes`."""
    cast = cast or {}
    text_of = {a.id: a.text for a in articles}
    direct = {an.article_id: [q for q in an.quotes if q.direct] for an in analyses}
    analyses_of = {an.article_id: an for an in analyses}
    for f in facts:
        for src in f.sources:
            if " ".join(text_of.get(src.id, "")[src.start : src.end].split()) != " ".join(f.text.split()):
                continue
            # ... and the attribution is not in the sentence itself ("...," Yellen said at the time)
            around = [q for q in direct.get(src.id, []) if q.content.start <= src.start + 2
                      and src.end <= q.content.end + 3 and not any(
                          x is not None and src.start <= x.start < src.end for x in (q.speaker, q.cue))]
            who = _speaker(around[0]) if around else None
            if who:
                f.said_by = cast.get(who, who)
            elif text_of[src.id][src.start : src.end] == f.text:
                f.pronoun_means = _pronoun_named(src, analyses_of.get(src.id), cast)
            break


def _pronoun_named(src: SourceSpan, analysis: Analysis | None, cast: dict[str, str]) -> dict | None:
    """Whom the "he" or "she" attributing the sentence's own quotation means ('"...," he said.'), with where the
    pronoun ends in the fact's `text` (which is the source sentence)."""
    for q in analysis.quotes if analysis else []:
        sp = q.speaker
        if sp is None or not (src.start <= sp.start < src.end) or sp.text.lower() not in ("he", "she"):
            continue
        who = _speaker(q)
        if who and who.lower() not in ("he", "she") and any(w[:1].isupper() for w in who.split()):
            return {"at": sp.end - src.start, "name": cast.get(who, who)}
    return None
