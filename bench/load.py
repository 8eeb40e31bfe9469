"""Load test on loopback: claimcheck jobs over HTTP against two floors, a no-op job and a no-op Celery task.

Run from the repository root:

    .venv/bin/python bench/load.py [--clients 8] [--jobs 600] [--half-seconds 10] [--concurrency 2]

It starts its own stack as `claimcheck serve` does (gunicorn API, a Celery worker, an embedded Redis unless
CLAIMCHECK_REDIS_URL is set) under a fresh key prefix with the rate limit off, and measures three workloads
through it, one after the other:

- claimcheck job: clients submit the dev articles (../shared/dev/articles/*.txt, else a built-in sample) over
  HTTP with `Prefer: wait=30`, polling if still pending; the real engine checks them.
- no-op job: the same requests down the same path (API, job store, queue, worker, job store, API) under a second
  API key whose tenant is CLAIMCHECK_BENCH_NOOP_TENANT, whose jobs skip the engine (a bench-only switch).
- no-op task: a no-op Celery task sent straight to Celery and its result awaited, through the same Redis and
  the same worker processes: the floor the broker sets.

For each, a closed loop with --clients clients gives the maximum throughput and the CPU each process spent per
operation (from /proc); an open loop at half that rate gives the submit-to-result latency p50/p99.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import secrets
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from celery import Celery

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from service.embedded_redis import free_port  # noqa: E402
from service.serve import Stack  # noqa: E402
from workers.pipeline import engine_build  # noqa: E402
from workers.queue import NOOP_TASK, celery_config  # noqa: E402

ARTICLES = ROOT.parent / "shared" / "dev" / "articles"
SAMPLE = (
    "The city council approved a new budget on Tuesday. The mayor said the plan adds 40 buses to the fleet "
    "by 2027, and the transport agency confirmed the order."
)
TENANT, NOOP_TENANT = "bench", "bench-noop"
ROLES = ("API", "worker main", "worker pool", "Redis", "load generator")
TICKS = os.sysconf("SC_CLK_TCK")


@dataclass
class Run:
    """Latencies of one run, the wall time it took, and the CPU seconds each process role spent meanwhile."""

    latencies: list[float]
    seconds: float
    cpu: dict[str, float] = field(default_factory=dict)

    @property
    def throughput(self) -> float:
        """Completed operations per second."""
        return len(self.latencies) / self.seconds

    def percentile(self, q: float) -> float:
        """Latency percentile in milliseconds."""
        ordered = sorted(self.latencies)
        return 1000 * ordered[min(len(ordered) - 1, int(q / 100 * len(ordered)))]

    def cpu_ms(self) -> dict[str, float | None]:
        """CPU milliseconds per operation by process role (None: not measurable, e.g. a remote Redis)."""
        return {role: None if s is None else 1000 * s / len(self.latencies) for role, s in self.cpu.items()}


def _cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of one process (all its threads), 0 when it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / TICKS


def _children() -> dict[int, list[int]]:
    """Parent pid -> child pids, for every process."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parent = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue  # gone meanwhile
        children.setdefault(parent, []).append(int(stat.parent.name))
    return children


def _descendants(pid: int, children: dict[int, list[int]]) -> list[int]:
    found, todo = [], list(children.get(pid, []))
    while todo:
        child = todo.pop()
        found.append(child)
        todo.extend(children.get(child, []))
    return found


class CPUMeter:
    """CPU seconds spent so far by each process role of a Stack, read from /proc (Linux)."""

    def __init__(self, stack: Stack) -> None:
        self.worker, self.api = (process.pid for process in stack.processes)
        self.redis = stack.redis.process.pid if stack.redis and stack.redis.process else None

    def snapshot(self) -> dict[str, float | None]:
        """Seconds by role; pool processes and gunicorn workers are found afresh each time."""
        children = _children()
        return {
            "API": sum(map(_cpu_seconds, [self.api, *_descendants(self.api, children)])),
            "worker main": _cpu_seconds(self.worker),
            "worker pool": sum(map(_cpu_seconds, _descendants(self.worker, children))),
            "Redis": _cpu_seconds(self.redis) if self.redis else None,
            "load generator": _cpu_seconds(os.getpid()),
        }

    @staticmethod
    def spent(before: dict[str, float | None], after: dict[str, float | None]) -> dict[str, float | None]:
        """Seconds by role between two snapshots."""
        return {role: None if before[role] is None else after[role] - before[role] for role in before}


def load_articles(folder: Path = ARTICLES) -> list[str]:
    """The articles in `folder` (the dev articles), or the built-in sample when there are none."""
    texts = [p.read_text() for p in sorted(folder.glob("*.txt"))] if folder.is_dir() else []
    return texts or [SAMPLE]


