"""Reading an Intercom Help Center export: the REST API's responses for articles and collections.

The export is a folder of JSON files, each one page as `GET /articles` or `GET /help_center/collections`
returns it: `{"type": "list", "data": [...], "pages": {...}, "total_count": ...}`. Collections become
categories, as each article is filed under one; an article's `description` becomes its summary.
An article's (and a collection's) `translated_content` holds its words in each other locale.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from helpcenter.importing.json_export import (
    ShapeError,
    article_title,
    identifier,
    items,
    json_files,
    member,
    read_items,
)
from helpcenter.importing.old_paths import slug_and_bare
from helpcenter.importing.source import Export, SourceArticle, SourceGroup, SourceTranslation, links_by_path
from helpcenter.problems import Problem

_LINK = re.compile(r"/(articles|collections)/(\d+)")
NO_COLLECTION = "none"


def read_intercom(export: Path, root: Path) -> Export:
    result = Export("Intercom", "collection", classify_link=links_by_path(_LINK))
    found: dict[str, list[tuple[str, str, Any]]] = {"article": [], "collection": []}
    for shown, page in json_files(export, root, result.problems, "articles and collections"):
        try:
            for where, item in items(page, "", "data"):
                kind = member(item, where, "type", str)
                if kind not in found:
                    raise ShapeError(f"{where}.type", "'article' or 'collection'", kind)
                found[kind].append((shown, where, item))
        except ShapeError as error:
            result.problems.append(Problem(shown, 0, error.where, str(error).partition(": ")[2]))
    result.groups = sorted(read_items(found["collection"], result, _read_collection), key=lambda group: group.position)
    articles = read_items(found["article"], result, _read_article)
    result.articles = [article for article in articles if article is not None]
    result.source_locale = next((article.locale for article in result.articles if article.locale), "")
    own = {article.id: article.locale for article in result.articles}
    for kind, of_group in (("article", False), ("collection", True)):
        for shown, where, item in found[kind]:
            try:
                result.translations += [
                    translation for translation in _translations(item, where, shown, of_group)
                    if translation.locale != (own.get(translation.of) or result.source_locale)
                ]
            except ShapeError as error:
                result.problems.append(Problem(shown, 0, error.where, str(error).partition(": ")[2]))
    if any(article.group_id == NO_COLLECTION for article in result.articles):
        result.groups.append(SourceGroup(NO_COLLECTION, "General", position=len(result.groups) + 1))
    return result


def _read_collection(item: Any, where: str, _shown: str) -> SourceGroup:
    collection_id = identifier(item, where)
    name = member(item, where, "name", str)
    description = member(item, where, "description", str, required=False) or ""
    order = member(item, where, "order", int, required=False) or 0
    url = member(item, where, "url", str, required=False) or ""
    parent = member(item, where, "parent_id", (int, str), required=False)
    return SourceGroup(collection_id, " ".join(name.split()), " ".join(description.split()), order,
                       slug_and_bare(url, collection_id), (str(parent),) if parent else ())


def _read_article(item: Any, where: str, shown: str) -> SourceArticle:
    article_id = identifier(item, where)
    title = article_title(item, where)
    state = member(item, where, "state", str, required=False) or "published"
    parent = member(item, where, "parent_id", (int, str), required=False)
    paths = slug_and_bare(member(item, where, "url", str, required=False) or "", article_id)
    return SourceArticle(
        id=article_id,
        title=title,
        group_id=str(parent) if parent else NO_COLLECTION,
        body_html=member(item, where, "body", str, required=False) or "",
        summary=" ".join((member(item, where, "description", str, required=False) or "").split()),
        draft=state != "published",
        old_paths=paths,
        where=f"{shown} (article {article_id})",
        locale=member(item, where, "default_locale", str, required=False) or "",
    )


def _translations(item: Any, where: str, shown: str, of_group: bool) -> list[SourceTranslation]:
    """The words of `translated_content` in each locale but the item's own (which the item itself holds)."""
    item_id = identifier(item, where)
    content = member(item, where, "translated_content", dict, required=False) or {}
    kind = "collection" if of_group else "article"
    found = []
    for locale, words in sorted(content.items()):
        if locale == "type" or words is None:
            continue
        path = f"{where}.translated_content.{locale}"
        title = member(words, path, "name", str) if of_group else article_title(words, path)
        state = member(words, path, "state", str, required=False) or "published"
        text = " ".join((member(words, path, "description", str, required=False) or "").split())
        found.append(SourceTranslation(
            id=f"{kind} {item_id} {locale.lower()}", of=item_id, of_group=of_group, locale=locale,
            title=" ".join(title.split()), body_html=member(words, path, "body", str, required=False) or "",
            summary="" if of_group else text, description=text if of_group else "", draft=state != "published",
            old_paths=slug_and_bare(member(words, path, "url", str, required=False) or "", item_id),
            where=f"{shown} ({kind} {item_id}, {locale})",
        ))
    return found
