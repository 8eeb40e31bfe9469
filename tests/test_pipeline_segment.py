"""Sentences and clauses: abbreviations, list markers and contrastive clauses."""

from __future__ import annotations

import pytest

from workers.pipeline.normalize import fold_view
from workers.pipeline.segment import sentences


def _sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in sentences(text, fold_view(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The U.S. President spoke. He left.", ["The U.S. President spoke.", "He left."]),
        ("It took effect Feb. 20, 2025. Then more.", ["It took effect Feb. 20, 2025.", "Then more."]),
        ("Washington, D.C. — A move. Another one.", ["Washington, D.C. — A move.", "Another one."]),
        ("“We will,” she said. “Never.”", ["“We will,” she said.", "“Never.”"]),
        (
            "1. The move to designate cartels.\n2. The second point.",
            ["1. The move to designate cartels.", "2. The second point."],
        ),
        ("Mr. Rubio said so. Dr. Smith agreed.", ["Mr. Rubio said so.", "Dr. Smith agreed."]),
        ("Sites since the 1990s. Lviv was added.", ["Sites since the 1990s.", "Lviv was added."]),
        ("Seen by J. Smith. Then more.", ["Seen by J. Smith.", "Then more."]),
    ],
)
def test_sentences(text: str, expected: list[str]) -> None:
    """Full stops of abbreviations, initials and list markers do not end sentences."""
    assert _sentences(text) == expected


def test_paragraph_and_bullet_flags() -> None:
    """Each line is a paragraph; bullet lines are marked."""
    text = "The following groups:\n- Tren de Aragua\n- Gran Grif\nEnd."
    found = sentences(text, fold_view(text))
    assert [s.paragraph for s in found] == [0, 1, 2, 3]
    assert [s.bullet for s in found] == [False, True, True, False]


def test_clauses_split_at_while() -> None:
    """ ", while" opens a clause of its own."""
    text = "Most cartels designated as terrorists operate in Mexico, while TdA’s roots are in Venezuela."
    (sent,) = sentences(text, fold_view(text))
    assert [text[a:b].strip() for a, b in sent.clauses] == [
        "Most cartels designated as terrorists operate in Mexico",
        "while TdA’s roots are in Venezuela.",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # items of a list set off by semicolons: one clause
            "Also sanctioned were Ana Ruiz, a co-founder of the gang whom the Treasury accused of running its mines; "
            "Luis Peña; Juan Soto; and Eva Rondón.",
            1,
        ),
        ("The Treasury acted; and the State Department offered a reward.", 2),  # one semicolon: clauses
        ("A was listed; B was listed in May; C fled.", 3),  # no closing "and": clauses
        (  # an item with a relative clause of its own is still an item
            "It also sanctioned his wife, Ana Ruiz; his son Luis Ruiz, who is on trial in Bogotá on money-laundering "
            "charges; and Interior Minister Juan Soto.",
            1,
        ),
        (  # items opened by a preposition are clauses about places
            "Wolves are back in the news: in the Southwest, where numbers climb; in Congress, where bills move; and in "
            "North Carolina, where the red wolf clings on.",
            3,
        ),
        (  # an item too long for a list: clauses
            "A was listed; B, who ran the gang's finances for a decade from a ranch near the border with his two "
            "brothers and a cousin, fled; and C left.",
            3,
        ),
        (  # after a colon that introduces it, a list's items may be longer
            "Four more were added: A, in February 2020; B, a largely online network whose commander turned out to be "
            "a boy of 13 in Estonia, in 2019; and C, in July 2021.",
            1,
        ),
    ],
)
def test_semicolon_lists(text: str, expected: int) -> None:
    """Semicolons split clauses, except those setting off the short items of a list that ends "; and X"."""
    (sent,) = sentences(text, fold_view(text))
    assert len(sent.clauses) == expected
