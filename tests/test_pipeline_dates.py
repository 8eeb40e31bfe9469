"""Date expressions: found, resolved against the publication date, with their window."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from workers.pipeline.dates import _PATTERN, _matches, anchors_of, find_dates
from workers.pipeline.normalize import prepare

PUB = dt.date(2025, 8, 8)  # a Friday
D = dt.date

CASES = [
    # (name, text, expression, start, end, granularity)
    (
        "full us date",
        "It took effect Feb. 20, 2025, officials said.",
        "Feb. 20, 2025",
        D(2025, 2, 20),
        D(2025, 2, 20),
        "day",
    ),
    (
        "full long month",
        "on February 20, 2025 the notice",
        "on February 20, 2025",
        D(2025, 2, 20),
        D(2025, 2, 20),
        "day",
    ),
    ("day month", "signed on 20 February by the minister", "on 20 February", D(2025, 2, 20), D(2025, 2, 20), "day"),
    ("the past n months", "banned in the past three months alone", "the past three months", D(2025, 5, 10),
     D(2025, 8, 8), "range"),
    ("the past year", "over the past year", "the past year", D(2024, 8, 8), D(2025, 8, 8), "range"),
    ("last night", "the panel heard the case last night", "last night", D(2025, 8, 7), D(2025, 8, 7), "day"),
    ("tomorrow", "the short programme starts tomorrow", "tomorrow", D(2025, 8, 9), D(2025, 8, 9), "day"),
    ("iso", "published 2025-02-20 in the register", "2025-02-20", D(2025, 2, 20), D(2025, 2, 20), "day"),
    ("iso after a preposition, not its year", "It happened on 2025-02-20 in Quito.", "on 2025-02-20",
     D(2025, 2, 20), D(2025, 2, 20), "day"),
    ("numeric, month first", "It happened on 02/20/2025 in Quito.", "on 02/20/2025", D(2025, 2, 20),
     D(2025, 2, 20), "day"),
    ("numeric, day first when it must be", "It happened on 20/02/2025 in Quito.", "on 20/02/2025", D(2025, 2, 20),
     D(2025, 2, 20), "day"),
    ("month year", "in July 2025 the order", "in July 2025", D(2025, 7, 1), D(2025, 7, 31), "month"),
    ("next month name: the first one after publication", "It meets next July in Paris.", "next July",
     D(2026, 7, 1), D(2026, 7, 31), "month"),
    ("last month name: the one before the current", "It met last August in Paris.", "last August",
     D(2024, 8, 1), D(2024, 8, 31), "month"),
    ("month of last year", "It designated the bank in April last year.", "in April last year", D(2024, 4, 1),
     D(2024, 4, 30), "month"),
    (
        "month only is most recent past",
        "In February, the State Department",
        "In February",
        D(2025, 2, 1),
        D(2025, 2, 28),
        "month",
    ),
    (
        "month after publication month is last year",
        "In December, talks began",
        "In December",
        D(2024, 12, 1),
        D(2024, 12, 31),
        "month",
    ),
    ("current month stops at publication", "In August, the bounty", "In August", D(2025, 8, 1), D(2025, 8, 8), "month"),
    ("weekday is most recent", "Bondi on Thursday doubled it", "on Thursday", D(2025, 8, 7), D(2025, 8, 7), "day"),
    ("weekday on publication day", "Sheinbaum, speaking Friday", "Friday", D(2025, 8, 8), D(2025, 8, 8), "day"),
    ("last weekday is strictly before", "last Friday the order", "last Friday", D(2025, 8, 1), D(2025, 8, 1), "day"),
    ("weeks ago", "Two weeks ago, the group", "Two weeks ago", D(2025, 7, 22), D(2025, 7, 28), "range"),
    ("days ago", "three days ago it", "three days ago", D(2025, 8, 4), D(2025, 8, 6), "range"),
    ("last month", "last month the reward", "last month", D(2025, 7, 1), D(2025, 7, 31), "month"),
    ("earlier this year", "29 members earlier this year", "earlier this year", D(2025, 1, 1), D(2025, 8, 8), "range"),
    ("earlier this week: the days before publication", "It was signed earlier this week.", "earlier this week",
     D(2025, 8, 2), D(2025, 8, 8), "week"),
    ("recently", "The U.S. recently doubled", "recently", D(2025, 5, 10), D(2025, 8, 8), "range"),
    ("year", "entered the country in 2015 and", "in 2015", D(2015, 1, 1), D(2015, 12, 31), "year"),
    ("yesterday", "yesterday the minister", "yesterday", D(2025, 8, 7), D(2025, 8, 7), "day"),
    ("last year", "last year the group", "last year", D(2024, 1, 1), D(2024, 12, 31), "year"),
    ("full stop after a month ends the sentence", "designated in February. Then", "in February", D(2025, 2, 1),
     D(2025, 2, 28), "month"),
    ("full stop after an abbreviation belongs to it", "since Sept. 4", "since Sept. 4", D(2025, 9, 4), D(2025, 9, 4),
     "day"),
]


@pytest.mark.parametrize(
    ("text", "expr", "start", "end", "granularity"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_dates_resolve(text: str, expr: str, start: dt.date, end: dt.date, granularity: str) -> None:
    """Each expression is found with its exact surface and resolved window."""
    found = list(find_dates(text.lower(), text, PUB))
    assert [d.text for d in found] == [expr]
    window = found[0].window
    assert (window.start, window.end, window.granularity) == (start, end, granularity)
    assert text[found[0].start : found[0].end] == expr


NEGATIVE = [
    ("modal may", "They may march on the capital."),
    ("lower-case month word", "a march through the city"),
    ("money is not a year", "a reward of $2025 was offered"),
    ("part of a number", "20250 people"),
    ("plain numbers", "eight groups and 29 members"),
    ("the latest of a series", "eight emergencies, most recently for mpox"),
]


@pytest.mark.parametrize("text", [c[1] for c in NEGATIVE], ids=[c[0] for c in NEGATIVE])
def test_not_dates(text: str) -> None:
    """Ordinary words and numbers are not dates."""
    assert list(find_dates(text.lower(), text, PUB)) == []


def test_relative_dates_stay_unresolved_without_publication_date() -> None:
    """Without a publication date, "In February" is found but not resolved; absolute dates still are."""
    text = "In February and on Feb. 20, 2025"
    found = list(find_dates(text.lower(), text, None))
    assert [(d.text, d.window is None, d.relative) for d in found] == [
        ("In February", True, True),
        ("on Feb. 20, 2025", False, False),
    ]


def test_impossible_date_is_unresolved() -> None:
    """ "February 30" is a date expression that resolves to nothing, not an exception."""
    found = list(find_dates("on february 30, 2025", "on February 30, 2025", PUB))
    assert len(found) == 1 and found[0].window is None


def test_since_is_open_ended() -> None:
    """ "since 2020" says the state holds from then until publication."""
    found = list(find_dates("offered since 2020", "offered since 2020", PUB))
    assert found[0].open_ended and found[0].window.start == D(2020, 1, 1)


WORDS = ["in", "october", "2030", "maritime", "feb.", "20,", "2025", "on", "thursday", "two", "weeks", "ago",
         "earlier", "this", "year", "since", "late", "march", "the", "of", "may", "1st", "sept.", "mayor",
         "marching", "20250", "monday.", "weekend", "yesterday", "recently", "last", "month", "x", "past", "three",
         "months", "tomorrow", "night", "few"]


@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=40))
@example(["20,", "earlier", "marching", "late", "march", "1st"])  # a window cut at "1" once hid "late march"
@settings(max_examples=400, deadline=None)
def test_anchored_search_finds_what_a_full_scan_finds(words: list[str]) -> None:
    """Searching only around anchor words gives exactly the matches of scanning every position."""
    view = " ".join(words)
    full = [m.span() for m in _PATTERN.finditer(view)]
    assert [m.span() for m in _matches(view)] == full
    doc = prepare(view)
    assert [m.span() for m in _matches(doc.view, anchors_of(doc.norms, doc.starts))] == full


PAST = "On Feb. 20, the State Department designated eight groups."
AHEAD = "The designation of eight groups takes effect on Feb. 20."


@pytest.mark.parametrize(("text", "published", "expected"), [
    (PAST, dt.date(2025, 10, 6), dt.date(2025, 2, 20)),  # eight months later: last February's, not next
    (PAST, dt.date(2025, 7, 1), dt.date(2025, 2, 20)),
    (AHEAD, dt.date(2025, 2, 15), dt.date(2025, 2, 20)),  # five days ahead: a date shortly to come
    (AHEAD, dt.date(2025, 1, 20), dt.date(2025, 2, 20)),
    (AHEAD, dt.date(2024, 12, 1), dt.date(2024, 2, 20)),  # eleven weeks ahead is too far: the last one
    # told in the past, a day just after publication is last year's ("designated", "came ashore ... on Aug. 30")
    (PAST, dt.date(2025, 2, 15), dt.date(2024, 2, 20)),
    ("Hurricane Idalia came ashore in Florida on Aug. 30, and the fund ran low.", dt.date(2024, 8, 8),
     dt.date(2023, 8, 30)),
    ("Biden declared a major disaster for Idalia on Aug. 31.", dt.date(2024, 8, 8), dt.date(2023, 8, 31)),
    # but not with a word that looks ahead in the same stretch, nor a past verb of another stretch
    ("He said he would designate the group, with the designation taking effect on Feb. 20.",
     dt.date(2025, 2, 15), dt.date(2025, 2, 20)),
    ("The transfer came a week later, and with Trump threatening tariffs as of March 4.", dt.date(2025, 3, 3),
     dt.date(2025, 3, 4)),
])
def test_a_day_without_a_year_is_the_last_one_unless_shortly_to_come(text: str, published: dt.date,
                                                                    expected: dt.date) -> None:
    """Up to FUTURE_DAYS after publication a month and day may be shortly to come, unless told in the past."""
    found = list(find_dates(text.lower(), text, published))
    assert [(d.window.start, d.window.end) for d in found] == [(expected, expected)]


@pytest.mark.parametrize(("later", "start", "end"), [
    ("five days later", D(2025, 1, 25), D(2025, 1, 25)),
    ("two weeks later", D(2025, 1, 31), D(2025, 2, 6)),
    ("days later", D(2025, 1, 21), D(2025, 1, 30)),
    ("later that month", D(2025, 1, 1), D(2025, 1, 31)),
    ("the next day", D(2025, 1, 21), D(2025, 1, 21)),
    ("the same day", D(2025, 1, 20), D(2025, 1, 20)),
    ("a few months later", D(2025, 3, 11), D(2025, 7, 29)),  # two to six months, ten days' slack
    ("several weeks later", D(2025, 1, 31), D(2025, 3, 27)),  # two to nine weeks, three days' slack
])
def test_a_date_counted_from_the_one_before(later: str, start: dt.date, end: dt.date) -> None:
    """ "Five days later" counts from the last date given before it, not from the publication date."""
    text = f"She was added on Jan. 20, 2025. He was captured {later}."
    found = list(find_dates(text.lower(), text, PUB))
    assert [d.text for d in found] == ["on Jan. 20, 2025", later]
    assert (found[1].window.start, found[1].window.end) == (start, end)


@pytest.mark.parametrize(("month", "start"), [
    ("that December", D(2021, 12, 1)),
    ("that March", D(2021, 3, 1)),  # the year told before, even before its month
    ("the following March", D(2022, 3, 1)),
])
def test_that_month_is_in_the_year_told_before(month: str, start: dt.date) -> None:
    """ "in June 2021 ... added X that December": December 2021, not the last December before publication."""
    text = f"An order signed in June 2021 bars it. The Treasury added SenseTime {month}."
    found = list(find_dates(text.lower(), text, PUB))
    assert [d.text for d in found] == ["in June 2021", month]
    assert (found[1].window.start, found[1].window.granularity) == (start, "month")


@pytest.mark.parametrize("month", ["in June of the same year", "in June of that year", "in June that year"])
def test_a_month_of_the_same_year_is_in_the_year_told_before(month: str) -> None:
    """ "sanctioned in October 2021 ... had listed him in June of the same year": June 2021."""
    text = f"The Treasury sanctioned him in October 2021. The EU had listed him {month}."
    found = list(find_dates(text.lower(), text, PUB))
    assert [d.text for d in found] == ["in October 2021", month]
    assert (found[1].window.start, found[1].window.granularity) == (D(2021, 6, 1), "month")


@pytest.mark.parametrize(("text", "start", "end"), [
    ("Thirty-four years ago today, two men walked in.", D(1991, 8, 8), D(1991, 8, 8)),  # to the day
    ("Four years ago this month, he signed it.", D(2021, 8, 1), D(2021, 8, 31)),
    ("Twenty-one years ago today, it fell.", D(2004, 8, 8), D(2004, 8, 8)),  # a compound number word
])
def test_years_ago_today_is_that_day(text: str, start: dt.date, end: dt.date) -> None:
    """ "N years ago today" is the publication's day N years back, not a year either side, nor "four years ago"."""
    (found,) = find_dates(text.lower(), text, PUB)
    assert (found.window.start, found.window.end) == (start, end)


