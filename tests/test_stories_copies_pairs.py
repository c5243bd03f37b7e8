"""Wire copies and the same-story pair probability."""

from __future__ import annotations

from storyline.model import Article
from storyline.stories import find_copies, pair_probabilities

WIRE = (
    "WASHINGTON (AP) - The Federal Reserve left its benchmark interest rate unchanged on Wednesday but signaled "
    "that it still expects to raise rates once more this year, as inflation remains above its 2% target. "
    "Chair Jerome Powell told reporters that the central bank would proceed carefully and that officials were "
    "prepared to raise rates further if appropriate. The decision kept the Fed's key rate at about 5.4%, its "
    "highest level in 22 years. Policymakers also forecast that the economy would grow faster this year than "
    "they had expected in June, and that unemployment would stay lower."
)
# The same wire text as another outlet ran it: its own headline line, a word changed, a sentence trimmed.
EDITED = (
    "Fed holds rates steady, signals one more hike\n" + WIRE.replace("WASHINGTON (AP) - ", "")
    .replace("told reporters", "said")
    .replace(" Policymakers also forecast that the economy would grow faster this year than they had expected "
             "in June, and that unemployment would stay lower.", "")
)
OTHER_FED = (
    "Stocks slipped after the Fed decision as investors weighed the prospect of rates staying high well into next "
    "year. The S&P 500 fell 0.9% and the Nasdaq lost 1.5%, while two-year Treasury yields climbed to their highest "
    "since 2006. Analysts at Goldman Sachs said the central bank's projections pointed to fewer cuts in 2024 than "
    "markets had priced in, and traders now see the first reduction no earlier than June."
)


def test_lightly_edited_wire_text_is_a_copy_and_different_texts_are_not() -> None:
    arts = [Article(id="ap", text=WIRE), Article(id="other", text=OTHER_FED), Article(id="outlet2", text=EDITED)]
    groups = find_copies(arts)
    assert [sorted(g) for g in groups] == [["ap", "outlet2"]]


def test_no_copies_among_different_texts_or_tiny_input() -> None:
    assert find_copies([Article(id="a", text=WIRE), Article(id="b", text=OTHER_FED)]) == []
    assert find_copies([Article(id="a", text=WIRE)]) == []
    assert find_copies([Article(id="a", text=""), Article(id="b", text="")]) == []


SULAWESI = ("A magnitude 6.2 earthquake struck the Indonesian island of Sulawesi on Friday, killing at least 34 "
            "people in Mamuju, where a hospital collapsed, the disaster agency said.")
SULAWESI_2 = ("Rescuers in Mamuju pulled more bodies from the rubble after the 6.2 quake on Indonesia's Sulawesi "
              "island; the disaster agency said the death toll had risen to 42.")
MEXICO = ("A magnitude 7.1 earthquake struck near Acapulco in Mexico's Guerrero state on Tuesday, killing one "
          "person and swaying buildings in Mexico City, officials said.")
MATCH = ("Manchester City beat Real Madrid 4-0 at the Etihad to reach the Champions League final, with Bernardo "
         "Silva scoring twice in the first half.")


def test_pair_probability_higher_for_same_story_than_for_different() -> None:
    rows = [
        {"pair_id": "same", "text1": SULAWESI, "text2": SULAWESI_2},
        {"pair_id": "same-kind", "text1": SULAWESI, "text2": MEXICO},
        {"pair_id": "unrelated", "text1": SULAWESI, "text2": MATCH},
    ]
    same, kind, unrelated = pair_probabilities(rows)
    assert all(0.0 <= p <= 1.0 for p in (same, kind, unrelated))
    assert same > kind and same > unrelated
    assert same > 0.5 > unrelated


def test_pair_probability_is_symmetric_and_survives_empty_text() -> None:
    a, b = pair_probabilities([{"text1": SULAWESI, "text2": MEXICO}, {"text1": MEXICO, "text2": SULAWESI}])
    assert abs(a - b) < 1e-6
    (empty,) = pair_probabilities([{"text1": "", "text2": None}])
    assert empty == 0.0  # two blanks are not evidence of one story
    assert pair_probabilities([]) == []


def test_a_pairs_score_does_not_depend_on_the_other_rows_of_the_call() -> None:
    (alone,) = pair_probabilities([{"text1": SULAWESI, "text2": SULAWESI_2}])
    batch = pair_probabilities([{"text1": MATCH, "text2": MEXICO}, {"text1": SULAWESI, "text2": SULAWESI_2}])
    assert abs(alone - batch[1]) < 1e-3


def test_cheap_fallback_without_the_pair_model_still_orders_pairs(monkeypatch) -> None:
    import storyline.stories as st

    monkeypatch.setattr(st, "load_pair_model", lambda: None)
    rows = [{"text1": SULAWESI, "text2": SULAWESI_2}, {"text1": SULAWESI, "text2": MATCH}]
    same, unrelated = pair_probabilities(rows)
    assert same > unrelated


def test_pair_model_ranks_rated_same_story_pairs_above_unrelated_ones(shared_data) -> None:
    import json

    rows = [json.loads(line) for line in open(shared_data / "semeval2022_en_pairs_train.jsonl", encoding="utf-8")]
    same = [r for r in rows if r["Overall"] <= 1.5][:12]
    unrelated = [r for r in rows if r["Overall"] >= 3.5][:12]
    probs = pair_probabilities(same + unrelated)
    p_same, p_unrelated = probs[: len(same)], probs[len(same) :]
    assert sum(p_same) / len(p_same) > 0.5 > sum(p_unrelated) / len(p_unrelated)
    assert sum(a > b for a in p_same for b in p_unrelated) >= 0.9 * len(p_same) * len(p_unrelated)
