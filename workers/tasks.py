"""Celery tasks: thin wrappers that hand a job id to the runner."""

from __future__ import annotations

from celery import shared_task
from flask import current_app

from workers.callbacks import DELIVER_TASK, deliver
from workers.queue import CHECK_TASK, NOOP_TASK
from workers.runner import run_job


@shared_task(name=CHECK_TASK)
def check_article(job_id: str) -> str:
    """Check the article of one job and store the outcome; safe to run more than once."""
    return run_job(job_id, current_app.extensions["claimcheck.jobs"], current_app.config)


@shared_task(name=NOOP_TASK, ignore_result=False)
def noop() -> None:
    """Do nothing: the broker's own round trip, measured by bench/load.py."""


@shared_task(name=DELIVER_TASK)
def deliver_callback(job_id: str, webhook_id: str, attempt: int, due: float) -> str:
    """Send one callback attempt of a finished job when it is due (or hop on towards it)."""
    return deliver(job_id, webhook_id, attempt, due, current_app.extensions["claimcheck.jobs"], current_app.config)
