"""The files the plugin adds to the build besides the pages: sitemap, robots.txt, redirect pages and `_redirects`,
the search index, and the navigation of the hand-written pages."""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from helpcenter.model import CONTACT_LINK, HelpCenter
from helpcenter.render.pages import theme_text
from helpcenter.render.redirects import REDIRECTS_FILE, redirect_page, redirects, redirects_file
from helpcenter.render.robots import ROBOTS_URI, robots_txt
from helpcenter.render.search_index import SearchEntry, search_index_files
from helpcenter.render.sitemap import SitemapUrl, content_dates, page_date, sitemap_gzip, sitemap_xml


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


def add_redirects(files: Files, config: MkDocsConfig, help_center: HelpCenter) -> None:
    """A page at every old address (`redirect_from`) and the `_redirects` file for hosts that read it."""
    found = redirects(help_center)
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


SEARCH_INDEX = "search/search_index.json"


def write_search_index(site_dir: Path, help_center: HelpCenter, answers: dict[str, str], language: str) -> None:
    """The help center's own search index under `search/LANGUAGE/`, in place of Material's.

    Material's search box still downloads `search/search_index.json` and hands its `config` to the
    search worker, so that file keeps Material's settings, names the index's folder, and lists no page.
    """
    entries = [
        SearchEntry(entry.url, entry.title, entry.summary, answers.get(entry.id, ""), entry.tags, entry.also_asked)
        for entry in help_center.entries
    ]
    folder = site_dir / "search" / language
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in search_index_files(entries, language, help_center.settings.link(CONTACT_LINK)).items():
        (folder / name).write_text(content, encoding="utf-8")
    material_index = site_dir / SEARCH_INDEX
    config = json.loads(material_index.read_text(encoding="utf-8"))["config"] if material_index.is_file() else {}
    config["helpcenter_index"] = f"search/{language}/"
    material_index.write_text(json.dumps({"config": config, "docs": []}, separators=(",", ":")), encoding="utf-8")
