"""Story clustering as a user relies on it: one event one story, two events of one kind two stories, stable ids."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from storyline.model import Article
from storyline.stories import assign_stories, build_stories
from storyline.stories.cluster import STORY_SPAN_DAYS
from storyline.stories.metrics import bcubed

# Two earthquakes (different places, days, magnitudes) and two reports of each, written as outlets write them.
QUAKE_A1 = Article(
    id="a1",
    title="Magnitude 6.2 earthquake strikes Indonesia's Sulawesi, killing dozens",
    published="2021-01-15",
    text=(
        "Magnitude 6.2 earthquake strikes Indonesia's Sulawesi, killing dozens\n"
        "A magnitude 6.2 earthquake struck the Indonesian island of Sulawesi early on Friday, killing at least 34 "
        "people and injuring hundreds as buildings collapsed in the city of Mamuju, the disaster agency said. "
        "The quake hit at 1:28 a.m. local time at a depth of 10 km, according to the Meteorology and Geophysics "
        "Agency (BMKG). Rescuers in Mamuju were searching the rubble of a hospital and the governor's office. "
        "Thousands of residents fled to higher ground fearing a tsunami, agency spokesman Raditya Jati said."
    ),
)
QUAKE_A2 = Article(
    id="a2",
    title="Death toll from Sulawesi quake rises as rescuers dig through Mamuju rubble",
    published="2021-01-16",
    text=(
        "Death toll from Sulawesi quake rises as rescuers dig through Mamuju rubble\n"
        "Rescue teams in Mamuju pulled more bodies from collapsed buildings on Saturday after the magnitude 6.2 "
        "earthquake that hit West Sulawesi, Indonesia, raising the death toll to 42. The BMKG said the quake was "
        "followed by several aftershocks. Raditya Jati, a spokesman for the national disaster agency, said about "
        "15,000 people were displaced and the Mamuju hospital had been badly damaged."
    ),
)
QUAKE_B1 = Article(
    id="b1",
    title="Strong 7.1 quake shakes southern Mexico, Acapulco buildings sway",
    published="2021-09-08",
    text=(
        "Strong 7.1 quake shakes southern Mexico, Acapulco buildings sway\n"
        "A magnitude 7.1 earthquake struck near the Pacific resort of Acapulco in Guerrero state on Tuesday night, "
        "killing at least one person and shaking buildings hundreds of kilometres away in Mexico City. The US "
        "Geological Survey said the quake was centred 11 km northeast of Acapulco. Guerrero governor Hector Astudillo "
        "said a man died when a pole fell on him in Coyuca de Benitez. President Andres Manuel Lopez Obrador said "
        "there were no reports of serious damage."
    ),
)
QUAKE_B2 = Article(
    id="b2",
    title="Acapulco earthquake: Guerrero counts damage after magnitude 7.1 tremor",
    published="2021-09-08",
    text=(
        "Acapulco earthquake: Guerrero counts damage after magnitude 7.1 tremor\n"
        "Residents of Acapulco cleared debris on Wednesday after a 7.1 magnitude earthquake rocked Guerrero state, "
        "Mexico. Governor Hector Astudillo confirmed one death in Coyuca de Benitez and said hotels in Acapulco "
        "suffered cracked walls. Lopez Obrador said on Twitter that the Mexico City alarm had sounded and that "
        "there were no reports of major damage in the capital."
    ),
)
EVENTS = [QUAKE_A1, QUAKE_B1, QUAKE_A2, QUAKE_B2]


def test_reports_of_one_event_join_and_two_events_of_one_kind_stay_apart() -> None:
    got = assign_stories(EVENTS)
    assert set(got) == {"a1", "a2", "b1", "b2"}
    assert got["a1"] == got["a2"]
    assert got["b1"] == got["b2"]
    assert got["a1"] != got["b1"]


def test_story_ids_are_stable_as_articles_join() -> None:
    first = assign_stories([QUAKE_A1, QUAKE_B1])
    later = assign_stories(EVENTS, known=first)
    assert later["a1"] == first["a1"] and later["b1"] == first["b1"]
    assert later["a2"] == first["a1"]  # the new report joins the existing story under its existing id
    assert later["b2"] == first["b1"]
    assert assign_stories(EVENTS) == assign_stories(EVENTS)  # deterministic


def test_known_assignments_are_kept_and_seed_the_state() -> None:
    known = {"a1": "story-sulawesi", "b1": "story-mexico", "b2": "story-elsewhere"}
    got = assign_stories(EVENTS, known=known)
    for aid, sid in known.items():
        assert got[aid] == sid
    assert got["a2"] == "story-sulawesi"


def test_empty_and_odd_input_does_not_crash() -> None:
    assert assign_stories([]) == {}
    odd = [Article(id="x", text=""), Article(id="y", text="   \n"), Article(id="z", text="12 34 !!", title="")]
    got = assign_stories(odd)
    assert set(got) == {"x", "y", "z"}


def test_build_stories_groups_members_with_copies() -> None:
    assignment = assign_stories(EVENTS)
    stories = build_stories(EVENTS, assignment)
    assert sorted(sorted(s.article_ids) for s in stories) == [["a1", "a2"], ["b1", "b2"]]
    assert all(s.copies == [] for s in stories)  # different texts of one event are not copies


def test_ecb_dev_bcubed_well_above_tfidf_floor(shared_data) -> None:  # type: ignore[no-untyped-def]
    rows = [json.loads(line) for line in open(shared_data / "ecbplus_train_dev.jsonl", encoding="utf-8")]
    rows = [r for r in rows if r["split"] == "dev"]
    arts = [Article(id=r["id"], text=r["text"], title=r.get("title"), published=r.get("date")) for r in rows]
    pred = assign_stories(arts)
    _, _, f1 = bcubed(pred, {r["id"]: r["cluster"] for r in rows})
    assert f1 >= 0.87  # TF-IDF average linkage: about 0.87 on train+dev; single pass far lower


def test_articles_are_taken_in_publication_order_and_progress_counts_new_ones() -> None:
    calls: list[int] = []
    reversed_input = [QUAKE_B2, QUAKE_A2, QUAKE_B1, QUAKE_A1]
    got = assign_stories(reversed_input, progress=calls.append)
    in_order = assign_stories(EVENTS)
    assert got["a1"] == in_order["a1"]  # the earliest report founds the story whatever the input order
    assert got["b1"] == got["b2"] != got["a1"] == got["a2"]
    assert sum(calls) == 4
    calls.clear()
    assign_stories(EVENTS, known={"a1": got["a1"]}, progress=calls.append)
    assert sum(calls) == 3


def test_a_report_datelined_in_another_year_than_the_story_is_less_likely_to_join() -> None:
    from storyline.stories.cluster import Clusterer, article_profile, join, observe
    from storyline.stories.features import article_features
    from storyline.stories.score import pair_features, probability

    def dated(a: Article, dateline: str, id: str | None = None) -> Article:
        return Article(id=id or a.id, title=a.title, text=a.text.replace("\n", "\n" + dateline + "\n", 1))

    def prob(dateline: str) -> float:
        state = Clusterer()
        for a in (dated(QUAKE_A1, "January 15, 2021"), dated(QUAKE_B1, "September 8, 2021")):
            f = article_features(a)
            observe(state, f)
            join(state, a.id, article_profile(f, state.idf))
        f = article_features(dated(QUAKE_A2, dateline, "new"))
        observe(state, f)
        return probability(pair_features(article_profile(f, state.idf), state.stories["a1"], state.idf, f.length))

    assert prob("January 16, 2021") > 2 * prob("January 16, 2024")


_ASSIGN_SCRIPT = """
import json, sys
from storyline.model import Article
from storyline.stories import assign_stories
rows = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")][:2000]
pred = assign_stories([Article(id=r["id"], text=r["text"], title=r.get("title")) for r in rows])
print(json.dumps(sorted(pred.items())))
"""


def test_the_same_input_gives_the_same_stories_in_every_process(shared_data) -> None:  # type: ignore[no-untyped-def]
    """Python salts string hashing per process, so set order differs between runs; ties between candidate stories
    must not follow it (2,000 GoogleNews-TS items: before the fix two runs disagreed)."""
    runs = []
    for seed in ("1", "7"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        runs.append(subprocess.run([sys.executable, "-c", _ASSIGN_SCRIPT, str(shared_data / "googlenews_ts.jsonl")],
                                   env=env, capture_output=True, text=True, check=True).stdout)
    assert runs[0] == runs[1] and len(json.loads(runs[0])) == 2000


def test_a_follow_up_weeks_later_joins_its_story_and_a_new_event_of_the_beat_does_not() -> None:
    """Past STORY_SPAN_DAYS a report joins a story only when it is very probably the same story (LATE_JOIN): the
    sentence of the hacker who exposed an official's email, months after his arrest, is the arrest's story; a quake
    elsewhere a month after the Sulawesi quake is a story of its own."""
    arrest = [Article(id=f"h{i}", published=f"2016-05-{26 + i}", title=title, text=text) for i, (title, text) in enumerate([
        ("Hacker who exposed Clinton's private email address admits to other intrusions",
         "Marcel Lazar Lehel, the Romanian hacker known as Guccifer who exposed Hillary Clinton's private email "
         "address, pleaded guilty in federal court in Alexandria, Virginia, to unauthorized access and identity theft. "
         "Lehel admitted hacking the email accounts of about 100 Americans, including Sidney Blumenthal."),
        ("Romanian hacker Guccifer pleads guilty in Virginia",
         "The Romanian hacker Guccifer, Marcel Lazar Lehel, who revealed Clinton's private email address by breaking "
         "into Sidney Blumenthal's account, pleaded guilty on Wednesday in Alexandria, Virginia, to identity theft "
         "and unauthorized access to a protected computer.")])]
    sentence = Article(id="h9", published="2016-09-01", title="Hacker who exposed Clinton's email gets 52-month sentence",
                       text="Marcel Lazar Lehel, the Romanian hacker known as Guccifer who exposed Hillary Clinton's "
                            "private email address after breaking into Sidney Blumenthal's account, was sentenced in "
                            "federal court in Alexandria, Virginia, to 52 months in prison for identity theft and "
                            "unauthorized access.")
    pred = assign_stories([*arrest, sentence])
    assert pred["h0"] == pred["h1"] == pred["h9"]
    quakes = [QUAKE_A1, QUAKE_A2, Article(id="a9", published="2021-02-20", title=QUAKE_B1.title, text=QUAKE_B1.text)]
    pred = assign_stories(quakes)
    assert pred["a1"] == pred["a2"] != pred["a9"]


def test_a_saga_reported_without_a_pause_becomes_a_new_story_after_a_week_but_a_follow_up_after_a_pause_joins() -> None:
    """A follow-up past the span comes after a pause: a report that would stretch the story's run of reports (no
    gap longer than STORY_SPAN_DAYS) past STORY_SPAN_DAYS is the saga's next week, however alike it is."""
    text = ("Marcel Lazar Lehel, the Romanian hacker known as Guccifer who exposed Hillary Clinton's private email "
            "address, appeared in federal court in Alexandria, Virginia, where he faces charges of unauthorized access "
            "and identity theft after hacking the email accounts of about 100 Americans, including Sidney Blumenthal.")
    title = "Romanian hacker Guccifer who exposed Clinton's email address in Virginia court"
    days = ["2016-05-26", "2016-05-27", "2016-06-01", "2016-06-05"]
    arts = [Article(id=f"g{i}", published=day, title=title, text=text + f" Report {i}.") for i, day in enumerate(days)]
    later = Article(id="g9", published="2016-09-01", title=title, text=text + " He was sentenced to 52 months.")
    pred = assign_stories([*arts, later])
    assert pred["g0"] == pred["g1"] == pred["g2"]  # within the span
    assert pred["g3"] != pred["g0"]  # reports running 10 days without a pause: the saga's next week
    assert pred["g9"] in (pred["g0"], pred["g3"])  # three months later, after a pause: a follow-up


