"""`helpcenter links --external`: a request's timeout bounds all of it, however slowly a server answers."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpcenter.checks.external_links import CheckSettings, LinkResult, check_external
from helpcenter.cli import main
from local_server import LocalServer, serving, without_proxies

DRIP_PAUSE = 0.1
"""Seconds between two bytes of a dripping answer: each read is quick, the whole answer never ends."""


class DrippingServer(LocalServer):
    """A local server whose `/drip-*` paths send their answer one byte at a time, for as long as anyone listens."""

    def __init__(self) -> None:
        self.hits: dict[str, int] = {}
        super().__init__()

    def answer(self, request: BaseHTTPRequestHandler) -> None:
        self.hits[request.path] = self.hits.get(request.path, 0) + 1
        if request.path == "/drip-headers" or (request.path == "/drip-get" and request.command == "GET"):
            self.drip(request, b"HTTP/1.1 200 OK\r\nX-Slow: " + b"a" * 10_000)
        elif request.path == "/drip-get":
            request.send_response(405)
            request.send_header("Content-Length", "0")
            request.end_headers()
        elif request.path == "/drip-body":
            request.send_response(200)
            request.send_header("Content-Length", "10000")
            request.end_headers()
            self.drip(request, b"a" * 10_000)
        else:
            request.send_response(200)
            request.send_header("Content-Length", "2")
            request.end_headers()
            if request.command == "GET":
                request.wfile.write(b"ok")

    def drip(self, request: BaseHTTPRequestHandler, data: bytes) -> None:
        for byte in data:
            if self.stopping.wait(DRIP_PAUSE):
                return
            try:
                request.wfile.write(bytes([byte]))
                request.wfile.flush()
            except OSError:
                return  # the checker gave up and closed the connection
        request.close_connection = True


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[DrippingServer]:
    yield from serving(DrippingServer, monkeypatch)


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
    without_proxies(monkeypatch)
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)  # accepted by the system, never read: the request is sent and no answer comes
        url = f"http://127.0.0.1:{listener.getsockname()[1]}/"
        results, elapsed = timed_check([url], CheckSettings(timeout=0.5, retries=0))
    assert results[url].detail == "timed out after 0.5s"
    assert elapsed < 1.5
