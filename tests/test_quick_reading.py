"""The quick paths of validation decide only how fast a file is read, never what is reported.

`quick_fields.read_quickly` must return exactly what the thorough `fields.Reader` returns, or give
up; `html_policy.plain_links` must find exactly the link targets `markdown_links.link_targets`
finds; a file read with `check_keys=False` must still have its repeated keys reported.
"""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from content_fixture import ENTRY, write_content
from helpcenter.content import check_help_center
from helpcenter.fields import Reader
from helpcenter.html_policy import markdown_findings, plain_links, rendered_findings
from helpcenter.markdown_links import link_targets
from helpcenter.quick_fields import read_quickly
from helpcenter.spec import CATEGORY_FIELDS, ENTRY_FIELDS
from helpcenter.synthetic import write_synthetic_content
from helpcenter.yaml_source import read_yaml, repeated_key_problems

# Lines an entry may hold, right and wrong: each kind of value, empty ones, nulls, tags, nesting.
ENTRY_LINES = [
    "title: How do I log in?", "title: ''", "title: ~", "title: !!str 12", "title: [a]", "title: \"a\\x01b\"",
    "summary: Use your e-mail address.", "summary:", "summary: null", "summary: |\n  Two\n  lines",
    "category: account", "category: Account", "category: account\n", "categroy: account",
    "reviewed: 2026-01-05", "reviewed: 2026-02-30", "reviewed: 2026-1-5", "reviewed: '2026-01-05'",
    "owner: Support team", "owner: \"\\tTabbed\"", "owner: {a: b}",
    "answer: |\n  Open the [login page](https://example.com/login).\n  Or [ask](link:support).",
    "answer: |\n\n  <b onclick=x>bold</b>", "answer: >\n  folded\n  text", "answer: \"[x](entry:log-in)\"",
    "steps:\n  - One\n  - |\n    Two\n    lines", "steps: []", "steps:", "steps: [a, '', b]", "steps: [a, [b]]",
    "steps:\n  - '[x](javascript:y)'\n  - ~", "related: [log-in]", "related: [Log-In]", "related: log-in",
    "related:\n  - {a: 1, a: 2}", "tags: [a, b]", "tags: []", "tags:", "tags: ''", "tags: [a, ~]", "tags: [a, null]",
    "tags: ['null', '~']", "also_asked:\n  - Why?\n  - \"\\x07\"", "redirect_from: [account/old-question/]",
    "redirect_from: [Old]", "video:\n  url: https://youtu.be/aqz-KE-bpKQ\n  title: T\n  description: D\n"
    "  uploaded: 2026-01-01", "video:\n  url: https://youtu.be/x\n  title: T\n  title: U", "video: x",
    "video:\n  url: https://vimeo.com/1\n  titel: T", "title: How?\ntitle: Again", "~: x", "'': y",
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(ENTRY_LINES), min_size=1, max_size=12), st.booleans())
def test_the_quick_reader_returns_what_the_reader_returns_or_gives_up(
    tmp_path: Path, lines: list[str], check_controls: bool
) -> None:
    path = tmp_path / "entry.yml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    document, problems = read_yaml(path, "entry.yml")
    if document is None:
        return
    reader = Reader("entry.yml", [], check_control_characters=check_controls or document.may_hold_control_characters)
    values, key_lines = reader.read_mapping(document.root, ENTRY_FIELDS)
    quick = read_quickly(document.root, ENTRY_FIELDS, "", reader.check_control_characters)
    if quick is None:
        return
    assert reader.problems == []
    assert (quick.values, quick.lines) == (values, key_lines)
    # The Markdown values it keeps are those with markup or links, on the same lines.
    assert quick.markdown == {field: text for field, text in reader.markdown.items() if field in quick.markdown}
    assert all(quick.text_lines[field] == reader.text_lines[field] for field in quick.markdown)
    assert all(markdown_findings(text) == [] and link_targets(text) == [] for field, text in reader.markdown.items()
               if field not in quick.markdown)


