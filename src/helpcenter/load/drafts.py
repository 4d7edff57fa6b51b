"""The preview's help center while the content has problems: what is right is published, the rest are drafts.

A preview must start, and keep up, however unfinished the files are: an entry file with a problem
is shown as a draft that lists its problems, with the fields that were read without one. The build
never sees this: it refuses the problems, from the same loading.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from helpcenter.load.references import RawEntry
from helpcenter.load.site_addresses import site_folder
from helpcenter.model import Category, Contact, Entry, HelpCenter, Settings
from helpcenter.problems import Problem

STAND_IN_SETTINGS = Settings(home_title="Help center", home_intro="", contact=Contact(email=""))
"""The settings of a preview whose settings.yml cannot be read (its problems say why)."""
_FIELD_NAME = re.compile(r"[^.\[]*")


@dataclass(frozen=True)
class EntryFile:
    """What was read of one entry file whose name is an id, complete or not."""

    entry_id: str
    source: str
    folder: str
    values: dict[str, Any]
    """The values read without a problem of their own (a video as a `Video`)."""


def preview_help_center(
    settings: Settings | None,
    categories: list[Category],
    raw_entries: list[RawEntry],
    entry_files: list[EntryFile],
    problems: list[Problem],
    taken: dict[str, str],
) -> HelpCenter:
    """The entries without a problem, published; every other entry file that can have a page, a draft.

    A draft takes no address that is already someone's (a hand-written page, a category, another
    entry, the site's folders), keeps no old address, and relates and features only entries the
    preview shows.
    """
    by_source: dict[str, list[Problem]] = {}
    for problem in problems:
        by_source.setdefault(problem.path, []).append(problem)
    shown_categories = [
        category for category in categories if category.url not in taken and not site_folder(category.url)
    ]
    category_ids = {category.id for category in shown_categories}
    entries = {
        raw.entry.id: raw.entry for raw in raw_entries
        if raw.entry.source not in by_source and raw.entry.category in category_ids
    }
    urls = set(taken) | {category.url for category in shown_categories} | {entry.url for entry in entries.values()}
    drafts: dict[str, tuple[Problem, ...]] = {}
    for entry_file in entry_files:
        file_problems = by_source.get(entry_file.source)
        if not file_problems or entry_file.entry_id in entries:
            continue
        draft = _draft(entry_file, file_problems, category_ids)
        if draft is None or draft.url in urls or site_folder(draft.url):
            continue
        entries[draft.id] = draft
        urls.add(draft.url)
        drafts[draft.id] = tuple(file_problems)
    shown = set(entries)
    kept = [replace(entry, related=_only(entry.related, shown - {entry.id})) for entry in entries.values()]
    settings = settings or STAND_IN_SETTINGS
    settings = replace(settings, featured=_only(settings.featured, shown))
    return HelpCenter.of(settings, shown_categories, kept, drafts)


def _draft(entry_file: EntryFile, problems: list[Problem], category_ids: set[str]) -> Entry | None:
    """The entry with the fields that have no problem, and blanks for the others; None if it has no category
    to be shown in."""
    wrong = {match.group() for problem in problems if (match := _FIELD_NAME.match(problem.field))}
    values = {name: value for name, value in entry_file.values.items() if name not in wrong}
    category = values.get("category")
    if category != entry_file.folder or category not in category_ids:
        category = entry_file.folder if entry_file.folder in category_ids else None
    if category is None:
        return None
    values.pop("redirect_from", None)
    return Entry(**{
        "title": entry_file.entry_id, "summary": "", "reviewed": date.today(), "owner": "", "answer": "",
        **values, "id": entry_file.entry_id, "source": entry_file.source, "category": category,
    })


def _only(ids: Iterable[str], shown: set[str]) -> tuple[str, ...]:
    return tuple(entry_id for entry_id in ids if entry_id in shown)
