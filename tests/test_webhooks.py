"""Inbound CMS webhooks over HTTP: signatures, replays, limits, and ninjs / WordPress / Superdesk payloads checked
by a real worker process."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import json
import uuid
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import pytest
import requests
from standardwebhooks import Webhook
from support import KEY_ALPHA, KEY_BETA, LiveServer, WorkerProcess, assert_problem, auth, poll_until_finished

from service import create_app
from service.inbound import MappingError, map_payload

SECRET = "whsec_" + base64.b64encode(b"claimcheck-inbound-test-secret!!").decode()
KEY_GAMMA = "gamma-test-key"
TEXT = ("In February, the State Department designated Tren de Aragua as a foreign terrorist organization. "
        "The U.S. offers a $40 million reward for Maduro.")
HTML = f"<p>{TEXT}</p>"


@pytest.fixture(scope="module")
def inbound_config(redis_url: str) -> Iterator[dict[str, Any]]:
    """A prefix of its own; alpha and gamma verify with an inbound secret, beta with its callback secret."""
    from conftest import _erase_prefix

    config = {
        "REDIS_URL": redis_url,
        "KEY_PREFIX": f"cctest-{uuid.uuid4().hex[:10]}:",
        "API_KEYS": {"alpha": KEY_ALPHA, "beta": KEY_BETA, "gamma": KEY_GAMMA},
        "RATE_LIMIT": 0,
        "INBOUND_WEBHOOK_SECRETS": {"alpha": SECRET, "gamma": SECRET},
        "WEBHOOK_SECRETS": {"beta": SECRET},
        "MAX_CONTENT_LENGTH": 64 * 1024,
    }
    yield config
    _erase_prefix(redis_url, config["KEY_PREFIX"])


@pytest.fixture(scope="module")
def server(inbound_config: dict[str, Any], tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The API over HTTP and a real worker on the module's prefix."""
    worker = WorkerProcess(inbound_config, tmp_path_factory.mktemp("inworker") / "worker.log").start()
    with LiveServer(create_app({**inbound_config, "TESTING": True})) as live:
        yield live.url
    worker.stop()


def test_webhook_ids_outlive_the_tolerance(base_config: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match="IDEMPOTENCY_TTL"):
        create_app({**base_config, "IDEMPOTENCY_TTL": 299})
    with pytest.raises(ValueError, match="INBOUND_WEBHOOK_SECRETS"):
        create_app({**base_config, "INBOUND_WEBHOOK_SECRETS": {"alpha": "not-a-secret"}})


def signed(body: bytes, *, msg_id: str | None = None, at: dt.datetime | None = None,
           secret: str = SECRET) -> dict[str, str]:
    """Standard Webhooks headers for `body`, signed with the library."""
    msg_id = msg_id or f"msg_{uuid.uuid4().hex}"
    at = at or dt.datetime.now(dt.UTC)
    return {
        "webhook-id": msg_id,
        "webhook-timestamp": str(int(at.timestamp())),
        "webhook-signature": Webhook(secret).sign(msg_id, at, body.decode()),
        "Content-Type": "application/json",
    }


def push(server: str, source: str, payload: Any, key: str = KEY_ALPHA, **headers: str) -> requests.Response:
    body = json.dumps(payload).encode()
    return requests.post(f"{server}/v1/webhooks/{source}", data=body,
                         headers=auth(key, **(headers or signed(body))), timeout=30)


NINJS_1 = {"uri": "https://news.example/2025/aragua", "version": "1", "versioncreated": "2025-03-02T10:00:00Z",
           "firstcreated": "2025-03-01T09:00:00Z", "headline": "Designation", "body_text": TEXT, "language": "en"}
NINJS_2 = {"uri": "urn:newsml:example:2025:aragua", "version": "2", "versioncreated": "2025-03-02T10:00:00+00:00",
           "headlines": [{"value": "Designation", "role": "main"}],
           "bodies": [{"contenttype": "text/html", "value": HTML}], "language": "en"}
