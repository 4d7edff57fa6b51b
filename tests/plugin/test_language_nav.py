"""Material's tabs and nav drawer in a site in three languages: on every kind of page of a language (home,
category, entry, hand-written page, 404 page) they lead to that language's home page and page translations,
titled in that language, keep a hand-written page without a translation at its own address, and mark the
page's own tab; with `use_directory_urls` on and off."""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from conftest import copy_translated_project, run_build

PRIVACY = ("---\ntitle: Privacy\n---\n\n<!-- example value: the company's own policy goes here -->\n\n# Privacy\n\n"
           "We keep your questions private.\n")

# Per language: the tabs' titles, and the pages they lead to (by source).
EXPECTED = {
    "en": (["How can we help?", "Contact us", "Privacy"], ["index.md", "contact.md", "privacy.md"]),
    "de": (["Wie können wir helfen?", "Kontakt", "Privacy"], ["de/index.md", "de/contact.md", "privacy.md"]),
    # No Hebrew settings or contact page in the fixture: the home title is the source's, the contact page English.
    "he": (["How can we help?", "Contact us", "Privacy"], ["he/index.md", "contact.md", "privacy.md"]),
}
# Per language: each kind of page by source, and the tab it marks active (None: no tab).
PAGES = {
    "en": {"index.md": 0, "account/index.md": None, "account/change-password.md": None, "contact.md": 1,
           "privacy.md": 2, "404.html": None},
    "de": {"de/index.md": 0, "de/account/index.md": None, "de/account/change-password.md": None,
           "de/contact.md": 1, "de/404.html": None},
    "he": {"he/index.md": 0, "he/account/index.md": None, "he/account/change-password.md": None,
           "he/404.html": None},
}


def built_file(src_uri: str, directory_urls: bool) -> str:
    """The file a page's source is built into."""
    if src_uri.endswith(".html"):
        return src_uri
    stem = src_uri.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem + ".html"
    return f"{stem}/index.html" if directory_urls else f"{stem}.html"


def build(tmp_path_factory: pytest.TempPathFactory, directory_urls: bool) -> Path:
    project = copy_translated_project(tmp_path_factory.mktemp("language-nav") / "project")
    (project / "docs" / "privacy.md").write_text(PRIVACY, encoding="utf-8")
    if not directory_urls:
        config = project / "mkdocs.yml"
        config.write_text(config.read_text(encoding="utf-8") + "use_directory_urls: false\n", encoding="utf-8")
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture(scope="module", params=[True, False], ids=["directory-urls", "file-urls"])
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bool]:
    return build(tmp_path_factory, request.param), request.param


def resolve(site: Path, page_file: str, href: str) -> str:
    """The file of the site an address on `page_file` leads to, relative to the site folder."""
    path = urlsplit(href).path
    target = path.lstrip("/") if path.startswith("/") else posixpath.join(posixpath.dirname(page_file), path)
    target = posixpath.normpath(target) if target.strip("./") else ""
    if target in ("", ".") or (site / target).is_dir():
        target = posixpath.join(target, "index.html") if target not in ("", ".") else "index.html"
    assert (site / target).is_file(), f"{href} on {page_file} leads to no file ({target})"
    return target


def links(html: str, selector: str) -> list[tuple[str, str, bool]]:
    """Each link's title, address and whether it is marked active."""
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for link in soup.select(selector):
        item = link.find_parent("li")
        active = item is not None and any(name.endswith("__item--active") for name in item.get("class", []))
        found.append((" ".join(link.get_text().split()), str(link["href"]), active))
    return found


@pytest.mark.parametrize("language", ["en", "de", "he"])
def test_tabs_and_drawer_speak_the_page_s_language(built: tuple[Path, bool], language: str) -> None:
    site, directory_urls = built
    titles, sources = EXPECTED[language]
    expected_files = [built_file(src_uri, directory_urls) for src_uri in sources]
    for src_uri, active_tab in PAGES[language].items():
        page_file = built_file(src_uri, directory_urls)
        html = (site / page_file).read_text(encoding="utf-8")
        for selector in ("nav.md-tabs a.md-tabs__link", "nav.md-nav--primary > ul > li > a.md-nav__link"):
            found = links(html, selector)
            assert [title for title, _, _ in found] == titles, (page_file, selector)
            assert [resolve(site, page_file, href) for _, href, _ in found] == expected_files, (page_file, selector)
        tabs = links(html, "nav.md-tabs a.md-tabs__link")
        assert [index for index, (_, _, active) in enumerate(tabs) if active] == (
            [] if active_tab is None else [active_tab]), page_file
        logo = BeautifulSoup(html, "html.parser").select_one("nav.md-nav--primary a.md-logo")
        assert logo is not None
        assert resolve(site, page_file, str(logo["href"])) == expected_files[0], page_file


def test_a_page_s_example_value_mark_is_not_published(built: tuple[Path, bool]) -> None:
    site, directory_urls = built
    html = (site / built_file("privacy.md", directory_urls)).read_text(encoding="utf-8")
    assert "We keep your questions private." in html
    assert "example value" not in html and "the company's own policy" not in html
