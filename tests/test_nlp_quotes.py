"""Attribution (who said what): the constructions a reader of "who said what" relies on, through the public
`analyze_articles` path, plus a recall floor on a slice of PolNeAR dev (skips without ../shared/data)."""

from __future__ import annotations

import json

import pytest

from storyline.model import Article, Block, Quote
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


def test_a_place_or_a_page_label_before_a_colon_is_not_a_speaker() -> None:
    quotes = _quotes("New Delhi: A building collapsed after a blast in a factory that caught fire this morning, an "
                     "official said.\n\nMore: \"Three were killed in an air raid,\" a spokesman told reporters.")
    assert {q.speaker.text for q in quotes if q.speaker} <= {"an official", "a spokesman"}, quotes


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


def test_a_reported_statement_does_not_run_on_into_the_next_quotation() -> None:
    """Only a quoted part one runs on over its attribution into part two: an indirect one stops at its speaker,
    and the next quotation is its own (here another speaker's, with a cue of its own)."""
    quotes = _quotes("Tara Reid has checked herself into rehab, a publicist said. \"Tara was 100 percent "
                     "professional,\" he told E! News.")
    assert _one(quotes, "checked herself").content.text == "Tara Reid has checked herself into rehab"
    assert not any("publicist said" in q.content.text for q in quotes), [q.content.text for q in quotes]


def test_a_quotation_does_not_run_on_over_a_sentence_with_its_own_attribution() -> None:
    q = _one(_quotes("“I wonder how the troops in Texas enjoy that,” McCain said. The longtime senator said he "
                     "rarely asks surrogates to stump for him, “except for people I’m very close to.”"), "I wonder")
    assert "longtime senator" not in q.content.text


def test_a_quotation_right_after_a_reported_statement_goes_on_with_its_speaker() -> None:
    q = _one(_quotes("The stakes are high for both campaigns, Becerra said. \"Nevada will give us a closer read of "
                     "the country.\" Polls open at noon."), "closer read")
    assert q.speaker is not None and q.speaker.text == "Becerra" and "Becerra said" not in q.content.text


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


def test_typewriter_quote_pairs_are_quotation_marks() -> None:
    """News archives write ''...'' for a double quote: the quotation is direct and whole, the speaker found."""
    q = _one(_quotes("''We will win this state by a wide margin,'' she said on Tuesday."), "wide margin")
    assert q.direct
    assert q.content.text.startswith("''We will")
    assert q.speaker is not None and q.speaker.text == "she"


def test_backtick_quotes_close_at_the_next_apostrophe_pair() -> None:
    """Treebank-style ``...'' marks: a scare-quoted phrase is a short quotation, not the rest of the paragraph, so
    a sentence with two of them is not a direct quote of whoever it is about."""
    text = ("The warship received a `` distress call '' from the vessel Gibe that it was being attacked by a pirate "
            "`` mother dhow '' and a speedboat.")
    assert not any(q.direct for q in _quotes(text))
    q = _one(_quotes("``We will win this state by a wide margin,'' she said on Tuesday."), "wide margin")
    assert q.direct and q.speaker is not None and q.speaker.text == "she"


def test_conjoined_speakers_are_one_speaker_not_the_first_name() -> None:
    q = _one(_quotes("Senator Mary Smith and Governor Tom Jones said the bridge would reopen in May."),
             "bridge would reopen")
    assert q.speaker is not None and "Mary Smith" in q.speaker.text and "Tom Jones" in q.speaker.text
    assert q.speaker_canonical not in ("Mary Smith", "Tom Jones")
    # two roles of one person joined by "and" are one speaker, named
    q = _one(_quotes("“Jesus believed in fun,” said the pastor and celebrant Father Francis Cauterrucci, who wore a "
                     "mask."),
             "believed in fun")
    assert q.speaker_canonical == "Francis Cauterrucci"


def test_a_reporting_noun_with_only_a_topic_is_not_an_attribution() -> None:
    """"warning about X" names what the warning concerned; "warning that X" says what was warned."""
    topic = _quotes("The ministry's new warning about the company's plans for the harbour comes as the vote nears.")
    assert not any(q.cue is not None and q.cue.text == "warning" for q in topic)
    claim = _one(_quotes("The minister's warning that the harbour would close came as the vote neared."),
                 "harbour would close")
    assert claim.speaker is not None and claim.speaker.text == "The minister"


