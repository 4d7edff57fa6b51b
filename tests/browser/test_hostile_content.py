"""A site built from content with a cross-site-scripting payload in every text field is safe.

Plain-text fields must come out as exactly the text written; answers keep only the markup the
content rules allow; and a real browser that opens every page (and searches) sees no dialog, no
script call, and no request outside the site.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from browser_support import Watch, chromium, serve_directory, trapped_calls
from conftest import copy_project, run_build, without_ledger
from helpcenter.load.help_center import load_help_center
from helpcenter.model import HelpCenter
from hostile_content import write_hostile_content

# Every test here is `browser` (tests/conftest.py marks tests/browser/), also those without Chromium:
# the browser tests share the hostile build.
pytestmark = pytest.mark.browser

URL_ATTRIBUTES = ("href", "src", "action", "formaction", "data", "poster", "background", "xlink:href", "srcset")
SCRIPT_SCHEMES = ("javascript:", "vbscript:", "data:")

# Run in the browser: what on the page could run a script, now or when the customer interacts.
THEME_FORMS = {"hc-not-found-search", "md-feedback"}
"""Classes of the forms the theme itself puts in the content (the 404 search, "Was this helpful?")."""
DOM_FINDINGS = """
() => {
  const found = [];
  const urlAttributes = %s;
  for (const element of document.querySelectorAll("*")) {
    for (const attribute of element.attributes) {
      const name = attribute.name.toLowerCase();
      if (name.startsWith("on") || name === "srcdoc") found.push(element.tagName + " " + name);
      const value = attribute.value.replace(/[\\t\\n\\r]/g, "").trim().toLowerCase();
      if (urlAttributes.includes(name) && /^(javascript|vbscript|data):/.test(value)) {
        found.push(element.tagName + " " + name + "=" + attribute.value);
      }
    }
  }
  const content = ".md-content ";
  // The theme's own forms in the content: the 404 page's search and "Was this helpful?".
  const dangerous = ["script", "iframe", "object", "embed", "style",
                     "form:not(.hc-not-found-search):not(.md-feedback)", "base", "svg script", "meta", "link"];
  for (const element of document.querySelectorAll(dangerous.map((tag) => content + tag).join(", "))) {
    if (element.type !== "application/ld+json") found.push(element.outerHTML.slice(0, 80));
  }
  for (const element of document.querySelectorAll("base, meta[http-equiv=refresh i], iframe, object, embed")) {
    found.push(element.outerHTML.slice(0, 80));
  }
  return found;
}
""" % json.dumps(list(URL_ATTRIBUTES))  # noqa: UP031 - an f-string would double every brace of the script


def words(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, HelpCenter]:
    project = without_ledger(copy_project(tmp_path_factory.mktemp("hostile") / "project"))
    write_hostile_content(project)
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    return project / "site", load_help_center(project / "faq_data", project)


def soup_of(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "lxml")


def test_plain_text_fields_are_shown_exactly_as_written(hostile: tuple[Path, HelpCenter]) -> None:
    site, help_center = hostile
    home = soup_of(site, "")
    assert words(home.select_one("article h1").get_text()) == words(help_center.settings.home_title)
    assert words(home.title.get_text()).startswith(words(help_center.settings.home_title))
    nav = [words(a.get_text()) for a in home.select("nav.md-nav--primary > ul > li > a.md-nav__link")]
    assert nav[0] == words(help_center.settings.home_title)
    cards = [words(a.get_text()) for a in home.select(".hc-categories a")]
    assert cards == [words(category.title) for category in help_center.categories]
    for category in help_center.categories:
        soup = soup_of(site, category.url)
        assert words(soup.select_one("article h1").get_text()) == words(category.title)
        assert soup.find("meta", attrs={"name": "description"})["content"] == words(category.description)
        assert words(category.description) in words(soup.select_one("article").get_text())
    for entry in help_center.entries:
        soup = soup_of(site, entry.url)
        article = soup.select_one("article")
        assert words(article.h1.get_text()) == words(entry.title), entry.id
        breadcrumbs = [words(a.get_text()) for a in soup.select(".hc-breadcrumbs a")]
        assert breadcrumbs == [
            words(help_center.settings.home_title), words(help_center.category(entry.category).title)
        ], entry.id
        assert soup.find("meta", attrs={"name": "description"})["content"] == words(entry.summary)
        assert words(soup.title.get_text()).startswith(words(entry.title))
        assert entry.video is not None
        assert words(article.select_one(".hc-video__title").get_text()) == words(entry.video.title)
        assert article.select_one(".hc-video__link")["aria-label"] == f"Play video: {entry.video.title}"
        also_asked = words(article.select_one(".hc-also-asked").get_text())
        for phrase in entry.also_asked:
            assert f"“{words(phrase)}”" in also_asked
        assert help_center.settings.contact.hours is not None
        assert words(help_center.settings.contact.hours) in words(article.select_one(".hc-contact").get_text())


def test_search_index_holds_the_texts_as_html_text(hostile: tuple[Path, HelpCenter]) -> None:
    site, help_center = hostile
    details = [item for chunk in sorted((site / "search" / "en").glob("entries-*.json"))
               for item in json.loads(chunk.read_text(encoding="utf-8"))]
    shown = {url: (title, summary) for url, title, summary in details}
    for entry in help_center.entries:
        title, summary = shown[entry.url]
        assert words(html.unescape(title)) == words(entry.title)
        assert words(html.unescape(summary)) == words(entry.summary)
        assert "<" not in title + summary


def test_no_page_holds_a_handler_a_script_address_or_foreign_markup(hostile: tuple[Path, HelpCenter]) -> None:
    site, _ = hostile
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 15
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
        for element in soup.find_all(True):
            for name, value in element.attrs.items():
                assert not name.lower().startswith("on"), (page, element.name, name)
                if name.lower() in URL_ATTRIBUTES:
                    cleaned = "".join(str(value).split()).lower()
                    assert not cleaned.startswith(SCRIPT_SCHEMES), (page, element.name, value)
        content = soup.select_one(".md-content")
        assert content is not None
        for tag in ("script", "iframe", "object", "embed", "style", "form", "base", "meta", "link", "svg script"):
            found = [
                element for element in content.select(tag)
                if element.get("type") != "application/ld+json"
                and not (element.name == "form" and THEME_FORMS & set(element.get("class", [])))
            ]
            assert not found, (page, tag, found[:1])
        for script in soup.find_all("script"):
            if script.get("src"):
                src = script["src"]
                assert "assets/javascripts/" in src and "//" not in src, (page, src)
        for block in soup.select('script[type="application/ld+json"]'):
            json.loads(block.string or "")


@pytest.mark.browser
def test_a_browser_opening_every_page_runs_no_payload(hostile: tuple[Path, HelpCenter]) -> None:
    site, _ = hostile
    pages = sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html"))
    with serve_directory(site) as base, chromium() as browser:
        context = browser.new_context()
        page = context.new_page()
        watch = Watch(base.rstrip("/"))
        watch.attach(page)
        for path in pages:
            page.goto(base + path, wait_until="load")
            page.wait_for_timeout(50)
            assert page.evaluate(DOM_FINDINGS) == [], path
            assert trapped_calls(page) == [], path
            for text in page.eval_on_selector_all(
                'script[type="application/ld+json"]', "blocks => blocks.map(b => b.textContent)"
            ):
                json.loads(text)
        context.close()
    assert watch.dialogs == []
    assert watch.foreign_requests == []
    assert watch.failed_requests == []
    assert watch.page_errors == []


@pytest.mark.browser
def test_searching_for_the_payloads_runs_none(hostile: tuple[Path, HelpCenter]) -> None:
    site, _ = hostile
    with serve_directory(site) as base, chromium() as browser:
        page = browser.new_page()
        watch = Watch(base.rstrip("/"))
        watch.attach(page)
        for query in ("normal", "click", "written"):
            page.goto(base, wait_until="load")
            page.fill("#hc-home-search", query)
            page.wait_for_selector(".md-search-result__item", state="attached", timeout=15_000)
            page.wait_for_timeout(300)
            assert page.evaluate(DOM_FINDINGS) == [], query
            results = page.text_content(".md-search-result") or ""
            assert "alert(" in results, query
            assert trapped_calls(page) == [], query
    assert watch.dialogs == []
    assert watch.foreign_requests == []
    assert watch.failed_requests == []
    assert watch.page_errors == []
