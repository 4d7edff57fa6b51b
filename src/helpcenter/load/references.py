"""The checks across files: categories, related entries, featured entries, links between entries, old addresses."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from helpcenter.load.markdown_fields import NamedLink
from helpcenter.load.site_addresses import is_site_file, page_names, site_folder
from helpcenter.model import CONTACT_LINK, Category, Entry, Settings
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
    taken: dict[str, str],
    problems: list[Problem],
    docs_dir: Path | None = None,
) -> None:
    """`taken`: site paths ('contact/') that hand-written pages have, and which page has each. With
    `docs_dir`, links to its pages and pictures must lead to files there."""
    pages = page_names(docs_dir) if docs_dir is not None else None
    category_ids = {category.id for category in categories}
    published_categories = category_ids & {raw.entry.category for raw in raw_entries}
    first_by_id: dict[str, RawEntry] = {}
    for raw in raw_entries:
        other = first_by_id.setdefault(raw.entry.id, raw)
        if other is not raw:
            problems.append(Problem(raw.entry.source, 1, "", (
                f"two entries have the id '{raw.entry.id}' (the other is {other.entry.source}); "
                "rename one of the files"
            )))
    links = settings.links if settings else None
    urls = dict(taken)
    urls.update({category.url: f"the category '{category.id}'" for category in categories})
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
        for field in ("related", "redirect_from"):
            for repeated in repeated_items(getattr(entry, field)):
                problems.append(Problem(source, raw.lines[field], field, (
                    f"'{repeated}' is listed twice; remove one of the two"
                )))
        for related in dict.fromkeys(entry.related):
            if related == entry.id:
                problems.append(
                    Problem(source, raw.lines["related"], "related", "an entry cannot be related to itself")
                )
            elif related not in entry_ids:
                candidates = entry_ids - {entry.id} - set(entry.related)
                hint = missing_entry_hint(related, candidates, "remove it from the list")
                problems.append(Problem(source, raw.lines["related"], "related", (
                    f"no entry has the id '{related}'{hint}"
                )))
        if entry.id == "index":
            problems.append(Problem(source, 1, "", (
                "'index' is the name of the category's own page; rename the file"
            )))
        if entry.url in taken:
            problems.append(Problem(source, 1, "", (
                f"/{entry.url} is the address of {taken[entry.url]}; rename one of the two"
            )))
        for old_url in dict.fromkeys(entry.redirect_from):
            taken_by = urls.setdefault(old_url, source)
            if old_url == entry.url:
                problems.append(Problem(source, raw.lines["redirect_from"], "redirect_from", (
                    f"'{old_url}' is this entry's own address; remove it from redirect_from"
                )))
            elif site_folder(old_url):
                problems.append(Problem(source, raw.lines["redirect_from"], "redirect_from", (
                    f"'{old_url}' is inside {site_folder(old_url)}; remove it from redirect_from"
                )))
            elif taken_by != source:
                problems.append(Problem(source, raw.lines["redirect_from"], "redirect_from", (
                    f"'{old_url}' is already the address of {taken_by}; remove it from redirect_from"
                )))
        thumbnail = entry.video.thumbnail if entry.video else None
        if docs_dir is not None and thumbnail and not is_site_file(docs_dir, thumbnail):
            problems.append(Problem(source, raw.lines["video"], "video.thumbnail", (
                f"no picture at {docs_dir.name}/{thumbnail}; add the file there or correct the path"
            )))
        check_named_links(source, raw.named_links, links, pages, docs_dir, problems,
                          partial(_entry_link_problem, entry_ids - {entry.id}, entry_ids),
                          partial(category_link_problem, category_ids, published_categories))
    _check_titles(raw_entries, problems)


def _entry_link_problem(others: set[str], entry_ids: set[str], name: str) -> str | None:
    if name in entry_ids:
        return None
    return f"no entry has the id '{name}'" + missing_entry_hint(name, others, "remove the link or point it at another")


def category_link_problem(category_ids: set[str], published: set[str], name: str) -> str | None:
    if name in published:
        return None
    state = "has no entries, so no page" if name in category_ids else "does not exist"
    hint = did_you_mean(name, published)
    return f"the category '{name}' {state}{hint}; link to a category of faq_data/categories.yml"


def check_named_links(
    source: str, named_links: list[NamedLink], links: Mapping[str, str] | None, pages: set[str] | None,
    docs_dir: Path | None, problems: list[Problem], entry_problem: Callable[[str], str | None],
    category_problem: Callable[[str], str | None],
) -> None:
    """Each `link:`, `page:`, `category:` and picture leads to something that exists; `entry_problem`
    and `category_problem` say why an `entry:` or `category:` link's target cannot be linked to, or None."""
    for link in named_links:
        if link.scheme == "link":
            if links is not None and link.name not in links and link.name != CONTACT_LINK:
                hint = (did_you_mean(link.name, [*links, CONTACT_LINK])
                        or "; define it under 'links' in faq_data/settings.yml")
                problems.append(Problem(source, link.line, link.field, f"no link is named '{link.name}'{hint}"))
        elif link.scheme == "page":
            if pages is not None and link.name not in pages:
                hint = did_you_mean(link.name, pages) or f"; the pages are {', '.join(sorted(pages)) or 'none'}"
                problems.append(Problem(source, link.line, link.field, f"no page docs/{link.name}.md{hint}"))
        elif link.scheme == "picture":
            if docs_dir is not None and not is_site_file(docs_dir, link.name):
                problems.append(Problem(source, link.line, link.field, (
                    f"no picture at {docs_dir.name}/{link.name}; add the file there (such as "
                    "docs/assets/pictures/) or correct the path"
                )))
        else:
            message = (category_problem if link.scheme == "category" else entry_problem)(link.name)
            if message:
                problems.append(Problem(source, link.line, link.field, message))


