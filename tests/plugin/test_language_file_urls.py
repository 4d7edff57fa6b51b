"""A site in three languages built with `use_directory_urls: false` (pages as `account/log-in.html`): built
strictly, every link a page, the sitemap, the search index or a redirect names leads to a file of the site,
never to a folder that a server would have to complete with its index.html."""

from __future__ import annotations

import json
import posixpath
import re
import xml.etree.ElementTree as ElementTree
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import copy_translated_project, run_build
from helpcenter.checks.site_links import site_url_of

ROOT = "https://help.example.com/"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


class Links(HTMLParser):
    """Every address a page names, by kind: `hreflang`, `canonical`, `switcher` or `other`."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        rel = values.get("rel", "").split()
        classes = values.get("class", "").split()
        if tag == "link" and "canonical" in rel:
            self.found.append(("canonical", values["href"]))
        elif tag == "link" and "hreflang" in values:
            self.found.append(("hreflang", values["href"]))
        elif tag == "a" and "md-select__link" in classes:
            self.found.append(("switcher", values["href"]))
        elif tag in ("a", "link") and "href" in values:
            self.found.append(("other", values["href"]))
        elif tag == "form" and "action" in values:
            self.found.append(("other", values["action"]))


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_translated_project(tmp_path_factory.mktemp("language-file-urls") / "project")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "use_directory_urls: false\n", encoding="utf-8")
    source = project / "faq_data" / "entries" / "account" / "change-password.yml"
    source.write_text(source.read_text(encoding="utf-8").replace(
        "\nowner:", "\nredirect_from: [account/password/]\nowner:", 1), encoding="utf-8")
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


def target(site: Path, page: str, href: str) -> Path | None:
    """The file `href` names from the page at `page` (relative to the site), or None for an address
    elsewhere (another site, mailto:, a link to the same page)."""
    parts = urlsplit(href)
    if href.startswith(ROOT):
        path = parts.path
    elif parts.scheme or parts.netloc or not parts.path:
        return None
    elif parts.path.startswith("/"):
        path = parts.path
    else:
        path = posixpath.join(posixpath.dirname(page), parts.path)
    return site / posixpath.normpath(path.lstrip("/") or ".")


def test_every_page_s_language_links_lead_to_html_files(site: Path) -> None:
    kinds: dict[str, int] = {}
    for path in sorted(site.rglob("*.html")):
        page = path.relative_to(site).as_posix()
        parser = Links()
        parser.feed(path.read_text(encoding="utf-8"))
        for kind, href in parser.found:
            file = target(site, page, href)
            if file is None:
                continue
            kinds[kind] = kinds.get(kind, 0) + 1
            assert file.is_file(), f"{page}: {kind} link {href} names no file"
            if kind != "other":
                assert file.suffix == ".html", f"{page}: {kind} link {href}"
    assert (site / "de" / "account" / "change-password.html").is_file() and (site / "de" / "contact.html").is_file()
    # 15 pages in groups: home, account, change-password in 3 languages + x-default; two-factor, reset-2fa and
    # contact in 2
    assert kinds["hreflang"] == 3 * 3 * 4 + 3 * 2 * 3 and kinds["switcher"] > 0 and kinds["canonical"] > 0


def test_the_sitemap_names_html_files(site: Path) -> None:
    sitemap = ElementTree.parse(site / "sitemap.xml").getroot()
    addresses = [url.findtext(f"{SITEMAP}loc") or "" for url in sitemap.iter(f"{SITEMAP}url")]
    addresses += [link.get("href") or "" for link in sitemap.iter(f"{XHTML}link")]
    assert f"{ROOT}de/account/change-password.html" in addresses
    for address in addresses:
        assert address.startswith(ROOT)
        file = site / address.removeprefix(ROOT)
        assert file.is_file() and file.suffix == ".html", address


def test_search_results_lead_to_html_files(site: Path) -> None:
    for language in ("en", "de", "he"):
        chunks = sorted((site / "search" / language).glob("entries-*.json"))
        results = [entry[0] for chunk in chunks for entry in json.loads(chunk.read_text(encoding="utf-8"))]
        assert results
        for address in results:
            assert (site / address).is_file() and address.endswith(".html"), address


def test_old_addresses_lead_to_html_files(site: Path) -> None:
    german = (site / "de" / "account" / "password" / "index.html").read_text(encoding="utf-8")
    found = re.search(r'url=([^"]+)"', german)
    assert found is not None and found.group(1) == "../change-password.html"
    rules = (site / "_redirects").read_text(encoding="utf-8").splitlines()
    assert "/de/account/password/ /de/account/change-password.html 301" in rules
    assert "/account/password/ /account/change-password.html 301" in rules


def test_the_link_check_finds_the_site_s_address_behind_index_html(site: Path) -> None:
    assert site_url_of(site) == ROOT
