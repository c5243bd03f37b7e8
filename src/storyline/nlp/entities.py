"""Named entities with one canonical name per real-world entity, and the roles the text gives people.

Why rules over the story's own mentions: a story names its people in full once ("Russian President Vladimir
Putin") and then by surname or title; organisations by an acronym defined in the text ("... Air Force (USAF)") or
well known ("DPRK"). Matching short forms to the longer names present in the same story, plus a small gazetteer
kept as data, settles most of them without an entity-linking model (none installs offline here).
"""

from __future__ import annotations

import functools
import re
import string
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

from spacy.tokens import Doc, Span as SpacySpan, Token

from storyline.model import NAME_PARTICLES, Mention

NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"}
TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "sen", "senator", "rep", "representative", "gov", "governor", "president",
    "vice", "prime", "minister", "secretary", "gen", "general", "col", "lt", "capt", "sgt", "adm", "admiral",
    "prof", "professor", "rev", "sir", "dame", "lord", "lady", "king", "queen", "prince", "princess", "pope",
    "chancellor", "chairman", "chairwoman", "ceo", "judge", "justice", "mayor", "ambassador", "spokesman",
    "spokeswoman", "spokesperson", "leader", "dictator", "commissioner", "director", "attorney", "speaker",
    "premier", "sheikh", "emir", "st", "officer", "chief", "deputy", "foreign", "defense", "defence",
    "const", "constable", "cst", "det", "detective", "insp", "inspector", "supt", "superintendent", "cpl",
    "corporal", "sergeant", "lieutenant", "captain", "colonel", "maj", "cmdr", "commander", "pvt", "sheriff",
    "lawyer", "coach", "trooper",
}  # fmt: skip
# Titles written short: a name never ends with one, so a mention that does ("Vancouver police Const") is the
# rank cut off from the name after it.
TITLE_ABBREVIATIONS = {"const", "cst", "det", "insp", "supt", "cpl", "sgt", "lt", "capt", "col", "maj", "cmdr",
                        "pvt", "gen", "adm", "sen", "rep", "gov", "dr", "mr", "mrs", "ms", "prof", "rev"}  # fmt: skip
_ROLE_ONLY = TITLES | {"executive", "officer", "chief", "vice", "board", "directors", "director", "chair", "head",
                       "manager", "president", "analyst", "spokesman", "of", "the", "and", "financial", "operating"}
_CONNECT = {"of", "and", "the", "for", "&", "de", "du", "des", "la", "le", "on", "in"}
_ACRONYM = re.compile(r"^(?:[A-Z]\.?){2,6}$|^[A-Z][A-Za-z]?[A-Z]{1,5}$")
_AGENT_DEPS = {"nsubj", "nsubjpass", "dobj", "poss", "agent", "iobj"}
# A capital after one of these prepositions is the place ("a parade in Pyongyang"), and so it is after "to" or
# "from" when a trip is meant ("a visit to Pyongyang", "flew from Moscow"); elsewhere it stands for its
# government ("sold shells to Moscow", "sanctions on Moscow", "between Moscow and Pyongyang").
_LOCATIVE = {"in", "at", "near", "outside", "inside", "around", "across", "within", "into", "throughout", "via"}
_MOTION = {"visit", "trip", "travel", "journey", "flight", "fly", "go", "come", "arrive", "return", "move", "head",
           "drive", "march", "relocate", "commute", "tour", "delegation", "road", "route", "way", "train", "bus"}
# Nouns that make the capital next to them the city: "the capital of Canberra", "Tokyo, the nation's capital",
# "the mayor of Moscow".
_CITY_NOUNS = {"capital", "city", "town", "mayor", "governor", "street", "outskirts", "suburb", "centre", "center",
               "resident", "people", "heart", "sky", "air", "district", "airport", "home", "house", "apartment",
               "flat", "office", "residence", "hotel", "hospital", "station", "subway", "metro", "police", "court",
               "neighborhood", "neighbourhood", "area", "university", "stadium", "marathon", "traffic", "skyline",
               "store", "shop", "restaurant", "bar", "museum", "church", "mosque", "school", "bank", "branch",
               "zoo", "park", "square", "district", "suburb", "hostel", "prison", "jail", "court", "mall"}
_CREDIT = re.compile(r"^(?:Getty(?: Images)?|AFP|AP|Reuters|EPA|Shutterstock)\s+(?=[A-Z]\w+\s+[A-Z])")
_PLATFORM = re.compile(r"^(?:Twitter|Facebook|Instagram|YouTube|TikTok|Snapchat|LinkedIn|Reddit|WhatsApp|Telegram)\s+(?=[A-Z])")
# A photographer's credit: "Khalid Mohammed/AP" names who took the picture, not anyone in the story.
_PHOTOGRAPHER = re.compile(r"\s*/\s*(?:AP|AFP|Reuters|EPA|Getty(?: Images)?|Shutterstock|Bloomberg|Xinhua)\b")
_HYPHEN_TAIL = re.compile(r"-([a-z]+)(?:-[A-Za-z]+)*\b")
# What a name is joined to that is not more of the name: "Trump-era", "Kremlin-funded", "Obama-style".
_HYPHEN_WORDS = {"led", "era", "run", "born", "based", "backed", "funded", "style", "like", "owned", "made", "linked",
                 "related", "allied", "aligned", "appointed", "friendly", "leaning", "esque", "ish", "type",
                 "controlled", "inspired", "designed", "sponsored", "affiliated", "focused", "dominated", "free",
                 "wide", "supporting", "endorsed", "nominated", "signed", "approved", "brokered", "owned", "year"}
# What a capital's government has or does, for a capital that modifies a noun: "Beijing officials", "a Kremlin
# scheme"; anything else it modifies is the city's ("Paris thieves", "a Tokyo home").
_GOVERNMENT_NOUNS = {"official", "government", "leadership", "leader", "regime", "authority", "administration",
                     "diplomat", "diplomacy", "minister", "ministry", "policy", "scheme", "plan", "decision", "envoy",
                     "spokesman", "spokeswoman", "spokesperson", "negotiator", "ally", "propaganda", "campaign",
                     "claim", "statement", "offer", "demand", "proposal", "deal", "narrative", "position", "stance",
                     "strategy", "effort", "threat", "response", "move", "sanction", "aggression", "backing", "support",
                     "war", "invasion", "troop", "force", "military", "army", "agent", "intelligence", "insider",
                     "critic", "line", "talk", "pressure", "influence", "interference", "meddling", "crackdown"}
