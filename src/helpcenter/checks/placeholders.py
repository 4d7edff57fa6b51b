"""Example values still in place: lines marked `# example value` in the content, the pages and mkdocs.yml.

A help center starts from example addresses (support@example.com, a sample video); each is marked
with the comment `# example value` (`<!-- example value -->` in a page) where it stands. Until the
team replaces it and removes the mark, `helpcenter check` names each one as a warning, so a
placeholder is never published unnoticed, while a work-in-progress help center still passes.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from helpcenter.problems import Problem, shown_path

MARK = re.compile(r"(?:#|<!--)\s*example value\b", re.IGNORECASE)
PAGE_MARK = re.compile(r"^[ \t]*<!--\s*example value\b.*?-->[ \t]*(?:\r?\n)?", re.IGNORECASE | re.MULTILINE | re.DOTALL)
"""A page's mark as a comment of its own, left out of the published page (customers need not see it)."""


def without_example_marks(markdown: str) -> str:
    return PAGE_MARK.sub("", markdown)


def placeholder_warnings(project_root: Path, data_dir: Path, docs_dir: Path) -> list[Problem]:
    """One warning per marked line, in the order of the files' paths and lines."""
    files = [project_root / "mkdocs.yml", *_files(data_dir, (".yml", ".yaml")), *_files(docs_dir, (".md",))]
    warnings = []
    for path in files:
        if not path.is_file() or path.is_symlink():
            continue  # the content check says what it refuses
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            continue  # the content check reports what cannot be read
        shown = shown_path(path, project_root)
        for number, line in enumerate(lines, 1):
            if MARK.search(line):
                warnings.append(Problem(shown, number, "", (
                    "still an example value; replace it with the real one and remove the 'example value' comment"
                )))
    return warnings


def _files(folder: Path, suffixes: tuple[str, ...]) -> list[Path]:
    found: list[Path] = []
    for parent, folders, names in os.walk(folder):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        found.extend(Path(parent, name) for name in sorted(names) if name.endswith(suffixes))
    return found

