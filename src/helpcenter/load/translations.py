"""Reading the translations of entries, categories and settings, and checking each against its source."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

import yaml

from helpcenter.load.fields import future_date
from helpcenter.load.fingerprint import category_fingerprint, entry_fingerprint, settings_fingerprint
from helpcenter.load.languages import language_name
from helpcenter.load.markdown_fields import NamedLink, check_markdown
from helpcenter.load.reader import Reader
from helpcenter.load.references import RawEntry, category_link_problem, check_named_links, missing_entry_hint
from helpcenter.load.site_addresses import page_names, site_folder
from helpcenter.load.spec import (
    CATEGORY_FIELDS,
    CATEGORY_TRANSLATION_FIELDS,
    ENTRY_FIELDS,
    ENTRY_TRANSLATION_FIELDS,
    SETTINGS_FIELDS,
    SETTINGS_TRANSLATION_FIELDS,
)
from helpcenter.load.translation_files import TranslationFile, usable_translations
from helpcenter.load.yaml_file import read_yaml
from helpcenter.model import (
    Category,
    CategoryTranslation,
    EntryTranslation,
    LanguageContent,
    Settings,
    SettingsTranslation,
)
from helpcenter.problems import Problem, did_you_mean


@dataclass(frozen=True)
class Orphan:
    """A translation whose source entry does not exist."""

    path: str
    language: str
    entry_id: str
    renamed_to: str | None
    """The entry's new id, when an entry lists the translation's old address in its redirect_from."""


@dataclass
class Translations:
    by_language: dict[str, LanguageContent]
    orphans: list[Orphan] = field(default_factory=list)


@dataclass
class _Read:
    """What was read of one language, before the links between its pages are checked."""

    entries: dict[str, EntryTranslation] = field(default_factory=dict)
    categories: dict[str, CategoryTranslation] = field(default_factory=dict)
    settings: SettingsTranslation | None = None
    links: list[tuple[str, list[NamedLink]]] = field(default_factory=list)
    redirects: list[tuple[str, int, str]] = field(default_factory=list)
    """(file, line, old address) of each translation's own old address."""


def load_translations(
    files: list[TranslationFile], settings: Settings, source_files: dict[str, str], categories: list[Category],
    raw_entries: list[RawEntry], root: Path, docs_dir: Path | None, problems: list[Problem],
) -> Translations:
    """Every translation in `files` read and checked; a problem for each mistake, a warning for none."""
    languages = settings.languages
    read = {language: _Read() for language in languages[1:]}
    sources = {raw.entry.id: raw for raw in raw_entries}
    orphans = []
    for file in usable_translations(files, languages, source_files["settings"], problems):
        into = read[file.language]
        if file.of == "settings" and not file.folder:
            into.settings = _read_settings(file, settings, source_files["settings"], root, problems)
        elif file.of == "categories" and not file.folder:
            into.categories = _read_categories(file, categories, source_files["categories"], root, problems)
        elif file.of not in sources:
            renamed = _renamed_to(file, raw_entries)
            orphans.append(Orphan(file.shown, file.language, file.of, renamed))
            hint = (f"; the entry was renamed to '{renamed}': rename this file to {renamed}.{file.language}.yml"
                    if renamed else missing_entry_hint(file.of, set(sources), "remove this file"))
            problems.append(Problem(file.shown, 0, "", f"translates '{file.of}', but no entry has that id{hint}"))
        elif sources[file.of].folder != file.folder:
            source = sources[file.of].entry.source
            problems.append(Problem(file.shown, 0, "", (
                f"a translation stays beside its source, {source}; move it into that folder"
            )))
        else:
            entry = _read_entry(file, sources[file.of], root, problems, into)
            if entry is not None:
                into.entries[entry.entry_id] = entry
    pages = page_names(docs_dir) if docs_dir is not None else None
    category_ids = {category.id for category in categories}
    for language, content in read.items():
        # A category has a page in a language when one of its entries is translated into it.
        published = {sources[entry_id].entry.category for entry_id in content.entries}
        for shown, links in content.links:
            check_named_links(shown, links, settings.links, pages, docs_dir, problems,
                              partial(_entry_link_problem, language, sources, content.entries),
                              partial(category_link_problem, category_ids, published))
    _check_own_redirects(read, categories, raw_entries, problems)
    return Translations({
        language: LanguageContent(language, content.entries, content.categories, content.settings)
        for language, content in read.items()
    }, orphans)


