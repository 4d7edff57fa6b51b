"""Reading a group of fields in one pass when nothing in it is wrong: the common case, made cheap.

`fields.Reader` explains every mistake it finds, at the cost of many small steps for each value.
Nearly every file has no mistake, so it is first read here, with the same rules but without any
message: the result is exactly what the Reader would return, or None as soon as anything could
be a problem, and then the Reader reads the group again and says what is wrong. So this module
only ever decides how fast a file is read, never what is reported.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import yaml

from .fields import (
    _CONTROL_CHARACTER, _DATE, _INTEGER, Field, Reader, _field_index, _first_text_line, _item_field, is_web_url,
)
from .html_policy import holds_markup_or_links
from .yaml_source import MAPPING_TAG, NULL_TAG, SEQUENCE_TAG, TEXT_TAG


class QuickRead:
    """What the Reader would return for a group of fields, and its Markdown values that need a check."""

    __slots__ = ("values", "lines", "text_lines", "markdown")

    def __init__(self) -> None:
        self.values: dict[str, Any] = {}
        self.lines: dict[str, int] = {}
        self.text_lines: dict[str, int] = {}
        self.markdown: dict[str, str] = {}
        """Only the Markdown values with markup or links: no check finds anything in the others."""


def read_fields(
    reader: Reader, node: yaml.Node, fields: tuple[Field, ...], prefix: str = ""
) -> tuple[dict[str, Any], dict[str, int]]:
    """`reader.read_mapping(node, fields, prefix)`, in one quick pass when nothing in the group is wrong."""
    read = read_quickly(node, fields, prefix, reader.check_control_characters)
    if read is None:
        return reader.read_mapping(node, fields, prefix)
    reader.text_lines.update(read.text_lines)
    reader.markdown.update(read.markdown)
    return read.values, read.lines


def read_quickly(
    node: yaml.Node, fields: tuple[Field, ...], prefix: str = "", check_control_characters: bool = True
) -> QuickRead | None:
    """The group's values as `Reader.read_mapping` reads them, or None if the Reader may find a problem.

    Only values whose tag is `TEXT_TAG` are read here: that excludes in one test lists, groups,
    empty values (null) and explicit tags, all left to the Reader; a list or group whose tag is not
    the one YAML gives it (an explicit tag) is refused too. So is a repeated key, and a file read
    here in full needs no other check of its structure (`read_yaml(..., check_keys=False)`).
    """
    read = QuickRead()
    if _read_mapping(node, fields, prefix, check_control_characters, read, read.values, read.lines):
        return read
    return None


def _read_mapping(
    node: yaml.Node,
    fields: tuple[Field, ...],
    prefix: str,
    check_controls: bool,
    read: QuickRead,
    values: dict[str, Any],
    lines: dict[str, int],
) -> bool:
    # This runs for every field of every file: the common kinds of value are read here, without a
    # call, the most common first.
    if node.tag is not MAPPING_TAG:
        return False
    by_name, required_names = _index(fields)
    try:
        for key_node, value_node in node.value:
            if key_node.tag is not TEXT_TAG:
                return False
            name = key_node.value
            field = by_name[name]
            lines[name] = key_node.start_mark.line + 1
            kind = field.kind
            value: Any
            if kind == "text":
                if value_node.tag is not TEXT_TAG:
                    return False
                value = value_node.value.strip()
                if not value or (check_controls and _CONTROL_CHARACTER.search(value)):
                    return False
                if field.matches is not None and not field.matches(value):
                    return False
            elif kind == "text_list":
                if value_node.tag is not SEQUENCE_TAG:
                    value = _empty_list(value_node, field)
                    if value is None:
                        return False
                else:
                    items = value_node.value
                    value = tuple([item.value.strip() for item in items if item.tag is TEXT_TAG])
                    if len(value) != len(items) or not all(value) or (field.required and not value):
                        return False
                    if check_controls and any([_CONTROL_CHARACTER.search(text) for text in value]):
                        return False
                    if field.matches is not None and not all(map(field.matches, value)):
                        return False
            elif kind == "date":
                # Only digits and hyphens match: no control character, no pattern to check.
                if value_node.tag is not TEXT_TAG:
                    return False
                value = value_node.value.strip()
                if not _DATE.fullmatch(value):
                    return False
                value = date.fromisoformat(value)
            elif kind == "markdown":
                if value_node.tag is not TEXT_TAG:
                    return False
                raw = value_node.value
                if not raw or raw.isspace():  # as `not raw.strip()`, without copying a long text
                    return False
                value = raw.strip("\n")
                if check_controls and _CONTROL_CHARACTER.search(value):
                    return False
                if field.matches is not None and not field.matches(value):
                    return False
                if holds_markup_or_links(value):
                    read.text_lines[prefix + name] = _first_text_line(value_node, value_node.value)
                    read.markdown[prefix + name] = value
            elif kind == "markdown_list":
                value = _read_markdown_list(value_node, field, prefix + name, check_controls, read)
                if value is None:
                    return False
            elif kind == "mapping":
                value = {}
                if not _read_mapping(value_node, field.fields, f"{prefix}{name}.", check_controls, read, value, {}):
                    return False
            elif kind == "link_map":
                return False  # only the settings file has one: the Reader reads it
            else:
                value = _read_scalar(value_node, field, check_controls)
                if value is None:
                    return False
            values[name] = value
    except KeyError:  # not a field's name
        return False
    except ValueError:  # not a day of the calendar, such as 2026-02-30
        return False
    # Every key is a known field, so fewer lines than keys means a repeated key.
    return len(lines) == len(node.value) and lines.keys() >= required_names


_INDEXES: dict[int, tuple[tuple[Field, ...], dict[str, Field], frozenset[str]]] = {}


def _index(fields: tuple[Field, ...]) -> tuple[dict[str, Field], frozenset[str]]:
    """The fields by name and the names of the required ones (kept by identity, as `fields._field_index`)."""
    known = _INDEXES.get(id(fields))
    if known is None or known[0] is not fields:
        by_name, required = _field_index(fields)
        known = (fields, by_name, frozenset(field.name for field in required))
        _INDEXES[id(fields)] = known
    return known[1], known[2]


def _read_scalar(node: yaml.Node, field: Field, check_controls: bool) -> Any:
    """The value, or None wherever `Reader._read_scalar` might report a problem."""
    if node.tag is not TEXT_TAG:
        return None
    raw = node.value
    text = raw.strip()
    if not text:
        return None
    kind = field.kind
    if kind == "markdown":
        text = raw.strip("\n")
    if check_controls and _CONTROL_CHARACTER.search(text):
        return None
    if kind == "text" or kind == "markdown":
        pass
    elif kind == "date":
        if not _DATE.fullmatch(text):
            return None
        try:
            return date.fromisoformat(text)
        except ValueError:
            return None
    elif kind == "integer":
        return int(text) if _INTEGER.fullmatch(text) else None
    elif kind == "url" and not is_web_url(text):
        return None
    if field.matches is not None and not field.matches(text):
        return None
    return text


def _read_markdown_list(
    node: yaml.Node, field: Field, name: str, check_controls: bool, read: QuickRead
) -> tuple[str, ...] | None:
    if node.tag is not SEQUENCE_TAG:
        return _empty_list(node, field)
    if field.required and not node.value:
        return None
    item_field = _item_field(field)
    texts = []
    for index, item in enumerate(node.value, 1):
        text = _read_scalar(item, item_field, check_controls)
        if text is None:
            return None
        if holds_markup_or_links(text):
            read.text_lines[f"{name}[{index}]"] = _first_text_line(item, item.value)
            read.markdown[f"{name}[{index}]"] = text
        texts.append(text)
    return tuple(texts)


def _empty_list(node: yaml.Node, field: Field) -> tuple[()] | None:
    """An optional list left empty (`tags:`) holds no items; anything else is the Reader's to explain."""
    if field.required:
        return None
    tag = node.tag
    return () if tag is NULL_TAG or (tag is TEXT_TAG and not node.value.strip()) else None
