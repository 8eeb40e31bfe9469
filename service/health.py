"""Liveness and readiness probes."""

from __future__ import annotations

from typing import Any

import redis
from flask import current_app
from flask_smorest import Blueprint, abort
from marshmallow import Schema, fields

blp = Blueprint("health", __name__, description="Probes for load balancers and orchestrators")
WORKER_PING_TIMEOUT = 1.0


class HealthSchema(Schema):
    """What a probe found."""

    status = fields.String(required=True)
    redis = fields.String()
    workers = fields.Integer()


@blp.get("/healthz")
@blp.response(200, HealthSchema)
def healthz() -> dict[str, Any]:
    """The process is up (it does not look at Redis or workers)."""
    return {"status": "ok"}


@blp.get("/readyz")
@blp.response(200, HealthSchema)
@blp.alt_response(503, response="SERVICE_UNAVAILABLE")
def readyz() -> dict[str, Any]:
    """Redis answers and at least one worker answers a ping: jobs will run."""
    try:
        current_app.extensions["claimcheck.jobs"].redis.ping()
    except redis.RedisError:
        abort(503, message="Redis does not answer", headers={"Retry-After": "5"})
    replies = current_app.extensions["celery"].control.ping(timeout=WORKER_PING_TIMEOUT, limit=1)
    if not replies:
        abort(503, message="no worker answered a ping", headers={"Retry-After": "5"})
    return {"status": "ok", "redis": "ok", "workers": len(replies)}
