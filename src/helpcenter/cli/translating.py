"""The `translations` command: what each language lacks, and marking a translation reviewed."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from helpcenter.annotations import github_annotation
from helpcenter.checks.content_check import shown_path
from helpcenter.cli.common import DATA_DIR_OPTION, DOCS_DIR_OPTION, fail_with, require_the_root
from helpcenter.load.help_center import check_content
from helpcenter.load.site_addresses import page_names
from helpcenter.model import HelpCenter


@click.command(help=(
    "List, per language, the translations that are missing, outdated (the source's translated fields changed "
    "since) or orphaned (their source is gone), with the coverage and the owner of each source. "
    "With --reviewed FILE, mark that translation reviewed: its fingerprint becomes the source's current one."
))
@click.option("--reviewed", "reviewed_files", multiple=True, type=click.Path(exists=True, dir_okay=False,
              path_type=Path), help="A translation file to mark reviewed; repeat for more.")
@click.option("--format", "output_format", type=click.Choice(["text", "github"]), default="text", show_default=True,
              help="'github' prints GitHub Actions annotations on the translation files.")
@DATA_DIR_OPTION
@DOCS_DIR_OPTION
def translations(reviewed_files: tuple[Path, ...], output_format: str, data_dir: Path, docs_dir: Path) -> None:
    require_the_root(data_dir)
    from helpcenter.checks.translations import translation_tasks, translations_report
    from helpcenter.plugin.theme_icons import icon_problem

    help_center, found, problems = check_content(data_dir, Path.cwd(), docs_dir, icon_problem)
    if help_center is None or found is None:
        fail_with(problems)
        return
    if reviewed_files:
        _mark_reviewed(reviewed_files, help_center, data_dir, docs_dir)
        return
    if not help_center.translations:
        click.echo("The site has one language: declare more under 'languages' in settings.yml to translate it.")
        return
    tasks, coverage = translation_tasks(help_center, found, shown_path(data_dir, Path.cwd()),
                                        sorted(page_names(docs_dir)), shown_path(docs_dir, Path.cwd()))
    click.echo(translations_report(tasks, coverage, output_format))
    for problem in problems:
        click.echo(github_annotation(problem) if output_format == "github" else str(problem))
    if problems:
        click.echo(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} found; run 'helpcenter check'.",
                   err=True)
        sys.exit(1)


def _mark_reviewed(files: tuple[Path, ...], help_center: HelpCenter, data_dir: Path, docs_dir: Path) -> None:
    from helpcenter.checks.mark_reviewed import ReviewError, mark_page_reviewed, mark_reviewed

    for file in files:
        shown = shown_path(file, Path.cwd())
        try:
            if file.suffix == ".md":
                changed = mark_page_reviewed(file, shown, help_center, docs_dir)
            else:
                changed = mark_reviewed(file, shown, help_center, data_dir)
        except ReviewError as error:
            raise click.ClickException(str(error)) from None
        click.echo(f"{shown}: marked reviewed" if changed else f"{shown}: already matches its source")
