"""The `helpcenter` commands on the real content and on broken copies of it, through click's CliRunner."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from conftest import FIXTURE, run_build
from helpcenter.annotations import escape_data, escape_property, github_annotation
from helpcenter.cli import main
from helpcenter.new_entry import entry_id_from_question
from helpcenter.problems import Problem

CHANGE_PASSWORD = "faq_data/entries/account/change-password.yml"


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture
def in_project(project: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the real project, as the working folder."""
    monkeypatch.chdir(project)
    return project


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# --- help text --------------------------------------------------------------------------------------------------

def all_commands() -> list[tuple[str, click.Command]]:
    assert isinstance(main, click.Group)
    return sorted(main.commands.items())


@pytest.mark.parametrize("name, command", all_commands(), ids=[name for name, _ in all_commands()])
def test_every_command_option_and_argument_is_explained(name: str, command: click.Command) -> None:
    assert command.help and len(command.help) > 20, f"'helpcenter {name}' has no help text"
    for parameter in command.params:
        if isinstance(parameter, click.Option):
            assert parameter.help, f"'helpcenter {name} {parameter.opts[0]}' has no help text"
        else:
            assert parameter.human_readable_name in command.help, (
                f"the help of 'helpcenter {name}' does not explain {parameter.human_readable_name}"
            )
    assert run(name, "--help").exit_code == 0


def test_the_group_lists_every_command() -> None:
    result = run("--help")
    assert main.help
    for name, _ in all_commands():
        assert name in result.output


# --- check ------------------------------------------------------------------------------------------------------

def test_check_passes_on_the_tests_help_center(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FIXTURE)
    result = run("check")
    assert result.exit_code == 0, result.output
    assert result.stdout == "OK: 4 entries in 2 categories, 8 published addresses.\n"
    assert result.stderr == ""


@pytest.mark.parametrize("command", [["check"], ["ledger"], ["stale"]])
def test_run_from_a_sub_folder_it_says_where_to_run_it(
    project: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    monkeypatch.chdir(project / "faq_data" / "entries")
    result = run(*command)
    assert result.exit_code == 1
    assert result.stderr == (
        f"faq_data is not in this folder: run the command from the repository's root, {project} "
        f"(for example: cd {project})\n"
    )


def test_check_lists_every_problem_and_exits_1(in_project: Path) -> None:
    edit(in_project / CHANGE_PASSWORD, "owner: Support team", "owner:")
    edit(in_project / "faq_data/entries/two-factor/reset-2fa.yml", "- incorrect-2fa", "- incorect-2fa")
    result = run("check")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{CHANGE_PASSWORD}:6: owner: required, but empty; fill in who keeps this answer correct: a person or a team",
        "faq_data/entries/two-factor/reset-2fa.yml:24: related: no entry has the id 'incorect-2fa' "
        "(did you mean 'incorrect-2fa'?)",
    ]
    assert result.stderr == "2 problems found.\n"


def test_check_github_format_annotates_the_line(in_project: Path) -> None:
    edit(in_project / CHANGE_PASSWORD, "category: account", "category: acount")
    result = run("check", "--format", "github")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"::error file={CHANGE_PASSWORD},line=4,title=Help-center content%3A category::"
        "category: unknown category 'acount' (did you mean 'account'?)"
    ]


def test_workflow_command_escaping() -> None:
    assert escape_data("100% done\r\nnext: a, b") == "100%25 done%0D%0Anext: a, b"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    problem = Problem("faq_data/entries/x/a,b:c.yml", 3, "reviewed", "expected a date, got '50%'\nsecond line")
    assert github_annotation(problem) == (
        "::error file=faq_data/entries/x/a%2Cb%3Ac.yml,line=3,title=Help-center content%3A reviewed::"
        "reviewed: expected a date, got '50%25'%0Asecond line"
    )
    assert github_annotation(Problem("faq_data/settings.yml", 0, "", "missing")) == (
        "::error file=faq_data/settings.yml,title=Help-center content::missing"
    )


def test_github_format_escapes_what_the_content_says(in_project: Path) -> None:
    edit(in_project / CHANGE_PASSWORD, "reviewed: 2026-11-27", "reviewed: 50%")
    result = run("check", "--format", "github")
    assert result.stdout == (
        f"::error file={CHANGE_PASSWORD},line=5,title=Help-center content%3A reviewed::"
        "reviewed: expected a date written as YYYY-MM-DD, got '50%25'\n"
    )