def test_years_ago_are_rounded_to_the_nearest_year() -> None:
    """ "five years ago" in October 2024 takes in April 2019 (five and a half years back), not April 2018."""
    text = "Washington designated the group five years ago."
    (found,) = find_dates(text.lower(), text, D(2024, 10, 3))
    assert found.window.start <= D(2019, 4, 8) <= found.window.end
    assert not found.window.start <= D(2018, 4, 8) <= found.window.end


def test_days_later_count_from_a_month_told_since_the_last_day() -> None:
    """ "that December ..., six days later": December 7 to January 6, not nothing."""
    text = "It was added on Jan. 20, 2021. The Treasury added SenseTime that December and eight firms six days later."
    found = list(find_dates(text.lower(), text, PUB))
    assert [d.text for d in found] == ["on Jan. 20, 2021", "that December", "six days later"]
    assert (found[2].window.start, found[2].window.end) == (D(2021, 12, 7), D(2022, 1, 6))


def test_a_date_counted_from_nothing_before_is_no_date() -> None:
    text = "He was captured five days later."
    assert list(find_dates(text.lower(), text, PUB)) == []


def test_the_same_day_as_what_follows_is_not_counted_from_before() -> None:
    text = "Ottawa acted on Feb. 20, 2025. Canada's move came on the same day that the U.S. list took effect."
    assert [d.text for d in find_dates(text.lower(), text, PUB)] == ["on Feb. 20, 2025"]


