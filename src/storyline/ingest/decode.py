"""Bytes to text, the way articles really arrive: UTF-8, Windows-1252, Latin-1, UTF-16 with a BOM, or not text at all.

A reader must never crash on a file: a wrong encoding is decoded (a user's latin-1 export is still their
article), and what cannot be text (an image renamed .txt, a truncated zip) becomes one `Rejected` whose reason says
what is wrong and what to do.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from storyline.model import Rejected

# One article is a few kB; a single .txt/.html over this is a dump or a mistake, and would stall analysis.
MAX_FILE_BYTES = 10 * 1024 * 1024
# JSON arrays must be loaded whole; JSONL streams and has no file limit, only a per-article one.
MAX_JSON_BYTES = 200 * 1024 * 1024
MAX_ARTICLE_CHARS = 1_000_000

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]
_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")


def human_size(n: int) -> str:
    """"50.0 MB" for messages a user reads."""
    for unit in ("bytes", "kB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1024  # type: ignore[assignment]
    return f"{n} bytes"


def check_size(path: Path, limit: int = MAX_FILE_BYTES, advice: str = "split it into one file per article") -> Rejected | None:
    """A Rejected when `path` is over `limit` bytes (checked before reading, so a huge file costs nothing)."""
    size = path.stat().st_size
    if size > limit:
        return Rejected(str(path), f"file is too large ({human_size(size)}; the limit is {human_size(limit)}): {advice}")
    return None


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str | None, str]:
    """(text, encoding) or (None, reason) when the bytes are not text.

    Order: a BOM decides; then UTF-16 without a BOM (NULs in every other byte); NUL bytes otherwise mean binary;
    then UTF-8, a charset the document declares, Windows-1252, and Latin-1 (which accepts any byte, so a final check
    for control characters tells binary from text).
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding).removeprefix("\ufeff"), encoding
            except UnicodeDecodeError:
                return None, f"starts with a {encoding} byte-order mark but is not valid {encoding}: re-save it as UTF-8"
    utf16 = _sniff_utf16(data)
    if utf16:
        try:
            return data.decode(utf16), utf16
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:65536]:
        return None, "binary file (contains NUL bytes), not text: give storyline the article as .txt, .html or .jsonl"
    candidates = ["utf-8"]
    if declared:
        candidates.append(declared)
    candidates += ["cp1252", "latin-1"]
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        sample = text[:65536]
        if sample and len(_CONTROL_RE.findall(sample)) > max(8, len(sample) // 100):
            return None, "binary file (control characters throughout), not text: give storyline the article as .txt, .html or .jsonl"
        return text.removeprefix("\ufeff"), encoding  # a byte-order mark is not part of the text
    return None, "could not decode the file as text: re-save it as UTF-8"


def _sniff_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: plain ASCII-range text has a NUL in every other byte."""
    sample = data[:4096]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def read_bytes(
    path: Path, limit: int = MAX_FILE_BYTES, advice: str = "split it into one file per article"
) -> bytes | Rejected:
    """A whole file's bytes, or a Rejected saying why not (too large, unreadable, empty): every reader's first step."""
    too_big = check_size(path, limit, advice)
    if too_big:
        return too_big
    try:
        data = path.read_bytes()
    except OSError as e:
        return Rejected(str(path), f"cannot read the file ({e.strerror or e}): check its permissions")
    if not data.strip():
        return Rejected(str(path), "empty file: nothing to read")
    return data


def read_text(path: Path, limit: int = MAX_FILE_BYTES) -> str | Rejected:
    """The decoded content of a text file, or a Rejected saying why it cannot be one (too large, empty, binary)."""
    data = read_bytes(path, limit)
    if isinstance(data, Rejected):
        return data
    text, reason = decode_bytes(data, declared=_declared_charset(data))
    if text is None:
        return Rejected(str(path), reason)
    if not text.strip():
        return Rejected(str(path), "empty file: nothing to read")
    return text


def _declared_charset(data: bytes) -> str | None:
    """The charset an HTML/XML file declares in its first bytes (<meta charset=...>, <?xml encoding=...?>)."""
    head = data[:4096]
    m = re.search(rb"""(?:charset|encoding)\s*=\s*["']?([A-Za-z0-9_.:-]{2,40})""", head, re.I)
    if not m:
        return None
    name = m.group(1).decode("ascii", "replace").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def repair_mojibake(text: str) -> str:
    """`text` with mojibake undone: UTF-8 that was once read as Windows-1252 or Latin-1 ("PeÃ±a Nieto",
    "Itâ€™s") back to what was written ("Peña Nieto", "It’s"); other text comes back unchanged.

    Why: scraped and exported news often went through one wrong decode before it reached us, and the names in it
    ("PeÃ±a") then match nothing. ftfy only touches sequences that are far likelier mojibake than real text, and the
    caller keeps the text as given next to the repair.
    """
    import unicodedata

    import ftfy

    if text.isascii():
        return text
    composed = unicodedata.normalize("NFC", text)  # "PeA\u0303\u00b1a": mojibake later decomposed, as PolNeAR has it
    if not ftfy.badness.is_bad(composed):
        return text
    fixed = ftfy.fix_encoding(composed)
    return fixed if fixed != composed else text


# Characters that show nothing but split a word for every reader after us: a soft hyphen ("Andr\u00ades" is two
# tokens to the parser, and no name), zero-width spaces and word joiners, a byte-order mark inside the text.
_INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff]")
INVISIBLE_REPAIR = "invisible characters removed (soft hyphens, zero-width spaces): they split words"


def without_invisible(text: str) -> str:
    """`text` without the invisible characters that split words (see _INVISIBLE); other text comes back unchanged."""
    return _INVISIBLE.sub("", text) if not text.isascii() else text
