"""Claims, alignment and conflicts on small real texts (real spaCy analysis and MiniLM vectors)."""

from __future__ import annotations

import json
import re

import numpy as np
import pytest

from storyline.brief import align_facts, build_brief
from storyline.brief.align import (
    facts_from_claims, feature_matrices, main_event_claims, score_claims, source_groups, story_claims, worth_embedding,
)
from storyline.brief.claims import split_claims
from storyline.brief.text import content_stems, is_boilerplate, numbers, quantities, readable
from storyline.model import Analysis, Article, Block, Span, Story
from storyline.nlp import analyze_articles


def _one_sentence_analysis(article: Article) -> Analysis:
    return Analysis(article.id, sentences=[Span(0, len(article.text), article.text)])


def test_a_second_clause_needs_a_verb_and_the_joining_words_belong_to_neither():
    art = Article("q", "The quake struck Qeshm island, home to 120,000 people, and the city of Bandar Abbas, state media "
                  "said.")
    assert len(split_claims(art, _one_sentence_analysis(art))) == 1  # a conjoined object is not a claim
    art = Article("s", "The storm destroyed more than forty homes in the town, and the mayor asked the army for tents, "
                  "officials said.")
    assert [c.text for c in split_claims(art, _one_sentence_analysis(art))] == [
        "The storm destroyed more than forty homes in the town",
        "the mayor asked the army for tents, officials said.",
    ]


def test_a_clause_that_goes_on_with_the_same_subject_is_not_cut_off():
    art = Article("t", "Mr. Trump has plainly struggled to respond to the reproach of a military family, and he has "
                  "repeatedly answered the Khan family's criticism with harsh rhetoric.")
    assert len(split_claims(art, _one_sentence_analysis(art))) == 1  # "he has repeatedly answered" places nobody
    art = Article("u", "The senator spent the week in Iowa meeting voters; she returns to Washington on Monday.")
    assert len(split_claims(art, _one_sentence_analysis(art))) == 1


def test_number_words_and_digits_agree_and_years_are_not_quantities():
    assert numbers("ten people are killed") == numbers("the death toll rises to 10")
    assert numbers("in 2023 the Pentagon sent $250 million") == {250e6}


def test_a_sentence_joining_two_claims_is_split_but_lists_and_quotes_are_not():
    text = "The storm destroyed more than forty homes in the town; officials said the repairs would take a year."
    art = Article("a", text)
    assert [c.text for c in split_claims(art, _one_sentence_analysis(art))] == [
        "The storm destroyed more than forty homes in the town",
        "officials said the repairs would take a year.",
    ]
    text = "WASHINGTON - The senator spoke to reporters on Monday, and the vote was delayed until Friday afternoon."
    art = Article("a", text)  # a dateline's dash opens no list
    assert len(split_claims(art, _one_sentence_analysis(art))) == 2
    for text in (
        "Russia wants shells, rockets and drones from the North for its war.",
        "Jon Stewart, who hosted in 2008 and 2006, and Ellen DeGeneres, the 2007 host, were the latest emcees.",
        '"We are watching the situation very closely, and we urge them to stop," the spokesman said.',
        "Her rep confirmed that she was at the clinic where Britney Spears, Ben Affleck, Charlie Sheen, and Lindsay "
        "Lohan were previously treated.",
        "Gaskin said that other climbers attempted to rescue Raite by taking him down the glacier, but that he died "
        "on the way down.",  # two things one person said, not a claim "that he died on the way down"
        "They made off with 2m euros (£1.7m; $2.6m worth of gems and luxury watches) in a matter of minutes.",
        # the verb after "and" is a relative clause's: "the RNC" is the second half of "between ... and"
        "Ryan's statement also provides an awkward break between the House speaker, who will play a pivotal role as "
        "chairman of the convention, and the RNC, which is trying to close ranks ahead of Cleveland.",
        # a list between dashes, one of its items with a relative clause
        "Trump's GOP rivals - Sen. Ted Cruz of Texas, who has blasted Trump's statements on Israel, and Ohio Gov. "
        "John Kasich - are also scheduled to appear at the AIPAC conference.",
    ):
        art = Article("b", text)
        assert len(split_claims(art, _one_sentence_analysis(art))) == 1


def test_different_numbers_for_the_same_claim_are_a_conflict_with_both_sides():
    a = Article("a", "The earthquake killed 12 people in the city of Van on Monday, officials said.", outlet="Outlet A")
    b = Article("b", "The earthquake killed 15 people in the city of Van on Monday, officials said.", outlet="Outlet B")
    facts = align_facts([a, b], analyze_articles([a, b]), [])
    conflict = [f for f in facts if f.status == "conflict"]
    assert len(conflict) == 1
    sides = {tuple(s["outlets"]) for s in conflict[0].conflict}
    assert sides == {("Outlet A",), ("Outlet B",)}


def test_unrelated_claims_are_not_aligned():
    a = Article("a", "The central bank raised interest rates by half a point to fight inflation.", outlet="A")
    b = Article("b", "A volcano erupted on the island, forcing thousands of residents to flee their homes.", outlet="B")
    facts = align_facts([a, b], analyze_articles([a, b]), [])
    assert len(facts) == 2 and all(f.status == "single" for f in facts)


def test_two_unrelated_articles_put_in_one_story_corroborate_nothing():
    """A story can hold an article by mistake (a loose cluster, or stories a user gives): its sentences must not
    corroborate the others' because both speak of "this year", nor lend its lead to a main event."""
    refugees = Article("r", (
        "US expands refugee program for Central Americans\n\n"
        "The administration announced plans on Tuesday to expand a program that lets Central Americans enter the "
        "country as refugees. Officials said the changes will take effect in the next few months. Arrests of families "
        "at the border fell last year but are up again this year. About 270 people have been resettled under the "
        "program so far, officials said. Advocates said the government should go further."), outlet="Daily Herald",
        published="2016-07-26")
    rates = Article("f", (
        "Fed governor champions low interest rates\n\n"
        "A Federal Reserve governor has become the leading voice for keeping interest rates low this year. The central "
        "bank is expected to leave its benchmark rate unchanged on Wednesday. Officials have said they are still "
        "considering an increase later in the year. She argued that the economy is not ready for higher borrowing "
        "costs. Critics said the bank should focus on prices at home."), outlet="Money Times", published="2016-07-27")
    facts = align_facts([refugees, rates], analyze_articles([refugees, rates]), [])
    assert all(len(f.articles) == 1 for f in facts), [f.text for f in facts if len(f.articles) > 1]
    assert not any(f.main_event for f in facts)


def test_an_outlet_repeating_itself_does_not_corroborate():
    a = Article("a1", "The earthquake killed 12 people in the city of Van on Monday, officials said.", outlet="Van Daily")
    b = Article("a2", "Officials said the earthquake killed 12 people in Van on Monday.", outlet="Van Daily")
    c = Article("c", "Twelve people died when an earthquake hit Van on Monday, officials said.", outlet="Other Post")
    facts = align_facts([a, b], analyze_articles([a, b]), [])
    assert [(f.status, sorted(f.articles)) for f in facts] == [("single", ["a1", "a2"])]
    facts = align_facts([a, b, c], analyze_articles([a, b, c]), [])
    assert [(f.status, sorted(f.articles)) for f in facts] == [("corroborated", ["a1", "a2", "c"])]


def test_fact_sources_are_spans_of_the_article_text(shared_data):
    """On a real ECB+ story: every source span points into its article and states the fact's claim."""
    row = json.loads(next(iter(open(shared_data / "ecbplus_align_train_dev.jsonl"))))
    ids = list(dict.fromkeys(s["doc"] for s in row["sentences"]))[:6]
    docs = {}
    for line in open(shared_data / "ecbplus_train_dev.jsonl"):
        d = json.loads(line)
        if d["id"] in ids:
            docs[d["id"]] = Article(d["id"], d["text"], title=d.get("title"), outlet=d.get("outlet") or d["id"])
    arts = [docs[i] for i in ids]
    facts = align_facts(arts, analyze_articles(arts), [])
    assert any(f.status == "corroborated" for f in facts)
    by_id = {a.id: a for a in arts}
    for f in facts:
        assert f.articles == list(dict.fromkeys(s.id for s in f.sources))
        for s in f.sources:
            assert 0 <= s.start < s.end <= len(by_id[s.id].text)
        assert any(by_id[s.id].text[s.start : s.end] == f.text for s in f.sources)


def test_bad_input_gives_an_empty_result_not_a_traceback():
    empty = Article("e", "")
    assert align_facts([empty], [Analysis("e")], []) == []
    odd = Article("o", "short")
    assert align_facts([odd], [Analysis("o", sentences=[Span(0, 500, "x")])], []) == []


def test_different_names_for_the_same_claim_are_a_conflict():
    a = Article("a", "The Lakers named John Smith as their new head coach on Monday, the team said.", outlet="A")
    b = Article("b", "The Lakers named Mike Brown as their new head coach on Monday, the team said.", outlet="B")
    facts = align_facts([a, b], analyze_articles([a, b]), [])
    assert [f.status for f in facts] == ["conflict"]
    assert sorted(tuple(s["people"]) for s in facts[0].conflict) == [("John Smith",), ("Mike Brown",)]


def _two_line_articles(text_a: str, text_b: str) -> tuple[Article, Article]:
    """Articles "a" (outlet A) and "b" (outlet B), each of two one-line body blocks."""
    out = []
    for aid, text in (("a", text_a), ("b", text_b)):
        cut = text.index("\n")
        out.append(Article(aid, text, outlet=aid.upper(), blocks=[Block(0, cut, "body"), Block(cut + 1, len(text), "body")]))
    return out[0], out[1]


def test_pruned_scoring_embeds_only_claims_with_a_neighbour_and_still_corroborates():
    """Large stories embed only claims sharing words with another article; the shared fact is still found."""
    a, b = _two_line_articles(
        "Firefighters rescued nine miners trapped underground in the Gansu coal mine on Tuesday.\n"
        "The local football team won its third match of the season.",
        "Nine miners trapped underground in a Gansu coal mine were rescued by firefighters.\n"
        "A new bakery opened downtown selling sourdough and croissants.")
    analyses = analyze_articles([a, b])
    claims = story_claims([a, b], analyses, [])
    assert len(claims) == 4
    tfidf = feature_matrices(claims, np.zeros((len(claims), 1), dtype=np.float32))["tfidf"]
    worth = [c.text.split()[0] for c, w in zip(claims, worth_embedding(claims, tfidf)) if w]
    assert worth == ["Firefighters", "Nine"]
    assert worth_embedding(claims, tfidf, budget=1).sum() == 1  # past the budget, only the closest are embedded
    vectors, prob = score_claims(claims, embed_all_below=0)
    assert np.allclose(prob, prob.T)
    facts = facts_from_claims(claims, vectors, [a, b], [], prob=prob)
    mine = [f for f in facts if "miners" in f.text]
    assert len(mine) == 1 and mine[0].status == "corroborated" and mine[0].articles == ["a", "b"]
    assert all(f.status == "single" for f in facts if "miners" not in f.text)


def test_a_claim_one_outlet_makes_is_not_corroborated_by_a_look_alike_of_another_fact():
    """A sentence that resembles one member of a fact other outlets share stays single-source (the reader would
    otherwise see "corroborated" on a claim nobody else made); a fact stated by two outlets still takes in the
    sentence with which one of them restates it."""
    a, b = _two_line_articles(
        "Officials said the bridge collapsed during the morning rush hour.\n"
        "Engineers had warned for years that the bridge was unsafe.",
        "The bridge collapsed during the morning rush, officials said.\n"
        "The city plans to spend a billion on new bridges over the decade.")
    analyses = [Analysis(art.id, sentences=[Span(0, art.text.index("\n"), ""),
                                            Span(art.text.index("\n") + 1, len(art.text), "")]) for art in (a, b)]
    claims = story_claims([a, b], analyses, [])
    a1, a2, b1, b2 = range(4)
    assert [c.article_id for c in claims] == ["a", "a", "b", "b"]
    prob = np.full((4, 4), 0.1, dtype=np.float32)
    np.fill_diagonal(prob, 1.0)
    for i, j, p in ((a1, b1, 0.95), (b2, a1, 0.9), (a2, a1, 0.92), (a2, b1, 0.92)):
        prob[i, j] = prob[j, i] = p
    facts = facts_from_claims(claims, np.zeros((4, 8), dtype=np.float32), [a, b], [], prob=prob)
    by_text = {f.text: f for f in facts}
    collapse = next(f for f in facts if "collapsed" in f.text)
    assert collapse.status == "corroborated" and set(collapse.articles) == {"a", "b"}
    assert any(a.text[s.start : s.end].startswith("Engineers") for s in collapse.sources)  # restatement cited
    plans = by_text[claims[b2].text]
    assert plans.status == "single" and plans.articles == ["b"] and plans.outlets == ["B"]


def test_a_fact_reported_under_a_long_frame_is_matched_by_what_was_reported():
    """The frame ("Speaking to reporters ... the mayor said that") is set aside: the claims are compared by content."""
    a = Article("a", "Speaking to reporters outside the town hall on Friday after a long emergency meeting with local shop "
                "owners and union leaders, the mayor said that heavy rain had flooded the railway tunnel, closing it "
                "for a month.", outlet="A")
    b = Article("b", "Heavy rain flooded the railway tunnel beneath the river on Thursday and it will stay closed for a "
                "month, county officials disclosed.", outlet="B")
    c = Article("c", "The mayor also promised to hire forty more teachers for the city's schools next year.", outlet="A")
    facts = align_facts([a, b, c], analyze_articles([a, b, c]), [])
    tunnel = [f for f in facts if "tunnel" in f.text]
    assert len(tunnel) == 1 and tunnel[0].status == "corroborated" and tunnel[0].outlets == ["A", "B"]
    assert [f.status for f in facts if "teachers" in f.text] == ["single"]


def test_one_statement_two_outlets_paraphrase_is_one_quote_entry():
    """Each outlet words Ortiz's statement its own way; the aligner puts both in one fact, so "who said what" lists
    it once with both outlets."""
    a = Article("a", "Mayor Jane Ortiz said the flooded railway tunnel under the river would stay closed for a month "
                "while engineers pump out the water.", outlet="A", published="2024-03-01")
    b = Article("b", "The railway tunnel beneath the river, flooded by heavy rain, could remain shut for about a month "
                "as crews drain it, Ortiz said.", outlet="B", published="2024-03-01")
    brief = build_brief(Story("s", ["a", "b"]), [a, b], analyze_articles([a, b]))
    ortiz = [q for q in brief.quotes if q.speaker == "Jane Ortiz"]
    assert len(ortiz) == 1 and ortiz[0].outlets == ["A", "B"]
    assert ortiz[0].text.startswith("the flooded railway tunnel") and not ortiz[0].hedged  # B's "could" is B's


@pytest.mark.parametrize("text, shown", [
    ("Mayor Jane Ortiz declined to say how much the repairs to the flooded railway tunnel would cost.",
     "declined to say how much"),
    ("Mayor Jane Ortiz did not confirm that the flooded railway tunnel would reopen next month.",
     "did not confirm that the flooded"),
    ("Mayor Jane Ortiz, who took office in 2020 after a close race, did not say whether the tunnel would reopen.",
     "did not say whether"),
    ("Denying she was to blame for the flooded railway tunnel, Mayor Jane Ortiz thanked the crews.",
     "denying she was to blame"),
])
def test_what_a_speaker_declined_or_did_not_say_is_not_shown_as_her_words(text: str, shown: str):
    a = Article("a", text, outlet="A", published="2024-03-01")
    brief = build_brief(Story("s", ["a"]), [a], analyze_articles([a]))
    said = [q.text for q in brief.quotes if q.speaker == "Jane Ortiz"]
    assert said and all(t.startswith(shown) for t in said)


def test_an_act_the_language_stage_attributes_is_not_listed_as_something_said():
    """The language stage keeps attributions as PolNeAR annotates them, acts included ("slapped sanctions on"):
    "who said what" lists statements only."""
    a = Article("a", "The Treasury Department in March slapped sanctions on a Slovakian businessman for trying to broker "
                "arms deals between Moscow and Pyongyang. Treasury Secretary Janet Yellen said the measures would cut "
                "off Moscow's suppliers of last resort.", outlet="A", published="2024-03-01")
    analyses = analyze_articles([a])
    assert any(q.cue and q.cue.text == "slapped" for q in analyses[0].quotes)  # what the filter must catch
    brief = build_brief(Story("s", ["a"]), [a], analyses)
    assert [q.speaker for q in brief.quotes] == ["Janet Yellen"]


