"""/v1/reference: the curated reference table, for API keys with the admin scope (ADMIN_TENANTS).

Entities and facts with ETags (writes need If-Match), retiring facts, versions and the audit log.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from flask import Response, current_app, g, request, url_for
from flask.views import MethodView
from flask_smorest import Blueprint, abort
from flask_smorest.pagination import PaginationParameters
from marshmallow import Schema, fields, validate

from service.auth import require_api_key
from service.errors import problem_response
from service.problems import FACT_CONFLICT, problem
from service.ratelimit import enforce_rate_limit
from workers.pipeline.api import reference_path
from workers.pipeline.reference import ENTITY_TYPES, EntitySchema, FactSchema
from workers.refcheck import Conflict, StoreError, fact_span
from workers.refstore import ReferenceStore, Written

blp = Blueprint("reference", __name__, url_prefix="/v1/reference",
                description="The curated reference table: entities, facts, versions and audit (admin scope)")


@blp.before_request
def _admin_only() -> None:
    require_api_key()
    if g.tenant not in (current_app.config["ADMIN_TENANTS"] or ()):
        abort(403, message="this API key has no admin scope: the reference table is for ADMIN_TENANTS' keys")
    enforce_rate_limit()
    _store().ensure_seeded(reference_path(current_app.config["REFERENCE"]))


@blp.errorhandler(StoreError)
def _refused(exc: StoreError) -> Response:
    """A write the store refused, as a problem (409 names the conflicting fact, 412 gives the current ETag)."""
    kind = FACT_CONFLICT if isinstance(exc, Conflict) and "conflicting_fact" in exc.extensions else None
    body = problem(exc.status, exc.detail, **({"type": kind, "title": "Conflicting fact"} if kind else {}),
                   **exc.extensions)
    headers = {"ETag": f'"{exc.extensions["etag"]}"'} if "etag" in exc.extensions else {}
    return problem_response(body, headers)


def _store() -> ReferenceStore:
    store = current_app.extensions.get("claimcheck.reference")
    if store is None:
        store = current_app.extensions["claimcheck.reference"] = ReferenceStore.from_config(current_app.config)
    return store


class EntityRecordSchema(EntitySchema):
    """An entity of the table (see README, "Reference table")."""


class FactRecordSchema(FactSchema):
    """A fact of the table; `retired` is read-only."""

    retired = fields.Boolean(metadata={"description": "read-only: a retired fact is out of the current table"})


class EntityListArgsSchema(Schema):
    """Filters of the entity list."""

    q = fields.String(metadata={"description": "part of the name or an alias, any case"})
    type = fields.String(validate=validate.OneOf(ENTITY_TYPES))


class FactListArgsSchema(Schema):
    """Filters of the fact list."""

    q = fields.String(metadata={"description": "part of a subject's name or alias, any case"})
    predicate = fields.String()
    subject = fields.String(metadata={"description": "a subject's entity id"})
    date = fields.Date(metadata={"description": "facts holding on that day (from their first date to `until`)"})
    retired = fields.Boolean(load_default=False, metadata={"description": "include retired facts"})


class VersionSchema(Schema):
    """One version of the table."""

    number = fields.Integer(required=True)
    hash = fields.String(required=True)
    created_at = fields.String(required=True)
    key = fields.String(required=True, metadata={"description": "the tenant of the API key that made it"})
    action = fields.String(required=True, metadata={"description": "seed, import, create, update or retire"})
    section = fields.String(allow_none=True)
    id = fields.String(allow_none=True)
    entities = fields.Integer(metadata={"description": "seed and import: entities in the table"})
    facts = fields.Integer(metadata={"description": "seed and import: facts in the table"})


class AuditEntrySchema(Schema):
    """Who changed what, when: the record before and after (null when there was none, or for a retired fact)."""

    version = fields.Integer(required=True)
    hash = fields.String(required=True)
    at = fields.String(required=True)
    key = fields.String(required=True)
    action = fields.String(required=True)
    section = fields.String(allow_none=True)
    id = fields.String(allow_none=True)
    before = fields.Dict(allow_none=True)
    after = fields.Dict(allow_none=True)


def _record_response(record: dict[str, Any], tag: str, status: int = 200, retired: bool | None = None,
                     written: Written | None = None, location: str | None = None) -> Response:
    body = {**record, "retired": retired} if retired is not None else record
    response = Response(json.dumps(body, ensure_ascii=False), status=status, mimetype="application/json")
    response.headers["ETag"] = f'"{tag}"'
    if written is not None:
        response.headers["Reference-Version"] = str(written.number)
    if location:
        response.headers["Location"] = location
    return response


def _if_match() -> Any:
    """The If-Match test of a write; 428 when the header is missing."""
    if not request.headers.get("If-Match"):
        abort(428, message="send If-Match with the ETag of the record as read (GET it first)")
    tags = request.if_match
    return tags.contains  # a star matches any


def _body() -> dict[str, Any]:
    """The JSON object sent, without read-only members."""
    if not request.is_json:
        abort(415, message="send the record as application/json")
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        abort(422, message="the body must be a JSON object", errors={"body": ["must be a JSON object"]})
    body.pop("retired", None)
    return body


def _path_id(body: dict[str, Any], record_id: str) -> dict[str, Any]:
    if body.setdefault("id", record_id) != record_id:
        abort(422, errors={"id": [f"must be {record_id!r}, the id in the URL"]})
    return body


def _page(items: list[Any], pagination_parameters: PaginationParameters) -> list[Any]:
    pagination_parameters.item_count = len(items)
    first = pagination_parameters.first_item
    return items[first:first + pagination_parameters.page_size]


def _named(record: dict[str, Any], q: str) -> bool:
    return any(q in str(name).casefold() for name in [record.get("name"), *(record.get("aliases") or [])])


@blp.route("/entities")
class Entities(MethodView):
    """The table's entities."""

    @blp.arguments(EntityListArgsSchema, location="query")
    @blp.response(200, EntityRecordSchema(many=True))
    @blp.paginate()
    @blp.alt_response(401, response="UNAUTHORIZED")
    @blp.alt_response(403, response="FORBIDDEN")
    def get(self, args: dict[str, Any], pagination_parameters: PaginationParameters) -> list[dict[str, Any]]:
        """List entities, by id, optionally by name or alias (`q`) and type."""
        q = (args.get("q") or "").casefold()
        found = [r for r in _store().records("entities")
                 if (not q or _named(r, q)) and (not args.get("type") or r.get("type") == args["type"])]
        return _page(sorted(found, key=lambda r: r["id"]), pagination_parameters)

    @blp.arguments(EntityRecordSchema, location="json")
    @blp.response(201, EntityRecordSchema, description="Created; `ETag` and `Reference-Version` headers")
    @blp.alt_response(401, response="UNAUTHORIZED")
    @blp.alt_response(403, response="FORBIDDEN")
    @blp.alt_response(409, response="CONFLICT")
    def post(self, _: dict[str, Any]) -> Response:
        """Add an entity: a new version of the table."""
        written = _store().put("entities", _body(), g.tenant, create=True)
        location = url_for("reference.Entity", record_id=written.record["id"])
        return _record_response(written.record, written.etag, 201, written=written, location=location)


