"""The files a build reads or copies (docs/, overrides/, faq_data/): regular files inside the repository.

A pull request can add a symbolic link to /proc/self/environ or /dev/zero under docs/; MkDocs would
copy what it reads into the published site (or fill the disk). Every file under those folders must
be a regular file (or a folder) whose real path lies inside the repository, and no link may lead
to a folder; anything else is refused, with its path, before anything is written.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from helpcenter.problems import Problem, shown_path


@dataclass(frozen=True)
class FileRules:
    """What is refused, and the words of each refusal, for the readers of one kind of file."""

    outside: str
    """A symbolic link whose target lies outside the repository."""
    not_regular: str
    """A device, pipe or socket (or a folder, where folders are not allowed)."""
    unreadable: str
    """Followed by the system's reason."""
    linked_folder: str | None = None
    """A symbolic link to a folder, where folders themselves are allowed; None where they are not."""


COPIED_FILES = FileRules(
    outside="a symbolic link to outside the repository; put the file itself here instead of the link",
    not_regular="not a regular file (a device, pipe or socket); the site is built from plain files only",
    unreadable="cannot be read",
    linked_folder="a symbolic link to a folder; put the folder itself here instead of the link",
)
"""docs/ and overrides/, whose folders and files the build walks and copies."""


def unsafe_files(folders: list[Path], root: Path) -> list[Problem]:
    """A problem for every link leading outside `root` and every file that is not a regular file."""
    real_root = Path(os.path.realpath(root))
    problems = []
    for folder in folders:
        if not folder.exists():
            continue
        for parent, folders_here, names in os.walk(folder):
            for name in [*folders_here, *names]:
                path = Path(parent, name)
                problem = refusal(path, real_root, COPIED_FILES)
                if problem:
                    problems.append(Problem(shown_path(path, root), 0, "", problem))
    return sorted(problems)


def refusal(path: Path | str, real_root: Path | None, rules: FileRules) -> str | None:
    """Why `path` is not read, in the words of `rules`, or None to read it: only a regular file (or a folder,
    where `rules` allow them) whose real path, with `real_root`, lies inside that folder."""
    folders_allowed = rules.linked_folder is not None
    try:
        status = os.lstat(path)
        if stat.S_ISLNK(status.st_mode):
            if real_root is not None and not Path(os.path.realpath(path)).is_relative_to(real_root):
                return rules.outside
            status = os.stat(path)
            if folders_allowed and stat.S_ISDIR(status.st_mode):
                return rules.linked_folder
    except OSError as error:
        return f"{rules.unreadable}: {error.strerror}"
    if stat.S_ISREG(status.st_mode) or (folders_allowed and stat.S_ISDIR(status.st_mode)):
        return None
    return rules.not_regular
