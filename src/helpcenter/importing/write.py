"""Writing an import all or nothing: every file staged in a copy of the help center, checked there, then moved in.

The staged copy is checked by the loader itself, with the fields the team must still write
(summary, owner, review date, a video's description and date) filled in for the check only: every
other rule (markup, links, addresses, titles) applies to the imported content before anything is
written. The files written leave those fields empty, so `helpcenter check` lists them.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from helpcenter.checks.ledger import published_urls, read_ledger, render_ledger
from helpcenter.importing.planned import ImportOptions, ImportPlan, PlannedEntry
from helpcenter.importing.write_translations import TO_WRITE, translation_yaml, with_category_translations
from helpcenter.load.help_center import CATEGORIES_FILE, SETTINGS_FILE, check_help_center
from helpcenter.load.localized import in_language
from helpcenter.load.references import ENTRIES_FOLDER
from helpcenter.model import HelpCenter
from helpcenter.new_entry import TRANSLATION_SCHEMA, entry_text
from helpcenter.problems import Problem, shown_path

_TO_WRITE = TO_WRITE
_CHECK_DATE = date(2000, 1, 1)


@dataclass
class Written:
    files: list[Path] = field(default_factory=list)
    redirects: list[tuple[str, str]] = field(default_factory=list)
    """(old address, new address) of every redirect, as site paths with a leading '/'."""
    ledger_added: int = 0


def write_import(
    plan: ImportPlan, data_dir: Path, docs_dir: Path, ledger_file: Path | None, schemas_dir: Path,
    options: ImportOptions, root: Path, icon_problem: Callable[[str], str | None] | None = None,
) -> tuple[Written | None, list[Problem]]:
    """Write the plan's files, or none of them and every problem that stops them."""
    files = {
        _entry_path(data_dir, planned): planned for planned in plan.entries
    }
    translations = {_entry_path(data_dir, planned.entry).with_suffix(f".{planned.language}.yml"): planned
                    for planned in plan.translations}
    where = {path: planned.where for path, planned in translations.items()}
    where.update({path: planned.article.where for path, planned in files.items()})
    category_files = {data_dir / f"categories.{language}.yml": [
        category for category in plan.category_translations if category.language == language
    ] for language in sorted({category.language for category in plan.category_translations})}
    problems = [Problem(shown_path(path, root), 0, "", "already exists; the import never overwrites an entry")
                for path in [*files, *translations] if path.exists()]
    problems += [Problem(f"docs/{placed}", 0, "", "already exists; move it away or remove the picture's copy")
                 for placed in plan.pictures if (docs_dir / placed).exists()]
    if problems:
        return None, problems
    with tempfile.TemporaryDirectory(prefix=".helpcenter-import-", dir=root) as staging_name:
        staging = Path(staging_name)
        # Named as the real folders, so that the loader's messages name the files as they will be written.
        staged_data, staged_docs = staging / "content" / data_dir.name, staging / "pages" / docs_dir.name
        shutil.copytree(data_dir, staged_data)
        if docs_dir.is_dir():
            shutil.copytree(docs_dir, staged_docs)
        else:
            staged_docs.mkdir(parents=True)
        schema_ref = {path: os.path.relpath(schemas_dir / "entry.schema.json", path.parent) for path in files}
        schema_ref.update({path: Path(os.path.relpath(schemas_dir / TRANSLATION_SCHEMA, path.parent)).as_posix()
                           for path in translations})
        categories_schema = Path(os.path.relpath(schemas_dir / "categories-translation.schema.json",
                                                 data_dir)).as_posix()
        for path, planned in files.items():
            staged = staged_data / path.relative_to(data_dir)
            staged.parent.mkdir(parents=True, exist_ok=True)
            staged.write_text(_entry_yaml(planned, options, schema_ref[path], for_check=True), encoding="utf-8")
        for path, translation in translations.items():
            staged = staged_data / path.relative_to(data_dir)
            staged.write_text(translation_yaml(translation, schema_ref[path], for_check=True), encoding="utf-8")
        for path, planned_categories in category_files.items():
            (staged_data / path.name).write_text(with_category_translations(
                _read(path), planned_categories, categories_schema, for_check=True), encoding="utf-8")
        categories_text = _with_categories(_read(data_dir / CATEGORIES_FILE), plan, options)
        checked_categories = _with_categories(_read(data_dir / CATEGORIES_FILE), plan, options, for_check=True)
        settings_text = _with_featured(_read(data_dir / SETTINGS_FILE), plan.featured)
        (staged_data / CATEGORIES_FILE).write_text(checked_categories, encoding="utf-8")
        (staged_data / SETTINGS_FILE).write_text(settings_text, encoding="utf-8")
        for placed, source in plan.pictures.items():
            (staged_docs / placed).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, staged_docs / placed)
        help_center, found = check_help_center(staged_data, staged_data.parent, staged_docs, icon_problem)
        if help_center is None:
            return None, [_as_article_problem(problem, data_dir, where, root) for problem in found]
        written = Written(redirects=_redirects(help_center))
        ledger_text = _ledger_text(ledger_file, help_center, staged_docs, written) if ledger_file else None
        for path, planned in files.items():
            staged = staged_data / path.relative_to(data_dir)
            staged.write_text(_entry_yaml(planned, options, schema_ref[path], for_check=False), encoding="utf-8")
        (staged_data / CATEGORIES_FILE).write_text(categories_text, encoding="utf-8")
        for path, translation in translations.items():
            staged = staged_data / path.relative_to(data_dir)
            staged.write_text(translation_yaml(translation, schema_ref[path], for_check=False), encoding="utf-8")
        for path, planned_categories in category_files.items():
            (staged_data / path.name).write_text(with_category_translations(
                _read(path), planned_categories, categories_schema, for_check=False), encoding="utf-8")
        moves = [(staged_data / path.relative_to(data_dir), path) for path in [*files, *translations]]
        moves += [(staged_data / path.name, path) for path in category_files if not path.exists()]
        moves += [(staged_docs / placed, docs_dir / placed) for placed in plan.pictures]
        replaced = [(staged_data / CATEGORIES_FILE, data_dir / CATEGORIES_FILE)]
        replaced += [(staged_data / path.name, path) for path in category_files if path.exists()]
        if plan.featured:
            replaced.append((staged_data / SETTINGS_FILE, data_dir / SETTINGS_FILE))
        if ledger_file and ledger_text is not None:
            (staging / "ledger").write_text(ledger_text, encoding="utf-8")
            replaced.append((staging / "ledger", ledger_file))
        written.files = _move_all(moves, replaced)
    return written, []


