"""A Freshdesk export with translations: a folder per language, imported into translation files that build."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import yaml
from import_support import entry_text, fill_in_what_the_team_writes, run_cli, tree, visible_text

from conftest import copy_project, declare_languages, run_build
from import_exports import TRANSLATIONS
from other_vendor_exports import GERMAN_RESET_TRANSLATION, write_freshdesk_export


def test_freshdesk_translations_become_translation_files(tmp_path: Path) -> None:
    """German and Hebrew translations, a German draft, and French, which the help center does not declare."""
    project = declare_languages(copy_project(tmp_path / "project"))
    write_freshdesk_export(tmp_path / "export", translations=True)
    before = tree(project)
    refused = run_cli(project, "import", "freshdesk", str(tmp_path / "export"))
    assert refused.exit_code != 0
    assert "'fr' (French)" in refused.output and "--skip-locale fr" in refused.output, refused.output
    assert "export/fr/articles.json" in refused.output
    assert tree(project) == before

    result = run_cli(project, "import", "freshdesk", str(tmp_path / "export"), "--skip-locale", "fr",
                     "--report", str(tmp_path / "addresses.txt"))
    assert result.exit_code == 0, result.output
    rows = dict(re.findall(r"^(\w[\w ]+?)\s{2,}(\d+)$", result.output, re.MULTILINE))
    assert (rows["translations imported"], rows["skipped draft translations"], rows["skipped translations"]) == \
        ("9", "1", "1")
    entries = project / "faq_data" / "entries"
    reset = yaml.safe_load((entries / "your-account" / "reset-password.de.yml").read_text(encoding="utf-8"))
    assert reset["summary"] == "Kurz: Wie setze ich mein Passwort zurück?", "the translation's meta description"
    assert reset["redirect_from"] == ["de/support/solutions/articles/360001000001/"]
    assert "(entry:two-step-sign-in-work)" in reset["answer"], "a link to a translated article"
    assert (entries / "your-account" / "close-account.yml").exists()
    assert not (entries / "your-account" / "close-account.de.yml").exists(), "a draft"
    by_title = {yaml.safe_load(path.read_text("utf-8"))["title"]: path for path in entries.rglob("*.*.yml")}
    kept = [row for row in [*TRANSLATIONS, GERMAN_RESET_TRANSLATION] if row[1] != "fr" and not row[4]]
    assert len(by_title) == len(kept) == 9
    for _, _, title, body, _, _ in kept:
        assert entry_text(by_title[title]) == visible_text(body), title
    categories = yaml.safe_load((project / "faq_data" / "categories.de.yml").read_text(encoding="utf-8"))
    assert categories["your-account"]["title"] == "Ihr Konto"
    assert not (project / "faq_data" / "categories.he.yml").exists()

    fill_in_what_the_team_writes(project)
    checked = run_cli(project, "check")
    assert checked.exit_code == 0, checked.output
    built = run_build(project)
    assert built.returncode == 0, built.stderr
    site = project / "site"
    assert 'lang="de"' in (site / "de" / "your-account" / "reset-password" / "index.html").read_text("utf-8")
    assert 'lang="he"' in (site / "he" / "your-account" / "reset-password" / "index.html").read_text("utf-8")
    rules = (site / "_redirects").read_text(encoding="utf-8")
    targets: dict[str, set[str]] = {}
    for old, new in re.findall(r"^(\S+) (\S+) 301$", rules, re.MULTILINE):
        targets.setdefault(old, set()).add(new)
    assert not {old: new for old, new in targets.items() if len(new) > 1}, "one address, two places"
    reported = re.findall(r"^(/\S+)\s+(/\S+)$", (tmp_path / "addresses.txt").read_text("utf-8"), re.MULTILINE)
    new_of = {str(row[0]): "/" + by_title[row[2]].relative_to(entries).with_suffix("").with_suffix("").as_posix()
              for row in kept}
    for source_id, locale, _, _, _, _ in kept:
        old = f"{locale}/support/solutions/articles/{source_id}/"
        assert _leads_to(site, old) == f"/{locale}{new_of[str(source_id)]}/", old
        assert f"/{old.rstrip('/')}-* /{locale}{new_of[str(source_id)]}/ 301" in rules
        assert (f"/{old}", f"/{locale}{new_of[str(source_id)]}/") in reported, old
    # The draft's and the left-out language's old addresses lead to the source's page.
    assert _leads_to(site, "de/support/solutions/articles/360001000008/") == "/your-account/close-account/"
    assert _leads_to(site, "fr/support/solutions/articles/360001000001/") == "/your-account/reset-password/"
    assert _leads_to(site, "de/support/solutions/folders/360000111111/") == "/de/your-account/"
    assert _leads_to(site, "de/support/solutions/360000010101/") == "/de/your-account/"


def _leads_to(site: Path, old: str) -> str:
    """The address the redirect page at `old` sends a reader to, from the site's root."""
    page = (site / old / "index.html").read_text(encoding="utf-8")
    match = re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', page)
    assert match, old
    return urlsplit(urljoin(f"https://help.example.com/{old}", match.group(1))).path


def test_a_translation_without_a_title_is_named_by_its_file(tmp_path: Path) -> None:
    project = declare_languages(copy_project(tmp_path / "project"))
    export = write_freshdesk_export(tmp_path / "export", translations=True)
    german = export / "de" / "article-360001000002.json"
    german.write_text(german.read_text(encoding="utf-8").replace(
        '"title": "Wie funktioniert die zweistufige Anmeldung?"', '"title": " "'), encoding="utf-8")
    before = tree(project)
    result = run_cli(project, "import", "freshdesk", str(export), "--skip-locale", "fr")
    assert result.exit_code != 0
    assert re.search(r"export/de/article-360001000002\.json.*\[0\]\.title.*expected the article's title",
                     result.output), result.output
    assert "Traceback" not in result.output
    assert tree(project) == before
