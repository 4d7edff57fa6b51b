"""What every export is read into, whatever the vendor: groups of articles, articles, and the links between them."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Literal
from urllib.parse import urlsplit

from helpcenter.problems import Problem

DEFAULT_ICON = "material/help-circle-outline"
"""The icon of a category the import adds, unless another is given."""

LinkKind = Literal["article", "group"]
LinkClassifier = Callable[[str], "tuple[LinkKind, str] | None"]
"""What an address in an article's body leads to in the old help center: an article or a group, by id."""


@dataclass(frozen=True)
class SourceGroup:
    """A section, collection or folder of the old help center: it becomes a category."""

    id: str
    title: str
    description: str = ""
    position: int = 0
    """Its place in the old help center, among the groups of its parent."""
    old_paths: tuple[str, ...] = ()
    """The group's old addresses, as site paths without the leading '/'."""
    parent_ids: tuple[str, ...] = ()
    """The groups above it (a Zendesk category): links to those lead to this group's category too."""


def links_by_path(pattern: re.Pattern[str]) -> LinkClassifier:
    """A classifier of links whose path holds `pattern`: its first group says 'articles' (an article) or
    anything else (a group), its second is the id."""

    def classify(url: str) -> tuple[LinkKind, str] | None:
        match = pattern.search(urlsplit(url).path)
        if match is None:
            return None
        return ("article" if match.group(1) == "articles" else "group"), match.group(2)

    return classify


def with_parent_paths(groups: list[SourceGroup], parents: list[SourceGroup]) -> list[SourceGroup]:
    """The groups, the first group of each parent (a Zendesk category, a Freshdesk category) taking the parent's
    old addresses too: its page has no page of its own here, and its first group's category is the closest."""
    first: dict[str, int] = {}
    for index, group in enumerate(groups):
        if group.parent_ids:
            first.setdefault(group.parent_ids[0], index)
    found = list(groups)
    for parent in parents:
        if parent.id in first:
            group = found[first[parent.id]]
            found[first[parent.id]] = replace(group, old_paths=group.old_paths + parent.old_paths)
    return found


@dataclass(frozen=True)
class SourceArticle:
    id: str
    title: str
    group_id: str
    body_html: str | None = None
    body_markdown: str | None = None
    summary: str = ""
    tags: tuple[str, ...] = ()
    also_asked: tuple[str, ...] = ()
    video_url: str = ""
    promoted: bool = False
    draft: bool = False
    old_paths: tuple[str, ...] = ()
    """Every old address of the article, as site paths without the leading '/' (the redirects)."""
    where: str = ""
    """How problems name the article: its file and id."""
    locale: str = ""
    """The locale it is written in, as the vendor writes it; empty when the export does not say."""


@dataclass(frozen=True)
class SourceTranslation:
    """An article's or a group's words in another language, as the old help center kept them."""

    id: str
    """Unique in the export: what it translates and its locale."""
    of: str
    """The id of the article or group it translates."""
    of_group: bool
    locale: str
    """The locale as the vendor writes it ('de', 'pt-br')."""
    title: str
    body_html: str = ""
    summary: str = ""
    """An article's summary in this language, where the vendor has one (Intercom's `description`)."""
    description: str = ""
    """A group's description in this language."""
    draft: bool = False
    outdated: bool = False
    """The old help center marked it as behind its source."""
    old_paths: tuple[str, ...] = ()
    where: str = ""


@dataclass
class Export:
    """An export as read: its groups and articles, what was left out, and every problem found reading it."""

    vendor: str
    group_name: str
    """What the vendor calls a group: 'section', 'collection', 'folder', 'category'."""
    groups: list[SourceGroup] = field(default_factory=list)
    parents: list[SourceGroup] = field(default_factory=list)
    """The groups of groups (Zendesk's and Freshdesk's categories): each leads to its first group's category."""
    articles: list[SourceArticle] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    translations: list[SourceTranslation] = field(default_factory=list)
    source_locale: str = ""
    """The locale the articles are written in, as the vendor writes it; empty when the export does not say."""
    classify_link: LinkClassifier = lambda _url: None
