"""The limits of a Markdown field's size and shape: what Markdown would take too long to render is refused first."""

from __future__ import annotations

from pathlib import Path

import pytest

from content_fixture import ENTRY, write_content
from helpcenter.load.help_center import check_help_center
from helpcenter.load.links import link_targets
from helpcenter.load.markdown_fields import (
    MAX_BLOCK_CHARS,
    MAX_BRACKET_DEPTH,
    MAX_NESTING,
    MAX_OPEN_BRACKETS,
    limit_findings,
)
from helpcenter.load.markup import MAX_FINDINGS, markdown_findings

PATH = "faq_data/entries/account/log-in.yml"
ANSWER_LINE = 7  # the answer's first line in content_fixture.ENTRY
PARAGRAPH = "This paragraph is an ordinary [answer](https://example.com/) of a few words (and a remark). "


def entry_with_answer(answer: str) -> str:
    indented = "\n".join("  " + line if line else "" for line in answer.split("\n"))
    return ENTRY.split("answer: |")[0] + "answer: |\n" + indented + "\n"


def problems_for(tmp_path: Path, entry: str) -> list[str]:
    data = write_content(tmp_path, {"account/log-in": entry})
    return [str(problem) for problem in check_help_center(data, tmp_path)[1]]


def messages(text: str) -> list[str]:
    return [finding.message for finding in limit_findings(text)]


def paragraph_of(length: int) -> str:
    """Sentences with closed brackets, then letters to make `length` characters."""
    return PARAGRAPH * (length // len(PARAGRAPH)) + "x" * (length % len(PARAGRAPH))


# --- long paragraphs ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "word " * (MAX_BLOCK_CHARS // 5 + 1),
    "Intro.\n\n" + "\n".join(["a line of a long paragraph"] * 500),
    "x" * (MAX_BLOCK_CHARS + 1),
    "- an item of a list without empty lines\n" * 300,
    "| a | b |\n|---|---|\n" + "| cell | cell |\n" * 800,
    "    code\n\n" * (MAX_BLOCK_CHARS // 6),
    "> quoted\n>\n" * 1000,
    "> quoted\n\n" * 1200,
])
def test_a_paragraph_longer_than_the_limit_is_refused(text: str) -> None:
    found = messages(text)
    assert len(found) == 1 and f"the limit is {MAX_BLOCK_CHARS:,}" in found[0], text[:40]
    assert "split it into shorter ones with empty lines between" in found[0]


def test_a_long_paragraph_is_reported_on_its_first_line(tmp_path: Path) -> None:
    answer = "A short first paragraph.\n\n" + paragraph_of(MAX_BLOCK_CHARS + 51) + "\n\nA short last one."
    assert problems_for(tmp_path, entry_with_answer(answer)) == [
        f"{PATH}:{ANSWER_LINE + 2}: answer: this paragraph is {MAX_BLOCK_CHARS + 51:,} characters long; the limit "
        f"is {MAX_BLOCK_CHARS:,}: split it into shorter ones with empty lines between (indented or quoted "
        "paragraphs count as part of the one before, and a list or a table without empty lines as one paragraph)",
    ]


def test_many_paragraphs_each_under_the_limit_are_accepted() -> None:
    paragraphs = [paragraph_of(MAX_BLOCK_CHARS - 10)] * 20
    text = "\n\n".join(paragraphs)
    assert messages(text) == []
    assert messages("\n\n \n".join(paragraphs)) == [], "a line of spaces is an empty line"
    assert messages("\n\n".join(["    code"] * 3 + [paragraph_of(MAX_BLOCK_CHARS - 200)])) == []


# --- brackets ----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, bracket", [
    ("[" * (MAX_OPEN_BRACKETS + 1), "["),
    ("[a " * 1000, "["),
    ("see [this\n" * (MAX_OPEN_BRACKETS + 1), "["),
    ("![" * 500, "["),
    ("[a](" * (MAX_OPEN_BRACKETS + 1), "("),
    ("(" * 3000, "("),
    ("Text (aside " * 50 + "[fine](https://example.com/)", "("),
])
def test_more_unclosed_brackets_than_the_limit_are_refused(text: str, bracket: str) -> None:
    closer = "]" if bracket == "[" else ")"
    found = messages(text)
    assert len(found) == 1, found
    assert f"'{bracket}' without a '{closer}'; the limit is {MAX_OPEN_BRACKETS}" in found[0]
    assert f"write \\{bracket} for a bracket that is only text" in found[0]


@pytest.mark.parametrize("text", [
    "[" * (MAX_BRACKET_DEPTH + 1) + "a" + "]" * (MAX_BRACKET_DEPTH + 1),
    "Before.\n\n" + "[[[a]]] " * 3 + "[" * 30 + "]" * 30,
    "(" * 40 + "x" + ")" * 40,
])
def test_brackets_nested_deeper_than_the_limit_are_refused(text: str) -> None:
    found = messages(text)
    assert len(found) == 1 and f"nest more than {MAX_BRACKET_DEPTH} deep here" in found[0], found


def test_unclosed_brackets_are_counted_per_paragraph_and_escaped_ones_not_at_all() -> None:
    per_paragraph = "\n\n".join(["[" * MAX_OPEN_BRACKETS + " a paragraph with open brackets"] * 30)
    assert messages(per_paragraph) == []
    assert messages("\\[" * 1000 + "\\(" * 1000) == []
    assert messages("[a] " * 2000) == [], "closed brackets are fine, however many"
    assert messages("[" * MAX_BRACKET_DEPTH + "a" + "]" * MAX_BRACKET_DEPTH) == []
    assert messages("[a](https://example.com/(b)) " * 200) == []


