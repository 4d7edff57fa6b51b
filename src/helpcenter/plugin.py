"""The MkDocs plugin: the only module that imports MkDocs. Each hook delegates to the engine-free core."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from .content import load_help_center
from .model import HelpCenter
from .problems import ContentError
from .render import render_pages
from .shared_blocks import SharedBlocks

log = logging.getLogger("mkdocs.plugins.helpcenter")


class HelpCenterConfig(Config):
    data_dir = c.Type(str, default="faq_data")
    """The content folder, relative to mkdocs.yml."""
    templates_dir = c.Type(str, default="overrides/helpcenter")
    """Templates here replace the packaged page templates of the same name (home.md.j2, entry.md.j2, ...)."""
    share_theme_blocks = c.Type(bool, default=True)
    """Render the theme blocks that are the same on every entry page once per build (overrides/main.html)."""


class HelpCenterPlugin(BasePlugin[HelpCenterConfig]):
    """Adds one page per FAQ entry and category, and the home page, from the YAML content."""

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
        self.shared_blocks = SharedBlocks(enabled=self.config.share_theme_blocks)
        return config

    def on_env(self, env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        env.globals["helpcenter_shared"] = self.shared_blocks.render
        return env

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        for page in render_pages(self.help_center, self.templates_dir, config.use_directory_urls):
            existing = files.get_file_from_path(page.src_uri)
            if existing is not None:
                raise PluginError(
                    f"docs/{page.src_uri} is generated from faq_data/; remove the hand-written file"
                )
            files.append(File.generated(config, page.src_uri, content=page.markdown))
        return files

    def on_page_context(
        self, context: dict[str, Any], /, *, page: Page, config: MkDocsConfig, nav: Any
    ) -> dict[str, Any]:
        entry_id = page.meta.get("helpcenter_entry")
        context["helpcenter"] = self.help_center
        context["helpcenter_entry"] = self.help_center.entry(entry_id) if entry_id else None
        return context

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        server.watch(str(self.data_dir))
        if self.templates_dir.is_dir():
            server.watch(str(self.templates_dir))
        return server


def navigation(help_center: HelpCenter, docs_dir: Path) -> list[dict[str, str]]:
    """The home page, then the hand-written pages.

    Categories and entries stay out: every page carries the whole navigation, so a navigation
    that grew with the content would make every page, and the build, grow with it. The home page
    lists the categories, and each entry page links back to its category.
    """
    items = [{help_center.settings.home_title: "index.md"}]
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
