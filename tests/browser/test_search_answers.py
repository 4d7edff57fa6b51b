"""What the search box answers besides the customers' phrasings of search_cases.yml: a question no entry
answers, a word still being typed, misspellings, contractions, and a tag word that is everywhere."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from browser_search import COUNT_SEARCHES, SEARCH_INPUT, open_search_page, search, wait_until_search_is_ready
from browser_support import RequestLog, browser, build_project, serve_directory  # noqa: F401 - fixtures
from conftest import FIXTURE
from helpcenter.load.help_center import load_help_center
from helpcenter.render.search_index import TAGS
from search_index_support import index_files, postings

HELP_CENTER = load_help_center(FIXTURE / "faq_data", FIXTURE)
NO_ANSWER = "[data-search-no-answer]"
COMMON_TAGS = "  - password\n  - 2fa\n  - login\n  - code\n"


def tag_another_entry_with_common_words(project: Path) -> None:
    """The login-alert entry also gets the other entries' main words as tags."""
    path = project / "faq_data" / "entries" / "account" / "new-device-login-email.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index("tags: [")
    end = text.index("]\n", start)
    tags = text[start + len("tags: ["):end].split(", ")
    listed = "".join(f"  - {tag}\n" for tag in tags)
    path.write_text(text[:start] + "tags:\n" + listed + COMMON_TAGS + text[end + 2:], encoding="utf-8")


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = build_project(tmp_path_factory, "tagged", tag_another_entry_with_common_words)
    files = index_files(project / "site" / "search" / "en")
    tagged = [entry.id for entry in HELP_CENTER.entries].index("new-device-login-email")
    assert (tagged, TAGS) in [(number, field) for number, field, _ in postings(files, "password")]
    with serve_directory(project / "site") as base_url:
        yield base_url


@pytest.fixture(scope="module")
def page(browser: Browser, served: str) -> Iterator[Page]:  # noqa: F811 - fixture
    opened = open_search_page(browser, served + HELP_CENTER.entry("change-password").url)
    yield opened
    opened.close()


def first(page: Page, served: str, query: str) -> str:
    results = search(page, query)
    assert results, f"no results for {query!r}"
    return results[0].removeprefix(served)


def url(entry_id: str) -> str:
    return HELP_CENTER.entry(entry_id).url


@pytest.mark.browser
@pytest.mark.parametrize("query", ["how do I bake a chocolate cake", "what is the weather in paris tomorrow",
                                   "what is it"])
def test_a_question_no_entry_answers_says_so_and_offers_the_contact_page(page: Page, query: str) -> None:
    search(page, query)
    notice = page.locator(NO_ANSWER)
    assert notice.is_visible()
    assert notice.locator("a").get_attribute("href") == "mailto:support@example.com"
    assert page.locator(".md-search-result__item").count() <= 3, "at most the closest topics"


@pytest.mark.browser
def test_a_question_an_entry_answers_gets_no_notice(page: Page, served: str) -> None:
    search(page, "how do I bake a chocolate cake")
    assert first(page, served, "i forgot my password and cannot log in") == url("change-password")
    assert page.locator(NO_ANSWER).count() == 0


@pytest.mark.browser
@pytest.mark.parametrize(("query", "entry"), [
    ("passw", "change-password"),
    ("authenticat", "reset-2fa"),
    ("suspic", "new-device-login-email"),
    ("unrecog", "new-device-login-email"),
])
def test_the_word_being_typed_matches_the_words_it_starts(page: Page, served: str, query: str, entry: str) -> None:
    assert first(page, served, query) == url(entry)


@pytest.mark.browser
def test_the_word_being_typed_is_completed_in_the_search_box(page: Page) -> None:
    search(page, "chang")
    assert page.locator(".md-search__suggest").inner_text() == "change"
    assert page.input_value(SEARCH_INPUT) == "chang"


@pytest.mark.browser
@pytest.mark.parametrize(("query", "entry"), [
    ("pasword", "change-password"),            # five letters or more: one letter off
    ("autentication", "reset-2fa"),
    ("suspicous login", "new-device-login-email"),
    ("authentcaton reset", "reset-2fa"),       # eight letters or more: two letters off
    ("verifcation code rejected", "incorrect-2fa"),
])
def test_misspelt_words_find_what_they_meant(page: Page, served: str, query: str, entry: str) -> None:
    assert first(page, served, query) == url(entry)


@pytest.mark.browser
@pytest.mark.parametrize(("query", "entry"), [
    ("i can't change my password", "change-password"),
    ("what's the time zone got to do with it", "incorrect-2fa"),
    ("someone's logged into my account", "new-device-login-email"),
])
def test_contractions_are_whole_words(page: Page, served: str, query: str, entry: str) -> None:
    assert first(page, served, query) == url(entry)


@pytest.mark.browser
@pytest.mark.parametrize(("query", "entry"), [
    ("change password", "change-password"),
    ("2fa incorrect", "incorrect-2fa"),
    ("reset 2fa", "reset-2fa"),
    ("login code", "incorrect-2fa"),
])
def test_a_common_tag_of_another_entry_does_not_outrank_the_title(page: Page, served: str, query: str,
                                                                   entry: str) -> None:
    assert first(page, served, query) == url(entry)


ANALYTICS_CONFIG = """\
INHERIT: mkdocs.yml
extra:
  analytics:
    provider: google
    property: G-TEST123456
"""


@pytest.fixture(scope="module")
def analytics_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    def configure_analytics(project: Path) -> None:
        (project / "mkdocs-analytics.yml").write_text(ANALYTICS_CONFIG, encoding="utf-8")

    project = build_project(tmp_path_factory, "analytics", configure_analytics, "-f", "mkdocs-analytics.yml")
    with serve_directory(project / "site") as base_url:
        yield base_url


def search_events(page: Page) -> list[list[object]]:
    return page.evaluate("""(window.dataLayer || []).map((item) => Array.from(item))
        .filter((item) => item[0] === 'event' && String(item[1]).startsWith('search_'))""")


@pytest.mark.browser
def test_searches_left_without_an_answer_or_a_click_reach_analytics(browser: Browser, analytics_site: str) -> None:  # noqa: F811
    page = browser.new_page()
    page.add_init_script(COUNT_SEARCHES)
    RequestLog(page, analytics_site)  # answers Google's script here: nothing reaches the network
    page.goto(analytics_site + url("change-password"))
    page.focus(SEARCH_INPUT)
    wait_until_search_is_ready(page)
    search(page, "how do I bake a chocolate cake")
    page.locator(SEARCH_INPUT).blur()
    page.wait_for_function("(window.dataLayer || []).some((item) => item[1] === 'search_no_answer')")
    search(page, "forgot password")
    page.locator(SEARCH_INPUT).blur()
    page.wait_for_function("(window.dataLayer || []).some((item) => item[1] === 'search_no_click')")
    assert search_events(page) == [
        ["event", "search_no_answer", {"search_term": "how do I bake a chocolate cake"}],
        ["event", "search_no_click", {"search_term": "forgot password"}],
    ]
    page.close()


@pytest.mark.browser
def test_without_analytics_searches_are_sent_nowhere(page: Page) -> None:
    search(page, "how do I bake a chocolate cake")
    page.locator(SEARCH_INPUT).blur()
    page.wait_for_timeout(400)
    assert page.evaluate("typeof window.dataLayer") == "undefined"
