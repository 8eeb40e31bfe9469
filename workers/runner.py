"""The work behind one job: load the table, run the engine, store the result or the problem."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
import time
from collections.abc import Mapping
from typing import Any

from celery.exceptions import SoftTimeLimitExceeded

from service.logs import request_id
from service.problems import (
    CHECK_TIMEOUT,
    INTERNAL_ERROR,
    INVALID_ARTICLE,
    REFERENCE_TABLE,
    WORKER_LOST,
    problem,
)
from workers.callbacks import job_finished
from workers.fetch import FetchError, fetch_html, no_text, publication_date
from workers.jobs import JobStore, Transition, encode_payload
from workers.livetable import live_table
from workers.pipeline import Article, CheckOptions, InputError, ReferenceTableError, check
from workers.pipeline.schema import LABELS, ClaimSchema, ResultSchema
from workers.versions import mark_changes, mark_recheck

log = logging.getLogger(__name__)
RESULT_FIELDS = frozenset(name for name, field in ResultSchema().fields.items() if field.required)
CLAIM_FIELDS = frozenset(name for name, field in ClaimSchema().fields.items() if field.required)


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


def fetched(article: Article, config: Mapping[str, Any]) -> Article:
    """An article given by `url` only, with its page fetched (FetchError when it cannot be) and its date found."""
    html = fetch_html(article.url or "", config)
    return dataclasses.replace(article, html=html, published_at=article.published_at or publication_date(html))


def off_schema(result: Any) -> str | None:
    """What is wrong with the outline of an engine result, or None when it has ResultSchema's shape.

    The outline only (required fields, their JSON types, integer counts): a full ResultSchema validation took
    a fifth of the engine's own time per job. The engine's output is validated against the whole schema by its
    own tests (tests/test_pipeline_api.py, tests/test_pipeline_hostile.py).
    """
    if not isinstance(result, dict):
        return "the result is not an object"
    if missing := RESULT_FIELDS - result.keys():
        return f"missing {sorted(missing)}"
    article, claims, summary = result["article"], result["claims"], result["summary"]
    if not isinstance(article, dict) or not isinstance(article.get("text"), str):
        return "article is not an object with a text"
    if not isinstance(result["reference_version"], str) or not isinstance(result["warnings"], list):
        return "reference_version or warnings of the wrong type"
    if not isinstance(claims, list) or not all(isinstance(c, dict) and c.keys() >= CLAIM_FIELDS for c in claims):
        return "claims is not a list of claims"
    if not isinstance(summary, dict) or not all(type(n) is int for n in summary.values()):
        return "summary is not a count per label"
    return None


def noop_result(article: Article) -> dict[str, Any]:
    """BENCH ONLY: what `check` returns for an article without a claim, without running the engine."""
    return {
        "article": {
            "title": article.title,
            "url": article.url,
            "language": article.language,
            "published_at": article.published_at.isoformat() if article.published_at else None,
            "format": "text" if article.html is None else "html",
            "text": article.text if article.html is None else article.html,
        },
        "reference_version": "noop",
        "claims": [],
        "summary": dict.fromkeys(LABELS, 0),
        "warnings": [],
    }


def _previous_result(store: JobStore, record: Mapping[str, str], link: str = "previous_job") -> dict[str, Any] | None:
    """The result of the job this one is a new version (or a re-check) of, when that job succeeded and is still kept."""
    previous = store.get(record[link], record.get("tenant"))
    return json.loads(previous["result"]) if previous and "result" in previous else None


def _check(
    record: Mapping[str, str], config: Mapping[str, Any], store: JobStore | None = None
) -> tuple[str, dict[str, Any], str]:
    """The job's status, its result or problem, and that as stored JSON.

    A new version of a story (`previous_job` in the record) gets its claims marked against the previous result.
    """
    fetching = False
    noop = bool(config["BENCH_NOOP_TENANT"]) and record.get("tenant") == config["BENCH_NOOP_TENANT"]
    try:
        loaded = None if noop else live_table(config).current()  # the job's table version, from start to end
        if config["TEST_TASK_DELAY"]:
            time.sleep(config["TEST_TASK_DELAY"])
        article = article_from(json.loads(record["article"]))
        if article.text is None and article.html is None and article.url:  # fetch by URL
            fetching = True
            article = fetched(article, config)
        if loaded is None:
            result = noop_result(article)
        else:
            result = check(article, loaded.table, CheckOptions())
            result["reference_version_number"] = loaded.number
        if wrong := off_schema(result):
            raise ValueError(f"the engine's result does not match ResultSchema: {wrong}")
        if record.get("previous_job") and store is not None:
            result = mark_changes(result, record["previous_job"], _previous_result(store, record))
        if record.get("recheck_of") and store is not None:
            result = mark_recheck(result, record["recheck_of"], _previous_result(store, record, "recheck_of"))
        return "succeeded", result, encode_payload(result)
    except FetchError as exc:
        outcome = exc.problem
    except InputError as exc:
        if fetching and exc.detail in ("the article is empty", "no article text could be extracted from the HTML"):
            outcome = no_text(article.url or "").problem
        else:
            field, detail = ("url", f"the page at {article.url}: {exc.detail}") if fetching else (exc.field, exc.detail)
            outcome = problem(422, detail, type=INVALID_ARTICLE, title="The article cannot be checked", field=field)
    except SoftTimeLimitExceeded:
        outcome = problem(
            504,
            f"the check took longer than {config['TASK_SOFT_TIME_LIMIT']} s",
            type=CHECK_TIMEOUT,
            title="The check timed out",
        )
    except ReferenceTableError as exc:
        log.error("reference table unusable: %s", exc)
        outcome = problem(
            500,
            "the service's reference table is unusable; the operator was told",
            type=REFERENCE_TABLE,
            title="Reference table error",
        )
    except Exception:
        log.exception("check of job %s failed", record.get("id"))
        outcome = problem(
            500,
            "the check failed unexpectedly; the error was logged",
            type=INTERNAL_ERROR,
            title="Internal error",
        )
    return "failed", outcome, encode_payload(outcome)


def run_job(job_id: str, store: JobStore, config: Mapping[str, Any]) -> str:
    """Run one job if it is still pending and store its outcome; returns the job's status.

    Its log lines carry the request id of the submission that created it (read with the record, in one step).
    """
    started = store.start(job_id, lease_seconds(config))
    if not started.applied:
        log.info("job %s not run: %s", job_id, started.previous or "gone", extra={"job_id": job_id})
        return started.previous or "gone"  # finished, canceled or erased meanwhile: nothing to do
    record = started.record or {}
    with request_id(record.get("request_id")):
        log.info("check of job %s started", job_id, extra={"job_id": job_id})
        status = _run_started(job_id, started, store, config)
        log.info("check of job %s ended: %s", job_id, status, extra={"job_id": job_id, "status": status})
    return status


def _run_started(job_id: str, started: Transition, store: JobStore, config: Mapping[str, Any]) -> str:
    """The rest of `run_job` once the job is marked running: the check, or the verdict that it was lost."""
    if started.count > config["MAX_ATTEMPTS"]:
        lost = problem(
            500,
            f"the job was started {started.count - 1} times and never finished",
            type=WORKER_LOST,
            title="The worker running the check was lost",
        )
        if store.finish(job_id, "failed", lost, None):
            _call_back(store, job_id, started.record, config)
        return "failed"
    record = started.record
    if record is None or "article" not in record:
        return "gone"
    began = time.monotonic()
    status, payload, encoded = _check(record, config, store)
    if store.finish(job_id, status, payload, time.monotonic() - began, encoded=encoded):
        _call_back(store, job_id, record, config)
    return status


def _call_back(store: JobStore, job_id: str, record: Mapping[str, str] | None, config: Mapping[str, Any]) -> None:
    """Start the callbacks of a job that just ended, if it has a callback URL (its outcome stands regardless)."""
    if record is None or not (record.get("callback_url") or record.get("tenant") in config["CALLBACK_URLS"]):
        return  # no URL: no extra read of the record
    try:
        job_finished(store.get(job_id) or {}, config)
    except Exception:
        log.exception("could not schedule the callbacks of job %s", job_id)
