"""Intercom and Freshdesk exports imported into the tests' help center: they build, keep the text and redirect."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from import_support import entry_text, fill_in_what_the_team_writes, run_cli, visible_text

from conftest import copy_project, declare_languages, run_build
from import_exports import GERMAN_RESET, TRANSLATIONS
from other_vendor_exports import published_articles, write_freshdesk_export, write_intercom_export

VENDORS: dict[str, tuple[Callable[[Path], Path], Callable[[int], list[str]]]] = {
    "intercom": (write_intercom_export, lambda article_id: [f"/example/en/articles/{article_id}/"]),
    "freshdesk": (write_freshdesk_export, lambda article_id: [f"/support/solutions/articles/{article_id}/"]),
}


@pytest.mark.parametrize("vendor", sorted(VENDORS))
def test_an_export_builds_keeps_the_text_and_every_old_address(tmp_path: Path, vendor: str) -> None:
    write_export, old_addresses = VENDORS[vendor]
    project = copy_project(tmp_path / "project")
    write_export(tmp_path / "export")
    result = run_cli(project, "import", vendor, str(tmp_path / "export"), "--owner", "Support")
    assert result.exit_code == 0, result.output
    assert re.search(r"^imported +34$", result.output, re.MULTILINE), result.output
    assert re.search(r"^skipped drafts +2$", result.output, re.MULTILINE)
    assert re.search(r"^needs a summary +0$", result.output, re.MULTILINE)
    entries = project / "faq_data" / "entries"
    by_title = {yaml.safe_load(path.read_text("utf-8"))["title"]: path for path in entries.rglob("*.yml")}
    for article in published_articles():
        path = by_title[article["title"]]
        values = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert values["summary"].lower().endswith(article["title"].lower())
        text = entry_text(path).replace(" The list of invoices", "")
        assert text == visible_text(article["body"]), article["title"]
    reset = (entries / "your-account" / "reset-password.yml").read_text(encoding="utf-8")
    assert "(entry:two-step-sign-in-work)" in reset
    plans = (entries / "billing-and-invoices" / "plans-are-there-and-what-do-they-cost.yml").read_text("utf-8")
    assert "(category:billing-and-invoices)" in plans
    fill_in_what_the_team_writes(project)
    checked = run_cli(project, "check")
    assert checked.exit_code == 0, checked.output
    built = run_build(project)
    assert built.returncode == 0, built.stderr
    site = project / "site"
    for article in published_articles():
        for old in old_addresses(article["id"]):
            page = site / old.lstrip("/") / "index.html"
            assert page.is_file(), old
            assert "http-equiv=\"refresh\"" in page.read_text(encoding="utf-8")
    rules = (site / "_redirects").read_text(encoding="utf-8")
    first = published_articles()[0]["id"]
    assert f"{old_addresses(first)[0].rstrip('/')}-* /your-account/reset-password/ 301" in rules


def test_intercom_translations_become_translation_files(tmp_path: Path) -> None:
    """Each article's `translated_content`: its words in German, Hebrew and French (left out), a draft among them."""
    project = declare_languages(copy_project(tmp_path / "project"))
    write_intercom_export(tmp_path / "export", translations=True)
    result = run_cli(project, "import", "intercom", str(tmp_path / "export"), "--skip-locale", "fr")
    assert result.exit_code == 0, result.output
    rows = dict(re.findall(r"^(\w[\w ]+?)\s{2,}(\d+)$", result.output, re.MULTILINE))
    assert (rows["translations imported"], rows["skipped draft translations"], rows["skipped translations"]) == \
        ("9", "1", "1")
    entries = project / "faq_data" / "entries"
    reset = yaml.safe_load((entries / "your-account" / "reset-password.de.yml").read_text(encoding="utf-8"))
    assert reset["summary"] == "Kurz: Wie setze ich mein Passwort zurück?", "Intercom's description"
    assert reset["redirect_from"] == ["example/de/articles/360001000001-wie-setze-ich-mein-passwort-zuruck/",
                                      "example/de/articles/360001000001/"]
    by_title = {yaml.safe_load(path.read_text("utf-8"))["title"]: path for path in entries.rglob("*.*.yml")}
    translated = [(title, body) for _, locale, title, body, draft, _ in TRANSLATIONS if locale != "fr" and not draft]
    for title, body in [*translated, ("Wie setze ich mein Passwort zurück?", GERMAN_RESET)]:
        assert entry_text(by_title[title]) == visible_text(body), title
    categories = yaml.safe_load((project / "faq_data" / "categories.de.yml").read_text(encoding="utf-8"))
    assert categories["your-account"]["title"] == "Ihr Konto"
    fill_in_what_the_team_writes(project)
    assert run_cli(project, "check").exit_code == 0
    # Only the translations whose source changed since the import are outdated: the video's description was
    # written in the source.
    listed = run_cli(project, "translations").output
    assert sorted(line.split()[-1].rsplit("/", 1)[1] for line in listed.splitlines() if " outdated " in line) == \
        ["two-step-sign-in-work.de.yml", "two-step-sign-in-work.he.yml"]
    built = run_build(project)
    assert built.returncode == 0, built.stderr
    site = project / "site"
    assert 'lang="de"' in (site / "de" / "your-account" / "reset-password" / "index.html").read_text("utf-8")
    redirect = (site / "example" / "de" / "articles" / "360001000001" / "index.html").read_text(encoding="utf-8")
    assert 'url=../../../../de/your-account/reset-password/"' in redirect
