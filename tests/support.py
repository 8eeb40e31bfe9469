"""Test helpers shared by conftest and the end-to-end modules: processes, servers, assertions."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Mapping
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import requests
from flask import Flask
from werkzeug.serving import make_server

ROOT = Path(__file__).resolve().parent.parent
KEY_ALPHA = "alpha-test-key"
KEY_BETA = "beta-test-key"
PROBLEM_MEMBERS = {"type", "title", "status", "detail"}
SAMPLE_TEXT = (
    "The city council approved a new budget on Tuesday. The mayor said the plan adds 40 buses "
    "to the fleet by 2027, and the transport agency confirmed the order."
)


def config_env(config: Mapping[str, Any]) -> dict[str, str]:
    """The environment a child process needs to read `config` back as CLAIMCHECK_* variables."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMCHECK_")}
    for key, value in config.items():
        if key != "TESTING":
            env[f"CLAIMCHECK_{key}"] = value if isinstance(value, str) else json.dumps(value)
    return env


def wait_until(condition: Callable[[], Any], timeout: float, interval: float = 0.05, what: str = "") -> Any:
    """Poll `condition` until it returns something truthy; fail the test after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what or condition}")
        time.sleep(interval)


class WorkerProcess:
    """A real `celery worker` process (prefork, one child) with its log in a file."""

    def __init__(self, config: Mapping[str, Any], log_path: Path) -> None:
        self.config, self.log_path = dict(config), log_path
        self.name = f"test-{uuid.uuid4().hex[:8]}@%h"
        self.process: subprocess.Popen | None = None

    def start(self, timeout: float = 30.0) -> WorkerProcess:
        """Start the worker and wait until it is consuming."""
        offset = self.log_path.stat().st_size if self.log_path.exists() else 0
        log = self.log_path.open("ab")
        command = [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "workers.celery_app",
            "worker",
            "--pool=prefork",
            "--concurrency=1",
            "--loglevel=INFO",
            "--without-gossip",
            "--without-mingle",
            "-n",
            self.name,
        ]
        self.process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=config_env(self.config),
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        log.close()
        wait_until(
            lambda: self.process.poll() is not None or b" ready." in self.log_path.read_bytes()[offset:],
            timeout,
            0.1,
            "the worker to be ready",
        )
        assert self.process.poll() is None, self.log_path.read_text()[-3000:]
        return self

    def pool_children(self) -> list[int]:
        """Pids of the worker's pool processes."""
        path = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in path.read_text().split()]

    def kill(self) -> None:
        """SIGKILL the whole worker: main process and pool children."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def stop(self) -> None:
        """Warm shutdown, then SIGKILL if it takes too long."""
        if self.process is None or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(20)
        except subprocess.TimeoutExpired:
            self.kill()


class ThreadedHTTP:
    """An http.server handler class served from a thread on a free port of `host` (a test's receiver or page)."""

    def __init__(self, handler: type[BaseHTTPRequestHandler], host: str = "127.0.0.1") -> None:
        self.server = ThreadingHTTPServer((host, 0), handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        """Stop serving and free the port."""
        self.server.shutdown()
        self.server.server_close()


class LiveServer:
    """The app on a werkzeug server in a thread, on a free loopback port."""

    def __init__(self, app: Flask) -> None:
        self.server = make_server("127.0.0.1", 0, app, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(10)


def auth(key: str = KEY_ALPHA, **headers: str) -> dict[str, str]:
    """Request headers carrying an API key."""
    return {"Authorization": f"Bearer {key}", **headers}


def assert_problem(response: Any, status: int) -> dict[str, Any]:
    """The response is an RFC 9457 problem with `status`, and nothing leaks (HTML, tracebacks)."""
    assert response.status_code == status, response.text if hasattr(response, "text") else response.data
    assert response.headers["Content-Type"] == "application/problem+json"
    body = response.json() if callable(response.json) else response.json
    assert body.keys() >= PROBLEM_MEMBERS, body
    assert body["status"] == status
    assert all(isinstance(body[k], str) and body[k] for k in ("type", "title", "detail"))
    raw = response.text if hasattr(response, "text") else response.get_data(as_text=True)
    assert "Traceback" not in raw and "<html" not in raw.lower()
    return body


def poll_until_finished(base_url: str, location: str, key: str = KEY_ALPHA, timeout: float = 60.0) -> dict:
    """GET the job until it is finished; return its body."""

    def finished() -> dict | None:
        response = requests.get(base_url + location, headers=auth(key), timeout=10)
        assert response.status_code == 200, response.text
        job = response.json()
        return job if job["status"] in ("succeeded", "failed", "canceled") else None

    return wait_until(finished, timeout, 0.1, f"job {location} to finish")
