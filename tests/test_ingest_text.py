"""The .txt reader and the cleaning rules: what a user pastes from a news site becomes a title, an outlet and body.

The seeds are two real reports of one story; the rest are small texts built here for one rule each.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.ingest import read_paths
from storyline.ingest.clean import is_boilerplate, is_caption, is_credit, mark_blocks
from storyline.model import Article, Rejected


def _body(text: str) -> list[str]:
    """The body paragraphs of a text whose first line is its title, as ingest marks them."""
    return [text[b.start:b.end] for b in mark_blocks(text, first_line_is_title=True) if b.kind == "body"]


def _read(*paths: Path | str) -> list[Article | Rejected]:
    return list(read_paths(paths))


def _kind_of(article: Article, needle: str) -> set[str]:
    """The kinds of the blocks that hold `needle` (a phrase of the text)."""
    at = article.text.index(needle)
    return {b.kind for b in article.blocks if b.start <= at < b.end}


def _assert_blocks_slice_text(article: Article) -> None:
    """Blocks are ordered, do not overlap, start and end on non-space, and cover every non-blank character."""
    covered = [False] * len(article.text)
    last_end = 0
    for b in article.blocks:
        assert last_end <= b.start < b.end <= len(article.text)
        chunk = article.text[b.start : b.end]
        assert chunk == chunk.strip() and chunk
        for i in range(b.start, b.end):
            covered[i] = True
        last_end = b.end
    uncovered = "".join(ch for ch, c in zip(article.text, covered) if not c)
    assert uncovered.strip() == ""


@pytest.fixture(scope="module")
def seeds() -> dict[str, Article]:
    root = Path(__file__).resolve().parents[1] / "examples" / "seeds"
    out = {}
    for item in read_paths([root]):
        assert isinstance(item, Article), item
        out[item.outlet or "?"] = item
    return out


def test_seed_titles_and_outlets(seeds: dict[str, Article]) -> None:
    assert set(seeds) == {"Global News", "Business Insider"}
    assert seeds["Global News"].title == "U.S. says Putin, Kim have swapped letters as Russia seeks arms for Ukraine"
    assert seeds["Business Insider"].title.startswith("Putin and Kim Jong Un have been trading letters")
    assert seeds["Business Insider"].title.endswith("White House says")


def test_seed_text_is_the_file_exactly(seeds: dict[str, Article]) -> None:
    for article in seeds.values():
        assert Path(article.source).read_text(encoding="utf-8") == article.text


def test_global_news_outlet_line_is_not_body(seeds: dict[str, Article]) -> None:
    gn = seeds["Global News"]
    assert _kind_of(gn, "Global News") == {"outlet"}
    assert _kind_of(gn, "Kirby declined to detail") == {"body"}
    assert "Global News" not in gn.body_text()


def test_business_insider_furniture_is_not_body(seeds: dict[str, Article]) -> None:
    bi = seeds["Business Insider"]
    assert _kind_of(bi, "• Arms negotiations between Russia") == {"bullet"}
    assert _kind_of(bi, "in this image released by North Korea") == {"caption"}
    assert _kind_of(bi, "AP Photo/Bram Janssen") == {"credit"}
    assert _kind_of(bi, "Read the original article on Business Insider") == {"footer"}
    body = bi.body_text()
    for furniture in ("AP Photo", "Read the original article", "•", "Ukrainian soldiers prepare shells", "in this image released"):
        assert furniture not in body
    # real paragraphs, including ones that mention dates and quote officials, stay body
    assert _kind_of(bi, "Last month, a Russian delegation led by") == {"body"}
    assert _kind_of(bi, "Iran, another country isolated") == {"body"}
    assert _kind_of(bi, "Schemes like the arms deal") == {"body"}
    assert len([b for b in bi.blocks if b.kind == "body"]) == 15


def test_seed_blocks_slice_the_text(seeds: dict[str, Article]) -> None:
    for article in seeds.values():
        _assert_blocks_slice_text(article)
        assert article.text[article.blocks[0].start : article.blocks[0].end] == article.title


def test_ids_are_stable_across_reads(seeds: dict[str, Article]) -> None:
    again = {a.outlet: a for a in _read(Path(seeds["Global News"].source).parent)}
    for outlet, article in seeds.items():
        assert again[outlet] == article
        assert article.id.startswith("sha1:") and len(article.id) == len("sha1:") + 16
    assert seeds["Global News"].id != seeds["Business Insider"].id


def test_same_text_with_other_line_endings_has_the_same_id(tmp_path: Path) -> None:
    body = "Storm closes port\n\nThe port closed on Monday as winds reached 120 km/h.\n"
    (tmp_path / "unix.txt").write_text(body, encoding="utf-8", newline="\n")
    (tmp_path / "dos.txt").write_bytes(body.replace("\n", "\r\n").encode("utf-8"))
    dos, unix = _read(tmp_path)
    assert dos.id == unix.id
    assert "\r\n" in dos.text  # kept exactly; only the id ignores the difference
    _assert_blocks_slice_text(dos)


def test_body_paragraph_with_a_date_is_kept() -> None:
    text = (
        "Ceasefire talks resume\n\n"
        "Negotiators met in Cairo on Friday, Aug. 18, 2023.\n\n"
        "The talks, which began on July 27, 2023, were adjourned after officials said no agreement was near.\n"
    )
    blocks = mark_blocks(text, first_line_is_title=True)
    kinds = [(text[b.start : b.end][:20], b.kind) for b in blocks]
    assert [k for _, k in kinds] == ["title", "body", "body"], kinds


def test_caption_shapes_are_recognised() -> None:
    assert is_caption("Kim Jong Un inspects a factory in this undated photo released by KCNA.")
    assert is_caption("Pictured: The damaged bridge on Monday")
    assert not is_caption("The photographer said she took the image on Monday.")
    assert not is_caption("Officials released new images of the damage on Tuesday, March 5, 2024.")


def test_credit_shapes_are_recognised() -> None:
    for credit in ("AP Photo/Bram Janssen", "Getty Images", "Reuters/Evelyn Hockstein", "Saul Loeb/AFP via Getty Images",
                   "Photo: Jane Doe/Reuters", "(AP Photo/Evan Vucci)", "Image source, Getty Images"):
        assert is_credit(credit), credit
    for not_credit in ("Reuters reported the deal on Monday.", "The AP said the photos were genuine.",
                       "Kirby said the 50/50 split was fair."):
        assert not is_credit(not_credit), not_credit


def test_boilerplate_shapes_are_recognised() -> None:
    for line in ("Sign up for our daily newsletter", "Subscribe to read more", "Related: Five things to know",
                 "Read more: How the deal was done", "By Jane Doe", "By JANE DOE and John Roe, Associated Press",
                 "Advertisement", "Follow us on Twitter", "Share this article", "(Reporting by Jane Doe; Editing by John Roe)",
                 "We Are Sorry,This video is restricted from playingEcode: 11.", "Video unavailable",
                 "Your browser does not support HTML5 video.", "Please enable JavaScript to view this content.",
                 "Contributing: The Associated Press", "Send questions/comments to the editors.",
                 "Listen to this article", "Toggle navigation", "Sign in to your account", "Most popular stories today",
                 "You are here: Home / News", "Are you sure you want to log out?", "Menu"):
        assert is_boilerplate(line), line
    for line in ("Following Shoigu's visit, officials traveled to Pyongyang.", "Subscribers to the service saw prices rise.",
                 "Related talks are expected next week.", "By Monday, the river had risen two metres.",
                 "Sorry, the minister said, but this video proves nothing.", "This video is evidence, prosecutors said.",
                 "Signing in to the new system took hours, staff said.", "Most popular with voters was the tax cut."):
        assert not is_boilerplate(line), line


def test_a_live_blog_entry_header_with_its_buttons_is_not_body() -> None:
    text = ("Live: the debate\n\n\"We need strong relationships,\" Rubio continued.\n"
            "Julia CravenFlagShareLikeReplyAni Vrabel 5ptsmoderatorFeaturedFebruary 6, 2016 10:57PMJeb Bush Hits "
            "Marco Rubio On Rape Exception For Abortions\n"
            "Jeb Bush criticized Marco Rubio for opposing legal abortion in cases of rape and incest.\n")
    kinds = {text[b.start:b.end][:12]: b.kind for b in mark_blocks(text, first_line_is_title=True)}
    assert kinds["Julia Craven"] != "body" and kinds["Jeb Bush cri"] == "body"
    assert not is_boilerplate("Share, like and reply to the post, the site asked its readers.")


def test_markup_a_scraper_left_around_a_paragraph_is_not_body() -> None:
    text = ('Poll shows a close race\n\nPeople are responding on social media.\n\n'
            '<tweet id="1" author="@hardball" datetime="2016-02-08">Sanders leads Clinton in the NBC poll</tweet>.\n\n'
            'The statement is accurate, so we rate it Mostly True.">Sanders said the rate is 51 percent.\n\n'
            'She said "yes" and <b>left</b>.\n')
    body = _body(text)
    assert body == ["People are responding on social media.", "Sanders leads Clinton in the NBC poll",
                    "Sanders said the rate is 51 percent.", "She said \"yes\" and <b>left</b>."]


def test_repeated_line_second_copy_is_a_caption() -> None:
    cap = "Rescue workers search the rubble of a collapsed building in Antakya, Turkey."
    text = f"Quake toll rises\n\nThe death toll rose past 40,000 on Friday.\n\n{cap}\n\nAid arrived by road.\n\n{cap}\n"
    blocks = mark_blocks(text, first_line_is_title=True)
    at = [b.kind for b in blocks if text[b.start : b.end] == cap]
    assert at == ["body", "caption"]


def test_caption_with_glued_credit_is_split() -> None:
    text = "Title\n\nA body paragraph.\n\nA soldier walks past a damaged tank near Kharkiv, Ukraine, May 3, 2024.Jane Doe/Reuters\n"
    blocks = mark_blocks(text, first_line_is_title=True)
    assert [(b.kind, text[b.start : b.end]) for b in blocks[-2:]] == [
        ("caption", "A soldier walks past a damaged tank near Kharkiv, Ukraine, May 3, 2024."),
        ("credit", "Jane Doe/Reuters"),
    ]


def test_hard_wrapped_paragraphs_are_one_block() -> None:
    text = ("Flood warning\n\nHeavy rain fell across the region on Sunday, and forecasters\n"
            "warned that rivers could burst their banks by Tuesday.\n\nSchools stayed open.\n")
    blocks = mark_blocks(text, first_line_is_title=True)
    assert [text[b.start : b.end] for b in blocks if b.kind == "body"] == [
        "Heavy rain fell across the region on Sunday, and forecasters\nwarned that rivers could burst their banks by Tuesday.",
        "Schools stayed open.",
    ]


def test_outlet_from_wire_dateline_and_url_line(tmp_path: Path) -> None:
    (tmp_path / "wire.txt").write_text(
        "Oil prices climb\n\nLONDON, Aug 30 (Reuters) - Oil prices rose on Wednesday after a large draw in US stocks.\n",
        encoding="utf-8",
    )
    (tmp_path / "url.txt").write_text(
        "Oil prices climb\n\nOil prices rose on Wednesday.\n\nhttps://www.theguardian.com/business/2023/aug/30/oil\n",
        encoding="utf-8",
    )
    url, wire = _read(tmp_path)
    assert wire.outlet == "Reuters"
    assert url.outlet == "The Guardian"
    assert url.url == "https://www.theguardian.com/business/2023/aug/30/oil"


def test_footer_names_the_outlet(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "Title here\n\nA paragraph of the story.\n\nThis article originally appeared on The Conversation.\n", encoding="utf-8"
    )
    (article,) = _read(tmp_path)
    assert article.outlet == "The Conversation"
    assert _kind_of(article, "This article originally") == {"footer"}


def test_publication_date_from_the_article_lines(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "Storm closes port\nPublished: Thursday, May 2, 2013, 1:32 PM\n\nThe port closed on Thursday as winds rose.\n",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text("Storm closes port\nMarch 01, 2008\nThe port closed on Saturday.\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text("Storm closes port\n\nThe port, closed since 03/05/2013, reopened.\n", encoding="utf-8")
    a, b, c = _read(tmp_path)
    assert a.published == "2013-05-02" and _kind_of(a, "Published:") == {"byline"}
    assert b.published == "2008-03-01" and _kind_of(b, "March 01, 2008") == {"byline"}
    assert c.published is None  # an ambiguous numeric date is not guessed


@pytest.mark.parametrize("stamp", ["9:53 AM, MON 22 JUL 2013", "Posted at 3:21 PM ET, 01/5/2011", "Dec. 24 4:33 AM EST",
                                   "POSTED: 04/02/07, 9:00 PM PDT |", "8:05am UK, Monday 16 September 2013"])
def test_a_time_stamp_under_the_title_is_not_body(tmp_path: Path, stamp: str) -> None:
    (tmp_path / "a.txt").write_text(f"Creighton beats Drake\n{stamp}\nCreighton 65, Drake 53\nThe Bluejays won.\n",
                                    encoding="utf-8")
    (article,) = _read(tmp_path)
    assert _kind_of(article, stamp) == {"byline"}
    assert _kind_of(article, "Creighton 65") == {"body"}  # a score is not a time stamp


def test_a_name_under_the_title_is_not_taken_for_an_outlet(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Council approves budget\nJerry Ortiz\nThe council approved the budget.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Council approves budget\nRiverside Daily Courier\nThe council approved it.\n", encoding="utf-8")
    a, b = _read(tmp_path)
    assert a.outlet is None
    assert b.outlet == "Riverside Daily Courier" and _kind_of(b, "Riverside") == {"outlet"}


def test_a_text_without_a_headline_keeps_its_first_paragraph(tmp_path: Path) -> None:
    first = ("The harbour bridge reopened to traffic on Thursday morning, five weeks after a winter storm tore away part "
             "of its eastern railing and damaged two support cables, city officials said, adding that the repairs had "
             "cost about 2.4 million dollars and were finished a week ahead of schedule. Commuters welcomed the news.")
    (tmp_path / "a.txt").write_text(first + "\n\nShops near the bridge reported a sharp fall in customers.\n", encoding="utf-8")
    (article,) = _read(tmp_path)
    assert _kind_of(article, "The harbour bridge reopened") == {"body"}
    # a stand-in title: the first sentence, cut at a word when it is that long
    assert article.title.startswith("The harbour bridge reopened to traffic") and len(article.title) <= 201


def test_byline_and_feed_footer_name_the_outlet(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Title\nBy Jane Doe, Associated Press\n\nThe story's text.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Title\n\nThe story's text.\n\nThe post Title appeared first on Vox.\n", encoding="utf-8")
    a, b = _read(tmp_path)
    assert a.outlet == "Associated Press" and _kind_of(a, "By Jane Doe") == {"boilerplate"}
    assert b.outlet == "Vox" and _kind_of(b, "The post Title") == {"footer"}


PASTE = """Council votes to rebuild the old pier
By Jane Smith, Harbour Gazette
Updated 3:15 PM EDT, Wed March 20, 2024