def timed(operation: Callable[[int], None], latencies: list[float]) -> Callable[[int], None]:
    """`operation`, appending each call's duration to `latencies` (list.append is thread-safe)."""

    def run(i: int) -> None:
        started = time.perf_counter()
        operation(i)
        latencies.append(time.perf_counter() - started)

    return run


def closed_loop(operation: Callable[[int], None], clients: int, count: int, meter: CPUMeter | None = None) -> Run:
    """`clients` threads run `count` operations back to back."""
    latencies: list[float] = []
    before = meter.snapshot() if meter else None
    started = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(timed(operation, latencies), range(count)))
    run = Run(latencies, time.perf_counter() - started)
    if meter:
        run.cpu = meter.spent(before, meter.snapshot())
    return run


def open_loop(operation: Callable[[int], None], rate: float, seconds: float) -> Run:
    """Start operations at a fixed `rate` per second for `seconds`, whatever the answers take."""
    latencies: list[float] = []
    run = timed(operation, latencies)
    count = max(1, int(rate * seconds))
    began = time.perf_counter()
    with ThreadPoolExecutor(64) as pool:
        futures = []
        for i in range(count):
            delay = began + i / rate - time.perf_counter()
            if delay > 0:
                time.sleep(delay)
            futures.append(pool.submit(run, i))
        for future in futures:
            future.result()  # surface a failed job instead of dropping it
    return Run(latencies, time.perf_counter() - began)


class Client:
    """One keep-alive HTTP/1.1 connection with an API key: http.client, a third of `requests`' CPU per call."""

    def __init__(self, base: str, key: str) -> None:
        url = urllib.parse.urlsplit(base)
        self.host, self.port = url.hostname, url.port
        self.headers = {"Authorization": f"Bearer {key}", "Prefer": "wait=30", "Content-Type": "application/json"}
        self.connection: http.client.HTTPConnection | None = None

    def request(self, method: str, path: str, body: bytes | None = None) -> tuple[int, Any, dict[str, Any]]:
        """Status, headers and JSON body; reconnects once when the server closed an idle connection."""
        for attempt in (1, 2):
            if self.connection is None:
                self.connection = http.client.HTTPConnection(self.host, self.port, timeout=60)
            try:
                self.connection.request(method, path, body=body, headers=self.headers)
                response = self.connection.getresponse()
                data = response.read()
            except ConnectionError:
                self.connection.close()
                self.connection = None
                if attempt == 2:
                    raise
                continue
            return response.status, response.headers, json.loads(data)
        raise AssertionError("unreachable")


def http_operation(base: str, key: str, articles: list[str]) -> Callable[[int], None]:
    """Submit one article and wait for its result (Prefer: wait, then polling); one connection per thread."""
    local = threading.local()
    bodies = [json.dumps({"text": text}).encode() for text in articles]

    def submit(i: int) -> None:
        client = getattr(local, "client", None) or Client(base, key)
        local.client = client
        status, headers, job = client.request("POST", "/v1/checks", bodies[i % len(bodies)])
        if status >= 300:
            raise RuntimeError(f"submit answered {status}: {job}")
        while job["status"] in ("queued", "running"):
            time.sleep(0.01)
            _, _, job = client.request("GET", headers["Location"])
        if job["status"] != "succeeded":
            raise RuntimeError(f"job {job['id']} ended {job['status']}: {job.get('error')}")

    return submit


def noop_operation(config: dict) -> Callable[[int], None]:
    """Send the no-op task and wait for its result; one Celery client per thread."""
    local = threading.local()

    def call(i: int) -> None:
        app = getattr(local, "app", None)
        if app is None:
            app = local.app = Celery("bench", set_as_current=False)
            app.config_from_object(celery_config(config))
        app.send_task(NOOP_TASK).get(timeout=60)

    return call


def measure(
    name: str, operation: Callable[[int], None], clients: int, jobs: int, half_seconds: float, meter: CPUMeter
) -> dict:
    """Warm up, find the maximum throughput and the CPU per operation, then the latency at half of it."""
    closed_loop(operation, clients, max(10, clients * 2))
    peak = closed_loop(operation, clients, jobs, meter)
    half = open_loop(operation, peak.throughput / 2, half_seconds)
    cpu = peak.cpu_ms()
    row = {
        "name": name,
        "max_jobs_per_s": round(peak.throughput, 1),
        "max_p50_ms": round(peak.percentile(50), 1),
        "max_p99_ms": round(peak.percentile(99), 1),
        "half_rate_per_s": round(peak.throughput / 2, 1),
        "half_p50_ms": round(half.percentile(50), 1),
        "half_p99_ms": round(half.percentile(99), 1),
        "cpu_ms_per_op": {role: None if ms is None else round(ms, 2) for role, ms in cpu.items()},
        "cpu_ms_per_op_total": round(sum(ms for ms in cpu.values() if ms is not None), 2),
    }
    spent = ", ".join(f"{role} {'-' if ms is None else f'{ms:.2f}'}" for role, ms in row["cpu_ms_per_op"].items())
    print(
        f"{name:<15} {row['max_jobs_per_s']:>6.1f} /s  p50 {row['max_p50_ms']:>5.1f} ms  "
        f"p99 {row['max_p99_ms']:>6.1f} ms  | at {row['half_rate_per_s']:>5.1f}/s: "
        f"p50 {row['half_p50_ms']:>5.1f} ms  p99 {row['half_p99_ms']:>6.1f} ms\n"
        f"{'':<15} CPU ms per op: {spent}; total {row['cpu_ms_per_op_total']:.2f}",
        flush=True,
    )
    return row


