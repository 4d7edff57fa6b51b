"""The checks on the Markdown of a file's fields: limits of size and shape, the markup policy, and where links lead."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from helpcenter.load.fields import is_mail_url, is_web_url
from helpcenter.load.links import img_sources, link_targets, picture_path, picture_starts
from helpcenter.load.markup import Context, Finding, markdown_findings
from helpcenter.problems import Problem


class NamedLink(NamedTuple):
    """A link such as [text](entry:ID) or [text](link:NAME) in a Markdown field, and where it is."""

    scheme: str
    name: str
    field: str
    line: int


def check_markdown(
    path: str,
    markdown: dict[str, str],
    text_lines: dict[str, int],
    problems: list[Problem],
    named_links: list[NamedLink] | None = None,
) -> None:
    """The raw HTML, attributes and link addresses in the file's Markdown that the site does not allow.

    With `named_links`, where links lead is checked too: a web or e-mail address must be well
    formed, and a link to an entry or a shared link is added to `named_links`, to be checked once
    every file is read. (Other schemes are refused by the markup policy.)
    """
    for field, text in markdown.items():
        first_line = text_lines[field]
        context: Context = "list_item" if field.startswith("steps[") else "block"
        findings = limit_findings(text) or markdown_findings(text, context)
        problems.extend(Problem(path, first_line + finding.line_offset, field, finding.message) for finding in findings)
        if named_links is None:
            continue
        pictures = picture_starts(text)
        for link in img_sources(text):
            named_links.append(NamedLink("picture", picture_path(link.target), field, first_line + link.line_offset))
        for link in link_targets(text):
            line, address, scheme = first_line + link.line_offset, link.target, link.scheme
            if scheme in ("link", "entry", "page", "category"):
                named_links.append(NamedLink(scheme, address[len(scheme) + 1:], field, line))
            elif not scheme and link.start in pictures:
                named_links.append(NamedLink("picture", picture_path(address), field, line))
            elif scheme in ("https", "http") and not is_web_url(address):
                problems.append(Problem(path, line, field, f"malformed web address '{address}'"))
            elif scheme == "mailto" and not is_mail_url(address):
                problems.append(Problem(path, line, field, f"malformed e-mail link '{address}'"))


MAX_BLOCK_CHARS = 10_000
"""Characters of one paragraph (lines between two empty lines), with the indented or quoted ones after it."""
MAX_OPEN_BRACKETS = 20
"""`[` (or `(`) of one paragraph without their `]` (or `)`)."""
MAX_BRACKET_DEPTH = 20
"""Brackets (or parentheses) within brackets within brackets..."""
MAX_NESTING = 10
"""Levels of lists and quotes within each other (four spaces of indentation count as one)."""

_BLOCK_BREAK = re.compile(r"\n[ \t]*\n")
_CONTINUES = re.compile(r"    |\t|[ ]{0,3}>")
_BRACKETS = {"[": re.compile(r"\\.|[][]"), "(": re.compile(r"\\.|[()]")}
_NESTING_CANDIDATE = re.compile(rf"^[ \t>*+\-.)0-9]{{{MAX_NESTING + 1},}}", re.MULTILINE)
_NESTING_LEVEL = re.compile(r"    |\t|[ ]{0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)|[ ]{0,3}>")


def limit_findings(text: str) -> list[Finding]:
    """The limits of `text`'s size and shape it goes beyond, in time linear in its length.

    Markdown takes a time that grows with the square of the length, or faster, to render a long
    paragraph, a pile of unclosed brackets, deep nesting or a tag that never ends; such a text is
    refused before it is rendered. The limits are far above what any answer needs. (A tag that never
    ends is refused by `markdown_findings` before it renders.)
    """
    findings = _nesting_findings(text)
    many_brackets = text.count("[") > MAX_OPEN_BRACKETS or text.count("(") > MAX_OPEN_BRACKETS
    if len(text) > MAX_BLOCK_CHARS or many_brackets:
        for line_offset, block in _blocks(text):
            findings.extend(_block_findings(block, line_offset))
    return findings


def _blocks(text: str) -> Iterator[tuple[int, str]]:
    """Each paragraph of `text` (lines between empty lines), with the lines before it.

    An indented or quoted paragraph counts as part of the one before: Markdown joins such
    paragraphs into one code block or quote, copying what it has so far at each.
    """
    start, line, block_start, block_line = 0, 0, 0, 0
    for match in _BLOCK_BREAK.finditer(text):
        if not _CONTINUES.match(text, start):
            if start > block_start:
                yield block_line, text[block_start:start]
            block_start, block_line = start, line
        line += text.count("\n", start, match.end())
        start = match.end()
    if start > block_start and not _CONTINUES.match(text, start):
        yield block_line, text[block_start:start]
        block_start, block_line = start, line
    yield block_line, text[block_start:]


def _block_findings(block: str, line_offset: int) -> list[Finding]:
    length = len(block.rstrip())
    if length > MAX_BLOCK_CHARS:
        return [Finding(line_offset, (
            f"this paragraph is {length:,} characters long; the limit is {MAX_BLOCK_CHARS:,}: split it "
            "into shorter ones with empty lines between (indented or quoted paragraphs count as part of "
            "the one before, and a list or a table without empty lines as one paragraph)"
        ))]
    findings = []
    for opener, closer in (("[", "]"), ("(", ")")):
        if block.count(opener) > MAX_OPEN_BRACKETS:
            findings.extend(_bracket_findings(block, line_offset, opener, closer))
    return findings


def _bracket_findings(block: str, line_offset: int, opener: str, closer: str) -> list[Finding]:
    """Markdown looks for the partner of each bracket up to the end of the paragraph, as counted here."""
    unclosed: list[int] = []
    too_deep = -1
    for match in re.finditer(_BRACKETS[opener], block):
        if match.group() == opener:
            unclosed.append(match.start())
            if len(unclosed) > MAX_BRACKET_DEPTH and too_deep < 0:
                too_deep = match.start()
        elif match.group() == closer and unclosed:
            unclosed.pop()
    if len(unclosed) > MAX_OPEN_BRACKETS:
        return [Finding(line_offset + block.count("\n", 0, unclosed[0]), (
            f"this paragraph has {len(unclosed):,} '{opener}' without a '{closer}'; the limit is "
            f"{MAX_OPEN_BRACKETS}: close them, or write \\{opener} for a bracket that is only text"
        ))]
    if too_deep >= 0:
        return [Finding(line_offset + block.count("\n", 0, too_deep), (
            f"brackets '{opener}' nest more than {MAX_BRACKET_DEPTH} deep here; the limit is {MAX_BRACKET_DEPTH}: "
            f"write fewer brackets within brackets, or write \\{opener} for a bracket that is only text"
        ))]
    return []


def _nesting_findings(text: str) -> list[Finding]:
    for candidate in _NESTING_CANDIDATE.finditer(text):
        line_start = candidate.start()
        depth, position = 0, line_start
        while depth <= MAX_NESTING and (level := _NESTING_LEVEL.match(text, position)):
            depth, position = depth + 1, level.end()
        if depth > MAX_NESTING:
            return [Finding(text.count("\n", 0, line_start), (
                f"lists and quotes nest more than {MAX_NESTING} levels deep here; the limit is {MAX_NESTING}: "
                "write the inner items at a level above (four spaces of indentation make one level)"
            ))]
    return []