# What a place goes through rather than does: "Paris also witnessed another robbery".
_UNDERGOES = {"be", "have", "witness", "host", "experience", "suffer"}
_STRUCK = {"hit", "strike", "attack", "shell", "bomb", "flood", "rock", "shake", "raid", "rob", "paralyse", "paralyze",
           "blanket", "batter", "lash", "evacuate", "lock"}
# What follows the place in capitals that opens a wire dateline: "SYDNEY, Australia -", "LOS ANGELES (CBSLA) —".
_DATELINE_AFTER = re.compile(r"\s*(?:,|\(|--|[-–—―])|\s+[A-Z][a-z]")  # or no mark: "WASHINGTON The ..."
# A ministry's portfolio before a title is part of a person's role ("Defense Minister Sergei Shoigu").
_PORTFOLIOS = {"defense", "defence", "foreign", "interior", "treasury", "finance", "justice", "health", "energy",
               "commerce", "labor", "labour", "education", "transport", "transportation", "trade", "economy",
               "home", "state", "homeland security", "agriculture"}  # fmt: skip


@functools.lru_cache(maxsize=1)
def gazetteer() -> dict[str, tuple[str, str, str]]:
    """alias (lower-cased) -> (canonical, type, kind) from data/aliases.tsv."""
    out: dict[str, tuple[str, str, str]] = {}
    path = Path(__file__).parent / "data" / "aliases.tsv"
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        alias, canon, typ, kind = (line.split("\t") + ["", "", "alias"])[:4]
        out[_key(alias)] = (canon, typ, kind or "alias")
        out.setdefault(_key(canon), (canon, typ, "alias"))
    return out


_COURTESY = re.compile(r"^(?:Mr|Mrs|Ms|Mx|Dr)\.?\s+[A-Z]")
_PLACE_OF = re.compile(r"\b(?:city|town|village|port|province|district|county|island|region)\s+of\s+$", re.I)


def _key(name: str) -> str:
    return re.sub(r"\s+", " ", name.replace("\u00a0", " ").replace("’", "'")).strip().lower()


# Words that open a sentence before a name, capitalised only for that: "Joining Cooley at the news conference
# was ...", "Following Shoigu's visit ...". A name never starts with one of them.
_LEADING_PARTICIPLE = re.compile(
    r"^(?:Joining|Following|Including|According|Citing|Quoting|Speaking|Responding|Reacting|Praising|Criticizing|"
    r"Criticising|Thanking|Accompanying|Flanked|Asked|Echoing)\s+(?=[A-Z])")


def without_leading_participle(text: str) -> str:
    """`text` without a sentence's (or quotation's) first word the tagger ran into a name: "Following Shoigu"."""
    return _LEADING_PARTICIPLE.sub("", text)


_PRONOUNS = {"i", "we", "you", "he", "she", "they", "them"}  # and "Us", "It" as written (not "US", "IT")
# A state's abbreviation as wire copy writes it: "S.C.", "N.H.", "D.C.".
_STATE_INITIALS = re.compile(r"[A-Z]\.[A-Z]\.?")
_STANCE = re.compile(r"(?:pro|anti|un|non|post|pre|neo|mid)-")


def clean_name(text: str, label: str) -> str:
    """The name without a leading "the", a possessive, or (for people) leading titles."""
    # an editor's brackets are no part of the name: "[Hillary] Clinton"
    t = re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("[", "").replace("]", "")).strip()
    # the quotation marks round a title ("`` Way Forward ''"), not part of it
    t = re.sub(r"^(?:``|''|[\"“”‘`])\s*|\s*(?:``|''|[\"“”`]|\s'|\s’)$", "", t).strip()
    t = re.sub(r"(?:'s|’s|‘s|'|’)$", "", t).strip()
    # "a Republican Party", "a White House", and a sentence's first word ("A European Commission review")
    t = re.sub(r"^(?:the|The|a|an)\s+|^An?\s+(?=[A-Z])", "", t)
    t = re.sub(r"\s+(?:the|a|an|of|and)$", "", t)  # "told TMZ the student fell": a word the tagger ran on into
    t = _CREDIT.sub("", t)  # a photo agency run into the name: "Getty Donald Trump"
    t = without_leading_participle(t)  # a sentence's first word taken in: "Joining Cooley at the podium"
    if label == "PERSON":  # a platform run into the name by a flattened list of links: "attacks Trump on Twitter Trump"
        t = _PLATFORM.sub("", t)
    if label == "PERSON":
        words = t.split(" ")
        while len(words) > 1 and words[0].lower().rstrip(".") in TITLES:
            words = words[1:]
        t = " ".join(words)
    return t.strip(" ,.;:-–—\"“”")


