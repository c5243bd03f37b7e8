"""Attributions: who said what, from a dependency parse of reporting verbs, "according to", and quote marks.

Why a parse and not only quote marks: most of what a reader wants under "who said what" is indirect speech
("Kirby said Russia is looking for shells") or "according to" forms, which carry no quote marks. Quote marks are
still scanned over the whole article so that a quotation running over several paragraphs (each opening with a
quote mark, only the last one closing it) stays one attribution with one speaker.

The parse proposes candidates (each verb with its subject and complement); which of them are attributions is
decided by a small logistic model trained on PolNeAR train (`train_cues.py`, shipped as data/cue_model.json.gz),
or by the reporting-verb list when the model file is absent.

Spans here are as written: a pronoun speaker stays "he"; `coref.resolve_speakers` names it afterwards.
"""

from __future__ import annotations

import functools
import gzip
import json
import math
import os
import re
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, Span as SpacySpan, Token

from storyline.model import Quote, Span
from storyline.nlp.entities import TITLE_ABBREVIATIONS

# Reporting verbs (lemmas). Speech first, then the stance and cognition verbs news uses to attribute a claim.
SPEECH = {
    "accuse", "acknowledge", "add", "admit", "advise", "advocate", "agree", "allege", "announce", "answer",
    "apologize", "appear", "applaud", "argue", "ask", "assert", "assure", "attack", "back", "believe", "blame",
    "blast", "boast", "brag", "brand", "call", "caution", "celebrate", "challenge", "champion", "characterize",
    "charge", "cite", "claim", "comment", "complain", "concede", "conclude", "condemn", "confirm", "congratulate",
    "consider", "contemplate", "contend", "continue", "counter", "criticize", "declare", "decline", "decry",
    "defend", "demand", "deny", "describe", "detail", "disclose", "discuss", "dismiss", "dispute", "distance",
    "dub", "embrace", "emphasize", "encourage", "endorse", "estimate", "expect", "explain", "express", "favor",
    "fear", "feel", "find", "focus", "hail", "highlight", "hint", "hope", "imply", "indicate", "insinuate",
    "insist", "insult", "invite", "joke", "knock", "know", "label", "lambaste", "lament", "laud", "learn",
    "maintain", "mention", "mock", "note", "object", "observe", "oppose", "plead", "pledge", "point", "posit",
    "praise", "predict", "prefer", "proclaim", "promise", "propose", "protest", "question", "quip", "react",
    "recall", "recommend", "recount", "refer", "refuse", "reiterate", "reject", "remark", "reply", "report",
    "request", "respond", "retort", "reveal", "rip", "say", "seem", "share", "show", "signal", "slam", "speculate",
    "state", "stress", "suggest", "support", "talk", "tell", "testify", "thank", "think", "threaten", "tout",
    "tweet", "understand", "unveil", "urge", "vow", "want", "warn", "welcome", "wonder", "worry", "write",
}  # fmt: skip
# Verbs whose bare object (no clause) is not what was said: "told reporters", "asked Kirby".
_ADDRESSEE = {"tell", "ask", "urge", "warn", "assure", "remind", "inform", "brief", "show"}
_COGNITION = {"believe", "think", "expect", "hope", "fear", "worry", "want", "know", "feel", "understand", "learn",
              "seem", "appear", "find", "show"}  # fmt: skip
HEDGES = re.compile(
    r"\b(?:could|might|may|potential(?:ly)?|possibl[ey]|reportedly|allegedly|unconfirmed|unverified|appear(?:s|ed)? to|"
    r"seem(?:s|ed)? to|likely|unclear|not clear|believed to|suspected)\b",
    re.I,
)
_HEDGED_CUES = {"decline", "refuse", "claim", "allege", "speculate", "suggest", "believe", "think", "expect"}
OPEN_Q = "“\"«‘"
CLOSE_Q = "”\"»’"
# Typewriter quotes: two apostrophes (or two backticks) for a double quote mark, as in news archives
# ("''We will win,'' she said.") and LaTeX; spaCy keeps each pair as one token.
_PAIR_QUOTES = ("''", "``")
OPEN_TOKENS = set(OPEN_Q) | set(_PAIR_QUOTES)
CLOSE_TOKENS = set(CLOSE_Q) | {"''"}
QUOTE_TOKENS = OPEN_TOKENS | CLOSE_TOKENS


def _opens_at(text: str, i: int) -> bool:
    return text[i : i + 1] in set(OPEN_Q) or text[i : i + 2] in _PAIR_QUOTES
_RELATIVE = {"who", "which", "that", "whom"}


@dataclass
class Segment:
    """A quoted stretch of the article (offsets into Article.text), possibly over several paragraphs."""

    start: int
    end: int


def find_quotes(docs: list[tuple[int, Doc]], text: str, model: dict | None = None) -> list[Quote]:
    """Attributions in one article. `docs` are (offset of the block in `text`, parsed block). `model` replaces
    the shipped cue model (training uses it to score held-out folds end to end)."""
    model = model or cue_model()
    segments = quoted_segments(text, [(base, base + len(doc.text)) for base, doc in docs])
    quotes: list[Quote] = []
    confidence: dict[int, float] = {}  # id(quote) -> cue model probability, for the nested check
    for base, doc in docs:
        for tok in doc:
            q = None
            if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
                q = _according(tok, base)
            elif tok.pos_ in ("VERB", "AUX") and tok.dep_ != "amod":
                at = base + tok.idx
                cand = _from_verb(tok, base, any(sg.start < at < sg.end for sg in segments))
                if cand is not None and (p := _keep(tok, *cand, model)) is not None:
                    q = cand[0]
                    confidence[id(q)] = p
                elif tok.lemma_.lower() in SPEECH and (cand is None or "kind=prep" in cand[1]):
                    # no content of its own, or only a place it was said in ('"Does that fly?" Axelrod asked on
                    # Twitter'): the quotation beside it
                    q = _verb_then_quote(tok, base, text, segments)
            elif tok.pos_ == "NOUN" and tok.lemma_.lower() in SPEECH_NOUNS:
                cand = _from_noun(tok, base)
                if cand is not None and (p := _keep(tok, *cand, model)) is not None:
                    q = cand[0]
                    confidence[id(q)] = p
            if q is not None:
                quotes.append(q)
        q = _headline_colon(doc, base)
        if q is not None:
            # a verb of the headline before the colon ("Media shares blame ... - HuffPollster:") is not the cue
            quotes = [x for x in quotes if not (x.content.start == q.content.start and x.cue is not None
                                                and x.cue.end <= q.cue.start)]
            quotes.append(q)
    quotes = _dedupe(quotes)
    quotes = [q for q in quotes if not _source_of_a_source(q, quotes, segments)]
    quotes = [q for q in quotes if not _nested(q, segments)]
    quotes = _drop_weak_inner(quotes, confidence, (model or {}).get("nested_threshold", 0.0))
    _colon_content(quotes, docs, text)
    _extend_to_segments(quotes, segments, text)
    _join_split_quotes(quotes, segments, text)
    _across_parenthetical(quotes, text)
    for q in quotes:
        q.content = _before_own_speaker(q, text)
        q.content = _before_another_speaker(q, quotes, text)
        q.content = _after_as_saying(q, text)
    quotes.extend(_orphan_segments(quotes, segments, text, docs))
    for q in quotes:
        q.speaker = _with_name_after_rank(q.speaker, text)
        q.content = _trim(_after_own_cue(q, text), text)
        q.direct = _is_direct(q.content, segments)
        q.hedged = q.hedged or bool(HEDGES.search(q.content.text))
    quotes = [q for q in _same_content_once(quotes, confidence) if not _a_name_in_quotes(q.content.text)]
    quotes.sort(key=lambda q: q.content.start)
    return quotes


def _after_own_cue(q: Quote, text: str) -> Span:
    """"the Federal mine, which Mr. Clarke says he is doing everything he can to keep open": the parse starts the
    content at the relative pronoun that the reported clause's verb takes as object, so the speaker and the cue
    fall inside it; what was said is what follows the cue. (A quotation joined around its attribution starts with
    a quotation mark and keeps its parts.)"""
    c, cue = q.content, q.cue
    if cue is None or not (c.start < cue.start and cue.end < c.end) or _opens_at(text, c.start):
        return c
    if text[c.start : cue.start].split()[0].lower().strip(",") not in _RELATIVE:
        return c
    start = cue.end + len(text[cue.end : c.end]) - len(text[cue.end : c.end].lstrip(" ,"))
    return Span(start, c.end, text[start : c.end])


def _a_name_in_quotes(content: str) -> bool:
    """"would call “Safe Ride Solutions” and be driven home", "dubbed it “Operation Warp Speed”": a quotation of a
    few words, each capitalised and none ending a sentence, is a name someone gives, not their words."""
    inner = content.strip()
    if inner[:1] not in "“\"‘'`" or inner[-1:] not in "”\"’'`":
        return False  # "endorsed Hillary Clinton": words reported, not quoted
    words = inner.strip("“”\"'‘’` ").split()
    return 0 < len(words) <= 4 and all(w[:1].isupper() for w in words) and not re.search(r"[.!?,]", content)


_RANK_THEN_NAME = re.compile(r"\.?\s+(?!(?:The|A|An|He|She|It|They|This|That|We|I|In|On|At|But|And)\b)"
                             r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}")


def _with_name_after_rank(speaker: Span | None, text: str) -> Span | None:
    """"Vancouver Police spokesperson Const. Tim Fanning": the parser ends the speaker at the abbreviated rank (its
    full stop reads as a sentence end), so the name after it is taken back in."""
    if speaker is None or not speaker.text.split():
        return speaker
    if speaker.text.split()[-1].lower().rstrip(".") not in TITLE_ABBREVIATIONS:
        return speaker
    m = _RANK_THEN_NAME.match(text, speaker.end)
    return Span(speaker.start, m.end(), text[speaker.start : m.end()]) if m else speaker


