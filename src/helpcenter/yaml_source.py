"""Reading one YAML file into a node tree that keeps line numbers, refusing YAML's traps.

Content is composed (not constructed) with libyaml, so every value keeps its line and its
original text: a text field reads `no` or `1.10` exactly as the editor wrote it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from .problems import Problem

try:
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - libyaml is missing only on unusual builds
    _Loader = yaml.SafeLoader

MAX_FILE_BYTES = 1_000_000
_STANDARD_TAG = "tag:yaml.org,2002:"
_MERGE_TAG = _STANDARD_TAG + "merge"
_NULL_WORDS = frozenset(("", "~", "null", "Null", "NULL"))


class _ContentLoader(_Loader):  # type: ignore[misc, valid-type]
    """Resolves only the tags the checks read (null, merge keys): values are read as text anyway.

    PyYAML's resolver tries a list of regular expressions on every plain value, and calls path
    resolvers on every node; skipping both takes about a fifth off the time a file takes to read.
    """

    def resolve(self, kind: type, value: object, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode:
            if implicit[0] and value in _NULL_WORDS:
                return _STANDARD_TAG + "null"
            if implicit[0] and value == "<<":
                return _MERGE_TAG
            return _STANDARD_TAG + "str"
        return _STANDARD_TAG + ("seq" if kind is yaml.SequenceNode else "map")

    def descend_resolver(self, current_node: object, current_index: object) -> None:
        """No path resolvers are registered: skip PyYAML's bookkeeping for every node."""

    def ascend_resolver(self) -> None:
        pass


@dataclass(frozen=True)
class YamlFile:
    """A parsed file: its path as shown in messages and its root node."""

    path: str
    root: yaml.Node


def line_of(node: yaml.Node) -> int:
    return int(node.start_mark.line) + 1


def read_yaml(file: Path, shown_path: str) -> tuple[YamlFile | None, list[Problem]]:
    """Parse `file`; on any mistake return no tree and the problems, never raise."""
    try:
        data = file.read_bytes()
    except OSError as error:
        return None, [Problem(shown_path, 0, "", f"cannot read the file: {error.strerror}")]
    if len(data) > MAX_FILE_BYTES:
        return None, [
            Problem(
                shown_path, 0, "",
                f"the file is {len(data):,} bytes; the limit is {MAX_FILE_BYTES:,}. "
                "Split it or move long material out of it",
            )
        ]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return None, [
            Problem(shown_path, line, "", "the file is not valid UTF-8; save it with UTF-8 encoding")
        ]
    if not text.strip() or all(
        not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()
    ):
        return None, [Problem(shown_path, 1, "", "the file is empty; fill in the fields or delete it")]
    loader = _ContentLoader(text)
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        return None, [_syntax_problem(shown_path, error, text)]
    except yaml.YAMLError as error:
        return None, [Problem(shown_path, 1, "", f"invalid YAML: {error}")]
    finally:
        loader.dispose()
    if root is None:
        return None, [Problem(shown_path, 1, "", "the file is empty; fill in the fields or delete it")]
    problems = _structure_problems(shown_path, root, text)
    if problems:
        return None, problems
    return YamlFile(shown_path, root), []


def _syntax_problem(path: str, error: yaml.MarkedYAMLError, text: str) -> Problem:
    mark = error.problem_mark or error.context_mark
    line = int(mark.line) + 1 if mark else 1
    column = int(mark.column) + 1 if mark else 1
    reason = error.problem or "cannot be read"
    source_line = text.splitlines()[line - 1] if 0 < line <= len(text.splitlines()) else ""
    if "\t" in source_line[: max(column, 1)] or "found character '\\t'" in reason:
        hint = "indent with spaces, not tabs"
    elif "mapping values are not allowed" in reason:
        hint = "put text that contains ': ' in quotes, or use '|' for a block of text"
    elif "found character '`'" in reason or "found character '@'" in reason:
        hint = "put text that starts with ` or @ in quotes"
    else:
        hint = "check the indentation and the quotes on this line and the one before"
    return Problem(path, line, "", f"invalid YAML at column {column}: {reason}; {hint}")


def _structure_problems(path: str, root: yaml.Node, text: str) -> list[Problem]:
    """Duplicate keys, aliases and custom tags: all rejected, as each can lose or hide content."""
    problems: list[Problem] = []
    # An alias needs an anchor (&name) and a custom tag needs '!': most files have neither
    # character, and then only the keys of their mappings need a look.
    may_hide_content = "&" in text or "!" in text
    seen: set[int] = set()
    stack: list[yaml.Node] = [root]
    while stack:
        node = stack.pop()
        if may_hide_content:
            if id(node) in seen:
                problems.append(
                    Problem(
                        path, line_of(node), "",
                        "anchors and aliases (&name, *name) are not supported; write the value out in full",
                    )
                )
                continue
            seen.add(id(node))
            if not node.tag.startswith(_STANDARD_TAG):
                problems.append(
                    Problem(path, line_of(node), "", f"YAML tags such as '{node.tag}' are not supported; remove it")
                )
        if isinstance(node, yaml.MappingNode):
            first_line: dict[str, int] = {}
            for key, value in node.value:
                if key.tag == _MERGE_TAG:
                    problems.append(
                        Problem(path, line_of(key), "", "merge keys (<<) are not supported; write the fields out")
                    )
                    continue
                if isinstance(key, yaml.ScalarNode):
                    name = str(key.value)
                    if name in first_line:
                        problems.append(
                            Problem(
                                path, line_of(key), name,
                                f"duplicate key: '{name}' is already set on line {first_line[name]}; "
                                "keep one of the two",
                            )
                        )
                    else:
                        first_line[name] = line_of(key)
                if may_hide_content or not isinstance(key, yaml.ScalarNode):
                    stack.append(key)
                if may_hide_content or not isinstance(value, yaml.ScalarNode):
                    stack.append(value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(
                item for item in node.value if may_hide_content or not isinstance(item, yaml.ScalarNode)
            )
    return problems
