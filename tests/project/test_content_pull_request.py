"""A writer's pull request that changes only content passes every check the pull-request workflow runs.

On a copy of the live project, whatever its content, the test does what CONTRIBUTING.md describes:
adds an entry with `helpcenter new`, edits one (its title and review date), renames one (keeping its
old address, its translations renamed with it), retires one (its address sent to another entry, its
translations removed) and adds a category; then it runs the
workflow's content steps: `helpcenter check`, the strict build and `helpcenter links site`.
"""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml

from conftest import copy_live_project, run_build

HELPCENTER = str(Path(sys.executable).with_name("helpcenter"))


def helpcenter(project: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([HELPCENTER, *arguments], cwd=project, capture_output=True, text=True, timeout=120)


def entry_files(project: Path) -> list[Path]:
    """The entries' own files, without their translations (ID.LANG.yml)."""
    return [path for path in content_files(project) if "." not in path.stem]


def content_files(project: Path) -> list[Path]:
    return sorted((project / "faq_data" / "entries").rglob("*.yml"))


def remove_references(project: Path, entry_id: str) -> None:
    """What the check asks for once an entry is gone: its id out of related, featured and entry: links."""
    for path in [*content_files(project), project / "faq_data" / "settings.yml"]:
        text = path.read_text(encoding="utf-8")
        text = re.sub(rf"^(\s*)- {re.escape(entry_id)}\s*\n", "", text, flags=re.MULTILINE)
        text = re.sub(rf"(\[|, ){re.escape(entry_id)}(?=[,\]])", r"\1", text).replace("[, ", "[").replace(", ]", "]")
        text = re.sub(rf"\[([^\]]*)\]\(entry:{re.escape(entry_id)}\)", r"\1", text)
        path.write_text(text, encoding="utf-8")


def rename_references(project: Path, old: str, new: str) -> None:
    for path in [*content_files(project), project / "faq_data" / "settings.yml"]:
        text = path.read_text(encoding="utf-8")
        text = re.sub(rf"^(\s*)- {re.escape(old)}\s*$", rf"\1- {new}", text, flags=re.MULTILINE)
        text = re.sub(rf"(?<=[\[, ]){re.escape(old)}(?=[,\]])", new, text)
        text = text.replace(f"(entry:{old})", f"(entry:{new})")
        path.write_text(text, encoding="utf-8")


def rename_with_translations(entry: Path, new_id: str) -> None:
    """A renamed entry's translations (ID.LANG.yml beside it) take the new id too."""
    for translation in entry.parent.glob(f"{entry.stem}.*.yml"):
        translation.rename(translation.with_name(f"{new_id}{translation.name[len(entry.stem):]}"))
    entry.rename(entry.with_name(f"{new_id}.yml"))


def add_redirect(path: Path, old_address: str) -> None:
    text = path.read_text(encoding="utf-8")
    if re.search(r"^redirect_from:", text, flags=re.MULTILINE):
        text = re.sub(r"^redirect_from:\s*\n", f"redirect_from:\n  - {old_address}\n", text, count=1,
                      flags=re.MULTILINE)
    else:
        text = text.rstrip("\n") + f"\nredirect_from:\n  - {old_address}\n"
    path.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def changed_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_live_project(tmp_path_factory.mktemp("pull-request") / "project")
    entries = entry_files(project)
    if len(entries) < 3:
        pytest.skip("the live help center has fewer than three entries to edit, rename and retire")
    categories = yaml.safe_load((project / "faq_data" / "categories.yml").read_text(encoding="utf-8"))
    category = next(iter(categories))

    # Add an entry, as "Add an entry" in CONTRIBUTING.md.
    created = helpcenter(project, "new", "How do I export all my data at once?", "--category", category)
    assert created.returncode == 0, created.stderr
    new_file = project / created.stdout.strip().splitlines()[-1]
    text = new_file.read_text(encoding="utf-8")
    text = text.replace("\nsummary:\n", "\nsummary: Open Settings, press Export, and we e-mail you a file.\n")
    text = text.replace("\nowner:\n", "\nowner: Support team\n")
    text = text.rstrip("\n") + "\n  Open **Settings** and press **Export**. If nothing arrives, write to us.\n"
    new_file.write_text(text, encoding="utf-8")

    edited, renamed, retired = entries[0], entries[1], entries[2]
    # Edit an entry: reword its title, mark it reviewed today.
    text = edited.read_text(encoding="utf-8")
    text = re.sub(r"^title: (.*)$", r"title: \1 (updated)", text, count=1, flags=re.MULTILINE)
    text = re.sub(r"^reviewed: .*$", f"reviewed: {date.today().isoformat()}", text, count=1, flags=re.MULTILINE)
    edited.write_text(text, encoding="utf-8")

    # Rename an entry: the file gets a new id, the old address goes under redirect_from.
    old_id, folder = renamed.stem, renamed.parent.name
    new_path = renamed.with_name(f"{old_id}-renamed.yml")
    rename_with_translations(renamed, f"{old_id}-renamed")
    add_redirect(new_path, f"{folder}/{old_id}/")
    rename_references(project, old_id, f"{old_id}-renamed")

    # Retire an entry: delete it, remove what refers to it, send its address to the edited entry.
    retired_id, retired_folder = retired.stem, retired.parent.name
    retired.unlink()
    for translation in retired.parent.glob(f"{retired_id}.*.yml"):
        translation.unlink()
    remove_references(project, retired_id)
    add_redirect(edited, f"{retired_folder}/{retired_id}/")

    # Add a category with one entry.
    with (project / "faq_data" / "categories.yml").open("a", encoding="utf-8") as file:
        file.write("\nshipping-and-returns:\n  title: Shipping and returns\n  description: Parcels, delivery and "
                   "sending things back.\n  icon: material/truck\n  order: 99\n")
    added = helpcenter(project, "new", "How do I send a parcel back?", "--category", "shipping-and-returns",
                       "--owner", "Support team")
    assert added.returncode == 0, added.stderr
    parcel = project / added.stdout.strip().splitlines()[-1]
    text = parcel.read_text(encoding="utf-8").replace(
        "\nsummary:\n", "\nsummary: Print the return label from your order and drop the parcel at any post office.\n")
    parcel.write_text(text.rstrip("\n") + "\n  Print the label from your order page.\n", encoding="utf-8")

    ledger = helpcenter(project, "ledger", "--update")
    assert ledger.returncode == 0, ledger.stdout + ledger.stderr
    return project


def test_the_content_check_passes(changed_project: Path) -> None:
    result = helpcenter(changed_project, "check", "--format", "github")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_strict_build_and_the_link_check_pass(changed_project: Path) -> None:
    build = run_build(changed_project)
    assert build.returncode == 0, build.stderr
    links = helpcenter(changed_project, "links", "site")
    assert links.returncode == 0, links.stdout + links.stderr
    site = changed_project / "site"
    assert (site / "shipping-and-returns" / "index.html").is_file()
    redirects = (site / "_redirects").read_text(encoding="utf-8")
    assert "-renamed/ 301" in redirects


def test_a_slip_in_the_same_pull_request_is_caught(changed_project: Path, tmp_path: Path) -> None:
    """The same checks fail, naming the file, when the writer forgets the old address of a rename."""
    broken = copy_live_project(tmp_path / "broken")
    entry = entry_files(broken)[0]
    rename_with_translations(entry, f"{entry.stem}-moved")
    rename_references(broken, entry.stem, f"{entry.stem}-moved")
    result = helpcenter(broken, "check")
    assert result.returncode == 1
    assert f"/{entry.parent.name}/{entry.stem}/ is no longer published" in result.stdout
