"""The lease reaper: running jobs past their lease go back to the queue, once; live and finished ones stay."""

from __future__ import annotations

import time

from workers.jobs import JobStore
from workers.queue import QUEUE
from workers.reaper import Reaper, reap


def test_reap_requeues_only_expired_running_jobs(app) -> None:
    store: JobStore = app.extensions["claimcheck.jobs"]
    lost, alive, done, waiting = (store.create("reaper", {"text": "x"}, None)["id"] for _ in range(4))
    store.start(lost, lease=-1)
    store.start(alive, lease=3600)
    store.start(done, lease=-1)
    store.finish(done, "succeeded", {"summary": {}}, None)
    enqueued: list[str] = []
    assert lost in reap(store, enqueued.append)
    assert lost in enqueued and not {alive, done, waiting} & set(enqueued)
    assert store.get(lost)["status"] == "queued"
    assert lost not in reap(store, enqueued.append)


def test_reaper_thread_enqueues_through_celery(base_config: dict, redis) -> None:
    from service import create_app

    app = create_app({**base_config, "KEY_PREFIX": base_config["KEY_PREFIX"] + "reaper:", "RESTORE_INTERVAL": 0.05})
    store: JobStore = app.extensions["claimcheck.jobs"]
    job_id = store.create("reaper", {"text": "x"}, None)["id"]
    store.start(job_id, lease=-1)
    queue = app.config["KEY_PREFIX"] + QUEUE
    reaper = Reaper(store, app.extensions["celery"], interval=0.05)
    reaper.start()
    try:
        deadline = time.monotonic() + 5
        while store.get(job_id)["status"] != "queued" and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        reaper.stopped.set()
        reaper.join(5)
    assert store.get(job_id)["status"] == "queued" and redis.llen(queue) == 1
    assert not reaper.is_alive()
