"""Time expressions: the TIMEX3 values a timeline relies on, resolved against a publication date.

Each case is a reading a news reader would give: the reference date is stated, and the expected value follows
from the calendar (2023-08-30 is a Wednesday in ISO week 35 of Q3), not from what the code printed.
"""

from __future__ import annotations

import pytest

from storyline.nlp.dates import infer_published
from storyline.nlp.timex import find_times

DCT = "2023-08-30"  # a Wednesday


def _one(text: str, dct: str | None = DCT) -> tuple[str, str, str]:
    times = find_times(text, dct)
    assert times, f"no time expression found in {text!r}"
    t = max(times, key=lambda t: t.end - t.start)
    assert text[t.start : t.end] == t.text  # offsets point at the expression in the text
    return t.text, t.type, t.value


@pytest.mark.parametrize(
    ("text", "value", "typ"),
    [
        # the reading of a news story published on the DCT
        ("The White House said on Wednesday that talks advanced.", "2023-08-30", "DATE"),  # DCT is a Wednesday
        ("He said on Monday that talks advanced.", "2023-08-28", "DATE"),
        ("Shoigu visited last month.", "2023-07", "DATE"),
        ("Sanctions were imposed in March.", "2023-03", "DATE"),
        ("On 23 August, the government gave the navy a go-ahead.", "2023-08-23", "DATE"),  # the day before its month
        ("The warship thwarted an attack on 10 Nov 11.", "2011-11-10", "DATE"),  # a navy's two-digit year
        ("The ship left port on 4 Sep 99 for the Gulf.", "1999-09-04", "DATE"),  # the century nearest the DCT
        ("A summit is planned in November.", "2023-11", "DATE"),
        ("Russia's 18-month-long invasion continues.", "P18M", "DURATION"),
        ("Profit fell in the third quarter.", "2023-Q3", "DATE"),
        ("The parade was on July 27, 2023.", "2023-07-27", "DATE"),
        ("Talks were held this week.", "2023-W35", "DATE"),
        ("The plant closed two years ago.", "2021", "DATE"),
        ("Markets are calm now.", "PRESENT_REF", "DATE"),
        ("Sales fell last year.", "2022", "DATE"),
        ("He spoke yesterday.", "2023-08-29", "DATE"),
        ("The truce lasted three days.", "P3D", "DURATION"),
        # the report's own year and quarter, and the same period a year before (earnings reports)
        ("Sales for the year rose 5%.", "2023", "DATE"),
        ("Profit fell in the year-ago quarter.", "2022-Q2", "DATE"),
        ("It earned $3 million in the 2022 quarter.", "2022-Q2", "DATE"),
        ("Results are due in next year's first quarter.", "2024-Q1", "DATE"),
        # a fiscal year that is named by its end is a length of time, not the current year
        ("It lost money in the year ended June 30.", "P1Y", "DURATION"),
        # a clock time joined to its day
        ("The store was robbed at 10 p.m. Monday, police said.", "2023-08-28T22:00", "TIME"),
        ("Talks broke off at noon Tuesday.", "2023-08-29T12:00", "TIME"),
        ("The offer expires at 5 p.m. EST, Sept. 6.", "2023-09-06T17:00", "TIME"),
        # a part of a day is a TIME
        ("The attack began Monday night.", "2023-08-28TNI", "TIME"),
        # vague past and future references
        ("Prices fell after the recent storm.", "PAST_REF", "DATE"),
        ("Prosecutors may soon seek an indictment.", "FUTURE_REF", "DATE"),
        ("Sales fell in recent months.", "PXM", "DURATION"),
        ("The company may raise equity at a later date.", "FUTURE_REF", "DATE"),
        ("Rates will stay low in the near term.", "FUTURE_REF", "DATE"),
        ("CBS News first reported last night that the tomb was empty.", "2023-08-29TNI", "TIME"),
        # centuries and decades
        ("It was the worst crash of the 20th century.", "19", "DATE"),
        ("No plant was ordered in about a decade.", "P1E", "DURATION"),
        ("Sales slumped in the '80s.", "198", "DATE"),
        ("Sales slumped in the \u201990s.", "199", "DATE"),  # a curly apostrophe, as web pages print it
        ("The market of the 1980\u2019s collapsed.", "198", "DATE"),  # a decade, not the year 1980
        ("Hate groups grew through the nineties.", "199", "DATE"),
        ("Profit will fall in the last half of 2022.", "2022-H2", "DATE"),
        ("The deal should close by year's end.", "2023", "DATE"),
        ("Eight trading days later, prices fell.", "P8D", "DURATION"),
        # "in five years" ahead is the date five years on; in the past it stays a length of time
        ("The stock would be redeemed in five years.", "2028", "DATE"),
        ("Sales rose for the first time in five years.", "P5Y", "DURATION"),
        # a quarter named by its end is the calendar quarter of most of its months (May-July: Q2)
        ("In the quarter ended July 31, the chain lost money.", "2023-Q2", "DATE"),
        ("Unisys must pay $100 million in interest every quarter.", "P1Q", "SET"),
        ("Prices are back at the level we saw in the winter of nineteen ninety-four.", "1994-WI", "DATE"),
        ("The percentage change is since year-end.", "2022-12-31", "DATE"),
        ("Ryanair has been trying to take over Aer Lingus since September.", "2022-09", "DATE"),  # begun: past
        ("Ukraine was ruled from Moscow for centuries.", "PXC", "DURATION"),
        ("They will have to live without power for a while.", "PXX", "DURATION"),
        # broadcast transcripts spell dates out
        ("Women's Day is this coming Sunday, March third.", "2023-03-03", "DATE"),
        ("January nineteen ninety-seven. Atlanta again.", "1997-01", "DATE"),
        # recurring dates, and durations with "additional"/"more"
        ("Marchers parade each July.", "XXXX-07", "SET"),
        ("Flights leave every Thursday.", "XXXX-WXX-4", "SET"),
        ("The loan may be extended for an additional year.", "P1Y", "DURATION"),
        ("The base is leased for at least 20 more years.", "P20Y", "DURATION"),
        ("They lived in camps for 2 1/2 years.", "P2Y6M", "DURATION"),
        ("Net for the year-earlier nine months rose.", "P9M", "DURATION"),
        ("Islam will one day be the second largest religion.", "FUTURE_REF", "DATE"),
        ("Then, a week or so ago, the general picked a date.", "2023-08-23", "DATE"),
        # narrative anchoring: "the following year" counts from the last year the text gave
        ("In 1995 he was made a general, and the following year he went to Washington.", "1996", "DATE"),
        ("The bid came in March 2019. The following month, the company put itself up for sale.", "2019-04", "DATE"),
    ],
)
def test_timex_value(text: str, value: str, typ: str) -> None:
    _span, got_type, got_value = _one(text)
    assert (got_value, got_type) == (value, typ)


