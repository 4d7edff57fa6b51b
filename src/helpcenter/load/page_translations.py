"""The translations of the hand-written pages under docs/: `contact.de.md` beside `contact.md`, by the
same suffix rule as the entries' translations; a problem for a language the site does not declare and
for a translation of a page that does not exist."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from helpcenter.load.site_addresses import hand_written_pages, page_names, page_translation_name
from helpcenter.load.translation_files import TranslationFile, usable_translations
from helpcenter.problems import Problem, did_you_mean


def page_translations(
    docs_dir: Path, languages: tuple[str, ...], settings_file: str, problems: list[Problem]
) -> dict[str, dict[str, str]]:
    """By language, each translated page's name ('contact') and its translation file as problems name it
    ('docs/contact.de.md'); a problem for every page translation that cannot be published."""
    names = page_names(docs_dir)
    found = []
    for path in hand_written_pages(docs_dir):
        relative = path.relative_to(docs_dir).as_posix()
        parts = page_translation_name(relative)
        if parts is None:
            continue
        page, language = parts
        shown = f"{docs_dir.name}/{relative}"
        if page not in names:
            hint = did_you_mean(page, names) or f"; the pages are {', '.join(sorted(names)) or 'none'}"
            problems.append(Problem(shown, 1, "", (
                f"translates the page '{page}', but {docs_dir.name}/{page}.md does not exist{hint}: name the file "
                f"after the page it translates, PAGE.{language}.md, or remove it"
            )))
            continue
        found.append(TranslationFile(str(path), shown, page, language))
    by_language: dict[str, dict[str, str]] = {language: {} for language in languages[1:]}
    known = len(problems)
    usable = usable_translations(found, languages, settings_file, problems)
    problems[known:] = [replace(problem, line=problem.line or 1) for problem in problems[known:]]
    for file in usable:
        by_language[file.language][file.of] = file.shown
    return by_language
