"""Reading a Zendesk Guide export: the Help Center API's responses for articles, sections and categories.

The export is a folder of JSON files, each one page as `GET /api/v2/help_center/{locale}/articles`
(or `sections`, `categories`) returns it: `{"articles": [...], "next_page": ..., "count": ...}`.
Sections become categories: an article belongs to exactly one section, and sections are what the
old help center listed articles under; a Zendesk category only groups sections.
"""

from __future__ import annotations

import re
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
from helpcenter.importing.source import Export, LinkKind, SourceArticle, SourceGroup
from helpcenter.problems import Problem, shown_path

_KINDS = ("articles", "sections", "categories")
_OLD_PATH = re.compile(r"/hc/(?:([a-z]{2,3}(?:-[a-z0-9]{2,8})*)/)?(articles|sections|categories)/(\d+)(?:-([^/?#]*))?")


def read_zendesk(export: Path, root: Path) -> Export:
    """Every page under `export` (a folder of JSON files, or one file)."""
    result = Export("Zendesk", "section", classify_link=classify_link)
    pages: dict[str, list[tuple[str, str, Any]]] = {kind: [] for kind in _KINDS}
    for shown, page in json_files(export, root, result.problems, "articles, sections and categories"):
        kind = next((kind for kind in _KINDS if isinstance(page, dict) and kind in page), None)
        if kind is None:
            result.problems.append(Problem(shown, 0, "", (
                "not a Help Center API response: expected an object with 'articles', 'sections' or 'categories'"
            )))
        else:
            try:
                pages[kind] += [(shown, where, item) for where, item in items(page, "", kind)]
            except ShapeError as error:
                result.problems.append(Problem(shown, 0, error.where, str(error).partition(": ")[2]))
    result.parents = read_items(pages["categories"], result, _read_category)
    # Sections in the order the old help center showed them: by their category's place, then their own.
    category_place = {category.id: category.position for category in result.parents}
    result.groups = sorted(read_items(pages["sections"], result, _read_section), key=lambda section: (
        category_place.get(section.parent_ids[0], 0) if section.parent_ids else 0, section.position))
    for article in read_items(pages["articles"], result, _read_article):
        if article is None:
            result.skipped_translations += 1
        else:
            result.articles.append(article)
    if not pages["sections"] and not result.problems:
        result.problems.append(Problem(shown_path(export, root), 0, "", (
            "no sections: add the response of GET /api/v2/help_center/{locale}/sections beside the articles"
        )))
    return result


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


def _read_section(item: Any, where: str, _shown: str) -> SourceGroup:
    section_id = identifier(item, where)
    name = member(item, where, "name", str)
    description = member(item, where, "description", str, required=False) or ""
    position = member(item, where, "position", int, required=False) or 0
    category = member(item, where, "category_id", (int, str), required=False)
    return SourceGroup(section_id, name.strip(), " ".join(description.split()), position,
                       _old_paths(item, where, "sections", section_id), (str(category),) if category else ())


def _read_article(item: Any, where: str, shown: str) -> SourceArticle | None:
    article_id = identifier(item, where)
    locale = member(item, where, "locale", str, required=False)
    source_locale = member(item, where, "source_locale", str, required=False)
    if locale and source_locale and locale != source_locale:
        return None
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
    )


def _old_paths(item: Any, where: str, kind: str, item_id: str) -> tuple[str, ...]:
    """`hc/{locale}/{kind}/{id}-{slug}/` (lower-case, when the slug allows) and `hc/{locale}/{kind}/{id}/`."""
    html_url = member(item, where, "html_url", str, required=False) or ""
    locale = (member(item, where, "locale", str, required=False) or "").lower()
    found = slug_and_bare(html_url, item_id) if _OLD_PATH.search(urlsplit(html_url).path) else ()
    return found or ((f"hc/{locale}/{kind}/{item_id}/",) if locale else ())
