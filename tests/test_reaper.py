"""The lease reaper: running jobs past their lease are requeued once; queued ones only when their message is gone."""

from __future__ import annotations

import json
import time
import uuid

from workers.jobs import JobStore
from workers.queue import CHECK_TASK, QUEUE, task_message
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


def test_a_queued_job_whose_message_is_gone_is_queued_again_once(app) -> None:
    base: JobStore = app.extensions["claimcheck.jobs"]
    store = JobStore(base.redis, base.blocking, base.prefix + f"lost-{uuid.uuid4().hex[:6]}:", 3600, queued_lease=0.2)
    lost = store.create("reaper", {"text": "x"}, None)["id"]  # a record whose message never reached the queue
    enqueued: list[str] = []
    assert reap(store, enqueued.append) == []  # its lease has not run out
    time.sleep(0.3)
    assert reap(store, enqueued.append) == [lost] and enqueued == [lost]
    assert reap(store, enqueued.append) == []  # the lease was renewed: once per lease
    store.enqueue(lost)  # its message is on the queue now
    time.sleep(0.3)
    assert reap(store, enqueued.append) == [] and store.get(lost)["status"] == "queued"
    store.redis.delete(store.queue)
    taken = json.loads(task_message(CHECK_TASK, [lost]))  # a worker took it and noted it as unacknowledged
    store.redis.hset(store.prefix + "unacked", "tag", json.dumps([taken, "", QUEUE]))
    time.sleep(0.3)
    assert reap(store, enqueued.append) == []
    store.redis.delete(store.prefix + "unacked")
    time.sleep(0.3)
    assert reap(store, enqueued.append) == [lost]
    for key in store.redis.scan_iter(match=store.prefix + "*"):
        store.redis.delete(key)
