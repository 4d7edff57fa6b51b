"""The Jinja environment of the page templates and its filters (the output is Markdown)."""

from __future__ import annotations

import html
import re
import string
from pathlib import Path

import jinja2

_TEMPLATES = Path(__file__).parent / "templates"
_SAFE_PUNCTUATION = set(",?'/;\"%-.")
_LIST_MARKER = re.compile(r"^(\s*)([-.]|\d+\.)")
# Each meaningful punctuation mark becomes a character reference, and a line break a space.
_MARKDOWN_REPLACEMENTS = str.maketrans({
    character: f"&#{ord(character)};" for character in string.punctuation if character not in _SAFE_PUNCTUATION
} | {"\n": " "})


def markdown_text(text: str) -> str:
    """Plain text made inert for Markdown and HTML: every meaningful punctuation mark becomes a character reference."""
    escaped = text.translate(_MARKDOWN_REPLACEMENTS)
    # '-' and '.' only mean something at the start, where they would turn the text into a list.
    marker = _LIST_MARKER.match(escaped)
    if marker is None:
        return escaped
    inert = marker.group(2).replace("-", "&#45;").replace(".", "&#46;")
    return escaped[:marker.start(2)] + inert + escaped[marker.end(2):]


def html_attribute(text: str) -> str:
    return html.escape(text, quote=True)


def indent_block(text: str, width: int = 4) -> str:
    return text.replace("\n", "\n" + " " * width)


def make_environment(override_dir: Path | None = None) -> jinja2.Environment:
    """Templates from `override_dir` (the project's overrides) win over the packaged ones."""
    loaders: list[jinja2.BaseLoader] = []
    if override_dir is not None and override_dir.is_dir():
        loaders.append(jinja2.FileSystemLoader(override_dir))
    loaders.append(jinja2.FileSystemLoader(_TEMPLATES))
    environment = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=False,  # the output is Markdown: every value passes through `md` or `attr` explicitly
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["md"] = markdown_text
    environment.filters["attr"] = html_attribute
    environment.filters["indent_block"] = indent_block
    return environment
