"""The addresses the content cannot take: the hand-written pages under docs/ and the site's own folders."""

from __future__ import annotations

from pathlib import Path

from helpcenter.load.languages import language_problem

SKIPPED_PAGES = frozenset({"404.md"})
"""Pages under docs/ that have no address of their own."""
SITE_FOLDERS = {
    "assets/": "the site's pictures, stylesheets and scripts (docs/assets/)",
    "search/": "the site's search index",
}
"""Folders at the site's root that the theme and the build fill: no category or old address may be one."""


def page_translation_name(relative: str) -> tuple[str, str] | None:
    """The page and the language of a page translation under docs/ ('contact.de.md' is ('contact', 'de'),
    'guides/setup.pt-BR.md' ('guides/setup', 'pt-BR')): a page's name, a dot and a language code before `.md`;
    None for any other name."""
    page, dot, language = relative.removesuffix(".md").rpartition(".")
    if not dot or not page or page.endswith("/") or language_problem(language) is not None:
        return None
    return page, language


def hand_written_pages(docs_dir: Path) -> list[Path]:
    """The Markdown files under docs/ that MkDocs would publish, page translations among them, by path."""
    if not docs_dir.is_dir():
        return []
    return [
        page for page in sorted(docs_dir.rglob("*.md"))
        if not any(part.startswith(".") for part in page.relative_to(docs_dir).parts)
        and page.relative_to(docs_dir).as_posix() not in SKIPPED_PAGES
    ]


def handwritten_urls(docs_dir: Path) -> dict[str, str]:
    """The addresses of the Markdown pages under docs/ ('/contact/'), as MkDocs publishes them with
    directory URLs, and the page each comes from ('docs/contact.md'); not the page translations
    ('docs/contact.de.md'), which are published in their language's folder."""
    urls: dict[str, str] = {}
    for page in hand_written_pages(docs_dir):
        relative = page.relative_to(docs_dir)
        if page_translation_name(relative.as_posix()) is not None:
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
