"""Reading a Zendesk Guide export: the Help Center API's responses for articles, sections and categories.

The export is a folder of JSON files, each one page as `GET /api/v2/help_center/{locale}/articles`
(or `sections`, `categories`) returns it: `{"articles": [...], "next_page": ..., "count": ...}`.
Sections become categories: an article belongs to exactly one section, and sections are what the
old help center listed articles under; a Zendesk category only groups sections.

Translations come as `GET /api/v2/help_center/articles/{id}/translations` (and the sections') returns
them, `{"translations": [...]}`, side-loaded beside the articles (`?include=translations`), or as the
articles listed in another locale (`GET /api/v2/help_center/de/articles`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from helpcenter.importing.json_export import (
    ShapeError,
    article_title,
    identifier,
    items,
    json_files,
    member,
    read_items,
    text_list,
)
from helpcenter.importing.old_paths import slug_and_bare
from helpcenter.importing.source import Export, LinkKind, SourceArticle, SourceGroup, SourceTranslation
from helpcenter.problems import Problem, shown_path

_KINDS = ("articles", "sections", "categories", "translations")
_OLD_PATH = re.compile(r"/hc/(?:([a-z]{2,3}(?:-[a-z0-9]{2,8})*)/)?(articles|sections|categories)/(\d+)(?:-([^/?#]*))?")
_GROUP_TYPES = {"article": False, "section": True}


def read_zendesk(export: Path, root: Path) -> Export:
    """Every page under `export` (a folder of JSON files, or one file)."""
    result = Export("Zendesk", "section", classify_link=classify_link)
    pages: dict[str, list[tuple[str, str, Any]]] = {kind: [] for kind in _KINDS}
    for shown, page in json_files(export, root, result.problems, "articles, sections and categories"):
        kinds = [kind for kind in _KINDS if isinstance(page, dict) and kind in page]
        if not kinds:
            result.problems.append(Problem(shown, 0, "", (
                "not a Help Center API response: expected an object with 'articles', 'sections', 'categories' "
                "or 'translations'"
            )))
        for kind in kinds:  # a page of articles may side-load their translations (?include=translations)
            try:
                pages[kind] += [(shown, where, item) for where, item in items(page, "", kind)]
            except ShapeError as error:
                result.problems.append(Problem(shown, 0, error.where, str(error).partition(": ")[2]))
    result.parents = read_items(pages["categories"], result, _read_category)
    # Sections in the order the old help center showed them: by their category's place, then their own.
    category_place = {category.id: category.position for category in result.parents}
    sections = sorted(read_items(pages["sections"], result, _read_section), key=lambda section: (
        category_place.get(section.group.parent_ids[0], 0) if section.group.parent_ids else 0,
        section.group.position))
    translations: dict[str, SourceTranslation] = {}
    for article in read_items(pages["articles"], result, _read_article):
        if isinstance(article, SourceTranslation):  # an article listed in another locale than its own
            translations.setdefault(article.id, article)
        else:
            result.articles.append(article)
            result.source_locale = result.source_locale or article.locale
    for translation in read_items(pages["translations"], result, _read_translation):
        translations.setdefault(translation.id, translation)
    locale_of = {article.id: article.locale for article in result.articles}
    result.translations = [translation for translation in translations.values()
                           if translation.of_group or translation.locale != locale_of.get(translation.of)]
    _join_sub_sections(sections, result)
    if not pages["sections"] and not result.problems:
        result.problems.append(Problem(shown_path(export, root), 0, "", (
            "no sections: add the response of GET /api/v2/help_center/{locale}/sections beside the articles"
        )))
    return result


def _join_sub_sections(sections: list[_Section], result: Export) -> None:
    """A sub-section's articles join its top-level section, each tagged with the sub-section's name (and the
    names between): the help center's categories are one level deep, as the old home page listed them."""
    by_id = {section.group.id: section for section in sections}
    top_of: dict[str, tuple[str, tuple[str, ...]]] = {}
    for section in sections:
        chain: list[str] = []
        current = section
        while current.parent_section and len(chain) <= len(sections):
            chain.append(current.group.title)
            parent = by_id.get(current.parent_section)
            if parent is None:
                result.problems.append(Problem(current.where, 0, "parent_section_id", (
                    f"the section {current.parent_section} is not in the export; add the response that lists it"
                )))
                break
            current = parent
        top_of[section.group.id] = current.group.id, tuple(reversed(chain))
    groups = {section.group.id: section.group for section in sections if not section.parent_section}
    for section in sections:
        top, _ = top_of[section.group.id]
        if section.parent_section and top in groups:
            groups[top] = replace(groups[top], old_paths=groups[top].old_paths + section.group.old_paths)
    result.groups = list(groups.values())
    result.articles = [
        replace(article, group_id=top_of[article.group_id][0],
                tags=tuple(dict.fromkeys(article.tags + top_of[article.group_id][1])))
        if article.group_id in top_of else article for article in result.articles
    ]
    result.translations = [translation for translation in result.translations
                           if not translation.of_group or translation.of in groups]
    sub_sections = {section_id: top for section_id, (top, _) in top_of.items() if section_id != top}
    if sub_sections:
        def classify(url: str) -> tuple[LinkKind, str] | None:
            found = classify_link(url)
            if found is not None and found[0] == "group":
                return "group", sub_sections.get(found[1], found[1])
            return found

        result.classify_link = classify


