"""The help center as published in one language: translated entries only, under the language's folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import copy_project, copy_translated_project
from helpcenter.load.help_center import load_help_center
from helpcenter.load.localized import in_language, interface_texts
from helpcenter.model import HelpCenter


@pytest.fixture(scope="module")
def help_center(tmp_path_factory: pytest.TempPathFactory) -> HelpCenter:
    project = copy_translated_project(tmp_path_factory.mktemp("localized") / "project")
    return load_help_center(project / "faq_data", project, project / "docs")


def test_the_default_language_is_the_help_center_itself(help_center: HelpCenter) -> None:
    assert in_language(help_center, "en") is help_center


def test_only_translated_entries_are_published_in_a_language(help_center: HelpCenter) -> None:
    german = in_language(help_center, "de")
    assert [entry.id for entry in german.entries] == ["reset-2fa", "change-password"]
    assert german.entry("change-password").title == "Wie ändere ich mein Passwort?"
    assert german.entry("change-password").url == "de/account/change-password/"
    assert german.entry("change-password").src_uri == "de/account/change-password.md"
    hebrew = in_language(help_center, "he")
    assert [entry.id for entry in hebrew.entries] == ["change-password"]
    assert [category.id for category in hebrew.categories] == ["account"]


def test_what_is_not_translated_comes_from_the_source(help_center: HelpCenter) -> None:
    source, german = help_center.entry("reset-2fa"), in_language(help_center, "de").entry("reset-2fa")
    assert (german.owner, german.reviewed, german.category) == (source.owner, source.reviewed, source.category)
    assert german.video.url == source.video.url and german.video.title == "So setzen Sie die 2FA zurück"
    assert german.source == "faq_data/entries/two-factor/reset-2fa.de.yml"
    assert german.redirect_from == tuple(f"de/{old}" for old in help_center.entry(german.id).redirect_from)


def test_links_to_untranslated_entries_are_left_out(help_center: HelpCenter) -> None:
    # reset-2fa is related to incorrect-2fa, which has no German translation.
    assert help_center.entry("reset-2fa").related == ("incorrect-2fa",)
    german = in_language(help_center, "de")
    assert german.entry("reset-2fa").related == ()
    assert german.settings.featured == ("reset-2fa", "change-password")


def test_categories_and_settings_are_translated(help_center: HelpCenter) -> None:
    german = in_language(help_center, "de")
    assert german.category("account").title == "Konto und Anmeldung"
    assert german.category("account").url == "de/account/"
    assert german.settings.home_title == "Wie können wir helfen?"
    assert german.settings.contact.hours.startswith("Montag bis Freitag")
    assert german.settings.contact.email == help_center.settings.contact.email
    hebrew = in_language(help_center, "he")  # no categories.he.yml, no settings.he.yml yet
    assert hebrew.category("account").title == help_center.category("account").title
    assert hebrew.settings.home_title == help_center.settings.home_title


def test_interface_texts_fall_back_to_english(help_center: HelpCenter) -> None:
    german = interface_texts(help_center, "de")
    assert german["related"] == "Ähnliche Fragen"
    assert german["helpful"] == "Was this helpful?"
    assert interface_texts(help_center, "he")["related"] == "Related questions"


def test_a_one_language_site_is_unchanged(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    help_center = load_help_center(project / "faq_data", project, project / "docs")
    assert in_language(help_center, "en") is help_center
    assert help_center.entry("change-password").url == "account/change-password/"
