"""The site in each declared language: each language's help center, which one a page belongs to, and the
words and direction the theme shows a page in."""

from __future__ import annotations

from collections.abc import Callable, Mapping, MutableMapping
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from helpcenter.checks.placeholders import without_example_marks
from helpcenter.load.languages import is_right_to_left, native_name
from helpcenter.load.localized import in_language, interface_texts
from helpcenter.model import HelpCenter
from helpcenter.render.addresses import page_path
from helpcenter.render.alternates import language_versions
from helpcenter.render.pages import LANGUAGE_META
from helpcenter.render.site_values import with_site_values

MATERIAL_LANGUAGES = "partials/languages/{}.html"


class SiteLanguages:
    """The default language's help center and, for every other declared language, its own (`in_language`)."""

    def __init__(self, help_center: HelpCenter) -> None:
        self.default = help_center
        self.others = {language: in_language(help_center, language) for language in help_center.languages[1:]}
        self.theme_languages: dict[str, str] = {}
        self.urls: dict[str, str] = {}
        self.versions = language_versions(help_center)
        # A page's address in the versions ('de/account/log-in/') and back to its source, in every language.
        self.version_of: dict[str, str] = {}
        for view in self.help_centers():
            self.version_of[view.home_uri] = f"{view.language}/" if view.language else ""
            self.version_of.update({category.src_uri: category.url for category in view.categories})
            self.version_of.update({entry.src_uri: entry.url for entry in view.entries})
        # A hand-written page's translation, published in its language's folder ('de/contact.md'), and its file
        # under docs/ ('contact.de.md').
        self.page_files: dict[str, tuple[str, str]] = {}
        for language, view in self.others.items():
            for name in view.translations[language].pages:
                target = view.page_uri(name)
                self.page_files[target] = (language, f"{name}.{language}.md")
                self.version_of.update({f"{name}.md": page_path(f"{name}.md"), target: page_path(target)})
        self.source_of = {url: src_uri for src_uri, url in self.version_of.items()}

    def help_centers(self) -> list[HelpCenter]:
        """Every language's help center, the default language's first."""
        return [self.default, *self.others.values()]

    def of_page(self, meta: Mapping[str, Any]) -> HelpCenter:
        """The help center a page belongs to: its language's, or the default one for any other page."""
        return self.others.get(meta.get(LANGUAGE_META, ""), self.default)

    def find_theme_languages(self, env: jinja2.Environment, site_language: str) -> None:
        """Material's interface language for each declared language: the same code, else the language without
        its region or script ('de' for 'de-AT'), else the site's `theme.language`."""
        for language in self.default.languages:
            candidates = (language, language.partition("-")[0])
            self.theme_languages[language] = next(
                (code for code in candidates if _has_template(env, MATERIAL_LANGUAGES.format(code))), site_language
            )

    def alternates(self, src_uri: str, page_address: Callable[[str], str]) -> tuple[tuple[str, str], ...]:
        """The page's language versions, itself and `x-default` among them, as (hreflang, address) pairs;
        none for a page in one language only. `page_address` makes a page source's absolute address."""
        version = self.version_of.get(src_uri)
        group = self.versions.get(version, {}) if version is not None else {}
        if len(group) < 3:  # one language and its x-default
            return ()
        return tuple((language, page_address(self.source_of[url])) for language, url in group.items())

    def publish_page_translations(self, files: Files, config: MkDocsConfig) -> None:
        """Each translation of a hand-written page in its language's folder: `docs/contact.de.md` at
        `de/contact/`, edited in its own file."""
        for target, (_, src_uri) in self.page_files.items():
            file = files.get_file_from_path(src_uri)
            if file is None or file.abs_src_path is None:
                continue
            files.remove(file)
            moved = File.generated(config, target, abs_src_path=file.abs_src_path)
            moved.edit_uri = file.edit_uri
            files.append(moved)

    def hand_written_page(self, markdown: str, src_uri: str, meta: MutableMapping[str, Any]) -> str:
        """A hand-written page's Markdown with the support address and hours of its language's settings
        where it names them (`{{ contact.hours }}`), without its example-value marks; a page translation is
        marked as in its language."""
        language = self.page_files.get(src_uri, ("", ""))[0]
        if language:
            meta[LANGUAGE_META] = language
        return with_site_values(without_example_marks(markdown), self.of_page(meta).settings.contact)

    def find_urls(self, files: Files) -> None:
        """The built address of every page in a language's versions (every generated page), each language's home
        page among them."""
        for src_uri in self.version_of:
            file = files.get_file_from_path(src_uri)
            if file is not None:
                self.urls[src_uri] = file.url

    def switcher(self, src_uri: str, help_center: HelpCenter) -> list[dict[str, Any]]:
        """The language switcher's links: each other language's version of the page, or that language's
        home page where the page has none (`translated` false)."""
        here = help_center.language or self.default.languages[0]
        links = []
        for language, view in zip(self.default.languages, self.help_centers(), strict=True):
            if language == here:
                continue
            version = self.version_in(src_uri, language)
            target = version if version is not None else view.home_uri
            links.append({"language": language, "name": native_name(language), "translated": version is not None,
                          "href": self.urls.get(target, target)})
        return links

    def version_in(self, src_uri: str, language: str) -> str | None:
        """The source of the page's version in `language` (the page's own for its language); None where the page
        has none, or is in one language only."""
        group = self.versions.get(self.version_of[src_uri], {}) if src_uri in self.version_of else {}
        version = group.get(language)
        return self.source_of[version] if version is not None else None

    def page_context(self, meta: Mapping[str, Any]) -> dict[str, Any]:
        """What the templates read: the built address of each page by its source (`helpcenter_page_urls`, for
        links the theme writes, such as the breadcrumb's); and, in a site in several languages, the page's
        language: its code, its direction, Material's interface language (a site in one language keeps the
        theme's own)."""
        languages = self.default.languages
        urls = {"helpcenter_page_urls": self.urls}
        if len(languages) < 2:
            return urls
        help_center = self.of_page(meta)
        language = help_center.language or languages[0]
        return {
            **urls,
            "helpcenter_language": language,
            "helpcenter_direction": "rtl" if is_right_to_left(language) else "ltr",
            "helpcenter_theme_language": self.theme_languages.get(language),
            "helpcenter_words": interface_texts(self.default, help_center.language),
            "helpcenter_home_url": self.urls.get(help_center.home_uri),
            # The search worker loads this language's index (see assets/javascripts/helpcenter-search.js).
            "helpcenter_search_index": f"search/{help_center.language}/" if help_center.language else None,
        }


def _has_template(env: jinja2.Environment, name: str) -> bool:
    try:
        env.get_template(name)
    except jinja2.TemplateNotFound:
        return False
    return True