@pytest.mark.parametrize("text", [
    "Mayor Jane Ortiz refused to bow out of the race despite the scandal.",
    "Mayor Jane Ortiz found herself playing host to the candidates night after night.",
    "Mayor Jane Ortiz couldn't find anyone to run the transit agency.",
    "Mayor Jane Ortiz pledged her vote to the governor last week.",
    "Mayor Jane Ortiz explained the reason for her late support of the governor.",
    "Mayor Jane Ortiz's comments signal a turnabout from the city's policy under her predecessor.",
    "No major polls appear to have been conducted in the city before Tuesday's vote.",
    "Mayor Jane Ortiz wants ready access to the river for every family in the city.",
    "Pirates on a dhow attacked the merchant ship about 1100 hrs, 150 nautical miles west of Aden.",
    "Mayor Jane Ortiz slammed the door of the council chamber on her way out.",
    "A German frigate responded to a distress call from the freighter off the coast of Yemen.",
    "Mayor Jane Ortiz resigned after she is believed to have read the auditors' report on the tunnel.",
    "Dubbed the \"Iron Mayor\" for her budget cuts, Mayor Jane Ortiz rarely gave interviews.",
    "Mayor Jane Ortiz has avoided directly criticizing Bolton, a Republican appointed as judge by the governor.",
    "The city was successfully challenged by Lockheed and Sikorsky in 2006 over a $10 million contract for buses.",
    "Airbus, in particular, charge an added cost for taking an aircraft to the city for registration.",
    "When asked about the flooded railway tunnel under the river, Mayor Jane Ortiz sighed.",
])
def test_an_act_under_a_cue_that_can_also_report_speech_is_not_something_said(text: str):
    """"refused", "found", "find" report speech or thought only with what was said after them ("declined to
    detail how...", "found that the bridge was unsafe")."""
    a = Article("a", text + " Ortiz said the tunnel would reopen next month.", outlet="A", published="2024-03-01")
    brief = build_brief(Story("s", ["a"]), [a], analyze_articles([a]))
    assert [q.text for q in brief.quotes] == ["the tunnel would reopen next month"]


def test_one_speaker_written_several_ways_is_listed_once():
    a = Article("a", "A navy spokesman said the pirates surrendered without a fight. A Defence Ministry statement said "
                "the ship was escorted to safety.", outlet="A", published="2024-03-01")
    b = Article("b", "The helicopter reached the ship within minutes, the navy spokesperson said. The Defence Ministry "
                "said the crew of the freighter was unharmed. According to Laurence Mark, producer of the telecast, "
                "the show would run under three hours. ``We want it to be more of a party,'' Laurence Mark said. An "
                "Indian warship escorted the freighter. The crew of the freighter was safe, according to a statement "
                "from the Indian government. The Indians say the pirates were from Somalia and Yemen.",
                outlet="B", published="2024-03-01")
    brief = build_brief(Story("s", ["a", "b"]), [a, b], analyze_articles([a, b]))
    speakers = sorted({q.speaker for q in brief.quotes})
    # "a Defence Ministry statement" names the ministry; "a navy spokesman" stays a description
    assert speakers == ["A navy spokesman", "Defence Ministry", "Indian government", "Indians", "Laurence Mark"], speakers
    assert "We want it to be more of a party" in [q.text for q in brief.quotes]  # no treebank marks left on it


def _quotes_of(*texts: str, published: str = "2020-01-01") -> list:
    """Who said what in the brief of one story whose articles (outlets A, B, ...) are `texts`."""
    arts = [Article(k.lower(), t, outlet=k, published=published) for k, t in zip("ABCDEFGH", texts)]
    return build_brief(Story("s", [a.id for a in arts]), arts, analyze_articles(arts)).quotes


def _said_by(*texts: str) -> dict[str, str | None]:
    """Who said what in the brief of one story of `texts`: each entry's words -> its speaker."""
    return {q.text: q.speaker for q in _quotes_of(*texts)}


def test_a_speaker_named_by_the_role_only_one_person_has_is_that_person():
    # Another outlet gives the role with the name.
    said = _said_by(
        "Addressing party officials, the North Korean leader also said talks with Washington had stalled. The "
        "president said the talks would go on.",
        "North Korean leader Kim Jong-un said his country would soon show a new strategic weapon. President Donald "
        "Trump said he believed Kim would keep his word.")
    assert said["talks with Washington had stalled"] == "Kim Jong-un", said
    assert said["the talks would go on"] == "Donald Trump", said
    # a word before a name that is no title is no role: "police said" is not the suspect speaking
    quotes = _quotes_of("A partner in the firm told police LaCalamita loaded a shell into the shotgun. Police said "
                        "the suspect had been fired from the firm last week.")
    assert "LaCalamita" not in {q.speaker for q in quotes}


def test_a_collective_source_in_lower_case_is_a_speaker_as_when_it_opens_the_sentence():
    # "police said" after a phrase of time is the same source as "Police said" at the start of a sentence
    quotes = _quotes_of("Thieves stole gems from the store. In 2009, police said they had recovered 80 percent of "
                        "the haul.",
                        "Police said they had recovered 80 percent of the haul in 2009.")
    assert [(q.speaker, sorted(q.outlets)) for q in quotes] == [("Police", ["A", "B"])], quotes
    quotes = _quotes_of("The bridge was closed on Monday, and local officials said it would reopen in a week. "
                        "The firm was sued, and their lawyers said the contract had been broken.")
    assert [q.speaker for q in quotes] == ["Local officials"], quotes  # "their lawyers" names nobody


@pytest.mark.parametrize("texts, words, speaker, not_shown", [
    # who the speaker is ("director of assurance at ...") is not part of what he said, and asking not to be named
    # says nothing about the story
    (("The failures cut the flow of data between Europe and the Middle East, said Sanjeev Gaur, director of "
      "assurance at Reliance Globalcom Ltd. in India.",
      "The cuts were to two lines near Sicily, a France Telecom spokeswoman who asked not to be named said."),
     "The failures cut the flow of data between Europe and the Middle East", "Sanjeev Gaur", ("named", None)),
    # "a spokesman" is some spokesman, not the one spokeswoman the story names
    (("Verizon said it has rerouted traffic for its customers, spokeswoman Linda Laughlin said in an interview.",
      "Sixty-five per cent of traffic to India was down, while services to Singapore were also severely affected, a "
      "spokesman said Friday evening."),
     "Verizon said it has rerouted traffic for its customers", "Linda Laughlin", ("Sixty-five", "Linda Laughlin")),
    # but the lawyer named right after the description is that lawyer
    (("Judge Ellis released the tapes on Friday. A lawyer for the news outlets, David Schulz, said no immediate "
      "decision had been made about whether to appeal.",),
     "no immediate decision had been made about whether to appeal", "David Schulz", None),
    # the speaker is the subject's own name, not the names the parser hung on it
    (("Republican nominee Donald Trump on Friday endorsed the re-election of House Speaker Paul Ryan (R-Wis.), Sen. "
      "John McCain (R-Ariz.), and Sen. Kelly Ayotte (R-N.H.).",),
     "on Friday endorsed the re-election of House Speaker Paul Ryan (R-Wis.)", "Donald Trump", None),
    # a clause between two subjects: the last one spoke
    (("In the days before Trump's scheduled appearance at AIPAC, a group of rabbis called for a boycott of his speech, "
      "and the prominent Jewish civil rights organization the Anti-Defamation League strongly denounced Trump's "
      "rhetoric and said it would return all of his past donations.",),
     "it would return all of his past donations", "Anti-Defamation League", None),
    # an aside between dashes has its own subject; "and added" after it is the first speaker's
    (("Prison spokeswoman Michelle Lyons said the inmate fled. Lyons said that Comeaux used a wheelchair in prison "
      "– he \"claimed it was necessary for his mobility\" – and added, \"Since he fled on foot, that's obviously in "
      "question.\"",),
     "Since he fled on foot, that's obviously in question.", "Michelle Lyons", None),
    # "said as she ... moved through the city" tells when she said it; her age is not her name
    (("Protesters marched again. \"They're trying to slap us in the face [by providing limited information], thinking "
      "we're going to shut up,\" Quina Jones, 25, said as she and hundreds of other demonstrators moved through the "
      "city early Sunday morning. \"We're not going to stop. It's going to go on every day.\"",),
     "We're not going to stop. It's going to go on every day.", "Quina Jones", ("moved through", None)),
])
def test_words_go_to_their_own_speaker(texts: tuple[str, ...], words: str, speaker: str,
                                       not_shown: tuple[str, str | None] | None):
    said = _said_by(*texts)
    assert said.get(words) == speaker, said
    if not_shown:
        fragment, who = not_shown
        assert not [t for t, w in said.items() if fragment in t and who in (None, w)], said


def test_a_company_named_with_and_without_its_country_is_one_speaker():
    quotes = _quotes_of("Three cable systems carrying traffic have been damaged, according to the U.K.'s Interoute "
                        "Plc, which operates a network.",
                        "Interoute Plc said the January incident brought down 70 percent of the network in India.")
    assert len({q.speaker for q in quotes}) == 1 and len(quotes) == 2, quotes


def test_going_or_scoring_is_not_saying_and_what_someone_dismissed_or_could_not_answer_shows_with_its_verb():
    said = _said_by(
        "Hiller made her way to the third-floor mixing room where she worked, located her victims in the break room, "
        "and opened fire.",
        "Catherine Hillgen lives next door. She initially dismissed a neighbor's report Thursday that Hiller might be "
        "involved in a fatal workplace shooting.")
    assert not [t for t in said if "her way" in t], said
    assert said.get("initially dismissed a neighbor's report Thursday that Hiller might be involved in a fatal "
                    "workplace shooting") == "Catherine Hillgen", said
    # "added 16 points" is a score; "added that ..." is a statement
    said = _said_by("Ty Lawson added 16 points for the Tar Heels. Coach Roy Williams "
                    "added that the team had played poorly.")
    assert said == {"the team had played poorly": "Roy Williams"}, said
    # what officials could not answer reads with its verb, not as their words
    quotes = _quotes_of("TDCJ officials could answer few questions about how the inmate escaped Monday from a prison "
                        "van in Baytown after pulling a gun.")
    assert [q.text for q in quotes] == ["could answer few questions about how the inmate escaped Monday from a "
                                        "prison van in Baytown after pulling a gun"], quotes


def test_one_source_described_two_ways_saying_the_same_is_one_entry():
    quotes = _quotes_of("Local law enforcement told TMZ the Columbia University student fell and needed immediate "
                        "medical attention.",
                        "Local police told TMZ the Columbia University student fell and needed immediate medical "
                        "attention.")
    assert [(q.speaker, sorted(q.outlets)) for q in quotes] == [("Local law enforcement", ["A", "B"])], quotes
    # two bodies saying the same stay two: an organisation written in lower case is no mere description
    quotes = _quotes_of("The Indian navy said it captured 23 pirates in the Gulf of Aden on Saturday.",
                        "The Defence Ministry said the Indian navy captured 23 pirates in the Gulf of Aden on Saturday.")
    assert {q.speaker for q in quotes} == {"Indian navy", "Defence Ministry"}


def test_page_labels_datelines_and_requests_are_not_who_said_what():
    said = _said_by(
        "ISTANBUL - Turkey may hold off from sending troops to Libya if the offensive stops, the Turkish vice "
        "president said Wednesday.\n\nMore: \"Three were killed and three wounded in an air raid on the town,\" Amin "
        "al-Hachemi, spokesman for the government, told AFP news agency.\n\nThe vote follows after the Government of "
        "National Accord (GNA) requested support as part of a military cooperation deal.")
    assert said.get("Turkey may hold off from sending troops to Libya if the offensive stops") == \
        "Turkish vice president", said
    assert "More" not in said.values() and "Government of National Accord" not in said.values(), said


def test_a_speaker_written_with_and_without_its_country_is_one_speaker():
    a = Article("a", "The Indian navy said it captured 23 pirates in the Gulf of Aden on Saturday. The Indian navy "
                "said the merchant ship was escorted to safety.", outlet="A", published="2024-03-01")
    b = Article("b", "The Navy said the pirates had fired at the merchant vessel with small arms. The International "
                "Maritime Bureau said that pirates in the gulf were now out of control.", outlet="B",
                published="2024-03-01")
    brief = build_brief(Story("s", ["a", "b"]), [a, b], analyze_articles([a, b]))
    navy = [q for q in brief.quotes if "navy" in (q.speaker or "").lower()]
    assert {q.speaker for q in navy} == {"Indian navy"} and len(navy) == 3, [(q.speaker, q.text) for q in navy]
    c = Article("c", "TMZ reported that the actress checked into a rehab clinic in Malibu on Thursday night. The "
                "actress left the clinic within an hour, TMZ.com reported.", outlet="C", published="2024-03-01")
    speakers = {q.speaker for q in build_brief(Story("s", ["c"]), [c], analyze_articles([c])).quotes}
    assert len(speakers) == 1, speakers
    assert "pirates in the gulf were now out of control" in [q.text for q in brief.quotes]  # not "that pirates..."


def test_a_speaker_under_its_countrys_possessive_and_its_adjective_is_one_speaker():
    said = _said_by("Egypt's communications ministry said the cables were cut near Alexandria on Wednesday.",
                    "The Egyptian communications ministry said repairs would take about two weeks.")
    assert set(said.values()) == {"Egyptian communications ministry"}, said
    # another country's ministry stays its own
    said = _said_by("Egypt's foreign ministry said the talks would resume in Cairo.",
                    "The Israeli foreign ministry said no date had been set for the talks.")
    assert set(said.values()) == {"Egypt's foreign ministry", "Israeli foreign ministry"}, said


def test_two_spellings_of_one_persons_name_across_outlets_are_one_speaker():
    quotes = _quotes_of("Hospital spokeswoman Ilene Wolfe said two of the wounded men were in stable condition.",
                        "Ilene Wolff, a hospital spokeswoman, said the families had asked for privacy.")
    assert {q.speaker for q in quotes} == {"Ilene Wolfe"}, [(q.speaker, q.text) for q in quotes]
    quotes = _quotes_of("Police chief Tom Hart said the gunman acted alone.",
                        "Fire marshal Tom Harte said the building was evacuated within minutes.")
    assert {q.speaker for q in quotes} == {"Tom Hart", "Tom Harte"}, [(q.speaker, q.text) for q in quotes]


@pytest.mark.parametrize("one, other, speaker", [
    # a middle initial, a suffix
    ("Police Commissioner Raymond W. Kelly said the officers acted properly.",
     "Raymond Kelly said the teenager had pointed a gun at the officers.", "Raymond W. Kelly"),
    ("Rep. Nick J. Rahall II said the rule undermined the law.",
     "Nick Rahall said his committee would hold hearings on the rule.", "Nick J. Rahall II"),
    # a transliteration, a short given name, a surname written in one word
    ("Giannis Panagopoulos, the head of the union, said the strike would go on.",
     "Yiannis Panagopoulos said the unions would march again on Thursday.", "Giannis Panagopoulos"),
    ("Club owner Stanley Perlo said the team had been sold.",
     "Stan Perlo said the buyers would keep the coach.", "Stanley Perlo"),
    ("Witness Vincent Del Giudice said the police came within minutes.",
     "Vincent DelGiudice said he heard three shots.", "Vincent Del Giudice"),
    # a transliteration under two descriptions of one post
    ("The vice president of the civil servants' union, Elias Vrettakos, told Sky News the measures abolish our rights.",
     "\"The strike sent a message to the government,\" said Ilias Vrettakos, deputy head of the union.",
     "Elias Vrettakos"),
    # a full name the tagger gave no type (or a building's), a surname alone elsewhere
    ("`` The youths are out in the streets to demand their rights, '' said 32-year-old protester Paris Kyriakides.",
     "`` In the end, the violence that we use is minimal, '' Kyriakides said.", "Paris Kyriakides"),
    # a name after a title, read as an organisation
    ("Newly elected Academy President Boone Isaacs said Ellen is the ideal host for this year's show.",
     "Cheryl Boone Isaacs said the academy had chosen a host who makes people laugh.", "Cheryl Boone Isaacs"),
    # a nickname in brackets
    ("Kimani (Kiki) Gray told friends he was afraid of the police.",
     "Kimani Gray said he would go home early that night.", "Kimani Gray"),
    # one kind of unnamed source, in the plural and the singular
    ("Police sources said the teenager had a gun in his hand when he was shot.",
     "A police source said the officers had fired eleven times.", "Police sources"),
    # a name's first words written as their initials
    ("The LA Times said the Angels had withdrawn their offer on Sunday night.",
     "The Los Angeles Times reported that the team would not raise its offer.", "Los Angeles Times"),
    # a title the tagger read into the name, or a name it cut short after a title
    ("Team spokesman Tim Mead confirmed Sunday the Angels have withdrawn their offer.",
     "Tim Mead said the club would look for another first baseman.", "Tim Mead"),
    ("In fact, Angels GM Tony Reagins later confirmed the report to the Los Angeles Times.",
     "Tony Reagins said the team had made its best offer.", "Tony Reagins"),
    ("`` Only the collapse of walls has been reported, '' Qeshm Governor Mehdi Irannejad said.",
     "Mehdi Irannejad said three villages had been hit.", "Mehdi Irannejad"),
    ("Homicide Detective Dominic Mangoni said the suspect confessed on Tuesday.",
     "Dominic Mangoni said the suspect had planned the attack for weeks.", "Dominic Mangoni"),
])
def test_one_source_written_two_ways_by_two_outlets_is_one_speaker(one: str, other: str, speaker: str):
    quotes = _quotes_of(one, other)
    assert {q.speaker for q in quotes} == {speaker}, [(q.speaker, q.text) for q in quotes]


def test_a_capitalised_run_that_ends_in_a_surname_does_not_take_it_from_the_person():
    # "Still Sanders" (a rally's name, untyped) must not tie with "Bernie Sanders" for the bare "Sanders"
    said = _said_by("Bernie Sanders spoke to supporters in Los Angeles on Saturday. The mood hung in the air at the "
                    "“Still Sanders” rally in Hollywood. Sanders said he would vote for Hillary Clinton in November.")
    assert said["he would vote for Hillary Clinton in November"] == "Bernie Sanders", said


def test_a_run_of_capitals_in_a_title_case_headline_is_not_a_name_for_the_person():
    said = _said_by("Obama Reverses Bush on Species Protection Measure\nIn a move that will subject many projects to "
                    "scrutiny, President Obama is restoring a requirement. Obama said he had instructed Interior "
                    "officials to review the Bush rules.")
    assert said["he had instructed Interior officials to review the Bush rules"] == "Obama", said


