"""JSON Schemas for the content files, generated from the field lists so they never drift from validation."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .fields import Field
from .spec import CATEGORY_FIELDS, ENTRY_FIELDS, ID_PATTERN, SETTINGS_FIELDS

DIALECT = "https://json-schema.org/draft/2020-12/schema"
_DATE = r"^\d{4}-\d{2}-\d{2}$"
_NON_EMPTY = r"\S"


def field_schema(field: Field) -> dict[str, Any]:
    schema: dict[str, Any]
    if field.kind in ("text", "markdown"):
        schema = {"type": "string", "pattern": f"^(?:{field.pattern})$" if field.pattern else _NON_EMPTY}
    elif field.kind == "url":
        schema = {"type": "string", "pattern": r"^https?://[^\s/.]+\.[^\s]+$"}
    elif field.kind == "date":
        # Editors' YAML tooling reads an unquoted date as a string, which is what this pattern checks.
        schema = {"type": "string", "pattern": _DATE}
    elif field.kind == "integer":
        schema = {"type": "integer"}
    elif field.kind in ("text_list", "markdown_list"):
        item = {"type": "string", "pattern": f"^(?:{field.pattern})$" if field.pattern else _NON_EMPTY}
        schema = {"type": "array", "items": item}
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


def object_schema(fields: tuple[Field, ...]) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {field.name: field_schema(field) for field in fields},
        "required": [field.name for field in fields if field.required],
        "additionalProperties": False,
    }


def schemas() -> dict[str, dict[str, Any]]:
    """File name to schema, for every kind of content file."""
    entry = {"$schema": DIALECT, "title": "Help-center entry", **object_schema(ENTRY_FIELDS)}
    categories = {
        "$schema": DIALECT,
        "title": "Help-center categories",
        "type": "object",
        "minProperties": 1,
        "propertyNames": {"pattern": f"^(?:{ID_PATTERN})$"},
        "additionalProperties": object_schema(CATEGORY_FIELDS),
    }
    settings = {"$schema": DIALECT, "title": "Help-center settings", **object_schema(SETTINGS_FIELDS)}
    return {
        "entry.schema.json": entry,
        "categories.schema.json": categories,
        "settings.schema.json": settings,
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
