"""bench/load.py's own parts: HTTP client and loops against a live server and worker, CPU read from /proc."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from support import KEY_ALPHA, ROOT, SAMPLE_TEXT, LiveServer, WorkerProcess

from service import create_app

NOOP_KEY = "noop-test-key"


@pytest.fixture(scope="module")
def load():
    spec = importlib.util.spec_from_file_location("bench_load", ROOT / "bench" / "load.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    yield module
    del sys.modules[spec.name]


def test_http_operation_runs_real_and_noop_jobs_to_the_end(load, stack_config: dict[str, Any], log_dir: Path) -> None:
    config = {**stack_config, "API_KEYS": {"alpha": KEY_ALPHA, "noop": NOOP_KEY}, "BENCH_NOOP_TENANT": "noop"}
    app = create_app(config)
    store = app.extensions["claimcheck.jobs"]
    worker = WorkerProcess(config, log_dir / "worker.log").start()  # its own: the session's would eat other queues
    try:
        with LiveServer(app) as server:
            articles = [SAMPLE_TEXT, "The agency ordered 40 buses in 2027."]
            run = load.closed_loop(load.http_operation(server.url, KEY_ALPHA, articles), 2, 4)
            assert len(run.latencies) == 4 and run.throughput > 0 and run.percentile(99) >= run.percentile(50) > 0
            noop = load.closed_loop(load.http_operation(server.url, NOOP_KEY, articles), 2, 4)
            assert len(noop.latencies) == 4
    finally:
        worker.stop()
    versions = {json.loads(r["result"])["reference_version"]: r["tenant"] for r in store.list("noop", None, 0, 10)[0]}
    assert versions == {"noop": "noop"}
    assert all(json.loads(r["result"])["reference_version"] != "noop" for r in store.list("alpha", None, 0, 10)[0])


def test_http_operation_raises_on_a_refused_submission(load, live_server: str) -> None:
    with pytest.raises(RuntimeError, match="401"):
        load.http_operation(live_server, "not-a-key", [SAMPLE_TEXT])(0)  # no worker needed: refused at once


def test_cpu_is_read_per_process_tree(load) -> None:
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        assert child.pid in load._descendants(os.getpid(), load._children())
        assert load._cpu_seconds(os.getpid()) > 0 and load._cpu_seconds(2**22 + 1) == 0.0
    finally:
        child.kill()
        child.wait()
    run = load.Run([0.01, 0.02], 1.0, {"API": 0.004, "Redis": None})
    assert run.cpu_ms() == {"API": 2.0, "Redis": None}


def test_hostile_bench_runs_its_corpus_and_judges_growth(tmp_path: Path, monkeypatch) -> None:
    spec = importlib.util.spec_from_file_location("bench_hostile", ROOT / "bench" / "hostile.py")
    hostile = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hostile)
    out = tmp_path / "hostile.json"
    assert hostile.main(["--sizes", "2000", "8000", "--json", str(out)]) == 0
    rows = json.loads(out.read_text())["rows"]
    assert {row["input"] for row in rows} == set(hostile.CORPUS) and all(len(row["seconds"]) == 2 for row in rows)
    slow = iter([0.1, 1.6])  # 16x the time for 4x the size: quadratic
    monkeypatch.setattr(hostile, "timed", lambda field, text, table: (next(slow, 1.6), "0 claims"))
    monkeypatch.setattr(hostile, "CORPUS", {"quadratic": ("text", lambda n: "a" * n)})
    assert hostile.main(["--sizes", "2000", "8000"]) == 1
    monkeypatch.setattr(hostile, "timed", lambda field, text, table: (0.2 + len(text) / 1e5, "0 claims"))
    monkeypatch.setattr(hostile, "ordinary_seconds_per_char", lambda table: 1e-7)  # budget 1 us a character
    assert hostile.main(["--sizes", "2000", "8000"]) == 1  # linear, but 0.28 s at 8,000 is over 0.108 s
    assert hostile.main(["--sizes", "2000", "8000", "--budget-multiple", "1000"]) == 0  # 100 us a character
