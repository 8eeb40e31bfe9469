"""Faults: a worker killed mid-job, Redis stopped and started again, a callback receiver that hangs.

Each test runs its own stack.

A whole worker killed: the broker redelivers the unacknowledged job after VISIBILITY_TIMEOUT. Only the pool
process killed: Celery notices late and acknowledges the job as timed out, so the lease reaper requeues it.
"""

from __future__ import annotations

import base64
import datetime as dt
import os
import signal
import socket
import threading
from pathlib import Path
from typing import Any

import pytest
import requests
from support import SAMPLE_TEXT, LiveServer, WorkerProcess, assert_problem, auth, poll_until_finished, wait_until

from service import create_app
from service.embedded_redis import EmbeddedRedis
from service.problems import STORE_UNAVAILABLE

WEBHOOK_SECRET = "whsec_" + base64.b64encode(b"claimcheck-faults-test-secret!!!").decode()


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


def test_a_job_whose_message_was_lost_still_runs(stack_config: dict[str, Any], log_dir: Path) -> None:
    """A worker killed between taking a message off the queue and noting it as unacknowledged loses it; the job's
    queued lease runs out (VISIBILITY_TIMEOUT + 2 x RESTORE_INTERVAL) and the reaper queues it again."""
    app = create_app(stack_config)
    store = app.extensions["claimcheck.jobs"]
    worker = WorkerProcess(stack_config, log_dir / "worker.log").start()
    try:
        record = store.create("alpha", {"text": SAMPLE_TEXT}, None)  # the record, and no message: as if lost
        with LiveServer(app) as server:
            job = poll_until_finished(server.url, f"/v1/checks/{record['id']}", timeout=30)
        assert job["status"] == "succeeded"
        waited = dt.datetime.fromisoformat(job["started_at"]) - dt.datetime.fromisoformat(job["created_at"])
        assert waited.total_seconds() >= store.queued_lease - 0.1  # not before its lease ran out
        assert store.redis.hget(store.key(record["id"]), "attempts") == "1"
        assert "its message is gone; queued again" in worker.log_path.read_text()
    finally:
        worker.stop()


def test_jobs_in_flight_survive_a_redis_restart(stack_config: dict[str, Any], log_dir: Path) -> None:
    """Jobs queued and running when Redis restarts all finish: the queue, the unacknowledged and the records persist."""
    redis_server = EmbeddedRedis(log_dir / "redis").start()
    config = {**stack_config, "REDIS_URL": redis_server.url, "TEST_TASK_DELAY": 0.5}
    worker = WorkerProcess(config, log_dir / "worker.log").start()
    try:
        with LiveServer(create_app(config)) as server:
            locations = []
            for _ in range(6):
                created = requests.post(f"{server.url}/v1/checks", json={"text": SAMPLE_TEXT}, headers=auth(),
                                        timeout=10)
                assert created.status_code == 202
                locations.append(created.headers["Location"])
            wait_until(lambda: status_of(server.url + locations[0]) == "running", 20, 0.05, "the first job to start")
            redis_server.stop()
            redis_server.start()
            jobs = [poll_until_finished(server.url, location, timeout=90) for location in locations]
        assert [job["status"] for job in jobs] == ["succeeded"] * 6, [job.get("error") for job in jobs]
    finally:
        worker.stop()
        redis_server.stop()


class HangingReceiver:
    """A callback receiver that accepts connections and never answers."""

    def __init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port, self.connections = self.listener.getsockname()[1], []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                self.connections.append(self.listener.accept()[0])
            except OSError:
                return

    def close(self) -> None:
        for connection in [self.listener, *self.connections]:
            connection.close()


def test_a_hanging_callback_receiver_costs_no_job(stack_config: dict[str, Any], log_dir: Path) -> None:
    """Each attempt times out after CALLBACK_READ_TIMEOUT, is logged and retried; every job still succeeds."""
    hook = HangingReceiver()
    config = {**stack_config, "WEBHOOK_SECRETS": {"alpha": WEBHOOK_SECRET}, "CALLBACK_ALLOW_HTTP": True,
              "SSRF_ALLOWLIST": ["127.0.0.1"], "CALLBACK_CONNECT_TIMEOUT": 0.5, "CALLBACK_READ_TIMEOUT": 0.5,
              "CALLBACK_RETRY_DELAYS": [0.2], "CALLBACK_JITTER": 0}
    worker = WorkerProcess(config, log_dir / "worker.log").start()
    try:
        with LiveServer(create_app(config)) as server:
            body = {"text": SAMPLE_TEXT, "callback_url": f"http://127.0.0.1:{hook.port}/hook"}
            created = [requests.post(f"{server.url}/v1/checks", json=body, headers=auth(), timeout=10)
                       for _ in range(3)]
            assert [response.status_code for response in created] == [202] * 3
            jobs = [poll_until_finished(server.url, response.headers["Location"]) for response in created]
            assert [job["status"] for job in jobs] == ["succeeded"] * 3

            def logged(job_id: str) -> list[dict[str, Any]] | None:
                attempts = requests.get(f"{server.url}/v1/checks/{job_id}/deliveries", headers=auth(), timeout=10)
                return attempts.json() if len(attempts.json()) == 2 else None

            for job in jobs:
                attempts = wait_until(lambda job_id=job["id"]: logged(job_id), 30, 0.2, "two attempts")
                assert [a["attempt"] for a in attempts] == [1, 2]
                assert all(not a["accepted"] and a["status_code"] is None for a in attempts)
                assert all("timed out" in a["error"].lower() or "timeout" in a["error"].lower() for a in attempts)
                assert attempts[0]["next_attempt_at"] and attempts[1]["next_attempt_at"] is None  # the schedule ends
        assert len(hook.connections) == 6
    finally:
        worker.stop()
        hook.close()
