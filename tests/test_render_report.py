"""Rendering: JSON per SCHEMA.md, Markdown, and self-contained HTML pages that work from file://."""

from __future__ import annotations

import json
import re

from storyline.model import (
    Article, ArticleRef, Brief, EntityGroup, Fact, OutletNote, QuoteGroup, SourceSpan, SummaryItem, TimelineEntry,
)
from storyline.render import brief_to_html, brief_to_json, brief_to_markdown, write_report

A = Article("a1", "Title A\nThe quake killed 12 people on Monday. Rescuers searched all night.", title="Title A",
            outlet="Outlet A", published="2024-03-04")
B = Article("b/2", "Title B\nThe quake killed 15 people on Monday.", title="Title B", outlet="Outlet B")


def _span(art: Article, text: str) -> SourceSpan:
    start = art.text.index(text)
    return SourceSpan(art.id, start, start + len(text))


def make_brief(headline: str = "Quake kills at least 12") -> Brief:
    s1 = "The quake killed 12 people on Monday."
    s2 = "The quake killed 15 people on Monday."
    return Brief(
        id="story/1",
        headline=headline,
        articles=[ArticleRef(a.id, a.title, a.outlet, a.published, None) for a in (A, B)],
        summary=[SummaryItem(s1, ["a1", "b/2"], [_span(A, s1), _span(B, s2)])],
        facts=[
            Fact(s1, "conflict", ["a1", "b/2"], ["Outlet A", "Outlet B"], [_span(A, s1), _span(B, s2)],
                 [{"text": s1, "articles": ["a1"], "outlets": ["Outlet A"], "numbers": [12.0]},
                  {"text": s2, "articles": ["b/2"], "outlets": ["Outlet B"], "numbers": [15.0]}]),
            Fact("Rescuers searched all night.", "single", ["a1"], ["Outlet A"], [_span(A, "Rescuers searched all night.")]),
        ],
        quotes=[QuoteGroup("Jane Doe", "We are still searching", True, ["a1", "b/2"], ["Outlet A", "Outlet B"])],
        entities=[EntityGroup("Jane Doe", "PERSON", ["Doe"], ["a1"], ["rescue chief"])],
        timeline=[TimelineEntry("2024-03-04", s1, "day", ["a1"], ["Outlet A"]),
                  TimelineEntry("2024-02", "Earlier tremors were felt.", "month", ["b/2"], ["Outlet B"])],
        outlet_notes=[OutletNote("Outlet A", ["Rescuers searched all night."], [])],
    )


def test_json_has_the_schema_fields():
    data = brief_to_json(make_brief())
    json.dumps(data)  # plain JSON data all the way down
    assert {"id", "headline", "articles", "summary", "facts", "quotes", "entities", "timeline"} <= set(data)
    assert {"text", "articles", "outlets", "status"} <= set(data["facts"][0])
    assert data["facts"][0]["sources"][0] == {"id": "a1", "start": A.text.index("The quake"), "end": A.text.index(" Rescuers")}
    assert {"speaker", "text", "direct", "articles", "outlets"} <= set(data["quotes"][0])
    assert {"name", "type", "aliases", "articles"} <= set(data["entities"][0])
    assert {"date", "text", "articles", "outlets"} <= set(data["timeline"][0])


def test_markdown_shows_summary_conflict_sides_and_cited_sentences():
    md = brief_to_markdown(make_brief(), {"a1": A, "b/2": B})
    assert md.startswith("# Quake kills at least 12")
    assert "## Summary" in md and "## Facts" in md and "## Timeline" in md
    # the other side of the conflict, with the figure it disputes shown first
    assert "Outlet B (15): The quake killed 15 people on Monday." in md
    assert "“The quake killed 15 people on Monday.”" in md  # the sentence citation [2] leads to


