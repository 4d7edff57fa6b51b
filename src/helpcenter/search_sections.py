"""A page's HTML divided into the sections Material's search plugin indexes, read without html.parser.

Material's search plugin (`material/plugins/search/plugin.py`, class `Parser`) reads every page
with `html.parser` to split it at its headings into sections, each a title and a text. The pages
hold the narrow, regular HTML that Python-Markdown and the templates write, which one regular
expression reads several times faster; `search_sections` then applies the parser's rules event by
event, so the sections, their ids, titles and texts come out the same, in the same pieces.

Where `html.parser` could read the HTML differently from the expression (raw-text elements such as
`<script>`, CDATA, declarations, processing instructions, a `<` that starts no tag, attribute
syntax outside the usual, a comment holding `--`), `search_sections` returns None and the page is
left to Material's own parser. So are pages on which that parser fails.
"""

from __future__ import annotations

import re
from html import escape, unescape
from itertools import islice

_SPACE = r"[ \t\n\r\f]"  # inside tags html.parser takes these, and in some versions other Unicode spaces too
_NAME = r"[a-zA-Z][a-zA-Z0-9-]*"
_ATTRIBUTE_NAME = r"[a-zA-Z_:][-a-zA-Z0-9_:.]*"
# A value without quotes ends before any space html.parser knows of, and is never followed by '/'
# (in `<a b=x/>`, 'x/' is the value and the tag does not close itself).
_BARE_VALUE = r"""[^\s"'=<>`/]+"""
_ATTRIBUTE = rf"""{_ATTRIBUTE_NAME}(?:{_SPACE}*={_SPACE}*(?:"[^"]*"|'[^']*'|{_BARE_VALUE}(?!/)))?"""
# Text, a start tag, an end tag, a comment, or any other '<'. html.parser passes the text between
# two tags or comments to its handler as one piece, and its handlers see those pieces.
_TOKENS = re.compile(
    r"([^<]+)"
    rf"|<({_NAME})((?:{_SPACE}+{_ATTRIBUTE})*){_SPACE}*(/?)>"
    rf"|</({_NAME}){_SPACE}*>"
    # A comment without '--' inside, not '<!-->' or '<!--->': read alike by every version of html.parser.
    r"|<!--(?!-?>)[^-]*(?:-[^-]+)*-->"
    r"|(<)"
)
_ATTRIBUTE_PARTS = re.compile(
    rf"""({_ATTRIBUTE_NAME})(?:{_SPACE}*(=){_SPACE}*(?:"([^"]*)"|'([^']*)'|({_BARE_VALUE})))?"""
)
# Attributes the parser reads, besides a heading's id; '&' (a reference) could spell any of them.
_NOTEWORTHY_ATTRIBUTES = re.compile(r"data-search-exclude|linenodiv|headerlink|&", re.IGNORECASE)

# Elements whose content html.parser reads as raw text in some Python version, not as markup.
_RAW_TEXT = frozenset(
    ("script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext")
)
# What the search plugin's parser treats specially (its `void`, `keep` and `skip`).
_VOID = frozenset(
    ("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr")
)
_KEPT = frozenset(("p", "code", "pre", "li", "ol", "ul", "sub", "sup"))
_ALWAYS_SKIPPED = ("object", "script", "style")
_HEADINGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
_PREFACE = "hx"


class SearchSection:
    """A heading and what follows it, as the search plugin's `Section`: title and text are lists of HTML pieces."""

    __slots__ = ("tag", "depth", "excluded", "id", "title", "text")

    def __init__(self, tag: str, depth: float, excluded: bool = False) -> None:
        self.tag = tag
        """The heading's tag, or 'hx' for what comes before the first heading."""
        self.depth = depth
        self.excluded = excluded
        """True for a heading marked `data-search-exclude`: the section stays out of the index."""
        self.id: str | None = None
        self.title: list[str] = []
        self.text: list[str] = []

    def is_excluded(self) -> bool:
        return self.excluded

    def __repr__(self) -> str:
        return f"SearchSection({self.tag!r}, id={self.id!r}, title={self.title!r}, text={self.text!r})"


_NO_ATTRIBUTES: dict[str, str | None] = {}
_OPENING = {tag: f"<{tag}>" for tag in _KEPT}
_CLOSING = {tag: f"</{tag}>" for tag in _KEPT}


