"""The preview's loading: the same checks, with what is right published and each entry file with a problem a draft."""

from __future__ import annotations

from pathlib import Path

import pytest

from content_fixture import CATEGORIES, ENTRY, SETTINGS, write_content
from helpcenter.load.help_center import check_help_center, load_help_center
from helpcenter.problems import ContentError
from helpcenter.render.pages import render_pages

UNFINISHED = """\
title: How do I export my data?
summary:
category: account
reviewed: 2026-01-05
owner:
answer: |
"""
RELATED = ENTRY.replace("How do I log in?", "Where is the login page?") + "related:\n  - export-data\n  - log-in\n"


def test_an_unfinished_entry_is_a_draft_in_the_preview_only(tmp_path: Path) -> None:
    folder = write_content(tmp_path, {"account/log-in": ENTRY, "account/export-data": UNFINISHED,
                                      "account/login-page": RELATED})
    help_center, problems = check_help_center(folder, tmp_path, drafts=True)
    assert help_center is not None
    assert [str(problem) for problem in problems] == [
        "faq_data/entries/account/export-data.yml:2: summary: required, but empty; fill in one sentence that "
        "answers the question; shown in lists and to search engines",
        "faq_data/entries/account/export-data.yml:5: owner: required, but empty; fill in who keeps this answer "
        "correct: a person or a team",
        "faq_data/entries/account/export-data.yml:6: answer: required, but empty; fill in the answer, in Markdown",
    ]
    assert set(help_center.drafts) == {"export-data"}
    assert help_center.drafts["export-data"] == tuple(problems)
    draft = help_center.entry("export-data")
    assert (draft.title, draft.category, draft.summary, draft.answer) == ("How do I export my data?", "account", "", "")
    assert help_center.entry("login-page").related == ("export-data", "log-in")

    # The build's loading refuses the same content, with the same problems.
    with pytest.raises(ContentError) as refused:
        load_help_center(folder, tmp_path)
    assert refused.value.problems == problems
    assert check_help_center(folder, tmp_path) == (None, problems)


def test_a_draft_shows_the_fields_without_problems_and_relates_only_to_shown_entries(tmp_path: Path) -> None:
    broken_link = ENTRY.replace("How do I log in?", "How do I pay?").replace("category: account", "category: billing")
    broken_link = broken_link.replace("[contact us](link:support)", "[contact us](link:suport)")
    broken_link += "related:\n  - log-in\n  - no-such-entry\nredirect_from:\n  - billing/old-pay/\n"
    folder = write_content(tmp_path, {"account/log-in": ENTRY, "billing/pay": broken_link,
                                      "billing/unreadable": "title: [unclosed\n"})
    help_center, _ = check_help_center(folder, tmp_path, drafts=True)
    assert help_center is not None
    assert set(help_center.drafts) == {"pay", "unreadable"}
    pay = help_center.entry("pay")
    assert pay.title == "How do I pay?"
    assert pay.answer == ""  # the answer has a problem: the draft lists it instead
    assert pay.related == ()  # 'related' has a problem too
    assert pay.redirect_from == ()
    unreadable = help_center.entry("unreadable")
    assert (unreadable.title, unreadable.category) == ("unreadable", "billing")
    assert [category.id for category in help_center.categories] == ["account", "billing"]
    assert help_center.entry("log-in") in help_center.entries and "log-in" not in help_center.drafts


def test_a_draft_never_takes_an_address_that_is_taken(tmp_path: Path) -> None:
    copy = ENTRY.replace("owner: Support team\n", "")
    folder = write_content(tmp_path, {"account/log-in": ENTRY, "billing/log-in": copy,
                                      "elsewhere/lost": ENTRY.replace("category: account", "category: elsewhere")})
    help_center, problems = check_help_center(folder, tmp_path, drafts=True)
    assert help_center is not None and problems
    assert [entry.source for entry in help_center.entries] == ["faq_data/entries/account/log-in.yml"]
    assert help_center.drafts == {}


def test_unreadable_settings_still_give_a_preview(tmp_path: Path) -> None:
    folder = write_content(tmp_path, settings=SETTINGS.replace("  email: support@example.com\n", ""),
                           categories=CATEGORIES)
    help_center, problems = check_help_center(folder, tmp_path, drafts=True)
    assert help_center is not None
    assert [problem.field for problem in problems] == ["contact"]
    assert help_center.settings.featured == ()
    assert [entry.id for entry in help_center.entries] == ["log-in"]


LINKING = ENTRY.replace("How do I log in?", "Where do I sign in?").replace(
    "If it fails, [contact us](link:support).", "See [logging in](entry:log-in) or [the portal](link:portal).")
BREAKAGES = {
    "categories unreadable": ({"account/log-in": ENTRY, "account/sign-in": LINKING}, SETTINGS, "account: [\n"),
    "settings unreadable": ({"account/log-in": ENTRY, "account/sign-in": LINKING}, "home: [\n", CATEGORIES),
    "linked entry unreadable": ({"account/log-in": "title: [\n", "account/sign-in": LINKING}, SETTINGS, CATEGORIES),
    "linked entry in an unknown folder": (
        {"nowhere/log-in": ENTRY, "account/sign-in": LINKING}, SETTINGS, CATEGORIES),
    "markup refused": ({"account/log-in": ENTRY.replace("Open the login page.", "<script>alert(1)</script>"),
                        "account/sign-in": LINKING}, SETTINGS, CATEGORIES),
}


@pytest.mark.parametrize("name", sorted(BREAKAGES))
def test_every_page_of_a_preview_renders_whatever_is_broken(name: str, tmp_path: Path) -> None:
    entries, settings, categories = BREAKAGES[name]
    folder = write_content(tmp_path, entries, settings, categories)
    help_center, problems = check_help_center(folder, tmp_path, drafts=True)
    assert help_center is not None and problems
    pages = {page.src_uri: page for page in render_pages(help_center)}
    assert "index.md" in pages
    assert all("<script>" not in page.markdown for page in pages.values())
    for entry in help_center.entries:
        assert entry.src_uri in pages


def test_the_markup_of_an_unfinished_entry_is_checked(tmp_path: Path) -> None:
    unfinished = UNFINISHED.replace("answer: |\n", "answer: |\n  <script>alert(1)</script>\n")
    folder = write_content(tmp_path, {"account/log-in": ENTRY, "account/export-data": unfinished})
    help_center, problems = check_help_center(folder, tmp_path, drafts=True)
    assert help_center is not None
    assert "answer" in {problem.field for problem in problems}
    assert help_center.entry("export-data").answer == ""
