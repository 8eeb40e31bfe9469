"""The reference store over HTTP: admin API, versions, hot reload in real worker processes, re-checks."""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
import redis as redis_lib
import requests
from support import (
    KEY_ALPHA,
    KEY_BETA,
    LiveServer,
    WorkerProcess,
    assert_problem,
    auth,
    poll_until_finished,
    wait_until,
)

from service import create_app
from service.problems import FACT_CONFLICT, RECHECK_UNAVAILABLE

MADURO = ("Washington now offers a reward of up to $50 million for information leading to the arrest of "
          "Nicolás Maduro.")
TAMBRIK = "The State Department offers a reward of up to $5 million for information leading to the arrest of Tambrik."
SOURCE = ["https://example.org/reference-desk/note"]


def _erase(url: str, prefix: str) -> None:
    client = redis_lib.Redis.from_url(url)
    for key in client.scan_iter(match=prefix + "*", count=1000):
        client.delete(key)
    client.close()


def _config(redis_url: str, **extra: Any) -> dict[str, Any]:
    return {"REDIS_URL": redis_url, "KEY_PREFIX": f"cctest-{uuid.uuid4().hex[:10]}:", "RATE_LIMIT": 0,
            "API_KEYS": {"alpha": KEY_ALPHA, "beta": KEY_BETA}, "ADMIN_TENANTS": ["alpha"],
            "TASK_SOFT_TIME_LIMIT": 8, "TASK_TIME_LIMIT": 9, "VISIBILITY_TIMEOUT": 10, "RESTORE_INTERVAL": 1, **extra}


class Stack:
    """A live API and a real Celery worker process on a key prefix of their own."""

    def __init__(self, config: dict[str, Any], log: Path) -> None:
        self.config = config
        self.worker = WorkerProcess(config, log).start()
        self.server = LiveServer(create_app(config)).__enter__()
        self.url = self.server.url

    def close(self) -> None:
        """Stop the server and the worker, erase the prefix."""
        self.server.__exit__(None, None, None)
        self.worker.stop()
        _erase(self.config["REDIS_URL"], self.config["KEY_PREFIX"])

    def get(self, path: str, key: str = KEY_ALPHA, **kwargs: Any) -> requests.Response:
        return requests.get(self.url + path, headers=auth(key, **kwargs.pop("headers", {})), timeout=10, **kwargs)

    def send(self, method: str, path: str, body: Any = None, key: str = KEY_ALPHA, **headers: str) -> requests.Response:
        return requests.request(method, self.url + path, json=body, headers=auth(key, **headers), timeout=10)

    def check(self, text: str, published: str) -> dict[str, Any]:
        created = self.send("POST", "/v1/checks", {"text": text, "published_at": published})
        assert created.status_code == 202, created.text
        job = poll_until_finished(self.url, created.headers["Location"], timeout=60)
        assert job["status"] == "succeeded", job
        return job

    def version(self) -> dict[str, Any]:
        return self.get("/v1/reference/versions").json()[0]


