"""Loading and validating the whole `faq_data/` folder into a `HelpCenter`, reporting every problem at once."""

from __future__ import annotations

import gc
import os
from contextlib import contextmanager
from dataclasses import dataclass, fields
from functools import lru_cache, partial
from pathlib import Path
from typing import Any, Iterator, NamedTuple

import yaml

from .fields import Reader, is_id, is_mail_url, is_web_url
from .html_policy import LINK_SCHEMES, link_findings, markdown_findings, plain_link_targets, plain_links
from .markdown_links import link_targets
from .model import Category, Contact, Entry, HelpCenter, Settings, Video
from .problems import ContentError, Problem, did_you_mean
from .quick_fields import read_fields, read_quickly
from .spec import CATEGORY_FIELDS, ENTRY_FIELDS, ID_HINT, SETTINGS_FIELDS, VIDEO_FIELDS, VIDEO_URL_HINT
from .video import parse_video_url
from .yaml_source import line_of, read_yaml, repeated_key_problems

SETTINGS_FILE = "settings.yml"
CATEGORIES_FILE = "categories.yml"
ENTRIES_FOLDER = "entries"
ENTRY_SUFFIXES = (".yml", ".yaml")
_REQUIRED_ENTRY_FIELDS = frozenset(field.name for field in ENTRY_FIELDS if field.required)


class _NamedLink(NamedTuple):
    """A link such as [text](entry:ID) or [text](link:NAME) in a Markdown field, and where it is."""

    scheme: str
    name: str
    field: str
    line: int
    """The link's line, or with `text`, the line the field's text starts on."""
    text: str | None
    """The field's text, if the line is still to be worked out (only a link that leads nowhere needs it)."""
    index: int
    """Which of the text's plain links it is."""

    @property
    def exact_line(self) -> int:
        return self.line if self.text is None else _link_line(self.line, self.text, self.index)


def _link_line(first_line: int, text: str, index: int) -> int:
    """The line of the plain link number `index` of a text starting on `first_line`."""
    return first_line + plain_links(text)[index].line_offset  # type: ignore[index]


# A _NamedLink from a tuple, without the Python call its constructor makes.
_new_named_link = partial(tuple.__new__, _NamedLink)


@dataclass(slots=True)
class _RawEntry:
    """An entry read from its file, before cross-references are checked."""

    entry: Entry
    lines: dict[str, int]
    named_links: list[_NamedLink]
    """The links of its Markdown to other entries and to shared links, checked once every file is read."""
    folder: str


def load_help_center(data_dir: Path, project_root: Path | None = None) -> HelpCenter:
    """Read and validate every file under `data_dir`; raise `ContentError` listing all problems."""
    help_center, problems = check_help_center(data_dir, project_root)
    if problems or help_center is None:
        raise ContentError(problems)
    return help_center


def check_help_center(data_dir: Path, project_root: Path | None = None) -> tuple[HelpCenter | None, list[Problem]]:
    """The help center in `data_dir`, or None and every problem found in it, sorted."""
    with _without_cycle_collection():
        return _check_help_center(data_dir, project_root)


@contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """Reading allocates a few hundred objects per file, freed as soon as the file is read; none
    forms a reference cycle, so the cycle collector's passes over the growing heap (a tenth of the
    time for 10,000 entries) find nothing. Garbage is collected as usual once the check is done."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _check_help_center(data_dir: Path, project_root: Path | None) -> tuple[HelpCenter | None, list[Problem]]:
    root = project_root or data_dir.parent
    problems: list[Problem] = []
    if not data_dir.is_dir():
        return None, [Problem(_shown(data_dir, root), 0, "", "the content folder does not exist")]
    settings, settings_lines = _load_settings(data_dir / SETTINGS_FILE, root, problems)
    categories, category_redirect_lines = _load_categories(data_dir / CATEGORIES_FILE, root, problems)
    raw_entries, entry_ids = _load_entries(data_dir / ENTRIES_FOLDER, root, problems)
    _check_references(settings, categories, raw_entries, entry_ids, problems)
    _check_category_redirects(
        categories, category_redirect_lines, _shown(data_dir / CATEGORIES_FILE, root), raw_entries, problems
    )
    if settings is not None:
        _check_featured(settings, settings_lines, _shown(data_dir / SETTINGS_FILE, root), entry_ids, problems)
    if problems or settings is None:
        return None, sorted(set(problems))
    category_order = {category.id: category.order for category in categories}
    entries = sorted(
        (raw.entry for raw in raw_entries),
        key=lambda entry: (category_order[entry.category], entry.title.casefold(), entry.id),
    )
    ordered_categories = sorted(categories, key=lambda category: (category.order, category.title))
    return HelpCenter(settings, tuple(ordered_categories), tuple(entries)), []


def _shown(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _load_settings(path: Path, root: Path, problems: list[Problem]) -> tuple[Settings | None, dict[str, int]]:
    document, found = read_yaml(path, _shown(path, root)) if path.is_file() else (None, [
        Problem(_shown(path, root), 0, "", "missing: the site settings file is required")
    ])
    problems.extend(found)
    if document is None:
        return None, {}
    reader = Reader(document.path, problems, check_control_characters=document.may_hold_control_characters)
    known_problems = len(problems)
    values, lines = read_fields(reader, document.root, SETTINGS_FIELDS)
    _check_markdown(reader.path, reader.markdown, reader.text_lines, problems)  # markup only: where links lead is not checked
    if len(problems) > known_problems:
        return None, lines
    return Settings(
        home_title=values["home"]["title"],
        home_intro=values["home"].get("intro", ""),
        contact=Contact(values["contact"]["email"], values["contact"].get("hours")),
        featured=values.get("featured", ()),
        links=values.get("links", {}),
    ), lines


def _load_categories(path: Path, root: Path, problems: list[Problem]) -> tuple[list[Category], dict[str, int]]:
    """The categories that could be read, and the line of each category's redirect_from."""
    shown = _shown(path, root)
    if not path.is_file():
        problems.append(Problem(shown, 0, "", "missing: the categories file is required"))
        return [], {}
    document, found = read_yaml(path, shown)
    problems.extend(found)
    if document is None:
        return [], {}
    reader = Reader(shown, problems, check_control_characters=document.may_hold_control_characters)
    if not isinstance(document.root, yaml.MappingNode):
        reader.problem(document.root, "", "expected one group of fields per category, each under its id")
        return [], {}
    categories = []
    redirect_lines: dict[str, int] = {}
    for key_node, value_node in document.root.value:
        category_id = str(getattr(key_node, "value", ""))
        if not is_id(category_id):
            reader.problem(key_node, category_id, f"a category id uses {ID_HINT}")
            continue
        values, lines = read_fields(reader, value_node, CATEGORY_FIELDS, f"{category_id}.")
        if all(field.name in values for field in CATEGORY_FIELDS if field.required):
            categories.append(Category(id=category_id, **values))
            redirect_lines[category_id] = lines.get("redirect_from", 0)
    if not document.root.value:
        reader.problem(document.root, "", "no categories are defined; add at least one")
    return categories, redirect_lines


def _load_entries(folder: Path, root: Path, problems: list[Problem]) -> tuple[list[_RawEntry], set[str]]:
    """The entries that could be read, and the id of every entry file, readable or not.

    Cross-references are checked against every file's id, so one broken file is reported once,
    not again by each entry that links to it.
    """
    if not folder.is_dir():
        problems.append(Problem(_shown(folder, root), 0, "", "missing: the folder of entries is required"))
        return [], set()
    entries = []
    entry_ids: set[str] = set()
    shown_folder = _shown(folder, root)
    for subfolder, names in _visible_files(str(folder)):
        # subfolder: '' or 'account/', relative to the folder of entries
        shown_prefix, path_prefix = f"{shown_folder}/{subfolder}", f"{folder}{os.sep}{subfolder}"
        relative_folder = subfolder[:-1] or "."
        for name in names:
            stem, dot, suffix = name.rpartition(".")
            if not dot or not stem or f".{suffix}" not in ENTRY_SUFFIXES:
                problems.append(Problem(
                    shown_prefix + name, 0, "", "not an entry: entry files end in .yml; rename or remove it"
                ))
                continue
            if not is_id(stem):
                problems.append(Problem(
                    shown_prefix + name, 0, "", f"the file name is the entry's id and its address: use {ID_HINT}"
                ))
                continue
            entry_ids.add(stem)
            raw = _load_entry(path_prefix + name, stem, shown_prefix + name, relative_folder, problems)
            if raw is not None:
                entries.append(raw)
    return entries, entry_ids


def _visible_files(folder: str, subfolder: str = "") -> Iterator[tuple[str, list[str]]]:
    """Each folder under `folder` (as '' or 'name/.../') and the names of its files, outside hidden
    files and folders, in the order of their paths (the folder 'b' before the file 'b.yml').

    What `os.walk` finds (a link to a folder is neither followed nor a file; a folder that cannot be
    read is left out), with one `os.scandir` per folder and plain strings: pathlib's objects would
    cost more than the rest of finding 10,000 files.
    """
    files: list[str] = []
    folders: set[str] = set()
    try:
        with os.scandir(f"{folder}{os.sep}{subfolder}") as found:
            for child in found:
                if child.name.startswith("."):
                    continue
                try:
                    is_folder = child.is_dir()
                except OSError:
                    is_folder = False
                if not is_folder:
                    files.append(child.name)
                elif not child.is_symlink():
                    folders.add(child.name)
    except OSError:
        return
    names: list[str] = []
    for name in sorted(files + list(folders)) if folders else sorted(files):
        if name in folders:
            if names:
                yield subfolder, names
                names = []
            yield from _visible_files(folder, f"{subfolder}{name}/")
        else:
            names.append(name)
    if names:
        yield subfolder, names


