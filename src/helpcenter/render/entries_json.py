"""`entries.json`: every entry as data, for a chat widget or a support bot to load.

Its shape is described by `schemas/entries-json.schema.json`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from helpcenter.render.markdown_copies import EntryText

ENTRIES_JSON = "entries.json"
FORMAT_VERSION = 1
"""Raised when a field changes meaning or goes; adding a field keeps it."""


def entries_json(
    site_name: str, site_address: str, language: str, texts: Sequence[EntryText], plain_texts: Mapping[str, str]
) -> Iterator[str]:
    """The JSON text of one language's entries, in pieces to be written as they come (one per entry);
    `plain_texts` holds each entry's answer and steps as plain text, by entry id."""
    site = {"name": site_name, "address": site_address, "language": language}
    yield f'{{"version":{FORMAT_VERSION},"site":{_json(site)},"entries":['
    for number, text in enumerate(texts):
        yield ("," if number else "") + _json(_entry(text, language, plain_texts[text.entry.id]))
    yield "]}\n"


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _entry(text: EntryText, language: str, plain: str) -> dict[str, Any]:
    entry = text.entry
    return {
        "id": entry.id,
        "address": text.address,
        "markdown_address": text.copy_address,
        "title": entry.title,
        "summary": entry.summary,
        "category": {"id": text.category.id, "title": text.category.title},
        "answer": text.answer,
        "steps": list(text.steps),
        "text": plain,
        "tags": list(entry.tags),
        "also_asked": list(entry.also_asked),
        "reviewed": entry.reviewed.isoformat(),
        "language": language,
        "video": entry.video.url if entry.video is not None else None,
    }
