"""Requeue pending jobs whose lease ran out: their worker vanished, or their message, and the broker cannot help.

The broker redelivers an unacknowledged job after its visibility timeout; the lease (longer than that) covers
what it cannot: a task acknowledged as failed after its pool process was killed, a message lost with Redis
data, a message a worker took off the queue and was killed before it noted it as unacknowledged (a queued job
whose lease ran out, with an empty queue and no unacknowledged message of its own). Every worker runs a reaper
thread; the lease check in Redis lets only one of them requeue a job.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

import redis
from celery import Celery
from flask import Flask
from kombu.exceptions import OperationalError

from workers.jobs import JobStore
from workers.queue import CHECK_TASK

log = logging.getLogger(__name__)


def reap(store: JobStore, enqueue: Callable[[str], object]) -> list[str]:
    """Requeue every running job past its lease, and every queued one past its lease whose message is gone;
    returns their ids."""
    requeued = []
    for job_id in store.expired_leases():
        if store.requeue_if_stale(job_id):
            enqueue(job_id)
            requeued.append(job_id)
            log.warning("job %s outlived its lease; requeued", job_id)
        elif store.renew_queued_lease(job_id) and store.message_lost(job_id):
            enqueue(job_id)
            requeued.append(job_id)
            log.warning("job %s waited past its lease and its message is gone; queued again", job_id)
    return requeued


class Reaper(threading.Thread):
    """A daemon thread calling `reap` every `interval` seconds until stopped."""

    def __init__(self, store: JobStore, celery_app: Celery, interval: float) -> None:
        super().__init__(name="claimcheck-reaper", daemon=True)
        self.store, self.celery_app, self.interval = store, celery_app, interval
        self.stopped = threading.Event()

    def _enqueue(self, job_id: str) -> None:
        self.celery_app.send_task(CHECK_TASK, args=[job_id], ignore_result=True)

    def run(self) -> None:
        """Reap until `stopped` is set; Redis being down only skips a round."""
        while not self.stopped.wait(self.interval):
            try:
                reap(self.store, self._enqueue)
            except (redis.RedisError, OperationalError, OSError) as exc:
                log.warning("reaper skipped a round, Redis unavailable: %s", exc)
            except Exception:
                log.exception("reaper round failed")  # keep the thread: the next round may succeed


def start_reaper(app: Flask) -> Reaper:
    """Start the reaper of a worker process."""
    reaper = Reaper(app.extensions["claimcheck.jobs"], app.extensions["celery"], app.config["RESTORE_INTERVAL"])
    reaper.start()
    return reaper
