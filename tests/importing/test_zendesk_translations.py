"""Zendesk translations in their other forms, and the translations and sub-sections an import refuses."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from import_support import run_cli, tree

from conftest import copy_project, declare_languages
from import_exports import (
    GERMAN_RESET,
    page,
    sub_section,
    write_json,
    write_zendesk_export,
    zendesk_articles,
    zendesk_translations,
)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return declare_languages(copy_project(tmp_path / "project"))


def _import(project: Path, *args: str) -> tuple[int, str]:
    before = tree(project)
    result = run_cli(project, "import", "zendesk", "../export", *args)
    assert "Traceback" not in result.output
    if result.exit_code:
        assert tree(project) == before
        assert "nothing was written" in result.output
    return result.exit_code, result.output


def _articles(german_body: str = GERMAN_RESET) -> list[dict[str, Any]]:
    """The first four articles and the German one, without the drafts and the simple ones."""
    articles = zendesk_articles()
    german = next(article for article in articles if article["locale"] == "de")
    return [*articles[:4], {**german, "body": german_body}]


def test_translations_side_loaded_beside_the_articles(project: Path) -> None:
    """`GET /api/v2/help_center/en-us/articles?include=translations`: one response, both lists."""
    folder = write_zendesk_export(project.parent / "export", zendesk_articles()[:4])
    response = page("articles", zendesk_articles()[:4])
    response["translations"] = [translation for translation in zendesk_translations()
                                if translation["source_id"] in {360001000002, 360001000003}]
    write_json(folder / "articles-1.json", response)
    status, output = _import(project, "--skip-locale", "fr")
    assert status == 0, output
    entries = project / "faq_data" / "entries"
    assert sorted(path.name for path in entries.rglob("*.*.yml")) == [
        "plans-are-there-and-what-do-they-cost.de.yml", "two-step-sign-in-work.de.yml",
        "two-step-sign-in-work.he.yml"]
    hebrew = yaml.safe_load((entries / "your-account" / "two-step-sign-in-work.he.yml").read_text("utf-8"))
    assert hebrew["title"] == "איך עובדת כניסה בשני שלבים?"


def test_a_translation_without_the_sources_steps(project: Path) -> None:
    write_zendesk_export(project.parent / "export", _articles("<p>Öffnen Sie die Anmeldeseite.</p>"))
    status, output = _import(project)
    assert status == 1
    assert ("../export/articles-1.json: articles[4] (article 360001000001, de): body: the source ends with 3 "
            "numbered steps, this translation does not; make its body end with the same numbered list, or leave "
            "the language out with --skip-locale") in output


def test_articles_in_another_language_than_the_default(project: Path) -> None:
    settings = project / "faq_data" / "settings.yml"
    settings.write_text(settings.read_text("utf-8").replace("languages: [en, de, he]", "languages: [de, en]"),
                        encoding="utf-8")
    write_zendesk_export(project.parent / "export", _articles())
    status, output = _import(project)
    assert status == 1
    assert ("the articles are written in 'en-us', but the help center's default language is 'de' (German); put "
            "the language of the articles first in languages in settings.yml") in output


def test_a_help_center_in_one_language_names_each_locale_once(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    write_zendesk_export(project.parent / "export", translations=True)
    status, output = _import(project)
    assert status == 1
    locales = [line.split(" is in '" if " is in '" in line else " are in '")[1].split("'")[0]
               for line in output.splitlines() if "settings.yml declares none" in line]
    assert locales == ["de", "he", "fr"]
    assert "8 translations are in 'de' (German)" in output, "the German article, six more, the section; no draft"
    status, output = _import(project, "--skip-locale", "de", "--skip-locale", "HE", "--skip-locale", "fr")
    assert status == 0, output
    assert not list((project / "faq_data").rglob("*.*.yml"))
    reset = yaml.safe_load((project / "faq_data/entries/your-account/reset-password.yml").read_text("utf-8"))
    assert "hc/de/articles/360001000001/" in reset["redirect_from"], "a left-out translation's address leads here"


def test_a_translation_with_no_title(project: Path) -> None:
    folder = write_zendesk_export(project.parent / "export", zendesk_articles()[:4])
    translations = zendesk_translations()[2:4]
    translations[1]["title"] = ""
    write_json(folder / "translations.json", page("translations", translations))
    status, output = _import(project)
    assert status == 1
    assert "export/translations.json: translations[1].title: expected the article's title, found nothing" in output


def test_a_sub_section_whose_parent_is_not_in_the_export(project: Path) -> None:
    folder = write_zendesk_export(project.parent / "export", zendesk_articles()[:4])
    orphan = {**sub_section(), "parent_section_id": 42}
    sections = yaml.safe_load((folder / "sections.json").read_text("utf-8"))
    write_json(folder / "sections.json", page("sections", [*sections["sections"], orphan]))
    status, output = _import(project)
    assert status == 1
    assert ("../export/sections.json: sections[3] (section 360000444444): parent_section_id: the section 42 is not "
            "in the export; add the response that lists it") in output
