"""The Redis job store: records, indexes, atomic transitions, waiting, idempotency bindings."""

from __future__ import annotations

import json
import threading
import time

import pytest

from workers import stats
from workers.jobs import FINISHED, PENDING, JobStore
from workers.queue import CHECK_TASK


@pytest.fixture
def store(app) -> JobStore:
    return app.extensions["claimcheck.jobs"]


def new_job(store: JobStore, tenant: str = "store-tests") -> str:
    return store.create(tenant, {"text": "an article"}, {"k": 1})["id"]


def test_create_and_get(store: JobStore) -> None:
    job_id = new_job(store)
    record = store.get(job_id)
    assert record["status"] == "queued" and record["tenant"] == "store-tests" and record["attempts"] == "0"
    assert store.get(job_id, "store-tests") == record
    assert store.get(job_id, "someone-else") is None
    assert store.get("no-such-job") is None


@pytest.mark.parametrize(
    ("path", "applied"),
    [
        (["running", "succeeded"], [True, True]),
        (["running", "failed", "succeeded"], [True, True, False]),
        (["canceled", "running"], [True, False]),
        (["succeeded", "canceled"], [True, False]),
    ],
)
def test_transitions_only_leave_pending_states(store: JobStore, path: list[str], applied: list[bool]) -> None:
    job_id = new_job(store)
    outcomes = [store.transition(job_id, PENDING, status).applied for status in path]
    assert outcomes == applied


def test_transition_of_a_missing_job(store: JobStore) -> None:
    outcome = store.transition("gone", PENDING, "running")
    assert not outcome.applied and outcome.previous is None


def test_start_counts_attempts_and_sets_a_lease(store: JobStore) -> None:
    job_id = new_job(store)
    assert store.start(job_id, lease=30).count == 1
    started = store.start(job_id, lease=30)
    assert started.count == 2
    record = store.get(job_id)
    assert record["status"] == "running" and float(record["lease_until"]) > time.time() + 25
    assert started.record == record  # read in the same step, article included
    assert started.record["article"] == '{"text":"an article"}'


def test_start_of_a_finished_job_reads_nothing(store: JobStore) -> None:
    job_id = new_job(store)
    store.finish(job_id, "failed", {"status": 500}, None)
    started = store.start(job_id, lease=30)
    assert not started.applied and started.previous == "failed" and started.record is None


def test_create_can_enqueue_in_the_same_step(store: JobStore) -> None:
    store = JobStore(store.redis, store.blocking, store.prefix + "enqueue-test:", store.ttl)  # no worker here
    job_id = store.create("store-tests", {"text": "queued at once"}, None, enqueue=True)["id"]
    assert store.redis.llen(store.queue) == 1
    message = json.loads(store.redis.lindex(store.queue, 0))
    assert message["headers"]["task"] == CHECK_TASK and message["headers"]["argsrepr"] == repr([job_id])
    new_job(store)
    assert store.redis.llen(store.queue) == 1  # without `enqueue`, the caller queues it
    store.enqueue(job_id)
    assert store.redis.llen(store.queue) == 2
    store.redis.delete(store.queue)


def test_finish_stores_payload_drops_article_and_counts(store: JobStore, redis) -> None:
    job_id = new_job(store)
    before = stats.read(redis, store.prefix)
    assert store.finish(job_id, "succeeded", {"summary": {"supported": 2, "refuted": 1}}, 0.02)
    assert not store.finish(job_id, "succeeded", {"summary": {"supported": 2}}, 0.02)  # counted once
    record = store.get(job_id)
    assert "article" not in record and record["result"] and record["finished_ts"]
    after = stats.read(redis, store.prefix)
    assert after.finished.get("succeeded", 0) == before.finished.get("succeeded", 0) + 1
    assert after.verdicts.get("supported", 0) == before.verdicts.get("supported", 0) + 2
    assert after.duration_count == before.duration_count + 1
    assert after.duration_sum == pytest.approx(before.duration_sum + 0.02)
    assert dict(after.duration_buckets)[0.025] == dict(before.duration_buckets)[0.025] + 1


def test_stats_record_in_a_pipeline_matches_increments(redis) -> None:
    prefix = f"stats-{time.time_ns()}:"
    pipe = redis.pipeline(transaction=False)
    stats.record(pipe, prefix, "succeeded", 0.3, {"refuted": 2})
    pipe.execute()
    figures = stats.read(redis, prefix)
    assert figures.finished == {"succeeded": 1} and figures.verdicts == {"refuted": 2}
    assert figures.duration_count == 1 and figures.duration_sum == pytest.approx(0.3)
    redis.delete(*(f"{prefix}stats:{name}" for name in ("finished", "verdicts", "duration")))


