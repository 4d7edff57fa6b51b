"""Writing a new entry file: an id derived from the question, the schema line, and the required fields.

The fields an editor must write (summary, owner, answer) are left empty on purpose, with a comment
saying what goes there: `helpcenter check` then names each one until it is filled in, whereas
placeholder text would pass the check and could be published by mistake. A translation's skeleton
is written the same way: each translated field empty, under the English text as a comment.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from helpcenter.load.fields import is_id
from helpcenter.load.fingerprint import entry_fingerprint
from helpcenter.load.help_center import CATEGORIES_FILE, ENTRIES_FOLDER, ENTRY_SUFFIXES
from helpcenter.load.languages import language_name, language_problem
from helpcenter.load.spec import ENTRY_FIELDS, ID_HINT
from helpcenter.load.yaml_file import read_yaml
from helpcenter.model import Entry, HelpCenter
from helpcenter.problems import did_you_mean

MAX_ID_LENGTH = 50
_QUESTION_WORDS = {
    "how", "what", "why", "where", "when", "which", "who", "can", "could", "do", "does", "did", "is", "are",
    "should", "will", "would", "i", "we", "you",
}
_FILLER_WORDS = {"a", "an", "the", "my", "your", "our", "their", "its", "me"}


class ScaffoldError(Exception):
    """The entry cannot be written; the message says why and what to do."""


def entry_id_from_question(question: str) -> str:
    """'How do I change my password?' -> 'change-password': ASCII, lower-case, hyphens, no filler words."""
    ascii_text = unicodedata.normalize("NFKD", question).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", ascii_text.lower().replace("'", ""))
    start = 0
    while start < len(words) - 1 and words[start] in _QUESTION_WORDS:
        start += 1
    kept = [word for word in words[start:] if word not in _FILLER_WORDS] or words[start:]
    entry_id = ""
    for word in kept:
        candidate = f"{entry_id}-{word}" if entry_id else word
        if len(candidate) > MAX_ID_LENGTH and entry_id:
            break
        entry_id = candidate[:MAX_ID_LENGTH].strip("-")
    return entry_id


def entry_text(
    question: str, category: str, today: date | None, schema_ref: str, owner: str = "",
    values: Mapping[str, Any] | None = None,
) -> str:
    """The new file's YAML: the schema line first, then every required field in the order of spec.py, then
    the optional fields given in `values`. A required field without a value is left empty, with a comment."""
    descriptions = {field.name: field.description for field in ENTRY_FIELDS}
    given = {"title": question, "category": category, "reviewed": today.isoformat() if today else "", "owner": owner,
             **(values or {})}
    lines = [f"# yaml-language-server: $schema={schema_ref}"]
    for field in ENTRY_FIELDS:
        value = given.get(field.name, "")
        if not field.required and not value:
            continue
        if field.required and not value:
            lines.append(f"# {field.name}: {descriptions[field.name]}")
        if field.name == "answer" and not value:
            lines.append("# Write the answer on the lines under 'answer: |', each indented by two spaces.")
            lines.append("answer: |")
        elif value and field.name == "reviewed":
            lines.append(f"reviewed: {value}")
        elif value:
            lines.append(field_yaml(field.name, value))
        else:
            lines.append(f"{field.name}:")
    return "\n".join(lines) + "\n"


def field_yaml(name: str, value: Any) -> str:
    """One field as an editor writes it: text of several lines as a '|' block, no line wrapping."""
    return yaml.dump({name: value}, Dumper=_LiteralDumper, allow_unicode=True, width=1_000_000,
                     sort_keys=False).rstrip("\n")


class _LiteralDumper(yaml.CSafeDumper):
    """Text of several lines as a '|' block, as editors write answers; the rest as `safe_dump` writes it."""


def _represent_text(dumper: yaml.CSafeDumper, text: str) -> yaml.ScalarNode:
    if not text:  # a field to write, left empty as a new entry leaves it
        return dumper.represent_scalar("tag:yaml.org,2002:null", "")
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style="|" if "\n" in text else None)


_LiteralDumper.add_representer(str, _represent_text)


def create_entry(
    data_dir: Path,
    schemas_dir: Path,
    question: str,
    category: str,
    today: date,
    entry_id: str | None = None,
    owner: str = "",
) -> Path:
    """Write the new entry file and return its path; raise `ScaffoldError` instead of overwriting anything."""
    question = " ".join(question.split())
    if not question:
        raise ScaffoldError("the question is empty; write it as a customer would ask it")
    categories = _category_ids(data_dir / CATEGORIES_FILE)
    if category not in categories:
        hint = did_you_mean(category, categories) or f"; known categories: {', '.join(sorted(categories))}"
        raise ScaffoldError(f"unknown category '{category}'{hint}")
    entry_id = entry_id or entry_id_from_question(question)
    if not is_id(entry_id):
        raise ScaffoldError(f"cannot make an id from '{question}'; pass --id with {ID_HINT}")
    entries = data_dir / ENTRIES_FOLDER
    path = entries / category / f"{entry_id}.yml"
    for existing in sorted(entries.rglob("*")) if entries.is_dir() else []:
        if existing.suffix in ENTRY_SUFFIXES and existing.stem == entry_id:
            if existing.parent == path.parent:
                raise ScaffoldError(f"{existing.as_posix()} already exists; edit it, or pass --id to choose another id")
            raise ScaffoldError(
                f"the id '{entry_id}' is already used by {existing.as_posix()} (ids are unique across "
                "categories); pass --id to choose another id"
            )
    schema_ref = Path(os.path.relpath(schemas_dir / "entry.schema.json", path.parent)).as_posix()
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as file:  # "x": never overwrite, even in a race
        file.write(entry_text(question, category, today, schema_ref, owner))
    return path


def _category_ids(categories_file: Path) -> list[str]:
    document, problems = read_yaml(categories_file, categories_file.as_posix())
    if document is None:
        detail = f": {problems[0]}" if problems else ""
        raise ScaffoldError(f"cannot read the categories{detail}")
    if not isinstance(document.root, yaml.MappingNode):
        raise ScaffoldError(f"{categories_file.as_posix()} does not list categories; run 'helpcenter check'")
    return [str(key.value) for key, _ in document.root.value if isinstance(key, yaml.ScalarNode)]


TRANSLATION_SCHEMA = "entry-translation.schema.json"


def translation_text(entry: Entry, language: str, schema_ref: str) -> str:
    source_name = entry.source.rpartition("/")[2]
    lines = [
        f"# yaml-language-server: $schema={schema_ref}",
        f"# The {language_name(language)} translation of {source_name}: write each field in {language_name(language)};",
        "# the English is in the comment above it. Category, dates, owner, related entries and the video's",
        "# address come from the source.",
        f"source: {entry_fingerprint(entry)}",
    ]
    lines += [*_comment(entry.title), "title:", *_comment(entry.summary), "summary:", *_comment(entry.answer),
              "answer: |"]
    if entry.steps:
        lines.append("steps:")
        for step in entry.steps:
            lines += [*_comment(step, "  "), "  -"]
    if entry.video:
        lines += ["video:", *_comment(entry.video.title, "  "), "  title:", *_comment(entry.video.description, "  "),
                  "  description:"]
    for name, items in (("tags", entry.tags), ("also_asked", entry.also_asked)):
        if items:
            lines += [*(f"# - {item}" for item in items), f"{name}:"]
    return "\n".join(lines) + "\n"


def _comment(text: str, indent: str = "") -> list[str]:
    return [f"{indent}# {line}".rstrip() for line in text.splitlines()]


def create_translation(help_center: HelpCenter, project_root: Path, schemas_dir: Path, entry_id: str,
                       language: str) -> Path:
    """Write the skeleton beside the entry's file and return its path; never overwrite a file."""
    wrong = language_problem(language)
    if wrong:
        raise ScaffoldError(wrong)
    languages = help_center.languages
    if language not in languages[1:]:
        listed = f"it lists {', '.join(languages)}" if languages else "it declares none"
        raise ScaffoldError(f"'{language}' is not a language to translate into: add it to 'languages' in "
                            f"faq_data/settings.yml after the default language ({listed})")
    if entry_id not in help_center.entries_by_id:
        hint = did_you_mean(entry_id, help_center.entries_by_id) or "; pass the entry's id (its file name)"
        raise ScaffoldError(f"no entry has the id '{entry_id}'{hint}")
    entry = help_center.entry(entry_id)
    path = project_root / f"{entry.source.rpartition('.')[0]}.{language}.yml"
    schema_ref = Path(os.path.relpath(schemas_dir / TRANSLATION_SCHEMA, path.parent)).as_posix()
    try:
        with path.open("x", encoding="utf-8") as file:  # "x": never overwrite, even in a race
            file.write(translation_text(entry, language, schema_ref))
    except FileExistsError:
        raise ScaffoldError(f"{path.as_posix()} already exists; edit it") from None
    return path