def _commit() -> str:
    """HEAD's short hash, marked when the job path (service, workers, bench) has uncommitted changes."""
    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    dirty = subprocess.run(["git", "diff", "--quiet", "HEAD", "--", "service", "workers", "bench"], cwd=ROOT)
    return head.stdout.strip() + ("+uncommitted" if dirty.returncode else "")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print (and optionally save) the figures."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--jobs", type=int, default=600, help="operations in each closed-loop run")
    parser.add_argument("--half-seconds", type=float, default=10.0, help="length of each half-load run")
    parser.add_argument("--concurrency", type=int, default=2, help="worker processes")
    parser.add_argument("--articles", type=Path, default=ARTICLES, help=".txt articles (none: a sample)")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)

    articles = load_articles(args.articles)
    prefix = f"bench-{uuid.uuid4().hex[:8]}:"
    keys = {TENANT: secrets.token_urlsafe(24), NOOP_TENANT: secrets.token_urlsafe(24)}
    env = {
        **os.environ,
        "CLAIMCHECK_KEY_PREFIX": prefix,
        "CLAIMCHECK_RATE_LIMIT": "0",
        "CLAIMCHECK_API_KEYS": json.dumps(keys),
        "CLAIMCHECK_BENCH_NOOP_TENANT": NOOP_TENANT,
    }
    commit = _commit()
    with tempfile.TemporaryDirectory() as tmp, open(Path(tmp) / "stack.log", "w") as log:
        stack = Stack("127.0.0.1", free_port(), Path(tmp), concurrency=args.concurrency, env=env, output=log)
        stack.start()
        try:
            _, _, first = Client(stack.url, keys[TENANT]).request(
                "POST", "/v1/checks", json.dumps({"text": articles[0]}).encode()
            )
            version = first["result"]["reference_version"]
            print(
                f"commit {commit}, engine {engine_build()}, reference table {version}, {len(articles)} article(s), "
                f"{args.clients} clients, {args.concurrency} worker processes, {os.cpu_count()} cores",
                flush=True,
            )
            config = {
                "REDIS_URL": stack.env["CLAIMCHECK_REDIS_URL"],
                "KEY_PREFIX": prefix,
                "VISIBILITY_TIMEOUT": 300,
                "RESTORE_INTERVAL": 10,
                "TASK_SOFT_TIME_LIMIT": 120,
                "TASK_TIME_LIMIT": 150,
            }
            meter = CPUMeter(stack)
            workloads = [
                ("claimcheck job", http_operation(stack.url, keys[TENANT], articles)),
                ("no-op job", http_operation(stack.url, keys[NOOP_TENANT], articles)),
                ("no-op task", noop_operation(config)),
            ]
            rows = [
                measure(name, operation, args.clients, args.jobs, args.half_seconds, meter)
                for name, operation in workloads
            ]
        finally:
            stack.stop()
    job, noop_job, noop_task = (row["max_jobs_per_s"] for row in rows)
    ratios = {
        "job_vs_noop_task": job / noop_task,
        "job_vs_noop_job": job / noop_job,
        "noop_job_vs_noop_task": noop_job / noop_task,
    }
    print(
        f"claimcheck throughput is {100 * ratios['job_vs_noop_task']:.0f}% of the no-op task's "
        f"and {100 * ratios['job_vs_noop_job']:.0f}% of the no-op job's "
        f"(the no-op job is {100 * ratios['noop_job_vs_noop_task']:.0f}% of the no-op task)",
        flush=True,
    )
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "commit": commit,
                    "engine": engine_build(),
                    "reference_version": version,
                    "articles": len(articles),
                    "clients": args.clients,
                    "concurrency": args.concurrency,
                    "cores": os.cpu_count(),
                    "rows": rows,
                    "ratios": ratios,
                    "ratio": ratios["job_vs_noop_task"],
                },
                indent=2,
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