def mentions_from_doc(doc: Doc, base: int) -> list[Mention]:
    """The named mentions of one parsed block (offsets into the article), with roles for people and the
    gazetteer's canonical name where one applies (a capital only when it acts: "Pyongyang agreed")."""
    out: list[Mention] = []
    cased = any(ch.isupper() for ch in doc.text)
    for ent in doc.ents:
        if ent.label_ not in NAME_LABELS:
            continue
        # "Mr Widodo" is a person whatever the tagger says ("ORG"): a courtesy title comes before people's names only;
        # and "the port city of Bandar Abbas" names a place, however much the name looks like a person's
        kind = "PERSON" if _COURTESY.match(ent.text) else ent.label_
        start_char = ent.start_char
        if kind == "ORG" and _after_title(ent):
            kind = "PERSON"  # "Academy President Boone Isaacs": a title comes before a person's name
        if kind in NAME_LABELS and (named := name_after_title(ent.text)):
            # "Homicide Detective Dominic Mangoni" (read as an organisation), "Lawyer Alexis Kougias": the person
            # named after the title; the title is the role (see _role)
            start_char, kind = ent.start_char + named, "PERSON"
        if kind in ("PERSON", "ORG", "NORP") and _PLACE_OF.search(doc.text, 0, ent.start_char):
            kind = "GPE"
        if cased and not any(ch.isupper() or ch.isdigit() for ch in ent.text):
            continue  # "jewellery", "rehab": a word in lower case the tagger read as a name (a model's "777s" is
            # one; so is any name in a text written all in lower case)
        # The tagger stops at a hyphen inside a name: "Moon Jae" of "Moon Jae-in", "Kim Jong-" of "Kim Jong-un".
        tail = _HYPHEN_TAIL.match(doc.text, ent.end_char - ent.text.endswith("-")) if kind == "PERSON" else None
        end = tail.end() if tail and tail.group(1) not in _HYPHEN_WORDS else ent.end_char
        if dash := re.search(r"\s+[-–—]+$", doc.text[start_char:end]):
            end = start_char + dash.start()  # "Eric Allen Kirkpatrick -": the dash opening an aside
        name = clean_name(doc.text[start_char:end], kind)
        if name.isupper() and len(name) > 4 and _DATELINE_AFTER.match(doc.text, ent.end_char) and ent.start_char < 3:
            name = string.capwords(name)  # a wire dateline's place: "SYDNEY, Australia -" names Sydney
        if (not name or not any(c.isalpha() for c in name) or name.lower().strip(".") in _CORP | _PRONOUNS
                or name in ("Us", "It") or name.rstrip(".") in _SUFFIXES):
            continue  # "LLC" or "Jr." cut off its name by the NER is not a name of its own, nor is "W]e"
        if _STANCE.match(name):
            continue  # "pro-Clinton", "anti-Muslim", "post-World War II": a word about a name, not one
        if _PHOTOGRAPHER.search(doc.text[ent.start_char : end + 12]):
            continue
        if re.sub(r"\W", "", name.split()[-1].lower()) in TITLE_ABBREVIATIONS:
            continue  # "Const" of "Const. Tim Fanning": a rank, not a name
        # "Mar-a-Lago", "Stratford-upon-Avon": a name joined by a small word to another name is a place
        label = "FAC" if end > ent.end_char and re.search(r"-[a-z]+-[A-Z]", doc.text[ent.start_char : end]) else kind
        m = Mention(base + start_char, base + end, doc.text[start_char:end], label)
        m.role = _role(ent) if label == "PERSON" else None
        if label == "PERSON" and start_char > ent.start_char and not m.role:
            m.role = doc.text[ent.start_char : start_char].strip()
        if ent.label_ == "ORG" and _title_fragment(ent):
            continue
        if ent.label_ == "GPE" and len(ent) == 1 and _demonym(ent.root):
            m.label = "NORP"  # "Ukrainian cities": whose, not where
        if _is_ship(name):
            m.label = "PRODUCT"  # "INS Mysore", "USS Cole": a ship (a vehicle, as OntoNotes labels it), never a person
        g = gazetteer().get(_key(name))
        if g and (g[2] != "capital" or _stands_for_country(ent.root)):
            m.canonical = g[0]
        else:
            m.canonical = name
        out.append(m)
    extra = [x for x in _unlabelled_names(doc, base) if not any(m.start <= x.start and x.end <= m.end for m in out)]
    for x in extra:  # a name that extends an entity ("787" + "Dreamliner") replaces it, keeping its type
        inner = [m for m in out if x.start <= m.start and m.end <= x.end]
        if inner:
            x.label = inner[0].label
            out = [m for m in out if m not in inner]
    out.extend(extra)
    out.sort(key=lambda m: m.start)
    _defined_acronyms(out, doc.text, base)
    return out


# Titles written as initials that are names too ("GM" is General Motors): a title only right before a name.
_SHORT_TITLES = {"gm", "cfo", "coo", "cto", "ag", "da"}
# A name after a title is two or three capitalised words that are no organisation ("General Electric Company").
_NOT_A_PERSON = re.compile(r"\b(?:Company|Corp|Inc|Group|Department|Office|Agency|Service|Council|Committee|"
                           r"University|College|School|Center|Centre|Hospital|Court|Party|Foundation|Bank|Airport|"
                           r"Station|Street|Avenue|Road|Park|Bridge|Square|Hotel|Church|Award|Awards|Prize|Cup)$")


def _after_title(ent: SpacySpan) -> bool:
    """Whether a name the tagger read as an organisation comes right after a capitalised title and looks like a
    person's: "President Boone Isaacs", "Governor Mehdi Irannejad"."""
    prev = ent.doc[ent.start - 1] if ent.start > 0 else None
    words = ent.text.split()
    return (prev is not None and prev.is_title and prev.lower_.rstrip(".") in TITLES - {"st", "foreign", "defense",
            "defence", "vice", "prime", "chief", "general"} and 1 <= len(words) <= 3
            and all(w[:1].isupper() and w.isalpha() for w in words) and not _NOT_A_PERSON.search(ent.text)
            and not any(w.lower() in _CORP for w in words))


def name_after_title(text: str, capitalised: bool = True) -> int | None:
    """Where the name starts in "Police Constable Tim Fanning", "Lawyer Alexis Kougias" (words ending in a title
    word, then the name), or None. The tagger reads such a run as one organisation or a longer person's name, and
    the speaker then stays "Homicide Detective Dominic Mangoni", apart from the "Dominic Mangoni" another outlet
    names. `capitalised`: every word must be (a tagger's name is a capitalised run; a speaker's words need not be:
    "Team spokesman Tim Mead")."""
    words = text.split()
    for k in (len(words) - 3, len(words) - 4):
        tail = words[k + 1 :]
        if k < 0 or words[k].lower().rstrip(".") not in TITLES | _SHORT_TITLES:
            continue
        if not all(w[:1].isupper() for w in (words if capitalised else tail)):
            continue
        if any(w.lower() in ("and", "&", "or") or w.endswith(",") for w in words[:k]):
            continue  # "Senator Mary Smith and Governor Tom Jones": both spoke
        if _NOT_A_PERSON.search(" ".join(tail)) or any(
                w.lower().rstrip(".") in TITLES or w.lower().strip(".,") in _CORP for w in tail):
            continue
        at = 0
        for w in words[: k + 1]:
            at = text.index(w, at) + len(w)
        return text.index(tail[0], at)
    return None


# The prefixes navies and registers put before a ship's name.
# ("SS Lazio" is a football club: SS is left out.) "INS Commissioner Doris Meissner" is a person: a title after
# the prefix makes it an agency's.
_SHIP = re.compile(r"^(?:USS|USNS|USCGC|HMS|HMAS|HMCS|HMNZS|INS|PNS|MV|M/V|RMS)\s+([A-Z0-9][\w.'-]*)")


# What a building or venue named after a person ends in: "Trump Tower", "Kennedy Center", "Reagan Airport".
_BUILDING_HEADS = {"Tower", "Towers", "Building", "Center", "Centre", "Plaza", "Hall", "Hotel", "Airport", "Stadium",
                   "Arena", "Library", "Memorial", "Museum", "Foundation", "Institute", "Bridge", "Boulevard"}


def buildings_named_for_people(mentions: list[Mention]) -> None:
    """Relabel, in place, a "person" that is a building named after another person of the article: the tagger
    reads "Trump Tower" as a person, and then "he" in the next sentence became Trump Tower. Only when the words
    before the head are the surname of a person the article names, so "John Tower" and "Arsenio Hall" stay people."""
    surnames = {m.text.split()[-1] for m in mentions
                if m.label == "PERSON" and m.text.split()[-1] not in _BUILDING_HEADS}
    for m in mentions:
        words = m.text.split()
        if m.label == "PERSON" and len(words) == 2 and words[1] in _BUILDING_HEADS and words[0] in surnames:
            m.label = "FAC"
            m.role = None


