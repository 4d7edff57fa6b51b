"""Reading typed values out of YAML nodes against a list of fields, with a problem for every mistake."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import yaml

from helpcenter.load.fields import KIND_NAMES, Field, is_id, is_mail_url, is_web_url
from helpcenter.load.text_traps import markdown_findings, scalar_findings
from helpcenter.load.yaml_file import line_of
from helpcenter.problems import Problem, did_you_mean

# Tabs and line breaks are text; every other control character is invisible or breaks the output.
_CONTROL_CHARACTER = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]")
# Characters no language needs that hide or reorder text: zero-width space, word joiner, byte-order
# mark, and the bidirectional embeddings and overrides. (Joiners, direction marks and isolates stay:
# Arabic, Hebrew, Persian and Indic text use them.)
_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u202a-\u202e]")
# Both, looked for in one pass over each value.
_UNWANTED = re.compile(f"{_CONTROL_CHARACTER.pattern}|{_INVISIBLE.pattern}")

_LIST_KINDS = frozenset(("text_list", "markdown_list"))
# Kinds whose words are published: a comment or a folded line would cut or reshape them.
_WORD_KINDS = frozenset(("text", "markdown"))


@dataclass
class Reader:
    """Collects problems while reading one file."""

    path: str
    problems: list[Problem]
    text_lines: dict[str, int] = field(default_factory=dict)
    """The line each Markdown value starts on, by field name ('answer', 'steps[2]', 'home.intro')."""
    markdown: dict[str, str] = field(default_factory=dict)
    """Every Markdown value that was read, by field name, for the checks on its content."""
    source: str = ""
    """The file's text, for the slips that only its source shows (a ' #' that ends a value)."""

    def problem(self, node: yaml.Node | int, field: str, message: str) -> None:
        line = node if isinstance(node, int) else line_of(node)
        self.problems.append(Problem(self.path, line, field, message))

    def read_mapping(
        self, node: yaml.Node, fields: tuple[Field, ...], prefix: str = ""
    ) -> tuple[dict[str, Any], dict[str, int]]:
        """Values by field name, and the line each field stands on."""
        values: dict[str, Any] = {}
        lines: dict[str, int] = {}
        if not isinstance(node, yaml.MappingNode):
            if prefix:
                self.problem(node, prefix.rstrip("."), f"expected {KIND_NAMES['mapping']}, got {_describe(node)}")
            else:
                self.problem(node, "", f"expected the fields as 'name: value' lines, got {_describe(node)}")
            return values, lines
        by_name = {field.name: field for field in fields}
        required = [field for field in fields if field.required]
        for key_node, value_node in node.value:
            name = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else ""
            field = by_name.get(name)
            if field is None:
                hint = did_you_mean(name, by_name) or f"; known fields: {', '.join(by_name)}"
                self.problem(key_node, prefix + name, f"unknown field{hint}")
                continue
            lines[name] = key_node.start_mark.line + 1
            value = self.read_value(value_node, field, prefix + name)
            if value is not None:
                values[name] = value
        for field in required:
            if field.name not in lines:
                self.problem(node, prefix + field.name, f"missing required field: {field.description}")
        return values, lines

    def read_value(self, node: yaml.Node, field: Field, name: str) -> Any:
        if field.kind == "mapping":
            values, _ = self.read_mapping(node, field.fields, name + ".")
            return values
        if field.kind == "link_map":
            return self._read_link_map(node, name)
        if field.kind in _LIST_KINDS:
            return self._read_list(node, field, name)
        return self._read_scalar(node, field, name)

    def _read_list(self, node: yaml.Node, field: Field, name: str) -> tuple[Any, ...] | None:
        if not isinstance(node, yaml.SequenceNode):
            if _is_empty(node):
                if not field.required:
                    return ()
                self._empty(node, name)
                return None
            self.problem(node, name, f"expected {KIND_NAMES[field.kind]}, got {_describe(node)}")
            return None
        item_field = field.item
        read = self._read_scalar
        items = [read(item, item_field, f"{name}[{index}]") for index, item in enumerate(node.value, 1)]
        if field.required and not node.value:
            self._empty(node, name)
        return tuple(item for item in items if item is not None)

    def _read_link_map(self, node: yaml.Node, name: str) -> dict[str, str] | None:
        if not isinstance(node, yaml.MappingNode):
            self.problem(node, name, f"expected {KIND_NAMES['link_map']}, got {_describe(node)}")
            return None
        links: dict[str, str] = {}
        target = Field("link", "text", True, "")
        for key_node, value_node in node.value:
            key = str(getattr(key_node, "value", ""))
            field_name = f"{name}.{key}"
            if not is_id(key):
                self.problem(key_node, field_name, "a link name uses lower-case letters, digits and hyphens")
                continue
            address = self._read_scalar(value_node, target, field_name, published=False)
            if address is None:
                continue
            if not (is_web_url(address) or is_mail_url(address)):
                self.problem(value_node, field_name,
                             f"expected a web address starting with https:// or a mailto: address, got '{address}'")
                continue
            links[key] = address
        return links

    def _read_scalar(self, node: yaml.Node, field: Field, name: str, published: bool = True) -> Any:
        """The value of `node`; `published` is false for an address, whose words are never shown."""
        if not isinstance(node, yaml.ScalarNode):
            self.problem(node, name, f"expected {KIND_NAMES[field.kind]}, got {_describe(node)}")
            return None
        raw = str(node.value)
        stripped = raw.strip()
        if not stripped or node.tag.endswith(":null"):
            return self._empty(node, name, field)
        kind = field.kind
        text = stripped if kind != "markdown" else raw.strip("\n")
        unwanted = _UNWANTED.search(text)
        if unwanted and _CONTROL_CHARACTER.match(unwanted.group()):
            self.problem(node, name, (
                f"contains the control character U+{ord(unwanted.group()):04X}, which cannot be shown; remove it"
            ))
            return None
        if unwanted:
            character = unwanted.group()
            self.problem(node, name, (
                f"contains the invisible character U+{ord(character):04X} ({unicodedata.name(character, 'unnamed')}), "
                "which changes how the text reads without showing; remove it"
            ))
            return None
        if published and kind in _WORD_KINDS and field.pattern is None and self.source:
            for line, message in scalar_findings(self.source, node, kind == "markdown", name):
                self.problem(line, name, message)
        if kind == "markdown":
            # Only a Markdown value's line is needed: its checks report lines within it.
            first_line = self.text_lines[name] = _first_text_line(node, raw)
            self.markdown[name] = text
            if node.style == "|":
                for offset, message in markdown_findings(text):
                    self.problem(first_line + offset, name, message)
        elif kind == "date":
            return self._read_date(node, text, name)
        elif kind == "integer":
            if not _INTEGER.fullmatch(text):
                self.problem(node, name, f"expected {KIND_NAMES['integer']}, got '{text[:40]}'")
                return None
            if len(text.lstrip("-")) > MAX_DIGITS:
                self.problem(node, name, f"expected a whole number of at most {MAX_DIGITS} digits, such as 10")
                return None
            return int(text)
        elif kind == "url" and not is_web_url(text):
            self.problem(node, name, f"expected {KIND_NAMES['url']}, got '{text}'")
            return None
        if not field.matches(text):
            advice = field.advice(text) if field.advice else None
            self.problem(node, name, f"expected {field.pattern_hint}, got '{text}'" + (f"; {advice}" if advice else ""))
            return None
        return text

    def _read_date(self, node: yaml.Node, text: str, name: str) -> date | None:
        if not _DATE.fullmatch(text):
            self.problem(node, name, f"expected {KIND_NAMES['date']}, got '{text}'")
            return None
        try:
            return date.fromisoformat(text)
        except ValueError:
            self.problem(node, name, f"'{text}' is no such day (YYYY-MM-DD); check the month and the day")
            return None

    def _empty(self, node: yaml.Node, name: str, field: Field | None = None) -> None:
        if field is not None and field.required and not name.endswith("]"):
            self.problem(node, name, f"required, but empty; fill in {field.description}")
        else:
            self.problem(node, name, "empty value; fill it in or remove the field")
        return None


_INTEGER = re.compile(r"-?[0-9]+")
MAX_DIGITS = 9
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _first_text_line(node: yaml.ScalarNode, raw: str) -> int:
    """A block scalar (`|`, `>`) starts on the line after its indicator, past any blank lines."""
    line = line_of(node)
    if node.style in ("|", ">"):
        line += 1 + len(raw) - len(raw.lstrip("\n"))
    return line


def _is_empty(node: yaml.Node) -> bool:
    if isinstance(node, yaml.ScalarNode):
        return node.tag.endswith(":null") or not str(node.value).strip()
    return False


def _describe(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a group of fields"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    return f"'{node.value}'"
