"""/v1/checks in-process: submit, idempotency, ETag, list, cancel (no worker running)."""

from __future__ import annotations

import json
import threading
import time

import pytest
from support import KEY_ALPHA, KEY_BETA, assert_problem, auth

from service import checks, create_app
from service.problems import IDEMPOTENCY_KEY_REUSED, problem
from service.schemas import JobSchema
from workers.queue import QUEUE

ARTICLE = {
    "text": "The council approved the budget.",
    "title": "Budget",
    "published_at": "2026-11-20",
    "language": "en",
    "url": "https://news.example/budget",
    "metadata": {"desk": "city", "rev": 3},
}


def submit(client, body: dict | None = None, key: str = KEY_ALPHA, **headers: str):
    return client.post("/v1/checks", json=body or ARTICLE, headers=auth(key, **headers))


def test_submit_answers_202_with_location_and_job(client, redis) -> None:
    response = submit(client)
    assert response.status_code == 202
    job = response.json
    assert response.headers["Location"] == f"/v1/checks/{job['id']}"
    assert response.headers["Retry-After"] == "1"
    assert job["status"] == "queued" and job["metadata"] == ARTICLE["metadata"]
    assert job["started_at"] is None and job["finished_at"] is None and "result" not in job
    assert redis.ttl(f"{client.application.config['KEY_PREFIX']}job:{job['id']}") > 29 * 24 * 3600


def test_submit_enqueues_one_message(base_config, redis) -> None:
    app = create_app({**base_config, "KEY_PREFIX": base_config["KEY_PREFIX"] + "no-worker:"})  # none consumes it
    queue = app.config["KEY_PREFIX"] + QUEUE
    submit(app.test_client())
    assert redis.llen(queue) == 1


def test_same_idempotency_key_and_body_give_the_same_job(client, redis) -> None:
    first = submit(client, **{"Idempotency-Key": "retry-1"})
    again = submit(client, **{"Idempotency-Key": "retry-1"})
    assert again.status_code == 202 and again.json["id"] == first.json["id"]
    idem = [k for k in redis.scan_iter(client.application.config["KEY_PREFIX"] + "idem:alpha:*")]
    assert len(idem) == 1 and 23 * 3600 < redis.ttl(idem[0]) <= 24 * 3600


def test_same_idempotency_key_other_body_is_422(client) -> None:
    submit(client, **{"Idempotency-Key": "retry-2"})
    problem = assert_problem(submit(client, {**ARTICLE, "title": "Other"}, **{"Idempotency-Key": "retry-2"}), 422)
    assert problem["type"] == IDEMPOTENCY_KEY_REUSED and "Idempotency-Key" in problem["errors"]


def test_idempotency_keys_are_scoped_to_the_api_key(client) -> None:
    mine = submit(client, key=KEY_ALPHA, **{"Idempotency-Key": "shared-name"})
    theirs = submit(client, key=KEY_BETA, **{"Idempotency-Key": "shared-name"})
    assert theirs.status_code == 202 and theirs.json["id"] != mine.json["id"]


def test_idempotency_key_of_an_erased_job_starts_afresh(client) -> None:
    first = submit(client, **{"Idempotency-Key": "erased"})
    client.delete(first.headers["Location"], headers=auth())
    client.delete(first.headers["Location"], headers=auth())
    again = submit(client, **{"Idempotency-Key": "erased"})
    assert again.status_code == 202 and again.json["id"] != first.json["id"]


@pytest.mark.parametrize("key", ["", "k" * 256])
def test_idempotency_key_length(client, key: str) -> None:
    assert set(assert_problem(submit(client, **{"Idempotency-Key": key}), 422)["errors"]) == {"Idempotency-Key"}


def test_get_has_etag_and_if_none_match_gives_304(client) -> None:
    location = submit(client).headers["Location"]
    first = client.get(location, headers=auth())
    assert first.status_code == 200 and first.headers["Retry-After"] == "1"
    etag = first.headers["ETag"]
    not_modified = client.get(location, headers=auth(**{"If-None-Match": etag}))
    assert not_modified.status_code == 304 and not_modified.data == b""
    assert client.get(location, headers=auth(**{"If-None-Match": '"other"'})).status_code == 200


def test_etag_changes_with_the_job(client, app) -> None:
    response = submit(client)
    etag = client.get(response.headers["Location"], headers=auth()).headers["ETag"]
    failed = problem(500, "the check failed unexpectedly")  # as the runner stores it: the contract fuzz reads it
    app.extensions["claimcheck.jobs"].finish(response.json["id"], "failed", failed, None)
    assert client.get(response.headers["Location"], headers=auth()).headers["ETag"] != etag


def test_prefer_wait_answers_202_when_not_done(client) -> None:
    started = time.monotonic()
    response = submit(client, Prefer="wait=1")
    assert response.status_code == 202 and response.headers["Preference-Applied"] == "wait=1"
    assert 0.9 < time.monotonic() - started < 5


