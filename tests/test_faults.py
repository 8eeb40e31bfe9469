"""Faults: a worker killed mid-job, Redis stopped and started again. Each test runs its own stack.

A whole worker killed: the broker redelivers the unacknowledged job after VISIBILITY_TIMEOUT. Only the pool
process killed: Celery notices late and acknowledges the job as timed out, so the lease reaper requeues it.
"""

from __future__ import annotations

import os
import signal
from pathlib import Path
from typing import Any

import pytest
import requests
from support import SAMPLE_TEXT, LiveServer, WorkerProcess, assert_problem, auth, poll_until_finished, wait_until

from service import create_app
from service.embedded_redis import EmbeddedRedis
from service.problems import STORE_UNAVAILABLE


def status_of(url: str) -> str:
    return requests.get(url, headers=auth(), timeout=10).json()["status"]


@pytest.mark.parametrize("victim", ["whole-worker", "pool-process"])
def test_a_job_survives_its_worker_being_killed(stack_config: dict[str, Any], log_dir: Path, victim: str) -> None:
    config = {**stack_config, "TEST_TASK_DELAY": 2.0}
    app = create_app(config)
    store = app.extensions["claimcheck.jobs"]
    workers = [WorkerProcess(config, log_dir / "worker-1.log").start()]
    try:
        with LiveServer(app) as server:
            created = requests.post(f"{server.url}/v1/checks", json={"text": SAMPLE_TEXT}, headers=auth(), timeout=10)
            job_id = created.json()["id"]
            wait_until(lambda: store.get(job_id)["status"] == "running", 20, 0.05, "the job to start")
            first_lease = float(store.get(job_id)["lease_until"])
            if victim == "whole-worker":
                workers[0].kill()  # SIGKILL to the main process and its pool child
                workers.append(WorkerProcess(config, log_dir / "worker-2.log").start())
            else:
                os.kill(workers[0].pool_children()[0], signal.SIGKILL)
            job = poll_until_finished(server.url, created.headers["Location"], timeout=60)
        assert job["status"] == "succeeded", job
        assert job["result"]["article"]["text"] == SAMPLE_TEXT
        assert store.redis.hget(store.key(job_id), "attempts") == "2"
        if victim == "whole-worker":  # the broker redelivered it (visibility timeout), before the lease reaper
            assert float(store.redis.hget(store.key(job_id), "started_ts")) < first_lease
    finally:
        for worker in workers:
            worker.stop()


def test_redis_outage_answers_503_and_recovers(stack_config: dict[str, Any], log_dir: Path) -> None:
    redis_server = EmbeddedRedis(log_dir / "redis").start()  # a throwaway server: never the shared one
    config = {**stack_config, "REDIS_URL": redis_server.url}
    worker = WorkerProcess(config, log_dir / "worker.log").start()
    try:
        with LiveServer(create_app(config)) as server:
            known = requests.post(
                f"{server.url}/v1/checks", json={"text": SAMPLE_TEXT}, headers=auth(Prefer="wait=20"), timeout=30
            )
            assert known.json()["status"] == "succeeded"
            known_url = server.url + known.headers["Location"]

            redis_server.stop()
            refused = requests.post(f"{server.url}/v1/checks", json={"text": SAMPLE_TEXT}, headers=auth(), timeout=30)
            assert assert_problem(refused, 503)["type"] == STORE_UNAVAILABLE
            assert_problem(requests.get(known_url, headers=auth(), timeout=30), 503)
            assert_problem(requests.get(f"{server.url}/readyz", timeout=30), 503)
            assert requests.get(f"{server.url}/healthz", timeout=10).status_code == 200

            redis_server.start()
            assert requests.get(known_url, headers=auth(), timeout=10).json()["status"] == "succeeded"
            wait_until(
                lambda: requests.get(f"{server.url}/readyz", timeout=10).status_code == 200,
                60,
                0.5,
                "a worker to reconnect",
            )
            fresh = requests.post(f"{server.url}/v1/checks", json={"text": SAMPLE_TEXT}, headers=auth(), timeout=10)
            assert fresh.status_code == 202
            assert poll_until_finished(server.url, fresh.headers["Location"], timeout=60)["status"] == "succeeded"
    finally:
        worker.stop()
        redis_server.stop()