def _check_own_redirects(read: dict[str, _Read], categories: list[Category], raw_entries: list[RawEntry],
                         problems: list[Problem]) -> None:
    """A translation's own old address is no other page's address or old address, and given once."""
    urls = {category.url: f"the category '{category.id}'" for category in categories}
    for category in categories:
        urls.update(dict.fromkeys(category.redirect_from, f"the category '{category.id}'"))
    for raw in raw_entries:
        urls[raw.entry.url] = raw.entry.source
        urls.update(dict.fromkeys(raw.entry.redirect_from, raw.entry.source))
    for content in read.values():
        seen: set[tuple[str, str]] = set()
        for shown, line, old in content.redirects:
            taken_by = site_folder(old) or urls.setdefault(old, shown)
            if taken_by != shown:
                message = f"'{old}' is already the address of {taken_by}; remove it from redirect_from"
            elif (shown, old) in seen:
                message = f"'{old}' is listed twice; remove one of the two"
            else:
                seen.add((shown, old))
                continue
            problems.append(Problem(shown, line, "redirect_from", message))


def _entry_link_problem(
    language: str, sources: dict[str, RawEntry], translated: dict[str, EntryTranslation], name: str
) -> str | None:
    if name not in sources:
        return f"no entry has the id '{name}'" + missing_entry_hint(name, set(sources), "remove the link")
    if name not in translated:
        return (f"'{name}' has no {language_name(language)} translation, so this page cannot link to it; "
                f"translate it first (helpcenter new --locale {language} {name}) or remove the link")
    return None


def _renamed_to(file: TranslationFile, raw_entries: list[RawEntry]) -> str | None:
    old = f"{file.folder}/{file.of}/"
    for raw in raw_entries:
        if old in raw.entry.redirect_from or any(url.endswith(f"/{file.of}/") for url in raw.entry.redirect_from):
            return raw.entry.id
    return None


def _document(file: TranslationFile, root: Path, problems: list[Problem]) -> tuple[Reader, yaml.Node] | None:
    document, found = read_yaml(file.path, file.shown, root)
    problems.extend(found)
    if document is None:
        return None
    return Reader(file.shown, problems, source=document.text), document.root


def _read_entry(file: TranslationFile, raw: RawEntry, root: Path, problems: list[Problem],
                into: _Read) -> EntryTranslation | None:
    opened = _document(file, root, problems)
    if opened is None:
        return None
    reader, node = opened
    source = raw.entry
    node = _without_source_fields(reader, node, ENTRY_TRANSLATION_FIELDS, ENTRY_FIELDS, source.source)
    values, lines = reader.read_mapping(node, ENTRY_TRANSLATION_FIELDS)
    named: list[NamedLink] = []
    check_markdown(file.shown, reader.markdown, reader.text_lines, problems, named)
    into.links.append((file.shown, named))
    into.redirects += [(file.shown, lines["redirect_from"], old) for old in values.get("redirect_from", ())]
    if any(name not in values for name in ("source", "title", "summary", "answer")):
        return None
    steps, video = values.get("steps", ()), values.get("video", {})
    if source.steps and not steps:
        reader.problem(1, "steps", f"the source has {len(source.steps)} steps; translate them here")
    elif steps and not source.steps:
        reader.problem(lines["steps"], "steps", "the source has no steps; remove them here")
    if source.video and not video:
        reader.problem(1, "video", "the source has a video; translate its title and description here")
    elif video and not source.video:
        reader.problem(lines["video"], "video", "the source has no video; remove it here")
    return EntryTranslation(
        entry_id=source.id, language=file.language, source=file.shown, line=lines["source"],
        current=values["source"] == entry_fingerprint(source), title=values["title"], summary=values["summary"],
        answer=values["answer"], steps=steps, tags=values.get("tags", ()), also_asked=values.get("also_asked", ()),
        video_title=video.get("title"), video_description=video.get("description"),
        reviewed=_reviewed(reader, values, lines),
        redirect_from=values.get("redirect_from", ()),
    )


