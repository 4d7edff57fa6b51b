"""The MkDocs plugin: each hook hands the work to the engine-free stages (load, render, checks)."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from helpcenter.checks.ledger import published_urls, read_ledger, vanished_url_problems
from helpcenter.load.help_center import check_help_center, load_help_center
from helpcenter.load.project_files import unsafe_files
from helpcenter.model import Category, Entry, HelpCenter
from helpcenter.plugin import atomic_site
from helpcenter.plugin.language_nav import language_navigations
from helpcenter.plugin.languages import SiteLanguages
from helpcenter.plugin.markdown_pages import ReusedMarkdownPage, markdown_converter
from helpcenter.plugin.not_found_pages import NOT_FOUND, not_found_context, write_not_found_pages
from helpcenter.plugin.semantic_search import SemanticFiles
from helpcenter.plugin.serve import (
    PreviewStatus,
    keep_serving_the_last_good_site,
    refuse_a_taken_address,
    show_the_status_on_every_page,
)
from helpcenter.plugin.site_files import (
    add_redirects,
    add_robots_txt,
    name_the_search_index,
    navigation,
    refuse_hand_written_machine_files,
    sitemap_urls,
    write_machine_files,
    write_search_index,
    write_sitemap,
    written_files,
)
from helpcenter.plugin.theme_icons import icon_problem
from helpcenter.problems import ContentError
from helpcenter.render.addresses import markdown_copy_path
from helpcenter.render.answer_parts import answer_and_steps
from helpcenter.render.edit_links import edit_uris
from helpcenter.render.entries_json import ENTRIES_JSON
from helpcenter.render.llms_txt import LLMS_FULL_TXT, LLMS_TXT
from helpcenter.render.machine_files import MachineFileChoice, SiteFacts, machine_files
from helpcenter.render.pages import html_end_of_page, render_pages, theme_text
from helpcenter.render.plain_text import plain_text
from helpcenter.render.preview_banner import draft_notice
from helpcenter.render.structured_data import PageData, SiteAddress, answer_text, page_data

log = logging.getLogger("mkdocs.plugins.helpcenter")


class HelpCenterConfig(Config):
    data_dir = c.Type(str, default="faq_data")
    """The content folder, relative to mkdocs.yml."""
    templates_dir = c.Type(str, default="overrides/helpcenter")
    """Templates here replace the packaged page templates of the same name (home.md.j2, entry.md.j2, ...)."""
    ledger = c.Type(str, default="published-urls.txt")
    """The ledger of published addresses, relative to mkdocs.yml; an empty value turns the ledger check off."""
    reuse_markdown = c.Type(bool, default=True)
    """Render the generated pages with one Markdown converter per build, reset between pages."""
    show_topics = c.Type(bool, default=False)
    """Show an entry's tags on its page as "Topics"; they are searchable either way."""
    llms_txt = c.Type(bool, default=True)
    """Publish llms.txt: every entry by category, with its summary and address."""
    llms_full_txt = c.Type(bool, default=True)
    """Publish llms-full.txt: every entry's question, answer and steps in Markdown."""
    markdown_copies = c.Type(bool, default=True)
    """Publish a Markdown copy of each entry beside its page, linked from the page's head."""
    entries_json = c.Type(bool, default=True)
    """Publish entries.json: every entry as data, for a chat widget or a support bot."""
    semantic_search = c.Type(bool, default=False)
    """Re-rank English search results with a sentence encoder run in the browser, fetched by the first search."""


