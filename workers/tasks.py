"""Celery tasks: thin wrappers that hand a job id to the runner."""

from __future__ import annotations

import logging

from celery import shared_task
from flask import current_app

from service.logs import request_id
from workers.callbacks import DELIVER_TASK, deliver
from workers.queue import CHECK_TASK, NOOP_TASK
from workers.runner import run_job

log = logging.getLogger(__name__)


@shared_task(name=CHECK_TASK)
def check_article(job_id: str) -> str:
    """Check the article of one job and store the outcome; safe to run more than once."""
    store = current_app.extensions["claimcheck.jobs"]
    with request_id(store.redis.hget(store.key(job_id), "request_id")):  # the submitting request's, in every line
        log.info("check of job %s started", job_id, extra={"job_id": job_id})
        status = run_job(job_id, store, current_app.config)
        log.info("check of job %s ended: %s", job_id, status, extra={"job_id": job_id, "status": status})
    return status


@shared_task(name=NOOP_TASK, ignore_result=False)
def noop() -> None:
    """Do nothing: the broker's own round trip, measured by bench/load.py."""


@shared_task(name=DELIVER_TASK)
def deliver_callback(job_id: str, webhook_id: str, attempt: int, due: float) -> str:
    """Send one callback attempt of a finished job when it is due (or hop on towards it)."""
    store = current_app.extensions["claimcheck.jobs"]
    with request_id(store.redis.hget(store.key(job_id), "request_id")):
        return deliver(job_id, webhook_id, attempt, due, store, current_app.config)
