"""The files the plugin adds to the build besides the pages: sitemap, robots.txt, redirect pages and `_redirects`,
the search index, the files for machines (`llms.txt`, `llms-full.txt`, `entries.json`, Markdown copies), and
the navigation of the hand-written pages."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

from helpcenter.load.localized import interface_texts
from helpcenter.load.site_addresses import page_translation_name
from helpcenter.model import CONTACT_LINK, HelpCenter
from helpcenter.plugin.semantic_search import SemanticFiles, serves
from helpcenter.render.addresses import page_path
from helpcenter.render.entries_json import ENTRIES_JSON
from helpcenter.render.llms_txt import LLMS_FULL_TXT, LLMS_TXT
from helpcenter.render.pages import theme_text
from helpcenter.render.redirects import REDIRECTS_FILE, Redirect, redirect_page, redirects, redirects_file
from helpcenter.render.robots import ROBOTS_URI, robots_txt
from helpcenter.render.search_index import SearchEntry, search_index_files
from helpcenter.render.sitemap import SitemapUrl, content_dates, page_date, sitemap_gzip, sitemap_xml


def sitemap_urls(
    help_centers: Iterable[HelpCenter], files: Files, alternates: Callable[[str], tuple[tuple[str, str], ...]]
) -> list[SitemapUrl]:
    """Every page of the site (not the 404 page), dated by its content, with its language versions."""
    dates = {src_uri: day for help_center in help_centers for src_uri, day in content_dates(help_center).items()}
    urls = []
    for file in files.documentation_pages():
        page = file.page
        if page is None or file.src_uri == "404.md":
            continue
        lastmod = dates.get(file.src_uri) or page_date(page.meta)
        urls.append(SitemapUrl(page.canonical_url or page.abs_url or file.url, lastmod, alternates(file.src_uri)))
    return urls


SITEMAP_FILES = ("sitemap.xml", "sitemap.xml.gz")
SEARCH_INDEX = "search/search_index.json"


def write_sitemap(site_dir: Path, urls: list[SitemapUrl]) -> None:
    """Replace MkDocs's sitemap, which is dated with the day of the build, by one dated by the content."""
    xml = sitemap_xml(urls)
    sitemap, compressed = SITEMAP_FILES
    (site_dir / sitemap).write_text(xml, encoding="utf-8")
    (site_dir / compressed).write_bytes(sitemap_gzip(xml))


def written_files(files: Files, config: MkDocsConfig, env: jinja2.Environment, serving: bool) -> list[str]:
    """Every file a build writes into the site folder, relative to it: MkDocs' pages, assets (extra templates
    among them) and theme templates, the plugin's files (redirect pages, _redirects, robots.txt, the sitemap)
    and the search index."""
    inclusion = InclusionLevel.is_in_serve if serving else InclusionLevel.is_included
    written = {Path(file.dest_path).as_posix() for file in files if inclusion(file.inclusion)}
    for template in config.theme.static_templates:
        try:
            env.get_template(template)
        except jinja2.TemplateNotFound:  # MkDocs skips it (with a warning)
            continue
        written.add(template)
    written.update(SITEMAP_FILES)
    if "search" in config.plugins or "material/search" in config.plugins:
        written.add(SEARCH_INDEX)
    return sorted(written)


def navigation(help_center: HelpCenter, docs_dir: Path) -> list[dict[str, str]]:
    """The home page, then the hand-written pages (not their translations, which are published in their
    language's folder).

    Categories and entries stay out: every page carries the whole navigation, so a navigation
    that grew with the content would make every page, and the build, grow with it. The home page
    lists the categories, and each entry page links back to its category.
    """
    items = [{theme_text(help_center.settings.home_title): "index.md"}]
    for page in sorted(docs_dir.glob("*.md")):
        if page.name not in ("index.md", "404.md") and page_translation_name(page.name) is None:
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


