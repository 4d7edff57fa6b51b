"""A built site served on a free local port, and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import functools
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Iterator

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
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


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve_directory(root: Path) -> Iterator[str]:
    """Serve `root` on 127.0.0.1 on a free port; yields the base URL, ending in '/'."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@contextmanager
def chromium() -> Iterator[Any]:
    """A headless Chromium browser (Playwright's `Browser`)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


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