def people_at_the_end_of_names(mentions: list[Mention]) -> None:
    """Turn, in place, a "name" that ends with a person the article names into that person, the rest their role:
    the tagger reads "Assistant Secretary of the Air Force for Acquisition Marvin Sambur" as one organisation,
    and the cast then listed "Air Force for Acquisition Marvin Sambur" beside Marvin Sambur."""
    people = {m.text for m in mentions if m.label == "PERSON" and len(m.text.split()) >= 2}
    for m in mentions:
        if m.label not in ("ORG", "MISC", "FAC", "PRODUCT", "WORK_OF_ART"):
            continue
        person = next((p for p in people if m.text.endswith(" " + p)), None)
        if person:
            cut = len(m.text) - len(person)
            m.role, m.start, m.text = re.sub(r"^(?:the|The)\s+", "", m.text[:cut].strip()), m.start + cut, person
            m.label, m.canonical = "PERSON", person


def _is_ship(name: str) -> bool:
    m = _SHIP.match(name)
    return bool(m) and m.group(1).lower().rstrip(".") not in TITLES


def _stands_for_country(root) -> bool:  # noqa: ANN001 (a spaCy Token)
    """Whether a capital's mention means its government rather than the city (see _LOCATIVE)."""
    while root.dep_ == "conj" and root.head is not root:
        root = root.head
    if any(c.dep_ == "appos" and c.lemma_.lower() in _CITY_NOUNS for c in root.children):
        return False  # "Canberra, the nation's capital, ..."
    if root.dep_ in _AGENT_DEPS:
        # What a capital is or has is the city's ("Canberra had the worst air"), and so is what strikes it ("Paris
        # hit by jewelry heist"); what it does, its government's.
        lemma = root.head.lemma_.lower()
        if root.dep_ == "poss" and (root.head.pos_ == "PROPN" or lemma in _CITY_NOUNS):
            return False  # "Paris's chic Place Vendome", "Moscow's streets": a place in the city
        return not ((root.dep_.startswith("nsubj") and lemma in _UNDERGOES)
                    or (lemma in _STRUCK and (root.dep_ == "nsubjpass"
                                              or any(c.dep_ == "agent" for c in root.head.children))))
    if root.dep_ in {"npadvmod", "amod", "nmod"}:
        return True  # "Moscow-backed separatists"
    if root.dep_ == "compound":  # "a Kremlin scheme", "Beijing officials", but "his Tokyo home" is in the city
        return root.head.lemma_.lower() in _GOVERNMENT_NOUNS
    if root.dep_ != "pobj":
        return False
    prep = root.head
    if prep.lower_ in _LOCATIVE or (prep.lower_ == "of" and prep.head.lemma_.lower() in _CITY_NOUNS):
        return False
    return not (prep.lower_ in {"to", "from", "toward", "towards"} and prep.head.lemma_.lower() in _MOTION)


def _title_fragment(ent: SpacySpan) -> bool:
    """"Defense" in "Defense Minister Sergei Shoigu": the role of the person named next, not an organisation."""
    nxt = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    return ent.text.lower() in _PORTFOLIOS and nxt is not None and nxt.lower_ in TITLES and nxt.is_title


def _demonym(tok) -> bool:  # noqa: ANN001 (a spaCy Token)
    """A nationality adjective tagged as a place: it modifies the noun after it ("Ukrainian cities")."""
    return tok.dep_ == "amod" or (tok.pos_ == "ADJ" and tok.head.i == tok.i + 1)


def _defined_acronyms(mentions: list[Mention], text: str, base: int) -> None:
    """"Singapore Airlines (SIA)": the acronym in brackets names the entity just before it, when its first letter
    opens one of the name's words."""
    for m in mentions:
        tail = text[m.end - base : m.end - base + 12]
        hit = re.match(r"\s*\(([A-Z][A-Za-z.&]{1,9})\)", tail)
        if not hit:
            continue
        acro = hit.group(1)
        if acro[0] not in {w[0] for w in clean_name(m.text, m.label).upper().split()}:
            continue  # "MEXICO CITY (AFP)": a dateline's agency, not the city's initials
        for other in mentions:
            if clean_name(other.text, other.label) == acro and other is not m:
                other.canonical = clean_name(m.text, m.label)


_CODE = re.compile(r"[A-Z]{1,3}-?\d{2,4}[A-Z]?s?")
_YEARISH = re.compile(r"(?:19|20)\d\d")


def _model_like(text: str) -> bool:
    return bool(re.fullmatch(r"[A-Z]{0,2}-?\d{2,4}[A-Z0-9-]*", text)) and not re.fullmatch(r"(?:19|20)\d\d", text)


def _model_number(doc: Doc, i: int) -> bool:
    t = doc[i]
    if not re.fullmatch(r"\d{3,4}(?:-\d{1,4}[A-Z]{0,3})?s?", t.text) or re.fullmatch(r"(?:19|20)\d\d", t.text):
        return False
    if t.ent_type_ not in ("", "CARDINAL") or i == 0:
        return False
    prev = doc[i - 1]
    if prev.text in ("'s", "’s") and i > 1:
        prev = doc[i - 2]
    return prev.ent_type_ in ("ORG", "PRODUCT") and prev.pos_ == "PROPN"


