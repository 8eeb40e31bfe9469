"""Load test on loopback: claimcheck jobs over HTTP against a no-op Celery task through the same broker.

Run from the repository root:

    .venv/bin/python bench/load.py [--clients 8] [--jobs 300] [--half-seconds 10] [--concurrency 2]

It starts its own stack as `claimcheck serve` does (gunicorn API, a Celery worker, an embedded Redis unless
CLAIMCHECK_REDIS_URL is set) under a fresh key prefix with the rate limit off. Clients submit the dev articles
(../shared/dev/articles/*.txt, else a built-in sample) with `Prefer: wait=30`, polling if still pending.
Closed loop with --clients clients gives the maximum throughput; an open loop at half that rate gives the
submit-to-result latency p50/p99. The same two runs are made with a no-op task sent straight to Celery,
through the same Redis and the same worker processes: the floor the broker sets.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import requests
from celery import Celery

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from service.embedded_redis import free_port  # noqa: E402
from service.serve import Stack  # noqa: E402
from workers.queue import NOOP_TASK, celery_config  # noqa: E402

ARTICLES = ROOT.parent / "shared" / "dev" / "articles"
SAMPLE = (
    "The city council approved a new budget on Tuesday. The mayor said the plan adds 40 buses to the fleet "
    "by 2027, and the transport agency confirmed the order."
)


@dataclass
class Run:
    """Latencies of one run and the wall time it took."""

    latencies: list[float]
    seconds: float

    @property
    def throughput(self) -> float:
        """Completed operations per second."""
        return len(self.latencies) / self.seconds

    def percentile(self, q: float) -> float:
        """Latency percentile in milliseconds."""
        ordered = sorted(self.latencies)
        return 1000 * ordered[min(len(ordered) - 1, int(q / 100 * len(ordered)))]


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


def closed_loop(operation: Callable[[int], None], clients: int, count: int) -> Run:
    """`clients` threads run `count` operations back to back."""
    latencies: list[float] = []
    started = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(timed(operation, latencies), range(count)))
    return Run(latencies, time.perf_counter() - started)


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


def http_operation(base: str, key: str, articles: list[str]) -> Callable[[int], None]:
    """Submit one article and wait for its result (Prefer: wait, then polling)."""
    local = threading.local()

    def submit(i: int) -> None:
        session = getattr(local, "session", None) or requests.Session()
        local.session = session
        headers = {"Authorization": f"Bearer {key}", "Prefer": "wait=30"}
        response = session.post(
            f"{base}/v1/checks", json={"text": articles[i % len(articles)]}, headers=headers, timeout=60
        )
        job = response.json()
        while job["status"] in ("queued", "running"):
            time.sleep(0.01)
            job = session.get(base + response.headers["Location"], headers=headers, timeout=60).json()
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


def measure(name: str, operation: Callable[[int], None], clients: int, jobs: int, half_seconds: float) -> dict:
    """Warm up, find the maximum throughput, then the latency at half of it."""
    closed_loop(operation, clients, max(10, clients * 2))
    peak = closed_loop(operation, clients, jobs)
    half = open_loop(operation, peak.throughput / 2, half_seconds)
    row = {
        "name": name,
        "max_jobs_per_s": round(peak.throughput, 1),
        "max_p50_ms": round(peak.percentile(50), 1),
        "max_p99_ms": round(peak.percentile(99), 1),
        "half_rate_per_s": round(peak.throughput / 2, 1),
        "half_p50_ms": round(half.percentile(50), 1),
        "half_p99_ms": round(half.percentile(99), 1),
    }
    print(
        f"{name:<16} {row['max_jobs_per_s']:>9.1f} jobs/s  p50 {row['max_p50_ms']:>7.1f} ms  "
        f"p99 {row['max_p99_ms']:>7.1f} ms  | at {row['half_rate_per_s']:>6.1f}/s: "
        f"p50 {row['half_p50_ms']:>6.1f} ms  p99 {row['half_p99_ms']:>7.1f} ms",
        flush=True,
    )
    return row


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print (and optionally save) the figures."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--jobs", type=int, default=300, help="jobs in the closed-loop run")
    parser.add_argument("--half-seconds", type=float, default=10.0, help="length of the half-load run")
    parser.add_argument("--concurrency", type=int, default=2, help="worker processes")
    parser.add_argument("--articles", type=Path, default=ARTICLES, help=".txt articles (none: a sample)")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)

    articles = load_articles(args.articles)
    prefix = f"bench-{uuid.uuid4().hex[:8]}:"
    env = {**os.environ, "CLAIMCHECK_KEY_PREFIX": prefix, "CLAIMCHECK_RATE_LIMIT": "0"}
    env.pop("CLAIMCHECK_API_KEYS", None)
    with tempfile.TemporaryDirectory() as tmp, open(Path(tmp) / "stack.log", "w") as log:
        stack = Stack("127.0.0.1", free_port(), Path(tmp), concurrency=args.concurrency, env=env, output=log)
        stack.start()
        try:
            commit = subprocess.run(
                ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
            ).stdout.strip()
            version = requests.post(
                f"{stack.url}/v1/checks",
                json={"text": articles[0]},
                timeout=60,
                headers={"Authorization": f"Bearer {stack.api_key}", "Prefer": "wait=30"},
            ).json()["result"]["reference_version"]
            print(
                f"commit {commit}, reference table {version}, {len(articles)} article(s), {args.clients} clients, "
                f"{args.concurrency} worker processes, {os.cpu_count()} cores",
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
            rows = [
                measure(
                    "claimcheck job",
                    http_operation(stack.url, stack.api_key, articles),
                    args.clients,
                    args.jobs,
                    args.half_seconds,
                ),
                measure("no-op task", noop_operation(config), args.clients, args.jobs, args.half_seconds),
            ]
        finally:
            stack.stop()
    ratio = rows[0]["max_jobs_per_s"] / rows[1]["max_jobs_per_s"]
    print(f"claimcheck throughput is {100 * ratio:.0f}% of the no-op task's", flush=True)
    if args.json:
        args.json.write_text(
            json.dumps({"commit": commit, "reference_version": version, "rows": rows, "ratio": ratio}, indent=2)
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