def test_a_month_a_few_months_ahead_without_a_past_verb_is_this_years() -> None:
    text = ("Sanders is carrying his campaign through the last of the primaries in June; California votes June 7. "
            "The plant near the border closed in November.")
    assert [t.value for t in find_times(text, "2016-04-20")] == ["2016-06", "2016-06-07", "2015-11"]


def test_past_plan_is_not_read_as_future() -> None:
    # "had been scheduled to expire Friday": the Friday before the report, not the next one
    times = find_times("The offer had been scheduled to expire at midnight Friday.", DCT)
    assert [t.value for t in times] == ["2023-08-25T24"]


def test_deadline_word_points_ahead_even_after_a_past_verb() -> None:
    # "created an office, effective Feb. 1" in an August report: next February
    times = find_times("The board created an office of the chairman, effective Feb. 1.", DCT)
    assert [t.value for t in times] == ["2024-02-01"]


def test_lower_case_march_is_a_verb() -> None:
    assert [t.value for t in find_times("Orangemen march each July.", DCT)] == ["XXXX-07"]


def test_soon_as_conjunction_is_not_a_time() -> None:
    assert find_times("Shares rose as soon as trading opened.", DCT) == []


def test_without_a_reference_date_relative_values_stay_open() -> None:
    assert _one("Sales for the year rose.", None)[2] == "XXXX"
    assert _one("Profit fell in the year-ago quarter.", None)[2] == "XXXX-QX"


def test_bad_input_does_not_raise() -> None:
    for text in ("", "   ", "at 99 p.m. Funday", "the 99th century", "noon", "the following year"):
        find_times(text, DCT)
        find_times(text, None)
    assert infer_published(find_times("It happened on Sept. 6, 2021, at noon Monday.", None)) is not None


def test_a_recurring_weekday_does_not_date_an_undated_article() -> None:
    # "every Thursday" says nothing about the day the article was written
    text = "On March 3, 2021 the line opened. Trains run every Thursday."
    assert infer_published(find_times(text, None)) == "2021-03-03"


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # an amount per unit of time is a rate, not a time expression
        ("The cuts will save $500 million a year.", []),
        ("It will add 700 seats a week on the route.", []),
        # names of programmes and ordinals are not times
        ('Baker said on ABC\'s "This Week With David Brinkley" that talks had failed.', []),
        ("This is VOA Today.", []),
        ("A second group of directors sold shares.", []),
        ("Funds hold more than a quarter of the market.", []),
        ("The quarter-to-quarter comparison was flattered.", []),
        ("If I were choosing the people of tomorrow, I would pick them.", []),
        ("\"Imagine a tomorrow where hard work is honored,\" she said.", []),
        # "two thousand years" is a length, not the year 2000
        ("Families kept the secret for two thousand years.", ["P2L"]),
        # coordinated units are one vague length
        ("He probably died within weeks or months of his capture.", ["PXW"]),
    ],
)
def test_what_is_and_is_not_a_time(text: str, values: list[str]) -> None:
    assert [t.value for t in find_times(text, DCT)] == values


