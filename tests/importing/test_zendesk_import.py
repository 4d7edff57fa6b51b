"""A Zendesk Guide export of a few dozen articles imported into the tests' help center, end to end."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from import_support import entry_text, fill_in_what_the_team_writes, run_cli, tree, visible_text

from conftest import copy_project, declare_languages, run_build
from helpcenter.importing.plan_translations import OUTDATED_FINGERPRINT
from helpcenter.load.fingerprint import entry_values_fingerprint
from import_exports import GERMAN_RESET, TRANSLATIONS, write_zendesk_export, zendesk_articles


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A help center in English, German and Hebrew, and an export with translations into those and French."""
    project = declare_languages(copy_project(tmp_path_factory.mktemp("zendesk") / "project"))
    write_zendesk_export(project.parent / "export", translations=True)
    before = tree(project)
    refused = run_cli(project, "import", "zendesk", "../export")
    assert refused.exit_code == 1
    assert tree(project) == before
    result = run_cli(project, "import", "zendesk", "../export", "--report", "../addresses.txt", "--skip-locale", "fr")
    assert result.exit_code == 0, result.output
    return project, refused.output + result.output


def test_an_undeclared_locale_stops_the_import_once_with_the_fix(imported: tuple[Path, str]) -> None:
    _, output = imported
    refusals = [line for line in output.splitlines() if "'fr'" in line]
    assert refusals == [
        "../export/translations/360001000001.json: translations[2] (article 360001000001, fr): locale: 1 "
        "translation is in 'fr' (French), which is not one of the help center's languages (languages: en, de, he): "
        "add it to languages in settings.yml, or pass --skip-locale fr to leave them out"
    ]


def test_the_summary_counts_what_was_imported_and_skipped(imported: tuple[Path, str]) -> None:
    _, output = imported
    rows = dict(re.findall(r"^(\w[\w ]+?)\s{2,}(\d+)$", output, re.MULTILINE))
    assert rows["imported"] == "36"
    assert rows["skipped drafts"] == "2"
    assert rows["translations imported"] == "9"
    assert rows["translations outdated"] == "1"
    assert rows["skipped draft translations"] == "1"
    assert rows["skipped translations"] == "1"
    assert rows["needs a summary"] == "36"
    assert rows["pictures copied"] == "1"
    assert rows["pictures missing"] == "1"
    # Each article's two old addresses; the sections', the sub-section's and the categories'; the French
    # translation's and the German draft's (their slugs are not ASCII: the bare form only); the German
    # translations' two each, the Hebrew ones' bare form, and the German section's two.
    assert rows["redirects written"] == str(36 * 2 + 3 * 2 + 2 + 2 * 2 + 1 + 1 + 7 * 2 + 2 + 2)


def test_fields_are_mapped(imported: tuple[Path, str]) -> None:
    project, _ = imported
    entries = project / "faq_data" / "entries"
    reset = yaml.safe_load((entries / "your-account" / "reset-password.yml").read_text(encoding="utf-8"))
    assert reset["title"] == "How do I reset my password?"
    assert reset["summary"] is None and reset["owner"] is None and reset["reviewed"] is None
    assert reset["tags"] == ["password", "sign in"]
    assert reset["steps"][0] == "Open the **sign-in** page."
    assert len(reset["steps"]) == 3
    assert "[how two-step sign-in works](entry:two-step-sign-in-work)" in reset["answer"]
    assert "![The sign-in page](assets/imported/sign-in-page.png)" in reset["answer"]
    assert (project / "docs" / "assets" / "imported" / "sign-in-page.png").is_file()
    assert reset["redirect_from"] == ["hc/en-us/articles/360001000001-how-do-i-reset-my-password/",
                                      "hc/en-us/articles/360001000001/", "hc/fr/articles/360001000001/"], \
        "the French translation is left out: its old address leads to the source"
    two_step = yaml.safe_load((entries / "your-account" / "two-step-sign-in-work.yml").read_text(encoding="utf-8"))
    assert two_step["video"]["url"] == "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    assert two_step["video"]["title"] == "Turning on two-step sign-in"
    assert "[above](#what-it-is)" in two_step["answer"]
    assert "    - Android: *Settings > System > Date*" in two_step["answer"]
    plans = (entries / "billing-and-invoices" / "plans-are-there-and-what-do-they-cost.yml").read_text("utf-8")
    assert r"| Starter | 5 € \| month  | One project<br>E-mail support       |" in plans
    assert "(category:billing-and-invoices)" in plans
    settings = yaml.safe_load((project / "faq_data" / "settings.yml").read_text(encoding="utf-8"))
    assert settings["featured"][-2:] == ["reset-password", "plans-are-there-and-what-do-they-cost"]
    security_key = yaml.safe_load((entries / "your-account" / "add-security-key.yml").read_text(encoding="utf-8"))
    assert security_key["tags"] == ["Security keys"], "a sub-section's articles join its top-level section"
    categories = yaml.safe_load((project / "faq_data" / "categories.yml").read_text(encoding="utf-8"))
    assert len(categories) == 5, "no category for the sub-section"
    assert [categories[name]["order"] for name in ("your-account", "billing-and-invoices", "troubleshooting")] == \
        [3, 4, 5], "after the existing categories, in the old help center's order"
    assert categories["your-account"]["redirect_from"] == [
        "hc/en-us/sections/360000111111-your-account/", "hc/en-us/sections/360000111111/",
        "hc/en-us/sections/360000444444-security-keys/", "hc/en-us/sections/360000444444/",
        "hc/en-us/categories/360000010101-general/", "hc/en-us/categories/360000010101/",
        "hc/de/sections/360000111111-ihr-konto/", "hc/de/sections/360000111111/"]
    assert categories["billing-and-invoices"]["redirect_from"] == [
        "hc/en-us/sections/360000222222-billing-and-invoices/", "hc/en-us/sections/360000222222/"]


