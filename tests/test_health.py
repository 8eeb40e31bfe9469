"""Probes: /healthz is the process, /readyz is Redis plus a worker."""

from __future__ import annotations

from support import assert_problem

from service import create_app
from service.embedded_redis import free_port


def test_healthz(client) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json == {"status": "ok"}


def test_readyz_without_a_worker_is_503(base_config: dict) -> None:
    lonely = create_app({**base_config, "KEY_PREFIX": base_config["KEY_PREFIX"] + "no-worker:"})
    response = lonely.test_client().get("/readyz")
    assert "no worker" in assert_problem(response, 503)["detail"]
    assert response.headers["Retry-After"]


def test_readyz_without_redis_is_503(base_config: dict) -> None:
    down = create_app({**base_config, "REDIS_URL": f"redis://127.0.0.1:{free_port()}/0"})
    assert "Redis" in assert_problem(down.test_client().get("/readyz"), 503)["detail"]


def test_readyz_with_a_worker(client, worker) -> None:
    response = client.get("/readyz")
    assert response.status_code == 200 and response.json["workers"] >= 1
