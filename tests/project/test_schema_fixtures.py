"""The JSON Schemas (what editors check while typing) and the validator (what the build checks) agree.

Every fixture under tests/fixtures/<kind>/valid/ passes both; every one under invalid/ fails both.
The fixtures under validator-only/ are mistakes a schema cannot see (a reference to another file,
YAML aliases): the validator refuses them, the schema lets them through, and this is pinned here so
the gap stays known.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from conftest import ROOT
from content_fixture import CATEGORIES, ENTRY, SETTINGS, write_content
from editor_yaml import load_for_editor
from helpcenter.load.help_center import check_help_center

FIXTURES = ROOT / "tests" / "fixtures"
SCHEMA_FILES = {
    "entry": "entry.schema.json",
    "categories": "categories.schema.json",
    "settings": "settings.schema.json",
}
SETTINGS_WITHOUT_FEATURED = SETTINGS.replace("featured: [log-in]\n", "")


def fixtures(verdict: str) -> list[Path]:
    return sorted(FIXTURES.glob(f"*/{verdict}/*.yml"))


def fixture_id(path: Path) -> str:
    return path.relative_to(FIXTURES).with_suffix("").as_posix()


def validator_problems(fixture: Path, tmp_path: Path) -> list[str]:
    """The validator's verdict on the fixture, put in place in an otherwise valid content folder."""
    kind, text = fixture.parent.parent.name, fixture.read_text(encoding="utf-8")
    if kind == "entry":
        data = write_content(tmp_path, {"account/log-in": ENTRY, f"account/{fixture.stem}": text})
    elif kind == "categories":
        data = write_content(tmp_path, {}, settings=SETTINGS_WITHOUT_FEATURED, categories=text)
    else:
        data = write_content(tmp_path, settings=text, categories=CATEGORIES)
    return [str(problem) for problem in check_help_center(data, tmp_path)[1]]


def schema_errors(fixture: Path) -> list[str]:
    """What an editor shows: YAML errors, then the schema's, for the file as the YAML language server reads it."""
    schema = json.loads((ROOT / "schemas" / SCHEMA_FILES[fixture.parent.parent.name]).read_text(encoding="utf-8"))
    try:
        document = load_for_editor(fixture.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        return [f"YAML: {error}".splitlines()[0]]
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    return [f"{'/'.join(map(str, error.absolute_path))}: {error.message}" for error in validator.iter_errors(document)]


@pytest.mark.parametrize("fixture", fixtures("valid"), ids=fixture_id)
def test_valid_fixture_passes_the_validator_and_the_schema(fixture: Path, tmp_path: Path) -> None:
    assert validator_problems(fixture, tmp_path) == []
    assert schema_errors(fixture) == []


@pytest.mark.parametrize("fixture", fixtures("invalid"), ids=fixture_id)
def test_invalid_fixture_fails_the_validator_and_the_schema(fixture: Path, tmp_path: Path) -> None:
    problems = validator_problems(fixture, tmp_path)
    assert problems, "the validator accepts it"
    kind = fixture.parent.parent.name
    shown = f"faq_data/entries/account/{fixture.name}" if kind == "entry" else f"faq_data/{kind}.yml"
    assert all(problem.startswith(shown) for problem in problems), problems
    assert schema_errors(fixture), "the schema accepts it"


@pytest.mark.parametrize("fixture", fixtures("validator-only"), ids=fixture_id)
def test_mistakes_only_the_validator_can_see(fixture: Path, tmp_path: Path) -> None:
    assert validator_problems(fixture, tmp_path)
    assert schema_errors(fixture) == []


def test_there_are_fixtures_of_every_kind() -> None:
    for kind in SCHEMA_FILES:
        for verdict in ("valid", "invalid"):
            assert list((FIXTURES / kind / verdict).glob("*.yml")), f"no fixture in {kind}/{verdict}"


SCHEMA_FIXTURES = sorted(
    path for kind in ("entry", "categories", "settings") for path in (FIXTURES / kind).rglob("*.yml")
)


@pytest.mark.parametrize("fixture", SCHEMA_FIXTURES, ids=fixture_id)
def test_each_fixture_names_its_schema_for_editors(fixture: Path) -> None:
    first_line = fixture.read_text(encoding="utf-8").splitlines()[0]
    assert (
        first_line == f"# yaml-language-server: $schema=../../../../schemas/{SCHEMA_FILES[fixture.parent.parent.name]}"
    )
    assert (fixture.parent / first_line.split("=", 1)[1]).resolve().is_file()
