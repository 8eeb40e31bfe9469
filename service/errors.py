"""Error handlers: every 4xx and 5xx leaves as RFC 9457 problem+json, never as HTML or a traceback."""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from typing import Any

import redis
from flask import Flask, Response, request
from kombu.exceptions import OperationalError
from werkzeug.exceptions import HTTPException

from service.problems import ABOUT_BLANK, INVALID_REQUEST, MEDIA_TYPE, STORE_UNAVAILABLE, problem

log = logging.getLogger(__name__)
STORE_RETRY_AFTER = 5


def problem_response(body: Mapping[str, Any], headers: Mapping[str, str] | None = None) -> Response:
    """A response carrying one problem document."""
    return Response(
        json.dumps(body, ensure_ascii=False),
        status=body["status"],
        headers=dict(headers or {}),
        mimetype=MEDIA_TYPE,
    )


def _field_errors(data: Mapping[str, Any]) -> dict[str, Any] | None:
    """Validation messages keyed by field, whatever part of the request (json, query) they were in."""
    messages = data.get("errors") or data.get("messages")
    if not messages:
        return None
    errors: dict[str, Any] = {}
    for location, value in messages.items():
        if isinstance(value, Mapping):
            errors.update(value)
        else:
            errors[location] = value
    return errors


def handle_http_exception(exc: HTTPException) -> Response | HTTPException:
    """Aborts, routing errors (404, 405), 413 and friends; 3xx such as 304 pass through."""
    status = exc.code or 500
    if status < 400:
        return exc
    data = getattr(exc, "data", None) or {}
    errors = _field_errors(data)
    detail = data.get("message") or ("the request has invalid fields" if errors else exc.description)
    body = problem(
        status,
        str(detail),
        type=data.get("type") or (INVALID_REQUEST if errors else ABOUT_BLANK),
        title=data.get("title"),
        errors=errors,
    )
    headers = {k: v for k, v in exc.get_headers() if k.lower() != "content-type"}
    headers.update(data.get("headers") or {})
    return problem_response(body, headers)


def handle_store_unavailable(exc: Exception) -> Response:
    """Redis (store or broker) down or unreachable: 503, try again shortly."""
    log.warning("Redis unavailable: %s", exc)
    body = problem(
        503,
        "the job store is unavailable; try again shortly",
        type=STORE_UNAVAILABLE,
        title="Service unavailable",
    )
    return problem_response(body, {"Retry-After": str(STORE_RETRY_AFTER)})


def _unusable_json() -> str | None:
    """Why the request's JSON body cannot be taken although it parses as JSON, or None (it can, or is no JSON).

    Looked at only after an error: nesting too deep for the parser, or a lone UTF-16 surrogate escape
    (`\\ud800`) giving text that UTF-8, and so Redis, cannot carry.
    """
    if not request.is_json:
        return None
    try:
        value = json.loads(request.get_data(cache=True))
    except RecursionError:
        return "the JSON body nests too deeply"
    except ValueError:
        return None
    try:
        json.dumps(value, ensure_ascii=False).encode()
    except UnicodeEncodeError:
        return "the JSON body holds a lone surrogate escape (\\ud800-\\udfff), which is not text"
    return None


def handle_bad_json(exc: RecursionError | UnicodeEncodeError) -> Response:
    """A JSON body too deep to parse or carrying lone surrogates: 400, not 500 (else as `handle_unexpected`)."""
    if (reason := _unusable_json()) is None:
        return handle_unexpected(exc)
    return problem_response(problem(400, reason, type=INVALID_REQUEST, title="Bad Request", errors={"body": [reason]}))


def handle_unexpected(exc: Exception) -> Response:
    """Anything else: log it with its traceback, answer 500 without one."""
    log.exception("unhandled error", exc_info=exc)
    return problem_response(problem(500, "an unexpected error occurred; it was logged"))


def register_error_handlers(app: Flask) -> None:
    """Install the handlers (after flask-smorest's, which they replace)."""
    app.register_error_handler(HTTPException, handle_http_exception)
    for error in (
        redis.ConnectionError,
        redis.TimeoutError,
        redis.exceptions.OutOfMemoryError,
        OperationalError,
    ):
        app.register_error_handler(error, handle_store_unavailable)
    app.register_error_handler(RecursionError, handle_bad_json)
    app.register_error_handler(UnicodeEncodeError, handle_bad_json)
    app.register_error_handler(Exception, handle_unexpected)
