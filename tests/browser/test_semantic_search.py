"""The semantic search mode (`semantic_search: true`) in Chromium: a paraphrase that shares no telling word
with its entry is answered first only with the mode; BM25's answer shows at once and stands when the
model cannot load; nothing is fetched from anywhere but the site, and nothing of the mode before a search."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Route

from browser_search import COUNT_SEARCHES, SEARCH_INPUT, open_search_page, search, wait_until_search_is_ready
from browser_support import RequestLog, browser, build_project, serve_directory  # noqa: F401 - fixtures
from conftest import ROOT, copy_translated_project, run_build
from content_fixture import SETTINGS, write_content
from synthetic import with_semantic_search, without_ledger

CLOSE = """\
title: How do I close my account?
summary: Delete your account and everything in it from the settings page.
category: account
reviewed: 2026-11-27
owner: Support team
answer: |
  Open **Settings**, choose **Close account** and confirm. Nothing is kept for good.
tags: [close account, delete account]
"""
PICTURE = """\
title: How do I change my picture?
summary: Upload a new picture on your profile page.
category: account
reviewed: 2026-11-27
owner: Support team
answer: |
  Open your profile, press the picture and choose a new one.
tags: [picture, avatar, photo]
"""
INVOICE = """\
title: Where do I find my invoices?
summary: Every invoice is on the billing page, as a PDF.
category: billing
reviewed: 2026-11-27
owner: Support team
answer: |
  Open **Billing** and download the invoice you need.
tags: [invoice, receipt, pdf]
"""
ENTRIES = {"account/close-account": CLOSE, "account/profile-picture": PICTURE, "billing/invoices": INVOICE}
PARAPHRASE = "please wipe out my profile for good"
"""Shares only "profile" (the other entry's title) and "good" (the closing entry's answer) with the entries."""
RIGHT = "account/close-account/"
UNMATCHED = "erase me permanently"
"""Shares no word with any entry."""


def content(project: Path) -> None:
    shutil.rmtree(project / "faq_data")
    write_content(project, ENTRIES, settings=SETTINGS.replace("[log-in]", "[close-account]"))
    without_ledger(project)


def semantic_content(project: Path) -> None:
    content(project)
    with_semantic_search(project, ROOT)


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return {"on": build_project(tmp_path_factory, "semantic", semantic_content) / "site",
            "off": build_project(tmp_path_factory, "plain", content) / "site"}


@pytest.fixture
def served(sites: dict[str, Path], request: pytest.FixtureRequest) -> Iterator[str]:
    with serve_directory(sites[request.param]) as base_url:
        yield base_url


def reranked(page: Page) -> list[str]:
    """The result list once the re-ranked answer has replaced the first one."""
    page.wait_for_function("!document.querySelector('[data-search-pending]')", timeout=60_000)
    return page.eval_on_selector_all(".md-search-result__list > .md-search-result__item > a",
                                     "links => links.map(a => new URL(a.href).pathname.slice(1))")


@pytest.mark.parametrize("served", ["on"], indirect=True)
def test_the_mode_puts_the_paraphrased_entry_first_fetching_only_from_the_site(browser: Browser, served: str) -> None:  # noqa: F811
    page = browser.new_page()
    log = RequestLog(page, served)
    page.add_init_script(COUNT_SEARCHES)
    page.goto(served + "billing/invoices/")
    page.focus(SEARCH_INPUT)
    wait_until_search_is_ready(page)
    assert not [url for url in log.urls if "/search/semantic/" in url], "the model is fetched before any search"
    first = [url.removeprefix(served) for url in search(page, PARAPHRASE)]
    assert first and first[0] != RIGHT, "BM25's answer, shown at once, already had the entry first: not a test"
    assert reranked(page)[0] == RIGHT
    assert any(url.endswith("/search/semantic/model.onnx") for url in log.urls)
    assert log.third_party() == []
    page.close()


@pytest.mark.browser
def test_an_entry_near_in_meaning_answers_a_query_none_of_whose_words_match(
    browser: Browser, sites: dict[str, Path]  # noqa: F811 - fixture
) -> None:
    with serve_directory(sites["off"]) as plain:
        page = open_search_page(browser, plain + "billing/invoices/")
        assert search(page, UNMATCHED) == [], "BM25 matched a word of the query: not a test"
        page.close()
    with serve_directory(sites["on"]) as served:
        page = open_search_page(browser, served + "billing/invoices/")
        search(page, UNMATCHED)
        assert reranked(page)[0] == RIGHT
        page.close()


@pytest.mark.parametrize("served", ["off"], indirect=True)
def test_without_the_mode_the_paraphrase_misses(browser: Browser, served: str) -> None:  # noqa: F811
    page = open_search_page(browser, served + "billing/invoices/")
    found = [url.removeprefix(served) for url in search(page, PARAPHRASE)]
    assert found and found[0] != RIGHT
    page.close()


@pytest.mark.parametrize("served", ["on"], indirect=True)
def test_bm25s_answer_stands_when_the_model_cannot_load(browser: Browser, served: str) -> None:  # noqa: F811
    def refuse(route: Route) -> None:
        route.fulfill(status=404, body="")

    page = browser.new_page()
    page.route("**/search/semantic/model.onnx", refuse)
    page.add_init_script(COUNT_SEARCHES)
    page.goto(served + "billing/invoices/")
    page.focus(SEARCH_INPUT)
    wait_until_search_is_ready(page)
    first = [url.removeprefix(served) for url in search(page, PARAPHRASE)]
    assert first
    assert reranked(page) == first
    page.close()


@pytest.fixture(scope="module")
def served_languages(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = with_semantic_search(without_ledger(copy_translated_project(tmp_path_factory.mktemp("languages") / "p")),
                                   ROOT)
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    with serve_directory(project / "site") as base_url:
        yield base_url


@pytest.mark.browser
def test_in_several_languages_english_pages_rerank_and_german_ones_keep_bm25(
    browser: Browser, served_languages: str  # noqa: F811 - fixture
) -> None:
    served = served_languages
    german = browser.new_page()
    log = RequestLog(german, served)
    german.add_init_script(COUNT_SEARCHES)
    german.goto(served + "de/two-factor/reset-2fa/")
    german.focus(SEARCH_INPUT)
    wait_until_search_is_ready(german)
    results = search(german, "Passwort ändern")
    assert results and results[0] == served + "de/account/change-password/"
    assert reranked(german) == [url.removeprefix(served) for url in results]
    german.wait_for_timeout(500)
    assert not [url for url in log.urls if "/search/semantic/" in url or url.endswith(".bin")], log.urls
    german.close()
    english = browser.new_page()
    log = RequestLog(english, served)
    english.add_init_script(COUNT_SEARCHES)
    english.goto(served + "two-factor/reset-2fa/")
    english.focus(SEARCH_INPUT)
    wait_until_search_is_ready(english)
    assert search(english, "change password")
    assert reranked(english)[0] == "account/change-password/"
    assert any(url.endswith("/search/semantic/model.onnx") for url in log.urls)
    assert any(url.endswith("/search/en/vectors-0.bin") for url in log.urls)
    english.close()