def test_a_summary_sentence_has_one_marker_per_article_leading_to_all_its_sentences(tmp_path):
    brief = make_brief()
    rescue = "Rescuers searched all night."
    brief.summary[0].sources.insert(1, _span(A, rescue))  # a second sentence of article a1
    md = brief_to_markdown(brief, {"a1": A, "b/2": B})
    assert "on Monday. [1] [2]\n" in md and "[3]" not in md
    assert "1. Outlet A: “The quake killed 12 people on Monday.” … “Rescuers searched all night.”" in md
    write_report([brief], {"a1": A, "b/2": B}, tmp_path)
    page = (tmp_path / "story_1.html").read_text()
    assert 'href="#cite-3"' not in page
    assert rescue in page.split('id="cite-1"')[1].split("</li>")[0]


def test_report_pages_are_self_contained_and_citations_lead_to_sentences(tmp_path):
    brief = make_brief(headline="Quake <script>alert(1)</script>")
    write_report([brief], {"a1": A, "b/2": B}, tmp_path)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["index.html", "stories.json", "story_1.html", "story_1.md"]
    assert json.loads((tmp_path / "stories.json").read_text())[0]["id"] == "story/1"
    index = (tmp_path / "index.html").read_text()
    assert 'href="story_1.html"' in index
    page = (tmp_path / "story_1.html").read_text()
    assert "<script>" not in page and "&lt;script&gt;" in page
    # No external requests: no remote scripts, styles, images or fonts.
    assert not re.search(r'(src|href)="(https?:)?//', page)
    assert "<svg" in page and page.count("<circle") == 2  # one timeline mark per entry
    for n in re.findall(r'href="#cite-(\d+)"', page):
        assert f'id="cite-{n}"' in page
    assert "The quake killed 15 people on Monday." in page.split('id="cite-2"')[1].split("</li>")[0]
    # The fact-by-outlet matrix: one column per outlet, a mark where the outlet states the fact.
    assert re.search(r"<th class=\"outlet\"[^>]*><span>Outlet A</span></th>", page) and "<span>Outlet B</span></th>" in page
    assert "conflict" in page and "Outlet B (15):</strong>" in page


def test_markdown_lists_every_shared_fact_but_only_the_most_important_single_source_ones():
    from storyline.render.view import MAX_LISTED_SINGLE

    brief = make_brief()
    extra = [Fact(f"Outlet A alone reported detail number {k}.", "single", ["a1"], ["Outlet A"], [])
             for k in range(MAX_LISTED_SINGLE + 10)]
    shared = Fact("Both reported the last aftershock.", "corroborated", ["a1", "b/2"], ["Outlet A", "Outlet B"], [])
    brief.facts = brief.facts + extra + [shared]
    md = brief_to_markdown(brief)
    assert "Both reported the last aftershock." in md and "The quake killed 12 people on Monday." in md
    assert "detail number 0." in md and f"detail number {MAX_LISTED_SINGLE + 9}." not in md
    assert "11 more single-source facts" in md  # the cap minus the one single-source fact of make_brief
    assert len(brief_to_json(brief)["facts"]) == len(brief.facts)


def test_a_fact_that_is_the_last_line_of_a_quotation_is_shown_as_quoted_words():
    assert Fact('We need a new leader."', "corroborated").shown() == "“We need a new leader.”"
    assert Fact("“It cannot be contained.", "single").shown() == "“It cannot be contained.”"
    assert Fact('He called it "rigged" on Tuesday.', "single").shown() == 'He called it "rigged" on Tuesday.'
    # a quotation opened with a curly mark and closed with a straight one is whole
    mixed = 'Priebus told Fox News: “Both men are meeting next week to talk about these things."'
    assert Fact(mixed, "single").shown() == mixed
    # a quotation that began in the sentence before, then its attribution; one that goes on in the next sentence
    assert Fact('Is there a strategy served by this?" he said.', "single").shown() == \
        '“Is there a strategy served by this?" he said.'
    assert Fact('Trump said in a statement: "I am trying to save lives.', "single").shown() == \
        'Trump said in a statement: "I am trying to save lives.”'


def test_a_conflict_side_names_what_it_disputes_as_a_reader_writes_it():
    from storyline.render.pages import disputed

    assert disputed({"numbers": [200000000.0]}) == "200 million"
    assert disputed({"numbers": [2129.0]}) == "2,129"
    assert disputed({"numbers": [5.5]}) == "5.5"
    assert disputed({"dates": ["2009"]}) == "2009" and disputed({"people": ["Mark Heller"]}) == "Mark Heller"
    assert disputed({"text": "no value given"}) == ""


