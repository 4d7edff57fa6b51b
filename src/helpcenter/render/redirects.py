"""Redirects from old addresses (`redirect_from`): an HTML page at each old path and a `_redirects` file.

The HTML pages work on any static host (GitHub Pages included): a meta refresh, a canonical link to
the new address for search engines, and a visible link. Hosts that read `_redirects` (Netlify,
Cloudflare Pages) answer the old addresses with a real 301 instead.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from helpcenter.model import HelpCenter
from helpcenter.render.addresses import href_between, page_path

REDIRECTS_FILE = "_redirects"
NOT_FOUND_PAGE = "404.html"


@dataclass(frozen=True, order=True)
class Redirect:
    old: str
    """The old site path without the leading '/', such as 'account/old-question/'."""
    new: str
    """The new site path, as the page is built: 'account/new-question/', or 'account/new-question.html'."""
    title: str
    """The title of the page it leads to."""

    @property
    def page_uri(self) -> str:
        """Where the redirect page is written in the built site."""
        return self.old + "index.html"


def redirects(help_center: HelpCenter, use_directory_urls: bool = True) -> list[Redirect]:
    """Every old address of the help center's pages, each to the page as it is built ('account/x.html' without
    directory addresses)."""
    found = [
        Redirect(old, page_path(category.src_uri, use_directory_urls), category.title)
        for category in help_center.categories for old in category.redirect_from
    ]
    found += [Redirect(old, page_path(entry.src_uri, use_directory_urls), entry.title)
              for entry in help_center.entries for old in entry.redirect_from]
    return sorted(found)


def redirect_page(redirect: Redirect, site_url: str | None, language: str = "en") -> str:
    """The HTML page left at the old address."""
    relative = href_between(redirect.old, redirect.new)
    target = html.escape(relative, quote=True)
    canonical = html.escape(urljoin(site_url, redirect.new) if site_url else relative, quote=True)
    title = html.escape(redirect.title)
    return (
        "<!doctype html>\n"
        f'<html lang="{html.escape(language, quote=True)}">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        f"<title>Moved: {title}</title>\n"
        f'<link rel="canonical" href="{canonical}">\n'
        '<meta name="robots" content="noindex">\n'
        f'<meta http-equiv="refresh" content="0; url={target}">\n'
        "</head>\n"
        "<body>\n"
        f'<p>This page has moved to <a href="{target}">{title}</a>.</p>\n'
        "</body>\n"
        "</html>\n"
    )


def redirects_file(found: list[Redirect], site_url: str | None, languages: Sequence[str] = ()) -> str:
    """`_redirects` in the Netlify / Cloudflare Pages format: `/old/ /new/ 301`, one per line.

    An old address that ends in a number, as imported help centers' articles do
    (`hc/en-us/articles/360001234567/`), also gets a rule for every address that goes on with '-' and
    a slug: the old site answered those too, whatever the slug's spelling. Each of `languages` (those
    with a folder) ends with a rule that answers a missing address in its folder with its own 404
    page (`/de/* /de/404.html 404`); a host applies it only where no file exists.
    """
    prefix = (urlsplit(site_url).path if site_url else "/").rstrip("/") + "/"
    lines = ["# Old addresses and where they moved (generated from redirect_from; do not edit)."]
    lines += [f"{prefix}{redirect.old} {prefix}{redirect.new} 301" for redirect in found]
    lines += [f"{prefix}{redirect.old.rstrip('/')}-* {prefix}{redirect.new} 301"
              for redirect in found if _NUMBERED.fullmatch(redirect.old)]
    lines += [f"{prefix}{language}/* {prefix}{language}/{NOT_FOUND_PAGE} 404" for language in languages]
    return "\n".join(lines) + "\n"


_NUMBERED = re.compile(r"(?:[a-z0-9_-]+/)+[0-9]+/")