def _load_entry(path: str, entry_id: str, shown: str, relative_folder: str, problems: list[Problem]) -> _RawEntry | None:
    """The entry in the file at `path`, whose name `entry_id` is a valid id."""
    document, found = read_yaml(path, shown, check_keys=False)
    if document is None:
        problems.extend(found)
        return None
    check_controls = document.may_hold_control_characters
    quick = read_quickly(document.root, ENTRY_FIELDS, "", check_controls)
    if quick is not None:
        values, lines, text_lines, markdown = quick.values, quick.lines, quick.text_lines, quick.markdown
    else:
        repeated_keys = repeated_key_problems(document)
        if repeated_keys:
            problems.extend(repeated_keys)
            return None
        reader = Reader(shown, problems, check_control_characters=check_controls)
        values, lines = reader.read_mapping(document.root, ENTRY_FIELDS)
        text_lines, markdown = reader.text_lines, reader.markdown
    if not values.keys() >= _REQUIRED_ENTRY_FIELDS:
        return None
    video = None
    if "video" in values:
        video = _read_video(values.pop("video"), document.root, shown, problems)
        if video is None:
            return None
    values["id"], values["source"], values["video"] = entry_id, shown, video
    entry = _new_entry(values)
    named_links: list[_NamedLink] = []
    if markdown:
        _check_markdown(shown, markdown, text_lines, problems, named_links)
    return _RawEntry(entry, lines, named_links, relative_folder)


_ENTRY_DEFAULTS: dict[str, Any] = {field.name: field.default for field in fields(Entry)}


def _new_entry(values: dict[str, Any]) -> Entry:
    """`Entry(**values)` for the values of every required field, made without calling `Entry.__init__`.

    A frozen dataclass's __init__ sets each field with a call to object.__setattr__: for the fifteen
    of an entry, that cost more than anything else done with an entry once it was read. The entry
    gets the same attributes (a test compares the two).
    """
    entry: Entry = object.__new__(Entry)
    state = _ENTRY_DEFAULTS.copy()
    state.update(values)
    object.__setattr__(entry, "__dict__", state)
    return entry


def _check_markdown(
    path: str,
    markdown: dict[str, str],
    text_lines: dict[str, int],
    problems: list[Problem],
    named_links: list[_NamedLink] | None = None,
) -> None:
    """The raw HTML, attributes and link addresses in the file's Markdown that the site does not allow.

    With `named_links`, where links lead is checked too: a web or e-mail address must be well
    formed, and a link to an entry or a shared link is added to `named_links`, to be checked once
    every file is read. (Other schemes are refused with the markup of the field.)
    """
    for field, text in markdown.items():
        targets = plain_link_targets(text)
        if targets is None:
            findings = markdown_findings(text, "list_item" if field.startswith("steps[") else "block")
            problems.extend(
                Problem(path, text_lines[field] + finding.line_offset, field, finding.message) for finding in findings
            )
            if named_links is not None:
                for link in link_targets(text):
                    _check_link(path, field, text_lines[field] + link.line_offset, link.target, link.scheme,
                                None, 0, named_links, problems)
            continue
        if not targets:
            continue
        first_line = text_lines[field]
        unusual = False
        for index, (address, scheme, _) in enumerate(targets):
            scheme = scheme.lower()
            if scheme not in LINK_SCHEMES:
                unusual = unusual or scheme != ""
            elif named_links is not None:
                _check_link(path, field, first_line, address, scheme, text, index, named_links, problems)
        if unusual:
            problems.extend(
                Problem(path, first_line + finding.line_offset, field, finding.message)
                for finding in link_findings(plain_links(text))  # type: ignore[arg-type]
            )


def _check_link(
    path: str, field: str, line: int, address: str, scheme: str, text: str | None, index: int,
    named_links: list[_NamedLink], problems: list[Problem],
) -> None:
    """A web or e-mail address must be well formed; a link to an entry or a shared link is kept to be
    checked once every file is read. With `text`, `line` is the text's first line and the link is
    plain link number `index` of the text: its own line is worked out only for a problem.
    (Other schemes are refused with the markup of the field.)"""
    if scheme == "link" or scheme == "entry":
        named_links.append(_new_named_link((scheme, address[len(scheme) + 1:], field, line, text, index)))
    elif scheme == "https" or scheme == "http":
        if not _is_web_url(address):
            line = line if text is None else _link_line(line, text, index)
            problems.append(Problem(path, line, field, f"malformed web address '{address}'"))
    elif scheme == "mailto" and not is_mail_url(address):
        line = line if text is None else _link_line(line, text, index)
        problems.append(Problem(path, line, field, f"malformed e-mail link '{address}'"))


