"""Reading a Freshdesk solutions export: the API v2's responses for solution categories, folders and articles.

The export is a folder of JSON files, each a list as `GET /api/v2/solutions/categories`,
`.../categories/{id}/folders` or `.../folders/{id}/articles` returns it. Folders become categories,
as each article is filed in one; an article's SEO description becomes its summary. Freshdesk's
portal addresses are `/support/solutions/articles/{id}-{slug}`: the bare `/{id}` form is redirected,
and the slugged forms by the id-prefix rules of `_redirects`.

Translations are the same responses in another language (`GET /api/v2/solutions/articles/{id}/{language_code}`,
`.../folders/{id}/articles/{language_code}`, `.../categories/{id}/folders/{language_code}`), saved in a folder named
by the language code (`de/`, `pt-BR/`): a translated article keeps its source's id, and its old addresses are
the source's behind the language (`/de/support/solutions/articles/{id}`). A folder's and a category's old
addresses in a language are likewise the source's behind the language code, which the site answers in each of
its languages from the category's `redirect_from`, so a translated folder adds none; Freshdesk's categories
have no page here (each leads to its first folder's category), so their translations are not read.
"""

from __future__ import annotations

import re
from functools import partial
from pathlib import Path
from typing import Any

from helpcenter.importing.json_export import (
    article_title,
    identifier,
    json_files,
    member,
    read_items,
    text_list,
)
from helpcenter.importing.source import Export, SourceArticle, SourceGroup, SourceTranslation, links_by_path
from helpcenter.problems import Problem, shown_path

_LINK = re.compile(r"/support/solutions/(?:(articles|folders)/)?(\d+)")
_DRAFT = 1
_LANGUAGE_FOLDER = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")
"""A folder of an export named by a language code, as Freshdesk writes them ('de', 'pt-BR', 'zh-CN')."""


def read_freshdesk(export: Path, root: Path) -> Export:
    result = Export("Freshdesk", "folder", classify_link=links_by_path(_LINK))
    found: dict[str, list[tuple[str, str, Any]]] = {"article": [], "folder": [], "category": []}
    translated: dict[str, list[tuple[str, str, Any]]] = {}
    language_of = _file_languages(export, root)
    for shown, listing in json_files(export, root, result.problems, "solution categories, folders and articles"):
        locale = language_of.get(shown, "")
        if isinstance(listing, dict) and "id" in listing:  # one article, as GET .../articles/{id}[/{language}]
            listing = [listing]
        if not isinstance(listing, list):
            result.problems.append(Problem(shown, 0, "", "expected a list, as the Solutions API returns"))
            continue
        for index, item in enumerate(listing):
            where = f"[{index}]"
            if not isinstance(item, dict):
                result.problems.append(Problem(shown, 0, where, "expected an object"))
                continue
            kind = "article" if "folder_id" in item else "folder" if "visibility" in item else "category"
            if not locale:
                found[kind].append((shown, where, item))
            elif kind != "category":
                translated.setdefault(locale, []).append((shown, where, item))
    result.parents = read_items(found["category"], result, _read_category)
    result.groups = read_items(found["folder"], result, _read_folder)
    result.articles = read_items(found["article"], result, _read_article)
    for locale, listed in sorted(translated.items()):
        result.translations += read_items(listed, result, partial(_read_translation, locale=locale))
    return result


def _file_languages(export: Path, root: Path) -> dict[str, str]:
    """The language code of each JSON file in a language's folder, by the path problems name it with."""
    found = {}
    for file in sorted(export.rglob("*.json")) if export.is_dir() else []:
        parts = file.relative_to(export).parts
        if len(parts) > 1 and _LANGUAGE_FOLDER.fullmatch(parts[0]):
            found[shown_path(file, root)] = parts[0]
    return found


def _read_category(item: Any, where: str, _shown: str) -> SourceGroup:
    category_id = identifier(item, where)
    return SourceGroup(category_id, member(item, where, "name", str),
                       old_paths=(f"support/solutions/{category_id}/",))


def _read_folder(item: Any, where: str, _shown: str) -> SourceGroup:
    folder_id = identifier(item, where)
    name = member(item, where, "name", str)
    description = member(item, where, "description", str, required=False) or ""
    category = member(item, where, "category_id", (int, str), required=False)
    return SourceGroup(folder_id, " ".join(name.split()), " ".join(description.split()), 0,
                       (f"support/solutions/folders/{folder_id}/",), (str(category),) if category else ())


def _read_article(item: Any, where: str, shown: str) -> SourceArticle:
    article_id = identifier(item, where)
    title = article_title(item, where)
    seo = member(item, where, "seo_data", dict, required=False) or {}
    summary = member(seo, f"{where}.seo_data", "meta_description", str, required=False) or ""
    path = f"support/solutions/articles/{article_id}/"
    return SourceArticle(
        id=article_id,
        title=title,
        group_id=str(member(item, where, "folder_id", (int, str))),
        body_html=member(item, where, "description", str, required=False) or "",
        summary=" ".join(summary.split()),
        tags=text_list(item, where, "tags"),
        draft=member(item, where, "status", int, required=False) == _DRAFT,
        old_paths=(path,),
        where=f"{shown} (article {article_id})",
    )


def _read_translation(item: Any, where: str, shown: str, locale: str) -> SourceTranslation:
    """A folder or an article as Freshdesk returns it in the language `locale`: the same id as its source."""
    item_id = identifier(item, where)
    prefix = locale.lower()
    if "folder_id" not in item:
        name = member(item, where, "name", str)
        description = member(item, where, "description", str, required=False) or ""
        return SourceTranslation(
            id=f"folder {item_id} {prefix}", of=item_id, of_group=True, locale=locale, title=" ".join(name.split()),
            description=" ".join(description.split()), where=f"{shown} (folder {item_id}, {locale})")
    seo = member(item, where, "seo_data", dict, required=False) or {}
    summary = member(seo, f"{where}.seo_data", "meta_description", str, required=False) or ""
    return SourceTranslation(
        id=f"article {item_id} {prefix}", of=item_id, of_group=False, locale=locale,
        title=article_title(item, where), body_html=member(item, where, "description", str, required=False) or "",
        summary=" ".join(summary.split()), draft=member(item, where, "status", int, required=False) == _DRAFT,
        old_paths=(f"{prefix}/support/solutions/articles/{item_id}/",), where=f"{shown} (article {item_id}, {locale})",
    )
