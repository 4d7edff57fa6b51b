"""Rendering the help center into Markdown pages (front matter + body) through Jinja templates."""

from __future__ import annotations

import html
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
import markdown.extensions.toc

from helpcenter.load.links import img_sources, resolve_links
from helpcenter.load.localized import interface_texts
from helpcenter.model import Category, Entry, HelpCenter
from helpcenter.render.addresses import href_between, page_path, relative_link, site_root_prefix
from helpcenter.render.answer_parts import STEPS_MARK
from helpcenter.render.entry_links import entry_relative, link_resolver
from helpcenter.render.filters import make_environment
from helpcenter.render.site_values import with_site_values

HOME_URI = "index.md"

RELATED_QUESTIONS_ID = "related-questions"

LANGUAGE_META = "helpcenter_language"
"""The front matter key of a page in another language than the default one: its language code."""


@dataclass(frozen=True)
class Page:
    """A generated page: where it goes, its front matter and Markdown, and the HTML that follows the rendered
    Markdown."""

    src_uri: str
    meta: dict[str, Any]
    body: str
    """The Markdown after the front matter."""
    html_after: str = ""
    """HTML that follows the rendered Markdown and is searchable like it."""
    html_end: str = ""
    """HTML that ends the page and stays out of the search index."""

    @property
    def markdown(self) -> str:
        """The page's source: its front matter, then its Markdown."""
        return _with_front_matter(self.meta, self.body)


def theme_text(text: str) -> str:
    """Plain text as the theme expects a page's title and description: HTML, on one line.

    MkDocs and Material insert `title` and `description` into the page without escaping them
    (in `<title>`, the meta description, the header and the navigation), as they hold HTML there.
    """
    return html.escape(" ".join(text.split()), quote=True)


def html_end_of_page(html_end: str, taken_ids: set[str]) -> str:
    """The HTML that ends an entry page, its heading's id made unique as Python-Markdown's toc would."""
    if RELATED_QUESTIONS_ID not in taken_ids:
        return html_end
    unique = markdown.extensions.toc.unique(RELATED_QUESTIONS_ID, set(taken_ids))
    return html_end.replace(f'id="{RELATED_QUESTIONS_ID}"', f'id="{unique}"', 1)


