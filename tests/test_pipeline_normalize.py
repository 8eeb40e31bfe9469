"""Normalisation: offsets survive, censored words read as words, HTML gives its main text."""

from __future__ import annotations

import pytest

from workers.pipeline.normalize import clean_plain, extract_html, fold_view, prepare


@pytest.mark.parametrize(
    "text",
    [
        "Cártel de Jalisco Nueva Generación",
        "“Tren de Aragua,” said",
        "Nicolás Maduro’s\u00a0capture",
        "İstanbul and ß",
        "Ca\u0301rtel decomposed",
    ],
)
def test_view_has_the_text_length(text: str) -> None:
    """The matching view is exactly as long as the text, so spans never shift."""
    assert len(fold_view(text)) == len(text)


def test_view_folds_case_accents_and_quotes() -> None:
    """Lower case, no accents, straight quotes."""
    assert fold_view("“Cártel” Nicolás’") == '"cartel" nicolas\''


def test_decomposed_accents_still_make_one_word() -> None:
    """A combining accent does not split a word."""
    doc = prepare("Ca\u0301rtel de Sinaloa")
    assert doc.norms[:3] == ("cartel", "de", "sinaloa")


@pytest.mark.parametrize(("censored", "word"), [("te**orist", "terrorist"), ("dr*g", "drug"), ("g*ngs", "gangs")])
def test_censored_words_read_as_words(censored: str, word: str) -> None:
    """A censored word becomes the only vocabulary word it can stand for."""
    view = fold_view(f"the {censored} groups", {"terrorist", "drug", "gangs", "groups"})
    assert view == f"the {word} groups"


def test_ambiguous_censored_word_is_left_alone() -> None:
    """Two candidates: no guess."""
    assert fold_view("a c*t", {"cat", "cut"}) == "a c*t"


def test_plain_text_keeps_offsets() -> None:
    """Only one-for-one replacements in plain text."""
    text = "A\u00a0B\tC"
    assert clean_plain(text) == "A B C" and len(clean_plain(text)) == len(text)


PAGE = """<html><head><title>Cartel news</title></head><body>
<a href="#main">Skip to content</a>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<article><h1>US designates cartels</h1>
<p>In February, the State Department designated Tren de Aragua as a foreign terrorist organization,
officials said on Thursday in a statement that was widely reported.</p>
<p>The reward for information on the group's leaders was also raised, according to the statement,
which gave no further details about the timing of the announcement.</p>
<p>Read More Stories</p>
<p>Read more: Mexico sends 26 more cartel figures to the US</p>
<p>Related: What an FTO designation means</p>
</article>
<footer>Copyright 2025 Example News. All rights reserved.</footer>
</body></html>"""


def test_html_main_text_without_boilerplate() -> None:
    """trafilatura keeps the article and drops navigation, skip links and "Read More Stories"."""
    text, title = extract_html(PAGE)
    assert "designated Tren de Aragua" in text
    for junk in ("Skip to content", "Read More Stories", "Read more:", "26 more", "Related:", "Home", "Copyright"):
        assert junk not in text
    assert title == "US designates cartels"  # the headline, not the <title> of the site
