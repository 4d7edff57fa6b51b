"""Finding the tags and attributes a browser would see in a piece of HTML.

This follows the tag states of the WHATWG HTML tokenizer (tag open, tag name, the attribute
states, self-closing) so a check built on it sees exactly the attributes a browser sees, including
for deliberately malformed markup such as `<img/src=x/onerror=...>` or `<a href="x"onclick=...>`.
Python's `html.parser` is more lenient in places where browsers are strict (comments ended by
`--!>`, `</ x>` bogus comments, CDATA sections), and those differences are exactly where
cross-site-scripting filters are bypassed. Comments, declarations, processing instructions and
bogus comments are not tokenized: they are reported as `markup` for the caller to refuse.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

_SPACE = "\t\n\f\r "


@dataclass
class Tag:
    """A start or end tag as the browser reads it; attribute names lower-cased, values decoded."""

    name: str
    offset: int
    end: bool = False
    attributes: list[tuple[str, str, str]] = field(default_factory=list)
    """(name, raw value as written, value after character references are decoded)."""


@dataclass
class Scan:
    tags: list[Tag]
    markup: list[tuple[int, str]]
    """Offsets and text of comments, declarations and other `<!`, `<?`, `</ ` constructs."""
    unclosed: int | None
    """Offset of a tag the text ends inside of, if any."""


def scan_html(text: str) -> Scan:
    """Every tag in `text`, in order; text between tags is not returned."""
    tags: list[Tag] = []
    markup: list[tuple[int, str]] = []
    position = 0
    while True:
        start = text.find("<", position)
        if start < 0 or start + 1 >= len(text):
            return Scan(tags, markup, None)
        following = text[start + 1]
        if _is_letter(following):
            tag, position = _read_tag(text, start, start + 1, end=False)
        elif following == "/" and start + 2 < len(text) and _is_letter(text[start + 2]):
            tag, position = _read_tag(text, start, start + 2, end=True)
        elif following in "!?" or (following == "/" and start + 2 < len(text) and text[start + 2] != ">"):
            close = text.find(">", start)
            snippet = text[start : close + 1 if close >= 0 else len(text)]
            markup.append((start, snippet[:40]))
            position = start + 2
            continue
        else:
            position = start + 1
            continue
        if tag is None:
            return Scan(tags, markup, start)
        tags.append(tag)


def _is_letter(character: str) -> bool:
    return character.isascii() and character.isalpha()


def _read_tag(text: str, start: int, position: int, *, end: bool) -> tuple[Tag | None, int]:
    """The tag whose name starts at `position`, and the offset after its `>`; None at end of text."""
    length = len(text)
    index = position
    while index < length and text[index] not in _SPACE and text[index] not in "/>":
        index += 1
    tag = Tag(text[position:index].lower(), start, end)
    attributes: list[list[str]] = []
    state = "before_name"
    while index < length:
        character = text[index]
        if state == "before_name":
            if character in _SPACE:
                index += 1
            elif character in "/>":
                state = "after_name"
            elif character == "=":
                attributes.append(["=", ""])
                state = "name"
                index += 1
            else:
                attributes.append(["", ""])
                state = "name"
        elif state == "name":
            if character in _SPACE or character in "/>":
                state = "after_name"
            elif character == "=":
                state = "before_value"
                index += 1
            else:
                attributes[-1][0] += character.lower()
                index += 1
        elif state == "after_name":
            if character in _SPACE:
                index += 1
            elif character == "/":
                state = "self_closing"
                index += 1
            elif character == "=":
                state = "before_value"
                index += 1
            elif character == ">":
                return _finish(tag, attributes), index + 1
            else:
                attributes.append(["", ""])
                state = "name"
        elif state == "before_value":
            if character in _SPACE:
                index += 1
            elif character in "\"'":
                close = text.find(character, index + 1)
                if close < 0:
                    return None, length
                attributes[-1][1] = text[index + 1 : close]
                index = close + 1
                state = "after_quoted"
            elif character == ">":
                return _finish(tag, attributes), index + 1
            else:
                state = "unquoted"
        elif state == "unquoted":
            if character in _SPACE:
                state = "before_name"
                index += 1
            elif character == ">":
                return _finish(tag, attributes), index + 1
            else:
                attributes[-1][1] += character
                index += 1
        elif state == "after_quoted":
            if character in _SPACE:
                state = "before_name"
                index += 1
            elif character == "/":
                state = "self_closing"
                index += 1
            elif character == ">":
                return _finish(tag, attributes), index + 1
            else:
                state = "before_name"
        else:  # self_closing
            if character == ">":
                return _finish(tag, attributes), index + 1
            state = "before_name"
    return None, length


def _finish(tag: Tag, attributes: list[list[str]]) -> Tag:
    tag.attributes = [(name, raw, html.unescape(raw)) for name, raw in attributes]
    return tag