@pytest.mark.parametrize(("text", "expr", "day"), [
    ("The laureates will receive their awards in Oslo on Tuesday.", "on Tuesday", D(2024, 12, 10)),
    ("He said on Tuesday that it will act.", "on Tuesday", D(2024, 12, 3)),
    ("the presidential election of July 28, 2024, was disputed", "July 28, 2024", D(2024, 7, 28)),
])
def test_a_weekday_after_will_is_the_next_one_and_a_month_before_its_day_is_the_day(
        text: str, expr: str, day: dt.date) -> None:
    found = list(find_dates(text.lower(), text, D(2024, 12, 9)))
    assert [(d.text, d.window.start) for d in found] == [(expr, day)]


def test_the_last_year_of_something_is_no_date() -> None:
    text = "In 2022, the last year under the old amount, the prize was split."
    assert [d.text for d in find_dates(text.lower(), text, PUB)] == ["In 2022"]


def test_days_later_count_from_a_day_not_from_a_year_in_between() -> None:
    text = ("He fled on Jan. 20, 2025. Jimenez, accused of a killing in Illinois in 2012, was captured in Monterrey "
            "five days later.")
    found = {d.text: d.window for d in find_dates(text.lower(), text, PUB)}
    assert (found["five days later"].start, found["five days later"].end) == (D(2025, 1, 25), D(2025, 1, 25))


