"""/v1/checks: submit an article, poll its job, list jobs, cancel and erase."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import uuid
from typing import Any

from flask import current_app, g, request, url_for
from flask.views import MethodView
from flask_smorest import Blueprint, abort
from flask_smorest.pagination import PaginationParameters

from service.auth import require_api_key
from service.problems import IDEMPOTENCY_KEY_REUSED
from service.ratelimit import enforce_rate_limit
from service.schemas import CheckRequestSchema, JobListArgsSchema, JobSchema, JobSummarySchema
from workers.jobs import PENDING, JobStore
from workers.queue import CHECK_TASK

blp = Blueprint("checks", __name__, url_prefix="/v1/checks", description="Submit articles and read their checks")
blp.before_request(require_api_key)
blp.before_request(enforce_rate_limit)

PREFER_WAIT = re.compile(r"(?:^|[,;\s])wait\s*=\s*(\d+)", re.IGNORECASE)
RETRY_AFTER = "1"
ARTICLE_FIELDS = ("text", "html", "title", "url", "language")


@blp.before_request
def _require_json() -> None:
    if request.method == "POST" and not request.is_json:
        abort(415, message="send the article as application/json")


def _store() -> JobStore:
    return current_app.extensions["claimcheck.jobs"]


def _timestamp(value: str | None) -> dt.datetime | None:
    return dt.datetime.fromtimestamp(float(value), dt.UTC) if value else None


def _view(record: dict[str, str], with_result: bool = True) -> dict[str, Any]:
    """The job as JobSchema dumps it, from its stored record."""
    job: dict[str, Any] = {
        "id": record["id"],
        "status": record["status"],
        "created_at": _timestamp(record["created_ts"]),
        "started_at": _timestamp(record.get("started_ts")),
        "finished_at": _timestamp(record.get("finished_ts")),
        "metadata": json.loads(record.get("metadata") or "null"),
    }
    if "error" in record:
        job["error"] = json.loads(record["error"])
    if with_result and "result" in record:
        job["result"] = json.loads(record["result"])
    return job


def _preferred_wait() -> int | None:
    """Seconds asked for by `Prefer: wait=N`, capped at MAX_WAIT."""
    match = PREFER_WAIT.search(request.headers.get("Prefer", ""))
    return min(int(match.group(1)), current_app.config["MAX_WAIT"]) if match else None


def _enqueue(job_id: str) -> None:
    current_app.extensions["celery"].send_task(CHECK_TASK, args=[job_id])


def _owned(job_id: str) -> dict[str, str]:
    """The caller's job, or 404 (another tenant's job is not found either)."""
    record = _store().get(job_id, g.tenant)
    if record is None:
        abort(404, message=f"there is no check {job_id}")
    return record


def _settled(record: dict[str, str]) -> dict[str, str]:
    """The job after honouring `Prefer: wait=N`."""
    wait = _preferred_wait()
    if wait and record["status"] in PENDING:
        _store().wait(record["id"], wait)
        return _store().get(record["id"]) or record
    return record


def _respond(record: dict[str, str], accepted_status: int) -> tuple[dict[str, Any], int, dict[str, str]]:
    job = _view(record)
    headers = {"Location": url_for("checks.Check", job_id=job["id"])}
    if job["status"] in PENDING:
        headers["Retry-After"] = RETRY_AFTER
    if (wait := _preferred_wait()) is not None:
        headers["Preference-Applied"] = f"wait={wait}"
    return job, accepted_status if job["status"] in PENDING else 200, headers


def _body_hash() -> str:
    canonical = json.dumps(request.get_json(), sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def _replay(binding: str, body_hash: str) -> dict[str, str] | None:
    """The job an Idempotency-Key already made, or 422 when the body differs."""
    earlier_hash, _, job_id = binding.partition(" ")
    if earlier_hash != body_hash:
        abort(
            422,
            message="this Idempotency-Key was used with a different body",
            type=IDEMPOTENCY_KEY_REUSED,
            title="Idempotency key reused",
            errors={"Idempotency-Key": ["used before with another body"]},
        )
    return _store().get(job_id, g.tenant)


def _submit(article: dict[str, Any], key: str | None) -> dict[str, str]:
    """Create and enqueue a job, or return the one this Idempotency-Key made."""
    store, config, body_hash = _store(), current_app.config, _body_hash()
    if key is not None and (binding := store.recall_idempotency(g.tenant, key)):
        if (earlier := _replay(binding, body_hash)) is not None:
            return earlier
        store.forget_idempotency(g.tenant, key)  # its job was erased: the key is free again
    stored = {name: article[name] for name in ARTICLE_FIELDS if article.get(name) is not None}
    if article.get("published_at"):
        stored["published_at"] = article["published_at"].isoformat()
    record = store.create(g.tenant, stored, article.get("metadata"))
    if key is not None and (
        binding := store.remember_idempotency(g.tenant, key, body_hash, record["id"], config["IDEMPOTENCY_TTL"])
    ):
        store.delete(record["id"])  # a concurrent request with the same key won
        return _replay(binding, body_hash) or abort(409, message="a request with this key is in progress")
    try:
        _enqueue(record["id"])
    except Exception:
        store.delete(record["id"])
        if key is not None:
            store.forget_idempotency(g.tenant, key)
        raise
    return record


def _idempotency_key() -> str | None:
    key = request.headers.get("Idempotency-Key")
    if key is not None and not 1 <= len(key) <= 255:
        abort(422, errors={"Idempotency-Key": ["must be 1 to 255 characters"]})
    return key


@blp.route("")
class Checks(MethodView):
    """The caller's checks."""

    @blp.arguments(JobListArgsSchema, location="query")
    @blp.response(200, JobSummarySchema(many=True))
    @blp.paginate()
    @blp.alt_response(401, response="UNAUTHORIZED")
    @blp.alt_response(429, response="TOO_MANY_REQUESTS")
    @blp.alt_response(503, response="SERVICE_UNAVAILABLE")
    def get(self, args: dict[str, Any], pagination_parameters: PaginationParameters) -> list[dict[str, Any]]:
        """List the caller's checks, newest first, optionally of one status (results left out)."""
        records, total = _store().list(
            g.tenant, args.get("status"), pagination_parameters.first_item, pagination_parameters.page_size
        )
        pagination_parameters.item_count = total
        return [_view(record, with_result=False) for record in records]

    @blp.arguments(CheckRequestSchema)
    @blp.response(202, JobSchema, description="Accepted; poll the Location")
    @blp.alt_response(200, schema=JobSchema, description="Finished within `Prefer: wait=N`", success=True)
    @blp.alt_response(401, response="UNAUTHORIZED")
    @blp.alt_response(413, response="REQUEST_ENTITY_TOO_LARGE")
    @blp.alt_response(415, response="UNSUPPORTED_MEDIA_TYPE")
    @blp.alt_response(429, response="TOO_MANY_REQUESTS")
    @blp.alt_response(503, response="SERVICE_UNAVAILABLE")
    def post(self, article: dict[str, Any]) -> tuple[dict[str, Any], int, dict[str, str]]:
        """Submit an article. `Idempotency-Key` makes retries safe; `Prefer: wait=N` waits up to N s."""
        return _respond(_settled(_submit(article, _idempotency_key())), 202)


@blp.route("/<uuid:job_id>")
class Check(MethodView):
    """One check."""

    @blp.etag
    @blp.response(200, JobSchema)
    @blp.alt_response(401, response="UNAUTHORIZED")
    @blp.alt_response(404, response="NOT_FOUND")
    @blp.alt_response(429, response="TOO_MANY_REQUESTS")
    @blp.alt_response(503, response="SERVICE_UNAVAILABLE")
    def get(self, job_id: uuid.UUID) -> tuple[dict[str, Any], int, dict[str, str]]:
        """Read a check: status, timestamps, then result or problem. Honours `Prefer: wait=N`."""
        return _respond(_settled(_owned(str(job_id))), 200)

    @blp.response(204)
    @blp.alt_response(401, response="UNAUTHORIZED")
    @blp.alt_response(404, response="NOT_FOUND")
    @blp.alt_response(412, response="PRECONDITION_FAILED")
    @blp.alt_response(503, response="SERVICE_UNAVAILABLE")
    def delete(self, job_id: uuid.UUID) -> None:
        """Cancel a pending check and erase its article and result (`If-Match` optional)."""
        record = _owned(str(job_id))
        if request.if_match:
            blp.check_etag(_view(record), JobSchema)
        _store().cancel(record["id"])
