"""Real builds: a vanished address stops the build, redirect_from keeps it alive, "Edit this page" opens the YAML."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner

from conftest import FIXTURE, run_build, without_ledger
from helpcenter.checks.ledger import read_ledger
from helpcenter.cli import main
from helpcenter.load.help_center import load_help_center
from helpcenter.model import Category, Entry, HelpCenter
from helpcenter.render.redirects import Redirect, redirect_page, redirects, redirects_file

CHANGE_PASSWORD = "faq_data/entries/account/change-password.yml"
REPOSITORY = "https://github.com/example/help-center"


def soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def rename_change_password(project: Path, redirect: bool) -> None:
    source = project / CHANGE_PASSWORD
    target = source.with_name("update-password.yml")
    text = source.read_text(encoding="utf-8")
    if redirect:
        text += "redirect_from:\n  - account/change-password/\n"
    target.write_text(text, encoding="utf-8")
    source.unlink()
    for path in (project / "faq_data").rglob("*.yml"):
        path.write_text(path.read_text(encoding="utf-8").replace("- change-password\n", "- update-password\n"),
                        encoding="utf-8")


def test_a_renamed_entry_without_redirect_fails_the_build(project: Path) -> None:
    rename_change_password(project, redirect=False)
    result = run_build(project)
    assert result.returncode == 1
    assert "Published addresses would disappear:" in result.stderr
    assert (
        "/account/change-password/ is no longer published (an entry or category was renamed, moved or deleted): "
        "add 'account/change-password/' to redirect_from in the entry that replaces it, or, to retire the address "
        "on purpose, run 'helpcenter ledger --update' and commit published-urls.txt"
    ) in result.stderr
    assert "Traceback" not in result.stderr


def test_the_ledger_check_can_be_turned_off_in_mkdocs_yml(project: Path) -> None:
    rename_change_password(project, redirect=False)
    result = run_build(without_ledger(project))
    assert result.returncode == 0, result.stderr


def test_a_renamed_entry_with_redirect_from_builds_a_redirect_page(project: Path) -> None:
    rename_change_password(project, redirect=True)
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    old_page = site / "account/change-password/index.html"
    soup = soup_of(old_page)
    assert soup.find("meta", attrs={"http-equiv": "refresh"})["content"] == "0; url=../update-password/"
    assert soup.find("link", rel="canonical")["href"] == "https://help.example.com/account/update-password/"
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    visible = soup.select_one("body a")
    assert visible["href"] == "../update-password/"
    assert visible.get_text() == "How do I change my password?"
    assert (site / "account/update-password/index.html").is_file()
    assert (site / "_redirects").read_text(encoding="utf-8").splitlines()[1:] == [
        "/account/change-password/ /account/update-password/ 301"
    ]
    assert "account/change-password/" not in (site / "sitemap.xml").read_text(encoding="utf-8")
    searched = [url for url, _, _ in json.loads((site / "search/en/entries-0.json").read_text(encoding="utf-8"))]
    assert "account/change-password/" not in searched
    assert "account/update-password/" in searched
    links = CliRunner().invoke(main, ["links", str(site)])
    assert links.exit_code == 0, links.output


def test_redirect_page_text_is_escaped_and_urls_follow_site_url() -> None:
    redirect = Redirect("old/a-b/", "account/new/", 'Fish & "chips" <now>')
    page = redirect_page(redirect, "https://example.github.io/help/")
    soup = BeautifulSoup(page, "lxml")
    assert soup.select_one("body a").get_text() == 'Fish & "chips" <now>'
    assert soup.find("link", rel="canonical")["href"] == "https://example.github.io/help/account/new/"
    assert soup.select_one("body a")["href"] == "../../account/new/"
    assert redirects_file([redirect], "https://example.github.io/help/").splitlines()[1] == (
        "/help/old/a-b/ /help/account/new/ 301"
    )
    assert redirects_file([redirect], None).splitlines()[1] == "/old/a-b/ /account/new/ 301"


def test_category_and_entry_redirects_are_collected() -> None:
    help_center = load_help_center(FIXTURE / "faq_data", FIXTURE)
    category = Category("profile", "Profile", "D", "material/account", 1, redirect_from=("account/",))
    entry = Entry("x", "s", "X?", "S", "profile", help_center.entries[0].reviewed, "O", "A",
                  redirect_from=("account/x/", "old/x/"))
    moved = HelpCenter(help_center.settings, (category,), (entry,))
    assert redirects(moved) == [
        Redirect("account/", "profile/", "Profile"),
        Redirect("account/x/", "profile/x/", "X?"),
        Redirect("old/x/", "profile/x/", "X?"),
    ]


def test_edit_this_page_opens_the_yaml_source(built_site: Path) -> None:
    help_center = load_help_center(FIXTURE / "faq_data", FIXTURE)
    for entry in help_center.entries:
        edit = soup_of(built_site / entry.url / "index.html").select_one("a[rel=edit]")
        assert edit is not None, entry.id
        assert edit["href"] == f"{REPOSITORY}/edit/main/{entry.source}"
        assert (FIXTURE / entry.source).is_file()
    for category in help_center.categories:
        edit = soup_of(built_site / category.url / "index.html").select_one("a[rel=edit]")
        assert edit["href"] == f"{REPOSITORY}/edit/main/faq_data/categories.yml"
    assert soup_of(built_site / "index.html").select_one("a[rel=edit]")["href"] == (
        f"{REPOSITORY}/edit/main/faq_data/settings.yml"
    )
    assert soup_of(built_site / "contact/index.html").select_one("a[rel=edit]")["href"] == (
        f"{REPOSITORY}/edit/main/docs/contact.md"
    )


def test_the_ledger_lists_exactly_the_pages_of_the_build(built_site: Path) -> None:
    ledger, problems = read_ledger(FIXTURE / "published-urls.txt", "published-urls.txt")
    assert ledger is not None and problems == []
    built_pages = {
        "/" + path.parent.relative_to(built_site).as_posix().removeprefix(".") + "/"
        for path in built_site.rglob("index.html")
    }
    built_pages = {url.replace("//", "/") for url in built_pages}
    assert set(ledger.lines) == built_pages


def test_the_real_site_has_a_redirects_file(built_site: Path) -> None:
    assert (built_site / "_redirects").read_text(encoding="utf-8").startswith("# Old addresses")


def test_under_mkdocs_serve_a_vanished_address_is_only_a_warning(
    project: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from mkdocs.config import load_config
    from mkdocs.exceptions import PluginError

    rename_change_password(project, redirect=False)
    config = load_config(str(project / "mkdocs.yml"))
    config.plugins.on_startup(command="serve", dirty=False)
    try:
        config = config.plugins.on_config(config)
        with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.helpcenter"):
            config.plugins.on_pre_build(config=config)
        assert "/account/change-password/ is no longer published" in caplog.text
    finally:
        config.plugins.on_shutdown()
    config.plugins.on_startup(command="build", dirty=False)
    try:
        with pytest.raises(PluginError, match="/account/change-password/ is no longer published"):
            config.plugins.on_pre_build(config=config)
    finally:
        config.plugins.on_shutdown()


def test_hand_written_redirect_rules_are_kept_and_pages_are_never_replaced(project: Path) -> None:
    (project / "docs/_redirects").write_text("/old-contact/ /contact/ 301\n", encoding="utf-8")
    rename_change_password(project, redirect=True)
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    assert (project / "site/_redirects").read_text(encoding="utf-8").splitlines() == [
        "/old-contact/ /contact/ 301",
        "# Old addresses and where they moved (generated from redirect_from; do not edit).",
        "/account/change-password/ /account/update-password/ 301",
    ]
    (project / "docs/account").mkdir()
    (project / "docs/account/change-password.md").write_text("# A hand-written page\n", encoding="utf-8")
    result = run_build(project)
    assert result.returncode == 1
    assert (
        "redirect_from: 'account/change-password/' is already the address of the hand-written page "
        "docs/account/change-password.md; remove it from redirect_from"
    ) in result.stderr
