"""Is an article in English? storyline's models (the spaCy pipeline, MiniLM, the time rules) read English only.

An article in another language does not fail loudly downstream: its sentences get nonsense entities, and two
Hindi headlines come out "corroborated" because MiniLM maps text it cannot read to nearby vectors. So ingest
rejects it, with the language it reads as, and the user decides (translate it, or leave it out).

No language model is needed for the cases that matter: another script shows in the Unicode names of the letters,
and the Latin-script languages news comes in most show in their function words, which English text hardly uses.
A lower-cased keyword list (some datasets ship those) has no function words in any language and is kept.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

MIN_WORDS = 20  # shorter texts say too little to judge
SAMPLE_CHARS = 1500
LATIN_SHARE = 0.5  # below this share of Latin letters, the text is in another script
# Function words of the Latin-script languages (not English words too: "a", "in", "die", "also" are left out).
_FUNCTION_WORDS = {
    "Spanish": "el la los las del que y en por para con una es se lo como más pero sus al fue este esta",
    "French": "le la les des du et est une pour dans qui que sur pas au aux avec ce cette sont été",
    "German": "der die das und ist nicht ein eine den dem mit sich auf für von zu auch wird wurde sind",
    "Italian": "il lo gli della che di una per con non sono è alla nel del sul anche come più",
    "Portuguese": "o os as da do das dos que em uma para com não por mais foi são ao",
    "Dutch": "de het een en van is niet op met voor zijn dat er ook aan bij wordt",
}
_PROFILES = {lang: set(words.split()) for lang, words in _FUNCTION_WORDS.items()}
_ENGLISH = (" the ", " of ", " and ", " to ", " a ", " in ", " is ", " was ", " for ", " that ", " on ", " with ",
            " said ", " by ", " at ", " from ", " it ", " his ", " her ", " are ", " were ", " has ", " have ")
ENGLISH_SHARE = 0.08  # English prose has about 30% of its words among those; another language 1-3%
_ASCII_LETTERS = re.compile(r"[A-Za-z]+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def _script(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return name.split(" ")[0] if name else "UNKNOWN"


def latin_share(text: str) -> float:
    """The share of the text's letters that are Latin (1.0 for a text without letters)."""
    if text.isascii():
        return 1.0
    others = Counter(_script(ch) for ch in _NON_ASCII.findall(text) if ch.isalpha())
    if not others or others["LATIN"] == sum(others.values()):
        return 1.0  # English with curly quotes or an accented name
    ascii_letters = sum(map(len, _ASCII_LETTERS.findall(text)))
    total = ascii_letters + sum(others.values())
    return (ascii_letters + others["LATIN"]) / total if total else 1.0


def not_english(text: str) -> str | None:
    """Why `text` is not English ("Devanagari script", "Spanish"), or None when it is (or too short to tell).
    The first SAMPLE_CHARS characters decide: a language shows in a paragraph, and ingest stays fast."""
    text = text[:SAMPLE_CHARS]
    n_words = len(text.split())
    if n_words < MIN_WORDS:
        return None
    if latin_share(text) < LATIN_SHARE:
        other = Counter(_script(ch) for ch in text if ch.isalpha() and _script(ch) != "LATIN").most_common(1)[0][0]
        return f"{other.title()} script"
    sample = " " + " ".join(text.lower().split()) + " "
    english = sum(sample.count(w) for w in _ENGLISH)
    if english >= ENGLISH_SHARE * n_words or text.islower():
        return None  # English prose (the common case, decided at C speed), or a lower-cased keyword list
    lower = [w.lower() for w in _WORD.findall(text)]
    lang, hits = max(((lang, sum(w in profile for w in lower)) for lang, profile in _PROFILES.items()),
                     key=lambda x: x[1])
    return lang if hits >= 0.12 * len(lower) and hits > 2 * english else None
