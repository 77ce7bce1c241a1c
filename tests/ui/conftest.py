"""A real Streamlit server on the demo snapshot, for the browser tests."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
LEAFLET = REPO / "static" / "vendor" / "leaflet" / "leaflet.js"
START_TIMEOUT_S = 30


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_healthy(url: str, proc: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"streamlit stopte (code {proc.returncode}):\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"streamlit niet gezond binnen {START_TIMEOUT_S} s:\n{log.read_text()[-3000:]}")


@contextmanager
def running_server(data_dir: Path, log_dir: Path, extra_args: tuple[str, ...] = (),
                   env: dict[str, str] | None = None) -> Iterator[str]:
    """`streamlit run app.py` on data_dir, on 127.0.0.1 and a free port; stopped on exit.
    `env`: more environment for the server (ZICHT_MODE, a key)."""
    if not LEAFLET.exists():
        pytest.fail(f"{LEAFLET} ontbreekt: run `make static/vendor/.stamp` (Leaflet from npm)")
    port = _free_port()
    log = log_dir / "server.log"
    env = {**os.environ, **(env or {}), "ZICHT_DATA_DIR": str(data_dir), "PYTHONUNBUFFERED": "1"}
    cmd = [
        sys.executable, "-m", "streamlit", "run", str(REPO / "app.py"),
        "--server.port", str(port), "--server.address", "127.0.0.1",
        "--server.headless", "true", "--browser.gatherUsageStats", "false", *extra_args,
    ]
    with open(log, "wb") as out:
        proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, proc, log)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="session")
def streamlit_server(demo_data_dir, tmp_path_factory):
    """URL of `streamlit run app.py` serving the demo on 127.0.0.1; stopped after the session."""
    with running_server(demo_data_dir, tmp_path_factory.mktemp("streamlit")) as url:
        yield url