def _same_content_once(quotes: list[Quote], confidence: dict[int, float]) -> list[Quote]:
    """Two cues of one speaker that end on the same quotation ("Kirby noted, referring to ...: “...”") once
    extended to it are one attribution: keep the one the cue model is surest of."""
    best: dict[tuple[int, int, str], Quote] = {}
    for q in quotes:
        key = (q.content.start, q.content.end, q.speaker.text if q.speaker else "")
        old = best.get(key)
        if old is None or confidence.get(id(q), 1.0) > confidence.get(id(old), 1.0):
            best[key] = q
    keep = {id(q) for q in best.values()}
    return [q for q in quotes if id(q) in keep]


@functools.lru_cache(maxsize=1)
def cue_model() -> dict | None:
    """The logistic cue model trained on PolNeAR train (`python -m storyline.nlp.train_cues`), if shipped."""
    path = Path(os.environ.get("STORYLINE_CUE_MODEL") or Path(__file__).parent / "data" / "cue_model.json.gz")
    if not path.exists():
        return None
    opener = gzip.open if path.suffix == ".gz" else open  # gzipped: 100k lexical weights are 3.5 MB as text
    with opener(path, "rt", encoding="utf-8") as fh:
        return json.load(fh)


def cue_probability(feats: dict[str, float], model: dict) -> float:
    w = model["weights"]
    z = model["bias"] + sum(v * w.get(k, 0.0) for k, v in feats.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def _keep(verb: Token, quote: Quote, feats: dict[str, float], model: dict | None) -> float | None:
    """The candidate's probability when it is kept (1.0 by the rules without a model), else None."""
    if model is None:
        return 1.0 if _rule_keeps(verb, quote, feats) else None
    p = cue_probability(feats, model)
    return p if p >= model["threshold"] else None


def _drop_weak_inner(quotes: list[Quote], confidence: dict[int, float], threshold: float) -> list[Quote]:
    """An attribution whose cue and content both sit inside another kept attribution's content ("said that
    Rubio's claim that Cruz ..." -> "claim"; "said ..., calling it ...") is more often a detail of the outer
    claim than one a reader wants on its own: keep it only when the model is surer of it (`nested_threshold`,
    chosen with the keep threshold on held-out folds)."""
    if threshold <= 0:
        return quotes
    out = []
    for q in quotes:
        p = confidence.get(id(q))
        inner = p is not None and p < threshold and q.cue is not None and any(
            o is not q and o.content.start <= q.cue.start and q.content.start >= o.content.start
            and q.content.end <= o.content.end for o in quotes)
        if not inner:
            out.append(q)
    return out


def verb_candidates(docs: list[tuple[int, Doc]], text: str) -> list[tuple[Quote, dict[str, float]]]:
    """Every attribution a verb of the article could make, with its features: what `cue_model` is trained on."""
    segments = quoted_segments(text, [(base, base + len(doc.text)) for base, doc in docs])
    out = []
    for base, doc in docs:
        for tok in doc:
            if tok.pos_ in ("VERB", "AUX") and tok.dep_ != "amod":
                at = base + tok.idx
                cand = _from_verb(tok, base, any(sg.start < at < sg.end for sg in segments))
                if cand is not None:
                    out.append(cand)
            elif tok.pos_ == "NOUN" and tok.lemma_.lower() in SPEECH_NOUNS:
                cand = _from_noun(tok, base)
                if cand is not None:
                    out.append(cand)
    return out


# --- from the parse -----------------------------------------------------------------------------------------------


_NOT_CUES = {"be", "have", "do", "make", "let", "help", "get", "go", "come", "take", "seem", "mean", "ensure",
             "see", "look", "become", "keep", "find", "prove", "happen", "turn", "put", "give", "use"}  # fmt: skip


def _embeds_clause(verb: Token) -> bool:
    """A verb with a subject and a finite clausal complement ("Trump insinuated that...") reports a claim even
    when it is not in the reporting-verb list."""
    if verb.lemma_.lower() in _NOT_CUES:
        return False
    kids = {c.dep_ for c in verb.children}
    return "ccomp" in kids and ("nsubj" in kids or verb.dep_ in ("advcl", "conj"))


_QUOTE_MARKS = {"''", '"', "“", "”", "``"}
_CLOSING_MARKS = {"''", '"', "”"}


def _from_verb(verb: Token, base: int, in_quote: bool = False) -> tuple[Quote, dict[str, float]] | None:
    """The attribution a verb would make (content, speaker, cue) and the features `cue_model` scores it by."""
    lemma = verb.lemma_.lower()
    content = _content(verb)
    if content is None:
        return None
    a, b, kind = content
    if b < len(verb.doc) and verb.doc[b].text in _CLOSING_MARKS and sum(
            t.text in _QUOTE_MARKS for t in verb.doc[a:b]) % 2:
        b += 1  # "called his opponent ''Senator Cruz''": the closing mark hangs off the verb in the parse
    speaker = _speaker(verb)
    cue_toks = [verb] + [c for c in verb.children if c.dep_ in ("prt", "neg") and c.i > verb.i - 3]
    cue = _span(verb.doc, min(t.i for t in cue_toks), max(t.i for t in cue_toks) + 1, base)
    doc = verb.doc
    negated = any(c.dep_ == "neg" for c in verb.children)
    hedged = lemma in _HEDGED_CUES or negated
    quote = Quote(
        content=_span(doc, a, b, base),
        speaker=_span(doc, speaker[0], speaker[1], base) if speaker else None,
        cue=cue,
        direct=False,
        hedged=hedged,
        content_is_object=kind in ("dobj", "prep", "oprd"),
    )
    if speaker and doc[speaker[0]].lower_ in _RELATIVE and verb.dep_ == "relcl":
        a0, a1 = _np(verb.head)  # provisional: coref prefers a named antecedent
        quote.speaker_canonical = doc[a0:a1].text
    spk = _speaker_kind(doc, speaker)
    feats = {
        f"lemma={lemma}": 1.0, f"kind={kind}": 1.0, f"lemma_kind={lemma}|{kind}": 1.0, f"spk={spk}": 1.0,
        f"tag={verb.tag_}": 1.0, f"dep={verb.dep_}": 1.0, f"kind_spk={kind}|{spk}": 1.0,
        f"lemma_spk={lemma}|{spk}": 1.0, "speech": float(lemma in SPEECH), "neg": float(negated),
        "in_quote": float(in_quote), "clause": float(_embeds_clause(verb)),
        "long": float(b - a > 8), f"len={min(b - a, 12) // 3}": 1.0,
        "content_that": float(doc[a].lower_ in ("that", "whether", "if", "how", "why", "what")),
        "content_quoted": float(any(t.text in OPEN_TOKENS for t in doc[a : min(b, a + 2)])),
        f"first_word={doc[a].pos_}": 1.0, f"lemma_dep={lemma}|{verb.dep_}": 1.0,
        "passive": float(any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)),
    }
    feats.update(_context_features(verb, lemma, kind, speaker, a, b))
    return quote, feats


def _context_features(verb: Token, lemma: str, kind: str, speaker: tuple[int, int] | None, a: int,
                      b: int) -> dict[str, float]:
    """What around the verb tells a reported claim from an act: "would choose" (a hypothetical), "to say" under
    "refused", a poll as subject ("47 percent said"), the content's own head ("said he would", "wants to run")."""
    doc = verb.doc
    aux = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    modal = next((x for x in aux if x in ("will", "would", "can", "could", "should", "may", "might", "must")), "")
    root = doc[a:b].root if b > a else verb
    spk_head = doc[speaker[0] : speaker[1]].root.lemma_.lower() if speaker else "-"
    prev = doc[verb.i - 1].lower_ if verb.i > 0 else "<s>"
    nxt = doc[verb.i + 1].lower_ if verb.i + 1 < len(doc) else "</s>"
    return {
        f"modal={modal}": 1.0, f"lemma_modal={lemma}|{modal or '-'}": 1.0,
        "to_inf": float("to" in aux), f"head={verb.head.lemma_.lower() if verb.dep_ != 'ROOT' else '-'}": 1.0,
        f"lemma_dep_kind={lemma}|{verb.dep_}|{kind}": 1.0, f"lemma_tag={lemma}|{verb.tag_}": 1.0,
        f"croot_pos={root.pos_}": 1.0, f"lemma_croot={lemma}|{root.pos_}": 1.0,
        f"spk_head={spk_head}": 1.0, f"prev={prev}": 1.0, f"next={nxt}": 1.0,
        f"lemma_next={lemma}|{nxt}": 1.0, f"lemma_first={lemma}|{doc[a].lower_ if b > a else '-'}": 1.0,
        "sent_quote": float(any(t.text in QUOTE_TOKENS for t in verb.sent)),
        f"lemma_inq={lemma}|{int(any(t.text in QUOTE_TOKENS for t in verb.sent))}": 1.0,
        "content_before": float(b <= verb.i),
        "content_has_verb": float(any(t.pos_ in ("VERB", "AUX") for t in doc[a:b])),
        # "Song said Clinton had said ...": a claim inside someone else's reported claim
        "under_speech": float(any(x.lemma_.lower() in SPEECH and x.pos_ == "VERB" for x in verb.ancestors)),
        f"lemma_under={lemma}|{int(any(x.lemma_.lower() in SPEECH for x in verb.ancestors))}": 1.0,
    } | _shape_features(verb, lemma, kind, speaker, a, b)


