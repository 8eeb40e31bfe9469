"""Structured logs: one JSON object a line, carrying the request id of the request or job being served.

The API takes `X-Request-Id` from the client (or makes one), sends it back, logs each request as one line
(method, route, status, duration, tenant, request id: never a header or a body) and stores the id with the job;
the worker logs its lines for that job under the same id.
"""

from __future__ import annotations

import contextvars
import logging
import re
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import IO

from flask import Flask, Response, g, request
from pythonjsonlogger.json import JsonFormatter

HEADER = "X-Request-Id"
VALID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")
FORMAT = "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s"
REQUEST_ID: contextvars.ContextVar[str | None] = contextvars.ContextVar("request_id", default=None)
access_log = logging.getLogger("claimcheck.access")


class RequestIdFilter(logging.Filter):
    """Give every record the request id in effect (None outside a request or job)."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Add `request_id` unless the call gave one."""
        if not hasattr(record, "request_id"):
            record.request_id = REQUEST_ID.get()
        return True


def json_handler(stream: IO[str] | None = None) -> logging.Handler:
    """A handler writing one JSON object a line, with the request id."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(JsonFormatter(FORMAT, rename_fields={"asctime": "time", "levelname": "level"}))
    handler.addFilter(RequestIdFilter())
    return handler


def configure_logging(level: int | str = logging.INFO, stream: IO[str] | None = None) -> None:
    """Send the root logger's records, as JSON lines, to `stream` (stderr): for the API and worker processes."""
    root = logging.getLogger()
    root.handlers[:] = [json_handler(stream)]
    root.setLevel(level)


@contextmanager
def request_id(value: str | None) -> Iterator[None]:
    """Log under `value` as request id for the duration (the worker, for one job)."""
    token = REQUEST_ID.set(value)
    try:
        yield
    finally:
        REQUEST_ID.reset(token)


def _begin() -> None:
    given = request.headers.get(HEADER, "")
    g.request_id = given if VALID.match(given) else uuid.uuid4().hex
    g.request_started = time.perf_counter()
    g.request_id_token = REQUEST_ID.set(g.request_id)


def _end(response: Response) -> Response:
    response.headers[HEADER] = g.get("request_id") or ""
    access_log.info(
        "%s %s %s",
        request.method,
        request.path,
        response.status_code,
        extra={
            "method": request.method,
            "route": request.url_rule.rule if request.url_rule else None,
            "status": response.status_code,
            "duration_ms": round(1000 * (time.perf_counter() - g.get("request_started", time.perf_counter())), 2),
            "tenant": g.get("tenant"),
        },
    )
    return response


def _teardown(exc: BaseException | None) -> None:
    if (token := g.pop("request_id_token", None)) is not None:
        with suppress(ValueError):  # a token from another context (a server running requests elsewhere)
            REQUEST_ID.reset(token)


def init_request_ids(app: Flask) -> None:
    """Give every request an id (the client's `X-Request-Id` when well formed), echo it and log the request."""
    app.before_request(_begin)
    app.after_request(_end)
    app.teardown_request(_teardown)