NINJS_3 = {"uri": "https://news.example/3/aragua", "version": "3", "versionCreated": "2025-03-02T10:00:00Z",
           "headlines": [{"value": "Designation"}], "bodies": [{"contentType": "text/plain", "value": TEXT}]}
WORDPRESS = {"id": 4211, "link": "https://blog.example/?p=4211", "title": {"rendered": "Designation"},
             "content": {"rendered": HTML, "protected": False}, "date_gmt": "2025-03-01T09:00:00",
             "modified_gmt": "2025-03-02T10:00:00"}
SUPERDESK = {"guid": "urn:newsml:localhost:2025-03-01:aragua", "version": "2", "headline": "Designation",
             "body_html": HTML, "versioncreated": "2025-03-02T10:00:00+0000",
             "firstpublished": "2025-03-01T09:00:00+0000", "language": "en"}


def fresh(payload: dict) -> dict:
    """The payload as a story of its own (a new identity), so that no earlier version of it exists."""
    story = uuid.uuid4().hex
    if "link" in payload:
        return {**payload, "link": f"https://blog.example/?p={story}"}
    return {**payload, ("uri" if "uri" in payload else "guid"): f"https://news.example/{story}/a"}


@pytest.mark.parametrize(
    ("source", "payload", "expected"),
    [
        ("ninjs", NINJS_1, ({"text": TEXT, "title": "Designation", "url": NINJS_1["uri"], "language": "en",
                             "published_at": dt.date(2025, 3, 1)}, NINJS_1["uri"], "1")),
        ("ninjs", NINJS_2, ({"html": HTML, "title": "Designation", "language": "en",
                             "published_at": dt.date(2025, 3, 2)}, NINJS_2["uri"], "2")),
        ("ninjs", NINJS_3, ({"text": TEXT, "title": "Designation", "url": NINJS_3["uri"],
                             "published_at": dt.date(2025, 3, 2)}, NINJS_3["uri"], "3")),
        ("wordpress", WORDPRESS, ({"html": HTML, "title": "Designation", "url": WORDPRESS["link"],
                                   "published_at": dt.date(2025, 3, 1)}, WORDPRESS["link"], "2025-03-02T10:00:00")),
        ("wordpress", {**WORDPRESS, "link": None}, ({"html": HTML, "title": "Designation",
                                                     "published_at": dt.date(2025, 3, 1)}, "4211",
                                                    "2025-03-02T10:00:00")),
        ("superdesk", SUPERDESK, ({"html": HTML, "title": "Designation", "language": "en",
                                   "published_at": dt.date(2025, 3, 1)}, SUPERDESK["guid"], "2")),
    ],
    ids=["ninjs-1", "ninjs-2", "ninjs-3", "wordpress", "wordpress-id", "superdesk"],
)
def test_mapping(source: str, payload: dict, expected: tuple) -> None:
    mapped = map_payload(source, payload)
    assert (mapped.article, mapped.article_id, mapped.version) == expected


@pytest.mark.parametrize(
    ("source", "payload", "field"),
    [
        ("ninjs", {"uri": "x", "headline": "h"}, "body_text/body_html/bodies"),
        ("ninjs", {**NINJS_1, "body_text": "  ", "bodies": [{"value": 3}]}, "body_text/body_html/bodies"),
        ("ninjs", {**NINJS_1, "firstcreated": "yesterday"}, "firstcreated"),
        ("wordpress", {**WORDPRESS, "content": {"rendered": ""}}, "content.rendered"),
        ("superdesk", {"guid": "g", "body_html": None}, "body_html"),
        ("ninjs", ["not", "an", "object"], "body"),
    ],
)
def test_mapping_refuses(source: str, payload: Any, field: str) -> None:
    with pytest.raises(MappingError) as caught:
        map_payload(source, payload)
    assert caught.value.field == field


