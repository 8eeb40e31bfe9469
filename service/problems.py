"""RFC 9457 problem details: the one error shape of the API and of failed jobs."""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

MEDIA_TYPE = "application/problem+json"
ABOUT_BLANK = "about:blank"
_URN = "urn:claimcheck:problem:"

INVALID_REQUEST = _URN + "invalid-request"
IDEMPOTENCY_KEY_REUSED = _URN + "idempotency-key-reused"
RATE_LIMITED = _URN + "rate-limited"
STORE_UNAVAILABLE = _URN + "store-unavailable"
INVALID_ARTICLE = _URN + "invalid-article"
CHECK_TIMEOUT = _URN + "check-timeout"
WORKER_LOST = _URN + "worker-lost"
REFERENCE_TABLE = _URN + "reference-table"
INTERNAL_ERROR = _URN + "internal-error"
FETCH_REFUSED = _URN + "fetch-refused"
FETCH_UNREACHABLE = _URN + "fetch-unreachable"
FETCH_TIMEOUT = _URN + "fetch-timeout"
FETCH_STATUS = _URN + "fetch-status"
FETCH_CONTENT_TYPE = _URN + "fetch-content-type"
FETCH_TOO_LARGE = _URN + "fetch-too-large"
FETCH_NO_TEXT = _URN + "fetch-no-text"
FACT_CONFLICT = _URN + "fact-conflict"
RECHECK_UNAVAILABLE = _URN + "recheck-unavailable"


def problem(
    status: int, detail: str, *, type: str = ABOUT_BLANK, title: str | None = None, **extensions: Any
) -> dict[str, Any]:
    """A problem document; `title` defaults to the status phrase, as RFC 9457 asks for about:blank."""
    body = {"type": type, "title": title or HTTPStatus(status).phrase, "status": status, "detail": detail}
    body.update({k: v for k, v in extensions.items() if v is not None})
    return body
