"""Which files are translations, of what and into which language: `ID.LANG.yml` beside an entry,
`categories.LANG.yml` and `settings.LANG.yml` beside the source files; a problem for each name that
cannot be one (a code that is not BCP 47, a language the site does not declare, a second copy)."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from helpcenter.load.languages import LANGUAGE_HINT, bcp47_spelling, language_name, language_problem
from helpcenter.load.spec import ID_HINT
from helpcenter.problems import Problem

SITE_FILES = ("settings", "categories")
_LOOKS_LIKE_A_LANGUAGE = re.compile(r"[a-z]{2,3}")
_SITE_FILE = re.compile(rf"({'|'.join(SITE_FILES)})\.([^.]+)\.ya?ml")


@dataclass(frozen=True)
class TranslationFile:
    path: str
    shown: str
    """The path as problems name it."""
    of: str
    """The id of the translated entry, or 'settings' or 'categories'."""
    language: str
    folder: str = ""
    """For an entry's translation, its folder under entries/ ('.' for entries/ itself)."""


def is_translation_name(stem: str) -> bool:
    """`reset-2fa.de` (the file name without .yml) names a translation: the id, a dot, a language."""
    return "." in stem


def site_translation_files(data_dir: Path, shown_dir: str) -> list[TranslationFile]:
    """`settings.LANG.yml` and `categories.LANG.yml` in the content folder, in the order of their names."""
    found = []
    for name in sorted(os.listdir(data_dir)):
        match = _SITE_FILE.fullmatch(name)
        if match and os.path.isfile(os.path.join(data_dir, name)):
            found.append(TranslationFile(os.path.join(data_dir, name), f"{shown_dir}/{name}", match[1], match[2]))
    return found


def entry_translation_file(path: str, shown: str, stem: str, folder: str) -> TranslationFile:
    entry_id, _, language = stem.partition(".")
    return TranslationFile(path, shown, entry_id, language, folder)


def usable_translations(
    files: list[TranslationFile], languages: tuple[str, ...], settings_file: str, problems: list[Problem]
) -> list[TranslationFile]:
    """The files whose name holds a declared language other than the default, each the first of its
    language and source; a problem for every other."""
    usable = []
    first: dict[tuple[str, str], TranslationFile] = {}
    declared = f"languages: {', '.join(languages)}" if languages else "no languages"
    for file in files:
        language = file.language
        wrong_code = language_problem(language)
        if wrong_code:
            spelling = bcp47_spelling(language)
            if spelling:
                message = (f"'{language}' after the id is not {LANGUAGE_HINT}; rename the file to "
                           f"{file.of}.{spelling}.yml")
            elif _LOOKS_LIKE_A_LANGUAGE.fullmatch(language):
                message = f"after the id, {wrong_code}; rename the file"
            else:
                message = (f"the file name is the entry's id ({ID_HINT}), followed by a language code for a "
                           f"translation, such as {file.of}.de.yml; rename the file")
            problems.append(Problem(file.shown, 0, "", message))
        elif languages and language == languages[0]:
            problems.append(Problem(file.shown, 0, "", (
                f"'{language}' is the default language ({language_name(language)}), the one the source file is "
                "written in; put the text there and remove this file"
            )))
        elif language not in languages:
            problems.append(Problem(file.shown, 0, "", (
                f"'{language}' ({language_name(language)}) is not one of the site's languages ({settings_file} "
                f"has {declared}); add it to languages there, after the default language, or remove this file"
            )))
        elif (other := first.setdefault((language, file.of), file)) is not file:
            problems.append(Problem(file.shown, 0, "", (
                f"a second {language_name(language)} translation of '{file.of}' (the other is {other.shown}); "
                "keep one of the two"
            )))
        else:
            usable.append(file)
    return usable
