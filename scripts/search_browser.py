"""The site's own search box, driven in headless Chromium as a customer uses it.

Everything here reads the page as a customer sees it: the keys typed into Material's search box
(`[data-md-component=search-query]`), the result list Material shows
(`.md-search-result__list > .md-search-result__item > a`, best first), its message line, and any
element with a `data-search-no-answer` attribute, which a search shows when it has no answer. No
search worker, index or message is touched, so any search behind Material's box is measured alike.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import os
import threading
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Page, Response, sync_playwright

CHROMIUM = os.environ.get("HELPCENTER_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
SEARCH_INPUT = "[data-md-component=search-query]"
NO_MATCH = "No matching documents"
FILL = "({ selector, text }) => { const box = document.querySelector(selector); box.focus(); box.value = text; }"
"""Material's message when its search finds nothing."""

# Records when the last key went down and when the search's results last changed: the result list
# and its message (`.md-search-result`) or a "no answer" element.
WATCH_SCRIPT = """
(() => {
  window.__lastKeyAt = 0;
  window.__lastResultAt = 0;
  const RESULTS = ".md-search-result, [data-search-no-answer]";
  const inResults = (node) => {
    const element = node && (node.nodeType === 1 ? node : node.parentElement);
    return !!element && (!!element.closest(RESULTS) || !!element.querySelector?.("[data-search-no-answer]"));
  };
  document.addEventListener("keydown", () => { window.__lastKeyAt = performance.now(); }, true);
  new MutationObserver((records) => {
    if (records.some(r => inResults(r.target) || [...r.addedNodes, ...r.removedNodes].some(inResults)))
      window.__lastResultAt = performance.now();
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
})();
"""

# What the search shows now: the results' addresses, best first, its message, and a "no answer" state.
SNAPSHOT = """
() => {
  const links = [...document.querySelectorAll(".md-search-result__list > .md-search-result__item > a")];
  const meta = document.querySelector(".md-search-result__meta");
  const noAnswer = [...document.querySelectorAll("[data-search-no-answer]")].some(el => !el.closest("[hidden]"));
  return { paths: links.map(a => new URL(a.href).pathname), meta: meta ? meta.textContent.trim() : "", noAnswer };
}
"""

# Waits until the results have changed since the last key and then stayed the same for `settle`
# milliseconds (or until `timeout`); returns what they show and the time from the last key to
# their last change.
SETTLE = """
async ({ settle, timeout }) => {
  const start = performance.now();
  for (;;) {
    await new Promise(done => setTimeout(done, 5));
    const now = performance.now();
    // The semantic search mode shows a first answer marked as pending, then the re-ranked one.
    const answered = window.__lastResultAt > window.__lastKeyAt && !document.querySelector("[data-search-pending]");
    if ((answered && now - window.__lastResultAt >= settle) || now - start > timeout) {
      return { ...(SNAPSHOT_FUNCTION)(), timedOut: !answered,
               elapsed: answered ? window.__lastResultAt - window.__lastKeyAt : now - window.__lastKeyAt };
    }
  }
}
""".replace("SNAPSHOT_FUNCTION", SNAPSHOT.strip())


@dataclass(frozen=True)
class Shown:
    """What the search showed for one query."""

    paths: tuple[str, ...]
    """The result pages' paths, best first (`/banking/transfer/`)."""
    no_answer: bool
    """The search said it has no answer: Material's "No matching documents", or a `data-search-no-answer` element."""
    milliseconds: float
    """From the last key pressed to the last change of the page before the results settled."""
    timed_out: bool


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serves `site` on 127.0.0.1 on a free port; yields its base address."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


class SearchBox:
    """One page of a served site whose search box is typed into, query after query."""

    def __init__(self, page: Page, settle_ms: int = 20, timeout_ms: int = 4000) -> None:
        self.page = page
        self.settle_ms = settle_ms
        self.timeout_ms = timeout_ms

    def open(self) -> None:
        """Opens the search as a customer does, with Material's `/` shortcut."""
        self.page.keyboard.press("/")
        self.page.wait_for_selector(SEARCH_INPUT, state="visible")

    def search(self, query: str, typing_delay_ms: float = 0) -> Shown:
        """Types `query` and waits for the results to settle. Without a typing delay, all but the last
        character are filled in at once (no key event) and the last one is typed, so the search runs once."""
        if typing_delay_ms:
            self.page.locator(SEARCH_INPUT).fill("")
            self.page.keyboard.type(query, delay=typing_delay_ms)
        else:
            self.page.evaluate(FILL, {"selector": SEARCH_INPUT, "text": query[:-1]})
            self.page.keyboard.type(query[-1:])
        shown = self.page.evaluate(SETTLE, {"settle": self.settle_ms, "timeout": self.timeout_ms})
        paths = tuple(shown["paths"])
        return Shown(paths=paths, no_answer=not paths or NO_MATCH in shown["meta"] or shown["noAnswer"],
                     milliseconds=shown["elapsed"], timed_out=shown["timedOut"])


@contextmanager
def search_page(base_url: str, path: str, settle_ms: int = 20, timeout_ms: int = 4000) -> Iterator[SearchBox]:
    """A headless Chromium page at `path` of the served site, its search opened."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.add_init_script(WATCH_SCRIPT)
            page.goto(base_url + path, wait_until="networkidle")
            box = SearchBox(page, settle_ms, timeout_ms)
            box.open()
            yield box
        finally:
            browser.close()


@dataclass(frozen=True)
class FirstSearch:
    """What the first search of a page fetched, and how long it took."""

    requests: int
    bytes: int
    gzip_bytes: int
    """Each response body compressed with gzip (level 6): about what a server with compression sends."""
    milliseconds: float
    """From the last key of the query to the results, the download included."""


def _fetched_again(response: Response) -> bytes:
    """The body of a local response the browser did not keep (the semantic mode's model), fetched again."""
    if response.status != 200 or not response.url.startswith("http://127.0.0.1:"):
        return b""
    with urllib.request.urlopen(response.url) as again:
        return bytes(again.read())


def first_search(base_url: str, path: str, query: str, typing_delay_ms: float) -> FirstSearch:
    """Opens `path`, then records every request from the first key (Material's `/`) to the results."""
    bodies: list[bytes] = []

    def record(response: Response) -> None:
        if urlsplit(response.url).scheme in ("http", "https"):
            try:
                bodies.append(response.body())
            except Exception:  # a response without a body (a redirect), or one too large for the browser to keep
                bodies.append(_fetched_again(response))

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.add_init_script(WATCH_SCRIPT)
            page.goto(base_url + path, wait_until="networkidle")
            page.on("response", record)
            box = SearchBox(page, settle_ms=200, timeout_ms=60_000)
            box.open()
            shown = box.search(query, typing_delay_ms)
            page.wait_for_load_state("networkidle")
        finally:
            browser.close()
    return FirstSearch(requests=len(bodies), bytes=sum(map(len, bodies)),
                       gzip_bytes=sum(len(gzip.compress(body, 6)) for body in bodies), milliseconds=shown.milliseconds)