@pytest.mark.parametrize(("source", "payload"), [("ninjs", NINJS_1), ("ninjs", NINJS_2), ("ninjs", NINJS_3),
                                                 ("wordpress", WORDPRESS), ("superdesk", SUPERDESK)],
                         ids=["ninjs-1", "ninjs-2", "ninjs-3", "wordpress", "superdesk"])
def test_payload_is_checked_by_the_worker(server: str, source: str, payload: dict) -> None:
    response = push(server, source, fresh(payload))
    assert response.status_code == 202, response.text
    assert response.headers["Location"] == f"/v1/checks/{response.json()['id']}"
    job = poll_until_finished(server, response.headers["Location"])
    assert job["status"] == "succeeded", job
    assert job["result"]["article"]["title"] == "Designation"
    assert job["result"]["claims"], job["result"]
    assert job["metadata"]["source"] == source


def test_superdesk_sha1_signature(server: str) -> None:
    body = json.dumps(fresh(SUPERDESK)).encode()
    digest = hmac.new(SECRET.encode(), body, hashlib.sha1).hexdigest()
    good = requests.post(f"{server}/v1/webhooks/superdesk", data=body, timeout=30, headers=auth(
        **{"x-superdesk-signature": f"sha1={digest}", "Content-Type": "application/json"}))
    assert good.status_code == 202, good.text
    bad = requests.post(f"{server}/v1/webhooks/superdesk", data=body, timeout=30, headers=auth(
        **{"x-superdesk-signature": f"sha1={'0' * 40}", "Content-Type": "application/json"}))
    assert_problem(bad, 401)
    elsewhere = requests.post(f"{server}/v1/webhooks/ninjs", data=body, timeout=30, headers=auth(
        **{"x-superdesk-signature": f"sha1={digest}", "Content-Type": "application/json"}))
    assert_problem(elsewhere, 401)  # only the superdesk endpoint takes it


def test_beta_verifies_with_its_callback_secret(server: str) -> None:
    assert push(server, "ninjs", NINJS_1, KEY_BETA).status_code == 202


def test_bad_signatures(server: str) -> None:
    body = json.dumps(NINJS_1).encode()
    other = "whsec_" + base64.b64encode(b"another-secret-of-32-bytes-long!").decode()
    cases = {
        "wrong secret": signed(body, secret=other),
        "stale timestamp": signed(body, at=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=6)),
        "future timestamp": signed(body, at=dt.datetime.now(dt.UTC) + dt.timedelta(minutes=6)),
        "no signature": {k: v for k, v in signed(body).items() if k != "webhook-signature"},
        "garbled signature": {**signed(body), "webhook-signature": "v1,%%%"},
        "other body": signed(json.dumps(NINJS_2).encode()),
    }
    for what, headers in cases.items():
        response = requests.post(f"{server}/v1/webhooks/ninjs", data=body, headers=auth(**headers), timeout=30)
        assert_problem(response, 401), what
    assert_problem(requests.post(f"{server}/v1/webhooks/ninjs", data=body, timeout=30,
                                 headers={**signed(body), "Authorization": "Bearer nobody"}), 401)
    assert_problem(push(server, "ninjs", NINJS_1, KEY_BETA, **signed(body, secret=other)), 401)


def test_replayed_webhook_id_makes_no_second_job(server: str) -> None:
    body = json.dumps(fresh(NINJS_1)).encode()
    headers = auth(KEY_GAMMA, **signed(body))
    first = requests.post(f"{server}/v1/webhooks/ninjs", data=body, headers=headers, timeout=30)
    assert first.status_code == 202, first.text
    again = requests.post(f"{server}/v1/webhooks/ninjs", data=body, headers=headers, timeout=30)
    assert again.status_code in (200, 202) and again.json()["id"] == first.json()["id"]
    resigned = auth(KEY_GAMMA, **signed(body, msg_id=headers["webhook-id"]))  # a redelivery, signed anew
    assert requests.post(f"{server}/v1/webhooks/ninjs", data=body, headers=resigned,
                         timeout=30).json()["id"] == first.json()["id"]
    listed = requests.get(f"{server}/v1/checks", headers=auth(KEY_GAMMA), timeout=10).json()
    assert [job["id"] for job in listed] == [first.json()["id"]]