def add_redirects(files: Files, config: MkDocsConfig, help_centers: Sequence[HelpCenter]) -> None:
    """A page at every old address (`redirect_from`), in every language, and the `_redirects` file for hosts
    that read it."""
    site_language = config.theme.get("language") or "en"
    taken = {file.dest_uri: file.src_uri for file in files}
    found = []
    for help_center in help_centers:
        in_language = [(redirect, help_center.language or site_language)
                       for redirect in redirects(help_center, config.use_directory_urls)]
        found += [redirect for redirect, _ in in_language]
        _add_redirect_pages(files, config, in_language, taken)
    languages = [view.language for view in help_centers if view.language]
    content = redirects_file(sorted(found), config.site_url, languages)
    hand_written = files.get_file_from_path(REDIRECTS_FILE)
    if hand_written is not None:  # the team's own rules come first; the generated ones follow
        content = hand_written.content_string.rstrip("\n") + "\n" + content
        files.remove(hand_written)
    files.append(File.generated(config, REDIRECTS_FILE, content=content))


def _add_redirect_pages(
    files: Files, config: MkDocsConfig, found: list[tuple[Redirect, str]], taken: dict[str, str]
) -> None:
    for redirect, language in found:
        if redirect.page_uri in taken:
            raise PluginError(
                f"docs/{taken[redirect.page_uri]} is published at /{redirect.old}, which is also an old address "
                f"of /{redirect.new} (redirect_from); remove one of the two"
            )
        files.append(File.generated(config, redirect.page_uri,
                                    content=redirect_page(redirect, config.site_url, language)))


MACHINE_FILE_NAMES = (LLMS_TXT, LLMS_FULL_TXT, ENTRIES_JSON)


def refuse_hand_written_machine_files(files: Files, chosen: dict[str, bool], languages: Iterable[str] = ()) -> None:
    """A hand-written file in docs/ where the build publishes one for machines (at the root, and in each
    other language's folder) would be silently replaced."""
    folders = ("", *(f"{language}/" for language in languages))
    for name in (folder + file_name for folder in folders for file_name in MACHINE_FILE_NAMES if chosen.get(file_name)):
        if files.get_file_from_path(name) is not None:
            raise PluginError(
                f"docs/{name} is generated from faq_data/; remove the hand-written file, or turn the file off "
                "in the helpcenter plugin's options"
            )


def write_machine_files(site_dir: Path, files: Iterable[tuple[str, Iterable[str]]]) -> list[str]:
    """Write the files for machines into the built site, each piece as it comes (not as MkDocs files: a
    Markdown copy would become a page); the paths written, relative to the site folder."""
    written = []
    for path, pieces in files:
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("w", encoding="utf-8", newline="\n") as file:
            file.writelines(pieces)
        written.append(path)
    return written


SEARCH_INDEX = "search/search_index.json"


def write_search_index(
    site_dir: Path, help_center: HelpCenter, answers: dict[str, str], language: str, use_directory_urls: bool = True,
    semantic: SemanticFiles | None = None,
) -> list[str]:
    """The help center's own search index of one language under `search/LANGUAGE/`, with the site's own words
    in that language; the paths written.

    `answers` holds each entry's answer text by its page's source; with `semantic`, the semantic mode's
    files are written too, for a language its model serves.
    """
    entries = [
        SearchEntry(page_path(entry.src_uri, use_directory_urls), entry.title, entry.summary,
                    answers.get(entry.src_uri, ""), entry.tags, entry.also_asked)
        for entry in help_center.entries
    ]
    folder = site_dir / "search" / language
    folder.mkdir(parents=True, exist_ok=True)
    written: list[str] = []
    settings = None
    if semantic is not None and serves(language):
        written, settings = semantic.write_vectors(site_dir, entries, language)
    contact = help_center.settings.link(CONTACT_LINK)
    texts = interface_texts(help_center, help_center.language)
    for name, content in search_index_files(entries, language, contact, texts, settings).items():
        (folder / name).write_text(content, encoding="utf-8")
        written.append(f"search/{language}/{name}")
    return written


def name_the_search_index(site_dir: Path, language: str) -> None:
    """Material's search box still downloads `search/search_index.json` and hands its `config` to the
    search worker, so that file keeps Material's settings, names the default language's index folder
    (a page in another language names its own in the worker's address), and lists no page."""
    material_index = site_dir / SEARCH_INDEX
    if material_index.is_file():  # else gone while the build ran: the check before the swap names it
        config = json.loads(material_index.read_text(encoding="utf-8"))["config"]
        config["helpcenter_index"] = f"search/{language}/"
        material_index.write_text(json.dumps({"config": config, "docs": []}, separators=(",", ":")), encoding="utf-8")
