"""`helpcenter links`: internal links, anchors and assets of a built site; external ones against a local server."""

from __future__ import annotations

import json
import shutil
import threading
import time
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from helpcenter.checks.external_links import CheckSettings, LinkCache, LinkResult, check_external
from helpcenter.checks.site_links import BrokenLink, check_site
from helpcenter.cli import main
from local_server import LocalServer, serving


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


# --- internal ---------------------------------------------------------------------------------------------------

def test_the_real_built_site_has_no_broken_link(built_site: Path) -> None:
    result = run("links", str(built_site))
    assert result.exit_code == 0, result.output
    assert result.stdout.endswith(" broken.\n") and ": 0 broken." in result.stdout
    found = check_site(built_site, "https://help.example.com/")
    assert found.internal > 100 and found.pages >= 9
    assert "https://www.youtube.com/watch?v=aqz-KE-bpKQ" in found.external  # the video facade's link
    assert not any(url.startswith("mailto:") for url in found.external)
    assert not any("/edit/" in url for url in found.external)


def test_a_missing_picture_in_the_built_site_is_reported(built_site: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    (site / "assets/videos/reset-2fa.svg").unlink()
    (site / "two-factor/incorrect-2fa/index.html").unlink()
    result = run("links", str(site))
    assert result.exit_code == 1
    found = check_site(site, "https://help.example.com/")
    assert BrokenLink("two-factor/reset-2fa/index.html", "../../assets/videos/reset-2fa.svg",
                      "no such file: assets/videos/reset-2fa.svg") in found.broken
    assert {broken.page for broken in found.broken if "incorrect-2fa" in broken.url} >= {
        "index.html", "two-factor/index.html", "two-factor/reset-2fa/index.html",
    }
    assert "PAGE" in result.stdout and "no such file: assets/videos/reset-2fa.svg" in result.stdout


HOME = """<!doctype html><html><head>
<link rel="canonical" href="https://help.example.com/">
<link rel="stylesheet" href="assets/site.css">
<link rel="icon" href="assets/missing.png">
<link rel="preconnect" href="https://fonts.example.net">
<script src="assets/app.js"></script><script src="js/none.js"></script>
</head><body id="top">
<img src="img/a.png" srcset="img/a.png 1x, img/a@2x.png 2x" alt="">
<picture><source srcset="img/b.webp"></picture>
<a href="guide/">guide</a> <a href="guide/#install">install</a> <a href="guide/#nope">nope</a>
<a href="#top">top</a> <a href="#gone">gone</a> <a href="nowhere/">nowhere</a>
<a href="mailto:someone@example.com">mail</a> <a href="tel:+100">call</a>
<a href="https://help.example.com/guide/#install">own site</a> <a href="https://help.example.com/old/">own old</a>
<a href="guide/page%20two.html">two</a> <a href="https://elsewhere.example.org/x#frag">external</a>
<a rel="edit" href="https://github.com/example/help-center/edit/main/faq_data/settings.yml">edit</a>
</body></html>"""
GUIDE = """<!doctype html><html><body><h2 id="install">Install</h2><a href="../">home</a>
<a href="../#top">top</a><a href="/assets/site.css">root-absolute</a>
<a href="https://elsewhere.example.org/x">external again</a></body></html>"""


@pytest.fixture
def small_site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    for path, text in {
        "index.html": HOME, "guide/index.html": GUIDE, "guide/page two.html": "<p>two</p>",
        "assets/site.css": "body{}", "assets/app.js": "", "img/a.png": "png",
    }.items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(text, encoding="utf-8")
    return site


def test_every_kind_of_broken_internal_link_is_found(small_site: Path) -> None:
    found = check_site(small_site, "https://help.example.com/")
    assert found.broken == [
        BrokenLink("index.html", "#gone", "no element with id 'gone' in this page"),
        BrokenLink("index.html", "assets/missing.png", "no such file: assets/missing.png"),
        BrokenLink("index.html", "guide/#nope", "no element with id 'nope' in guide/index.html"),
        BrokenLink("index.html", "https://help.example.com/old/", "no such file: old/index.html"),
        BrokenLink("index.html", "img/a@2x.png", "no such file: img/a@2x.png"),
        BrokenLink("index.html", "img/b.webp", "no such file: img/b.webp"),
        BrokenLink("index.html", "js/none.js", "no such file: js/none.js"),
        BrokenLink("index.html", "nowhere/", "no such file: nowhere/index.html"),
    ]
    assert found.external == {"https://elsewhere.example.org/x": ["guide/index.html", "index.html"]}


def test_links_reads_the_site_address_from_the_canonical_link(small_site: Path) -> None:
    result = run("links", str(small_site))
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0].split() == ["PAGE", "LINK", "PROBLEM"]
    assert "index.html  https://help.example.com/old/  no such file: old/index.html" in result.stdout
    assert result.stdout.splitlines()[-1] == "21 internal links in 3 pages: 8 broken."


