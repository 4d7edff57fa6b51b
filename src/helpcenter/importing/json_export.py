"""Reading the JSON of an export: each file parsed, each value checked against the shape the vendor documents.

A wrong value is named by its path in the file, such as `articles[3].title`, so the writer can find it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from helpcenter.importing.source import Export
from helpcenter.problems import Problem, shown_path


class ShapeError(Exception):
    """The first value of a file that is not of the expected shape."""

    def __init__(self, where: str, expected: str, found: Any) -> None:
        self.where = where
        super().__init__(f"{where}: expected {expected}, found {_kind(found)}")


def read_json(path: Path, shown: str, problems: list[Problem]) -> Any:
    """The file's JSON value, or None with a problem when it is not UTF-8 JSON."""
    try:
        return json.loads(path.read_bytes().decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        problems.append(Problem(shown, 0, "", f"not UTF-8 text (byte {error.start}); export the file again as UTF-8"))
    except json.JSONDecodeError as error:
        problems.append(Problem(shown, error.lineno, "", (
            f"not JSON: {error.msg} (column {error.colno}); export it again, or give the API's response as it is"
        )))
    except OSError as error:
        problems.append(Problem(shown, 0, "", f"cannot be read: {error.strerror}"))
    return None


def json_files(export: Path, root: Path, problems: list[Problem], kinds: str) -> Iterator[tuple[str, Any]]:
    """The path (as problems name it) and JSON value of every .json file of an export folder, or of one file."""
    files = sorted(export.rglob("*.json")) if export.is_dir() else [export]
    if not files:
        problems.append(Problem(shown_path(export, root), 0, "", f"no .json files: save the API's responses for "
                                f"{kinds} here"))
    for file in files:
        shown = shown_path(file, root)
        value = read_json(file, shown, problems)
        if value is not None:
            yield shown, value


def read_items(found: list[tuple[str, str, Any]], result: Export, read: Callable[[Any, str, str], Any]) -> list[Any]:
    """Each (file, path, item) read with `read(item, path, where)`; a wrong shape or a repeated id is a problem.
    `read` returns None for an item that is left out on purpose."""
    values = []
    seen: dict[str, str] = {}
    for shown, where, item in found:
        try:
            value = read(item, where, f"{shown}: {where}")
        except ShapeError as error:
            result.problems.append(Problem(shown, 0, error.where, str(error).partition(": ")[2]))
            continue
        if value is not None:
            if value.id in seen:
                result.problems.append(Problem(shown, 0, f"{where}.id", (
                    f"the id {value.id} is also at {seen[value.id]}; give each item once (a page saved twice?)"
                )))
                continue
            seen[value.id] = f"{shown} {where}"
        values.append(value)
    return values


def member(value: Any, where: str, key: str, kind: type | tuple[type, ...], required: bool = True) -> Any:
    """`value[key]`, checked to be of `kind`; None when it is absent (or null) and not required."""
    if not isinstance(value, dict):
        raise ShapeError(where or "the file", "an object", value)
    item = value.get(key)
    path = f"{where}.{key}" if where else key
    if item is None:
        if required:
            raise ShapeError(path, f"{_names(kind)}", item)
        return None
    if not isinstance(item, kind) or (isinstance(item, bool) and bool not in _tuple(kind)):
        raise ShapeError(path, _names(kind), item)
    return item


def items(value: Any, where: str, key: str) -> list[tuple[str, Any]]:
    """The members of the list `value[key]`, each with its path (`articles[3]`)."""
    found = member(value, where, key, list)
    path = f"{where}.{key}" if where else key
    return [(f"{path}[{index}]", item) for index, item in enumerate(found)]


def text_list(value: Any, where: str, key: str) -> tuple[str, ...]:
    """An optional list of strings, such as Zendesk's `label_names`."""
    found = member(value, where, key, list, required=False) or []
    for index, item in enumerate(found):
        if not isinstance(item, str):
            raise ShapeError(f"{where}.{key}[{index}]", "text", item)
    return tuple(item.strip() for item in found if item.strip())


def article_title(value: Any, where: str, key: str = "title") -> str:
    """An article's title, on one line; an article without one is refused, as nothing could name its page."""
    title = member(value, where, key, str, required=False) or ""
    if not title.strip():
        raise ShapeError(f"{where}.{key}", "the article's title", title or None)
    return " ".join(title.split())


def identifier(value: Any, where: str, key: str = "id") -> str:
    """An id given as a number or a string, as text."""
    found = member(value, where, key, (int, str))
    return str(found)


def _tuple(kind: type | tuple[type, ...]) -> tuple[type, ...]:
    return kind if isinstance(kind, tuple) else (kind,)


def _names(kind: type | tuple[type, ...]) -> str:
    names = {str: "text", int: "a number", bool: "true or false", list: "a list", dict: "an object"}
    return " or ".join(names.get(one, one.__name__) for one in _tuple(kind))


def _kind(value: Any) -> str:
    if value is None:
        return "nothing (missing or null)"
    if isinstance(value, bool):
        return f"{str(value).lower()}"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text {json.dumps(value[:40])}"
    return "a list" if isinstance(value, list) else "an object"