def _entry_path(data_dir: Path, planned: PlannedEntry) -> Path:
    return data_dir / ENTRIES_FOLDER / planned.category / f"{planned.id}.yml"


def _entry_yaml(planned: PlannedEntry, options: ImportOptions, schema_ref: str, for_check: bool) -> str:
    values: dict[str, Any] = dict(planned.values)
    owner, reviewed = options.owner, options.reviewed
    if for_check:
        owner, reviewed = owner or _TO_WRITE, reviewed or _CHECK_DATE
        values["summary"] = values.get("summary") or _TO_WRITE
        if "video" in values:
            values["video"] = {**values["video"], "description": _TO_WRITE, "uploaded": _CHECK_DATE.isoformat()}
        values["answer"] = values.get("answer") or _TO_WRITE
    return entry_text(planned.article.title, planned.category, reviewed, Path(schema_ref).as_posix(), owner, values)


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8") if path.is_file() else ""


def _with_categories(text: str, plan: ImportPlan, options: ImportOptions, for_check: bool = False) -> str:
    blocks = [text.rstrip("\n") + "\n"] if text.strip() else []
    for category in plan.categories:
        if not category.new:
            continue
        lines = [f"{category.id}:", _field("title", category.title)]
        if not category.description:
            lines.append("  # description: one sentence on what the category covers")
        description = category.description or (_TO_WRITE if for_check else "")
        lines += [_field("description", description), _field("icon", options.icon),
                  f"  order: {category.order}"]
        if category.redirect_from:
            lines.append("  redirect_from:")
            lines += [f"  - {path}" for path in category.redirect_from]
        blocks.append("\n".join(lines) + "\n")
    return "".join(blocks)


