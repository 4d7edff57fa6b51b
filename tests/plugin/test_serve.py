"""`mkdocs serve` survives a broken edit: it prints the problems, keeps serving the last good site, and recovers."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

PAGE = "account/change-password/"


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


def test_serve_keeps_the_last_good_site_through_a_broken_edit(project: Path) -> None:
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    output: list[str] = []
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    assert server.stdout is not None
    reader = threading.Thread(target=lambda: output.extend(server.stdout), daemon=True)  # type: ignore[arg-type]
    reader.start()
    entry = project / "faq_data/entries/account/change-password.yml"
    original = entry.read_text(encoding="utf-8")
    try:
        wait_for(lambda: "How do I change my password?" in (fetch(base + PAGE) or ""), "the first build")
        good_home = without_reload_script(fetch(base))

        entry.write_text(original.replace("owner: Support team\n", ""), encoding="utf-8")
        problem = "faq_data/entries/account/change-password.yml:2: owner: missing required field"
        wait_for(lambda: any(problem in line for line in output), "the problem to be printed")
        wait_for(lambda: any("error happened during the rebuild" in line for line in output), "the rebuild to end")
        assert "How do I change my password?" in (fetch(base + PAGE) or "")
        assert without_reload_script(fetch(base)) == good_home

        entry.write_text(original.replace("How do I change my password?", "How can I change my password?"),
                         encoding="utf-8")
        wait_for(lambda: "How can I change my password?" in (fetch(base + PAGE) or ""), "the site to recover")

        # The same slip a second time shows its problems again.
        entry.write_text(original.replace("owner: Support team\n", ""), encoding="utf-8")
        wait_for(lambda: sum(problem in line for line in output) >= 2, "the problem to be printed again")
    finally:
        stop(server)
        reader.join(timeout=10)
        server.stdout.close()
    log = "".join(output)
    assert "Traceback" not in log, log
    assert list(Path(tempfile.gettempdir()).glob(f".mkdocs_*.partial-{server.pid}-*")) == []


def test_a_second_preview_on_the_same_address_says_what_to_do(project: Path) -> None:
    port = free_port()
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"]
    first = subprocess.Popen(command, cwd=project, env=environment, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    try:
        wait_for(lambda: fetch(f"http://127.0.0.1:{port}/") is not None, "the first preview")
        second = subprocess.run(command, cwd=project, env=environment, capture_output=True, text=True, timeout=120)
    finally:
        stop(first)
    assert second.returncode == 1
    assert "Traceback" not in second.stderr
    assert (f"http://127.0.0.1:{port}/ is already in use, most likely by a preview that is still running: open "
            f"that address, or stop the other preview (Ctrl+C in its terminal), or start this one on another port "
            f"with 'make serve PORT={port + 1}'") in second.stderr


def test_the_preview_reloads_when_a_theme_override_changes(project: Path) -> None:
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(lambda: fetch(base) is not None, "the first build")
        home = project / "overrides/home.html"
        home.write_text(home.read_text(encoding="utf-8").replace(
            '<div class="hc-hero">', '<div class="hc-hero" data-changed-in-the-preview>'), encoding="utf-8")
        wait_for(lambda: "data-changed-in-the-preview" in (fetch(base) or ""), "the changed override", seconds=60)
    finally:
        stop(server)
