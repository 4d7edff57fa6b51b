"""The commands over a built site: its links, and its search against a cases file."""

from __future__ import annotations

import re
import sys
from datetime import timedelta
from pathlib import Path

import click


@click.command(help=(
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


@click.command("search-cases", help=(
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
