"""Claim extraction: which claims a text makes, with their key mention and subject; negatives included."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from workers.pipeline import Article, check, load_table

PUB = dt.date(2025, 8, 8)


def _claims(text: str, published: dt.date | None = PUB) -> list[tuple[str, str, str | None]]:
    result = check(Article(text=text, published_at=published), load_table())
    return [(c["type"], c["text"], c["subject"]["id"] if c["subject"] else None) for c in result["claims"]]


CASES = [
    (
        "list after a colon",
        "The U.S. has designated two gangs as foreign terrorist organizations: Tren de Aragua (TdA) and MS-13.",
        [
            ("designation_count", "two gangs", None),
            ("designation", "Tren de Aragua", "tren-de-aragua"),
            ("designation", "MS-13", "mara-salvatrucha"),
        ],
    ),
    (
        "X, Y and six other groups",
        "In February, the U.S. designated Tren de Aragua, the Sinaloa Cartel, and six other criminal groups as "
        "terrorist organizations.",
        [
            ("designation", "Tren de Aragua", "tren-de-aragua"),
            ("designation", "Sinaloa Cartel", "cartel-de-sinaloa"),
            ("designation_count", "six other criminal groups", None),
        ],
    ),
    (
        "bullet list after an introduction",
        "The action targets the following cartels, designated as FTOs:\n- Cártel de Sinaloa\n- CJNG\nOther news.",
        [("designation", "Cártel de Sinaloa", "cartel-de-sinaloa"), ("designation", "CJNG", "cjng")],
    ),
    (
        "a list after a short intro sentence of its own",
        "In February the State Department designated eight groups as FTOs. Among them:\n- Tren de Aragua\n- MS-13\n"
        "Other news.",
        [
            ("designation_count", "eight groups", None),
            ("designation", "Tren de Aragua", "tren-de-aragua"),
            ("designation", "MS-13", "mara-salvatrucha"),
        ],
    ),
    (
        "no list without a designation just before",
        "Officials met in February. Among them:\n- Tren de Aragua\n- MS-13\nOther news.",
        [],
    ),
    (
        "the rest of a list in the next sentence",
        "In February the State Department designated Tren de Aragua as an FTO.\nThe others were MS-13 and the "
        "Sinaloa Cartel.",
        [
            ("designation", "Tren de Aragua", "tren-de-aragua"),
            ("designation", "MS-13", "mara-salvatrucha"),
            ("designation", "Sinaloa Cartel", "cartel-de-sinaloa"),
        ],
    ),
    (
        "'the others' with no designation just before",
        "Tren de Aragua operates in Chile.\nThe others were MS-13 and the Sinaloa Cartel.",
        [],
    ),
    (
        "a date the cue between takes is not the event's",
        "On Thursday, the Treasury sanctioned Los Mayos after the transfer of 29 cartel figures to the US.",
        [("designation", "Los Mayos", "los-mayos")],
    ),
    (
        "a reward that names its own target is not for the person named before",
        "Maduro is wanted in the US.\nThe State Department is offering up to $5 million for information on the "
        "whereabouts of LockBit affiliates.",
        [],
    ),
    (
        "a reward 'for his capture' refers back",
        "Maduro is wanted in the US.\nThe State Department raised the reward for his capture to $50 million.",
        [("reward", "$50 million", "nicolas-maduro")],
    ),
    (
        "context carried by also",
        "In February the State Department designated Tren de Aragua a foreign terrorist organization.\n"
        "Two weeks ago, Cartel de los Soles was also designated.",
        [
            ("designation", "Tren de Aragua", "tren-de-aragua"),
            ("designation", "Cartel de los Soles", "cartel-de-los-soles"),
        ],
    ),
    (
        "added to its list",
        "The administration labeled cartels as terrorists. It recently added Cartel de los Soles to its list.",
        [("designation", "Cartel de los Soles", "cartel-de-los-soles")],
    ),
    (
        "the group a faction belongs to is not designated",
        "The Treasury Department sanctioned Los Mayos, a faction of the Sinaloa cartel, on Thursday.",
        [("designation", "Los Mayos", "los-mayos")],
    ),
    (
        "named a kind, with the gap phrase of the table",
        "Ecuador's Los Choneros gang, which the Trump administration on Thursday named a foreign terrorist "
        "organization, has ties to Mexican cartels.",
        [("designation", "Los Choneros", "los-choneros")],
    ),
    (
        "a person the table designates needs no cue beside the name",
        "Ponce Félix has been sanctioned by the United States.",
        [("designation", "Ponce Félix", "juan-jose-ponce-felix")],
    ),
    (
        "a person the table does not designate does",
        "Maduro has been sanctioned by the United States.",
        [],
    ),
    (
        "a denial after an assertion about the same group is a claim of its own",
        "The Treasury on Thursday sanctioned Los Mayos.\nThe State Department has not designated Los Mayos.",
        [("designation", "Los Mayos", "los-mayos"), ("designation", "Los Mayos", "los-mayos")],
    ),
    (
        "a lone T is not n't",
        "The Tinkoff T bank was listed; Los Mayos was sanctioned.",
        [("designation", "Los Mayos", "los-mayos")],
    ),
    (
        "became a kind",
        "The Cartel of the Suns became an FTO last week.",
        [("designation", "Cartel of the Suns", "cartel-de-los-soles")],
    ),
    (
        "reward without the word: for information leading to",
        "The US has offered up to $15 million for information leading to Maduro's arrest since 2020.",
        [("reward", "$15 million", "nicolas-maduro")],
    ),
    (
        "apposition with a kind term",
        "Tren de Aragua, a foreign terrorist organization, operates in Chile.",
        [("designation", "Tren de Aragua", "tren-de-aragua")],
    ),
    (
        "reward with previous amount",
        "The reward for Maduro was raised from $25 million to $50 million in August.",
        [("reward", "$50 million", "nicolas-maduro")],
    ),
    (
        "the previous amount named after the new one",
        "The $50m reward for Maduro - double the previous $25m - is the largest ever offered.",
        [("reward", "$50m", "nicolas-maduro")],
    ),
    (
        "reward subject in the previous sentence",
        "Maduro is wanted in the United States. The bounty is now $50 million.",
        [("reward", "$50 million", "nicolas-maduro")],
    ),
    (
        "reward subject in the paragraph before (one-sentence paragraphs)",
        "The US doubled its reward for Venezuelan President Nicolás Maduro to $50 million.\n"
        "The reward had stood at $25 million since January.",
        [("reward", "$50 million", "nicolas-maduro"), ("reward", "$25 million", "nicolas-maduro")],
    ),
    (
        "no reward subject two paragraphs back",
        "Maduro spoke on Monday.\nThe talks went on.\nThe reward had stood at $25 million since January.",
        [],
    ),
    (
        "event with trigger and date",
        "In March, during a speech before the U.S. Congress, Trump declared war on the cartels.",
        [("event_date", "In March", "joint-session-address-2025")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_claims(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    """The text yields exactly these claims, in order."""
    assert _claims(text) == expected


NEGATIVE = [
    ("assets are not a reward", "Officials said $700 million of assets were seized from Maduro's allies."),
    ("assets next to a reward", "Officials also seized $700 million in assets linked to Maduro, Bondi said."),
    ("states are not groups", "Over a dozen U.S. states have sued over the designation of cartels."),
    ("mention without designation", "Targets include Venezuela's Tren de Aragua and the infamous MS-13 gang."),
    ("other clause", "Most cartels designated as terrorists operate in Mexico, while TdA's roots are in Venezuela."),
    ("a person near a group", "The Cartel de los Soles, allegedly led by Nicolás Maduro, is a network."),
    ("date of the report", "Trump signed a directive, The New York Times reported Friday."),
    ("event without a date", "Trump signed an executive order directing the State Department to act."),
    ("weak cue with no context", "The company added Tren de Aragua graffiti to its catalogue."),
    ("cartel members are not a count", "The extradition of 29 cartel members drew attention."),
    ("an old amount alone", "The reward for Maduro was raised in August from $25 million."),
]


@pytest.mark.parametrize("text", [c[1] for c in NEGATIVE], ids=[c[0] for c in NEGATIVE])
def test_no_claims(text: str) -> None:
    """Text that states nothing the table can check yields no claim."""
    assert _claims(text) == []


def test_spans_index_the_returned_text() -> None:
    """Every span indexes `article.text` and its surface is the claim's `text`."""
    text = (
        "In February, the U.S. designated Tren de Aragua as a “terrorist organization”.\u00a0The $50 million reward..."
    )
    result = check(Article(text=text, published_at=PUB), load_table())
    assert result["claims"]
    for claim in result["claims"]:
        start, end = claim["span"]
        assert result["article"]["text"][start:end] == claim["text"]
        s0, s1 = claim["sentence_span"]
        assert result["article"]["text"][s0:s1] == claim["sentence"]


