"""Public facade of the engine: load a table, check an article, get a JSON-ready result."""

from __future__ import annotations

import datetime as dt
import os
import threading
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workers.pipeline import native
from workers.pipeline.claims import extract_claims
from workers.pipeline.errors import InputError
from workers.pipeline.mentions import find_mentions
from workers.pipeline.model import Claim
from workers.pipeline.normalize import clean_plain, extract_html, prepare
from workers.pipeline.reference import ReferenceTable, load, table_files
from workers.pipeline.schema import LABELS
from workers.pipeline.segment import sentences as split_sentences
from workers.pipeline.verify import Verifier

DEFAULT_REFERENCE = native.HERE.parents[1] / "reference"  # (a compiled module's own __file__ is not its path)


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


_CACHE: dict[tuple, ReferenceTable] = {}
_LOCK = threading.Lock()


def reference_path(path: str | Path | None = None) -> Path:
    """The table path to use: the argument, else CLAIMCHECK_REFERENCE, else the bundled `reference/`."""
    return Path(path or os.environ.get("CLAIMCHECK_REFERENCE") or DEFAULT_REFERENCE)


def load_table(path: str | Path | None = None) -> ReferenceTable:
    """Load and compile a reference table; cached until one of its files changes."""
    where = reference_path(path).resolve()
    stamp = tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in table_files(where))
    key = (str(where), stamp)
    with _LOCK:
        table = _CACHE.get(key)
        if table is None:
            table = load(where)
            _CACHE.clear()
            _CACHE[key] = table
    return table


def check(article: Article, table: ReferenceTable | None = None, options: CheckOptions = CheckOptions()) -> dict:
    """Check one article and return the result as a JSON-ready dict (see ResultSchema)."""
    table = table or load_table()
    text, title, fmt = _article_text(article, options)
    doc = prepare(text, table.lexicon.common_words())
    sents = split_sentences(doc.text, doc.view)
    mentions = find_mentions(doc, table, sents, article.published_at)
    claims = extract_claims(doc, sents, mentions, table)
    verifier = Verifier(table, article.published_at)
    out = [_claim_dict(i, c, verifier, doc.text) for i, c in enumerate(claims, 1)]
    warnings = []
    if article.published_at is None:
        warnings.append("No publication date was given: relative dates stay unresolved and claims are "
                        "checked against the table as a whole.")
    counts = Counter(c["verdict"]["label"] for c in out)
    return {
        "article": {"title": title, "url": article.url, "language": article.language,
                    "published_at": article.published_at.isoformat() if article.published_at else None,
                    "format": fmt, "text": doc.text},
        "reference_version": table.version,
        "claims": out,
        "summary": {label: counts.get(label, 0) for label in LABELS},
        "warnings": warnings,
    }


def _article_text(article: Article, options: CheckOptions) -> tuple[str, str | None, str]:
    if article.text is not None and article.html is not None:
        raise InputError("text", "give either text or html, not both")
    field, body = ("html", article.html) if article.html is not None else ("text", article.text)
    if body is None or not body.strip():
        raise InputError(field, "the article is empty")
    if len(body) > options.max_chars:
        raise InputError(field, f"the article is longer than {options.max_chars} characters")
    if "\x00" in body:
        raise InputError(field, "the article contains NUL characters")
    if field == "text":
        return clean_plain(body), article.title, "text"
    text, title = extract_html(body)
    if not text.strip():
        raise InputError("html", "no article text could be extracted from the HTML")
    return text, article.title or title, "html"


def _date_dict(claim: Claim) -> dict[str, Any] | None:
    d = claim.date
    if d is None:
        return None
    return {"text": d.text, "span": [d.start, d.end], "resolved": d.window.to_dict() if d.window else None}


def _entity_ref(verifier: Verifier, entity_id: str | None) -> dict[str, str] | None:
    return {"id": entity_id, "name": verifier.name(entity_id)} if entity_id else None


def _claim_dict(number: int, claim: Claim, verifier: Verifier, text: str) -> dict[str, Any]:
    claim, verdict = verifier.read(claim)
    value = {k: v for k, v in claim.value.items() if k not in ("fuzzy", "alternatives")}
    if "authority" in value:
        value["authority"] = _entity_ref(verifier, value["authority"])
    if claim.type == "designation" and value.get("kind"):
        value["kind"] = {"id": value["kind"], "name": verifier.kind_name(value["kind"])}
    if claim.type == "designation_count":
        value["named"] = [_entity_ref(verifier, n) for n in value["named"]]
        if value.get("kind"):
            value["kind"] = {"id": value["kind"], "name": verifier.kind_name(value["kind"])}
    value["date"] = _date_dict(claim)
    if claim.value.get("fuzzy"):
        value["matched_spelling"] = text[claim.start:claim.end]
    s = claim.sentence
    return {
        "id": f"c{number}",
        "type": claim.type,
        "text": text[claim.start:claim.end],
        "span": [claim.start, claim.end],
        "sentence": text[s.start:s.end],
        "sentence_span": [s.start, s.end],
        "subject": ({"id": None, "name": claim.subject_name} if claim.subject is None and claim.subject_name
                    else _entity_ref(verifier, claim.subject)),
        "value": value,
        "verdict": verdict.to_dict(),
    }