def test_relatives_with_one_surname_stay_two_speakers():
    quotes = _quotes_of("Creighton coach Greg McDermott said his son had earned the award.",
                        "Doug McDermott said he owed his game to his teammates.")
    assert {q.speaker for q in quotes} == {"Greg McDermott", "Doug McDermott"}, [(q.speaker, q.text) for q in quotes]


def test_a_name_under_a_title_joined_by_and_is_the_speaker_and_winning_a_prize_is_no_claim():
    quotes = _quotes_of("Philadelphia 76ers President and General Manager Ed Stefanski announced that the team had "
                        "relieved Maurice Cheeks of his duties. John Smith and Mary Jones said the deal was done.",
                        "Stefanski said Tony DiLeo would coach the team. The Sixers claimed the summer's top free "
                        "agent prize in Elton Brand.")
    assert {q.speaker for q in quotes} == {"Ed Stefanski", "John Smith and Mary Jones"}, [(q.speaker, q.text) for q in quotes]


def test_a_paraphrase_that_opens_a_quotation_closes_it():
    a = Article("a", 'Kirby said the US will sanction individuals and entities "working to facilitate arms deals '
                'between these two countries."', outlet="A", published="2024-03-01")
    brief = build_brief(Story("s", ["a"]), [a], analyze_articles([a]))
    assert [q.text for q in brief.quotes] == [
        'the US will sanction individuals and entities "working to facilitate arms deals between these two countries"']


def test_a_quotation_given_to_a_description_in_one_outlet_and_to_a_name_in_another_is_the_names():
    a = Article("a", "Governor Jane Ortiz visited the burned church on Saturday. \"Whatever the motives of the arsonist, "
                "the governor has faith that good will come of it,\" her spokesman said.", outlet="A",
                published="2024-03-01")
    b = Article("b", "\"Whatever the motives of the arsonist, the governor has faith that good will come of it,\" "
                "Ortiz spokesman Bill McAllister said in a statement on Saturday.", outlet="B", published="2024-03-01")
    brief = build_brief(Story("s", ["a", "b"]), [a, b], analyze_articles([a, b]))
    faith = [q for q in brief.quotes if "has faith" in q.text]
    assert [(q.speaker, q.outlets) for q in faith] == [("Bill McAllister", ["B", "A"])], faith


def test_a_speaker_holding_a_number_keeps_it_whole():
    # the comma of "1, 300" is no apposition ("Laurence Mark, producer of the telecast")
    said = _said_by("More than 1, 300 federal and independent scientists today called on the Interior Department "
                    "to overturn the rule changes made in January.")
    assert list(said.values()) == ["More than 1, 300 federal and independent scientists"], said


@pytest.mark.parametrize("text, poll", [(t, False) for t in (
    "Some said the tunnel would stay closed for a month after the flood.",
    "The also said that the tunnel would stay closed for a month after the flood.",
    "Twelve hours into the investigation authorities said it remained unclear whether the two floods were related.",
    "Three witnesses saw the shooting. None said they had seen the gunman's face before that night.",
    "Those who said the economy was their top issue split about evenly between the two candidates.",
    "The senator spoke. My staff warned that the speech would cost votes. Our reporters said the crowd was small.",
    "No Republicans said the vote would be held on Monday, and neither Republicans nor Democrats said it would not.",
)] + [(t, True) for t in (
    "About four in 10 Republican primary voters said the economy was their top issue in the race.",
    "More than 6 in 10 Democrats said they were satisfied with the field of candidates this year.",
    "A slim majority said the country was on the wrong track, the worst reading in a decade.",
    "Some 56 percent said they would back the measure if the vote were held today.",
)])
def test_a_word_that_names_nobody_is_not_a_speaker(text: str, poll: bool):
    """A poll's share of respondents is not even an unnamed speaker: its finding is a fact of the story."""
    a = Article("a", text, outlet="A", published="2024-03-01")
    brief = build_brief(Story("s", ["a"]), [a], analyze_articles([a]))
    assert [q.speaker for q in brief.quotes if q.speaker] == []
    if poll:
        assert brief.quotes == [] and brief.facts, brief.quotes


def test_how_someone_looked_is_not_what_they_said():
    text = ("It was an unusual scene for Trump, who largely eschews scripts and tends to speak in front of adoring "
            "crowds at raucous rallies. Appearing more subdued than usual, Trump stuck closely to his message.")
    a = Article("a", text, outlet="A", published="2016-03-22")
    assert [q.text for q in build_brief(Story("s", ["a"]), [a], analyze_articles([a])).quotes] == []


def test_a_name_that_opens_with_our_is_a_speaker():
    from storyline.brief.quotes import _speaker
    from storyline.model import Quote, Span

    def who(name: str) -> str | None:
        return _speaker(Quote(content=Span(20, 40, "it would spend money"), speaker=Span(0, len(name), name)))

    assert who("Our Principles PAC") == "Our Principles PAC"
    assert who("Our sources") is None and who("No Republicans") is None


def test_a_partys_members_are_not_the_party_as_a_speaker():
    a = Article("a", "For months, mainstream Republicans have hoped that Trump's support was a mirage. The Republican "
                "Party said it would hold a debate in March.", outlet="A", published="2016-02-01")
    quotes = {q.text: q.speaker for q in build_brief(Story("s", ["a"]), [a], analyze_articles([a])).quotes}
    assert quotes["Trump's support was a mirage"] == "Mainstream Republicans"
    assert quotes["it would hold a debate in March"] == "Republican Party"


def test_the_people_a_relative_clause_speaks_for_are_its_noun_not_the_clause_before():
    a = Article("a", "In television interviews Wednesday, Trump dismissed critics who called the election-night "
                "remarks sexist. The newly elected mayor thanked voters.", outlet="A", published="2016-02-01")
    quotes = build_brief(Story("s", ["a"]), [a], analyze_articles([a])).quotes
    assert [q.speaker for q in quotes if "sexist" in q.text] == ["Critics"]


def test_a_pronoun_and_its_verb_are_a_clause_and_one_speaker_is_spelt_one_way():
    a = Article("a", "Sanders's campaign manager said he'll fight all the way to the convention in Philadelphia. "
                "Sanders’ campaign manager said the senator intends to win every delegate possible in the state.",
                outlet="A", published="2016-04-20")
    quotes = build_brief(Story("s", ["a"]), [a], analyze_articles([a])).quotes
    assert "he'll fight all the way to the convention in Philadelphia" in [q.text for q in quotes]
    assert len({q.speaker for q in quotes}) == 1, [(q.speaker, q.text) for q in quotes]


def test_a_pledge_to_act_is_something_said():
    a = Article("a", "Mayor Jane Ortiz pledged to take her campaign against the tunnel tolls to the state capitol.",
                outlet="A", published="2024-03-01")
    brief = build_brief(Story("s", ["a"]), [a], analyze_articles([a]))
    assert [q.text for q in brief.quotes if q.speaker == "Jane Ortiz"] == [
        "pledged to take her campaign against the tunnel tolls to the state capitol"]  # the verb reads with it


def test_a_statement_that_introduces_a_list_is_not_shown_without_the_list():
    quotes = _quotes_of("The campaign has not decided which issues to raise at the convention. Tad Devine said areas "
                        "where Sanders wants to see changes include:\nA $15 minimum wage\nTuition-free college\n")
    assert not [q.text for q in quotes if "areas where" in q.text]


def test_when_something_was_said_is_not_what_was_said():
    quotes = _quotes_of("Clinton's wins solidify her argument that she is popular in states across the country, rather "
                        "than just a regional candidate, as Sanders' campaign manager Jeff Weaver suggested after she "
                        "swept the contests in the South.")
    assert not [q.text for q in quotes if q.text.startswith("after")], [q.text for q in quotes]
    quotes = _quotes_of("After Shoigu's visit in July, another group of Russian officials traveled to North Korea for "
                        "follow-up discussions, John Kirby said.")
    assert [q.text for q in quotes] == ["After Shoigu's visit in July, another group of Russian officials traveled to "
                                        "North Korea for follow-up discussions"]


def test_a_statement_without_a_clause_is_shown_with_its_verb():
    a = Article("a", "The Pentagon announced a $250 million security assistance package for Kyiv on Monday. "
                "The Biden administration has repeatedly made the case that Moscow relies on Tehran for drones.",
                outlet="A", published="2024-03-01")
    brief = build_brief(Story("s", ["a"]), [a], analyze_articles([a]))
    texts = {q.text for q in brief.quotes}
    assert "announced a $250 million security assistance package for Kyiv" in texts, texts
    assert "has repeatedly made the case that Moscow relies on Tehran for drones" in texts, texts
    # A clause with an irregular past tense is what was said, shown without "said".
    b = Article("b", "Inspector Dave Gaskin said the man fell around 600 metres near the Mount Sefton hut.",
                outlet="B", published="2024-03-01")
    brief = build_brief(Story("s", ["b"]), [b], analyze_articles([b]))
    assert [q.text for q in brief.quotes] == ["the man fell around 600 metres near the Mount Sefton hut"]
    # A short regular past ("died") makes a clause too; whom the speaker told is not part of what was said.
    c = Article("c", "Beaumont Hospital spokeswoman Ilene Wolfe said the third victim died on the way to the hospital. "
                "Alan Steinberg, a partner in the firm, told police LaCalamita loaded a shell into the shotgun.",
                outlet="C", published="2024-03-01")
    brief = build_brief(Story("s", ["c"]), [c], analyze_articles([c]))
    assert {q.speaker: q.text for q in brief.quotes} == {
        "Ilene Wolfe": "the third victim died on the way to the hospital",
        "Alan Steinberg": "LaCalamita loaded a shell into the shotgun"}
    # An infinitive reads only with the verb that governs it.
    d = Article("d", "Police told workers to stay in their offices until the building was searched.", outlet="D",
                published="2024-03-01")
    brief = build_brief(Story("s", ["d"]), [d], analyze_articles([d]))
    assert [q.text for q in brief.quotes] == ["told workers to stay in their offices until the building was searched"]
    # A question is shown as asked; an answer "to the questions posed by Martone" is not Martone's.
    e = Article("e", 'Judge Michael Martone asked LaCalamita whether he understood the charges. He responded, "Yes," '
                "to the series of questions posed by Martone.", outlet="E", published="2024-03-01")
    brief = build_brief(Story("s", ["e"]), [e], analyze_articles([e]))
    assert [q.text for q in brief.quotes if q.speaker == "Michael Martone"] == [
        "asked LaCalamita whether he understood the charges"]
    # Someone and what they are to do reads only with the verb; a predicate the parse cut from its subject is nobody's.
    f = Article("f", "Local fans had expected the Sixers to be a contender this year. Veteran players know all too well "
                "that the security their union has fought for has created an imbalance of power on teams.",
                outlet="F", published="2024-03-01")
    brief = build_brief(Story("s", ["f"]), [f], analyze_articles([f]))
    assert [q.text for q in brief.quotes] == ["had expected the Sixers to be a contender this year"]


def test_a_finding_is_something_said():
    a = Article("a", "Inspector Jane Ortiz found that the railway bridge over the river was unsafe for trains.",
                outlet="A", published="2024-03-01")
    brief = build_brief(Story("s", ["a"]), [a], analyze_articles([a]))
    assert [q.text for q in brief.quotes if q.speaker == "Jane Ortiz"] == ["the railway bridge over the river was unsafe for trains"]


@pytest.mark.parametrize("dateline", ["WASHINGTON (Reuters) - ", "Philadelphia (AFP) – ", "KYIV, Ukraine (AP) — ",
                                      "PHILADELPHIA, July 25 (UPI) — ", "NEW YORK ― "])
def test_a_wire_dateline_is_not_part_of_the_first_claim(dateline: str):
    text = (f"Senate passes budget\n\n{dateline}The Senate voted 68-31 on Friday to pass the budget. "
            "NATO — the alliance of 31 countries — met on Monday in Brussels.")
    art = Article("a", text, title="Senate passes budget",
                  blocks=[Block(0, 20, "title"), Block(22, len(text), "body")])
    claims = split_claims(art, analyze_articles([art])[0])
    body = [c.text for c in claims if not c.headline]
    assert body[0] == "The Senate voted 68-31 on Friday to pass the budget."
    assert body[1].startswith("NATO — the alliance")  # not a dateline: the body's first sentence is past


def test_a_three_word_headline_is_a_claim_but_a_three_word_body_line_is_not():
    text = "Wellington supermarket fire\n\nCrews came quickly.\nA large fire destroyed much of the supermarket."
    art = Article("a", text, title="Wellington supermarket fire",
                  blocks=[Block(0, 27, "title"), Block(29, 48, "body"), Block(49, len(text), "body")])
    claims = split_claims(art, analyze_articles([art])[0])
    assert [(c.text, c.headline) for c in claims] == [
        ("Wellington supermarket fire", True), ("A large fire destroyed much of the supermarket.", False)]


def test_a_sentence_that_introduces_a_quotation_is_one_claim_with_it():
    text = ("Obama praised Clinton at length.\n\nHe told his Democratic audience, to rowdy applause:\n\n"
            "“I can say with confidence there has never been a man or a woman more qualified.”\n")
    art = Article("a", text, outlet="A", published="2016-07-28")
    claims = [c.text for c in split_claims(art, analyze_articles([art])[0])]
    assert not [c for c in claims if c.rstrip().endswith(":")], claims
    assert any(c.startswith("He told") and "more qualified" in c for c in claims), claims


def test_a_sentence_that_needs_the_one_before_it_does_not_stand_alone_in_a_summary():
    """Sentence splitting cuts long quotations; the last piece ends the quotation without opening it, and read alone
    it has no speaker. A pronoun subject, first or after a short time phrase, needs the sentence before it too."""
    for piece in ("Tonight, I ask you to do for Hillary Clinton what you did for me.''",
                  "With Hillary, I just don't see that same kind of moment.\"",
                  "That is what we want, the senator said on Monday night.”",
                  "On Tuesday she doubled down on the issue, seeking to show the senator opposed the bill.",
                  "Later, he told reporters that the plan would be unveiled next week.",
                  "They said the vote would be held on Monday.",
                  "I don't think any charges will be filed as a result of the stop.",  # whose words?
                  "It is an honor to welcome him back as the host of the year. ''",
                  "The actress, 33, reportedly headed to a Malibu treatment facility on Tuesday.",  # which actress?
                  "The player was taken to the San Diego County jail and later released.",
                  "Even Friday, he claimed that his rival was the one who started the controversy.",
                  "Though that transition was seamless, he said, replacing the nominee would be acrimonious.",
                  "Gupta wouldn't comment to me, but confirmed on his Twitter feed that he had been approached.",
                  "Even in the face of polling that documented Mr. Trump's appeal, and even after his win in New "
                  "Hampshire, they privately doubted that he could sustain his momentum.",
                  "After a long night of counting in the northern districts, she conceded the race to her rival.",
                  "Republican Donald Trump has been invoking him in lobbing attacks on her.",  # invoking whom?
                  "The jury convicted him on Tuesday after a two-week trial in Boston.",
                  "Later that day, Trump fired back a response saying he would not support Ryan's agenda.",  # when?
                  "Hours later, the company said its systems had been restored across Europe.",
                  "Meanwhile, the council voted to close the road for the rest of the year.",
                  "Yet another said, “Rubio is in a five-person battle with Bush, Christie, Kasich and Cruz.”",
                  "Still, the council voted to close the road for the rest of the year.",
                  "Instead, the council voted to close the road for the rest of the year.",
                  "Hillary Rodham Clinton found a way to make it so.",  # make what so?
                  "Officials said the army had already done so.",
                  "Other Republicans expressed cautious optimism that the attack would change the race.",  # other?
                  "The group is also known by the acronyms ISIL and ISIS."):  # which group?
        assert not readable(piece), piece
    for whole in ("Kirby said the letters were “more at the surface level.”",
                  "Obama said: ''America is already great,'' and left the stage.",
                  'Kirby said the "deal" was done on Monday night.',
                  "On Tuesday the senator doubled down on the issue, seeking to show her rival opposed the bill.",
                  "In Florida, about 46% of eligible voters cast ballots in the primary contest.",
                  "Theresa May said the vote would be held on Monday.",
                  "In a statement, producers said, `` Hugh Jackman is a consummate entertainer. ''",
                  "The board said ''America is already great'' and left the stage.",
                  "The 36-year-old champion Klitschko improved to 58-3 with 51 knockouts.",
                  "When Senator Ted Cruz arrived at the rally in Iowa on Monday, he spoke for an hour.",
                  "After months of talks between Republicans and the White House, they agreed on a budget.",
                  "The man, Gary Gomes, 35, is expected to be arraigned today on two counts of murder.",
                  "The man accused of killing a mother of 12 was found guilty of second-degree murder.",
                  "The Mandarin Oriental's spokesman said the hotel would reopen on Monday.",
                  'Kirby said "we are watching the situation very closely" on Monday.',  # the speaker's "we"
                  "The US said it would send more troops to the region.",
                  "Police arrested Jane Doe on Monday and charged her with arson.",
                  "John Smith said on Monday that the party owed him an apology.",  # him: John Smith
                  "Mrs. Clinton will face the criticism of her party rival, Senator Bernie Sanders.",
                  "Shortly after the attack, police closed the road for the rest of the day.",
                  "Later this month, the council will vote on whether to close the road for good.",
                  "Still water covered the road for the rest of the year, the council said.",
                  "Yetunde Price was named chair of the council on Monday.",
                  "The company said it would do that by June, when the new plant opens.",
                  "The mayor said she would do so much more for the city's schools next year."):
        assert readable(whole), whole


