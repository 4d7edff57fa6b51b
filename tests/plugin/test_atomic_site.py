"""Nothing half-built: a failed, interrupted or terminated build leaves the previous site exactly as it was."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import copy_project, run_build
from helpcenter.plugin import atomic_site

PAUSE_HOOK = '''
"""Test hook: once a few pages are written, say so in a marker file and wait to be interrupted."""
import os, time

pages_written = 0

def on_post_page(output, page, config):
    global pages_written
    pages_written += 1
    if pages_written == 3:
        with open(os.environ["PAUSE_MARKER"], "w") as marker:
            marker.write(config.site_dir)
        for _ in range(1200):
            time.sleep(0.1)
    return output
'''


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file's bytes and modification time, by path."""
    return {
        path.relative_to(folder).as_posix(): (path.read_bytes(), path.stat().st_mtime_ns)
        for path in sorted(folder.rglob("*")) if path.is_file()
    }


@pytest.fixture
def built(project: Path) -> tuple[Path, dict[str, tuple[bytes, int]]]:
    """The project, built once, and a snapshot of its site."""
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    return project, snapshot(project / "site")


def assert_untouched(project: Path, before: dict[str, tuple[bytes, int]]) -> None:
    assert snapshot(project / "site") == before
    assert atomic_site.leftovers(project / "site") == []


def test_a_build_that_fails_half_way_leaves_the_site_as_it_was(built: tuple[Path, dict]) -> None:
    project, before = built
    # Pages of entries fail to render: by then assets, the 404 page and other pages are written.
    (project / "overrides" / "entry.html").write_text(
        '{% extends "main.html" %}{% block content %}{{ page.meta.missing.attribute }}{% endblock %}',
        encoding="utf-8",
    )
    result = run_build(project)
    assert result.returncode == 1
    assert "missing" in result.stderr
    assert_untouched(project, before)


def test_a_build_with_content_problems_leaves_the_site_as_it_was(built: tuple[Path, dict]) -> None:
    project, before = built
    entry = project / "faq_data/entries/account/change-password.yml"
    entry.write_text(
        entry.read_text(encoding="utf-8").replace("category: account", "category: acount"), encoding="utf-8"
    )
    result = run_build(project)
    assert result.returncode == 1
    assert "category: unknown category 'acount'" in result.stderr
    assert_untouched(project, before)


def test_a_build_refused_by_strict_mode_leaves_the_site_as_it_was(built: tuple[Path, dict]) -> None:
    project, before = built
    (project / "docs" / "contact.md").write_text("# Contact\n\nSee [the form](missing-page.md).\n", encoding="utf-8")
    result = run_build(project)
    assert result.returncode == 1
    assert "Aborted with 1 warnings in strict mode" in result.stdout + result.stderr
    assert_untouched(project, before)


def test_a_successful_build_replaces_the_whole_site(built: tuple[Path, dict]) -> None:
    project, before = built
    (project / "site" / "stale.html").write_text("from an older build", encoding="utf-8")
    entry = project / "faq_data/entries/account/change-password.yml"
    entry.write_text(entry.read_text(encoding="utf-8").replace(
        "title: How do I change my password?", "title: How can I change my password?"), encoding="utf-8")
    assert run_build(project).returncode == 0
    after = snapshot(project / "site")
    assert "stale.html" not in after
    assert set(after) == set(before)
    assert b"How can I change my password?" in after["account/change-password/index.html"][0]
    assert atomic_site.leftovers(project / "site") == []


