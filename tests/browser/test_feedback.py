"""'Was this helpful?' in a real browser, without analytics (the default) and with Material's analytics."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Browser, Page

from browser_support import RequestLog, browser, build_project, serve_directory, served_site  # noqa: F401
from conftest import FIXTURE
from helpcenter.load.help_center import load_help_center

HELP_CENTER = load_help_center(FIXTURE / "faq_data", FIXTURE)
ANALYTICS_CONFIG = """\
INHERIT: mkdocs.yml
extra:
  analytics:
    provider: google
    property: G-TEST123456
    feedback:
      title: Did this answer your question?
      ratings:
        - {icon: material/thumb-up-outline, name: Yes, data: 1, note: Thanks!}
        - {icon: material/thumb-down-outline, name: No, data: 0, note: Sorry.}
"""
FEEDBACK = "form.hc-feedback"


@pytest.fixture(scope="module")
def analytics_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real project with Google Analytics configured, as a site owner would."""

    def configure_analytics(project: Path) -> None:
        (project / "mkdocs-analytics.yml").write_text(ANALYTICS_CONFIG, encoding="utf-8")

    project = build_project(tmp_path_factory, "analytics", configure_analytics, "-f", "mkdocs-analytics.yml")
    with serve_directory(project / "site") as base_url:
        yield base_url


def open_page(browser: Browser, base_url: str, path: str, **context: object) -> tuple[Page, RequestLog]:  # noqa: F811
    page = browser.new_context(**context).new_page()
    log = RequestLog(page, base_url)
    page.goto(base_url + path)
    return page, log


def answer(page: Page, label: str) -> None:
    page.locator(FEEDBACK).get_by_role("button", name=label).click()


@pytest.mark.browser
def test_yes_thanks_the_reader(browser: Browser, served_site: str) -> None:  # noqa: F811
    page, log = open_page(browser, served_site, HELP_CENTER.entry("change-password").url)
    form = page.locator(FEEDBACK)
    assert form.is_visible()
    assert form.locator("legend").inner_text() == "Was this helpful?"
    assert not page.locator(".md-feedback__note [data-md-value='1']").is_visible()
    answer(page, "Yes")
    thanks = page.locator(".md-feedback__note [data-md-value='1']")
    thanks.wait_for(state="visible")
    assert "Thank you" in thanks.inner_text()
    assert not page.locator(".md-feedback__note [data-md-value='0']").is_visible()
    assert form.get_by_role("button", name="Yes").is_disabled(), "one answer per visit"
    assert page.url.endswith(HELP_CENTER.entry("change-password").url), "the form is not submitted"
    assert page.evaluate("typeof window.dataLayer") == "undefined"
    page.wait_for_load_state("networkidle")
    assert log.third_party() == []
    page.context.close()


@pytest.mark.browser
def test_no_shows_how_to_reach_support_about_this_question(browser: Browser, served_site: str) -> None:  # noqa: F811
    contact = HELP_CENTER.settings.contact
    for entry in HELP_CENTER.entries:
        page, log = open_page(browser, served_site, entry.url)
        answer(page, "No")
        note = page.locator(".md-feedback__note [data-md-value='0']")
        note.wait_for(state="visible")
        assert not page.locator(".md-feedback__note [data-md-value='1']").is_visible()
        link = note.get_by_role("link")
        assert link.inner_text() == f"Write to {contact.email}"
        if contact.hours:
            assert contact.hours in note.inner_text()
        mail = urlsplit(link.get_attribute("href") or "")
        assert (mail.scheme, mail.path) == ("mailto", contact.email)
        fields = parse_qs(mail.query)
        assert fields["subject"] == [entry.title], entry.id
        assert "https://help.example.com/" + entry.url in fields["body"][0]
        assert log.third_party() == []
        page.context.close()


@pytest.mark.browser
def test_only_entries_ask_and_without_javascript_nothing_broken_shows(browser: Browser, served_site: str) -> None:  # noqa: F811
    for path in ("", HELP_CENTER.categories[0].url, "contact/"):
        page, _ = open_page(browser, served_site, path)
        assert page.locator("form[name=feedback]").count() == 0, path
        page.context.close()
    page, _ = open_page(browser, served_site, HELP_CENTER.entry("reset-2fa").url, java_script_enabled=False)
    assert page.locator(FEEDBACK).count() == 1
    assert not page.locator(FEEDBACK).is_visible()
    assert page.locator(".hc-contact a[href^='mailto:']").is_visible(), "the contact box is the way to support"
    page.context.close()


def feedback_events(page: Page) -> list[list[object]]:
    return page.evaluate(
        "(window.dataLayer || []).map(call => Array.from(call)).filter(call => call[1] === 'feedback')"
    )


@pytest.mark.browser
@pytest.mark.parametrize(("label", "value"), [("Yes", "1"), ("No", "0")])
def test_with_analytics_each_answer_sends_materials_feedback_event(
    browser: Browser, analytics_site: str, label: str, value: str  # noqa: F811
) -> None:
    entry = HELP_CENTER.entry("incorrect-2fa")
    page, log = open_page(browser, analytics_site, entry.url)
    assert page.locator(FEEDBACK).locator("legend").inner_text() == "Did this answer your question?"
    page.wait_for_function("window.dataLayer !== undefined")
    assert feedback_events(page) == []
    answer(page, label)
    page.locator(f".md-feedback__note [data-md-value='{value}']").wait_for(state="visible")
    assert feedback_events(page) == [["event", "feedback", {"page": "/" + entry.url, "data": value}]]
    assert any(urlsplit(url).hostname == "www.googletagmanager.com" for url in log.third_party())
    page.context.close()
