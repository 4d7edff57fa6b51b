"""Copies of Material templates in overrides/ differ from the installed Material only by the listed changes.

When Material is upgraded and its template changed, this fails: redo the copy from the new template
and apply the same changes.
"""

from __future__ import annotations

from pathlib import Path

import material
import pytest

from conftest import ROOT

MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"
GENERATED_HEADER = "{#-\n  This file was automatically generated - do not edit\n-#}\n"

CHANGES: dict[str, list[tuple[str, str]]] = {
    "base.html": [
        (
            "<html lang=\"{{ lang.t('language') }}\" class=\"no-js\">",
            "<html lang=\"{{ helpcenter_language or lang.t('language') }}\""
            "{% if helpcenter_direction %} dir=\"{{ helpcenter_direction }}\"{% endif %} class=\"no-js\">",
        ),
        (
            """{% set direction = config.theme.direction or lang.t("direction") %}""",
            """{% set direction = helpcenter_direction or config.theme.direction or lang.t("direction") %}""",
        ),
        ('id="__drawer" autocomplete="off">', 'id="__drawer">'),
        ('id="__search" autocomplete="off">', 'id="__search">'),
        (
            '"search": "assets/javascripts/workers/search.a7633da7.min.js" | url,',
            '"search": ("assets/javascripts/helpcenter-search.js" | url) ~ "?lunr=workers/search.a7633da7.min.js"'
            ' ~ ("&index=" ~ helpcenter_search_index if helpcenter_search_index else ""),',
        ),
    ],
    "partials/header.html": [
        (
            '<a href="{{ config.extra.homepage | d(nav.homepage.url, true) | url }}" title="{{ config.site_name',
            '<a href="{{ (helpcenter_home_url or (config.extra.homepage | d(nav.homepage.url, true))) | url }}"'
            ' title="{{ config.site_name',
        ),
        (
            '    {% if config.extra.alternate %}\n      {% include "partials/alternate.html" %}\n    {% endif %}',
            '    {% if helpcenter_switcher %}\n      {% include "partials/helpcenter-languages.html" %}\n'
            '    {% elif config.extra.alternate %}\n      {% include "partials/alternate.html" %}\n    {% endif %}',
        ),
    ],
    "partials/language.html": [
        (
            '{% import "partials/languages/" ~ config.theme.language ~ ".html" as lang %}',
            '{% import "partials/languages/" ~ (helpcenter_theme_language or config.theme.language) ~ ".html"'
            ' as lang %}',
        ),
    ],
    "partials/search.html": [
        ('role="dialog">', "role=\"dialog\" aria-label=\"{{ lang.t('search') }}\">"),
        ('role="search">', "role=\"search\" aria-label=\"{{ lang.t('search.placeholder') }}\">"),
    ],
    "partials/toc.html": [
        (
            '    <label class="md-nav__title" for="__toc">\n'
            '      <span class="md-nav__icon md-icon"></span>\n'
            "      {{ title }}\n"
            "    </label>",
            "    {% if page in nav.pages %}\n"
            '      <label class="md-nav__title" for="__toc">\n'
            '        <span class="md-nav__icon md-icon"></span>\n'
            "        {{ title }}\n"
            "      </label>\n"
            "    {% else %}\n"
            '      <div class="md-nav__title">{{ title }}</div>\n'
            "    {% endif %}",
        ),
    ],
}


def _without_leading_comment(text: str) -> str:
    assert text.startswith("{#-"), "the copy starts with a comment that says what changed"
    return text[text.index("-#}\n") + 4:]


@pytest.mark.parametrize("name", sorted(CHANGES))
def test_override_is_material_plus_the_listed_changes(name: str) -> None:
    original = (MATERIAL_TEMPLATES / name).read_text(encoding="utf-8")
    assert original.startswith(GENERATED_HEADER)
    expected = original[len(GENERATED_HEADER):]
    for old, new in CHANGES[name]:
        assert expected.count(old) == 1, f"Material's {name} changed around {old!r}"
        expected = expected.replace(old, new)
    ours = _without_leading_comment((ROOT / "overrides" / name).read_text(encoding="utf-8"))
    assert ours == expected


def test_every_copied_material_template_is_listed() -> None:
    copies = {
        path.relative_to(ROOT / "overrides").as_posix()
        for path in (ROOT / "overrides").rglob("*.html")
        if (MATERIAL_TEMPLATES / path.relative_to(ROOT / "overrides")).is_file()
    }
    # main.html and 404.html extend Material's templates instead of copying them; partials/source.html
    # (no repository link) and partials/feedback.html ("Was this helpful?") are written anew on purpose.
    assert copies - {"main.html", "404.html", "partials/source.html", "partials/feedback.html"} == set(CHANGES)