def test_two_cues_ending_on_one_quotation_give_one_attribution() -> None:
    """“...,” Kirby noted, referring to ...: both cues extended to the same quotation are one attribution, the
    surer cue kept; another speaker of the same words stays."""
    from storyline.model import Span
    from storyline.nlp.quotes import _same_content_once

    words, kirby, other = Span(0, 40, "w"), Span(42, 47, "Kirby"), Span(60, 65, "Lopez")
    noted = Quote(content=words, speaker=kirby, cue=Span(48, 53, "noted"))
    referring = Quote(content=words, speaker=kirby, cue=Span(55, 64, "referring"))
    lopez = Quote(content=words, speaker=other, cue=Span(66, 70, "said"))
    kept = _same_content_once([noted, referring, lopez], {id(noted): 0.9, id(referring): 0.4, id(lopez): 0.8})
    assert kept == [noted, lopez]


def test_a_nested_attribution_needs_a_surer_model() -> None:
    """"Kirby said that Rubio's claim that ... is untrue": the inner "claim" stays only when the model is sure."""
    from storyline.model import Span
    from storyline.nlp.quotes import _drop_weak_inner

    outer = Quote(content=Span(11, 80, "that ..."), speaker=Span(0, 5, "Kirby"), cue=Span(6, 10, "said"))
    inner = Quote(content=Span(30, 60, "that ..."), speaker=Span(16, 21, "Rubio"), cue=Span(24, 29, "claim"))
    assert _drop_weak_inner([outer, inner], {id(outer): 0.9, id(inner): 0.5}, 0.6) == [outer]
    assert _drop_weak_inner([outer, inner], {id(outer): 0.9, id(inner): 0.7}, 0.6) == [outer, inner]


def test_going_on_doing_something_is_not_saying_it() -> None:
    text = ("The Biden administration's new warning about Russia's quest for military support on Wednesday comes as "
            "Ukrainian forces continue to make slow and steady territorial gains amid their grueling counteroffensive "
            "in the eastern and southern regions.")
    assert analyze_article(Article(id="a", text=text)).quotes == []


def test_a_long_clause_before_kirby_said_is_what_he_said() -> None:
    text = ("After the summit in July, which coincided with a parade in the capital, another group of officials "
            "traveled to the region for follow-up talks about potential trade deals, the spokesman said, adding that "
            "negotiations could continue for months.")
    said = [q for q in analyze_article(Article(id="a", text=text)).quotes if q.cue and q.cue.text == "said"]
    assert len(said) == 1 and said[0].content.text.startswith("After the summit in July")
    assert said[0].content.text.endswith("potential trade deals") and said[0].speaker.text == "the spokesman"


def test_a_dateline_is_not_the_speaker() -> None:
    text = ("Committee apologises\n\nPHILADELPHIA, July 25 (UPI) — The Democratic National Committee released a "
            "statement on Monday, offering “a deep and sincere apology” to Sen. Bernie Sanders.")
    q = _one(_quotes(text), "sincere apology")
    assert q.speaker is not None and q.speaker.text == "The Democratic National Committee"


def test_a_quotation_followed_by_its_own_attribution_is_that_speakers_not_the_previous_ones():
    text = ('Mayor Jane Ortiz rejected the criticism on Monday. "The plan is working, and the numbers show it," Ortiz '
            'said.\n\n"Is Mayor Ortiz going to finally admit the tunnel is a failure? If she doesn\'t she should resign!" '
            'the leading opposition candidate, Tom Reyes, tweeted Sunday after a flood in the tunnel.\n\n'
            '"We will keep building," Ortiz said on Tuesday.\n\n"The tunnel opens next spring, on time and on budget."\n')
    (an,) = analyze_articles([Article("a", text, blocks=[Block(0, len(text), "body")])])
    tweet = [q for q in an.quotes if "admit the tunnel" in q.content.text]
    assert len(tweet) == 1 and tweet[0].speaker_canonical == "Tom Reyes"
    assert "admit the tunnel" not in next(q for q in an.quotes if "The plan is working" in q.content.text).content.text
    # a paragraph that is only a quotation still continues the speaker before it
    assert any("opens next spring" in q.content.text and q.speaker_canonical == "Jane Ortiz" for q in an.quotes)


def test_a_ship_is_not_the_person_a_pronoun_speaker_stands_for():
    text = ("The Indian warship INS Mysore answered a distress call from a merchant vessel on Saturday. INS Mysore "
            "launched a helicopter with commandos on board.\n\nThe pirates had fired at the merchant vessel with "
            "small arms before the commandos arrived, he said.\n")
    (an,) = analyze_articles([Article("a", text, blocks=[Block(0, len(text), "body")])])
    assert all(m.label != "PERSON" for m in an.entities if "Mysore" in m.text)
    fired = next(q for q in an.quotes if "had fired" in q.content.text)
    assert fired.speaker_canonical != "INS Mysore"


