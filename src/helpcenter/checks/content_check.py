"""Everything `helpcenter check` verifies without building: the content, then the ledger of addresses."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from helpcenter.checks.ledger import new_urls, published_urls, read_ledger, vanished_url_problems
from helpcenter.checks.placeholders import placeholder_warnings
from helpcenter.checks.translations import outdated_warnings
from helpcenter.load.help_center import IconCheck, check_help_center
from helpcenter.load.project_files import unsafe_files
from helpcenter.model import HelpCenter
from helpcenter.problems import Problem
from helpcenter.problems import shown_path as problems_shown_path


@dataclass
class CheckResult:
    help_center: HelpCenter | None
    problems: list[Problem]
    published: dict[str, str] = field(default_factory=dict)
    """Every address the content publishes (known only when the content is valid)."""
    new_urls: list[str] = field(default_factory=list)
    """Published addresses that the ledger does not list yet: noted, not a problem."""


def check_content_and_ledger(
    data_dir: Path, docs_dir: Path, ledger_file: Path, project_root: Path, icon_problem: IconCheck | None = None
) -> CheckResult:
    """The content's problems, and the files under docs/ and overrides/ that the build would refuse; when
    all is well, also the addresses that would vanish."""
    help_center, problems = check_help_center(data_dir, project_root, docs_dir, icon_problem)
    problems = sorted(problems + unsafe_files([docs_dir, project_root / "overrides"], project_root))
    if help_center is None or problems:
        return CheckResult(help_center, problems)
    ledger, problems = read_ledger(ledger_file, shown_path(ledger_file, project_root), project_root)
    published = published_urls(help_center, docs_dir)
    if ledger is None:
        return CheckResult(help_center, problems, published)
    problems = sorted(problems + vanished_url_problems(ledger, published, help_center))
    return CheckResult(help_center, problems, published, new_urls(ledger, published))


def content_warnings(help_center: HelpCenter | None, data_dir: Path, docs_dir: Path, root: Path) -> list[Problem]:
    """What `helpcenter check` warns of without failing: example values still in place, categories not
    published for want of entries, outdated translations."""
    warnings = placeholder_warnings(root, data_dir, docs_dir)
    if help_center is not None:
        categories_file = shown_path(data_dir / "categories.yml", root)
        warnings += [
            Problem(categories_file, 0, category, "has no entries yet, so it is not published; add an entry to it, "
                    "or remove the category")
            for category in help_center.empty_categories
        ]
        warnings += outdated_warnings(help_center)
    return warnings


def shown_path(path: Path, root: Path) -> str:
    """`problems.shown_path` for paths given on the command line, relative to the working folder (a link is
    named by its own path, not by where it leads)."""
    return problems_shown_path(path.absolute().parent.resolve() / path.name, root.resolve())
