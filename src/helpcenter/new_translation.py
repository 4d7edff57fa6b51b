"""Writing a translation's skeleton beside its source: the schema line, the source's fingerprint, and
each translated field left empty under the English text as a comment, so `helpcenter check` names
every field until it is translated (English copied in would pass unnoticed)."""

from __future__ import annotations

import os
from pathlib import Path

from helpcenter.load.fingerprint import entry_fingerprint
from helpcenter.load.languages import language_name, language_problem
from helpcenter.model import Entry, HelpCenter
from helpcenter.new_entry import ScaffoldError
from helpcenter.problems import did_you_mean

SCHEMA = "entry-translation.schema.json"


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
    schema_ref = Path(os.path.relpath(schemas_dir / SCHEMA, path.parent)).as_posix()
    try:
        with path.open("x", encoding="utf-8") as file:  # "x": never overwrite, even in a race
            file.write(translation_text(entry, language, schema_ref))
    except FileExistsError:
        raise ScaffoldError(f"{path.as_posix()} already exists; edit it") from None
    return path
