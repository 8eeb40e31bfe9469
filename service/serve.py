"""`claimcheck serve`: the API (gunicorn), a Celery worker and, unless configured, an embedded Redis."""

from __future__ import annotations

import argparse
import ctypes
import json
import os
import secrets
import signal
import subprocess
import sys
import time
from collections.abc import Mapping
from pathlib import Path
from typing import IO

import requests

from service.embedded_redis import EmbeddedRedis

DEV_TENANT = "dev"
PR_SET_PDEATHSIG = 1
STOP_TIMEOUT = 30.0


def dev_api_key(data_dir: Path) -> str:
    """The development API key, made once and kept in `data_dir/dev-api-key`."""
    path = data_dir / "dev-api-key"
    if not path.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(24) + "\n")
        path.chmod(0o600)
    return path.read_text().strip()


class Stack:
    """One service: an optional embedded Redis, a worker and the API, started and stopped together."""

    def __init__(
        self,
        host: str,
        port: int,
        data_dir: Path,
        *,
        concurrency: int = 2,
        threads: int = 32,
        env: Mapping[str, str] | None = None,
        output: IO | None = None,
    ) -> None:
        self.host, self.port, self.data_dir = host, port, Path(data_dir)
        self.concurrency, self.threads, self.output = concurrency, threads, output
        self.env = dict(os.environ if env is None else env)
        self.redis: EmbeddedRedis | None = None
        self.processes: list[subprocess.Popen] = []
        self.api_key: str | None = None

    @property
    def url(self) -> str:
        """Base URL of the API."""
        return f"http://{self.host}:{self.port}"

    def _spawn(self, command: list[str]) -> None:
        self.processes.append(
            subprocess.Popen(
                command,
                env=self.env,
                stdin=subprocess.DEVNULL,
                stdout=self.output,
                stderr=self.output,
                start_new_session=True,
                preexec_fn=_die_with_parent,
            )
        )

    def start(self, timeout: float = 60.0) -> Stack:
        """Start everything and wait until the API answers and a worker is ready."""
        if not self.env.get("CLAIMCHECK_REDIS_URL"):
            self.redis = EmbeddedRedis(self.data_dir / "redis").start()
            self.env["CLAIMCHECK_REDIS_URL"] = self.redis.url
        if not self.env.get("CLAIMCHECK_API_KEYS"):
            self.api_key = dev_api_key(self.data_dir)
            self.env["CLAIMCHECK_API_KEYS"] = json.dumps({DEV_TENANT: self.api_key})
            self.env.setdefault("CLAIMCHECK_ADMIN_TENANTS", json.dumps([DEV_TENANT]))  # the dev key curates too
        python = sys.executable
        self._spawn(
            [
                python,
                "-m",
                "celery",
                "-A",
                "workers.celery_app",
                "worker",
                "--loglevel=INFO",
                "--pool=prefork",
                f"--concurrency={self.concurrency}",
                "-n",
                f"serve-{os.getpid()}@%h",
            ]
        )
        self._spawn(
            [
                python,
                "-m",
                "gunicorn",
                "--bind",
                f"{self.host}:{self.port}",
                "--worker-class",
                "gthread",
                "--workers",
                "1",
                "--threads",
                str(self.threads),
                "--graceful-timeout",
                "35",
                "service.wsgi:app",
            ]
        )
        deadline = time.monotonic() + timeout
        while not self._ready():
            if (code := self.poll()) is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"the service did not start (a process exited with {code})")
            time.sleep(0.2)
        return self

    def _ready(self) -> bool:
        try:
            return requests.get(self.url + "/readyz", timeout=3).status_code == 200
        except requests.RequestException:
            return False

    def poll(self) -> int | None:
        """The exit code of the first child that stopped, or None while all run."""
        for process in self.processes:
            if (code := process.poll()) is not None:
                return code
        return None

    def stop(self) -> None:
        """Stop the API first, then the worker (finishing its job), then Redis."""
        for process in reversed(self.processes):
            if process.poll() is None:
                process.terminate()
        for process in reversed(self.processes):
            try:
                process.wait(STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        if self.redis is not None:
            self.redis.stop()


def _die_with_parent() -> None:
    """In the child: get SIGTERM when the supervisor dies, even by SIGKILL (Linux only)."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def _raise_interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main(args: argparse.Namespace) -> int:
    """Run the stack in the foreground until Ctrl-C or SIGTERM."""
    for signum in (signal.SIGINT, signal.SIGTERM):  # SIGINT too: a background shell job starts with it ignored
        signal.signal(signum, _raise_interrupt)
    stack = Stack(args.host, args.port, Path(args.data_dir), concurrency=args.concurrency)
    try:
        stack.start()
        redis_note = "embedded Redis at " + stack.redis.url if stack.redis else "Redis from CLAIMCHECK_REDIS_URL"
        print(f"claimcheck is serving on {stack.url} ({redis_note})", flush=True)
        if stack.api_key:
            print(f"development API key (tenant {DEV_TENANT}): {stack.api_key}", flush=True)
        print("Ctrl-C stops it.", flush=True)
        while (code := stack.poll()) is None:
            time.sleep(0.5)
        print(f"claimcheck: a child process exited with {code}; stopping", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0
    except RuntimeError as exc:
        print(f"claimcheck: {exc}", file=sys.stderr)
        return 1
    finally:
        stack.stop()
