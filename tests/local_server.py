"""A local HTTP server on 127.0.0.1 for the link checker's tests; each test module says how its paths answer."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TypeVar

import pytest

PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy")


class LocalServer:
    """Answers HEAD and GET requests with `answer`, each in a thread of its own, until closed."""

    def __init__(self) -> None:
        self.stopping = threading.Event()
        """Set when the server closes: an answer that takes its time stops then."""
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

    def answer(self, request: BaseHTTPRequestHandler) -> None:
        raise NotImplementedError

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
                pass

            def do_HEAD(self) -> None:
                server.answer(self)

            def do_GET(self) -> None:
                server.answer(self)

        return Handler


Server = TypeVar("Server", bound=LocalServer)


def without_proxies(monkeypatch: pytest.MonkeyPatch) -> None:
    """Requests to 127.0.0.1 go straight there, whatever proxy the machine names."""
    for variable in PROXY_VARIABLES:
        monkeypatch.delenv(variable, raising=False)


def serving(server_class: type[Server], monkeypatch: pytest.MonkeyPatch) -> Iterator[Server]:
    """For a fixture: a running server of `server_class`, reached without a proxy, closed afterwards."""
    without_proxies(monkeypatch)
    running = server_class()
    yield running
    running.close()
