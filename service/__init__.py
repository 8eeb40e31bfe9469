"""The claimcheck HTTP service: `create_app` builds the Flask app (API v1, probes, metrics)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Flask


def create_app(test_config: Mapping[str, Any] | None = None) -> Flask:
    """Build the app: defaults, then CLAIMCHECK_* environment variables, then `test_config`."""
    from service import articles, checks, deliveries, health, reference, webhooks
    from service.auth import load_keys
    from service.config import load_config
    from service.errors import register_error_handlers
    from service.logs import init_request_ids
    from service.metrics import init_metrics
    from service.openapi import SETTINGS, ClaimcheckApi
    from workers.jobs import JobStore
    from workers.queue import celery_init_app

    app = Flask(__name__)
    app.json.sort_keys = False  # keep the schemas' field order
    app.config.from_mapping(SETTINGS)
    load_config(app, test_config)
    app.extensions["claimcheck.jobs"] = JobStore.from_config(app.config)
    app.extensions["claimcheck.keys"] = keys = load_keys(app.config["API_KEYS"])
    app.config["API_KEYS"] = {tenant: f"sha256:{stored.hex()}" for stored, tenant in keys}  # no plain key is kept
    celery_init_app(app)
    api = ClaimcheckApi(app)
    app.extensions["claimcheck.api"] = api
    register_error_handlers(app)
    init_request_ids(app)
    init_metrics(app)
    api.register_blueprint(health.blp)
    api.register_blueprint(checks.blp)
    api.register_blueprint(deliveries.blp)
    api.register_blueprint(webhooks.blp)
    api.register_blueprint(articles.blp)
    api.register_blueprint(reference.blp)
    app.register_blueprint(__import__("service.review", fromlist=["blp"]).blp)  # reviewer page, not in the API doc
    return app
