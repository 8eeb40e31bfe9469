"""The reference store: the curated table in Redis, shared by every API process and worker, with versions and audit.

Keys, under the configured prefix and `ref:`:

- `n` the current version number; `versions` a list of each version's summary (number, hash, when, key, action);
- `entities`, `facts` hashes id -> record JSON of the current table; `retired` the facts retired since;
- `vocab` the other sections (predicates, categories, places...) as JSON; `sums` the running content hash parts;
- `snap:{n}` the whole table at each import (and the seed); `ops:{n}` the records each other version put or
  retired: any version is its last import's snapshot with the later changes replayed;
- `audit` a list of audit entries (version, key, when, action, record, before, after).

Every write is one WATCH/MULTI transaction on `n`: the If-Match check, the conflict check, the records, the new
version and its audit entry either all happen or none does, and two writers can never both win.
The content hash is a sha256 over the vocabulary's digest and the sums (mod 2**256) of each record's digest,
so a one-record change rehashes one record, and the same content always has the same hash. What a write is
checked against (fields, references, conflicting facts) is `workers.refcheck`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import redis
import yaml

from workers.jobs import connect
from workers.pipeline.errors import ReferenceTableError
from workers.pipeline.reference import compile_table, read_files
from workers.refcheck import (  # noqa: F401  (the store's errors, re-exported)
    Conflict,
    Invalid,
    NotFound,
    PreconditionFailed,
    StoreError,
    check_entity,
    check_fact,
)

SECTIONS = ("entities", "facts")
VOCABULARY_FILE, ENTITIES_FILE, FACTS_FILE = "vocabulary.yaml", "entities.yaml", "facts.yaml"
_MOD = 2**256


def canonical(value: Any) -> str:
    """JSON with sorted keys and no spaces (dates as ISO strings): what digests and ETags are taken of."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=_iso)


def _iso(value: Any) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def plain(value: Any) -> Any:
    """A record as JSON gives it back: dates as ISO strings, tuples as lists."""
    return json.loads(json.dumps(value, ensure_ascii=False, default=_iso))


def _digest(section: str, record: Mapping[str, Any]) -> int:
    return int(hashlib.sha256(f"{section}\0{canonical(record)}".encode()).hexdigest(), 16)


def etag(record: Mapping[str, Any], retired: bool = False) -> str:
    """The entity tag of a record as stored (a retired fact has another one)."""
    return hashlib.sha256((("retired\0" if retired else "") + canonical(record)).encode()).hexdigest()[:32]


def content_hash(vocab_digest: str, sums: Mapping[str, int]) -> str:
    """The table's version hash from its parts."""
    blob = f"{vocab_digest}|{sums['entities']:064x}|{sums['facts']:064x}"
    return "sha256:" + hashlib.sha256(blob.encode()).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Snapshot:
    """The whole table at one version: vocabulary sections, entities and facts in their order."""

    number: int
    hash: str
    vocab: dict[str, Any]
    entities: dict[str, dict[str, Any]]
    facts: dict[str, dict[str, Any]]

    def raw(self) -> list[tuple[str, dict[str, Any]]]:
        """The (file, sections) pairs `compile_table` takes."""
        return [(VOCABULARY_FILE, self.vocab), (ENTITIES_FILE, {"entities": list(self.entities.values())}),
                (FACTS_FILE, {"facts": list(self.facts.values())})]


@dataclass(frozen=True, slots=True)
class Written:
    """What a write made: the record, its ETag and the new version."""

    record: dict[str, Any]
    etag: str
    number: int
    hash: str
    retired: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


def merge_files(raw: Iterable[tuple[str, Mapping[str, Any]]]) -> tuple[dict[str, Any], list[dict], list[dict]]:
    """Vocabulary, entities and facts of a table's files merged as the engine merges them."""
    vocab: dict[str, Any] = {}
    entities: list[dict] = []
    facts: list[dict] = []
    for _, data in raw:
        for name, value in data.items():
            if name == "entities":
                entities += value or []
            elif name == "facts":
                facts += value or []
            elif isinstance(value, dict):
                vocab[name] = {**vocab.get(name, {}), **value}
            elif isinstance(value, list):
                vocab[name] = vocab.get(name, []) + value
            else:
                vocab[name] = value
    return plain(vocab), plain(entities), plain(facts)


