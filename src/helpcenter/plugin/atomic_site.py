"""Building into a folder next to the site and swapping it in whole, so no one sees a half-built site.

A build writes into `.site.partial-<pid>-<random>/` beside `site/`; only a build that finished is
swapped in, by one rename on the same file system (an atomic exchange where Linux offers it).
A failed, interrupted or terminated build leaves `site/` exactly as it was and its partial
folder is removed; one left by a process that was killed outright is removed by the next build.
"""

from __future__ import annotations

import ctypes
import logging
import os
import secrets
import shutil
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Any

PARTIAL = "partial"
OLD = "old"


def staging_folder(site_dir: Path) -> Path:
    """A new, empty folder next to `site_dir` to build into (made with the usual permissions)."""
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    remove_abandoned(site_dir)
    folder = _sibling(site_dir, PARTIAL)
    folder.mkdir()
    return folder


def publish(staging: Path, site_dir: Path) -> None:
    """Put the finished build in `staging` in the place of `site_dir`, then delete the old site."""
    old: Path | None = None
    try:
        with signals_deferred():
            if not (site_dir.exists() or site_dir.is_symlink()):
                os.rename(staging, site_dir)
            elif site_dir.is_symlink() or os.path.ismount(site_dir):
                _replace_contents(staging, site_dir)
            elif _exchange(staging, site_dir):
                old = staging
            else:
                old = _sibling(site_dir, OLD)
                os.rename(site_dir, old)
                os.rename(staging, site_dir)
    finally:  # also when a signal held back during the swap is delivered on leaving the block
        if old is not None:
            _remove(old)


def discard(staging: Path) -> None:
    shutil.rmtree(staging, ignore_errors=True)


def remove_abandoned(site_dir: Path) -> None:
    """Delete partial and old folders next to `site_dir` whose build process no longer runs."""
    for kind in (PARTIAL, OLD):
        for folder in site_dir.parent.glob(f".{site_dir.name}.{kind}-*"):
            pid = folder.name.rsplit("-", 2)[-2]
            if pid.isdigit() and not _running(int(pid)):
                _remove(folder)


def _remove(path: Path) -> None:
    """A folder with what it holds; a file or a link (what stood at `site/` before the swap) by itself."""
    if path.is_symlink() or not path.is_dir():
        path.unlink(missing_ok=True)
    else:
        shutil.rmtree(path, ignore_errors=True)


def leftovers(site_dir: Path) -> list[Path]:
    """The partial and old folders next to `site_dir`, whoever left them."""
    return sorted(
        path for kind in (PARTIAL, OLD) for path in site_dir.parent.glob(f".{site_dir.name}.{kind}-*")
    )


@contextmanager
def signals_deferred() -> Iterator[None]:
    """Hold Ctrl-C and SIGTERM back until the block is done, so a swap is never left half-way."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[int] = []
    handled = (signal.SIGINT, signal.SIGTERM)
    previous = {number: signal.signal(number, lambda number, frame: received.append(number)) for number in handled}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
        for received_number in received:
            signal.raise_signal(received_number)


def exit_on_terminate() -> Callable[[], None]:
    """Make SIGTERM unwind the program like Ctrl-C does, so clean-up code runs; returns the undo.

    Python's default for SIGTERM is to stop at once, which would leave the partial folder behind.
    A handler someone else installed is left alone.
    """
    if threading.current_thread() is not threading.main_thread():
        return lambda: None
    if signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL:
        return lambda: None

    def terminate(number: int, frame: FrameType | None) -> Any:
        raise SystemExit(128 + number)

    signal.signal(signal.SIGTERM, terminate)

    def undo() -> None:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)

    return undo


class WarningCounter(logging.Handler):
    """Counts warnings, as `mkdocs build --strict` does, to know whether the build will be refused."""

    def __init__(self, logger: logging.Logger) -> None:
        super().__init__(logging.WARNING)
        self.logger = logger
        self.count = 0

    @classmethod
    def attach(cls, logger: logging.Logger) -> WarningCounter:
        counter = cls(logger)
        logger.addHandler(counter)
        return counter

    def detach(self) -> None:
        self.logger.removeHandler(self)

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def _sibling(site_dir: Path, kind: str) -> Path:
    return site_dir.parent / f".{site_dir.name}.{kind}-{os.getpid()}-{secrets.token_hex(4)}"


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one step with Linux's renameat2(RENAME_EXCHANGE); False where unavailable."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    at_current_directory, rename_exchange = -100, 2
    result: int = renameat2(at_current_directory, os.fsencode(first), at_current_directory, os.fsencode(second),
                            rename_exchange)
    return result == 0


def _replace_contents(staging: Path, site_dir: Path) -> None:
    """For a site folder that cannot be renamed (a symlink or a mount point): swap what it holds."""
    for child in site_dir.iterdir():
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()
    for child in staging.iterdir():
        os.rename(child, site_dir / child.name)
    staging.rmdir()