# --- the ledger -------------------------------------------------------------------------------------------------

def rename_entry(project: Path, old: str, new: str) -> Path:
    """Rename an entry file (its id and address change), update the references to it, return the new path."""
    source = project / old
    target = source.with_name(new)
    source.rename(target)
    old_id, new_id = source.stem, target.stem
    for path in (project / "faq_data").rglob("*.yml"):
        text = path.read_text(encoding="utf-8")
        text = text.replace(f"- {old_id}\n", f"- {new_id}\n").replace(f"(entry:{old_id})", f"(entry:{new_id})")
        path.write_text(text, encoding="utf-8")
    return target


VANISHED = (
    "published-urls.txt:{line}: /account/change-password/ is no longer published (an entry or category was "
    "renamed, moved or deleted): add 'account/change-password/' to redirect_from in the entry that replaces it, "
    "or, to retire the address on purpose, run 'helpcenter ledger --update' and commit published-urls.txt"
)


def ledger_line(project: Path, url: str) -> int:
    return (project / "published-urls.txt").read_text(encoding="utf-8").splitlines().index(url) + 1


def test_a_renamed_entry_without_redirect_fails_the_check(in_project: Path) -> None:
    rename_entry(in_project, CHANGE_PASSWORD, "update-password.yml")
    result = run("check")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        VANISHED.format(line=ledger_line(in_project, "/account/change-password/"))
    ]
    assert "note: 1 new address not in published-urls.txt yet: /account/update-password/" in result.stderr


def test_a_renamed_entry_with_redirect_from_passes(in_project: Path) -> None:
    renamed = rename_entry(in_project, CHANGE_PASSWORD, "update-password.yml")
    renamed.write_text(renamed.read_text(encoding="utf-8") + "redirect_from:\n  - account/change-password/\n",
                       encoding="utf-8")
    result = run("check")
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith("note: 1 new address not in published-urls.txt yet: /account/update-password/")


def test_an_entry_moved_to_another_category_gets_a_precise_hint(in_project: Path) -> None:
    moved = in_project / "faq_data/entries/two-factor/change-password.yml"
    (in_project / CHANGE_PASSWORD).rename(moved)
    edit(moved, "category: account", "category: two-factor")
    result = run("check")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"published-urls.txt:{ledger_line(in_project, '/account/change-password/')}: /account/change-password/ is "
        "no longer published (an entry or category was renamed, moved or deleted): add 'account/change-password/' "
        "to redirect_from in faq_data/entries/two-factor/change-password.yml (the entry's new address is "
        "/two-factor/change-password/), or, to retire the address on purpose, run 'helpcenter ledger --update' "
        "and commit published-urls.txt"
    ]


def test_a_renamed_category_keeps_its_address_with_redirect_from(in_project: Path) -> None:
    categories = in_project / "faq_data/categories.yml"
    edit(categories, "account:\n", "profile:\n")
    edit(categories, "  order: 2\n", "  order: 2\n  redirect_from: [account/]\n")
    entries = in_project / "faq_data/entries"
    (entries / "account").rename(entries / "profile")
    for entry in (entries / "profile").glob("*.yml"):
        edit(entry, "category: account", "category: profile")
        entry.write_text(entry.read_text(encoding="utf-8") + f"redirect_from: [account/{entry.stem}/]\n",
                         encoding="utf-8")
    result = run("check")
    assert result.exit_code == 0, result.output


def test_ledger_update_records_new_and_retires_vanished_addresses(in_project: Path) -> None:
    rename_entry(in_project, CHANGE_PASSWORD, "update-password.yml")
    assert run("ledger").exit_code == 1
    result = run("ledger", "--update")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "+ /account/update-password/",
        "- /account/change-password/",
        "published-urls.txt: 8 addresses (1 added, 1 removed).",
    ]
    assert "commit the ledger only if that is intended" in result.stderr
    lines = [line for line in (in_project / "published-urls.txt").read_text().splitlines() if not line.startswith("#")]
    assert lines == sorted(lines)
    assert "/account/update-password/" in lines and "/account/change-password/" not in lines
    assert run("check").exit_code == 0
    assert run("ledger").stdout == "published-urls.txt lists every published address.\n"