def test_year_ago_follows_the_period_the_report_is_about() -> None:
    # after "the nine months" a year earlier is the year before; after the third quarter, that quarter a year before
    nine = find_times("For the nine months, net was $5 million, compared with $4 million a year earlier.", DCT)
    assert nine[-1].value == "2022"
    quarter = find_times("Net rose in the third quarter. Sales were $3 billion, up from $2.5 billion a year earlier.",
                         DCT)
    assert quarter[-1].value == "2022-Q3"


def test_a_bare_quarter_refers_to_the_fiscal_quarter_named_before() -> None:
    # Sun's fiscal first quarter, reported in August: not the last calendar quarter (Q2)
    text = "Sun reported a loss for its fiscal first quarter. Sun shipped 28,000 systems in the quarter."
    assert [t.value for t in find_times(text, DCT)] == ["2023-Q1", "2023-Q1"]
    text = "Sun reported a loss for its fiscal first quarter. In the 2022 period, it earned $20 million."
    earlier = find_times(text, DCT)
    assert earlier[-1].value == "2022-Q1"


def test_dates_set_beside_a_year_ago_quarter_are_a_year_earlier() -> None:
    # reported 2023-11-15: "Oct. 31" alone would be two weeks ago; beside "the year-ago quarter" it is 2022's
    text = "In the comparable year-ago quarter, the second quarter ended Oct. 31, it lost money."
    assert [t.value for t in find_times(text, "2023-11-15")] == ["2022-Q2", "2022-Q2", "2022-10-31"]


def test_that_year_is_the_year_named_before() -> None:
    times = find_times("Imports reached $1.5 billion in 1988, a small share of all imports that year.", DCT)
    assert [t.value for t in times] == ["1988", "1988"]
    assert find_times("Imports fell that year.", DCT) == []  # nothing named: left out rather than guessed


def test_that_month_is_in_the_year_named_before() -> None:
    times = find_times("In 1972, McGovern won the primaries. But McGovern lost to Nixon that November.", DCT)
    assert [t.value for t in times] == ["1972", "1972-11"]
    # no year named: some November, not this one
    assert [t.value for t in find_times("McGovern lost to Nixon that November.", DCT)] == ["XXXX-11"]


def test_may_the_verb_is_not_a_month() -> None:
    assert find_times("Russia may receive shells.", DCT) == []


@pytest.mark.parametrize("text", ["Nigel Hacker runs a design firm out of a heritage home at 2016 Ontario.",
                                  "The fire broke out in the 1900 block of Main Street.",
                                  "The plant opened on 2016 Main Street last spring.",
                                  "A caller heard a description of the suspect's vehicle, a 2016 silver Ford Fusion.",
                                  "He struck her with his 1900 Toyota Camry.",
                                  "Williams, 32, was going west in his 2016 Bentley about 1:30 a.m."])
def test_a_street_number_or_a_model_year_is_not_a_year(text: str) -> None:
    assert not any(t.value.startswith(("2016", "1900")) for t in find_times(text, DCT))


@pytest.mark.parametrize("text", ["He was named Coach of the Year after the season.",
                                  "Time's Person of the Year is a chancellor.",
                                  "If Republicans choose to not believe Liar-of the Year Barack Obama, so be it."])
def test_an_award_of_the_year_is_not_this_year(text: str) -> None:
    assert find_times(text, DCT) == []


def test_the_year_in_a_sentence_is_still_this_year() -> None:
    assert [t.value for t in find_times("Sales fell for the year as a whole.", DCT)] == ["2023"]


def test_a_year_beside_a_capitalised_word_is_still_a_year() -> None:
    assert [t.value for t in find_times("In 2016 Obama won the state again.", DCT)] == ["2016"]
    assert [t.value for t in find_times("He won a 2016 primary in Ohio.", DCT)] == ["2016"]
    assert [t.value for t in find_times("The court overruled a 1971 Convention on extradition.", DCT)] == ["1971"]


def test_a_day_without_its_year_after_an_inferred_earliest_day_falls_in_that_days_year() -> None:
    """An undated article whose latest dated event is 2008-09-15 was written after it: its "November 2" is
    November 2008 (past tense, so not a year on), not the November before that day."""
    text = "The Navy rushed INS Tabar to the Gulf of Aden on November 2, and it sank a pirate ship in October."
    assert [t.value for t in find_times(text, "2008-09-15", earliest=True)] == ["2008-11-02", "2008-10"]
    # against a known publication day the nearest past November is the one before it
    assert find_times(text, "2008-09-15", tense=lambda _: "past")[0].value == "2007-11-02"  # "rushed", as parsed