class ReferenceStore:
    """The curated reference table in Redis: records, versions, snapshots and audit."""

    def __init__(self, client: redis.Redis, prefix: str) -> None:
        self.redis, self.prefix = client, prefix + "ref:"

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> ReferenceStore:
        """The store of the app's Redis and key prefix."""
        return cls(connect(config["REDIS_URL"]), config["KEY_PREFIX"])

    def k(self, name: str) -> str:
        """The Redis key of one part of the store."""
        return self.prefix + name

    # --- reading ---------------------------------------------------------------------------------------------

    def number(self) -> int:
        """The current version number (0 while the store is empty)."""
        return int(self.redis.get(self.k("n")) or 0)

    def current_hash(self) -> str | None:
        """The current version's content hash."""
        return self.redis.get(self.k("hash"))

    def ensure_seeded(self, path: Path) -> None:
        """Import the files at `path` when the store holds no table yet (the first process to get here does)."""
        if not self.redis.exists(self.k("n")):
            with contextlib.suppress(Conflict):  # another process seeded it meanwhile
                self.replace(read_files(path), "seed", action="seed", only_if_empty=True)

    def get(self, section: str, record_id: str) -> tuple[dict[str, Any], str, bool]:
        """A record, its ETag and whether it is retired; NotFound when there is none."""
        found = self.redis.hget(self.k(section), record_id)
        retired = False
        if found is None and section == "facts":
            found, retired = self.redis.hget(self.k("retired"), record_id), True
        if found is None:
            raise NotFound(f"there is no {section[:-1]} {record_id!r}")
        record = json.loads(found)
        return record, etag(record, retired), retired

    def records(self, section: str, *, retired: bool = False) -> list[dict[str, Any]]:
        """Every current record of a section (with `retired` also the retired facts, marked so)."""
        out = [json.loads(v) for v in self.redis.hvals(self.k(section))]
        if retired and section == "facts":
            out += [{**json.loads(v), "retired": True} for v in self.redis.hvals(self.k("retired"))]
        return out

    def versions(self, offset: int, limit: int) -> tuple[list[dict[str, Any]], int]:
        """One page of the versions, newest first, and their count."""
        total = self.redis.llen(self.k("versions"))
        start = max(total - offset - limit, 0)
        items = self.redis.lrange(self.k("versions"), start, total - offset - 1) if offset < total else []
        return [json.loads(v) for v in reversed(items)], total

    def audit(self, offset: int, limit: int) -> tuple[list[dict[str, Any]], int]:
        """One page of the audit log, newest first, and its length."""
        total = self.redis.llen(self.k("audit"))
        start = max(total - offset - limit, 0)
        items = self.redis.lrange(self.k("audit"), start, total - offset - 1) if offset < total else []
        return [json.loads(v) for v in reversed(items)], total

    def summary(self, number: int) -> dict[str, Any]:
        """One version's summary; NotFound for a number never made."""
        if number < 1:
            raise NotFound(f"there is no version {number}")
        found = self.redis.lindex(self.k("versions"), number - 1)
        if found is None:
            raise NotFound(f"there is no version {number}")
        return json.loads(found)

    def ops(self, first: int, last: int) -> list[list[dict[str, Any]] | None]:
        """The changes of versions first..last; None for an import (a whole new table)."""
        if last < first:
            return []
        found = self.redis.mget([self.k(f"ops:{n}") for n in range(first, last + 1)])
        return [json.loads(v) if v is not None else None for v in found]

    def snapshot(self, number: int | None = None) -> Snapshot:
        """The table as it was at version `number` (the current one by default)."""
        number = self.number() if number is None else number
        summary = self.summary(number)
        base = int(self.redis.zrevrangebyscore(self.k("bases"), number, "-inf", start=0, num=1)[0])
        snap = json.loads(self.redis.get(self.k(f"snap:{base}")))
        entities = {r["id"]: r for r in snap["entities"]}
        facts = {r["id"]: r for r in snap["facts"]}
        for changes in self.ops(base + 1, number):
            apply_ops(entities, facts, changes or [])
        return Snapshot(number, summary["hash"], snap["vocab"], entities, facts)

    # --- writing ---------------------------------------------------------------------------------------------

    def _transact(self, key: str, action: str, decide: Callable[[redis.client.Pipeline], dict[str, Any]]
                  ) -> tuple[dict[str, Any], int, str]:
        """Run `decide` (reads and checks, raising StoreError) and its writes as one version, retrying on races.

        `decide` returns {"writes": fn(pipe), "ops", "sums" (deltas), "audit": [...], "snapshot"?, "vocab"?}.
        """
        with self.redis.pipeline() as pipe:
            while True:
                try:
                    pipe.watch(self.k("n"))
                    plan = decide(pipe)
                    number = int(pipe.get(self.k("n")) or 0) + 1
                    sums = pipe.hgetall(self.k("sums"))
                    totals = {s: int(sums.get(s, "0"), 16) for s in SECTIONS}
                    if plan.get("reset_sums"):
                        totals = dict.fromkeys(SECTIONS, 0)
                    for section, delta in plan.get("sums", {}).items():
                        totals[section] = (totals[section] + delta) % _MOD
                    vocab_digest = plan.get("vocab_digest") or sums.get("vocab", "")
                    version_hash = content_hash(vocab_digest, totals)
                    now = time.time()
                    summary = {"number": number, "hash": version_hash, "created_at": _when(now), "key": key,
                               "action": action, **plan.get("summary", {})}
                    pipe.multi()
                    plan["writes"](pipe)
                    pipe.hset(self.k("sums"), mapping={"vocab": vocab_digest,
                                                       **{s: f"{totals[s]:x}" for s in SECTIONS}})
                    if "snapshot" in plan:
                        pipe.set(self.k(f"snap:{number}"), plan["snapshot"])
                        pipe.zadd(self.k("bases"), {str(number): number})
                    else:
                        pipe.set(self.k(f"ops:{number}"), json.dumps(plan["ops"], ensure_ascii=False))
                    pipe.rpush(self.k("versions"), json.dumps(summary, ensure_ascii=False))
                    for entry in plan["audit"]:
                        entry = {"version": number, "hash": version_hash, "at": _when(now), "key": key,
                                 "action": action, **entry}
                        pipe.rpush(self.k("audit"), json.dumps(entry, ensure_ascii=False))
                    pipe.set(self.k("hash"), version_hash)
                    pipe.set(self.k("n"), number)
                    pipe.execute()
                    return plan, number, version_hash
                except redis.WatchError:
                    continue

    def replace(self, raw: list[tuple[str, Mapping[str, Any]]], key: str, *, action: str = "import",
                only_if_empty: bool = False) -> tuple[int, str]:
        """Make the table of these files (validated by compiling them) the current one: a new version."""
        compile_table(raw)  # raises ReferenceTableError naming file, record and field
        vocab, entities, facts = merge_files(raw)
        snapshot = json.dumps({"vocab": vocab, "entities": entities, "facts": facts}, ensure_ascii=False)

        def decide(pipe: redis.client.Pipeline) -> dict[str, Any]:
            if only_if_empty and pipe.exists(self.k("n")):
                raise Conflict("the store already holds a table")
            previous = {"number": int(pipe.get(self.k("n")) or 0), "hash": pipe.get(self.k("hash"))}

            def writes(p: redis.client.Pipeline) -> None:
                p.delete(self.k("entities"), self.k("facts"), self.k("vocab"))
                p.set(self.k("vocab"), json.dumps(vocab, ensure_ascii=False))
                for section, records in (("entities", entities), ("facts", facts)):
                    for i in range(0, len(records), 5000):
                        chunk = records[i:i + 5000]
                        p.hset(self.k(section), mapping={r["id"]: json.dumps(r, ensure_ascii=False) for r in chunk})
                if facts:
                    p.hdel(self.k("retired"), *[r["id"] for r in facts])

            after = {"entities": len(entities), "facts": len(facts)}
            return {"writes": writes, "snapshot": snapshot, "reset_sums": True,
                    "vocab_digest": hashlib.sha256(canonical(vocab).encode()).hexdigest(),
                    "sums": {"entities": sum(_digest("entities", r) for r in entities) % _MOD,
                             "facts": sum(_digest("facts", r) for r in facts) % _MOD},
                    "summary": {"entities": len(entities), "facts": len(facts)},
                    "audit": [{"section": None, "id": None, "before": previous, "after": after}]}

        _, number, version_hash = self._transact(key, action, decide)
        return number, version_hash

    def put(self, section: str, record: Mapping[str, Any], key: str, *, create: bool,
            if_match: Callable[[str], bool] | None = None) -> Written:
        """Create (`create`) or replace one record, checked against the current table: a new version.

        `if_match` is asked whether the current ETag is the one the writer read; Invalid names a wrong field,
        Conflict a fact the record contradicts, PreconditionFailed a stale ETag."""
        if not isinstance(record, Mapping) or not isinstance(record.get("id"), str):
            raise Invalid(f"the {section[:-1]} needs an id", errors={"id": ["Missing data for required field."]})
        record = plain(record)
        record_id = record["id"]

        def decide(pipe: redis.client.Pipeline) -> dict[str, Any]:
            found = pipe.hget(self.k(section), record_id)
            if section == "facts" and found is None and pipe.hexists(self.k("retired"), record_id):
                raise Conflict(f"fact {record_id!r} is retired; retired facts are kept as they were")
            if create and found is not None:
                raise Conflict(f"there is already a {section[:-1]} {record_id!r}")
            if not create and found is None:
                raise NotFound(f"there is no {section[:-1]} {record_id!r}")
            before = json.loads(found) if found is not None else None
            if before is not None and if_match is not None and not if_match(etag(before)):
                raise PreconditionFailed(f"the {section[:-1]} changed since it was read: its ETag is now "
                                         f'"{etag(before)}"', etag=etag(before))
            vocab = json.loads(pipe.get(self.k("vocab")) or "{}")
            if section == "entities":
                check_entity(self.k("entities"), pipe, record, vocab)
            else:
                check_fact(self.k("entities"), self.k("facts"), pipe, record, vocab)
            delta = _digest(section, record) - (_digest(section, before) if before else 0)

            def writes(p: redis.client.Pipeline) -> None:
                p.hset(self.k(section), record_id, json.dumps(record, ensure_ascii=False))

            return {"writes": writes, "ops": [{"op": "put", "section": section, "record": record}],
                    "sums": {section: delta}, "summary": {"section": section, "id": record_id},
                    "audit": [{"section": section, "id": record_id, "before": before, "after": record}]}

        plan, number, version_hash = self._transact(key, "create" if create else "update", decide)
        return Written(record, etag(record), number, version_hash)

    def retire(self, fact_id: str, key: str, *, if_match: Callable[[str], bool] | None = None) -> Written:
        """Take a fact out of the current table, keeping it in history, old versions and `retired`."""

        def decide(pipe: redis.client.Pipeline) -> dict[str, Any]:
            found = pipe.hget(self.k("facts"), fact_id)
            if found is None:
                if pipe.hexists(self.k("retired"), fact_id):
                    raise Conflict(f"fact {fact_id!r} is retired already")
                raise NotFound(f"there is no fact {fact_id!r}")
            before = json.loads(found)
            if if_match is not None and not if_match(etag(before)):
                raise PreconditionFailed(f'the fact changed since it was read: its ETag is now "{etag(before)}"',
                                         etag=etag(before))

            def writes(p: redis.client.Pipeline) -> None:
                p.hdel(self.k("facts"), fact_id)
                p.hset(self.k("retired"), fact_id, found)

            return {"writes": writes, "ops": [{"op": "retire", "section": "facts", "id": fact_id}],
                    "sums": {"facts": -_digest("facts", before)}, "record": before,
                    "summary": {"section": "facts", "id": fact_id},
                    "audit": [{"section": "facts", "id": fact_id, "before": before, "after": None}]}

        plan, number, version_hash = self._transact(key, "retire", decide)
        return Written(plan["record"], etag(plan["record"], True), number, version_hash, retired=True)

    # --- files -----------------------------------------------------------------------------------------------

    def import_path(self, path: Path, key: str) -> tuple[int, str]:
        """Replace the table with the files at `path` (see `replace`)."""
        return self.replace(read_files(path), key)

    def export_path(self, path: Path, number: int | None = None) -> Snapshot:
        """Write a version (the current one by default) as vocabulary.yaml, entities.yaml and facts.yaml."""
        if self.number() == 0:
            raise ReferenceTableError(str(path), None, None, "the store holds no table to export")
        try:
            snap = self.snapshot(number)
        except NotFound as exc:
            raise ReferenceTableError(str(path), None, None, exc.detail) from None
        path.mkdir(parents=True, exist_ok=True)
        for name, data in snap.raw():
            with (path / name).open("w", encoding="utf-8") as fh:
                yaml.safe_dump(data, fh, sort_keys=False, allow_unicode=True, width=120)
        return snap


def apply_ops(entities: dict[str, dict[str, Any]], facts: dict[str, dict[str, Any]],
              ops: Iterable[Mapping[str, Any]]) -> None:
    """Replay one version's changes on a table's records (a replaced record keeps its place, a new one comes last)."""
    for op in ops:
        target = entities if op["section"] == "entities" else facts
        if op["op"] == "put":
            target[op["record"]["id"]] = op["record"]
        else:
            target.pop(op["id"], None)


def _when(ts: float) -> str:
    return dt.datetime.fromtimestamp(ts, dt.UTC).isoformat()
