"""Per outlet: what it adds that no other outlet has, and what most others report that it leaves out."""

from __future__ import annotations

from storyline.brief.text import dangling
from storyline.model import Fact, OutletNote

MAX_ITEMS = 5


def outlet_notes(facts: list[Fact], importance: list[float], outlets: list[str]) -> list[OutletNote]:
    """One note per outlet; "omits" needs a fact carried by at least two outlets and by most of the others.

    With two outlets nothing counts as omitted: one outlet alone is not "most others", and its extras are
    already listed as what it adds.
    """
    # Most important first, but a fact that reads on its own before one that leans on the sentence before it
    # ("It also launched a search for the pirates who escaped"): the note is read without the article.
    order = sorted(range(len(facts)), key=lambda k: (dangling(facts[k].text), -importance[k]))
    notes = []
    for o in outlets:
        others = [x for x in outlets if x != o]
        adds = [facts[k].shown() for k in order if facts[k].outlets == [o]][:MAX_ITEMS]
        omits = []
        for k in order:
            carried = [x for x in facts[k].outlets if x != o]
            if o not in facts[k].outlets and len(carried) >= 2 and len(carried) * 2 > len(others):
                omits.append(facts[k].shown())
        notes.append(OutletNote(o, adds, omits[:MAX_ITEMS]))
    return notes