@pytest.fixture(scope="module")
def stack(redis_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    """One stack for the module's tests; each works on records of its own."""
    stack = Stack(_config(redis_url), tmp_path_factory.mktemp("reference") / "worker.log")
    yield stack
    stack.close()


def _reward(fact_id: str, subject: str, amount: int, announced: str) -> dict[str, Any]:
    return {"id": fact_id, "predicate": "reward", "subjects": [subject],
            "attributes": {"amount": amount, "currency": "USD", "authorities": ["us-state"]},
            "dates": {"announced": announced}, "sources": SOURCE}


def _label(job: dict[str, Any]) -> str:
    (claim,) = [c for c in job["result"]["claims"] if c["type"] == "reward"]
    return claim["verdict"]["label"]


def test_an_added_fact_is_used_by_the_next_job_without_a_restart(stack: Stack) -> None:
    pid = stack.worker.process.pid
    before = stack.check(MADURO, "2025-09-10")
    assert _label(before) == "supported"
    assert before["result"]["reference_version_number"] == stack.version()["number"]

    added = stack.send("POST", "/v1/reference/facts", _reward("reward-maduro-2025-09", "nicolas-maduro",
                                                                75_000_000, "2025-09-01"))
    assert added.status_code == 201, added.text
    assert added.headers["ETag"] and added.headers["Location"].endswith("/v1/reference/facts/reward-maduro-2025-09")
    number = int(added.headers["Reference-Version"])
    latest = stack.version()
    assert latest["number"] == number and latest["action"] == "create" and latest["key"] == "alpha"

    after = stack.check(MADURO, "2025-09-10")
    assert _label(after) == "outdated"  # $50 million was superseded by the new fact's $75 million
    assert after["result"]["reference_version_number"] == number
    assert after["result"]["reference_version"] == latest["hash"] != before["result"]["reference_version"]
    assert stack.worker.process.pid == pid and stack.worker.process.poll() is None

    entry = stack.get("/v1/reference/audit").json()[0]
    assert entry["version"] == number and entry["key"] == "alpha" and entry["action"] == "create"
    assert entry["before"] is None and entry["after"]["id"] == "reward-maduro-2025-09"


def test_a_recheck_after_a_correction_shows_the_changed_verdict(stack: Stack) -> None:
    person = {"id": "orvel-tambrik", "type": "person", "name": "Orvel Tambrik", "aliases": ["Tambrik"]}
    assert stack.send("POST", "/v1/reference/entities", person).status_code == 201
    assert stack.send("POST", "/v1/reference/facts",
                      _reward("reward-tambrik", "orvel-tambrik", 5_000_000, "2025-01-15")).status_code == 201
    original = stack.check(TAMBRIK, "2025-06-01")
    assert _label(original) == "supported"

    fact = stack.get("/v1/reference/facts/reward-tambrik")
    corrected = {**fact.json(), "attributes": {**fact.json()["attributes"], "amount": 7_000_000}}
    updated = stack.send("PUT", "/v1/reference/facts/reward-tambrik", corrected, **{"If-Match": fact.headers["ETag"]})
    assert updated.status_code == 200, updated.text
    assert updated.headers["ETag"] != fact.headers["ETag"]

    response = stack.send("POST", f"/v1/checks/{original['id']}/recheck")
    assert response.status_code == 202, response.text
    job = poll_until_finished(stack.url, response.headers["Location"])
    assert job["status"] == "succeeded" and job["id"] != original["id"]
    recheck = job["result"]["recheck"]
    assert recheck["previous_job"] == original["id"] and recheck["compared"]
    assert recheck["previous_reference_version"] == original["result"]["reference_version"]
    (change,) = recheck["verdict_changes"]
    assert (change["text"], change["before"], change["after"]) == ("$5 million", "supported", "refuted")
    assert job["result"]["reference_version_number"] == int(updated.headers["Reference-Version"])

    other_tenant = stack.send("POST", f"/v1/checks/{original['id']}/recheck", key=KEY_BETA)
    assert_problem(other_tenant, 404)
    stack.send("DELETE", f"/v1/checks/{original['id']}")
    assert_problem(stack.send("POST", f"/v1/checks/{original['id']}/recheck"), 404)


def test_a_recheck_needs_a_succeeded_check(stack: Stack) -> None:
    failed = stack.send("POST", "/v1/checks", {"text": " \n "}, Prefer="wait=20").json()
    assert failed["status"] == "failed"
    body = assert_problem(stack.send("POST", f"/v1/checks/{failed['id']}/recheck"), 409)
    assert body["type"] == RECHECK_UNAVAILABLE


def test_two_concurrent_updates_of_one_fact_one_wins_one_gets_412(stack: Stack) -> None:
    fact = _reward("reward-race", "orvel-tambrik", 1_000_000, "2019-01-01")
    assert stack.send("POST", "/v1/reference/facts", fact).status_code == 201
    for round_ in range(5):
        read = stack.get("/v1/reference/facts/reward-race")
        barrier = threading.Barrier(2)

        def update(amount: int, tag: str = read.headers["ETag"], barrier: threading.Barrier = barrier) -> int:
            body = {**fact, "attributes": {**fact["attributes"], "amount": amount}}
            barrier.wait()
            return stack.send("PUT", "/v1/reference/facts/reward-race", body, **{"If-Match": tag}).status_code

        with ThreadPoolExecutor(2) as pool:
            statuses = sorted(pool.map(update, [2_000_000 + round_, 3_000_000 + round_]))
        assert statuses == [200, 412], statuses
    stale = stack.send("PUT", "/v1/reference/facts/reward-race", fact, **{"If-Match": '"not-the-etag"'})
    body = assert_problem(stale, 412)
    assert stale.headers["ETag"] == stack.get("/v1/reference/facts/reward-race").headers["ETag"] == f'"{body["etag"]}"'
    assert_problem(stack.send("PUT", "/v1/reference/facts/reward-race", fact), 428)


def test_a_conflicting_fact_is_refused_with_409_naming_the_other(stack: Stack) -> None:
    clash = _reward("reward-maduro-2025-08-bis", "nicolas-maduro", 45_000_000, "2025-08-07")
    body = assert_problem(stack.send("POST", "/v1/reference/facts", clash), 409)
    assert body["type"] == FACT_CONFLICT and body["conflicting_fact"] == "reward-maduro-2025-08"
    assert "reward-maduro-2025-08" in body["detail"]
    until = {**_reward("reward-maduro-old", "nicolas-maduro", 1_000_000, "2024-01-01"),
             "dates": {"announced": "2024-01-01", "until": "2025-12-31"}}  # reaches past later rewards
    assert assert_problem(stack.send("POST", "/v1/reference/facts", until), 409)["conflicting_fact"]
    same = _reward("reward-maduro-2025-08-copy", "nicolas-maduro", 50_000_000, "2025-08-07")
    same["attributes"] = stack.get("/v1/reference/facts/reward-maduro-2025-08").json()["attributes"]
    assert stack.send("POST", "/v1/reference/facts", same).status_code == 201  # the same value is no conflict
    assert_problem(stack.send("POST", "/v1/reference/facts", same), 409)  # the id is taken


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"sources": []}, "sources"),
        ({"sources": ["not a url"]}, "sources.0"),
        ({"subjects": ["nobody-at-all"]}, "subjects"),
        ({"dates": {"announced": "2025-02-30"}}, "dates.announced"),
        ({"attributes": {"amount": "a lot"}}, "attributes.amount"),
        ({"attributes": {"kinds": ["no-such-kind"]}}, "attributes.kinds"),
        ({"id": "Not A Slug"}, "id"),
    ],
)
def test_an_invalid_fact_is_a_422_naming_the_field(stack: Stack, change: dict, field: str) -> None:
    fact = {**_reward("reward-invalid", "nicolas-maduro", 1, "2010-01-01"), **change}
    body = assert_problem(stack.send("POST", "/v1/reference/facts", fact), 422)
    assert _names(body["errors"], field), body


