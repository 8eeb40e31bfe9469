"""The per-key request limit answers 429 problem+json with Retry-After, per tenant."""

from __future__ import annotations

from support import KEY_ALPHA, KEY_BETA, assert_problem, auth

from service import create_app, ratelimit
from service.problems import RATE_LIMITED


def test_limit_per_key(base_config: dict, monkeypatch) -> None:
    monkeypatch.setattr(ratelimit, "clock", lambda: 1_800_000_000.0)
    client = create_app({**base_config, "RATE_LIMIT": 3, "KEY_PREFIX": base_config["KEY_PREFIX"] + "rl:"}).test_client()
    for _ in range(3):
        assert client.get("/v1/checks", headers=auth(KEY_ALPHA)).status_code == 200
    response = client.get("/v1/checks", headers=auth(KEY_ALPHA))
    problem = assert_problem(response, 429)
    assert problem["type"] == RATE_LIMITED
    assert 1 <= int(response.headers["Retry-After"]) <= 60
    assert client.get("/v1/checks", headers=auth(KEY_BETA)).status_code == 200


def test_zero_turns_the_limit_off(client) -> None:
    assert all(client.get("/v1/checks", headers=auth()).status_code == 200 for _ in range(20))
