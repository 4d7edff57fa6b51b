"""Checking a built site: every internal link, #anchor, image and asset resolves to a file in the site.

Pages are read with the standard library's HTML parser, each once. Links to the site's own address
(`site_url`, as in canonical links) count as internal. External http(s) addresses are collected,
with the pages that use them, for `external_links.py`.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from helpcenter.checks.text_table import format_table

_LOCAL_HOST = "http://site.invalid"
_SKIPPED_SCHEMES = ("mailto:", "tel:", "javascript:", "data:", "blob:", "about:")
_HINT_ONLY_RELS = {"preconnect", "dns-prefetch"}
# "Edit this page" and "View source" lead into the repository, which may be private.
_REPOSITORY_RELS = {"edit"}


@dataclass(frozen=True, order=True)
class BrokenLink:
    page: str
    """The page that has the link, relative to the site folder (`account/x/index.html`)."""
    url: str
    """The link as written in the page."""
    reason: str


@dataclass
class SiteLinks:
    """What one pass over the built site found."""

    pages: int = 0
    internal: int = 0
    """Internal links, images and assets checked (each occurrence)."""
    broken: list[BrokenLink] = field(default_factory=list)
    external: dict[str, list[str]] = field(default_factory=dict)
    """External address (without #fragment) to the pages that use it."""

    def report(self) -> str:
        """The broken links as a table, then the count."""
        table = format_table(["PAGE", "LINK", "PROBLEM"], [(b.page, b.url, b.reason) for b in self.broken])
        count = (f"{self.internal} internal link{'s' if self.internal != 1 else ''} in {self.pages} "
                 f"page{'s' if self.pages != 1 else ''}: {len(self.broken)} broken.")
        return (table + "\n" if self.broken else "") + count


@dataclass
class _Page:
    ids: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)


class _LinkCollector(HTMLParser):
    """The ids a page defines and the addresses it refers to."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = _Page()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value for name, value in attrs if value is not None}
        if "id" in values:
            self.page.ids.add(values["id"])
        if tag == "a" and "name" in values:
            self.page.ids.add(values["name"])
        rels = set(values.get("rel", "").lower().split())
        if (tag in ("a", "area") and "href" in values and not rels & _REPOSITORY_RELS) or (
            tag == "link" and "href" in values and not rels & _HINT_ONLY_RELS
        ):
            self.page.links.append(values["href"])
        elif (
            tag in ("img", "script", "source", "iframe", "embed", "audio", "video", "track", "input")
            and "src" in values
            and (tag != "input" or values.get("type") == "image")
        ):
            self.page.links.append(values["src"])
        if "srcset" in values and tag in ("img", "source"):
            self.page.links.extend(_srcset_urls(values["srcset"]))
        if tag == "video" and "poster" in values:
            self.page.links.append(values["poster"])
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            target = _refresh_target(values.get("content", ""))
            if target:
                self.page.links.append(target)


def check_site(site_dir: Path, site_url: str | None = None) -> SiteLinks:
    """Every link of every HTML page under `site_dir`; `site_url` is the site's own address, if any."""
    prefix = (urlsplit(site_url).path if site_url else "").rstrip("/") + "/"
    own_address = site_url.rstrip("/") + "/" if site_url else None
    pages: dict[str, _Page] = {}
    for html_file in sorted(site_dir.rglob("*.html")):
        collector = _LinkCollector()
        collector.feed(html_file.read_text(encoding="utf-8", errors="replace"))
        collector.close()
        pages[html_file.relative_to(site_dir).as_posix()] = collector.page
    result = SiteLinks(pages=len(pages))
    for page_path, page in pages.items():
        base = f"{_LOCAL_HOST}{prefix}{page_path}"
        for link in page.links:
            url = link.strip()
            if not url or url.lower().startswith(_SKIPPED_SCHEMES):
                continue
            if own_address and url.startswith(own_address):
                url = prefix + url[len(own_address):]
            absolute = urljoin(base, url)
            parts = urlsplit(absolute)
            if parts.scheme not in ("http", "https"):
                continue
            if f"{parts.scheme}://{parts.netloc}" != _LOCAL_HOST:
                result.external.setdefault(absolute.split("#", 1)[0], []).append(page_path)
                continue
            result.internal += 1
            reason = _internal_problem(site_dir, pages, prefix, parts.path, parts.fragment, page_path)
            if reason:
                result.broken.append(BrokenLink(page_path, link, reason))
    result.broken.sort()
    return result


def _internal_problem(
    site_dir: Path, pages: dict[str, _Page], prefix: str, path: str, fragment: str, page_path: str
) -> str:
    """Why an internal address does not resolve, or '' when it does."""
    path = unquote(path)
    if not path.startswith(prefix):
        return f"outside the site, which is served under {prefix}"
    relative = posixpath.normpath(path[len(prefix):]) if path != prefix else "."
    if relative.startswith(".."):
        return "outside the site folder"
    target = site_dir / relative
    if path.endswith("/") or target.is_dir():
        target = target / "index.html"
    target_path = target.relative_to(site_dir).as_posix()
    if not target.is_file():
        return f"no such file: {target_path}"
    fragment = unquote(fragment)
    target_page = pages.get(target_path)
    if fragment and target_page is not None and fragment not in target_page.ids:
        return f"no element with id '{fragment}' in {'this page' if target_path == page_path else target_path}"
    return ""


def _srcset_urls(srcset: str) -> list[str]:
    return [candidate.split()[0] for candidate in srcset.split(",") if candidate.strip()]


def _refresh_target(content: str) -> str:
    _, separator, rest = content.partition(";")
    if not separator:
        return ""
    rest = rest.strip()
    if rest.lower().startswith("url="):
        return rest[4:].strip().strip("'\"")
    return ""


class _CanonicalFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.href: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "link" and "canonical" in (values.get("rel") or "").split() and self.href is None:
            self.href = values.get("href")


def site_url_of(site_dir: Path) -> str | None:
    """The site's own address, read from the home page's canonical link (MkDocs writes `site_url` there, with
    `index.html` after it when the site does not use directory addresses)."""
    home = site_dir / "index.html"
    if not home.is_file():
        return None
    finder = _CanonicalFinder()
    finder.feed(home.read_text(encoding="utf-8", errors="replace"))
    href = (finder.href or "").removesuffix("index.html")
    return href if urlsplit(href).scheme in ("http", "https") else None
