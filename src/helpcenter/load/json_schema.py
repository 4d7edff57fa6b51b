"""JSON Schemas for the content files, generated from the field lists so they never drift from validation."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from helpcenter.load.fields import Field
from helpcenter.load.spec import (
    CATEGORY_FIELDS,
    CATEGORY_TRANSLATION_FIELDS,
    ENTRY_FIELDS,
    ENTRY_TRANSLATION_FIELDS,
    ID_PATTERN,
    SETTINGS_FIELDS,
    SETTINGS_TRANSLATION_FIELDS,
)

DIALECT = "https://json-schema.org/draft/2020-12/schema"
_DATE = r"^\d{4}-\d{2}-\d{2}$"
_NON_EMPTY = r"\S"
_WEB_URL = r"^https?://[^\s/.]+\.[^\s]+$"


def field_schema(field: Field) -> dict[str, Any]:
    schema: dict[str, Any]
    if field.kind in ("text", "markdown"):
        schema = _text_schema(field.pattern)
    elif field.kind == "url":
        schema = {"type": "string", "pattern": f"^(?:{field.pattern})$" if field.pattern else _WEB_URL}
    elif field.kind == "date":
        # Editors' YAML tooling reads an unquoted date as a string, which is what this pattern checks;
        # "format" also refuses dates that do not exist, such as 2026-02-30, as the validator does.
        schema = {"type": "string", "pattern": _DATE, "format": "date"}
    elif field.kind == "integer":
        # The validator reads the number as written, so a quoted "2" is a whole number too.
        schema = {"type": ["integer", "string"], "pattern": r"^-?\d+$"}
    elif field.kind in ("text_list", "markdown_list"):
        # An optional list left empty (`tags:`) is accepted as no items.
        schema = {"type": "array" if field.required else ["array", "null"], "items": _text_schema(field.pattern)}
    elif field.kind == "link_map":
        schema = {
            "type": "object",
            "propertyNames": {"pattern": f"^(?:{ID_PATTERN})$"},
            "additionalProperties": {"type": "string", "pattern": r"^(https?://[^\s/.]+\.\S+|mailto:[^@\s]+@[^@\s]+\.\S+)$"},
        }
    else:
        schema = object_schema(field.fields)
    schema["description"] = field.description
    return schema


def _text_schema(pattern: str | None) -> dict[str, Any]:
    """Text as the validator reads it: the characters as written, so an unquoted 2024 or true is text too.

    Editors' YAML tooling turns such values into numbers and booleans; they are accepted wherever
    their written form could match the field's pattern. ("pattern" only applies to strings.)
    """
    if pattern is None:
        return {"type": ["string", "number", "boolean"], "pattern": _NON_EMPTY}
    types = ["string"]
    schema: dict[str, Any] = {"pattern": f"^(?:{pattern})$"}
    if re.fullmatch(pattern, "0"):
        types.append("integer")
        schema["minimum"] = 0
    if re.fullmatch(pattern, "true") and re.fullmatch(pattern, "false"):
        types.append("boolean")
    return {"type": types[0] if len(types) == 1 else types, **schema}


def object_schema(fields: tuple[Field, ...]) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {field.name: field_schema(field) for field in fields},
        "required": [field.name for field in fields if field.required],
        "additionalProperties": False,
    }


def schemas() -> dict[str, dict[str, Any]]:
    """File name to schema, for every kind of content file."""
    return {
        "entry.schema.json": _file_schema("Help-center entry", ENTRY_FIELDS),
        "categories.schema.json": _categories_schema("Help-center categories", CATEGORY_FIELDS),
        "settings.schema.json": _file_schema("Help-center settings", SETTINGS_FIELDS),
        "entry-translation.schema.json": _file_schema("Translation of a help-center entry", ENTRY_TRANSLATION_FIELDS),
        "categories-translation.schema.json": _categories_schema(
            "Translation of the help-center categories", CATEGORY_TRANSLATION_FIELDS
        ),
        "settings-translation.schema.json": _file_schema(
            "Translation of the help-center settings", SETTINGS_TRANSLATION_FIELDS
        ),
    }


def _file_schema(title: str, fields: tuple[Field, ...]) -> dict[str, Any]:
    return {"$schema": DIALECT, "title": title, **object_schema(fields)}


def _categories_schema(title: str, fields: tuple[Field, ...]) -> dict[str, Any]:
    return {
        "$schema": DIALECT,
        "title": title,
        "type": "object",
        "minProperties": 1,
        "propertyNames": {"pattern": f"^(?:{ID_PATTERN})$"},
        "additionalProperties": object_schema(fields),
    }


def render_schema(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in schemas().items():
        path = folder / name
        path.write_text(render_schema(schema), encoding="utf-8")
        written.append(path)
    return written