def test_numbers_count_things_and_codes_are_not_numbers():
    assert quantities("seized seven AK-47 rifles and 13 fully loaded magazines") == {"ak": {7.0}, "magazin": {13.0}}
    assert quantities("fell about 2,000ft, police said") == {"ft": {2000.0}}
    assert numbers("F-16 jets and the A380") == set()
    assert quantities("pulled over just past 2:30 a.m. after a 2 a.m. call") == {}  # times of day are dates' business
    # "one" that counts nothing would make any two sentences using it agree on a number
    for text in ("He was one of only a dozen senators", "No one was hurt", "They blamed one another", "the only one who"):
        assert 1.0 not in numbers(text), text
    assert numbers("One soldier and two civilians died in the seven days") == {1.0, 2.0, 7.0}
    # a currency written with its country is money, and the reader's-currency figure in brackets is the same amount
    assert quantities("Damage was estimated at $US1 million ($1.52 million), police said.") == {"$": {1e6}}
    assert quantities("The deal is worth US$2.4 million.") == {"$": {2.4e6}}
    assert quantities("About 2,000 homes were flooded in 2019.") == {"home": {2000.0}}  # "2,000" is no year
    assert quantities("More than two dozen fire trucks came.") == {"fire": {24.0}}  # one count, not 2 and 12


@pytest.mark.parametrize("text_a,text_b,topic", [
    # different units: boats and nautical miles
    ("The warship answered a distress call from the merchant vessel Gibe as two pirate boats closed in on it in the "
     "Gulf of Aden, the navy said.",
     "The warship answered a distress call from the merchant vessel Gibe when it was 13 nautical miles away in the "
     "Gulf of Aden, the navy said.", "distress call"),
    # one unit, two things: deaths and a town's population are both "people"; the words next to the numbers differ
    ("In February a magnitude 6.4 quake hit the southern town of Zarand in Kerman province, killing 612 people and "
     "wounding around 1,400.",
     "In February a magnitude 6.4 quake hit Zarand, a town of about 15,000 people in Kerman province of southern Iran.",
     "Zarand"),
    # one sentence gives both players' yards, the other one player's: the figure is in both
    ("Jamaal Charles rushed for 226 yards while Peyton Hillis added 101 for the Chiefs in the loss to the Colts.",
     "RB Peyton Hillis rushed for 101 yards for the Chiefs in the loss to the Colts.", "Hillis"),
])
def test_numbers_of_different_things_in_one_fact_are_not_a_conflict(text_a: str, text_b: str, topic: str):
    a, b = Article("a", text_a, outlet="A"), Article("b", text_b, outlet="B")
    facts = [f for f in align_facts([a, b], analyze_articles([a, b]), []) if topic in f.text]
    assert len(facts) == 1 and facts[0].outlets == ["A", "B"] and facts[0].status == "corroborated"


def _statuses_when_aligned(*texts: str) -> list[str]:
    """The status of the fact the last claims of two articles make when the aligner puts them together."""
    arts = [Article(k, t, outlet=k.upper()) for k, t in zip("ab", texts)]
    claims = story_claims(arts, analyze_articles(arts), [])
    vectors, _ = score_claims(claims)
    last = [max(i for i, c in enumerate(claims) if c.article_id == a.id) for a in arts]
    prob = np.zeros((len(claims), len(claims)), dtype=np.float32)
    prob[np.ix_(last, last)] = 1.0
    facts = facts_from_claims(claims, vectors, arts, [], prob=prob)
    return [f.status for f in facts if len(f.outlets) == 2]


def test_numbers_about_him_and_him_conflict_only_when_he_is_one_man():
    # "he" after Charles and "he" after Luck are two players: their carries do not contradict
    assert _statuses_when_aligned(
        "Jamaal Charles ran for 226 yards. It was his second 200-yard game of the season, and came one week after he "
        "managed 10 yards on nine carries.",
        "Andrew Luck threw for 205 yards. He ended the day 17/35 for 205 yards and the touchdown along with 6 carries "
        "for 21 yards.") == ["corroborated"]
    # "he" is the last man named: Thomas, though Bush was named before him
    assert _statuses_when_aligned(
        "Reggie Bush missed the game with a knee injury. He had 440 yards and four touchdowns receiving.",
        "Reggie Bush missed the game with a knee injury, and Pierre Thomas started. He had 66 yards and four "
        "touchdowns receiving.") == ["corroborated"]
    # both after LaRue ("a Nixon aide" is no one "he" can mean): one man, two figures
    assert _statuses_when_aligned(
        "Fred LaRue died on Tuesday in Biloxi. He served four months in federal prison for conspiracy.",
        "Fred LaRue, a Nixon aide, died in Biloxi. He served five months in federal prison for conspiracy.") == [
        "conflict"]


def test_figures_or_names_of_two_people_are_no_conflict_and_of_one_person_are():
    # the years are Dorsey's in one outlet and Hiller's in the other
    assert _statuses_when_aligned(
        "Workers were sent home early. Dorsey has been at the plant for 37 years and worked on the third floor with "
        "the three victims and the alleged shooter, Yvonne Hiller.",
        "Police said the plant was closed. The shooting happened moments after Yvonne Hiller was suspended from her "
        "job at the plant, where she had worked for 15 years.") == ["corroborated"]
    # as the data writes it: the tagger misses "Dorsey's been", the sentence's subject
    assert _statuses_when_aligned(
        "Workers were sent home early. Dorsey's been at the plant for 37 years and worked on the third floor with "
        "the three victims and the alleged shooter, Yvonne Hiller.",
        "Police said the plant was closed. The shooting happened moments after Yvonne Hiller was suspended from her "
        "job at the plant, where she had worked for 15 years.") == ["corroborated"]
    assert _statuses_when_aligned(
        "Workers were sent home early. Yvonne Hiller had worked on the third floor of the plant for 15 years.",
        "Police said the plant was closed. Yvonne Hiller had worked on the third floor of the plant for 17 "
        "years.") == ["conflict"]
    # a figure needed is no figure reached
    assert _statuses_when_aligned(
        "Tyler Hansbrough broke the record on Thursday. The senior needed nine points against Evansville to pass "
        "Phil Ford for the record.",
        "Tyler Hansbrough broke the record on Thursday. The senior posted 20 points against Evansville to pass "
        "Phil Ford for the record.") == ["corroborated"]
    assert _statuses_when_aligned(
        "Tyler Hansbrough broke the record on Thursday. The senior posted 24 points against Evansville to pass "
        "Phil Ford for the record.",
        "Tyler Hansbrough broke the record on Thursday. The senior posted 20 points against Evansville to pass "
        "Phil Ford for the record.") == ["conflict"]
    # one outlet gives who said it, the other only whom it is about: one quotation, not two names for one speaker
    from storyline.brief.align import _conflict
    from storyline.brief.claims import Claim

    def claim(art: str, text: str, person: str) -> Claim:
        return Claim(art, 0, len(text), text, stems=content_stems(text), people={person})

    quote = "\"If players have problems with Mo Cheeks, then there's got to be something wrong with those players"
    alike = np.ones((2, 4), dtype=np.float32) / 2
    claims = [claim("a", quote + ".\"", "Mo Cheeks"), claim("b", quote + ",\" King said.", "Billy King")]
    assert not _conflict(claims, alike, [0, 1], {"a": "A", "b": "B"})
    claims[1] = claim("b", quote.replace("Mo Cheeks", "Jim O'Brien") + ".\"", "Jim O'Brien")
    assert _conflict(claims, alike, [0, 1], {"a": "A", "b": "B"})


def test_figures_over_different_spans_or_rates_are_no_conflict_and_over_one_span_are():
    """"arrested four times" and "arrested three times since October" count over two periods; "$8 million left
    on his contract" and "about $4 million a year" are a remainder and a rate. The same span still conflicts."""
    assert _statuses_when_aligned(
        "The suspect was charged on Friday. Gray had been arrested four times on charges of grand larceny, police "
        "said.",
        "The suspect was charged on Friday. Gray had been arrested three times since October on charges of grand "
        "larceny, police said.") == ["corroborated"]
    assert _statuses_when_aligned(
        "The coach was fired on Monday. O'Brien still has $8 million left on the contract he signed with the Sixers.",
        "The coach was fired on Monday. O'Brien was paid about $4 million a year on the contract he signed with the "
        "Sixers.") == ["corroborated"]
    assert _statuses_when_aligned(
        "The suspect was charged on Friday. Gray had been arrested four times since October on charges of grand "
        "larceny, police said.",
        "The suspect was charged on Friday. Gray had been arrested three times since October on charges of grand "
        "larceny, police said.") == ["conflict"]


def test_two_figures_that_both_differ_are_two_occasions_not_a_conflict():
    """"20 points and nine rebounds" and "24 points and seven rebounds" are two games; one figure off is a
    disagreement."""
    assert _statuses_when_aligned(
        "North Carolina beat Evansville on Thursday. Tyler Hansbrough finished the game with 20 points and nine "
        "rebounds.",
        "North Carolina beat Evansville on Thursday. Tyler Hansbrough finished the game with 24 points and seven "
        "rebounds.") == ["corroborated"]
    assert _statuses_when_aligned(
        "North Carolina beat Evansville on Thursday. Tyler Hansbrough finished the game with 20 points and nine "
        "rebounds.",
        "North Carolina beat Evansville on Thursday. Tyler Hansbrough finished the game with 24 points and nine "
        "rebounds.") == ["conflict"]


def test_fractions_and_financial_shorthand_are_read_as_the_figure_they_write():
    """"4 1/2 months" is no figure of 2 months against "five months"; "$200MM" is $200 million; "Sixty-five per
    cent" is 65%, not 5%; "17 October" is a date, not 17 of anything."""
    assert quantities("Sixty-five per cent of traffic to India was down.") == {"%": {65.0}}
    assert quantities("The break happened on 17 October 2011 on a cable near Marseilles.") == {}
    assert quantities("He served 4 1/2 months in federal prison.").get("month") is None
    assert quantities("The Red Sox offered an eight-year, $200MM deal.") == quantities(
        "The Red Sox offered an eight-year, $200 million deal.")
    assert _statuses_when_aligned(
        "The Red Sox made an offer on Tuesday. The Red Sox offered Mark Teixeira an eight-year, $200MM deal.",
        "The Red Sox made an offer on Tuesday. The Red Sox offered Mark Teixeira an eight-year, $200 million "
        "deal.") == ["corroborated"]
    assert _statuses_when_aligned(
        "The Red Sox made an offer on Tuesday. The Red Sox offered Mark Teixeira an eight-year, $180MM deal.",
        "The Red Sox made an offer on Tuesday. The Red Sox offered Mark Teixeira an eight-year, $200 million "
        "deal.") == ["conflict"]


def test_a_speaker_and_an_addressee_are_not_two_names_for_one_role():
    """"... Inspector Gaskin said" and "... he told the Timaru Herald" name the speaker and whom he spoke to; two
    judges handing down the sentence are two names for one role."""
    from storyline.brief.align import _conflict
    from storyline.brief.claims import Claim

    def claim(art: str, text: str, person: str) -> Claim:
        return Claim(art, 0, len(text), text, stems=content_stems(text), people={person})

    said = "\"It looks like a lack of experience,\" "
    alike = np.ones((2, 4), dtype=np.float32) / 2
    claims = [claim("a", said + "Inspector Dave Gaskin said.", "Dave Gaskin"),
              claim("b", said + "he told the Timaru Herald.", "Timaru Herald")]
    assert not _conflict(claims, alike, [0, 1], {"a": "A", "b": "B"})
    claims = [claim("a", "Superior Court Judge James Bodiford handed down the maximum sentence.", "James Bodiford"),
              claim("b", "Superior Court Judge Tom Green handed down the maximum sentence.", "Tom Green")]
    assert _conflict(claims, alike, [0, 1], {"a": "A", "b": "B"})


def test_two_sources_of_one_account_are_no_conflict_but_one_account_given_to_two_people_is():
    """"Mr Steele said the fire ..." / "Kroon says the fire ..." are two officials' accounts; the same words given
    to two different people are a disagreement over who said them."""
    assert _statuses_when_aligned(
        "The Wasilla Bible Church burned on Friday. James Steele said the fire was lit at the entrance and moved "
        "inward while a small group of women worked inside.",
        "The Wasilla Bible Church burned on Friday. Larry Kroon says the fire broke out on Friday night while a "
        "small group of women were working inside.") == ["corroborated"]
    assert _statuses_when_aligned(
        "A worker was shot at the plant on Thursday. Kenneth Dorsey says the woman accused of killing two "
        "co-workers at the plant is a good person.",
        "A worker was shot at the plant on Thursday. Daniel Mercer says the woman accused of killing two "
        "co-workers at the plant is a good person.") == ["conflict"]


def test_a_date_planned_and_a_date_passed_are_two_events_not_one_in_dispute():
    """"a bail hearing was scheduled for Wednesday" and "at Friday's hearing" date two hearings."""
    def statuses(text_a: str, text_b: str) -> list[str]:
        arts = [Article("a", text_a, outlet="A", published="2013-06-03"),
                Article("b", text_b, outlet="B", published="2013-06-03")]
        claims = story_claims(arts, analyze_articles(arts), [])
        assert all(c.dates for c in claims), [c.text for c in claims]
        from storyline.brief.align import _conflict
        alike = np.ones((2, 4), dtype=np.float32) / 2
        return bool(_conflict(claims, alike, [0, 1], {"a": "A", "b": "B"}))

    assert not statuses("No pleas were entered and a bail hearing was scheduled for Wednesday at Preston Crown Court.",
                        "No pleas were entered and no bail was sought at Friday's hearing at Preston Crown Court.")
    assert statuses("No pleas were entered at a bail hearing on Wednesday at Preston Crown Court.",
                    "No pleas were entered at a bail hearing on Friday at Preston Crown Court.")


def test_one_kind_of_event_in_two_places_on_two_days_is_not_a_conflict():
    a = Article("a", "Clinton won the Democratic primary in Puerto Rico on Sunday, adding to her delegate lead.",
                outlet="A", published="2016-06-08")
    b = Article("b", "Clinton won the Democratic primary in South Dakota on Tuesday, adding to her delegate lead.",
                outlet="B", published="2016-06-08")
    assert not [f for f in align_facts([a, b], analyze_articles([a, b]), []) if f.status == "conflict"]
    c = Article("c", "Clinton won the Democratic primary in South Dakota on Monday, adding to her delegate lead.",
                outlet="C", published="2016-06-08")
    conflict = [f for f in align_facts([b, c], analyze_articles([b, c]), []) if f.status == "conflict"]
    assert len(conflict) == 1 and {tuple(s["outlets"]) for s in conflict[0].conflict} == {("B",), ("C",)}
    # two storms named, two years: two events, not one event given two dates
    d = Article("d", "Her clinic in Bayou La Batre was destroyed by Hurricane Georges in 1998, and she rebuilt it.",
                outlet="D", published="2009-07-13")
    e = Article("e", "Her clinic in Bayou La Batre was destroyed by Hurricane Katrina in 2005, and she rebuilt it.",
                outlet="E", published="2009-07-13")
    assert not [f for f in align_facts([d, e], analyze_articles([d, e]), []) if f.status == "conflict"]


@pytest.mark.parametrize("furniture, claim", [
    # an outlet asking its audience, and wire filler
    ("We asked what our followers thought about the senator's decisive win in the primary. {claim} No further "
     "details were immediately available. This is a developing story and will be updated.",
     "The senator won the primary by twelve points on Saturday."),
    # an embedded post left as markup
    ('{claim} <tweet tweet-author="@cityhall" tweet-date="March 9, 2016">The bridge reopens Friday, the city said '
     'today<tweet/>. Drivers should expect delays pic.twitter.com/dUb4K2jZuT<tweet/>.',
     "Officials confirmed the bridge would reopen on Friday after repairs."),
    # an embedded video left as its label
    ("{claim}\n[Video: FULL SPEECH: President Obama Speech at Black Caucus Foundation in Washington DC (9/17/16) "
     "Watch on YouTube.]", "The president urged black voters to turn out for the Democratic nominee."),
    # a photo gallery's furniture run into a sentence
    ("Photo: Jon Shapley, Houston Chronicle / Staff Photographer Image 1 of / 30 Caption Close Landry's issued a "
     "recall on Friday. {claim}", "The company recalled 4,000 pounds of shrimp sold in Texas, officials said."),
    # a press release's contact lines
    ("{claim}\nRead the full report: https://www.reportlinker.com/p05798/\nContact Clare: clare@reportlinker.com\n"
     "US: (339)-368-6001 Intl: +1 339-368-6001 SOURCE Reportlinker Related Link",
     "The microwave devices market is projected to grow by 3.1 billion dollars by 2025."),
    # a call for tips with its phone numbers: two crime reports of one city share it word for word
    ("{claim} Anyone who has seen her or has information is asked to call Detroit police at 313-596-5740 or Crime "
     "Stoppers at 1-800-SPEAK-UP.", "The 12-year-old left his home on the east side on Tuesday evening."),
    # a line in a script the English models cannot read
    ("{claim}\nआर्मी चीफ नरवाणे ने देशवासियों को दी नए साल की शुभकामनाएं", "ISRO chief K Sivan said the orbiter is still "
     "working and will produce science data for seven years."),
    # credit and feedback lines run into the paragraph
    ("{claim} This article was originally published on the Russian page of 24/7 Internet agency 'Caucasian Knot' "
     "on January 1, 2020 at 08:18 pm MSK.", "The protesters said they had no money to celebrate the New Year."),
    ("{claim} This article originally appeared on Page Six and was reproduced with permission Originally published "
     "as Netflix star's son dies in tragic accident", "Charlie Noxon, 20, had been skiing with his father at the "
     "Park City slopes."),
    ("{claim} Send questions/comments to the editors. Contributing: The Associated Press",
     "Sonny Mehta, the head of Knopf for more than three decades, has died at 77."),
    ("More: {claim}", '"Three were killed and three wounded in an air raid on the town," a spokesman said.'),
    # share buttons and the site's own promotion
    ("{claim} Twitter Facebook Print Like this: Like Loading.. Visit Business Insider's homepage for more stories.",
     "The festivities were scheduled to last until 1 a.m. on Wednesday."),
    # a related-article link run into the sentence after it
    ("From The Big Short to Normal People: the books that defined the decade Read more {claim}",
     "Mehta, who was married to the author Gita Mehta, died on Monday at his home in Manhattan."),
])
def test_page_furniture_around_a_claim_is_not_a_claim(furniture: str, claim: str):
    art = Article("p", furniture.format(claim=claim))
    assert [c.text for c in split_claims(art, analyze_articles([art])[0])] == [claim]


