"""A fixed-window request limit per API key, counted in Redis so every API process shares it."""

from __future__ import annotations

import time

from flask import current_app, g
from flask_smorest import abort

from service.problems import RATE_LIMITED

WINDOW = 60  # seconds
clock = time.time  # replaced in tests to pin the window


def enforce_rate_limit() -> None:
    """Before-request hook (after auth): 429 once the tenant used up this minute's requests."""
    limit = current_app.config["RATE_LIMIT"]
    if not limit:
        return
    store = current_app.extensions["claimcheck.jobs"]
    now = clock()
    window = int(now // WINDOW)
    key = f"{store.prefix}ratelimit:{g.tenant}:{window}"
    pipe = store.redis.pipeline(transaction=False)
    count, _ = pipe.incr(key).expire(key, WINDOW + 1).execute()
    if count > limit:
        retry_after = max(1, int((window + 1) * WINDOW - now))
        abort(
            429,
            message=f"over {limit} requests a minute for this API key",
            type=RATE_LIMITED,
            title="Too many requests",
            headers={"Retry-After": str(retry_after)},
        )