def test_stories_of_a_dated_beat_stay_within_the_span_but_for_rare_follow_ups(shared_data) -> None:  # type: ignore[no-untyped-def]
    """A year of PolNeAR election coverage (the same candidates in nearly every article): without the span bound it
    chains into one story of 700 articles. With it, a story runs past STORY_SPAN_DAYS only through a report very
    probably of it (LATE_JOIN): few stories do, and none becomes the beat."""
    import datetime

    rows = [json.loads(line) for line in open(shared_data / "polnear_train_dev.jsonl", encoding="utf-8")]
    arts = [Article(id=r["id"], text=r["text"], title=r.get("title"), published=r.get("date")) for r in rows]
    pred = assign_stories(arts)
    days: dict[str, list[datetime.date]] = {}
    for r in rows:
        days.setdefault(pred[r["id"]], []).append(datetime.date.fromisoformat(r["date"][:10]))
    long_runs = [d for d in days.values() if (max(d) - min(d)).days > STORY_SPAN_DAYS]
    assert len(long_runs) <= 0.03 * len(days)
    assert max(len(d) for d in days.values()) <= 0.02 * len(rows)
    assert len(days) > len(rows) / 3  # and a beat does not become a handful of stories


def test_a_member_in_doubt_that_reports_nothing_its_story_reports_leaves_it():
    """The end-of-input check (stories._leave_alone): of the members the cheap signals doubt, one that the
    embedding pair model finds unrelated to every other member becomes a story of its own; a related one stays."""
    from storyline.stories import _leave_alone

    quake = [
        Article("q1", "A strong earthquake struck the coast of Chile on Monday, killing at least 12 people and "
                      "destroying hundreds of homes, officials said."),
        Article("q2", "Rescuers in Chile searched collapsed buildings after Monday's magnitude 7.1 earthquake, "
                      "which killed 12 people along the coast."),
        Article("q3", "Chile's president visited towns on the coast hit by the deadly earthquake and promised "
                      "aid to the families who lost their homes."),
    ]
    lists = Article("b1", "At least six companies now compile lists of the world's billionaires, and how much they "
                          "own depends on who is counting.")
    out = {a.id: "s-q1" for a in quake + [lists]}
    moved = _leave_alone(quake + [lists], out, {"q3": ["q1", "q2", "b1"], "b1": ["q3", "q1", "q2"]}, {"s-q1"})
    assert list(moved) == ["b1"] and moved["b1"] != "s-q1"


