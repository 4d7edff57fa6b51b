"""Reading one YAML file into a node tree that keeps line numbers, refusing YAML's traps.

Content is composed (not constructed) with libyaml, so every value keeps its line and its
original text: a text field reads `no` or `1.10` exactly as the editor wrote it.
"""

from __future__ import annotations

import codecs
import os
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from helpcenter.load.project_files import FileRules, refusal
from helpcenter.problems import Problem

try:
    # libyaml's parser and composer alone: the constructor and resolver a loader adds are never used.
    from yaml._yaml import CParser as _Loader
except ImportError:  # pragma: no cover - libyaml is missing only on unusual builds
    _Loader = yaml.SafeLoader  # type: ignore[misc, assignment]

MAX_FILE_BYTES = 1_000_000
_STANDARD_TAG = "tag:yaml.org,2002:"
# Tags that only say what the text already is; any other (!!binary, !!python/..., !custom) changes its meaning.
_CORE_TAGS = frozenset(
    _STANDARD_TAG + name for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq", "merge")
)
_CONFLICT_MARK = re.compile(r"^(<{7}|={7}|>{7}|\|{7})(?: .*)?$", re.MULTILINE)
_INDENTED_FIELD = re.compile(r" +[A-Za-z_][\w-]*: ")
_CURLY_QUOTE = re.compile("\\s*(?:- )?[A-Za-z_][\\w-]*: *[\u201c\u2018\u00ab\u201e]")  # typographic opening quotes
_QUOTED_VALUE = re.compile(r"\s*(?:- )?(?:[A-Za-z_][\w-]*: +)?([\"'])(.*)$")
_MISSING_SPACE = re.compile(r"^\s*[A-Za-z_][\w-]*:[^\s:]")
_NULL_WORDS = frozenset(("", "~", "null", "Null", "NULL"))
_NULL_TAG = _STANDARD_TAG + "null"
_MERGE_TAG = _STANDARD_TAG + "merge"
_STR_TAG = _STANDARD_TAG + "str"
_SEQ_TAG = _STANDARD_TAG + "seq"
_MAP_TAG = _STANDARD_TAG + "map"
# The only plain values whose tag the checks read: null (an empty value) and the merge key.
_IMPLICIT_TAGS = {**dict.fromkeys(_NULL_WORDS, _NULL_TAG), "<<": _MERGE_TAG}
_SEQUENCE_NODE = yaml.SequenceNode


class _ContentLoader(_Loader):
    """Resolves only the tags the checks read (null, merge keys): every other value is read as text,
    exactly as written, so `no` or `1.10` in a text field stays what the editor wrote."""

    def resolve(self, kind: type, value: str | None, implicit: tuple[bool, bool] | bool) -> str:
        if value is None:  # a list or a group of fields
            return _SEQ_TAG if kind is _SEQUENCE_NODE else _MAP_TAG
        # Only a plain value (no quotes, no '|') can be null or a merge key.
        if implicit[0] and value in _IMPLICIT_TAGS:  # type: ignore[index]
            return _IMPLICIT_TAGS[value]
        return _STR_TAG

    # The composer calls these around every node for path resolvers, which are not used here.
    def descend_resolver(self, parent: yaml.Node | None, index: object) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass


@dataclass(slots=True)
class YamlFile:
    """A parsed file: its path as shown in messages, its root node and its text."""

    path: str
    root: yaml.Node
    text: str = ""


CONTENT_FILES = FileRules(
    outside="a symbolic link to a file outside the repository; put the file itself here instead of the link",
    not_regular="not a regular file (a device, pipe, socket or folder); a content file is a plain text file",
    unreadable="cannot read the file",
)


def line_of(node: yaml.Node) -> int:
    return int(node.start_mark.line) + 1


# NEL: YAML reads it as a line break and turns it into a space or a new line. (U+2028 and U+2029
# are line breaks to YAML too, but it keeps them as they are.)
_HIDDEN_LINE_BREAK = re.compile("\x85")