Riverside
Reuters
 —
The town council voted on Tuesday to rebuild the old pier, which was closed after storm damage last winter.

Advertisement

Mayor Ann Lee speaks to residents at the town hall, Tuesday, March 19, 2024.
Jane Doe/Reuters

"This pier is part of who we are," Lee told the meeting, which ran past midnight.

Related article
How the storm changed the coastline

Work is due to start in June and take about a year.

Image source, Getty Images
Image caption, Waves broke over the pier during the storm in January

Related topics
Storms
Local government

Get our free Morning Briefing newsletter
Sign up
"""


def test_a_web_page_pasted_as_text() -> None:
    article = Article(id="x", text=PASTE, title=None)
    from storyline.ingest.build import build_article

    article = build_article(article, first_line_is_title=True)
    assert isinstance(article, Article)
    _assert_blocks_slice_text(article)
    assert [article.text[b.start : b.end][:30] for b in article.blocks if b.kind == "body"] == [
        "The town council voted on Tues",
        '"This pier is part of who we a',
        "Work is due to start in June a",
    ]
    assert _kind_of(article, "Mayor Ann Lee speaks") == {"caption"}  # the line a credit sits under
    assert _kind_of(article, "Jane Doe/Reuters") == {"credit"}
    assert _kind_of(article, "How the storm changed") == {"boilerplate"}  # listed under "Related article"
    assert _kind_of(article, "Local government") == {"boilerplate"}
    assert _kind_of(article, "Riverside") == {"byline"}
    assert article.outlet == "Reuters"  # the outlet line of the dateline block, not the byline's paper
    assert article.published == "2024-03-20"


def test_a_body_line_above_a_bare_agency_name_stays_body() -> None:
    text = "Title\n\nThe fund, which Bloomberg valued at $2.9 billion, said it had more, Mr. Roe told reporters.\nBloomberg.\n"
    blocks = mark_blocks(text, first_line_is_title=True)
    assert [b.kind for b in blocks] == ["title", "body", "credit"]


def test_a_headline_run_into_a_datelined_body_is_the_title(tmp_path: Path) -> None:
    # Datasets that join title and body into one field leave the headline glued to the wire dateline.
    body = ("SYDNEY, Australia - Australia deployed military ships and aircraft Wednesday to help communities "
            "ravaged by wildfires.")
    (tmp_path / "a.jsonl").write_text(
        '{"id": "a", "text": "Military ships deployed to fight raging Australian fires ' + body + '\\nMore followed."}\n'
        '{"id": "b", "text": "The US and the EU - both large economies - agreed on Friday to talk about steel tariffs '
        'again next month, officials said."}\n'
        '{"id": "c", "text": "GRANDMOTHER KILLED BY DRUNK DRIVER IN HIT - AND - RUN ACCIDENT\\nA woman of 71 was '
        'killed on Friday night by a driver who did not stop, police said."}\n', encoding="utf-8")
    glued, plain, capitals = _read(tmp_path / "a.jsonl")
    assert _kind_of(capitals, "GRANDMOTHER") == _kind_of(capitals, "RUN ACCIDENT")
    assert glued.title == "Military ships deployed to fight raging Australian fires"
    assert _kind_of(glued, "Military ships") == {"title"}
    assert _kind_of(glued, "Australia deployed military ships") == {"body"}
    _assert_blocks_slice_text(glued)
    assert _kind_of(plain, "agreed on Friday") == {"body"}
    (tmp_path / "b.txt").write_text(
        "Six prisoners back home - coalition (MENAFN- Kuwait News Agency (KUNA)) RIYADH, Jan 1 (KUNA) -- Six war "
        "prisoners have arrived at King Salman Airbase in Riyadh, the coalition said.\n", encoding="utf-8")
    (labelled,) = _read(tmp_path / "b.txt")
    assert labelled.title == "Six prisoners back home - coalition"
    assert _kind_of(labelled, "(MENAFN") == {"byline"} and _kind_of(labelled, "Six war prisoners") == {"body"}
    _assert_blocks_slice_text(labelled)


def test_a_headline_without_a_dateline_is_found_in_a_record_without_a_title(tmp_path: Path) -> None:
    # Title and body in one field, no dateline between them: the body's first sentence starts right after the
    # headline's last word. Or the headline is the text's own first line.
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "a", "text": (
        "Son of Weeds creator dies in skiing accident The son of the woman behind the show has died in a skiing "
        "accident in Utah, local authorities said.")}) + "\n" + json.dumps({"id": "b", "text": (
        "In Chess Game With Iran, Trump Has Only Bad Options\nWASHINGTON The Trump administration faces a choice "
        "between escalation and retreat after the embassy attack.")}) + "\n" + json.dumps({"id": "c", "text": (
        "Fans of AMC's The Walking Dead and of the film in which he starred The Big Lebowski queued for hours "
        "outside the theatre on Sunday.")}) + "\n" + json.dumps({"id": "d", "text": (
        "By Jane Doe\nThe council voted on Tuesday to close the pier for a year, the mayor said.")}) + "\n" + json.dumps(
        {"id": "e", "text": "Conseco Inc. said it is calling for the redemption of all the remaining shares of its "
                            "$1.875 Series A convertible preferred stock at $26.805 a share."}) + "\n",
        encoding="utf-8")
    glued, line, works, byline, series = _read(tmp_path / "a.jsonl")
    assert series.title is None  # "Series A" is a name, not a sentence starting after a headline
    assert glued.title == "Son of Weeds creator dies in skiing accident"
    assert _kind_of(glued, "The son of the woman") == {"body"}
    assert line.title == "In Chess Game With Iran, Trump Has Only Bad Options"
    assert _kind_of(line, "faces a choice") == {"body"}
    # Names of works keep their capital "The"; a byline is no headline.
    assert works.title is None and _kind_of(works, "The Walking Dead") == {"body"}
    assert byline.title is None
    for article in (glued, line, works, byline, series):
        _assert_blocks_slice_text(article)


def test_notes_about_the_article_are_not_body() -> None:
    """Pointers to a video or podcast, update and correction notes, editor's notes, social and newsletter prompts
    are about the article, not the story: none may become a fact of a brief."""
    for line in ("Watch the video above.", "Watch the full interview with Podesta above.",
                 "Listen to HuffPost’s analysis of Thursday’s debate in the podcast embedded above.\xa0Subscribe here.",
                 "Read the latest updates on the GOP debate below:", "Do you support Donald Trump? Like the page:",
                 "Do you support Dr. Ben Carson? Like the page:",
                 "This article has been updated with comments from Trump’s interview with NBC South Florida.",
                 "This post was updated to include the campaign's response.",
                 "CORRECTION:\xa0Due to an editing error, an alternate version of this article was published early.",
                 "Editor’s note:\xa0Donald Trump regularly\xa0incites political violence\xa0and is a\xa0serial liar, rampant "
                 "xenophobe, racist, misogynist and birther who has repeatedly pledged to ban all Muslims ― 1.6 billion "
                 "members of an entire religion ― from entering the U.S.",
                 "HUFFPOLLSTER VIA EMAIL! - You can receive this daily update every weekday morning via email! Just "
                 "click here, enter your email address, and click “sign up.” That’s all there is to it."):
        assert is_boilerplate(line), line
    for line in ("Watchdogs said the levels were above the limit.", "Listen to the people, he said, as the numbers below show.",
                 "Watch the water levels rise above the banks this week, officials warned.",
                 "The correction came too late for voters.", "Officials said the story was updated."):
        assert not is_boilerplate(line), line


def test_a_correction_under_its_label_and_the_writers_bio_are_not_body() -> None:
    text = ("Senate passes the bill\n\nThe Senate passed the bill on Monday after a long debate.\n\n"
            "Its sponsor said it would become law.\n\nCORRECTION:\n\nAs published in the International New York Times.\n\n"
            "An article on Thursday about the bill misstated its sponsor.\n")
    body = _body(text)
    assert body == ["The Senate passed the bill on Monday after a long debate.", "Its sponsor said it would become law."]
    text = ("Senate passes the bill\n\nThe Senate passed the bill on Monday after a long debate.\n\n"
            "Jane Roe is a co-host of the Politics podcast “So, That Happened.” Subscribe here.\n")
    body = _body(text)
    assert body == ["The Senate passed the bill on Monday after a long debate."]
    # the same shape inside the story is the story's
    for last in ("Her show ran for ten years.", "That DeGeneres was chosen as host should please critics."):
        text = f"Host quits\n\nJane Roe is a co-host of the Politics podcast, and she quit on Monday.\n\n{last}\n"
        body = _body(text)
        assert len(body) == 2


def test_a_title_cased_headline_with_full_stops_is_the_title() -> None:
    """A headline of two sentences repeated as the first line is the title, not the lead; a lead sentence a dataset
    copied into `title` stays body."""
    head = "Bernie Sanders Suffered A Big Blow. Here’s His Plan Going Forward."
    text = f"{head}\n\nDespite a series of costly defeats on Tuesday night, Sanders remains in the race.\n"
    kinds = [b.kind for b in mark_blocks(text, title=head)]
    assert kinds == ["title", "body"]
    lead = "Russian President Vladimir Putin met North Korean leader Kim Jong Un on Wednesday."
    text = f"{lead}\n\nThe two leaders spoke for hours.\n"
    assert [b.kind for b in mark_blocks(text, title=lead)] == ["body", "body"]


def test_a_sentence_broken_by_a_stray_line_break_is_one_block_and_style_sheet_text_is_not_body() -> None:
    text = ("Obama visits Orlando\n\nObama, who has denounced the attack as both an act of terrorism and a hate\xa0\n"
            "crime, reiterated his frustration over guns.\nThe massacre prompted calls for action.\n\n"
            "Editor’s note: Donald Trump regularly\nincites political violence and is a serial liar.\n\n"
            ".bio-text {\n   text-align:left;\n   width:100%;\n}\n")
    body = _body(text)
    assert body == ["Obama, who has denounced the attack as both an act of terrorism and a hate\xa0\ncrime, reiterated "
                    "his frustration over guns.", "The massacre prompted calls for action."]
    # a line under a finished sentence, or a capitalised one, starts a paragraph of its own
    text = "Title\n\nThe vote was held on Monday.\nturnout was low, officials said.\nThe Senate met\nOn Tuesday it rained.\n"
    assert len(_body(text)) == 4