@blp.route("/entities/<string:record_id>")
class Entity(MethodView):
    """One entity."""

    @blp.response(200, EntityRecordSchema, description="The entity, with its `ETag`")
    @blp.alt_response(401, response="UNAUTHORIZED")
    @blp.alt_response(403, response="FORBIDDEN")
    @blp.alt_response(404, response="NOT_FOUND")
    def get(self, record_id: str) -> Response:
        """Read an entity."""
        record, tag, _ = _store().get("entities", record_id)
        return _record_response(record, tag)

    @blp.arguments(EntityRecordSchema, location="json")
    @blp.response(200, EntityRecordSchema, description="Updated; `ETag` and `Reference-Version` headers")
    @blp.alt_response(401, response="UNAUTHORIZED")
    @blp.alt_response(403, response="FORBIDDEN")
    @blp.alt_response(404, response="NOT_FOUND")
    @blp.alt_response(412, response="PRECONDITION_FAILED")
    @blp.alt_response(428, response="PRECONDITION_REQUIRED")
    def put(self, _: dict[str, Any], record_id: str) -> Response:
        """Replace an entity (`If-Match` required): a new version of the table."""
        check = _if_match()
        written = _store().put("entities", _path_id(_body(), record_id), g.tenant, create=False, if_match=check)
        return _record_response(written.record, written.etag, written=written)


@blp.route("/facts")
class Facts(MethodView):
    """The table's facts."""

    @blp.arguments(FactListArgsSchema, location="query")
    @blp.response(200, FactRecordSchema(many=True))
    @blp.paginate()
    @blp.alt_response(401, response="UNAUTHORIZED")
    @blp.alt_response(403, response="FORBIDDEN")
    def get(self, args: dict[str, Any], pagination_parameters: PaginationParameters) -> list[dict[str, Any]]:
        """List facts, by id, optionally by subject name or alias (`q`), predicate, subject id and date."""
        store = _store()
        facts = store.records("facts", retired=args["retired"])
        if q := (args.get("q") or "").casefold():
            named = {r["id"] for r in store.records("entities") if _named(r, q)}
            facts = [f for f in facts if named & set(f.get("subjects") or ())]
        if args.get("predicate"):
            facts = [f for f in facts if f.get("predicate") == args["predicate"]]
        if args.get("subject"):
            facts = [f for f in facts if args["subject"] in (f.get("subjects") or ())]
        if (day := args.get("date")) is not None:
            facts = [f for f in facts if _holds(f, day)]
        facts = [{**f, "retired": f.get("retired", False)} for f in facts]
        return _page(sorted(facts, key=lambda r: r["id"]), pagination_parameters)

    @blp.arguments(FactRecordSchema, location="json")
    @blp.response(201, FactRecordSchema, description="Created; `ETag` and `Reference-Version` headers")
    @blp.alt_response(401, response="UNAUTHORIZED")
    @blp.alt_response(403, response="FORBIDDEN")
    @blp.alt_response(409, response="CONFLICT", description="The id is taken, or the fact contradicts another one "
                                                            "(`conflicting_fact`)")
    def post(self, _: dict[str, Any]) -> Response:
        """Add a fact (with at least one source): a new version of the table."""
        written = _store().put("facts", _body(), g.tenant, create=True)
        location = url_for("reference.Fact", record_id=written.record["id"])
        return _record_response(written.record, written.etag, 201, False, written, location)


