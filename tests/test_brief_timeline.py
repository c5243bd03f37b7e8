"""The timeline: explicit dates, and leads dated by the day their article was published (real spaCy analysis)."""

from __future__ import annotations

from storyline.brief.timeline import build_timeline
from storyline.model import Article, Block
from storyline.nlp import analyze_articles


def _article(aid: str, outlet: str, published: str | None, text: str) -> Article:
    return Article(aid, text, outlet=outlet, published=published, blocks=[Block(0, len(text), "body")])


def test_undated_leads_sit_at_their_publication_day_and_dated_sentences_at_their_date():
    a = _article("a", "Daily A", "2024-05-02",
                 "Firefighters contained a large warehouse fire in the port district of Halden. "
                 "The warehouse had been inspected on March 3, 2024, the city said.")
    b = _article("b", "Daily B", "2024-05-03",
                 "Investigators began examining the burned warehouse in Halden for the cause of the blaze. "
                 "Nobody was hurt.")
    timeline = build_timeline([a, b], analyze_articles([a, b]), [])
    by_text = {e.text.split()[0]: e for e in timeline}
    assert by_text["Firefighters"].date == "2024-05-02" and by_text["Firefighters"].basis == "published"
    assert by_text["Investigators"].date == "2024-05-03" and by_text["Investigators"].outlets == ["Daily B"]
    assert by_text["The"].date == "2024-03-03" and by_text["The"].basis == "text"
    assert [e.date for e in timeline] == sorted(e.date for e in timeline)


def test_a_lead_with_its_own_date_is_not_repeated_and_an_undated_article_adds_no_lead():
    dated = _article("c", "Daily C", "2024-05-10",
                     "On Tuesday the council of Halden approved a new budget for the harbour district.")
    undated = _article("d", "Daily D", None,
                       "The harbour district of Halden will get new cranes after the council vote in May 2024.")
    timeline = build_timeline([dated, undated], analyze_articles([dated, undated]), [])
    assert [(e.date, e.basis) for e in timeline if e.articles == ["c"]] == [("2024-05-07", "text")]
    assert all(e.basis == "text" for e in timeline if "d" in e.articles)


def test_a_dated_label_is_not_an_event():
    a = _article("e", "Daily E", "2024-05-10",
                 "(Tuesday edition)\nOn Tuesday the council of Halden approved a new budget for the harbour district.")
    timeline = build_timeline([a], analyze_articles([a]), [])
    assert [e.text for e in timeline] == [
        "On Tuesday the council of Halden approved a new budget for the harbour district."]


def test_a_line_that_announces_a_list_is_not_the_lead():
    a = _article("f", "Daily F", "2016-10-03",
                 "The Latest on the presidential race between the two nominees (all times EDT):\n"
                 "The council of Halden approved a new budget for the harbour district.")
    timeline = build_timeline([a], analyze_articles([a]), [])
    assert [(e.date, e.text) for e in timeline] == [
        ("2016-10-03", "The council of Halden approved a new budget for the harbour district.")]


def test_a_comparison_reaching_back_to_a_date_is_not_an_event_on_it():
    a = _article("f", "Daily F", "2020-01-02",
                 "At least nine people were killed in Jakarta in the worst flooding since 2013, officials said.\n"
                 "The city has had a flood warning system since 2015.")
    timeline = build_timeline([a], analyze_articles([a]), [])
    assert "2013" not in {e.date for e in timeline}, timeline
    assert "2015" in {e.date for e in timeline}, timeline  # the system began then: an event of that year
