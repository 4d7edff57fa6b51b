"""The `helpcenter` command line: thin commands over the library."""

from __future__ import annotations

import re
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import click

from helpcenter.annotations import github_annotation, workflow_command
from helpcenter.checks.content_check import check_content_and_ledger, shown_path
from helpcenter.checks.ledger import LEDGER_FILE, UPDATE_HINT, update_ledger
from helpcenter.checks.placeholders import placeholder_warnings
from helpcenter.load.help_center import check_help_center
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
    warnings = placeholder_warnings(Path.cwd(), data_dir, docs_dir)
    if result.help_center is not None:
        categories_file = shown_path(data_dir / "categories.yml", Path.cwd())
        warnings += [
            Problem(categories_file, 0, category, "has no entries yet, so it is not published; add an entry to it, "
                    "or remove the category")
            for category in result.help_center.empty_categories
        ]
    for warning in warnings:
        if github:
            message = f"{warning.field}: {warning.message}" if warning.field else warning.message
            click.echo(workflow_command("warning", message, file=warning.path, line=warning.line,
                                        title="Help-center content: a warning"))
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
    "The fields only you can write are left empty, so 'helpcenter check' lists them until they are filled in."
))
@click.argument("question")
@click.option("--category", required=True,
              help="The id of the category the entry belongs to (see faq_data/categories.yml).")
@click.option("--id", "entry_id", help="The entry's id and address, instead of the one made from the question.")
@click.option("--owner", default="", help="Who keeps the answer correct: a person or a team.")
@DATA_DIR_OPTION
@click.option("--schemas-dir", type=click.Path(path_type=Path), default=Path("schemas"), show_default=True,
              help="The folder of JSON Schemas that the new file's first line points to.")
def new(question: str, category: str, entry_id: str | None, owner: str, data_dir: Path, schemas_dir: Path) -> None:
    from helpcenter.new_entry import ScaffoldError, create_entry

    try:
        path = create_entry(data_dir, schemas_dir, question, category, date.today(), entry_id, owner)
    except ScaffoldError as error:
        raise click.ClickException(str(error)) from None
    click.echo(shown_path(path, Path.cwd()))
    missing = "summary and answer" if owner else "summary, owner and answer"
    click.echo(f"Next: fill in {missing}, then run 'helpcenter check' and preview with 'make serve'.", err=True)


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
    from helpcenter.checks.text_table import format_table

    found = check_site(site_dir, site_url or site_url_of(site_dir))
    if found.broken:
        click.echo(format_table(["PAGE", "LINK", "PROBLEM"], [(b.page, b.url, b.reason) for b in found.broken]))
    click.echo(f"{found.internal} internal link{'s' if found.internal != 1 else ''} in {found.pages} "
               f"page{'s' if found.pages != 1 else ''}: {len(found.broken)} broken.")
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
    from helpcenter.checks.external_links import CheckSettings, LinkCache, check_external
    from helpcenter.checks.text_table import format_table

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
    results.sort(key=lambda result: (result.ok, result.url))
    rows = []
    for result in results:
        state = "BROKEN" if not result.ok else "ok (cached)" if result.cached else "ok"
        pages = used_on[result.url]
        where = pages[0] + (f" and {len(pages) - 1} more" if len(pages) > 1 else "")
        rows.append((state, result.url, result.detail, where))
    if rows:
        click.echo(format_table(["STATUS", "ADDRESS", "ANSWER", "USED ON"], rows))
    broken = sum(1 for result in results if not result.ok)
    skipped = len(used_on) - len(urls)
    click.echo(f"{len(urls)} external address{'es' if len(urls) != 1 else ''} checked: {broken} broken"
               + (f", {skipped} skipped by --exclude." if skipped else "."))
    return broken


@main.command(help="List the entries whose last review is more than --days days old, grouped by owner.")
@click.option("--days", type=click.IntRange(min=0), default=365, show_default=True,
              help="An entry reviewed more than this many days ago is stale.")
@click.option("--today", type=click.DateTime(formats=["%Y-%m-%d"]),
              help="Count the days up to this date (YYYY-MM-DD) instead of today.")
@DATA_DIR_OPTION
def stale(days: int, today: datetime | None, data_dir: Path) -> None:
    _require_the_root(data_dir)
    from helpcenter.checks.stale import stale_entries

    help_center, problems = check_help_center(data_dir, Path.cwd())
    if help_center is None:
        _fail_with(problems)
        return
    by_owner = stale_entries(help_center, days, today.date() if today else date.today())
    if not by_owner:
        click.echo(f"No entry was last reviewed more than {days} days ago.")
        return
    for owner, entries in by_owner.items():
        click.echo(f"{owner} ({len(entries)} entr{'ies' if len(entries) != 1 else 'y'}):")
        for stale_entry in entries:
            entry = stale_entry.entry
            click.echo(f"  {entry.source}: reviewed {entry.reviewed.isoformat()}, {stale_entry.age_days} days ago: "
                       f"{entry.title}")
    total = sum(len(entries) for entries in by_owner.values())
    click.echo(f"{total} entr{'ies' if total != 1 else 'y'} not reviewed for more than {days} days.")


@main.command("search-cases", help=(
    "Type each query of CASES_FILE (a YAML list of `{query: ..., entry: ENTRY-ID}`) into the search of the "
    "built site in SITE_DIR, as the site's own search worker answers it (run in Node.js), and show where each "
    "entry ranks. Add a phrasing to an entry's also_asked, build, and run it again to see the effect."
))
@click.argument("cases_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("site_dir", type=click.Path(exists=True, file_okay=False, path_type=Path), default=Path("site"))
def search_cases(cases_file: Path, site_dir: Path) -> None:
    from helpcenter.checks.search_cases import SearchCaseError, read_cases, score_cases
    from helpcenter.checks.text_table import format_table

    try:
        results = score_cases(read_cases(cases_file), site_dir)
    except SearchCaseError as error:
        click.echo(str(error), err=True)
        sys.exit(1)
    rows = []
    for result in results:
        place = "first" if result.rank == 1 else f"#{result.rank}" if result.rank else "not in 10"
        notice = "no answer shown" if result.no_answer else ""
        rows.append((place, result.query, result.entry, result.first or "(nothing)", notice))
    click.echo(format_table(["RANK", "QUERY", "ENTRY", "FIRST RESULT", ""], rows))
    total = len(results)
    first = sum(result.rank == 1 for result in results)
    top3 = sum(result.rank is not None and result.rank <= 3 for result in results)
    notices = sum(result.no_answer for result in results)
    click.echo(f"{total} cases: {first} first ({first / total:.0%}), {top3} in the first three ({top3 / total:.0%}), "
               f"{notices} with the no-answer notice.")


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
        added, removed = update_ledger(ledger_file, result.published)
        for url in added:
            click.echo(f"+ {url}")
        for url in removed:
            click.echo(f"- {url}")
        click.echo(f"{shown}: {len(result.published)} addresses ({len(added)} added, {len(removed)} removed).")
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


def _fail_with(problems: list[Problem]) -> None:
    for problem in problems:
        click.echo(str(problem))
    click.echo(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} found; run 'helpcenter check'.", err=True)
    sys.exit(1)
