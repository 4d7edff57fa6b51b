"""Files under docs/ and overrides/ that are not what they seem are refused before the build writes anything."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import copy_project, run_build

SECRET = "TOKEN=the-secret-of-the-ci"


def _check(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(Path(sys.executable).with_name("helpcenter")), "check"], cwd=project,
                          capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("kind", ["link to a secret", "link to a device", "named pipe", "link to a folder"])
@pytest.mark.parametrize("where", ["docs/assets", "overrides/partials"])
def test_what_the_build_would_copy_or_read_is_a_plain_file_of_the_repository(
    tmp_path: Path, kind: str, where: str
) -> None:
    project = copy_project(tmp_path / "project")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "environ").write_text(SECRET, encoding="utf-8")
    target = project / where / "leak.txt"
    if kind == "link to a secret":
        target.symlink_to(outside / "environ")
        message = "a symbolic link to outside the repository; put the file itself here instead of the link"
    elif kind == "link to a device":
        target.symlink_to("/dev/zero")
        message = "a symbolic link to outside the repository; put the file itself here instead of the link"
    elif kind == "named pipe":
        os.mkfifo(target)
        message = "not a regular file (a device, pipe or socket); the site is built from plain files only"
    else:
        (project / "faq_data" / "more").mkdir()
        target.symlink_to(project / "faq_data" / "more", target_is_directory=True)
        message = "a symbolic link to a folder; put the folder itself here instead of the link"
    expected = f"{where}/leak.txt: {message}"
    build = run_build(project)
    assert build.returncode == 1
    assert expected in build.stderr and SECRET not in build.stderr
    assert not (project / "site").exists()
    check = _check(project)
    assert check.returncode == 1 and expected in check.stdout


def test_a_link_inside_the_repository_is_built(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "docs/assets/logo-copy.svg").symlink_to(project / "docs/assets/images/favicon.svg")
    build = run_build(project)
    assert build.returncode == 0, build.stderr
    assert (project / "site/assets/logo-copy.svg").is_file()