def _names(errors: dict[str, Any], field: str) -> bool:
    """`errors` has messages for `field`, keyed by its dotted path or nested by its parts."""
    if field in errors:
        return True
    head, _, rest = field.partition(".")
    return bool(rest) and isinstance(errors.get(head), dict) and _names(errors[head], rest)


def test_an_invalid_entity_is_a_422_naming_the_field(stack: Stack) -> None:
    entity = {"id": "someone", "type": "person", "name": "Some One", "country": "atlantis"}
    assert "country" in assert_problem(stack.send("POST", "/v1/reference/entities", entity), 422)["errors"]
    assert "type" in assert_problem(stack.send("POST", "/v1/reference/entities", {**entity, "type": "x"}),
                                    422)["errors"]


def test_retiring_keeps_the_fact_in_history(stack: Stack) -> None:
    fact = _reward("reward-retired", "orvel-tambrik", 9_000_000, "2018-05-05")
    created = stack.send("POST", "/v1/reference/facts", fact)
    kept = int(created.headers["Reference-Version"])
    retired = stack.send("POST", "/v1/reference/facts/reward-retired/retire", **{"If-Match": created.headers["ETag"]})
    assert retired.status_code == 200 and retired.json()["retired"] is True
    number = int(retired.headers["Reference-Version"])
    read = stack.get("/v1/reference/facts/reward-retired")
    assert read.json()["retired"] is True and read.json()["sources"] == SOURCE
    assert "reward-retired" in {f["id"] for f in stack.get(f"/v1/reference/versions/{kept}").json()["facts"]}
    assert "reward-retired" not in {f["id"] for f in stack.get(f"/v1/reference/versions/{number}").json()["facts"]}
    listed = stack.get("/v1/reference/facts", params={"retired": "true", "subject": "orvel-tambrik"}).json()
    assert {f["id"]: f["retired"] for f in listed}["reward-retired"] is True
    assert "reward-retired" not in {f["id"] for f in stack.get("/v1/reference/facts").json()}
    entry = stack.get("/v1/reference/audit").json()[0]
    assert entry["action"] == "retire" and entry["before"]["id"] == "reward-retired" and entry["after"] is None
    again = stack.send("POST", "/v1/reference/facts/reward-retired/retire", **{"If-Match": "*"})
    assert_problem(again, 409)
    assert_problem(stack.send("PUT", "/v1/reference/facts/reward-retired", fact, **{"If-Match": "*"}), 409)
    assert_problem(stack.get("/v1/reference/versions/999999"), 404)


