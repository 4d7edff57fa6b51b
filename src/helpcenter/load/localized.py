"""A help center as published in one language: only the entries translated into it, with their
translated words and review dates, under the language's folder ('de/'); the rest (owners, videos) from the source."""

from __future__ import annotations

from dataclasses import replace

from helpcenter.load.spec import INTERFACE_TEXTS
from helpcenter.model import Category, Entry, EntryTranslation, HelpCenter, LanguageContent, Video


def in_language(help_center: HelpCenter, language: str) -> HelpCenter:
    """The help center in `language`; the default language's is `help_center` itself.

    An untranslated entry is left out (no copy in another language that search engines would see
    as a duplicate), and so are related and featured entries that are; a category is published
    when one of its entries is, with its source title until it is translated. The source's old
    addresses are the translation's too, in the language's folder (a renamed entry's German page
    moved with it).
    """
    if not help_center.languages or language == help_center.languages[0]:
        return help_center
    content = help_center.translations[language]
    prefix = f"{language}/"
    translated = {entry_id: translation for entry_id, translation in content.entries.items()
                  if entry_id in help_center.entries_by_id}
    entries = [_entry(help_center.entry(entry_id), translation, prefix, translated)
               for entry_id, translation in translated.items()]
    used = {entry.category for entry in entries}
    categories = tuple(_category(category, content, prefix) for category in help_center.categories
                       if category.id in used)
    order = {category.id: index for index, category in enumerate(categories)}
    entries.sort(key=lambda entry: (order[entry.category], entry.title.casefold(), entry.id))
    settings = help_center.settings
    words = content.settings
    contact = replace(settings.contact, hours=words.contact_hours or settings.contact.hours) if words else None
    settings = replace(
        settings,
        home_title=words.home_title if words else settings.home_title,
        home_intro=words.home_intro if words else settings.home_intro,
        contact=contact or settings.contact,
        featured=tuple(entry_id for entry_id in settings.featured if entry_id in translated),
    )
    return HelpCenter(settings, categories, tuple(entries), translations={language: content}, language=language)


def interface_texts(help_center: HelpCenter, language: str) -> dict[str, str]:
    """The site's own words in `language`, English where the language has none yet."""
    content = help_center.translations.get(language)
    own = content.settings.interface if content is not None and content.settings is not None else {}
    return {key: own.get(key, english) for key, english in INTERFACE_TEXTS.items()}


def _entry(source: Entry, translation: EntryTranslation, prefix: str, translated: dict[str, EntryTranslation]) -> Entry:
    video: Video | None = source.video
    if video is not None:
        video = replace(video, title=translation.video_title or video.title,
                        description=translation.video_description or video.description)
    return replace(
        source, title=translation.title, summary=translation.summary, answer=translation.answer,
        steps=translation.steps, tags=translation.tags, also_asked=translation.also_asked, video=video,
        reviewed=translation.reviewed or source.reviewed,
        related=tuple(entry_id for entry_id in source.related if entry_id in translated),
        redirect_from=(*(prefix + old for old in source.redirect_from), *translation.redirect_from),
        source=translation.source, prefix=prefix,
    )


def _category(category: Category, content: LanguageContent, prefix: str) -> Category:
    words = content.categories.get(category.id)
    redirect_from = tuple(prefix + old for old in category.redirect_from)
    if words is None:
        return replace(category, redirect_from=redirect_from, prefix=prefix)
    return replace(category, title=words.title, description=words.description, redirect_from=redirect_from,
                   prefix=prefix)