def _unlabelled_names(doc: Doc, base: int) -> list[Mention]:
    """Proper-noun runs the NER missed ("Opel", "787 Dreamliner"), kept as MISC so that names still group."""
    out: list[Mention] = []
    i, n = 0, len(doc)
    while i < n:
        t = doc[i]
        if not t.ent_type_ and _CODE.fullmatch(t.text) and not _YEARISH.search(t.text):
            # "the A380", "F-16s", "MH17": a letter-and-number code is a name whatever the tagger calls it
            out.append(Mention(base + t.idx, base + t.idx + len(t.text), t.text, "MISC", canonical=t.text))
            i += 1
            continue
        if _model_number(doc, i):  # "Boeing's 787", "Airbus 380": a product named by its number
            j = i
            while j + 1 < n and doc[j + 1].pos_ == "PROPN" and not doc[j + 1].ent_type_:
                j += 1
            span = doc[i : j + 1]
            out.append(Mention(base + span.start_char, base + span.end_char, span.text, "MISC", canonical=span.text))
            i = j + 1
            continue
        if t.ent_type_ or t.pos_ != "PROPN" or not (t.text[:1].isupper() or t.text[:1].isdigit()):
            i += 1
            continue
        j = i
        while j + 1 < n and not doc[j + 1].ent_type_ and (
            doc[j + 1].pos_ == "PROPN" or (doc[j + 1].like_num and doc[j + 1].pos_ != "PUNCT")
        ):
            j += 1
        span = doc[i : j + 1]
        prev = doc[i - 1] if i > 0 else None
        if prev is not None and prev.ent_type_ and not (prev.like_num or _model_like(prev.text)) and prev.whitespace_:
            i = j + 1  # a tail the NER cut off an entity ("Chrysler" + "LLC"): not a name of its own
            continue
        if prev is not None and (prev.like_num or _model_like(prev.text)) and prev.ent_type_ in ("", "CARDINAL", "PRODUCT"):
            span = doc[i - 1 : j + 1]  # "787 Dreamliner"
        text = span.text
        if all(t.lower_.rstrip(".") in _ROLE_ONLY for t in span):
            i = j + 1  # "Vice President", "Chief Executive Officer": a role, not a name
            continue
        if (named := name_after_title(text)) is not None:  # "Police Constable Tim Fanning": see mentions_from_doc
            out.append(Mention(base + span.start_char + named, base + span.end_char, text[named:], "PERSON",
                               canonical=text[named:], role=text[:named].strip()))
        elif len(text) > 1 and not (len(span) == 1 and span[0].is_sent_start and span[0].lower_ in TITLES) and (
                re.sub(r"\W", "", span[-1].lower_) not in TITLE_ABBREVIATIONS):  # "Police Const": a rank cut off
            out.append(Mention(base + span.start_char, base + span.end_char, text, "MISC", canonical=text))
        i = j + 1
    return out


_HONORIFICS = {"mr", "mrs", "ms", "miss", "mx", "sir", "dame", "madam", "mme", "m"}


def _role(ent: SpacySpan) -> str | None:
    """"National Security Council spokesman" before a name, a title inside it, or an apposition after it."""
    doc = ent.doc
    root = ent.root
    left = ent.start
    for t in reversed(list(root.lefts)):
        if t.i >= ent.start:
            continue
        if t.dep_ in ("compound", "amod", "nmod") and t.right_edge.i == left - 1 and not t.is_punct:
            left = t.left_edge.i
        else:
            break
    parts: list[str] = []
    if left < ent.start:
        toks = [t for t in doc[left : ent.start] if t.dep_ not in ("det", "case") and t.text not in ("'s", "’s")]
        # "Donald Trump and House Speaker Paul Ryan": the role is what follows the other person's name; and what
        # follows a verb, a dateline's dash or a run-together line ("more than 4 in 10 said billionaire Donald
        # Trump", "NEW YORK - Republican presidential candidate Donald Trump", "10:14PMBuddiesASSOCIATED PRESSOhio
        # Gov. John Kasich") is the role, not the words before
        cut = max((k for k, t in enumerate(toks) if t.lower_ in ("and", "&", "or", ",") or _dash(t)
                   or t.ent_type_ == "PERSON" or t.pos_ in ("VERB", "AUX") or t.lower_ in _SAYS
                   or _RUN_TOGETHER.search(t.text)),
                  default=-1)
        toks = toks[cut + 1 :]
        # "29-year-old Mr. Gigante", "the gaunt-looking Mr. Gigante": an honorific with an age or a look is no role
        if toks and any(t.pos_ == "NOUN" or t.lower_.rstrip(".") in TITLES for t in toks) and (
                toks[-1].lower_.rstrip(".") not in _HONORIFICS):
            parts.append(doc[toks[0].i : toks[-1].i + 1].text)
    inner = [t for t in ent if t.lower_.rstrip(".") in TITLES - _HONORIFICS and t.i == ent.start]
    if inner and not parts:
        parts.append(inner[0].text)
    for t in root.rights:
        if t.dep_ == "appos" and t.pos_ == "NOUN" and _one_person_noun(t) and _closed(t):
            # an aside's role ends at its closing dash ("Kirkpatrick - a recently fired man - opened fire")
            end = next((x.i for x in t.subtree if _dash(x) and x.i + 1 < len(doc) and doc[x.i + 1].pos_ in ("VERB", "AUX")),
                       t.right_edge.i + 1)
            toks = [x for x in t.subtree if x.dep_ != "det" and not x.is_punct and x.i < end]
            if toks and len(toks) <= 8:
                parts.append(doc[toks[0].i : toks[-1].i + 1].text)
            break
    head = root.head
    if (not parts and root.dep_ == "appos" and head.i < ent.start and head.pos_ in ("NOUN", "PROPN")
            and _one_person_noun(head) and not any(c.dep_ == "conj" for c in root.children)):
        # "The PDP National Publicity Secretary, Mr Kola Ologbondiyan, said": the name is the title's apposition
        # (not a list's first name: "a three-person race between himself, Donald Trump and Ted Cruz")
        # with what it is of: "this year's master of ceremonies, Seth MacFarlane"
        of = [c for c in head.rights if c.dep_ == "prep" and c.lower_ == "of" and c.right_edge.i < ent.start]
        toks = [x for x in doc[head.left_edge.i : (of[0].right_edge.i if of else head.i) + 1]
                if x.dep_ != "det" and not (x.dep_ == "poss" and x.pos_ == "PRON") and not x.is_punct]
        if toks and len(toks) <= 6 and any(x.pos_ == "NOUN" or x.lower_ in TITLES for x in toks):
            parts.append(doc[toks[0].i : toks[-1].i + 1].text)
    # "recently- fired man" (a line break's hyphen) is "recently-fired man"
    parts = [re.sub(r"(?<=\w)- (?=[a-z])", "-", p.strip().strip(" \"“”'‘’,")) for p in parts]
    # "her own daytime talk show" less "her": what someone has, not what they are
    role = "; ".join(p for p in parts if p and not _NO_ROLE.fullmatch(p) and not p.lower().startswith("own "))
    return role or None


# Verbs of saying the parser takes for a noun before a name ("Police allege Eric Kirkpatrick opened fire"): the role
# starts after them.
_SAYS = {"allege", "alleges", "alleged", "say", "says", "said", "claim", "claims", "believe", "believes", "report",
         "reports", "told", "tell", "tells", "confirm", "confirms", "confirmed", "identify", "identified"}
