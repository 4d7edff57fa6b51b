"""What the commands share: the common options, and how a command stops on problems."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from helpcenter.checks.ledger import LEDGER_FILE
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


def require_the_root(data_dir: Path) -> None:
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


def fail_with(problems: list[Problem], advice: str = "run 'helpcenter check'") -> None:
    for problem in problems:
        click.echo(str(problem))
    click.echo(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} found; {advice}.", err=True)
    sys.exit(1)
