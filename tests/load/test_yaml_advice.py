"""A YAML mistake is reported on the line that is wrong, with advice that fits it."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpcenter.load.yaml_file import read_yaml

CASES = {
    "a colon in plain text": (
        "title: How do I: log in?\nsummary: x\n",
        "f.yml:1: invalid YAML at column 16: mapping values are not allowed in this context; put text that "
        "contains ': ' in quotes, or use '|' for a block of text",
    ),
    "a colon in text between typographic quotes": (
        "title: \u201cHow do I log in: now\u201d\nsummary: x\n",
        "f.yml:1: invalid YAML at column 24: mapping values are not allowed in this context; \u201c \u201d and "
        "\u2018 \u2019 are typographic quotes, which are part of the text: put the whole text in straight quotes "
        "(\"...\") as well, or use '|' for a block of text",
    ),
    "an indented field": (
        "title: T\n summary: x\nowner: y\n",
        "f.yml:2: invalid YAML at column 9: mapping values are not allowed in this context; 'summary:' is "
        "indented, so it is read as part of the value above it; start it at the same place as the other fields",
    ),
    "a quote never closed": (
        "title: \"T\nsummary: x\nowner: y\nanswer: |\n  a\n",
        "f.yml:1: invalid YAML at column 8: found unexpected end of stream; the quote that starts the value "
        "here is never closed: end the text with the same quote",
    ),
    "a list item further left": (
        "title: T\ntags:\n  - a\n - b\nsummary: x\n",
        "f.yml:4: invalid YAML at column 2: did not find expected key; this line starts further left than the "
        "line before it (2 spaces): indent it the same, or start a new field at the beginning of the line",
    ),
    "a line of a block further left": (
        "title: T\nanswer: |\n  line one\n line two\nowner: y\n",
        "f.yml:4: invalid YAML at column 2: did not find expected key; this line starts further left than the "
        "line before it (2 spaces): indent it the same, or start a new field at the beginning of the line",
    ),
}


@pytest.mark.parametrize("text, expected", CASES.values(), ids=CASES.keys())
def test_each_mistake_gets_its_line_and_its_advice(tmp_path: Path, text: str, expected: str) -> None:
    path = tmp_path / "f.yml"
    path.write_text(text, encoding="utf-8")
    document, problems = read_yaml(path, "f.yml")
    assert document is None
    assert [str(problem) for problem in problems] == [expected]
