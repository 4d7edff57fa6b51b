"""The answer and the steps of an entry page, found in the page's HTML for its structured data.

The structured data needs the plain text of an entry's answer and steps. The page already holds
them as HTML: the entry template puts the title first, then the answer, then (if the entry has
steps) a mark and the steps under their heading. The mark is an HTML comment, which content cannot
contain (the markup policy refuses comments); it is removed from the page. Taking the parts from
the page spares rendering every answer's Markdown a second time.
"""

from __future__ import annotations

ANSWER = "answer"
STEPS = "steps"
STEPS_MARK = "<!-- helpcenter:steps -->"
_TITLE_END = "</h1>\n"
_HEADING_END = "</h2>\n"


def answer_and_steps(html: str) -> tuple[str, dict[str, str]]:
    """The page's HTML without the mark, and the HTML of its answer and (after the mark) its steps.

    A page that does not start with its title, or holds the mark more than once, gives no parts:
    the caller then renders the text itself.
    """
    title_end = html.find(_TITLE_END)
    marks = html.count(STEPS_MARK)
    if not html.startswith("<h1") or title_end < 0 or marks > 1:
        return html, {}
    answer_start = title_end + len(_TITLE_END)
    if marks == 0:
        return html, {ANSWER: html[answer_start:]}
    mark = html.find(STEPS_MARK)
    after_mark = _past_mark(html, mark)
    heading_end = html.find(_HEADING_END, after_mark)
    without_mark = html[:mark] + html[after_mark:]
    if mark < answer_start or heading_end < 0:
        return without_mark, {}
    parts = {ANSWER: html[answer_start:mark].rstrip("\n"), STEPS: html[heading_end + len(_HEADING_END):]}
    return without_mark, parts


def _past_mark(html: str, position: int) -> int:
    """Where the HTML after the mark starts: Python-Markdown ends a raw HTML block with a blank line."""
    position += len(STEPS_MARK)
    for _ in range(2):
        if html.startswith("\n", position):
            position += 1
    return position
