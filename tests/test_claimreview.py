"""ClaimReview JSON-LD from a result: the required fields, the rating scale, the quote limit."""

from __future__ import annotations

import datetime as dt

import pytest

from service.claimreview import CLAIM_REVIEWED_MAX, claim_reviews, quote
from workers.pipeline import Article, check, load_table

TEXT = ("In February, the State Department designated Tren de Aragua as a foreign terrorist organization, a step "
        "officials described at length to reporters gathered at the department. "
        "The U.S. offers a $40 million reward for Maduro. "
        "In March, during a speech before Congress, the president spoke. "
        "The U.S. designated Maduro a terrorist.")
ORG = {"name": "Example Fact Desk", "url": "https://factdesk.example.org"}


@pytest.fixture(scope="module")
def document() -> dict:
    """ClaimReview for a job over TEXT, as the API would give it."""
    result = check(Article(text=TEXT, published_at=dt.date(2025, 9, 1), url="https://news.example.org/a",
                           title="Cartels"), load_table())
    job = {"id": "j1", "status": "succeeded", "finished_at": "2025-09-02T10:00:00+00:00", "result": result}
    return claim_reviews(job, ORG, "https://claimcheck.example.org/review/j1")


def test_one_review_per_claim_with_required_fields(document: dict) -> None:
    """Every review has the fields ClaimReview consumers require."""
    assert document["@context"] == "https://schema.org"
    reviews = document["@graph"]
    assert len(reviews) == 4
    for review in reviews:
        assert review["@type"] == "ClaimReview"
        assert review["url"].startswith("https://claimcheck.example.org/review/j1#c")
        assert 0 < len(review["claimReviewed"]) <= CLAIM_REVIEWED_MAX
        assert review["itemReviewed"] == {
            "@type": "Claim", "datePublished": "2025-09-01",
            "appearance": {"@type": "CreativeWork", "url": "https://news.example.org/a", "headline": "Cartels"}}
        assert review["author"] == {"@type": "Organization", **ORG}
        assert review["datePublished"] == "2025-09-02"
        assert review["reviewRating"]["alternateName"]


@pytest.mark.parametrize(("surface_word", "words", "value"), [
    ("Tren de Aragua", "True", 5),
    ("reward", "False", 1),
    ("speech", "True", 5),
    ("Maduro a terrorist", "Unverifiable", None),
])
def test_rating_scale(document: dict, surface_word: str, words: str, value: int | None) -> None:
    """Verdicts map onto 1-5 with best 5 and worst 1; unverifiable claims carry no rating value."""
    review = next(r for r in document["@graph"] if surface_word in r["claimReviewed"])
    rating = review["reviewRating"]
    assert rating["alternateName"] == words
    if value is None:
        assert "ratingValue" not in rating and "bestRating" not in rating
    else:
        assert (rating["ratingValue"], rating["bestRating"], rating["worstRating"]) == (value, 5, 1)


def test_claim_reviewed_holds_no_verdict(document: dict) -> None:
    """`claimReviewed` quotes the article, never the verdict."""
    for review in document["@graph"]:
        assert review["reviewRating"]["alternateName"] not in review["claimReviewed"]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Short claim.", "Short claim."),
    ("  spaced \n out  ", "spaced out"),
    ("word " * 30, ("word " * 14).strip() + "…"),
])
def test_quote(sentence: str, expected: str) -> None:
    """Quotes are whitespace-normalised and cut at a word boundary within the limit."""
    assert quote(sentence) == expected and len(quote(sentence)) <= CLAIM_REVIEWED_MAX
