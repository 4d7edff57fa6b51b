"""In a real browser, the entry page shows "Edit this page" leading to its YAML, and asks nothing of GitHub."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from browser_support import CHROMIUM, CHROMIUM_ARGS, serve_directory


@pytest.mark.browser
def test_the_edit_button_is_shown_and_no_page_calls_github(built_site: Path) -> None:
    requested: list[str] = []
    with serve_directory(built_site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.on("request", lambda request: requested.append(request.url))
            for url in ("", "account/", "account/change-password/"):
                page.goto(base + url, wait_until="networkidle")
            edit = page.locator("a[rel=edit]")
            assert edit.is_visible()
            assert edit.get_attribute("href") == (
                "https://github.com/example/help-center/edit/main/faq_data/entries/account/change-password.yml"
            )
            assert edit.get_attribute("title") == "Edit this page"
        finally:
            browser.close()
    assert requested and all(url.startswith(base) for url in requested), [
        u for u in requested if not u.startswith(base)
    ]
