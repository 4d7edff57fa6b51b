"""Loading and validating the whole `faq_data/` folder into a `HelpCenter`, reporting every problem at once."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml

from helpcenter.load.drafts import EntryFile, preview_help_center
from helpcenter.load.fields import future_date, is_id
from helpcenter.load.languages import language_problem
from helpcenter.load.markdown_fields import NamedLink, check_markdown
from helpcenter.load.page_translations import PageTranslations, page_translations
from helpcenter.load.reader import Reader
from helpcenter.load.references import (
    ENTRIES_FOLDER,
    RawEntry,
    check_categories,
    check_featured,
    check_references,
    repeated_items,
)
from helpcenter.load.site_addresses import taken_addresses
from helpcenter.load.spec import CATEGORY_FIELDS, ENTRY_FIELDS, ID_HINT, SETTINGS_FIELDS, VIDEO_FIELDS, VIDEO_URL_HINT
from helpcenter.load.translation_files import (
    TranslationFile,
    entry_translation_file,
    is_translation_name,
    site_translation_files,
    usable_translations,
)
from helpcenter.load.translations import Translations, load_translations
from helpcenter.load.video import parse_video_url, start_seconds
from helpcenter.load.yaml_file import line_of, read_yaml
from helpcenter.model import CONTACT_LINK, Category, Contact, Entry, HelpCenter, Settings, Video
from helpcenter.problems import ContentError, Problem, shown_path

IconCheck = Callable[[str], "str | None"]
"""Why an icon name is no icon of the theme, or None if it is one."""

SETTINGS_FILE = "settings.yml"
CATEGORIES_FILE = "categories.yml"
ENTRY_SUFFIXES = (".yml", ".yaml")
_REQUIRED_ENTRY_FIELDS = frozenset(field.name for field in ENTRY_FIELDS if field.required)


def load_help_center(
    data_dir: Path, project_root: Path | None = None, docs_dir: Path | None = None,
    icon_problem: IconCheck | None = None,
) -> HelpCenter:
    """Read and validate every file under `data_dir`; raise `ContentError` listing all problems."""
    help_center, problems = check_help_center(data_dir, project_root, docs_dir, icon_problem)
    if problems or help_center is None:
        raise ContentError(problems)
    return help_center


def check_help_center(
    data_dir: Path, project_root: Path | None = None, docs_dir: Path | None = None,
    icon_problem: IconCheck | None = None, drafts: bool = False,
) -> tuple[HelpCenter | None, list[Problem]]:
    """The help center in `data_dir`, or None and every problem found in it, sorted.

    See `check_content` for `docs_dir`, `icon_problem` and `drafts`.
    """
    help_center, _, problems = check_content(data_dir, project_root, docs_dir, icon_problem, drafts)
    return (None if problems and not drafts else help_center), problems


def check_content(
    data_dir: Path, project_root: Path | None = None, docs_dir: Path | None = None,
    icon_problem: IconCheck | None = None, drafts: bool = False,
) -> tuple[HelpCenter | None, Translations | None, list[Problem]]:
    """The help center in `data_dir` with what could be read of its translations, and every problem
    found, sorted; the help center is None when the source files have problems.

    With `docs_dir`, no page of the content may take the address of a hand-written page there, and
    links to its pages and pictures must lead to its files; `icon_problem` says why a category's
    icon is not one of the theme's (the theme is the plugin's to know). With `drafts` (the preview),
    a help center comes with the problems: what is right is published, and each entry file with a
    problem is a draft that lists them (`load/drafts.py`).
    """
    root = project_root or data_dir.parent
    problems: list[Problem] = []
    if not data_dir.is_dir():
        return None, None, [Problem(shown_path(data_dir, root), 0, "", "the content folder does not exist")]
    settings, settings_lines = _load_settings(data_dir / SETTINGS_FILE, root, problems)
    categories, category_lines = _load_categories(data_dir / CATEGORIES_FILE, root, problems, icon_problem)
    translation_files = site_translation_files(data_dir, shown_path(data_dir, root))
    entry_files: list[EntryFile] | None = [] if drafts else None
    raw_entries, entry_ids = _load_entries(data_dir / ENTRIES_FOLDER, root, problems, translation_files, entry_files)
    taken = taken_addresses(docs_dir)
    check_references(settings, categories, raw_entries, entry_ids, taken, problems, docs_dir)
    check_categories(
        categories, category_lines, shown_path(data_dir / CATEGORIES_FILE, root), raw_entries, taken, problems
    )
    pages = PageTranslations({}, {})
    if settings is not None:
        check_featured(settings, settings_lines, shown_path(data_dir / SETTINGS_FILE, root), entry_ids, problems)
        if docs_dir is not None:
            pages = page_translations(docs_dir, settings.languages, shown_path(data_dir / SETTINGS_FILE, root),
                                      problems)
    if problems or settings is None:
        if settings is not None:  # the translations' names can be checked without their sources
            usable_translations(translation_files, settings.languages, shown_path(data_dir / SETTINGS_FILE, root),
                                problems)
        found = sorted(set(problems))
        if entry_files is not None:
            return preview_help_center(settings, categories, raw_entries, entry_files, found, taken), None, found
        return None, None, found
    source_files = {"settings": shown_path(data_dir / SETTINGS_FILE, root),
                    "categories": shown_path(data_dir / CATEGORIES_FILE, root)}
    translations = load_translations(
        translation_files, settings, source_files, categories, raw_entries, root, docs_dir, problems
    )
    translations.by_language = {language: replace(content, pages=pages.files.get(language, {}),
                                                  outdated_pages=pages.outdated.get(language, {}))
                                for language, content in translations.by_language.items()}
    help_center = HelpCenter.of(
        settings, categories, [raw.entry for raw in raw_entries], translations=translations.by_language
    )
    return help_center, translations, sorted(set(problems))


def _load_settings(path: Path, root: Path, problems: list[Problem]) -> tuple[Settings | None, dict[str, int]]:
    document, found = read_yaml(path, shown_path(path, root), root) if path.exists() else (None, [
        Problem(shown_path(path, root), 0, "", "missing: the site settings file is required")
    ])
    problems.extend(found)
    if document is None:
        return None, {}
    reader = Reader(document.path, problems, source=document.text)
    known_problems = len(problems)
    values, lines = reader.read_mapping(document.root, SETTINGS_FIELDS)
    # Markup only: where links lead is not checked.
    check_markdown(reader.path, reader.markdown, reader.text_lines, problems)
    if CONTACT_LINK in values.get("links", {}):
        reader.problem(lines["links"], f"links.{CONTACT_LINK}", (
            f"'{CONTACT_LINK}' is the support address of contact.email, for every help center: remove it from "
            f"links and write [text](link:{CONTACT_LINK})"
        ))
    for language in repeated_items(values.get("languages", ())):
        reader.problem(lines["languages"], "languages", f"'{language}' is listed twice; remove one of the two")
    for language in dict.fromkeys(values.get("languages", ())):
        wrong = language_problem(language)
        if wrong:
            reader.problem(lines["languages"], "languages", wrong)
    if len(problems) > known_problems:
        return None, lines
    return Settings(
        home_title=values["home"]["title"],
        home_intro=values["home"].get("intro", ""),
        contact=Contact(values["contact"]["email"], values["contact"].get("hours")),
        featured=values.get("featured", ()),
        links=values.get("links", {}),
        languages=values.get("languages", ()),
    ), lines


def _load_categories(
    path: Path, root: Path, problems: list[Problem], icon_problem: IconCheck | None = None
) -> tuple[list[Category], dict[str, dict[str, int]]]:
    """The categories that could be read, and the line of each field of each category."""
    shown = shown_path(path, root)
    if not path.exists():
        problems.append(Problem(shown, 0, "", "missing: the categories file is required"))
        return [], {}
    document, found = read_yaml(path, shown, root)
    problems.extend(found)
    if document is None:
        return [], {}
    reader = Reader(shown, problems, source=document.text)
    if not isinstance(document.root, yaml.MappingNode):
        reader.problem(document.root, "", "expected one group of fields per category, each under its id")
        return [], {}
    categories = []
    category_lines: dict[str, dict[str, int]] = {}
    for key_node, value_node in document.root.value:
        category_id = str(getattr(key_node, "value", ""))
        if not is_id(category_id):
            reader.problem(key_node, category_id, f"a category id uses {ID_HINT}")
            continue
        values, lines = reader.read_mapping(value_node, CATEGORY_FIELDS, f"{category_id}.")
        message = icon_problem(values["icon"]) if icon_problem and "icon" in values else None
        if message:
            reader.problem(lines["icon"], f"{category_id}.icon", message)
        if all(field.name in values for field in CATEGORY_FIELDS if field.required):
            categories.append(Category(id=category_id, **values))
            category_lines[category_id] = lines
    if not document.root.value:
        reader.problem(document.root, "", "no categories are defined; add at least one")
    return categories, category_lines


def _load_entries(
    folder: Path, root: Path, problems: list[Problem], translations: list[TranslationFile],
    entry_files: list[EntryFile] | None = None,
) -> tuple[list[RawEntry], set[str]]:
    """The entries that could be read, and the id of every entry file, readable or not; the files
    named as translations are added to `translations`, to be read once every source is; with
    `entry_files`, what was read of each file whose name is an id is added to it, for drafts.

    Cross-references are checked against every file's id, so one broken file is reported once,
    not again by each entry that links to it.
    """
    if not folder.is_dir():
        problems.append(Problem(shown_path(folder, root), 0, "", "missing: the folder of entries is required"))
        return [], set()
    entries = []
    entry_ids: set[str] = set()
    shown_folder = shown_path(folder, root)
    for relative_folder, name in _visible_files(folder, root, problems):
        # Plain strings: pathlib's objects, made for each of thousands of files, would cost more than reading them.
        inside = name if relative_folder == "." else f"{relative_folder}/{name}"
        path, shown = os.path.join(folder, inside), f"{shown_folder}/{inside}"
        stem, dot, suffix = name.rpartition(".")
        if not dot or not stem or f".{suffix}" not in ENTRY_SUFFIXES:
            problems.append(Problem(shown, 0, "", "not an entry: entry files end in .yml; rename or remove it"))
            continue
        if is_translation_name(stem):
            translations.append(entry_translation_file(path, shown, stem, relative_folder))
            continue
        if not is_id(stem):
            problems.append(Problem(shown, 0, "", f"the file name is the entry's id and its address: use {ID_HINT}"))
            continue
        entry_ids.add(stem)
        raw = _load_entry(path, stem, shown, relative_folder, root, problems, entry_files)
        if raw is not None:
            entries.append(raw)
    return entries, entry_ids


def _visible_files(folder: Path, root: Path, problems: list[Problem]) -> list[tuple[str, str]]:
    """The folder (relative to `folder`, POSIX, '.' for itself) and name of every file under `folder`
    outside hidden files and folders, in the order of their paths (the folder 'b' before the file
    'b.yml'). A link to a folder is not followed, and says so."""
    found: list[tuple[tuple[str, ...], str, str]] = []
    for parent, folders, names in os.walk(folder):
        relative = Path(parent).relative_to(folder).as_posix()
        parts = () if relative == "." else tuple(relative.split("/"))
        folders[:] = [name for name in folders if not name.startswith(".")]
        for name in folders:
            if os.path.islink(os.path.join(parent, name)):
                problems.append(Problem(shown_path(Path(parent, name), root), 0, "", (
                    "a symbolic link to a folder is not read; move the entries into a folder of their own here"
                )))
        found.extend(((*parts, name), relative, name) for name in names if not name.startswith("."))
    return [(relative, name) for _, relative, name in sorted(found)]


def _load_entry(
    path: str, entry_id: str, shown: str, relative_folder: str, root: Path, problems: list[Problem],
    entry_files: list[EntryFile] | None = None,
) -> RawEntry | None:
    """The entry in the file at `path`, whose name `entry_id` is a valid id."""
    document, found = read_yaml(path, shown, root)
    problems.extend(found)
    if document is None:
        if entry_files is not None:
            entry_files.append(EntryFile(entry_id, shown, relative_folder, {}))
        return None
    reader = Reader(shown, problems, source=document.text)
    values, lines = reader.read_mapping(document.root, ENTRY_FIELDS)
    # Markup and links are checked even in an unfinished entry: a preview shows it as a draft.
    named_links: list[NamedLink] = []
    check_markdown(shown, reader.markdown, reader.text_lines, problems, named_links)
    if entry_files is not None:  # the values as they are read on, a video as a `Video`
        entry_files.append(EntryFile(entry_id, shown, relative_folder, values))
    if "video" in values:
        video = _read_video(values.pop("video"), document.root, shown, problems)
        if video is None:
            return None
        values["video"] = video
    if not all(field.name in values for field in ENTRY_FIELDS if field.required):
        return None
    if future_date(values["reviewed"]):
        problems.append(Problem(shown, lines["reviewed"], "reviewed", (
            f"{values['reviewed'].isoformat()} is in the future; write the day the answer was last checked"
        )))
        return None
    entry = Entry(id=entry_id, source=shown, **values)
    return RawEntry(entry, lines, named_links, relative_folder)


def _read_video(values: dict[str, Any], root_node: Any, path: str, problems: list[Problem]) -> Video | None:
    if any(field.required and field.name not in values for field in VIDEO_FIELDS):
        return None
    parsed = parse_video_url(values["url"])
    if parsed is None:
        line = _value_line(root_node, "video", "url")
        problems.append(Problem(path, line, "video.url", f"expected {VIDEO_URL_HINT}, got '{values['url']}'"))
        return None
    provider, video_id, private_hash = parsed
    return Video(provider=provider, video_id=video_id, vimeo_hash=private_hash, start=start_seconds(values["url"]),
                 **values)


def _value_line(root_node: Any, *keys: str) -> int:
    node = root_node
    for key in keys:
        node = next(value for key_node, value in node.value if key_node.value == key)
    return line_of(node)
