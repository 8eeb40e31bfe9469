"""Mentions: names and aliases (with bounded misspellings), counts of groups, and their negatives."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from workers.pipeline import Article, check, load_table
from workers.pipeline.mentions import find_mentions
from workers.pipeline.normalize import prepare
from workers.pipeline.segment import sentences

PUB = dt.date(2025, 8, 8)


def _mentions(text: str, table_path: Path | None = None):
    table = load_table(table_path)
    doc = prepare(text, table.lexicon.common_words())
    return find_mentions(doc, table, sentences(doc.text, doc.view), PUB)


def _entities(text: str) -> list[tuple[str, str, bool]]:
    return [(text[p.start : p.end], p.ref, p.fuzzy) for p in _mentions(text).phrases if p.kind == "entity"]


ENTITY_CASES = [
    ("canonical", "Tren de Aragua was named", [("Tren de Aragua", "tren-de-aragua", False)]),
    (
        "case and accents",
        "the CARTEL DE SINALOA and cártel del noreste",
        [("CARTEL DE SINALOA", "cartel-de-sinaloa", False), ("cártel del noreste", "cartel-del-noreste", False)],
    ),
    (
        "acronym with capitals",
        "MS-13 and TdA",
        [("MS-13", "mara-salvatrucha", False), ("TdA", "tren-de-aragua", False)],
    ),
    ("misspelt de/del", "Cártel de Golfo is", [("Cártel de Golfo", "cartel-del-golfo", True)]),
    (
        "misspelt familia",
        "La Nueva Famila Michoacana",
        [("La Nueva Famila Michoacana", "la-nueva-familia-michoacana", True)],
    ),
    ("misspelt suns", "the Cartel of the Sons", [("Cartel of the Sons", "cartel-de-los-soles", True)]),
    ("longest alias wins", "Attorney General Pam Bondi said", [("Attorney General Pam Bondi", "us-justice", False)]),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in ENTITY_CASES], ids=[c[0] for c in ENTITY_CASES])
def test_entities(text: str, expected: list[tuple[str, str, bool]]) -> None:
    """Names and aliases are found insensitive to case and accents, misspellings within a bounded distance."""
    assert _entities(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "tda and cdn in lower case are not acronyms",  # acronyms need capitals
        "the cartel of the sun rose over the gulf",  # ordinary words, lower case: no fuzzy match
        "Carnival de los Santos",  # too far from any name
        "us and them",  # pronoun, not the US
    ],
)
def test_no_entity(text: str) -> None:
    """Ordinary words never match a name."""
    assert _entities(text) == []


COUNT_CASES = [
    ("word number", "designated seven drug cartels", [("seven drug cartels", 7, ("cartel",), False)]),
    ("digits", "designated 8 groups", [("8 groups", 8, ("*",), False)]),
    ("other", "and six other criminal groups", [("six other criminal groups", 6, ("*",), True)]),
    (
        "two categories",
        "14 Latin American cartels and gangs",
        [("14 Latin American cartels and gangs", 14, ("cartel", "gang"), False)],
    ),
    ("kind as noun", "eight FTOs", [("eight FTOs", 8, ("*",), False)]),
    ("a dozen", "a dozen gangs", [("a dozen gangs", 12, ("gang",), False)]),
    ("thousands", "listed 1,200 groups", [("1,200 groups", 1200, ("*",), False)]),
    ("thousands twice", "listed 1,200,000 groups", [("1,200,000 groups", 1200000, ("*",), False)]),
    ("a list, not thousands", "listed 12, 200 groups", [("200 groups", 200, ("*",), False)]),
    ("a number word inside a name", "Interpol keeps a list of Top Ten Cartels.", []),
    ("a number word in a headline's capitals", "U.S. Designates Six Cartels As Terrorist Groups",
     [("Six Cartels", 6, ("cartel",), False)]),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in COUNT_CASES], ids=[c[0] for c in COUNT_CASES])
def test_counts(text: str, expected) -> None:
    """Counts of groups with their categories and "other"."""
    assert [(c.text, c.number, c.categories, c.other) for c in _mentions(text).counts] == expected


def test_count_qualifiers() -> None:
    """Nationality and region qualifiers come from the table's places and regions."""
    (count,) = _mentions("six Mexican cartels and").counts
    assert count.places == ("mexico",)
    (count,) = _mentions("ten Latin American gangs").counts
    assert count.regions == ("latin-america",)
    (count,) = _mentions("13 groups from Latin America were designated").counts
    assert count.regions == ("latin-america",) and count.text == "13 groups"
    (count,) = _mentions("two cartels in Mexico were designated").counts
    assert count.places == ("mexico",)
    (count,) = _mentions("two cartels, in Mexico, were designated").counts
    assert count.places == ()


