"""Checking external addresses: concurrent requests with deadlines, retries, a per-host limit and a cache.

Each address is asked for with HEAD, and with GET when HEAD is refused (some servers answer HEAD
with 403, 404 or 405). Timeouts, connection errors, 429 and 5xx answers are retried with a growing
pause; each try has its own deadline. Addresses that answered well are remembered in a cache file
for `max_age`, so a rerun asks again only for the broken and the new ones.
"""

from __future__ import annotations

import asyncio
import json
import os
import tempfile
import threading
from collections.abc import Awaitable, Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from helpcenter.checks.text_table import format_table

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
    """Seconds for each request as a whole: connecting, sending, and reading the answer."""
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
    """Checks many addresses over one connection pool, never more than `per_host` at once per host.

    Each request (HEAD, or the GET after a refused HEAD) runs under a deadline of `timeout` seconds
    for all of it: connecting, sending, and reading the answer. The client's own timeouts bound each
    step only, so a server that sends a byte now and then could otherwise hold a request for ever.
    """

    def __init__(self, settings: CheckSettings, client: httpx.AsyncClient | None = None) -> None:
        self.settings = settings
        self.client = client or httpx.AsyncClient(
            timeout=settings.timeout,
            follow_redirects=True,
            headers={"User-Agent": USER_AGENT, "Accept": "text/html,*/*;q=0.8"},
            limits=httpx.Limits(max_connections=settings.concurrency, max_keepalive_connections=settings.concurrency),
        )
        self._running = asyncio.Semaphore(max(1, settings.concurrency))
        self._host_limits: dict[str, asyncio.Semaphore] = {}

    async def close(self) -> None:
        await self.client.aclose()

    async def check(self, url: str) -> LinkResult:
        """One address, with retries; never raises for network trouble."""
        attempt = 0
        while True:
            async with self._running:
                result, retry_after = await self._try_once(url)
            if result.ok or attempt >= self.settings.retries or retry_after is None:
                return result
            await asyncio.sleep(min(max(retry_after, self.settings.backoff * 2 ** attempt), self.settings.max_wait))
            attempt += 1

    async def _try_once(self, url: str) -> tuple[LinkResult, float | None]:
        """The result, and whether (after how long, at least) a retry may help."""
        async with self._host_limit(url):
            try:
                response = await self._within_timeout(self._head(url))
                if response.status_code >= 400 and response.status_code not in _RETRY_STATUSES:
                    response = await self._within_timeout(self._get(url))
            except (httpx.TimeoutException, TimeoutError):
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

    async def _within_timeout(self, request: Awaitable[httpx.Response]) -> httpx.Response:
        return await asyncio.wait_for(request, self.settings.timeout)

    async def _head(self, url: str) -> httpx.Response:
        return await self.client.head(url)

    async def _get(self, url: str) -> httpx.Response:
        # Only the status counts: the body is never read, and closing the answer drops the connection.
        async with self.client.stream("GET", url) as response:
            return response

    def _host_limit(self, url: str) -> asyncio.Semaphore:
        host = (urlsplit(url).hostname or "").lower()
        if host not in self._host_limits:
            self._host_limits[host] = asyncio.Semaphore(self.settings.per_host)
        return self._host_limits[host]


def check_external(
    urls: Iterable[str], settings: CheckSettings, cache: LinkCache | None = None,
    client: httpx.AsyncClient | None = None,
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
    loop = asyncio.new_event_loop()
    try:
        finished: asyncio.Queue[LinkResult] = asyncio.Queue()
        everything = loop.create_task(_check_all(pending, settings, client, finished))
        for _ in pending:
            # Running the loop until the next result lets every other request go on meanwhile.
            result = loop.run_until_complete(_next_result(finished, everything))
            if cache is not None:
                cache.put(result)
            yield result
        loop.run_until_complete(everything)
    finally:
        _cancel_all(loop)
        loop.close()
        if cache is not None:
            cache.save()


async def _check_all(
    urls: list[str], settings: CheckSettings, client: httpx.AsyncClient | None, finished: asyncio.Queue[LinkResult],
) -> None:
    checker = ExternalLinkChecker(settings, client)

    async def check_one(url: str) -> None:
        await finished.put(await checker.check(url))

    try:
        await asyncio.gather(*(check_one(url) for url in urls))
    finally:
        if client is None:
            await checker.close()


async def _next_result(finished: asyncio.Queue[LinkResult], everything: asyncio.Task[None]) -> LinkResult:
    """The next result; an error that ended the checks is raised rather than waited on for ever."""
    waiting = asyncio.ensure_future(finished.get())
    await asyncio.wait({waiting, everything}, return_when=asyncio.FIRST_COMPLETED)
    if waiting.done():
        return waiting.result()
    waiting.cancel()
    everything.result()
    raise RuntimeError("the external link checks ended before every result came in")


def _cancel_all(loop: asyncio.AbstractEventLoop) -> None:
    """Stop what is still under way (when the caller stops early), closing its connections."""
    tasks = asyncio.all_tasks(loop)
    for task in tasks:
        task.cancel()
    if tasks:
        loop.run_until_complete(asyncio.gather(*tasks, return_exceptions=True))
    loop.run_until_complete(loop.shutdown_asyncgens())


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


def results_report(results: list[LinkResult], used_on: dict[str, list[str]]) -> str:
    """The broken addresses first, then the others, each with where it is used; then the count."""
    rows = []
    for result in sorted(results, key=lambda result: (result.ok, result.url)):
        state = "BROKEN" if not result.ok else "ok (cached)" if result.cached else "ok"
        pages = used_on[result.url]
        where = pages[0] + (f" and {len(pages) - 1} more" if len(pages) > 1 else "")
        rows.append((state, result.url, result.detail, where))
    broken = sum(1 for result in results if not result.ok)
    skipped = len(used_on) - len(results)
    summary = (f"{len(results)} external address{'es' if len(results) != 1 else ''} checked: {broken} broken"
               + (f", {skipped} skipped by --exclude." if skipped else "."))
    return (format_table(["STATUS", "ADDRESS", "ANSWER", "USED ON"], rows) + "\n" if rows else "") + summary