def test_a_building_named_after_a_person_is_not_the_person_a_pronoun_speaker_stands_for():
    text = ("It was Mr. Trump who particularly seemed like a different candidate. As he spoke in the lobby of Trump "
            "Tower, there were no freewheeling presentations, as in the past. He said the race was over.\n")
    (an,) = analyze_articles([Article("a", text, blocks=[Block(0, len(text), "body")])])
    assert [m.label for m in an.entities if m.text == "Trump Tower"] == ["FAC"]
    over = _one(an.quotes, "the race was over")
    assert over.speaker_canonical == "Trump"


def test_a_sentence_before_a_semicolon_is_not_what_the_next_clause_says():
    quotes = _quotes("There was no reference to ''Lyin' Ted'' or ''Crooked Hillary''; he called his opponent "
                     "''Senator Cruz'' instead.")
    assert not [q for q in quotes if "no reference" in q.content.text]
    assert _one(quotes, "Senator Cruz").content.text.endswith("Senator Cruz''")  # its quotation closed


def test_a_newsletter_item_names_its_source_after_the_dash_not_its_headlines_subject():
    quotes = _quotes("Media shares blame in Iowa poll overhype - HuffPollster: “Pollsters are taking a lot of heat "
                     "from the public and the media for not anticipating the victory.”")
    assert [q.speaker.text for q in quotes] == ["HuffPollster"]


def test_thats_according_to_a_source_attributes_the_sentence_before():
    quotes = _quotes("The plant will close in May. That's according to internal reports that the union obtained "
                     "on Saturday.\n\nThat's according to the union.")
    (q,) = quotes
    assert (q.speaker.text, q.content.text) == ("internal reports that the union obtained on Saturday",
                                                "The plant will close in May")


def test_a_question_quoted_before_a_lower_case_attribution_is_one_sentence_with_its_speaker():
    text = ('Clinton "vehemently offers support for Wall Street as a recovery effort. Does that fly?" former Obama '
            'adviser David Axelrod asked on Twitter.\n')
    (an,) = analyze_articles([Article("a", text, blocks=[Block(0, len(text), "body")])])
    assert not [s.text for s in an.sentences if s.text.startswith("former")]  # no sentence of its own
    (q,) = an.quotes
    assert q.speaker.text == "former Obama adviser David Axelrod" and q.content.text.endswith('Does that fly?"')


def test_according_to_the_release_of_someone_elses_words_is_not_their_source():
    quotes = _quotes("“Nothing truly prepares you for the demands of the Oval Office,” the two-term president will "
                     "say, according to excerpts of his speech released by the White House. Prices rose 3 percent, "
                     "according to the bureau.")
    assert sorted(q.speaker.text for q in quotes) == ["the bureau", "the two-term president"]


def test_a_name_after_an_abbreviated_rank_is_the_speaker():
    text = ("At least a dozen employees had been celebrating when the gunman entered the party, according to "
            "Vancouver Police spokesperson Const. Tim Fanning.\n")
    (an,) = analyze_articles([Article("a", text, blocks=[Block(0, len(text), "body")])])
    (q,) = [q for q in an.quotes if "celebrating" in q.content.text]
    assert q.speaker_canonical == "Tim Fanning"


def test_a_quotation_that_goes_on_into_the_next_line_takes_the_attribution_that_closes_it() -> None:
    """Text with a line per sentence breaks a quotation: its first line opens it and the next closes it before the
    attribution. The first line is the same speaker's words, not a quotation paragraph of whoever spoke last."""
    lines = ["LaCalamita was asked by Judge Michael Martone if he understood the charges against him.",
             "He responded, \"Yes,\" to the series of questions posed by Martone.",
             "\"She didn't do it.", "She didn't fire him, \" Charlene Kafoury said.",
             "LaCalamita sat nearby and did not react."]
    text = "\n".join(lines)
    blocks, pos = [], 0
    for line in lines:
        blocks.append(Block(pos, pos + len(line), "body"))
        pos += len(line) + 1
    quotes = analyze_article(Article(id="t", text=text, published="2008-04-09", blocks=blocks)).quotes
    q = _one(quotes, "She didn't do it")
    assert "She didn't fire him" in q.content.text and q.speaker_canonical == "Charlene Kafoury", (
        q.content.text, q.speaker_canonical)
    # the quotation ends where it closes: the lines after it are nobody's words
    assert not [x.content.text for x in quotes if "sat nearby" in x.content.text]


