"""The `helpcenter` command line: thin commands over the library."""

from __future__ import annotations

import re
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import click

from helpcenter.annotations import github_annotation, workflow_command
from helpcenter.checks.content_check import check_content_and_ledger, content_warnings, shown_path
from helpcenter.checks.ledger import LEDGER_FILE, UPDATE_HINT, update_ledger
from helpcenter.importing.source import DEFAULT_ICON
from helpcenter.load.help_center import check_content, check_help_center
from helpcenter.model import HelpCenter
from helpcenter.problems import Problem

DATA_DIR_OPTION = click.option(
    "--data-dir", type=click.Path(path_type=Path), default=Path("faq_data"), show_default=True,
    help="The content folder.",
)
DOCS_DIR_OPTION = click.option(
    "--docs-dir", type=click.Path(path_type=Path), default=Path("docs"), show_default=True,
    help="The hand-written pages; their addresses are published too.",
)
LEDGER_OPTION = click.option(
    "--ledger", "ledger_file", type=click.Path(path_type=Path), default=Path(LEDGER_FILE), show_default=True,
    help="The committed list of every address the site has published.",
)


@click.group(help="Check and manage the help-center content kept as YAML under faq_data/.")
def main() -> None:
    pass


@main.command(help=(
    "Validate every content file without building the site, and make sure no published address "
    "disappears; exit 1 if anything is wrong."
))
@DATA_DIR_OPTION
@DOCS_DIR_OPTION
@LEDGER_OPTION
@click.option("--format", "output_format", type=click.Choice(["text", "github"]), default="text", show_default=True,
              help="'github' prints GitHub Actions annotations, so each problem shows on its line in a pull request.")
def check(data_dir: Path, docs_dir: Path, ledger_file: Path, output_format: str) -> None:
    _require_the_root(data_dir)
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


@main.command(help="Write the JSON Schemas that editors use to autocomplete and check content files.")
@click.option("--out", type=click.Path(path_type=Path), default=Path("schemas"), show_default=True,
              help="The folder to write the schemas into.")
def schemas(out: Path) -> None:
    from helpcenter.load.json_schema import write_schemas

    for path in write_schemas(out):
        click.echo(f"wrote {path}")


