"""Request and response schemas of the API; the check result itself is the engine's ResultSchema."""

from __future__ import annotations

import json
from typing import Any

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from workers.jobs import STATUSES
from workers.pipeline.schema import ResultSchema

METADATA_MAX_BYTES = 16 * 1024


def _small_json(value: Any) -> None:
    if len(json.dumps(value).encode()) > METADATA_MAX_BYTES:
        raise ValidationError(f"must be at most {METADATA_MAX_BYTES} bytes as JSON")


class CheckRequestSchema(Schema):
    """An article to check: `text` or `html` (or only a `url` to fetch), and optional metadata."""

    text = fields.String(validate=validate.Length(min=1), metadata={"description": "plain text"})
    html = fields.String(validate=validate.Length(min=1), metadata={"description": "an HTML page"})
    title = fields.String(allow_none=True, validate=validate.Length(max=1000))
    published_at = fields.Date(allow_none=True, metadata={"description": "publication date, YYYY-MM-DD"})
    language = fields.String(
        allow_none=True,
        validate=[validate.Length(max=64), validate.Regexp(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")],
        metadata={"description": "BCP 47 tag, e.g. en or en-GB"},
    )
    url = fields.Url(
        allow_none=True,
        schemes={"http", "https"},
        validate=validate.Length(max=2048),
        metadata={"description": "the article's address: recorded with text or html; given alone, the page is "
                                 "fetched (through the SSRF guard, no redirects followed) and checked"},
    )
    callback_url = fields.Url(
        allow_none=True,
        schemes={"http", "https"},
        validate=validate.Length(max=2048),
        metadata={"description": "where to POST the signed check.succeeded / check.failed callback "
                                 "(else the tenant's configured URL); must pass the SSRF guard"},
    )
    metadata = fields.Dict(
        keys=fields.String(),
        allow_none=True,
        validate=_small_json,
        metadata={"description": "any JSON object, returned with the job"},
    )

    @validates_schema
    def _one_body(self, data: dict[str, Any], **kwargs: Any) -> None:
        if ("text" in data) == ("html" in data) and not ("text" not in data and data.get("url")):
            message = "give exactly one of text or html, or only a url to fetch"
            raise ValidationError({"text": [message], "html": [message]})


class ProblemSchema(Schema):
    """RFC 9457 problem details; `errors` names each invalid field."""

    type = fields.String(required=True)
    title = fields.String(required=True)
    status = fields.Integer(required=True)
    detail = fields.String(required=True)
    instance = fields.String()
    errors = fields.Dict(keys=fields.String(), metadata={"description": "messages keyed by field"})
    field = fields.String(metadata={"description": "the article field the engine refused"})


class StoredResult(fields.Nested):
    """Documented as the nested ResultSchema; the JSON the worker stored is sent as it is (service.checks._job_body)."""

    def _serialize(self, value: Any, attr: str | None, obj: Any, **kwargs: Any) -> Any:
        return value


class JobSchema(Schema):
    """A check job: its status and timestamps, then its result or its problem."""

    id = fields.String(required=True)
    status = fields.String(required=True, validate=validate.OneOf(STATUSES))
    created_at = fields.DateTime(required=True)
    started_at = fields.DateTime(allow_none=True)
    finished_at = fields.DateTime(allow_none=True)
    metadata = fields.Dict(allow_none=True)
    result = StoredResult(ResultSchema, metadata={"description": "present when succeeded"})
    error = fields.Nested(ProblemSchema, metadata={"description": "present when failed"})


class JobSummarySchema(JobSchema):
    """A check as listed: the result is left out."""

    class Meta:
        exclude = ("result",)


class CheckReadArgsSchema(Schema):
    """How to read one check."""

    format = fields.String(
        load_default="json", validate=validate.OneOf(["json", "claimreview"]),
        metadata={"description": "`claimreview`: one schema.org ClaimReview per claim, as JSON-LD "
                                 "(also given for `Accept: application/ld+json`)"},
    )


class JobListArgsSchema(Schema):
    """Filters of the job list."""

    status = fields.String(validate=validate.OneOf(STATUSES))
