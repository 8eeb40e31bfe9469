"""Fetch by URL: GET an article page through the SSRF guard, within limits; a page that cannot be had is a problem."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping
from email.message import Message
from typing import Any

import requests
import urllib3.exceptions
from htmldate import find_date

from service.problems import (
    FETCH_CONTENT_TYPE,
    FETCH_NO_TEXT,
    FETCH_REFUSED,
    FETCH_STATUS,
    FETCH_TIMEOUT,
    FETCH_TOO_LARGE,
    FETCH_UNREACHABLE,
    problem,
)
from workers.ssrf import BodyTimeout, RefusedURL, get, resolve

log = logging.getLogger(__name__)
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
REQUEST_HEADERS = {
    "Accept": "text/html, application/xhtml+xml;q=0.9",
    "Accept-Encoding": "identity",  # no compressed page that would unpack past FETCH_MAX_BYTES in one read
    "User-Agent": "claimcheck/1 (+fetch by URL)",
}


class FetchError(Exception):
    """A page that could not be fetched; `problem` is the job's RFC 9457 problem."""

    def __init__(self, status: int, type: str, title: str, detail: str) -> None:
        super().__init__(detail)
        self.problem = problem(status, detail, type=type, title=title, field="url")


def no_text(url: str) -> FetchError:
    """The problem of a fetched page the engine found no article text in."""
    return FetchError(422, FETCH_NO_TEXT, "No article text in the page",
                      f"no article text could be extracted from the page at {url}")


def _media_type(content_type: str) -> tuple[str, str | None]:
    message = Message()
    message["Content-Type"] = content_type
    return message.get_content_type(), message.get_param("charset")  # type: ignore[return-value]


def _decode(body: bytes, charset: str | None) -> str:
    if charset:
        try:
            return body.decode(charset, errors="replace")
        except LookupError:
            pass
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return body.decode("cp1252", errors="replace")


def fetch_html(url: str, config: Mapping[str, Any]) -> str:
    """The page at `url` as text: GET through the SSRF guard, no redirects, `FETCH_*` limits; else FetchError."""
    try:
        target = resolve(url, config, allow_http=bool(config["FETCH_ALLOW_HTTP"]))
    except RefusedURL as exc:
        raise FetchError(422, FETCH_REFUSED, "The URL is refused", f"{url} is refused: {exc}") from None
    try:
        reply = get(target, REQUEST_HEADERS, config)
    except (requests.Timeout, urllib3.exceptions.TimeoutError, BodyTimeout):  # urllib3's: while reading the body
        raise FetchError(504, FETCH_TIMEOUT, "The page took too long",
                         f"{url} did not answer within the fetch time limits") from None
    except (requests.RequestException, urllib3.exceptions.HTTPError, OSError) as exc:
        log.info("fetching %s failed: %s", url, exc)
        raise FetchError(502, FETCH_UNREACHABLE, "The page cannot be reached",
                         f"{url} cannot be reached: {type(exc).__name__}") from None
    if not 200 <= reply.status < 300:
        detail = f"{url} answered {reply.status}"
        if 300 <= reply.status < 400:
            detail += " (a redirect: redirects are not followed, submit the final URL)"
        raise FetchError(502, FETCH_STATUS, "The page was not served", detail)
    media_type, charset = _media_type(reply.headers.get("Content-Type", ""))
    if media_type not in HTML_TYPES:
        raise FetchError(422, FETCH_CONTENT_TYPE, "The page is not HTML",
                         f"{url} is {media_type}, not text/html or application/xhtml+xml")
    if reply.truncated:
        raise FetchError(422, FETCH_TOO_LARGE, "The page is too large",
                         f"{url} is larger than {config['FETCH_MAX_BYTES']} bytes")
    return _decode(reply.body, charset)


def publication_date(html: str) -> dt.date | None:
    """The page's publication date as htmldate finds it (metadata first, then the page), or None."""
    try:
        found = find_date(html, outputformat="%Y-%m-%d", original_date=True)
    except Exception:  # htmldate on hostile markup: no date rather than a failed job
        log.info("htmldate failed", exc_info=True)
        return None
    return dt.date.fromisoformat(found) if found else None
