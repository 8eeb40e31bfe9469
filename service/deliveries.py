"""/v1/checks/{id}/deliveries: every callback attempt of a check, and redelivery."""

from __future__ import annotations

import uuid
from typing import Any

from flask import current_app, g
from flask.views import MethodView
from flask_smorest import Blueprint, abort
from marshmallow import Schema, fields

from service.auth import require_api_key
from service.ratelimit import enforce_rate_limit
from workers.callbacks import EVENT_TYPES, attempts, redeliver, target_url
from workers.jobs import JobStore

blp = Blueprint("deliveries", __name__, url_prefix="/v1/checks", description="Callbacks sent for a check")
blp.before_request(require_api_key)
blp.before_request(enforce_rate_limit)


class DeliverySchema(Schema):
    """One callback attempt."""

    webhook_id = fields.String(required=True, metadata={"description": "the message's `webhook-id`"})
    attempt = fields.Integer(required=True, metadata={"description": "1 for the first send of the message"})
    url = fields.String(required=True)
    attempted_at = fields.String(required=True, metadata={"description": "ISO 8601, UTC"})
    status_code = fields.Integer(allow_none=True, metadata={"description": "the receiver's answer; null when none"})
    error = fields.String(allow_none=True, metadata={"description": "why it was not accepted; null when it was"})
    accepted = fields.Boolean(required=True)
    next_attempt_at = fields.String(allow_none=True, metadata={"description": "when the next retry is due"})


class RedeliverySchema(Schema):
    """A redelivery just queued."""

    webhook_id = fields.String(required=True, metadata={"description": "the new message's `webhook-id`"})


def _store() -> JobStore:
    return current_app.extensions["claimcheck.jobs"]


def _owned(job_id: str) -> dict[str, str]:
    record = _store().get(job_id, g.tenant)
    if record is None:
        abort(404, message=f"there is no check {job_id}")
    return record


@blp.route("/<uuid:job_id>/deliveries")
class Deliveries(MethodView):
    """The callbacks of one check."""

    @blp.response(200, DeliverySchema(many=True))
    @blp.alt_response(401, response="UNAUTHORIZED")
    @blp.alt_response(404, response="NOT_FOUND")
    @blp.alt_response(429, response="TOO_MANY_REQUESTS")
    @blp.alt_response(503, response="SERVICE_UNAVAILABLE")
    def get(self, job_id: uuid.UUID) -> list[dict[str, Any]]:
        """Every callback attempt of the check, oldest first: time, status code, error."""
        return attempts(_store(), _owned(str(job_id))["id"])

    @blp.response(202, RedeliverySchema, description="Queued; follow it in the list")
    @blp.alt_response(401, response="UNAUTHORIZED")
    @blp.alt_response(404, response="NOT_FOUND")
    @blp.alt_response(409, response="CONFLICT")
    @blp.alt_response(429, response="TOO_MANY_REQUESTS")
    @blp.alt_response(503, response="SERVICE_UNAVAILABLE")
    def post(self, job_id: uuid.UUID) -> dict[str, str]:
        """Send the check's callback again, as a new message (re-enabling an endpoint disabled by 410)."""
        record = _owned(str(job_id))
        if record["status"] not in EVENT_TYPES:
            abort(409, message=f"the check is {record['status']}: only a succeeded or failed check calls back")
        if not target_url(record, current_app.config):
            abort(409, message="the check has no callback URL and its tenant has none configured")
        return {"webhook_id": redeliver(_store(), record, current_app.config)}
