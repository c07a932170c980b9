"""`newslint serve` as a process for tests: on a free port of 127.0.0.1, stopped with its workers
when the test ends.

    with Served(cwd=tmp_path) as server:
        httpx.get(server.url + "/healthz")

`Served` skips the test when the extra `serve` (Starlette, uvicorn, httpx) is not installed.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time

import pytest


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Served:
    def __init__(self, *args: str, cwd=None, env: dict[str, str] | None = None, cache=None) -> None:
        for module in ("starlette", "uvicorn", "httpx"):
            pytest.importorskip(module, reason=f"the extra 'serve' is not installed ({module})")
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.args = args
        self.cwd = str(cwd) if cwd is not None else None
        self.env = {**os.environ, **(env or {})}
        self.env.pop("NEWSLINT_SERVE_TOKEN", None)
        if cache is not None:  # the grammar cache of the server: the test's own
            self.env["XDG_CACHE_HOME"] = str(cache)
        self.env.update(env or {})
        self.process: subprocess.Popen | None = None
        self.stderr = ""

    def __enter__(self) -> "Served":
        import httpx

        self.process = subprocess.Popen(
            [sys.executable, "-m", "newslint", "serve", "--port", str(self.port), *self.args],
            cwd=self.cwd, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
            start_new_session=True)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.stderr = self.process.stderr.read()
                raise RuntimeError(f"newslint serve exited with {self.process.returncode}: {self.stderr}")
            try:
                if httpx.get(self.url + "/healthz", timeout=1).status_code == 200:
                    return self
            except httpx.HTTPError:
                time.sleep(0.1)
        self.__exit__()
        raise RuntimeError("newslint serve did not answer within 30 s")

    def __exit__(self, *exc) -> None:
        if self.process is None:
            return
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.stderr = self.process.stderr.read()
        self.process.stderr.close()
        try:  # workers left behind by a server that was killed
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.process = None
