"""API keys: bearer header, hashed storage, constant-time compare, one tenant never sees another's jobs."""

from __future__ import annotations

import hashlib
import json
import uuid
from urllib.parse import quote

import pytest
from support import KEY_ALPHA, KEY_BETA, assert_problem, auth

from service.auth import digest, load_keys, tenant_for
from service.problems import problem


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": ""},
        {"Authorization": "Bearer"},
        {"Authorization": "Bearer "},
        {"Authorization": f"Basic {KEY_ALPHA}"},
        {"Authorization": "Bearer wrong-key"},
        {"Authorization": f"Bearer {KEY_ALPHA}x"},
        {"Authorization": "Bearer sha256:" + hashlib.sha256(KEY_BETA.encode()).hexdigest()},
    ],
    ids=["none", "empty", "scheme-only", "blank-key", "basic", "wrong", "longer", "the-stored-hash"],
)
def test_missing_or_wrong_key_is_401(client, headers: dict[str, str]) -> None:
    response = client.get("/v1/checks", headers=headers)
    assert_problem(response, 401)
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.parametrize("key", [KEY_ALPHA, KEY_BETA], ids=["plain-config", "sha256-config"])
def test_configured_keys_authenticate(client, key: str) -> None:
    assert client.get("/v1/checks", headers=auth(key)).status_code == 200


def test_probes_need_no_key(client) -> None:
    assert client.get("/healthz").status_code == 200


def test_keys_are_kept_hashed() -> None:
    keys = load_keys({"a": "plain", "b": "sha256:" + hashlib.sha256(b"other").hexdigest()})
    assert keys == [(digest("plain"), "a"), (digest("other"), "b")]
    assert all(b"plain" not in stored for stored, _ in keys)


def test_the_app_keeps_no_plain_key(app) -> None:
    assert app.config["API_KEYS"] == {tenant: "sha256:" + hashlib.sha256(key.encode()).hexdigest()
                                      for tenant, key in (("alpha", KEY_ALPHA), ("beta", KEY_BETA))}
    assert KEY_ALPHA not in repr(app.config) and KEY_ALPHA not in repr(app.extensions)


@pytest.mark.parametrize(("key", "tenant"), [("plain", "a"), ("other", "b"), ("nope", None), ("", None)])
def test_tenant_for(key: str, tenant: str | None) -> None:
    keys = load_keys({"a": "plain", "b": "other"})
    assert tenant_for(key, keys) == tenant


def test_jobs_are_invisible_to_other_tenants(client) -> None:
    created = client.post("/v1/checks", json={"text": "alpha's article"}, headers=auth(KEY_ALPHA))
    location = created.headers["Location"]
    assert client.get(location, headers=auth(KEY_ALPHA)).status_code == 200
    assert_problem(client.get(location, headers=auth(KEY_BETA)), 404)
    assert_problem(client.delete(location, headers=auth(KEY_BETA)), 404)
    listed = client.get("/v1/checks?page_size=100", headers=auth(KEY_BETA)).json
    assert created.json["id"] not in {job["id"] for job in listed}
    assert client.get(location, headers=auth(KEY_ALPHA)).json["status"] != "canceled"


def test_no_route_tells_another_tenant_a_job_exists(app, client) -> None:
    """Every route naming a job answers another tenant 404, as for a job that never was, and changes nothing."""
    store = app.extensions["claimcheck.jobs"]
    story = f"urn:story:{uuid.uuid4()}"
    mine = store.create("alpha", {"text": "alpha's story"}, None, callback_url="https://example.org/hook",
                        extra={"article_id": story, "version": "1"})
    store.finish(mine["id"], "failed", problem(422, "the article is empty"), 0.01)
    before = store.redis.hgetall(store.key(mine["id"]))

    def beta_jobs() -> int:
        return json.loads(client.get("/v1/checks?page_size=1", headers=auth(KEY_BETA)).headers["X-Pagination"])["total"]

    beta_before = beta_jobs()
    routes = [("get", ""), ("get", "?format=claimreview"), ("delete", ""), ("get", "/deliveries"),
              ("post", "/deliveries"), ("post", "/recheck")]
    for job_id in (mine["id"], str(uuid.uuid4())):  # alpha's job, and one that does not exist
        for method, suffix in routes:
            response = getattr(client, method)(f"/v1/checks/{job_id}{suffix}", headers=auth(KEY_BETA))
            assert assert_problem(response, 404)["detail"] == f"there is no check {job_id}", (method, suffix)
    json_ld = auth(KEY_BETA, Accept="application/ld+json")
    assert client.get(f"/v1/checks/{mine['id']}", headers=json_ld).status_code == 404
    assert store.redis.hgetall(store.key(mine["id"])) == before
    assert client.get(f"/v1/articles/{quote(story, safe='')}/checks", headers=auth(KEY_BETA)).json == []
    assert [j["id"] for j in client.get(f"/v1/articles/{quote(story, safe='')}/checks", headers=auth()).json] == [
        mine["id"]]
    listed = client.get("/v1/checks?page_size=100", headers=auth(KEY_BETA)).json
    assert mine["id"] not in {job["id"] for job in listed}
    assert beta_jobs() == beta_before  # no re-check made beta a job of alpha's article
