"""`mkdocs serve` keeps answering with the last good site while a rebuild fails, and every page says what is wrong."""

from __future__ import annotations

import errno
import re
import socket
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.exceptions import Abort, MkDocsException, PluginError

from helpcenter.problems import Problem, shown_path
from helpcenter.render.preview_banner import preview_banner

_BODY = re.compile(rb"<body\b[^>]*>")


@dataclass
class PreviewStatus:
    """What the preview's pages show at their top: the content's problems, and why the last rebuild failed."""

    problems: tuple[Problem, ...] = ()
    failure: str | None = None


def keep_serving_the_last_good_site(server: Any, status: PreviewStatus) -> None:
    """After a failed rebuild, let `mkdocs serve` answer with the last good site instead of stalling,
    and reload the browsers so that they show why.

    MkDocs holds every request until a rebuild succeeds, as its site folder may be half-written.
    Here the folder always holds the last complete build (builds are swapped in whole), so a
    failed rebuild is treated as one that finished with the site unchanged. Only MkDocs 1.x's
    LiveReloadServer is known; with any other server nothing changes.
    """
    builder = getattr(server, "builder", None)
    condition = getattr(server, "_epoch_cond", None)
    if builder is None or condition is None or not hasattr(server, "_visible_epoch"):
        return

    def build_or_keep_the_last_site(*args: Any, **kwargs: Any) -> Any:
        status.failure = None
        try:
            return builder(*args, **kwargs)
        except Exception as error:
            status.failure = failure_reason(error)
            with condition:
                server._visible_epoch = server._wanted_epoch
                condition.notify_all()
            if isinstance(error, Abort):
                raise
            # What failed, where, not a traceback (`mkdocs build` shows one).
            raise Abort(f"The rebuild failed: {status.failure}\nThe preview keeps showing the site as it was, with "
                        "this reason at the top of each page.") from None

    server.builder = build_or_keep_the_last_site


def show_the_status_on_every_page(server: Any, status: PreviewStatus) -> None:
    """Put the preview's banner at the top of every page MkDocs' server sends, while there is something to
    show. The built files never hold it: the server adds it to each answer, as it adds its reload script."""
    inject = getattr(server, "_inject_js_into_html", None)
    if inject is None:
        return

    def inject_with_the_banner(content: bytes, epoch: int) -> Any:
        banner = preview_banner(status.problems, status.failure)
        return inject(with_banner(content, banner) if banner else content, epoch)

    server._inject_js_into_html = inject_with_the_banner


def with_banner(page: bytes, banner: str) -> bytes:
    """The page with `banner` first in its body."""
    body = _BODY.search(page)
    at = body.end() if body else 0
    return page[:at] + banner.encode("utf-8") + page[at:]


def failure_reason(error: BaseException) -> str:
    """Why a build failed: MkDocs replaces its own errors with an `Abort` that says only that it stopped."""
    cause = error.__cause__ or error.__context__ or error
    if isinstance(cause, MkDocsException):
        return str(cause) or type(cause).__name__
    # A template's mistake (Jinja's errors) names its file and line.
    filename, line = getattr(cause, "filename", None), getattr(cause, "lineno", None)
    where = f" ({shown_path(Path(filename), Path.cwd())}, line {line})" if filename and line else ""
    return f"{type(cause).__name__}: {cause}{where}"


def refuse_a_taken_address(server: Any) -> None:
    """A second preview on the same address would fail with a traceback: say what to do instead."""
    address = getattr(server, "server_address", None)
    if not address:
        return
    host, port = address[0], address[1]
    family = socket.AF_INET6 if ":" in str(host) else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            if error.errno != errno.EADDRINUSE:
                return
            raise PluginError(
                f"http://{host}:{port}/ is already in use, most likely by a preview that is still running: "
                f"open that address, or stop the other preview (Ctrl+C in its terminal), or start this one on "
                f"another port with 'make serve PORT={port + 1}'"
            ) from None
