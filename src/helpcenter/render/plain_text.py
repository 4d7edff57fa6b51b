"""The plain text of the HTML a page shows, for structured data and descriptions."""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt", "figcaption",
    "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "ol", "p", "pre",
    "section", "summary", "table", "td", "th", "tr", "ul",
})
_HIDDEN = frozenset({"script", "style", "template", "svg"})
# Not str.split(): U+2028 and other Unicode spaces are text in HTML.
_HTML_WHITESPACE = re.compile(r"[ \t\n\r\f]+")


def plain_text(html_text: str) -> str:
    """The visible text of an HTML fragment: one line per block, whitespace collapsed, references resolved.

    List items start with their number ('1. ') or a dash; script, style, template and SVG content is
    left out.
    """
    parser = _TextParser()
    parser.feed(html_text)
    parser.close()
    parser.end_line()
    return "\n".join(parser.lines)


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []  # the pieces of the line being read
        self.hidden = 0  # how many hidden elements are open
        self.lists: list[int | None] = []  # the next number of each open ordered list, None for a bulleted one
        self.marker = ""  # the list item marker waiting for the item's first words

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
            return
        if tag in _BLOCKS:
            self.end_line()
        if tag == "ol":
            start = dict(attrs).get("start") or "1"
            self.lists.append(int(start) if start.isdigit() else 1)
        elif tag == "ul":
            self.lists.append(None)
        elif tag == "li" and self.lists:
            number = self.lists[-1]
            if number is None:
                self.marker = "- "
            else:
                self.marker = f"{number}. "
                self.lists[-1] = number + 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
            return
        if tag in _BLOCKS:
            self.end_line()
        if tag in ("ol", "ul") and self.lists:
            self.lists.pop()

    def handle_data(self, data: str) -> None:
        if self.hidden:
            return
        if self.marker and data.strip(" \t\n\r\f"):
            self.current.append(self.marker)
            self.marker = ""
        self.current.append(data)

    def end_line(self) -> None:
        line = _HTML_WHITESPACE.sub(" ", "".join(self.current)).strip(" ")
        if line:
            self.lines.append(line)
        self.current = []
