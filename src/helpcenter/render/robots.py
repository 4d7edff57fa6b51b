"""robots.txt: every page may be crawled, and the sitemap is announced at its absolute address."""

from __future__ import annotations

ROBOTS_URI = "robots.txt"
SITEMAP_PATH = "sitemap.xml"


def robots_txt(site_url: str | None) -> str:
    """The file's text; without a site address the sitemap cannot be named (it must be absolute)."""
    lines = ["User-agent: *", "Allow: /"]
    if site_url:
        root = site_url if site_url.endswith("/") else site_url + "/"
        lines += ["", f"Sitemap: {root}{SITEMAP_PATH}"]
    return "\n".join(lines) + "\n"
