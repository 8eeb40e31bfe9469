"""Celery tasks: each hands job ids to the runner; a check task also runs the checks waiting behind it."""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping
from typing import Any

import redis
from celery import shared_task
from flask import current_app

from service.logs import request_id
from workers.callbacks import DELIVER_TASK, deliver
from workers.jobs import JobStore
from workers.queue import CHECK_TASK, NOOP_TASK
from workers.runner import run_job

log = logging.getLogger(__name__)


@shared_task(name=CHECK_TASK)
def check_article(job_id: str) -> str:
    """Check the article of one job and store the outcome, then those of jobs waiting behind it (`run_waiting`)."""
    began = time.monotonic()
    store, config = current_app.extensions["claimcheck.jobs"], current_app.config
    status = run_job(job_id, store, config)
    run_waiting(store, config, began)
    return status


def run_waiting(store: JobStore, config: Mapping[str, Any], began: float) -> int:
    """Run the check tasks waiting at the head of the queue, up to BATCH_JOBS per task and while the task is
    younger than BATCH_SECONDS and a tenth of its soft time limit; returns how many ran.

    Each is taken off the queue and kept as unacknowledged until it is done (`JobStore.take_check`), so a process
    that dies leaves it to the broker's redelivery, as with any task; each job is run and logged on its own.
    """
    ran, tag = 0, None
    budget = min(config["BATCH_SECONDS"], config["TASK_SOFT_TIME_LIMIT"] / 10)  # each keeps 90% of its limit
    try:
        while ran < config["BATCH_JOBS"] - 1 and time.monotonic() - began < budget:
            taken, tag = store.take_check(tag), None
            if taken is None:
                break
            tag, job_id = taken
            run_job(job_id, store, config)
            ran += 1
        if tag is not None:
            store.acknowledge(tag)
    except redis.RedisError as exc:  # this task's own job is done; a taken message will be redelivered
        log.warning("stopped taking waiting checks, Redis unavailable: %s", exc)
    return ran


@shared_task(name=NOOP_TASK, ignore_result=False)
def noop() -> None:
    """Do nothing: the broker's own round trip, measured by bench/load.py."""


@shared_task(name=DELIVER_TASK)
def deliver_callback(job_id: str, webhook_id: str, attempt: int, due: float) -> str:
    """Send one callback attempt of a finished job when it is due (or hop on towards it)."""
    store = current_app.extensions["claimcheck.jobs"]
    with request_id(store.redis.hget(store.key(job_id), "request_id")):
        return deliver(job_id, webhook_id, attempt, due, store, current_app.config)
