"""Decap's local server (decap-server, from npm) on 127.0.0.1: the CMS writes content files without GitHub."""

from __future__ import annotations

import os
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from scripts import REPO_ROOT

DECAP_SERVER = REPO_ROOT / "node_modules" / "decap-server" / "dist" / "index.js"
DEFAULT_PORT = 8081
"""The port Decap's `local_backend` expects unless the configuration names another."""
LOCAL_API_URL = f"http://localhost:{DEFAULT_PORT}/api/v1"
"""Where the admin page looks for decap-server (`make edit`)."""


class LocalServerError(RuntimeError):
    """decap-server did not start."""


def _wait_for_port(port: int, process: subprocess.Popen[bytes], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise LocalServerError(f"decap-server stopped at once (exit status {process.returncode})")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise LocalServerError(f"decap-server did not answer on 127.0.0.1:{port} within {timeout:.0f} s")


@contextmanager
def decap_server(repository: Path, port: int = DEFAULT_PORT, *, mode: str = "fs") -> Iterator[str]:
    """Run decap-server over a repository folder and yield its API address.

    mode "fs" writes the files in place (the editor reviews them with git); "git" commits them
    on local branches, as the editorial workflow does on GitHub.
    """
    if not DECAP_SERVER.is_file():
        raise LocalServerError(f"{DECAP_SERVER} is missing: run `make build`, which installs the npm packages")
    environment = {**os.environ, "PORT": str(port), "BIND_HOST": "127.0.0.1", "MODE": mode,
                   "GIT_REPO_DIRECTORY": str(repository.resolve()), "LOG_LEVEL": "warn"}
    process = subprocess.Popen(["node", str(DECAP_SERVER)], env=environment, cwd=repository)
    try:
        _wait_for_port(port, process, timeout=30)
        yield f"http://127.0.0.1:{port}/api/v1"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
