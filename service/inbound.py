"""Newsroom CMS payloads (IPTC ninjs 1.x-3.x, WordPress posts, Superdesk HTTP push) as articles to check: pure."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

FORMATS = ("ninjs", "wordpress", "superdesk")


class MappingError(ValueError):
    """The payload cannot be read as an article; `field` names the part at fault."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field, self.message = field, message


@dataclass(frozen=True, slots=True)
class Mapped:
    """The article fields (as POST /v1/checks takes them), and the CMS identity and version of the story."""

    article: dict[str, Any]
    article_id: str | None = None
    version: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def _text(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _date(payload: Mapping[str, Any], *names: str) -> dt.date | None:
    """The date of the first of `names` present (ISO 8601 date or date-time); 422 when it is not one."""
    for name in names:
        value = payload.get(name)
        if value in (None, ""):
            continue
        try:
            return dt.date.fromisoformat(str(value).strip()[:10])
        except ValueError:
            raise MappingError(name, "not an ISO 8601 date or date-time") from None
    return None


def _http(value: Any) -> str | None:
    text = _text(value)
    return text if text and text.lower().startswith(("http://", "https://")) else None


def _identity(value: Any) -> str | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value)
    return _text(value)


def _article(body_html: str | None, body_text: str | None, body_field: str, **fields: Any) -> dict[str, Any]:
    if body_html is None and body_text is None:
        raise MappingError(body_field, "no usable article body (missing, empty or not a string)")
    article = {"html": body_html} if body_html is not None else {"text": body_text}
    article.update({name: value for name, value in fields.items() if value is not None})
    return article


def _ninjs_bodies(payload: Mapping[str, Any]) -> tuple[str | None, str | None]:
    """(html, text) from ninjs 2.x/3.x `bodies`: the first HTML body, else the first plain one."""
    html = text = None
    bodies = payload.get("bodies")
    if isinstance(bodies, list):
        for body in bodies:
            if not isinstance(body, Mapping) or not (value := _text(body.get("value"))):
                continue
            kind = str(body.get("contenttype") or body.get("contentType") or "text/plain").lower()
            if "html" in kind:
                html = html or value
            else:
                text = text or value
    return html, text


def _ninjs_headline(payload: Mapping[str, Any]) -> str | None:
    if headline := _text(payload.get("headline")):
        return headline
    headlines = payload.get("headlines")
    if isinstance(headlines, list):
        for item in headlines:
            if isinstance(item, Mapping) and (value := _text(item.get("value"))):
                return value
    return None


def from_ninjs(payload: Mapping[str, Any]) -> Mapped:
    """IPTC ninjs 1.x (`body_text`, `body_html`), 2.x (`headlines`, `bodies`), 3.x (camelCase dates)."""
    html, text = _ninjs_bodies(payload)
    html, text = _text(payload.get("body_html")) or html, _text(payload.get("body_text")) or text
    uri = _identity(payload.get("uri")) or _identity(payload.get("guid"))
    article = _article(
        html, None if html else text, "body_text/body_html/bodies",
        title=_ninjs_headline(payload),
        url=_http(uri),
        language=_text(payload.get("language")),
        published_at=_date(payload, "firstpublished", "firstPublished", "firstcreated", "firstCreated",
                           "versioncreated", "versionCreated"),
    )
    return Mapped(article, uri, _identity(payload.get("version")))


def from_wordpress(payload: Mapping[str, Any]) -> Mapped:
    """A WordPress REST API post: `content.rendered` is HTML; identity is `link`, else `id`."""
    content, title = payload.get("content"), payload.get("title")
    html = _text(content.get("rendered")) if isinstance(content, Mapping) else _text(content)
    link = _http(payload.get("link"))
    article = _article(
        html, None, "content.rendered",
        title=_text(title.get("rendered")) if isinstance(title, Mapping) else _text(title),
        url=link,
        published_at=_date(payload, "date_gmt", "modified_gmt"),
    )
    version = _text(payload.get("modified_gmt")) or _text(payload.get("date_gmt"))
    return Mapped(article, link or _identity(payload.get("id")), version)


def from_superdesk(payload: Mapping[str, Any]) -> Mapped:
    """A Superdesk HTTP push item (its ninjs-like output): `guid`, `version`, `body_html`."""
    article = _article(
        _text(payload.get("body_html")), _text(payload.get("body_text")), "body_html",
        title=_text(payload.get("headline")),
        language=_text(payload.get("language")),
        published_at=_date(payload, "firstpublished", "versioncreated"),
    )
    return Mapped(article, _identity(payload.get("guid")), _identity(payload.get("version")))


MAPPERS = {"ninjs": from_ninjs, "wordpress": from_wordpress, "superdesk": from_superdesk}


def map_payload(kind: str, payload: Any) -> Mapped:
    """The article a payload of `kind` carries; MappingError when it carries none."""
    if not isinstance(payload, Mapping):
        raise MappingError("body", "the payload is not a JSON object")
    return MAPPERS[kind](payload)
