"""The checks across files: categories, related entries, featured entries, links between entries, old addresses."""

from __future__ import annotations

from dataclasses import dataclass

from helpcenter.load.markdown_fields import NamedLink
from helpcenter.model import Category, Entry, Settings
from helpcenter.problems import Problem, did_you_mean

ENTRIES_FOLDER = "entries"


@dataclass
class RawEntry:
    """An entry read from its file, before cross-references are checked."""

    entry: Entry
    lines: dict[str, int]
    named_links: list[NamedLink]
    """The links of its Markdown to other entries and to shared links, checked once every file is read."""
    folder: str


def check_references(
    settings: Settings | None,
    categories: list[Category],
    raw_entries: list[RawEntry],
    entry_ids: set[str],
    problems: list[Problem],
) -> None:
    category_ids = {category.id for category in categories}
    first_by_id: dict[str, RawEntry] = {}
    for raw in raw_entries:
        other = first_by_id.setdefault(raw.entry.id, raw)
        if other is not raw:
            problems.append(Problem(raw.entry.source, 1, "", (
                f"two entries have the id '{raw.entry.id}' (the other is {other.entry.source}); "
                "rename one of the files"
            )))
    links = settings.links if settings else None
    urls = {category.url: f"the category '{category.id}'" for category in categories}
    urls.update({raw.entry.url: raw.entry.source for raw in raw_entries})
    for raw in raw_entries:
        entry = raw.entry
        source = entry.source
        if category_ids and entry.category not in category_ids:
            hint = (
                did_you_mean(entry.category, category_ids) or f"; known categories: {', '.join(sorted(category_ids))}"
            )
            problems.append(
                Problem(source, raw.lines["category"], "category", f"unknown category '{entry.category}'{hint}")
            )
        elif entry.category != raw.folder:
            problems.append(Problem(source, raw.lines["category"], "category", (
                f"the entry is in the folder '{raw.folder}' but its category is '{entry.category}'; "
                f"move the file to faq_data/{ENTRIES_FOLDER}/{entry.category}/ or change the category"
            )))
        for related in entry.related:
            if related == entry.id:
                problems.append(
                    Problem(source, raw.lines["related"], "related", "an entry cannot be related to itself")
                )
            elif related not in entry_ids:
                problems.append(Problem(source, raw.lines["related"], "related", (
                    f"no entry has the id '{related}'{did_you_mean(related, entry_ids)}"
                )))
        for old_url in entry.redirect_from:
            taken_by = urls.setdefault(old_url, source)
            if taken_by != source:
                problems.append(Problem(source, raw.lines["redirect_from"], "redirect_from", (
                    f"'{old_url}' is already the address of {taken_by}; remove it from redirect_from"
                )))
        for link in raw.named_links:
            if link.scheme == "link":
                if links is not None and link.name not in links:
                    hint = did_you_mean(link.name, links) or "; define it under 'links' in faq_data/settings.yml"
                    problems.append(Problem(source, link.line, link.field, f"no link is named '{link.name}'{hint}"))
            elif link.name not in entry_ids:
                problems.append(Problem(source, link.line, link.field, (
                    f"no entry has the id '{link.name}'{did_you_mean(link.name, entry_ids)}"
                )))


def check_category_redirects(
    categories: list[Category],
    redirect_lines: dict[str, int],
    shown: str,
    raw_entries: list[RawEntry],
    problems: list[Problem],
) -> None:
    """A category's old address must not be the address, or old address, of anything else."""
    urls: dict[str, str] = {category.url: f"the category '{category.id}'" for category in categories}
    for raw in raw_entries:
        urls[raw.entry.url] = raw.entry.source
        for old_url in raw.entry.redirect_from:
            urls.setdefault(old_url, raw.entry.source)
    for category in categories:
        for old_url in category.redirect_from:
            taken_by = urls.setdefault(old_url, f"the category '{category.id}'")
            if taken_by != f"the category '{category.id}'":
                problems.append(Problem(shown, redirect_lines[category.id], f"{category.id}.redirect_from", (
                    f"'{old_url}' is already the address of {taken_by}; remove it from redirect_from"
                )))


def check_featured(
    settings: Settings, lines: dict[str, int], shown: str, entry_ids: set[str], problems: list[Problem]
) -> None:
    for featured in settings.featured:
        if featured not in entry_ids:
            problems.append(Problem(shown, lines["featured"], "featured", (
                f"no entry has the id '{featured}'{did_you_mean(featured, entry_ids)}"
            )))
