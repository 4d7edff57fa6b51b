"""`mkdocs serve` survives a broken edit: it prints the problems, keeps serving the last good site, and recovers."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

from conftest import run_build
from helpcenter.new_entry import entry_text
from serve_support import fetch, free_port, preview, stop, wait_for

PAGE = "account/change-password/"
CHANGE_PASSWORD = "faq_data/entries/account/change-password.yml"
NEW_ENTRY = "faq_data/entries/account/export-data.yml"
BANNER = 'class="hc-preview-problems"'
DRAFT = "Draft: not published until these are fixed:"


def break_content(project: Path) -> str:
    """An entry whose owner line was deleted, and a new entry as `helpcenter new` writes it; the first's text."""
    entry = project / CHANGE_PASSWORD
    original = entry.read_text(encoding="utf-8")
    entry.write_text(original.replace("owner: Support team\n", ""), encoding="utf-8")
    schema = "../../../schemas/entry.schema.json"
    (project / NEW_ENTRY).write_text(entry_text("How do I export my data?", "account", date.today(), schema),
                                     encoding="utf-8")
    return original


def test_the_preview_starts_with_broken_content_showing_drafts_and_problems(project: Path) -> None:
    original = break_content(project)
    with preview(project) as running:
        wait_for(lambda: DRAFT in running.page("account/export-data/"), "the new entry's draft")
        new = running.page("account/export-data/")
        assert "How do I export my data?" in new
        assert ("<code>faq_data/entries/account/export-data.yml:8</code> <strong>owner</strong>: required, but "
                "empty; fill in who keeps this answer correct: a person or a team") in new
        edited = running.page(PAGE)
        assert "How do I change my password?" in edited and DRAFT in edited
        assert "<strong>owner</strong>: missing required field" in edited
        other = running.page("two-factor/reset-2fa/")
        assert DRAFT not in other
        assert BANNER in other and "4 problems in the help-center content." in other
        assert "faq_data/entries/account/change-password.yml:2</code> <strong>owner</strong>" in other
        problem = f"{CHANGE_PASSWORD}:2: owner: missing required field"
        assert running.printed(problem) == 1

        (project / CHANGE_PASSWORD).write_text(original, encoding="utf-8")
        (project / NEW_ENTRY).unlink()
        wait_for(lambda: BANNER not in running.page(), "the problems to be fixed")
        assert DRAFT not in running.page(PAGE) and "How do I change my password?" in running.page(PAGE)

        # The same slip a second time shows its problems again.
        break_content(project)
        wait_for(lambda: running.printed(problem) >= 2, "the problem to be printed again")
        wait_for(lambda: DRAFT in running.page(PAGE), "the draft again")
    log = "".join(running.output)
    assert "Traceback" not in log, log
    assert "error happened during the rebuild" not in log, log


def test_the_build_refuses_what_the_preview_shows_as_drafts(project: Path) -> None:
    break_content(project)
    result = run_build(project)
    assert result.returncode == 1
    assert "The help-center content has problems:" in result.stderr
    assert f"{CHANGE_PASSWORD}:2: owner: missing required field" in result.stderr
    assert f"{NEW_ENTRY}:8: owner: required, but empty" in result.stderr
    assert not (project / "site").exists()
    assert [path.name for path in project.iterdir() if path.name.startswith(".site.partial-")] == []


def test_serve_keeps_the_last_good_site_through_a_failed_rebuild_and_says_why(project: Path) -> None:
    with preview(project) as running:
        wait_for(lambda: "How do I change my password?" in running.page(PAGE), "the first build")
        assert BANNER not in running.page(PAGE)

        layout = project / "overrides/entry.html"
        good = layout.read_text(encoding="utf-8")
        layout.write_text(good.replace("{% if helpcenter_entry %}", "{% if helpcenter_entry %"), encoding="utf-8")
        wait_for(lambda: "The last change could not be built." in running.page(PAGE), "the failure to be shown")
        page = running.page(PAGE)
        assert "TemplateSyntaxError: unexpected &#x27;%&#x27; (overrides/entry.html, line 9)" in page
        assert "How do I change my password?" in page
        assert running.printed("error happened during the rebuild") == 1

        layout.write_text(good, encoding="utf-8")
        wait_for(lambda: BANNER not in running.page(PAGE), "the site to recover")
        assert "How do I change my password?" in running.page(PAGE)
    log = "".join(running.output)
    assert "Traceback" not in log, log
    assert list(Path(tempfile.gettempdir()).glob(f".mkdocs_*.partial-{running.process.pid}-*")) == []


def test_a_second_preview_on_the_same_address_says_what_to_do(project: Path) -> None:
    port = free_port()
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"]
    first = subprocess.Popen(command, cwd=project, env=environment, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    try:
        wait_for(lambda: fetch(f"http://127.0.0.1:{port}/") is not None, "the first preview")
        second = subprocess.run(command, cwd=project, env=environment, capture_output=True, text=True, timeout=120)
    finally:
        stop(first)
    assert second.returncode == 1
    assert "Traceback" not in second.stderr
    assert (f"http://127.0.0.1:{port}/ is already in use, most likely by a preview that is still running: open "
            f"that address, or stop the other preview (Ctrl+C in its terminal), or start this one on another port "
            f"with 'make serve PORT={port + 1}'") in second.stderr


def test_the_preview_reloads_when_a_theme_override_changes(project: Path) -> None:
    with preview(project) as running:
        wait_for(lambda: fetch(running.base) is not None, "the first build")
        home = project / "overrides/home.html"
        home.write_text(home.read_text(encoding="utf-8").replace(
            '<div class="hc-hero">', '<div class="hc-hero" data-changed-in-the-preview>'), encoding="utf-8")
        wait_for(lambda: "data-changed-in-the-preview" in running.page(), "the changed override", seconds=60)
