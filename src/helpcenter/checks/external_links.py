"""Checking external addresses: concurrent requests with timeouts, retries, a per-host limit and a cache.

Each address is asked for with HEAD, and with GET when HEAD is refused (some servers answer HEAD
with 403, 404 or 405). Timeouts, connection errors, 429 and 5xx answers are retried with a growing
pause. Addresses that answered well are remembered in a cache file for `max_age`, so a rerun asks
again only for the broken and the new ones.
"""

from __future__ import annotations

import json
import os
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urlsplit

import httpx

DEFAULT_CACHE = Path(".helpcenter-cache/links.json")
USER_AGENT = "helpcenter-link-check/1 (checks the links of a help center)"
_RETRY_STATUSES = {429, 500, 502, 503, 504}
_CACHE_VERSION = 1


@dataclass(frozen=True)
class LinkResult:
    url: str
    ok: bool
    status: int | None
    """The final HTTP status, or None when no answer came."""
    detail: str
    """What happened, for people: '200 OK', '404 Not Found', 'timed out after 10s', ..."""
    cached: bool = False


@dataclass(frozen=True)
class CheckSettings:
    timeout: float = 10.0
    """Seconds for each request (connect, and each read)."""
    retries: int = 2
    """Further tries after a timeout, a connection error, 429 or 5xx."""
    concurrency: int = 8
    """Requests under way at once, in all."""
    per_host: int = 2
    """Requests under way at once to one host."""
    backoff: float = 0.5
    """Pause before the first retry, in seconds; it doubles with each further retry."""
    max_wait: float = 10.0
    """The longest pause a server's Retry-After can ask for."""


class LinkCache:
    """Good results by address, with the time each was checked; stale and broken ones are not kept."""

    def __init__(self, path: Path | None, max_age: timedelta, now: Callable[[], datetime] | None = None) -> None:
        self.path = path
        self.max_age = max_age
        self.now = now or (lambda: datetime.now(UTC))
        self._entries: dict[str, dict[str, object]] = self._load()
        self._lock = threading.Lock()

    def get(self, url: str) -> LinkResult | None:
        entry = self._entries.get(url)
        if entry is None:
            return None
        try:
            checked = datetime.fromisoformat(str(entry["checked"]))
            status = int(entry["status"])  # type: ignore[call-overload]
            detail = str(entry["detail"])
        except (KeyError, TypeError, ValueError):
            return None
        if self.now() - checked > self.max_age:
            return None
        return LinkResult(url, True, status, detail, cached=True)

    def put(self, result: LinkResult) -> None:
        if not result.ok or result.cached:
            return
        with self._lock:
            self._entries[result.url] = {
                "status": result.status, "detail": result.detail, "checked": self.now().isoformat(),
            }

    def save(self) -> None:
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fresh = {url: entry for url, entry in self._entries.items() if self.get(url) is not None}
        text = json.dumps({"version": _CACHE_VERSION, "links": fresh}, indent=1, sort_keys=True)
        # Written beside the cache and renamed over it, so an interrupted run never leaves half a file.
        handle, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=".links-", suffix=".json")
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text + "\n")
        os.replace(temporary, self.path)

    def _load(self) -> dict[str, dict[str, object]]:
        if self.path is None or not self.path.is_file():
            return {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}  # an unreadable cache is only a slower run
        if (
            not isinstance(data, dict)
            or data.get("version") != _CACHE_VERSION
            or not isinstance(data.get("links"), dict)
        ):
            return {}
        return {url: entry for url, entry in data["links"].items() if isinstance(entry, dict)}


class ExternalLinkChecker:
    """Checks many addresses over one connection pool, never more than `per_host` at once per host."""

    def __init__(self, settings: CheckSettings, client: httpx.Client | None = None) -> None:
        self.settings = settings
        self.client = client or httpx.Client(
            timeout=settings.timeout,
            follow_redirects=True,
            headers={"User-Agent": USER_AGENT, "Accept": "text/html,*/*;q=0.8"},
            limits=httpx.Limits(max_connections=settings.concurrency, max_keepalive_connections=settings.concurrency),
        )
        self._host_limits: dict[str, threading.Semaphore] = {}
        self._lock = threading.Lock()

    def close(self) -> None:
        self.client.close()

    def check(self, url: str) -> LinkResult:
        """One address, with retries; never raises for network trouble."""
        attempt = 0
        while True:
            result, retry_after = self._try_once(url)
            if result.ok or attempt >= self.settings.retries or retry_after is None:
                return result
            time.sleep(min(max(retry_after, self.settings.backoff * 2 ** attempt), self.settings.max_wait))
            attempt += 1

    def _try_once(self, url: str) -> tuple[LinkResult, float | None]:
        """The result, and whether (after how long, at least) a retry may help."""
        with self._host_limit(url):
            try:
                response = self.client.head(url)
                if response.status_code >= 400 and response.status_code not in _RETRY_STATUSES:
                    with self.client.stream("GET", url) as streamed:
                        response = streamed
            except httpx.TimeoutException:
                return LinkResult(url, False, None, f"timed out after {self.settings.timeout:g}s"), 0.0
            except httpx.TooManyRedirects:
                return LinkResult(url, False, None, "too many redirects"), None
            except httpx.TransportError as error:
                return LinkResult(url, False, None, f"cannot connect: {_reason(error)}"), 0.0
        status = response.status_code
        detail = f"{status} {response.reason_phrase}".strip()
        if response.history and str(response.url) != url:
            detail += f" (redirected to {response.url})"
        retry_after = _retry_after(response) if status in _RETRY_STATUSES else None
        return LinkResult(url, status < 400, status, detail), retry_after

    def _host_limit(self, url: str) -> threading.Semaphore:
        host = (urlsplit(url).hostname or "").lower()
        with self._lock:
            if host not in self._host_limits:
                self._host_limits[host] = threading.Semaphore(self.settings.per_host)
            return self._host_limits[host]


def check_external(
    urls: Iterable[str], settings: CheckSettings, cache: LinkCache | None = None,
    client: httpx.Client | None = None,
) -> Iterator[LinkResult]:
    """Results as they come in: cached ones first, then each checked one as it finishes."""
    pending = []
    for url in dict.fromkeys(urls):
        cached = cache.get(url) if cache else None
        if cached is not None:
            yield cached
        else:
            pending.append(url)
    if not pending:
        return
    checker = ExternalLinkChecker(settings, client)
    try:
        with ThreadPoolExecutor(max_workers=max(1, settings.concurrency)) as pool:
            futures = [pool.submit(checker.check, url) for url in pending]
            for future in as_completed(futures):
                result = future.result()
                if cache is not None:
                    cache.put(result)
                yield result
    finally:
        if client is None:
            checker.close()
        if cache is not None:
            cache.save()


def _retry_after(response: httpx.Response) -> float:
    value = response.headers.get("Retry-After", "").strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return 0.0
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _reason(error: httpx.TransportError) -> str:
    text = str(error) or type(error).__name__
    return text.splitlines()[0][:200]
