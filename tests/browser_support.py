"""Shared pieces for the browser tests: a built site served on a free local port, and Debian's Chromium.

Import the fixtures a test module needs, for example
`from browser_support import browser, served_site  # noqa: F401`, and mark the tests
`@pytest.mark.browser`. Each module gets its own browser and its own server, so modules can
build differently configured sites.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, Playwright, Request, Route, sync_playwright

from conftest import copy_project, run_build

CHROMIUM = os.environ.get("HELPCENTER_CHROMIUM", "/usr/bin/chromium")
"""Debian's Chromium; on another system, point HELPCENTER_CHROMIUM at an installed Chromium or Chrome."""
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Replaces the dialog functions before any page script runs, and records every call, in every frame.
TRAP_SCRIPT = """
(() => {
  const calls = [];
  Object.defineProperty(window, "__trapped", { value: calls });
  for (const name of ["alert", "confirm", "prompt", "print"]) {
    window[name] = function (...args) { calls.push(name + "(" + args.map(String).join(",") + ")"); };
  }
})();
"""


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a built site like a static host: a missing address answers 404 with the site's 404.html."""

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        not_found = Path(self.directory) / "404.html"
        if code != 404 or not not_found.is_file():
            super().send_error(code, message, explain)
            return
        body = not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass


@contextmanager
def serve_directory(directory: Path) -> Iterator[str]:
    """Serves `directory` on 127.0.0.1 on a free port; yields the base URL, such as 'http://127.0.0.1:41234/'."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def launch_chromium(playwright: Playwright) -> Browser:
    """Debian's headless Chromium, never a downloaded one."""
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)


@contextmanager
def chromium() -> Iterator[Browser]:
    """A headless Debian Chromium for the duration of the block."""
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            yield browser
        finally:
            browser.close()


def build_project(
    tmp_path_factory: pytest.TempPathFactory,
    name: str = "site",
    prepare: Callable[[Path], None] | None = None,
    *build_args: str,
) -> Path:
    """A copy of the real project, changed by `prepare` if given, built with `mkdocs build --strict`."""
    project = copy_project(tmp_path_factory.mktemp(name) / "project")
    if prepare is not None:
        prepare(project)
    result = run_build(project, *build_args)
    assert result.returncode == 0, result.stderr
    return project


def is_same_origin(url: str, base_url: str) -> bool:
    if url.startswith(("data:", "blob:", "about:")):
        return True
    return urlsplit(url)[:2] == urlsplit(base_url)[:2]


class RequestLog:
    """Every request a page makes, in order. Third-party requests are recorded, then answered with an
    empty page here: they never reach the network."""

    def __init__(self, page: Page, base_url: str) -> None:
        self.base_url = base_url
        self.urls: list[str] = []
        page.on("request", self._record)
        page.route(lambda url: not is_same_origin(url, base_url), self._answer_third_party)

    def _record(self, request: Request) -> None:
        self.urls.append(request.url)

    @staticmethod
    def _answer_third_party(route: Route) -> None:
        route.fulfill(status=200, content_type="text/plain", body="")

    def third_party(self) -> list[str]:
        return [url for url in self.urls if not is_same_origin(url, self.base_url)]

    def clear(self) -> None:
        self.urls.clear()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as launched:
        yield launched


@pytest.fixture(scope="module")
def served_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real project, built once per test module and served locally; yields its base URL."""
    project = build_project(tmp_path_factory)
    with serve_directory(project / "site") as base_url:
        yield base_url


@dataclass
class Watch:
    """What a page did that a safe page never does: dialogs, trapped calls, foreign or failed requests."""

    origin: str
    dialogs: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    def attach(self, page: Any) -> None:
        def on_dialog(dialog: Any) -> None:
            self.dialogs.append(f"{dialog.type}: {dialog.message}")
            dialog.dismiss()

        def on_request(request: Any) -> None:
            if not request.url.startswith(self.origin):
                self.foreign_requests.append(request.url)

        def on_response(response: Any) -> None:
            if response.status >= 400:
                self.failed_requests.append(f"{response.status} {response.url}")

        page.on("dialog", on_dialog)
        page.on("request", on_request)
        page.on("response", on_response)
        page.on("pageerror", lambda error: self.page_errors.append(str(error)))
        page.add_init_script(TRAP_SCRIPT)


def trapped_calls(page: Any) -> list[str]:
    """The dialog-function calls recorded in the page and all its frames."""
    calls: list[str] = []
    for frame in page.frames:
        try:
            calls.extend(frame.evaluate("window.__trapped || []"))
        except Exception as error:  # a frame that is gone or cross-origin cannot be asked
            calls.append(f"unreadable frame {frame.url}: {error}")
    return calls