def _shape_features(verb: Token, lemma: str, kind: str, speaker: tuple[int, int] | None, a: int,
                    b: int) -> dict[str, float]:
    """The candidate's shape: where the speaker stands (before the verb, after it: "said Kirby"), whether it is a
    name, a pronoun or a poll; what the content's head is ("called him a liar" vs "called the police"); whether
    the content is a clause with its own subject; and how many other verbs in the sentence could claim it."""
    doc = verb.doc
    sent = verb.sent
    root = doc[a:b].root if b > a else verb
    if speaker is None:
        spk_pos = "none"
    else:
        spk_pos = "before" if speaker[1] <= verb.i else "after"
    spk_ent = doc[speaker[0] : speaker[1]].root.ent_type_ if speaker else ""
    n_spk = sum(1 for t in doc[speaker[0] : speaker[1]] if t.ent_type_) if speaker else 0
    rivals = sum(1 for t in sent if t.i != verb.i and t.pos_ == "VERB" and t.lemma_.lower() in SPEECH)
    has_subj = any(t.dep_ in ("nsubj", "nsubjpass", "expl") and t.head.i == root.i for t in doc[a:b])
    n = b - a
    return {
        f"spk_pos={spk_pos}": 1.0, f"lemma_spk_pos={lemma}|{spk_pos}": 1.0, f"spk_ent={spk_ent or '-'}": 1.0,
        f"lemma_spk_ent={lemma}|{spk_ent or '-'}": 1.0, "spk_named": float(n_spk > 0),
        f"croot={root.lemma_.lower()}": 1.0, f"lemma_croot_lemma={lemma}|{root.lemma_.lower()}": 1.0,
        f"croot_tag={root.tag_}": 1.0, f"kind_croot_tag={kind}|{root.tag_}": 1.0,
        "content_subj": float(has_subj), f"lemma_subj={lemma}|{int(has_subj)}": 1.0,
        f"rivals={min(rivals, 3)}": 1.0, "is_root": float(verb.dep_ == "ROOT"),
        f"vpos={min((verb.i - sent.start) // 4, 5)}": 1.0, f"clen={min(n.bit_length(), 7)}": 1.0,
        f"lemma_clen={lemma}|{min(n.bit_length(), 7)}": 1.0,
        "content_hedge": float(bool(HEDGES.search(doc[a:b].text))) if n else 0.0,
        "content_quote_end": float(b > a and doc[b - 1].text in QUOTE_TOKENS),
        "sent_first": float(sent.start == 0),
        # nested attributions: PolNeAR-style convention keeps the outer one ("said ... calling it"), the inner
        # one only when it reports a new claim
        "content_has_speech": float(any(t.i != verb.i and t.pos_ == "VERB" and t.lemma_.lower() in SPEECH
                                        for t in doc[a:b])),
        f"anc_speech={next((x.lemma_.lower() for x in verb.ancestors if x.pos_ == 'VERB' and x.lemma_.lower() in SPEECH), '-')}": 1.0,
        f"lemma_head_dep={lemma}|{verb.head.lemma_.lower() if verb.dep_ != 'ROOT' else '-'}|{verb.dep_}": 1.0,
    }


# Nouns that report a claim or a stance: "his claim that", "Trump's criticism of", "her support for".
SPEECH_NOUNS = {
    "accusation", "admission", "allegation", "announcement", "appeal", "argument", "assertion", "assessment",
    "belief", "call", "charge", "claim", "comment", "complaint", "concern", "criticism", "declaration", "demand",
    "denial", "endorsement", "estimate", "explanation", "fear", "hope", "insistence", "message", "opinion",
    "opposition", "plea", "pledge", "prediction", "promise", "proposal", "question", "remark", "report", "statement",
    "suggestion", "support", "testimony", "threat", "view", "vow", "warning", "attack", "praise", "position",
    "stance", "push", "defense", "dismissal", "rejection", "objection", "doubt", "worry", "idea", "notion",
}  # fmt: skip
_NOUN_PREPS = {"of", "about", "on", "for", "against", "over", "to", "that"}
# Light verbs whose subject holds the noun's claim: "Trump made the claim that", "she voiced concern about".
LIGHT_VERBS = {"make", "issue", "offer", "express", "voice", "give", "raise", "repeat", "renew", "level", "deliver",
          "share", "reiterate", "post", "release", "have", "lodge", "file"}  # fmt: skip


# "his warning about Russia's quest for arms": a noun phrase after these names what the statement was about, not
# what it said; only a clause there ("concerns about whether he can win") is a claim.
_TOPIC_PREPS = {"about", "on", "over"}


def _has_verb(a: int, b: int, doc: Doc) -> bool:
    return any(t.pos_ in ("VERB", "AUX") for t in doc[a:b])


def _from_noun(noun: Token, base: int) -> tuple[Quote, dict[str, float]] | None:
    """The attribution a reporting noun would make: "the claim that X" (content X), "his criticism of X",
    "Her view is that X"; the speaker is the possessor, or the subject of a light verb ("made the claim")."""
    doc = noun.doc
    lemma = noun.lemma_.lower()
    content = None
    kind = ""
    for c in noun.children:
        if c.dep_ in ("acl", "ccomp") and any(k.dep_ == "mark" and k.lower_ in ("that", "whether") for k in c.children):
            content, kind = _subtree(c), "that"
            break
        if c.dep_ == "prep" and c.lower_ in _NOUN_PREPS and c.i == noun.i + 1:
            objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
            if objs and not (c.lower_ in _TOPIC_PREPS and not _has_verb(*_subtree(objs[0]), doc)):
                content, kind = _subtree(objs[0]), f"prep_{c.lower_}"
                break
        infinitive = c.tag_ == "TO" or any(k.dep_ == "aux" and k.lower_ == "to" for k in c.children)
        if c.dep_ == "acl" and infinitive:  # "his vow to repeal"
            content, kind = _subtree(c), "to"
            break
    if content is None and noun.dep_ == "nsubj" and noun.head.lemma_ == "be":
        for c in noun.head.children:  # "His view is that ..."
            if c.dep_ in ("ccomp", "attr") and c.i > noun.i and any(k.dep_ == "mark" for k in c.children):
                content, kind = _subtree(c), "be"
                break
    if content is None:
        return None
    a, b = content
    speaker: tuple[int, int] | None = None
    poss = [c for c in noun.children if c.dep_ == "poss"]
    if poss:
        speaker, spk_how = _np(poss[0]), "poss"
    elif noun.dep_ in ("dobj", "attr") and noun.head.lemma_.lower() in LIGHT_VERBS:
        speaker, spk_how = _speaker(noun.head), "light"
    else:
        spk_how = "none"
    if speaker is not None and doc[speaker[0]].lower_ in ("its", "their") and poss:
        spk_how = "poss_pron"
    cue = _span(doc, noun.i, noun.i + 1, base)
    quote = Quote(content=_span(doc, a, b, base), speaker=_span(doc, *speaker, base) if speaker else None,
                  cue=cue, direct=False, hedged=lemma in ("claim", "allegation", "accusation", "charge"))
    spk = _speaker_kind(doc, speaker)
    feats = {
        "noun": 1.0, f"nlemma={lemma}": 1.0, f"nkind={kind}": 1.0, f"nlemma_kind={lemma}|{kind}": 1.0,
        f"nspk={spk}": 1.0, f"nspk_how={spk_how}": 1.0, f"ndep={noun.dep_}": 1.0, f"len={min(b - a, 12) // 3}": 1.0,
        "long": float(b - a > 8), f"first_word={doc[a].pos_}": 1.0,
        # "his warning about Russia's quest" names a topic, "his warning that Russia ..." a claim
        "nclause": float(any(t.pos_ in ("VERB", "AUX") for t in doc[a:b])),
        f"nlemma_clause={lemma}|{int(any(t.pos_ in ('VERB', 'AUX') for t in doc[a:b]))}": 1.0,
        f"nlemma_spk_how={lemma}|{spk_how}": 1.0, f"nhead={noun.head.lemma_.lower()}|{noun.dep_}": 1.0,
        f"ncroot={doc[a:b].root.lemma_.lower()}": 1.0, f"nkind_spk={kind}|{spk}": 1.0,
    }
    return quote, feats


def _speaker_kind(doc: Doc, speaker: tuple[int, int] | None) -> str:
    if speaker is None:
        return "none"
    toks = doc[speaker[0] : speaker[1]]
    head = toks.root
    if head.lower_ in ("i", "we", "you"):
        return "first"
    if head.lower_ in ("he", "she", "they"):
        return "pron"
    if head.lower_ in _RELATIVE:
        return "rel"
    if head.ent_type_:
        return head.ent_type_.lower()
    return head.pos_.lower()


def _rule_keeps(verb: Token, quote: Quote, feats: dict[str, float]) -> bool:
    """Without a trained cue model: reporting verbs, and verbs that embed a clause."""
    lemma = verb.lemma_.lower()
    if lemma not in SPEECH and not feats["clause"]:
        return False
    if lemma in _COGNITION and not any(c.dep_ in ("ccomp", "xcomp") for c in verb.children):
        return False  # "wants a deal", "found the bodies": not an attribution without a clause
    return not (quote.speaker is None and lemma in _COGNITION)


def _verb_then_quote(verb: Token, base: int, text: str, segments: list[Segment]) -> Quote | None:
    """"..., telling reporters: “We will win.”": the quotation right after the verb (and its addressee)."""
    if verb.lemma_.lower() in _COGNITION:
        return None
    after = base + verb.doc[verb.i : verb.right_edge.i + 1].end_char
    if verb.right_edge.i == verb.i:
        after = base + verb.idx + len(verb.text)
    before = base + verb.doc[verb.left_edge.i].idx

    def follows(seg: Segment) -> bool:
        gap = text[after : seg.start]
        return seg.start >= after and len(gap) <= 4 and (
            gap.strip() == ":" or (gap.strip() in ("", ",") and "\n" not in gap))

    def precedes(seg: Segment) -> bool:
        back = text[seg.end : before]
        return seg.end <= before and len(back) <= 3 and back.strip() in ("", ",") and "\n" not in back

    # The quotation after the verb first: in 'messages deemed "top secret," saying on Twitter: "..."' the words
    # before "saying" are what the messages were deemed.
    seg = next(filter(follows, segments), None) or next(filter(precedes, segments), None)
    if seg is None:
        return None
    speaker = _speaker(verb)
    doc = verb.doc
    return Quote(content=Span(seg.start, seg.end, text[seg.start : seg.end]),
                 speaker=_span(doc, speaker[0], speaker[1], base) if speaker else None,
                 cue=_span(doc, verb.i, verb.i + 1, base), direct=True)


