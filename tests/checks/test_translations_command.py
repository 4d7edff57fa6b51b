"""`helpcenter translations` (missing, outdated, orphaned, coverage, --reviewed), `new --locale` and the
outdated warning of `helpcenter check`, on a three-language copy of the tests' help center."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from conftest import copy_translated_project, run_build
from helpcenter.cli import main

PASSWORD = "faq_data/entries/account/change-password.yml"
DE_PASSWORD = "faq_data/entries/account/change-password.de.yml"


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    project = copy_translated_project(tmp_path / "project")
    monkeypatch.chdir(project)
    return project


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def rows(output: str) -> list[list[str]]:
    return [line.split() for line in output.splitlines()]


def test_the_report_lists_what_is_missing_with_the_owner_and_the_coverage(project: Path) -> None:
    result = run("translations")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert ("de        missing  entry incorrect-2fa           Support team  "
            "faq_data/entries/two-factor/incorrect-2fa.de.yml") in lines
    assert "he        missing  settings                      -             faq_data/settings.he.yml" in lines
    assert not any("outdated" in line.split()[1:2] for line in lines[2:] if line.startswith(("de ", "he ")))
    assert "he        missing  page contact                  -             docs/contact.he.md" in lines
    assert not any("page contact" in line for line in lines if line.startswith("de "))  # docs/contact.de.md
    assert ["de", "2", "of", "4", "50%", "0", "2", "of", "2", "yes", "7", "of", "30", "1", "of", "1"] in rows(
        result.stdout)
    assert ["he", "1", "of", "4", "25%", "0", "0", "of", "2", "missing", "0", "of", "30", "0", "of", "1"] in rows(
        result.stdout)


def test_after_a_source_edit_the_report_names_the_outdated_translations(project: Path) -> None:
    edit(project / PASSWORD, "title: How do I change my password?", "title: How can I change my password?")
    result = run("translations")
    assert result.exit_code == 0, result.output
    outdated = [line for line in result.stdout.splitlines() if "  outdated  " in line]
    assert outdated == [
        f"de        outdated  entry change-password         Support team  {DE_PASSWORD}",
        "he        outdated  entry change-password         Support team  "
        "faq_data/entries/account/change-password.he.yml",
    ]
    assert ["de", "2", "of", "4", "50%", "1", "2", "of", "2", "yes", "7", "of", "30", "1", "of", "1"] in rows(
        result.stdout)


def test_an_untranslated_field_edit_is_not_outdated(project: Path) -> None:
    edit(project / PASSWORD, "owner: Support team", "owner: Accounts team")
    result = run("translations")
    assert "outdated  entry" not in result.stdout


def test_check_warns_of_an_outdated_translation_and_passes(project: Path) -> None:
    edit(project / PASSWORD, "title: How do I change my password?", "title: How can I change my password?")
    result = run("check")
    assert result.exit_code == 0, result.output
    assert (f"warning: {DE_PASSWORD}:2: source: outdated: the source entry changed since this German translation "
            "was made; update the translation, then run 'helpcenter translations --reviewed FILE' (see the changes "
            "with 'git log -p' on the source)") in result.stderr.splitlines()


def test_marking_reviewed_refreshes_only_the_fingerprint_and_the_date(project: Path) -> None:
    edit(project / PASSWORD, "title: How do I change my password?", "title: How can I change my password?")
    translation = project / DE_PASSWORD
    edit(translation, "title:", "# a translator's note\ntitle:")
    before = translation.read_bytes().splitlines()
    result = run("translations", "--reviewed", DE_PASSWORD)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{DE_PASSWORD}: marked reviewed\n"
    after = translation.read_bytes().splitlines()
    at = next(number for number, line in enumerate(before) if line.startswith(b"source: "))
    assert after[at].startswith(b"source: ") and after[at] != before[at]
    assert after[at + 1] == f"reviewed: {date.today().isoformat()}".encode()  # a line of its own, added
    assert after[:at] + after[at + 2:] == before[:at] + before[at + 1:]
    report = run("translations").stdout
    assert "de        outdated  entry change-password" not in report
    assert "he        outdated  entry change-password" in report
    assert run("translations", "--reviewed", DE_PASSWORD).stdout == f"{DE_PASSWORD}: already matches its source\n"


def test_marking_reviewed_again_changes_the_date_in_its_place(project: Path) -> None:
    translation = project / DE_PASSWORD
    edit(translation, "\ntitle:", "\nreviewed: 2024-01-02  # checked by Anna\ntitle:")
    translation.write_bytes(translation.read_bytes().replace(b"\n", b"\r\n"))
    before = translation.read_bytes()
    assert run("translations", "--reviewed", DE_PASSWORD).stdout == f"{DE_PASSWORD}: marked reviewed\n"
    text = translation.read_bytes()
    assert text == before.replace(b"2024-01-02", date.today().isoformat().encode())
    assert run("translations", "--reviewed", DE_PASSWORD).stdout == f"{DE_PASSWORD}: already matches its source\n"


def test_a_translation_reviewed_in_the_future_is_refused(project: Path) -> None:
    edit(project / DE_PASSWORD, "\ntitle:", "\nreviewed: 2999-01-01\ntitle:")
    result = run("check")
    assert result.exit_code != 0
    assert (f"{DE_PASSWORD}:3: reviewed: 2999-01-01 is in the future; write the day the translation was last "
            "checked, or run 'helpcenter translations --reviewed FILE'") in result.output


def test_marking_a_category_file_reviewed(project: Path) -> None:
    edit(project / "faq_data/categories.yml", "title: Account and login", "title: Your account")
    assert "outdated  category account" in run("translations").stdout
    assert run("translations", "--reviewed", "faq_data/categories.de.yml").exit_code == 0
    assert "outdated  category account" not in run("translations").stdout


def test_the_github_format_annotates_the_translation_files(project: Path) -> None:
    edit(project / PASSWORD, "title: How do I change my password?", "title: How can I change my password?")
    result = run("translations", "--format", "github")
    lines = result.stdout.splitlines()
    assert (f"::warning file={DE_PASSWORD},line=2,title=Translation outdated::de%3A entry change-password is "
            "outdated (owner%3A Support team)").replace("%3A", ":") in lines
    assert ("::notice file=faq_data/settings.he.yml,title=Translation missing::he: settings is missing") in lines


def test_an_orphan_is_reported_and_fails(project: Path) -> None:
    (project / DE_PASSWORD).rename(project / "faq_data/entries/account/close-account.de.yml")
    result = run("translations")
    assert result.exit_code == 1
    assert ("de        orphaned  entry close-account           -             "
            "faq_data/entries/account/close-account.de.yml") in result.stdout.splitlines()
    assert "translates 'close-account', but no entry has that id" in result.stdout


def test_new_locale_writes_a_skeleton_that_check_asks_to_complete(project: Path) -> None:
    result = run("new", "--locale", "de", "incorrect-2fa")
    assert result.exit_code == 0, result.output
    path = "faq_data/entries/two-factor/incorrect-2fa.de.yml"
    assert result.stdout == f"{path}\n"
    text = (project / path).read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../../schemas/entry-translation.schema.json\n")
    assert "# Why does the login say “2FA incorrect”?\ntitle:\n" in text
    checked = run("check")
    assert checked.exit_code == 1
    assert f"{path}:7: title: required, but empty; fill in the question, as a customer would ask it" in checked.stdout
    # The skeleton's fingerprint is the source's: once filled in, the translation is current.
    text = text.replace("\ntitle:\n", "\ntitle: Warum meldet die Anmeldung „2FA falsch“?\n")
    text = text.replace("\nsummary:\n", "\nsummary: Meist geht die Uhr Ihres Handys falsch.\n")
    text = text.replace("\nanswer: |\n", "\nanswer: |\n  Prüfen Sie die Uhrzeit Ihres Handys.\n")
    (project / path).write_text(text, encoding="utf-8")
    assert run("check").exit_code == 0
    assert "de        missing  entry incorrect-2fa" not in run("translations").stdout


def test_new_locale_refuses_an_undeclared_language_and_an_existing_file(project: Path) -> None:
    result = run("new", "--locale", "fr", "incorrect-2fa")
    assert result.exit_code == 1
    assert "'fr' is not a language to translate into: add it to 'languages' in faq_data/settings.yml" in result.output
    result = run("new", "--locale", "de", "change-password")
    assert result.exit_code == 1
    assert "change-password.de.yml already exists; edit it" in result.output
    result = run("new", "--locale", "de", "incorect-2fa")
    assert "no entry has the id 'incorect-2fa' (did you mean 'incorrect-2fa'?)" in result.output


def test_a_one_language_site_has_nothing_to_translate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from conftest import copy_project

    monkeypatch.chdir(copy_project(tmp_path / "project"))
    result = run("translations")
    assert result.exit_code == 0
    assert "The site has one language" in result.stdout


def test_a_page_translation_of_no_page_or_in_an_undeclared_language_is_refused_by_check_and_build(
    project: Path
) -> None:
    (project / "docs" / "contakt.de.md").write_text("# Kontakt\n", encoding="utf-8")
    (project / "docs" / "contact.fr.md").write_text("# Contact\n", encoding="utf-8")
    expected = [
        "docs/contakt.de.md:1: translates the page 'contakt', but docs/contakt.md does not exist (did you mean "
        "'contact'?): name the file after the page it translates, PAGE.de.md, or remove it",
        "docs/contact.fr.md:1: 'fr' (French) is not one of the site's languages (faq_data/settings.yml has "
        "languages: en, de, he); add it to languages there, after the default language, or remove this file",
    ]
    check = run("check")
    assert check.exit_code != 0
    assert all(problem in check.output for problem in expected), check.output
    build = run_build(project)
    assert build.returncode != 0
    assert all(problem in build.stderr for problem in expected), build.stderr
    assert not (project / "site").exists()


def test_a_page_translation_is_outdated_after_its_page_s_text_changes_until_reviewed(project: Path) -> None:
    translation = project / "docs" / "contact.de.md"
    before = translation.read_text(encoding="utf-8")
    edit(project / "docs" / "contact.md", "search:", "description: typo fixed in the front matter only\nsearch:")
    assert "de        outdated  page contact" not in run("translations").stdout  # only the title and text count
    edit(project / "docs" / "contact.md", "# Contact us", "# Get in touch")
    result = run("translations")
    assert "de        outdated  page contact" in result.stdout
    checked = run("check")
    assert checked.exit_code == 0, checked.output
    assert ("docs/contact.de.md:6: source: outdated: the page changed since this German translation was made"
            in checked.output)
    reviewed = run("translations", "--reviewed", "docs/contact.de.md")
    assert reviewed.exit_code == 0 and "docs/contact.de.md: marked reviewed" in reviewed.output
    after = translation.read_text(encoding="utf-8")
    assert after.replace(after.splitlines()[5], "source: prpckysdxf") == before  # only the fingerprint changed
    assert "de        outdated  page contact" not in run("translations").stdout
    assert "already matches its source" in run("translations", "--reviewed", "docs/contact.de.md").output


def test_a_page_translation_without_a_fingerprint_was_never_reviewed(project: Path) -> None:
    translation = project / "docs" / "contact.de.md"
    edit(translation, "source: prpckysdxf\n", "")
    assert "de        outdated  page contact" in run("translations").stdout
    assert ("docs/contact.de.md:1: source: outdated: this German translation has no 'source:' line: it was never "
            "marked reviewed") in run("check").output
    assert run("translations", "--reviewed", "docs/contact.de.md").exit_code == 0
    assert "\n  exclude: true\nsource: prpckysdxf\n---\n" in translation.read_text(encoding="utf-8")
    translation.write_text("# Kontakt\n\nSchreiben Sie uns.\n", encoding="utf-8")  # no front matter at all
    assert run("translations", "--reviewed", "docs/contact.de.md").exit_code == 0
    assert translation.read_text(encoding="utf-8").startswith("---\nsource: ")
    assert "de        outdated  page contact" not in run("translations").stdout


def test_marking_a_file_that_translates_no_page_reviewed_is_refused(project: Path) -> None:
    (project / "notes.de.md").write_text("# Notizen\n", encoding="utf-8")
    result = run("translations", "--reviewed", "notes.de.md")
    assert result.exit_code == 1
    assert "notes.de.md is not a page translation: its name is PAGE.LANGUAGE.md under docs/" in result.output