def test_malformed_payloads(server: str) -> None:
    problem = assert_problem(push(server, "ninjs", {"uri": "urn:x", "headline": "no body"}), 422)
    assert "body_text/body_html/bodies" in problem["errors"]
    problem = assert_problem(push(server, "wordpress", {**WORDPRESS, "content": {}}), 422)
    assert "content.rendered" in problem["errors"]
    problem = assert_problem(push(server, "ninjs", {**NINJS_1, "language": "not a tag!"}), 422)
    assert "language" in problem["errors"]
    body = b"{not json"
    assert "body" in assert_problem(requests.post(f"{server}/v1/webhooks/ninjs", data=body, timeout=30,
                                                  headers=auth(**signed(body))), 422)["errors"]
    assert_problem(push(server, "rss", NINJS_1), 404)


def test_oversize_payload(server: str) -> None:
    response = push(server, "ninjs", {**NINJS_1, "body_text": "x" * (65 * 1024)})
    assert_problem(response, 413)


def story_checks(server: str, article_id: str, key: str = KEY_ALPHA) -> list[dict]:
    response = requests.get(f"{server}/v1/articles/{quote(article_id, safe='')}/checks", headers=auth(key), timeout=10)
    assert response.status_code == 200, response.text
    return response.json()


def test_unchanged_update_returns_the_previous_job(server: str) -> None:
    story = fresh(NINJS_1)
    first = push(server, "ninjs", story)
    assert first.status_code == 202, first.text
    poll_until_finished(server, first.headers["Location"])
    again = push(server, "ninjs", {**story, "version": "2", "versioncreated": "2025-03-03T08:00:00Z"})
    assert again.status_code == 200 and again.json()["id"] == first.json()["id"]
    assert [job["id"] for job in story_checks(server, story["uri"])] == [first.json()["id"]]
    assert story_checks(server, story["uri"], KEY_GAMMA) == []  # another tenant's story is not listed


def test_changed_update_runs_again_and_marks_its_claims(server: str) -> None:
    story = fresh(SUPERDESK)
    first = push(server, "superdesk", story)
    assert first.status_code == 202, first.text
    before = poll_until_finished(server, first.headers["Location"])
    changed_html = ("<p>In 2019, the State Department designated Tren de Aragua as a foreign terrorist organization. "
                    "The U.S. offers a $25 million reward for Maduro.</p>")
    second = push(server, "superdesk", {**story, "version": "3", "body_html": changed_html})
    assert second.status_code == 202, second.text
    assert second.json()["id"] != first.json()["id"]
    assert second.json()["metadata"] == {"source": "superdesk", "article_id": story["guid"], "version": "3",
                                         "previous_job": first.json()["id"]}
    after = poll_until_finished(server, second.headers["Location"])
    assert after["status"] == "succeeded", after
    marks = {(c["type"], c["text"]): c["change"] for c in after["result"]["claims"]}
    assert marks == {("designation", "Tren de Aragua"): "changed", ("reward", "$25 million"): "new"}
    changes = after["result"]["changes"]
    assert changes["previous_job"] == first.json()["id"] and changes["compared"] is True
    old_reward = next(c for c in before["result"]["claims"] if c["type"] == "reward")
    assert [(g["id"], g["text"], g["label"]) for g in changes["gone"]] == [(old_reward["id"], "$40 million", "refuted")]
    listed = story_checks(server, story["guid"])
    assert [job["id"] for job in listed] == [second.json()["id"], first.json()["id"]]
    assert [job["metadata"]["version"] for job in listed] == ["3", "2"]
