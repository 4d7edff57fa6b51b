"""`mkdocs serve` keeps answering with the last good site while a rebuild fails."""

from __future__ import annotations

import errno
import socket
from typing import Any

from mkdocs.exceptions import PluginError


def keep_serving_the_last_good_site(server: Any) -> None:
    """After a failed rebuild, let `mkdocs serve` answer with the last good site instead of stalling.

    MkDocs holds every request until a rebuild succeeds, as its site folder may be half-written.
    Here the folder always holds the last complete build (builds are swapped in whole), so a
    failed rebuild is treated as one that never started. Only MkDocs 1.x's LiveReloadServer is
    known; with any other server nothing changes.
    """
    builder = getattr(server, "builder", None)
    condition = getattr(server, "_epoch_cond", None)
    if builder is None or condition is None or not hasattr(server, "_visible_epoch"):
        return

    def build_or_keep_the_last_site(*args: Any, **kwargs: Any) -> Any:
        try:
            return builder(*args, **kwargs)
        except BaseException:
            with condition:
                server._wanted_epoch = server._visible_epoch
                condition.notify_all()
            raise

    server.builder = build_or_keep_the_last_site


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
