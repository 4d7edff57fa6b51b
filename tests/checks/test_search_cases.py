"""`helpcenter search-cases`: the tests' search cases scored against the built fixture site, with the site's
own search worker in Node."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from conftest import FIXTURE
from helpcenter.cli import main

pytestmark = pytest.mark.skipif(shutil.which("node") is None, reason="needs Node.js, as `make test` does")


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def test_the_fixture_cases_all_rank_first(built_site: Path) -> None:
    code, output = run("search-cases", str(FIXTURE / "search_cases.yml"), str(built_site))
    assert code == 0, output
    cases = len(yaml.safe_load((FIXTURE / "search_cases.yml").read_text(encoding="utf-8")))
    assert f"{cases} cases: {cases} first (100%), {cases} in the first three (100%)" in output
    assert all(line.startswith("first") for line in output.splitlines()[2:-1])


def test_a_case_the_site_does_not_answer_first_shows_its_rank_and_the_first_result(
    built_site: Path, tmp_path: Path
) -> None:
    cases = tmp_path / "cases.yml"
    cases.write_text(
        "- {query: lost my phone, entry: change-password}\n"
        "- {query: forgot my password, entry: change-password}\n"
        "- {query: how do I bake a chocolate cake, entry: reset-2fa}\n",
        encoding="utf-8",
    )
    code, output = run("search-cases", str(cases), str(built_site))
    assert code == 0, output
    lines = output.splitlines()
    lost = next(line for line in lines if "lost my phone" in line)
    assert not lost.startswith("first") and "two-factor/reset-2fa/" in lost
    assert next(line for line in lines if "forgot my password" in line).startswith("first")
    cake = next(line for line in lines if "chocolate cake" in line)
    assert cake.startswith("not in 10") and "no answer shown" in cake
    assert lines[-1] == "3 cases: 1 first (33%), 1 in the first three (33%), 1 with the no-answer notice."


@pytest.mark.parametrize(("content", "message"), [
    ("- {query: lost my phone}\n", "case 1 needs a `query` and an `entry`"),
    ("- {query: lost my phone, entry: no-such-entry}\n", "no entry with the id no-such-entry"),
    ("query: [\n", "cannot be read as YAML"),
])
def test_a_wrong_cases_file_is_named_with_the_fix(built_site: Path, tmp_path: Path, content: str, message: str) -> None:
    cases = tmp_path / "cases.yml"
    cases.write_text(content, encoding="utf-8")
    code, output = run("search-cases", str(cases), str(built_site))
    assert code == 1
    assert message in output


def test_a_folder_that_is_no_built_site_is_named(tmp_path: Path) -> None:
    code, output = run("search-cases", str(FIXTURE / "search_cases.yml"), str(tmp_path))
    assert code == 1
    assert "is not a built help center: build it first" in output
