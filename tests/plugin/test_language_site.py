"""A build in three languages: each language's pages under its folder, in its language and direction, with
Material's words and the site's own words in it, listing only that language's entries."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import copy_translated_project, run_build
from helpcenter.checks.ledger import published_urls
from helpcenter.load.help_center import load_help_center

GERMAN_REVIEW = "2025-03-04"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_translated_project(tmp_path_factory.mktemp("language-site") / "project")
    source = project / "faq_data" / "entries" / "account" / "change-password.yml"
    source.write_text(source.read_text(encoding="utf-8").replace(
        "\nowner:", "\nredirect_from: [account/password/]\nowner:", 1), encoding="utf-8")
    german = source.with_name("change-password.de.yml")
    german.write_text(german.read_text(encoding="utf-8").replace("\ntitle:", f"\nreviewed: {GERMAN_REVIEW}\ntitle:", 1),
                      encoding="utf-8")
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    return project


@pytest.fixture(scope="module")
def site(project: Path) -> Path:
    return project / "site"


def page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def html_tag(html: str, name: str) -> str:
    found = re.search(rf"<{name}\b[^>]*>", html)
    assert found is not None
    return found.group(0)


def test_each_language_has_only_its_translated_pages(site: Path) -> None:
    german = sorted(path.parent.relative_to(site).as_posix() for path in (site / "de").rglob("index.html"))
    assert german == [  # and the redirect from the German page's old address
        "de", "de/account", "de/account/change-password", "de/account/password", "de/contact", "de/two-factor",
        "de/two-factor/reset-2fa",
    ]
    hebrew = sorted(path.parent.relative_to(site).as_posix() for path in (site / "he").rglob("index.html"))
    assert hebrew == ["he", "he/account", "he/account/change-password", "he/account/password"]
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
    logo = re.search(r'<a href="([^"]*)"[^>]*class="md-header__button md-logo"', german)
    assert logo is not None and logo.group(1) == "../../"


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


def link_tags(html: str) -> dict[str, str]:
    return dict(re.findall(r'<link rel=" alternate" hreflang="([^"]+)" href="([^"]+)">', html))


def test_a_page_names_its_language_versions_and_an_x_default(site: Path) -> None:
    root = "https://help.example.com/"
    versions = {"en": f"{root}account/change-password/", "de": f"{root}de/account/change-password/",
                "he": f"{root}he/account/change-password/", "x-default": f"{root}account/change-password/"}
    for path in ("account/change-password", "de/account/change-password", "he/account/change-password"):
        assert link_tags(page(site, path)) == versions
    assert link_tags(page(site, "de/two-factor/reset-2fa")) == {
        "en": f"{root}two-factor/reset-2fa/", "de": f"{root}de/two-factor/reset-2fa/",
        "x-default": f"{root}two-factor/reset-2fa/",
    }
    assert link_tags(page(site, "account/new-device-login-email")) == {}  # in one language only
    assert '<link rel="canonical" href="https://help.example.com/de/account/change-password/">' in page(
        site, "de/account/change-password")


def test_structured_data_names_the_page_s_language(site: Path) -> None:
    assert '"inLanguage":"he"' in page(site, "he/account/change-password")
    assert '"inLanguage":"de"' in page(site, "de/account")
    assert '"inLanguage":"en"' in page(site, "account/change-password")
    assert '"item":"https://help.example.com/de/"' in page(site, "de/account/change-password")


def test_the_sitemap_lists_each_version_with_its_alternates(site: Path) -> None:
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert 'xmlns:xhtml="http://www.w3.org/1999/xhtml"' in sitemap
    german = re.search(r"<url><loc>https://help.example.com/de/two-factor/reset-2fa/</loc>.*</url>", sitemap)
    assert german is not None
    assert german.group(0).count("<xhtml:link") == 3 and 'hreflang="x-default"' in german.group(0)
    assert "<lastmod>" in german.group(0)
    assert "<url><loc>https://help.example.com/contact/</loc><xhtml:link" in sitemap


def test_old_addresses_lead_to_the_page_in_the_same_language(site: Path) -> None:
    german = (site / "de" / "account" / "password" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="de">' in german and 'url=../change-password/"' in german
    assert (site / "account" / "password" / "index.html").is_file()
    assert not (site / "he" / "two-factor").exists()
    rules = (site / "_redirects").read_text(encoding="utf-8").splitlines()
    assert "/de/account/password/ /de/account/change-password/ 301" in rules
    assert "/account/password/ /account/change-password/ 301" in rules


def test_the_ledger_records_every_language_s_addresses(project: Path) -> None:
    ledger = published_urls(load_help_center(project / "faq_data", project, project / "docs"), project / "docs")
    for path in ("/de/", "/de/account/", "/de/account/change-password/", "/de/account/password/",
                 "/he/account/change-password/", "/account/password/", "/contact/"):
        assert path in ledger
    assert ledger["/de/contact/"] == "docs/contact.de.md"
    assert "/he/two-factor/reset-2fa/" not in ledger and "/contact.de/" not in ledger and "/he/contact/" not in ledger


def switcher_links(html: str) -> list[tuple[str, str, str]]:
    """(hreflang, href, title) of each link in the header's language switcher."""
    return re.findall(
        r'<a href="([^"]*)" hreflang="([^"]*)" lang="[^"]*" class="md-select__link"(?: title="([^"]*)")?', html
    )