def test_the_line_of_an_unclosed_bracket_is_the_first_of_them(tmp_path: Path) -> None:
    answer = "Fine.\n\nAlso fine.\n" + "An [open bracket " * (MAX_OPEN_BRACKETS + 1)
    assert problems_for(tmp_path, entry_with_answer(answer)) == [
        f"{PATH}:{ANSWER_LINE + 3}: answer: this paragraph has {MAX_OPEN_BRACKETS + 1} '[' without a ']'; the "
        f"limit is {MAX_OPEN_BRACKETS}: close them, or write \\[ for a bracket that is only text",
    ]


# --- nesting -----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "- " * (MAX_NESTING + 1) + "a",
    "> " * (MAX_NESTING + 1) + "a",
    ">" * 5000,
    "\n".join("    " * level + "- item" for level in range(MAX_NESTING + 2)),
    "1. " * (MAX_NESTING + 1) + "a",
    "- > " * 6 + "a",
    "\t" * (MAX_NESTING + 1) + "indented",
    "Intro.\n\n" + "\n\n".join("> " * level + "quote" for level in range(1, 40)),
])
def test_lists_and_quotes_nested_deeper_than_the_limit_are_refused(text: str) -> None:
    found = messages(text)
    assert len(found) == 1 and f"nest more than {MAX_NESTING} levels deep here" in found[0], text[:40]


@pytest.mark.parametrize("text", [
    "\n".join("    " * level + "- item" for level in range(MAX_NESTING)),
    "> " * MAX_NESTING + "a",
    "-" * 200,
    "*" * 200,
    "1234567890123 is a number at the start of a line",
    "- [ ] a task\n    - [x] another\n        ```\n        code\n        ```",
    "1. First\n\n    ```\n    code sample\n    ```\n\n2. Second",
])
def test_nesting_within_the_limit_and_lines_that_only_look_nested_are_accepted(text: str) -> None:
    assert messages(text) == []


def test_the_line_of_deep_nesting_is_reported(tmp_path: Path) -> None:
    answer = "Open the menu.\n\n" + "\n".join("    " * level + "- level" for level in range(MAX_NESTING + 1))
    problems = problems_for(tmp_path, entry_with_answer(answer))
    assert problems == [
        f"{PATH}:{ANSWER_LINE + 2 + MAX_NESTING}: answer: lists and quotes nest more than {MAX_NESTING} levels deep "
        f"here; the limit is {MAX_NESTING}: write the inner items at a level above (four spaces of indentation "
        "make one level)",
    ]


# --- what refusing before rendering covers, and what it leaves to the markup check --------------------------------

def test_a_refused_field_is_not_rendered_and_other_fields_are_still_checked(tmp_path: Path) -> None:
    entry = entry_with_answer("[" * 5000) + "steps:\n  - Open <script>alert(1)</script> it\n"
    problems = problems_for(tmp_path, entry)
    assert len(problems) == 2
    assert problems[0].startswith(f"{PATH}:{ANSWER_LINE}: answer: this paragraph has 5,000 '['")
    assert problems[1].startswith(f"{PATH}:9: steps[1]: <script> is not allowed")


@pytest.mark.parametrize("text", ["<a " * 3000, "<http://a " * 3000, "</a " * 3000, "x <b title=" + "<a " * 1000])
def test_a_tag_that_never_ends_is_refused_without_rendering_the_rest(text: str) -> None:
    found = markdown_findings(text)
    assert len(found) == 1 and "never closed with '>'" in found[0].message


def test_a_field_with_very_many_problems_reports_the_first_ones_and_says_so() -> None:
    text = "\n".join(f'<a href="javascript:alert({number})">link {number}</a>' for number in range(400))
    found = markdown_findings(text)
    assert len(found) <= MAX_FINDINGS + 1
    assert found[0].line_offset == 0 and "'javascript:' addresses run scripts" in found[0].message
    assert found[-1].message == (
        f"the check stopped after {MAX_FINDINGS} problems in this field; fix these and run it again"
    )


def test_an_attribute_list_is_read_the_same_on_a_line_full_of_braces() -> None:
    assert markdown_findings("{" * 3000 + "\n\nText\n{: onclick=alert(1) }")
    assert markdown_findings("a { b } c {: data-x=1 }")
    assert markdown_findings("{" * 3000) == []


def test_reference_definitions_after_many_bracket_lines_are_still_found() -> None:
    text = "[an open bracket\n" * 3000 + "[guide]: https://example.com/guide\n"
    assert [link.target for link in link_targets(text)] == ["https://example.com/guide"]
    assert [link.target for link in link_targets("[a [b]: https://example.com/")] == []


def test_an_answer_near_every_limit_at_once_is_accepted(tmp_path: Path) -> None:
    paragraph = paragraph_of(MAX_BLOCK_CHARS - 2_000) + " " + "[" * MAX_OPEN_BRACKETS + "(" * MAX_OPEN_BRACKETS
    nested = "\n".join("    " * level + "- level" for level in range(MAX_NESTING))
    deep = "[" * MAX_BRACKET_DEPTH + "text" + "]" * MAX_BRACKET_DEPTH
    answer = "\n\n".join([paragraph] * 10 + [nested, deep, "> " * MAX_NESTING + "quoted"])
    assert limit_findings(answer) == []
    assert problems_for(tmp_path, entry_with_answer(answer)) == []