def test_news_sentences_that_look_like_furniture_are_kept():
    for text in ("He said the source was reliable.", "The SOURCE of the leak was a senior official.",
                 "The caption under the photo was changed twice.", "Originally, the parade was published as a map.",
                 "Police asked anyone with information to come forward.",
                 "The company sold 313,596 units, up from 2,000-3,000 a year earlier.",
                 "She posted the video on Twitter, Facebook and Instagram on Sunday.",
                 "Visitors head over to the border town every weekend."):
        assert not is_boilerplate(text), text


def test_a_bound_and_a_figure_inside_it_are_no_conflict():
    a = Article("a", "At least 6,000 websites have been infected by the flaw in the browser, researchers said.",
                outlet="Outlet A")
    b = Article("b", "About 10,000 websites have been infected by the flaw in the browser, researchers said.",
                outlet="Outlet B")
    c = Article("c", "Some 2,000 websites have been infected by the flaw in the browser, researchers said.",
                outlet="Outlet C")
    facts = align_facts([a, b], analyze_articles([a, b]), [])
    assert [f.status for f in facts if "infected" in f.text] == ["corroborated"]
    facts = align_facts([b, c], analyze_articles([b, c]), [])
    assert [f.status for f in facts if "infected" in f.text] == ["conflict"]  # about 10,000 is not some 2,000


def test_one_outlet_giving_a_new_figure_in_a_later_article_is_not_a_conflict():
    a = Article("a1", "The earthquake killed 12 people in the city of Van on Monday, officials said.", outlet="Outlet A")
    b = Article("a2", "The earthquake killed 15 people in the city of Van on Monday, officials said.", outlet="Outlet A")
    c = Article("c", "The earthquake killed people in the city of Van on Monday, officials said.", outlet="Outlet C")
    facts = align_facts([a, b, c], analyze_articles([a, b, c]), [])
    assert [f.status for f in facts if "earthquake" in f.text] == ["corroborated"]


def test_a_date_stamp_line_is_not_a_claim():
    for stamp in ("8:05am UK, Monday 16 September 2013", "16 September 2013 Last updated at 12:42 GMT", "BST 16 Sep 2013",
                  "10:55 P. M. FEB. 2, 2009"):
        art = Article("s", stamp)
        assert split_claims(art, _one_sentence_analysis(art)) == [], stamp
    art = Article("t", "The vote is on March 3, 2014 at 10:00 GMT.")
    assert len(split_claims(art, _one_sentence_analysis(art))) == 1


def test_two_spellings_of_one_name_are_not_a_conflict():
    said = "told the judge on Thursday that the actress had entered a rehab clinic in Newport Beach."
    a = Article("a", f"Her lawyer, Mark Heller, {said}", outlet="A")
    b = Article("b", f"Her lawyer, Mark Heler, {said}", outlet="B")
    c = Article("c", f"Her lawyer, Shawn Holley, {said}", outlet="C")
    assert [f.status for f in align_facts([a, b], analyze_articles([a, b]), [])] == ["corroborated"]
    assert [f.status for f in align_facts([a, c], analyze_articles([a, c]), [])] == ["conflict"]


def test_the_main_event_fact_cites_every_sentence_that_mentions_the_event():
    """Each outlet leads with the quake; later sentences that mention it (in two of the leads' words) are sources
    of the main-event fact, a sentence about something else is not."""
    a = Article("a", "A strong earthquake struck the eastern province of Van on Sunday, killing at least 200 people.\n"
                "Rescuers searched collapsed buildings through the night.\n"
                "The earthquake that struck on Sunday also damaged the old stone bridge over the river.\n"
                "The province held local elections last spring.", outlet="A")
    b = Article("b", "At least 200 people were killed when a powerful earthquake struck Van province on Sunday.\n"
                "Aid groups sent tents and blankets to the region.", outlet="B")
    c = Article("c", "A major earthquake struck the Van region of eastern Turkey on Sunday and killed hundreds.\n"
                "Officials said the earthquake struck at a shallow depth.", outlet="C")
    arts = [a, b, c]
    facts = align_facts(arts, analyze_articles(arts), [])
    main = [f for f in facts if f.main_event]
    assert len(main) == 1 and main[0].status == "corroborated" and set(main[0].outlets) == {"A", "B", "C"}
    text = {x.id: x.text for x in arts}
    cited = {text[s.id][s.start : s.end] for s in main[0].sources}
    assert any("old stone bridge" in t for t in cited) and any("shallow depth" in t for t in cited)
    assert not any("elections" in t or "tents" in t for t in cited)


def _lines(aid: str, sentences: list[str]) -> tuple[Article, Analysis]:
    """An article of the given sentences, each analysed as one sentence (no names found)."""
    text = " ".join(sentences)
    spans, pos = [], 0
    for s in sentences:
        spans.append(Span(pos, pos + len(s), s))
        pos += len(s) + 1
    return Article(aid, text, outlet=aid.upper(), blocks=[Block(0, len(text), "body")]), Analysis(aid, sentences=spans)


def _main_event_sources(stories: list[tuple[Article, Analysis]]) -> set[str]:
    arts = [a for a, _ in stories]
    facts = align_facts(arts, [an for _, an in stories], [])
    text = {a.id: a.text for a in arts}
    return {text[s.id][s.start : s.end] for f in facts if f.main_event for s in f.sources}


def test_the_score_outlets_lead_with_marks_a_sentence_about_the_main_event():
    """A game's score is in every lead; a later sentence that gives it is about the game, another number is not."""
    story = [_lines("a", ["The Colts beat the Chiefs 20-13 on Sunday to clinch a playoff berth.",
                          "The win was their fourth straight.", "Andrew Luck has thrown 23 touchdown passes this season."]),
             _lines("b", ["Indianapolis clinched a playoff spot with a 20-13 win in Kansas City.",
                          "The team finished last a year ago.", "Its coach returned from leave."]),
             _lines("c", ["Colts top Chiefs 20-13 and reach the playoffs for the first time since 2010.",
                          "Kansas City fans left early.", "The Chiefs have lost five in a row."]),
             _lines("d", ["Luck's touchdown pass late in the fourth quarter settled the 20-13 game.",
                          "It was cold at Arrowhead.", "The rookie has thrown 23 touchdown passes."])]
    claims = story_claims([a for a, _ in story], [an for _, an in story], [])
    core = {claims[i].text for i in main_event_claims(claims, source_groups([a.id for a, _ in story], []))}
    assert "Luck's touchdown pass late in the fourth quarter settled the 20-13 game." in core
    assert not any("23 touchdown" in t or "five in a row" in t for t in core)


def test_an_outlet_that_reports_the_event_in_its_own_words_is_cited_by_the_main_event():
    """D never uses the words the others lead with, but its sentence is what their lead sentences resemble most,
    and the other way round; its background sentence, though another outlet prints it word for word, is not."""
    story = [_lines("a", ["Tara Reid has checked into a rehab clinic in Malibu, her publicist said.",
                          "The clinic is known for its celebrity patients.", "Her latest film opens in March."]),
             _lines("b", ["Tara Reid checked into rehab at a Malibu clinic, her representative confirmed.",
                          "Reid became famous in 1999 with the comedy American Pie.", "She has two dogs."]),
             _lines("c", ["Actress Tara Reid checked herself into a Malibu rehab clinic this week.",
                          "Her friends said she started drinking heavily last year.",
                          "Her publicist declined to comment further."]),
             _lines("d", ["The actress was admitted to a treatment facility near Los Angeles, People reported.",
                          "Reid became famous in 1999 with the comedy American Pie.", "Her publicist asked for privacy."])]
    cited = _main_event_sources(story)
    assert "The actress was admitted to a treatment facility near Los Angeles, People reported." in cited
    assert not any("American Pie" in t for t in cited)


def _titled(aid: str, lines: list[str]) -> Article:
    """An article whose first line is its title (as ingest marks it) and the rest body paragraphs."""
    text, blocks, pos = "\n".join(lines), [], 0
    for k, line in enumerate(lines):
        blocks.append(Block(pos, pos + len(line), "title" if k == 0 else "body"))
        pos += len(line) + 1
    return Article(aid, text, title=lines[0], outlet=aid.upper(), blocks=blocks)


def test_headlines_that_agree_are_a_corroborated_fact_and_lead_the_main_event():
    a = _titled("a", ["Strong earthquake kills dozens in eastern Turkey", "Rescue teams worked through the night in Van.",
                      "Local schools will stay closed this week."])
    b = _titled("b", ["Dozens killed as strong earthquake hits eastern Turkey", "The regional governor asked for tents."])
    facts = align_facts([a, b], analyze_articles([a, b]), [])
    quake = [f for f in facts if "earthquake" in f.text]
    assert quake and quake[0].status == "corroborated" and set(quake[0].outlets) == {"A", "B"}
    assert quake[0].main_event  # the outlets' headlines are their leads


def test_a_lightly_edited_wire_copy_is_cited_where_it_states_the_claim():
    wire = "Heavy rain flooded the railway tunnel under the river on Thursday, closing it for a month, officials said."
    edited = "Heavy rains flooded the old railway tunnel under the river on Thursday, closing it for a month, officials said."
    a = Article("a", wire, outlet="Wire")
    a2 = Article("a2", "Local news.\n" + edited, outlet="Daily")
    b = Article("b", "A flooded rail tunnel beneath the river will stay shut for a month, the county said.", outlet="Other")
    facts = align_facts([a, a2, b], analyze_articles([a, a2, b]), [["a", "a2"]])
    tunnel = [f for f in facts if "tunnel" in f.text]
    copy_spans = [s for f in tunnel for s in f.sources if s.id == "a2"]
    assert copy_spans and a2.text[copy_spans[0].start : copy_spans[0].end] == edited


def test_what_an_outlet_adds_to_a_wire_copy_is_its_own_claim_and_the_copied_text_is_not_claimed_twice():
    wire = "Heavy rain flooded the railway tunnel under the river on Thursday, closing it for a month, officials said."
    added = "The mayor promised buses for every commuter who used the line until the repairs are finished."
    a = Article("a", wire, outlet="Wire")
    a2 = Article("a2", wire + "\n" + added, outlet="Daily")
    claims = story_claims([a, a2], analyze_articles([a, a2]), [["a", "a2"]])
    assert [c.article_id for c in claims if "tunnel" in c.text] == ["a"]
    assert [c.article_id for c in claims if "buses" in c.text] == ["a2"]


def test_a_lead_sentence_copied_into_a_title_field_is_not_chosen_as_the_headline():
    from storyline.brief.summary import choose_headline

    arts = [Article("a", "x", title="It's a tough job hosting the Academy Awards."),
            Article("b", "y", title="Hugh Jackman to host the 81st Academy Awards")]
    claims = np.array([[1.0, 0.0]], dtype=np.float32)
    titles = np.array([[1.0, 0.0], [0.8, 0.6]], dtype=np.float32)  # the sentence is nearer the story's centre
    assert choose_headline(arts, claims, titles, []) == "Hugh Jackman to host the 81st Academy Awards"
    arts[1].title = "He will host the 81st Academy Awards."  # no real headline among them: the nearest title
    assert choose_headline(arts, claims, titles, []) == "It's a tough job hosting the Academy Awards."


def test_the_headline_is_the_title_nearest_the_main_event_without_a_breaking_label():
    from storyline.brief.assemble import _headline_targets
    from storyline.brief.summary import choose_headline
    from storyline.model import Fact

    arts = [Article("a", "x", title="Breaking News - Three people shot at a Detroit office"),
            Article("b", "y", title="Office workers in Troy describe a morning of fear")]
    facts = [Fact("Three people were shot.", "corroborated", ["a", "b"], ["A", "B"], [], main_event=True),
             Fact("Workers hid under desks.", "single", ["b"], ["B"], [])]
    # the side story has more claims, so the centre of all claims leans to it
    vectors = np.array([[1.0, 0.0], [0.0, 1.0], [0.0, 1.0], [0.0, 1.0]], dtype=np.float32)
    titles = np.array([[0.8, 0.6], [0.6, 0.8]], dtype=np.float32)
    assert choose_headline(arts, vectors, titles, []) == "Office workers in Troy describe a morning of fear"
    targets = _headline_targets(facts, [[0], [1, 2, 3]], vectors)
    assert choose_headline(arts, targets, titles, []) == "Three people shot at a Detroit office"


def test_what_an_outlet_adds_lists_sentences_that_read_on_their_own_first():
    from storyline.brief.outlets import MAX_ITEMS, outlet_notes
    from storyline.model import Fact

    leaning = [Fact(f"It also searched the {n} boats that fled the scene.", "single", ["a"], ["A"], [])
               for n in range(MAX_ITEMS)]
    whole = Fact("The navy handed the 23 pirates over to the authorities in Djibouti.", "single", ["a"], ["A"], [])
    facts = [*leaning, whole]
    notes = outlet_notes(facts, [10.0] * MAX_ITEMS + [1.0], ["A", "B"])
    assert notes[0].adds[0] == whole.text and len(notes[0].adds) == MAX_ITEMS


def test_a_quotation_in_two_parts_is_shown_without_the_attribution_between_them():
    a = Article("a", '"Schemes like this show that Moscow is turning to suppliers of last resort," Treasury Secretary '
                'Janet Yellen said at the time. "We remain committed to exposing them."', outlet="A",
                published="2024-03-01")
    brief = build_brief(Story("s", ["a"]), [a], analyze_articles([a]))
    texts = [q.text for q in brief.quotes if q.speaker == "Janet Yellen"]
    assert texts == ["Schemes like this show that Moscow is turning to suppliers of last resort, … We remain "
                     "committed to exposing them."], texts
    # typewriter quotes and the verb before the name
    b = Article("b", "``This is a sad day for the city,'' said Mayor John Tate at a press conference. ``We must "
                "accept the verdict.''", outlet="B", published="2024-03-01")
    brief = build_brief(Story("s", ["b"]), [b], analyze_articles([b]))
    texts = [q.text for q in brief.quotes if q.speaker == "John Tate"]
    assert texts == ["This is a sad day for the city, … We must accept the verdict."], [
        (q.speaker, q.text) for q in brief.quotes]


def test_a_quotation_over_two_paragraphs_is_shown_with_its_speaker():
    """Web pages keep a paragraph per block, and a quotation may go on into the next one ("...anything," the
    insurer told France Info. / "It's become almost routine."): it was left out of who said what."""
    paragraphs = ["Four men rammed their car into the store on Monday.",
                  "\"They are absolutely not afraid of anything,\" Gerard Benezat, the store's insurer, told France Info.",
                  "\"It's become almost routine and yet everyone knows what needs to be done to be protected.\"",
                  "Photo: the store front (Reuters)"]
    text = "\n\n".join(paragraphs)
    blocks, pos = [], 0
    for k, p in enumerate(paragraphs):
        blocks.append(Block(pos, pos + len(p), "caption" if k == 3 else "body"))
        pos += len(p) + 2
    a = Article("a", text, outlet="A", published="2013-09-09", blocks=blocks)
    brief = build_brief(Story("s", ["a"]), [a], analyze_articles([a]))
    texts = [q.text for q in brief.quotes if q.speaker == "Gerard Benezat"]
    assert texts == ["They are absolutely not afraid of anything, … It's become almost routine and yet everyone "
                     "knows what needs to be done to be protected."], [(q.speaker, q.text) for q in brief.quotes]


def test_a_paraphrase_does_not_start_with_the_conjunction_of_its_sentence():
    a = Article("a", "The talks stalled in July. But new intelligence shows that the two leaders have been exchanging "
                "letters since then, Kirby told reporters on Wednesday.", outlet="A", published="2024-03-01")
    brief = build_brief(Story("s", ["a"]), [a], analyze_articles([a]))
    texts = [q.text for q in brief.quotes if q.speaker == "Kirby"]
    assert texts and all(not t.lower().startswith("but ") for t in texts), texts


