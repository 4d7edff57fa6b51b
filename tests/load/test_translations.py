"""Translations beside their sources: what loads, what is refused (all at once, with file, line and fix),
and when a translation counts as outdated."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import copy_translated_project
from helpcenter.load.help_center import check_content
from helpcenter.load.languages import is_right_to_left, language_problem
from helpcenter.load.localized import in_language

DE_PASSWORD = "faq_data/entries/account/change-password.de.yml"
HE_PASSWORD = "faq_data/entries/account/change-password.he.yml"
DE_RESET = "faq_data/entries/two-factor/reset-2fa.de.yml"
PASSWORD = "faq_data/entries/account/change-password.yml"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_translated_project(tmp_path / "project")


def load(project: Path) -> tuple[object, list[str]]:
    help_center, _, problems = check_content(project / "faq_data", project, project / "docs")
    return help_center, [str(problem) for problem in problems]


def edit(project: Path, file: str, old: str, new: str) -> None:
    path = project / file
    text = path.read_text(encoding="utf-8")
    assert old in text, (file, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def append(project: Path, file: str, text: str) -> None:
    with (project / file).open("a", encoding="utf-8") as opened:
        opened.write(text)


def write(project: Path, file: str, text: str) -> None:
    (project / file).write_text(text, encoding="utf-8")


def test_the_translations_load_into_the_model(project: Path) -> None:
    help_center, problems = load(project)
    assert problems == []
    assert help_center.languages == ("en", "de", "he")
    german = help_center.translations["de"]
    assert german.entries["change-password"].title == "Wie ändere ich mein Passwort?"
    assert german.entries["reset-2fa"].video_title == "So setzen Sie die 2FA zurück"
    assert len(german.entries["reset-2fa"].steps) == 5
    assert german.categories["account"].title == "Konto und Anmeldung"
    assert german.settings.interface["related"] == "Ähnliche Fragen"
    assert all(translated.current for translated in german.entries.values())
    assert set(help_center.translations["he"].entries) == {"change-password"}
    assert help_center.translations["he"].settings is None


def test_a_site_without_languages_loads_as_before(tmp_path: Path) -> None:
    from conftest import copy_project

    project = copy_project(tmp_path / "project")
    help_center, problems = load(project)
    assert problems == []
    assert help_center.languages == () and dict(help_center.translations) == {}


@pytest.mark.parametrize(("tag", "problem"), [
    ("de", None), ("pt-BR", None), ("zh-Hant-TW", None), ("he", None),
    ("de_DE", "write 'de-DE'"), ("DE", "write 'de'"), ("german", "is not a BCP 47 language code"),
    ("xx", "no language known"), ("und", "no language known"),
])
def test_language_codes_are_bcp_47(tag: str, problem: str | None) -> None:
    found = language_problem(tag)
    assert found is None if problem is None else problem in (found or "")


def test_hebrew_and_arabic_are_right_to_left() -> None:
    assert is_right_to_left("he") and is_right_to_left("ar") and not is_right_to_left("de")


def test_editing_an_untranslated_field_leaves_translations_current(project: Path) -> None:
    edit(project, PASSWORD, "owner: Support team", "owner: Accounts team")
    edit(project, PASSWORD, "reviewed: 2026-11-27", "reviewed: 2026-11-28")
    edit(project, PASSWORD, "  like to receive", "  like   to receive")  # spacing only
    help_center, problems = load(project)
    assert problems == []
    assert help_center.translations["de"].entries["change-password"].current


def test_editing_a_translated_field_makes_the_translations_outdated(project: Path) -> None:
    edit(project, PASSWORD, "title: How do I change my password?", "title: How do I change or reset my password?")
    help_center, problems = load(project)
    assert problems == []  # outdated is a warning, not an error
    assert not help_center.translations["de"].entries["change-password"].current
    assert not help_center.translations["he"].entries["change-password"].current
    assert help_center.translations["de"].entries["reset-2fa"].current


def test_editing_the_video_title_makes_the_translation_outdated(project: Path) -> None:
    edit(project, "faq_data/entries/two-factor/reset-2fa.yml", "title: How to reset 2FA", "title: Resetting 2FA")
    help_center, _ = load(project)
    assert not help_center.translations["de"].entries["reset-2fa"].current


def test_editing_a_category_or_the_home_title_outdates_their_translations(project: Path) -> None:
    edit(project, "faq_data/categories.yml", "title: Account and login", "title: Your account")
    edit(project, "faq_data/settings.yml", "title: How can we help?", "title: What can we do for you?")
    help_center, problems = load(project)
    assert problems == []
    german = help_center.translations["de"]
    assert not german.categories["account"].current and german.categories["two-factor"].current
    assert not german.settings.current


BAD_TRANSLATIONS = {
    "orphan": (
        lambda p: write(p, "faq_data/entries/account/close-account.de.yml", (p / DE_PASSWORD).read_text()),
        "faq_data/entries/account/close-account.de.yml: translates 'close-account', but no entry has that id; "
        "if that entry was retired, remove this file",
    ),
    "undeclared-language": (
        lambda p: write(p, "faq_data/entries/account/change-password.fr.yml", (p / DE_PASSWORD).read_text()),
        "faq_data/entries/account/change-password.fr.yml: 'fr' (French) is not one of the site's languages "
        "(faq_data/settings.yml has languages: en, de, he); add it to languages there, after the default language, "
        "or remove this file",
    ),
    "default-language": (
        lambda p: write(p, "faq_data/entries/account/change-password.en.yml", (p / DE_PASSWORD).read_text()),
        "faq_data/entries/account/change-password.en.yml: 'en' is the default language (English), the one the "
        "source file is written in; put the text there and remove this file",
    ),
    "not-bcp-47": (
        lambda p: (p / DE_PASSWORD).rename(p / "faq_data/entries/account/change-password.de_DE.yml"),
        "faq_data/entries/account/change-password.de_DE.yml: 'de_DE' after the id is not a BCP 47 language code "
        "such as 'de', 'he' or 'pt-BR'; rename the file to change-password.de-DE.yml",
    ),
    "unknown-language-code": (
        lambda p: (p / DE_PASSWORD).rename(p / "faq_data/entries/account/change-password.xx.yml"),
        "faq_data/entries/account/change-password.xx.yml: after the id, 'xx' is no language known to the site's "
        "tools; use a BCP 47 language code such as 'de', 'he' or 'pt-BR'; rename the file",
    ),
    "dot-in-the-id": (
        lambda p: (p / PASSWORD).rename(p / "faq_data/entries/account/change.password-v2.yml"),
        "faq_data/entries/account/change.password-v2.yml: the file name is the entry's id (lower-case letters, "
        "digits and single hyphens, such as 'reset-2fa'), followed by a language code for a translation, such as "
        "change.de.yml; rename the file",
    ),
    "two-translations": (
        lambda p: write(p, "faq_data/entries/account/change-password.de.yaml", (p / DE_PASSWORD).read_text()),
        "faq_data/entries/account/change-password.de.yml: a second German translation of 'change-password' (the "
        "other is faq_data/entries/account/change-password.de.yaml); keep one of the two",
    ),
    "source-only-field": (
        lambda p: edit(p, DE_PASSWORD, "title:", "owner: Support-Team\ntitle:"),
        f"{DE_PASSWORD}:3: owner: comes from the source, {PASSWORD}, and is the same in every language; "
        "remove it here",
    ),
    "source-only-video-field": (
        lambda p: edit(p, DE_RESET, "  title: So", "  url: https://www.youtube.com/watch?v=aqz-KE-bpKQ\n  title: So"),
        f"{DE_RESET}:14: video.url: comes from the source, faq_data/entries/two-factor/reset-2fa.yml, and is the "
        "same in every language; remove it here",
    ),
    "unknown-field": (
        lambda p: edit(p, DE_PASSWORD, "title:", "titel:"),
        f"{DE_PASSWORD}:3: titel: unknown field (did you mean 'title'?)",
    ),
    "link-to-an-untranslated-entry": (
        lambda p: edit(p, HE_PASSWORD, "  בדף", "  ראו [2FA](entry:reset-2fa).\n  בדף"),
        f"{HE_PASSWORD}:6: answer: 'reset-2fa' has no Hebrew translation, so this page cannot link to it; "
        "translate it first (helpcenter new --locale he reset-2fa) or remove the link",
    ),
    "link-to-no-entry": (
        lambda p: edit(p, DE_PASSWORD, "(entry:reset-2fa)", "(entry:reset-2f)"),
        f"{DE_PASSWORD}:7: answer: no entry has the id 'reset-2f' (did you mean 'reset-2fa'?)",
    ),
    "missing-steps": (
        lambda p: edit(p, DE_RESET, "steps:\n", "tags:\n"),
        f"{DE_RESET}:1: steps: the source has 5 steps; translate them here",
    ),
    "own-old-address-taken": (
        lambda p: append(p, DE_PASSWORD, "redirect_from:\n  - account/change-password/\n"),
        f"{DE_PASSWORD}:11: redirect_from: 'account/change-password/' is already the address of {PASSWORD}; "
        "remove it from redirect_from",
    ),
    "own-old-address-twice": (
        lambda p: append(p, DE_PASSWORD, "redirect_from:\n  - hc/de/articles/1/\n  - hc/de/articles/1/\n"),
        f"{DE_PASSWORD}:11: redirect_from: 'hc/de/articles/1/' is listed twice; remove one of the two",
    ),
    "wrong-folder": (
        lambda p: (p / DE_PASSWORD).rename(p / "faq_data/entries/two-factor/change-password.de.yml"),
        "faq_data/entries/two-factor/change-password.de.yml: a translation stays beside its source, "
        f"{PASSWORD}; move it into that folder",
    ),
    "unknown-category": (
        lambda p: edit(p, "faq_data/categories.de.yml", "account:", "acount:"),
        "faq_data/categories.de.yml:6: acount: no category has this id (did you mean 'account'?)",
    ),
    "source-only-setting": (
        lambda p: edit(p, "faq_data/settings.de.yml", "  hours:", "  email: hilfe@example.com\n  hours:"),
        "faq_data/settings.de.yml:7: contact.email: comes from the source, faq_data/settings.yml, and is the same "
        "in every language; remove it here",
    ),
    "undeclared-language-code": (
        lambda p: edit(p, "faq_data/settings.yml", "languages: [en, de, he]", "languages: [en, de, he, deutsch]"),
        "faq_data/settings.yml:7: languages[4]: expected a BCP 47 language code such as 'de', 'he' or 'pt-BR', "
        "got 'deutsch'",
    ),
    "unknown-language": (
        lambda p: edit(p, "faq_data/settings.yml", "languages: [en, de, he]", "languages: [en, de, he, xx]"),
        "faq_data/settings.yml:7: languages: 'xx' is no language known to the site's tools; use a BCP 47 language "
        "code such as 'de', 'he' or 'pt-BR'",
    ),
}


@pytest.mark.parametrize("name", sorted(BAD_TRANSLATIONS))
def test_a_bad_translation_is_one_precise_problem(name: str, project: Path) -> None:
    mistake, expected = BAD_TRANSLATIONS[name]
    mistake(project)
    _, problems = load(project)
    assert expected in problems, "\n".join(problems)


def test_a_translation_keeps_its_own_old_addresses(project: Path) -> None:
    append(project, DE_PASSWORD, "redirect_from:\n  - hc/de/articles/360001/\n")
    help_center, problems = load(project)
    assert problems == []
    german = in_language(help_center, "de").entry("change-password")
    assert german.url == "de/account/change-password/"
    assert "hc/de/articles/360001/" in german.redirect_from, "taken as written, not in the language's folder"
    assert "hc/de/articles/360001/" not in help_center.entry("change-password").redirect_from


def test_a_renamed_source_names_the_new_id(project: Path) -> None:
    (project / PASSWORD).rename(project / "faq_data/entries/account/update-password.yml")
    with (project / "faq_data/entries/account/update-password.yml").open("a", encoding="utf-8") as file:
        file.write("redirect_from:\n  - account/change-password/\n")
    for file in ("faq_data/settings.yml", "faq_data/entries/account/new-device-login-email.yml"):
        edit(project, file, "- change-password\n", "- update-password\n")
    _, problems = load(project)
    assert problems == [
        f"{DE_PASSWORD}: translates 'change-password', but no entry has that id; the entry was renamed to "
        "'update-password': rename this file to update-password.de.yml",
        f"{HE_PASSWORD}: translates 'change-password', but no entry has that id; the entry was renamed to "
        "'update-password': rename this file to update-password.he.yml",
    ]


def test_every_bad_translation_is_reported_at_once(project: Path) -> None:
    for name in ("orphan", "undeclared-language", "source-only-field", "unknown-category", "missing-steps"):
        BAD_TRANSLATIONS[name][0](project)
    _, problems = load(project)
    for name in ("orphan", "undeclared-language", "source-only-field", "unknown-category", "missing-steps"):
        assert BAD_TRANSLATIONS[name][1] in problems