def test_ledger_update_replaces_a_linked_ledger_and_never_writes_through_the_link(in_project: Path,
                                                                                 tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("the text of a file elsewhere\n", encoding="utf-8")
    ledger = in_project / "published-urls.txt"
    ledger.unlink()
    ledger.symlink_to(outside)
    checked = run("check")
    assert checked.exit_code == 1
    assert "published-urls.txt: a symbolic link to a file outside the repository" in checked.stdout
    assert "the text of a file elsewhere" not in checked.stdout
    assert run("ledger", "--update").exit_code == 0
    assert outside.read_text(encoding="utf-8") == "the text of a file elsewhere\n"
    assert not ledger.is_symlink() and "/account/change-password/" in ledger.read_text(encoding="utf-8")
    assert [path.name for path in in_project.glob(".published-urls.txt*")] == []
    assert run("check").exit_code == 0


def test_the_fixture_ledger_is_up_to_date(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FIXTURE)
    result = run("ledger")
    assert result.exit_code == 0, result.output
    assert result.stdout == "published-urls.txt lists every published address.\n"


def test_a_renamed_category_s_page_is_sent_to_the_category_not_to_a_question(in_project: Path) -> None:
    categories = in_project / "faq_data/categories.yml"
    categories.write_text(categories.read_text(encoding="utf-8").replace("\naccount:\n", "\nmy-account:\n"),
                          encoding="utf-8")
    (in_project / "faq_data/entries/account").rename(in_project / "faq_data/entries/my-account")
    for entry in (in_project / "faq_data/entries/my-account").glob("*.yml"):
        edit(entry, "category: account", "category: my-account")
    result = run("check")
    assert result.exit_code == 1
    category_line = next(line for line in result.stdout.splitlines() if " /account/ is no longer published" in line)
    advice = "add 'account/' to redirect_from of the category that replaces it, in faq_data/categories.yml"
    assert advice in category_line
    entry_line = next(line for line in result.stdout.splitlines() if "/account/change-password/ is no longer" in line)
    assert "to redirect_from in faq_data/entries/my-account/change-password.yml" in entry_line


def test_a_missing_ledger_is_a_problem(in_project: Path) -> None:
    (in_project / "published-urls.txt").unlink()
    result = run("check")
    assert result.exit_code == 1
    assert result.stdout == (
        "published-urls.txt: missing: the ledger of published addresses is required; "
        "run 'helpcenter ledger --update' and commit published-urls.txt\n"
    )


def test_a_malformed_ledger_line_is_a_problem(in_project: Path) -> None:
    ledger = in_project / "published-urls.txt"
    ledger.write_text(ledger.read_text(encoding="utf-8") + "account/no-slash/\n", encoding="utf-8")
    result = run("check")
    assert result.exit_code == 1
    line = len(ledger.read_text(encoding="utf-8").splitlines())
    assert result.stdout == (
        f"published-urls.txt:{line}: expected a site path starting with '/', such as /account/change-password/, "
        "got 'account/no-slash/'\n"
    )


# --- new --------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("question, expected", [
    ("How do I change my password?", "change-password"),
    ("Why is my 2FA code incorrect?", "2fa-code-incorrect"),
    ("Où est ma facture ?", "ou-est-ma-facture"),
    ("Can I use the app on two phones at the same time?", "use-app-on-two-phones-at-same-time"),
    ("What's a recovery code?", "whats-recovery-code"),
    ("How do I reset two-factor authentication (2FA) when I have lost the phone and my backup codes too?",
     "reset-two-factor-authentication-2fa-when-i-have"),
])
def test_ids_are_made_from_the_question(question: str, expected: str) -> None:
    assert entry_id_from_question(question) == expected


