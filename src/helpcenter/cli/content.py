"""The commands over the content: check, new, schemas, ledger, stale."""

from __future__ import annotations

import sys
from datetime import date, datetime
from pathlib import Path

import click

from helpcenter.annotations import github_annotation, workflow_command
from helpcenter.checks.content_check import check_content_and_ledger, content_warnings, shown_path
from helpcenter.checks.ledger import UPDATE_HINT, update_ledger
from helpcenter.cli.common import DATA_DIR_OPTION, DOCS_DIR_OPTION, LEDGER_OPTION, fail_with, require_the_root
from helpcenter.load.help_center import check_content, check_help_center


@click.command(help=(
    "Validate every content file without building the site, and make sure no published address "
    "disappears; exit 1 if anything is wrong."
))
@DATA_DIR_OPTION
@DOCS_DIR_OPTION
@LEDGER_OPTION
@click.option("--format", "output_format", type=click.Choice(["text", "github"]), default="text", show_default=True,
              help="'github' prints GitHub Actions annotations, so each problem shows on its line in a pull request.")
def check(data_dir: Path, docs_dir: Path, ledger_file: Path, output_format: str) -> None:
    require_the_root(data_dir)
    from helpcenter.plugin.theme_icons import icon_problem

    result = check_content_and_ledger(data_dir, docs_dir, ledger_file, Path.cwd(), icon_problem)
    github = output_format == "github"
    for problem in result.problems:
        click.echo(github_annotation(problem) if github else str(problem))
    for warning in content_warnings(result.help_center, data_dir, docs_dir, Path.cwd()):
        if github:
            click.echo(github_annotation(warning, "warning"))
        else:
            click.echo(f"warning: {warning}", err=True)
    if result.new_urls:
        ledger = shown_path(ledger_file, Path.cwd())
        note = (f"{len(result.new_urls)} new address{'es' if len(result.new_urls) != 1 else ''} not in {ledger} "
                f"yet: {', '.join(result.new_urls)}; once published, {UPDATE_HINT}")
        if github:
            click.echo(workflow_command("notice", note, file=ledger, title="New addresses"))
        else:
            click.echo(f"note: {note}", err=True)
    if result.problems:
        count = len(result.problems)
        click.echo(f"{count} problem{'s' if count != 1 else ''} found.", err=True)
        sys.exit(1)
    assert result.help_center is not None
    click.echo(f"OK: {len(result.help_center.entries)} entries in {len(result.help_center.categories)} categories, "
               f"{len(result.published)} published addresses.")


@click.command(help="Write the JSON Schemas that editors use to autocomplete and check content files.")
@click.option("--out", type=click.Path(path_type=Path), default=Path("schemas"), show_default=True,
              help="The folder to write the schemas into.")
def schemas(out: Path) -> None:
    from helpcenter.load.json_schema import write_schemas

    for path in write_schemas(out):
        click.echo(f"wrote {path}")


@click.command(help=(
    "Start a new entry for QUESTION (as a customer would ask it) in a category, and print the new file's path. "
    "The fields only you can write are left empty, so 'helpcenter check' lists them until they are filled in. "
    "With --locale LANG, QUESTION is the id of an entry, and the file is its translation's skeleton."
))
@click.argument("question")
@click.option("--category", help="The id of the category the entry belongs to (see faq_data/categories.yml).")
@click.option("--id", "entry_id", help="The entry's id and address, instead of the one made from the question.")
@click.option("--owner", default="", help="Who keeps the answer correct: a person or a team.")
@click.option("--locale", help="Write the translation of the entry QUESTION into this language (such as 'de').")
@DATA_DIR_OPTION
@click.option("--schemas-dir", type=click.Path(path_type=Path), default=Path("schemas"), show_default=True,
              help="The folder of JSON Schemas that the new file's first line points to.")
def new(question: str, category: str | None, entry_id: str | None, owner: str, locale: str | None, data_dir: Path,
        schemas_dir: Path) -> None:
    from helpcenter.new_entry import ScaffoldError, create_entry

    if locale:
        _new_translation(question, locale, data_dir, schemas_dir)
        return
    if not category:
        raise click.UsageError("Missing option '--category'.")
    try:
        path = create_entry(data_dir, schemas_dir, question, category, date.today(), entry_id, owner)
    except ScaffoldError as error:
        raise click.ClickException(str(error)) from None
    click.echo(shown_path(path, Path.cwd()))
    missing = "summary and answer" if owner else "summary, owner and answer"
    click.echo(f"Next: fill in {missing}, then run 'helpcenter check' and preview with 'make serve'.", err=True)


def _new_translation(entry_id: str, language: str, data_dir: Path, schemas_dir: Path) -> None:
    from helpcenter.new_entry import ScaffoldError, create_translation

    require_the_root(data_dir)
    help_center, _, problems = check_content(data_dir, Path.cwd())
    if help_center is None:
        fail_with(problems)
        return
    try:
        path = create_translation(help_center, Path.cwd(), schemas_dir, entry_id, language)
    except ScaffoldError as error:
        raise click.ClickException(str(error)) from None
    click.echo(shown_path(path, Path.cwd()))
    click.echo("Next: translate each field under its English comment, then run 'helpcenter check'.", err=True)


@click.command(help=(
    "Compare the ledger of published addresses with what the content publishes. "
    "With --update, rewrite the ledger: record new addresses and retire vanished ones on purpose."
))
@click.option("--update", is_flag=True, help="Rewrite the ledger to exactly the addresses published now.")
@DATA_DIR_OPTION
@DOCS_DIR_OPTION
@LEDGER_OPTION
def ledger(update: bool, data_dir: Path, docs_dir: Path, ledger_file: Path) -> None:
    require_the_root(data_dir)
    from helpcenter.plugin.theme_icons import icon_problem

    result = check_content_and_ledger(data_dir, docs_dir, ledger_file, Path.cwd(), icon_problem)
    shown = shown_path(ledger_file, Path.cwd())
    if result.help_center is None:
        fail_with(result.problems)
        return
    if update:
        added, removed = update_ledger(ledger_file, result.published, Path.cwd())
        click.echo("".join(f"+ {url}\n" for url in added) + "".join(f"- {url}\n" for url in removed)
                   + f"{shown}: {len(result.published)} addresses ({len(added)} added, {len(removed)} removed).")
        if removed:
            click.echo("The removed addresses now answer 'not found': commit the ledger only if that is intended.",
                       err=True)
        return
    for problem in result.problems:
        click.echo(str(problem))
    for url in result.new_urls:
        click.echo(f"{shown}: new address, not recorded yet: {url}")
    if result.problems:
        sys.exit(1)
    if not result.new_urls:
        click.echo(f"{shown} lists every published address.")


@click.command(help="List the entries whose last review is more than --days days old, grouped by owner.")
@click.option("--days", type=click.IntRange(min=0), default=365, show_default=True,
              help="An entry reviewed more than this many days ago is stale.")
@click.option("--today", type=click.DateTime(formats=["%Y-%m-%d"]),
              help="Count the days up to this date (YYYY-MM-DD) instead of today.")
@DATA_DIR_OPTION
def stale(days: int, today: datetime | None, data_dir: Path) -> None:
    require_the_root(data_dir)
    from helpcenter.checks.stale import stale_entries, stale_report

    help_center, problems = check_help_center(data_dir, Path.cwd())
    if help_center is None:
        fail_with(problems)
        return
    by_owner = stale_entries(help_center, days, today.date() if today else date.today())
    if not by_owner:
        click.echo(f"No entry was last reviewed more than {days} days ago.")
        return
    click.echo(stale_report(by_owner, days))