def _check_titles(raw_entries: list[RawEntry], problems: list[Problem]) -> None:
    """Two questions with the same title cannot be told apart, by customers or by search engines."""
    first_by_title: dict[str, RawEntry] = {}
    for raw in raw_entries:
        other = first_by_title.setdefault(" ".join(raw.entry.title.casefold().split()), raw)
        if other is not raw and other.entry.id != raw.entry.id:  # a copy of an entry is reported by its id
            problems.append(Problem(raw.entry.source, raw.lines["title"], "title", (
                f"{other.entry.source} has the same title; make each question say what sets it apart"
            )))


def repeated_items(items: tuple[str, ...]) -> list[str]:
    """The items listed more than once, each named once, in the order of their second listing."""
    seen: set[str] = set()
    repeated: dict[str, None] = {}
    for item in items:
        if item in seen:
            repeated[item] = None
        seen.add(item)
    return list(repeated)


def missing_entry_hint(name: str, candidates: set[str], remove: str) -> str:
    """'did you mean' among entries that would make sense there, else what to do if the entry is gone."""
    return did_you_mean(name, candidates) or f"; if that entry was retired, {remove}"


def check_categories(
    categories: list[Category],
    category_lines: dict[str, dict[str, int]],
    shown: str,
    raw_entries: list[RawEntry],
    taken: dict[str, str],
    problems: list[Problem],
) -> None:
    """Each category has its own place on the home page and its own address, and its old addresses are
    no one else's."""
    for category in categories:
        owner = taken.get(category.url) or site_folder(category.url)
        if owner:
            problems.append(Problem(shown, category_lines[category.id].get("title", 0), category.id, (
                f"the category's address /{category.url} is the address of {owner}; choose another id"
            )))
    first_by_order: dict[int, Category] = {}
    for category in categories:
        other = first_by_order.setdefault(category.order, category)
        if other is not category:
            problems.append(Problem(shown, category_lines[category.id]["order"], f"{category.id}.order", (
                f"the category '{other.id}' has the order {category.order} too; give each category its own number"
            )))
        for repeated in repeated_items(category.redirect_from):
            problems.append(Problem(shown, category_lines[category.id]["redirect_from"], f"{category.id}.redirect_from",
                                    f"'{repeated}' is listed twice; remove one of the two"))
    urls = dict(taken)
    urls.update({category.url: f"the category '{category.id}'" for category in categories})
    for raw in raw_entries:
        urls[raw.entry.url] = raw.entry.source
        for old_url in raw.entry.redirect_from:
            urls.setdefault(old_url, raw.entry.source)
    for category in categories:
        for old_url in category.redirect_from:
            taken_by = urls.setdefault(old_url, f"the category '{category.id}'")
            if site_folder(old_url):
                taken_by = site_folder(old_url) or ""
            if taken_by != f"the category '{category.id}'":
                line = category_lines[category.id].get("redirect_from", 0)
                problems.append(Problem(shown, line, f"{category.id}.redirect_from", (
                    f"'{old_url}' is already the address of {taken_by}; remove it from redirect_from"
                )))


def check_featured(
    settings: Settings, lines: dict[str, int], shown: str, entry_ids: set[str], problems: list[Problem]
) -> None:
    for repeated in repeated_items(settings.featured):
        problems.append(
            Problem(shown, lines["featured"], "featured", f"'{repeated}' is listed twice; remove one of the two")
        )
    for featured in dict.fromkeys(settings.featured):
        if featured not in entry_ids:
            hint = missing_entry_hint(featured, entry_ids - set(settings.featured), "remove it from the list")
            problems.append(Problem(shown, lines["featured"], "featured", f"no entry has the id '{featured}'{hint}"))
