"""A build in three languages: each language's pages under its folder, in its language and direction, with
Material's words and the site's own words in it, listing only that language's entries."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import copy_translated_project, run_build


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_translated_project(tmp_path_factory.mktemp("language-site") / "project")
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


def page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def html_tag(html: str, name: str) -> str:
    found = re.search(rf"<{name}\b[^>]*>", html)
    assert found is not None
    return found.group(0)


def test_each_language_has_only_its_translated_pages(site: Path) -> None:
    german = sorted(path.parent.relative_to(site).as_posix() for path in (site / "de").rglob("index.html"))
    assert german == ["de", "de/account", "de/account/change-password", "de/two-factor", "de/two-factor/reset-2fa"]
    hebrew = sorted(path.parent.relative_to(site).as_posix() for path in (site / "he").rglob("index.html"))
    assert hebrew == ["he", "he/account", "he/account/change-password"]
    assert (site / "account" / "new-device-login-email" / "index.html").is_file()


def test_a_page_is_in_its_language_and_direction(site: Path) -> None:
    assert html_tag(page(site, "de/account/change-password"), "html") == '<html lang="de" dir="ltr" class="no-js">'
    hebrew = page(site, "he/account/change-password")
    assert html_tag(hebrew, "html") == '<html lang="he" dir="rtl" class="no-js">'
    assert html_tag(hebrew, "body") == '<body dir="rtl">'
    english = page(site, "account/change-password")
    assert html_tag(english, "html") == '<html lang="en" dir="ltr" class="no-js">'
    assert html_tag(english, "body") == '<body dir="ltr">'


def test_a_page_has_material_s_words_and_the_site_s_own_in_its_language(site: Path) -> None:
    german = page(site, "de/account/change-password")
    assert 'placeholder="Suche"' in german and 'placeholder="Search"' not in german
    assert 'placeholder="חיפוש"' in page(site, "he")
    assert "Brauchen Sie weitere Hilfe?" in german and "Still need help?" not in german
    assert 'placeholder="Search"' in page(site, "account/change-password")


def test_a_language_s_home_and_category_pages_list_only_its_entries(site: Path) -> None:
    home = page(site, "de")
    assert "Wie können wir helfen?" in home
    assert 'href="account/"' in home and 'href="two-factor/"' in home
    category = page(site, "de/account")
    assert 'href="change-password/"' in category and "new-device-login-email" not in category
    hebrew_home = page(site, "he")
    assert 'href="account/"' in hebrew_home and "two-factor" not in hebrew_home


def test_an_entry_page_leads_back_to_its_language_s_home_and_is_edited_in_its_translation(site: Path) -> None:
    german = page(site, "de/two-factor/reset-2fa")
    breadcrumbs = german[german.index('class="hc-breadcrumbs"'):german.index("</nav>", german.index("hc-breadcrumbs"))]
    assert '<a href="../../">Wie können wir helfen?</a>' in breadcrumbs and 'href="../"' in breadcrumbs
    assert "faq_data/entries/two-factor/reset-2fa.de.yml" in german


def test_each_language_has_its_own_files_for_machines(site: Path) -> None:
    german = (site / "de" / "llms.txt").read_text(encoding="utf-8")
    assert "https://help.example.com/de/two-factor/reset-2fa/index.md" in german
    assert "https://help.example.com/de/llms-full.txt" in german
    assert "new-device-login-email" not in german and "https://help.example.com/account/" not in german
    document = json.loads((site / "de" / "entries.json").read_text(encoding="utf-8"))
    assert document["site"]["address"] == "https://help.example.com/de/" and document["site"]["language"] == "de"
    assert sorted(item["id"] for item in document["entries"]) == ["change-password", "reset-2fa"]
    assert all(item["language"] == "de" and item["text"] for item in document["entries"])
    copy = (site / "de" / "two-factor" / "reset-2fa" / "index.md").read_text(encoding="utf-8")
    assert "Wie setze ich die Zwei-Faktor-Authentifizierung zurück?" in copy
    assert "/de/" not in (site / "llms.txt").read_text(encoding="utf-8")
    assert (site / "he" / "account" / "change-password" / "index.md").is_file()
