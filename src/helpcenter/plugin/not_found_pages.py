"""The "page not found" page in every language: the theme's 404.html at the site's root in the default
language's words, and rendered again into each other language's folder (`de/404.html`) with that
language's words, direction, categories, home page, search index and contact page."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation

from helpcenter.load.localized import interface_texts
from helpcenter.model import HelpCenter
from helpcenter.plugin.languages import SiteLanguages
from helpcenter.render.addresses import page_path
from helpcenter.render.pages import LANGUAGE_META
from helpcenter.render.redirects import NOT_FOUND_PAGE as NOT_FOUND

CONTACT_PAGE = "contact.md"


def not_found_context(context: dict[str, Any], languages: SiteLanguages, files: Files) -> dict[str, Any]:
    """What 404.html reads besides MkDocs' context, for the page of `languages.default`."""
    context.update(_language_context(languages, languages.default, files, context["config"].use_directory_urls))
    return context


def write_not_found_pages(
    site_dir: Path, env: jinja2.Environment, context: dict[str, Any] | None, languages: SiteLanguages, files: Files,
    navigations: Mapping[str, Navigation],
) -> list[str]:
    """Each other language's 404 page in its folder, with its language's navigation (`navigations`, by
    language), made from the root page's context (`context`, as MkDocs gave it to 404.html; None when MkDocs
    made none); the paths written, relative to the site folder."""
    if context is None:
        return []
    template = env.get_template(NOT_FOUND)
    written = []
    for language, help_center in languages.others.items():
        path = f"{language}/{NOT_FOUND}"
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        words = _language_context(languages, help_center, files, context["config"].use_directory_urls)
        target.write_text(template.render({**context, **words, "nav": navigations[language]}), encoding="utf-8")
        written.append(path)
    return written


def contact_page_url(files: Files, language: str) -> str | None:
    """The site-relative address of the contact page in `language` (`de/contact.md`), else of the default
    language's; None for a site without one."""
    for src_uri in (f"{language}/{CONTACT_PAGE}" if language else CONTACT_PAGE, CONTACT_PAGE):
        file = files.get_file_from_path(src_uri)
        if file is not None:
            return file.url
    return None


def _language_context(
    languages: SiteLanguages, help_center: HelpCenter, files: Files, use_directory_urls: bool
) -> dict[str, Any]:
    return {
        **languages.page_context({LANGUAGE_META: help_center.language}),
        "helpcenter": help_center,
        "helpcenter_words": interface_texts(languages.default, help_center.language),
        "helpcenter_home_url": page_path(help_center.home_uri, use_directory_urls),
        "helpcenter_contact_url": contact_page_url(files, help_center.language),
    }
