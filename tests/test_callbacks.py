"""Callbacks end to end: a real worker process POSTs signed webhooks to real receivers on loopback."""

from __future__ import annotations

import base64
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from typing import Any

import pytest
from flask.testing import FlaskClient
from standardwebhooks import Webhook, WebhookVerificationError
from support import KEY_ALPHA, KEY_BETA, SAMPLE_TEXT, ThreadedHTTP, WorkerProcess, assert_problem, auth, wait_until

from service import create_app

SECRET = "whsec_" + base64.b64encode(b"claimcheck-callback-test-secret!").decode()


class Receiver:
    """An HTTP receiver on a loopback address: verifies each signature, answers from a script of statuses."""

    def __init__(self, answers: list[tuple[int, dict[str, str]]], host: str = "127.0.0.1", hang: float = 0) -> None:
        self.answers, self.received, self.lock = list(answers), [], threading.Lock()
        self.hang, self.first = hang, threading.Event()  # the first request is answered `hang` seconds late
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                body = self.rfile.read(int(self.headers["Content-Length"]))
                try:
                    payload = Webhook(SECRET).verify(body, dict(self.headers))
                    verified = True
                except WebhookVerificationError:
                    payload, verified = None, False
                with receiver.lock:
                    status, headers = receiver.answers.pop(0) if receiver.answers else (200, {})
                    receiver.received.append({"at": time.monotonic(), "headers": dict(self.headers),
                                              "payload": payload, "verified": verified})
                    hang = receiver.hang if len(receiver.received) == 1 else 0
                receiver.first.set()
                time.sleep(hang)
                self.send_response(status if verified else 400)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self.http = ThreadedHTTP(Handler, host)
        self.url = f"http://{host}:{self.http.port}/hooks/claimcheck"

    def close(self) -> None:
        self.http.close()


@pytest.fixture(scope="module")
def tenant_hook() -> Iterator[Receiver]:
    hook = Receiver([])
    yield hook
    hook.close()


@pytest.fixture(scope="module")
def callback_config(redis_url: str, tenant_hook: Receiver) -> Iterator[dict[str, Any]]:
    """A key prefix of its own; callbacks over http to 127.0.0.1, retries 0.3 s apart."""
    from conftest import _erase_prefix

    config = {
        "REDIS_URL": redis_url,
        "KEY_PREFIX": f"cctest-{uuid.uuid4().hex[:10]}:",
        "API_KEYS": {"alpha": KEY_ALPHA, "beta": KEY_BETA},
        "RATE_LIMIT": 0,
        "WEBHOOK_SECRETS": {"alpha": SECRET, "beta": SECRET},
        "CALLBACK_ALLOW_HTTP": True,
        "SSRF_ALLOWLIST": ["127.0.0.1"],
        "CALLBACK_URLS": {"beta": tenant_hook.url},
        "CALLBACK_RETRY_DELAYS": [0.3, 0.3, 0.3],
        "CALLBACK_CONNECT_TIMEOUT": 1.0,
        "CALLBACK_READ_TIMEOUT": 2.0,
    }
    yield config
    _erase_prefix(redis_url, config["KEY_PREFIX"])


