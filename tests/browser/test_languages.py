"""A site in three languages in a real browser: each language searches only its own pages, a right-to-left
language lays out right to left, and the pages' language links make no failing request."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser

from a11y_support import axe_violations, describe
from browser_search import open_search_page, search
from browser_support import Watch, browser, serve_directory  # noqa: F401 - fixtures
from conftest import copy_translated_project, run_build


@pytest.fixture(scope="module")
def served_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = copy_translated_project(tmp_path_factory.mktemp("languages") / "project")
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    with serve_directory(project / "site") as base_url:
        yield base_url


@pytest.mark.browser
def test_a_search_in_german_finds_the_german_page_and_no_english_one(
    browser: Browser, served_site: str  # noqa: F811 - fixture
) -> None:
    page = open_search_page(browser, served_site + "de/two-factor/reset-2fa/")
    results = search(page, "Passwort ändern")
    assert results and results[0] == served_site + "de/account/change-password/"
    assert all(url.startswith(served_site + "de/") for url in results), results
    page.close()
    english = open_search_page(browser, served_site + "two-factor/reset-2fa/")
    results = search(english, "change password")
    assert results and results[0] == served_site + "account/change-password/"
    assert not any(url.startswith((served_site + "de/", served_site + "he/")) for url in results), results
    english.close()


@pytest.mark.browser
def test_a_search_with_no_answer_says_so_in_the_page_s_language(
    browser: Browser, served_site: str  # noqa: F811 - fixture
) -> None:
    page = open_search_page(browser, served_site + "de/two-factor/reset-2fa/")
    search(page, "Schokoladenkuchen backen Rezept")
    notice = page.locator("[data-search-no-answer]")
    notice.wait_for(state="visible")
    assert notice.inner_text().startswith("Darauf haben wir noch keine Antwort. Fragen Sie uns direkt")
    assert "We have no answer" not in notice.inner_text()
    page.close()
    english = open_search_page(browser, served_site + "two-factor/reset-2fa/")
    search(english, "bake a chocolate cake recipe")
    assert english.locator("[data-search-no-answer]").inner_text().startswith("We have no answer to that yet.")
    english.close()


@pytest.mark.browser
def test_a_language_s_page_not_found_searches_that_language(browser: Browser, served_site: str) -> None:  # noqa: F811
    page = open_search_page(browser, served_site + "de/404.html")
    assert page.evaluate("document.documentElement.lang") == "de"
    results = search(page, "Passwort ändern")
    assert results and results[0] == served_site + "de/account/change-password/"
    assert all(url.startswith(served_site + "de/") for url in results), results
    page.close()


@pytest.mark.browser
def test_a_right_to_left_page_lays_out_right_to_left(browser: Browser, served_site: str) -> None:  # noqa: F811
    page = browser.new_page()
    page.goto(served_site + "he/account/change-password/")
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    assert page.evaluate("getComputedStyle(document.querySelector('article')).direction") == "rtl"
    page.goto(served_site + "de/account/change-password/")
    assert page.evaluate("getComputedStyle(document.body).direction") == "ltr"
    page.close()


@pytest.mark.browser
def test_pages_with_language_links_make_no_failing_request(browser: Browser, served_site: str) -> None:  # noqa: F811
    watch = Watch(served_site)
    page = browser.new_page()
    watch.attach(page)
    for path in ("", "de/", "de/account/change-password/", "he/account/change-password/"):
        page.goto(served_site + path)
        page.wait_for_load_state("networkidle")
    assert watch.failed_requests == [] and watch.page_errors == []
    page.close()


@pytest.mark.browser
def test_the_language_switcher_moves_between_translations(browser: Browser, served_site: str) -> None:  # noqa: F811
    page = browser.new_page()
    page.goto(served_site + "account/change-password/")
    page.hover(".md-header .md-select")
    page.click(".md-header .md-select__link[hreflang=de]")
    page.wait_for_url(served_site + "de/account/change-password/")
    assert page.evaluate("document.documentElement.lang") == "de"
    page.goto(served_site + "de/two-factor/reset-2fa/")
    page.hover(".md-header .md-select")
    untranslated = page.locator(".md-header .md-select__link[hreflang=he]")
    assert untranslated.get_attribute("title") == "This page is not translated into this language: its home page"
    untranslated.click()
    page.wait_for_url(served_site + "he/")
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    page.goto(served_site + "contact/")  # a hand-written page and its translation
    page.hover(".md-header .md-select")
    page.click(".md-header .md-select__link[hreflang=de]")
    page.wait_for_url(served_site + "de/contact/")
    assert page.evaluate("document.documentElement.lang") == "de"
    assert page.locator("article h1").inner_text() == "Kontakt"
    page.close()


@pytest.mark.browser
def test_the_german_contact_tab_leads_to_the_german_contact_page(
    browser: Browser, served_site: str  # noqa: F811 - fixture
) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 800})  # wide enough for Material's tabs
    page.goto(served_site + "de/two-factor/reset-2fa/")
    page.get_by_role("link", name="Kontakt", exact=True).and_(page.locator(".md-tabs__link")).click()
    page.wait_for_url(served_site + "de/contact/")
    assert page.locator("article h1").inner_text() == "Kontakt"
    assert page.locator(".md-tabs__item--active .md-tabs__link").inner_text().strip() == "Kontakt"
    page.locator(".md-tabs__link").first.click()
    page.wait_for_url(served_site + "de/")
    assert page.evaluate("document.documentElement.lang") == "de"
    page.close()


@pytest.mark.browser
@pytest.mark.parametrize("path", ["de/", "de/two-factor/reset-2fa/", "he/account/change-password/"])
def test_no_serious_or_critical_axe_violations_in_another_language(
    browser: Browser, served_site: str, path: str  # noqa: F811 - fixture
) -> None:
    page = browser.new_page()
    page.goto(served_site + path)
    page.hover(".md-header .md-select")  # the switcher's list open
    violations = axe_violations(page)
    assert violations == [], f"{path}:\n{describe(violations)}"
    page.close()