def test_an_entity_lists_each_alias_once_and_a_compass_point_is_no_entity():
    from storyline.brief.entities import group_entities

    a = Article("a", "North Korea's leader met envoys. The White House said the Democratic People's Republic of Korea "
                "had agreed. The white house added that the Democratic People’s Republic of Korea would reply.",
                outlet="A", published="2024-03-01")
    groups = group_entities([a], analyze_articles([a]))
    aliases = [x for g in groups for x in g.aliases]
    assert not [x for x in aliases if x.endswith(("'s", "’s"))], aliases
    assert len([x for x in aliases if "Democratic People" in x]) <= 1, aliases
    assert not [x for g in groups if g.name == "White House" for x in g.aliases if x.lower().endswith("white house")]
    b = Article("b", "The US flew a bomber to the Korean Peninsula in a show of force against the North, as some in "
                "the West voiced concern.", outlet="B", published="2024-03-01")
    assert not {"North", "West"} & {g.name for g in group_entities([b], analyze_articles([b]))}


def test_a_name_written_with_and_without_its_accents_is_one_entity_and_one_speaker():
    from storyline.brief.entities import group_entities

    a = Article("a", "Four men drove a car into the Casty store near Place Vendôme in Paris on Monday. Gérard Bénézat, "
                "the store's insurer, said the thieves were not afraid of anything.", outlet="A", published="2013-09-09")
    b = Article("b", "Thieves rammed a car into a jewellery shop near Place Vendome in Paris on Monday. Gerard Benezat "
                "said the thieves were not afraid of anything.", outlet="B", published="2013-09-09")
    groups = group_entities([a, b], analyze_articles([a, b]))
    square = [g for g in groups if "Place Vend" in g.name]
    assert len(square) == 1 and len(square[0].articles) == 2, square
    assert {square[0].name, *square[0].aliases} == {"Place Vendôme", "Place Vendome"}, square
    quotes = _quotes_of(a.text, b.text)
    assert len({q.speaker for q in quotes}) == 1 and sorted(quotes[0].outlets) == ["A", "B"], quotes


def test_a_state_abbreviated_in_a_dateline_is_listed_as_the_state():
    from storyline.brief.entities import group_entities
    from storyline.nlp.entities import clean_name

    a = Article("a", "Lindsay Lohan checked into a rehab clinic in Newport Beach, Calif., on Thursday. Local police "
                "told TMZ the actress had left. California prosecutors said she had to stay.", outlet="A",
                published="2013-05-03")
    b = Article("b", "PASADENA, Calif. (AP) - The actress left the clinic in Newport Beach, Calif., an hour later.",
                outlet="B", published="2013-05-03")
    groups = {g.name: g for g in group_entities([a, b], analyze_articles([a, b]))}
    assert "Calif" not in groups and groups["California"].aliases == ["Calif"], groups.get("California")
    assert len(groups["California"].articles) == 2
    assert clean_name("TMZ the", "ORG") == "TMZ"  # "told TMZ the actress had left": the tagger ran on


def test_the_summary_does_not_repeat_the_main_event_in_one_outlets_words():
    """A single-source fact whose sentence the main event already cites is that outlet's wording of what happened:
    the summary gives the main event once and moves on to what else is known."""
    from storyline.brief.claims import Claim
    from storyline.brief.summary import summarize
    from storyline.model import Fact, SourceSpan

    texts = ["A suspected Mafia boss hanged himself in prison hours after his arrest, police said.",
             "A mafioso committed suicide hours after his arrest in a police bust of almost 100 people.",
             "Police have opened an inquiry into how he was able to kill himself.",
             "The raid involved 1,200 officers, helicopters and sniffer dogs.",
             "Prosecutors said the raid stopped the rebuilding of the Mafia's ruling commission.",
             "An alleged Mafia chief took his own life in a Palermo jail, police sources said."]
    arts = ["a", "c", "a", "a", "b", "d"]
    claims = [Claim(art, 0 if i in (0, 1, 5) else 100 * i, 90 + 100 * i, t, index=0 if i in (0, 1, 5) else i)
              for i, (art, t) in enumerate(zip(arts, texts))]
    span = [SourceSpan(c.article_id, c.start, c.end) for c in claims]
    facts = [Fact(texts[0], "corroborated", ["a", "b", "c"], ["A", "B", "C"], [span[0], span[1]], main_event=True),
             Fact(texts[1], "single", ["c"], ["C"], [span[1]])] + [
             Fact(texts[i], "single", [arts[i]], [arts[i].upper()], [span[i]]) for i in (2, 3, 4, 5)]
    vectors = np.eye(6, dtype=np.float32)  # no two alike in meaning: only the main event's sources tell
    summary = summarize(facts, [[0], [1], [2], [3], [4], [5]], claims, vectors, [5.0, 4.0, 3.0, 2.0, 1.0, 4.5], 3)
    # neither the main event's own restatement nor another outlet's lead (its wording of what happened)
    assert not {texts[1], texts[5]} & {s.text for s in summary} and len(summary) >= 3, [s.text for s in summary]
    two = summarize(facts[:2], [[0], [1]], claims, vectors, [5.0, 4.0], 3)
    assert [s.text for s in two] == texts[:2]  # too few facts otherwise: a restatement beats a short summary


def test_a_one_word_name_the_story_also_writes_in_lower_case_is_no_entity():
    from storyline.brief.entities import group_entities
    from storyline.model import Mention

    text = "Riot Deaths Shock Athens\nRiot police fired tear gas in Athens as the riot spread to Thessaloniki."
    a = Article("a", text, outlet="A", published="2024-03-01")
    an = Analysis("a", published="2024-03-01", sentences=[Span(0, len(text), text)], entities=[
        Mention(0, 4, "Riot", "PERSON", "Riot"), Mention(25, 29, "Riot", "PERSON", "Riot"),
        Mention(text.index("Athens"), text.index("Athens") + 6, "Athens", "GPE", "Athens"),
        Mention(text.index("Thessaloniki"), text.index("Thessaloniki") + 12, "Thessaloniki", "GPE", "Thessaloniki")])
    assert [g.name for g in group_entities([a], [an])] == ["Athens", "Thessaloniki"]


def test_a_nationality_in_the_plural_tagged_a_person_is_the_nationality():
    from storyline.brief.entities import group_entities
    from storyline.model import Mention

    text = "Greek police clashed with protesters. Greeks marched in Athens. Many Greeks are angry."
    a = Article("a", text, outlet="A", published="2024-03-01")
    at = [text.index("Greek "), text.index("Greeks marched"), text.index("Greeks are")]
    an = Analysis("a", published="2024-03-01", sentences=[Span(0, len(text), text)], entities=[
        Mention(at[0], at[0] + 5, "Greek", "NORP", "Greek"), Mention(at[1], at[1] + 6, "Greeks", "PERSON", "Greeks"),
        Mention(at[2], at[2] + 6, "Greeks", "PERSON", "Greeks")])
    groups = group_entities([a], [an])
    assert [(g.name, g.type, g.aliases) for g in groups] == [("Greek", "NORP", ["Greeks"])]


def test_an_entity_is_typed_by_its_full_names_tag_and_a_cut_off_alias_is_tidied():
    """The small tagger reads a surname alone as a nationality ("Genovese") more often than the full name appears:
    the full name's own tag types the entity. "Vincent '" is a name cut off before its nickname."""
    from storyline.brief.entities import group_entities
    from storyline.model import Mention

    text = "Vito Genovese ran the family. Genovese was feared. Genovese died in prison. Vincent 'Chin' Gigante followed."
    a = Article("a", text, outlet="A", published="2024-03-01")
    at = [text.index("Vito"), text.index("Genovese was"), text.index("Genovese died"), text.index("Vincent")]
    an = Analysis("a", published="2024-03-01", sentences=[Span(0, len(text), text)], entities=[
        Mention(at[0], at[0] + 13, "Vito Genovese", "PERSON", "Vito Genovese"),
        Mention(at[1], at[1] + 8, "Genovese", "NORP", "Vito Genovese"),
        Mention(at[2], at[2] + 8, "Genovese", "NORP", "Vito Genovese"),
        Mention(at[3], at[3] + 9, "Vincent '", "PERSON", "Vincent 'Chin' Gigante")])
    groups = {g.name: g for g in group_entities([a], [an])}
    assert groups["Vito Genovese"].type == "PERSON"
    assert groups["Vincent 'Chin' Gigante"].aliases == ["Vincent"]


def test_a_fact_in_someones_quoted_words_says_whose_words_they_are():
    text = ("Hillary Clinton criticised the Tulsa police officer on a morning radio show on Tuesday.\n\n"
            "\"How many times do we have to see this in our country?\" Clinton said on the show.\n\n"
            "\"This is just unbearable, and it needs to be intolerable for every one of us.\"\n")
    a = Article("a", text, outlet="A", published="2016-09-20")
    brief = build_brief(Story("s", ["a"]), [a], analyze_articles([a]))
    said = {f.text: f.said_by for f in brief.facts}
    unbearable = [t for t in said if "unbearable" in t]
    assert unbearable and said[unbearable[0]] == "Hillary Clinton", said
    assert said[next(t for t in said if "criticised" in t)] is None  # the outlet's own sentence
    assert any(x.endswith("— Hillary Clinton") for n in brief.outlet_notes for x in n.adds)
    shown = next(f.shown() for f in brief.facts if "unbearable" in f.text)
    assert shown.startswith("“This is just") and shown.endswith("of us.” — Hillary Clinton"), shown


def test_a_clause_cut_from_its_sentence_is_shown_as_a_part_of_one():
    text = ("The plant will lay off 300 workers over the next year, but the final shuttering of the factory is not "
            "expected to happen until 2019, giving employees time to prepare. Mayor Bill de Blasio called it a loss.")
    a = Article("a", text, outlet="A", published="2016-09-20")
    shown = [f.shown() for f in build_brief(Story("s", ["a"]), [a], analyze_articles([a])).facts]
    assert "… the final shuttering of the factory is not expected to happen until 2019, giving employees time to " \
           "prepare." in shown, shown
    assert not [x for x in shown if x.startswith(("… The", "… Mayor", "… de", "… Bill"))], shown


@pytest.mark.parametrize("text, shown", [
    ('Gov. Roy Cooper said “that transparency "breaks down barriers and brings progress.”',
     'transparency "breaks down barriers and brings progress.”'),
    ('Charlotte Mayor Jennifer Roberts said Friday that she thinks the video should be released but said "the '
     'question is the timing."', None),
    # a paraphrase that quotes all but its first word
    ('Some voters are uneasy about her ties to Wall Street. Clinton “has a number of super PACs and she is also '
     'raising significant sums from Wall Street,” Sanders said in an interview.',
     'Clinton “has a number of super PACs and she is also raising significant sums from Wall Street,”'),
    # a quotation inside the subject left the parse only the verb phrase after it
    ("Kroon said the nondenominational church, which he described as `` just a local community church, '' is about "
     "30 years old and the church building itself is about 2 years old.", None),
])
def test_a_paraphrase_with_quoted_words_is_a_paraphrase_and_a_cut_off_one_is_left_out(text: str, shown: str | None):
    a = Article("a", text, outlet="A", published="2016-09-20")
    quotes = build_brief(Story("s", ["a"]), [a], analyze_articles([a])).quotes
    assert [(q.text, q.direct) for q in quotes if not q.direct or shown] == ([(shown, False)] if shown else [])


def test_two_dates_in_alike_sentences_conflict_only_when_they_date_the_same_thing():
    """"a 12-year sentence imposed in 1997" and "a five-year heroin rap in 1959" date two events; "voters in 2009
    approved the bond" and "voters in 2010 approved the bond" give two dates for one."""
    from storyline.brief.align import _conflict

    def conflict(text_a: str, text_b: str) -> bool:
        arts = [Article("a", text_a, outlet="A", published="2013-12-01"),
                Article("b", text_b, outlet="B", published="2013-12-01")]
        claims = story_claims(arts, analyze_articles(arts), [])
        assert len(claims) == 2 and all(c.dates for c in claims)
        alike = np.ones((2, 4), dtype=np.float32) / 2  # the same meaning: only the dates and their words differ
        return bool(_conflict(claims, alike, [0, 1], {"a": "A", "b": "B"}))

    assert not conflict("Gigante was serving a 12-year sentence imposed in 1997 for racketeering.",
                        "Gigante had served only a five-year heroin rap in 1959 before his long trial.")
    assert conflict("Palmer voters in 2009 approved a bond to buy the historic dairy buildings.",
                    "Palmer voters in 2010 approved a bond to buy the historic dairy buildings.")


def test_outlets_that_write_a_date_alike_or_leave_its_day_to_a_guess_do_not_conflict_on_it():
    """Two copies of "Jackson is due in court Feb. 17" published a year apart, or "pulled over early Sunday" in two
    undated articles whose texts bound their days differently, state one date as far as the reader can tell:
    the brief must not show the outlets disagreeing on it. Dates written differently still conflict."""
    from storyline.brief.align import _conflict

    def conflict(a: tuple[str, str | None], b: tuple[str, str | None]) -> bool:
        arts = [Article("a", a[0], outlet="A", published=a[1]), Article("b", b[0], outlet="B", published=b[1])]
        claims = [c for c in story_claims(arts, analyze_articles(arts), []) if "Jackson" in c.text or "Williams" in c.text]
        assert len(claims) == 2 and all(c.dates for c in claims), [c.dates for c in claims]
        alike = np.ones((2, 4), dtype=np.float32) / 2
        return bool(_conflict(claims, alike, [0, 1], {"a": "A", "b": "B"}))

    due = "Chargers receiver Vincent Jackson is due in court on Feb. 17 for the drunk-driving case."
    assert not conflict((due, "2009-02-03"), (due, "2010-02-03"))
    assert conflict((due, "2009-02-03"), (due.replace("Feb. 17", "Feb. 24"), "2009-02-03"))
    # Undated: the texts bound their days from Feb. 4, 2009 and from Jan. 30, 2008 ("posted"), so the year each
    # gives "Feb. 17" / "February 17" is a guess.
    assert not conflict(("Posted Feb. 4, 2009. " + due, None),
                        ("Posted Jan. 30, 2008. " + due.replace("Feb. 17", "February 17"), None))
    sunday = "Williams was pulled over for speeding early Sunday on a freeway outside downtown San Diego."
    assert conflict((sunday, "2009-02-03"), (sunday.replace("early Sunday", "on Saturday"), "2009-02-03"))


def test_the_stories_second_development_is_one_fact_citing_every_outlet_that_reports_it():
    """Four outlets lead with the fire; three also report the arson inquiry, in their own words and places."""
    lead = "A fire destroyed the historic Matanuska Maid dairy building in downtown Palmer early on Tuesday morning."
    arts = [
        Article("a", lead + " Investigators suspect arson and the state fire marshal is investigating the blaze. Crews "
                "fought the flames for six hours. The building was empty.", outlet="A", published="2024-03-05"),
        Article("b", "The historic Matanuska Maid dairy building in Palmer was destroyed by fire early Tuesday. State "
                "fire marshal investigators suspect arson in the blaze, officials said. Nobody was hurt. The city had "
                "planned to buy the property.", outlet="B", published="2024-03-05"),
        Article("c", "Fire destroyed the historic Matanuska Maid building in Palmer on Tuesday morning. Smoke could be "
                "seen for miles. Residents gathered to watch. The state fire marshal said investigators suspect the "
                "blaze was arson.", outlet="C", published="2024-03-05"),
        Article("d", "A historic dairy building in Palmer was destroyed by a fire on Tuesday. The Matanuska Maid "
                "building was built in 1935. Firefighters from three towns responded.", outlet="D", published="2024-03-05"),
    ]
    facts = build_brief(Story("s", [a.id for a in arts]), arts, analyze_articles(arts)).facts
    (second,) = [f for f in facts if f.second_event]
    assert "arson" in second.text and sorted(second.outlets) == ["A", "B", "C"] and not second.main_event
    assert sorted(next(f for f in facts if f.main_event).outlets) == ["A", "B", "C", "D"]
    two = build_brief(Story("t", ["a", "b"]), arts[:2], analyze_articles(arts[:2])).facts
    assert not [f for f in two if f.second_event]  # two outlets' leads share nothing beyond the main event


def test_articles_of_two_events_in_one_story_share_no_fact_through_the_second_development():
    arts = [
        Article("a", "A fire destroyed the historic Matanuska Maid dairy building in Palmer on Tuesday. Investigators "
                "suspect arson and the state fire marshal is investigating the blaze.", outlet="A"),
        Article("b", "The historic Matanuska Maid dairy building in Palmer burned down on Tuesday. State fire marshal "
                "investigators suspect arson in the blaze, officials said.", outlet="B"),
        Article("c", "The harbour bridge reopened to traffic on Thursday after five weeks of repairs. Officials said the "
                "repairs cost the state ten million dollars.", outlet="C"),
        Article("d", "Traffic returned to the harbour bridge on Thursday after repairs that took five weeks. State "
                "officials said the repairs cost ten million dollars.", outlet="D"),
    ]
    facts = build_brief(Story("s", [a.id for a in arts]), arts, analyze_articles(arts)).facts
    assert not [f.outlets for f in facts if {"A", "B"} & set(f.outlets) and {"C", "D"} & set(f.outlets)]
    assert any(f.main_event for f in facts) or not any(f.second_event for f in facts)  # "also" needs a main event