def test_new_writes_an_entry_that_check_asks_to_complete(in_project: Path) -> None:
    before = date.today()
    result = run("new", "How do I export my data?", "--category", "account")
    assert result.exit_code == 0, result.output
    assert result.stdout == "faq_data/entries/account/export-data.yml\n"
    assert "fill in summary, owner and answer" in result.stderr
    path = in_project / "faq_data/entries/account/export-data.yml"
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "# yaml-language-server: $schema=../../../schemas/entry.schema.json"
    assert (path.parent / lines[0].split("=", 1)[1]).resolve() == (in_project / "schemas/entry.schema.json").resolve()
    assert "title: How do I export my data?" in lines
    assert "category: account" in lines
    assert f"reviewed: {before.isoformat()}" in lines or f"reviewed: {date.today().isoformat()}" in lines

    check = run("check")
    assert check.exit_code == 1
    shown = "faq_data/entries/account/export-data.yml"
    assert check.stdout.splitlines() == [
        f"{shown}:4: summary: required, but empty; fill in one sentence that answers the question; "
        "shown in lists and to search engines",
        f"{shown}:8: owner: required, but empty; fill in who keeps this answer correct: a person or a team",
        f"{shown}:11: answer: required, but empty; fill in the answer, in Markdown",
    ]

    text = path.read_text(encoding="utf-8")
    text = text.replace("summary:\n", "summary: Open Settings and press Export.\n")
    text = text.replace("owner:\n", "owner: Support team\n")
    text = text.replace("answer: |\n", "answer: |\n  Open **Settings** and press **Export**.\n")
    path.write_text(text, encoding="utf-8")
    assert run("check").exit_code == 0


def test_new_quotes_a_question_that_yaml_would_misread(in_project: Path) -> None:
    result = run("new", "Error: 'code #4' — what now?", "--category", "two-factor", "--owner", "Security team")
    assert result.exit_code == 0, result.output
    path = in_project / result.stdout.strip()
    assert path == in_project / "faq_data/entries/two-factor/error-code-4-what-now.yml"
    from helpcenter.load.yaml_file import read_yaml

    document, problems = read_yaml(path, "x")
    assert problems == [] and document is not None
    values = {key.value: value.value for key, value in document.root.value}
    assert values["title"] == "Error: 'code #4' — what now?"
    assert values["owner"] == "Security team"


def test_new_refuses_to_overwrite(in_project: Path) -> None:
    before = (in_project / CHANGE_PASSWORD).read_text(encoding="utf-8")
    result = run("new", "How do I change my password?", "--category", "account")
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {(in_project / CHANGE_PASSWORD).as_posix()} already exists; edit it, or pass --id to choose "
        "another id\n"
    ).replace(in_project.as_posix() + "/", "")
    assert (in_project / CHANGE_PASSWORD).read_text(encoding="utf-8") == before


def test_new_refuses_an_id_used_in_another_category(in_project: Path) -> None:
    result = run("new", "How do I change my password?", "--category", "two-factor")
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: the id 'change-password' is already used by {CHANGE_PASSWORD} (ids are unique across categories); "
        "pass --id to choose another id\n"
    )
    assert not (in_project / "faq_data/entries/two-factor/change-password.yml").exists()


def test_new_suggests_a_category(in_project: Path) -> None:
    result = run("new", "How do I log out?", "--category", "acount")
    assert result.exit_code == 1
    assert result.stderr == "Error: unknown category 'acount' (did you mean 'account'?)\n"


def test_new_takes_an_explicit_id(in_project: Path) -> None:
    result = run("new", "How do I log out?", "--category", "account", "--id", "sign-out")
    assert result.stdout == "faq_data/entries/account/sign-out.yml\n"
    bad = run("new", "How do I log out?", "--category", "account", "--id", "Sign Out")
    assert bad.exit_code == 1
    assert "lower-case letters, digits and single hyphens" in bad.stderr


# --- stale ------------------------------------------------------------------------------------------------------

def test_stale_groups_old_entries_by_owner(in_project: Path) -> None:
    edit(in_project / CHANGE_PASSWORD, "reviewed: 2026-11-27", "reviewed: 2025-01-10")
    edit(in_project / "faq_data/entries/two-factor/reset-2fa.yml", "reviewed: 2026-11-27", "reviewed: 2025-06-01")
    edit(in_project / "faq_data/entries/two-factor/reset-2fa.yml", "owner: Support team", "owner: Anna (security)")
    result = run("stale", "--days", "180", "--today", "2026-01-10")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "Anna (security) (1 entry):",
        "  faq_data/entries/two-factor/reset-2fa.yml: reviewed 2025-06-01, 223 days ago: "
        "How do I reset two-factor authentication (2FA)?",
        "Support team (1 entry):",
        f"  {CHANGE_PASSWORD}: reviewed 2025-01-10, 365 days ago: How do I change my password?",
        "2 entries not reviewed for more than 180 days.",
    ]
    assert run("stale", "--days", "400", "--today", "2026-01-10").stdout == (
        "No entry was last reviewed more than 400 days ago.\n"
    )


