"""schema.org ClaimReview for a finished check: one review per claim, for search engines and fact-check feeds."""

from __future__ import annotations

from typing import Any

CLAIM_REVIEWED_MAX = 75  # characters of the claim quoted in `claimReviewed`

#: A verdict in words and on the 1 (false) to 5 (true) scale; unverifiable claims get no rating.
RATINGS: dict[str, tuple[str, int | None]] = {
    "supported": ("True", 5),
    "partially_supported": ("Partly true", 3),
    "outdated": ("Outdated", 2),
    "refuted": ("False", 1),
    "unverifiable": ("Unverifiable", None),
}


def quote(sentence: str, limit: int = CLAIM_REVIEWED_MAX) -> str:
    """The claim as the article put it, cut at a word boundary to at most `limit` characters."""
    text = " ".join(sentence.split())
    if len(text) <= limit:
        return text
    cut = text[:limit - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def claim_reviews(job: dict[str, Any], organisation: dict[str, str], review_url: str) -> dict[str, Any]:
    """A JSON-LD document with one ClaimReview per claim of a succeeded job.

    `organisation` is {"name", "url"} of the fact-checking desk; `review_url` is the job's reviewer page, to
    which each review links with the claim's id as fragment.
    """
    result = job["result"]
    article = result["article"]
    reviewed_on = (job.get("finished_at") or "")[:10] or None
    author = {"@type": "Organization", "name": organisation["name"]}
    if organisation.get("url"):
        author["url"] = organisation["url"]
    reviews = []
    for claim in result["claims"]:
        words, value = RATINGS[claim["verdict"]["label"]]
        item: dict[str, Any] = {"@type": "Claim"}
        if article.get("url"):
            item["appearance"] = {"@type": "CreativeWork", "url": article["url"],
                                  **({"headline": article["title"]} if article.get("title") else {})}
        if article.get("published_at"):
            item["datePublished"] = article["published_at"]
        if article.get("title") and not article.get("url"):
            item["name"] = article["title"]
        rating: dict[str, Any] = {"@type": "Rating", "alternateName": words}
        if value is not None:
            rating.update(ratingValue=value, bestRating=5, worstRating=1)
        review = {
            "@type": "ClaimReview",
            "url": f"{review_url}#{claim['id']}",
            "claimReviewed": quote(claim["sentence"]),
            "itemReviewed": item,
            "author": author,
            "reviewRating": rating,
            "reviewBody": claim["verdict"]["explanation"],
        }
        if reviewed_on:
            review["datePublished"] = reviewed_on
        reviews.append(review)
    return {"@context": "https://schema.org", "@graph": reviews}