def test_clean_content_is_read_quickly_in_full(tmp_path: Path) -> None:
    """Every file of the synthetic help center takes the quick path, with the Reader's values."""
    write_synthetic_content(tmp_path / "faq_data", 120, per_category=40)
    categories, _ = read_yaml(tmp_path / "faq_data" / "categories.yml", "categories.yml")
    assert categories is not None
    for _, node in categories.root.value:
        assert read_quickly(node, CATEGORY_FIELDS) is not None
    files = sorted((tmp_path / "faq_data" / "entries").rglob("*.yml"))
    assert len(files) == 120
    for file in files:
        document, problems = read_yaml(file, file.name, check_keys=False)
        assert document is not None and problems == []
        quick = read_quickly(document.root, ENTRY_FIELDS, "", document.may_hold_control_characters)
        assert quick is not None, file
        reader = Reader(file.name, [])
        assert reader.read_mapping(document.root, ENTRY_FIELDS) == (quick.values, quick.lines)
        assert reader.problems == []


LINK_PIECES = ["text ", "\n", "[a](", "entry:x-1", "https://example.com/a?b=1", ")", "]", "(", "link:support",
               "mailto:a@b.co", "javascript:alert(1)", " ", "<", "{", "]:", "![", "'", "`", "&", "`code`", "ftp:x",
               "[ref]: https://example.com/", "<https://example.com>", "\t", "(x)", "]()", "](<x>)"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(LINK_PIECES), max_size=14).map("".join))
def test_plain_links_are_the_link_targets_of_a_text_without_markup(text: str) -> None:
    links = plain_links(text)
    if links is None:
        return
    assert [(link.address, link.line_offset, link.scheme) for link in links if link.address] == [
        (link.target, link.line_offset, link.scheme) for link in link_targets(text)
    ]
    assert markdown_findings(text) == rendered_findings(text)


@pytest.mark.parametrize("text", [
    ENTRY + "title: Again\n",
    ENTRY + "steps:\n  - {a: 1, a: 2}\n",
    ENTRY + "video:\n  url: https://youtu.be/aqz-KE-bpKQ\n  url: https://youtu.be/aqz-KE-bpKQ\n",
])
def test_a_repeated_key_is_reported_when_the_keys_are_left_to_the_caller(tmp_path: Path, text: str) -> None:
    path = tmp_path / "entry.yml"
    path.write_text(text, encoding="utf-8")
    checked, problems = read_yaml(path, "entry.yml")
    assert checked is None and problems
    unchecked, none = read_yaml(path, "entry.yml", check_keys=False)
    assert unchecked is not None and none == [] and not unchecked.keys_checked
    assert read_quickly(unchecked.root, ENTRY_FIELDS) is None
    assert repeated_key_problems(unchecked) == problems
    folder = write_content(tmp_path, {"account/log-in": text})
    assert check_help_center(folder, tmp_path)[1] == problems_in(folder, problems)


def problems_in(folder: Path, problems: list) -> list:
    """The same problems, for the entry file inside `folder`."""
    shown = "faq_data/entries/account/log-in.yml"
    return sorted(problem.__class__(shown, problem.line, problem.field, problem.message) for problem in problems)


def test_an_escaped_control_character_is_still_found(tmp_path: Path) -> None:
    """Files without a backslash or carriage return skip the check on each value; these have one."""
    folder = write_content(tmp_path, {"account/log-in": ENTRY.replace("owner: Support team", 'owner: "Support\\x01"')})
    assert [str(problem) for problem in check_help_center(folder, tmp_path)[1]] == [
        "faq_data/entries/account/log-in.yml:5: owner: contains the control character U+0001, which cannot be shown; "
        "remove it",
    ]


@pytest.mark.parametrize("enabled", [True, False])
def test_the_check_leaves_the_cycle_collector_as_it_was(tmp_path: Path, enabled: bool) -> None:
    folder = write_content(tmp_path)
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        assert check_help_center(folder, tmp_path)[1] == []
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