def _semicolon_between(clause: Token, verb: Token) -> bool:
    """Whether a clause before the verb ends at a semicolon: "There was no reference to 'Lyin' Ted'; he called his
    opponent 'Senator Cruz'" joins two sentences, and the first is the writer's, not what he called anything."""
    end = _subtree(clause)[1]
    return clause.i < verb.i and any(t.text == ";" for t in verb.doc[end : verb.i])


def _content(verb: Token) -> tuple[int, int, str] | None:
    """Token range of what was said: the clause the verb governs, or the quoted clause it interrupts."""
    lemma = verb.lemma_.lower()
    kids = list(verb.children)
    for dep in ("ccomp", "xcomp"):
        for c in kids:
            if c.dep_ == dep:
                if dep == "xcomp" and lemma not in ("decline", "refuse", "urge", "promise", "vow", "pledge",
                                                    "threaten", "agree", "call", "ask", "want", "expect", "hope",
                                                    "plan", "seem", "appear", "propose", "demand"):
                    continue
                if dep == "ccomp" and (_coordinated(c) or _semicolon_between(c, verb)):
                    continue
                a, b = _subtree(c)
                if dep == "ccomp" and _trailing_subject(c) is not None:
                    b = _trailing_subject(c)  # "Comey cannot say that X, Lewandowski added": what Comey cannot say
                if dep == "ccomp":  # a clause the parser cut in two ("says | the woman accused of ... | is a good
                    # person"): the next clause of the verb right after it is what was said too, unless it is
                    # another saying ("... but said | “the question is the timing”")
                    for k in kids:
                        k0, k1 = _subtree(k)
                        if k.dep_ == "ccomp" and k.i > c.i and k.lemma_.lower() not in SPEECH and all(
                                t.is_punct or t.dep_ == "cc" for t in verb.doc[b:k0]):
                            b = k1
                if dep == "xcomp" and lemma in ("urge", "ask", "call"):  # "urged Congress to act": keep the object
                    objs = [k for k in kids if k.dep_ in ("dobj", "prep") and k.i < c.i]
                    if objs:
                        a = min(a, _subtree(objs[0])[0])
                return a, b, dep
    # "Comey cannot say that “...,” Lewandowski added" parsed with "added" as the complement of "say": the words
    # before the speaker are what he added
    if verb.dep_ == "ccomp" and _trailing_subject(verb) is not None:
        a = verb.head.left_edge.i
        return a, _trailing_subject(verb), "parataxis"
    # "“...,” Kirby said" parsed with the quote's verb as head and "said" hanging off it
    if verb.dep_ in ("parataxis",) or (verb.dep_ in ("ccomp", "advcl") and verb.i > verb.head.i and
                                       _has_comma_between(verb.head, verb)):
        head = verb.head
        if head.pos_ in ("VERB", "AUX") and verb.dep_ == "parataxis":
            a, b = _subtree(head)
            v0, _v1 = _subtree(verb)
            if a < v0:
                return a, v0, "parataxis"
    for c in kids:
        # "a poll showed a slimmer lead": what was shown, unless someone was shown it ("showed reporters the map")
        addressee = lemma in _ADDRESSEE and (lemma != "show" or any(k.dep_ == "dative" for k in kids))
        if c.dep_ == "dobj" and not addressee and (lemma != "say" or c.pos_ in ("PRON", "DET")):
            return (*_with_complements(verb, c), "dobj")
    for c in kids:  # "called both Trump and Clinton “crazy”" parsed without an object: all up to the predicate
        # ("appearing more subdued than usual", "seemed unhappy": how someone looked, not what they said)
        if c.dep_ == "oprd" and c.i > verb.i + 1 and lemma in SPEECH and lemma not in ("appear", "seem", "feel"):
            return verb.i + 1, c.right_edge.i + 1, "oprd"
    for c in kids:  # "said so", "said yes"
        if lemma == "say" and c.dep_ in ("advmod", "intj", "dobj") and c.lower_ in ("so", "yes", "no", "otherwise"):
            return c.i, c.i + 1, "dobj"
    if lemma in _REST_VERBS:  # "Officials traveled to Pyongyang for talks, Kirby said": the clause parsed as an advcl
        for c in kids:
            if c.dep_ == "advcl" and c.i < verb.i and _reported_clause_before(c, verb):
                a, b = _subtree(c)
                return a, b, "parataxis"
    for c in kids:  # "spoke about the cancellation", "reacted to the shooting", "called for a ban"
        if c.dep_ == "prep" and (c.lower_ in ("about", "of", "for", "on", "against") or c.lower_ == "to" and
                                 lemma in ("react", "respond", "refer", "object", "apologize")) and any(
            g.dep_ in ("pobj", "pcomp") for g in c.children
        ) and lemma not in ("say", "tell", "add", "write", "report"):
            objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
            a, b = _with_complements(verb, objs[0])
            return a, b, "prep"
    return _rest_of_sentence(verb)


def _coordinated(clause: Token) -> bool:
    """"Trump called the system “rigged”, and a few lawmakers have called for ...": a clause with its own subject
    after ", and" is the sentence's next clause, which the parser hung off the first verb, not what it reports."""
    doc, a = clause.doc, clause.left_edge.i
    return (clause.i > clause.head.i and a >= 2 and doc[a - 1].lower_ in ("and", "but", "or", "yet")
            and doc[a - 2].text == ","
            and any(c.dep_ in ("nsubj", "nsubjpass") and c.i < clause.i for c in clause.children))


def _trailing_subject(verb: Token) -> int | None:
    """Where "..., Lewandowski added" starts when the parser made that speech verb the complement of the verb
    before it ("Comey cannot say that “...,” Lewandowski added"): the verb's clause opens with the complementizer,
    its subject comes right after a comma (or a comma and a closing quote), and nothing it says follows it."""
    doc = verb.doc
    if (verb.lemma_.lower() not in _REST_VERBS or doc[verb.left_edge.i].lower_ not in ("that", "whether", "if")
            or any(k.i > verb.i and not (k.is_punct or k.dep_ in ("npadvmod", "advmod") or
                                         (k.dep_ == "advcl" and k.tag_ == "VBG")) for k in verb.children)):
        return None
    for c in verb.children:
        if c.dep_ == "nsubj" and c.i < verb.i and c.right_edge.i + 1 == verb.i:
            k = c.left_edge.i
            before = [t.text for t in doc[max(verb.left_edge.i, k - 2) : k]]
            if verb.left_edge.i < k - 1 and before[-1:] in ([","], ["”"], ["''"], ['"']) and "," in before:
                return k
    return None


def _reported_clause_before(clause: Token, verb: Token) -> bool:
    """A long clause with its own subject, ending in a comma right before "Kirby said", when nothing said follows
    the verb (a short clause is more often a time or condition: "When asked, Kirby said")."""
    kids = {k.dep_ for k in clause.children}
    end = clause.right_edge.i
    after = [k for k in verb.children if k.i > verb.i and not k.is_punct]
    nothing_said_after = all(k.dep_ in ("prep", "npadvmod", "advmod") or (k.dep_ == "advcl" and k.tag_ == "VBG")
                             for k in after)  # "on Monday", ", adding that ..."
    return ("nsubj" in kids or "nsubjpass" in kids) and end + 1 < verb.i and clause.doc[end + 1].text == "," and \
        end + 1 - clause.left_edge.i >= 10 and nothing_said_after


# Speech verbs whose complement a misparse can hide ("He said legalizing it could put...", the clause hung off an
# xcomp): what follows them to the sentence end is then what was said.
_REST_VERBS = {"say", "tell", "add", "write", "claim", "argue", "insist", "explain", "note", "warn", "announce",
               "report", "predict", "suggest", "believe", "think", "contend", "acknowledge", "admit", "declare",
               "agree", "caution", "stress", "maintain", "conclude", "estimate", "allege", "assert"}  # fmt: skip


_WHEN_SAID = {"as", "while", "when", "whilst", "after", "before", "because", "since", "until", "although", "though",
              "during"}


def _rest_of_sentence(verb: Token) -> tuple[int, int, str] | None:
    """The rest of the sentence after a speech verb with a subject, when the parse gave it no complement: a
    clause (it must hold a verb) from the verb, past an addressee ("told reporters") and leading adverbials
    ("said on Friday during a news conference that ...": content from "that")."""
    if verb.lemma_.lower() not in _REST_VERBS or not any(
        c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i for c in verb.children
    ):
        return None  # "..., said Dennis Ross": what precedes was said, not what follows
    doc, sent = verb.doc, verb.sent
    a, end = verb.i + 1, sent.end
    while end > a and (doc[end - 1].is_punct and doc[end - 1].text not in CLOSE_TOKENS):
        end -= 1
    for c in verb.children:  # "told reporters", "said Friday"
        if c.i == a and c.dep_ in ("dobj", "dative", "npadvmod", "advmod", "prt", "neg"):
            a = c.right_edge.i + 1
    comma = False
    while a < end and doc[a].text in (",", ":"):
        a, comma = a + 1, True
    if comma and doc[a : a + 1].text and doc[a].tag_ == "VBG":
        return None  # "“...,” he said, adding that ...": the participle is its own attribution
    for t in doc[a : min(end, a + 12)]:
        if t.pos_ in ("VERB", "AUX"):
            break
        if t.lower_ in ("that", "whether") and t.dep_ in ("mark", "nsubj", "det"):
            a = t.i
            break
    if a >= end or doc[a].pos_ == "ADP" or doc[a].lower_ in _WHEN_SAID:
        # "said of Apple ...": what it was about, not what was said; "said as she and hundreds of others moved
        # through the city": when she said it
        return None
    if end - a < 3 or not any(t.pos_ in ("VERB", "AUX") for t in doc[a:end]):
        return None
    return a, end, "rest"


