"""Search as customers use it: their own words, typed into the site's search box in a real browser."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from playwright.sync_api import Browser, Page, expect

from browser_search import (
    COUNT_SEARCHES,
    FIRST_RESULT,
    SEARCH_INPUT,
    open_search_page,
    search,
    wait_for_results,
    wait_until_search_is_ready,
)
from browser_support import RequestLog, browser, served_site  # noqa: F401 - fixtures
from conftest import FIXTURE
from helpcenter.load.help_center import load_help_center

HELP_CENTER = load_help_center(FIXTURE / "faq_data", FIXTURE)
CASES: list[dict[str, str]] = yaml.safe_load((FIXTURE / "search_cases.yml").read_text(encoding="utf-8"))

@pytest.fixture(scope="module")
def search_page(browser: Browser, served_site: str) -> Iterator[Page]:  # noqa: F811 - fixtures
    """One page for all the search cases: the search index is loaded once."""
    page = open_search_page(browser, served_site + HELP_CENTER.entry("change-password").url)
    yield page
    page.close()


@pytest.mark.browser
@pytest.mark.parametrize("case", CASES, ids=[case["query"] for case in CASES])
def test_customer_phrasing_finds_its_entry_first(search_page: Page, served_site: str, case: dict[str, str]) -> None:  # noqa: F811
    expected = urljoin(served_site, HELP_CENTER.entry(case["entry"]).url)
    results = search(search_page, case["query"])
    assert results, f"no results for {case['query']!r}"
    assert results[0] == expected, f"{case['query']!r}: first result {results[0]}, expected {expected}; all: {results}"


@pytest.mark.browser
def test_search_box_keeps_what_the_customer_typed_and_suggests_words(search_page: Page) -> None:
    search(search_page, "pasword reset")
    assert search_page.input_value(SEARCH_INPUT) == "pasword reset"
    search(search_page, "authen")
    expect(search_page.locator(".md-search__suggest")).to_have_text("authentication")


@pytest.mark.browser
def test_search_highlights_the_customers_words_on_the_answer(browser: Browser, served_site: str) -> None:  # noqa: F811
    page = open_search_page(browser, served_site + HELP_CENTER.entry("incorrect-2fa").url)
    search(page, "lost access")
    page.click(FIRST_RESULT)
    page.wait_for_url(urljoin(served_site, HELP_CENTER.entry("reset-2fa").url) + "?h=*")
    # The theme marks the words once the page's scripts have run, after the address has changed.
    page.locator("article mark").first.wait_for()
    marked = " ".join(page.locator("article mark").all_inner_texts()).casefold().split()
    assert {"lost", "access"} <= set(marked)
    page.close()


@pytest.mark.browser
def test_search_loads_only_when_the_customer_goes_for_it(browser: Browser, served_site: str) -> None:  # noqa: F811
    for path in ("", HELP_CENTER.categories[0].url, HELP_CENTER.entry("reset-2fa").url):
        page = browser.new_page()
        page.add_init_script(COUNT_SEARCHES)
        log = RequestLog(page, served_site)
        page.goto(served_site + path, wait_until="networkidle")
        assert not [url for url in log.urls if "search_index.json" in url or "/workers/search" in url], path
        page.keyboard.press("/")  # Material's shortcut focuses the search box
        wait_until_search_is_ready(page)
        page.keyboard.type("pasword")
        page.wait_for_function("window.__results > 0 && window.__results >= window.__queries")
        first = page.eval_on_selector(FIRST_RESULT, "a => a.href")
        assert urljoin(first, urlsplit(first).path) == served_site + HELP_CENTER.entry("change-password").url, path
        assert [url for url in log.urls if url.endswith("/search/search_index.json")] == [
            served_site + "search/search_index.json"
        ]
        assert len([url for url in log.urls if "/assets/javascripts/workers/search." in url]) == 1, path
        page.close()


@pytest.mark.browser
def test_home_page_search_box_opens_the_search_with_the_typed_words(browser: Browser, served_site: str) -> None:  # noqa: F811
    page = browser.new_page()
    page.add_init_script(COUNT_SEARCHES)
    page.goto(served_site)
    assert not page.is_checked("#__search")
    page.locator(".hc-search-box input").press_sequentially("lost my phone")
    assert page.is_checked("#__search")
    assert page.input_value(SEARCH_INPUT) == "lost my phone"
    assert page.evaluate("document.activeElement.matches('[data-md-component=search-query]')")
    wait_for_results(page)
    first = page.get_attribute(FIRST_RESULT, "href")
    assert urlsplit(urljoin(page.url, first)).path == "/" + HELP_CENTER.entry("reset-2fa").url
    page.close()
