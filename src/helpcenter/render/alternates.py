"""The language versions of each page, for `hreflang` links and the sitemap's alternates: every version
of a page names the same group (so the links are reciprocal), with the default language's address as
`x-default`."""

from __future__ import annotations

from collections.abc import Mapping

from helpcenter.load.localized import in_language
from helpcenter.model import HelpCenter
from helpcenter.render.addresses import page_path

X_DEFAULT = "x-default"


def language_versions(help_center: HelpCenter) -> dict[str, Mapping[str, str]]:
    """Each page's address (such as 'de/account/change-password/') to its versions by language code,
    `x-default` included; empty for a site in one language. A page only exists in the languages it is
    translated into, and its group names only those; a hand-written page ('contact/') is in a group when it
    has a translation ('de/contact/')."""
    languages = help_center.languages
    if len(languages) < 2:
        return {}
    groups: dict[tuple[str, str], dict[str, str]] = {}
    for language in languages:
        view = in_language(help_center, language)
        prefix = f"{language}/" if view.language else ""
        groups.setdefault(("home", ""), {})[language] = prefix
        for category in view.categories:
            groups.setdefault(("category", category.id), {})[language] = category.url
        for entry in view.entries:
            groups.setdefault(("entry", entry.id), {})[language] = entry.url
        for name in view.translations[language].pages if view.language else ():
            group = groups.setdefault(("page", name), {languages[0]: page_path(f"{name}.md")})
            group[language] = page_path(view.page_uri(name))
    versions: dict[str, Mapping[str, str]] = {}
    for group in groups.values():
        group[X_DEFAULT] = group.get(languages[0], next(iter(group.values())))
        for language, url in group.items():
            if language != X_DEFAULT:
                versions[url] = group
    return versions
