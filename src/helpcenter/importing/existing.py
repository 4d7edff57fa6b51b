"""The help center an import goes into: it must pass the check first, and its ids are taken."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import yaml

from helpcenter.load.help_center import CATEGORIES_FILE, check_help_center
from helpcenter.problems import Problem


def existing_content(
    data_dir: Path, docs_dir: Path, root: Path, icon_problem: Callable[[str], str | None] | None = None,
) -> tuple[dict[str, tuple[str, int]], set[str], tuple[str, ...], list[Problem]]:
    """Every category (id -> title, order), every entry id, the languages (the default first, none when it
    declares none), or the problems that stop an import into it."""
    help_center, problems = check_help_center(data_dir, root, docs_dir, icon_problem)
    if help_center is None:
        return {}, set(), (), problems
    document = yaml.safe_load((data_dir / CATEGORIES_FILE).read_text(encoding="utf-8"))
    categories = {str(key): (str(value["title"]), int(value["order"])) for key, value in document.items()}
    return categories, {entry.id for entry in help_center.entries}, help_center.languages, []
