"""The MkDocs plugin: the only module that imports MkDocs. Each hook delegates to the engine-free core."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Callable

import markdown
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from .content import load_help_center
from .edit_links import edit_uri_for, page_sources
from .ledger import published_urls, read_ledger, vanished_url_problems
from .model import Category, Entry, HelpCenter
from .problems import ContentError
from .redirects import REDIRECTS_FILE, redirect_page, redirects, redirects_file
from .render import render_pages
from .robots import ROBOTS_URI, robots_txt
from .structured_data import PageData, SiteAddress, page_data, plain_text

log = logging.getLogger("mkdocs.plugins.helpcenter")


class HelpCenterConfig(Config):
    data_dir = c.Type(str, default="faq_data")
    """The content folder, relative to mkdocs.yml."""
    templates_dir = c.Type(str, default="overrides/helpcenter")
    """Templates here replace the packaged page templates of the same name (home.md.j2, entry.md.j2, ...)."""
    ledger = c.Type(str, default="published-urls.txt")
    """The ledger of published addresses, relative to mkdocs.yml; an empty value turns the ledger check off."""


class HelpCenterPlugin(BasePlugin[HelpCenterConfig]):
    """Adds one page per FAQ entry and category, and the home page, from the YAML content."""

    command = "build"

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        project_root = Path(config.config_file_path).parent
        self.data_dir = project_root / self.config.data_dir
        self.templates_dir = project_root / self.config.templates_dir
        try:
            self.help_center: HelpCenter = load_help_center(self.data_dir, project_root)
        except ContentError as error:
            raise PluginError("The help-center content has problems:\n" + error.report()) from None
        if config.nav is None:
            config.nav = navigation(self.help_center, Path(config.docs_dir))
        self._set_up_search_engine_data(config)
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        for page in render_pages(self.help_center, self.templates_dir, config.use_directory_urls):
            existing = files.get_file_from_path(page.src_uri)
            if existing is not None:
                raise PluginError(
                    f"docs/{page.src_uri} is generated from faq_data/; remove the hand-written file"
                )
            files.append(File.generated(config, page.src_uri, content=page.markdown))
        self._point_edit_links_at_sources(files, config)
        self._add_redirects(files, config)
        add_robots_txt(files, config)
        return files

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """A published address that would disappear stops the build (under `mkdocs serve`, a warning)."""
        if not self.config.ledger:
            return
        project_root = Path(config.config_file_path).parent
        ledger, problems = read_ledger(project_root / self.config.ledger, self.config.ledger)
        if ledger is not None:
            published = published_urls(self.help_center, Path(config.docs_dir))
            problems += vanished_url_problems(ledger, published, self.help_center)
        if not problems:
            return
        report = "\n".join(str(problem) for problem in sorted(problems))
        if self.command == "serve":
            log.warning("Published addresses would disappear:\n%s", report)
            return
        raise PluginError("Published addresses would disappear:\n" + report)

    def _point_edit_links_at_sources(self, files: Files, config: MkDocsConfig) -> None:
        """The edit button of a generated page opens the YAML file it comes from."""
        project_root = Path(config.config_file_path).parent
        docs_dir = Path(config.docs_dir)
        for src_uri, source in page_sources(self.help_center, self.data_dir, project_root).items():
            file = files.get_file_from_path(src_uri)
            if file is not None:
                file.edit_uri = edit_uri_for(source, docs_dir)

    def _add_redirects(self, files: Files, config: MkDocsConfig) -> None:
        """A page at every old address (`redirect_from`) and the `_redirects` file for hosts that read it."""
        found = redirects(self.help_center)
        language = config.theme.get("language") or "en"
        taken = {file.dest_uri: file.src_uri for file in files}
        for redirect in found:
            if redirect.page_uri in taken:
                raise PluginError(
                    f"docs/{taken[redirect.page_uri]} is published at /{redirect.old}, which is also an old address "
                    f"of /{redirect.new} (redirect_from); remove one of the two"
                )
            files.append(File.generated(config, redirect.page_uri,
                                        content=redirect_page(redirect, config.site_url, language)))
        content = redirects_file(found, config.site_url)
        hand_written = files.get_file_from_path(REDIRECTS_FILE)
        if hand_written is not None:  # the team's own rules come first; the generated ones follow
            content = hand_written.content_string.rstrip("\n") + "\n" + content
            files.remove(hand_written)
        files.append(File.generated(config, REDIRECTS_FILE, content=content))

    def on_page_context(
        self, context: dict[str, Any], /, *, page: Page, config: MkDocsConfig, nav: Any
    ) -> dict[str, Any]:
        entry_id = page.meta.get("helpcenter_entry")
        context["helpcenter"] = self.help_center
        context["helpcenter_entry"] = self.help_center.entry(entry_id) if entry_id else None
        context["helpcenter_seo"] = self._search_engine_data(page, context["helpcenter_entry"])
        return context

    def on_template_context(
        self, context: dict[str, Any], /, *, template_name: str, config: MkDocsConfig
    ) -> dict[str, Any]:
        # Static templates such as 404.html have no page, but list the categories too.
        context.setdefault("helpcenter", self.help_center)
        return context

    def _set_up_search_engine_data(self, config: MkDocsConfig) -> None:
        if not config.site_url:
            log.warning("site_url is not set in mkdocs.yml: canonical links, structured data and robots.txt need the site's address")
        self.site_address = SiteAddress(config.site_url or "", config.use_directory_urls)
        self.site_name = config.site_name
        self.categories_by_src = {category.src_uri: category for category in self.help_center.categories}
        self.markdown_to_html = markdown_converter(config)

    def _search_engine_data(self, page: Page, entry: Entry | None) -> PageData:
        category: Category | None = self.categories_by_src.get(page.file.src_uri)
        intro = self.help_center.settings.home_intro
        if page.is_homepage and intro:
            # The intro is Markdown; search engines and link previews get its words only.
            page.meta["description"] = plain_text(self.markdown_to_html(intro))
        return page_data(
            self.help_center, self.site_address, self.site_name, self.markdown_to_html,
            entry=entry, category=category,
        )

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        server.watch(str(self.data_dir))
        if self.templates_dir.is_dir():
            server.watch(str(self.templates_dir))
        return server


def navigation(help_center: HelpCenter, docs_dir: Path) -> list[dict[str, str]]:
    """Home, one item per category, then the hand-written pages: never one item per entry."""
    items = [{help_center.settings.home_title: "index.md"}]
    items.extend({category.title: category.src_uri} for category in help_center.categories)
    for page in sorted(docs_dir.glob("*.md")):
        if page.name not in ("index.md", "404.md"):
            items.append({_page_title(page): page.name})
    return items


def _page_title(page: Path) -> str:
    for line in page.read_text(encoding="utf-8").splitlines():
        if line.startswith("title:"):
            return line.partition(":")[2].strip().strip("'\"")
        if line.startswith("# "):
            return line[2:].strip()
    return page.stem.replace("-", " ").capitalize()


def add_robots_txt(files: Files, config: MkDocsConfig) -> None:
    """robots.txt at the site's root, naming the sitemap at the address built from site_url."""
    if files.get_file_from_path(ROBOTS_URI) is not None:
        raise PluginError(f"docs/{ROBOTS_URI} is generated from site_url in mkdocs.yml; remove the hand-written file")
    files.append(File.generated(config, ROBOTS_URI, content=robots_txt(config.site_url)))


def markdown_converter(config: MkDocsConfig) -> Callable[[str], str]:
    """Markdown to HTML with the site's extensions, for text that is not a page (such as JSON-LD answers)."""
    converter = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
    return lambda text: converter.reset().convert(text)
