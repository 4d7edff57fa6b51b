"""Accessible pages: axe-core in Chromium on every page type, and a 404 page that works at any depth.
(tests/render/test_valid_html.py runs the Nu HTML Checker on every built page.)"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from a11y_support import axe_violations, chromium, describe, serve

SEARCH_QUERY = "password"
MISSING_ADDRESS = "no/such/page/here/"


@pytest.fixture(scope="module")
def site_root(built_site: Path) -> Iterator[str]:
    with serve(built_site) as root:
        yield root


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as browser:
        yield browser


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


def open_search(page: Any, root: str) -> None:
    page.goto(root + "two-factor/reset-2fa/")
    query = page.locator("[data-md-component=search-query]")
    query.click()
    query.press_sequentially(SEARCH_QUERY, delay=30)
    page.locator(".md-search-result__item").first.wait_for(state="visible")
    assert page.locator(".md-search").is_visible()


def open_search_without_an_answer(page: Any, root: str) -> None:
    page.goto(root + "two-factor/reset-2fa/")
    query = page.locator("[data-md-component=search-query]")
    query.click()
    query.press_sequentially("how do I bake a chocolate cake", delay=30)
    page.locator("[data-search-no-answer]").wait_for(state="visible")


PAGE_TYPES: dict[str, Callable[[Any, str], None]] = {
    "home": lambda page, root: page.goto(root),
    "category": lambda page, root: page.goto(root + "two-factor/"),
    "entry with video": lambda page, root: page.goto(root + "two-factor/reset-2fa/"),
    "entry with example block": lambda page, root: page.goto(root + "account/new-device-login-email/"),
    "contact": lambda page, root: page.goto(root + "contact/"),
    "404": lambda page, root: page.goto(root + MISSING_ADDRESS),
    "search open": open_search,
    "search without an answer": open_search_without_an_answer,
}


@pytest.mark.browser
@pytest.mark.parametrize("page_type", list(PAGE_TYPES))
def test_no_serious_or_critical_axe_violations(page: Any, site_root: str, page_type: str) -> None:
    PAGE_TYPES[page_type](page, site_root)
    violations = axe_violations(page)
    assert violations == [], f"{page_type}:\n{describe(violations)}"


@pytest.mark.browser
def test_the_404_page_works_at_any_depth(page: Any, site_root: str) -> None:
    failed: list[str] = []
    page.on("response", lambda response: failed.append(response.url) if response.status >= 400 else None)
    response = page.goto(site_root + MISSING_ADDRESS)
    assert response.status == 404
    page.wait_for_load_state("networkidle")
    assert failed == [site_root + MISSING_ADDRESS], "every stylesheet, script and picture loads"
    assert page.locator("article h1").inner_text() == "Page not found"
    links = page.locator("article a, .md-header a, .md-tabs a").evaluate_all("links => links.map(a => a.href)")
    assert len(links) >= 5
    for link in links:
        if link.startswith(site_root):
            assert page.request.get(link).status == 200, link


@pytest.mark.browser
def test_the_404_search_form_opens_the_site_search_with_the_words(page: Any, site_root: str) -> None:
    page.goto(site_root + MISSING_ADDRESS)
    page.locator("#hc-404-query").fill(SEARCH_QUERY)
    page.locator("#hc-404-query").press("Enter")
    page.locator(".md-search-result__item").first.wait_for(state="visible")
    assert page.url.startswith(site_root)
    assert page.locator("[data-md-component=search-query]").input_value() == SEARCH_QUERY