@pytest.mark.parametrize("signal_number", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_an_interrupted_build_leaves_the_site_as_it_was(built: tuple[Path, dict], signal_number: int) -> None:
    project, before = built
    (project / "pause_hook.py").write_text(PAUSE_HOOK, encoding="utf-8")
    with (project / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("\nhooks:\n  - pause_hook.py\n")
    marker = project / "paused"
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PAUSE_MARKER": str(marker)}
    build = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project, env=environment,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        deadline = time.monotonic() + 120
        while not marker.exists() and build.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
        assert marker.exists(), build.communicate()[1] if build.poll() is not None else "the build never paused"
        partial = Path(marker.read_text(encoding="utf-8"))
        assert partial.parent == project and partial.name.startswith(".site.partial-")
        assert (partial / "404.html").is_file()  # half-built
        build.send_signal(signal_number)
        _, stderr = build.communicate(timeout=60)
    finally:
        if build.poll() is None:
            build.kill()
    assert build.returncode != 0
    assert "Traceback" not in stderr
    assert_untouched(project, before)


def test_publish_swaps_the_folders_and_removes_the_old_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for exchange_available in (True, False):
        site = tmp_path / f"site-{exchange_available}"
        (site / "old").mkdir(parents=True)
        (site / "old" / "page.html").write_text("old", encoding="utf-8")
        if not exchange_available:
            monkeypatch.setattr(atomic_site, "_exchange", lambda first, second: False)
        staging = atomic_site.staging_folder(site)
        (staging / "index.html").write_text("new", encoding="utf-8")
        atomic_site.publish(staging, site)
        assert sorted(path.name for path in site.iterdir()) == ["index.html"]
        assert atomic_site.leftovers(site) == []


def test_a_file_where_the_site_goes_is_replaced_and_not_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for exchange_available in (True, False):
        site = tmp_path / f"site-{exchange_available}"
        site.write_text("not a site", encoding="utf-8")
        if not exchange_available:
            monkeypatch.setattr(atomic_site, "_exchange", lambda first, second: False)
        staging = atomic_site.staging_folder(site)
        (staging / "index.html").write_text("new", encoding="utf-8")
        atomic_site.publish(staging, site)
        assert site.is_dir() and sorted(path.name for path in site.iterdir()) == ["index.html"]
        assert atomic_site.leftovers(site) == []


def test_a_file_left_by_a_killed_build_is_removed_by_the_next(tmp_path: Path) -> None:
    site = tmp_path / "site"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    abandoned = tmp_path / f".site.old-{dead.stdout.strip()}-0badc0de"
    abandoned.write_text("the file that stood at site/", encoding="utf-8")
    staging = atomic_site.staging_folder(site)
    assert not abandoned.exists()
    assert atomic_site.leftovers(site) == [staging]


def test_publish_into_a_symlinked_site_folder_keeps_the_link(tmp_path: Path) -> None:
    real = tmp_path / "served"
    real.mkdir()
    (real / "old.html").write_text("old", encoding="utf-8")
    site = tmp_path / "site"
    site.symlink_to(real)
    staging = atomic_site.staging_folder(site)
    (staging / "index.html").write_text("new", encoding="utf-8")
    atomic_site.publish(staging, site)
    assert site.is_symlink()
    assert sorted(path.name for path in real.iterdir()) == ["index.html"]
    assert atomic_site.leftovers(site) == []


def test_folders_abandoned_by_a_killed_build_are_removed_by_the_next(tmp_path: Path) -> None:
    site = tmp_path / "site"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    abandoned = tmp_path / f".site.partial-{dead.stdout.strip()}-0badc0de"
    abandoned.mkdir()
    running = tmp_path / f".site.partial-{os.getpid()}-c0ffee00"
    running.mkdir()
    staging = atomic_site.staging_folder(site)
    assert not abandoned.exists()
    assert running.exists()  # another build of this process may still be writing it
    assert sorted(atomic_site.leftovers(site)) == sorted([running, staging])


def test_ctrl_c_during_the_swap_is_delivered_once_the_swap_is_done(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "old.html").write_text("old", encoding="utf-8")
    staging = atomic_site.staging_folder(site)
    (staging / "index.html").write_text("new", encoding="utf-8")
    exchange = atomic_site._exchange

    def interrupted_exchange(first: Path, second: Path) -> bool:
        signal.raise_signal(signal.SIGINT)  # Ctrl-C at the worst moment
        return exchange(first, second)

    monkeypatch.setattr(atomic_site, "_exchange", interrupted_exchange)
    with pytest.raises(KeyboardInterrupt):
        atomic_site.publish(staging, site)
    assert sorted(path.name for path in site.iterdir()) == ["index.html"]
    assert atomic_site.leftovers(site) == []


def test_a_swap_that_fails_says_why_and_leaves_no_partial_folder(tmp_path: Path) -> None:
    """A site/ that cannot be replaced (read-only, immutable): a message, not a traceback, and nothing left."""
    project = copy_project(tmp_path / "project")
    (project / "site").mkdir()
    (project / "site" / "old.html").write_text("old", encoding="utf-8")
    script = (
        "import os, sys\n"
        "from helpcenter.plugin import atomic_site\n"
        "def refuse(*args, **kwargs):\n"
        "    raise PermissionError(13, 'Permission denied')\n"
        "atomic_site.publish = refuse\n"
        "from mkdocs.__main__ import cli\n"
        "sys.argv = ['mkdocs', 'build', '--strict']\n"
        "cli()\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=project, capture_output=True, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, timeout=300)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"the new site could not be put in the place of {project / 'site'} (Permission denied)" in result.stderr
    assert (project / "site" / "old.html").read_text(encoding="utf-8") == "old"
    assert atomic_site.leftovers(project / "site") == []


def test_a_mount_point_gets_the_new_site_entry_by_entry_and_no_page_goes_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    (site / "account").mkdir(parents=True)
    (site / "index.html").write_text("old home", encoding="utf-8")
    (site / "account" / "index.html").write_text("old account", encoding="utf-8")
    (site / "gone.html").write_text("a page the new build no longer has", encoding="utf-8")
    real_ismount = os.path.ismount
    monkeypatch.setattr(os.path, "ismount", lambda path: Path(path) == site or real_ismount(path))
    staging = atomic_site.staging_folder(site)
    assert staging.parent == site  # on the mounted file system, so each entry is renamed, not copied
    (staging / "account").mkdir()
    (staging / "index.html").write_text("new home", encoding="utf-8")
    (staging / "account" / "index.html").write_text("new account", encoding="utf-8")
    removed: list[str] = []
    real_remove = atomic_site._remove

    def remove(path: Path) -> None:
        # Whenever something is removed, the pages of the new build are all in place already.
        if path.parent == site:
            assert (site / "index.html").read_text(encoding="utf-8") == "new home"
            assert (site / "account" / "index.html").read_text(encoding="utf-8") == "new account"
        removed.append(path.name)
        real_remove(path)

    monkeypatch.setattr(atomic_site, "_remove", remove)
    atomic_site.publish(staging, site)
    assert sorted(path.name for path in site.iterdir()) == ["account", "index.html"]
    assert "gone.html" in removed
    assert atomic_site.leftovers(site) == []


def test_a_partial_folder_belongs_to_the_build_that_holds_its_lock(tmp_path: Path) -> None:
    """In containers process ids repeat: a folder named with this very process's id, whose lock no one
    holds, was left by a build elsewhere and is removed; one whose lock is held is kept."""
    site = tmp_path / "site"
    abandoned = tmp_path / f".site.partial-{os.getpid()}-0badc0de"
    abandoned.mkdir()
    (tmp_path / f"{abandoned.name}.lock").write_text("", encoding="utf-8")
    busy = tmp_path / ".site.partial-1-c0ffee00"
    busy.mkdir()
    holder = subprocess.Popen(
        [sys.executable, "-c", "import fcntl, os, sys, time\n"
         f"fd = os.open({str(busy) + '.lock'!r}, os.O_CREAT | os.O_RDWR)\n"
         "fcntl.flock(fd, fcntl.LOCK_EX)\nprint('locked', flush=True)\ntime.sleep(60)\n"],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        staging = atomic_site.staging_folder(site)
        assert not abandoned.exists() and busy.exists()
        assert sorted(atomic_site.leftovers(site)) == sorted([busy, staging])
        atomic_site.discard(staging)
    finally:
        holder.kill()
        holder.wait()
        if holder.stdout:
            holder.stdout.close()


def test_a_linked_site_folder_is_swapped_behind_the_link(tmp_path: Path) -> None:
    real = tmp_path / "elsewhere" / "served"
    real.mkdir(parents=True)
    (real / "old.html").write_text("old", encoding="utf-8")
    site = tmp_path / "project" / "site"
    site.parent.mkdir()
    site.symlink_to(real, target_is_directory=True)
    staging = atomic_site.staging_folder(site)
    assert staging.parent == real.parent  # on the file system of the folder behind the link
    (staging / "index.html").write_text("new", encoding="utf-8")
    atomic_site.publish(staging, site)
    assert site.is_symlink() and site.resolve() == real
    assert sorted(path.name for path in real.iterdir()) == ["index.html"]
    assert atomic_site.leftovers(site) == [] and list(real.parent.glob("*.lock")) == []


REMOVE_HOOK = '''
"""Test hook: once every page is written, and before the site is swapped in, remove one file the build wrote."""
import os, shutil

def on_post_build(config):
    if os.environ["REMOVE_FILE"] == "*":  # as a build in another container would, taking the folder for abandoned
        shutil.rmtree(config.site_dir)
    else:
        os.remove(os.path.join(config.site_dir, os.environ["REMOVE_FILE"]))
'''


@pytest.mark.parametrize("removed", ["index.html", "account/change-password/index.html", "404.html", "robots.txt",
                                     "_redirects", "assets/images/favicon.svg", "search/search_index.json"])
def test_a_site_missing_a_file_the_build_wrote_is_not_published(built: tuple[Path, dict], removed: str) -> None:
    project, before = built
    assert removed in before
    (project / "remove_hook.py").write_text(REMOVE_HOOK, encoding="utf-8")
    with (project / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("\nhooks:\n  - remove_hook.py\n")
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "REMOVE_FILE": removed}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project, env=environment,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"the new site lacks files the build wrote ({removed}): something removed them from .site.partial-" \
        in result.stderr
    assert f"the site at {project / 'site'} was not changed" in result.stderr
    assert_untouched(project, before)


def test_a_partial_folder_removed_by_another_build_is_not_published(built: tuple[Path, dict]) -> None:
    project, before = built
    (project / "remove_hook.py").write_text(REMOVE_HOOK, encoding="utf-8")
    with (project / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("\nhooks:\n  - remove_hook.py\n")
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "REMOVE_FILE": "*"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project, env=environment,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "more): something removed them from .site.partial-" in result.stderr
    assert "index.html" in result.stderr
    assert_untouched(project, before)


def test_a_sitemap_removed_after_it_was_written_stops_the_swap(built: tuple[Path, dict]) -> None:
    """The plugin's own files are written last, just before the swap: they are checked too."""
    project, before = built
    script = (
        "import os, sys\n"
        "from helpcenter.plugin import hooks\n"
        "write_sitemap = hooks.write_sitemap\n"
        "def write_and_lose(site_dir, urls):\n"
        "    write_sitemap(site_dir, urls)\n"
        "    os.remove(site_dir / 'sitemap.xml.gz')\n"
        "hooks.write_sitemap = write_and_lose\n"
        "from mkdocs.__main__ import cli\n"
        "sys.argv = ['mkdocs', 'build', '--strict']\n"
        "cli()\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=project, capture_output=True, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, timeout=300)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "the new site lacks files the build wrote (sitemap.xml.gz)" in result.stderr
    assert_untouched(project, before)