# Help centers link to the same few pages again and again: each address is parsed once.
_is_web_url = lru_cache(maxsize=4096)(is_web_url)


def _read_video(values: dict[str, Any], root_node: Any, path: str, problems: list[Problem]) -> Video | None:
    if any(field.required and field.name not in values for field in VIDEO_FIELDS):
        return None
    parsed = parse_video_url(values["url"])
    if parsed is None:
        line = _value_line(root_node, "video", "url")
        problems.append(Problem(path, line, "video.url", f"expected {VIDEO_URL_HINT}, got '{values['url']}'"))
        return None
    provider, video_id, private_hash = parsed
    return Video(provider=provider, video_id=video_id, vimeo_hash=private_hash, **values)


def _value_line(root_node: Any, *keys: str) -> int:
    node = root_node
    for key in keys:
        node = next(value for key_node, value in node.value if key_node.value == key)
    return line_of(node)


def _check_references(
    settings: Settings | None,
    categories: list[Category],
    raw_entries: list[_RawEntry],
    entry_ids: set[str],
    problems: list[Problem],
) -> None:
    category_ids = {category.id for category in categories}
    if len({raw.entry.id for raw in raw_entries}) != len(raw_entries):
        first_by_id: dict[str, _RawEntry] = {}
        for raw in raw_entries:
            other = first_by_id.setdefault(raw.entry.id, raw)
            if other is not raw:
                problems.append(Problem(raw.entry.source, 1, "", (
                    f"two entries have the id '{raw.entry.id}' (the other is {other.entry.source}); "
                    "rename one of the files"
                )))
    links = settings.links if settings else None
    urls: dict[str, str] | None = None  # every address, made when the first old address is looked up
    for raw in raw_entries:
        entry = raw.entry
        source = entry.source
        if category_ids and entry.category not in category_ids:
            hint = did_you_mean(entry.category, category_ids) or f"; known categories: {', '.join(sorted(category_ids))}"
            problems.append(Problem(source, raw.lines["category"], "category", f"unknown category '{entry.category}'{hint}"))
        elif entry.category != raw.folder:
            problems.append(Problem(source, raw.lines["category"], "category", (
                f"the entry is in the folder '{raw.folder}' but its category is '{entry.category}'; "
                f"move the file to faq_data/{ENTRIES_FOLDER}/{entry.category}/ or change the category"
            )))
        for related in entry.related:
            if related == entry.id:
                problems.append(Problem(source, raw.lines["related"], "related", "an entry cannot be related to itself"))
            elif related not in entry_ids:
                problems.append(Problem(source, raw.lines["related"], "related", (
                    f"no entry has the id '{related}'{did_you_mean(related, entry_ids)}"
                )))
        if entry.redirect_from and urls is None:
            urls = {category.url: f"the category '{category.id}'" for category in categories}
            urls.update({other.entry.url: other.entry.source for other in raw_entries})
        for old_url in entry.redirect_from:
            taken_by = urls.setdefault(old_url, source)  # type: ignore[union-attr]
            if taken_by != source:
                problems.append(Problem(source, raw.lines["redirect_from"], "redirect_from", (
                    f"'{old_url}' is already the address of {taken_by}; remove it from redirect_from"
                )))
        for link in raw.named_links:
            if link.scheme == "link":
                if links is not None and link.name not in links:
                    hint = did_you_mean(link.name, links) or "; define it under 'links' in faq_data/settings.yml"
                    problems.append(Problem(source, link.exact_line, link.field, f"no link is named '{link.name}'{hint}"))
            elif link.name not in entry_ids:
                problems.append(Problem(source, link.exact_line, link.field, (
                    f"no entry has the id '{link.name}'{did_you_mean(link.name, entry_ids)}"
                )))


def _check_category_redirects(
    categories: list[Category],
    redirect_lines: dict[str, int],
    shown: str,
    raw_entries: list[_RawEntry],
    problems: list[Problem],
) -> None:
    """A category's old address must not be the address, or old address, of anything else."""
    if not any(category.redirect_from for category in categories):
        return
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


def _check_featured(
    settings: Settings, lines: dict[str, int], shown: str, entry_ids: set[str], problems: list[Problem]
) -> None:
    for featured in settings.featured:
        if featured not in entry_ids:
            problems.append(Problem(shown, lines["featured"], "featured", (
                f"no entry has the id '{featured}'{did_you_mean(featured, entry_ids)}"
            )))
