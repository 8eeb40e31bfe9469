"""The committed openapi.yaml is what the app generates; errors are documented as problem+json."""

from __future__ import annotations

import yaml

from service import openapi


def test_committed_document_matches_the_app() -> None:
    assert openapi.SPEC_PATH.read_text() == openapi.render(), "openapi.yaml drifted: run python -m service.openapi"


def test_check_command_reports_drift(tmp_path, monkeypatch) -> None:
    stale = tmp_path / "openapi.yaml"
    stale.write_text("openapi: 3.1.0\n")
    monkeypatch.setattr(openapi, "SPEC_PATH", stale)
    assert openapi.main(["--check"]) == 1
    assert openapi.main([]) == 0 and openapi.main(["--check"]) == 0


def test_document_shape() -> None:
    spec = yaml.safe_load(openapi.render())
    assert spec["openapi"] == "3.1.0"
    assert {"/v1/checks", "/v1/checks/{job_id}", "/healthz", "/readyz"} <= spec["paths"].keys()
    post = spec["paths"]["/v1/checks"]["post"]
    assert {"200", "202", "422"} <= post["responses"].keys()
    assert "application/problem+json" in spec["components"]["responses"]["UNPROCESSABLE_ENTITY"]["content"]
    job = spec["components"]["schemas"]["Job"]["properties"]
    assert job["result"]["$ref"].endswith("/Result")


def test_spec_is_served(client) -> None:
    assert client.get("/openapi.json").json["openapi"] == "3.1.0"
