"""Job records in Redis: create, read, list, and move a job through its statuses atomically."""

from __future__ import annotations

import base64
import hashlib
import json
import time
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import redis
from redis.backoff import ExponentialBackoff
from redis.retry import Retry

from workers import stats
from workers.queue import CHECK_TASK, QUEUE, task_message

PENDING = ("queued", "running")
FINISHED = ("succeeded", "failed", "canceled")
STATUSES = PENDING + FINISHED
WAKE_TTL = 120  # seconds a "finished" token lives for `Prefer: wait` listeners
MAX_OFFSET = 2**62  # past any index, within Redis' 64-bit range arguments

# Move one job from one of `allowed` statuses to `to`, keeping the per-status and lease indexes in step.
# ARGV[1] is a small JSON spec; ARGV[2..] are the field/value pairs to set (a result is passed as it is, never
# re-encoded inside the spec). When the move applies it also adds the spec's counters (job statistics) and,
# with `fetch`, returns the record: one round trip where a pipeline or a second read would take two.
_TRANSITION = """
local key = KEYS[1]
local spec = cjson.decode(ARGV[1])
local st = redis.call('HGET', key, 'status')
if not st then
  redis.call('ZREM', spec.leases, spec.id)  -- the record expired or was erased: forget its lease too
  return {0, '', 0}
end
local allowed = false
for _, s in ipairs(spec.allowed) do if s == st then allowed = true end end
if not allowed then return {0, st, 0} end
if spec.lease_before then
  local lease = tonumber(redis.call('HGET', key, 'lease_until') or '0')
  if lease >= spec.lease_before then return {0, st, 0} end
end
local n = 0
if spec.incr then n = redis.call('HINCRBY', key, spec.incr, 1) end
local args = {'status', spec.to}
for i = 2, #ARGV do args[#args + 1] = ARGV[i] end
redis.call('HSET', key, unpack(args))
if #spec.del > 0 then redis.call('HDEL', key, unpack(spec.del)) end
local lease = redis.call('HGET', key, 'lease_until')
if lease then redis.call('ZADD', spec.leases, lease, spec.id) else redis.call('ZREM', spec.leases, spec.id) end
if st ~= spec.to then
  local tenant = redis.call('HGET', key, 'tenant')
  local score = redis.call('HGET', key, 'created_ts')
  local dest = spec.index .. tenant .. ':status:' .. spec.to
  redis.call('ZREM', spec.index .. tenant .. ':status:' .. st, spec.id)
  redis.call('ZADD', dest, score, spec.id)
  redis.call('ZREMRANGEBYSCORE', dest, '-inf', '(' .. spec.horizon)  -- jobs past their TTL: the index stays bounded
  redis.call('EXPIRE', dest, spec.ttl)
end
if spec.wake then
  redis.call('LPUSH', spec.wake, '1')
  redis.call('EXPIRE', spec.wake, spec.wake_ttl)
end
for _, c in ipairs(spec.counts or {}) do redis.call('HINCRBY', c[1], c[2], c[3]) end
for _, c in ipairs(spec.sums or {}) do redis.call('HINCRBYFLOAT', c[1], c[2], c[3]) end
if spec.fetch then return {1, st, n, redis.call('HGETALL', key)} end
return {1, st, n}
"""

# Create a job: the record, its TTL, the tenant's indexes, its queued lease (ARGV[9], in KEYS[2]) and, unless
# ARGV[7] is empty, its task on the queue. One script call instead of a MULTI of eight commands: a fifth of the
# client's packing and parsing.
_CREATE = """
local key = KEYS[1]
local fields = {}
for i = 10, #ARGV do fields[#fields + 1] = ARGV[i] end
redis.call('HSET', key, unpack(fields))
redis.call('EXPIREAT', key, ARGV[2])
for _, index in ipairs({ARGV[5], ARGV[6]}) do
  redis.call('ZADD', index, ARGV[3], ARGV[4])
  redis.call('ZREMRANGEBYSCORE', index, '-inf', '(' .. (tonumber(ARGV[3]) - tonumber(ARGV[1])))  -- expired jobs
  redis.call('EXPIRE', index, ARGV[1])
end
if ARGV[9] ~= '' then redis.call('ZADD', KEYS[2], ARGV[9], ARGV[4]) end
if ARGV[7] ~= '' then redis.call('LPUSH', ARGV[7], ARGV[8]) end
return 1
"""

