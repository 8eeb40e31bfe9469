"""A worker process running the check tasks waiting behind its own: taken as kombu takes them, never lost."""

from __future__ import annotations

import json
import os
import signal
import time
from pathlib import Path
from typing import Any

import requests
from support import SAMPLE_TEXT, LiveServer, WorkerProcess, auth, poll_until_finished, wait_until

from service import create_app
from workers.queue import NOOP_TASK, task_message
from workers.tasks import run_waiting


def _fresh_app(base_config: dict[str, Any], name: str, **settings: Any) -> Any:
    """An app on a key prefix of its own, with no worker consuming its queue."""
    return create_app({**base_config, "KEY_PREFIX": f"{base_config['KEY_PREFIX']}{name}:", **settings})


def test_take_check_takes_the_oldest_check_and_keeps_it_unacknowledged(base_config: dict[str, Any]) -> None:
    store = _fresh_app(base_config, "take").extensions["claimcheck.jobs"]
    for job_id in ("first", "second"):
        store.enqueue(job_id)
    store.redis.lpush(store.queue, task_message(NOOP_TASK, []))  # behind both checks

    tag, job_id = store.take_check()
    assert job_id == "first"
    unacked = json.loads(store.redis.hget(f"{store.prefix}unacked", tag))
    assert unacked[0]["properties"]["delivery_tag"] == tag and unacked[1:] == ["", "claimcheck"]
    assert store.redis.zscore(f"{store.prefix}unacked_index", tag) is not None
    assert store.message_lost("first") is False  # the lease reaper sees it as taken

    second_tag, job_id = store.take_check(acknowledge=tag)
    assert job_id == "second"
    assert store.redis.hget(f"{store.prefix}unacked", tag) is None
    assert store.redis.zscore(f"{store.prefix}unacked_index", tag) is None

    assert store.take_check(acknowledge=second_tag) is None  # a no-op task is next: left to Celery
    assert store.redis.hlen(f"{store.prefix}unacked") == 0
    assert store.redis.llen(store.queue) == 1
    store.redis.delete(store.queue)
    assert store.take_check() is None  # empty queue


def test_a_taken_message_is_put_back_by_the_brokers_own_restore(base_config: dict[str, Any]) -> None:
    app = _fresh_app(base_config, "restore", VISIBILITY_TIMEOUT=1, TASK_SOFT_TIME_LIMIT=0.5, TASK_TIME_LIMIT=0.8)
    store = app.extensions["claimcheck.jobs"]
    store.enqueue("orphan")
    tag, _ = store.take_check()
    assert store.redis.llen(store.queue) == 0
    time.sleep(1.2)  # past the visibility timeout, as when the process that took it died
    with app.extensions["celery"].connection_for_write() as connection:
        connection.default_channel.qos.restore_visible(num=10, interval=1)
    assert store.redis.hget(f"{store.prefix}unacked", tag) is None
    restored = json.loads(store.redis.rpop(store.queue))
    assert restored["properties"]["delivery_tag"] == tag and restored["headers"]["redelivered"] is True


def test_run_waiting_runs_the_waiting_jobs_within_its_limits(base_config: dict[str, Any]) -> None:
    app = _fresh_app(base_config, "waiting", BATCH_JOBS=3)
    store = app.extensions["claimcheck.jobs"]
    jobs = [store.create("alpha", {"text": f"{SAMPLE_TEXT} ({n})"}, None, enqueue=True)["id"] for n in range(4)]
    with app.app_context():
        assert run_waiting(store, app.config, time.monotonic()) == 2  # BATCH_JOBS counts the task's own job
        assert [store.get(job_id)["status"] for job_id in jobs] == ["succeeded", "succeeded", "queued", "queued"]
        assert store.redis.llen(store.queue) == 2 and store.redis.hlen(f"{store.prefix}unacked") == 0
        assert run_waiting(store, app.config, time.monotonic() - 60) == 0  # the task is too old to take more
        assert store.redis.llen(store.queue) == 2

    app = _fresh_app(base_config, "waiting", BATCH_JOBS=1)  # batching off
    with app.app_context():
        assert run_waiting(app.extensions["claimcheck.jobs"], app.config, time.monotonic()) == 0
    assert store.redis.llen(store.queue) == 2


def test_a_job_taken_from_the_queue_survives_its_process_being_killed(
    stack_config: dict[str, Any], log_dir: Path
) -> None:
    # The first job takes 0.5 s, within the task's budget (a tenth of the 8 s soft limit): the process then takes
    # the second job, queued while the first ran, from the queue itself. Killed during it, the message comes back
    # after the visibility timeout.
    config = {**stack_config, "TEST_TASK_DELAY": 0.5, "TASK_SOFT_TIME_LIMIT": 8, "TASK_TIME_LIMIT": 9,
              "VISIBILITY_TIMEOUT": 10}
    app = create_app(config)
    store = app.extensions["claimcheck.jobs"]
    worker = WorkerProcess(config, log_dir / "worker.log").start()
    try:
        with LiveServer(app) as server:
            first = requests.post(f"{server.url}/v1/checks", json={"text": SAMPLE_TEXT}, headers=auth(), timeout=10)
            first_id = first.json()["id"]
            wait_until(lambda: store.get(first_id)["status"] == "running", 20, 0.01, "the first job to start")
            second = requests.post(f"{server.url}/v1/checks", json={"text": SAMPLE_TEXT}, headers=auth(), timeout=10)
            second_id = second.json()["id"]
            wait_until(lambda: store.get(second_id)["status"] == "running", 20, 0.01, "the second job to start")
            assert store.get(first_id)["status"] == "succeeded"
            assert store.redis.hlen(f"{store.prefix}unacked") == 2  # the task's own message and the taken one
            os.kill(worker.pool_children()[0], signal.SIGKILL)
            job = poll_until_finished(server.url, second.headers["Location"], timeout=60)
        assert job["status"] == "succeeded", job
        assert store.redis.hget(store.key(second_id), "attempts") == "2"
        assert store.redis.hlen(f"{store.prefix}unacked") == 0
    finally:
        worker.stop()