def test_a_quotation_after_a_long_attribution_goes_on_with_the_same_speaker() -> None:
    """'"A," Mr. Obama said on Saturday night at the gala dinner in Washington, where Mrs. Clinton also spoke.
    "B."': B is still Obama's, however long the attribution between the two parts."""
    quotes = _quotes("\"My name may not be on the ballot, but our progress is on the ballot,\" Mr. Obama said on "
                     "Saturday night at the Congressional Black Caucus Foundation gala dinner in Washington, where "
                     "Mrs. Clinton also spoke. \"Tolerance is on the ballot. Democracy is on the ballot.\"")
    q = _one(quotes, "Tolerance")
    assert "our progress" in q.content.text and q.speaker is not None and q.speaker.text == "Mr. Obama", (
        q.content.text, q.speaker)
    # but not past another sentence: the next quotation is someone else's to claim
    other = _quotes("\"We will win big,\" Trump said on Monday. Clinton has been frank about her plans for taxes. "
                    "\"I need to raise revenue from the wealthiest Americans,\" she said.")
    assert "raise revenue" not in _one(other, "win big").content.text


def test_a_described_speaker_with_a_name_in_apposition_is_that_name() -> None:
    """"A third US car manufacturer, Ford Motor Company, has said ...": who spoke is Ford, not "a third US car
    manufacturer"; a description with no name after it stays a description."""
    named = _one(_quotes("GM said it could be profitable in two years.\nA third US car manufacturer, Ford Motor "
                         "Company, has said that it can make it through this year without any government aid."),
                 "make it through")
    assert named.speaker_canonical == "Ford Motor Company", named.speaker_canonical
    unnamed = _one(_quotes("A police spokesman, speaking on condition of anonymity, said the suspect fled north."),
                   "suspect fled")
    assert unnamed.speaker_canonical == "A police spokesman", unnamed.speaker_canonical
    # a name that opens what was said is who it is about, not who said it
    about = _one(_quotes("According to police, Anthony LaSalle, 36, of Minneapolis, hit and killed a woman in the "
                         "parking lot of the store Wednesday night."), "hit and killed")
    assert about.speaker_canonical == "police", about.speaker_canonical


def test_a_paragraph_that_reopens_a_quotation_under_another_name_is_that_speakers() -> None:
    """A quotation left open at its paragraph's end goes on in the next paragraph that reopens one, unless that
    paragraph names its own speaker: Clyburn's words were not Moore's, nor Moore's his."""
    paragraphs = ["“It’s a dog whistle to all Americans,” Rep. Gwen Moore said Friday. “If indeed Barack Obama is not "
                  "legitimate, how can you feel good about yourself.",
                  "“I have been doing a lot of thinking recently about where we are as a country,” added Rep. Jim "
                  "Clyburn, the assistant leader of the Democratic caucus. “These are howls. These are not whistles.”"]
    text = "\n\n".join(paragraphs)
    blocks = [Block(0, len(paragraphs[0]), "body"), Block(len(paragraphs[0]) + 2, len(text), "body")]
    quotes = analyze_article(Article(id="t", text=text, published="2016-09-16", blocks=blocks)).quotes
    thinking = _one(quotes, "thinking recently")
    assert "If indeed" not in thinking.content.text and thinking.speaker_canonical == "Jim Clyburn", (
        thinking.content.text, thinking.speaker_canonical)
    assert all(q.speaker_canonical == "Gwen Moore" for q in quotes if "If indeed" in q.content.text)


def test_she_is_not_the_last_speaker_when_the_text_shows_him_a_man() -> None:
    """"she said" after Mr. Trump spoke is Mrs. Clinton's, named in between; without titles or roles the last
    speaker still holds."""
    quotes = _quotes("\"We will win big,\" Mr. Trump said on Monday. Mrs. Clinton has been frank about her plans "
                     "for taxes. \"I need to raise revenue from the wealthiest Americans,\" she said.")
    assert _one(quotes, "raise revenue").speaker_canonical == "Clinton"
    plain = _quotes("\"We will win big,\" Trump said on Monday. Voters have heard a lot about taxes from both "
                    "candidates this year. \"I need to raise revenue from the wealthiest Americans,\" she said.")
    assert _one(plain, "raise revenue").speaker_canonical == "Trump"  # nothing shows Trump is a man: unchanged


def test_he_is_never_a_store_the_tagger_took_for_a_person() -> None:
    """The headline's "Bloomington Sam's Club" reads as a person to the small tagger; "he admitted" in the next
    line is the suspect nobody has named yet, not the store."""
    text = ("Bloomington Sam's Club hit-run driver's alcohol level: .41\n"
            "The suspect in the death at a Sam's Club had a blood- alcohol level more than five times the legal limit, "
            "according to charges, and he admitted he felt his car run over someone.")
    felt = _one(_quotes(text), "felt his car")
    assert felt.speaker_canonical is None or "Club" not in felt.speaker_canonical, felt.speaker_canonical


