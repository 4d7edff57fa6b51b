"""The files a build reads or copies (docs/, overrides/, faq_data/): regular files inside the repository.

A pull request can add a symbolic link to /proc/self/environ or /dev/zero under docs/; MkDocs would
copy what it reads into the published site (or fill the disk). Every file under those folders must
be a regular file (or a folder) whose real path lies inside the repository, and no link may lead
to a folder; anything else is refused, with its path, before anything is written.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from helpcenter.problems import Problem, shown_path


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
                problem = _refusal(path, real_root)
                if problem:
                    problems.append(Problem(shown_path(path, root), 0, "", problem))
    return sorted(problems)


def _refusal(path: Path, real_root: Path) -> str | None:
    try:
        status = os.lstat(path)
        if stat.S_ISLNK(status.st_mode):
            if not Path(os.path.realpath(path)).is_relative_to(real_root):
                return "a symbolic link to outside the repository; put the file itself here instead of the link"
            status = os.stat(path)
            if stat.S_ISDIR(status.st_mode):
                return "a symbolic link to a folder; put the folder itself here instead of the link"
    except OSError as error:
        return f"cannot be read: {error.strerror}"
    if stat.S_ISDIR(status.st_mode) or stat.S_ISREG(status.st_mode):
        return None
    return "not a regular file (a device, pipe or socket); the site is built from plain files only"

