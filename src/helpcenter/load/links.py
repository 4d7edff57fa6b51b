"""Finding the link targets an answer's Markdown uses, and resolving the named ones."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

_INLINE_TARGET = re.compile(r"\]\(\s*<?([^)\s>]+)")
# A label holds no bracket (as for Markdown): a label reaching past a `[` to some later `]` made the
# expression read the rest of the text from every line that starts with `[`.
_REFERENCE_TARGET = re.compile(r"^[ ]{0,3}\[[^\[\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.MULTILINE)
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
# `![description](path)`: the target of a picture (a description holds no bracket or line break).
_PICTURE_TARGET = re.compile(r"!\[[^\[\]\n]*\]\(\s*<?([^)\s>]+)")
# The `src` of a raw `<img>` tag, quoted or not.
_IMG_SOURCE = re.compile(r"""<img\b[^>]*?\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE)


class LinkTarget(NamedTuple):
    """A link's address in a text (a named tuple: thousands are made while checking a help center)."""

    target: str
    line_offset: int
    """Lines between the start of the text and the link."""
    start: int
    end: int

    @property
    def scheme(self) -> str:
        match = _SCHEME.match(self.target)
        return match.group(1).lower() if match else ""


def link_targets(markdown: str) -> list[LinkTarget]:
    # Each pattern needs its "](" or "]:": most steps and many answers have no link, few a reference.
    inline = "](" in markdown
    reference = "]:" in markdown
    if not inline and not reference:
        return []
    found = []
    for pattern in (_INLINE_TARGET,) * inline + (_REFERENCE_TARGET,) * reference:
        line, counted = 0, 0
        for match in pattern.finditer(markdown):
            start, end = match.span(1)
            line += markdown.count("\n", counted, start)
            counted = start
            found.append(LinkTarget(match.group(1), line, start, end))
    return sorted(found, key=lambda link: link.start) if inline and reference else found


def resolve_links(markdown: str, resolve: Callable[[LinkTarget], str]) -> str:
    """Replace every link target by `resolve(target)`; the rest of the text stays as written."""
    pieces: list[str] = []
    position = 0
    for link in link_targets(markdown):
        pieces.append(markdown[position:link.start])
        pieces.append(resolve(link))
        position = link.end
    pieces.append(markdown[position:])
    return "".join(pieces)


def picture_starts(markdown: str) -> set[int]:
    """Where each `![description](path)` target starts: those of `link_targets` that are pictures."""
    if "![" not in markdown:
        return set()
    return {match.start(1) for match in _PICTURE_TARGET.finditer(markdown)}


def img_sources(markdown: str) -> list[LinkTarget]:
    """The `src` of every raw `<img>` tag, as link targets (the address, its line, where it stands)."""
    if "<img" not in markdown.lower():
        return []
    found = []
    for match in _IMG_SOURCE.finditer(markdown):
        group = next(index for index in (1, 2, 3) if match.group(index) is not None)
        start, end = match.span(group)
        found.append(LinkTarget(match.group(group), markdown.count("\n", 0, start), start, end))
    return found


def picture_path(target: str) -> str:
    """The path under docs/ of a picture written as `assets/x.png` or, relative to a page, `../assets/x.png`."""
    while target.startswith("../"):
        target = target[3:]
    return target
