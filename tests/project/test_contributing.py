"""Every example message in CONTRIBUTING.md is exactly what the tools print for that mistake.

Each example in the guide is marked `<!-- example: NAME -->` and followed by a ```text block; MISTAKES
below makes that mistake in a copy of the real project and runs the command the guide names.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT, add_translations, copy_project
from helpcenter.cli import main
from helpcenter.load.help_center import check_help_center
from helpcenter.new_entry import entry_text
from helpcenter.render.plain_text import plain_text
from helpcenter.render.preview_banner import draft_notice, preview_banner

GUIDE = ROOT / "CONTRIBUTING.md"
_EXAMPLE = re.compile(r"<!-- example: ([a-z-]+) -->\n```text\n(.*?)\n```", re.DOTALL)
CHANGE_PASSWORD = "faq_data/entries/account/change-password.yml"
RESET_2FA = "faq_data/entries/two-factor/reset-2fa.yml"


def edit(project: Path, file: str, old: str, new: str) -> None:
    path = project / file
    text = path.read_text(encoding="utf-8")
    assert old in text, (file, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def edit_line(project: Path, file: str, start: str, new: str) -> None:
    """Replace the whole line that starts with `start`, whatever the content team has put on it since."""
    path = project / file
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    index = next(number for number, line in enumerate(lines) if line.startswith(start))
    lines[index] = new + "\n"
    path.write_text("".join(lines), encoding="utf-8")


def rename(project: Path, file: str, new_name: str) -> None:
    (project / file).rename((project / file).with_name(new_name))


def rename_without_redirect(project: Path) -> None:
    rename(project, CHANGE_PASSWORD, "update-password.yml")
    edit(project, "faq_data/settings.yml", "- change-password\n", "- update-password\n")
    edit(project, "faq_data/entries/account/new-device-login-email.yml", "- change-password\n", "- update-password\n")


def same_id(project: Path) -> None:
    copy = project / "faq_data/entries/two-factor/change-password.yml"
    shutil.copy(project / CHANGE_PASSWORD, copy)
    edit(project, "faq_data/entries/two-factor/change-password.yml", "category: account", "category: two-factor")


def category_named_like_a_page(project: Path) -> None:
    edit(project, "faq_data/categories.yml", "\naccount:\n", "\ncontact:\n")
    (project / "faq_data/entries/account").rename(project / "faq_data/entries/contact")
    for entry in (project / "faq_data/entries/contact").glob("*.yml"):
        edit(project, entry.relative_to(project).as_posix(), "category: account", "category: contact")


DE_PASSWORD = "faq_data/entries/account/change-password.de.yml"


def translated(mistake: Callable[[Path], object]) -> Callable[[Path], None]:
    """The mistake made in the help center translated into German and Hebrew."""
    def make(project: Path) -> None:
        add_translations(project)
        mistake(project)
    return make


def copy_translation(project: Path, name: str) -> None:
    shutil.copy(project / DE_PASSWORD, project / "faq_data/entries/account" / name)


def rename_with_a_translation_left_behind(project: Path) -> None:
    rename(project, CHANGE_PASSWORD, "update-password.yml")
    (project / "faq_data/entries/account/change-password.he.yml").rename(
        project / "faq_data/entries/account/update-password.he.yml")
    edit(project, "faq_data/entries/account/update-password.yml", "also_asked:",
         "redirect_from:\n  - account/change-password/\nalso_asked:")
    edit(project, "faq_data/settings.yml", "- change-password\n", "- update-password\n")
    edit(project, "faq_data/entries/account/new-device-login-email.yml", "- change-password\n", "- update-password\n")


TRANSLATION_MISTAKES: dict[str, Callable[[Path], None]] = {
    "translation-orphan": translated(lambda p: copy_translation(p, "close-account.de.yml")),
    "translation-renamed": translated(rename_with_a_translation_left_behind),
    "translation-language": translated(lambda p: copy_translation(p, "change-password.fr.yml")),
    "translation-default": translated(lambda p: copy_translation(p, "change-password.en.yml")),
    "translation-code": translated(lambda p: rename(p, DE_PASSWORD, "change-password.de_DE.yml")),
    "language-code": translated(lambda p: edit(p, "faq_data/settings.yml", "[en, de, he]", "[en, de, hebrew]")),
    "translation-twice": translated(lambda p: copy_translation(p, "change-password.de.yaml")),
    "translation-source-field": translated(lambda p: edit(p, DE_PASSWORD, "title:", "owner: Support-Team\ntitle:")),
    "translation-folder": translated(lambda p: (p / DE_PASSWORD).rename(
        p / "faq_data/entries/two-factor/change-password.de.yml")),
    "translation-link": translated(lambda p: edit(p, "faq_data/entries/account/change-password.he.yml",
                                                  "answer: |\n", "answer: |\n  ראו [2FA](entry:reset-2fa).\n")),
    "translation-steps": translated(lambda p: edit(p, "faq_data/entries/two-factor/reset-2fa.de.yml",
                                                   "steps:\n", "tags:\n")),
    "translation-category": translated(lambda p: edit(p, "faq_data/categories.de.yml", "account:", "acount:")),
}

MISTAKES: dict[str, Callable[[Path], None]] = {
    "invalid-yaml": lambda p: edit(p, CHANGE_PASSWORD, "owner: Support team", "owner: Support team: passwords"),
    "tab": lambda p: edit(p, CHANGE_PASSWORD, "  - I forgot my password", "\t- I forgot my password"),
    "missing-field": lambda p: edit(p, CHANGE_PASSWORD, "owner: Support team\n", ""),
    "empty-field": lambda p: edit(p, CHANGE_PASSWORD, "owner: Support team", "owner:"),
    "unknown-field": lambda p: edit(p, CHANGE_PASSWORD, "also_asked:", "also_askd:"),
    "not-a-list": lambda p: edit_line(p, CHANGE_PASSWORD, "tags:", "tags: password"),
    "date": lambda p: edit(p, CHANGE_PASSWORD, "reviewed: 2026-11-27", "reviewed: 27/11/2026"),
    "no-such-day": lambda p: edit(p, CHANGE_PASSWORD, "reviewed: 2026-11-27", "reviewed: 2026-02-30"),
    "future-date": lambda p: edit(p, CHANGE_PASSWORD, "reviewed: 2026-11-27", "reviewed: 2099-01-01"),
    "merge-conflict": lambda p: edit(p, CHANGE_PASSWORD, "owner: Support team\n",
                                     "<<<<<<< HEAD\nowner: Support team\n=======\nowner: Anna\n>>>>>>> main\n"),
    "redirect-form": lambda p: (p / CHANGE_PASSWORD).write_text(
        (p / CHANGE_PASSWORD).read_text(encoding="utf-8") + "redirect_from:\n  - /account/reset-password\n",
        encoding="utf-8"),
    "unknown-category": lambda p: edit(p, CHANGE_PASSWORD, "category: account", "category: acount"),
    "wrong-folder": lambda p: edit(p, CHANGE_PASSWORD, "category: account", "category: two-factor"),
    "related": lambda p: edit(p, RESET_2FA, "  - incorrect-2fa", "  - incorect-2fa"),
    "link-name": lambda p: edit(p, RESET_2FA, "(link:video-channel)", "(link:youtube)"),
    "entry-link": lambda p: edit(p, CHANGE_PASSWORD, "  like to receive a letter with further instructions.\n",
                                 "  like to receive a letter with further instructions. See [2FA](entry:reset-2f).\n"),
    "web-address": lambda p: edit(p, CHANGE_PASSWORD, "  like to receive a letter with further instructions.\n",
                                  "  like to receive a letter with further instructions. See [our blog](htps://blog.example.com/).\n"),
    "address-without-scheme": lambda p: edit(
        p, CHANGE_PASSWORD, "  like to receive a letter with further instructions.\n",
        "  like to receive a letter with further instructions. See [this page](/two-factor/reset-2fa/).\n"),
    "missing-picture": lambda p: edit(p, CHANGE_PASSWORD, "  like to receive a letter with further instructions.\n",
                                      "  like to receive a letter with further instructions. "
                                      "![The login screen](assets/pictures/login.png)\n"),
    "icon": lambda p: edit(p, "faq_data/categories.yml", "material/account-circle", "material/acount-circle"),
    "page-missing": lambda p: edit(
        p, CHANGE_PASSWORD, "  like to receive a letter with further instructions.\n",
        "  like to receive a letter with further instructions. [contact us](page:contakt)\n"),
    "thumbnail-missing": lambda p: edit(p, RESET_2FA, "thumbnail: assets/videos/reset-2fa.svg",
                                        "thumbnail: assets/videos/reset-2fa.png"),
    "invisible-character": lambda p: edit(p, CHANGE_PASSWORD, "How do I change my password?",
                                          "How do I change my\u200b password?"),
    "category-collision": category_named_like_a_page,
    "video": lambda p: edit(p, RESET_2FA, "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
                            "https://www.example.com/videos/reset-2fa.mp4"),
    "duplicate-key": lambda p: edit(p, CHANGE_PASSWORD, "reviewed: 2026-11-27\n",
                                    "reviewed: 2026-11-27\nreviewed: 2026-12-01\n"),
    "file-name": lambda p: rename(p, CHANGE_PASSWORD, "Change password.yml"),
    "same-id": same_id,
    "same-title": lambda p: edit_line(p, RESET_2FA, "title:", "title: How do I change my  Password?"),
    "listed-twice": lambda p: edit(p, RESET_2FA, "  - incorrect-2fa\n", "  - incorrect-2fa\n  - incorrect-2fa\n"),
    "same-order": lambda p: edit(p, "faq_data/categories.yml", "  order: 2", "  order: 1"),
    "vanished-address": rename_without_redirect,
    "redirect-taken": lambda p: (p / CHANGE_PASSWORD).write_text(
        (p / CHANGE_PASSWORD).read_text(encoding="utf-8") + "redirect_from:\n  - account/new-device-login-email/\n",
        encoding="utf-8"),
    **TRANSLATION_MISTAKES,
}


def guide_examples() -> dict[str, str]:
    return dict(_EXAMPLE.findall(GUIDE.read_text(encoding="utf-8")))


PREVIEW_EXAMPLES = ("preview-draft", "preview-problems")


def test_every_example_in_the_guide_is_tested() -> None:
    assert sorted(guide_examples()) == sorted([*MISTAKES, "links", *PREVIEW_EXAMPLES])


@pytest.mark.parametrize("name", sorted(MISTAKES))
def test_the_guide_shows_what_check_prints(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = copy_project(tmp_path / "project")
    MISTAKES[name](project)
    monkeypatch.chdir(project)
    result = CliRunner().invoke(main, ["check"], catch_exceptions=False)
    assert result.exit_code == 1
    assert guide_examples()[name] == result.stdout.rstrip("\n")


def example_file(name: str) -> str:
    """A YAML example of the guide, without the list indentation it has there."""
    match = re.search(rf"<!-- example-file: {name} -->\n *```yaml\n(.*?)\n *```", GUIDE.read_text(encoding="utf-8"),
                      re.DOTALL)
    assert match, name
    return "".join(line.removeprefix("   ") + "\n" for line in match.group(1).splitlines())


def test_the_guide_shows_the_file_that_new_writes() -> None:
    shown = example_file("new")
    reviewed = date.fromisoformat(re.search(r"reviewed: (\S+)", shown).group(1))
    assert shown == entry_text("How do I export my data?", "account", reviewed, "../../../schemas/entry.schema.json")


def test_the_guide_s_filled_in_entry_passes_the_check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = copy_project(tmp_path / "project")
    (project / "faq_data/entries/account/export-data.yml").write_text(example_file("filled"), encoding="utf-8")
    monkeypatch.chdir(project)
    result = CliRunner().invoke(main, ["check"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "new address not in published-urls.txt yet: /account/export-data/" in result.stderr


def test_the_guide_shows_what_links_prints(built_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    (site / "assets/videos/reset-2fa.svg").unlink()
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["links", "site"], catch_exceptions=False)
    assert result.exit_code == 1
    # The totals on the last line grow with the site; the table and the number broken must be exact.
    totals = re.compile(r"^\d+ internal links in \d+ pages: ", re.MULTILINE)
    assert totals.sub("N internal links in N pages: ", guide_examples()["links"]) == totals.sub(
        "N internal links in N pages: ", result.stdout.rstrip("\n"))


def test_the_guide_shows_what_the_preview_shows_of_an_unfinished_entry(tmp_path: Path) -> None:
    """The texts of the preview's boxes, from the same loading and HTML the preview uses (tests/plugin/test_serve.py
    and tests/browser/test_preview.py run the real preview)."""
    project = copy_project(tmp_path / "project")
    new = project / "faq_data/entries/account/export-data.yml"
    schema = "../../../schemas/entry.schema.json"
    new.write_text(entry_text("How do I export my data?", "account", date.today(), schema), encoding="utf-8")
    help_center, problems = check_help_center(project / "faq_data", project, project / "docs", drafts=True)
    assert help_center is not None
    assert guide_examples()["preview-draft"] == plain_text(draft_notice(help_center.drafts["export-data"]))
    assert guide_examples()["preview-problems"] == plain_text(preview_banner(problems))


def test_the_guide_names_the_preview_s_words_for_a_failed_rebuild() -> None:
    shown = plain_text(preview_banner((), "TemplateSyntaxError: unexpected '%' (overrides/entry.html, line 9)"))
    first_sentence = shown.splitlines()[0].split(" This preview")[0]
    assert first_sentence == "The last change could not be built."
    assert f"**{first_sentence}**" in GUIDE.read_text(encoding="utf-8")
