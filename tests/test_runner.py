"""The work behind a job, run in-process: outcomes, problems instead of tracebacks, idempotence."""

from __future__ import annotations

import json

import pytest
from celery.exceptions import SoftTimeLimitExceeded
from support import SAMPLE_TEXT

from service import problems
from workers import runner
from workers.jobs import JobStore
from workers.pipeline import ReferenceTableError
from workers.pipeline.schema import ResultSchema


@pytest.fixture
def store(app) -> JobStore:
    return app.extensions["claimcheck.jobs"]


def job(store: JobStore, text: str = SAMPLE_TEXT, **fields: str) -> str:
    return store.create("runner-tests", {"text": text, **fields}, None)["id"]


def run(app, job_id: str) -> str:
    return runner.run_job(job_id, app.extensions["claimcheck.jobs"], app.config)


def test_a_check_succeeds_with_the_engine_result(app, store: JobStore) -> None:
    job_id = job(store, published_at="2026-11-20", title="Budget")
    assert run(app, job_id) == "succeeded"
    result = json.loads(store.get(job_id)["result"])
    assert result["article"]["text"] == SAMPLE_TEXT and result["article"]["published_at"] == "2026-11-20"
    assert {"claims", "summary", "reference_version", "warnings"} <= result.keys()


def test_rerun_is_a_no_op_with_the_same_result(app, store: JobStore) -> None:
    job_id = job(store)
    run(app, job_id)
    first = store.get(job_id)
    assert run(app, job_id) == "succeeded"
    assert store.get(job_id) == first


def test_input_error_fails_the_job_with_a_problem(app, store: JobStore) -> None:
    job_id = job(store, text="   \n  ")
    assert run(app, job_id) == "failed"
    problem = json.loads(store.get(job_id)["error"])
    assert problem["type"] == problems.INVALID_ARTICLE and problem["status"] == 422 and problem["field"]


@pytest.mark.parametrize(
    ("raised", "problem_type"),
    [
        (SoftTimeLimitExceeded(), problems.CHECK_TIMEOUT),
        (ReferenceTableError("facts.yaml", "r1", "amount", "not a number"), problems.REFERENCE_TABLE),
        (ZeroDivisionError("engine bug"), problems.INTERNAL_ERROR),
    ],
)
def test_engine_failures_become_problems(
    app, store: JobStore, monkeypatch, raised: Exception, problem_type: str
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise raised

    monkeypatch.setattr(runner, "check", broken)
    job_id = job(store)
    assert run(app, job_id) == "failed"
    stored = store.get(job_id)["error"]
    assert json.loads(stored)["type"] == problem_type and "Traceback" not in stored


def test_a_result_off_the_schema_fails_the_job(app, store: JobStore, monkeypatch) -> None:
    monkeypatch.setattr(runner, "check", lambda *a, **k: {"claims": "not a list"})
    job_id = job(store)
    assert run(app, job_id) == "failed"
    assert json.loads(store.get(job_id)["error"])["type"] == problems.INTERNAL_ERROR


@pytest.mark.parametrize("status", ["canceled", "succeeded"])
def test_finished_jobs_are_left_alone(app, store: JobStore, status: str) -> None:
    job_id = job(store)
    store.transition(job_id, ("queued",), status)
    assert run(app, job_id) == status
    assert store.get(job_id)["attempts"] == "0"


def test_a_missing_job_returns_early(app) -> None:
    assert run(app, "00000000-0000-4000-8000-000000000000") == "gone"


def test_too_many_attempts_fail_the_job(app, store: JobStore) -> None:
    job_id = job(store)
    for _ in range(app.config["MAX_ATTEMPTS"]):
        store.start(job_id, lease=0)
    assert run(app, job_id) == "failed"
    assert json.loads(store.get(job_id)["error"])["type"] == problems.WORKER_LOST


def test_article_from_stored_fields() -> None:
    article = runner.article_from({"html": "<p>x</p>", "published_at": "2026-01-31", "language": "en"})
    assert article.html == "<p>x</p>" and article.text is None
    assert article.published_at.isoformat() == "2026-01-31" and article.language == "en"


def test_lease_outlasts_broker_redelivery(app) -> None:
    assert runner.lease_seconds(app.config) > app.config["VISIBILITY_TIMEOUT"]


OUTLINE = {"article": {"text": "x"}, "reference_version": "v", "claims": [], "summary": {}, "warnings": []}


@pytest.mark.parametrize(
    "result",
    [
        None,
        {"claims": []},
        {**OUTLINE, "article": "x"},
        {**OUTLINE, "claims": [{"id": "c1"}]},
        {**OUTLINE, "summary": {"supported": "2"}},
        {**OUTLINE, "reference_version": 3},
        {**OUTLINE, "warnings": "none"},
    ],
)
def test_off_schema_outlines_are_caught(result: object) -> None:
    assert runner.off_schema(OUTLINE) is None
    assert runner.off_schema(result)


def test_the_engine_result_has_the_outline(store: JobStore, app) -> None:
    job_id = job(store)
    run(app, job_id)
    assert runner.off_schema(json.loads(store.get(job_id)["result"])) is None


def test_a_result_json_cannot_encode_fails_the_job(app, store: JobStore, monkeypatch) -> None:
    engine = runner.check

    def with_a_set(*args: object, **kwargs: object) -> dict:
        return {**engine(*args, **kwargs), "warnings": [{1, 2}]}

    monkeypatch.setattr(runner, "check", with_a_set)
    job_id = job(store)
    assert run(app, job_id) == "failed"
    assert json.loads(store.get(job_id)["error"])["type"] == problems.INTERNAL_ERROR


def test_bench_noop_tenant_skips_the_engine(app, store: JobStore, monkeypatch) -> None:
    def no_engine(*args: object, **kwargs: object) -> None:
        raise AssertionError("the engine ran")

    monkeypatch.setattr(runner, "check", no_engine)
    monkeypatch.setitem(app.config, "BENCH_NOOP_TENANT", "runner-tests")
    job_id = job(store, published_at="2026-11-20")
    assert run(app, job_id) == "succeeded"
    result = json.loads(store.get(job_id)["result"])
    assert ResultSchema().validate(result) == {} and result["claims"] == []
    assert result["article"]["text"] == SAMPLE_TEXT and result["article"]["published_at"] == "2026-11-20"
    other = store.create("someone-else", {"text": SAMPLE_TEXT}, None)["id"]
    assert run(app, other) == "failed"  # other tenants' jobs still go to the (here broken) engine
