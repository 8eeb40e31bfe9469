"""The work behind one job: load the table, run the engine, store the result or the problem."""

from __future__ import annotations

import datetime as dt
import json
import logging
import time
from collections.abc import Mapping
from typing import Any

from celery.exceptions import SoftTimeLimitExceeded

from service.problems import (
    CHECK_TIMEOUT,
    INTERNAL_ERROR,
    INVALID_ARTICLE,
    REFERENCE_TABLE,
    WORKER_LOST,
    problem,
)
from workers.jobs import JobStore
from workers.pipeline import Article, CheckOptions, InputError, ReferenceTableError, check, load_table
from workers.pipeline.schema import ResultSchema

log = logging.getLogger(__name__)
RESULT_SCHEMA = ResultSchema()


def lease_seconds(config: Mapping[str, Any]) -> float:
    """How long a job may stay pending before it is presumed lost: past any broker redelivery."""
    return config["VISIBILITY_TIMEOUT"] + 2 * config["RESTORE_INTERVAL"]


def article_from(stored: Mapping[str, Any]) -> Article:
    """The engine's Article from the fields stored at submission."""
    published = stored.get("published_at")
    return Article(
        text=stored.get("text"),
        html=stored.get("html"),
        title=stored.get("title"),
        url=stored.get("url"),
        language=stored.get("language"),
        published_at=dt.date.fromisoformat(published) if published else None,
    )


def _check(record: Mapping[str, str], config: Mapping[str, Any]) -> tuple[str, dict[str, Any]]:
    try:
        article = article_from(json.loads(record["article"]))
        result = check(article, load_table(config["REFERENCE"]), CheckOptions())
        if errors := RESULT_SCHEMA.validate(result):
            raise ValueError(f"the engine's result does not match ResultSchema: {errors}")
        return "succeeded", result
    except InputError as exc:
        return "failed", problem(
            422, exc.detail, type=INVALID_ARTICLE, title="The article cannot be checked", field=exc.field
        )
    except SoftTimeLimitExceeded:
        return "failed", problem(
            504,
            f"the check took longer than {config['TASK_SOFT_TIME_LIMIT']} s",
            type=CHECK_TIMEOUT,
            title="The check timed out",
        )
    except ReferenceTableError as exc:
        log.error("reference table unusable: %s", exc)
        return "failed", problem(
            500,
            "the service's reference table is unusable; the operator was told",
            type=REFERENCE_TABLE,
            title="Reference table error",
        )
    except Exception:
        log.exception("check of job %s failed", record.get("id"))
        return "failed", problem(
            500,
            "the check failed unexpectedly; the error was logged",
            type=INTERNAL_ERROR,
            title="Internal error",
        )


def run_job(job_id: str, store: JobStore, config: Mapping[str, Any]) -> str:
    """Run one job if it is still pending and store its outcome; returns the job's status."""
    started = store.start(job_id, lease_seconds(config))
    if not started.applied:
        return started.previous or "gone"  # finished, canceled or erased meanwhile: nothing to do
    if started.count > config["MAX_ATTEMPTS"]:
        lost = problem(
            500,
            f"the job was started {started.count - 1} times and never finished",
            type=WORKER_LOST,
            title="The worker running the check was lost",
        )
        store.finish(job_id, "failed", lost, None)
        return "failed"
    record = store.get(job_id)
    if record is None or "article" not in record:
        return "gone"
    if config["TEST_TASK_DELAY"]:
        time.sleep(config["TEST_TASK_DELAY"])
    began = time.monotonic()
    status, payload = _check(record, config)
    store.finish(job_id, status, payload, time.monotonic() - began)
    return status
