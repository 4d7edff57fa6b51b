"""The committed JSON Schemas are the ones generated from the field lists, and accept the real content."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from conftest import FIXTURE, ROOT, TRANSLATIONS
from helpcenter.load.json_schema import render_schema, schemas


def test_committed_schemas_are_up_to_date() -> None:
    for name, schema in schemas().items():
        committed = (ROOT / "schemas" / name).read_text(encoding="utf-8")
        assert committed == render_schema(schema), f"schemas/{name} is stale: run 'helpcenter schemas'"


class EditorLoader(yaml.SafeLoader):
    """Reads YAML as editors' YAML 1.2 tooling does: numbers are numbers, unquoted dates stay text."""


EditorLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _load_for_editor(path: Path) -> object:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=EditorLoader)


def test_real_content_passes_the_schemas() -> None:
    loaded = {name: json.loads((ROOT / "schemas" / name).read_text()) for name in schemas()}
    jsonschema.validate(_load_for_editor(FIXTURE / "faq_data/settings.yml"), loaded["settings.schema.json"])
    jsonschema.validate(_load_for_editor(FIXTURE / "faq_data/categories.yml"), loaded["categories.schema.json"])
    for entry in (FIXTURE / "faq_data/entries").rglob("*.yml"):
        jsonschema.validate(_load_for_editor(entry), loaded["entry.schema.json"])


def test_translations_pass_their_schemas() -> None:
    loaded = {name: json.loads((ROOT / "schemas" / name).read_text()) for name in schemas()}
    data = TRANSLATIONS / "faq_data"
    jsonschema.validate(_load_for_editor(data / "settings.de.yml"), loaded["settings-translation.schema.json"])
    jsonschema.validate(_load_for_editor(data / "categories.de.yml"), loaded["categories-translation.schema.json"])
    entries = sorted((data / "entries").rglob("*.yml"))
    assert entries
    for entry in entries:
        jsonschema.validate(_load_for_editor(entry), loaded["entry-translation.schema.json"])


@pytest.mark.parametrize(("change", "schema"), [
    ({"owner": "Support team"}, "entry-translation.schema.json"),
    ({"source": "not a hash"}, "entry-translation.schema.json"),
    ({"video": {"title": "Video", "description": "A video.", "url": "https://vimeo.com/1"}},
     "entry-translation.schema.json"),
])
def test_the_translation_schema_refuses_what_the_check_refuses(change: dict[str, object], schema: str) -> None:
    translation = _load_for_editor(TRANSLATIONS / "faq_data/entries/account/change-password.de.yml")
    assert isinstance(translation, dict)
    loaded = json.loads((ROOT / "schemas" / schema).read_text())
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**translation, **change}, loaded)


def test_every_content_file_names_its_schema() -> None:
    for base in (FIXTURE, TRANSLATIONS):
        for path in (base / "faq_data").rglob("*.yml"):
            _names_its_schema(path, base)


def _names_its_schema(path: Path, base: Path) -> None:
    first_line = path.read_text(encoding="utf-8").splitlines()[0]
    assert first_line.startswith("# yaml-language-server: $schema="), path
    # Relative to the file, as in a copy of the project, where schemas/ sits beside faq_data/.
    schema = (path.parent / first_line.split("=", 1)[1]).resolve().relative_to(base.resolve())
    assert (ROOT / schema).is_file(), path