class HelpCenterPlugin(BasePlugin[HelpCenterConfig]):
    """Adds one page per FAQ entry and category, and the home page, from the YAML content."""

    command = "build"
    # Set by _build_beside_the_site for each build (annotations only: until then the attributes are absent).
    staging: Path | None
    site_dir: Path

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command
        self.dirty = dirty
        self.undo_terminate = atomic_site.exit_on_terminate()
        self.warnings = atomic_site.WarningCounter.attach(logging.getLogger("mkdocs"))
        self.warnings_per_build = False
        self.preview = PreviewStatus()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        project_root = Path(config.config_file_path).parent
        self.data_dir = project_root / self.config.data_dir
        self.templates_dir = project_root / self.config.templates_dir
        # The content under data_dir is read by load_help_center, which refuses the same.
        copied = [Path(config.docs_dir), *([Path(config.theme.custom_dir)] if config.theme.custom_dir else [])]
        refused = unsafe_files(copied, project_root)
        if refused:
            raise PluginError("Files the build would read are refused:\n" + "\n".join(map(str, refused)))
        self.help_center: HelpCenter = self._load(project_root, Path(config.docs_dir))
        self.languages = SiteLanguages(self.help_center)
        if config.nav is None:
            config.nav = navigation(self.help_center, Path(config.docs_dir))
        self._set_up_search_engine_data(config)
        self.semantic = SemanticFiles(project_root) if self.config.semantic_search else None
        self._build_beside_the_site(config)
        # on_post_build writes sitemap.xml and its .gz, dated by the content: MkDocs' own would be replaced.
        config.theme.static_templates.discard("sitemap.xml")
        return config

    def _load(self, project_root: Path, docs_dir: Path) -> HelpCenter:
        """The help center; a preview shows content with problems (entries with one as drafts) and lists them."""
        if self.command != "serve":
            try:
                return load_help_center(self.data_dir, project_root, docs_dir, icon_problem)
            except ContentError as error:
                raise PluginError("The help-center content has problems:\n" + error.report()) from None
        help_center, problems = check_help_center(self.data_dir, project_root, docs_dir, icon_problem, drafts=True)
        self.preview.problems = tuple(problems)
        if problems:
            log.warning("The help-center content has problems; the preview shows them, and the build refuses "
                        "them:\n%s", ContentError(problems).report())
        if help_center is None:
            raise PluginError("The help-center content cannot be shown: " + "; ".join(map(str, problems)))
        return help_center

    def on_env(self, env: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        self.sitemap_urls = sitemap_urls(self.languages.help_centers(), files, self._alternates)
        self.languages.find_theme_languages(env, config.theme.get("language") or "en")
        self.written_files = written_files(files, config, env, serving=self.command == "serve")
        self.env, self.files = env, files
        self.not_found_context: dict[str, Any] | None = None
        return env

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        pages = [
            page for help_center in self.languages.help_centers() for page in render_pages(
                help_center, self.templates_dir, config.use_directory_urls, config.mdx_configs.get("toc"),
                self.config.show_topics,
            )
        ]
        self.generated_html = {page.src_uri: page for page in pages if page.html_after or page.html_end}
        self.generated_uris = {page.src_uri for page in pages}
        for page in pages:
            if page.src_uri in files.src_uris:
                raise PluginError(
                    f"docs/{page.src_uri} is generated from faq_data/; remove the hand-written file"
                )
            files.append(File.generated(config, page.src_uri, content=page.markdown))
        self._point_edit_links_at_sources(files, config)
        self.languages.publish_page_translations(files, config)
        self.languages.find_urls(files)
        if self.config.reuse_markdown:
            ReusedMarkdownPage.use_for(files, config, generated={page.src_uri: page for page in pages})
        add_redirects(files, config, self.languages.help_centers())
        add_robots_txt(files, config)
        choice = self.machine_file_choice
        refuse_hand_written_machine_files(
            files, {LLMS_TXT: choice.llms_txt, LLMS_FULL_TXT: choice.llms_full_txt, ENTRIES_JSON: choice.entries_json},
            self.help_center.languages[1:],
        )
        return files

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        self.navigations = language_navigations(nav, self.languages, files)
        return nav

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """A published address that would disappear stops the build (under `mkdocs serve`, a warning)."""
        if not self.config.ledger:
            return
        project_root = Path(config.config_file_path).parent
        ledger, problems = read_ledger(project_root / self.config.ledger, self.config.ledger, project_root)
        if ledger is not None:
            published = published_urls(self.help_center, Path(config.docs_dir))
            problems += vanished_url_problems(ledger, published, self.help_center)
        if not problems:
            return
        report = "\n".join(str(problem) for problem in sorted(problems))
        if self.command == "serve":
            log.warning("Published addresses would disappear:\n%s", report)
            self.preview.problems = tuple(sorted({*self.preview.problems, *problems}))
            return
        raise PluginError("Published addresses would disappear:\n" + report)

    def _point_edit_links_at_sources(self, files: Files, config: MkDocsConfig) -> None:
        """The edit button of a generated page opens the YAML file it comes from."""
        project_root = Path(config.config_file_path).parent
        in_files = files.src_uris
        found = {
            src_uri: edit_uri for help_center in self.languages.help_centers()
            for src_uri, edit_uri in edit_uris(help_center, self.data_dir, project_root, Path(config.docs_dir)).items()
        }
        for src_uri, edit_uri in found.items():
            file = in_files.get(src_uri)
            if file is not None:
                file.edit_uri = edit_uri

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """A hand-written page shows the support address and hours of its language's settings where it names them."""
        if page.file.src_uri in self.generated_uris:
            return markdown
        return self.languages.hand_written_page(markdown, page.file.src_uri, page.meta)

    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """A generated page's HTML that follows its Markdown; an entry's answer and steps kept for the structured
        data."""
        generated = self.generated_html.get(page.file.src_uri)
        if generated is None:
            return html
        entry_id = page.meta.get("helpcenter_entry")
        if entry_id:
            html, parts = answer_and_steps(html)
            self.rendered_answers[page.file.src_uri] = parts
            self.answer_texts[page.file.src_uri] = plain_text("\n".join(parts.values()) if parts else html)
        return html + "\n" + generated.html_after

    @event_priority(-50)  # after the search plugin has indexed the page (default priority)
    def on_page_context(  # type: ignore[override]  # MkDocs' TemplateContext has none of the keys added here
        self, context: dict[str, Any], /, *, page: Page, config: MkDocsConfig, nav: Any
    ) -> dict[str, Any]:
        generated = self.generated_html.get(page.file.src_uri)
        if generated is not None and page.content is not None:
            page.content += html_end_of_page(generated.html_end, page.present_anchor_ids or set())
        entry_id = page.meta.get("helpcenter_entry")
        if entry_id and entry_id in self.help_center.drafts and page.content is not None:
            page.content = draft_notice(self.help_center.drafts[entry_id]) + page.content
        help_center = self.languages.of_page(page.meta)
        context.update(self.languages.page_context(page.meta))
        context["nav"] = self.navigations[help_center.language]
        context["helpcenter"] = help_center
        context["helpcenter_entry"] = help_center.entry(entry_id) if entry_id else None
        context["helpcenter_seo"] = self._search_engine_data(page, help_center, context["helpcenter_entry"])
        context["helpcenter_alternates"] = self._alternates(page.file.src_uri)
        if len(self.help_center.languages) > 1:
            context["helpcenter_switcher"] = self.languages.switcher(page.file.src_uri, help_center)
        context["helpcenter_markdown"] = self._markdown_copy_href(context["helpcenter_entry"])
        return context

    def _alternates(self, src_uri: str) -> tuple[tuple[str, str], ...]:
        """A page's language versions at their absolute addresses (none without site_url)."""
        return self.languages.alternates(src_uri, self.site_address.page) if self.site_address.site_url else ()

    def _markdown_copy_href(self, entry: Entry | None) -> str | None:
        """The address of an entry page's Markdown copy, relative to the page (the copy is beside it)."""
        if entry is None or not self.config.markdown_copies:
            return None
        return markdown_copy_path(entry.src_uri, self.site_address.use_directory_urls).rpartition("/")[2]

    def on_template_context(  # type: ignore[override]  # MkDocs' TemplateContext has none of the keys added here
        self, context: dict[str, Any], /, *, template_name: str, config: MkDocsConfig
    ) -> dict[str, Any]:
        # Static templates such as 404.html have no page, but list the categories too.
        context.setdefault("helpcenter", self.help_center)
        if template_name == NOT_FOUND:  # each other language's 404 page is made from the same context
            self.not_found_context = not_found_context(context, self.languages, self.files)
        return context

    def _set_up_search_engine_data(self, config: MkDocsConfig) -> None:
        if not config.site_url:
            log.warning("site_url is not set in mkdocs.yml: canonical links, structured data and robots.txt "
                        "need the site's address")
        self.site_address = SiteAddress(config.site_url or "", config.use_directory_urls)
        self.site_name = config.site_name
        self.categories_by_src = {
            category.src_uri: category for help_center in self.languages.help_centers()
            for category in help_center.categories
        }
        self.markdown_to_html = markdown_converter(config)
        self.rendered_answers: dict[str, dict[str, str]] = {}
        self.answer_texts: dict[str, str] = {}
        self.machine_file_choice = MachineFileChoice(
            self.config.llms_txt, self.config.llms_full_txt, self.config.markdown_copies, self.config.entries_json
        )

    def _site_facts(self, help_center: HelpCenter, config: MkDocsConfig) -> SiteFacts:
        """The site's name, summary and language in the files for machines of one language."""
        intro = help_center.settings.home_intro
        summary = plain_text(self.markdown_to_html(intro)) if intro else ""
        if help_center.language:
            return SiteFacts(config.site_name, summary or help_center.settings.home_title, help_center.language)
        return SiteFacts(config.site_name, config.site_description or summary or help_center.settings.home_title,
                         config.theme.get("language") or "en")

    def _search_engine_data(self, page: Page, help_center: HelpCenter, entry: Entry | None) -> PageData:
        category: Category | None = self.categories_by_src.get(page.file.src_uri)
        intro = help_center.settings.home_intro
        if page.file.src_uri == help_center.home_uri and intro:
            # The intro is Markdown; search engines and link previews get its words only.
            page.meta["description"] = theme_text(plain_text(self.markdown_to_html(intro)))
        answer = None
        if entry is not None:
            answer = answer_text(entry, self.markdown_to_html, self.rendered_answers.pop(page.file.src_uri, None))
            if self.config.entries_json:
                self.answer_texts[entry.src_uri] = answer
        return page_data(
            help_center, self.site_address, self.site_name, self.markdown_to_html,
            entry=entry, category=category, answer=answer,
        )

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        refuse_a_taken_address(server)
        show_the_status_on_every_page(server, self.preview)
        server.watch(str(self.data_dir))
        custom_dir = config.theme.custom_dir
        if custom_dir and Path(custom_dir).is_dir():  # MkDocs watches the theme only with --watch-theme
            server.watch(str(custom_dir))
        if self.templates_dir.is_dir():
            server.watch(str(self.templates_dir))
        if not self.dirty:
            keep_serving_the_last_good_site(server, self.preview)
        return server

    @event_priority(-100)  # last, once every plugin has written its files
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        site_dir = Path(config.site_dir)
        if site_dir.is_dir():  # else gone while the build ran: _publish says so
            write_sitemap(site_dir, self.sitemap_urls)
            self.written_files += write_machine_files(site_dir, self._machine_files(config))
            language = config.theme.get("language") or "en"
            for help_center in self.languages.help_centers():
                self.written_files += write_search_index(
                    site_dir, help_center, self.answer_texts, help_center.language or language,
                    config.use_directory_urls, self.semantic,
                )
            name_the_search_index(site_dir, language)
            self.written_files += write_not_found_pages(site_dir, self.env, self.not_found_context, self.languages,
                                                        self.files, self.navigations)
        self._publish(config)

    def _machine_files(self, config: MkDocsConfig) -> Iterator[tuple[str, Iterable[str]]]:
        # Site-relative addresses ('/account/log-in/') when site_url is not set: a copy is read away from its page.
        address = SiteAddress(config.site_url or "/", config.use_directory_urls)
        texts = self.answer_texts  # from the pages just rendered; a --dirty build renders only some of them

        def plain_text_of(entry: Entry) -> str:
            return texts[entry.src_uri] if entry.src_uri in texts else answer_text(entry, self.markdown_to_html)

        for help_center in self.languages.help_centers():
            facts = self._site_facts(help_center, config)
            yield from machine_files(help_center, address, facts, self.machine_file_choice, plain_text_of)

    def _publish(self, config: MkDocsConfig) -> None:
        staging, self.staging = self.staging, None
        try:
            if staging is not None:
                config.site_dir = str(self.site_dir)
                # MkDocs refuses a strict build with warnings next; the previous site stays.
                refused = bool(config.strict and self.warnings.count)
                atomic_site.swap_in(staging, self.site_dir, self.written_files, refused)
        finally:
            self._end_build()

    def on_build_error(self, *, error: Exception) -> None:
        self._end_build()

    def on_shutdown(self) -> None:
        self._end_build()
        if hasattr(self, "undo_terminate"):
            self.undo_terminate()
        if hasattr(self, "warnings"):
            self.warnings.detach()

    def _build_beside_the_site(self, config: MkDocsConfig) -> None:
        """Point MkDocs at a folder next to site_dir; on_post_build swaps it in (a failed build never does)."""
        self.staging = None
        if not hasattr(self, "warnings"):  # built without `mkdocs build`/`serve`, so on_startup did not run
            self.dirty, self.warnings_per_build = False, True
            self.warnings = atomic_site.WarningCounter.attach(logging.getLogger("mkdocs"))
        if self.dirty:  # a dirty build updates the site in place by design
            return
        self.site_dir = Path(config.site_dir)
        self.staging = atomic_site.staging_folder(self.site_dir)
        config.site_dir = str(self.staging)

    def _end_build(self) -> None:
        staging, self.staging = getattr(self, "staging", None), None
        if staging is not None:
            atomic_site.discard(staging)
        if hasattr(self, "warnings"):
            self.warnings.count = 0
            if self.warnings_per_build:
                self.warnings.detach()
                del self.warnings
