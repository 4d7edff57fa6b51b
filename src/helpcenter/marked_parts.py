"""Parts of a generated page marked in its Markdown, to be found again in the page's HTML.

The structured data needs the plain text of an entry's answer and steps. The page already holds
them as HTML, so the entry template marks where they start and end with HTML comments (which
content cannot contain: the markup policy refuses comments), and the plugin takes the parts out
of the rendered page and removes the marks, instead of rendering the Markdown a second time.
"""

from __future__ import annotations

ANSWER = "answer"
STEPS = "steps"


def _start(name: str) -> str:
    return f"<!-- helpcenter:{name} -->"


def _end(name: str) -> str:
    return f"<!-- /helpcenter:{name} -->"


def marked(markdown_text: str, name: str) -> str:
    """Markdown blocks between a start and an end mark, each a block of its own."""
    return f"{_start(name)}\n\n{markdown_text}\n\n{_end(name)}"


def take_parts(html: str, names: tuple[str, ...]) -> tuple[str, dict[str, str]]:
    """The page's HTML without the marks, and the HTML each pair of marks held.

    A part whose marks are not found exactly once each, in order, is left out (a page template that
    does not mark it); the caller then gets the text some other way.
    """
    parts: dict[str, str] = {}
    for name in names:
        start, end = _start(name), _end(name)
        opening, closing = html.find(start), html.find(end)
        if opening < 0 or closing < opening or html.count(start) != 1 or html.count(end) != 1:
            continue
        inner_start = _past_mark(html, opening, start)
        parts[name] = html[inner_start:closing].rstrip("\n")
        html = html[:opening] + html[inner_start:closing] + html[_past_mark(html, closing, end):]
    return html, parts


def _past_mark(html: str, position: int, mark: str) -> int:
    """Where the HTML after a mark starts: Python-Markdown ends a raw HTML block with a blank line."""
    position += len(mark)
    for _ in range(2):
        if html.startswith("\n", position):
            position += 1
    return position
