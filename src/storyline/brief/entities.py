"""The story's cast: each entity once, under its canonical name, with the other names and roles outlets use."""

from __future__ import annotations

import re
from collections import Counter

from storyline.brief.claims import block_kind, set_aside_spans, usable
from storyline.brief.text import unaccented
from storyline.model import Analysis, Article, EntityGroup
from storyline.nlp.entities import without_leading_participle

# Mentions that are quantities or times are not "who is involved"; the timeline and facts carry them.
_SKIP = {"CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT", "DATE", "TIME"}
# A bare compass point names no place of its own ("a show of force against the North", "some in the West").
_DIRECTIONS = {"north", "south", "east", "west"}


def group_entities(articles: list[Article], analyses: list[Analysis]) -> list[EntityGroup]:
    """Entities by canonical name, most widely reported first (then most mentioned)."""
    by_key: dict[str, dict] = {}
    for art, an in zip(articles, analyses):
        aside = set_aside_spans(art, an)
        for m in an.entities:
            if m.label in _SKIP or not usable(art, m.start, m.end, aside):
                continue
            name = " ".join((m.canonical or m.text).split())
            if not name or name.lower().removeprefix("the ") in _DIRECTIONS:
                continue
            e = by_key.setdefault(unaccented(name.lower()), {"name": name, "labels": Counter(), "own": Counter(),
                                                  "aliases": Counter(), "articles": [], "roles": [], "n": 0})
            e["labels"][m.label] += 1
            e["in_body"] = e.get("in_body", False) or block_kind(art, m.start, m.end) != "title"
            if " ".join(m.text.split()) == name:  # what the full name is tagged as: "Vito Genovese" a person,
                e["own"][m.label] += 1  # however often "Genovese" alone reads as a nationality
            e["n"] += 1
            alias = re.sub(r"['’]s$", "", " ".join(m.text.split()))  # "North Korea's" is North Korea
            alias = without_leading_participle(alias)  # "Following Shoigu" is Shoigu
            alias = re.sub(r"\s+['’\"“”`]+$", "", alias)  # "Vincent '": a name cut off before its nickname
            alias = re.sub(r"^(?:the|The)\s+|\s*[:;,]+$", "", alias)  # "the Academy Awards:" is "Academy Awards"
            if _alias_key(alias) != _alias_key(e["name"]):  # (the name may be the other's spelling without accents)
                e["aliases"][alias] += 1
            if art.id not in e["articles"]:
                e["articles"].append(art.id)
            if m.role and m.role not in e["roles"]:
                e["roles"].append(m.role)
    for e in by_key.values():
        e["label"] = (e["own"] or e["labels"]).most_common(1)[0][0]
    for key, e in list(by_key.items()):  # "Greeks" tagged a person is the people of "Greek"
        nation = by_key.get(key[:-1]) if key.endswith("s") and " " not in key else None
        if nation is not None and nation["label"] == "NORP" and e["label"] == "PERSON":
            nation["aliases"][e["name"]] += e["n"]
            nation["n"] += e["n"]
            nation["articles"] += [a for a in e["articles"] if a not in nation["articles"]]
            del by_key[key]
    _spell_out_states(by_key)
    _split_coordinations(by_key)
    common = _common_words(articles)
    _merge_after_common_word(by_key, common)
    # A catch-all "MISC" name seen in one article only is more often a tagging slip ("Following Shoigu") than
    # someone involved; kept once two outlets name it. A one-word "name" the story also writes in lower case is a
    # common word a capital fooled the tagger with ("Riot Deaths" in a headline, "Pigs! Murderers!").
    # A name only a headline gives is mostly the headline's capitals ("Lindsay Lohan Checks Into Court - Ordered
    # Rehab", "Texas Inmate"): who is involved is named in the articles' text too (unless no article has any).
    has_body = any(e["in_body"] for e in by_key.values())
    kept = [e for e in by_key.values() if not (e["label"] == "MISC" and len(e["articles"]) < 2)
            and not _DATE.match(e["name"])
            and not (" " not in e["name"] and e["name"].lower() in common) and (e["in_body"] or not has_body)]
    ranked = sorted(kept, key=lambda e: (-len(e["articles"]), -e["n"], e["name"]))
    return [EntityGroup(e["name"], e["label"], _distinct(e["aliases"]), e["articles"], e["roles"]) for e in ranked]


# US states as wire datelines abbreviate them ("PASADENA, Calif."). Spelled out only in the list of who and what is
# involved: the facts keep them apart from the spelled-out state, since two claims about two towns in one state
# sharing the state is no sign that they report one fact (ECB+ fact MCC fell 0.315 -> 0.304 when they were merged).
_STATES = {"ala": "Alabama", "ariz": "Arizona", "ark": "Arkansas", "calif": "California", "colo": "Colorado",
           "conn": "Connecticut", "fla": "Florida", "ill": "Illinois", "kan": "Kansas", "mich": "Michigan",
           "minn": "Minnesota", "neb": "Nebraska", "nev": "Nevada", "n.h": "New Hampshire", "n.j": "New Jersey",
           "n.m": "New Mexico", "n.y": "New York", "n.c": "North Carolina", "n.d": "North Dakota", "okla": "Oklahoma",
           "ore": "Oregon", "pa": "Pennsylvania", "r.i": "Rhode Island", "s.c": "South Carolina",
           "s.d": "South Dakota", "tenn": "Tennessee", "tex": "Texas", "wis": "Wisconsin", "wyo": "Wyoming"}