def test_check_lists_exactly_what_the_team_must_write(imported: tuple[Path, str]) -> None:
    project, _ = imported
    result = run_cli(project, "check")
    assert result.exit_code == 1
    problems = [line for line in result.output.splitlines() if line.startswith("faq_data/")]
    fields = {line.split(": ")[1] for line in problems}
    assert fields == {"summary", "owner", "reviewed", "video.description", "video.uploaded"}, problems
    # The translations' own empty fields are listed once their sources pass.
    assert sum(1 for line in problems if ": summary: " in line) == 36


def test_the_articles_text_is_kept(imported: tuple[Path, str]) -> None:
    project, _ = imported
    entries = project / "faq_data" / "entries"
    by_title = {yaml.safe_load(path.read_text("utf-8"))["title"]: path for path in entries.rglob("*.yml")}
    for article in zendesk_articles():
        if article["draft"] or article["locale"] != "en-us":
            continue
        source = visible_text(article["body"])
        imported_text = entry_text(by_title[article["title"]])
        # The missing picture is kept as its description, which the source showed only as a picture.
        imported_text = imported_text.replace(" The list of invoices", "")
        assert imported_text == source, article["title"]


def test_translations_are_written_beside_their_entries(imported: tuple[Path, str]) -> None:
    project, output = imported
    entries = project / "faq_data" / "entries"
    reset = yaml.safe_load((entries / "your-account" / "reset-password.de.yml").read_text(encoding="utf-8"))
    assert reset["title"] == "Wie setze ich mein Passwort zurück?"
    assert reset["summary"] is None
    assert len(reset["steps"]) == 3 and reset["steps"][0] == "Öffnen Sie die **Anmeldeseite**."
    assert "[wie die zweistufige Anmeldung funktioniert](entry:two-step-sign-in-work)" in reset["answer"]
    assert "![Die Anmeldeseite](assets/imported/sign-in-page.png)" in reset["answer"]
    assert reset["redirect_from"] == ["hc/de/articles/360001000001-wie-setze-ich-mein-passwort/",
                                      "hc/de/articles/360001000001/"]
    two_step = yaml.safe_load((entries / "your-account" / "two-step-sign-in-work.he.yml").read_text("utf-8"))
    assert two_step["video"] == {"title": "הפעלת כניסה בשני שלבים", "description": None}
    assert two_step["redirect_from"] == ["hc/he/articles/360001000002/"], "a Hebrew slug is no site path"
    session = (entries / "troubleshooting" / "app-say-session-expired.de.yml").read_text(encoding="utf-8")
    assert "(entry:reset-password)" in session
    assert "(https://example.zendesk.com/hc/de/articles/360001000005)" in session, \
        "an article without a German translation cannot be linked from a German page"
    assert "the article 360001000005 is not imported" in output
    plans = (entries / "billing-and-invoices" / "plans-are-there-and-what-do-they-cost.de.yml").read_text("utf-8")
    assert "(category:billing-and-invoices)" in plans
    assert f"source: {OUTDATED_FINGERPRINT}" in plans and "marked it outdated" in plans
    assert not (entries / "your-account" / "close-account.de.yml").exists(), "a draft translation is skipped"
    assert not list(entries.rglob("*.fr.yml")) and not list(entries.rglob("*.en*.yml"))
    categories = yaml.safe_load((project / "faq_data" / "categories.de.yml").read_text(encoding="utf-8"))
    assert categories == {"your-account": {
        "source": categories["your-account"]["source"], "title": "Ihr Konto",
        "description": "Anmelden, Passwörter und Profileinstellungen."}}


def test_a_translation_records_the_fingerprint_of_its_source_as_imported(imported: tuple[Path, str]) -> None:
    project, _ = imported
    translations = sorted((project / "faq_data" / "entries").rglob("*.*.yml"))
    assert len(translations) == 9
    for path in translations:
        source = yaml.safe_load(path.with_name(path.name.split(".")[0] + ".yml").read_text(encoding="utf-8"))
        video = source.get("video") or {}
        current = entry_values_fingerprint(
            title=source["title"], summary=source["summary"] or "", answer=source["answer"],
            steps=source.get("steps", []), tags=source.get("tags", []), also_asked=source.get("also_asked", []),
            video_title=video.get("title"), video_description=video.get("description"))
        expected = OUTDATED_FINGERPRINT if path.name.startswith("plans-") else current
        assert yaml.safe_load(path.read_text(encoding="utf-8"))["source"] == expected, path.name


