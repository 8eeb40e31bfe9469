"""Configuration: defaults, then `CLAIMCHECK_*` environment variables, then the caller's mapping."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Flask
from standardwebhooks import Webhook

ENV_PREFIX = "CLAIMCHECK"
WEBHOOK_TOLERANCE = 300  # seconds a Standard Webhooks timestamp may be off (the standardwebhooks library's)

#: Every setting, its default and its meaning; README's configuration table mirrors this.
DEFAULTS: dict[str, Any] = {
    "REDIS_URL": "redis://127.0.0.1:6379/0",  # broker, result store and job records
    "KEY_PREFIX": "claimcheck:",  # prefix of every Redis key (jobs and Celery's)
    "API_KEYS": {},  # tenant -> API key, or "sha256:<hex>" of the key
    "ADMIN_TENANTS": [],  # tenants whose API keys have the admin scope: /v1/reference (curating the table)
    "JOB_TTL": 30 * 24 * 3600,  # seconds a job record is kept after creation
    "IDEMPOTENCY_TTL": 24 * 3600,  # seconds an Idempotency-Key is remembered
    "MAX_CONTENT_LENGTH": 2 * 1024 * 1024,  # request body limit in bytes (413 above)
    "MAX_WAIT": 30,  # cap of `Prefer: wait=N`, seconds
    "RATE_LIMIT": 600,  # requests per minute per API key; 0 turns the limit off
    "TASK_SOFT_TIME_LIMIT": 120,  # seconds before a check is stopped and the job failed
    "TASK_TIME_LIMIT": 150,  # seconds before the worker process running a check is killed
    "VISIBILITY_TIMEOUT": 300,  # seconds before an unacknowledged job is redelivered
    "RESTORE_INTERVAL": 10,  # seconds between scans for jobs to redeliver
    "BATCH_JOBS": 8,  # checks a worker process runs per task when more wait in the queue; 1: one per task
    "BATCH_SECONDS": 1.0,  # ...only this long after its task started (and within a tenth of the soft limit)
    "MAX_ATTEMPTS": 3,  # deliveries of one job before it fails as lost
    "CLAIMREVIEW_AUTHOR": "claimcheck",  # the organisation named as author of ClaimReview output
    "CLAIMREVIEW_AUTHOR_URL": None,  # its web address, when it has one
    "WEBHOOK_SECRETS": {},  # tenant -> Standard Webhooks secret ("whsec_..."), signs its callbacks
    "INBOUND_WEBHOOK_SECRETS": {},  # tenant -> secret ("whsec_...") its CMS signs webhooks with; else WEBHOOK_SECRETS
    "CALLBACK_URLS": {},  # tenant -> callback URL used when a job gives no callback_url
    "CALLBACK_RETRY_DELAYS": [5, 300, 1800, 7200, 18000, 36000, 86400],  # seconds before each retry
    "CALLBACK_JITTER": 0.1,  # each retry delay is moved by up to this fraction, either way
    "CALLBACK_CONNECT_TIMEOUT": 3.0,  # seconds to connect to a callback URL
    "CALLBACK_READ_TIMEOUT": 10.0,  # seconds to wait for its answer
    "CALLBACK_MAX_RESPONSE_BYTES": 65536,  # bytes of a callback's answer read at most
    "CALLBACK_ALLOW_HTTP": False,  # callbacks to http:// URLs (https only by default)
    "CALLBACK_CA_BUNDLE": None,  # CA certificates file trusted for callbacks and fetched pages; None: certifi's
    "FETCH_ALLOW_HTTP": False,  # fetching http:// article URLs (https only by default)
    "FETCH_CONNECT_TIMEOUT": 3.0,  # seconds to connect to an article URL
    "FETCH_READ_TIMEOUT": 15.0,  # seconds the article page may take to arrive, in all
    "FETCH_MAX_BYTES": 5 * 1024 * 1024,  # bytes of an article page read at most (a larger page fails the job)
    "SSRF_ALLOWLIST": [],  # addresses or networks outbound URLs may reach although internal, e.g. ["127.0.0.1"]
    "REFERENCE": None,  # reference table folder or file (the engine's CLAIMCHECK_REFERENCE); None: bundled
    "TEST_TASK_DELAY": 0.0,  # TEST ONLY: seconds each check sleeps, to make jobs slow in tests
    "BENCH_NOOP_TENANT": None,  # BENCH/TEST ONLY: this tenant's jobs skip the engine (bench/load.py's no-op job)
}


def _coerce(key: str, value: Any) -> Any:
    """Give an environment value the type of its default (`from_prefixed_env` guesses from JSON)."""
    default = DEFAULTS.get(key)
    if isinstance(default, bool) or default is None or isinstance(default, dict):
        return value
    if isinstance(default, int | float | str) and not isinstance(value, type(default)):
        return type(default)(value)
    return value


def load_config(app: Flask, test_config: Mapping[str, Any] | None = None) -> None:
    """Fill `app.config`: defaults, then the environment, then `test_config`; check the invariants."""
    app.config.from_mapping(DEFAULTS)
    app.config.from_prefixed_env(ENV_PREFIX)
    for key in DEFAULTS:
        app.config[key] = _coerce(key, app.config[key])
    if test_config is not None:
        app.config.from_mapping(test_config)
    check_config(app.config)


def check_config(config: Mapping[str, Any]) -> None:
    """Refuse settings under which an accepted job could be lost or run twice at once."""
    soft, hard, visibility = (
        config["TASK_SOFT_TIME_LIMIT"],
        config["TASK_TIME_LIMIT"],
        config["VISIBILITY_TIMEOUT"],
    )
    if not 0 < soft < hard < visibility:
        raise ValueError(
            f"need 0 < TASK_SOFT_TIME_LIMIT < TASK_TIME_LIMIT < VISIBILITY_TIMEOUT, got {soft} < {hard} < {visibility}"
        )
    if config["BATCH_SECONDS"] < 0 or int(config["BATCH_JOBS"]) < 1:
        raise ValueError(f"need BATCH_SECONDS >= 0 and BATCH_JOBS >= 1, got {config['BATCH_SECONDS']} and "
                         f"{config['BATCH_JOBS']}")
    if int(config["IDEMPOTENCY_TTL"]) < WEBHOOK_TOLERANCE:
        raise ValueError(f"IDEMPOTENCY_TTL must be at least {WEBHOOK_TOLERANCE} s: inbound webhook-ids are "
                         "remembered that long and must outlive the signature tolerance")
    if not isinstance(config["API_KEYS"], Mapping):
        raise ValueError("API_KEYS must be a JSON object mapping tenant to key")
    if not isinstance(config.get("ADMIN_TENANTS", []), list | tuple):
        raise ValueError("ADMIN_TENANTS must be a JSON list of tenants")
    for name in ("WEBHOOK_SECRETS", "INBOUND_WEBHOOK_SECRETS", "CALLBACK_URLS"):
        if not isinstance(config.get(name, {}), Mapping):
            raise ValueError(f"{name} must be a JSON object keyed by tenant")
    for name in ("WEBHOOK_SECRETS", "INBOUND_WEBHOOK_SECRETS"):
        for tenant, secret in (config.get(name) or {}).items():
            try:
                if not str(secret).startswith("whsec_"):
                    raise ValueError(secret)
                Webhook(secret)
            except Exception:
                raise ValueError(f"{name}[{tenant!r}] is not a whsec_<base64> secret") from None