def test_a_thing_named_earlier_is_found_by_its_head_noun() -> None:
    """Another table's reward subject (an object), named in full once and later as "the toilet"."""
    table = load_table(Path(__file__).resolve().parent / "data" / "heritage" / "reference")
    text = ("Thieves took the gold toilet from the palace in 2019.\nIt has never been recovered.\nThe trial goes on.\n"
            "The charity now offers a reward of 25,000 pounds for information about the toilet.")
    result = check(Article(text=text, published_at=dt.date(2025, 3, 4)), table)
    assert [(c["type"], c["text"], c["subject"]["id"]) for c in result["claims"]] == [
        ("reward", "25,000 pounds", "blenheim-toilet")]
    unrelated = ("Thieves took the gold toilet in 2019.\nPolice said little.\nThe museum was closed.\n"
                 "The charity now offers a 25,000 pound reward for the painting.")
    assert check(Article(text=unrelated, published_at=dt.date(2025, 3, 4)), table)["claims"] == []


def test_a_possessive_date_dates_its_noun_not_the_claim() -> None:
    """ "With Thursday's action, the Treasury has sanctioned Los Mayos": the claim is as of publication."""
    result = check(Article(text="With Thursday's action, the Treasury has sanctioned Los Mayos.",
                           published_at=dt.date(2025, 9, 20)), load_table())
    assert [(c["text"], c["value"]["date"]) for c in result["claims"]] == [("Los Mayos", None)]