class PageRenderer:
    """Renders every page of one help center; templates are loaded once per build."""

    def __init__(
        self,
        help_center: HelpCenter,
        environment: jinja2.Environment,
        use_directory_urls: bool = True,
        toc_settings: Mapping[str, Any] | None = None,
        show_topics: bool = False,
    ) -> None:
        self.help_center = help_center
        self.words = interface_texts(help_center, help_center.language)
        self.use_directory_urls = use_directory_urls
        self.show_topics = show_topics
        toc_settings = toc_settings or {}
        self.slugify: Callable[[str, str], str] = toc_settings.get("slugify") or markdown.extensions.toc.slugify
        self.separator: str = toc_settings.get("separator", "-")
        self.templates = {
            name: environment.get_template(name)
            for name in (
                "home.md.j2",
                "category.md.j2",
                "category-questions.html.j2",
                "entry.md.j2",
                "entry-after.html.j2",
                "entry-links.html.j2",
            )
        }

    def pages(self) -> list[Page]:
        help_center = self.help_center
        pages = [self.home()]
        pages.extend(self.category(category) for category in help_center.categories)
        pages.extend(self.entry(entry) for entry in help_center.entries)
        if help_center.language:  # the plugin gives such a page its language's theme words and direction
            for page in pages:
                page.meta[LANGUAGE_META] = help_center.language
        return pages

    def home(self) -> Page:
        settings = self.help_center.settings
        featured = [self.help_center.entry(entry_id) for entry_id in settings.featured]
        meta = {
            "title": theme_text(settings.home_title),
            "description": theme_text(settings.home_intro or settings.home_title),
            "template": "home.html",
            "hide": ["navigation", "toc"],
            "search": {"exclude": True},
        }
        home = self.help_center.home_uri
        body = self.templates["home.md.j2"].render(
            settings=settings,
            categories=[(category, relative_link(home, category.src_uri)) for category in self.help_center.categories],
            featured=[(entry, relative_link(home, entry.src_uri)) for entry in featured],
            icon=_icon_shortcode,
            words=self.words,
        )
        return Page(home, meta, body)

    def category(self, category: Category) -> Page:
        entries = self.help_center.entries_in(category.id)
        meta = {
            "title": theme_text(category.title),
            "description": theme_text(category.description),
            "template": "category.html",
            "search": {"exclude": True},
        }
        body = self.templates["category.md.j2"].render(category=category)
        source = self.page_path(category.src_uri)
        heading_ids: set[str] = set()
        self.heading_id(category.title, heading_ids)  # the page's title comes first
        questions = self.templates["category-questions.html.j2"].render(
            entries=[
                (entry, href_between(source, self.page_path(entry.src_uri)), self.heading_id(entry.title, heading_ids))
                for entry in entries
            ],
        )
        return Page(category.src_uri, meta, body, questions.rstrip("\n"))

    def page_path(self, src_uri: str) -> str:
        return page_path(src_uri, self.use_directory_urls)

    def heading_id(self, text: str, taken: set[str]) -> str:
        """The id Python-Markdown's toc gives a heading of this plain text, after the ids in `taken` (added to it)."""
        return markdown.extensions.toc.unique(self.slugify(" ".join(text.split()), self.separator), taken)

    def entry(self, entry: Entry) -> Page:
        help_center = self.help_center
        category = help_center.category(entry.category)

        resolve = link_resolver(help_center, entry_relative(entry))

        def markdown(text: str) -> str:
            resolved = resolve_links(text, resolve)
            return pictures_from_root(with_site_values(resolved, help_center.settings.contact), root_prefix)

        root_prefix = site_root_prefix(entry.src_uri, self.use_directory_urls)

        meta: dict[str, Any] = {
            "title": theme_text(entry.title),
            "description": theme_text(entry.summary),
            "template": "entry.html",
            "helpcenter_entry": entry.id,
            # The site's search has its own index of the entries (render/search_index.py).
            "search": {"exclude": True},
        }
        thumbnail = None
        if entry.video and entry.video.thumbnail:
            # Raw HTML is not rewritten by MkDocs, so the path is made relative to the built page.
            thumbnail = site_root_prefix(entry.src_uri, self.use_directory_urls) + entry.video.thumbnail
        body = self.templates["entry.md.j2"].render(
            entry=entry,
            category=category,
            category_link=relative_link(entry.src_uri, category.src_uri),
            answer=markdown(entry.answer),
            steps=[markdown(step) for step in entry.steps],
            steps_mark=STEPS_MARK,
            words=self.words,
        )
        after = self.templates["entry-after.html.j2"].render(
            entry=entry, video=entry.video, thumbnail=thumbnail, show_topics=self.show_topics, words=self.words,
        )
        source = self.page_path(entry.src_uri)
        end = self.templates["entry-links.html.j2"].render(
            entry=entry,
            related=[
                (other, href_between(source, self.page_path(other.src_uri)))
                for other in map(help_center.entry, entry.related)
            ],
            related_id=RELATED_QUESTIONS_ID,
            contact=help_center.settings.contact,
            words=self.words,
        )
        # `after` keeps the blank line that follows each of its blocks (Python-Markdown ends raw HTML
        # so); `end` closes the page.
        return Page(entry.src_uri, meta, body, after, end.rstrip("\n"))


def render_pages(
    help_center: HelpCenter,
    override_dir: Path | None = None,
    use_directory_urls: bool = True,
    toc_settings: Mapping[str, Any] | None = None,
    show_topics: bool = False,
) -> list[Page]:
    """Every page; `toc_settings` are those of the toc extension in mkdocs.yml (its slugify and separator),
    `show_topics` shows each entry's tags on its page."""
    environment = make_environment(override_dir)
    return PageRenderer(help_center, environment, use_directory_urls, toc_settings, show_topics).pages()


def pictures_from_root(markdown: str, root_prefix: str) -> str:
    """Raw `<img src="assets/...">` made relative to the built page: MkDocs rewrites Markdown's links, not HTML."""
    pieces: list[str] = []
    position = 0
    for source in img_sources(markdown):
        if source.scheme or source.target.startswith(("../", "/")):
            continue
        pieces.extend((markdown[position:source.start], root_prefix, source.target))
        position = source.end
    pieces.append(markdown[position:])
    return "".join(pieces)


def _icon_shortcode(icon: str) -> str:
    return ":" + icon.replace("/", "-") + ":"


def _with_front_matter(meta: Mapping[str, Any], body: str) -> str:
    # JSON is YAML: MkDocs reads it as front matter. Non-ASCII characters stay as they are (an
    # escaped emoji would be a surrogate pair, which YAML reads as two broken characters).
    return f"---\n{json.dumps(dict(meta), ensure_ascii=False)}\n---\n\n{body}"