_CIRCUMSTANCE = {"on", "in", "at", "during", "after", "before", "since", "from", "while", "amid"}


def _with_complements(verb: Token, obj: Token) -> tuple[int, int]:
    """The object and what completes it: "criticized Obama for his decision", "branded you a liar"."""
    a, b = _subtree(obj)
    if b - 2 > a and obj.doc[b - 1].dep_ == "cc" and obj.doc[b - 2].text == ",":
        b -= 2  # "called the system “rigged” in a tweet, and | ...": the next clause's conjunction
    for c in verb.rights:
        # "at the meeting" is where it was said, but "(estimate the damages) at $1 million" is part of it
        amount = any(g.ent_type_ in ("MONEY", "PERCENT", "CARDINAL", "QUANTITY") for g in c.children)
        if (c.i > obj.i and c.dep_ in ("prep", "oprd", "xcomp", "dobj", "dative", "attr", "acomp") and c.left_edge.i <= b + 1
                and not (c.dep_ == "prep" and c.lower_ in _CIRCUMSTANCE and not amount)):
            b = max(b, c.right_edge.i + 1)
    return a, b


def _has_comma_between(a: Token, b: Token) -> bool:
    lo, hi = sorted((a.i, b.i))
    return any(t.text == "," for t in a.doc[lo:hi])


def _speaker(verb: Token) -> tuple[int, int] | None:
    """Token range of who spoke: the subject (or "by" agent), inherited through "adding"/"and said"."""
    quoted = _quoted_as_saying(verb)
    if quoted is not None:
        return _with_conjuncts(quoted)
    v = verb
    for _ in range(4):
        for c in v.children:
            if c.dep_ in ("nsubj", "nsubjpass") and not (c.dep_ == "nsubjpass"):
                if _dateline(c):
                    continue
                if c.lower_ in _RELATIVE:
                    up = v
                    while up.dep_ in ("ccomp", "xcomp", "conj") and up.head is not up:
                        up = up.head
                    # the relative pronoun is the speaker as written; coref names its antecedent
                    return (c.i, c.i + 1) if up.dep_ == "relcl" else None
                if c.lower_ in ("this", "there") or (c.lower_ == "it" and verb.lemma_.lower() in _COGNITION):
                    return None
                # "White House chief of staff John Kelly said": the parser makes both the role and the name
                # subjects; who spoke is the name right before the verb
                named = [k for k in v.children if k.dep_ == "nsubj" and k.i > c.i and k.ent_type_ == "PERSON"
                         and k.pos_ == "PROPN" and k.left_edge.i == c.right_edge.i + 1]
                return _np(named[0]) if c.pos_ == "NOUN" and named else _subject_span(c, v)
            if c.dep_ == "agent":
                objs = [g for g in c.children if g.dep_ == "pobj"]
                if objs:
                    return _with_conjuncts(objs[0])
        if v.dep_ == "conj" and _aside_between_dashes(v.head, v) and v.head.head.pos_ in ("VERB", "AUX"):
            v = v.head.head  # "Lyons said that ... – he “claimed ...” – and added": Lyons added it
            continue
        if v.dep_ in ("advcl", "conj", "xcomp") and v.head.pos_ in ("VERB", "AUX"):
            v = v.head
            continue
        if v.dep_ == "pcomp" and v.head.dep_ in ("prep", "agent") and v.head.head.pos_ in ("VERB", "AUX"):
            v = v.head.head  # "responded by saying", "before explaining": the subject of the main verb
            continue
        if v.dep_ == "acl" and v.head.lemma_.lower() in _MEDIUM and v.head.dep_ == "dobj":
            v = v.head.head  # "released a joint statement saying ...": who released it
            continue
        if v.dep_ == "relcl":
            return _np(v.head)
        break
    return None


def _quoted_as_saying(verb: Token) -> Token | None:
    """"Reuters quoted the minister as saying ...": the minister spoke; Reuters only reported it."""
    if verb.dep_ == "pcomp" and verb.head.lower_ == "as":
        verb = verb.head.head
    if verb.lemma_.lower() != "quote":
        return None
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    said = any(c.lower_ == "as" and any(g.dep_ == "pcomp" for g in c.children) for c in verb.children)
    return objs[0] if objs and said else None


_DASHES = {"–", "—", "-", "--"}


def _aside_between_dashes(clause: Token, after: Token) -> bool:
    """Whether `clause` is an aside between dashes that close before `after`."""
    doc, a = clause.doc, clause.left_edge.i
    opens = doc[a].text in _DASHES or (a > 0 and doc[a - 1].text in _DASHES)
    return clause.dep_ != "ROOT" and opens and any(doc[k].text in _DASHES for k in range(clause.i + 1, after.i))


# What carries someone's words: "a statement from Waitrose said" is Waitrose speaking.
_MEDIUM = {"statement", "release", "announcement", "communique", "communiqué", "letter", "email", "e-mail", "memo",
           "message", "notice", "post", "tweet", "filing", "report", "document", "transcript", "bulletin"}


def _subject_span(subj: Token, verb: Token) -> tuple[int, int]:
    """The subject's words, where the parser split or misplaced them, or where they name a statement rather than
    who made it.

    "A statement from Waitrose said ..." and "a statement from Surrey police said ..." are two speakers; taking
    "a statement" for the speaker made them one.

    "Writing in a company blog, Mike Reavey, director of ..., urged users": the parser makes the participle the
    subject and hangs the name off it; who urged is the name. "More than 1, 300 federal and independent scientists
    ... called on": a number written with a space after its comma comes out as the subject "1" with "scientists"
    beside it (a second subject, or its apposition); who called is the whole phrase, not "More than 1".
    """
    if subj.lemma_.lower() in _MEDIUM:
        by = [g for p in subj.rights if p.dep_ == "prep" and p.lower_ in ("from", "by", "of") for g in p.children
              if g.dep_ == "pobj" and g.pos_ in ("PROPN", "NOUN")]
        if by:
            return _with_conjuncts(by[0])
    if subj.tag_ == "VBG":
        named = [t for t in subj.children if t.dep_ in ("npadvmod", "appos", "nsubj") and t.pos_ in ("PROPN", "NOUN")]
        # "Writing from Brooklyn, N.Y., Viena K. Neaville told Nixon": the person named right before the verb
        last = [t for t in subj.subtree if t.ent_type_ == "PERSON" and t.pos_ == "PROPN"
                and all(x.is_punct for x in t.doc[t.i + 1 : verb.i])]
        if last:
            return _np(last[-1])
        if named:
            return _with_conjuncts(named[0])
    if subj.pos_ == "NUM":
        rest = [t for t in [*subj.rights, *verb.children] if t.dep_ in ("nsubj", "appos") and t.i > subj.i
                and t.pos_ in ("NOUN", "PROPN")]
        if rest:
            return _np(subj)[0], _with_conjuncts(rest[0])[1]
    named = _person_after_role(subj)
    if named:
        return named
    of = [p for p in subj.rights if p.dep_ == "prep" and p.lower_ == "of" and p.right_edge.i < verb.i]
    whom = [g for p in of for g in p.children if g.dep_ == "pobj"]
    a, b = _with_conjuncts(subj)
    # "A group of Washington politicians", "the chief of police": the "of" phrase says who, not "A group" (unless
    # the speaker is another subject after it)
    if a == _np(subj)[0] and whom and (subj.lemma_.lower() in _COLLECTIVE_HEADS or (
            subj.lemma_.lower() in _OFFICES and whom[0].pos_ == "NOUN"
            and not any(k.dep_ in ("det", "poss") for k in whom[0].children))):
        return a, max(b, of[0].right_edge.i + 1)
    return a, b


# Heads that say how many or what kind of body, whose "of" phrase says who: "a team of researchers".
_COLLECTIVE_HEADS = {"group", "team", "coalition", "panel", "delegation", "handful", "couple", "pair", "dozen",
                     "dozens", "hundreds", "thousands", "consortium", "alliance", "association", "bunch", "band"}
# Offices named with what they are over: "chief of police", "head of security", "minister of defence".
_OFFICES = {"chief", "head", "minister", "secretary", "director", "commissioner", "superintendent", "president"}


