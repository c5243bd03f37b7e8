"""Batched analysis gives every article the analysis it would get alone, wire copies included."""

from __future__ import annotations

from storyline.model import Article, Block, to_dict
from storyline.nlp import analyze_articles

WIRE = ("Kirby said on Wednesday that Russia wants artillery shells from North Korea.\n"
        "He added that the talks were advancing and that the United States would respond.")


def test_a_wire_copy_analysed_in_one_batch_matches_each_analysed_alone():
    a = Article("a", WIRE, outlet="Daily A", published="2023-08-30", blocks=[Block(0, len(WIRE), "body")])
    text = "Russia seeks shells\n" + WIRE
    b = Article("b", text, outlet="Daily B", published="2023-09-07",
                blocks=[Block(0, 19, "title"), Block(20, len(text), "body")])
    together = analyze_articles([a, b])
    alone = [analyze_articles([a])[0], analyze_articles([b])[0]]
    assert [to_dict(x) for x in together] == [to_dict(x) for x in alone]
    assert together[0].times[0].value == "2023-08-30" and together[1].times[0].value == "2023-09-06"
    assert together[1].quotes and together[1].quotes[0].content.start >= 20  # offsets are the copy's own


def test_an_undated_article_is_not_placed_before_the_past_dates_it_names():
    text = ("Troops advanced on Friday, Aug. 18, 2023.\nKirby told reporters on Wednesday that talks continue. "
            "Elections will be held on March 3, 2024, and the bonds are due Nov. 1, 2030.")
    undated, dated = analyze_articles([
        Article("u", text, blocks=[Block(0, len(text), "body")]),
        Article("d", text, published="2023-08-30", blocks=[Block(0, len(text), "body")]),
    ])
    # future dates and deadlines say nothing about when it was written; no horizon is claimed after the last
    assert undated.published_inferred and undated.published_window == ["2023-08-18", None]
    assert undated.published == "2023-08-18"  # relative dates resolve against the earliest day
    assert not dated.published_inferred and dated.published_window is None
    (story_only,) = analyze_articles([Article("s", "Talks continue.", story="x", blocks=[Block(0, 15, "body")])])
    assert story_only.published is None and story_only.published_window is None


def test_a_window_from_a_bare_year_places_no_relative_date_but_one_from_a_day_does():
    vague = ("Somalia has been torn apart by civil war since 1991. There have been nearly 100 attacks in Somali "
             "waters this year, and a ship was seized in March, officials said on Wednesday.")
    dated = "Troops advanced on Friday, Aug. 18, 2023. Earlier this year, officials said talks began in March."
    one, two = analyze_articles([Article(x, t, blocks=[Block(0, len(t), "body")])
                                 for x, t in (("v", vague), ("d", dated))])
    assert one.published_window == ["1991-01-01", None]
    values = {t.text: t.value for t in one.times}
    assert values["1991"] == "1991" and values["this year"] == "XXXX" and values["March"] == "XXXX-03"
    assert values["Wednesday"].startswith("XXXX")  # not 1991, not a day
    values = {t.text: t.value for t in two.times}
    assert two.published_window == ["2023-08-18", None]
    assert values["Earlier this year"] == "2023" and values["March"] == "2023-03"


def test_a_sentence_is_not_cut_after_a_title_or_a_wire_dateline():
    text = ("NEW YORK, Nov. 19 (UPI) — Former Secretary of State Hillary Clinton leads the field. "
            "The Pentagon disagreed, said spokesman Navy Capt. Jeff Davis, who was asked about the strategy. "
            "Sen. Graham spoke. It rained.")
    (an,) = analyze_articles([Article("w", text, blocks=[Block(0, len(text), "body")])])
    sentences = [s.text for s in an.sentences]
    assert sentences[0].startswith("NEW YORK") and sentences[0].endswith("leads the field.")
    assert any(s.startswith("The Pentagon") and s.endswith("about the strategy.") for s in sentences)
    assert "It rained." in sentences  # real sentence ends are kept


def test_a_numeric_date_that_reads_both_ways_is_read_as_the_article_writes_it():
    text = ("Car sales down sharply\nFebruary 03, 2009\nSales of cars in the United States fell last month, "
            "automakers reported on Tuesday.")
    blocks = [Block(0, 23, "title"), Block(24, 41, "byline"), Block(42, len(text), "body")]
    written, bare = analyze_articles([Article("w", text, published="03-02-2009", blocks=blocks),
                                      Article("b", text[42:], published="03-02-2009")])
    assert written.published == "2009-02-03"
    assert any(t.text == "last month" and t.value == "2009-01" for t in written.times)
    assert bare.published == "2009-03-02"  # nothing to tell: month first, as before


def test_the_opening_mark_of_the_next_quotation_starts_the_next_sentence():
    """Papers that print quotation marks as two apostrophes: the parser leaves the next quotation's opening ''
    at the end of the sentence before, where a brief would show it dangling."""
    text = ("''We need to train moderates,'' Mrs. Clinton said Saturday. ''Troops are not the answer,'' an aide said. "
            "“It works,” she said.")
    (an,) = analyze_articles([Article("q", text, blocks=[Block(0, len(text), "body")])])
    sentences = [s.text for s in an.sentences]
    assert sentences[0].endswith("said Saturday."), sentences
    assert sentences[1].startswith("''Troops"), sentences
    assert all(text[s.start : s.end] == s.text for s in an.sentences)
