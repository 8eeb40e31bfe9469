"""Public facade of the engine (TEMPORARY STUB: real pipeline being written)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from workers.pipeline.errors import InputError


@dataclass(frozen=True, slots=True)
class Article:
    """An article as submitted: plain text or HTML, plus optional metadata."""

    text: str | None = None
    html: str | None = None
    title: str | None = None
    url: str | None = None
    language: str | None = None
    published_at: dt.date | None = None


@dataclass(frozen=True, slots=True)
class CheckOptions:
    """Options of one check."""

    max_chars: int = 1_000_000


@dataclass(frozen=True, slots=True)
class _StubTable:
    version: str


def load_table(path: str | Path | None = None) -> _StubTable:
    """Load and compile a reference table (cached per path)."""
    return _StubTable(version="stub")


def check(article: Article, table: _StubTable | None = None, options: CheckOptions = CheckOptions()) -> dict:
    """Check one article and return the result as a JSON-ready dict (see ResultSchema)."""
    body = article.text if article.text is not None else article.html
    if not body or not body.strip():
        raise InputError("text", "the article is empty")
    table = table or load_table()
    return {
        "article": {"title": article.title, "url": article.url, "language": article.language,
                    "published_at": article.published_at.isoformat() if article.published_at else None,
                    "format": "text" if article.text is not None else "html", "text": body},
        "reference_version": table.version,
        "claims": [],
        "summary": {},
        "warnings": [],
    }
