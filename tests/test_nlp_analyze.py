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
