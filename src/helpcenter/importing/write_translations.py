"""The text of the translation files an import writes: `ID.LANG.yml` beside each entry, and the blocks added to
`categories.LANG.yml`. The fields a translator must still write (summary, a category's or a video's
description) are left empty, as in the source files, so `helpcenter check` lists them."""

from __future__ import annotations

from typing import Any

from helpcenter.importing.planned import PlannedCategoryTranslation, PlannedTranslation
from helpcenter.load.languages import language_name
from helpcenter.new_entry import field_yaml

TO_WRITE = "(to write)"
"""What a field to write holds in the copy the import checks before writing."""


def translation_yaml(planned: PlannedTranslation, schema_ref: str, for_check: bool) -> str:
    values: dict[str, Any] = dict(planned.values)
    lines = [f"# yaml-language-server: $schema={schema_ref}",
             f"# The {language_name(planned.language)} translation of {planned.entry.id}, imported from "
             f"{planned.where}."]
    if planned.outdated:
        lines.append("# The old help center marked it outdated: compare it with the source, then run "
                     "'helpcenter translations --reviewed' on this file.")
    if for_check:
        values["summary"] = values["summary"] or TO_WRITE
        values["answer"] = values["answer"] or TO_WRITE
        if "video" in values:
            values["video"] = {**values["video"], "description": TO_WRITE}
    lines.append(f"source: {values['source']}")
    for name in ("title", "summary", "answer", "steps", "video", "redirect_from"):
        value = values.get(name)
        if name == "summary" and not value:
            lines += ["# summary: one sentence that answers the question, in this language", "summary:"]
        elif name == "video" and value and not value["description"]:
            lines += ["video:", "  " + field_yaml("title", value["title"]),
                      "  # description: one sentence on what the video shows, in this language", "  description:"]
        elif value:
            lines.append(field_yaml(name, value))
    return "\n".join(lines) + "\n"


def with_category_translations(text: str, planned: list[PlannedCategoryTranslation], schema_ref: str,
                               for_check: bool) -> str:
    """`categories.LANG.yml` (its text now, or '' for a new file) with a block for each planned category."""
    blocks = [text.rstrip("\n") + "\n"] if text.strip() else [f"# yaml-language-server: $schema={schema_ref}\n"]
    for category in planned:
        lines = [f"{category.category}:", f"  source: {category.source}",
                 "  " + field_yaml("title", category.title)]
        description = category.description or (TO_WRITE if for_check else "")
        if description:
            lines.append("  " + field_yaml("description", description))
        else:
            lines += ["  # description: one sentence on what the category covers, in this language",
                      "  description:"]
        blocks.append("\n".join(lines) + "\n")
    return "".join(blocks)