def test_partitive_counts() -> None:
    """ "eight groups, six of them Mexican": a second count, of part of the first, with its place or region."""
    whole, part = _mentions("It designated eight groups, six of them Mexican, as terrorists.").counts
    assert (whole.number, whole.places, part.number, part.places) == (8, (), 6, ("mexico",))
    assert part.text == "six of them Mexican" and part.categories == whole.categories
    whole, part = _mentions("It designated eight groups last month, two of them in Latin America.").counts
    assert (part.number, part.regions) == (2, ("latin-america",))
    assert len(_mentions("It designated eight groups and two of them Mexican officials.").counts) == 1


@pytest.mark.parametrize(
    "text",
    [
        "over a dozen U.S. states",  # not groups
        "29 cartel members were sent",  # "cartel" modifies "members"
        "in 2025 cartels",  # a year
        "$50 million for cartels",  # money
        "Barrio 18 gangs",  # a number inside a name
        "one of the largest cartels",  # no count
        "members of the two organisations had continued",  # the two told before
        "the two gangs are now treated the same way",
        "and the three cartels.",
        "a one-month suspension and a 12-year ban for cartels",  # lengths
    ],
)
def test_not_counts(text: str) -> None:
    """Numbers of other things are not counts of groups."""
    assert _mentions(text).counts == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Juan José Ponce Félix fled. Police say Ponce crossed in May.", ["Juan José Ponce Félix", "Ponce"]),
        ("Ponce fled. Juan José Ponce Félix was seen in May.", ["Juan José Ponce Félix"]),  # not before the name
        ("Juan José Ponce Félix fled. The Ponce network grew.", ["Juan José Ponce Félix"]),  # an article's modifier
        ("Juan José Ponce Félix fled. A senior Ponce aide stayed.", ["Juan José Ponce Félix"]),
        ("Juan José Ponce Félix fled. The ponce stayed.", ["Juan José Ponce Félix"]),  # lower case
        ("Juan José Ponce Félix fled. His cousin Pedro Ponce stayed.", ["Juan José Ponce Félix"]),  # another Ponce
    ],
)
def test_surname_after_full_name(text: str, expected: list[str]) -> None:
    """A person named in full is named again by the surname alone, but only after the full name and as a name."""
    assert [name for name, ref, _ in _entities(text) if ref == "juan-jose-ponce-felix"] == expected


def test_surname_of_two_people_named_stays_unresolved() -> None:
    """A surname two people named before share stands for neither."""
    text = "Daniel Kinahan was sanctioned. Kinahan fled. Christopher Kinahan Jnr was too. Kinahan hid."
    found = _mentions(text, Path(__file__).parent / "data" / "wanted" / "reference").phrases
    alone = [(p.start, p.ref) for p in found if p.kind == "entity" and text[p.start:p.end] == "Kinahan"]
    assert alone == [(text.index("Kinahan fled"), "daniel-kinahan")]


def test_surname_two_people_may_bear_stands_for_the_one_named_with_it() -> None:
    """ "Hakimullah Mehsud and Wali ur Rehman ... on Mehsud's head": the table gives both the surname, but only
    one was named with it in the text."""
    text = "The State Department designated Hakimullah Mehsud and Wali ur Rehman, with a bounty on Mehsud's head."
    found = _mentions(text, Path(__file__).parent / "data" / "taliban" / "reference").phrases
    alone = [(p.start, p.ref) for p in found if p.kind == "entity" and text[p.start:p.end] == "Mehsud"]
    assert alone == [(text.index("Mehsud's"), "hakimullah-mehsud")]


def test_surname_inside_a_gapped_cue() -> None:
    """A surname in the gap of a cue ("added ... to ... list") is still a name."""
    text = "Juan José Ponce Félix fled. The FBI added Ponce to its most wanted list."
    assert [n for n, ref, _ in _entities(text) if ref == "juan-jose-ponce-felix"] == ["Juan José Ponce Félix", "Ponce"]


def test_surname_in_an_events_trigger_is_still_a_surname() -> None:
    """A surname the table's event triggers also hold ("saab was freed", "saab ... was released") still names the
    person told in full before it; the trigger is no common word."""
    text = "A judge acted at the request of Tarek William Saab. Saab, who has been sanctioned since 2018, spoke."
    found = _mentions(text, Path(__file__).parent / "data" / "venezuela" / "reference").phrases
    assert [(text[p.start:p.end], p.ref) for p in found if p.kind == "entity"] == [
        ("Tarek William Saab", "tarek-william-saab"), ("Saab", "tarek-william-saab")]


