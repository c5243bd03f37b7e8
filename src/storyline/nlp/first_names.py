"""Which given names are nearly always a man's or a woman's: the prior that keeps "she said" from meaning Robert.

Why: a pronoun speaker is resolved to the last speaker or the last person named (`coref`), and an article rarely
shows a person's gender in the ways `coref` reads (Mr./Ms., "spokeswoman"). "Tina Houchins had a question for the
president. ... she said" went to Barack Obama, the last speaker. A given name is evidence enough to rule a person
out for the other pronoun; only names nearly always used for one gender count, and what the article says of a
person always wins over the name.

The table (`data/first_names.tsv.gz`: name, m or f) is derived from the name data of the PyPI package
`nomquamgender==0.1.4` (MIT licence, Ian Van Buskirk): given names seen at least `MIN_COUNT` times whose share of
women is at least `WOMEN` or at most `MEN`. The bounds differ because the data's noise does: plainly male names
carry up to 9% women (George 6.6%, Dan 5.9%), while 0.90-0.92 holds names men bear too (Lindsey, Whitney,
Marion). Rebuild it with
`pip install nomquamgender==0.1.4 && .venv/bin/python -m storyline.nlp.first_names`.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import re
from functools import cache
from pathlib import Path

MIN_COUNT = 100
WOMEN = 0.92  # share of women at or above which a given name is a woman's
MEN = 0.10  # ... at or below which it is a man's
_TABLE = Path(__file__).parent / "data" / "first_names.tsv.gz"


@cache
def _table() -> dict[str, str]:
    if not _TABLE.exists():
        return {}
    with gzip.open(_TABLE, "rt", encoding="utf-8") as f:
        return dict(line.rstrip("\n").split("\t") for line in f if "\t" in line)


def gender_of_name(name: str) -> str | None:
    """"m" or "f" when the first word of a full name (two words or more) is a given name of one gender; else None.
    A single word ("Clinton") is a surname as often as not, so it says nothing."""
    words = name.split()
    if len(words) < 2:
        return None
    return _table().get(words[0].strip(".").lower())


def build(out: Path = _TABLE) -> int:
    """Write the table from the installed `nomquamgender` package's data; returns the number of names."""
    spec = importlib.util.find_spec("nomquamgender")  # located, not imported: its module needs pandas
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("nomquamgender is not installed: pip install nomquamgender==0.1.4")
    with open(Path(spec.submodule_search_locations[0]) / "name_data.json", encoding="utf-8") as f:
        data = json.load(f)  # name -> [sources, count, share of women, ...]
    rows = sorted((n, "f" if r[2] >= WOMEN else "m") for n, r in data.items()
                  if re.fullmatch(r"[a-z][a-z'-]+", n) and r[1] >= MIN_COUNT and (r[2] >= WOMEN or r[2] <= MEN))
    with gzip.open(out, "wt", encoding="utf-8") as f:
        f.writelines(f"{n}\t{g}\n" for n, g in rows)
    return len(rows)


if __name__ == "__main__":
    print(f"{build()} names written to {_TABLE}")