def read_text(file: Path | str, shown_path: str, inside: Path | None = None) -> tuple[str | None, list[Problem]]:
    """The text of a committed file, or None and the problems that stop it being read; never raises.

    Only a regular file is read, and with `inside`, only one whose real path (after every symbolic
    link) lies in that folder: content comes from pull requests, and a link to `/etc/passwd`, a
    device or a pipe must be neither read nor quoted. No more than the size limit is read.
    """
    refused = refusal(file, Path(os.path.realpath(inside)) if inside is not None else None, CONTENT_FILES)
    if refused is not None:
        return None, [Problem(shown_path, 0, "", refused)]
    try:
        size, data = _read_bytes(file)
    except OSError as error:
        return None, [Problem(shown_path, 0, "", f"cannot read the file: {error.strerror}")]
    if data is None:
        return None, [
            Problem(
                shown_path, 0, "",
                f"the file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,}. "
                "Split it or move long material out of it",
            )
        ]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [Problem(shown_path, 1, "", "the file is saved as UTF-16; save it with UTF-8 encoding")]
    try:
        # As "utf-8-sig" does, without its codec's Python function.
        text = (data[3:] if data.startswith(codecs.BOM_UTF8) else data).decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return None, [
            Problem(shown_path, line, "", "the file is not valid UTF-8; save it with UTF-8 encoding")
        ]
    hidden_break = _HIDDEN_LINE_BREAK.search(text) if "\x85" in text else None
    if hidden_break:
        line = text.count("\n", 0, hidden_break.start()) + 1
        return None, [Problem(shown_path, line, "", (
            f"the file contains the invisible line break U+{ord(hidden_break.group()):04X}; "
            "remove it, or use a normal line break"
        ))]
    conflict = _CONFLICT_MARK.search(text)
    if conflict:
        line = text.count("\n", 0, conflict.start()) + 1
        return None, [Problem(shown_path, line, "", (
            f"this line is a mark left by a Git merge conflict ('{conflict.group(1)}'): keep the lines you "
            "want between the marks, delete the others and the three mark lines"
        ))]
    return text, []


def read_yaml(file: Path | str, shown_path: str, inside: Path | None = None) -> tuple[YamlFile | None, list[Problem]]:
    """Parse `file`; on any mistake return no tree and the problems, never raise (what is read: `read_text`)."""
    text, problems = read_text(file, shown_path, inside)
    if text is None:
        return None, problems
    loader = _ContentLoader(text)
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        return None, [_syntax_problem(shown_path, error, text)]
    except yaml.reader.ReaderError as error:
        return None, [_character_problem(shown_path, error, text)]
    except yaml.YAMLError as error:
        return None, [Problem(shown_path, 1, "", f"invalid YAML: {' '.join(str(error).split())}")]
    finally:
        loader.dispose()
    if root is None or (isinstance(root, yaml.ScalarNode) and root.tag.endswith(":null") and not root.value):
        return None, [_empty_file(shown_path)]
    problems = _structure_problems(shown_path, root, may_hide_content="&" in text or "!" in text or "<<" in text)
    if problems:
        return None, problems
    return YamlFile(shown_path, root, text), []


def _empty_file(path: str) -> Problem:
    return Problem(path, 1, "", "the file is empty; fill in the fields or delete it")


def _read_bytes(file: Path | str) -> tuple[int, bytes | None]:
    """The file's size and bytes, or no bytes if it is over the limit (then no more than the limit is read)."""
    with open(file, "rb", buffering=0) as stream:
        size = os.fstat(stream.fileno()).st_size
        if size > MAX_FILE_BYTES:
            return size, None
        # As much as the file reports, then to its end: it may have grown since, so never past the limit.
        data = stream.read(size + 1) or b""
        while len(data) <= MAX_FILE_BYTES:
            more = stream.read(MAX_FILE_BYTES + 1 - len(data))
            if not more:
                break
            data += more
    return (len(data), None) if len(data) > MAX_FILE_BYTES else (len(data), data)


def _syntax_problem(path: str, error: yaml.MarkedYAMLError, text: str) -> Problem:
    mark = error.problem_mark or error.context_mark
    line = int(mark.line) + 1 if mark else 1
    column = int(mark.column) + 1 if mark else 1
    reason = error.problem or "cannot be read"
    source_line = text.splitlines()[line - 1] if 0 < line <= len(text.splitlines()) else ""
    previous_line = _previous_content_line(text, line)
    if "\t" in source_line[: max(column, 1)] or "found character '\\t'" in reason or "tab character" in reason:
        hint = "indent with spaces, not tabs"
    elif "another document" in reason:
        hint = "a file holds one entry: remove this '---' line and what follows, or move it to a file of its own"
    elif "nesting depth" in reason:
        hint = "lists or groups are nested too deeply; write the value as text"
    elif "could not find expected ':'" in reason and previous_line and _MISSING_SPACE.match(previous_line[1]):
        line, column = previous_line[0], previous_line[1].index(":") + 2
        hint = "put a space after the ':' that follows the field's name"
    elif "mapping values are not allowed" in reason and _INDENTED_FIELD.match(source_line) and (
        previous_line is None or _indent(previous_line[1]) < _indent(source_line)
    ) and not (previous_line and previous_line[1].rstrip().endswith(":")):
        name = source_line.strip().partition(":")[0]
        hint = (f"'{name}:' is indented, so it is read as part of the value above it; start it at the same "
                "place as the other fields")
    elif "mapping values are not allowed" in reason and _CURLY_QUOTE.match(source_line):
        hint = ("\u201c \u201d and \u2018 \u2019 are typographic quotes, which are part of the text: put the whole "
                "text in straight quotes (\"...\") as well, or use '|' for a block of text")
    elif "mapping values are not allowed" in reason:
        hint = "put text that contains ': ' in quotes, or use '|' for a block of text"
    elif "end of stream" in reason and (opened := _unclosed_quote(text)) is not None:
        line, column = opened
        hint = "the quote that starts the value here is never closed: end the text with the same quote"
    elif "expected key" in reason and previous_line and 0 < _indent(source_line) < _indent(previous_line[1]):
        hint = (f"this line starts further left than the line before it ({_indent(previous_line[1])} spaces): "
                "indent it the same, or start a new field at the beginning of the line")
    elif "found character '`'" in reason or "found character '@'" in reason:
        hint = "put text that starts with ` or @ in quotes"
    else:
        hint = "check the indentation and the quotes on this line and the one before"
    return Problem(path, line, "", f"invalid YAML at column {column}: {reason}; {hint}")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _unclosed_quote(text: str) -> tuple[int, int] | None:
    """The line and column of a value that opens a quote and never closes it, if there is one."""
    for number, line in enumerate(text.splitlines(), 1):
        value = _QUOTED_VALUE.match(line)
        if value:
            quote, rest = value.group(1), value.group(2)
            if (quote == '"' and not re.search(r'(?<!\\)"', rest)) or (quote == "'" and "'" not in rest):
                return number, value.start(1) + 1
    return None


