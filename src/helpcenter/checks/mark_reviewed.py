"""Marking a translation reviewed: its `source` fingerprint becomes the source's current one, an entry's
translation is dated `reviewed` today, and not one other byte of the file changes (comments, spacing and
line endings stay as the translator left them); a hand-written page's translation gets the fingerprint of
the page's text in its front matter."""

from __future__ import annotations

import codecs
from datetime import date
from pathlib import Path

import yaml

from helpcenter.load.fingerprint import category_fingerprint, entry_fingerprint, settings_fingerprint
from helpcenter.load.page_text import front_matter_line, page_text_fingerprint, split_front_matter
from helpcenter.load.site_addresses import page_translation_name
from helpcenter.load.translation_files import SITE_FILES, is_translation_name
from helpcenter.load.yaml_file import read_yaml
from helpcenter.model import HelpCenter

_ADDED = "added"
"""The tag of a line added to the file, as an empty node where it goes."""


class ReviewError(Exception):
    """The file cannot be marked; the message says why and what to do."""


def mark_reviewed(path: Path, shown: str, help_center: HelpCenter, data_dir: Path, today: date | None = None) -> int:
    """Write the current fingerprints into the translation at `path`, and `today` as an entry translation's
    `reviewed` date; the number of values changed."""
    stem = path.name.rpartition(".")[0]
    if not path.name.endswith((".yml", ".yaml")) or not is_translation_name(stem):
        raise ReviewError(f"{shown} is not a translation: its name is ID.LANGUAGE.yml, such as reset-2fa.de.yml")
    of = stem.partition(".")[0]
    document, problems = read_yaml(path, shown)
    if document is None:
        raise ReviewError(str(problems[0]) if problems else f"cannot read {shown}")
    if not isinstance(document.root, yaml.MappingNode):
        raise ReviewError(f"{shown} holds no fields; run 'helpcenter check'")
    replacements: list[tuple[yaml.Node, str]] = []
    site_file = of in SITE_FILES and path.parent.resolve() == data_dir.resolve()
    if site_file and of == "categories":
        for key_node, value_node in document.root.value:
            category = help_center.categories_by_id.get(str(key_node.value))
            if category is not None and isinstance(value_node, yaml.MappingNode):
                replacements.append((_source_node(value_node, shown), category_fingerprint(category)))
    elif site_file:
        replacements.append((_source_node(document.root, shown), settings_fingerprint(help_center.settings)))
    elif of in help_center.entries_by_id:
        source = _source_node(document.root, shown)
        replacements.append((source, entry_fingerprint(help_center.entry(of))))
        day = (today or date.today()).isoformat()
        reviewed = _field_node(document.root, "reviewed")
        if reviewed is not None:
            replacements.append((reviewed, day))
        else:  # a line of its own after the fingerprint's
            text = document.text
            end = text.find("\n", source.end_mark.index)
            end = len(text) if end < 0 else end - (text[end - 1] == "\r")
            mark = yaml.Mark(shown, end, 0, 0, None, 0)
            newline = "\r\n" if "\r\n" in text else "\n"
            replacements.append((yaml.ScalarNode(_ADDED, "", mark, mark), f"{newline}reviewed: {day}"))
    else:
        raise ReviewError(f"{shown} translates '{of}', but no entry has that id; run 'helpcenter translations'")
    text = document.text
    changed = 0
    # From the end of the file, so that each index still holds; a line added after an empty 'source:' goes first.
    for node, value in sorted(replacements, key=lambda item: (-item[0].start_mark.index, item[0].tag != _ADDED)):
        if node.value != value:
            space = " " if text[node.start_mark.index - 1] == ":" else ""  # 'source:' left empty
            text = text[:node.start_mark.index] + space + value + text[node.end_mark.index:]
            changed += 1
    if changed:
        bom = codecs.BOM_UTF8 if path.read_bytes().startswith(codecs.BOM_UTF8) else b""
        path.write_bytes(bom + text.encode("utf-8"))
    return changed


def mark_page_reviewed(path: Path, shown: str, help_center: HelpCenter, docs_dir: Path) -> int:
    """Write the fingerprint of its page's text into the front matter of the page translation at `path`
    (`source:`, added as the front matter's last line, or in a front matter of its own); 1 when it changed."""
    parts = page_translation_name(path.resolve().relative_to(docs_dir.resolve()).as_posix()) if path.resolve(
    ).is_relative_to(docs_dir.resolve()) else None
    if parts is None or parts[1] not in help_center.languages[1:]:
        raise ReviewError(f"{shown} is not a page translation: its name is PAGE.LANGUAGE.md under "
                          f"{docs_dir.name}/, such as contact.de.md, for a language declared in settings.yml")
    source = docs_dir / f"{parts[0]}.md"
    if not source.is_file():
        raise ReviewError(f"{shown} translates the page '{parts[0]}', but {docs_dir.name}/{parts[0]}.md does not "
                          "exist; run 'helpcenter translations'")
    value = page_text_fingerprint(source)
    raw = path.read_bytes()
    bom = codecs.BOM_UTF8 if raw.startswith(codecs.BOM_UTF8) else b""
    text = raw.removeprefix(codecs.BOM_UTF8).decode("utf-8")
    meta, _, end = split_front_matter(text)
    if str(meta.get("source")) == value:
        return 0
    newline = "\r\n" if "\r\n" in text else "\n"
    line = front_matter_line(text, "source")
    if line:  # the value on that line replaced, the rest kept
        lines = text.splitlines(keepends=True)
        key, _, rest = lines[line - 1].partition(":")
        ending = rest[len(rest.rstrip("\r\n")):]
        lines[line - 1] = f"{key}: {value}{ending}"
        text = "".join(lines)
    elif end:
        text = f"{text[:end]}source: {value}{newline}{text[end:]}"
    else:
        text = f"---{newline}source: {value}{newline}---{newline}{newline}{text}"
    path.write_bytes(bom + text.encode("utf-8"))
    return 1


def _field_node(mapping: yaml.MappingNode, name: str) -> yaml.Node | None:
    for key_node, value_node in mapping.value:
        if key_node.value == name and isinstance(value_node, yaml.ScalarNode):
            return value_node
    return None


def _source_node(mapping: yaml.MappingNode, shown: str) -> yaml.Node:
    node = _field_node(mapping, "source")
    if node is not None:
        return node
    raise ReviewError(f"{shown}: add the line 'source: 0000000000' (then mark it reviewed again), or start the "
                      "file anew with 'helpcenter new --locale'")