# A token two lines run into ("10:14PMBuddiesASSOCIATED", "PRESSOhio"): a clock time, or lower case run into capitals.
_RUN_TOGETHER = re.compile(r"\d:\d|[a-z]{2}[A-Z]{2}|[A-Z]{3}[a-z]")
# No role: a headline in capitals read as an apposition ("RED STATES OUTNUMBER BLUE STATES - Jeffrey M. Jones"), an
# age alone ("the 18-year-old"), a piece of a word the parser cut ("co" of "co-chair", "-pro" of "president pro tem"),
# or the relative clause of someone else ("Patricia Smith, whose son Sean": "whose son" is no role of Sean's).
_NO_ROLE = re.compile(r"[^a-z]*[A-Z]{2,}[^a-z]*\s[^a-z]*[A-Z]{2,}[^a-z]*|\d+-year[- ]old|-.*|[a-z]{1,3}|(?:whose|who|which)\b.*")


def _dash(t: Token) -> bool:
    """A dash between words ("NEW YORK - Republican ..."), not a hyphen inside one ("1-year-old")."""
    return t.text in ("-", "–", "—") and bool(t.whitespace_) and t.i > 0 and bool(t.doc[t.i - 1].whitespace_)


def _one_person_noun(t: Token) -> bool:
    """Whether a noun can be one person's role: not plural ("Mr. Rubio and Mr. Cruz, the children of Cuban
    immigrants", "The last two Republican winners, Huckabee ...") and not a count ("Cruz, who won, 27.6 percent")."""
    return t.tag_ not in ("NNS", "NNPS") and not any(c.dep_ == "nummod" for c in t.children)


def _closed(appos: Token) -> bool:
    """Whether an apposition ends where a comma, dash or the sentence closes it: "Ben Carson, the only doctor on
    stage, was ..." gives a role; in "For Hillary Clinton, the worst terrorist attack in a decade was an
    opportunity" the parser took the sentence's subject for one."""
    after = appos.right_edge.i + 1
    return after >= len(appos.doc) or appos.doc[after].is_punct or appos.doc[after].is_sent_start


# --- canonical names across a story ------------------------------------------------------------------------------


def canonicalize(mentions: list[Mention]) -> dict[str, str]:
    """Set `canonical` on every mention of one story in place; returns old canonical -> new canonical.

    Short forms join a longer name in the story: a surname or given name to the one full name containing it
    (the most mentioned when several do), an acronym to the multi-word name whose initials it spell, a leading
    word of an organisation's name to that name (unless that word is itself the story's usual name for it),
    a model number to the product name ending in it. The canonical name is the longest form in the group.
    Names are rebuilt from the mention text (plus the gazetteer), so calling this again on a larger set of
    mentions (a whole story after single articles) revises earlier choices instead of compounding them.
    """
    old = [m.canonical for m in mentions]
    base = [_base(m) for m in mentions]
    defined = set()  # (acronym, long name) the text defined: "Singapore Airlines (SIA)"
    for i, m in enumerate(mentions):
        own = clean_name(m.text, m.label)
        if _ACRONYM.match(own) and base[i] != own:
            defined.add((own, base[i]))
            base[i] = own
    names = Counter(base)
    label_of: dict[str, Counter] = defaultdict(Counter)
    for m, b in zip(mentions, base):
        label_of[b][m.label] += 1
    parent: dict[str, str] = {n: n for n in names}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(short: str, long: str) -> None:
        a, b = find(short), find(long)
        if a != b:
            parent[a] = b

    for acro, long in defined:
        if acro in parent and long in parent:
            union(acro, long)
    by_key: dict[tuple[str, str], list[str]] = defaultdict(list)
    for n in names:
        lab = label_of[n].most_common(1)[0][0]
        by_key[("ORG" if lab == "ORG" else "", _match_key(n, lab))].append(n)
    for group in by_key.values():  # same name up to case, plural, "the", corporate suffixes
        for n in group[1:]:
            union(n, group[0])
    for n in names:  # "Arcade Joseph Comeaux Jr." is "Arcade Joseph Comeaux", unless the story has a Sr. too
        words = n.replace(",", "").split()
        if (len(words) >= 3 and words[-1].rstrip(".") in _SUFFIXES - {"Sr"}
                and label_of[n].most_common(1)[0][0] == "PERSON"):
            plain = " ".join(words[:-1])
            if plain in parent and not any(f"{plain} Sr" in x or f"{plain}, Sr" in x for x in names):
                union(plain, n)
    for n in names:  # 'Vincent "The Chin" Gigante' is Vincent Gigante, and "The Chin" alone
        m = _NICKNAME.match(n)
        if m and label_of[n].most_common(1)[0][0] == "PERSON":
            for short in (f"{m.group(1)} {m.group(3)}", re.sub(r"^(?:the|The)\s+", "", m.group(2).strip())):
                if short in parent:
                    union(short, n)
    roles: dict[str, set[str]] = defaultdict(set)
    for m, b in zip(mentions, base):
        if m.role:
            roles[b] |= set(m.role.lower().split())
    _spelling_variants(names, label_of, roles, union)
    multi = [n for n in names if len(n.split()) >= 2]
    # Multi-word names indexed by what a short form can match (the story can hold a thousand names).
    by_initials: dict[str, list[str]] = defaultdict(list)
    by_edge: dict[str, list[str]] = defaultdict(list)  # a first or last word -> the person names it starts or ends
    by_word: dict[str, list[str]] = defaultdict(list)  # any word (singular) -> the names holding it
    for x in multi:
        xw = x.split()
        by_initials[_initials(x)].append(x)
        if label_of[x].most_common(1)[0][0] == "PERSON":
            for w in dict.fromkeys((xw[0], xw[-1])):
                by_edge[w].append(x)
        elif _UNTYPED_NAME.fullmatch(x) and label_of[x].most_common(1)[0][0] in ("MISC", "FAC"):
            by_edge[xw[-1]].append(x)  # "protester Paris Kyriakides" read as a building: "Kyriakides said" is his
        for w in dict.fromkeys(_singular(w) for w in xw):
            by_word[w].append(x)
    people: set[str] = set()  # untyped full names a person's surname joined: they name that person
    for n in names:
        words = n.split()
        lab = label_of[n].most_common(1)[0][0]
        if _ACRONYM.match(n.replace(" ", "")) and len(words) == 1 and not any(c.isdigit() for c in n):
            # a person's initials name a person only ("D.C." is no Dave Caris), a state's a place ("S.C." is no
            # Select Committee, no Supreme Court)
            cands = [c for c in by_initials.get(n.replace(".", "").upper(), [])
                     if (lab == "PERSON" or label_of[c].most_common(1)[0][0] != "PERSON")
                     and not (_STATE_INITIALS.fullmatch(n) and label_of[c].most_common(1)[0][0] not in ("GPE", "LOC"))]
            if cands:
                union(n, max(cands, key=lambda x: names[x]))
            continue
        if len(words) >= 2 and lab != "PERSON" and (spelt := _spelt_out(words, by_word, find)):
            union(n, spelt)  # "LA Times" -> "Los Angeles Times", "UN Security Council" -> "United Nations ..."
            continue
        short_form = lab in ("PERSON", "ORG", "NORP", "GPE", "MISC", "WORK_OF_ART")  # "Adgate" read as a title
        if len(words) <= 2 and short_form and _key(n) not in gazetteer():
            near = dict.fromkeys(by_edge.get(words[0], []) + by_edge.get(words[-1], []))
            cands = [p for p in near if p != n and _name_part(words, p.split())]
            # an untyped run ("Still Sanders" opening a headline) only when no person's name holds the word
            cands = [p for p in cands if label_of[p].most_common(1)[0][0] == "PERSON"] or cands
            if cands and (lab == "PERSON" or (len(words) == 1 and (label_of[n]["PERSON"] > 0 or lab == "MISC"
                                                                   or len({find(c) for c in cands}) == 1))):
                if not _tied(cands, names, find):
                    full = max(cands, key=lambda p: (names[p], len(p)))
                    union(n, full)
                    if lab == "PERSON" and label_of[full].most_common(1)[0][0] != "PERSON":
                        people.add(full)
                continue
        if len(words) == 1 and (any(c.isdigit() for c in n) or lab in ("MISC", "PRODUCT")):  # "A380" -> "Airbus A380"
            stem = _singular(n)
            holding = by_word.get(stem, [])
            cands = [x for x in holding if _singular(x.split()[-1]) == stem]
            if not cands and any(c.isdigit() for c in n):  # "787" -> "787 Dreamliner"
                cands = holding
            if len({find(c) for c in cands}) == 1:
                union(n, cands[0])
                continue
        if lab == "ORG" and len(words) <= 3:  # "the Air Force" -> "United States Air Force"
            cands = [x for x in by_word.get(_singular(words[-1]), []) if x != n and len(x.split()) > len(words)
                     and x.split()[-len(words):] == words and _is_place(" ".join(x.split()[: -len(words)]))]
            if len({find(c) for c in cands}) == 1:
                union(n, cands[0])
                continue
        if lab in ("ORG", "FAC", "PRODUCT", "EVENT") and len(words) == 1:  # "Northrop" -> "Northrop Grumman"
            cands = [x for x in by_word.get(_singular(n), []) if x.split()[0] == n
                     and label_of[x].most_common(1)[0][0] == lab]
            if len({find(c) for c in cands}) == 1 and names[n] <= max(names[c] for c in cands) + 1:
                union(n, cands[0])
    groups: dict[str, list[str]] = defaultdict(list)
    for n in names:
        groups[find(n)].append(n)
    canon: dict[str, str] = {}
    for members in groups.values():
        # A name in capitals (a dateline's "SYDNEY") gives way to the same name as the text writes it elsewhere.
        best = max(members, key=lambda x: (_is_gazetteer_canon(x), len(x.split()) > 1,
                                          not (x.isupper() and len(x) > 4), names[x], len(x)))
        for x in members:
            canon[x] = best
    votes: dict[str, Counter] = defaultdict(Counter)
    for m, b, o in zip(mentions, base, old):
        m.canonical = canon[b]
        if b in people:
            m.label = "PERSON"
        votes[o or b][m.canonical] += 1
        votes[b][m.canonical] += 1
    # An old canonical that is itself a name of the story follows that name: "Louis Gigante" stays Louis even where
    # an article's "Gigante" had been read as him and the story reads it as his brother.
    return {o: canon[o] if o in canon else c.most_common(1)[0][0] for o, c in votes.items()}


