"""What every kind of page fetches when it opens: its own site's files only."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from browser_support import RequestLog, browser, served_site  # noqa: F401 - fixtures
from conftest import FIXTURE
from helpcenter.load.help_center import load_help_center

HELP_CENTER = load_help_center(FIXTURE / "faq_data", FIXTURE)
PAGES = {
    "home": "",
    "category": HELP_CENTER.categories[0].url,
    "entry": HELP_CENTER.entry("change-password").url,
    "entry with video": HELP_CENTER.entry("reset-2fa").url,
    "contact": "contact/",
}


@pytest.mark.browser
@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_pages_open_with_same_origin_requests_only(browser: Browser, served_site: str, path: str) -> None:  # noqa: F811
    page = browser.new_page()
    log = RequestLog(page, served_site)
    page.goto(served_site + path, wait_until="networkidle")
    assert page.locator("article h1").count() == 1
    assert len(log.urls) >= 4, "the page, Material's CSS and JavaScript, the help center's CSS"
    assert log.third_party() == []
    page.close()
