"""Start and stop a real `wenjin serve` on a free loopback port (shared by the API and browser tests)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(index: Path, **env_extra: str):
    """`wenjin serve` as a subprocess; returns (process, base URL) once /healthz answers."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("WENJIN_")}
    env.update(GRADIO_ANALYTICS_ENABLED="False", **env_extra)
    wenjin = Path(sys.executable).parent / "wenjin"
    proc = subprocess.Popen([str(wenjin), "serve", "--index", str(index), "--port", str(port)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 120
    while time.time() < deadline:
        try:
            if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                return proc, base
        except httpx.HTTPError:
            time.sleep(0.3)
    proc.kill()
    pytest.fail("wenjin serve did not come up: " + proc.stderr.read().decode()[-2000:])


def stop(proc) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()


def signed_in(base: str, api_token: str, path: str = "/", user: str = "tester") -> str:
    """The address a browser opens to sign in: an embed token minted with the API token, traded at
    /session for the session cookie, then on to `path` (what a host page's backend does)."""
    r = httpx.post(f"{base}/api/embed-token", json={"user": user}, headers={"Authorization": f"Bearer {api_token}"})
    r.raise_for_status()
    return f"{base}/session?token={r.json()['token']}&next={path}"
