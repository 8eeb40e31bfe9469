"""`claimcheck serve`: one command starts Redis (unless configured), a worker and the API; Ctrl-C stops all."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import requests
from support import KEY_ALPHA, SAMPLE_TEXT, auth, config_env, wait_until

from service.embedded_redis import free_port


def children_of(pid: int) -> list[int]:
    return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0]
    except (FileNotFoundError, IndexError):
        return False
    return state != "Z"


@pytest.mark.parametrize("redis_source", ["embedded", "configured"])
def test_serve_runs_and_stops_cleanly(tmp_path: Path, stack_config: dict[str, Any], redis_source: str) -> None:
    port = free_port()
    env = config_env(stack_config) if redis_source == "configured" else config_env({})
    log = tmp_path / "serve.log"
    command = [
        sys.executable,
        "-m",
        "service.cli",
        "serve",
        "--port",
        str(port),
        "--data-dir",
        str(tmp_path / "var"),
        "--concurrency",
        "1",
    ]
    with log.open("wb") as out:
        process = subprocess.Popen(command, env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT)
    try:
        wait_until(lambda: process.poll() is not None or "Ctrl-C stops it" in log.read_text(), 90, 0.2, "serve")
        output = log.read_text()
        assert process.poll() is None, output[-3000:]
        assert f"http://127.0.0.1:{port}" in output
        if redis_source == "embedded":
            key = re.search(r"development API key \(tenant dev\): (\S+)", output).group(1)
            assert key == (tmp_path / "var" / "dev-api-key").read_text().strip()
            assert "embedded Redis" in output
        else:
            key = KEY_ALPHA
            assert "development API key" not in output and "CLAIMCHECK_REDIS_URL" in output
        children = children_of(process.pid)
        assert len(children) == (3 if redis_source == "embedded" else 2)
        response = requests.post(
            f"http://127.0.0.1:{port}/v1/checks",
            json={"text": SAMPLE_TEXT},
            headers=auth(key, Prefer="wait=20"),
            timeout=30,
        )
        assert response.status_code == 200 and response.json()["status"] == "succeeded", response.text
        process.send_signal(signal.SIGINT if redis_source == "embedded" else signal.SIGTERM)  # Ctrl-C, or stop
        assert process.wait(60) == 0
        assert not [pid for pid in children if alive(pid)]
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        for pid in children_of(process.pid) if alive(process.pid) else []:
            os.kill(pid, signal.SIGKILL)


def test_dev_key_is_kept(tmp_path: Path) -> None:
    from service.serve import dev_api_key

    key = dev_api_key(tmp_path)
    assert len(key) >= 24 and dev_api_key(tmp_path) == key
    assert oct((tmp_path / "dev-api-key").stat().st_mode)[-3:] == "600"
    assert json.dumps({"dev": key})