def _previous_content_line(text: str, line: int) -> tuple[int, str] | None:
    """The nearest line before `line` that is neither blank nor a comment, and its number."""
    lines = text.splitlines()
    for number in range(min(line - 1, len(lines)), 0, -1):
        content = lines[number - 1]
        if content.strip() and not content.lstrip().startswith("#"):
            return number, content
    return None


def _shown_tag(tag: str) -> str:
    return "!!" + tag.removeprefix(_STANDARD_TAG) if tag.startswith(_STANDARD_TAG) else tag


def _character_problem(path: str, error: yaml.reader.ReaderError, text: str) -> Problem:
    position = max(0, min(int(error.position), len(text)))
    line = text.count("\n", 0, position) + 1
    character = error.character if isinstance(error.character, str) else chr(int(error.character))
    return Problem(path, line, "", (
        f"the file contains the control character U+{ord(character):04X}, which cannot be shown; remove it"
    ))


def _structure_problems(path: str, root: yaml.Node, may_hide_content: bool = True) -> list[Problem]:
    """Duplicate keys, aliases and custom tags: all rejected, as each can lose or hide content.

    Without `may_hide_content` (the text holds no '&', '!' or '<<', so no anchor, tag or merge key),
    only repeated keys are looked for.
    """
    problems: list[Problem] = []
    seen: set[int] = set()
    aliased: set[int] = set()
    stack: list[yaml.Node] = [root]
    while stack:
        node = stack.pop()
        if not may_hide_content:
            if isinstance(node, yaml.MappingNode):
                keys = [key.value for key, _ in node.value if isinstance(key, yaml.ScalarNode)]
                if len(set(keys)) != len(keys):
                    problems.extend(_repeated_keys(path, node))
                for key, value in node.value:
                    stack.extend(part for part in (value, key) if not isinstance(part, yaml.ScalarNode))
            elif isinstance(node, yaml.SequenceNode):
                stack.extend(item for item in node.value if not isinstance(item, yaml.ScalarNode))
            continue
        if id(node) in seen:  # an alias: the same node a second time
            if id(node) not in aliased:
                aliased.add(id(node))
                problems.append(Problem(
                    path, line_of(node), "",
                    "anchors and aliases (&name, *name) are not supported; write the value out in full",
                ))
            continue
        seen.add(id(node))
        if node.tag not in _CORE_TAGS:
            problems.append(
                Problem(path, line_of(node), "",
                        f"YAML tags such as '{_shown_tag(node.tag)}' are not supported; remove it")
            )
        if isinstance(node, yaml.MappingNode):
            problems.extend(_repeated_keys(path, node))
            for key, value in node.value:
                if key.tag == _MERGE_TAG:
                    problems.append(
                        Problem(path, line_of(key), "", "merge keys (<<) are not supported; write the fields out")
                    )
                    continue
                stack.extend((value, key))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(reversed(node.value))
    return problems


def _repeated_keys(path: str, node: yaml.MappingNode) -> list[Problem]:
    """A key written twice in one group of fields: YAML would keep the last value and lose the first."""
    problems = []
    first_key: dict[str, yaml.Node] = {}
    for key, _ in node.value:
        if isinstance(key, yaml.ScalarNode) and key.tag != _MERGE_TAG:
            name = str(key.value)
            if name in first_key:
                problems.append(Problem(path, line_of(key), name, (
                    f"duplicate key: '{name}' is already set on line {line_of(first_key[name])}; keep one of the two"
                )))
            else:
                first_key[name] = key
    return problems
