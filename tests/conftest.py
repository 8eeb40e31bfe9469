"""Fixtures: Redis (shared or embedded), app, client, a worker process and a live HTTP server."""

from __future__ import annotations

import hashlib
import logging
import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import redis as redis_lib
from flask import Flask
from flask.testing import FlaskClient
from support import KEY_ALPHA, KEY_BETA, LiveServer, WorkerProcess

from service import create_app
from service.embedded_redis import EmbeddedRedis, answers

DEFAULT_TEST_REDIS_URL = "redis://127.0.0.1:6379/0"


def _configured_redis_url() -> str:
    return os.environ.get("CLAIMCHECK_TEST_REDIS_URL", DEFAULT_TEST_REDIS_URL)


def pytest_report_header() -> str:
    """Say which Redis the session will use."""
    url = _configured_redis_url()
    return f"redis: {url}" if answers(url) else f"redis: none answers at {url}; an embedded one will be started"


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """CLAIMCHECK_TEST_REDIS_URL (default 127.0.0.1:6379) when it answers, else an embedded Redis."""
    url = _configured_redis_url()
    if answers(url):
        yield url
        return
    with EmbeddedRedis(tmp_path_factory.mktemp("embedded-redis")) as server:
        yield server.url


def _erase_prefix(url: str, prefix: str) -> None:
    client = redis_lib.Redis.from_url(url)
    for key in client.scan_iter(match=prefix + "*", count=1000):
        client.delete(key)
    client.close()


@pytest.fixture(scope="session")
def base_config(redis_url: str) -> Iterator[dict[str, Any]]:
    """Settings of this test session: its own key prefix, erased at the end."""
    prefix = f"cctest-{uuid.uuid4().hex[:10]}:"
    yield {
        "TESTING": True,
        "REDIS_URL": redis_url,
        "KEY_PREFIX": prefix,
        "API_KEYS": {"alpha": KEY_ALPHA, "beta": "sha256:" + hashlib.sha256(KEY_BETA.encode()).hexdigest()},
        "RATE_LIMIT": 0,
    }
    _erase_prefix(redis_url, prefix)


@pytest.fixture
def app(base_config: dict[str, Any]) -> Flask:
    """A fresh app on the session's Redis prefix."""
    return create_app(base_config)


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    """Flask's test client (in-process, no worker)."""
    return app.test_client()


@pytest.fixture
def redis(app: Flask) -> redis_lib.Redis:
    """The app's Redis client (decoded strings)."""
    return app.extensions["claimcheck.jobs"].redis


@pytest.fixture(scope="session")
def worker(base_config: dict[str, Any], tmp_path_factory: pytest.TempPathFactory) -> Iterator[WorkerProcess]:
    """A real Celery worker process consuming the session's queue."""
    process = WorkerProcess(base_config, tmp_path_factory.mktemp("worker") / "worker.log").start()
    yield process
    process.stop()


@pytest.fixture(scope="session")
def live_server(base_config: dict[str, Any]) -> Iterator[str]:
    """The API over real HTTP on a free loopback port; yields its base URL."""
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    with LiveServer(create_app(base_config)) as server:
        yield server.url


@pytest.fixture
def stack_config(redis_url: str) -> Iterator[dict[str, Any]]:
    """Settings for a test that runs its own server and workers: a prefix of its own, short timeouts."""
    prefix = f"cctest-{uuid.uuid4().hex[:10]}:"
    yield {
        "REDIS_URL": redis_url,
        "KEY_PREFIX": prefix,
        "API_KEYS": {"alpha": KEY_ALPHA},
        "RATE_LIMIT": 0,
        "TASK_SOFT_TIME_LIMIT": 3,
        "TASK_TIME_LIMIT": 4,
        "VISIBILITY_TIMEOUT": 5,
        "RESTORE_INTERVAL": 1,
    }
    _erase_prefix(redis_url, prefix)


@pytest.fixture
def log_dir(tmp_path: Path) -> Path:
    """Where a test's child processes write their logs."""
    return tmp_path
