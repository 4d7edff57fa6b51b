"""Shared pieces for the tests of `mkdocs serve`: a real preview on a free local port, its output, and waiting."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def without_reload_script(page: str | None) -> str:
    """The page without the live-reload script, which holds a number unique to each response."""
    assert page is not None
    return page.rsplit("<script>", 1)[0]


def wait_for(condition: Callable[[], bool], what: str, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def stop(server: subprocess.Popen[str] | subprocess.Popen[bytes]) -> None:
    """Ctrl+C, as a writer stops the preview; killed if it does not end."""
    server.send_signal(signal.SIGINT)
    try:
        server.wait(timeout=30)
    finally:
        if server.poll() is None:
            server.kill()


@dataclass
class Preview:
    """A running `mkdocs serve`: its address and everything it has printed so far."""

    base: str
    process: subprocess.Popen[str]
    output: list[str] = field(default_factory=list)

    def printed(self, text: str) -> int:
        """How many printed lines contain `text`."""
        return sum(text in line for line in list(self.output))

    def page(self, path: str = "") -> str:
        return fetch(self.base + path) or ""


@contextmanager
def preview(project: Path) -> Iterator[Preview]:
    """`mkdocs serve` in `project` on a free port, stopped with Ctrl+C at the end of the block."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    running = Preview(f"http://127.0.0.1:{port}/", process)
    assert process.stdout is not None
    reader = threading.Thread(target=lambda: running.output.extend(process.stdout), daemon=True)  # type: ignore[arg-type]
    reader.start()
    try:
        yield running
    finally:
        stop(process)
        reader.join(timeout=10)
        process.stdout.close()