def test_the_year_of_a_date_line_under_the_title_counts_though_it_is_not_body():
    """Two events of one kind are told apart by their dateline years (repair.dated_apart); ingest marks a date
    line as a byline block, which must not hide its year."""
    from storyline.model import Block
    from storyline.stories.features import article_features

    text = "Quake hits coast\nApril 27, 2009\nA strong quake hit the coast on Monday, officials said."
    art = Article("d", text, title="Quake hits coast",
                  blocks=[Block(0, 16, "title"), Block(17, 31, "byline"), Block(32, len(text), "body")])
    f = article_features(art)
    assert 2009 in f.head_years and 2009 in f.years



def _report(id_: str, title: str, body: str) -> Article:
    return Article(id=id_, title=title, text=title + "\n" + body)


# Two house fires of one night in two towns, reported in the same formulaic words and with no name in common: two
# stories. The words alone would join them; that none of one story's names is in the other report says otherwise.
FIRES = [
    _report("ash1", "Fire destroys family home in Ashford overnight, no one hurt",
            "A fire destroyed a family home on Elm Street in Ashford overnight, but everyone inside escaped without "
            "injury, fire chief Tom Brennan said. Crews from Ashford and Westbury fought the blaze for three hours. "
            "The cause of the fire is under investigation, Brennan said."),
    _report("bel1", "Fire destroys family home in Belmont overnight, no one hurt",
            "A fire destroyed a family home on Maple Avenue in Belmont overnight, but the family of five escaped "
            "without injury, fire marshal Linda Okafor said. Crews fought the blaze for two hours. The cause of the "
            "fire is under investigation, Okafor said."),
    _report("ash2", "Ashford family loses home to overnight fire",
            "An Ashford family lost everything when fire tore through their Elm Street home overnight. Chief Tom "
            "Brennan said the family got out safely and that investigators were looking at the wiring."),
    _report("bel2", "Belmont family escapes overnight house fire",
            "A Belmont family of five escaped when fire swept through their Maple Avenue home overnight. Fire "
            "marshal Linda Okafor said a space heater may have started the fire."),
]


def test_two_fires_of_one_night_with_no_name_in_common_are_two_stories() -> None:
    got = assign_stories(FIRES)
    assert got["ash1"] == got["ash2"]
    assert got["bel1"] == got["bel2"]
    assert got["ash1"] != got["bel1"]
