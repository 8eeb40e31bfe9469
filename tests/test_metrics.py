"""/metrics: requests by route and status, queue depth, finished jobs, verdicts and run times."""

from __future__ import annotations

import re

from support import SAMPLE_TEXT, auth

from service import create_app
from service.embedded_redis import free_port
from workers.runner import run_job


def sample(text: str, name: str, **labels: str) -> float | None:
    label_text = ",".join(f'{k}="{v}"' for k, v in sorted(labels.items()))
    pattern = re.escape(name + (f"{{{label_text}}}" if labels else "")) + r" ([0-9.e+-]+)$"
    match = re.search(pattern, text, re.MULTILINE)
    return float(match.group(1)) if match else None


def test_requests_are_counted_by_route_and_status(client) -> None:
    client.post("/v1/checks", json={"text": SAMPLE_TEXT}, headers=auth())
    client.get("/v1/checks/00000000-0000-4000-8000-000000000000", headers=auth())
    client.get("/nowhere")
    text = client.get("/metrics").get_data(as_text=True)
    assert sample(text, "claimcheck_http_requests_total", method="POST", route="/v1/checks", status="202") == 1
    assert (
        sample(text, "claimcheck_http_requests_total", method="GET", route="/v1/checks/<uuid:job_id>", status="404")
        == 1
    )
    assert sample(text, "claimcheck_http_requests_total", method="GET", route="unmatched", status="404") == 1
    assert sample(text, "claimcheck_http_request_duration_seconds_count", route="/v1/checks") == 1


def test_job_figures_come_from_redis(base_config: dict) -> None:
    app = create_app({**base_config, "KEY_PREFIX": base_config["KEY_PREFIX"] + "metrics:"})  # no worker here
    client, store = app.test_client(), app.extensions["claimcheck.jobs"]
    before = client.get("/metrics").get_data(as_text=True)
    job_id = store.create("metrics", {"text": SAMPLE_TEXT}, None)["id"]
    client.post("/v1/checks", json={"text": SAMPLE_TEXT}, headers=auth())
    queued = client.get("/metrics").get_data(as_text=True)
    assert sample(queued, "claimcheck_queue_depth") == (sample(before, "claimcheck_queue_depth") or 0) + 1
    run_job(job_id, store, app.config)
    after = client.get("/metrics").get_data(as_text=True)
    succeeded = sample(after, "claimcheck_jobs_finished_total", status="succeeded")
    assert succeeded == (sample(before, "claimcheck_jobs_finished_total", status="succeeded") or 0) + 1
    assert sample(after, "claimcheck_job_duration_seconds_count") >= 1
    assert "claimcheck_verdicts_total" in after
    assert sample(after, "claimcheck_redis_up") == 1


def test_scrape_survives_redis_down(base_config: dict) -> None:
    down = create_app({**base_config, "REDIS_URL": f"redis://127.0.0.1:{free_port()}/0"})
    response = down.test_client().get("/metrics")
    assert response.status_code == 200 and sample(response.get_data(as_text=True), "claimcheck_redis_up") == 0
