"""Outbound callbacks: a signed Standard Webhooks POST when a job ends, retried with backoff, every attempt logged.

Retries are Celery tasks with a countdown. A countdown longer than the broker's visibility timeout would be
redelivered early (and run twice), so a delivery due later travels in hops of at most half the visibility timeout:
a hop that runs before its due time only schedules the next hop. Each attempt also takes a Redis lock, so a
redelivered hop never makes an attempt twice; a lock left by a worker that died mid-send expires
after the timeouts, and the attempt is then made again.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import logging
import random
import time
import uuid
from collections.abc import Mapping
from typing import Any

import requests
from celery import current_app as current_celery
from standardwebhooks import Webhook

from workers.jobs import JobStore
from workers.ssrf import RefusedURL, post, resolve

log = logging.getLogger(__name__)
DELIVER_TASK = "claimcheck.deliver_callback"
EVENT_TYPES = {"succeeded": "check.succeeded", "failed": "check.failed"}
HONOURS_RETRY_AFTER = (429, 502, 504)
MAX_RETRY_AFTER = 24 * 3600.0  # a Retry-After is honoured up to a day
LOCK_TTL = 3 * 24 * 3600  # an attempt made is remembered this long
SENDING_MARGIN = 5  # seconds beyond the timeouts an attempt under way keeps others off


def deliveries_key(store: JobStore, job_id: str) -> str:
    """The Redis list of a job's delivery attempts (JSON, oldest first)."""
    return f"{store.key(job_id)}:deliveries"


def _disabled_key(store: JobStore) -> str:
    return f"{store.prefix}callbacks:disabled"


def target_url(record: Mapping[str, str], config: Mapping[str, Any]) -> str | None:
    """Where a job's callbacks go: its own callback_url, else its tenant's configured URL."""
    return record.get("callback_url") or (config.get("CALLBACK_URLS") or {}).get(record.get("tenant", ""))


def _iso(value: str | None) -> str | None:
    return dt.datetime.fromtimestamp(float(value), dt.UTC).isoformat() if value else None


def event(record: Mapping[str, str]) -> dict[str, Any]:
    """The callback body: `{type, timestamp, data}`, data being the job as the API returns it."""
    data: dict[str, Any] = {
        "id": record["id"],
        "status": record["status"],
        "created_at": _iso(record.get("created_ts")),
        "started_at": _iso(record.get("started_ts")),
        "finished_at": _iso(record.get("finished_ts")),
        "metadata": json.loads(record.get("metadata") or "null"),
    }
    if "result" in record:
        data["result"] = json.loads(record["result"])
    if "error" in record:
        data["error"] = json.loads(record["error"])
    return {"type": EVENT_TYPES[record["status"]], "timestamp": data["finished_at"], "data": data}


def schedule(job_id: str, webhook_id: str, attempt: int, due: float, config: Mapping[str, Any]) -> None:
    """Queue the delivery hop that sends `attempt` at `due` (epoch seconds), never beyond half the visibility."""
    hop = max(config["VISIBILITY_TIMEOUT"] / 2, 1)
    countdown = min(max(due - time.time(), 0.0), hop)
    current_celery.send_task(DELIVER_TASK, [job_id, webhook_id, attempt, due], countdown=countdown or None)


def job_finished(record: Mapping[str, str], config: Mapping[str, Any]) -> bool:
    """Start the callbacks of a job that just ended; False when it has no callback URL."""
    if record.get("status") not in EVENT_TYPES or not target_url(record, config):
        return False
    schedule(record["id"], f"msg_{record['id']}", 1, time.time(), config)
    return True


def redeliver(store: JobStore, record: Mapping[str, str], config: Mapping[str, Any]) -> str:
    """Send a finished job's callback again now, as a new message (its URL re-enabled); returns the message id."""
    url = target_url(record, config)
    if url:
        store.redis.srem(_disabled_key(store), url)
    webhook_id = f"msg_{record['id']}_{uuid.uuid4().hex[:8]}"
    schedule(record["id"], webhook_id, 1, time.time(), config)
    return webhook_id


def attempts(store: JobStore, job_id: str) -> list[dict[str, Any]]:
    """Every logged delivery attempt of a job, oldest first."""
    return [json.loads(item) for item in store.redis.lrange(deliveries_key(store, job_id), 0, -1)]


def retry_after(value: str | None) -> float | None:
    """Seconds asked for by a Retry-After header (seconds or an HTTP date), or None."""
    if not value:
        return None
    if value.strip().isdigit():
        return float(value.strip())
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max((when - dt.datetime.now(dt.UTC)).total_seconds(), 0.0)