def _spell_out_states(by_key: dict[str, dict]) -> None:
    """A state written as a dateline abbreviation joins the state (as an alias), spelled out."""
    for key in [k for k in by_key if k.rstrip(".") in _STATES and by_key[k]["label"] == "GPE"]:
        short = by_key.pop(key)
        full = _STATES[key.rstrip(".")]
        e = by_key.setdefault(full.lower(), {**short, "name": full, "aliases": Counter(), "articles": [], "n": 0})
        _fold(e, short)


def _fold(into: dict, e: dict) -> None:
    """Entity `e` becomes one more name of `into`: its name and aliases, mentions, articles and roles."""
    into["aliases"][e["name"]] += e["n"]
    into["aliases"].update(e["aliases"])
    into["n"] += e["n"]
    into["articles"] += [a for a in e["articles"] if a not in into["articles"]]
    into["roles"] += [r for r in e["roles"] if r not in into["roles"]]


def _owners(by_key: dict[str, dict]) -> dict[str, str]:
    """Each name and alias (as `_alias_key` spells it) -> the key of the entity that has it (the first one)."""
    owner: dict[str, str] = {}
    for key, e in by_key.items():
        for name in (e["name"], *e["aliases"]):
            owner.setdefault(_alias_key(name), key)
    return owner


_COORDINATION = re.compile(r"^(.+?)\s+(?:and|&)\s+(.+)$")
# The word an organisation's own name ends with: "U.S. Fish and Wildlife Service" is one agency, however the tagger
# cut "U.S. Fish" and "Wildlife Service" out of it elsewhere in the story.
_ORGANISATION_HEAD = re.compile(
    r"\b(?:Service|Services|Department|Committee|Commission|Bureau|Administration|Office|Agency|Council|Institute|"
    r"Society|Association|University|College|School|Cent(?:er|re)|Foundation|Board|Authority|Ministry|Rescue|"
    r"Sciences|Company|Group|Party|Union|Fund|Bank|Court)$")


def _split_coordinations(by_key: dict[str, dict]) -> None:
    """A "name" that joins two of the story's other names is both of them, not a third entity: the tagger reads
    "Lopez and Carrasquillo" or "EU & IMF" as one organisation. Its articles go to each; an organisation whose
    parts are not names of their own ("Department of Health and Human Services") stays whole."""
    owner = _owners(by_key)
    for key in list(by_key):
        m = None if _ORGANISATION_HEAD.search(by_key[key]["name"]) else _COORDINATION.match(by_key[key]["name"])
        parts = [owner.get(_alias_key(p)) for p in m.groups()] if m else []
        if parts and all(parts) and key not in parts:
            e = by_key.pop(key)
            for part in dict.fromkeys(parts):
                by_key[part]["articles"] += [a for a in e["articles"] if a not in by_key[part]["articles"]]


# A day written as a name ("10th Nov", "Nov 10th"): the timeline carries dates, the cast does not.
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
          r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DATE = re.compile(rf"^(?:{_DAY}\s+{_MONTH}|{_MONTH}\s+{_DAY})(?:,?\s+\d{{4}})?$", re.I)


def _merge_after_common_word(by_key: dict[str, dict], common: set[str]) -> None:
    """"Warship INS Sukanya", "Actress Lindsay Lohan": a capitalised common word ("the warship", "the actress" in
    the story's text) glued to a name the story also gives alone is that name, written once more."""
    owner = _owners(by_key)
    for key in sorted(by_key, key=lambda k: -len(k.split())):
        e = by_key.get(key)
        words = e["name"].split() if e else []
        if len(words) < 2 or words[0].lower() not in common or e["label"] != "PERSON":
            continue  # ("South Africa" and "White House" are names of their own)
        target = owner.get(_alias_key(" ".join(words[1:])))
        if target in (None, key) or target not in by_key or by_key[target]["label"] not in ("PERSON", "MISC"):
            continue
        if len(words) == 2 and len(by_key[target]["name"].split()) > 1:
            continue  # "Bill Clinton" beside "Hillary Clinton": a given name that is also a word ("the bill")
        _fold(by_key[target], by_key.pop(key))
        for name in (e["name"], *e["aliases"]):
            owner[_alias_key(name)] = target


def _common_words(articles: list[Article]) -> set[str]:
    """The words the story writes in lower case somewhere ("riot", "murderers")."""
    return {w for a in articles for w in re.findall(r"(?<![\w'’-])[a-z][a-z'’-]+", a.text)}


def _alias_key(alias: str) -> str:
    """What two spellings of one alias share: "the Democratic People’s Republic" / "Democratic People's Republic"."""
    return re.sub(r"^the\s+", "", alias.replace("’", "'").lower()).rstrip(".")


def _distinct(aliases: Counter) -> list[str]:
    """The aliases, most used first, one spelling each."""
    out: dict[str, str] = {}
    for alias, _ in aliases.most_common():
        out.setdefault(_alias_key(alias), alias)
    return list(out.values())