def test_search_and_read(stack: Stack) -> None:
    found = stack.get("/v1/reference/entities", params={"q": "tren de ARAGUA"}).json()
    assert [e["id"] for e in found] == ["tren-de-aragua"]
    by_alias = stack.get("/v1/reference/entities", params={"q": "TdA", "type": "organization"}).json()
    assert "tren-de-aragua" in {e["id"] for e in by_alias}
    rewards = stack.get("/v1/reference/facts", params={"predicate": "reward", "q": "maduro"}).json()
    assert {"reward-maduro-2020", "reward-maduro-2025-08"} <= {f["id"] for f in rewards}
    on_day = stack.get("/v1/reference/facts", params={"subject": "nicolas-maduro", "predicate": "reward",
                                                       "date": "2025-08-08"}).json()
    assert "reward-maduro-2020" in {f["id"] for f in on_day} and "reward-maduro-2025-09" not in {
        f["id"] for f in on_day}
    one = stack.get("/v1/reference/entities/tren-de-aragua")
    assert one.status_code == 200 and one.json()["name"] and one.headers["ETag"]
    assert stack.get("/v1/reference/entities", params={"page_size": 2}).headers["X-Pagination"]
    assert_problem(stack.get("/v1/reference/facts/no-such-fact"), 404)
    versions = stack.get("/v1/reference/versions", params={"page_size": 100}).json()
    assert [v["number"] for v in versions] == list(range(len(versions), 0, -1))
    assert versions[-1]["action"] == "seed"  # hashes repeat when content does: a create undone by a retire


@pytest.mark.parametrize(
    ("method", "path"),
    [("get", "/v1/reference/entities"), ("get", "/v1/reference/facts/reward-maduro-2020"),
     ("post", "/v1/reference/facts"), ("put", "/v1/reference/entities/tren-de-aragua"),
     ("post", "/v1/reference/facts/reward-maduro-2020/retire"), ("get", "/v1/reference/versions"),
     ("get", "/v1/reference/versions/1"), ("get", "/v1/reference/audit")],
)
def test_a_key_without_the_admin_scope_gets_403(stack: Stack, method: str, path: str) -> None:
    assert_problem(stack.send(method.upper(), path, {"id": "x"}, key=KEY_BETA), 403)
    assert_problem(stack.send(method.upper(), path, {"id": "x"}, key="no-such-key"), 401)


def test_a_running_job_finishes_on_the_version_it_started_with(redis_url: str, tmp_path: Path) -> None:
    stack = Stack(_config(redis_url, TEST_TASK_DELAY=2.0), tmp_path / "worker.log")
    try:
        stack.check(MADURO, "2025-09-10")  # the worker has compiled the table
        fact = stack.get("/v1/reference/facts/reward-maduro-2025-08")
        started_on = stack.version()["number"]
        created = stack.send("POST", "/v1/checks", {"text": MADURO, "published_at": "2025-09-10"})
        store = redis_lib.Redis.from_url(redis_url, decode_responses=True)
        job_key = f"{stack.config['KEY_PREFIX']}job:{created.json()['id']}"
        wait_until(lambda: store.hget(job_key, "status") == "running", 20, 0.02, "the job to start")
        time.sleep(0.5)  # the job takes its table right after it starts running, then sleeps TEST_TASK_DELAY
        changed = {**fact.json(), "attributes": {**fact.json()["attributes"], "amount": 60_000_000}}
        updated = stack.send("PUT", "/v1/reference/facts/reward-maduro-2025-08", changed,
                             **{"If-Match": fact.headers["ETag"]})
        assert updated.status_code == 200
        job = poll_until_finished(stack.url, created.headers["Location"])
        assert job["result"]["reference_version_number"] == started_on
        assert _label(job) == "supported"  # the running job kept the table it started with
        later = stack.check(MADURO, "2025-09-10")
        assert later["result"]["reference_version_number"] == int(updated.headers["Reference-Version"])
        assert _label(later) == "refuted"
    finally:
        stack.close()
