"""/v1/checks: submit an article, poll its job, list jobs, cancel and erase."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import uuid
from typing import Any

from flask import Response, current_app, g, request, url_for
from flask.views import MethodView
from flask_smorest import Blueprint, abort
from flask_smorest.pagination import PaginationParameters

from service.auth import require_api_key
from service.claimreview import claim_reviews
from service.problems import IDEMPOTENCY_KEY_REUSED, RECHECK_UNAVAILABLE
from service.ratelimit import enforce_rate_limit
from service.schemas import (
    CheckReadArgsSchema,
    CheckRequestSchema,
    JobListArgsSchema,
    JobSchema,
    JobSummarySchema,
    ProblemSchema,
)
from workers.jobs import PENDING, JobStore
from workers.ssrf import RefusedURL, resolve

blp = Blueprint("checks", __name__, url_prefix="/v1/checks", description="Submit articles and read their checks")
blp.before_request(require_api_key)
blp.before_request(enforce_rate_limit)

PREFER_WAIT = re.compile(r"(?:^|[,;\s])wait\s*=\s*(\d+)", re.IGNORECASE)
RETRY_AFTER = "1"
ARTICLE_FIELDS = ("text", "html", "title", "url", "language")
PROBLEM_SCHEMA = ProblemSchema()


@blp.before_request
def _require_json() -> None:
    if request.method == "POST" and not request.is_json and request.endpoint != "checks.Recheck":
        abort(415, message="send the article as application/json")


def _store() -> JobStore:
    return current_app.extensions["claimcheck.jobs"]


def _timestamp(value: str | None) -> dt.datetime | None:
    return dt.datetime.fromtimestamp(float(value), dt.UTC) if value else None


def _view(record: dict[str, str], with_result: bool = True) -> dict[str, Any]:
    """The job as JobSchema dumps it, from its stored record (the list's items)."""
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


def _isoformat(value: str | None) -> str | None:
    return dt.datetime.fromtimestamp(float(value), dt.UTC).isoformat() if value else None


def _job_body(record: dict[str, str]) -> bytes:
    """The job as JobSchema dumps it, as JSON: the stored metadata and result are spliced in as they are.

    A result is stored once as JSON by the worker (see workers.jobs.encode_payload) and never parsed, checked or
    re-encoded here; the same fields, in the same order, as `JobSchema().dump(_view(record))`.
    """
    head = json.dumps(
        {
            "id": record["id"],
            "status": record["status"],
            "created_at": _isoformat(record["created_ts"]),
            "started_at": _isoformat(record.get("started_ts")),
            "finished_at": _isoformat(record.get("finished_ts")),
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )
    parts = [head[:-1], ',"metadata":', record.get("metadata") or "null"]
    if "result" in record:
        parts += [',"result":', record["result"]]
    if "error" in record:
        problem = PROBLEM_SCHEMA.dump(json.loads(record["error"]))  # small, and rare: in the schema's order
        parts += [',"error":', json.dumps(problem, ensure_ascii=False, separators=(",", ":"))]
    parts.append("}\n")
    return "".join(parts).encode()


def _etag_data(body: bytes) -> str:
    """What the ETag is made of: a digest of the body (hashing it is cheap; encoding it again was not)."""
    return hashlib.sha1(body, usedforsecurity=False).hexdigest()


def _preferred_wait() -> int | None:
    """Seconds asked for by `Prefer: wait=N`, capped at MAX_WAIT."""
    match = PREFER_WAIT.search(request.headers.get("Prefer", ""))
    return min(int(match.group(1)), current_app.config["MAX_WAIT"]) if match else None


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
        return _store().wait(record["id"], wait) or record
    return record


def _prefers_json_ld() -> bool:
    """Does the Accept header rank JSON-LD above plain JSON?"""
    accept = request.accept_mimetypes
    return accept.quality("application/ld+json") > max(accept.quality("application/json"), 0) or (
        accept.best == "application/ld+json")


def _claimreview(record: dict[str, str]) -> Response:
    """The succeeded job as schema.org ClaimReview JSON-LD, one review per claim; 409 before it succeeds."""
    if record["status"] != "succeeded":
        abort(409, message=f"the check is {record['status']}: ClaimReview needs a succeeded check")
    job = _view(record)
    job["finished_at"] = job["finished_at"].isoformat() if job["finished_at"] else None
    config = current_app.config
    author = {"name": config["CLAIMREVIEW_AUTHOR"], "url": config["CLAIMREVIEW_AUTHOR_URL"]}
    page = url_for("review.job", job_id=record["id"], _external=True)
    document = claim_reviews(job, author, page)
    blp.set_etag(document)
    return Response(json.dumps(document, ensure_ascii=False), mimetype="application/ld+json")


def _respond(record: dict[str, str], accepted_status: int, body: bytes | None = None) -> Response:
    """The job as JSON, 200 when finished, else `accepted_status` with Retry-After."""
    pending = record["status"] in PENDING
    response = Response(body if body is not None else _job_body(record), mimetype="application/json")
    response.status_code = accepted_status if pending else 200
    response.headers["Location"] = url_for("checks.Check", job_id=record["id"])
    if pending:
        response.headers["Retry-After"] = RETRY_AFTER
    if (wait := _preferred_wait()) is not None:
        response.headers["Preference-Applied"] = f"wait={wait}"
    return response


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


def _checked_callback_url(article: dict[str, Any]) -> str | None:
    """The job's callback_url once the SSRF guard passed it and the tenant can sign callbacks; else 422."""
    url = article.get("callback_url")
    if url is None:
        return None
    if not (current_app.config["WEBHOOK_SECRETS"] or {}).get(g.tenant):
        abort(422, errors={"callback_url": ["no webhook secret is configured for this API key's tenant"]})
    try:
        resolve(url, current_app.config)
    except RefusedURL as exc:
        abort(422, errors={"callback_url": [str(exc)]})
    return url


def _check_fetch_url(article: dict[str, Any]) -> None:
    """A url given without text or html is fetched by the worker: it must pass the SSRF guard now; else 422."""
    if article.get("text") is None and article.get("html") is None and article.get("url"):
        try:
            resolve(article["url"], current_app.config, allow_http=bool(current_app.config["FETCH_ALLOW_HTTP"]))
        except RefusedURL as exc:
            abort(422, errors={"url": [str(exc)]})


def _submit(
    article: dict[str, Any], key: str | None, body_hash: str | None = None, extra: dict[str, str] | None = None
) -> dict[str, str]:
    """Create and enqueue a job, or return the one this Idempotency-Key made.

    `body_hash`: of the raw body, when not JSON-canonicalized; `extra`: more record fields (a story's version).
    """
    store, config = _store(), current_app.config
    callback_url = _checked_callback_url(article)
    _check_fetch_url(article)
    if body_hash is None:
        body_hash = _body_hash() if key is not None else ""  # hashing the body only matters with a key
    if key is not None and (binding := store.recall_idempotency(g.tenant, key)):
        if (earlier := _replay(binding, body_hash)) is not None:
            return earlier
        store.forget_idempotency(g.tenant, key)  # its job was erased: the key is free again
    stored = {name: article[name] for name in ARTICLE_FIELDS if article.get(name) is not None}
    extra = {**(extra or {}), "request_id": g.request_id}  # the worker logs the job under the same id
    if article.get("published_at"):
        stored["published_at"] = article["published_at"].isoformat()
    if key is None:  # the record and its task in one transaction
        return store.create(
            g.tenant, stored, article.get("metadata"), enqueue=True, callback_url=callback_url, extra=extra
        )
    record = store.create(g.tenant, stored, article.get("metadata"), callback_url=callback_url, extra=extra)
    if binding := store.remember_idempotency(g.tenant, key, body_hash, record["id"], config["IDEMPOTENCY_TTL"]):
        store.delete(record["id"])  # a concurrent request with the same key won
        return _replay(binding, body_hash) or abort(409, message="a request with this key is in progress")
    try:
        store.enqueue(record["id"])
    except Exception:
        store.delete(record["id"])
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

    @blp.arguments(CheckRequestSchema())  # an instance: a class is instantiated on every request
    @blp.response(202, JobSchema, description="Accepted; poll the Location")
    @blp.alt_response(200, schema=JobSchema, description="Finished within `Prefer: wait=N`", success=True)
    @blp.alt_response(401, response="UNAUTHORIZED")
    @blp.alt_response(413, response="REQUEST_ENTITY_TOO_LARGE")
    @blp.alt_response(415, response="UNSUPPORTED_MEDIA_TYPE")
    @blp.alt_response(429, response="TOO_MANY_REQUESTS")
    @blp.alt_response(503, response="SERVICE_UNAVAILABLE")
    def post(self, article: dict[str, Any]) -> Response:
        """Submit an article. `Idempotency-Key` makes retries safe; `Prefer: wait=N` waits up to N s."""
        return _respond(_settled(_submit(article, _idempotency_key())), 202)


@blp.route("/<uuid:job_id>")
class Check(MethodView):
    """One check."""

    @blp.etag
    @blp.arguments(CheckReadArgsSchema, location="query")
    @blp.response(200, JobSchema, description="The job; with `format=claimreview` or `Accept: application/ld+json`, "
                                              "a JSON-LD document of one schema.org ClaimReview per claim")
    @blp.alt_response(401, response="UNAUTHORIZED")
    @blp.alt_response(404, response="NOT_FOUND")
    @blp.alt_response(409, schema=ProblemSchema, description="ClaimReview asked of a check that has not succeeded",
                      content_type="application/problem+json")
    @blp.alt_response(429, response="TOO_MANY_REQUESTS")
    @blp.alt_response(503, response="SERVICE_UNAVAILABLE")
    def get(self, args: dict[str, Any], job_id: uuid.UUID) -> Response:
        """Read a check: status, timestamps, then result or problem. Honours `Prefer: wait=N`."""
        record = _settled(_owned(str(job_id)))
        if args["format"] == "claimreview" or _prefers_json_ld():
            return _claimreview(record)
        body = _job_body(record)
        blp.set_etag(_etag_data(body))  # 304 when it matches If-None-Match
        return _respond(record, 200, body)

    @blp.response(204)
    @blp.alt_response(401, response="UNAUTHORIZED")
    @blp.alt_response(404, response="NOT_FOUND")
    @blp.alt_response(412, response="PRECONDITION_FAILED")
    @blp.alt_response(503, response="SERVICE_UNAVAILABLE")
    def delete(self, job_id: uuid.UUID) -> None:
        """Cancel a pending check and erase its article and result (`If-Match` optional)."""
        record = _owned(str(job_id))
        if request.if_match:
            blp.check_etag(_etag_data(_job_body(record)))
        _store().cancel(record["id"])


@blp.route("/<uuid:job_id>/recheck")
class Recheck(MethodView):
    """Checking a check's article again."""

    @blp.response(202, JobSchema, description="Accepted: the new job; poll its Location")
    @blp.alt_response(200, schema=JobSchema, description="Finished within `Prefer: wait=N`", success=True)
    @blp.alt_response(401, response="UNAUTHORIZED")
    @blp.alt_response(404, response="NOT_FOUND")
    @blp.alt_response(409, schema=ProblemSchema, description="The check has not succeeded",
                      content_type="application/problem+json")
    @blp.alt_response(429, response="TOO_MANY_REQUESTS")
    @blp.alt_response(503, response="SERVICE_UNAVAILABLE")
    def post(self, job_id: uuid.UUID) -> Response:
        """Check a succeeded check's article again against the current reference table: a new job whose result's
        `recheck.verdict_changes` lists the claims whose verdict changed, with both verdicts."""
        record = _owned(str(job_id))
        if record["status"] != "succeeded" or "result" not in record:
            abort(409, message=f"the check is {record['status']}: only a succeeded check can be checked again",
                  type=RECHECK_UNAVAILABLE, title="Cannot re-check")
        read = json.loads(record["result"])["article"]  # the text the check read: its spans stay the same
        article = {name: read[name] for name in ("text", "title", "url", "language", "published_at")
                   if read.get(name) is not None}
        created = _store().create(g.tenant, article, json.loads(record.get("metadata") or "null"),
                                  enqueue=True, callback_url=record.get("callback_url"),
                                  extra={"recheck_of": record["id"]})
        return _respond(_settled(created), 202)
