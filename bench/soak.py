"""Soak test: jobs at a steady rate for a set time, the workers restarted twice meanwhile; no job may be lost.

Run from the repository root:

    .venv/bin/python bench/soak.py [--rate 50] [--seconds 200] [--concurrency 2] [--job-ttl 360] [--expiry]

It starts its own stack as `claimcheck serve` does (gunicorn API, a Celery worker, an embedded Redis unless
--redis-url is given) under a fresh key prefix, rate limit off, visibility timeout 30 s. Clients submit the dev
articles (../shared/dev/articles/*.txt, else a sample) with POST /v1/checks at --rate a second for --seconds.
A third of the way in the worker is stopped with SIGTERM (warm shutdown) and started again; two thirds of the
way in it is killed with SIGKILL (main process and pool) and started again. Then every accepted job is read back
until it is finished or --drain seconds have passed.

It prints jobs accepted, refused, succeeded, failed and lost (accepted but never finished, or gone: must be 0),
the submit latency and the submit-to-finish latency (the job's created_at to finished_at) p50/p99, Redis memory
(INFO used_memory) before and after and the keys under the prefix without a TTL. With --expiry it then waits
until the last job's --job-ttl has passed and reads the memory again: the jobs' keys are gone, memory is back.
Exit status 1 when a job was lost or a job key has no TTL.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import redis

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from load import ARTICLES, Client, _commit, load_articles  # noqa: E402

from service.embedded_redis import free_port  # noqa: E402
from service.serve import Stack  # noqa: E402

TENANT = "soak"
FINISHED = ("succeeded", "failed", "canceled")


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile of `values` (nearest rank), 0 when empty."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q / 100 * len(ordered)))] if ordered else 0.0


def used_memory(client: redis.Redis) -> int:
    """Redis' used_memory in bytes."""
    return int(client.info("memory")["used_memory"])


def keys_without_ttl(client: redis.Redis, prefix: str) -> tuple[int, list[str]]:
    """How many keys are under `prefix`, and those of them with no TTL (Celery's queue bookkeeping excepted)."""
    total, lasting = 0, []
    for key in client.scan_iter(match=prefix + "*", count=1000):
        total += 1
        if client.ttl(key) == -1:
            lasting.append(key.decode())
    return total, lasting


def worker_command(stack: Stack) -> list[str]:
    """The command Stack starts its worker with."""
    return [sys.executable, "-m", "celery", "-A", "workers.celery_app", "worker", "--loglevel=INFO",
            "--pool=prefork", f"--concurrency={stack.concurrency}", "-n", f"soak-{uuid.uuid4().hex[:6]}@%h"]


def restart_worker(stack: Stack, how: signal.Signals, log: Any) -> float:
    """Stop the stack's worker with `how` (SIGTERM: warm shutdown; SIGKILL: the whole process group), start a
    new one; returns the seconds the queue had no consumer."""
    old = stack.processes[0]
    began = time.perf_counter()
    os.killpg(old.pid, how)
    old.wait(60)
    stack.processes[0] = subprocess.Popen(worker_command(stack), env=stack.env, stdin=subprocess.DEVNULL,
                                          stdout=log, stderr=log, start_new_session=True)
    return time.perf_counter() - began


class Submitter:
    """POST /v1/checks from a pool of keep-alive connections, recording what each submission got."""

    def __init__(self, base: str, key: str, articles: list[str]) -> None:
        self.base, self.key = base, key
        self.bodies = [json.dumps({"text": text}).encode() for text in articles]
        self.local = threading.local()
        self.accepted: list[str] = []
        self.refused: list[str] = []
        self.latencies: list[float] = []

    def client(self) -> Client:
        """This thread's connection (no `Prefer: wait`: the soak only submits)."""
        if getattr(self.local, "client", None) is None:
            self.local.client = Client(self.base, self.key)
            self.local.client.headers.pop("Prefer")
        return self.local.client

    def submit(self, i: int) -> None:
        """Submit article i; a 202 is an accepted job, anything else a refusal."""
        started = time.perf_counter()
        try:
            status, _, job = self.client().request("POST", "/v1/checks", self.bodies[i % len(self.bodies)])
        except Exception as exc:  # noqa: BLE001 (counted and reported)
            self.refused.append(f"{type(exc).__name__}: {exc}")
            return
        self.latencies.append(time.perf_counter() - started)
        if status == 202:
            self.accepted.append(job["id"])
        else:
            self.refused.append(f"{status}: {job}")


