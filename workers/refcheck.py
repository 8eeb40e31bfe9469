"""What the reference store refuses: its errors, the checks of a record against the table, conflicting facts."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from typing import Any

import redis

from workers.pipeline.reference import EntitySchema, FactSchema, window_of


class StoreError(Exception):
    """A write the store refuses; `status` is the HTTP status it stands for."""

    status = 400

    def __init__(self, detail: str, **extensions: Any) -> None:
        super().__init__(detail)
        self.detail, self.extensions = detail, extensions


class NotFound(StoreError):
    """No such record (or version)."""

    status = 404


class PreconditionFailed(StoreError):
    """If-Match names another state of the record than the current one."""

    status = 412


class Conflict(StoreError):
    """The record exists already, is retired, or contradicts another fact."""

    status = 409


class Invalid(StoreError):
    """A field is wrong: `errors` maps the field to its messages."""

    status = 422


def fact_span(record: Mapping[str, Any]) -> tuple[dt.date, dt.date | None]:
    """The first day a fact holds (the earliest of its dates) and its last one (`until`), None when open."""
    dates = record.get("dates") or {}
    starts = [window_of(str(dates[k])).start for k in ("announced", "occurred", "effective") if dates.get(k)]
    until = window_of(str(dates["until"])).end if dates.get("until") else None
    return (min(starts) if starts else dt.date.min), until


def conflicting(record: Mapping[str, Any], others: Iterable[Mapping[str, Any]]) -> Mapping[str, Any] | None:
    """The first fact of a single-valued predicate that holds another value for a subject at the same time.

    Such a fact holds from its first day until its `until`, or until the next one for the same subject starts:
    two of them overlap when they start on the same day, or when one's `until` reaches past the other's start.
    """
    start, until = fact_span(record)
    subjects = set(record["subjects"])
    for other in others:
        if other["id"] == record["id"] or other.get("predicate") != record["predicate"]:
            continue
        if not subjects & set(other.get("subjects") or ()) or other.get("attributes") == record.get("attributes"):
            continue
        o_start, o_until = fact_span(other)
        first_until, second_start = (until, o_start) if start <= o_start else (o_until, start)
        if start == o_start or (first_until is not None and first_until >= second_start):
            return other
    return None


def _flat(messages: Mapping[str, Any], prefix: str = "") -> dict[str, list[str]]:
    """marshmallow's nested messages keyed by dotted field path."""
    out: dict[str, list[str]] = {}
    for name, value in messages.items():
        path = f"{prefix}{name}"
        if isinstance(value, Mapping):
            out.update(_flat(value, path + "."))
        else:
            out[path] = [str(m) for m in value] if isinstance(value, list) else [str(value)]
    return out


def _unknown(pipe: redis.client.Pipeline, key: str, ids: list[str]) -> list[str]:
    """Those of `ids` that are not fields of the hash `key`."""
    found = pipe.hmget(key, ids) if ids else []
    return [i for i, v in zip(ids, found, strict=True) if v is None]


def _ids(section: Any) -> set[str]:
    return {r.get("id") for r in section or [] if isinstance(r, Mapping)}


def check_entity(entities_key: str, pipe: redis.client.Pipeline, record: dict[str, Any],
                 vocab: Mapping[str, Any]) -> None:
    """Invalid, naming the field, when an entity record is malformed or refers to what the table lacks."""
    if errors := EntitySchema().validate(record):
        raise Invalid("the entity has invalid fields", errors=_flat(errors))
    errors = {}
    if missing := sorted(set(record.get("categories") or ()) - _ids(vocab.get("categories"))):
        errors["categories"] = [f"unknown category {m!r}" for m in missing]
    places = _ids(vocab.get("places")) | _ids(vocab.get("regions"))
    if record.get("country") is not None and record["country"] not in places:
        errors["country"] = [f"unknown place {record['country']!r}"]
    part_of = record.get("part_of")
    if part_of is not None and part_of != record["id"] and _unknown(pipe, entities_key, [part_of]):
        errors["part_of"] = [f"unknown entity {part_of!r}"]
    if errors:
        raise Invalid("the entity refers to what the table does not have", errors=errors)


def check_fact(entities_key: str, facts_key: str, pipe: redis.client.Pipeline, record: dict[str, Any],
               vocab: Mapping[str, Any]) -> None:
    """Invalid, naming the field, for a malformed fact or one naming what the table lacks; Conflict for a fact that
    contradicts another one."""
    if errors := FactSchema().validate(record):
        raise Invalid("the fact has invalid fields", errors=_flat(errors))
    attrs = record.get("attributes") or {}
    errors = {}
    if missing := _unknown(pipe, entities_key, list(record["subjects"])):
        errors["subjects"] = [f"unknown entity {m!r}" for m in missing]
    authorities = [a for a in [attrs.get("authority"), *(attrs.get("authorities") or [])] if a is not None]
    if missing := _unknown(pipe, entities_key, [str(a) for a in authorities]):
        errors["attributes.authority"] = [f"unknown entity {m!r}" for m in missing]
    kinds = {k.get("id") for p in (vocab.get("predicates") or {}).values() for k in (p or {}).get("kinds") or ()}
    if missing := [k for k in attrs.get("kinds") or () if k not in kinds]:
        errors["attributes.kinds"] = [f"unknown kind {m!r}" for m in missing]
    if "amount" in attrs and (isinstance(attrs["amount"], bool) or not isinstance(attrs["amount"], int | float)):
        errors["attributes.amount"] = ["must be a number"]
    if errors:
        raise Invalid("the fact refers to what the table does not have", errors=errors)
    if ((vocab.get("predicates") or {}).get(record["predicate"]) or {}).get("single_valued"):
        others = [json.loads(v) for v in pipe.hvals(facts_key)]
        if (other := conflicting(record, others)) is not None:
            raise Conflict(f"the fact contradicts fact {other['id']!r}: same subject and predicate, another value, "
                           "at the same time", conflicting_fact=other["id"])
