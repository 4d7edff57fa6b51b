"""The pages of one language: under its folder, with its words and the site's own words in it."""

from __future__ import annotations

import pytest

from conftest import copy_translated_project
from helpcenter.load.help_center import load_help_center
from helpcenter.load.localized import in_language
from helpcenter.model import HelpCenter
from helpcenter.render.pages import Page, render_pages


@pytest.fixture(scope="module")
def help_center(tmp_path_factory: pytest.TempPathFactory) -> HelpCenter:
    project = copy_translated_project(tmp_path_factory.mktemp("language-pages") / "project")
    return load_help_center(project / "faq_data", project, project / "docs")


def pages_by_uri(help_center: HelpCenter, language: str) -> dict[str, Page]:
    return {page.src_uri: page for page in render_pages(in_language(help_center, language))}


def test_a_language_s_pages_are_in_its_folder(help_center: HelpCenter) -> None:
    assert sorted(pages_by_uri(help_center, "de")) == [
        "de/account/change-password.md", "de/account/index.md", "de/index.md",
        "de/two-factor/index.md", "de/two-factor/reset-2fa.md",
    ]
    assert sorted(pages_by_uri(help_center, "he")) == [
        "he/account/change-password.md", "he/account/index.md", "he/index.md",
    ]


def test_the_default_language_s_pages_stay_at_the_root(help_center: HelpCenter) -> None:
    assert "index.md" in pages_by_uri(help_center, "en")
    assert not any(uri.startswith(("de/", "he/")) for uri in pages_by_uri(help_center, "en"))


def test_an_entry_page_holds_its_translation_and_the_site_s_words(help_center: HelpCenter) -> None:
    page = pages_by_uri(help_center, "de")["de/two-factor/reset-2fa.md"]
    assert page.meta["title"] == "Wie setze ich die Zwei-Faktor-Authentifizierung zurück?"
    assert "## Steps" in page.body  # the fixture's settings.de.yml leaves this word untranslated
    assert "So setzen Sie die 2FA zurück" in page.html_after
    assert "Brauchen Sie weitere Hilfe?" in page.html_end
    assert "Still need help?" not in page.html_end
    # Related questions lead only to pages in the same language: incorrect-2fa has no German page.
    assert "Ähnliche Fragen" not in page.html_end and "incorrect-2fa" not in page.html_end


def test_links_between_a_language_s_pages_stay_in_it(help_center: HelpCenter) -> None:
    pages = pages_by_uri(help_center, "de")
    password = pages["de/account/change-password.md"]
    assert "(../two-factor/reset-2fa.md)" in password.body  # [diese Frage](entry:reset-2fa)
    home = pages["de/index.md"]
    assert "(two-factor/reset-2fa.md)" in home.body and "(account/index.md)" in home.body
    assert home.meta["title"] == "Wie können wir helfen?"


def test_untranslated_interface_words_are_english(help_center: HelpCenter) -> None:
    page = pages_by_uri(help_center, "he")["he/account/change-password.md"]
    assert "Still need help?" in page.html_end