# Two capitalised words and nothing else: a person's name the tagger gave no type or another one.
_UNTYPED_NAME = re.compile(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)? [A-Z][a-z]+(?:-[A-Z][a-z]+)?")


def _spelt_out(words: list[str], by_word: dict[str, list[str]], find: Callable[[str], str]) -> str | None:
    """The story's one longer name that `words` abbreviate at the start: "LA Times" of "Los Angeles Times" (the
    same last words, and initials that spell the first)."""
    letters = words[0].replace(".", "")
    if not (_ACRONYM.match(words[0]) and 2 <= len(letters) <= 4 and letters.isupper()):
        return None
    rest = words[1:]
    cands = {x for x in by_word.get(_singular(rest[-1]), []) if x.split()[-len(rest):] == rest
             and len(x.split()) == len(rest) + len(letters) and _initials(" ".join(x.split()[: len(letters)])) == letters}
    return cands.pop() if len({find(c) for c in cands}) == 1 else None


def _tied(cands: list[str], names: Counter, find: Callable[[str], str]) -> bool:
    """Whether two different people's full names hold a short form equally often ("Barack Obama" and "Michelle
    Obama" once each): "Mr. Obama" is then neither, rather than whichever name is longer."""
    top: dict[str, int] = {}
    for c in cands:
        top[find(c)] = max(top.get(find(c), 0), names[c])
    counts = sorted(top.values(), reverse=True)
    return len(counts) > 1 and counts[0] == counts[1]


def _spelling_variants(names: Counter, label_of: dict[str, Counter], roles: dict[str, set[str]],
                       union: Callable[[str, str], None]) -> None:
    """Join two spellings of one person's name across outlets; the rarer spelling joins the commoner one.

    The same given name and surnames one letter apart or spaced apart ("Ilene Wolfe" / "Ilene Wolff", "Vincent
    DelGiudice" / "Vincent Del Giudice"); or the same surname and given names that are one transliteration apart
    ("Giannis" / "Yiannis", "Kurbanguly" / "Gurbanguli"), a short form of the other ("Stan" / "Stanley") or the
    same initials ("A.J." / "AJ"). Relatives share a surname, not a given name so alike: "Doug" and "Greg
    McDermott", "Jerry" and "Jeremy Ortiz" stay apart. Two surnames alike under one given name, with roles that
    share no word ("police chief Tom Hart", "fire marshal Tom Harte"), are two people.
    """
    by_given: dict[str, list[str]] = defaultdict(list)
    by_surname: dict[str, list[str]] = defaultdict(list)
    for n in names:
        words = n.split()
        if 2 <= len(words) <= 3 and label_of[n].most_common(1)[0][0] == "PERSON":
            surname = "".join(words[1:])
            if len(surname) >= 4 and words[0][:1].isupper():
                by_given[words[0].replace(".", "")].append(n)
                by_surname[surname.lower()].append(n)

    def join(a: str, b: str, by_role: bool = True) -> None:
        if not (by_role and roles[a] and roles[b] and not roles[a] & roles[b]):
            rare, common = sorted((a, b), key=lambda x: (names[x], x))
            union(rare, common)

    for group in by_given.values():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if _generation(a) and _generation(b) and _generation(a) != _generation(b):
                    continue  # "Ken Griffey Jr." and "Ken Griffey Sr.": father and son
                sa, sb = (re.sub(r"[-'’]", "", "".join(x.split()[1:])) for x in (a, b))
                if sa.lower() == sb.lower() or _one_edit(sa, sb):
                    join(a, b)
    for group in by_surname.values():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if _alike_given(a.split()[0], b.split()[0]):
                    join(a, b, by_role=False)  # "vice president" / "deputy head of the union": one man, two words