# Take the oldest message of the check queue when it is a check task (ARGV[1]), noting it as unacknowledged just as
# kombu does for the messages a worker takes (a hash and an index by time, restored to the queue by any worker after
# the visibility timeout). First it acknowledges the message taken before (ARGV[3], or ''), in the same call.
_TAKE = """
if ARGV[3] ~= '' then
  redis.call('ZREM', KEYS[3], ARGV[3])
  redis.call('HDEL', KEYS[2], ARGV[3])
end
local raw = redis.call('LINDEX', KEYS[1], -1)
if not raw then return false end
local ok, message = pcall(cjson.decode, raw)
if not ok or type(message) ~= 'table' or type(message.headers) ~= 'table' or message.headers.task ~= ARGV[1]
   or type(message.properties) ~= 'table' or type(message.properties.delivery_info) ~= 'table' then
  return false
end
local tag, info = message.properties.delivery_tag, message.properties.delivery_info
if type(tag) ~= 'string' then return false end
redis.call('RPOP', KEYS[1])
redis.call('ZADD', KEYS[3], ARGV[2], tag)
redis.call('HSET', KEYS[2], tag, '[' .. raw .. ',' .. cjson.encode(info.exchange or '') .. ','
  .. cjson.encode(info.routing_key or '') .. ']')
return {tag, message.body}
"""

# After a waiter took the "finished" token: put it back for any other waiter and read the record.
_WOKEN = """
redis.call('LPUSH', KEYS[2], '1')
redis.call('EXPIRE', KEYS[2], ARGV[1])
return redis.call('HGETALL', KEYS[1])
"""


def _record(flat: list[str]) -> dict[str, str]:
    """A hash as a script returns it (field, value, field, value...) as a dict."""
    pairs = iter(flat)
    return dict(zip(pairs, pairs, strict=True))


@dataclass(frozen=True, slots=True)
class Transition:
    """What a transition found: whether it applied, the status before, the counter after, the record if asked."""

    applied: bool
    previous: str | None
    count: int
    record: dict[str, str] | None = None


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def encode_payload(payload: Any) -> str:
    """A result or problem as stored and served: compact JSON in the engine's own key order."""
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"))


def connect(url: str, *, blocking: bool = False) -> redis.Redis:
    """A Redis client that fails fast when Redis is down (`blocking` allows long BLPOPs)."""
    return redis.Redis.from_url(
        url,
        decode_responses=True,
        socket_connect_timeout=2,
        socket_timeout=None if blocking else 5,
        health_check_interval=30,
        retry=Retry(ExponentialBackoff(cap=0.2, base=0.02), 2),
    )