def test_requeue_only_after_the_lease(store: JobStore) -> None:
    job_id = new_job(store)
    assert float(store.get(job_id)["lease_until"]) > time.time() + 60  # a queued lease: VISIBILITY_TIMEOUT + 2x
    assert job_id not in store.expired_leases(10_000)
    store.start(job_id, lease=3600)
    assert not store.requeue_if_stale(job_id) and job_id not in store.expired_leases(10_000)
    store.start(job_id, lease=-1)
    assert job_id in store.expired_leases(10_000)
    assert store.requeue_if_stale(job_id) and not store.requeue_if_stale(job_id)  # one requeue per expiry
    record = store.get(job_id)
    assert record["status"] == "queued" and "started_ts" not in record
    assert float(record["lease_until"]) > time.time() + 60  # queued again, under a queued lease
    assert job_id not in store.expired_leases(10_000)


def test_an_expired_record_drops_its_lease(store: JobStore) -> None:
    job_id = new_job(store)
    store.start(job_id, lease=-1)
    store.redis.delete(store.key(job_id))  # as its TTL would
    assert not store.requeue_if_stale(job_id) and job_id not in store.expired_leases(10_000)


def test_finishing_clears_the_lease(store: JobStore) -> None:
    job_id = new_job(store)
    store.start(job_id, lease=-1)
    store.finish(job_id, "succeeded", {"summary": {}}, None)
    assert job_id not in store.expired_leases(10_000) and not store.requeue_if_stale(job_id)


@pytest.mark.parametrize(("finish_first", "outcome"), [(False, "canceled"), (True, "deleted")])
def test_cancel(store: JobStore, finish_first: bool, outcome: str) -> None:
    job_id = new_job(store)
    if finish_first:
        store.finish(job_id, "succeeded", {"summary": {}}, None)
    assert store.cancel(job_id) == outcome
    record = store.get(job_id)
    if outcome == "canceled":
        assert record["status"] == "canceled" and not {"article", "result", "metadata"} & record.keys()
    else:
        assert record is None
    assert store.cancel("never-existed") is None


def test_list_pages_newest_first(store: JobStore) -> None:
    tenant = f"lister-{time.time_ns()}"
    ids = [new_job(store, tenant) for _ in range(4)]
    page, total = store.list(tenant, None, 1, 2)
    assert total == 4 and [r["id"] for r in page] == ids[::-1][1:3]
    store.transition(ids[0], PENDING, "failed")
    failed, count = store.list(tenant, "failed", 0, 10)
    assert count == 1 and failed[0]["id"] == ids[0]
    assert store.list(tenant, "queued", 0, 10)[1] == 3


@pytest.mark.parametrize("status", FINISHED)
def test_wait_returns_when_the_job_finishes(store: JobStore, status: str) -> None:
    job_id = new_job(store)
    threading.Timer(0.2, store.transition, args=(job_id, PENDING, status)).start()
    started = time.monotonic()
    assert store.wait(job_id, timeout=5)["status"] == status
    assert time.monotonic() - started < 2
    started = time.monotonic()
    assert store.wait(job_id, timeout=5) == store.get(job_id)  # a second listener is woken too
    assert time.monotonic() - started < 1


def test_wait_times_out(store: JobStore) -> None:
    started = time.monotonic()
    job_id = new_job(store)
    assert store.wait(job_id, timeout=0.3)["status"] == "queued"
    assert 0.25 < time.monotonic() - started < 2
    store.delete(job_id)
    assert store.wait(job_id, timeout=0.1) is None


def test_idempotency_binding(store: JobStore) -> None:
    assert store.remember_idempotency("t", "key-1", "hash", "job-1", ttl=60) is None
    assert store.remember_idempotency("t", "key-1", "other", "job-2", ttl=60) == "hash job-1"
    assert store.recall_idempotency("t", "key-1") == "hash job-1"
    assert store.recall_idempotency("u", "key-1") is None
    store.forget_idempotency("t", "key-1")
    assert store.recall_idempotency("t", "key-1") is None


def test_tenant_indexes_stay_within_the_job_ttl_without_being_read(app) -> None:
    """Creating and finishing jobs drops index entries of jobs past the TTL; every index key has a TTL."""
    base = app.extensions["claimcheck.jobs"]
    store = JobStore(base.redis, base.blocking, base.prefix + "ttl-index:", ttl=1)
    first = store.create("t", {"text": "a"}, None)["id"]
    store.finish(first, "succeeded", {"ok": 1}, 0.1)
    time.sleep(1.2)
    second = store.create("t", {"text": "b"}, None)["id"]
    store.finish(second, "succeeded", {"ok": 1}, 0.1)
    for index in ("tenant:t:jobs", "tenant:t:status:queued", "tenant:t:status:succeeded"):
        key = store.prefix + index
        assert first not in store.redis.zrange(key, 0, -1), index
        assert store.redis.ttl(key) in (-2, 1), index  # gone once empty, else expiring with its newest job
    assert store.redis.zrange(store.prefix + "tenant:t:status:succeeded", 0, -1) == [second]