@main.command(help=(
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

    _require_the_root(data_dir)
    help_center, _, problems = check_content(data_dir, Path.cwd())
    if help_center is None:
        _fail_with(problems)
        return
    try:
        path = create_translation(help_center, Path.cwd(), schemas_dir, entry_id, language)
    except ScaffoldError as error:
        raise click.ClickException(str(error)) from None
    click.echo(shown_path(path, Path.cwd()))
    click.echo("Next: translate each field under its English comment, then run 'helpcenter check'.", err=True)


@main.command(help=(
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
    _require_the_root(data_dir)
    from helpcenter.checks.translations import translation_tasks, translations_report
    from helpcenter.plugin.theme_icons import icon_problem

    help_center, found, problems = check_content(data_dir, Path.cwd(), docs_dir, icon_problem)
    if help_center is None or found is None:
        _fail_with(problems)
        return
    if reviewed_files:
        _mark_reviewed(reviewed_files, help_center, data_dir)
        return
    if not help_center.translations:
        click.echo("The site has one language: declare more under 'languages' in settings.yml to translate it.")
        return
    tasks, coverage = translation_tasks(help_center, found, shown_path(data_dir, Path.cwd()))
    click.echo(translations_report(tasks, coverage, output_format))
    for problem in problems:
        click.echo(github_annotation(problem) if output_format == "github" else str(problem))
    if problems:
        click.echo(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} found; run 'helpcenter check'.",
                   err=True)
        sys.exit(1)


def _mark_reviewed(files: tuple[Path, ...], help_center: HelpCenter, data_dir: Path) -> None:
    from helpcenter.checks.mark_reviewed import ReviewError, mark_reviewed

    for file in files:
        shown = shown_path(file, Path.cwd())
        try:
            changed = mark_reviewed(file, shown, help_center, data_dir)
        except ReviewError as error:
            raise click.ClickException(str(error)) from None
        click.echo(f"{shown}: marked reviewed" if changed else f"{shown}: already matches its source")


@main.command(help=(
    "Check the built site in SITE_DIR (such as site/): every internal link and #anchor leads somewhere, "
    "and every image, stylesheet and script exists. Exit 1 if anything is broken."
))
@click.argument("site_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--site-url", help="The site's own address, whose links count as internal. "
              "Default: read from the home page's canonical link.")
@click.option("--external", is_flag=True, help="Also check the external http(s) addresses, concurrently.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=10.0, show_default=True,
              help="Seconds to wait for each external request.")
@click.option("--retries", type=click.IntRange(min=0), default=2, show_default=True,
              help="Further tries after a timeout, a connection error, 429 or 5xx.")
@click.option("--concurrency", type=click.IntRange(min=1), default=8, show_default=True,
              help="External requests under way at once.")
@click.option("--per-host", type=click.IntRange(min=1), default=2, show_default=True,
              help="External requests under way at once to one host.")
@click.option("--cache", "cache_file", type=click.Path(dir_okay=False, path_type=Path),
              default=Path(".helpcenter-cache/links.json"), show_default=True,
              help="Where good external results are remembered, so reruns are fast.")
@click.option("--cache-max-age", type=click.FloatRange(min=0), default=24.0, show_default=True,
              help="Hours a remembered good result is trusted.")
@click.option("--no-cache", is_flag=True, help="Check every external address again; neither read nor write the cache.")
@click.option("--exclude", multiple=True, metavar="REGEX",
              help="Skip external addresses that match this regular expression; repeat for more.")
def links(site_dir: Path, site_url: str | None, external: bool, timeout: float, retries: int, concurrency: int,
          per_host: int, cache_file: Path, cache_max_age: float, no_cache: bool, exclude: tuple[str, ...]) -> None:
    from helpcenter.checks.site_links import check_site, site_url_of

    found = check_site(site_dir, site_url or site_url_of(site_dir))
    click.echo(found.report())
    broken_external = _check_external_links(
        found.external, exclude, timeout, retries, concurrency, per_host,
        None if no_cache else cache_file, cache_max_age,
    ) if external else 0
    if found.broken or broken_external:
        sys.exit(1)


def _check_external_links(
    used_on: dict[str, list[str]], exclude: tuple[str, ...], timeout: float, retries: int, concurrency: int,
    per_host: int, cache_file: Path | None, cache_max_age: float,
) -> int:
    from helpcenter.checks.external_links import CheckSettings, LinkCache, check_external, results_report

    try:
        patterns = [re.compile(pattern) for pattern in exclude]
    except re.error as error:
        raise click.BadParameter(f"not a regular expression: {error}", param_hint="--exclude") from None
    urls = sorted(url for url in used_on if not any(pattern.search(url) for pattern in patterns))
    settings = CheckSettings(timeout=timeout, retries=retries, concurrency=concurrency, per_host=per_host)
    cache = LinkCache(cache_file, timedelta(hours=cache_max_age)) if cache_file else None
    results = []
    with click.progressbar(length=len(urls), label="Checking external links", file=sys.stderr,
                           show_pos=True) as progress:
        for result in check_external(urls, settings, cache):
            results.append(result)
            progress.update(1)
    click.echo(results_report(results, used_on))
    return sum(1 for result in results if not result.ok)


@main.command(help="List the entries whose last review is more than --days days old, grouped by owner.")
@click.option("--days", type=click.IntRange(min=0), default=365, show_default=True,
              help="An entry reviewed more than this many days ago is stale.")
@click.option("--today", type=click.DateTime(formats=["%Y-%m-%d"]),
              help="Count the days up to this date (YYYY-MM-DD) instead of today.")
@DATA_DIR_OPTION
def stale(days: int, today: datetime | None, data_dir: Path) -> None:
    _require_the_root(data_dir)
    from helpcenter.checks.stale import stale_entries, stale_report

    help_center, problems = check_help_center(data_dir, Path.cwd())
    if help_center is None:
        _fail_with(problems)
        return
    by_owner = stale_entries(help_center, days, today.date() if today else date.today())
    if not by_owner:
        click.echo(f"No entry was last reviewed more than {days} days ago.")
        return
    click.echo(stale_report(by_owner, days))


@main.command("search-cases", help=(
    "Type each query of CASES_FILE (a YAML list of `{query: ..., entry: ENTRY-ID}`) into the search of the "
    "built site in SITE_DIR, as the site's own search worker answers it (run in Node.js), and show where each "
    "entry ranks. Add a phrasing to an entry's also_asked, build, and run it again to see the effect."
))
@click.argument("cases_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("site_dir", type=click.Path(exists=True, file_okay=False, path_type=Path), default=Path("site"))
def search_cases(cases_file: Path, site_dir: Path) -> None:
    from helpcenter.checks.search_cases import SearchCaseError, cases_report, read_cases, score_cases

    try:
        results = score_cases(read_cases(cases_file), site_dir)
    except SearchCaseError as error:
        click.echo(str(error), err=True)
        sys.exit(1)
    click.echo(cases_report(results))


@main.command(help=(
    "Compare the ledger of published addresses with what the content publishes. "
    "With --update, rewrite the ledger: record new addresses and retire vanished ones on purpose."
))
@click.option("--update", is_flag=True, help="Rewrite the ledger to exactly the addresses published now.")
@DATA_DIR_OPTION
@DOCS_DIR_OPTION
@LEDGER_OPTION
def ledger(update: bool, data_dir: Path, docs_dir: Path, ledger_file: Path) -> None:
    _require_the_root(data_dir)
    from helpcenter.plugin.theme_icons import icon_problem

    result = check_content_and_ledger(data_dir, docs_dir, ledger_file, Path.cwd(), icon_problem)
    shown = shown_path(ledger_file, Path.cwd())
    if result.help_center is None:
        _fail_with(result.problems)
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


@main.command("import", help=(
    "Bring another help center's articles in from EXPORT, offline. FORMAT is zendesk, intercom or freshdesk "
    "(EXPORT is a folder of the vendor API's JSON responses) or csv (EXPORT is a spreadsheet of questions and "
    "answers). Every file is checked before any is written; nothing is written if anything is wrong, and no "
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
@DATA_DIR_OPTION
@DOCS_DIR_OPTION
@LEDGER_OPTION
@click.option("--schemas-dir", type=click.Path(path_type=Path), default=Path("schemas"), show_default=True,
              help="The folder of JSON Schemas that the new files' first line points to.")
def import_command(export_format: str, export: Path, owner: str, reviewed: datetime | None, icon: str,
                   images_dir: Path | None, report_file: Path | None, data_dir: Path, docs_dir: Path,
                   ledger_file: Path, schemas_dir: Path) -> None:
    _require_the_root(data_dir)
    from helpcenter.importing.existing import existing_content
    from helpcenter.importing.formats import READERS
    from helpcenter.importing.plan import ImportOptions, plan_import
    from helpcenter.importing.report import addresses_report, missing_pictures_report, summary_table
    from helpcenter.importing.write import write_import
    from helpcenter.plugin.theme_icons import icon_problem

    root = Path.cwd()
    exported = READERS[export_format](export, root)
    if exported.problems:
        _fail_with(exported.problems, "nothing was written")
    beside = (export if export.is_dir() else export.parent) / "images"
    options = ImportOptions(owner, reviewed.date() if reviewed else None, icon,
                            images_dir or (beside if beside.is_dir() else None))
    categories, entry_ids, problems = existing_content(data_dir, docs_dir, root, icon_problem)
    if problems:
        _fail_with(problems, "nothing was written; fix the help center first")
    with click.progressbar(length=len(exported.articles), label="Converting articles", file=sys.stderr,
                           show_pos=True) as bar:
        plan = plan_import(exported, categories, entry_ids, options, bar.update)
    if plan.problems:
        _fail_with(plan.problems, "nothing was written")
    written, problems = write_import(plan, data_dir, docs_dir, ledger_file, schemas_dir, options, root,
                                     icon_problem)
    if written is None:
        _fail_with(problems, "nothing was written")
        return
    for note in plan.notes:
        click.echo(f"note: {note}", err=True)
    addresses = addresses_report(written)
    if report_file is not None:
        report_file.write_text(addresses + "\n", encoding="utf-8")
        addresses = f"Every old address and where it leads: {shown_path(report_file, root)}"
    click.echo("\n".join(part for part in (missing_pictures_report(plan), addresses, summary_table(exported, plan,
                                                                                                  written)) if part))
    click.echo("Next: run 'helpcenter check'; it lists the fields the team must write (summaries, owners, dates).",
               err=True)


def _require_the_root(data_dir: Path) -> None:
    """Run from a sub-folder of the repository, the content folder is not where it is looked for: say where."""
    if data_dir.is_absolute() or data_dir.exists():
        return
    for folder in Path.cwd().parents:
        if (folder / data_dir).is_dir() and (folder / "mkdocs.yml").is_file():
            click.echo(
                f"{data_dir.as_posix()} is not in this folder: run the command from the repository's root, "
                f"{folder} (for example: cd {folder})",
                err=True,
            )
            sys.exit(1)


def _fail_with(problems: list[Problem], advice: str = "run 'helpcenter check'") -> None:
    for problem in problems:
        click.echo(str(problem))
    click.echo(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} found; {advice}.", err=True)
    sys.exit(1)