class JobStore:
    """Job records, per-tenant indexes and idempotency keys, all under one key prefix.

    A queued job has a lease too (`queued_lease` seconds, renewed while it waits): once it runs out the reaper
    looks for the job's message and queues it again when the message is gone (see `workers.reaper`).
    """

    def __init__(
        self, client: redis.Redis, blocking: redis.Redis, prefix: str, ttl: int, queued_lease: float | None = None
    ) -> None:
        self.redis, self.blocking, self.prefix, self.ttl = client, blocking, prefix, ttl
        self.queued_lease = queued_lease
        self._transition = client.register_script(_TRANSITION)
        self._create = client.register_script(_CREATE)
        self._woken = blocking.register_script(_WOKEN)
        self._take = client.register_script(_TAKE)

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> JobStore:
        """Build the store from the app configuration."""
        url = config["REDIS_URL"]
        queued_lease = config["VISIBILITY_TIMEOUT"] + 2 * config["RESTORE_INTERVAL"]
        return cls(connect(url), connect(url, blocking=True), config["KEY_PREFIX"], int(config["JOB_TTL"]),
                   queued_lease)

    @property
    def _leases(self) -> str:
        return f"{self.prefix}leases"

    def key(self, job_id: str) -> str:
        """The Redis key of one job record."""
        return f"{self.prefix}job:{job_id}"

    def _index(self, tenant: str, status: str | None = None) -> str:
        return f"{self.prefix}tenant:{tenant}:" + (f"status:{status}" if status else "jobs")

    @property
    def queue(self) -> str:
        """The Redis list Celery workers take check tasks from."""
        return self.prefix + QUEUE

    def create(
        self,
        tenant: str,
        article: Mapping[str, Any],
        metadata: Any,
        *,
        enqueue: bool = False,
        callback_url: str | None = None,
        extra: Mapping[str, str] | None = None,
    ) -> dict[str, str]:
        """Store a new queued job and return its record; `enqueue` queues its task in the same transaction.

        `extra` adds fields to the record; with an `article_id` the job joins that story's index first.
        """
        now = time.time()
        record = {
            "id": str(uuid.uuid4()),
            "tenant": tenant,
            "status": "queued",
            "created_ts": repr(now),
            "article": _json(article),
            "metadata": _json(metadata),
            "attempts": "0",
        }
        if callback_url:
            record["callback_url"] = callback_url
        if self.queued_lease:
            record["lease_until"] = repr(now + self.queued_lease)
        record.update(extra or {})
        if record.get("article_id"):
            index = self._article_index(tenant, record["article_id"])
            pipe = self.redis.pipeline()
            pipe.zadd(index, {record["id"]: now})
            pipe.expire(index, self.ttl)
            pipe.execute()
        self._create(
            keys=[self.key(record["id"]), self._leases],
            args=[
                self.ttl,
                int(now) + self.ttl,
                record["created_ts"],
                record["id"],
                self._index(tenant),
                self._index(tenant, "queued"),
                self.queue if enqueue else "",
                task_message(CHECK_TASK, [record["id"]]) if enqueue else "",
                record.get("lease_until", ""),
                *(item for field_value in record.items() for item in field_value),
            ],
        )
        return record

    def _article_index(self, tenant: str, article_id: str) -> str:
        return f"{self.prefix}tenant:{tenant}:article:{hashlib.sha256(article_id.encode()).hexdigest()}"

    def article_jobs(self, tenant: str, article_id: str, offset: int, limit: int) -> tuple[list[dict], int]:
        """One page of the jobs of one story (a CMS article id), newest first, and their count."""
        index = self._article_index(tenant, article_id)
        self.redis.zremrangebyscore(index, "-inf", time.time() - self.ttl)
        ids = self.redis.zrevrange(index, 0, -1)
        pipe = self.redis.pipeline(transaction=False)
        for job_id in ids:
            pipe.hgetall(self.key(job_id))
        records = [r for r in pipe.execute() if r and r.get("tenant") == tenant and r.get("article_id") == article_id]
        return records[offset:offset + limit], len(records)

    def latest_of_article(self, tenant: str, article_id: str) -> dict[str, str] | None:
        """The newest job of a story still kept, or None."""
        records, _ = self.article_jobs(tenant, article_id, 0, 1)
        return records[0] if records else None

    def enqueue(self, job_id: str) -> None:
        """Queue the check task of a job (what `send_task(CHECK_TASK, [job_id], ignore_result=True)` sends)."""
        self.redis.lpush(self.queue, task_message(CHECK_TASK, [job_id]))

    def take_check(self, acknowledge: str | None = None) -> tuple[str, str] | None:
        """The oldest waiting check task's (delivery tag, job id), taken off the queue as unacknowledged; None when
        the queue is empty or starts with another task. `acknowledge` is the tag of the one taken before, done.

        A worker process that finished its job takes the next one this way, while it is within its task's time
        (see `workers.tasks`): a fifth of a job's processor time is Celery's own handling of each message. A taken
        message is kept as kombu keeps those its workers take: when its process dies, the broker's visibility
        timeout puts it back on the queue.
        """
        prefix = self.prefix
        taken = self._take(
            keys=[self.queue, f"{prefix}unacked", f"{prefix}unacked_index"],
            args=[CHECK_TASK, repr(time.time()), acknowledge or ""],
        )
        if not taken:
            return None
        tag, body = taken
        try:
            args = json.loads(base64.b64decode(body))[0]
            return tag, str(args[0])
        except (ValueError, TypeError, IndexError, KeyError):
            self.acknowledge(tag)  # not a check message of ours: nothing to run, nothing to keep
            return None

    def acknowledge(self, tag: str) -> None:
        """Done with a message `take_check` took (kombu's own acknowledgement)."""
        pipe = self.redis.pipeline(transaction=True)
        pipe.zrem(f"{self.prefix}unacked_index", tag)
        pipe.hdel(f"{self.prefix}unacked", tag)
        pipe.execute()

    def get(self, job_id: str, tenant: str | None = None) -> dict[str, str] | None:
        """The job record, or None when it is gone or belongs to another tenant."""
        record = self.redis.hgetall(self.key(job_id))
        if not record or (tenant is not None and record.get("tenant") != tenant):
            return None
        return record

    def list(self, tenant: str, status: str | None, offset: int, limit: int) -> tuple[list[dict], int]:
        """One page of the tenant's jobs, newest first, and the total count."""
        horizon = time.time() - self.ttl
        index = self._index(tenant, status)
        pipe = self.redis.pipeline(transaction=False)
        pipe.zremrangebyscore(index, "-inf", horizon)
        offset = min(offset, MAX_OFFSET)  # a page far past the end is empty, not a Redis range error
        pipe.zrevrange(index, offset, min(offset + limit - 1, MAX_OFFSET))
        pipe.zcard(index)
        _, ids, total = pipe.execute()
        pipe = self.redis.pipeline(transaction=False)
        for job_id in ids:
            pipe.hgetall(self.key(job_id))
        return [r for r in pipe.execute() if r], total

    def transition(
        self,
        job_id: str,
        allowed: tuple[str, ...],
        to: str,
        *,
        values: Mapping[str, str] | None = None,
        delete: tuple[str, ...] = (),
        incr: str | None = None,
        lease_before: float | None = None,
        counts: list[tuple[str, str, int]] | None = None,
        sums: list[tuple[str, str, str]] | None = None,
        fetch: bool = False,
    ) -> Transition:
        """Atomically move a job from one of `allowed` to `to`; finished statuses wake waiters.

        When it applies, `counts` (HINCRBY) and `sums` (HINCRBYFLOAT) are added in the same step, and with
        `fetch` the record as it is afterwards comes back in `Transition.record`.
        """
        spec = {
            "allowed": list(allowed),
            "to": to,
            "del": list(delete),
            "incr": incr,
            "lease_before": lease_before,
            "index": f"{self.prefix}tenant:",
            "ttl": self.ttl,
            "horizon": time.time() - self.ttl,
            "leases": self._leases,
            "id": job_id,
            "wake": self._wake_key(job_id) if to in FINISHED else None,
            "wake_ttl": WAKE_TTL,
            "counts": counts or None,
            "sums": sums or None,
            "fetch": fetch or None,
        }
        spec = {k: v for k, v in spec.items() if v is not None}  # cjson's null would be truthy in Lua
        pairs = [item for field_value in (values or {}).items() for item in field_value]
        applied, previous, count, *fetched = self._transition(
            keys=[self.key(job_id)], args=[json.dumps(spec, separators=(",", ":")), *pairs]
        )
        return Transition(bool(applied), previous or None, int(count), _record(fetched[0]) if fetched else None)

    def start(self, job_id: str, lease: float) -> Transition:
        """Mark the job running under a lease and count the attempt; not applied when finished or gone.

        When it applies, `record` is the job's record (article included), read in the same step.
        """
        now = time.time()
        return self.transition(
            job_id,
            PENDING,
            "running",
            incr="attempts",
            values={"started_ts": repr(now), "lease_until": repr(now + lease)},
            fetch=True,
        )

    def finish(
        self,
        job_id: str,
        status: str,
        payload: Mapping[str, Any],
        duration: float | None,
        *,
        encoded: str | None = None,
    ) -> bool:
        """Store the result (succeeded) or problem (failed) of a pending job and count it, in one step.

        `encoded` is `payload` as JSON when the caller has it already (see `encode_payload`).
        """
        field = "result" if status == "succeeded" else "error"
        summary = payload.get("summary") if status == "succeeded" else None
        counts, sums = stats.increments(self.prefix, status, duration, summary)
        stored = encoded if encoded is not None else encode_payload(payload)
        done = self.transition(
            job_id,
            PENDING,
            status,
            values={field: stored, "finished_ts": repr(time.time())},
            delete=("article", "lease_until"),
            counts=counts,
            sums=sums,
        )
        return done.applied

    def requeue_if_stale(self, job_id: str) -> bool:
        """Put a running job whose lease ran out back to queued; True when the caller must enqueue it."""
        now = time.time()
        if self.queued_lease:
            values, delete = {"lease_until": repr(now + self.queued_lease)}, ("started_ts",)
        else:
            values, delete = None, ("started_ts", "lease_until")
        done = self.transition(job_id, ("running",), "queued", values=values, delete=delete, lease_before=now)
        return done.applied

    def renew_queued_lease(self, job_id: str) -> bool:
        """Renew the lease of a queued job whose lease ran out; True for the one caller that renewed it."""
        now = time.time()
        lease = repr(now + (self.queued_lease or 0))
        return self.transition(job_id, ("queued",), "queued", values={"lease_until": lease}, lease_before=now).applied

    def message_lost(self, job_id: str) -> bool:
        """Is the check message of this queued job nowhere: not in the (empty) queue, not taken by a worker?

        Only an empty queue can be told not to hold it; kombu keeps the messages workers took but did not
        acknowledge in its `unacked` hash (a few per worker process).
        """
        if self.redis.llen(self.queue):
            return False
        for raw in self.redis.hvals(f"{self.prefix}unacked"):
            try:
                message = json.loads(raw)[0]
                if message["headers"]["task"] == CHECK_TASK and job_id in base64.b64decode(message["body"]).decode():
                    return False
            except (ValueError, KeyError, IndexError, TypeError):
                return False  # unreadable: take it for this job's, and look again later
        return True

    def expired_leases(self, limit: int = 100) -> list[str]:
        """Pending jobs whose lease ran out: running ones whose worker vanished without the broker redelivering,
        queued ones whose message may be lost."""
        return self.redis.zrangebyscore(self._leases, "-inf", time.time(), start=0, num=limit)

    def cancel(self, job_id: str) -> str | None:
        """Cancel a pending job (keeping a tombstone) or delete a finished one; erase article and result."""
        done = self.transition(
            job_id,
            PENDING,
            "canceled",
            values={"finished_ts": repr(time.time())},
            delete=("article", "result", "error", "metadata", "lease_until"),
        )
        if done.applied:
            return "canceled"
        return "deleted" if self.delete(job_id) else None

    def delete(self, job_id: str) -> bool:
        """Remove a job record and its index entries; False when it was already gone."""
        record = self.redis.hgetall(self.key(job_id))
        if not record:
            return False
        pipe = self.redis.pipeline()
        pipe.delete(self.key(job_id), self._wake_key(job_id))
        pipe.zrem(self._leases, job_id)
        pipe.zrem(self._index(record["tenant"]), job_id)
        pipe.zrem(self._index(record["tenant"], record["status"]), job_id)
        pipe.execute()
        return True

    def _wake_key(self, job_id: str) -> str:
        return f"{self.prefix}job:{job_id}:finished"

    def wait(self, job_id: str, timeout: float) -> dict[str, str] | None:
        """Block up to `timeout` seconds for the job to finish (returns early when it does); its record then.

        None when the record is gone. Handing the token on to any other waiter and reading the record is one call.
        """
        wake = self._wake_key(job_id)
        if self.blocking.blpop([wake], timeout=timeout):
            return _record(self._woken(keys=[self.key(job_id), wake], args=[WAKE_TTL])) or None
        return self.blocking.hgetall(self.key(job_id)) or None

    def _idempotency_key(self, tenant: str, key: str) -> str:
        return f"{self.prefix}idem:{tenant}:{hashlib.sha256(key.encode()).hexdigest()}"

    def remember_idempotency(self, tenant: str, key: str, body_hash: str, job_id: str, ttl: int) -> str | None:
        """Bind an Idempotency-Key to a job; returns the earlier binding `hash id` when there is one."""
        name = self._idempotency_key(tenant, key)
        if self.redis.set(name, f"{body_hash} {job_id}", nx=True, ex=ttl):
            return None
        return self.redis.get(name)

    def recall_idempotency(self, tenant: str, key: str) -> str | None:
        """The binding `hash id` of an Idempotency-Key, if any."""
        return self.redis.get(self._idempotency_key(tenant, key))

    def forget_idempotency(self, tenant: str, key: str) -> None:
        """Drop a binding whose job is gone, so the key can be used again."""
        self.redis.delete(self._idempotency_key(tenant, key))
