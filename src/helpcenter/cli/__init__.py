"""The `helpcenter` command line: thin commands over the library, grouped by what they work on."""

from __future__ import annotations

import click

from helpcenter.cli.content import check, ledger, new, schemas, stale
from helpcenter.cli.importing import import_command
from helpcenter.cli.site import links, search_cases
from helpcenter.cli.translating import translations


@click.group(help="Check and manage the help-center content kept as YAML under faq_data/.")
def main() -> None:
    pass


for command in (check, schemas, new, translations, links, stale, search_cases, ledger, import_command):
    main.add_command(command)
