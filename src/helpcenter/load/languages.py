"""Language codes: BCP 47 tags as the site writes them ('de', 'pt-BR', 'sr-Latn'), checked against the
languages Babel (Material's own dependency) has data for, and what the site needs to know of each."""

from __future__ import annotations

import re
from functools import cache

from babel import Locale, UnknownLocaleError

# A language, an optional script and an optional region, in BCP 47's usual letter case: 'de',
# 'zh-Hant-TW', 'es-419'. Variants and private use ('x-...') have no place in a help center's
# addresses.
LANGUAGE_PATTERN = r"[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?"
LANGUAGE_HINT = "a BCP 47 language code such as 'de', 'he' or 'pt-BR'"
_LANGUAGE = re.compile(LANGUAGE_PATTERN)
_NOT_LANGUAGES = frozenset(("und", "mul", "zxx", "mis"))


def bcp47_spelling(text: str) -> str | None:
    """The BCP 47 spelling of a code written in another usual way ('de_DE', 'DE', 'pt-br'), or None."""
    parts = re.split(r"[-_]", text.strip())
    if not parts or not all(part.isalnum() for part in parts):
        return None
    fixed = [parts[0].lower()]
    for part in parts[1:]:
        fixed.append(part.title() if len(part) == 4 and part.isalpha() else part.upper())
    tag = "-".join(fixed)
    return tag if tag != text and _LANGUAGE.fullmatch(tag) and language_problem(tag) is None else None


def language_advice(text: str) -> str | None:
    tag = bcp47_spelling(text)
    return f"write '{tag}'" if tag else None


def language_problem(tag: str) -> str | None:
    """Why `tag` is not a language the site can be written in, or None when it is one."""
    if not _LANGUAGE.fullmatch(tag):
        advice = language_advice(tag)
        return f"'{tag}' is not {LANGUAGE_HINT}" + (f"; {advice}" if advice else "")
    if tag.partition("-")[0] in _NOT_LANGUAGES or _locale(tag) is None:
        return f"'{tag}' is no language known to the site's tools; use {LANGUAGE_HINT}"
    return None


def is_right_to_left(tag: str) -> bool:
    locale = _locale(tag)
    return locale is not None and locale.character_order == "right-to-left"


def language_name(tag: str) -> str:
    """The language's English name, such as 'German' or 'Portuguese (Brazil)', for messages."""
    locale = _locale(tag)
    return str(locale.get_display_name("en")) if locale is not None else tag


def native_name(tag: str) -> str:
    """The language's name in itself, such as 'Deutsch' or 'עברית', for the language switcher."""
    locale = _locale(tag)
    name = locale.get_display_name(locale) if locale is not None else None
    return str(name) if name else tag


@cache
def _locale(tag: str) -> Locale | None:
    try:
        return Locale.parse(tag, sep="-")
    except (UnknownLocaleError, ValueError):
        return None
