"""Attribution (who said what): the constructions a reader of "who said what" relies on, through the public
`analyze_articles` path, plus a recall floor on a slice of PolNeAR dev (skips without ../shared/data)."""

from __future__ import annotations

import json

from storyline.model import Article, Quote
from storyline.nlp import analyze_article, analyze_articles


def _quotes(text: str) -> list[Quote]:
    return analyze_article(Article(id="t", text=text, published="2024-03-01")).quotes


def _one(quotes: list[Quote], needle: str) -> Quote:
    hits = [q for q in quotes if needle in q.content.text]
    assert hits, f"no attribution containing {needle!r}: {[q.content.text for q in quotes]}"
    return hits[0]


def test_headline_colon_names_the_speaker() -> None:
    q = _one(_quotes("Sanders: Clinton Email Story Has Moved On\n\nThe senator spoke on Sunday."), "Email Story")
    assert q.speaker is not None and q.speaker.text == "Sanders"
    assert q.cue is not None and q.cue.text == ":"


def test_headline_colon_with_addressee_keeps_the_speaker_only() -> None:
    q = _one(_quotes("Clinton to Planned Parenthood: Trump will reverse Roe v. Wade\n\nShe spoke in Washington."),
             "Trump will reverse")
    assert q.speaker is not None and q.speaker.text == "Clinton"
    assert not q.content.text.endswith(".")


def test_a_number_before_a_colon_is_not_a_speaker() -> None:
    quotes = _quotes("Update 9: the polls closed at eight in most of the state.\n\nCounting went on all night.")
    assert not any(q.cue is not None and q.cue.text == ":" for q in quotes)


def test_adverbials_between_verb_and_that_clause_stay_out_of_the_content() -> None:
    text = ("Adelson said earlier on Friday during a news conference that he may wait until the primaries "
            "to decide who to back.")
    q = _one(_quotes(text), "he may wait")
    assert q.speaker is not None and q.speaker.text == "Adelson"
    assert "news conference" not in q.content.text


def test_inverted_cue_does_not_take_what_follows_the_speaker() -> None:
    text = "“We are not going anywhere,” said Maria Lopez, the mayor of the town, on Tuesday."
    q = _one(_quotes(text), "not going anywhere")
    assert q.speaker is not None and "Lopez" in q.speaker.text
    assert "mayor" not in q.content.text


def test_split_quote_is_one_attribution() -> None:
    text = "“We will rebuild the bridge,” the governor said, “and we will do it before winter.”"
    q = _one(_quotes(text), "rebuild the bridge")
    assert "before winter" in q.content.text


def test_according_to_gives_the_source() -> None:
    q = _one(_quotes("The factory will close in June, according to two people familiar with the plan."),
             "factory will close")
    assert q.speaker is not None and "two people" in q.speaker.text


def test_sentence_without_attribution_has_none() -> None:
    assert _quotes("The river rose two metres overnight and the bridge was closed to traffic.") == []


def test_odd_input_gives_no_traceback() -> None:
    for text in ("", ":", "“", "Trump:", "said said said", "” he said “"):
        assert isinstance(_quotes(text), list)


def test_polnear_dev_slice_recall_and_precision(shared_data) -> None:  # type: ignore[no-untyped-def]
    """Content-overlap recall and precision on the first 12 dev articles stay near the benchmark figures."""
    rows = [json.loads(x) for x in (shared_data / "polnear_train_dev.jsonl").open(encoding="utf-8")]
    rows = [r for r in rows if r["split"] == "dev"][:12]
    res = analyze_articles([Article(id=r["id"], text=r["text"], title=r.get("title")) for r in rows])
    hit_gold = n_gold = hit_pred = n_pred = 0
    for r, a in zip(rows, res):
        gold = [c for g in r["quotes"] if g["content"] for c in g["content"][:1]]
        n_gold += len(gold)
        n_pred += len(a.quotes)
        hit_gold += sum(any(q.content.start < c["end"] and c["start"] < q.content.end for q in a.quotes) for c in gold)
        hit_pred += sum(any(q.content.start < c["end"] and c["start"] < q.content.end for c in gold) for q in a.quotes)
    assert n_gold > 100
    assert hit_gold / n_gold >= 0.7
    assert hit_pred / n_pred >= 0.8
