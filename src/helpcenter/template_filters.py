"""The filters and the Jinja environment of the page templates, made for rendering thousands of pages per build."""

from __future__ import annotations

import html
import re
import string
from pathlib import Path
from typing import Any, Callable, MutableMapping

import jinja2
from jinja2.filters import do_urlencode

_TEMPLATES = Path(__file__).parent / "templates"
_SAFE_PUNCTUATION = set(",?'/;\"%-.")
_LIST_MARKER = re.compile(r"^(\s*)([-.]|\d+\.)")
# Each meaningful punctuation mark becomes a character reference, and a line break a space.
_MARKDOWN_REPLACEMENTS = {
    character: f"&#{ord(character)};" for character in string.punctuation if character not in _SAFE_PUNCTUATION
} | {"\n": " "}
_MARKDOWN_SPECIAL = re.compile("[" + re.escape("".join(_MARKDOWN_REPLACEMENTS)) + "]")
# What urllib.parse.quote(text, safe="/") leaves as it is; every other ASCII character becomes %XX.
_URL_SAFE = set(string.ascii_letters + string.digits + "_.-~/")
_URL_QUOTES = {chr(code): f"%{code:02X}" for code in range(128) if chr(code) not in _URL_SAFE}
# '%' and ' ' are replaced first, by str.replace.
_URL_UNSAFE_LEFT = re.compile("[" + re.escape("".join(set(_URL_QUOTES) - {"%", " "})) + "]")


def markdown_text(text: str) -> str:
    """Plain text made inert for Markdown and HTML: every meaningful punctuation mark becomes a character reference."""
    # One regular expression rather than str.translate, which is several times slower with a table
    # whose replacements are longer than one character (the references).
    escaped = _MARKDOWN_SPECIAL.sub(_markdown_replacement, text)
    # '-' and '.' only mean something at the start, where they would turn the text into a list.
    marker = _LIST_MARKER.match(escaped)
    if marker is None:
        return escaped
    inert = marker.group(2).replace("-", "&#45;").replace(".", "&#46;")
    return escaped[:marker.start(2)] + inert + escaped[marker.end(2):]


def _markdown_replacement(match: re.Match[str]) -> str:
    return _MARKDOWN_REPLACEMENTS[match.group()]


def html_attribute(text: str) -> str:
    return html.escape(text, quote=True)


def indent_block(text: str, width: int = 4) -> str:
    return text.replace("\n", "\n" + " " * width)


def url_quote(value: Any) -> str:
    """Jinja's `urlencode`, faster for ASCII text.

    Jinja quotes text with `urllib.parse.quote`, which calls Python once for every byte: about
    7 µs for a page title, and every entry page puts its title into its contact link. In ASCII text
    the spaces are most of what needs quoting, and str.replace quotes them.
    """
    if type(value) is not str or not value.isascii():
        return do_urlencode(value)
    quoted = value.replace("%", "%25").replace(" ", "%20")
    return _URL_UNSAFE_LEFT.sub(_url_quote_replacement, quoted)


def _url_quote_replacement(match: re.Match[str]) -> str:
    return _URL_QUOTES[match.group()]


def remembered(function: Callable[[str], str]) -> Callable[[str], str]:
    """`function` computed once for each text: a title is shown on its page, its category's page and
    in the related questions of other entries."""
    results: dict[str, str] = {}

    def lookup(text: str) -> str:
        try:
            return results[text]
        except KeyError:
            result = results[text] = function(text)
            return result

    return lookup


class TemplateEnvironment(jinja2.Environment):
    """Jinja's environment, giving each template its globals as a plain dict rather than a ChainMap.

    Every render copies the template's globals into a new context (and their names into a set);
    a ChainMap is copied by a Python loop, which took about 10 µs of each render, and an entry page
    takes three. Nothing changes the globals once templates are loaded (which Jinja's own
    documentation advises against), so a copy made at loading holds the same values.
    """

    def make_globals(self, d: MutableMapping[str, Any] | None) -> MutableMapping[str, Any]:
        return {**self.globals, **(d or {})}


def make_environment(override_dir: Path | None = None) -> jinja2.Environment:
    """Templates from `override_dir` (the project's overrides) win over the packaged ones."""
    loaders: list[jinja2.BaseLoader] = []
    if override_dir is not None and override_dir.is_dir():
        loaders.append(jinja2.FileSystemLoader(override_dir))
    loaders.append(jinja2.FileSystemLoader(_TEMPLATES))
    environment = TemplateEnvironment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=False,  # the output is Markdown: every value passes through `md` or `attr` explicitly
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["md"] = remembered(markdown_text)  # one environment per build
    environment.filters["attr"] = html_attribute
    environment.filters["indent_block"] = indent_block
    environment.filters["urlencode"] = url_quote
    return environment