def test_a_quotation_that_has_ended_is_not_joined_to_the_next_sentences_words() -> None:
    """'... believe "that climate change is real." He enacted rules ...': the quotation closed with a full stop and
    the next sentence quotes nothing, so "rules to cut emissions" is not its second part."""
    quotes = _quotes('Most Americans have come to believe "that climate change is real." He enacted rules to cut '
                     'emissions from cars and coal plants.')
    assert not any("real" in q.content.text and "rules" in q.content.text for q in quotes), \
        [q.content.text for q in quotes]


def test_a_relative_clause_attribution_reports_what_follows_its_verb() -> None:
    """"the Federal mine, which Mr. Clarke says he is doing everything he can to keep open": Clarke's words are what
    follows "says", not a content that holds his own name and verb."""
    q = _one(_quotes("The union took a 20 percent stake in the Federal mine, which Mr. Clarke says he is doing "
                     "everything he can to keep open even though it doesn't break even."), "everything he can")
    assert q.content.text.startswith("he is doing everything"), q.content.text


@pytest.mark.parametrize("text, needle, ends", [
    # an attribution inside the sentence: the content runs on past it (PolNeAR marks both parts)
    ("In the three years since the Sandy Hook shootings, Barden says, far too many lives have been lost to gun "
     "tragedies.", "Sandy Hook", "lost to gun tragedies"),
    # ... however many words the rest quotes on the way
    ("Vice President Joe Biden, Rubio said, had been in the Senate for \"a thousand years\" and passed few laws.",
     "Joe Biden", "passed few laws"),
    # a second attribution after it ("adding that ...") is not part of the first
    ("Officials traveled to the region for follow-up talks about potential trade deals, the spokesman said, adding "
     "that negotiations could continue for months.", "follow-up talks", "potential trade deals"),
    # a clause the parser cut in two ("says | the woman accused of ... | is a good person") is said whole
    ("Kenneth Dorsey says the woman accused of killing two co-workers at the Kraft plant in Northeast Philly is a good "
     "person.", "the woman accused", "is a good person"),
    ("Authorities say the incident began after the fifteen-year employee, 43-year-old Yvonne Hiller, was suspended.",
     "the incident began", "was suspended"),
])
def test_what_was_said_ends_where_the_sentence_says_it_does(text: str, needle: str, ends: str) -> None:
    q = _one(_quotes(text), needle)
    assert q.content.text.endswith(ends), q.content.text


def test_what_someone_was_asked_ends_before_the_one_asked() -> None:
    """"Asked what a firm commitment looks like, Devine replied: “...”": the question put to Devine is "what a firm
    commitment looks like", not a span running on over Devine's own answer."""
    quotes = _quotes("Asked what a firm commitment looks like, Devine replied: “We are a long way off from that.”")
    asked = next(q for q in quotes if q.cue is not None and q.cue.text == "Asked")
    assert asked.content.text == "what a firm commitment looks like", asked.content.text


def test_a_participle_after_the_speakers_verb_does_not_take_the_quotation_before_it() -> None:
    """'"...," Buchanan said, noting that Manafort did not lose a delegate': the quotation is what Buchanan said;
    what he noted is only the "that" clause."""
    quotes = _quotes('"You are down to the number of people you can count and meet," Buchanan said, noting that '
                     'Manafort did not lose a single Ford delegate.')
    noted = _one(quotes, "Manafort did not lose")
    assert noted.content.text == "that Manafort did not lose a single Ford delegate", noted.content.text


def test_he_is_the_person_the_text_has_turned_to_not_the_last_speaker() -> None:
    text = ('Coach Roy Williams praised the team. "We played hard," Williams said. Hansbrough, who looked as though '
            'he was pressing all night, admitted to the nerves. They showed when Hansbrough stole an inbounds pass, '
            'only to miss a dunk. "I felt like there was a lot of pressure," he said.')
    assert _one(_quotes(text), "a lot of pressure").speaker_canonical == "Hansbrough"
    # a short sentence opening with a name right before the quotation gives its speaker
    text = ('"We will win big," Trump said on Monday. Williams agreed.\n"I said we would win it all," he said.')
    assert _one(_quotes(text), "win it all").speaker_canonical == "Williams"
    # a name inside what the last speaker said does not take "he" from him
    text = 'Williams said the team would improve after Hansbrough broke the record. "We have work to do," he said.'
    assert _one(_quotes(text), "work to do").speaker_canonical == "Williams"


def test_a_subheading_before_a_colon_is_not_a_speaker() -> None:
    quotes = _quotes("Success on Signature Issue: Mr. Ban focused on climate change as a signature issue shortly "
                     "after assuming his post.")
    assert not [q for q in quotes if q.speaker and q.speaker.text == "Success"], quotes
    q = _one(_quotes("Clinton to Planned Parenthood: Trump will defund you."), "Trump will defund you")
    assert q.speaker.text == "Clinton"