def search_sections(html: str) -> list[SearchSection] | None:
    """The sections Material's search `Parser` makes of `html`, or None where only that parser can tell.

    The parser's three handlers, inlined (this runs for every page of the site), over tag names: its
    elements compare and hash by tag name, so its context and skip list behave as a list and a set
    of names. A second excluded <div> inside the first therefore adds nothing to the skip list, and
    the first </div> to close any <div> inside an excluded one ends the exclusion: kept as it is,
    since the index must come out the same.
    """
    sections: list[SearchSection] = []
    section: SearchSection | None = None
    context: list[str] = []
    skip = set(_ALWAYS_SKIPPED)
    header_links: list[int] = []  # where in `context` the permalinks next to headings are: not part of titles
    for text, tag, written, self_closing, end_tag, other in _TOKENS.findall(html):
        if text:  # handle_data
            if not skip.isdisjoint(context):
                continue
            if "&" in text:
                text = escape(unescape(text), quote=False)
            elif ">" in text:
                text = text.replace(">", "&gt;")  # all escape() changes in a text without '&' or '<'
            preformatted = "pre" in context
            if not preformatted:
                text = " " if text.isspace() else text.replace("\n", " ")
            if section is None:
                section = SearchSection(_PREFACE, 0)
                sections.append(section)
            if section.tag in context:
                if not header_links:
                    section.title.append(text)
            elif not text.isspace():
                section.text.append(text)
            elif not section.text or not section.text[-1].isspace() or preformatted:
                section.text.append(text)
            continue
        if tag:  # handle_starttag; with '/>', handle_endtag follows
            tag = tag.lower()
            if tag in _VOID:
                continue  # the parser ignores a void element, with or without '/>'
            if tag in _RAW_TEXT:
                return None  # its content is text to html.parser, and which elements those are varies
            context.append(tag)
            attributes = _NO_ATTRIBUTES
            if written and (tag in _HEADINGS or _NOTEWORTHY_ATTRIBUTES.search(written)):
                read = _attributes(written)
                if read is None:
                    return None
                attributes = read
            if tag in _HEADINGS and "id" in attributes:
                depth = len(context)
                if tag != "h1" and not sections:
                    sections.append(SearchSection(_PREFACE, depth))
                section = SearchSection(tag, depth, "data-search-exclude" in attributes)
                if sections:
                    section.id = attributes["id"]
                sections.append(section)
            elif section is None:
                section = SearchSection(_PREFACE, 0)
                sections.append(section)
            if attributes and tag == "a" and attributes.get("class") == "headerlink":
                header_links.append(len(context))
            if attributes and ("data-search-exclude" in attributes or attributes.get("class") == "linenodiv"):
                skip.add(tag)
            elif tag in _KEPT and skip.isdisjoint(context):
                (section.title if section.tag in context else section.text).append(_OPENING[tag])
            if not self_closing:
                continue
            end_tag = tag
        elif end_tag:
            end_tag = end_tag.lower()  # even </script>: outside raw text, every html.parser reads it as an end tag
        elif other:
            return None  # a '<' that starts no tag, or starts markup html.parser reads its own way
        else:
            continue  # a comment, which only ends the text before it
        # handle_endtag
        if not context or context[-1] != end_tag:
            continue
        assert section is not None  # the start tag made one
        depth = len(context)
        if section.depth > depth:  # a heading nested in an element that ends here: back to the section around it
            for earlier in reversed(sections):
                if earlier.depth <= depth:
                    section.depth = float("inf")
                    section = earlier
                    break
        context.pop()
        if header_links and header_links[-1] == depth:
            header_links.pop()
        if end_tag in skip:
            if end_tag not in _ALWAYS_SKIPPED:
                skip.remove(end_tag)
        elif end_tag in _KEPT and skip.isdisjoint(context):
            pieces = section.title if section.tag in context else section.text
            try:
                index = pieces.index(_OPENING[end_tag])
            except ValueError:
                return None  # the parser fails here (ValueError): let it
            for piece in islice(pieces, index + 1, None):
                if not piece.isspace():
                    pieces.append(_CLOSING[end_tag])
                    break
            else:
                del pieces[index:]  # an element with no text but spaces is left out
    return sections


def _attributes(written: str) -> dict[str, str | None] | None:
    """Names lower-cased, the last of a repeated name winning, None for a name without a value: html.parser's.

    Values are not decoded: the parser reads only `id` and `class`, and one of those holding a
    reference gives None (versions of html.parser decode references in values differently).
    """
    found: dict[str, str | None] = {}
    for name, equals, double_quoted, single_quoted, bare in _ATTRIBUTE_PARTS.findall(written):
        found[name.lower()] = (double_quoted or single_quoted or bare) if equals else None
    if "&" in (found.get("id") or "") or "&" in (found.get("class") or ""):
        return None
    return found
