"""Each language's navigation (Material's tabs and nav drawer): the default language's, with every page that
has a version in the language replaced by that version, so a German page leads to the German home page and
the German contact page, titled as they are; a hand-written page without a translation keeps its link."""

from __future__ import annotations

from mkdocs.structure import StructureItem
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from helpcenter.plugin.languages import SiteLanguages
from helpcenter.render.pages import theme_text


def language_navigations(nav: Navigation, languages: SiteLanguages, files: Files) -> dict[str, Navigation]:
    """Each declared language's navigation by its code, the default language's (`nav` itself) under ''."""
    navigations = {"": nav}
    for language in languages.others:
        navigations[language] = _in_language(nav, language, languages, files)
    return navigations


def _in_language(nav: Navigation, language: str, languages: SiteLanguages, files: Files) -> Navigation:
    items = [_item(item, language, languages, files, None) for item in nav.items]
    language_nav = Navigation(items, [_version(page, language, languages, files) for page in nav.pages])
    help_center = languages.others[language]
    home = files.get_file_from_path(help_center.home_uri)
    if home is not None and home.page is not None:
        home.page.title = theme_text(help_center.settings.home_title)  # as the default language's, in mkdocs.yml's nav
        language_nav.homepage = home.page
    return language_nav


def _item(
    item: StructureItem, language: str, languages: SiteLanguages, files: Files, parent: Section | None
) -> StructureItem:
    if isinstance(item, Page):
        version = _version(item, language, languages, files)
        if version is not item:  # the language's own page, in this navigation only: its section is this one's
            version.parent = parent
        return version
    if isinstance(item, Section):
        section = Section(item.title, [])
        section.parent = parent
        section.children = [_item(child, language, languages, files, section) for child in item.children]
        return section
    return item  # a link leads to the same address in every language


def _version(page: Page, language: str, languages: SiteLanguages, files: Files) -> Page:
    """The page's version in `language`, else the page itself."""
    target = languages.version_in(page.file.src_uri, language)
    file = files.get_file_from_path(target) if target is not None else None
    return file.page if file is not None and file.page is not None else page