def test_prefer_wait_is_capped(client, app) -> None:
    app.config["MAX_WAIT"] = 0
    response = submit(client, Prefer="respond-async, wait=3600")
    assert response.status_code == 202 and response.headers["Preference-Applied"] == "wait=0"


def test_list_is_newest_first_paginated_and_filtered(base_config, app) -> None:
    client = app.test_client()
    tenant_key = KEY_BETA
    ids = [submit(client, {"text": f"article {i}"}, key=tenant_key).json["id"] for i in range(5)]
    canceled = ids[1]
    client.delete(f"/v1/checks/{canceled}", headers=auth(tenant_key))
    page = client.get("/v1/checks?page=1&page_size=2", headers=auth(tenant_key))
    assert page.status_code == 200
    listed = page.json
    total = client.get("/v1/checks?page_size=100", headers=auth(tenant_key)).json
    assert [job["id"] for job in total][:5] == ids[::-1]
    assert [job["id"] for job in listed] == ids[::-1][:2]
    assert '"total"' in page.headers["X-Pagination"]
    assert all("result" not in job for job in total)
    only_canceled = client.get("/v1/checks?status=canceled&page_size=100", headers=auth(tenant_key)).json
    assert canceled in {job["id"] for job in only_canceled}
    assert all(job["status"] == "canceled" for job in only_canceled)


def test_delete_cancels_a_pending_job_and_erases_the_article(client, redis) -> None:
    response = submit(client)
    key = f"{client.application.config['KEY_PREFIX']}job:{response.json['id']}"
    assert redis.hexists(key, "article")
    deleted = client.delete(response.headers["Location"], headers=auth())
    assert deleted.status_code == 204 and deleted.data == b""
    job = client.get(response.headers["Location"], headers=auth()).json
    assert job["status"] == "canceled" and job["metadata"] is None and "Retry-After" not in job
    assert not redis.hexists(key, "article")


def test_delete_erases_a_finished_job(client, app) -> None:
    response = submit(client)
    app.extensions["claimcheck.jobs"].finish(response.json["id"], "succeeded", {"summary": {}}, 0.01)
    assert client.delete(response.headers["Location"], headers=auth()).status_code == 204
    assert_problem(client.get(response.headers["Location"], headers=auth()), 404)


def test_delete_with_if_match(client) -> None:
    location = submit(client).headers["Location"]
    etag = client.get(location, headers=auth()).headers["ETag"]
    assert_problem(client.delete(location, headers=auth(**{"If-Match": '"stale"'})), 412)
    assert client.delete(location, headers=auth(**{"If-Match": etag})).status_code == 204


def test_job_body_is_the_job_schema_dump(app) -> None:
    """The JSON served from the stored record is what JobSchema would dump, in every status."""
    store = app.extensions["claimcheck.jobs"]
    metadata = {"desk": "city", "é": [1, 2.5, None]}
    records = []
    for outcome in ("queued", "running", "succeeded", "failed", "canceled"):
        job_id = store.create("alpha", {"text": "x"}, metadata if outcome != "queued" else None)["id"]
        if outcome != "queued":
            store.start(job_id, lease=60)
        if outcome == "succeeded":
            store.finish(job_id, "succeeded", {"article": {"text": "x"}, "claims": [], "summary": {}}, 0.01)
        elif outcome == "failed":
            store.finish(job_id, "failed", problem(422, "empty", type="urn:x", field="text"), 0.01)
        elif outcome == "canceled":
            store.cancel(job_id)
        records.append(store.get(job_id))
    for record in records:
        with app.test_request_context():
            assert json.loads(checks._job_body(record)) == JobSchema().dump(checks._view(record)), record["status"]
    assert list(json.loads(checks._job_body(records[3]))["error"]) == ["type", "title", "status", "detail", "field"]


def test_post_with_prefer_wait_returns_the_finished_job(client, app, monkeypatch) -> None:
    store = app.extensions["claimcheck.jobs"]
    created, create = [], store.create

    def finish(job_id: str) -> None:
        store.start(job_id, lease=60)
        store.finish(job_id, "succeeded", {"article": {"text": "x"}, "claims": [], "summary": {"supported": 0}}, 0.01)

    def create_and_finish_soon(*args: object, **kwargs: object) -> dict:
        record = create(*args, **kwargs)
        created.append(record["id"])
        threading.Timer(0.2, finish, args=(record["id"],)).start()
        return record

    monkeypatch.setattr(store, "create", create_and_finish_soon)
    started = time.monotonic()
    response = submit(client, {"text": "waited for"}, Prefer="wait=5")
    assert time.monotonic() - started < 3
    assert response.status_code == 200 and response.json["status"] == "succeeded", response.json
    assert response.json["id"] == created[0] and response.json["result"]["summary"] == {"supported": 0}
    assert "Retry-After" not in response.headers and response.headers["Preference-Applied"] == "wait=5"


def test_a_page_far_past_the_end_is_empty(client) -> None:
    """Found by the long contract fuzz: a page number past Redis' 64-bit range was a 500."""
    response = client.get(f"/v1/checks?page={10**37}&page_size=100", headers=auth())
    assert response.status_code == 200 and response.json == []