def _next_delay(attempt: int, asked: float | None, config: Mapping[str, Any]) -> float | None:
    """Seconds before the attempt after `attempt`, or None when the schedule is spent."""
    delays = config["CALLBACK_RETRY_DELAYS"]
    if attempt > len(delays):
        return None
    if asked is not None:
        return min(asked, MAX_RETRY_AFTER)
    jitter = config["CALLBACK_JITTER"]
    return delays[attempt - 1] * (1 + random.uniform(-jitter, jitter))


def _send(
    url: str, body: bytes, headers: Mapping[str, str], config: Mapping[str, Any]
) -> tuple[int | None, str | None, float | None]:
    """One POST: status code, error (None when accepted) and any Retry-After asked for."""
    try:
        reply = post(resolve(url, config), body, headers, config)
    except RefusedURL as exc:
        return None, f"refused by the SSRF guard: {exc}", None
    except requests.RequestException as exc:
        return None, f"{type(exc).__name__}: {exc}", None
    except Exception as exc:  # anything else still counts as a failed attempt, retried and logged
        log.exception("callback to %s failed", url)
        return None, f"{type(exc).__name__}: {exc}", None
    if 200 <= reply.status < 300:
        return reply.status, None, None
    if 300 <= reply.status < 400:
        return reply.status, f"redirect to {reply.headers.get('Location', '?')} not followed", None
    asked = retry_after(reply.headers.get("Retry-After")) if reply.status in HONOURS_RETRY_AFTER else None
    return reply.status, f"the receiver answered {reply.status}", asked


def deliver(job_id: str, webhook_id: str, attempt: int, due: float, store: JobStore, config: Mapping[str, Any]) -> str:
    """Run one delivery hop: wait on, or send the attempt, log it and schedule the next; returns what happened."""
    if time.time() < due - 0.05:
        schedule(job_id, webhook_id, attempt, due, config)
        return "waiting"
    lock = f"{store.key(job_id)}:delivery:{webhook_id}:{attempt}"
    sending = int(config["CALLBACK_CONNECT_TIMEOUT"] + config["CALLBACK_READ_TIMEOUT"]) + SENDING_MARGIN
    if not store.redis.set(lock, "sending", nx=True, ex=sending):
        if store.redis.get(lock) == "done":
            return "duplicate"
        # under way elsewhere, or its worker died mid-send: look again once that attempt must have ended
        schedule(job_id, webhook_id, attempt, time.time() + max(store.redis.ttl(lock), 0) + 0.5, config)
        return "busy"
    record = store.get(job_id)
    url = target_url(record, config) if record else None
    if record is None or record["status"] not in EVENT_TYPES or not url:
        return "gone"
    entry: dict[str, Any] = {"webhook_id": webhook_id, "attempt": attempt, "url": url,
                             "attempted_at": dt.datetime.now(dt.UTC).isoformat(), "status_code": None,
                             "error": None, "accepted": False, "next_attempt_at": None}
    next_due: float | None = None
    secret = (config.get("WEBHOOK_SECRETS") or {}).get(record["tenant"])
    if not secret:
        entry["error"] = "no webhook secret is configured for the tenant"
    elif store.redis.sismember(_disabled_key(store), url):
        entry["error"] = "the endpoint is disabled (it answered 410 Gone); redeliver to enable it"
    else:
        body = json.dumps(event(record), ensure_ascii=False, separators=(",", ":"))
        now = dt.datetime.now(dt.UTC)
        headers = {
            "Content-Type": "application/json",
            "User-Agent": "claimcheck-webhooks",
            "webhook-id": webhook_id,
            "webhook-timestamp": str(int(now.timestamp())),
            "webhook-signature": Webhook(secret).sign(webhook_id, now, body),
        }
        status, error, asked = _send(url, body.encode(), headers, config)
        entry.update(status_code=status, error=error, accepted=error is None)
        if status == 410:
            store.redis.sadd(_disabled_key(store), url)
            entry["error"] = "the receiver answered 410 Gone: the endpoint is disabled"
        elif error is not None and (delay := _next_delay(attempt, asked, config)) is not None:
            next_due = time.time() + delay
            entry["next_attempt_at"] = dt.datetime.fromtimestamp(next_due, dt.UTC).isoformat()
    key = deliveries_key(store, job_id)
    pipe = store.redis.pipeline()
    pipe.rpush(key, json.dumps(entry))
    pipe.expire(key, store.ttl)
    pipe.set(lock, "done", ex=LOCK_TTL)
    pipe.execute()
    if next_due is not None:
        schedule(job_id, webhook_id, attempt + 1, next_due, config)
    log.info("callback %s attempt %d of job %s: %s", webhook_id, attempt, job_id, entry["error"] or "accepted")
    return "accepted" if entry["accepted"] else "failed"
