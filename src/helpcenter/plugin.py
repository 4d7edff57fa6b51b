"""The MkDocs plugin: the only module that imports MkDocs. Each hook delegates to the engine-free core."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Callable

import jinja2
import markdown
from material.plugins.search.plugin import SearchIndex, SearchPlugin
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import (
    Page,
    _ExtractAnchorsTreeprocessor,
    _ExtractTitleTreeprocessor,
    _RawHTMLPreprocessor,
    _RelativePathTreeprocessor,
)
from mkdocs.structure.toc import get_toc
from mkdocs.utils.meta import get_data

from . import atomic_site
from .content import load_help_center
from .edit_links import edit_uris, edit_url
from .ledger import published_urls, read_ledger, vanished_url_problems
from .marked_parts import answer_and_steps
from .model import Category, Entry, HelpCenter
from .problems import ContentError
from .redirects import REDIRECTS_FILE, redirect_page, redirects, redirects_file
from .render import Page as GeneratedPage
from .render import html_end_of_page, render_pages, theme_text
from .robots import ROBOTS_URI, robots_txt
from .search_sections import search_sections
from .shared_blocks import SharedBlocks, page_blocks
from .sitemap import SitemapUrl, content_dates, page_date, sitemap_gzip, sitemap_xml
from .structured_data import PageData, SiteAddress, canonical_address, page_data, plain_text

log = logging.getLogger("mkdocs.plugins.helpcenter")


class HelpCenterConfig(Config):
    data_dir = c.Type(str, default="faq_data")
    """The content folder, relative to mkdocs.yml."""
    templates_dir = c.Type(str, default="overrides/helpcenter")
    """Templates here replace the packaged page templates of the same name (home.md.j2, entry.md.j2, ...)."""
    ledger = c.Type(str, default="published-urls.txt")
    """The ledger of published addresses, relative to mkdocs.yml; an empty value turns the ledger check off."""
    share_theme_blocks = c.Type(bool, default=True)
    """Render the theme blocks that are the same on every entry page once per build (overrides/main.html)."""
    reuse_markdown = c.Type(bool, default=True)
    """Render the generated pages with one Markdown converter per build, reset between pages."""
    fast_search_sections = c.Type(bool, default=True)
    """Divide pages into search sections with search_sections.py instead of Material's html.parser reading."""


