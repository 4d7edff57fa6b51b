"""The addresses the content cannot take: the hand-written pages under docs/ and the site's own folders."""

from __future__ import annotations

from pathlib import Path

SKIPPED_PAGES = frozenset({"404.md"})
"""Pages under docs/ that have no address of their own."""
SITE_FOLDERS = {
    "assets/": "the site's pictures, stylesheets and scripts (docs/assets/)",
    "search/": "the site's search index",
}
"""Folders at the site's root that the theme and the build fill: no category or old address may be one."""


def handwritten_urls(docs_dir: Path) -> dict[str, str]:
    """The addresses of the Markdown pages under docs/ ('/contact/'), as MkDocs publishes them with
    directory URLs, and the page each comes from ('docs/contact.md')."""
    urls: dict[str, str] = {}
    if not docs_dir.is_dir():
        return urls
    for page in sorted(docs_dir.rglob("*.md")):
        relative = page.relative_to(docs_dir)
        if any(part.startswith(".") for part in relative.parts) or relative.as_posix() in SKIPPED_PAGES:
            continue
        folder = relative.parent.as_posix()
        prefix = "/" if folder == "." else f"/{folder}/"
        url = prefix if relative.stem in ("index", "README") else f"{prefix}{relative.stem}/"
        urls[url] = f"{docs_dir.name}/{relative.as_posix()}"
    return urls


def page_names(docs_dir: Path) -> set[str]:
    """The names a link `[text](page:NAME)` may give: each page's path under docs/ without `.md`."""
    return {page.removeprefix(f"{docs_dir.name}/").removesuffix(".md") for page in handwritten_urls(docs_dir).values()}


def is_site_file(docs_dir: Path, path: str) -> bool:
    """Whether `path` (such as 'assets/pictures/login.png') is a file under docs/, inside it."""
    target = docs_dir / path
    return ".." not in Path(path).parts and target.is_file() and target.resolve().is_relative_to(docs_dir.resolve())


def taken_addresses(docs_dir: Path | None) -> dict[str, str]:
    """Site paths without the leading '/' ('contact/') that a page of the content may not have, and
    what has them."""
    taken = {} if docs_dir is None else {
        url.lstrip("/"): f"the hand-written page {page}" for url, page in handwritten_urls(docs_dir).items()
    }
    taken.pop("", None)  # docs/index.md is refused by the build: the home page is generated
    return taken


def site_folder(path: str) -> str | None:
    """What fills the site folder `path` starts with, if it is one of the site's own."""
    for folder, what in SITE_FOLDERS.items():
        if path == folder or path.startswith(folder):
            return what
    return None
