"""Shared helpers: a copy of the project with the tests' own help center in a temporary folder, and real builds of it.

The generator's tests never read the live content (faq_data/, docs/contact.md, published-urls.txt,
mkdocs.yml): a writer's change to it must not break them. They use the help center in
tests/fixtures/help-center/ with the project's code: its theme overrides, stylesheets, scripts and
schemas.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from synthetic import without_ledger  # noqa: F401 - tests import it from here

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "help-center"
"""The tests' help center: configuration, content, hand-written pages and pictures, and the ledger."""
CODE_PARTS = ("overrides", "schemas", "docs/assets/stylesheets", "docs/assets/javascripts", "docs/assets/images")
"""What a copy takes from the project itself: the theme, the stylesheets and scripts, the schemas."""
PROJECT_PARTS = ("mkdocs.yml", "faq_data", "docs", "overrides", "schemas", "published-urls.txt")
"""The parts of the live project, for the tests of what a writer's pull request runs."""
BROWSER_TESTS = ROOT / "tests" / "browser"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test under tests/browser/ runs in Chromium: mark it `browser`, so `-m "not browser"` leaves it out."""
    for item in items:
        if item.path.is_relative_to(BROWSER_TESTS):
            item.add_marker(pytest.mark.browser)


def copy_project(destination: Path) -> Path:
    """A working copy of the tests' help center with the project's code (theme, assets, schemas)."""
    destination.mkdir(parents=True, exist_ok=True)
    for part in CODE_PARTS:
        shutil.copytree(ROOT / part, destination / part)
    shutil.copytree(FIXTURE, destination, dirs_exist_ok=True, ignore=shutil.ignore_patterns("search_cases.yml"))
    return destination


def copy_live_project(destination: Path) -> Path:
    """A working copy of the live project, content included, as a writer's pull request holds it."""
    destination.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, destination / part)
        elif source.is_file():
            shutil.copy2(source, destination / part)
    return destination


def run_build(project: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` in `project`, as a content editor would run it."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", *extra],
        cwd=project, capture_output=True, text=True, env=environment, timeout=300,
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tests' help center, built once per test session."""
    project = copy_project(tmp_path_factory.mktemp("built") / "project")
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


TRANSLATIONS = ROOT / "tests" / "fixtures" / "translations"
"""Translations of the tests' help center (German: two entries, the categories and settings; Hebrew: one entry)."""


def copy_translated_project(destination: Path, languages: str = "[en, de, he]") -> Path:
    """`copy_project` in three languages: the translations of tests/fixtures/translations/ beside the sources."""
    return add_translations(copy_project(destination), languages)


def add_translations(destination: Path, languages: str = "[en, de, he]") -> Path:
    """The translations of tests/fixtures/translations/ added to a copy of the tests' help center."""
    shutil.copytree(TRANSLATIONS, destination, dirs_exist_ok=True)
    return declare_languages(destination, languages)


def declare_languages(destination: Path, languages: str = "[en, de, he]") -> Path:
    """The help center's `languages` in settings.yml set to `languages`."""
    settings = destination / "faq_data" / "settings.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace(
        "\nfeatured:", f"\nlanguages: {languages}\nfeatured:", 1), encoding="utf-8")
    return destination
