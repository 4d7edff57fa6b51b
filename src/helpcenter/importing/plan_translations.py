"""An export's translations as translation files: each article's words in a language of the help center.

A translation goes through the same conversion as its source (links, pictures, steps, video) and
records the fingerprint of the source as written, so it is current right after the import; one the
old help center marked outdated records a fingerprint that matches no source, so `helpcenter
translations` lists it as outdated until a translator reviews it. A locale the help center does not
declare stops the import (declare it, or skip it); a draft translation is left out and counted. The
old addresses of a translation left out lead to its source's page.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from helpcenter.importing.article_body import convert_body, with_other_videos
from helpcenter.importing.html_markdown import split_steps
from helpcenter.importing.pictures import PictureFinder
from helpcenter.importing.planned import (
    ImportOptions,
    ImportPlan,
    PlannedCategoryTranslation,
    PlannedEntry,
    PlannedTranslation,
)
from helpcenter.importing.source import Export, SourceTranslation
from helpcenter.load.fingerprint import category_values_fingerprint, entry_values_fingerprint, fingerprint
from helpcenter.load.languages import bcp47_spelling, language_name
from helpcenter.problems import Problem

OUTDATED_FINGERPRINT = fingerprint({})
"""What an outdated translation records: the fingerprint of nothing, which no source has."""


def language_of(locale: str, languages: tuple[str, ...]) -> str | None:
    """The declared language a vendor's locale is written in: 'pt-br' -> 'pt-BR', 'en-us' -> 'en' (when the
    help center declares 'en' and not 'en-US'), or None."""
    tag = bcp47_spelling(locale) or locale
    if tag in languages:
        return tag
    base = tag.partition("-")[0]
    return base if base in languages else None


def plan_translations(export: Export, plan: ImportPlan, ids: dict[str, str], category_of: dict[str, str],
                      options: ImportOptions, finder: PictureFinder) -> None:
    """Add the translations of the planned entries and categories to `plan`, or the problems that stop them."""
    if not export.translations:
        return
    languages = options.languages
    default = languages[0] if languages else ""
    if languages and export.source_locale and language_of(export.source_locale, languages) != default:
        plan.problems.append(Problem(export.articles[0].where, 0, "locale", (
            f"the articles are written in '{export.source_locale}', but the help center's default language is "
            f"'{default}' ({language_name(default)}); put the language of the articles first in languages in "
            "settings.yml"
        )))
        return
    entries = {planned.article.id: planned for planned in plan.entries}
    new_categories = {category.id: category for category in plan.categories if category.new}
    kept: dict[str, list[SourceTranslation]] = defaultdict(list)
    undeclared: dict[str, list[SourceTranslation]] = defaultdict(list)
    for translation in export.translations:
        locale = translation.locale.lower()
        language = language_of(translation.locale, languages)
        left_out = locale in options.skip_locales or language == default
        if translation.of_group:
            category = new_categories.get(category_of.get(translation.of, ""))
            if category is None:
                plan.notes.append(f"{translation.where}: not imported, as its section joins an existing category; "
                                  "translate that category in its categories.LANG.yml")
                continue
            # A category has no translated old addresses of its own: the translated group's lead to its page.
            category.redirect_from += translation.old_paths
            if not left_out:
                (undeclared[locale] if language is None else kept[language]).append(translation)
            continue
        planned_entry = entries.get(translation.of)
        if planned_entry is None:
            plan.skipped_translations += 1  # its article is a draft, or not imported
        elif left_out or translation.draft:
            planned_entry.values["redirect_from"] += list(translation.old_paths)  # they lead to the source's page
            if translation.draft and locale not in options.skip_locales:
                plan.translation_drafts += 1
            else:
                plan.skipped_translations += 1
            if language == default:
                plan.notes.append(f"{translation.where}: left out, as '{translation.locale}' is the default "
                                  "language, which the source is written in")
        else:
            (undeclared[locale] if language is None else kept[language]).append(translation)
    for locale, found in undeclared.items():
        plan.problems.append(Problem(found[0].where, 0, "locale", (
            f"{len(found)} translation{'s are' if len(found) != 1 else ' is'} in '{locale}' "
            f"({language_name(bcp47_spelling(locale) or locale)}), which is not one of the help center's languages "
            f"({'languages: ' + ', '.join(languages) if languages else 'settings.yml declares none'}): add it to "
            f"languages in settings.yml, or pass --skip-locale {locale} to leave them out"
        )))
    for language, translations in kept.items():
        translated = {translation.of for translation in translations if not translation.of_group}
        language_ids = {article_id: entry_id for article_id, entry_id in ids.items() if article_id in translated}
        published = {entries[article_id].category for article_id in translated}
        language_categories = {group: category for group, category in category_of.items() if category in published}
        for translation in translations:
            if translation.of_group:
                _plan_category(translation, language, category_of[translation.of], plan)
            else:
                _plan_entry(translation, language, entries[translation.of], export, language_ids,
                            language_categories, finder, plan)


def _plan_entry(translation: SourceTranslation, language: str, planned: PlannedEntry, export: Export,
                ids: dict[str, str], category_of: dict[str, str], finder: PictureFinder, plan: ImportPlan) -> None:
    where = translation.where
    answer, videos = convert_body(translation.body_html, where, export, ids, category_of, finder, plan)
    source = planned.values
    if "video" not in source:
        videos.insert(0, ("", ""))  # no video in the source: every one of the translation's is a link
    answer = with_other_videos(answer, videos, where, plan).strip("\n")
    whole = answer
    answer, steps = split_steps(answer)
    if not source["steps"]:
        answer, steps = whole, []
    elif not steps:
        plan.problems.append(Problem(where, 0, "body", (
            f"the source ends with {len(source['steps'])} numbered steps, this translation does not; make its "
            "body end with the same numbered list, or leave the language out with --skip-locale"
        )))
    values: dict[str, Any] = {"title": translation.title, "summary": translation.summary, "answer": answer,
                              "steps": steps}
    if "video" in source:
        title = videos[0][1] if videos else ""
        values["video"] = {"title": title or translation.title, "description": ""}
    values["redirect_from"] = list(translation.old_paths)
    video = source.get("video")
    current = entry_values_fingerprint(
        title=planned.article.title, summary=source["summary"], answer=source["answer"], steps=source["steps"],
        tags=source["tags"], also_asked=source["also_asked"], video_title=video["title"] if video else None,
        video_description=video["description"] if video else None,
    )
    values["source"] = OUTDATED_FINGERPRINT if translation.outdated else current
    if translation.outdated:
        plan.notes.append(f"{where}: marked outdated in the old help center; it is imported with a fingerprint "
                          "that matches no source, so 'helpcenter translations' lists it as outdated until it is "
                          "reviewed")
    plan.translations.append(PlannedTranslation(planned, language, where, values, translation.outdated))


def _plan_category(translation: SourceTranslation, language: str, category_id: str, plan: ImportPlan) -> None:
    category = next(category for category in plan.categories if category.id == category_id)
    source = OUTDATED_FINGERPRINT if translation.outdated else category_values_fingerprint(
        category.title, category.description)
    plan.category_translations.append(PlannedCategoryTranslation(
        category_id, language, source, translation.title, translation.description))