def test_a_day_and_month_with_last_year_is_that_day_last_year() -> None:
    text = "at Blenheim Palace on 18 July last year"
    found = list(find_dates(text.lower(), text, D(2025, 7, 21)))
    assert [(d.text, d.window.start) for d in found] == [("on 18 July last year", D(2024, 7, 18))]


def test_a_timelines_day_looks_back_where_a_sentence_may_look_ahead() -> None:
    """ "- Jan. 10: ..." in a year-end timeline is this January; "takes effect Jan. 20" may be next month's."""
    text = "In 2025:\n- Jan. 10: The reward was raised.\nIt takes effect Jan. 20."
    found = [(d.text, d.window.start) for d in find_dates(text.lower(), text, D(2025, 12, 30))]
    assert found == [("In 2025", D(2025, 1, 1)), ("Jan. 10", D(2025, 1, 10)), ("Jan. 20", D(2026, 1, 20))]


def test_a_year_heading_gives_its_year_to_the_dates_below_it() -> None:
    """A timeline under year headings: "2016" then "- Sept. 26: ..." is 26 September 2016, not the last 26
    September before publication; a date with its own year keeps it."""
    text = "Timeline\n2016\n- Sept. 26: the accord is signed.\n- In November, a revised one.\n2021\n- Nov. 30, 2021: X."
    found = [(d.text, d.window.start) for d in find_dates(text.lower(), text, PUB)]
    assert found == [("2016", D(2016, 1, 1)), ("Sept. 26", D(2016, 9, 26)), ("In November", D(2016, 11, 1)),
                     ("2021", D(2021, 1, 1)), ("Nov. 30, 2021", D(2021, 11, 30))]