def classify_link(url: str) -> tuple[LinkKind, str] | None:
    match = _OLD_PATH.search(urlsplit(url).path)
    if match is None:
        return None
    kind, number = match.group(2), match.group(3)
    return ("article" if kind == "articles" else "group"), number


def _read_category(item: Any, where: str, _shown: str) -> SourceGroup:
    category_id = identifier(item, where)
    name = member(item, where, "name", str)
    position = member(item, where, "position", int, required=False) or 0
    return SourceGroup(category_id, name, position=position,
                       old_paths=_old_paths(item, where, "categories", category_id))


@dataclass(frozen=True)
class _Section:
    group: SourceGroup
    parent_section: str
    """The id of the section it is a sub-section of, or ''."""
    where: str

    @property
    def id(self) -> str:
        return self.group.id


def _read_section(item: Any, where: str, shown: str) -> _Section:
    section_id = identifier(item, where)
    name = member(item, where, "name", str)
    description = member(item, where, "description", str, required=False) or ""
    position = member(item, where, "position", int, required=False) or 0
    category = member(item, where, "category_id", (int, str), required=False)
    parent = member(item, where, "parent_section_id", (int, str), required=False)
    group = SourceGroup(section_id, name.strip(), " ".join(description.split()), position,
                        _old_paths(item, where, "sections", section_id), (str(category),) if category else ())
    return _Section(group, str(parent or ""), f"{shown} (section {section_id})")


def _read_article(item: Any, where: str, shown: str) -> SourceArticle | SourceTranslation:
    article_id = identifier(item, where)
    locale = member(item, where, "locale", str, required=False) or ""
    source_locale = member(item, where, "source_locale", str, required=False)
    if locale and source_locale and locale != source_locale:
        return _translation(item, where, shown, article_id, False)
    title = article_title(item, where)
    section = member(item, where, "section_id", (int, str))
    return SourceArticle(
        id=article_id,
        title=title,
        group_id=str(section),
        body_html=member(item, where, "body", str, required=False) or "",
        tags=text_list(item, where, "label_names"),
        promoted=bool(member(item, where, "promoted", bool, required=False)),
        draft=bool(member(item, where, "draft", bool, required=False)),
        old_paths=_old_paths(item, where, "articles", article_id),
        where=f"{shown} (article {article_id})",
        locale=locale,
    )


def _read_translation(item: Any, where: str, shown: str) -> SourceTranslation | None:
    """A translation of an article or a section; a category's is left out, as categories group sections only."""
    kind = member(item, where, "source_type", str).lower()
    if kind not in _GROUP_TYPES:
        if kind != "category":
            raise ShapeError(f"{where}.source_type", "'article', 'section' or 'category'", kind)
        return None
    return _translation(item, where, shown, identifier(item, where, "source_id"), _GROUP_TYPES[kind])


def _translation(item: Any, where: str, shown: str, of: str, of_group: bool) -> SourceTranslation:
    locale = member(item, where, "locale", str)
    kind = "section" if of_group else "article"
    body = member(item, where, "body", str, required=False) or ""
    return SourceTranslation(
        id=f"{kind} {of} {locale.lower()}", of=of, of_group=of_group, locale=locale,
        title=article_title(item, where),
        body_html=body,
        # A section's translation holds its description as `body`, plain text.
        description=" ".join((member(item, where, "description", str, required=False)
                              or (body if of_group else "")).split()),
        draft=bool(member(item, where, "draft", bool, required=False)),
        outdated=bool(member(item, where, "outdated", bool, required=False)),
        old_paths=_old_paths(item, where, f"{kind}s", of),
        where=f"{shown} ({kind} {of}, {locale})",
    )


def _old_paths(item: Any, where: str, kind: str, item_id: str) -> tuple[str, ...]:
    """`hc/{locale}/{kind}/{id}-{slug}/` (lower-case, when the slug allows) and `hc/{locale}/{kind}/{id}/`."""
    html_url = member(item, where, "html_url", str, required=False) or ""
    locale = (member(item, where, "locale", str, required=False) or "").lower()
    found = slug_and_bare(html_url, item_id) if _OLD_PATH.search(urlsplit(html_url).path) else ()
    return found or ((f"hc/{locale}/{kind}/{item_id}/",) if locale else ())
