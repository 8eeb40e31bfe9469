"""Hostile text: the pipeline returns a valid result or refuses cleanly, whatever it is given.

A corpus of nasty inputs, and a property over generated text; bench/hostile.py times them at growing sizes.
"""

from __future__ import annotations

import datetime as dt
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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
    "100,000 repeated characters": "x" * 100_000,
    "a megabyte on one line": ("Tren de Aragua was designated in February 2025; a $5 million reward. " * 15_000)[
        :1_000_000],
    "digit groups": "$" + "1,000" * 20_000,
    "nothing but spaces and a letter": " " * 100_000 + "x",
}
HTML = {
    "deeply nested HTML": "<div>" * 5_000 + "<p>Tren de Aragua was designated in February 2025.</p>" + "</div>" * 5_000,
    "entities": "<p>" + "&amp;" * 20_000 + "</p>",
    "script and style only": "<script>alert(1)</script><style>p{}</style>" * 100,
    "unclosed tags": "<p " * 20_000,
}
FRAGMENTS = ["Tren de Aragua", "Maduro", " designated ", " a foreign terrorist organization", " reward of up to ",
             "$", "50", " million", ",000", "February", " 30", ", 2025", "U.S.", "State Department", ". ", "\n",
             "(", ")", "-", "–", "%", " ", "​", "1" * 40]


@pytest.mark.parametrize("text", TEXTS.values(), ids=TEXTS.keys())
def test_returns_a_valid_result(text: str) -> None:
    """No exception escapes; the result validates and its spans stay inside the text."""
    result = check(Article(text=text, published_at=dt.date(2025, 8, 8)), load_table())
    assert ResultSchema().validate(result) == {}
    for claim in result["claims"]:
        start, end = claim["span"]
        assert 0 <= start < end <= len(result["article"]["text"])


@pytest.mark.parametrize("html", HTML.values(), ids=HTML.keys())
def test_hostile_html_gives_a_result_or_a_refusal(html: str) -> None:
    try:
        result = check(Article(html=html, published_at=dt.date(2025, 8, 8)), load_table())
    except InputError as exc:
        assert exc.field == "html"
        return
    assert ResultSchema().validate(result) == {}


@settings(max_examples=300, deadline=None, database=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=30)), max_size=60).map("".join))
def test_any_text_gives_a_valid_result_or_a_clean_refusal(text: str) -> None:
    """Text made of the engine's cue words, numbers and any Unicode but lone surrogates (the API refuses those)."""
    try:
        result = check(Article(text=text, published_at=dt.date(2025, 8, 8)), load_table())
    except InputError as exc:
        assert exc.field == "text" and exc.detail
        return
    assert ResultSchema().validate(result) == {}
    seen = result["article"]["text"]
    for claim in result["claims"]:
        start, end = claim["span"]
        assert 0 <= start < end <= len(seen) and seen[start:end] == claim["text"]


@pytest.mark.parametrize("article", [Article(text="a\x00b"), Article(text=""), Article(html="<div>" * 3000)],
                         ids=["NUL byte", "empty", "markup without text"])
def test_refuses_cleanly(article: Article) -> None:
    """Unusable input is an InputError naming the field, not a crash."""
    with pytest.raises(InputError):
        check(article, load_table())