def test_the_summary_opens_with_the_main_event():
    """The main event leads the summary even when outlets place another chosen fact earlier in their articles:
    a line placed by position alone spoke of "the letters" before the line saying who swapped them."""
    from storyline.brief.claims import Claim
    from storyline.brief.summary import summarize
    from storyline.model import Fact, SourceSpan

    texts = ["The White House said Russia seeks munitions and that the letters built upon its outreach.",
             "The White House said Putin and Kim have swapped letters as Russia seeks munitions.",
             "Kirby detailed the finding weeks after the White House said Shoigu visited Pyongyang.",
             "Kirby said Russia seeks artillery shells to shore up its defense industrial base."]
    claims = [Claim("a", 100 * i, 100 * i + 90, t, index=i) for i, t in enumerate(texts)]
    claims[1].index = 3  # the main event sits lower in the article than the line about "the letters"
    claims[3].index = 1
    facts = [Fact(t, "corroborated", ["a", "b"], ["A", "B"], [SourceSpan("a", c.start, c.end)], main_event=i == 1)
             for i, (t, c) in enumerate(zip(texts, claims))]
    vectors = np.eye(4, dtype=np.float32)
    summary = summarize(facts, [[0], [1], [2], [3]], claims, vectors, [4.0, 3.0, 2.0, 1.0], 2)
    # the three most important facts; after the main event, the rest in the outlets' order
    assert [s.text for s in summary] == [texts[1], texts[0], texts[2]], [s.text for s in summary]


def test_a_single_source_summary_line_cites_its_own_words_and_their_wire_copies_only():
    """A sentence of the outlet's other article that the fact took in for its likeness is no source of the line;
    a wire copy of the line's article is; a corroborated line cites each outlet that states it."""
    from storyline.brief.claims import Claim
    from storyline.brief.summary import summarize
    from storyline.model import Fact, SourceSpan

    texts = ["Clinton testified that she neither sent nor received emails marked classified.",
             "Comey said no reasonable prosecutor would bring the case against Clinton.",
             "Republicans asked the Justice Department to investigate the testimony."]
    claims = [Claim("p1", 0, 80, texts[0], index=0), Claim("p1", 100, 170, texts[1], index=1),
              Claim("p1", 200, 270, texts[2], index=2)]
    single = Fact(texts[0], "single", ["p1", "p2", "w"], ["Politico"],
                  [SourceSpan("p1", 0, 80), SourceSpan("p2", 500, 560), SourceSpan("w", 10, 90)])
    corroborated = Fact(texts[1], "corroborated", ["p1", "b"], ["Politico", "Breitbart"],
                        [SourceSpan("p1", 100, 170), SourceSpan("b", 40, 110)])
    other = Fact(texts[2], "single", ["p1"], ["Politico"], [SourceSpan("p1", 200, 270)])
    summary = summarize([single, corroborated, other], [[0], [1], [2]], claims, np.eye(3, dtype=np.float32),
                        [3.0, 2.0, 1.0], 3, sources_of={"p1": "p1", "p2": "p2", "w": "p1", "b": "b"})
    cited = {s.text: [(c.id, c.start) for c in s.sources] for s in summary}
    assert cited[texts[0]] == [("p1", 0), ("w", 10)], cited
    assert cited[texts[1]] == [("p1", 100), ("b", 40)], cited
    assert [s.articles for s in summary if s.text == texts[0]] == [["p1", "w"]]


def test_two_names_joined_by_and_are_two_entities_not_a_third():
    """The tagger reads "Lopez and Carrasquillo" as one organisation; the cast lists the two men, each with the
    article, while an organisation whose parts are no names of their own keeps its name."""
    from storyline.brief.entities import group_entities
    from storyline.model import Mention

    text = ("Andrew Lopez was found guilty. Jonathan Carrasquillo awaits a verdict. Prosecutors said Lopez and "
            "Carrasquillo targeted a rival gang. The Department of Health and Human Services declined to comment.")
    a = Article("a", text, outlet="A", published="2013-04-23")
    b_text = "Lopez and Carrasquillo were arrested in October 2011."
    b = Article("b", b_text, outlet="B", published="2013-04-23")

    def at(t: str, s: str, label: str, canonical: str, k: int = 0) -> Mention:
        i = -1
        for _ in range(k + 1):
            i = t.index(s, i + 1)
        return Mention(i, i + len(s), s, label, canonical)

    an_a = Analysis("a", published="2013-04-23", sentences=[Span(0, len(text), text)], entities=[
        at(text, "Andrew Lopez", "PERSON", "Andrew Lopez"),
        at(text, "Jonathan Carrasquillo", "PERSON", "Jonathan Carrasquillo"),
        at(text, "Lopez and Carrasquillo", "ORG", "Lopez and Carrasquillo"),
        at(text, "Department of Health and Human Services", "ORG", "Department of Health and Human Services")])
    an_b = Analysis("b", published="2013-04-23", sentences=[Span(0, len(b_text), b_text)], entities=[
        at(b_text, "Lopez", "PERSON", "Andrew Lopez"), at(b_text, "Carrasquillo", "PERSON", "Jonathan Carrasquillo"),
        at(b_text, "Lopez and Carrasquillo", "ORG", "Lopez and Carrasquillo")])
    groups = {g.name: g for g in group_entities([a, b], [an_a, an_b])}
    assert "Lopez and Carrasquillo" not in groups, list(groups)
    assert groups["Andrew Lopez"].articles == ["a", "b"] and groups["Jonathan Carrasquillo"].articles == ["a", "b"]
    assert "Department of Health and Human Services" in groups
    # an agency's name stays whole even where the tagger cut it in two elsewhere ("U.S. Fish" / "Wildlife Service")
    c_text = "The U.S. Fish and Wildlife Service listed the bird. U.S. Fish and Wildlife Service officials agreed."
    c = Article("c", c_text, outlet="C", published="2013-04-23")
    an_c = Analysis("c", published="2013-04-23", sentences=[Span(0, len(c_text), c_text)], entities=[
        at(c_text, "U.S. Fish and Wildlife Service", "ORG", "U.S. Fish and Wildlife Service"),
        at(c_text, "U.S. Fish", "ORG", "U.S. Fish", 1), at(c_text, "Wildlife Service", "ORG", "Wildlife Service", 1)])
    assert "U.S. Fish and Wildlife Service" in {g.name for g in group_entities([c], [an_c])}


def test_a_name_only_a_title_case_headline_gives_is_not_in_the_cast():
    """Title-case headlines fool the tagger ("Texas Inmate", "Lindsay Lohan Checks Into Court - Ordered Rehab");
    who is involved is named in the text too. A story whose articles are titles alone keeps their names."""
    from storyline.brief.entities import group_entities
    from storyline.model import Mention

    title = "Texas Inmate Pulls Gun On Guards"
    text = title + "\nArcade Comeaux escaped from a prison van near Houston on Monday."
    a = Article("a", text, outlet="A", published="2013-04-23",
                blocks=[Block(0, len(title), "title"), Block(len(title) + 1, len(text), "body")])
    an = Analysis("a", published="2013-04-23", sentences=[Span(len(title) + 1, len(text), text[len(title) + 1:])],
                  entities=[Mention(0, 12, "Texas Inmate", "ORG", "Texas Inmate"),
                            Mention(text.index("Arcade"), text.index("Arcade") + 14, "Arcade Comeaux", "PERSON", "Arcade Comeaux"),
                            Mention(text.index("Houston"), text.index("Houston") + 7, "Houston", "GPE", "Houston")])
    assert [g.name for g in group_entities([a], [an])] == ["Arcade Comeaux", "Houston"]
    only = Article("b", title, outlet="B", published="2013-04-23", blocks=[Block(0, len(title), "title")])
    an_only = Analysis("b", published="2013-04-23", entities=[Mention(0, 12, "Texas Inmate", "ORG", "Texas Inmate")])
    assert [g.name for g in group_entities([only], [an_only])] == ["Texas Inmate"]


def test_a_sentence_opening_word_run_into_a_name_is_not_part_of_it():
    """"Joining Cooley at the news conference was ...": the tagger takes "Joining Cooley" for a person, and the
    longer name then claimed every later "Cooley" as its speaker."""
    text = ("District Attorney Steve Cooley announced the charges on Tuesday. Joining Cooley at the news conference "
            "was Sheriff Lee Baca. \"We will seek the death penalty,\" Cooley said.")
    a = Article("a", text, outlet="A", published="2008-06-30")
    brief = build_brief(Story("s", ["a"]), [a], analyze_articles([a]))
    assert [q.speaker for q in brief.quotes] == ["Steve Cooley"], [(q.speaker, q.text) for q in brief.quotes]
    assert "Joining Cooley" not in {e.name for e in brief.entities}


def test_a_summary_is_not_padded_with_lines_that_do_not_stand_alone():
    """Past its minimum of three, a summary stops when the self-standing facts run out rather than borrow a
    columnist's first person ("wouldn't comment to me") or a line that leans on the one before it."""
    from storyline.brief.claims import Claim
    from storyline.brief.summary import summarize
    from storyline.model import Fact, SourceSpan

    texts = ["President-elect Barack Obama has asked Sanjay Gupta to serve as surgeon general, CNN reported.",
             "CNN's management confirmed that Gupta had been approached by the Obama team.",
             "The Washington Post first reported that Gupta had been offered the job.",
             "Gupta, 39, is already working out the details of moving his family to Washington.",
             "Gupta wouldn't comment to me, but confirmed on his Twitter feed that he had been approached.",
             "He added that the decision would be made within weeks."]
    claims = [Claim(f"a{i}", 0, len(t), t, index=0) for i, t in enumerate(texts)]
    facts = [Fact(t, "corroborated", [f"a{i}", "b"], [f"A{i}", "B"], [SourceSpan(f"a{i}", 0, len(t))])
             for i, t in enumerate(texts)]
    vectors = np.eye(len(texts), dtype=np.float32)
    summary = summarize(facts, [[i] for i in range(len(texts))], claims, vectors, [6.0, 5.0, 4.0, 3.0, 2.9, 2.8], 9)
    assert [s.text for s in summary] == texts[:4], [s.text for s in summary]
    # below three self-standing facts, the others still make up the minimum
    short = summarize(facts[3:], [[0], [1], [2]], claims[3:], vectors[3:, 3:], [3.0, 2.9, 2.8], 9)
    assert len(short) == 3


@pytest.mark.parametrize("text, speaker, shown", [
    # an object is shown with its verb, however a relative clause or a "that" clause after it reads
    ("Earlier this week, the Pentagon announced a $250 million security assistance package, which includes advanced "
     "air defense capabilities, artillery rounds, and mine-clearing equipment.", "Department of Defense",
     "announced a $250 million security assistance package, which includes advanced air defense capabilities, "
     "artillery rounds, and mine-clearing equipment"),
    ("Mr. Trump has proposed nothing that would probably increase his own taxes, the paper reported.", "Trump",
     "has proposed nothing that would probably increase his own taxes"),
    # a description with quoted words is a paraphrase, shown with its verb (an aside before the verb left out)
    ("Rick Wagoner, GM's chief executive, described the firm's plan as \"comprehensive, responsive, achievable, and "
     "flexible\".", "Rick Wagoner",
     "described the firm's plan as \"comprehensive, responsive, achievable, and flexible\""),
    # a gerund with a verb of its own is a clause, said by the speaker
    ("A naval commander said attacking Somali ports probably would not be effective in battling piracy.",
     "A naval commander", "attacking Somali ports probably would not be effective in battling piracy"),
    # an amount the object is put at is part of it
    ("Authorities estimate the damages to the Wasilla Bible Church at $1 million.", "Authorities",
     "estimate the damages to the Wasilla Bible Church at $1 million"),
    # the verb without the speaker's short name in brackets
    ("General Motors (GM) announced plans on Friday to shut down about 1,100 of its dealerships.",
     "General Motors", "announced plans on Friday to shut down about 1,100 of its dealerships"),
    # the verb without the rest of the speaker's name
    ("Sen. Bernie Sanders of Vermont called on the Obama administration to block the deal.", "Bernie Sanders",
     "called on the Obama administration to block the deal"),
    # an object with a participle in it ("adopted", "delivered") is still an object
    ("Sen. Bernie Sanders mocked her refusal to release transcripts of paid speeches she delivered on Wall Street.",
     "Bernie Sanders", "mocked her refusal to release transcripts of paid speeches she delivered on Wall Street"),
    ("Hillary Clinton thanked her adopted home state on Tuesday night.", "Hillary Clinton",
     "thanked her adopted home state"),
    ("Tad Devine made it clear that his boss wanted to see something firmer.", "Tad Devine",
     "made it clear that his boss wanted to see something firmer"),
    # whom someone told or asked to act is part of what they said
    ("Donald Trump drew boos when he told Jeb Bush to quiet down during a heated exchange.", "Donald Trump",
     "told Jeb Bush to quiet down during a heated exchange"),
])
def test_a_statement_that_is_an_object_keeps_its_verb(text: str, speaker: str, shown: str):
    a = Article("a", text, outlet="A", published="2024-03-01")
    brief = build_brief(Story("s", ["a"]), [a], analyze_articles([a]))
    assert [(q.speaker, q.text) for q in brief.quotes] == [(speaker, shown)]


def test_a_common_word_glued_to_a_name_is_that_name_and_a_day_is_no_entity():
    """"Warship INS Sukanya" is INS Sukanya when the story also writes "the warship"; "South Africa" stays a country
    though the story writes "south"; "10th Nov" belongs to the timeline, "Maryland" to the cast."""
    from storyline.brief.entities import group_entities
    from storyline.model import Mention

    text = ("Warship INS Sukanya foiled a piracy attempt on 10th Nov off Maryland. INS Sukanya is an Indian ship. "
            "The warship sailed south to South Africa after the attack, and Africa's ports welcomed it.")
    a = Article("a", text, outlet="A", published="2011-11-11")

    def at(s: str, label: str, k: int = 0) -> Mention:
        i = -1
        for _ in range(k + 1):
            i = text.index(s, i + 1)
        return Mention(i, i + len(s), s, label, s)

    an = Analysis("a", published="2011-11-11", sentences=[Span(0, len(text), text)], entities=[
        at("Warship INS Sukanya", "PERSON"), at("INS Sukanya", "MISC", 1), at("10th Nov", "MISC"),
        at("Maryland", "GPE"), at("South Africa", "GPE"), at("Africa", "LOC", 1)])
    b_text = "INS Sukanya was escorting merchant ships on 10th Nov."
    b = Article("b", b_text, outlet="B", published="2011-11-11")
    an_b = Analysis("b", published="2011-11-11", sentences=[Span(0, len(b_text), b_text)], entities=[
        Mention(0, 11, "INS Sukanya", "MISC", "INS Sukanya"), Mention(44, 52, "10th Nov", "MISC", "10th Nov")])
    groups = {g.name: g for g in group_entities([a, b], [an, an_b])}
    assert "Warship INS Sukanya" not in groups and "Warship INS Sukanya" in groups["INS Sukanya"].aliases, groups
    assert {"South Africa", "Africa", "Maryland"} <= set(groups) and "10th Nov" not in groups


def test_a_given_name_that_is_also_a_word_is_no_common_word_glued_to_a_surname():
    """"Bill Clinton" is not "Clinton" (Hillary Clinton) with the word "bill", though the story writes "the bill"."""
    from storyline.brief.entities import group_entities

    a = Article("a", "Hillary Clinton won the primary on Tuesday. Clinton thanked voters in Manchester. The bill on "
                     "trade passed the Senate.", outlet="A", published="2016-02-10", story="s")
    b = Article("b", "Former President Bill Clinton campaigned for his wife in New Hampshire. Hillary Clinton won.",
                outlet="B", published="2016-02-10", story="s")
    groups = {g.name: g for g in group_entities([a, b], analyze_articles([a, b]))}
    assert "Bill Clinton" in groups and "Bill Clinton" not in groups["Hillary Clinton"].aliases, groups


def test_a_speaker_is_named_as_the_cast_names_them():
    """When the cast lists "Warship INS Sukanya" under INS Sukanya, who said what does too; a people's name stays as
    written ("Ukrainians" said it, not the cast's "Ukrainian")."""
    from storyline.brief.assemble import _cast_names
    from storyline.brief.quotes import group_quotes
    from storyline.model import EntityGroup, Quote

    cast = _cast_names([EntityGroup("INS Sukanya", "MISC", ["Warship INS Sukanya", "Sukanya"], ["a"]),
                        EntityGroup("Ukrainian", "NORP", ["Ukrainians"], ["a"])])
    assert cast == {"Warship INS Sukanya": "INS Sukanya", "Sukanya": "INS Sukanya"}
    text = "\"We found grapnels, ladders and gloves on board,\" the ship said in a statement."
    a = Article("a", text, outlet="A", published="2011-11-11")
    content = Span(0, text.index(",\"") + 2, text[: text.index(",\"") + 2])
    an = Analysis("a", published="2011-11-11", sentences=[Span(0, len(text), text)], quotes=[
        Quote(content, Span(text.index("the ship"), text.index("the ship") + 8, "the ship"), "Warship INS Sukanya",
              Span(text.index("said"), text.index("said") + 4, "said"), direct=True)])
    assert [g.speaker for g in group_quotes([a], [an], [], cast)] == ["INS Sukanya"]


def test_a_word_that_opens_a_quotation_is_no_part_of_a_names_alias():
    """'"Following Shoigu's visit ..."': the tagger runs the quotation's first word into the name; the cast lists
    Shoigu's aliases without it."""
    text = ('Russian Defense Minister Sergei Shoigu visited Pyongyang in July. '
            '"Following Shoigu\u2019s visit another group of Russian officials traveled to Pyongyang," Kirby said.')
    a = Article("a", text, outlet="A", published="2023-08-30")
    cast = {g.name: g for g in build_brief(Story("s", ["a"]), [a], analyze_articles([a])).entities}
    shoigu = [g for name, g in cast.items() if "Shoigu" in name]
    assert shoigu and all(not x.startswith("Following") for g in shoigu for x in [g.name, *g.aliases]), shoigu


