"""Structured logs: JSON lines, a request id from the API's answer to the worker's lines, no secret anywhere."""

from __future__ import annotations

import base64
import io
import json
import logging
import re
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

import pytest
import requests
from support import (
    KEY_ALPHA,
    SAMPLE_TEXT,
    LiveServer,
    ThreadedHTTP,
    WorkerProcess,
    auth,
    poll_until_finished,
    wait_until,
)

from service import create_app
from service.logs import HEADER, json_handler

SECRET = "whsec_" + base64.b64encode(b"a-secret-that-must-never-be-seen").decode()


@pytest.fixture
def api_log() -> Iterator[io.StringIO]:
    """What the API process logs meanwhile, as service.logs writes it."""
    stream, root = io.StringIO(), logging.getLogger()
    handler, level = json_handler(stream), root.level
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    yield stream
    root.removeHandler(handler)
    root.setLevel(level)


def json_lines(text: str) -> list[dict[str, Any]]:
    """The JSON objects among the lines of a log (a worker's also has Celery's startup banner)."""
    return [json.loads(line) for line in text.splitlines() if line.startswith("{")]


def test_request_id_is_echoed_or_made(client, api_log: io.StringIO) -> None:
    given = client.get("/v1/checks", headers=auth(**{HEADER: "cms-7f3a.42"}))
    assert given.headers[HEADER] == "cms-7f3a.42"
    made = client.get("/v1/checks", headers=auth())
    assert re.fullmatch(r"[0-9a-f]{32}", made.headers[HEADER])
    for hostile in ("a b", "x" * 129, "<script>", "id\u00e9"):
        replaced = client.get("/v1/checks", headers=auth(**{HEADER: hostile}))
        assert re.fullmatch(r"[0-9a-f]{32}", replaced.headers[HEADER])
    refused = client.get("/v1/checks")  # 401: still answered with an id, still logged
    assert refused.status_code == 401 and refused.headers[HEADER]
    lines = [line for line in json_lines(api_log.getvalue()) if line["name"] == "claimcheck.access"]
    assert len(lines) == 7
    first = lines[0]
    assert first["request_id"] == "cms-7f3a.42" and first["method"] == "GET" and first["route"] == "/v1/checks"
    assert first["status"] == 200 and first["tenant"] == "alpha" and first["duration_ms"] >= 0
    assert lines[-1]["status"] == 401 and lines[-1]["tenant"] is None


def test_the_request_id_follows_the_job_into_the_worker_and_no_secret_is_logged(
    stack_config: dict[str, Any], log_dir: Path, api_log: io.StringIO
) -> None:
    class Hook(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802
            self.rfile.read(int(self.headers["Content-Length"]))
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            pass

    hook = ThreadedHTTP(Hook)
    config = {**stack_config, "WEBHOOK_SECRETS": {"alpha": SECRET}, "CALLBACK_ALLOW_HTTP": True,
              "SSRF_ALLOWLIST": ["127.0.0.1"]}
    worker = WorkerProcess(config, log_dir / "worker.log").start()
    try:
        with LiveServer(create_app(config)) as server:
            body = {"text": SAMPLE_TEXT, "callback_url": f"http://127.0.0.1:{hook.port}/hook"}
            created = requests.post(f"{server.url}/v1/checks", json=body, headers=auth(**{HEADER: "trace-1234"}),
                                    timeout=10)
            assert created.status_code == 202 and created.headers[HEADER] == "trace-1234"
            job_id = created.json()["id"]
            assert poll_until_finished(server.url, created.headers["Location"])["status"] == "succeeded"
            deliveries = f"{server.url}/v1/checks/{job_id}/deliveries"
            wait_until(lambda: requests.get(deliveries, headers=auth(), timeout=10).json(), 30, 0.1, "the callback")
            wrong = requests.get(f"{server.url}/v1/checks", headers=auth("sk-wrong-key-never-logged"), timeout=10)
            assert wrong.status_code == 401
    finally:
        worker.stop()
        hook.close()
    worker_text = worker.log_path.read_text()
    job_lines = [line for line in json_lines(worker_text) if line.get("request_id") == "trace-1234"]
    messages = " | ".join(line["message"] for line in job_lines)
    assert f"check of job {job_id} started" in messages and f"check of job {job_id} ended: succeeded" in messages
    assert f"of job {job_id}: accepted" in messages  # the callback's line too
    assert all({"time", "level", "name", "message"} <= line.keys() for line in job_lines)
    assert not [line for line in json_lines(worker_text) if line["level"] in ("ERROR", "CRITICAL")]
    api_text = api_log.getvalue()
    assert any(line.get("request_id") == "trace-1234" for line in json_lines(api_text))
    for secret in (KEY_ALPHA, SECRET, SECRET.removeprefix("whsec_"), "sk-wrong-key-never-logged", "Bearer"):
        assert secret not in api_text and secret not in worker_text, secret
