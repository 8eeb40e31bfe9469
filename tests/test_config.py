"""Configuration: defaults, then CLAIMCHECK_* variables, then the test mapping; invariants enforced."""

from __future__ import annotations

import pytest
from flask import Flask

from service.config import DEFAULTS, load_config


def loaded(test_config: dict | None = None) -> Flask:
    app = Flask("config-test")
    load_config(app, test_config)
    return app


def test_defaults(monkeypatch) -> None:
    for key in DEFAULTS:
        monkeypatch.delenv(f"CLAIMCHECK_{key}", raising=False)
    config = loaded().config
    assert {key: config[key] for key in DEFAULTS} == DEFAULTS
    assert config["JOB_TTL"] == 30 * 24 * 3600 and config["MAX_CONTENT_LENGTH"] == 2 * 1024 * 1024


@pytest.mark.parametrize(
    ("variable", "value", "key", "expected"),
    [
        ("CLAIMCHECK_REDIS_URL", "redis://cache:6379/2", "REDIS_URL", "redis://cache:6379/2"),
        ("CLAIMCHECK_JOB_TTL", "3600", "JOB_TTL", 3600),
        ("CLAIMCHECK_KEY_PREFIX", "123", "KEY_PREFIX", "123"),
        ("CLAIMCHECK_TEST_TASK_DELAY", "2", "TEST_TASK_DELAY", 2.0),
        ("CLAIMCHECK_API_KEYS", '{"desk": "secret"}', "API_KEYS", {"desk": "secret"}),
        ("CLAIMCHECK_MAX_CONTENT_LENGTH", "1024", "MAX_CONTENT_LENGTH", 1024),
    ],
)
def test_environment_overrides_defaults(monkeypatch, variable: str, value: str, key: str, expected: object) -> None:
    monkeypatch.setenv(variable, value)
    assert loaded().config[key] == expected


def test_test_mapping_overrides_environment(monkeypatch) -> None:
    monkeypatch.setenv("CLAIMCHECK_RATE_LIMIT", "5")
    assert loaded({"RATE_LIMIT": 7}).config["RATE_LIMIT"] == 7


@pytest.mark.parametrize(
    "limits",
    [
        {"TASK_SOFT_TIME_LIMIT": 10, "TASK_TIME_LIMIT": 10, "VISIBILITY_TIMEOUT": 60},
        {"TASK_SOFT_TIME_LIMIT": 10, "TASK_TIME_LIMIT": 60, "VISIBILITY_TIMEOUT": 60},
        {"TASK_SOFT_TIME_LIMIT": 0, "TASK_TIME_LIMIT": 5, "VISIBILITY_TIMEOUT": 60},
    ],
)
def test_limits_must_sit_under_the_visibility_timeout(limits: dict) -> None:
    with pytest.raises(ValueError, match="VISIBILITY_TIMEOUT"):
        loaded(limits)


@pytest.mark.parametrize("batch", [{"BATCH_JOBS": 0}, {"BATCH_SECONDS": -1}])
def test_batch_limits_are_checked(batch: dict) -> None:
    with pytest.raises(ValueError, match="BATCH_"):
        loaded(batch)


def test_admin_tenants_is_a_json_list(monkeypatch) -> None:
    monkeypatch.setenv("CLAIMCHECK_ADMIN_TENANTS", '["desk"]')
    assert loaded().config["ADMIN_TENANTS"] == ["desk"]
    monkeypatch.setenv("CLAIMCHECK_ADMIN_TENANTS", '"desk"')
    with pytest.raises(ValueError, match="ADMIN_TENANTS"):
        loaded()


def test_api_keys_must_be_a_mapping(monkeypatch) -> None:
    monkeypatch.setenv("CLAIMCHECK_API_KEYS", '["a", "b"]')
    with pytest.raises(ValueError, match="API_KEYS"):
        loaded()
