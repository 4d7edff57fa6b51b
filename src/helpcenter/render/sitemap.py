"""The sitemap: every page's address, dated by its content, so two builds of the same content are identical.

MkDocs dates every page of its sitemap with the day of the build and stamps the compressed copy
with the build time; search engines would see every page change every day, and no two builds
would match. Here an entry's date is the day it was reviewed, a category's the newest review in
it, the home page's the newest of all; a hand-written page gives its own `reviewed:` date in its
front matter, or none.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from xml.sax.saxutils import escape

from helpcenter.model import HelpCenter


@dataclass(frozen=True)
class SitemapUrl:
    loc: str
    lastmod: date | None = None
    alternates: tuple[tuple[str, str], ...] = ()
    """The page's language versions, itself among them, as (hreflang, address) pairs; none in one language."""


def content_dates(help_center: HelpCenter) -> dict[str, date]:
    """The date each generated page's content last changed, by the page's source path."""
    dates = {entry.src_uri: entry.reviewed for entry in help_center.entries}
    for category in help_center.categories:
        entries = help_center.entries_in(category.id)
        if entries:
            dates[category.src_uri] = max(entry.reviewed for entry in entries)
    if help_center.entries:
        dates[help_center.home_uri] = max(entry.reviewed for entry in help_center.entries)
    return dates


def page_date(meta: Mapping[str, object]) -> date | None:
    """A hand-written page's `reviewed:` date from its front matter (YAML reads it as a date or text)."""
    value = meta.get("reviewed")
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def sitemap_xml(urls: Iterable[SitemapUrl]) -> str:
    """The sitemap; a page's language versions as `xhtml:link` alternates, each version listed with its own."""
    urls = sorted(urls, key=lambda url: url.loc)
    namespaces = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
    if any(url.alternates for url in urls):
        namespaces += ' xmlns:xhtml="http://www.w3.org/1999/xhtml"'
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', f"<urlset {namespaces}>"]
    for url in urls:
        lastmod = f"<lastmod>{url.lastmod.isoformat()}</lastmod>" if url.lastmod else ""
        links = "".join(
            f'<xhtml:link rel="alternate" hreflang="{escape(language)}" href="{escape(href, {chr(34): "&quot;"})}"/>'
            for language, href in url.alternates
        )
        lines.append(f"  <url><loc>{escape(url.loc)}</loc>{lastmod}{links}</url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def sitemap_gzip(xml: str) -> bytes:
    """The compressed sitemap, with no time or file name in its header."""
    return gzip.compress(xml.encode("utf-8"), compresslevel=9, mtime=0)