def test_the_translations_text_is_kept(imported: tuple[Path, str]) -> None:
    project, _ = imported
    entries = project / "faq_data" / "entries"
    by_title = {yaml.safe_load(path.read_text("utf-8"))["title"]: path for path in entries.rglob("*.*.yml")}
    translated = [(title, body) for _, locale, title, body, draft, _ in TRANSLATIONS if locale != "fr" and not draft]
    translated.append(("Wie setze ich mein Passwort zurück?", GERMAN_RESET))
    assert len(translated) == len(by_title) == 9
    for title, body in translated:
        assert entry_text(by_title[title]) == visible_text(body), title


def test_after_the_summaries_the_site_builds_and_every_old_address_redirects(
    tmp_path: Path, imported: tuple[Path, str]
) -> None:
    import shutil

    project = tmp_path / "project"
    shutil.copytree(imported[0], project)
    assert fill_in_what_the_team_writes(project) == 36 + 9
    checked = run_cli(project, "check")
    assert checked.exit_code == 0, checked.output
    # Writing the summaries changed the sources: the translators review their translations (summaries included),
    # all but the one the old help center marked outdated.
    reviewed = [path.relative_to(project).as_posix() for path in sorted(project.rglob("*.*.yml"))
                if ".de." in path.name or ".he." in path.name]
    outdated = "faq_data/entries/billing-and-invoices/plans-are-there-and-what-do-they-cost.de.yml"
    marked = run_cli(project, "translations", *(f"--reviewed={path}" for path in reviewed if path != outdated))
    assert marked.exit_code == 0, marked.output
    listed = run_cli(project, "translations")
    assert [line.split()[-1] for line in listed.output.splitlines() if " outdated " in line] == [outdated]
    built = run_build(project)
    assert built.returncode == 0, built.stderr
    site = project / "site"
    german = (site / "de" / "your-account" / "reset-password" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="de"' in german and "Öffnen Sie die <strong>Anmeldeseite</strong>" in german
    hebrew = (site / "he" / "your-account" / "two-step-sign-in-work" / "index.html").read_text(encoding="utf-8")
    assert 'dir="rtl"' in hebrew and "כניסה בשני שלבים" in hebrew
    addresses = (imported[0].parent / "addresses.txt").read_text(encoding="utf-8")
    pairs = re.findall(r"^(/hc/\S+)\s+(/\S+)$", addresses, re.MULTILINE)
    assert len(pairs) == 104
    assert ("/hc/de/sections/360000111111-ihr-konto/", "/your-account/") in pairs
    assert ("/hc/de/articles/360001000001/", "/de/your-account/reset-password/") in pairs
    assert ("/hc/he/articles/360001000001/", "/he/your-account/reset-password/") in pairs
    assert ("/hc/fr/articles/360001000001/", "/your-account/reset-password/") in pairs, "French is left out"
    assert ("/hc/de/articles/360001000008/", "/your-account/close-account/") in pairs, "a draft translation"
    for old, new in pairs:
        page = (site / old.lstrip("/") / "index.html").read_text(encoding="utf-8")
        target = re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', page)
        assert target, old
        assert (site / old.lstrip("/") / target.group(1) / "index.html").resolve() == \
            (site / new.lstrip("/") / "index.html").resolve(), old
    rules = (site / "_redirects").read_text(encoding="utf-8")
    assert "/hc/en-us/articles/360001000001-* /your-account/reset-password/ 301" in rules
    assert "/hc/de/articles/360001000001-* /de/your-account/reset-password/ 301" in rules
    ledger = (project / "published-urls.txt").read_text(encoding="utf-8")
    assert "/hc/en-us/articles/360001000001/\n" in ledger and "/hc/de/articles/360001000001/\n" in ledger
    assert "/your-account/reset-password/\n" in ledger and "/de/your-account/reset-password/\n" in ledger
    two_step = (site / "your-account" / "two-step-sign-in-work" / "index.html").read_text(encoding="utf-8")
    assert 'id="what-it-is"' in two_step and 'href="#what-it-is"' in two_step


def test_importing_twice_writes_nothing_the_second_time(tmp_path: Path, imported: tuple[Path, str]) -> None:
    import shutil

    project = tmp_path / "project"
    shutil.copytree(imported[0], project)
    fill_in_what_the_team_writes(project)
    before = tree(project)
    result = run_cli(project, "import", "zendesk", str(imported[0].parent / "export"), "--skip-locale", "fr")
    assert result.exit_code == 1
    assert "two entries" in result.output or "same title" in result.output or "already" in result.output, \
        result.output
    assert tree(project) == before