def test_an_empty_brief_still_renders(tmp_path):
    brief = Brief(id="empty", headline="Nothing yet")
    write_report([brief], {}, tmp_path)
    assert "Nothing yet" in (tmp_path / "empty.html").read_text()
    assert "# Nothing yet" in brief_to_markdown(brief)


def test_an_undated_article_shows_its_inferred_window_and_a_report_dated_lead_says_so():
    brief = make_brief()
    brief.articles[1] = ArticleRef(B.id, B.title, B.outlet, None, None, ["2024-03-01", None])
    brief.timeline[0] = TimelineEntry("2024-03-04", "The quake struck.", "day", ["a1"], ["Outlet A"], "published")
    md = brief_to_markdown(brief, {"a1": A, "b/2": B})
    page = brief_to_html(brief, {"a1": A, "b/2": B})
    for out in (md, page):
        assert "undated (not before 2024-03-01, inferred)" in out
        assert "date of the report" in out


def test_the_main_event_fact_is_labelled_in_markdown_and_html():
    brief = make_brief()
    brief.facts[0].main_event = True
    md = brief_to_markdown(brief, {"a1": A, "b/2": B})
    assert "*Main event:* The quake killed 12 people on Monday." in md and md.count("Main event") == 1
    html = brief_to_html(brief, {"a1": A, "b/2": B})
    assert html.count("Main event") == 1


def test_a_timeline_entry_long_before_the_others_is_marked_at_the_axis_start_not_inside_it():
    from storyline.render.view import timeline_svg

    brief = make_brief()
    brief.timeline.insert(0, TimelineEntry("2004", "The town was hit by a flood in 2004.", "year", ["a1"], ["Outlet A"]))
    svg = timeline_svg(brief)
    old, *rest = svg["marks"]
    assert old["outside"] == "before" and old["x0"] == svg["left"] and not old["bar"] and old["label"] == "2004"
    assert all(m["outside"] is None and m["x0"] >= svg["left"] for m in rest)
    page = brief_to_html(brief, {"a1": A, "b/2": B})
    assert "◀ 2004" in page
    # guide lines are drawn before (under) every mark
    assert page.index("stroke-dasharray") < page.index("<circle")


def test_the_timeline_says_why_an_undated_article_is_not_on_it():
    # B has no publication date: its "on Monday" cannot be placed, and the reader is told what to give.
    brief = make_brief()
    md = brief_to_markdown(brief, {"a1": A, "b/2": B})
    assert "1 of 2 articles carry no publication date" in md and "`published`" in md
    assert "1 of 2 articles carry no publication date" in brief_to_html(brief, {"a1": A, "b/2": B})
    brief.articles = [ArticleRef(a.id, a.title, a.outlet, "2024-03-04", None) for a in (A, B)]
    assert "no publication date" not in brief_to_markdown(brief, {"a1": A, "b/2": B})


def test_the_story_map_axis_is_labelled_by_week_when_the_stories_span_weeks():
    """Six weeks of coverage had one month label ("Oct 2016") for the whole axis."""
    from storyline.render.view import story_map_svg

    stories = [{"headline": "Tax story", "page": "a.html", "dates": ["2016-09-14", "2016-10-04"]},
               {"headline": "Debate story", "page": "b.html", "dates": ["2016-09-27", "2016-10-20"]}]
    ticks = story_map_svg(stories)["ticks"]
    assert len(ticks) >= 4 and ticks[0]["label"] == "Sep 19", ticks  # Mondays
    assert [t["x"] for t in ticks] == sorted(t["x"] for t in ticks)
    long = story_map_svg([{"headline": "Beat", "page": "c.html", "dates": ["2015-01-10", "2016-06-01"]}])["ticks"]
    assert long and all(t["label"][-4:] in ("2015", "2016") for t in long), long  # a longer span keeps months