@pytest.mark.parametrize(("text", "expected"), [
    ("The tariffs apply as of Feb. 20.", [("Feb. 20", dt.date(2025, 2, 20))]),  # not "of Feb", then a number
    ("the attack of Oct. 7 changed everything", [("Oct. 7", dt.date(2024, 10, 7))]),
    ("extradited in August.\n\n9:45 a.m. Reaction", [("in August", dt.date(2024, 8, 1))]),  # a full name's stop ends
])
def test_an_abbreviated_month_after_of_is_read_with_its_day(text: str, expected: list) -> None:
    """ "as of Feb. 20": the abbreviation's full stop joins month and day; after a full name it ends a sentence."""
    assert [(d.text, d.window.start) for d in find_dates(text.lower(), text, dt.date(2025, 2, 15))] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a day after a day with its own year, in the same paragraph: that year (or the next, where it comes sooner)
    ("Trump signed the order on Jan. 27, 2017. A judge blocked it on Feb. 3.", (D(2017, 2, 3), "day")),
    ("The order was signed on Dec. 20, 2016, and blocked on Jan. 5.", (D(2017, 1, 5), "day")),
    # not after a bare year, nor a month alone, nor across a paragraph: the last one before publication
    ("Garantex was sanctioned on March 3, 2022 and knocked offline in March.", (D(2025, 3, 1), "month")),
    ("Garantex was sanctioned in 2022 and knocked offline on March 6.", (D(2025, 3, 6), "day")),
    ("Trump signed the order on Jan. 27, 2017.\nA judge blocked another on Feb. 3.", (D(2025, 2, 3), "day")),
])
def test_a_day_without_a_year_is_in_the_year_of_the_day_told_before_it(text: str, expected: tuple) -> None:
    """ "on Jan. 27, 2017 ... blocked it on Feb. 3": February 3, 2017, as the paragraph tells it."""
    last = list(find_dates(text.lower(), text, PUB))[-1]
    assert (last.window.start, last.window.granularity) == expected
