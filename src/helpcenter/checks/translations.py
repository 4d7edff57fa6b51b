"""What the translators have to do: per language, the missing, outdated and orphaned translations, the
coverage, and who owns each source."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from helpcenter.annotations import workflow_command
from helpcenter.checks.text_table import format_table
from helpcenter.load.languages import language_name
from helpcenter.load.spec import INTERFACE_TEXTS
from helpcenter.load.translations import Translations
from helpcenter.model import HelpCenter
from helpcenter.problems import Problem


@dataclass(frozen=True, order=True)
class TranslationTask:
    language: str
    state: str
    """'missing', 'outdated' or 'orphaned'."""
    what: str
    """Such as 'entry reset-2fa', 'category account', 'settings', 'page contact'."""
    path: str
    """The translation's file: where it is, or where it goes."""
    line: int
    owner: str
    """The source's owner, who can answer the translator's questions; empty for a category or settings."""


@dataclass(frozen=True)
class Coverage:
    language: str
    entries: int
    translated: int
    outdated: int
    categories: str
    """Such as '2 of 2'."""
    settings: str
    """'yes', 'outdated' or 'missing'."""
    interface: str
    """Such as '26 of 26'."""
    pages: str = "0 of 0"
    """The hand-written pages translated, such as '1 of 1'."""

    @property
    def percent(self) -> int:
        return 100 * self.translated // self.entries if self.entries else 100


def translation_tasks(
    help_center: HelpCenter, translations: Translations, data_dir: str, pages: Sequence[str] = (),
    docs_dir: str = "docs",
) -> tuple[list[TranslationTask], list[Coverage]]:
    """`data_dir` and `docs_dir`: the content and pages folders as problems name them, such as 'faq_data';
    `pages`: the hand-written pages' names ('contact')."""
    tasks = [TranslationTask(orphan.language, "orphaned", f"entry {orphan.entry_id}", orphan.path, 0, "")
             for orphan in translations.orphans]
    coverage = []
    for language, content in sorted(translations.by_language.items(), key=lambda item: help_center.languages.index(
            item[0])):
        for entry in help_center.entries:
            translated = content.entries.get(entry.id)
            if translated is None:
                path = f"{entry.source.rpartition('.')[0]}.{language}.yml"
                tasks.append(TranslationTask(language, "missing", f"entry {entry.id}", path, 0, entry.owner))
            elif not translated.current:
                tasks.append(TranslationTask(language, "outdated", f"entry {entry.id}", translated.source,
                                             translated.line, entry.owner))
        categories_file = f"{data_dir}/categories.{language}.yml"
        for category in help_center.categories:
            category_translation = content.categories.get(category.id)
            if category_translation is None:
                tasks.append(TranslationTask(language, "missing", f"category {category.id}", categories_file, 0, ""))
            elif not category_translation.current:
                tasks.append(TranslationTask(language, "outdated", f"category {category.id}",
                                             category_translation.source, category_translation.line, ""))
        settings = content.settings
        if settings is None:
            tasks.append(TranslationTask(language, "missing", "settings", f"{data_dir}/settings.{language}.yml", 0, ""))
        elif not settings.current:
            tasks.append(TranslationTask(language, "outdated", "settings", settings.source, settings.line, ""))
        tasks += [TranslationTask(language, "missing", f"page {name}", f"{docs_dir}/{name}.{language}.md", 0, "")
                  for name in pages if name not in content.pages]
        tasks += [TranslationTask(language, "outdated", f"page {name}", content.pages[name], line, "")
                  for name, line in content.outdated_pages.items()]
        coverage.append(Coverage(
            language, len(help_center.entries), len(content.entries),
            sum(1 for translated in content.entries.values() if not translated.current),
            f"{len(content.categories)} of {len(help_center.categories)}",
            "missing" if settings is None else "yes" if settings.current else "outdated",
            f"{len(settings.interface) if settings else 0} of {len(INTERFACE_TEXTS)}",
            f"{sum(1 for name in pages if name in content.pages)} of {len(pages)}",
        ))
    order = {language: index for index, language in enumerate(help_center.languages)}
    tasks.sort(key=lambda task: (order.get(task.language, len(order)), task.state, task.path, task.what))
    return tasks, coverage


def translations_report(tasks: list[TranslationTask], coverage: list[Coverage], output_format: str) -> str:
    """The tasks as a table (or GitHub annotations with `output_format` 'github'), then the coverage table."""
    parts = []
    if output_format == "github":
        for task in tasks:
            kind = "notice" if task.state == "missing" else "warning"
            owner = f" (owner: {task.owner})" if task.owner else ""
            parts.append(workflow_command(kind, f"{task.language}: {task.what} is {task.state}{owner}",
                                          file=task.path, line=task.line, title=f"Translation {task.state}"))
    elif tasks:
        parts.append(format_table(["LANGUAGE", "STATE", "WHAT", "OWNER", "FILE"],
                                  [(t.language, t.state, t.what, t.owner or "-", t.path) for t in tasks]) + "\n")
    parts.append(format_table(
        ["LANGUAGE", "ENTRIES", "COVERAGE", "OUTDATED", "CATEGORIES", "SETTINGS", "INTERFACE", "PAGES"],
        [(c.language, f"{c.translated} of {c.entries}", f"{c.percent}%", str(c.outdated), c.categories, c.settings,
          c.interface, c.pages) for c in coverage],
    ))
    return "\n".join(parts)


def outdated_warnings(help_center: HelpCenter) -> list[Problem]:
    """One warning per translation whose source's translated fields changed since its fingerprint."""
    warnings = []
    for language, content in help_center.translations.items():
        name = language_name(language)
        stale: list[tuple[str, int, str]] = [
            (translated.source, translated.line, f"the source entry changed since this {name} translation was made")
            for translated in content.entries.values() if not translated.current
        ]
        stale += [(translated.source, translated.line, f"the category changed since its {name} translation was made")
                  for translated in content.categories.values() if not translated.current]
        if content.settings is not None and not content.settings.current:
            stale.append((content.settings.source, content.settings.line,
                          f"settings.yml changed since its {name} translation was made"))
        stale += [(content.pages[page], line or 1, f"the page changed since this {name} translation was made"
                   if line else f"this {name} translation has no 'source:' line: it was never marked reviewed")
                  for page, line in content.outdated_pages.items()]
        warnings += [Problem(path, line, "source", f"outdated: {message}; {REVIEW_HINT}")
                     for path, line, message in stale]
    return sorted(warnings)


REVIEW_HINT = ("update the translation, then run 'helpcenter translations --reviewed FILE' "
               "(see the changes with 'git log -p' on the source)")