@pytest.fixture(scope="module")
def callback_worker(callback_config: dict[str, Any], tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    process = WorkerProcess(callback_config, tmp_path_factory.mktemp("cbworker") / "worker.log").start()
    yield
    process.stop()


@pytest.fixture
def api(callback_config: dict[str, Any], callback_worker: None) -> FlaskClient:
    return create_app({**callback_config, "TESTING": True}).test_client()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    made: list[Receiver] = []
    yield lambda answers, host="127.0.0.1": made.append(Receiver(answers, host)) or made[-1]  # type: ignore[misc]
    for each in made:
        each.close()


@pytest.mark.parametrize("secret", ["not-a-secret", "whsec_%%%", 42])
def test_configuration_refuses_bad_secrets(base_config: dict[str, Any], secret: Any) -> None:
    with pytest.raises(ValueError, match="WEBHOOK_SECRETS"):
        create_app({**base_config, "WEBHOOK_SECRETS": {"alpha": secret}})


def _submit(api: FlaskClient, callback_url: str | None, key: str = KEY_ALPHA) -> str:
    body = {"text": SAMPLE_TEXT, "published_at": "2025-01-10"}
    if callback_url:
        body["callback_url"] = callback_url
    response = api.post("/v1/checks", json=body, headers=auth(key))
    assert response.status_code == 202, response.json
    return response.json["id"]


def _deliveries(api: FlaskClient, job_id: str, count: int, key: str = KEY_ALPHA) -> list[dict[str, Any]]:
    def logged() -> list[dict[str, Any]] | None:
        response = api.get(f"/v1/checks/{job_id}/deliveries", headers=auth(key))
        assert response.status_code == 200, response.json
        return response.json if len(response.json) >= count else None

    return wait_until(logged, 30, 0.1, f"{count} delivery attempts of {job_id}")


def test_two_failures_then_accepted(api: FlaskClient, receiver: Any) -> None:
    hook = receiver([(500, {}), (500, {}), (200, {})])
    job_id = _submit(api, hook.url)
    attempts = _deliveries(api, job_id, 3)
    time.sleep(1)  # no further attempt after the accepted one
    attempts = _deliveries(api, job_id, 3)
    assert [(a["attempt"], a["status_code"], a["accepted"]) for a in attempts] == [
        (1, 500, False), (2, 500, False), (3, 200, True)]
    assert attempts[0]["next_attempt_at"] and attempts[2]["next_attempt_at"] is None
    assert len(hook.received) == 3 and all(r["verified"] for r in hook.received)
    assert len({r["headers"]["webhook-id"] for r in hook.received}) == 1  # one message, retried
    payload = hook.received[-1]["payload"]
    assert payload["type"] == "check.succeeded" and payload["data"]["id"] == job_id
    assert payload["data"]["status"] == "succeeded" and "summary" in payload["data"]["result"]
    assert payload["timestamp"] == payload["data"]["finished_at"]
    assert_problem(api.get(f"/v1/checks/{job_id}/deliveries", headers=auth(KEY_BETA)), 404)
    assert_problem(api.post(f"/v1/checks/{job_id}/deliveries", headers=auth(KEY_BETA)), 404)

    again = api.post(f"/v1/checks/{job_id}/deliveries", headers=auth())
    assert again.status_code == 202, again.json
    attempts = _deliveries(api, job_id, 4)
    assert attempts[3]["webhook_id"] == again.json["webhook_id"] != attempts[0]["webhook_id"]
    assert attempts[3]["accepted"] and hook.received[3]["verified"]


def test_receiver_down_leaves_the_result_and_logs_the_retries(api: FlaskClient) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed again: nothing listens there
    job_id = _submit(api, f"http://127.0.0.1:{port}/hook")
    attempts = _deliveries(api, job_id, 4)
    job = api.get(f"/v1/checks/{job_id}", headers=auth()).json
    assert job["status"] == "succeeded" and job["result"]["summary"] is not None
    assert [a["attempt"] for a in attempts] == [1, 2, 3, 4]
    assert all(a["status_code"] is None and "ConnectionError" in a["error"] for a in attempts)
    assert attempts[-1]["next_attempt_at"] is None  # the schedule is spent


def test_redirect_to_a_private_address_is_not_followed(api: FlaskClient, receiver: Any) -> None:
    inside = receiver([], host="127.0.0.2")
    hook = receiver([(302, {"Location": inside.url})] * 4)
    job_id = _submit(api, hook.url)
    attempts = _deliveries(api, job_id, 4)
    assert all(a["status_code"] == 302 and "not followed" in a["error"] for a in attempts)
    assert inside.received == []


def test_gone_disables_and_retry_after_is_honoured(api: FlaskClient, receiver: Any) -> None:
    slow = receiver([(429, {"Retry-After": "2"}), (200, {})])
    job_id = _submit(api, slow.url)
    attempts = _deliveries(api, job_id, 2)
    assert [a["status_code"] for a in attempts] == [429, 200]
    assert slow.received[1]["at"] - slow.received[0]["at"] >= 1.8  # not the 0.3 s of the schedule

    gone = receiver([(410, {})])
    job_id = _submit(api, gone.url)
    attempts = _deliveries(api, job_id, 1)
    time.sleep(1)
    assert len(_deliveries(api, job_id, 1)) == 1 and "disabled" in attempts[0]["error"]
    second = _submit(api, gone.url)  # another job to the same endpoint: not sent
    assert "disabled" in _deliveries(api, second, 1)[0]["error"] and len(gone.received) == 1


def test_tenant_callback_url_from_configuration(api: FlaskClient, tenant_hook: Receiver) -> None:
    job_id = _submit(api, None, KEY_BETA)  # no callback_url: the tenant's configured URL is used
    attempts = _deliveries(api, job_id, 1, KEY_BETA)
    assert attempts[0]["accepted"] and attempts[0]["url"] == tenant_hook.url
    assert [r["payload"]["data"]["id"] for r in tenant_hook.received if r["verified"]] == [job_id]


def test_a_retry_beyond_the_visibility_timeout_travels_in_hops_and_runs_once(
    callback_config: dict[str, Any], receiver: Any, tmp_path_factory: pytest.TempPathFactory
) -> None:
    from conftest import _erase_prefix

    hook = receiver([(500, {}), (200, {})])
    config = {**callback_config, "KEY_PREFIX": f"cctest-{uuid.uuid4().hex[:10]}:", "VISIBILITY_TIMEOUT": 3,
              "TASK_SOFT_TIME_LIMIT": 1.5, "TASK_TIME_LIMIT": 2, "RESTORE_INTERVAL": 1,
              "CALLBACK_RETRY_DELAYS": [5], "CALLBACK_JITTER": 0}
    worker = WorkerProcess(config, tmp_path_factory.mktemp("hops") / "worker.log").start()
    try:
        api = create_app({**config, "TESTING": True}).test_client()
        job_id = _submit(api, hook.url)
        attempts = _deliveries(api, job_id, 2)
        time.sleep(3)  # a redelivered hop would show up as a third request by now
        assert [a["status_code"] for a in _deliveries(api, job_id, 2)] == [500, 200]
        assert len(hook.received) == 2 and hook.received[1]["at"] - hook.received[0]["at"] >= 4.8
        log = worker.log_path.read_text().splitlines()
        runs = [line for line in log if "claimcheck.deliver_callback" in line and "received" in line]
        assert len(runs) >= 5, runs  # 2 attempts and hops of 1.5 s (half the visibility timeout) towards 5 s
        assert attempts[1]["accepted"]
    finally:
        worker.stop()
        _erase_prefix(config["REDIS_URL"], config["KEY_PREFIX"])


def test_a_worker_dying_mid_send_makes_the_attempt_again(
    callback_config: dict[str, Any], tmp_path_factory: pytest.TempPathFactory
) -> None:
    from conftest import _erase_prefix

    hook = Receiver([(200, {}), (200, {})], hang=3)
    config = {**callback_config, "KEY_PREFIX": f"cctest-{uuid.uuid4().hex[:10]}:", "VISIBILITY_TIMEOUT": 3,
              "TASK_SOFT_TIME_LIMIT": 1.5, "TASK_TIME_LIMIT": 2, "RESTORE_INTERVAL": 1,
              "CALLBACK_CONNECT_TIMEOUT": 0.5, "CALLBACK_READ_TIMEOUT": 1.0}
    log_path = tmp_path_factory.mktemp("midsend") / "worker.log"
    worker = WorkerProcess(config, log_path).start()
    try:
        api = create_app({**config, "TESTING": True}).test_client()
        job_id = _submit(api, hook.url)
        assert hook.first.wait(30)
        worker.kill()  # the first attempt is under way: its message is never acknowledged
        worker = WorkerProcess(config, log_path).start()
        attempts = _deliveries(api, job_id, 1)
        assert [(a["attempt"], a["accepted"]) for a in attempts] == [(1, True)]
        assert len(hook.received) == 2 and len({r["headers"]["webhook-id"] for r in hook.received}) == 1
    finally:
        worker.stop()
        hook.close()
        _erase_prefix(config["REDIS_URL"], config["KEY_PREFIX"])


def test_retry_after_and_the_schedule() -> None:
    import email.utils

    from workers.callbacks import HONOURS_RETRY_AFTER, _next_delay, retry_after

    assert retry_after("120") == 120 and retry_after(None) is None and retry_after("soon") is None
    later = email.utils.formatdate(time.time() + 60, usegmt=True)
    assert 55 <= retry_after(later) <= 61
    assert HONOURS_RETRY_AFTER == (429, 502, 504)
    config = {"CALLBACK_RETRY_DELAYS": [5, 300, 1800], "CALLBACK_JITTER": 0.1}
    assert 4.5 <= _next_delay(1, None, config) <= 5.5 and 270 <= _next_delay(2, None, config) <= 330
    assert _next_delay(1, 7200, config) == 7200 and _next_delay(1, 10**7, config) == 86400  # capped at a day
    assert _next_delay(4, None, config) is None  # three retries, then no more