def test_a_site_served_under_a_path(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "guide").mkdir(parents=True)
    (site / "index.html").write_text('<a href="/help/guide/">ok</a><a href="/other/">outside</a>', encoding="utf-8")
    (site / "guide/index.html").write_text("<p>guide</p>", encoding="utf-8")
    found = check_site(site, "https://example.github.io/help/")
    assert found.broken == [BrokenLink("index.html", "/other/", "outside the site, which is served under /help/")]


# --- external, against a local server ---------------------------------------------------------------------------

class Server(LocalServer):
    """A local HTTP server whose paths behave like the web's many ways to fail."""

    def __init__(self) -> None:
        self.hits: Counter[str] = Counter()
        self.methods: list[tuple[str, str]] = []
        self.active = 0
        self.most_active = 0
        self.lock = threading.Lock()
        super().__init__()

    def answer(self, request: BaseHTTPRequestHandler) -> None:
        path = request.path
        with self.lock:
            self.hits[path] += 1
            self.methods.append((request.command, path))
            hits = self.hits[path]
            self.active += 1
            self.most_active = max(self.most_active, self.active)
        try:
            status, headers = self.route(path, hits, request.command)
        finally:
            with self.lock:
                self.active -= 1
        request.send_response(status)
        for name, value in headers.items():
            request.send_header(name, value)
        request.send_header("Content-Length", "2")
        request.end_headers()
        if request.command == "GET":
            request.wfile.write(b"ok")

    @staticmethod
    def route(path: str, hits: int, method: str) -> tuple[int, dict[str, str]]:
        if path.startswith("/ok") or path == "/redirected":
            return 200, {}
        if path == "/missing":
            return 404, {}
        if path == "/flaky":
            return (503, {}) if hits <= 2 else (200, {})
        if path == "/busy":
            return (429, {"Retry-After": "0"}) if hits == 1 else (200, {})
        if path == "/down":
            return 500, {}
        if path == "/slow":
            time.sleep(1.5)
            return 200, {}
        if path == "/no-head":
            return (405, {}) if method == "HEAD" else (200, {})
        if path == "/moved":
            return 301, {"Location": "/redirected"}
        if path.startswith("/wait/"):
            time.sleep(0.3)
            return 200, {}
        return 404, {}


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[Server]:
    yield from serving(Server, monkeypatch)


FAST = CheckSettings(timeout=0.5, retries=2, concurrency=8, per_host=4, backoff=0.01)


def check(urls: list[str], settings: CheckSettings = FAST, cache: LinkCache | None = None) -> dict[str, LinkResult]:
    return {result.url: result for result in check_external(urls, settings, cache)}


def test_answers_timeouts_and_refusals(server: Server) -> None:
    closed = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    refused = f"http://127.0.0.1:{closed.server_address[1]}/"
    closed.server_close()
    results = check([server.url(p) for p in ("/ok", "/missing", "/slow", "/no-head", "/moved", "/down")] + [refused])
    assert results[server.url("/ok")] == LinkResult(server.url("/ok"), True, 200, "200 OK")
    assert results[server.url("/missing")] == LinkResult(server.url("/missing"), False, 404, "404 Not Found")
    assert results[server.url("/slow")].detail == "timed out after 0.5s"
    assert results[server.url("/no-head")].ok and ("GET", "/no-head") in server.methods
    assert results[server.url("/moved")].detail == f"200 OK (redirected to {server.url('/redirected')})"
    assert results[server.url("/down")] == LinkResult(server.url("/down"), False, 500, "500 Internal Server Error")
    assert server.hits["/down"] == 3, "a 5xx is tried 1 + 2 times"
    assert server.hits["/slow"] == 3, "a timeout is retried too"
    assert not results[refused].ok and results[refused].detail.startswith("cannot connect")
    assert server.hits["/missing"] == 2, "a 404 is asked once with HEAD and once with GET, never retried"


def test_retries_ride_out_a_flaky_or_busy_server(server: Server) -> None:
    results = check([server.url("/flaky"), server.url("/busy")])
    assert results[server.url("/flaky")].ok and server.hits["/flaky"] == 3
    assert results[server.url("/busy")].ok and server.hits["/busy"] == 2
    no_retry = check([server.url("/down")], CheckSettings(timeout=0.5, retries=0, backoff=0.01))
    assert not no_retry[server.url("/down")].ok and server.hits["/down"] == 1


