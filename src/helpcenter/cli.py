"""The `helpcenter` command line: thin commands over the library."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .content import check_help_center


@click.group(help="Check and manage the help-center content kept as YAML under faq_data/.")
def main() -> None:
    pass


@main.command(help="Validate every content file without building the site; exit 1 if anything is wrong.")
@click.option("--data-dir", type=click.Path(path_type=Path), default=Path("faq_data"), show_default=True,
              help="The content folder.")
def check(data_dir: Path) -> None:
    help_center, problems = check_help_center(data_dir, Path.cwd())
    for problem in problems:
        click.echo(str(problem))
    if problems:
        click.echo(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} found.", err=True)
        sys.exit(1)
    assert help_center is not None
    click.echo(f"OK: {len(help_center.entries)} entries in {len(help_center.categories)} categories.")


@main.command(help="Write the JSON Schemas that editors use to autocomplete and check content files.")
@click.option("--out", type=click.Path(path_type=Path), default=Path("schemas"), show_default=True,
              help="The folder to write the schemas into.")
def schemas(out: Path) -> None:
    from .json_schema import write_schemas

    for path in write_schemas(out):
        click.echo(f"wrote {path}")
