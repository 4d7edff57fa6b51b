"""The `import` command: another help center's export in, all or nothing."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

import click

from helpcenter.checks.content_check import shown_path
from helpcenter.cli.common import DATA_DIR_OPTION, DOCS_DIR_OPTION, LEDGER_OPTION, fail_with, require_the_root
from helpcenter.importing.source import DEFAULT_ICON


@click.command("import", help=(
    "Bring another help center's articles in from EXPORT, offline. FORMAT is zendesk, intercom or freshdesk "
    "(EXPORT is a folder of the vendor API's JSON responses) or csv (EXPORT is a spreadsheet of questions and "
    "answers). Zendesk's and Intercom's translations come along into the languages settings.yml declares. "
    "Every file is checked before any is written; nothing is written if anything is wrong, and no "
    "existing entry is ever overwritten."
))
@click.argument("export_format", metavar="FORMAT", type=click.Choice(["zendesk", "intercom", "freshdesk", "csv"]))
@click.argument("export", type=click.Path(exists=True, path_type=Path))
@click.option("--owner", default="", help="The owner of every imported entry; left empty when not given.")
@click.option("--reviewed", type=click.DateTime(formats=["%Y-%m-%d"]),
              help="The review date of every imported entry (YYYY-MM-DD); left empty when not given.")
@click.option("--icon", default=DEFAULT_ICON, show_default=True, help="The icon of every category the import adds.")
@click.option("--images", "images_dir", type=click.Path(file_okay=False, path_type=Path),
              help="The folder of the articles' pictures. Default: 'images' beside the export, if there is one.")
@click.option("--report", "report_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Write every old address and where it now leads to this file instead of the terminal.")
@click.option("--skip-locale", "skip_locales", multiple=True, metavar="LOCALE",
              help="Leave out the export's translations in LOCALE (as the export writes it, such as 'fr'); their "
                   "old addresses lead to the source's page. Repeat for several.")
@DATA_DIR_OPTION
@DOCS_DIR_OPTION
@LEDGER_OPTION
@click.option("--schemas-dir", type=click.Path(path_type=Path), default=Path("schemas"), show_default=True,
              help="The folder of JSON Schemas that the new files' first line points to.")
def import_command(export_format: str, export: Path, owner: str, reviewed: datetime | None, icon: str,
                   images_dir: Path | None, report_file: Path | None, skip_locales: tuple[str, ...], data_dir: Path,
                   docs_dir: Path, ledger_file: Path, schemas_dir: Path) -> None:
    require_the_root(data_dir)
    from helpcenter.importing.existing import existing_content
    from helpcenter.importing.formats import READERS
    from helpcenter.importing.plan import plan_import
    from helpcenter.importing.planned import ImportOptions
    from helpcenter.importing.report import addresses_report, missing_pictures_report, summary_table
    from helpcenter.importing.write import write_import
    from helpcenter.plugin.theme_icons import icon_problem

    root = Path.cwd()
    exported = READERS[export_format](export, root)
    if exported.problems:
        fail_with(exported.problems, "nothing was written")
    categories, entry_ids, languages, problems = existing_content(data_dir, docs_dir, root, icon_problem)
    if problems:
        fail_with(problems, "nothing was written; fix the help center first")
    beside = (export if export.is_dir() else export.parent) / "images"
    options = ImportOptions(owner, reviewed.date() if reviewed else None, icon,
                            images_dir or (beside if beside.is_dir() else None), languages,
                            frozenset(locale.lower() for locale in skip_locales))
    with click.progressbar(length=len(exported.articles), label="Converting articles", file=sys.stderr,
                           show_pos=True) as bar:
        plan = plan_import(exported, categories, entry_ids, options, bar.update)
    if plan.problems:
        fail_with(plan.problems, "nothing was written")
    written, problems = write_import(plan, data_dir, docs_dir, ledger_file, schemas_dir, options, root,
                                     icon_problem)
    if written is None:
        fail_with(problems, "nothing was written")
        return
    for note in plan.notes:
        click.echo(f"note: {note}", err=True)
    addresses = addresses_report(written)
    if report_file is not None:
        report_file.write_text(addresses + "\n", encoding="utf-8")
        addresses = f"Every old address and where it leads: {shown_path(report_file, root)}"
    click.echo("\n".join(part for part in (missing_pictures_report(plan), addresses, summary_table(plan, written))
                         if part))
    click.echo("Next: run 'helpcenter check'; it lists the fields the team must write (summaries, owners, dates).",
               err=True)