def _holds(fact: dict[str, Any], day: dt.date) -> bool:
    start, until = fact_span(fact)
    return start <= day and (until is None or day <= until)


@blp.route("/facts/<string:record_id>")
class Fact(MethodView):
    """One fact."""

    @blp.response(200, FactRecordSchema, description="The fact, with its `ETag`")
    @blp.alt_response(401, response="UNAUTHORIZED")
    @blp.alt_response(403, response="FORBIDDEN")
    @blp.alt_response(404, response="NOT_FOUND")
    def get(self, record_id: str) -> Response:
        """Read a fact (a retired one too)."""
        record, tag, retired = _store().get("facts", record_id)
        return _record_response(record, tag, retired=retired)

    @blp.arguments(FactRecordSchema, location="json")
    @blp.response(200, FactRecordSchema, description="Updated; `ETag` and `Reference-Version` headers")
    @blp.alt_response(401, response="UNAUTHORIZED")
    @blp.alt_response(403, response="FORBIDDEN")
    @blp.alt_response(404, response="NOT_FOUND")
    @blp.alt_response(409, response="CONFLICT")
    @blp.alt_response(412, response="PRECONDITION_FAILED")
    @blp.alt_response(428, response="PRECONDITION_REQUIRED")
    def put(self, _: dict[str, Any], record_id: str) -> Response:
        """Replace a fact (`If-Match` required): a new version of the table."""
        check = _if_match()
        written = _store().put("facts", _path_id(_body(), record_id), g.tenant, create=False, if_match=check)
        return _record_response(written.record, written.etag, retired=False, written=written)


@blp.route("/facts/<string:record_id>/retire")
class RetireFact(MethodView):
    """Retiring a fact."""

    @blp.response(200, FactRecordSchema, description="The retired fact; `ETag` and `Reference-Version` headers")
    @blp.alt_response(401, response="UNAUTHORIZED")
    @blp.alt_response(403, response="FORBIDDEN")
    @blp.alt_response(404, response="NOT_FOUND")
    @blp.alt_response(409, response="CONFLICT")
    @blp.alt_response(412, response="PRECONDITION_FAILED")
    @blp.alt_response(428, response="PRECONDITION_REQUIRED")
    def post(self, record_id: str) -> Response:
        """Take a fact out of the table (`If-Match` required); it stays in history and in older versions."""
        written = _store().retire(record_id, g.tenant, if_match=_if_match())
        return _record_response(written.record, written.etag, retired=True, written=written)


@blp.route("/versions")
class Versions(MethodView):
    """The table's versions."""

    @blp.response(200, VersionSchema(many=True))
    @blp.paginate()
    @blp.alt_response(401, response="UNAUTHORIZED")
    @blp.alt_response(403, response="FORBIDDEN")
    def get(self, pagination_parameters: PaginationParameters) -> list[dict[str, Any]]:
        """List versions, newest first: number, content hash, when, which key, what."""
        items, total = _store().versions(pagination_parameters.first_item, pagination_parameters.page_size)
        pagination_parameters.item_count = total
        return items


@blp.route("/versions/<int:number>")
class Version(MethodView):
    """One version of the table."""

    @blp.response(200, description="The whole table as it was: `number`, `hash`, `vocabulary` (the sections other "
                                   "than entities and facts), `entities`, `facts`")
    @blp.alt_response(401, response="UNAUTHORIZED")
    @blp.alt_response(403, response="FORBIDDEN")
    @blp.alt_response(404, response="NOT_FOUND")
    def get(self, number: int) -> Response:
        """The table as it was at version `number`."""
        snap = _store().snapshot(number)
        body = {"number": snap.number, "hash": snap.hash, "vocabulary": snap.vocab,
                "entities": list(snap.entities.values()), "facts": list(snap.facts.values())}
        return Response(json.dumps(body, ensure_ascii=False), mimetype="application/json")


@blp.route("/audit")
class Audit(MethodView):
    """The audit log."""

    @blp.response(200, AuditEntrySchema(many=True))
    @blp.paginate()
    @blp.alt_response(401, response="UNAUTHORIZED")
    @blp.alt_response(403, response="FORBIDDEN")
    def get(self, pagination_parameters: PaginationParameters) -> list[dict[str, Any]]:
        """List changes, newest first: version, key, when, what, the record before and after."""
        items, total = _store().audit(pagination_parameters.first_item, pagination_parameters.page_size)
        pagination_parameters.item_count = total
        return items