class HelpCenterPlugin(BasePlugin[HelpCenterConfig]):
    """Adds one page per FAQ entry and category, and the home page, from the YAML content."""

    command = "build"

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command
        self.dirty = dirty
        self.undo_terminate = atomic_site.exit_on_terminate()
        self.warnings = atomic_site.WarningCounter.attach(logging.getLogger("mkdocs"))
        self.warnings_per_build = False

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
        self._build_beside_the_site(config)
        # on_post_build writes sitemap.xml and its .gz, dated by the content: MkDocs' own would be replaced.
        config.theme.static_templates.discard("sitemap.xml")
        self.shared_blocks = SharedBlocks(self.config.share_theme_blocks, page_blocks(config.theme.get("features") or []))
        return config

    def on_env(self, env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        env.globals["helpcenter_shared"] = self.shared_blocks.render
        env.template_class = self.shared_blocks.template_class()  # the templates load after on_env
        # Jinja's cache_size=-1: a dict instead of the LRU cache, which reorders itself on every
        # {% include %} (about twenty a page) and would only ever evict with over 400 templates.
        env.cache = {}
        # overrides/base.html imports the translations without a page's context, and they read `config`.
        env.globals["config"] = config
        self.sitemap_urls = sitemap_urls(self.help_center, files)
        return env

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        pages = render_pages(
            self.help_center, self.templates_dir, config.use_directory_urls, config.mdx_configs.get("toc")
        )
        self.generated_html = {page.src_uri: page for page in pages if page.html_after or page.html_end}
        for page in pages:
            # src_uris, not get_file_from_path, which makes a PurePath of each: these are POSIX already.
            if page.src_uri in files.src_uris:
                raise PluginError(
                    f"docs/{page.src_uri} is generated from faq_data/; remove the hand-written file"
                )
            files.append(File.generated(config, page.src_uri, content=page.markdown))
        self._point_edit_links_at_sources(files, config)
        if self.config.reuse_markdown:
            _ReusedMarkdownPage.use_for(files, config, generated={page.src_uri: page for page in pages})
        self._add_redirects(files, config)
        add_robots_txt(files, config)
        return files

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """Puts the fast search index in place; a published address that would disappear stops the build
        (under `mkdocs serve`, a warning)."""
        if self.config.fast_search_sections:
            _FastSearchIndex.replace_material_index(config)  # Material's on_config has made a new one for this build
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
        in_files = files.src_uris
        for src_uri, edit_uri in edit_uris(self.help_center, self.data_dir, project_root, Path(config.docs_dir)).items():
            file = in_files.get(src_uri)
            if file is not None:
                file.edit_uri = edit_uri

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

    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """A generated page's HTML that follows its Markdown; an entry's answer and steps kept for the structured data."""
        generated = self.generated_html.get(page.file.src_uri)
        if generated is None:
            return html
        if page.meta.get("helpcenter_entry"):
            html, self.rendered_answers[page.file.src_uri] = answer_and_steps(html)
        return html + "\n" + generated.html_after

    @event_priority(-50)  # after the search plugin has indexed the page (default priority)
    def on_page_context(
        self, context: dict[str, Any], /, *, page: Page, config: MkDocsConfig, nav: Any
    ) -> dict[str, Any]:
        generated = self.generated_html.get(page.file.src_uri)
        if generated is not None and page.content is not None:
            page.content += html_end_of_page(generated.html_end, page.present_anchor_ids or set())
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
        self.rendered_answers: dict[str, dict[str, str]] = {}

    def _search_engine_data(self, page: Page, entry: Entry | None) -> PageData:
        category: Category | None = self.categories_by_src.get(page.file.src_uri)
        intro = self.help_center.settings.home_intro
        if page.is_homepage and intro:
            # The intro is Markdown; search engines and link previews get its words only.
            page.meta["description"] = theme_text(plain_text(self.markdown_to_html(intro)))
        return page_data(
            self.help_center, self.site_address, self.site_name, self.markdown_to_html,
            entry=entry, category=category, rendered=self.rendered_answers.pop(page.file.src_uri, None),
        )

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        server.watch(str(self.data_dir))
        if self.templates_dir.is_dir():
            server.watch(str(self.templates_dir))
        if not self.dirty:
            keep_serving_the_last_good_site(server)
        return server

    @event_priority(-100)  # last, once every plugin has written its files
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        write_sitemap(Path(config.site_dir), self.sitemap_urls)
        self._publish(config)

    def _publish(self, config: MkDocsConfig) -> None:
        staging, self.staging = self.staging, None
        if staging is not None:
            config.site_dir = str(self.site_dir)
            if config.strict and self.warnings.count:
                atomic_site.discard(staging)  # MkDocs refuses the build next; the previous site stays
            else:
                atomic_site.publish(staging, self.site_dir)
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
        self.staging: Path | None = None
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


def sitemap_urls(help_center: HelpCenter, files: Files) -> list[SitemapUrl]:
    """Every page of the site (not the 404 page), dated by its content."""
    dates = content_dates(help_center)
    urls = []
    for file in files.documentation_pages():
        page = file.page
        if page is None or file.src_uri == "404.md":
            continue
        lastmod = dates.get(file.src_uri) or page_date(page.meta)
        urls.append(SitemapUrl(page.canonical_url or page.abs_url or file.url, lastmod))
    return urls


def write_sitemap(site_dir: Path, urls: list[SitemapUrl]) -> None:
    """Replace MkDocs's sitemap, which is dated with the day of the build, by one dated by the content."""
    xml = sitemap_xml(urls)
    (site_dir / "sitemap.xml").write_text(xml, encoding="utf-8")
    (site_dir / "sitemap.xml.gz").write_bytes(sitemap_gzip(xml))


def keep_serving_the_last_good_site(server: Any) -> None:
    """After a failed rebuild, let `mkdocs serve` answer with the last good site instead of stalling.

    MkDocs holds every request until a rebuild succeeds, as its site folder may be half-written.
    Here the folder always holds the last complete build (builds are swapped in whole), so a
    failed rebuild is treated as one that never started. Only MkDocs 1.x's LiveReloadServer is
    known; with any other server nothing changes.
    """
    builder = getattr(server, "builder", None)
    condition = getattr(server, "_epoch_cond", None)
    if builder is None or condition is None or not hasattr(server, "_visible_epoch"):
        return

    def build_or_keep_the_last_site(*args: Any, **kwargs: Any) -> Any:
        try:
            return builder(*args, **kwargs)
        except BaseException:
            with condition:
                server._wanted_epoch = server._visible_epoch
                condition.notify_all()
            raise

    server.builder = build_or_keep_the_last_site


def navigation(help_center: HelpCenter, docs_dir: Path) -> list[dict[str, str]]:
    """The home page, then the hand-written pages.

    Categories and entries stay out: every page carries the whole navigation, so a navigation
    that grew with the content would make every page, and the build, grow with it. The home page
    lists the categories, and each entry page links back to its category.
    """
    items = [{theme_text(help_center.settings.home_title): "index.md"}]
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


class _ReusedMarkdownPage(Page):
    """A generated page rendered by the build's one Markdown converter, reset between pages.

    MkDocs makes a new converter, with every extension, for each page: for thousands of short
    entry pages that is about a tenth of the build. The rendering is MkDocs' own (Page.render, 1.6),
    with the converter reused; the pages come out byte for byte the same (a test builds both ways).
    Its front matter is taken as generated rather than read back from the page's source with
    PyYAML, whose Python constructor cost about 0.1 ms a page. Its canonical and edit addresses are
    MkDocs' own, without parsing the site's and the repository's addresses again for each page
    (tests/test_page_fast_paths.py compares them with MkDocs').
    """

    converter: markdown.Markdown
    generated: GeneratedPage

    @classmethod
    def use_for(cls, files: Files, config: MkDocsConfig, generated: dict[str, GeneratedPage]) -> None:
        converter = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs or {})
        in_files = files.src_uris
        for src_uri, source in generated.items():
            file = in_files.get(src_uri)
            if file is not None:
                page = cls(None, file, config)  # becomes file.page; pages in the navigation get MkDocs' own
                page.converter = converter
                page.generated = source

    def _set_canonical_url(self, base: str | None) -> None:
        # MkDocs' (1.6) parses the site's address again for each page (urljoin, urlsplit: about 15 µs);
        # a generated page's url is a plain relative path, appended to the site's root.
        found = canonical_address(base, self.url) if base else None
        if found is None:
            super()._set_canonical_url(base)
        else:
            self.canonical_url, self.abs_url = found

    def _set_edit_url(
        self, repo_url: str | None, edit_uri: str | None = None, edit_uri_template: str | None = None
    ) -> None:
        # MkDocs' (1.6) joins each page's edit path to the repository's address (urljoin: about 20 µs);
        # the entries of a folder share all of it but the file's name.
        path = self.file.edit_uri
        found = None
        if repo_url and edit_uri and not edit_uri_template and path:
            found = edit_url(repo_url, edit_uri, path)
        if found is None:
            super()._set_edit_url(repo_url, edit_uri, edit_uri_template)
        else:
            self.edit_url = found

    def read_source(self, config: MkDocsConfig) -> None:
        source = config.plugins.on_page_read_source(page=self, config=config)
        if source is not None:  # another plugin's source: read as MkDocs reads it
            self.markdown, self.meta = get_data(source)
            return
        # What MkDocs' reading of `File.content_string` (the same page as text) gives.
        self.markdown, self.meta = self.generated.body.lstrip("\n"), dict(self.generated.meta)

    def render(self, config: MkDocsConfig, files: Files) -> None:
        if self.markdown is None:
            raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
        md = self.converter
        md.reset()
        # Each registers under a fixed name, so it replaces the previous page's.
        raw_html_ext = _RawHTMLPreprocessor()
        raw_html_ext._register(md)
        extract_anchors_ext = _ExtractAnchorsTreeprocessor(self.file, files, config)
        extract_anchors_ext._register(md)
        relative_path_ext = _RelativePathTreeprocessor(self.file, files, config)
        relative_path_ext._register(md)
        # The title from the first heading counts only without a front-matter title, which every
        # generated page has; reading it copies the heading's tree.
        extract_title_ext = None if "title" in self.meta else _ExtractTitleTreeprocessor()
        if extract_title_ext is None:
            md.treeprocessors.deregister("mkdocs_extract_title", strict=False)
        else:
            extract_title_ext._register(md)

        self.content = md.convert(self.markdown)
        self.toc = get_toc(getattr(md, "toc_tokens", []))
        self._title_from_render = extract_title_ext.title if extract_title_ext else None
        self.present_anchor_ids = extract_anchors_ext.present_anchor_ids | raw_html_ext.present_anchor_ids
        if logging.getLogger("mkdocs.structure.pages").getEffectiveLevel() > logging.DEBUG:
            self.links_to_anchors = relative_path_ext.links_to_anchors