def _person_after_role(subj: Token) -> tuple[int, int] | None:
    """"the vice president and chairman of Chrysler LLC Jim Press said": the parser hangs the name on the role's
    "of", so the speaker came out as "the vice president and chairman", an unnamed someone; who spoke is the person
    the phrase ends with. Only when the organisation stands between them: "the mother of John Smith said" is
    his mother."""
    if subj.pos_ not in ("NOUN", "PROPN") or subj.ent_type_ == "PERSON":
        return None
    roles = [subj, *[c for c in subj.rights if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")]]
    doc = subj.doc
    for role in roles:
        # "UMWA Director of Government Affairs Phil Smith said", parsed with the name as the role's apposition
        named = [c for c in role.rights if c.dep_ == "appos" and c.ent_type_ == "PERSON" and c.pos_ == "PROPN"
                 and not doc[c.left_edge.i - 1].is_punct and any(p.dep_ == "prep" for p in role.rights)]
        if named and doc[_np(named[0])[0]].ent_iob_ == "B":
            return _np(named[0])
        for prep in role.rights:
            objs = [g for g in prep.children if g.dep_ == "pobj"] if prep.lower_ == "of" else []
            if objs and objs[0].ent_type_ == "PERSON" and objs[0].pos_ == "PROPN" and objs[0].i == prep.right_edge.i:
                a = objs[0].i
                while a > prep.i + 1 and doc[a].ent_iob_ == "I":
                    a -= 1
                org = doc[prep.i + 1 : a]
                if doc[a].ent_iob_ == "B" and len(org) and all(
                        t.ent_type_ in ("ORG", "GPE", "NORP") or t.pos_ == "PROPN" for t in org):
                    return a, objs[0].i + 1
    return None


def _dateline(tok: Token) -> bool:
    """A dateline the parser took for a subject: "PHILADELPHIA, July 25 (UPI) — The committee released a
    statement, offering an apology" was the committee's, not the city's."""
    a, b = _np(tok)
    doc = tok.doc
    return (a == tok.sent.start and b < len(doc) and doc[b].text in (",", "(", "—", "–", "-")
            and all(t.text.isupper() for t in doc[a:b] if t.is_alpha))


def _with_conjuncts(head: Token) -> tuple[int, int]:
    """The speaker noun phrase with its coordinated ones: "Washington and its NATO allies asserted" was said by
    both, not by Washington alone."""
    a, b = _np(head)
    for c in head.rights:
        if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN", "PRON"):
            if any(t.pos_ in ("VERB", "AUX") for t in head.doc[b : c.i]):
                # "a group of rabbis called for a boycott ..., and the prominent Jewish civil rights organization
                # the Anti-Defamation League denounced ...": a clause between them; the last one is the subject,
                # by its name when an apposition gives it
                named = [x for x in c.rights if x.dep_ == "appos" and x.pos_ == "PROPN" and _np(x)[0] == _np(c)[1]]
                return _np(named[0]) if named else _with_conjuncts(c)
            b = max(b, _with_conjuncts(c)[1])
    return a, b


def _np(head: Token) -> tuple[int, int]:
    """The noun phrase of `head`: its left modifiers and name parts, without relative clauses or appositions."""
    a, b = _np_raw(head)
    doc = head.doc
    while a < b - 1 and (doc[a].is_punct or doc[a].text in QUOTE_TOKENS):
        a += 1
    return a, b


def _np_raw(head: Token) -> tuple[int, int]:
    left = head.i
    for t in reversed(list(head.lefts)):
        if t.dep_ == "amod" and any(c.dep_ in ("nsubj", "npadvmod") for c in t.children):
            break  # "Trump dismissed critics who called ...", parsed with "dismissed" as an adjective
        if t.dep_ in ("compound", "amod", "det", "poss", "nmod", "nummod", "quantmod") or t.ent_iob_ == "I":
            left = min(left, t.left_edge.i)
    right = head.i
    for t in head.rights:
        # the rest of the head's own name, not another name the parser hung on it ("Donald Trump on Friday
        # endorsed ..., Sen. John McCain")
        if t.dep_ in ("compound", "flat") or (
                t.ent_type_ and all(x.ent_iob_ == "I" for x in head.doc[head.i + 1 : t.i + 1])):
            right = max(right, t.right_edge.i)
        else:
            break
    # keep a determiner-less possessive marker out ("South Korea’s military" stays whole via poss)
    return left, right + 1


_HEAD_SMALL = {"to", "on", "at", "of", "the", "in", "for", "and", "'s", "’s", "."}
# Page labels that open a line with a colon but name nobody: "More: "Three were killed ..."", "Watch: ...".
_HEAD_LABELS = {"more", "related", "watch", "also", "update", "updated", "breaking", "read", "video", "photos",
                "live", "opinion", "analysis", "editorial", "exclusive", "note", "editor's note", "see", "listen",
                "explainer", "background", "context", "previously", "earlier", "advertisement", "sponsored"}


def _headline_colon(doc: Doc, base: int) -> Quote | None:
    """Headline or transcript style "Trump: We will build the wall", "Clinton to Planned Parenthood: Trump will
    ...", "TAPPER: Do you think...": a short capitalised name (no verb, no number) opening the block, a colon, then
    what was said to the block end."""
    for t in doc[:16]:
        if t.text == ":":
            head = doc[: t.i]
            after_punct = doc[t.i + 1].is_punct and doc[t.i + 1].text not in OPEN_TOKENS if t.i + 1 < len(doc) else True
            dash = next((x.i for x in reversed(head) if x.text in ("-", "–", "—")), None)
            if dash is not None and 0 < dash < t.i - 1:
                # "Media shares blame in poll overhype - HuffPollster: “...”": the source is after the dash
                head = doc[dash + 1 : t.i]
            if not 0 < len(head) <= 8 or len(doc) - t.i <= 3 or after_punct:
                return None
            words = [x for x in head if x.lower_ not in _HEAD_SMALL]
            if not words or head[0].lower_ in _HEAD_SMALL or head.text.lower().replace("’", "'") in _HEAD_LABELS:
                return None
            if any(e.label_ in ("GPE", "LOC") and e.start == 0 and e.end == t.i for e in doc.ents):
                return None  # "New Delhi: A building collapsed ...": a dateline, not a speaker
            if len(words) == 1 and not words[0].is_stop and words[0].lemma_.lower() in {
                    x.lemma_.lower() for x in doc[t.i + 1 :]}:
                return None  # "Superdelegates: Clinton is backed by 520 superdelegates ...": a subheading's topic
            if not all(x.text[:1].isupper() and not x.like_num and x.pos_ not in ("VERB", "AUX", "PRON")
                       for x in words):
                return None
            # the speaker is the name before any "to"/"on"/"at" ("Clinton to Planned Parenthood")
            first = head.start
            cut = next((x.i for x in head if x.lower_ in ("to", "on", "at", "in") and x.i > first), t.i)
            if cut < t.i and not any(e.start == first and e.end == cut for e in doc.ents) \
                    and doc[cut - 1].pos_ != "PROPN":
                return None  # "Success on Signature Issue: Mr. Ban focused on ...": a subheading, not a speaker
            end = len(doc)
            while end > t.i + 2 and doc[end - 1].text == ".":
                end -= 1
            return Quote(content=_span(doc, t.i + 1, end, base), speaker=_span(doc, first, cut, base),
                         cue=_span(doc, t.i, t.i + 1, base), direct=False)
    return None


_POINTS_BACK = re.compile(r"(?i)(?:that|this|it)\s*(?:['’]s|is|was)(?:\s+all|\s+also)?")


def _source_of_a_source(q: Quote, quotes: list[Quote], segments: list[Segment]) -> bool:
    """Whether `q` is an "according to" whose words carry their own speaker: in '"Nothing prepares you," the
    president will say, according to excerpts released by the White House' the president speaks; the White House
    only released his words."""
    if q.cue is None or not q.cue.text.lower().startswith("according"):
        return False
    a, b = q.content.start, q.content.end
    # the other's words make up most of these ("Shortly before the White House unveiled the new information, North
    # Korea launched a missile, according to South Korea's military" is the military's)
    return any(o is not q and o.speaker is not None and o.cue is not None and a <= o.cue.start < b
               # the speaker's quoted words, not an act ("North Korea launched a missile")
               and any(sg.start <= o.content.start + 1 and o.content.end <= sg.end + 1 for sg in segments)
               and min(b, o.content.end) - max(a, o.content.start) > (b - a) / 2 for o in quotes)


def _according(tok: Token, base: int) -> Quote | None:
    doc = tok.doc
    to = doc[tok.i + 1]
    objs = [c for c in to.children if c.dep_ == "pobj"]
    if not objs:
        return None
    src = objs[0]
    s0, s1 = src.left_edge.i, src.right_edge.i + 1
    sent = tok.sent
    # content: the rest of the sentence without "according to X" and its commas; "That's according to X" points
    # back at the sentence before, and what follows X is X's relative clause ("reports that the campaign filed")
    if _POINTS_BACK.fullmatch(doc[sent.start : tok.i].text.strip()):
        if sent.start == 0:
            return None
        before = doc[sent.start - 1].sent
        a, b = before.start, before.end
    elif tok.i - sent.start > sent.end - s1:
        a, b = sent.start, tok.i
    else:
        a, b = s1, sent.end
    while a < b and doc[a].is_punct and doc[a].text not in OPEN_TOKENS:
        a += 1
    while b > a and (doc[b - 1].is_punct and doc[b - 1].text not in CLOSE_TOKENS):
        b -= 1
    if b <= a:
        return None
    return Quote(
        content=_span(doc, a, b, base),
        speaker=_span(doc, s0, s1, base),
        cue=_span(doc, tok.i, tok.i + 2, base),
        direct=False,
    )


def _subtree(tok: Token) -> tuple[int, int]:
    return tok.left_edge.i, tok.right_edge.i + 1


def _span(doc: Doc, a: int, b: int, base: int) -> Span:
    sp: SpacySpan = doc[a:b]
    return Span(base + sp.start_char, base + sp.end_char, sp.text)


# "issued a statement saying ...", "(quoted) the minister as saying ...", "justified his choice by saying ...": the
# words are the participle's content
_MEDIUM_SAYING = re.compile(r"(?:an?|the|its|his|her|their)?\s*(?:[\w-]+\s+){0,2}(?:(?:" + "|".join(sorted(_MEDIUM))
                            + r")s?|[\w.'’-]+\s+as|[^\"“`]{0,80}?\bby)\s*,?\s+(?:saying|stating)\b", re.I)


def _dedupe(quotes: list[Quote]) -> list[Quote]:
    """One attribution per content: a verb nested in another's content ("said ... had told") keeps both only
    when their contents differ; identical contents keep the speech verb that has a speaker."""
    best: dict[tuple[int, int], Quote] = {}
    for q in quotes:
        key = (q.content.start, q.content.end)
        old = best.get(key)
        if old is None or (old.speaker is None and q.speaker is not None):
            best[key] = q
    kept = list(best.values())
    # "issued a statement saying the strike killed two militants": what the statement says is what was said
    kept = [o for o in kept if not (_MEDIUM_SAYING.match(o.content.text) and any(
        q is not o and q.cue and q.cue.text.lower() in ("saying", "stating") and q.speaker and o.speaker
        and (q.speaker.start, q.speaker.end) == (o.speaker.start, o.speaker.end)
        and o.content.start <= q.cue.start < o.content.end for q in kept))]
    # "Kirby declined to detail how...": the inner verb shares the speaker and sits in the outer content
    return [q for q in kept if not any(
        o is not q and q.cue and o.speaker and q.speaker and (o.speaker.start, o.speaker.end) ==
        (q.speaker.start, q.speaker.end) and o.content.start <= q.cue.start and q.cue.end <= o.content.end
        for o in kept)]


# --- quote marks -------------------------------------------------------------------------------------------------


def quoted_segments(text: str, blocks: list[tuple[int, int]]) -> list[Segment]:
    """Quoted stretches, merged across paragraphs when a paragraph ends inside a quotation and the next opens one.

    Straight double quotes toggle; curly ones open and close. An unclosed quotation ends at its paragraph end,
    unless the next paragraph goes on inside it: it opens no quotation of its own and closes one (an odd number of
    straight quotes, or a closing curly one first), as text with a line per sentence breaks "'She didn't do it.
    / She didn't fire him,' Charlene Kafoury said." Read from scratch, that line's closing mark would open a quote.
    """
    raw: list[tuple[Segment, bool]] = []  # (segment, closed)
    carried: set[int] = set()  # starts of segments that go on from the paragraph before
    straight_open = False
    opened: int | None = None
    for bs, be in blocks:
        i = bs
        if opened is not None and _goes_on_inside(text, bs, be):
            opened = bs
            carried.add(bs)
        else:
            opened, straight_open = None, False
        while i < be:
            ch = text[i]
            width = 2 if text[i : i + 2] in _PAIR_QUOTES and i + 1 < be else 1
            if width == 2:
                # Two backticks open; two apostrophes close what is open (``like this'') or, with nothing open,
                # open like a straight quote (''like this''). Backticks inside an open quotation close it: a
                # quotation nests with single marks, and some copy closes with the wrong pair ("he delivers, ``
                # said academy President Sid Ganis").
                ch = "“" if text[i] == "`" and opened is None else ("”" if opened is not None else '"')
            # outlets mix marks: a straight quote that no word follows closes a curly one ("“ They drive
            # reckless around here, " a bystander told CBS.")
            closes_curly = ch == '"' and opened is not None and not straight_open and not (
                i + 1 < be and text[i + 1].isalnum())
            if (ch == "“" or (ch == '"' and not straight_open)) and not closes_curly:
                if opened is None:
                    opened = i
                straight_open = ch == '"'
            elif ch == "”" or (ch == '"' and straight_open) or closes_curly:
                if opened is not None:
                    raw.append((Segment(opened, i + width), True))
                opened, straight_open = None, False
            i += width
        if opened is not None and be - opened > 1:
            raw.append((Segment(opened, be), False))
    merged: list[Segment] = []
    carry = False
    for seg, closed in raw:
        reopens = _opens_at(text, seg.start) and not _NAMED_ATTRIBUTION.match(text, seg.end)
        if carry and merged and (reopens or seg.start in carried) and _blocks_adjacent(merged[-1].end, seg.start, text):
            merged[-1] = Segment(merged[-1].start, seg.end)
        else:
            merged.append(Segment(seg.start, seg.end))
        carry = not closed
    return merged


# What follows a quotation that names its own speaker: '..." added Rep. Jim Clyburn', '," Clyburn said'. A paragraph
# that reopens a quotation and gives it such an attribution starts another speaker's words, not the previous one's
# continued ("he added" may go on with the same speaker).
_NAMED_ATTRIBUTION = re.compile(
    r"\s*,?\s*(?:(?:said|says|added|adds|told|continued|noted|wrote)\s+(?!(?:he|she|they|it|we)\b)[A-Z]"
    r"|(?!(?:He|She|They|It|We)\b)[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’()-]*){0,4}\s+(?:said|says|added|adds|told|wrote)\b)")


def _goes_on_inside(text: str, start: int, end: int) -> bool:
    """Whether a paragraph read inside an open quotation continues it: it does not open with a quote mark, and its
    first curly mark closes, or its straight quotes are odd in number (so one of them closes)."""
    body = text[start:end]
    if _opens_at(body.lstrip(), 0):
        return False
    curly = re.search(r"[“”]|``|''", body)  # treebank pairs (``like this'') are curly marks too
    if curly:
        return curly.group(0) in ("”", "''")
    return body.count('"') % 2 == 1


def _blocks_adjacent(end: int, start: int, text: str) -> bool:
    return not text[end:start].strip()


def _extend_to_segments(quotes: list[Quote], segments: list[Segment], text: str) -> None:
    """A parsed content that lies inside a quotation takes the whole quotation (marks included)."""
    for q in quotes:
        c = q.content
        for seg in segments:
            inside = c.start >= seg.start - 2 and c.end <= seg.end + 2
            most = _overlap(c.start, c.end, seg.start, seg.end) >= 0.6 * (c.end - c.start)
            if (inside or most) and not _overlaps_cue(q, seg):
                s, e = min(c.start, seg.start), max(c.end, seg.end)
                q.content = Span(s, e, text[s:e])
                break


def _nested(q: Quote, segments: list[Segment]) -> bool:
    """A reporting verb inside someone's quotation ("“I think...,” he said") is the quoted person's wording,
    not a new attribution for the reader."""
    cue = q.cue
    if cue is None or (cue.text.lower().startswith("according")):
        return False
    return any(seg.start < cue.start and cue.end <= seg.end for seg in segments)


def _colon_content(quotes: list[Quote], docs: list[tuple[int, Doc]], text: str) -> None:
    """"Kirby said:" closing a paragraph introduces the next paragraph as what was said."""
    starts = sorted(base for base, _ in docs)
    ends = {base: base + len(doc.text) for base, doc in docs}
    for q in quotes:
        if q.cue is None:
            continue
        block = max((b for b in starts if b <= q.cue.start), default=None)
        if block is None:
            continue
        tail = text[q.cue.end : ends[block]].strip()
        if tail != ":":
            continue
        nxt = [b for b in starts if b > block]
        if nxt:
            b = nxt[0]
            q.content = Span(b, ends[b], text[b : ends[b]])


def _join_split_quotes(quotes: list[Quote], segments: list[Segment], text: str) -> None:
    """“Part one,” he said, “part two.”: one attribution whose content runs over both quoted parts."""
    for q in quotes:
        if q.cue is None:
            continue
        first = min(q.cue.start, q.speaker.start if q.speaker else q.cue.start)
        if q.content.start > q.cue.end:  # “Part one,” Yellen said. “Part two.”: take part one as well
            for seg in segments:
                back = text[seg.end : first]
                # ... when part two is quoted too, or part one runs on ('," he'): after '"... is real." He enacted
                # rules', the quotation is over and the rules are not part of it
                goes_on = _opens_at(text, q.content.start) or text[seg.start : seg.end].rstrip("\"”'’` ").endswith(",")
                # ... and the cue is the speaker's own verb: in '"...," Buchanan said, noting that ...' the quotation
                # is what he said, not what he noted
                if q.speaker is not None:
                    lo, hi = sorted((q.speaker, q.cue), key=lambda x: x.start)
                    goes_on = goes_on and not text[lo.end : hi.start].strip()
                # ... and it does not introduce what follows ('“B.” Mr. Zahed said: “C”': B is someone else's)
                said_end = max(q.cue.end, q.speaker.end if q.speaker else 0)
                goes_on = goes_on and ":" not in text[said_end : q.content.start]
                if seg.end <= first and len(back) <= 3 and "\n" not in back and back.strip() in ("", ",") and goes_on:
                    q.content = Span(seg.start, q.content.end, text[seg.start : q.content.end])
                    break
        pivot = max(q.cue.end, q.speaker.end if q.speaker else 0)
        if q.content.end > pivot:
            continue
        direct = _is_direct(q.content, segments)
        for seg in [sg for sg in segments if sg.start >= pivot]:
            gap = text[pivot : seg.start]
            # ... across a sentence end only from a quoted part one: 'Tara Reid is in rehab, a publicist said.
            # "Tara was ...," he told E!' are his words, not hers ('..., she said, "I read it once"' are hers)
            short = len(gap) <= 4 and gap.strip() in ((",", ":", "", ".") if direct else (",", ":", ""))
            # "“A,” Clinton said in a speech Tuesday. “B”": the same speaker goes on after the attribution
            # ... one sentence long, with no other attribution (`_finishes_attribution`): "Mr. Trump said. Mrs.
            # Clinton has been frank. "B," she said" is two speakers
            tail = direct and _finishes_attribution(gap)
            # ... and never past a quotation that runs on into a name of its own ("“B,” Benjamin Rhodes said
            # Sunday"; "“B,” he said" is the same speaker going on; after "“B.” Mr. Zahed said: “C”" the name is C's)
            if (text[seg.start : seg.end].rstrip("\"”'’` ").endswith(",")
                    and _NAMED_ATTRIBUTION.match(text, seg.end)):
                break
            if "\n" not in gap and (short or tail):
                q.content = Span(q.content.start, seg.end, text[q.content.start : seg.end])
                break


_SAYS = re.compile(r"\b(?:said|says|told|tells|added|adds|asked|asks|wrote|writes|replied|responded)\b")
_PARENTHESIS_OPENS = re.compile(r"\s*,\s*$")
_GOES_ON = re.compile(r"\s*,\s+(?=[a-z0-9])")
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z\"“]|\s*$|\s*\n)")


def _before_own_speaker(q: Quote, text: str) -> Span:
    """"Asked what a firm commitment looks like, Devine replied: ...": the parse runs the question on over the
    one asked and the verb of the answer; what was asked ends before its own speaker."""
    c, sp = q.content, q.speaker
    if sp is None or q.cue is None or q.cue.end > c.start or not (c.start < sp.start < c.end) or _opens_at(text, c.start):
        return c  # (an attribution inside the content, "In his state, Christie said, ...", splits it instead)
    end = sp.start - (len(text[c.start : sp.start]) - len(text[c.start : sp.start].rstrip(" ,")))
    return Span(c.start, end, text[c.start : end]) if end > c.start else c


def _before_another_speaker(q: Quote, quotes: list[Quote], text: str) -> Span:
    """"USAF officials said that the contract had been awarded on merit, with UBS analyst David Strauss saying
    ...": the officials' words end where the sentence turns to someone else's."""
    c = q.content
    for o in quotes:
        if o is q or o.speaker is None or o.cue is None or not (c.start < o.speaker.start and o.cue.end <= c.end):
            continue
        turn = re.search(r"[,;]?\s+with\s+$", text[c.start : o.speaker.start])
        if turn and turn.start() > 0:
            return Span(c.start, c.start + turn.start(), text[c.start : c.start + turn.start()])
    return c


_AS_SAYING = re.compile(r"[^\n]{0,80}?\bas\s+saying\s*[:,]?\s*")


def _after_as_saying(q: Quote, text: str) -> Span:
    """'quotes a "Senate aide" as saying: "..."': what was said starts after "as saying", not at whom it quotes."""
    c = q.content
    if q.cue is None or not q.cue.text.lower().startswith("quot"):
        return c
    m = _AS_SAYING.match(text, c.start, c.end)
    return Span(m.end(), c.end, text[m.end() : c.end]) if m and m.end() < c.end else c


def _speech_participle(word: str) -> bool:
    """"adding", "saying", "noting", "citing", "referring": a reporting verb's -ing form."""
    w = word.lower().strip(",.;:")
    if not w.endswith("ing") or len(w) < 6:
        return False
    root = w[:-3]
    return bool({root, root + "e", root[:-1] if len(root) > 2 and root[-1] == root[-2] else root} & SPEECH)


def _across_parenthetical(quotes: list[Quote], text: str) -> None:
    """"In his state, Christie said, nonviolent offenders are sent to treatment": an attribution set off by commas
    inside the sentence splits what was said in two, and the content runs on to the sentence's end (the parse
    stops it at the attribution). The attribution stays inside the span; the brief cuts it out when showing it."""
    for q in quotes:
        if q.cue is None or q.speaker is None or _opens_at(text, q.content.start):
            continue
        start = min(q.cue.start, q.speaker.start)
        end = max(q.cue.end, q.speaker.end)
        if q.content.end > start or not _PARENTHESIS_OPENS.fullmatch(text, q.content.end, start):
            continue
        after = _GOES_ON.match(text, end)
        if after is None or _speech_participle(text[after.end() :].split(" ", 1)[0]):
            continue  # "..., the spokesman said, adding that ...": a second attribution, not the rest of the first
        stop = _SENTENCE_END.search(text, after.end())
        line_end = text.find("\n", after.end())
        tail_end = min(x for x in (stop.start() if stop else len(text), line_end if line_end >= 0 else len(text)))
        if any(_opens_at(text, i) for i in range(after.end(), min(tail_end, after.end() + 3))):
            continue  # a quotation follows: its own attribution's business (not a phrase quoted further on)
        q.content = Span(q.content.start, tail_end, text[q.content.start : tail_end])


def _overlaps_cue(q: Quote, seg: Segment) -> bool:
    return any(x is not None and x.start < seg.end and seg.start < x.end for x in (q.cue, q.speaker))


def _orphan_segments(quotes: list[Quote], segments: list[Segment], text: str, docs: list[tuple[int, Doc]]) -> list[Quote]:
    """Quotations no verb claimed: a paragraph that is a quotation continues the previous speaker's words."""
    out: list[Quote] = []
    claimed = [(q.content.start, q.content.end) for q in quotes]
    block_starts = {base for base, _ in docs}
    for seg in segments:
        if any(_overlap(seg.start, seg.end, s, e) > 0 for s, e in claimed):
            continue
        words = len(text[seg.start : seg.end].split())
        if words < 4:
            continue  # scare quotes, titles
        para_start = max((b for b in block_starts if b <= seg.start), default=0)
        goes_on = _right_after_attribution(quotes, seg.start, text)  # the quote whose speaker goes on, if any
        if text[para_start : seg.start].strip() and not goes_on:
            continue  # a quotation inside a sentence with no reporting verb: a title or a term, not speech
        prev = [q for q in quotes + out if q.content.end <= seg.start and seg.start - q.content.end < 1500]
        if not prev:
            continue
        last = max(prev, key=lambda q: q.content.end)
        between = text[last.content.end : seg.start]
        # Words after the quotation in its paragraph are its own attribution, which the parse missed ('"...resign
        # in disgrace!" the presumptive GOP nominee, Donald Trump, tweeted'): not the previous speaker's words.
        para_end = text.find("\n", seg.end)
        if any(ch.isalnum() for ch in text[seg.end : len(text) if para_end < 0 else para_end]):
            speaker, cue = _trailing_attribution(docs, seg.end, len(text) if para_end < 0 else para_end)
            if speaker is None and goes_on:
                speaker, cue = goes_on.speaker, goes_on.cue
            out.append(Quote(content=Span(seg.start, seg.end, text[seg.start : seg.end]), speaker=speaker, cue=cue,
                             direct=True))
            continue
        if between.count("\n") <= 2 and len(between) < 200 and _opens_at(text, last.content.start):
            # the speaker goes on in the next paragraph: one attribution over both
            last.content = Span(last.content.start, seg.end, text[last.content.start : seg.end])
            claimed.append((seg.start, seg.end))
            continue
        out.append(Quote(content=Span(seg.start, seg.end, text[seg.start : seg.end]), speaker=last.speaker,
                         cue=goes_on.cue if goes_on else None, direct=True))
    return out


def _right_after_attribution(quotes: list[Quote], at: int, text: str) -> Quote | None:
    """The attribution whose sentence a quotation at `at` follows right after, ending with its speaker and verb
    ('The stakes are high, Becerra said. "Nevada is ..."'): the same speaker goes on (`_join_split_quotes` joins
    only quoted parts, so an indirect one does not swallow the attribution)."""
    for q in quotes:
        if q.cue is not None:
            pivot = max(q.cue.end, q.speaker.end if q.speaker else 0)
            if pivot <= at and q.content.end <= pivot and _finishes_attribution(text[pivot:at]):
                return q  # ('..., Becerra said in an interview Tuesday. "..."' too)
    return None


def _finishes_attribution(gap: str) -> bool:
    """Whether `gap`, the words from an attribution's verb to the next quotation, only finish that attribution's
    sentence (" in a speech Tuesday. "): no other sentence ("Mrs. Clinton" ends none), and no other attribution
    ('“A,” McCain said. The senator said ..., “B”' is two)."""
    return (len(gap) <= 150 and re.fullmatch(r"[^“”\"\n]*[.,:]\s*", gap) is not None
            and not re.search(r"[a-z]{3}[.!?]\s+[A-Z]", gap.rstrip()) and not _SAYS.search(gap))


def _trailing_attribution(docs: list[tuple[int, Doc]], start: int, end: int) -> tuple[Span | None, Span | None]:
    """(speaker, cue) in the words after a quotation up to its paragraph's end: the subject of the first verb of
    saying ('the president added', 'he said'), else the name just before it ('the presumptive GOP nominee, Donald
    Trump, tweeted') or just after it ('said Leslie Wimes, a Florida Democrat'); (None, None) when there is none."""
    for base, doc in docs:
        if not (base <= start < base + len(doc.text)):
            continue
        toks = [t for t in doc if start <= base + t.idx < end]
        verb = next((t for t in toks if t.pos_ == "VERB" and t.lemma_.lower() in SPEECH), None)
        if verb is None:
            # a signed quotation: '"..." ― Pamela Padilla'
            signed = re.match(r"[\s\u00a0\"”’']*[―—–-]\s*", doc.text[start - base : end - base])
            names = [e for e in doc.ents if e.label_ == "PERSON" and signed is not None
                     and base + e.start_char == start + signed.end()]
            return (_span(doc, names[0].start, names[0].end, base), None) if names else (None, None)
        cue = _span(doc, verb.i, verb.i + 1, base)
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and base + c.idx >= start), None)
        if subj is not None:
            return _span(doc, *_subtree(subj), base), cue
        names = [e for e in doc.ents if e.label_ in ("PERSON", "ORG", "NORP", "GPE")
                 and start <= base + e.start_char and base + e.end_char <= end]
        before = [e for e in names if e.end <= verb.i]
        after = [e for e in names if e.start > verb.i]
        if before or after:
            e = before[-1] if before else after[0]
            return _span(doc, e.start, e.end, base), cue
        return None, None
    return None, None


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def _trim(span: Span, text: str) -> Span:
    s, e = span.start, span.end
    while s < e and text[s] in " \n\t,;:—–-":
        s += 1
    while e > s and text[e - 1] in " \n\t;:—–-(":
        e -= 1
    return Span(s, e, text[s:e])


def _is_direct(span: Span, segments: list[Segment]) -> bool:
    n = span.end - span.start
    if n <= 0:
        return False
    inside = sum(_overlap(span.start, span.end, s.start, s.end) for s in segments)
    return inside >= 0.6 * n