def test_a_curly_quotation_closed_by_a_straight_mark_ends_there() -> None:
    # scraped text mixes marks; the attribution after the straight mark is the quotation's own
    quotes = _quotes('According to an NYPD release, the driver fled the scene.\n'
                     '“They drive reckless around here," a bystander told CBS.\n')
    q = _one(quotes, "drive reckless")
    assert q.speaker is not None and q.speaker.text == "a bystander", q


def test_a_treebank_quotation_going_on_into_the_next_line_takes_the_attribution_that_closes_it() -> None:
    text = ("Former Duke star J.J. Redick holds that mark with 2,769 points.\n"
            "`` I don't put anything past Tyler.\n"
            "If somebody tells me he's going to break the scoring record, you never say never when it comes to "
            "Tyler, '' Gene Hansbrough said.")
    assert _one(_quotes(text), "put anything past").speaker_canonical == "Gene Hansbrough"


@pytest.mark.parametrize("text, needle, speaker", [
    # the parser makes the opening participle the subject and hangs the name off it
    ("Writing in a company blog, Mike Reavey, director of the Microsoft Security Response Center, urged users to "
     "deploy the update as quickly as possible.", "deploy the update", "Mike Reavey"),
    ("Writing from Brooklyn, N.Y., Viena K. Neaville told Nixon that choosing Felt would be good for him.",
     "choosing Felt", "Viena K. Neaville"),
    # "1, 300" comes out as two subjects, "1" and "scientists"
    ("More than 1, 300 federal and independent scientists today called on the Interior Department to overturn the "
     "rule changes.", "overturn the rule", "More than 1, 300 federal and independent scientists"),
    # a statement's words are those of whom it is from: two statements are two speakers, not "A statement"
    ("A statement from Waitrose said the store would be rebuilt. A statement from Surrey police said the blaze was "
     "being treated as suspicious.", "store would be rebuilt", "Waitrose"),
    ("A statement from Waitrose said the store would be rebuilt. A statement from Surrey police said the blaze was "
     "being treated as suspicious.", "treated as suspicious", "Surrey police"),
    # an opening participle with no name of its own leaves the subject as it is
    ("Speaking to reporters, the mayor said the road would reopen on Monday.", "road would reopen", "the mayor"),
    # the name is hung on the role's "of": who spoke is the person the phrase ends with ...
    ("\"It is too early to see a trend,\" said the vice president and chairman of Chrysler LLC Jim Press.",
     "too early", "Jim Press"),
    ("The union will likely sit out the election altogether, UMWA Director of Government Affairs Phil Smith said.",
     "sit out", "Phil Smith"),
    # ... but a person right after "of" is whose mother she is, not who spoke
    ("The mother of John Smith said her son was innocent.", "was innocent", "The mother"),
    # the role and the name both parsed as subjects: the name
    ("White House chief of staff John Kelly said the president would sign the bill.", "sign the bill", "John Kelly"),
    # the "of" phrase says who: a group of whom, the chief of what
    ("A team of researchers said the drug reduced deaths by a third.", "reduced deaths", "A team of researchers"),
    ("The chief of police said the road was closed.", "road was closed", "The chief of police"),
    # what a statement says was said by whoever issued it
    ("A group of Washington politicians released a joint statement saying \"We will be asking tough questions.\"",
     "tough questions", "A group of Washington politicians"),
    # an outlet that quoted someone as saying it reported their words
    ("\"We do not need to buy aircraft from Europe,\" Detik.com quoted Djamal as saying.", "buy aircraft", "Djamal"),
    ("Reuters quoted the minister as saying that the talks had failed.", "talks had failed", "the minister"),
])
def test_the_speaker_is_who_the_subject_names_not_how_the_parser_split_it(text: str, needle: str, speaker: str) -> None:
    said = _one(_quotes(text), needle)
    assert said.speaker is not None and said.speaker.text == speaker, said.speaker