def test_the_language_switcher_leads_to_the_same_page_or_the_language_s_home(site: Path) -> None:
    assert switcher_links(page(site, "de/two-factor/reset-2fa")) == [
        ("../../../two-factor/reset-2fa/", "en", ""),
        ("../../../he/", "he", "This page is not translated into this language: its home page"),
    ]
    assert switcher_links(page(site, "he/account/change-password")) == [
        ("../../../account/change-password/", "en", ""), ("../../../de/account/change-password/", "de", ""),
    ]
    assert [link[1] for link in switcher_links(page(site, "contact"))] == ["de", "he"]
    assert "עברית" in page(site, "account/change-password") and "Deutsch" in page(site, "account/change-password")


def test_a_hand_written_file_for_machines_in_a_language_s_folder_is_refused(tmp_path: Path) -> None:
    project = copy_translated_project(tmp_path / "project")
    (project / "docs" / "de").mkdir()
    (project / "docs" / "de" / "entries.json").write_text("[]\n", encoding="utf-8")
    result = run_build(project)
    assert result.returncode != 0
    assert "docs/de/entries.json is generated from faq_data/" in result.stderr


def test_each_language_has_its_own_page_not_found(site: Path) -> None:
    german = (site / "de" / "404.html").read_text(encoding="utf-8")
    assert html_tag(german, "html") == '<html lang="de" dir="ltr" class="no-js">'
    assert "<title>Seite nicht gefunden - " in german and "<h1>Seite nicht gefunden</h1>" in german
    assert "Page not found" not in german
    assert 'action="/de/"' in german and '<a href="/de/">Startseite des Hilfecenters</a>' in german
    assert '<a href="/de/account/">Konto und Anmeldung</a>' in german and 'href="/account/"' not in german
    assert "index=search/de/" in german  # the search box searches the German pages
    assert '<a href="/de/contact/">' in german  # the German contact page
    assert '<meta name="robots" content="noindex">' in german and "hreflang" not in german
    hebrew = (site / "he" / "404.html").read_text(encoding="utf-8")
    assert html_tag(hebrew, "html") == '<html lang="he" dir="rtl" class="no-js">'
    assert 'href="/he/account/"' in hebrew and 'two-factor/"' not in hebrew
    assert '<a href="/contact/">' in hebrew  # the contact page has no Hebrew translation
    english = (site / "404.html").read_text(encoding="utf-8")
    assert "<h1>Page not found</h1>" in english and 'action="/"' in english
    assert "/de/" not in english.split("<article")[1]
    assert "404.html" not in (site / "sitemap.xml").read_text(encoding="utf-8")


def test_hosts_that_read_redirects_answer_a_missing_address_with_its_language_s_404(site: Path) -> None:
    rules = (site / "_redirects").read_text(encoding="utf-8").splitlines()
    assert rules[-2:] == ["/de/* /de/404.html 404", "/he/* /he/404.html 404"]


def lastmod(sitemap: str, address: str) -> str:
    found = re.search(rf"<url><loc>https://help.example.com/{address}</loc><lastmod>([^<]*)</lastmod>", sitemap)
    assert found is not None, address
    return found.group(1)


def test_a_translation_s_own_review_date_dates_its_page(project: Path, site: Path) -> None:
    source = (project / "faq_data" / "entries" / "account" / "change-password.yml").read_text(encoding="utf-8")
    source_review = re.search(r"\nreviewed: (\S+)", source)
    assert source_review is not None and source_review.group(1) != GERMAN_REVIEW
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert lastmod(sitemap, "de/account/change-password/") == GERMAN_REVIEW
    assert lastmod(sitemap, "account/change-password/") == source_review.group(1)
    assert lastmod(sitemap, "he/account/change-password/") == source_review.group(1)  # no date of its own
    german = json.loads((site / "de" / "entries.json").read_text(encoding="utf-8"))
    assert [entry["reviewed"] for entry in german["entries"] if entry["id"] == "change-password"] == [GERMAN_REVIEW]


def test_a_hand_written_page_s_translation_is_published_in_its_language(site: Path) -> None:
    german = page(site, "de/contact")
    assert html_tag(german, "html") == '<html lang="de" dir="ltr" class="no-js">'
    assert "<h1 id=\"kontakt\">Kontakt</h1>" in german
    assert "Montag bis Freitag, 9:00\u201318:00 MEZ" in german  # {{ contact.hours }} of settings.de.yml
    assert "mailto:support@example.com" in german
    assert "docs/contact.de.md" in german  # edited in its own file
    assert not (site / "contact.de").exists()
    versions = {"en": "https://help.example.com/contact/", "de": "https://help.example.com/de/contact/",
                "x-default": "https://help.example.com/contact/"}
    assert link_tags(german) == versions and link_tags(page(site, "contact")) == versions
    assert switcher_links(page(site, "contact"))[0] == ("../de/contact/", "de", "")
    assert switcher_links(german)[1][1:] == ("he", "This page is not translated into this language: its home page")
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert sitemap.count('href="https://help.example.com/de/contact/"') == 2  # in the group of both versions


def test_an_entry_links_to_the_hand_written_page_in_its_language_or_the_default_one(site: Path) -> None:
    assert '<a href="../../contact/">Schreiben Sie uns</a>' in page(site, "de/two-factor/reset-2fa")  # /de/contact/
    assert '<a href="../../../contact/">צרו קשר</a>' in page(site, "he/account/change-password")  # /contact/
    assert '<a href="/de/contact/">' in (site / "de" / "404.html").read_text(encoding="utf-8")