def _field(name: str, value: str) -> str:
    if not value:
        return f"  {name}:"
    return "  " + yaml.safe_dump({name: value}, allow_unicode=True, width=1_000_000).rstrip("\n")


def _with_featured(text: str, ids: list[str]) -> str:
    """settings.yml with `ids` added to `featured`, the rest of the file as it was written."""
    if not ids:
        return text
    root = yaml.compose(text, Loader=yaml.SafeLoader) if text.strip() else None
    node = next((value for key, value in getattr(root, "value", []) if getattr(key, "value", None) == "featured"),
                None)
    if not isinstance(node, yaml.SequenceNode):
        return text.rstrip("\n") + "\nfeatured:\n" + "".join(f"- {entry_id}\n" for entry_id in ids)
    if node.flow_style or not node.value:
        existing = [str(item.value) for item in node.value]
        start, end = node.start_mark.index, node.end_mark.index
        return text[:start] + "[" + ", ".join(existing + ids) + "]" + text[end:]
    last = node.value[-1]
    line_end = text.find("\n", last.end_mark.index)
    line_end = len(text) if line_end < 0 else line_end + 1
    indent = " " * max(last.start_mark.column - 2, 0)
    added = "".join(f"{indent}- {entry_id}\n" for entry_id in ids)
    return text[:line_end] + ("" if text[:line_end].endswith("\n") else "\n") + added + text[line_end:]


def _redirects(help_center: HelpCenter) -> list[tuple[str, str]]:
    found = [("/" + old, "/" + category.url) for category in help_center.categories for old in category.redirect_from]
    found += [("/" + old, "/" + entry.url) for entry in help_center.entries for old in entry.redirect_from]
    for language in help_center.languages[1:]:  # a translation's own old addresses (its source's are above)
        own = help_center.translations[language].entries
        found += [("/" + old, "/" + entry.url) for entry in in_language(help_center, language).entries
                  for old in own[entry.id].redirect_from]
    return sorted(found)


def _ledger_text(ledger_file: Path, help_center: HelpCenter, docs_dir: Path, written: Written) -> str | None:
    ledger, _ = read_ledger(ledger_file, ledger_file.name)
    if ledger is None:
        return None
    published = published_urls(help_center, docs_dir)
    added = set(published) - set(ledger.lines)
    written.ledger_added = len(added)
    return render_ledger(set(ledger.lines) | added)


def _move_all(moves: list[tuple[Path, Path]], replaced: list[tuple[Path, Path]]) -> list[Path]:
    """Move the new files in without overwriting any, then replace the changed ones; undo all on a failure."""
    done: list[Path] = []
    try:
        for source, target in moves:
            target.parent.mkdir(parents=True, exist_ok=True)
            os.link(source, target)  # fails if the target exists: nothing is overwritten, even in a race
            done.append(target)
        for source, target in replaced:
            os.replace(source, target)
    except BaseException:
        for target in done:
            target.unlink(missing_ok=True)
        raise
    return done + [target for _, target in replaced]


def _as_article_problem(problem: Problem, data_dir: Path, where: dict[Path, str], root: Path) -> Problem:
    """A problem of the staged copy, named by the article (or translation) it comes from and the file it would be
    written to."""
    path = problem.path
    if path.startswith(f"{data_dir.name}/"):
        real = data_dir / path.removeprefix(f"{data_dir.name}/")
        if real in where:
            return Problem(where[real], 0, problem.field,
                           f"{problem.message} (in {shown_path(real, root)}, as it would be written)")
        return Problem(shown_path(real, root), problem.line, problem.field, problem.message)
    return problem