@pytest.mark.parametrize(("text", "needle", "speaker"), [
    # "she" after an unnamed woman spoke is that woman, not the person she spoke of
    ("A Brooklyn woman who saw the police shooting of 16-year-old Kimani Gray says the youth did not have a gun in "
     "his hand.\n“I couldn’t see what the kids were doing,” she said.", "see what the kids", "A Brooklyn woman"),
    # once the text names someone after the unnamed speaker, "he" is no longer the unnamed one
    ("A police spokesman said the suspect was caught at the border. Ahmed Ali was charged on Monday with murder. "
     "Ali's lawyer met him in jail.\nHe said he was innocent.", "innocent", "Ahmed Ali"),
    # "The senator said" after a sentence that opens with Bernie Sanders is Sanders (PolNeAR had 109 such speakers
    # left unnamed)
    ("Bernie Sanders said he wants to close four loopholes in the tax code.\n\nThe senator said he would introduce "
     "legislation next year.", "introduce legislation", "Bernie Sanders"),
    # ... and not Trump, whom the sentence before names only as the owner of a plan
    ("Hillary Clinton has a word for Donald Trump's plan to deport 11 million people: No. Clinton spoke in Iowa.\n\n"
     "The Democratic presidential candidate said the idea was absurd.", "absurd", "Hillary Clinton"),
    # the one person titled for the office, not the last speaker
    ("Donald Trump attacked Sen. Ted Cruz on Monday. \"He is a liar,\" Trump said. The senator said he would not "
     "respond to the attack.", "not respond", "Ted Cruz"),
    # "who" after the dash that opens an aside is the name before the dash
    ("GOP front-runner Donald Trump - who previously said he would bomb the oil fields - spoke at a rally in Texas.",
     "bomb the oil fields", "Donald Trump"),
    # "she" is not the last speaker when his given name is a man's: the woman named since
    ("\"We will not give up,\" Barack Obama said. During a CNN town hall on Monday, Tina Houchins had a question for "
     "the president.\n\"My son gave his life for this country,\" she said.", "gave his life", "Tina Houchins"),
    ("\"It is a lot of money,\" Robert Mercer said of his gift. On Monday, Anna Teachout decided to go after the "
     "donor. In a video posted on Facebook, she said he should debate her.", "should debate her", "Anna Teachout"),
    ("The race is between Hillary Clinton and Donald Trump. She says he is unqualified to be president.",
     "unqualified", "Hillary Clinton"),
    # one person is not both "she" and "he", whatever the given name: the last speaker, called "she", is not this "he"
    # a quotation-led sentence is about the one it quotes: "The longtime senator" after '"...," McCain said.'
    ("Sen. John McCain faces a primary. Sen. Ted Cruz won Texas.\n\n“I wonder how the troops in Texas enjoy that,” "
     "McCain said. The longtime senator said he rarely asks surrogates to stump for him.", "rarely asks",
     "John McCain"),
    ("Kelly Ayotte spoke first at the hearing. She said the plan would fail. Mitt Romney disagreed with that. He said "
     "the plan would work.", "would work", "Mitt Romney"),
])
def test_an_unnamed_or_described_speaker_is_the_person_meant(text: str, needle: str, speaker: str) -> None:
    assert _one(_quotes(text), needle).speaker_canonical == speaker


def test_a_description_far_into_an_article_is_the_person_meant_too() -> None:
    """The sentence before a description is found wherever it stands, not only in an article's first 1,500
    characters ("The Florida senator" after "Rubio offered ..." had gone to a Clinton named far above)."""
    filler = "Polls opened at seven in the morning and lines were long in the suburbs.\n\n" * 30
    text = (filler + "Hillary Clinton won North Carolina.\n\n" + filler + "Marco Rubio spoke over boos from the audience. "
            "Rubio offered the crowd an emotional evaluation of politics.\n\nThe senator said he would "
            "not run for governor.")
    assert _one(_quotes(text), "run for governor").speaker_canonical == "Marco Rubio"


def test_a_trailing_attribution_the_parser_hung_off_the_verb_before_it_names_its_own_speaker() -> None:
    """"X cannot say that “...,” Lewandowski added": the parse makes "added" the complement of "say"; the words
    before the speaker are what he added, and they stop where his attribution starts."""
    quotes = _quotes("Comey cannot say that “from his perspective,” Lewandowski added, saying it should be “up to "
                     "the prosecutor to move forward or not.”")
    q = _one(quotes, "Comey cannot say")
    assert q.speaker is not None and q.speaker.text == "Lewandowski"
    assert not any("Lewandowski added" in x.content.text for x in quotes), quotes


def test_the_clause_after_a_comma_and_is_not_what_the_first_subject_said() -> None:
    quotes = _quotes("Trump called the system “rigged” in a tweet Tuesday, and a few Republican lawmakers have called "
                     "for a special prosecutor to take a look at the FBI’s findings.")
    trump = [q.content.text for q in quotes if q.speaker and q.speaker.text == "Trump"]
    assert trump and not any("lawmakers" in t or t.endswith("and") for t in trump), trump


def test_a_subheading_whose_topic_the_paragraph_names_is_not_a_speaker() -> None:
    quotes = _quotes("Delegates split evenly.\n\nSuperdelegates: Clinton is backed by 520 superdelegates compared with "
                     "39 who back Sanders. Supporters have launched petitions.\n\nRepublicans: Obama plan will fail "
                     "in the Senate.")
    assert [q.speaker.text for q in quotes if q.cue is not None and q.cue.text == ":"] == ["Republicans"], quotes


