"""Contract fuzzing: schemathesis drives every operation of the committed openapi.yaml against the app (WSGI).

Zero 5xx, and every response conforms to the document (status, content type, headers, body schema), with a
valid key and without. CI runs few examples per operation; README gives the longer run.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
import schemathesis
from flask import Flask
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from support import WorkerProcess, auth

from service import create_app
from service.openapi import SPEC_PATH

schema = schemathesis.openapi.from_path(SPEC_PATH)
EXAMPLES = int(os.environ.get("CLAIMCHECK_FUZZ_EXAMPLES", "25"))
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
FUZZ_KEY = "contract-fuzz-key"


@pytest.fixture(scope="module")
def fuzz_app(base_config: dict[str, Any]) -> Flask:
    """The app on the session's Redis and worker, with a tenant of its own: it sees only the jobs it made."""
    return create_app({**base_config, "API_KEYS": {**base_config["API_KEYS"], "fuzz": FUZZ_KEY}})


@schema.parametrize()
@FUZZ
def test_with_a_valid_key(case: schemathesis.Case, fuzz_app: Flask, worker: WorkerProcess) -> None:
    case.call_and_validate(app=fuzz_app, headers=auth(FUZZ_KEY), checks=CHECKS)


@schema.parametrize()
@FUZZ
def test_without_a_valid_key(case: schemathesis.Case, fuzz_app: Flask, worker: WorkerProcess) -> None:
    case.call_and_validate(app=fuzz_app, headers={"Authorization": "Bearer not-a-key"}, checks=CHECKS)