def test_stale_counts_one_owner_however_it_is_capitalised(in_project: Path) -> None:
    edit(in_project / CHANGE_PASSWORD, "reviewed: 2026-11-27", "reviewed: 2025-01-10")
    edit(in_project / "faq_data/entries/two-factor/reset-2fa.yml", "reviewed: 2026-11-27", "reviewed: 2025-06-01")
    edit(in_project / "faq_data/entries/two-factor/reset-2fa.yml", "owner: Support team", "owner: support  Team")
    result = run("stale", "--days", "180", "--today", "2026-01-10")
    assert result.exit_code == 0, result.output
    assert [line for line in result.stdout.splitlines() if not line.startswith("  ")] == [
        "support  Team (2 entries):",
        "2 entries not reviewed for more than 180 days.",
    ]


def test_stale_on_broken_content_lists_the_problems(in_project: Path) -> None:
    edit(in_project / CHANGE_PASSWORD, "reviewed: 2026-11-27", "reviewed: soon")
    result = run("stale", "--days", "30")
    assert result.exit_code == 1
    assert f"{CHANGE_PASSWORD}:5: reviewed: expected a date written as YYYY-MM-DD, got 'soon'" in result.stdout


def test_check_warns_of_each_example_value_still_in_place(in_project: Path) -> None:
    edit(in_project / "faq_data/settings.yml", "email: support@example.com",
         "email: support@example.com  # example value: the real address goes here")
    (in_project / "docs/contact.md").write_text(
        (in_project / "docs/contact.md").read_text(encoding="utf-8") + "\nCall us. <!-- example value -->\n",
        encoding="utf-8")
    result = run("check")
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert warnings == [
        "warning: faq_data/settings.yml:13: still an example value; replace it with the real one and remove the "
        "'example value' comment",
        f"warning: docs/contact.md:{len((in_project / 'docs/contact.md').read_text().splitlines())}: still an "
        "example value; replace it with the real one and remove the 'example value' comment",
    ]
    github = run("check", "--format", "github")
    assert ("::warning file=faq_data/settings.yml,line=13,title=Help-center content%3A a warning::still an example "
            "value") in github.stdout


@pytest.mark.parametrize("icon, hint", [
    ("material/acount-circle", " (did you mean 'material/account-circle'?)"),
    ("material/shield-kee", " (did you mean 'material/shield-key'?)"),
    ("octicons/zzzzzzzzzz", "; see the icon search at "
                            "https://squidfunk.github.io/mkdocs-material/reference/icons-emojis/"),
])
def test_an_icon_the_theme_does_not_have_is_refused_by_check_and_build(in_project: Path, icon: str, hint: str) -> None:
    categories = in_project / "faq_data/categories.yml"
    text = categories.read_text(encoding="utf-8")
    first_icon = next(line for line in text.splitlines() if line.strip().startswith("icon:"))
    categories.write_text(text.replace(first_icon, f"  icon: {icon}", 1), encoding="utf-8")
    line = text.splitlines().index(first_icon) + 1
    result = run("check")
    assert result.exit_code == 1
    assert f"faq_data/categories.yml:{line}: two-factor.icon: the theme has no icon '{icon}'{hint}" in result.stdout
    build = run_build(in_project)
    assert build.returncode == 1 and f"the theme has no icon '{icon}'" in build.stderr


def test_an_empty_category_is_not_published_and_the_check_says_so(in_project: Path) -> None:
    categories = in_project / "faq_data/categories.yml"
    categories.write_text(categories.read_text(encoding="utf-8") + (
        "billing:\n  title: Billing\n  description: Invoices.\n  icon: material/cash\n  order: 3\n"), encoding="utf-8")
    result = run("check")
    assert result.exit_code == 0, result.output
    assert ("warning: faq_data/categories.yml: billing: has no entries yet, so it is not published; add an entry "
            "to it, or remove the category") in result.stderr.splitlines()
    build = run_build(in_project)
    assert build.returncode == 0, build.stderr
    assert not (in_project / "site/billing").exists()
    assert "Billing" not in (in_project / "site/index.html").read_text(encoding="utf-8")
