"""An export as the files to write: a category for each group, an entry for each published article."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import Any

from helpcenter.importing.article_body import convert_body, video_watch_url, with_other_videos
from helpcenter.importing.html_markdown import split_steps
from helpcenter.importing.pictures import PictureFinder
from helpcenter.importing.plan_translations import plan_translations
from helpcenter.importing.planned import ImportOptions, ImportPlan, PlannedCategory, PlannedEntry
from helpcenter.importing.source import Export, SourceGroup, with_parent_paths
from helpcenter.new_entry import entry_id_from_question
from helpcenter.problems import Problem


def plan_import(export: Export, categories: dict[str, tuple[str, int]], entry_ids: set[str],
                options: ImportOptions, progress: Callable[[int], None] | None = None) -> ImportPlan:
    """`categories`: the help center's categories now (id -> title, order); `entry_ids`: its entries' ids;
    `progress` is told of each article converted."""
    plan = ImportPlan()
    published = [article for article in export.articles if not article.draft]
    plan.drafts = len(export.articles) - len(published)
    groups = {group.id: group for group in export.groups}
    used = {article.group_id for article in published}
    used_groups = with_parent_paths([group for group in export.groups if group.id in used], export.parents)
    category_of = _plan_categories(used_groups, categories, plan)
    for group in used_groups:  # a Zendesk category leads to the category of its first section
        for parent in group.parent_ids:
            category_of.setdefault(parent, category_of[group.id])
    taken = set(entry_ids)
    ids: dict[str, str] = {}
    for article in published:
        if article.group_id not in groups:
            plan.problems.append(Problem(article.where, 0, export.group_name, (
                f"its {export.group_name} {article.group_id} is not in the export; add the response that lists it"
            )))
            continue
        entry_id = _unique(entry_id_from_question(article.title) or f"article-{article.id}", taken)
        ids[article.id] = entry_id
        plan.entries.append(PlannedEntry(article, entry_id, category_of[article.group_id]))
    finder = PictureFinder(options.images_dir)
    for planned in plan.entries:
        _convert(planned, export, ids, category_of, finder, plan)
        if planned.article.promoted:
            plan.featured.append(planned.id)
        if progress is not None:
            progress(1)
    plan_translations(export, plan, ids, category_of, options, finder)
    plan.pictures = finder.copies
    return plan


def _plan_categories(groups: list[SourceGroup], existing: dict[str, tuple[str, int]],
                     plan: ImportPlan) -> dict[str, str]:
    order = max((position for _, position in existing.values()), default=0)
    taken = set(existing)
    category_of = {}
    for group in groups:  # in the order the old help center showed them, as the reader gives them
        candidate = _slug(group.title) or f"group-{group.id}"
        joined = next((category_id for category_id, (title, _) in existing.items()
                       if category_id == candidate or title.casefold() == group.title.casefold()), None)
        if joined is not None:
            category_of[group.id] = joined
            plan.notes.append(f"the group '{group.title}' joins the existing category '{joined}'"
                              + (f"; its old addresses are not redirected: {', '.join(group.old_paths)}"
                                 if group.old_paths else ""))
            continue
        order += 1
        category_id = _unique(candidate, taken)
        category_of[group.id] = category_id
        plan.categories.append(PlannedCategory(category_id, group.title, group.description, order,
                                               group.old_paths, True))
    return category_of


def _slug(title: str) -> str:
    """A category's id from its title, every word kept: 'Your account' -> 'your-account'."""
    words = re.findall(r"[a-z0-9]+", unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower())
    return "-".join(words)[:50].strip("-")


def _unique(candidate: str, taken: set[str]) -> str:
    found, number = candidate, 1
    while found in taken:
        number += 1
        found = f"{candidate[:45]}-{number}"
    taken.add(found)
    return found


def _convert(planned: PlannedEntry, export: Export, ids: dict[str, str], category_of: dict[str, str],
             finder: PictureFinder, plan: ImportPlan) -> None:
    article = planned.article
    values: dict[str, Any] = {"summary": article.summary}
    answer = article.body_markdown or ""
    videos: list[tuple[str, str]] = []
    if article.body_html is not None and article.body_markdown is None:
        answer, videos = convert_body(article.body_html, article.where, export, ids, category_of, finder, plan)
    if article.video_url:
        videos.insert(0, (article.video_url, ""))
    answer = with_other_videos(answer, videos, article.where, plan)
    answer, steps = split_steps(answer.strip("\n"))
    values.update(answer=answer, steps=steps, tags=list(article.tags), also_asked=list(article.also_asked),
                  redirect_from=list(article.old_paths))
    if videos:
        url, title = videos[0]
        values["video"] = {"url": video_watch_url(url), "title": title or article.title, "description": "",
                           "uploaded": ""}
    planned.values = values