def test_no_more_than_per_host_requests_at_once(server: Server) -> None:
    urls = [server.url(f"/wait/{index}") for index in range(8)]
    assert all(result.ok for result in check(urls, CheckSettings(concurrency=8, per_host=2)).values())
    assert server.most_active == 2
    server.most_active = 0
    check([url + "?again" for url in urls], CheckSettings(concurrency=8, per_host=8))
    assert server.most_active > 2, "without the limit the requests do overlap"


def test_the_cache_makes_a_rerun_ask_only_for_broken_and_expired_links(server: Server, tmp_path: Path) -> None:
    cache_file = tmp_path / "cache/links.json"
    now = [datetime(2026, 1, 1, tzinfo=UTC)]
    urls = [server.url("/ok"), server.url("/missing")]
    check(urls, cache=LinkCache(cache_file, timedelta(hours=24), now=lambda: now[0]))
    assert server.hits == {"/ok": 1, "/missing": 2}
    stored = json.loads(cache_file.read_text(encoding="utf-8"))
    assert list(stored["links"]) == [server.url("/ok")]

    results = check(urls, cache=LinkCache(cache_file, timedelta(hours=24), now=lambda: now[0]))
    assert results[server.url("/ok")].cached and server.hits["/ok"] == 1
    assert server.hits["/missing"] == 4, "broken links are asked again"

    now[0] += timedelta(hours=25)
    results = check(urls, cache=LinkCache(cache_file, timedelta(hours=24), now=lambda: now[0]))
    assert not results[server.url("/ok")].cached and server.hits["/ok"] == 2


def test_a_damaged_cache_file_is_ignored(server: Server, tmp_path: Path) -> None:
    cache_file = tmp_path / "links.json"
    cache_file.write_text("{not json", encoding="utf-8")
    results = check([server.url("/ok")], cache=LinkCache(cache_file, timedelta(hours=1)))
    assert results[server.url("/ok")].ok
    assert json.loads(cache_file.read_text(encoding="utf-8"))["links"]


def write_site_linking_to(site: Path, urls: list[str]) -> None:
    site.mkdir(parents=True, exist_ok=True)
    links = "".join(f'<a href="{url}">x</a>' for url in urls)
    (site / "index.html").write_text(f"<html><body>{links}<a href='mailto:a@b.co'>m</a></body></html>",
                                     encoding="utf-8")
    (site / "other.html").write_text(f'<a href="{urls[0]}">again</a>', encoding="utf-8")


def test_links_external_prints_a_table_shows_progress_and_fails_on_broken(server: Server, tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    site = tmp_path / "site"
    write_site_linking_to(site, [server.url("/ok"), server.url("/missing"), server.url("/ok-skipped")])
    args = ["links", str(site), "--external", "--timeout", "2", "--retries", "0", "--exclude", "skipped"]
    result = run(*args)
    assert result.exit_code == 1
    rows = [line.split() for line in result.stdout.splitlines()]
    assert rows[0] == ["0", "internal", "links", "in", "2", "pages:", "0", "broken."]
    assert ["STATUS", "ADDRESS", "ANSWER", "USED", "ON"] in rows
    assert ["BROKEN", server.url("/missing"), "404", "Not", "Found", "index.html"] in rows
    assert ["ok", server.url("/ok"), "200", "OK", "index.html", "and", "1", "more"] in rows
    assert result.stdout.splitlines()[-1] == "2 external addresses checked: 1 broken, 1 skipped by --exclude."
    assert "Checking external links" in result.stderr
    assert server.hits["/ok-skipped"] == 0
    assert (tmp_path / ".helpcenter-cache/links.json").is_file()

    rerun = run(*args)
    assert ["ok (cached)", server.url("/ok"), "200", "OK", "index.html", "and", "1", "more"] in [
        [line[:11].strip(), *line[11:].split()] for line in rerun.stdout.splitlines()
    ]
    assert server.hits["/ok"] == 1


def test_links_external_passes_when_every_address_answers(server: Server, tmp_path: Path) -> None:
    site = tmp_path / "site"
    write_site_linking_to(site, [server.url("/ok"), server.url("/flaky")])
    result = run("links", str(site), "--external", "--no-cache", "--retries", "3")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1] == "2 external addresses checked: 0 broken."
    assert not (tmp_path / ".helpcenter-cache").exists()
