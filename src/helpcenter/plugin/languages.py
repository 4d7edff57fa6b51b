"""The site in each declared language: each language's help center, which one a page belongs to, and the
words and direction the theme shows a page in."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import jinja2
from mkdocs.structure.files import Files

from helpcenter.load.languages import is_right_to_left
from helpcenter.load.localized import in_language, interface_texts
from helpcenter.model import HelpCenter
from helpcenter.render.alternates import language_versions
from helpcenter.render.pages import LANGUAGE_META

MATERIAL_LANGUAGES = "partials/languages/{}.html"


class SiteLanguages:
    """The default language's help center and, for every other declared language, its own (`in_language`)."""

    def __init__(self, help_center: HelpCenter) -> None:
        self.default = help_center
        self.others = {language: in_language(help_center, language) for language in help_center.languages[1:]}
        self.theme_languages: dict[str, str] = {}
        self.home_urls: dict[str, str] = {}
        self.versions = language_versions(help_center)
        # A page's address in the versions ('de/account/log-in/') and back to its source, in every language.
        self.version_of: dict[str, str] = {}
        for view in self.help_centers():
            self.version_of[view.home_uri] = f"{view.language}/" if view.language else ""
            self.version_of.update({category.src_uri: category.url for category in view.categories})
            self.version_of.update({entry.src_uri: entry.url for entry in view.entries})
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

    def find_home_urls(self, files: Files) -> None:
        """Each language's home page address, for the way back from its pages."""
        for help_center in self.help_centers():
            file = files.get_file_from_path(help_center.home_uri)
            if file is not None:
                self.home_urls[help_center.home_uri] = file.url

    def page_context(self, meta: Mapping[str, Any]) -> dict[str, Any]:
        """What base.html and partials/language.html read for the page's language: its code, its direction,
        Material's interface language; nothing for a site in one language, which keeps the theme's own."""
        languages = self.default.languages
        if len(languages) < 2:
            return {}
        help_center = self.of_page(meta)
        language = help_center.language or languages[0]
        return {
            "helpcenter_language": language,
            "helpcenter_direction": "rtl" if is_right_to_left(language) else "ltr",
            "helpcenter_theme_language": self.theme_languages.get(language),
            "helpcenter_words": interface_texts(self.default, help_center.language),
            "helpcenter_home_url": self.home_urls.get(help_center.home_uri),
            # The search worker loads this language's index (see assets/javascripts/helpcenter-search.js).
            "helpcenter_search_index": f"search/{help_center.language}/" if help_center.language else None,
        }


def _has_template(env: jinja2.Environment, name: str) -> bool:
    try:
        env.get_template(name)
    except jinja2.TemplateNotFound:
        return False
    return True
