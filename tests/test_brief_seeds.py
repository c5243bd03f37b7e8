"""The brief of the two seed articles (Global News, Business Insider) as a careful reader would check it."""

from __future__ import annotations

import json

import pytest

from brief_seeds import seed_articles
from storyline.brief import align_facts, build_brief
from storyline.model import Article, Story, to_dict
from storyline.nlp import analyze_articles

BOILERPLATE = ("Read the original article", "AP Photo", "in this image released by", "Bram Janssen")


@pytest.fixture(scope="module")
def seeds():
    arts = seed_articles()
    return arts, analyze_articles(arts)


@pytest.fixture(scope="module")
def brief(seeds):
    arts, analyses = seeds
    return build_brief(Story("seeds", [a.id for a in arts]), arts, analyses)


def test_headline_is_one_of_the_titles(seeds, brief):
    arts, _ = seeds
    assert brief.headline in {a.title for a in arts}


def test_summary_is_short_cited_and_not_redundant(seeds, brief):
    arts, _ = seeds
    by_id = {a.id: a for a in arts}
    assert 3 <= len(brief.summary) <= 7
    texts = [s.text for s in brief.summary]
    assert len(set(texts)) == len(texts)
    for item in brief.summary:
        assert item.articles and item.sources
        for src in item.sources:
            assert by_id[src.id].text[src.start : src.end].strip()
            assert src.id in item.articles
    # The story's main point, stated by both outlets, is in the summary and cites both.
    letters = [s for s in brief.summary if "letters" in s.text and "Kim" in s.text]
    assert letters and set(letters[0].articles) == {a.id for a in arts}
    # A marker leads to the sentences that state its line: never to another summary line's own sentence.
    for item in brief.summary:
        cited = [" ".join(by_id[src.id].text[src.start : src.end].split()) for src in item.sources]
        assert not [other.text for other in brief.summary if other is not item and other.text in cited]


def test_a_corroborated_fact_cites_both_outlets_and_their_sentences(seeds, brief):
    arts, _ = seeds
    corroborated = [f for f in brief.facts if f.status == "corroborated"]
    assert corroborated
    for f in corroborated:
        assert set(f.outlets) == {"Global News", "Business Insider"}
        assert {s.id for s in f.sources} == {a.id for a in arts}
    singles = [f for f in brief.facts if f.status == "single"]
    assert singles and all(len(f.outlets) == 1 for f in singles)


@pytest.mark.parametrize("plain", [False, True])
def test_boilerplate_never_reaches_the_brief(plain):
    """Even when cleaning marked nothing (plain), footers, credits and captions stay out."""
    arts = seed_articles(plain=plain)
    brief = build_brief(Story("seeds", [a.id for a in arts]), arts, analyze_articles(arts))
    dumped = json.dumps(to_dict(brief), ensure_ascii=False)
    for phrase in BOILERPLATE:
        assert phrase not in dumped


def test_outlet_notes_list_only_what_that_outlet_alone_reports(brief):
    notes = {n.outlet: n for n in brief.outlet_notes}
    assert set(notes) == {"Global News", "Business Insider"}
    only = {f.shown(): f.outlets for f in brief.facts}
    for outlet, note in notes.items():
        assert note.adds
        assert all(only[t] == [outlet] for t in note.adds)
        assert note.omits == []  # with two outlets, one other outlet is not "most others"


def test_timeline_is_sorted_and_keeps_precision(brief):
    dates = [e.date for e in brief.timeline]
    assert dates == sorted(dates)
    for e in brief.timeline:
        assert e.precision == {4: "year", 7: "month", 10: "day"}[len(e.date)]
        assert e.articles and e.outlets


def test_entities_are_grouped_once_with_their_articles(seeds, brief):
    arts, _ = seeds
    names = [e.name.lower() for e in brief.entities]
    assert len(names) == len(set(names))
    ids = {a.id for a in arts}
    assert all(set(e.articles) <= ids for e in brief.entities)
    assert all(e.type not in {"CARDINAL", "DATE", "MONEY"} for e in brief.entities)


def test_wire_copy_counts_as_one_source(seeds):
    """The same text republished by a second outlet: cited, named in copies, but not corroboration."""
    arts, analyses = seeds
    gn = arts[0]
    copy = Article(id="copy-of-gn", text=gn.text, title=gn.title, outlet="Wire Reprint", blocks=list(gn.blocks))
    story = Story("w", [gn.id, copy.id], copies=[[gn.id, copy.id]])
    brief = build_brief(story, [gn, copy], [analyses[0], analyze_articles([copy])[0]])
    assert brief.copies == [[gn.id, copy.id]]
    assert brief.facts and all(f.status == "single" for f in brief.facts)
    assert any(set(f.outlets) == {"Global News", "Wire Reprint"} for f in brief.facts)
    facts = align_facts([gn, copy], [analyses[0], analyze_articles([copy])[0]], [[gn.id, copy.id]])
    assert all(f.status != "corroborated" for f in facts)


def test_each_statement_is_under_the_source_the_articles_give_it(brief):
    """Kirby speaks for the White House, Yellen for the Treasury; the missile launch is South Korea's military's
    word ("according to South Korea's military"), even though the sentence also says what the White House unveiled."""
    by_speaker = {}
    for q in brief.quotes:
        by_speaker.setdefault(q.speaker, []).append(q.text)
    assert any("ballistic missile" in t for t in by_speaker.get("South Korea’s military", [])), by_speaker.keys()
    assert any("artillery shells" in t for t in by_speaker.get("John Kirby", []))
    assert any("suppliers of last resort" in t for t in by_speaker.get("Janet Yellen", []))
