"""Slips that would publish a writer's text cut short or reshaped, each found with its line and its fix.

YAML ends a one-line value at ' #' and joins the lines of a value written without '|'; Markdown
makes a box empty, a paragraph code, or a list part of the paragraph above, because of a few
spaces or a missing empty line. None of these is an error to YAML or Markdown, so the site would
show something else than the writer wrote, without a word. The checks read the file's source
through the positions YAML keeps on each value (no second parse), and the Markdown of a '|' value
line by line, once.
"""

from __future__ import annotations

import re

import yaml

Finding = tuple[int, str]
"""A line (of the file, or within a Markdown text) and the message for it."""

# A comment after a one-line value: the spaces before the '#' and the rest of the line.
_COMMENT_AFTER = re.compile(r"([ \t]+)#([^\r\n\u2028\u2029]*)")
# The line breaks of YAML (NEL is refused before parsing).
_LINE_BREAK = re.compile(r"\r\n|[\r\n\u2028\u2029]")
# Lines Markdown reads as structure: a list item, a heading, a quote, a table row, a box, a fence.
_STRUCTURE = re.compile(r"(?:[-*+]|\d{1,9}[.)])(?: |$)|#|>|\||!!!|\?\?\?|```|~~~")
_ITEM = re.compile(r"( *)(?:[-*+]|\d{1,9}\.)(?: +\S|$)")
_BOX = re.compile(r"( *)((?:!!!|\?\?\?\+?) ?[\w-]+)")
_FENCE = re.compile(r" *(`{3,}|~{3,})")
_JOINING_STYLES = frozenset((None, "", ">"))
_ITEM_STARTS = frozenset("-*+0123456789")
_DEFINITION = re.compile(r" {0,3}: +\S")
_HTML_BLOCK = re.compile(r" {0,3}<[A-Za-z/!?]")
# Signs that an indented block is meant as code (commands, options, paths, markup) and not prose.
_CODE_SIGNS = re.compile(r"[=;{}$<>\\|`_]|::|\(\)|(?:^|\s)(?:-{1,2}|/)\w")


def scalar_findings(source: str, node: yaml.ScalarNode, markdown: bool, name: str) -> list[Finding]:
    """The slips of YAML in one published value: a comment that cuts it, lines it joins."""
    found: list[Finding] = []
    end = node.end_mark
    if not node.style:  # a plain value (libyaml writes its style as "")
        comment = _COMMENT_AFTER.match(source, end.index)
        if comment is not None and not _is_note(comment.group(1), comment.group(2)):
            found.append((end.line + 1, _comment_message(node, source[comment.start(): comment.end()], name)))
    # A quoted value keeps its line breaks as written ("\n", or one empty line more), as a program
    # writes it; a plain or '>' value is where a writer's lines are joined.
    if node.start_mark.line != end.line and node.style in _JOINING_STYLES:
        joined = _joined_line(source, node, markdown, name)
        if joined is not None:
            found.append(joined)
    return found


def markdown_findings(text: str) -> list[Finding]:
    """The Markdown slips in the text of a '|' value, by line within the text (0 for its first)."""
    if "\n" not in text:
        return []
    found: list[Finding] = []
    fence = ""  # the characters that close the fenced code being read
    container = False  # in a list item, a box, a definition or an HTML block: deeper lines are theirs
    paragraph = False  # the line before is paragraph text at the top level
    code = False  # in an indented block already looked at
    blank = True  # the line before is empty (or this is the first line)
    items: list[int] = []  # the indentation of the list items this line may be inside
    box: tuple[int, str] | None = None  # a box whose first line comes next
    for offset, line in enumerate(text.split("\n")):
        stripped = line.lstrip(" ")
        if not stripped.strip():
            blank, paragraph = True, False
            continue
        indent = len(line) - len(stripped)
        if fence:
            if stripped.rstrip().startswith(fence) and not stripped.rstrip().strip(fence[0]):
                fence = ""
            blank = False
            continue
        if box is not None:
            if indent < box[0] + 4 and (indent > box[0] or not blank):
                found.append((offset, _box_message(box[1])))
            box = None
        first = stripped[0]
        opening = _FENCE.match(line) if first in "`~" else None
        if opening is not None:
            fence, blank, paragraph = opening.group(1), False, False
            continue
        if indent >= 4 and not container:
            if blank and not code and _looks_like_prose(stripped):
                found.append((offset, _CODE_MESSAGE))
            code = code or blank
            blank = False
            continue
        code = False
        item = _ITEM.match(line) if first in _ITEM_STARTS else None
        marker = _BOX.match(line) if first in "!?" else None
        if marker is not None:
            box = (indent, marker.group(2))
        if item is not None:
            while items and items[-1] > indent:
                items.pop()
            if container and items and items[-1] < indent < items[-1] + 4:
                found.append((offset, _NESTED_MESSAGE))
            elif not container and paragraph and not blank:
                found.append((offset, _LIST_MESSAGE))
            elif not items or items[-1] != indent:
                items.append(indent)
            container, paragraph = True, False
        elif marker is not None or (first in ":<" and (_DEFINITION.match(line) or _HTML_BLOCK.match(line))):
            container, paragraph, items = True, False, []
        elif (blank and indent < 4) or not container:
            if blank:
                container, items = False, []
            paragraph = not stripped.startswith(("#", "|"))
        blank = False
    return found


