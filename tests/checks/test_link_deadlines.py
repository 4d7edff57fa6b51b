"""`helpcenter links --external`: a request's timeout bounds all of it, however slowly a server answers."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpcenter.checks.external_links import CheckSettings, LinkResult, check_external
from helpcenter.cli import main

DRIP_PAUSE = 0.1
"""Seconds between two bytes of a dripping answer: each read is quick, the whole answer never ends."""


class DrippingServer:
    """A local server whose `/drip-*` paths send their answer one byte at a time, for as long as anyone listens."""

    def __init__(self) -> None:
        self.stopping = threading.Event()
        self.hits: dict[str, int] = {}
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def url(self, path: str) -> str:
        return self.base + path

    def close(self) -> None:
        self.stopping.set()
        self.httpd.shutdown()
        self.httpd.server_close()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
                pass

            def do_HEAD(self) -> None:
                self.answer()

            def do_GET(self) -> None:
                self.answer()

            def answer(self) -> None:
                server.hits[self.path] = server.hits.get(self.path, 0) + 1
                if self.path == "/drip-headers" or (self.path == "/drip-get" and self.command == "GET"):
                    self.drip(b"HTTP/1.1 200 OK\r\nX-Slow: " + b"a" * 10_000)
                elif self.path == "/drip-get":
                    self.send_response(405)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                elif self.path == "/drip-body":
                    self.send_response(200)
                    self.send_header("Content-Length", "10000")
                    self.end_headers()
                    self.drip(b"a" * 10_000)
                else:
                    self.send_response(200)
                    self.send_header("Content-Length", "2")
                    self.end_headers()
                    if self.command == "GET":
                        self.wfile.write(b"ok")

            def drip(self, data: bytes) -> None:
                for byte in data:
                    if server.stopping.wait(DRIP_PAUSE):
                        return
                    try:
                        self.wfile.write(bytes([byte]))
                        self.wfile.flush()
                    except OSError:
                        return  # the checker gave up and closed the connection
                self.close_connection = True

        return Handler


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[DrippingServer]:
    for variable in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(variable, raising=False)
    running = DrippingServer()
    yield running
    running.close()


def timed_check(urls: list[str], settings: CheckSettings) -> tuple[dict[str, LinkResult], float]:
    started = time.monotonic()
    results = {result.url: result for result in check_external(urls, settings)}
    return results, time.monotonic() - started


def test_a_server_that_drips_its_headers_is_a_timeout_within_the_timeout(server: DrippingServer) -> None:
    settings = CheckSettings(timeout=1.0, retries=0, backoff=0.01)
    results, elapsed = timed_check([server.url("/drip-headers"), server.url("/drip-get"), server.url("/ok")], settings)
    assert results[server.url("/drip-headers")] == LinkResult(server.url("/drip-headers"), False, None,
                                                              "timed out after 1s")
    assert results[server.url("/drip-get")].detail == "timed out after 1s", "the GET after a refused HEAD too"
    assert results[server.url("/ok")] == LinkResult(server.url("/ok"), True, 200, "200 OK")
    # Not a benchmark: a generous bound that a per-read timeout (a byte every 0.1 s) would never meet.
    assert elapsed < 3 * settings.timeout


def test_each_retry_has_its_own_deadline(server: DrippingServer) -> None:
    settings = CheckSettings(timeout=0.5, retries=2, backoff=0.01)
    results, elapsed = timed_check([server.url("/drip-headers")], settings)
    assert not results[server.url("/drip-headers")].ok
    assert server.hits["/drip-headers"] == 3, "a timeout is retried"
    assert elapsed < 3 * settings.timeout * (settings.retries + 1)


def test_a_slow_body_does_not_hold_the_check(server: DrippingServer) -> None:
    results, elapsed = timed_check([server.url("/drip-body")], CheckSettings(timeout=1.0, retries=0))
    assert results[server.url("/drip-body")].ok, "HEAD answered at once; the body is never needed"
    assert elapsed < 3.0


def test_links_external_with_a_timeout_reports_a_dripping_server_as_broken(server: DrippingServer,
                                                                          tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    links = f'<a href="{server.url("/drip-headers")}">slow</a><a href="{server.url("/ok")}">fine</a>'
    (site / "index.html").write_text(f"<html><body>{links}</body></html>", encoding="utf-8")
    started = time.monotonic()
    result = CliRunner().invoke(main, ["links", str(site), "--external", "--timeout", "1", "--retries", "0",
                                       "--no-cache"], catch_exceptions=False)
    assert time.monotonic() - started < 3.0
    assert result.exit_code == 1
    rows = [line.split() for line in result.stdout.splitlines()]
    assert ["BROKEN", server.url("/drip-headers"), "timed", "out", "after", "1s", "index.html"] in rows
    assert ["ok", server.url("/ok"), "200", "OK", "index.html"] in rows


def test_a_connection_that_never_answers_is_a_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(variable, raising=False)
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)  # accepted by the system, never read: the request is sent and no answer comes
        url = f"http://127.0.0.1:{listener.getsockname()[1]}/"
        results, elapsed = timed_check([url], CheckSettings(timeout=0.5, retries=0))
    assert results[url].detail == "timed out after 0.5s"
    assert elapsed < 1.5