def test_copies_of_one_text_name_each_outlet_once():
    """An outlet that ran one text twice is told as that, not as "carried by X, X"; a wire text names each outlet
    that carried it, once, with how many articles when it ran more than one."""
    a2 = Article("a2", A.text, title="Title A", outlet="Outlet A")
    c = Article("c", A.text, title="Title A", outlet="Outlet C")
    arts = {x.id: x for x in (A, B, a2, c)}
    brief = make_brief()
    brief.articles.append(ArticleRef(a2.id, a2.title, a2.outlet, None, None))
    brief.copies = [["a1", "a2"]]
    md = brief_to_markdown(brief, arts)
    assert "Outlet A ran the same text twice: counted as one source." in md
    assert "Outlet A, Outlet A" not in md
    brief.articles.append(ArticleRef(c.id, c.title, c.outlet, None, None))
    brief.copies = [["a1", "a2", "c"]]
    md = brief_to_markdown(brief, arts)
    assert "Same wire text carried by Outlet A (2 articles), Outlet C: counted as one source." in md


def test_a_cited_sentence_that_is_a_quotation_keeps_its_own_marks(tmp_path):
    quoted = '"We are still searching," the rescue chief said.'
    c = Article("c", f"Title C\n{quoted}", title="Title C", outlet="Outlet C")
    brief = make_brief()
    brief.summary[0].sources.append(_span(c, quoted))
    md = brief_to_markdown(brief, {"a1": A, "b/2": B, "c": c})
    assert f": {quoted}\n" in md and f"“{quoted}”" not in md
    write_report([brief], {"a1": A, "b/2": B, "c": c}, tmp_path)
    cited = (tmp_path / "story_1.html").read_text().split('id="cite-3"')[1].split("</li>")[0]
    assert "<q>" not in cited and "still searching" in cited


def test_a_summary_line_citing_many_articles_shows_a_few_markers_and_one_range(tmp_path):
    """The main event of a big story cites every article: after three markers the rest are one range marker, and
    the sources list still gives each article's sentence."""
    from storyline.render.view import MAX_MARKERS

    line = "The quake killed 12 people on Monday."
    arts = {f"a{k}": Article(f"a{k}", f"Title\n{line}", title="Title", outlet=f"Outlet {k}") for k in range(10)}
    brief = make_brief()
    brief.articles = [ArticleRef(a.id, a.title, a.outlet, None, None) for a in arts.values()]
    brief.summary = [SummaryItem(line, list(arts), [_span(a, line) for a in arts.values()])]
    md = brief_to_markdown(brief, arts)
    shown = " ".join(f"[{n}]" for n in range(1, MAX_MARKERS)) + f" [{MAX_MARKERS}–10]"
    assert f"{line} {shown}\n" in md, md.split("## Facts")[0]
    assert all(f"{n}. Outlet {n - 1}: “{line}”" in md for n in range(1, 11))  # each source still listed
    write_report([brief], arts, tmp_path)
    page = (tmp_path / "story_1.html").read_text()
    assert f'href="#cite-{MAX_MARKERS}"' in page and f"[{MAX_MARKERS}–10]" in page and 'href="#cite-5"' not in page
    assert 'id="cite-10"' in page


def test_treebank_quotation_marks_are_shown_as_quotation_marks_and_kept_in_the_json(tmp_path):
    """ECB+ and MEANTIME print quotation marks as `` and ''; a page shows them as “ and ”, while the JSON keeps
    the words as written (their offsets point into the article)."""
    line = "`` We are still searching, '' the rescue chief said."
    art = Article("a1", f"Title A\n{line}", title="Title A", outlet="Outlet A", published="2024-03-04")
    brief = make_brief()
    brief.summary = [SummaryItem(line, ["a1"], [_span(art, line)])]
    brief.facts = [Fact(line, "single", ["a1"], ["Outlet A"], [_span(art, line)])]
    md = brief_to_markdown(brief, {"a1": art, "b/2": B})
    assert "“We are still searching,” the rescue chief said." in md and "``" not in md and "''" not in md
    write_report([brief], {"a1": art, "b/2": B}, tmp_path)
    page = (tmp_path / "story_1.html").read_text()
    assert "“We are still searching,” the rescue chief said." in page and "``" not in page
    assert json.loads((tmp_path / "stories.json").read_text())[0]["summary"][0]["text"] == line
