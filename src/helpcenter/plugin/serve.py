"""`mkdocs serve` keeps answering with the last good site while a rebuild fails."""

from __future__ import annotations

from typing import Any


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
