"""Hostile text: the pipeline returns a valid result or refuses cleanly, whatever it is given."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from workers.pipeline import Article, InputError, check, load_table
from workers.pipeline.schema import ResultSchema

SIZE = 20_000
rng = random.Random(7)

TEXTS = {
    "full stops": "." * SIZE,
    "one character": "a" * SIZE,
    "stars": "*" * SIZE,
    "dollar signs": "$" * SIZE,
    "300-digit number": "$" + "9" * 300 + " million reward for Maduro",
    "impossible date": "On February 30, 2025, the U.S. designated Tren de Aragua an FTO.",
    "mixed scripts": "Картель Tren de Aragua 特朗普 designated كارتل in February " * 200,
    "every plane of unicode": "".join(chr(rng.randrange(32, 0x2FFFF)) for _ in range(SIZE)),
    "lone surrogate-free controls": "\x01\x02\x1b[31m Tren de Aragua designated \x7f" * 500,
    "amounts and cues": "$1 reward for Maduro " * 1000,
    "lists of names": "Tren de Aragua, a foreign terrorist organization, " * 400,
    "gap phrases": "added to the list " * 1000,
    "newlines": "\n" * SIZE + "x",
    "one long line": "Tren de Aragua was designated in February. " * 500,
}


@pytest.mark.parametrize("text", TEXTS.values(), ids=TEXTS.keys())
def test_returns_a_valid_result(text: str) -> None:
    """No exception escapes; the result validates and its spans stay inside the text."""
    result = check(Article(text=text, published_at=dt.date(2025, 8, 8)), load_table())
    assert ResultSchema().validate(result) == {}
    for claim in result["claims"]:
        start, end = claim["span"]
        assert 0 <= start < end <= len(result["article"]["text"])


@pytest.mark.parametrize("article", [Article(text="a\x00b"), Article(text=""), Article(html="<div>" * 3000)],
                         ids=["NUL byte", "empty", "markup without text"])
def test_refuses_cleanly(article: Article) -> None:
    """Unusable input is an InputError naming the field, not a crash."""
    with pytest.raises(InputError):
        check(article, load_table())
