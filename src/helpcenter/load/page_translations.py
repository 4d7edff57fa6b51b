"""The translations of the hand-written pages under docs/: `contact.de.md` beside `contact.md`, by the
same suffix rule as the entries' translations; a problem for a language the site does not declare and
for a translation of a page that does not exist. A translation records the fingerprint of the page's text
it was made from in its front matter (`source:`); one that differs from the page's, or is not there, makes
it outdated."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from helpcenter.load.page_text import front_matter_line, page_text_fingerprint, split_front_matter
from helpcenter.load.site_addresses import hand_written_pages, page_names, page_translation_name
from helpcenter.load.translation_files import TranslationFile, usable_translations
from helpcenter.problems import Problem, did_you_mean


@dataclass(frozen=True)
class PageTranslations:
    files: dict[str, dict[str, str]]
    """By language, each translated page's name ('contact') and its translation file as problems name it
    ('docs/contact.de.md')."""
    outdated: dict[str, dict[str, int]]
    """By language, each translated page whose text changed since its translation was reviewed, with the
    line of the translation's `source:` (0 for a translation that has none: never reviewed)."""


def page_translations(
    docs_dir: Path, languages: tuple[str, ...], settings_file: str, problems: list[Problem]
) -> PageTranslations:
    """The page translations that can be published; a problem for every one that cannot."""
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
    outdated: dict[str, dict[str, int]] = {language: {} for language in languages[1:]}
    known = len(problems)
    usable = usable_translations(found, languages, settings_file, problems)
    problems[known:] = [replace(problem, line=problem.line or 1) for problem in problems[known:]]
    for file in usable:
        by_language[file.language][file.of] = file.shown
        text = Path(file.path).read_text(encoding="utf-8")
        recorded = split_front_matter(text)[0].get("source")
        if recorded is None or str(recorded) != page_text_fingerprint(docs_dir / f"{file.of}.md"):
            outdated[file.language][file.of] = front_matter_line(text, "source")
    return PageTranslations(by_language, outdated)