def submit_steadily(submitter: Submitter, rate: float, seconds: float, events: dict[float, Any]) -> None:
    """Start a submission every 1/rate s for `seconds`; run each `events` callable once its time has come."""
    count = int(rate * seconds)
    began = time.perf_counter()
    pending = sorted(events.items())
    with ThreadPoolExecutor(32) as pool:
        for i in range(count):
            now = time.perf_counter() - began
            while pending and pending[0][0] <= now:
                threading.Thread(target=pending.pop(0)[1], daemon=True).start()
            delay = began + i / rate - time.perf_counter()
            if delay > 0:
                time.sleep(delay)
            pool.submit(submitter.submit, i)


def read_back(base: str, key: str, ids: list[str], drain: float) -> dict[str, dict[str, Any]]:
    """Every job's last seen body (None when gone), read until all are finished or `drain` s have passed."""
    seen: dict[str, Any] = {}
    local = threading.local()

    def read(job_id: str) -> None:
        if getattr(local, "client", None) is None:
            local.client = Client(base, key)
            local.client.headers.pop("Prefer")
        status, _, job = local.client.request("GET", f"/v1/checks/{job_id}")
        seen[job_id] = job if status == 200 else None

    deadline = time.monotonic() + drain
    todo = list(ids)
    with ThreadPoolExecutor(8) as pool:
        while todo:
            list(pool.map(read, todo))
            todo = [i for i in todo if seen[i] is not None and seen[i]["status"] not in FINISHED]
            if not todo or time.monotonic() > deadline:
                break
            time.sleep(2)
    return seen


def _seconds(stamp: str) -> float:
    from datetime import datetime

    return datetime.fromisoformat(stamp).timestamp()


