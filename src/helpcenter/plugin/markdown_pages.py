"""Generated pages rendered by one Markdown converter per build (the plugin's `reuse_markdown` switch)."""

from __future__ import annotations

import logging
from collections.abc import Callable

import markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import (
    Page,
    _ExtractAnchorsTreeprocessor,
    _ExtractTitleTreeprocessor,
    _RawHTMLPreprocessor,
    _RelativePathTreeprocessor,
)
from mkdocs.structure.toc import get_toc
from mkdocs.utils.meta import get_data

from helpcenter.render.pages import Page as GeneratedPage


class ReusedMarkdownPage(Page):
    """A generated page rendered by the build's one Markdown converter, reset between pages.

    MkDocs makes a new converter, with every extension, for each page: for thousands of short
    entry pages that is a large part of the build. The rendering is MkDocs' own (Page.render, 1.6),
    with the converter reused; the pages come out byte for byte the same (a test builds both ways).
    Its front matter is taken as generated rather than read back from the page's source.
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


def markdown_converter(config: MkDocsConfig) -> Callable[[str], str]:
    """Markdown to HTML with the site's extensions, for text that is not a page (such as JSON-LD answers)."""
    converter = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
    return lambda text: converter.reset().convert(text)