def test_a_definite_count_that_a_clause_restricts_is_a_count() -> None:
    """ "among the eight cartels the State Department designated" counts them."""
    assert [c.number for c in _mentions("among the eight cartels the State Department designated").counts] == [8]


def test_a_name_cut_off_inside_a_hyphenated_word_yields_to_the_whole_word() -> None:
    """ "the FARC-EP": the alias "the FARC" and the name "FARC-EP" are as long; the one ending mid-word loses."""
    text = "Washington designated the FARC-EP in 2021."
    found = [text[p.start:p.end] for p in _mentions(text, Path(__file__).resolve().parent / "data" / "colombia"
                                                    / "reference").phrases if p.kind == "entity"]
    assert "FARC-EP" in found and "the FARC" not in found


EXTREMISTS = Path(__file__).resolve().parent / "data" / "extremists" / "reference"


@pytest.mark.parametrize(("text", "expected"), [
    ("designated seven far-right or anarchist groups", [("seven far-right or anarchist groups", 7,
                                                         ("left-wing", "far-right"), ())]),
    ("alongside three American neo-Nazi and far-right groups", [("three American neo-Nazi and far-right groups", 3,
                                                                ("far-right",), ("united-states",))]),
    ("designated four groups in Germany, Italy and Greece", [("four groups", 4, ("*",), ("germany", "italy",
                                                                                        "greece"))]),
    ("designated four groups in Germany, and Greece named two", [("four groups", 4, ("*",), ("germany",))]),
])
def test_counts_of_joined_modifiers_and_places(text: str, expected: list) -> None:
    """Modifiers joined by "or"/"and" ("far-right or anarchist groups": either category; "neo-Nazi" one word) and
    a list of places after "in" qualify one count; ", and Greece named two" is a clause of its own."""
    found = _mentions(text, EXTREMISTS).counts
    assert [(c.text, c.number, c.categories, c.places) for c in found] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("That makes ten three-star restaurants in Britain.", [("ten three-star restaurants", 10)]),
    ("The guide now counts 31 three-star restaurants in France.", [("31 three-star restaurants", 31)]),
    ("Britain has three-star restaurants again.", []),  # the kind's own number counts nothing
])
def test_a_kind_with_a_number_in_it_is_a_modifier_of_the_count(text: str, expected: list) -> None:
    """A kind whose own words hold a number ("three-star") modifies the noun a count names; it is no count."""
    counts = _mentions(text, Path(__file__).resolve().parent / "data" / "michelin" / "reference").counts
    assert [(c.text, c.number) for c in counts] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The Treasury sanctioned two sitting Hezbollah lawmakers.", [("two sitting Hezbollah lawmakers", 2)]),
    ("The Treasury sanctioned two lawmakers sitting in parliament.", [("two lawmakers", 2)]),
    ("Two harbours sheltering lawmakers were named.", []),  # an -ing word after a noun ends the modifiers
])
def test_an_ing_word_right_after_the_number_modifies_the_counted_noun(text: str, expected: list) -> None:
    """ "two sitting Hezbollah lawmakers": an -ing word right after a number is an adjective of its noun."""
    counts = _mentions(text, Path(__file__).resolve().parent / "data" / "hezbollah" / "reference").counts
    assert [(c.text, c.number) for c in counts] == expected


def test_a_month_inside_a_name_is_no_date() -> None:
    """ "June Huh" is a Fields medallist, not a date in June."""
    table = load_table(Path(__file__).resolve().parent / "data" / "sciprizes" / "reference")
    text = "The union honoured Maryna Viazovska, June Huh and James Maynard on Tuesday."
    result = check(Article(text=text, published_at=dt.date(2022, 7, 6)), table)
    assert [(c["text"], (c["value"].get("date") or {}).get("text")) for c in result["claims"]] == [
        ("Maryna Viazovska", "on Tuesday"), ("June Huh", "on Tuesday"), ("James Maynard", "on Tuesday")]


def test_a_one_word_name_in_lower_case_is_the_common_word() -> None:
    """"Foreign" (the table's alias of the Foreign Office) and "Hive" name nothing in lower case; with a capital, or
    as more than one word, or short capitals, they do."""
    text = ("Cl0p worked for a foreign government; the forum was a hive of activity. Hive was dismantled, and the "
            "foreign office of FCDO spoke.")
    found = _mentions(text, Path(__file__).resolve().parent / "data" / "cyberkev" / "reference").phrases
    assert [(text[p.start:p.end], p.ref) for p in found if p.kind == "entity"] == [
        ("Cl0p", "cl0p"), ("Hive", "hive"), ("the foreign office", "uk-fcdo"), ("FCDO", "uk-fcdo")]