def test_a_summary_line_that_repeats_one_part_of_another_is_redundant():
    """"The ministry said prices are rising for bread ... and that the new subsidies built upon ...": a later line
    saying only that prices are rising repeats its first part (their sentence vectors are only 0.67 alike); the
    summary keeps the line that says both, whichever of the two ranks first."""
    from storyline.brief.align import embed_claims
    from storyline.brief.claims import Claim
    from storyline.brief.summary import summarize
    from storyline.model import Fact, SourceSpan

    texts = ["Bread prices in the capital doubled in a week, prompting long queues outside bakeries.",
             "The ministry said prices are rising for bread and other staples and that the new subsidies built upon "
             "an earlier program for rural families in the north.",
             "A spokesman said that prices are rising for flour, bread and other basic goods across the country.",
             "Farmers blocked two highways with tractors on Monday to protest against fuel costs.",
             "The central bank raised its key interest rate by half a point."]
    claims = [Claim(f"a{i}", 0, len(t), t, index=0) for i, t in enumerate(texts)]
    facts = [Fact(t, "corroborated", [f"a{i}", "b"], [f"A{i}", "B"], [SourceSpan(f"a{i}", 0, len(t))],
                  main_event=i == 0) for i, t in enumerate(texts)]
    vectors = embed_claims(texts)

    def lines(importance: list[float]) -> list[str]:
        return [s.text for s in summarize(facts, [[i] for i in range(len(texts))], claims, vectors, importance, 3,
                                          embed_claims)]

    want = [texts[0], texts[1], texts[3], texts[4]]
    assert sorted(lines([6.0, 5.0, 4.0, 3.0, 2.0])) == sorted(want)
    assert sorted(lines([6.0, 4.0, 5.0, 3.0, 2.0])) == sorted(want)
    # two clauses joined by ", and": "..., and investigators suspect arson" already says the blaze is an arson case
    texts[1] = "The church the governor attends was badly damaged by fire Friday night, and investigators suspect arson."
    texts[2] = "The blaze is being investigated as an arson."
    claims[1:3] = [Claim(f"a{i}", 0, len(texts[i]), texts[i], index=0) for i in (1, 2)]
    facts[1:3] = [Fact(texts[i], "corroborated", [f"a{i}", "b"], [f"A{i}", "B"], [SourceSpan(f"a{i}", 0, len(texts[i]))])
                  for i in (1, 2)]
    vectors = embed_claims(texts)
    assert sorted(lines([6.0, 5.0, 4.0, 3.0, 2.0])) == sorted([texts[0], texts[1], texts[3], texts[4]])


def test_who_said_what_keeps_the_words_not_their_setting_or_a_long_attribution_between_them():
    """"During his seven and a half years in office, Mr. Obama said, a majority ...": the entry is the whole
    sentence without its attribution, not the setting alone; a quotation in two parts around a long attribution
    ("said Patrick McGinley, a law professor at ...") is one quotation with the attribution cut out."""
    text = ("During his seven and a half years in office, Mr. Obama said, a majority of Americans have come to accept "
            "that climate change is real.\n\n"
            "\"It was a spectacular deal for Patriot,\" said Patrick McGinley, a law professor at West Virginia "
            "University who has been involved in cases against coal companies since the 1970s. \"This company has "
            "had complete success in divesting itself of all liabilities of every kind.\"")
    a = Article("a", text, outlet="A", published="2016-09-01")
    quotes = build_brief(Story("s", ["a"]), [a], analyze_articles([a])).quotes
    obama = [q.text for q in quotes if q.speaker == "Barack Obama" or q.speaker == "Obama"]
    assert obama == ["During his seven and a half years in office, a majority of Americans have come to accept that "
                     "climate change is real"], [(q.speaker, q.text) for q in quotes]
    mcginley = [q for q in quotes if "spectacular" in q.text]
    assert len(mcginley) == 1 and mcginley[0].direct and "law professor" not in mcginley[0].text, \
        [(q.text, q.direct) for q in mcginley]
    assert "complete success" in mcginley[0].text


@pytest.mark.parametrize("text, shown", [
    ("In his state, Christie said, nonviolent first-time drug offenders are sent to mandatory drug treatment.",
     "In his state, nonviolent first-time drug offenders are sent to mandatory drug treatment"),
    ("This campaign, Mr. Sanders says, is different from every campaign he has run before.",
     "This campaign is different from every campaign he has run before"),
    # the second part is the first's complement, not a clause of its own
    ("The argument would be aided, Tad Devine said, by the upcoming primary calendar.",
     "The argument would be aided by the upcoming primary calendar"),
])
def test_a_paraphrase_split_by_its_attribution_is_shown_whole(text: str, shown: str):
    """The attribution set off by commas inside a sentence splits what was said; the entry is both parts, with the
    attribution cut out (and no comma left between a subject and its verb)."""
    a = Article("a", text, outlet="A", published="2016-09-01")
    quotes = build_brief(Story("s", ["a"]), [a], analyze_articles([a])).quotes
    assert [q.text for q in quotes] == [shown]


@pytest.mark.parametrize("text, speaker", [
    # a long description of the speaker between the two parts
    ('"It was a sad moment for Europe when the British people decided to leave," said European Council President '
     'Donald Tusk, summing up conversations that extended beyond security to issues of prosperity, migration and a '
     'host of other challenges. "People are concerned about what they see as a loss of control."', "Donald Tusk"),
    # two apostrophes for quotation marks, as some papers print them
    ("''There is no question that Ryan is operating in a very ambitious way,'' said Peter Wehner, a former director "
     "of the White House Office of Strategic Initiatives who has known Mr. Ryan for two decades. ''He is trying to "
     "set forth a path for the party with ideas and policy proposals,'' he said.", "Peter Wehner"),
    # two backticks where the quotation closes, as ECB+ copy has them
    ("He has TV hosting experience.\n`` He is so sparkling and personable, and he delivers, `` said academy "
     "President Sid Ganis.\n`` I saw him recently at a Motion Picture Home event on the Sony lot.\nHe is charming "
     "and pleasant. ''\nThe show goes on.", "Sid Ganis"),
    # an attribution in the future tense, of a speech still to be given
    ("President Barack Obama will speak on Wednesday. “Until you’ve sat at that desk, you don’t know what it’s like "
     "to manage a global crisis,” Obama will say. “But Hillary’s been in the room; she’s been part of those "
     "decisions.”", "Barack Obama"),
])
def test_a_quotation_in_two_parts_is_shown_as_one_without_its_attribution(text: str, speaker: str):
    a = Article("a", text, outlet="A", published="2016-09-01")
    quotes = [q for q in build_brief(Story("s", ["a"]), [a], analyze_articles([a])).quotes if q.speaker == speaker]
    assert quotes and quotes[0].direct and " said " not in quotes[0].text and " say" not in quotes[0].text \
        and " … " in quotes[0].text, \
        [(q.text, q.direct) for q in quotes]


def test_a_conflict_shows_the_two_values_at_odds_in_the_words_of_those_who_give_them():
    """A fact whose members give three figures, two of them for one thing: the sides are those two, each in the
    words of a member that gives it, not a third member's figure for something else."""
    from storyline.brief.align import _conflict

    arts = [Article("a", "Hansbrough finished the game with 20 points and nine rebounds.", outlet="A",
                    published="2008-12-19"),
            Article("b", "Vaughn finished with 16 points and nine rebounds for the Aces.", outlet="B",
                    published="2008-12-19"),
            Article("c", "Hansbrough finished the game with 24 points and nine rebounds.", outlet="C",
                    published="2008-12-19")]
    claims = story_claims(arts, analyze_articles(arts), [])
    alike = np.ones((3, 4), dtype=np.float32) / 2
    sides = _conflict(claims, alike, [0, 1, 2], {"a": "A", "b": "B", "c": "C"})
    assert sorted(s["articles"] for s in sides) == [["a"], ["c"]], sides
    assert all("Hansbrough" in s["text"] for s in sides), sides


def test_an_outlet_that_updates_its_own_figure_is_no_side_of_a_conflict():
    """Outlet A reports 12 dead on Monday and 15 on Tuesday, as B did on Monday: A updated itself, and B agrees
    with its first count. A different count from an outlet on one side only is still a conflict."""
    def statuses(texts: list[tuple[str, str, str]]) -> list[str]:
        arts = [Article(f"a{k}", text, outlet=outlet, published=day) for k, (outlet, day, text) in enumerate(texts)]
        facts = align_facts(arts, analyze_articles(arts), [])
        return [f.status for f in facts if f.status == "conflict"]

    monday = "The earthquake killed 12 people in the city of Van, officials said."
    tuesday = "The earthquake killed 15 people in the city of Van, officials said."
    assert statuses([("A", "2024-03-04", monday), ("B", "2024-03-04", monday), ("A", "2024-03-05", tuesday)]) == []
    assert statuses([("A", "2024-03-04", monday), ("B", "2024-03-04", monday), ("C", "2024-03-05", tuesday)]) == [
        "conflict"]


def test_words_cut_inside_the_speakers_name_are_not_a_statement():
    from storyline.brief.quotes import group_quotes
    from storyline.model import Quote

    text = "But given Trump’s hardline positions on immigration and his apparent malleability in other policy areas."
    a = Article("a", text, outlet="A", published="2016-05-13")

    def span(words: str) -> Span:
        return Span(text.index(words), text.index(words) + len(words), words)

    an = Analysis("a", published="2016-05-13", sentences=[Span(0, len(text), text)], quotes=[
        Quote(span("’s hardline positions on immigration and his apparent malleability"), span("Trump"), "Donald Trump",
              span("positions"), direct=False)])
    assert group_quotes([a], [an], []) == []


def test_margins_of_error_of_two_polls_are_no_conflict_but_of_one_named_poll_are():
    def conflicts(*texts: str) -> list:
        arts = [Article(k.lower(), t, outlet=k, published="2016-02-01") for k, t in zip("AB", texts)]
        return [f for f in build_brief(Story("s", ["a", "b"]), arts, analyze_articles(arts)).facts
                if f.status == "conflict"]

    lead = "Clinton leads Sanders by 20 points among Democratic primary voters nationally, a new {} poll finds. "
    assert not conflicts(
        lead.format("CBS News") + "The margin of sampling error is plus or minus six percentage points, the pollsters said.",
        lead.format("Politico") + "The margin of error is plus or minus 4.57 percentage points, the pollsters said.")
    one = "The Quinnipiac poll has a margin of error of plus or minus {} percentage points."
    assert conflicts(lead.format("Quinnipiac University") + one.format("three"),
                     lead.format("Quinnipiac University") + one.format("five"))


def test_a_clitic_between_speaker_and_verb_is_read_as_has_or_is_and_a_possessive_is_no_statement():
    quotes = _quotes_of("Donald Trump held a rally in Las Vegas on Monday night. He’s predicted big wins in the races "
                        "ahead. The poll was conducted in late October, before Carson’s drop in national polls and "
                        "Trump’s controversial proposal to ban Muslims from entering the United States.")
    texts = [q.text for q in quotes if q.speaker == "Donald Trump"]
    assert "has predicted big wins in the races ahead" in texts, texts
    assert not [t for t in texts if re.match(r"\W*(?:[’']s|is)\s+controversial", t)], texts


def test_the_main_event_is_never_what_one_outlet_alone_reports():
    """Two articles of one outlet are two sources but one outlet: what only they state is no main event."""
    a1 = Article("a1", "A strong earthquake killed 12 people in the town of Bam on Monday, officials said. Rescuers "
                 "searched the rubble through the night.", outlet="A", published="2024-03-04")
    a2 = Article("a2", "A strong earthquake killed 12 people in the town of Bam on Monday. The governor asked the army "
                 "for tents and blankets.", outlet="A", published="2024-03-05")
    b = Article("b", "The finance minister said on Monday that the budget would be cut by a tenth next year. Unions "
                "called a strike for Friday.", outlet="B", published="2024-03-04")
    arts = [a1, a2, b]
    facts = build_brief(Story("s", [x.id for x in arts]), arts, analyze_articles(arts)).facts
    assert not [f.text for f in facts if f.main_event and len(f.outlets) < 2]


@pytest.mark.parametrize("named", ["Florida Sen. Marco Rubio", "Sen. Marco Rubio of Florida", "Sen. Marco Rubio (R-Fla.)"])
def test_a_speaker_named_by_an_abbreviated_title_and_a_place_is_that_person(named: str):
    quotes = _quotes_of(f"{named} spoke to supporters in Iowa on Monday night. The Florida senator said the race had "
                        "been reset by the results.")
    assert [q.speaker for q in quotes] == ["Marco Rubio"], [(q.speaker, q.text) for q in quotes]


def test_an_interviewers_questions_are_not_someones_statements():
    quotes = _quotes_of("In a new memoir, Jane Roe describes her teenage years in Ohio and the day everything changed.\n"
                        "Q: You open your book on May 17, 2001. You were 14 years old. What did you find?\n"
                        "Jane Roe: I found my mother's letters in the attic, and I read them all that night.\n")
    assert [q.speaker for q in quotes] == ["Jane Roe"], [(q.speaker, q.text) for q in quotes]


def test_an_article_opening_a_sentence_or_quotation_marks_are_no_part_of_a_name():
    """"A European Commission review was held ...": the tagger takes the sentence's "A" into the name."""
    from storyline.nlp.entities import clean_name

    assert clean_name("A European Commission", "ORG") == "European Commission"
    assert clean_name("the European Commission", "ORG") == "European Commission"
    # nor are the quotation marks round a title
    assert clean_name("`` Way Forward '", "WORK_OF_ART") == "Way Forward"
    assert clean_name("“Way Forward”", "WORK_OF_ART") == "Way Forward"
    assert clean_name("American Pie ''", "WORK_OF_ART") == "American Pie"


def test_the_words_someone_justified_a_choice_by_saying_are_their_statement():
    quotes = _quotes_of("Ryanair CEO, Michael O'Leary, justified his choice of Boeing by saying, \"The Boeing 737-800 "
                        "has the best technical reliability.\"")
    assert [(q.speaker, q.text, q.direct) for q in quotes] == [
        ("Michael O'Leary", "The Boeing 737-800 has the best technical reliability.", True)]



def test_a_fact_whose_own_attribution_is_a_pronoun_names_whom_it_means():
    """'"I would say Paul ...," he said.' read alone in the facts list does not say who "he" is: the line names him
    in brackets, as an editor does, and keeps the outlet's words."""
    a = Article("a", "Donald Trump met Paul Ryan on Thursday in Washington. Asked who leads the Republican Party, "
                "Trump did not hesitate. \"I would say Paul for the time being and maybe for a long time,\" he said.",
                outlet="A", published="2016-05-06")
    brief = build_brief(Story("s", ["a"]), [a], analyze_articles([a]))
    fact = next(f for f in brief.facts if "for the time being" in f.text)
    assert fact.shown().endswith("he [Donald Trump] said."), fact.shown()
    assert "[" not in fact.text  # the wording itself is the outlet's


def test_a_tweet_quoted_in_two_parts_is_one_quotation_without_its_attribution():
    quotes = _quotes_of("\"It's official: I'm hosting the Oscars!\" DeGeneres tweeted Friday. \"I'd like to thank the "
                        "Academy, my wife Portia and, oh dear, there goes the orchestra.\"")
    assert [q.text for q in quotes] == ["It's official: I'm hosting the Oscars! … I'd like to thank the Academy, my "
                                        "wife Portia and, oh dear, there goes the orchestra."], [q.text for q in quotes]


def test_an_alias_is_the_name_without_a_leading_the_or_a_trailing_colon():
    from storyline.brief.entities import group_entities

    a = Article("a", "The Academy Awards will air on March 2. DeGeneres has experience hosting the Academy Awards: She "
                "previously served as emcee during the 2007 ceremony.", outlet="A", published="2013-08-02")
    groups = group_entities([a], analyze_articles([a]))
    aliases = [x for g in groups for x in g.aliases]
    assert not [x for x in aliases if x.startswith("the ") or x.endswith(":")], aliases


def test_two_speakers_together_are_one_pair_however_each_is_named():
    said = _said_by("Producers Craig Zadan and Neil Meron said Ellen DeGeneres will return to host the Oscars for a "
                    "second time. The show airs in March. \"We are thrilled to have her back on the stage again,\" "
                    "Zadan and Meron said.")
    assert set(said.values()) == {"Craig Zadan and Neil Meron"}, said


def test_a_pair_of_speakers_in_either_order_is_one_speaker():
    said = _said_by("Donald Trump and Paul Ryan said they had a very good first meeting on Thursday in Washington. "
                    "The two men spoke for an hour. Paul Ryan and Donald Trump said that the party would come "
                    "together before the convention in Cleveland.")
    assert len(set(said.values())) == 1, said


@pytest.mark.parametrize("text, speaker, shown", [
    # a negated or quoted verb is a verb: the words are a clause, shown without "said"
    ("However, Rep. Stephen Lynch (D-Mass.) said the law doesn't require witnesses to show up at a public hearing.",
     "Stephen Lynch", "the law doesn't require witnesses to show up at a public hearing"),
    ("Senator Tim Kaine said Trump's presence on the ballot \"is going to help our candidates\" this fall.",
     "Tim Kaine", "Trump's presence on the ballot \"is going to help our candidates\" this fall"),
    # "that," opening an aside is still the complementizer
    ("Pollster Matt Braynard claimed that, thanks to his survey method, he was the only pollster to predict the "
     "margin.", "Matt Braynard", "thanks to his survey method, he was the only pollster to predict the margin"),
])
def test_a_reported_clause_is_shown_without_its_verb(text: str, speaker: str, shown: str):
    assert _said_by(text) == {shown: speaker}