def main(argv: list[str] | None = None) -> int:
    """Run the soak and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rate", type=float, default=50.0, help="submissions a second")
    parser.add_argument("--seconds", type=float, default=200.0, help="how long to submit")
    parser.add_argument("--concurrency", type=int, default=2, help="worker processes")
    parser.add_argument("--job-ttl", type=int, default=360, help="CLAIMCHECK_JOB_TTL of the run, seconds")
    parser.add_argument("--drain", type=float, default=180.0, help="seconds to wait for the last jobs")
    parser.add_argument("--expiry", action="store_true", help="wait out the job TTL and read the memory again")
    parser.add_argument("--redis-url", help="use this Redis instead of an embedded one")
    parser.add_argument("--articles", type=Path, default=ARTICLES, help=".txt articles (none: a sample)")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)

    prefix, key = f"soak-{uuid.uuid4().hex[:8]}:", secrets.token_urlsafe(24)
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMCHECK_")}
    env.update({
        "CLAIMCHECK_KEY_PREFIX": prefix,
        "CLAIMCHECK_RATE_LIMIT": "0",
        "CLAIMCHECK_API_KEYS": json.dumps({TENANT: key}),
        "CLAIMCHECK_JOB_TTL": str(args.job_ttl),
        "CLAIMCHECK_VISIBILITY_TIMEOUT": "30",
        "CLAIMCHECK_TASK_SOFT_TIME_LIMIT": "15",
        "CLAIMCHECK_TASK_TIME_LIMIT": "20",
        "CLAIMCHECK_RESTORE_INTERVAL": "2",
    })
    if args.redis_url:
        env["CLAIMCHECK_REDIS_URL"] = args.redis_url
    articles = load_articles(args.articles)
    figures: dict[str, Any] = {"commit": _commit(), "rate": args.rate, "seconds": args.seconds,
                               "concurrency": args.concurrency, "job_ttl": args.job_ttl, "articles": len(articles)}
    with tempfile.TemporaryDirectory() as tmp, open(Path(tmp) / "stack.log", "w") as log:
        stack = Stack("127.0.0.1", free_port(), Path(tmp), concurrency=args.concurrency, env=env, output=log)
        stack.start()
        store = redis.Redis.from_url(stack.env["CLAIMCHECK_REDIS_URL"])
        try:
            figures["memory_before"] = used_memory(store)
            submitter = Submitter(stack.url, key, articles)
            gaps: list[float] = []
            events = {
                args.seconds / 3: lambda: gaps.append(restart_worker(stack, signal.SIGTERM, log)),
                2 * args.seconds / 3: lambda: gaps.append(restart_worker(stack, signal.SIGKILL, log)),
            }
            print(f"commit {figures['commit']}: {int(args.rate * args.seconds)} jobs at {args.rate}/s for "
                  f"{args.seconds} s, {args.concurrency} worker processes, {os.cpu_count()} cores", flush=True)
            began = time.perf_counter()
            submit_steadily(submitter, args.rate, args.seconds, events)
            while len(submitter.accepted) + len(submitter.refused) < int(args.rate * args.seconds):
                time.sleep(0.1)
            figures["submit_seconds"] = round(time.perf_counter() - began, 1)
            seen = read_back(stack.url, key, submitter.accepted, args.drain)
            figures["drained_seconds"] = round(time.perf_counter() - began, 1)
            jobs = [job for job in seen.values() if job is not None]
            latencies = [_seconds(j["finished_at"]) - _seconds(j["created_at"]) for j in jobs if j["finished_at"]]
            figures.update({
                "accepted": len(submitter.accepted),
                "refused": len(submitter.refused),
                "succeeded": sum(j["status"] == "succeeded" for j in jobs),
                "failed": sum(j["status"] == "failed" for j in jobs),
                "lost": sum(job is None or job["status"] not in FINISHED for job in seen.values()),
                "worker_stop_s": [round(g, 1) for g in gaps],
                "submit_p50_ms": round(1000 * percentile(submitter.latencies, 50), 1),
                "submit_p99_ms": round(1000 * percentile(submitter.latencies, 99), 1),
                "finish_p50_ms": round(1000 * percentile(latencies, 50), 1),
                "finish_p99_ms": round(1000 * percentile(latencies, 99), 1),
                "failures": sorted({json.dumps(j.get("error")) for j in jobs if j["status"] == "failed"})[:5],
                "refusals": submitter.refused[:5],
            })
            figures["memory_after"] = used_memory(store)
            figures["keys_after"], lasting = keys_without_ttl(store, prefix)
            figures["keys_without_ttl"] = lasting
            print(json.dumps(figures, indent=2), flush=True)
            if args.expiry:
                time.sleep(max(0.0, began + args.seconds + args.job_ttl + 5 - time.perf_counter()))
                figures["memory_after_ttl"] = used_memory(store)
                figures["keys_after_ttl"], _ = keys_without_ttl(store, prefix)
                print(f"after the job TTL: used_memory {figures['memory_after_ttl']} bytes "
                      f"({figures['keys_after_ttl']} keys under the prefix)", flush=True)
        finally:
            stack.stop()
            if args.redis_url:
                for name in store.scan_iter(match=prefix + "*", count=1000):
                    store.delete(name)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2))
    job_keys_lasting = [k for k in figures["keys_without_ttl"] if ":job:" in k or ":tenant:" in k]
    return 1 if figures["lost"] or job_keys_lasting else 0


if __name__ == "__main__":
    sys.exit(main())