def _generation(name: str) -> str:
    """The generational suffix a name ends with ("Jr", "Sr", "III"), or ""."""
    last = name.replace(",", "").split()[-1].rstrip(".")
    return last if last in _SUFFIXES else ""


def _alike_given(a: str, b: str) -> bool:
    """Two given names of one person: one letter apart ("Giannis" / "Yiannis", "Jon" / "John"), two apart in a
    long name ("Kurbanguly" / "Gurbanguli"), the one a short form of the other ("Stan" / "Stanley"), or one set of
    initials ("A.J." / "AJ")."""
    a, b = a.replace(".", "").lower(), b.replace(".", "").lower()
    if a == b:
        return True
    if min(len(a), len(b)) >= 3 and (a.startswith(b) or b.startswith(a)):
        return True
    shortest = min(len(a), len(b))
    if shortest >= 8:
        return _edits(a, b) <= 2
    # "Dan" / "Don" may be two brothers; "Jon" / "John", "Elias" / "Ilias" are one man
    return _edits(a, b) == 1 and (shortest >= 5 or (shortest >= 3 and len(a) != len(b)))


def _edits(a: str, b: str) -> int:
    """Levenshtein distance (the names compared are short)."""
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, y in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (x != y))
    return row[-1]


def _one_edit(a: str, b: str) -> bool:
    """Whether two words differ by one letter changed, added or dropped (case and the first letter kept)."""
    if a == b or a[0] != b[0] or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long = sorted((a, b), key=len)
    return any(long[:k] + long[k + 1:] == short for k in range(len(long)))


# A person's name with a nickname in quotation marks (or brackets) between given name and surname.
_NICKNAME = re.compile(r"^(\S+)\s+(?:``|[\"“'‘]|\()\s*([^\"“”'‘’`()]+?)\s*(?:''|[\"”'’]|\))\s+(.+)$")

_CORP = {"company", "co", "corp", "corporation", "inc", "incorporated", "llc", "ltd", "limited", "plc", "spa", "nv",
         "n.v", "ag", "sa", "group", "holdings", "motor", "motors", "international", "airlines", "airways",
         "bank"}  # fmt: skip


def _match_key(name: str, label: str) -> str:
    """What two spellings of one name share: case, a plural "s" ("Russians" / "Russian"), and for organisations the
    legal suffixes."""
    words = [w.strip(".,") for w in _key(name).split()]
    if label in ("ORG", "FAC"):
        while len(words) > 1 and words[-1] in _CORP:
            words.pop()
    if words and len(words[-1]) > 3 and words[-1].endswith("s") and label in ("PRODUCT", "ORG", "MISC", "NORP"):
        words[-1] = words[-1][:-1]
    return " ".join(words)


def _singular(word: str) -> str:
    w = word.lower().strip(".,'’")
    return w[:-1] if len(w) > 2 and w.endswith("s") else w


def _base(m: Mention) -> str:
    """A mention's own name: the gazetteer's when the mention was read as that (capitals only when acting)."""
    name = clean_name(m.text, m.label)
    if m.canonical and _ACRONYM.match(name) and m.canonical != name and len(m.canonical.split()) > 1:
        return m.canonical  # an acronym the text defined ("Singapore Airlines (SIA)")
    g = gazetteer().get(_key(name))
    if g and (g[2] == "alias" or m.canonical == g[0]):
        return g[0]
    if name.isupper() and m.canonical == string.capwords(name):
        return m.canonical  # a dateline's place (see mentions_from_doc)
    return name or m.text


_DEMONYMS = {"american", "british", "french", "german", "russian", "chinese", "japanese", "canadian", "european",
             "korean", "indian", "israeli", "iranian", "ukrainian", "australian", "italian", "spanish", "us", "u.s.",
             "uk", "u.k."}  # fmt: skip


def _is_place(words: str) -> bool:
    """"United States", "U.S.", "British": a qualifier that only says whose organisation it is."""
    key = _key(words)
    g = gazetteer().get(key)
    return key in _DEMONYMS or bool(g and g[1] == "GPE" and g[2] == "alias")


def _is_gazetteer_canon(name: str) -> bool:
    g = gazetteer().get(_key(name))
    return bool(g and g[0] == name)


def _initials(name: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", name.replace("’", "'")) if w]
    while len(words) > 2 and words[-1].lower().strip(".") in _CORP:
        words.pop()
    letters = [w[0] for w in words if w.lower() not in _CONNECT and w[0].isalpha()]
    return "".join(letters).upper()


_SUFFIXES = {"Jr", "Sr", "II", "III", "IV"}
_INITIAL = re.compile(r"[A-Z]\.?")


def _particles_folded(words: list[str]) -> list[str]:
    """The words with a surname's particle in lower case, however the sentence capitalised it."""
    return [w.lower() if w.lower() in NAME_PARTICLES else w for w in words]


def _name_part(short: list[str], full: list[str]) -> bool:
    """"Kirby" in "John Kirby", "Kim" in "Kim Jong Un", "Jong Un" in "Kim Jong Un", "Raymond Kelly" in "Raymond W.
    Kelly" and "Nick Rahall" in "Nick J. Rahall II"; never a title alone."""
    if len(short) >= len(full):
        return False
    # A particle is capitalised where it opens a sentence: "De Blasio said" is "Bill de Blasio".
    short, full = _particles_folded(short), _particles_folded(full)
    n = len(short)
    if n == 2 and full[0] == short[0] and short[0].lower().rstrip(".") not in TITLES:
        rest = full[1:-1] if full[-1] != short[1] and full[-1].rstrip(".") in _SUFFIXES else full[1:]
        middle = rest[:-1]
        if rest[-1:] == short[1:] and (len(middle) <= 1 or (len(middle) == 2 and all(map(_INITIAL.fullmatch, middle)))):
            return True  # a middle name or initials, a suffix: "Mark Jay Heller", "Nick J. Rahall II"
    if short[0].lower().rstrip(".") in TITLES:
        # a surname that is also a title ("King" of "Billy King"), never the title of a name ("President Obama")
        return full[-n:] == short and full[0].lower().rstrip(".") not in TITLES
    return full[-n:] == short or full[:n] == short
