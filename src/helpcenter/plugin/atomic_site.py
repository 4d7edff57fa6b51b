"""Building into a folder next to the site and swapping it in whole, so no one sees a half-built site.

A build writes into `.site.partial-<pid>-<random>/` beside `site/` (inside it, where `site/` is a
mount point), holding a lock file for it while it builds; only a build that finished is swapped
in, by one rename on the same file system (an atomic exchange where Linux offers it). A failed,
interrupted or terminated build, or one whose partial folder lost a file it wrote, leaves `site/`
exactly as it was and its partial folder is removed; one left by a process that was killed
outright is removed by the next build.
"""

from __future__ import annotations

import ctypes
import fcntl
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

from mkdocs.exceptions import PluginError

PARTIAL = "partial"
OLD = "old"
_LOCKS: dict[str, int] = {}
"""The lock file of each partial folder this process builds into, held open (flock) while it builds."""


def staging_folder(site_dir: Path) -> Path:
    """A new, empty folder to build into, on the same file system as the site (made with the usual
    permissions): beside the site folder, or inside it where it is a mount point."""
    target = _swap_target(site_dir)
    home = _home(target)
    home.mkdir(parents=True, exist_ok=True)
    remove_abandoned(site_dir)
    folder = home / f".{target.name}.{PARTIAL}-{os.getpid()}-{secrets.token_hex(4)}"
    folder.mkdir()
    _lock(folder)
    return folder


def publish(staging: Path, site_dir: Path) -> None:
    """Put the finished build in `staging` in the place of the site, then delete the old site.

    A link to a folder stays a link: the folder behind it is swapped. A mount point cannot be
    swapped: each of its top-level entries is exchanged for the new one, and only then is what the
    new build no longer has removed, so no page is missing at any moment.
    """
    target = _swap_target(site_dir)
    old: Path | None = None
    try:
        with signals_deferred():
            if not (target.exists() or target.is_symlink()):
                os.rename(staging, target)
            elif os.path.ismount(target):
                _replace_contents(staging, target)
            elif _exchange(staging, target):
                old = staging
            else:
                old = _beside(target, OLD)
                os.rename(target, old)
                os.rename(staging, target)
    finally:  # also when a signal held back during the swap is delivered on leaving the block
        if old is not None:
            _remove(old)
        _unlock(staging)


def swap_in(staging: Path, site_dir: Path, written: list[str], refused: bool) -> None:
    """Put the finished build in the place of site_dir, unless it was refused or lost files it wrote."""
    if refused:
        discard(staging)
    elif missing := missing_files(staging, written):
        discard(staging)
        shown = ", ".join(missing[:5]) + (f" and {len(missing) - 5:,} more" if len(missing) > 5 else "")
        raise PluginError(
            f"the new site lacks files the build wrote ({shown}): something removed them from "
            f"{staging.name} while it was being built; the site at {site_dir} was not changed: "
            "build again, and let no other program clean up beside the site folder meanwhile"
        )
    else:
        try:
            publish(staging, site_dir)
        except OSError as error:
            discard(staging)
            raise PluginError(
                f"the new site could not be put in the place of {site_dir} ({error.strerror}); "
                "the site there was not changed: make the folder writable, or build elsewhere with "
                "--site-dir"
            ) from None


def missing_files(staging: Path, written: list[str]) -> list[str]:
    """The files the build wrote that are no longer in its partial folder (removed by someone else meanwhile)."""
    return [name for name in written if not (staging / name).is_file()]


def discard(staging: Path) -> None:
    shutil.rmtree(staging, ignore_errors=True)
    _unlock(staging)


def remove_abandoned(site_dir: Path) -> None:
    """Delete the partial and old folders of builds that no longer run.

    A partial folder belongs to its build as long as the build holds the folder's lock file (flock),
    which holds across containers, where process ids repeat; an old folder, or one without a lock
    file, is judged by the process id in its name.
    """
    for path in leftovers(site_dir):
        lock = _lock_file(path)
        if lock.exists():
            if not _held(lock):
                _remove(path)
                lock.unlink(missing_ok=True)
            continue
        pid = path.name.rsplit("-", 2)[-2]
        if pid.isdigit() and not _running(int(pid)):
            _remove(path)


def leftovers(site_dir: Path) -> list[Path]:
    """The partial and old folders of the site, whoever left them."""
    target = _swap_target(site_dir)
    return sorted(
        path for kind in (PARTIAL, OLD) for path in _home(target).glob(f".{target.name}.{kind}-*")
        if not path.name.endswith(".lock")
    )


def _remove(path: Path) -> None:
    """A folder with what it holds; a file or a link (what stood at `site/` before the swap) by itself."""
    if path.is_symlink() or not path.is_dir():
        path.unlink(missing_ok=True)
    else:
        shutil.rmtree(path, ignore_errors=True)


def _swap_target(site_dir: Path) -> Path:
    """What is swapped: the site folder, or the folder a link at its place leads to (the link stays)."""
    if site_dir.is_symlink() and site_dir.resolve().is_dir():
        return site_dir.resolve()
    return site_dir


def _home(target: Path) -> Path:
    """Where the partial folders go: beside the site, or inside it where it is a mount point."""
    return target if os.path.ismount(target) else target.parent


def _beside(target: Path, kind: str) -> Path:
    return _home(target) / f".{target.name}.{kind}-{os.getpid()}-{secrets.token_hex(4)}"


def _lock_file(folder: Path) -> Path:
    return folder.with_name(folder.name + ".lock")


def _lock(folder: Path) -> None:
    descriptor = os.open(_lock_file(folder), os.O_CREAT | os.O_RDWR, 0o644)
    fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    _LOCKS[str(folder)] = descriptor


def _unlock(folder: Path) -> None:
    descriptor = _LOCKS.pop(str(folder), None)
    if descriptor is not None:
        _lock_file(folder).unlink(missing_ok=True)
        os.close(descriptor)


def _held(lock: Path) -> bool:
    """Whether a build holds this lock file now."""
    try:
        descriptor = os.open(lock, os.O_RDWR)
    except OSError:
        return False
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(descriptor)
    return False


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


def _replace_contents(staging: Path, target: Path) -> None:
    """For a site folder that cannot be renamed (a mount point): each new entry takes the place of the
    old one of its name, and only then are the entries the new build no longer has removed."""
    own = f".{target.name}."
    new_names = {child.name for child in staging.iterdir()}
    for name in sorted(new_names):
        new, current = staging / name, target / name
        if not (current.exists() or current.is_symlink()):
            os.rename(new, current)
        elif new.is_dir() and current.is_dir() and not current.is_symlink() and _exchange(new, current):
            _remove(new)  # now the old entry
        elif not new.is_dir() and not current.is_dir():
            os.replace(new, current)
        else:
            old = _beside(target, OLD)
            os.rename(current, old)
            os.rename(new, current)
            _remove(old)
    for child in target.iterdir():
        if child.name not in new_names and not child.name.startswith(own):
            _remove(child)
    staging.rmdir()
