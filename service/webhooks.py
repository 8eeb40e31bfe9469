"""/v1/webhooks/{source}: a newsroom CMS pushes a story (signed per Standard Webhooks); it is checked as a job."""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any

from flask import Response, current_app, g, request
from flask.views import MethodView
from flask_smorest import Blueprint, abort
from marshmallow import ValidationError
from standardwebhooks import Webhook

from service.auth import require_api_key
from service.checks import _respond, _store, _submit
from service.inbound import FORMATS, MappingError, map_payload
from service.ratelimit import enforce_rate_limit
from service.schemas import CheckRequestSchema, JobSchema

blp = Blueprint("webhooks", __name__, url_prefix="/v1/webhooks", description="Stories pushed by a newsroom CMS")
blp.before_request(require_api_key)
blp.before_request(enforce_rate_limit)

ARTICLE_SCHEMA = CheckRequestSchema()
UNUSABLE = ("failed", "canceled")  # a story's latest job in these states is run again even when unchanged
REPLAY_KEY = "webhook-id:"  # namespace of a webhook-id among the tenant's idempotency keys
SUPERDESK_SIGNATURE = "x-superdesk-signature"


def tenant_secret(config: Any, tenant: str) -> str | None:
    """The secret verifying a tenant's inbound webhooks: its inbound secret, else its callback secret."""
    return (config.get("INBOUND_WEBHOOK_SECRETS") or {}).get(tenant) or (
        config.get("WEBHOOK_SECRETS") or {}).get(tenant)


def _unauthorized(message: str) -> None:
    abort(401, message=message, title="Invalid webhook signature")


def _superdesk_valid(secret: str, body: bytes, header: str) -> bool:
    """`x-superdesk-signature: sha1=<hex>`: HMAC-SHA1 of the body keyed with the secret as configured."""
    scheme, _, given = header.strip().partition("=")
    expected = hmac.new(secret.encode(), body, hashlib.sha1).hexdigest()
    return scheme.lower() == "sha1" and hmac.compare_digest(expected, given.strip().lower())


def _verify(source: str, body: bytes) -> str | None:
    """Check the signature (401 when missing or bad); the message's `webhook-id`, None for a Superdesk one."""
    secret = tenant_secret(current_app.config, g.tenant)
    if not secret:
        _unauthorized("no inbound webhook secret is configured for this API key's tenant")
    superdesk = request.headers.get(SUPERDESK_SIGNATURE)
    if source == "superdesk" and superdesk and "webhook-signature" not in request.headers:
        if not _superdesk_valid(secret, body, superdesk):
            _unauthorized("the x-superdesk-signature does not match the body")
        return None
    try:
        Webhook(secret).verify(body, dict(request.headers), json_parse=False)
    except Exception as exc:  # missing headers, stale timestamp, malformed or wrong signature
        _unauthorized(f"the webhook signature is missing, stale or wrong: {exc}")
    return request.headers["webhook-id"]


def _article(source: str, body: bytes) -> tuple[dict[str, Any], str | None, str | None]:
    """The article the payload carries, validated as POST /v1/checks validates one; else 422."""
    try:
        payload = json.loads(body)
    except ValueError:
        abort(422, errors={"body": ["not JSON"]})
    try:
        mapped = map_payload(source, payload)
    except MappingError as exc:
        abort(422, errors={exc.field: [exc.message]})
    fields = dict(mapped.article)
    if fields.get("published_at") is not None:
        fields["published_at"] = fields["published_at"].isoformat()
    try:
        article = ARTICLE_SCHEMA.load(fields)
    except ValidationError as exc:
        abort(422, errors=exc.messages)
    return article, mapped.article_id, mapped.version


def _content_hash(article: dict[str, Any]) -> str:
    """What decides whether a story's text changed: a digest of its body (HTML or text) as given."""
    return hashlib.sha256((article.get("html") or article.get("text") or "").encode()).hexdigest()


def _story_job(source: str, article: dict[str, Any], article_id: str | None, version: str | None,
               key: str | None, body_hash: str) -> dict[str, str]:
    """The job of this push: the story's latest job when its text did not change, else a new one linked to it."""
    store = _store()
    article["metadata"] = {"source": source, "article_id": article_id, "version": version}
    if article_id is None or (key is not None and store.recall_idempotency(g.tenant, key)):
        return _submit(article, key, body_hash)  # no story to follow, or a replay: answered as one
    content = _content_hash(article)
    latest = store.latest_of_article(g.tenant, article_id)
    if latest and latest.get("content_hash") == content and latest["status"] not in UNUSABLE:
        if key is not None:
            store.remember_idempotency(g.tenant, key, body_hash, latest["id"], current_app.config["IDEMPOTENCY_TTL"])
        return latest
    extra = {"article_id": article_id, "version": version or "", "content_hash": content}
    if latest:
        extra["previous_job"] = article["metadata"]["previous_job"] = latest["id"]
    return _submit(article, key, body_hash, extra)


@blp.route("/<string:source>")
class Inbound(MethodView):
    """A CMS webhook endpoint."""

    @blp.response(202, JobSchema, description="Accepted (or the job an earlier delivery of this webhook-id made)")
    @blp.alt_response(200, schema=JobSchema, description="A redelivered webhook-id whose job has finished",
                      success=True)
    @blp.alt_response(401, response="UNAUTHORIZED")
    @blp.alt_response(404, response="NOT_FOUND")
    @blp.alt_response(413, response="REQUEST_ENTITY_TOO_LARGE")
    @blp.alt_response(422, response="UNPROCESSABLE_ENTITY")
    @blp.alt_response(429, response="TOO_MANY_REQUESTS")
    @blp.alt_response(503, response="SERVICE_UNAVAILABLE")
    def post(self, source: str) -> Response:
        """Receive a story: `ninjs` (IPTC 1.x-3.x), `wordpress` (a post object) or `superdesk` (HTTP push).

        Signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`, 5 minutes'
        tolerance) with the tenant's secret; `superdesk` also takes `x-superdesk-signature: sha1=<hex>`.
        A `webhook-id` delivered again returns the job its first delivery made. A new version of a story whose
        text did not change returns the story's latest job; a changed one runs a new job linked to it
        (`metadata.previous_job`), whose result marks each claim `change`: new, changed or unchanged, and lists
        the claims gone in `changes`.
        """
        if source not in FORMATS:
            abort(404, message=f"unknown webhook format {source!r}; use one of {', '.join(FORMATS)}")
        body = request.get_data(cache=True)  # 413 above MAX_CONTENT_LENGTH
        webhook_id = _verify(source, body)
        article, article_id, version = _article(source, body)
        key = REPLAY_KEY + webhook_id if webhook_id else None
        record = _story_job(source, article, article_id, version, key, hashlib.sha256(body).hexdigest())
        return _respond(record, 202)