def test_a_quotation_with_a_name_of_its_own_after_it_is_not_joined_to_the_speaker_before() -> None:
    quotes = _quotes("''We need to train moderates,'' Mrs. Clinton said Saturday. ''Troops are not the answer,'' "
                     "Benjamin J. Rhodes said Sunday. ''It will take years,'' he said.")
    clinton = _one(quotes, "train moderates")
    assert clinton.speaker is not None and clinton.speaker.text == "Mrs. Clinton"
    assert "Troops" not in clinton.content.text, clinton.content.text
    rhodes = _one(quotes, "Troops are not")
    assert rhodes.speaker is not None and rhodes.speaker.text == "Benjamin J. Rhodes"


def test_a_name_that_introduces_the_next_quotation_leaves_the_one_before_to_its_speaker() -> None:
    quotes = _quotes("''We are refugees,'' Ms. Alawee said. ''We are not terrorists.'' Mr. Zahed said: ''The attack "
                     "that happened today is the work of terrorists.''")
    alawee = _one(quotes, "We are refugees")
    assert alawee.speaker is not None and alawee.speaker.text == "Ms. Alawee"
    assert "not terrorists" in alawee.content.text  # the same speaker goes on
    zahed = _one(quotes, "The attack")
    assert zahed.speaker is not None and zahed.speaker.text == "Mr. Zahed"
    assert "not terrorists" not in zahed.content.text, zahed.content.text


def test_what_one_speaker_said_ends_where_the_sentence_turns_to_another() -> None:
    text = ("USAF officials said that the contract had been awarded based on competence, with UBS analyst David "
            "Strauss saying \"The key decision was the amount of fuel the bigger plane could carry.\"")
    officials = _one(_quotes(text), "based on competence")
    assert officials.content.text.endswith("based on competence"), officials.content.text
    strauss = _one(_quotes(text), "key decision")
    assert strauss.speaker is not None and strauss.speaker.text == "UBS analyst David Strauss"


def test_a_role_after_the_verb_with_the_name_closing_the_sentence_is_that_name() -> None:
    said = _one(_quotes("\"I want to thank our teams for their work,\" said Airbus President and Chief Executive "
                        "Officer, Tom Enders."), "thank our teams")
    assert said.speaker_canonical == "Tom Enders", said.speaker_canonical


def test_what_someone_is_quoted_as_saying_starts_after_as_saying() -> None:
    said = _one(_quotes("GovExec.com quotes a \"Senate aide\" as saying: \"The House language ignores an analysis "
                        "of alternatives.\""), "House language")
    assert said.content.text.startswith("\"The House language"), said.content.text
    assert said.speaker is not None and "Senate aide" in said.speaker.text



def test_a_participle_says_the_quotation_after_it_not_a_phrase_quoted_before_it() -> None:
    text = ("He pounced on news that the server had handled messages later deemed \"top secret,\" saying in a post on "
            "Twitter: \"The new email release is a disaster for Hillary Clinton.\"")
    said = [q for q in _quotes(text) if q.cue is not None and q.cue.text == "saying"]
    assert [q.content.text for q in said] == ["\"The new email release is a disaster for Hillary Clinton.\""], \
        [q.content.text for q in said]


def test_a_description_is_not_someone_the_article_shows_otherwise() -> None:
    """The description must fit: "the Florida senator" is not Sen. Joni Ernst of Iowa, "the president" is not
    whoever spoke last, and "the other candidate" is someone else."""
    florida = _quotes("Marco Rubio, who is third in many Iowa polls, stressed defense during an appearance with Sen. "
                      "Joni Ernst, R-Iowa.\n\nThe Florida senator told reporters he feels good about his campaign.")
    assert _one(florida, "feels good").speaker_canonical != "Joni Ernst"
    for text in ("Bernie Sanders said he wants to close loopholes. The president said he would sign no such bill.",
                 "Bernie Sanders said he wants to close loopholes. The other candidate said the plan would fail."):
        assert _one(_quotes(text), "would").speaker_canonical != "Bernie Sanders", text


def test_a_description_set_off_after_a_name_is_that_name() -> None:
    quotes = _quotes("The stop-Trump campaign found a possible new leader in Mitt Romney, the party's 2012 presidential "
                     "nominee, who is expected to deliver a forceful indictment of Trump on Thursday.")
    described = [q for q in quotes if q.speaker and q.speaker.text.startswith("the party's")]
    assert described and all(q.speaker_canonical == "Mitt Romney" for q in described), quotes