def _reviewed(reader: Reader, values: dict[str, Any], lines: dict[str, int]) -> date | None:
    day: date | None = values.get("reviewed")
    if day is not None and future_date(day):
        reader.problem(lines["reviewed"], "reviewed", f"{day.isoformat()} is in the future; write the day the "
                       "translation was last checked, or run 'helpcenter translations --reviewed FILE'")
    return day


def _read_categories(
    file: TranslationFile, categories: list[Category], source: str, root: Path, problems: list[Problem]
) -> dict[str, CategoryTranslation]:
    opened = _document(file, root, problems)
    if opened is None:
        return {}
    reader, node = opened
    if not isinstance(node, yaml.MappingNode):
        reader.problem(node, "", "expected one group of fields per category, each under its id")
        return {}
    by_id = {category.id: category for category in categories}
    translated = {}
    for key_node, value_node in node.value:
        category_id = str(getattr(key_node, "value", ""))
        category = by_id.get(category_id)
        if category is None:
            hint = did_you_mean(category_id, by_id) or f"; the categories are {', '.join(sorted(by_id))}"
            reader.problem(key_node, category_id, f"no category has this id{hint}")
            continue
        value_node = _without_source_fields(reader, value_node, CATEGORY_TRANSLATION_FIELDS, CATEGORY_FIELDS,
                                            source, f"{category_id}.")
        values, lines = reader.read_mapping(value_node, CATEGORY_TRANSLATION_FIELDS, f"{category_id}.")
        if all(name in values for name in ("source", "title", "description")):
            translated[category_id] = CategoryTranslation(
                category_id, values["title"], values["description"], file.shown, lines["source"],
                values["source"] == category_fingerprint(category),
            )
    return translated


def _read_settings(
    file: TranslationFile, settings: Settings, source: str, root: Path, problems: list[Problem]
) -> SettingsTranslation | None:
    opened = _document(file, root, problems)
    if opened is None:
        return None
    reader, node = opened
    node = _without_source_fields(reader, node, SETTINGS_TRANSLATION_FIELDS, SETTINGS_FIELDS, source)
    known = len(problems)
    values, lines = reader.read_mapping(node, SETTINGS_TRANSLATION_FIELDS)
    check_markdown(file.shown, reader.markdown, reader.text_lines, problems)
    if len(problems) > known:
        return None
    return SettingsTranslation(
        home_title=values["home"]["title"], home_intro=values["home"].get("intro", ""),
        contact_hours=values.get("contact", {}).get("hours"), interface=values.get("interface", {}),
        source=file.shown, line=lines["source"], current=values["source"] == settings_fingerprint(settings),
    )


def _without_source_fields(
    reader: Reader, node: Any, translated: tuple[Any, ...], fields: tuple[Any, ...], source: str, prefix: str = ""
) -> Any:
    """The node without the fields that only the source has, each reported with its fix."""
    if not isinstance(node, yaml.MappingNode):
        return node
    kept = {field.name: field for field in translated}
    in_source = {field.name: field for field in fields}
    pairs = []
    for key_node, value_node in node.value:
        name = str(getattr(key_node, "value", ""))
        if name in kept and kept[name].kind == "mapping" and name in in_source:
            value_node = _without_source_fields(
                reader, value_node, kept[name].fields, in_source[name].fields, source, f"{prefix}{name}."
            )
        elif name in in_source and name not in kept:
            reader.problem(key_node, prefix + name, (
                f"comes from the source, {source}, and is the same in every language; remove it here"
            ))
            continue
        pairs.append((key_node, value_node))
    return yaml.MappingNode(node.tag, pairs, node.start_mark, node.end_mark, flow_style=node.flow_style)
