"""An outside check of a site built in three languages: every page read with an HTML parser, every
`hreflang` group reciprocal with an `x-default`, and the sitemap's alternates the same as the pages'."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from html.parser import HTMLParser
from pathlib import Path

import pytest

from a11y_support import nu_errors
from conftest import copy_translated_project, run_build

ROOT = "https://help.example.com/"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


class HeadLinks(HTMLParser):
    """A page's `<html lang>`, canonical link and language links, as a browser or a crawler reads them."""

    def __init__(self) -> None:
        super().__init__()
        self.lang = ""
        self.canonical = ""
        self.alternates: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        rel = values.get("rel", "").split()  # HTML's rel is a set of space-separated tokens
        if tag == "html":
            self.lang = values.get("lang", "")
        elif tag == "link" and "canonical" in rel:
            self.canonical = values["href"]
        elif tag == "link" and "alternate" in rel and "hreflang" in values:
            assert values["hreflang"] not in self.alternates, "one link per language"
            self.alternates[values["hreflang"]] = values["href"]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_translated_project(tmp_path_factory.mktemp("language-links") / "project")
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture(scope="module")
def pages(site: Path) -> dict[str, HeadLinks]:
    """Every page with a canonical address (redirect pages and the 404 page have none of their own), by it."""
    found = {}
    for path in site.rglob("*.html"):
        parser = HeadLinks()
        parser.feed(path.read_text(encoding="utf-8"))
        if parser.canonical and "noindex" not in path.read_text(encoding="utf-8"):
            found[parser.canonical] = parser
    return found


def test_every_hreflang_group_is_reciprocal_with_an_x_default(pages: dict[str, HeadLinks]) -> None:
    grouped = [address for address, page in pages.items() if page.alternates]
    # the home page, 2 categories, 2 entries and the contact page in en and in de; 1 of each but contact in he
    assert len(grouped) == 15
    for address in grouped:
        group = pages[address].alternates
        assert "x-default" in group and group["x-default"] in pages
        assert group[pages[address].lang] == address  # a page names itself
        for language, other in group.items():
            assert other in pages, f"{address} names {other}, which is not published"
            assert pages[other].alternates == group, f"{other} does not name the same versions as {address}"
            if language != "x-default":
                assert pages[other].lang == language


def test_the_sitemap_lists_every_page_with_the_same_alternates(site: Path, pages: dict[str, HeadLinks]) -> None:
    sitemap = ElementTree.parse(site / "sitemap.xml").getroot()
    listed = {}
    for url in sitemap.iter(f"{SITEMAP}url"):
        loc = url.findtext(f"{SITEMAP}loc")
        assert loc is not None
        listed[loc] = {link.get("hreflang"): link.get("href") for link in url.iter(f"{XHTML}link")}
        assert all(link.get("rel") == "alternate" for link in url.iter(f"{XHTML}link"))
    assert set(listed) == set(pages)
    for address, page in pages.items():
        assert listed[address] == page.alternates, address


def test_the_nu_html_checker_finds_no_errors_in_any_language(site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    assert any(page.is_relative_to(site / "he") for page in pages)
    errors = nu_errors(pages)
    assert errors == [], "\n".join(f"{error.get('url', '')}:{error.get('lastLine')}: {error['message']}"
                                   for error in errors)
