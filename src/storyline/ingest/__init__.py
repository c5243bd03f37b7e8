"""Files and folders in, `Article`s out: one reader per format, and one `Rejected` per input that is not an article.

`read_paths` is the door every command uses. It walks folders in a fixed order (so ids, stores and outputs are the
same on every run), sends each file to its reader by extension (sniffing .xml, which may be a feed or a page), and
never raises for bad input: a user ingesting ten thousand files needs the nine thousand good ones read and a
one-line reason for each of the others.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from storyline.ingest.feed import read_feed
from storyline.ingest.html import read_html
from storyline.ingest.jsonl import read_json, read_jsonl
from storyline.ingest.text import read_txt
from storyline.ingest.warc import read_warc
from storyline.model import Article, Rejected

__all__ = ["read_paths", "list_files", "read_file", "READERS"]

Reader = Callable[[Path], Iterator["Article | Rejected"]]

READERS: dict[str, Reader] = {
    ".txt": read_txt,
    ".html": read_html,
    ".htm": read_html,
    ".xhtml": read_html,
    ".jsonl": read_jsonl,
    ".jsonl.gz": read_jsonl,
    ".ndjson": read_jsonl,
    ".json": read_json,
    ".rss": read_feed,
    ".atom": read_feed,
    ".warc": read_warc,
    ".warc.gz": read_warc,
}
# Read after sniffing the content: .xml may be a feed or an (X)HTML page.
_SNIFFED = {".xml"}
# Documents a user may well have meant as articles: rejected with advice, even inside folders.
_DOCUMENTS = {".pdf", ".doc", ".docx", ".odt", ".rtf", ".epub", ".pages"}
_SUPPORTED = sorted(set(READERS) | _SNIFFED)


def _suffix(path: Path) -> str:
    name = path.name.lower()
    for double in (".warc.gz", ".jsonl.gz"):
        if name.endswith(double):
            return double
    return path.suffix.lower()


def _hidden(name: str) -> bool:
    return name.startswith(".") or name.startswith("~$")


def _walk(folder: Path, errors: list[Rejected]) -> list[Path]:
    """Every non-hidden file under `folder`, sorted by path, not following links to folders (no cycles).
    Folders that cannot be listed are added to `errors`."""
    found: list[Path] = []

    def unreadable(e: OSError) -> None:
        errors.append(Rejected(str(e.filename or folder), f"cannot open the folder ({e.strerror or e}): check its permissions"))

    for root, dirs, files in os.walk(folder, followlinks=False, onerror=unreadable):
        dirs[:] = [d for d in dirs if not _hidden(d)]
        found.extend(Path(root) / f for f in files if not _hidden(f))
    return sorted(found, key=lambda p: p.relative_to(folder).parts)


def _plan(paths: Iterable[str | Path]) -> Iterator[Path | Rejected]:
    """The files to open, in order, and a Rejected for each named input that cannot be read at all."""
    seen: set[Path] = set()
    for given in paths:
        path = Path(given).expanduser()
        if path.is_dir():
            errors: list[Rejected] = []
            for file in _walk(path, errors):
                suffix = _suffix(file)
                if suffix in READERS or suffix in _SNIFFED:
                    if _first_time(file, seen):
                        yield file
                elif suffix in _DOCUMENTS:
                    yield Rejected(str(file), _unsupported(suffix))
                # anything else in a folder (images, scripts, styles) is not an article: skipped without a word
            yield from errors
        elif path.is_file():
            suffix = _suffix(path)
            if suffix in READERS or suffix in _SNIFFED:
                if _first_time(path, seen):
                    yield path
            else:
                yield Rejected(str(path), _unsupported(suffix))
        elif path.exists():
            yield Rejected(str(path), "not a regular file or folder: give article files or folders of them")
        else:
            yield Rejected(str(given), "no such file or folder")


def _first_time(path: Path, seen: set[Path]) -> bool:
    """False for a file already planned (named twice, or named and inside a named folder): read once."""
    try:
        key = path.resolve()
    except OSError:
        key = path
    if key in seen:
        return False
    seen.add(key)
    return True


def _unsupported(suffix: str) -> str:
    kind = f"'{suffix}' files" if suffix else "files without an extension"
    return f"unsupported file type ({kind}): storyline reads {', '.join(_SUPPORTED)}; convert it to one of these"


def list_files(paths: Iterable[str | Path]) -> list[Path]:
    """The files `read_paths` would open, in the same order (the total for a progress bar)."""
    return [p for p in _plan(paths) if isinstance(p, Path)]


def read_paths(paths: Iterable[str | Path]) -> Iterator[Article | Rejected]:
    """Every article in `paths` (files and folders, walked recursively), and a Rejected for each bad input."""
    for item in _plan(paths):
        if isinstance(item, Rejected):
            yield item
        else:
            yield from read_file(item)


def read_file(path: Path) -> Iterator[Article | Rejected]:
    """The articles of one file, by its extension (or its content, for .xml); never raises for bad content."""
    suffix = _suffix(path)
    reader = READERS.get(suffix) or _sniff(path)
    if reader is None:
        yield Rejected(str(path), "an .xml file that is neither an RSS/Atom feed nor an HTML page: storyline cannot read it")
        return
    try:
        yield from reader(path)
    except Exception as e:  # a reader bug or an unforeseen input must cost one file, not the batch
        detail = " ".join(str(e).split())[:160]
        yield Rejected(str(path), f"could not read the file ({type(e).__name__}: {detail}): check it is a valid {suffix or 'article'} file")


def _sniff(path: Path) -> Reader | None:
    """The reader for an ambiguous file from its first bytes: feed markup, HTML markup, or none."""
    try:
        with path.open("rb") as f:
            head = f.read(4096)
    except OSError:
        return None
    text = head.decode("utf-8", "ignore").lower()
    if "\x00" in text:  # UTF-16: look again at the characters, not the bytes
        for encoding in ("utf-16", "utf-16-le", "utf-16-be"):
            try:
                text = head.decode(encoding, "ignore").lower()
                break
            except UnicodeDecodeError:
                continue
    if not text.strip():
        return read_txt  # an empty .xml: the text reader says "empty file"
    if "<rss" in text or "<feed" in text or "<rdf:rdf" in text or "<channel" in text:
        return read_feed
    if "<html" in text or "<!doctype html" in text or "<body" in text or "<article" in text:
        return read_html
    return None