def _is_note(spaces: str, comment: str) -> bool:
    """A comment written as one on purpose: two spaces (or a tab) before the '#' and a space after it,
    as in `email: support@example.com  # example value`. '#123' or a single space is the text's own."""
    return (len(spaces) >= 2 or "\t" in spaces) and (not comment or comment[0] in " \t")


def _comment_message(node: yaml.ScalarNode, rest: str, name: str) -> str:
    key = _key(name)
    if node.start_mark.line != node.end_mark.line:
        fix = f"put the whole text in quotes, from {key} \"... to the end of this line\""
    else:
        fix = f"put the text in quotes: {key} {_quoted(str(node.value) + rest.rstrip())}"
    return (
        "the text stops before ' #': the rest of the line is read as a note for editors and is not "
        f"published; {fix}"
    )


def _joined_line(source: str, node: yaml.ScalarNode, markdown: bool, name: str) -> Finding | None:
    """The first line of a value written over several lines that YAML joins to the line before,
    when that loses a list, a step or a paragraph break."""
    lines = _LINE_BREAK.split(source[node.start_mark.index: node.end_mark.index])
    after_blank = False
    for offset, line in enumerate(lines[1:], node.start_mark.line + 2):
        stripped = line.strip()
        if not stripped:
            after_blank = True
            continue
        if name.endswith("]") and not node.style and stripped.startswith("-") and stripped[1:2] in ("", " "):
            noun = "step" if name.startswith("steps[") else "item"
            return offset, (
                f"this line is added to the end of the {noun} before it; each {noun} starts on its own line "
                "with '- ' at the same indentation as the others"
            )
        if markdown and (after_blank or _STRUCTURE.match(stripped)):
            return offset, _joined_message(node.style, name)
        after_blank = False
    return None


def _joined_message(style: str | None, name: str) -> str:
    field = "- |" if name.endswith("]") else f"{_key(name)} |"
    if style == ">":
        return (
            "'>' joins these lines into one paragraph, so lists and empty lines between paragraphs are lost; "
            f"write '|' instead of '>' ({field}) so its lines are kept"
        )
    return (
        "these lines are joined into one paragraph, so lists and empty lines between paragraphs are lost; "
        f"start the text with '|' on the field's line ({field}) so its lines are kept"
    )


def _key(name: str) -> str:
    """How the field's line starts in the file: `title:` for 'video.title', `-` for 'tags[2]'."""
    return "-" if name.endswith("]") else name.rsplit(".", 1)[-1] + ":"


def _quoted(text: str) -> str:
    if '"' not in text and "\\" not in text:
        return f'"{text}"'
    if "'" not in text:
        return f"'{text}'"
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _looks_like_prose(line: str) -> bool:
    """A sentence, not a command: it starts with a capital (or a letter of a script without case)
    and has no sign of code."""
    first = line[0]
    return (
        first.isalpha() and not first.islower()
        and (len(line.split()) >= 3 or not line.isascii())
        and _CODE_SIGNS.search(line) is None
    )


def _box_message(marker: str) -> str:
    return f"this text is shown after an empty box, not inside it; indent the note's text by 4 spaces under '{marker}'"


_CODE_MESSAGE = (
    "this text is shown as a block of code, as typed in a grey box; remove the extra spaces at the start of "
    "the line (4 spaces make a code block)"
)
_LIST_MESSAGE = (
    "this list is joined to the line above it into one paragraph; put an empty line before the list"
)
_NESTED_MESSAGE = (
    "this item joins the list above instead of going inside the item before it; indent it by 4 spaces "
    "more than that item's '- '"
)
