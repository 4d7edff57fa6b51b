"""Property-based tests: whatever the files hold, the loader answers with content or its own problem list.

Generated entries put random Unicode in every field; generated broken files are valid files cut,
spliced and sprinkled with YAML's special characters, or random bytes. The loader must never raise
anything but its problem list, an accepted entry must keep every text as written, render, and (in
fewer examples, as builds are slow) build into a page that shows its title as written.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from conftest import copy_project, without_ledger
from content_fixture import CATEGORIES, ENTRY, SETTINGS, write_content
from helpcenter.load.help_center import check_help_center
from helpcenter.model import HelpCenter
from helpcenter.problems import Problem
from helpcenter.render.pages import render_pages

ENTRY_PATH = Path("faq_data/entries/account/log-in.yml")
VALID_FILES = {
    ENTRY_PATH: ENTRY,
    Path("faq_data/settings.yml"): SETTINGS,
    Path("faq_data/categories.yml"): CATEGORIES,
    Path("faq_data/entries/account/log-in.yml#video"): ENTRY + (
        "video:\n  url: https://youtu.be/aqz-KE-bpKQ\n  title: T\n  description: D\n  uploaded: 2026-01-01\n"
        "steps:\n  - One\n  - |\n    Two\n    lines\ntags: [a, b]\nalso_asked:\n  - Why?\n"
    ),
}

text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=0, max_size=40)
some_text = st.one_of(text, st.sampled_from(["no", "1.10", "~", "<b>x</b>", "[x](link:support)", "# h", "1. x"]))
dates = st.dates(min_value=date(1000, 1, 1), max_value=date(9999, 12, 31))


# Mostly acceptable text, for the examples that are built: no control characters, not blank.
printable = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Cn")), min_size=1, max_size=40)
buildable_text = st.one_of(printable, st.sampled_from(["no", "1.10", "<b>x</b>", "# h", "1. x", "*a* _b_ `c`"])).filter(
    lambda value: bool(value.strip()))


@st.composite
def entries(draw: st.DrawFn, texts: st.SearchStrategy[str] = some_text) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "title": draw(texts), "summary": draw(texts), "category": "account",
        "reviewed": draw(dates), "owner": draw(texts), "answer": draw(texts),
    }
    if draw(st.booleans()):
        entry["steps"] = draw(st.lists(texts, max_size=3))
    if draw(st.booleans()):
        entry["tags"] = draw(st.lists(texts, max_size=3))
    if draw(st.booleans()):
        entry["also_asked"] = draw(st.lists(texts, max_size=3))
    if draw(st.booleans()):
        entry["video"] = {"url": "https://www.youtube.com/watch?v=aqz-KE-bpKQ", "title": draw(texts),
                          "description": draw(texts), "uploaded": draw(dates)}
    return entry


@st.composite
def site_texts(draw: st.DrawFn, texts: st.SearchStrategy[str] = some_text) -> dict[str, Any]:
    return {"home_title": draw(texts), "intro": draw(texts), "hours": draw(texts),
            "category_title": draw(texts), "category_description": draw(texts)}


def write_generated(root: Path, entry: dict[str, Any], texts: dict[str, Any]) -> Path:
    settings_data = yaml.safe_load(SETTINGS)
    settings_data["home"] = {"title": texts["home_title"], "intro": texts["intro"]}
    settings_data["contact"]["hours"] = texts["hours"]
    categories = yaml.safe_load(CATEGORIES)
    categories["account"].update(title=texts["category_title"], description=texts["category_description"])
    return write_content(
        root, {"account/log-in": yaml.safe_dump(entry, allow_unicode=True)},
        settings=yaml.safe_dump(settings_data, allow_unicode=True),
        categories=yaml.safe_dump(categories, allow_unicode=True),
    )


def load(root: Path, data: Path) -> tuple[HelpCenter | None, list[Problem]]:
    help_center, problems = check_help_center(data, root)
    assert all(isinstance(problem, Problem) for problem in problems)
    assert (help_center is None) == bool(problems)
    return help_center, problems


@pytest.fixture(scope="module")
def scratch() -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="helpcenter-properties-"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def fresh(scratch: Path) -> Path:
    shutil.rmtree(scratch / "faq_data", ignore_errors=True)
    return scratch


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(entry=entries(), texts=site_texts())
def test_generated_content_is_loaded_as_written_or_refused_and_always_renders(
    scratch: Path, entry: dict[str, Any], texts: dict[str, Any]
) -> None:
    root = fresh(scratch)
    help_center, _ = load(root, write_generated(root, entry, texts))
    if help_center is None:
        return
    loaded = help_center.entry("log-in")
    for field in ("title", "summary", "owner"):
        assert getattr(loaded, field) == entry[field].strip()
    assert loaded.answer == entry["answer"].strip("\n")
    assert loaded.tags == tuple(tag.strip() for tag in entry.get("tags", ()))
    assert loaded.reviewed == entry["reviewed"]
    assert help_center.settings.home_title == texts["home_title"].strip()
    pages = render_pages(help_center)
    # billing has no entry, so it is not published.
    assert {page.src_uri for page in pages} == {"index.md", "account/index.md", "account/log-in.md"}


@pytest.fixture(scope="module")
def build_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return without_ledger(copy_project(tmp_path_factory.mktemp("property-builds") / "project"))


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(entry=entries(buildable_text), texts=site_texts(buildable_text))
def test_accepted_generated_content_builds_and_shows_its_title_as_written(
    build_project: Path, entry: dict[str, Any], texts: dict[str, Any]
) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    shutil.rmtree(build_project / "faq_data")
    help_center, _ = load(build_project, write_generated(build_project, entry, texts))
    assume(help_center is not None)
    logger = logging.getLogger("mkdocs")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        build(load_config(str(build_project / "mkdocs.yml")))
    finally:
        logger.setLevel(level)
    assert not [handler for handler in logger.handlers if type(handler).__name__ == "WarningCounter"]
    page = (build_project / "site" / "account" / "log-in" / "index.html").read_text(encoding="utf-8")
    heading = BeautifulSoup(page, "lxml").select_one("article h1")
    assert heading is not None
    assert " ".join(heading.get_text().split()) == " ".join(entry["title"].split())


SPECIAL = [*":-[]{}&*!|>'\"%@`#?,\t\n\r\\", "\ufeff", "\x00", "\xff", "---\n", "<<: ", "&a ", "*a", "!!binary "]


@st.composite
def broken_files(draw: st.DrawFn) -> tuple[Path, bytes]:
    path = draw(st.sampled_from(sorted(VALID_FILES)))
    data = VALID_FILES[path].encode("utf-8")
    for _ in range(draw(st.integers(1, 4))):
        position = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["cut", "insert", "truncate", "splice"]))
        if action == "cut":
            data = data[:position] + data[position + draw(st.integers(1, 20)):]
        elif action == "insert":
            piece = draw(st.one_of(st.sampled_from(SPECIAL), st.text(max_size=5), st.binary(max_size=5)))
            data = (
                data[:position]
                + (piece.encode("utf-8", "surrogatepass") if isinstance(piece, str) else piece)
                + data[position:]
            )
        elif action == "truncate":
            data = data[:position]
        else:
            other = draw(st.integers(0, len(data)))
            data = data[:position] + data[other:other + draw(st.integers(1, 40))] + data[position:]
    return Path(str(path).split("#")[0]), data


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(broken=st.one_of(broken_files(), st.tuples(st.just(ENTRY_PATH), st.binary(max_size=200))))
def test_broken_files_give_problems_never_an_exception(scratch: Path, broken: tuple[Path, bytes]) -> None:
    path, data = broken
    root = fresh(scratch)
    write_content(root)
    (root / path).write_bytes(data)
    help_center, problems = load(root, root / "faq_data")
    if help_center is not None:
        render_pages(help_center)
    for problem in problems:
        assert problem.path.startswith("faq_data/")
        assert "\n" not in str(problem), problem
