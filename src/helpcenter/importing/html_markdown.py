"""HTML to the Markdown of an answer, through `html-to-markdown`, and one main ordered list as steps."""

from __future__ import annotations

import re
import textwrap

import html_to_markdown

_OPTIONS = html_to_markdown.ConversionOptions(
    # Python-Markdown nests a list under an item indented by four spaces, not two.
    list_indent_width=4,
    bullets="-",
    # A line break in a table cell stays a <br>: a table row is one line of Markdown.
    br_in_tables=True,
    extract_metadata=False,
    autolinks=False,
)
_ORDERED_ITEM = re.compile(r"(\d{1,9})\. ")
_FENCE = re.compile(r"^(```|~~~)")


def to_markdown(clean_html: str) -> str:
    """The Markdown of cleaned HTML (see html_cleanup), without trailing spaces or empty lines at the ends."""
    markdown = html_to_markdown.convert(clean_html, _OPTIONS).content or ""
    lines: list[str] = []
    for line in markdown.splitlines():
        # A quote gets an empty line before it, as Markdown writers expect one (Python-Markdown does without).
        if line.startswith(">") and lines and lines[-1] and not lines[-1].startswith(">"):
            lines.append("")
        lines.append(line.rstrip())
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")


def split_steps(markdown: str) -> tuple[str, list[str]]:
    """The answer and its steps: the text's only top-level ordered list becomes the steps when it ends the
    text, has two items or more and follows some text; otherwise the text stays whole and there are no steps."""
    lines = markdown.split("\n")
    runs: list[list[int]] = []
    in_run = fenced = False
    for number, line in enumerate(lines):
        if _FENCE.match(line):
            fenced = not fenced
            in_run = in_run and line.startswith("    ")
        if fenced:
            continue
        if _ORDERED_ITEM.match(line):
            if not in_run:
                runs.append([])
            runs[-1].append(number)
            in_run = True
        elif line and not line.startswith("    "):
            in_run = False
    if len(runs) != 1 or len(runs[0]) < 2 or not in_run:
        return markdown, []
    starts = runs[0]
    intro = "\n".join(lines[:starts[0]]).strip("\n")
    if not intro:
        return markdown, []
    steps = []
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else len(lines)
        first = _ORDERED_ITEM.sub("", lines[start], count=1)
        rest = textwrap.dedent("\n".join(lines[start + 1:end]))
        steps.append(f"{first}\n{rest}".strip("\n"))
    return intro, steps