class _FastSearchIndex(SearchIndex):
    """Material's search index, with each page divided into sections by `search_sections`.

    Material reads every page with html.parser for its sections (about 0.5 ms of an entry page's
    build); `search_sections` gives the same sections several times faster, and Material's own
    `create_entry_for_section` makes the index entries from them, so the index is byte for byte the
    same (a test builds both ways). A page it cannot read exactly goes to Material's parser.
    """

    @classmethod
    def replace_material_index(cls, config: MkDocsConfig) -> None:
        for plugin in config.plugins.values():
            index = getattr(plugin, "search_index", None)
            # Disabled, Material's index replaced by someone else, or already ours: leave it.
            if isinstance(plugin, SearchPlugin) and plugin.config.enabled and type(index) is SearchIndex:
                fast = cls(**index.config)
                fast.entries = index.entries
                plugin.search_index = fast

    def add_entry_from_context(self, page: Page) -> None:
        # Material's add_entry_from_context (9.x), with the sections from search_sections.
        search = page.meta.get("search") or {}
        if search.get("exclude"):
            return
        sections = None if page.content is None else search_sections(page.content)
        if sections is None:
            log.debug("search: %s is read by Material's HTML parser", page.file.src_uri)
            super().add_entry_from_context(page)
            return
        for section in sections:
            if not section.excluded:
                self.create_entry_for_section(section, page.toc, page.url, page)


def markdown_converter(config: MkDocsConfig) -> Callable[[str], str]:
    """Markdown to HTML with the site's extensions, for text that is not a page (such as JSON-LD answers)."""
    converter = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
    return lambda text: converter.reset().convert(text)
