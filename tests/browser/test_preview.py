"""The preview in a real browser: the open page reloads by itself after a broken save and shows what is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser

from browser_support import browser  # noqa: F401 - fixture
from serve_support import preview, wait_for

PAGE = "account/change-password/"
ENTRY = "faq_data/entries/account/change-password.yml"


@pytest.mark.browser
def test_the_open_page_shows_the_problems_of_each_save_until_they_are_fixed(
    browser: Browser, project: Path,  # noqa: F811
) -> None:
    entry = project / ENTRY
    original = entry.read_text(encoding="utf-8")
    with preview(project) as running:
        wait_for(lambda: "How do I change my password?" in running.page(PAGE), "the first build")
        page = browser.new_page()
        page.goto(running.base + PAGE)
        banner = page.get_by_role("alert", name="Problems found by the preview")
        assert banner.count() == 0

        entry.write_text(original.replace("owner: Support team\n", ""), encoding="utf-8")
        banner.wait_for(state="visible", timeout=60_000)  # the page reloaded by itself
        assert "1 problem in the help-center content." in banner.inner_text()
        assert f"{ENTRY}:2 owner: missing required field" in " ".join(banner.inner_text().split())
        box = banner.bounding_box()
        assert box is not None and box["y"] < 10 and box["height"] > 40, "at the top of the page"
        draft = page.locator(".hc-draft")
        assert draft.is_visible()
        assert draft.inner_text().startswith("Draft: not published until these are fixed:")
        assert page.get_by_role("heading", level=1).inner_text() == "How do I change my password?"

        layout = project / "overrides/entry.html"
        good_layout = layout.read_text(encoding="utf-8")
        layout.write_text(good_layout.replace("{% endif %}", "{% endiff %}", 1), encoding="utf-8")
        failure = page.get_by_text("The last change could not be built.")
        failure.wait_for(state="visible", timeout=60_000)
        assert "overrides/entry.html" in banner.inner_text()
        assert page.get_by_role("heading", level=1).inner_text() == "How do I change my password?"

        layout.write_text(good_layout, encoding="utf-8")
        entry.write_text(original, encoding="utf-8")
        banner.wait_for(state="detached", timeout=60_000)
        assert page.locator(".hc-draft").count() == 0
        page.close()
