"""Job statistics kept in Redis, so every API process reports what every worker did."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import redis

DURATION_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0)


@dataclass(frozen=True, slots=True)
class JobStats:
    """Counters as read back: finished jobs by status, verdicts by label, run-time histogram."""

    finished: dict[str, int]
    verdicts: dict[str, int]
    duration_buckets: list[tuple[float, int]]  # cumulative, ends with +Inf
    duration_sum: float
    duration_count: int


def _keys(prefix: str) -> tuple[str, str, str]:
    return f"{prefix}stats:finished", f"{prefix}stats:verdicts", f"{prefix}stats:duration"


def increments(
    prefix: str, status: str, duration: float | None, summary: Mapping[str, int] | None = None
) -> tuple[list[tuple[str, str, int]], list[tuple[str, str, str]]]:
    """What one finished job adds: (key, field, n) for HINCRBY and (key, field, "x") for HINCRBYFLOAT."""
    finished, verdicts, durations = _keys(prefix)
    counts = [(finished, status, 1)]
    counts.extend((verdicts, label, int(count)) for label, count in (summary or {}).items())
    sums = []
    if duration is not None:
        bound = next((b for b in DURATION_BUCKETS if duration <= b), float("inf"))
        counts.append((durations, repr(bound), 1))
        counts.append((durations, "count", 1))
        sums.append((durations, "sum", repr(duration)))
    return counts, sums


def record(
    pipe: redis.client.Pipeline,
    prefix: str,
    status: str,
    duration: float | None,
    summary: Mapping[str, int] | None = None,
) -> None:
    """Add one finished job to the counters (inside the caller's pipeline)."""
    counts, sums = increments(prefix, status, duration, summary)
    for key, field, amount in counts:
        pipe.hincrby(key, field, amount)
    for key, field, amount in sums:
        pipe.hincrbyfloat(key, field, float(amount))


def read(client: redis.Redis, prefix: str) -> JobStats:
    """Read the counters back in Prometheus' shape."""
    pipe = client.pipeline(transaction=False)
    for key in _keys(prefix):
        pipe.hgetall(key)
    finished, verdicts, durations = pipe.execute()
    cumulative, running = [], 0
    for bound in (*DURATION_BUCKETS, float("inf")):
        running += int(durations.get(repr(bound), 0))
        cumulative.append((bound, running))
    return JobStats(
        finished={k: int(v) for k, v in finished.items()},
        verdicts={k: int(v) for k, v in verdicts.items()},
        duration_buckets=cumulative,
        duration_sum=float(durations.get("sum", 0.0)),
        duration_count=int(durations.get("count", 0)),
    )
