"""Reading a Freshdesk solutions export: the API v2's responses for solution categories, folders and articles.

The export is a folder of JSON files, each a list as `GET /api/v2/solutions/categories`,
`.../categories/{id}/folders` or `.../folders/{id}/articles` returns it. Folders become categories,
as each article is filed in one; an article's SEO description becomes its summary. Freshdesk's
portal addresses are `/support/solutions/articles/{id}-{slug}`: the bare `/{id}` form is redirected,
and the slugged forms by the id-prefix rules of `_redirects`.
"""

from __future__ import annotations

import re
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
from helpcenter.importing.source import Export, SourceArticle, SourceGroup, links_by_path
from helpcenter.problems import Problem

_LINK = re.compile(r"/support/solutions/(?:(articles|folders)/)?(\d+)")
_DRAFT = 1


def read_freshdesk(export: Path, root: Path) -> Export:
    result = Export("Freshdesk", "folder", classify_link=links_by_path(_LINK))
    found: dict[str, list[tuple[str, str, Any]]] = {"article": [], "folder": [], "category": []}
    for shown, listing in json_files(export, root, result.problems, "solution categories, folders and articles"):
        if not isinstance(listing, list):
            result.problems.append(Problem(shown, 0, "", "expected a list, as the Solutions API returns"))
            continue
        for index, item in enumerate(listing):
            where = f"[{index}]"
            if not isinstance(item, dict):
                result.problems.append(Problem(shown, 0, where, "expected an object"))
                continue
            kind = "article" if "folder_id" in item else "folder" if "visibility" in item else "category"
            found[kind].append((shown, where, item))
    result.parents = read_items(found["category"], result, _read_category)
    result.groups = read_items(found["folder"], result, _read_folder)
    result.articles = read_items(found["article"], result, _read_article)
    return result


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
