"""Raw HTML, attributes and link addresses in Markdown fields: refused with a located message, never stripped."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT
from content_fixture import ENTRY, SETTINGS, write_content
from helpcenter.load.help_center import check_help_center
from helpcenter.load.markup import (
    OUTPUT_ONLY_EXTENSIONS,
    VALIDATION_EXTENSIONS,
    markdown_findings,
    needs_rendering,
    rendered_findings,
)
from hostile_content import write_hostile_content
from xss_payloads import ANSWER_VERDICTS

PATH = "faq_data/entries/account/log-in.yml"
ANSWER_LINE = 7  # the answer's first line in content_fixture.ENTRY


def entry_with_answer(answer: str) -> str:
    indented = "\n".join("  " + line if line else "" for line in answer.split("\n"))
    return ENTRY.split("answer: |")[0] + "answer: |\n" + indented + "\n"


def problems_for(tmp_path: Path, entry: str, settings_text: str = SETTINGS) -> list[str]:
    data = write_content(tmp_path, {"account/log-in": entry}, settings=settings_text)
    return [str(problem) for problem in check_help_center(data, tmp_path)[1]]


@pytest.mark.parametrize("payload, verdict", ANSWER_VERDICTS.items(), ids=range(len(ANSWER_VERDICTS)))
def test_each_payload_in_an_answer_is_refused_with_its_reason_or_kept_as_text(
    tmp_path: Path, payload: str, verdict: str | None
) -> None:
    problems = problems_for(tmp_path, entry_with_answer(payload))
    if verdict is None:
        assert problems == []
        return
    assert problems, payload
    payload_lines = range(ANSWER_LINE, ANSWER_LINE + payload.count("\n") + 1)
    for problem in problems:
        where, field, _ = problem.split(": ", 2)
        assert field == "answer"
        path, line = where.rsplit(":", 1)
        assert path == PATH and int(line) in payload_lines, problem
    assert any(verdict in problem for problem in problems), problems


@pytest.mark.parametrize("payload, verdict", ANSWER_VERDICTS.items(), ids=range(len(ANSWER_VERDICTS)))
def test_each_payload_in_a_step_is_refused_or_kept_as_text_too(payload: str, verdict: str | None) -> None:
    """A step is a list item, where Markdown reads some markup differently; refused all the same."""
    assert bool(markdown_findings(payload, "list_item")) == (verdict is not None)


def test_problems_name_the_file_line_and_field_of_steps_and_the_home_intro(tmp_path: Path) -> None:
    entry = ENTRY + "steps:\n  - Open the page.\n  - Press <button onclick=\"go()\">Go</button>.\n"
    settings_text = SETTINGS.replace("  title: How can we help?\n", (
        "  title: How can we help?\n  intro: |\n    Welcome.\n\n    <iframe src=\"https://example.com\"></iframe>\n"
    ))
    assert problems_for(tmp_path, entry, settings_text) == [
        f"{PATH}:11: steps[2]: <button> is not allowed: link to the page instead: [text](https://...)",
        "faq_data/settings.yml:6: home.intro: <iframe> is not allowed: to show a video, use the entry's 'video' "
        "field; to show another page, link to it with [text](https://...)",
    ]


def test_every_mistake_in_an_answer_is_reported_on_its_own_line(tmp_path: Path) -> None:
    answer = (
        "Intro.\n\n<script>alert(1)</script>\n\nMore text.\n\n"
        "[x](javascript:alert(2)) and <b style=\"color: red\">b</b>"
    )
    assert problems_for(tmp_path, entry_with_answer(answer)) == [
        f"{PATH}:9: answer: <script> is not allowed: scripts cannot run in help-center text; "
        "describe the steps in words",
        f"{PATH}:13: answer: 'javascript:' addresses run scripts and are not allowed; link to a page with "
        "[text](https://...), [text](entry:ID) or [text](link:NAME)",
        f"{PATH}:13: answer: the attribute 'style' is not allowed: use Markdown formatting, or a class of the "
        "site's stylesheet with { .class }",
    ]


ALLOWED_MARKUP = [
    "Press <kbd>Ctrl</kbd> + <kbd>C</kbd>, then <strong>Save</strong>. H<sub>2</sub>O, x<sup>2</sup>.",
    "<details class=\"note\" open><summary>More</summary>\n\nHidden text.\n\n</details>",
    "<div class=\"grid\" markdown>\n\n**Bold** inside.\n\n</div>",
    "<a href=\"https://example.com/a?b=c&amp;d=e\" title=\"Example\">a link</a> and "
    "<abbr title=\"two-factor\">2FA</abbr>",
    "<img src=\"../../assets/videos/reset-2fa.svg\" alt=\"The screen\" width=\"320\" height=\"180\">",
    "| Column | Other |\n|:--|--:|\n| a | b |",
    "!!! example \"An example\"\n\n    Text of the example.",
    "```html\n<script>alert(1)</script>\n```",
    "Term\n:   Its definition.",
    "[Text](https://example.com){ .md-button } and a paragraph with a class.\n{ .note #section-1 }",
    "Write `<iframe>` in the box, or 3 < 4 and 5 > 4, or a <= b.",
    "Mail <support@example.com> or see <https://example.com/help>.",
    "[a reference][ref]\n\n[ref]: https://example.com/ref",
]


@pytest.mark.parametrize("text", ALLOWED_MARKUP)
def test_allowed_markup_passes(text: str) -> None:
    assert markdown_findings(text) == []


def test_a_reference_defined_in_the_answer_cannot_carry_a_script_into_a_step(tmp_path: Path) -> None:
    answer = "See the steps.\n\n[guide]: javascript:alert(1)"
    entry = entry_with_answer(answer) + "steps:\n  - Open the [guide][guide].\n"
    assert problems_for(tmp_path, entry) == [
        f"{PATH}:9: answer: 'javascript:' addresses run scripts and are not allowed; link to a page with "
        "[text](https://...), [text](entry:ID) or [text](link:NAME)",
    ]


def test_a_tag_left_open_cannot_swallow_the_next_field(tmp_path: Path) -> None:
    entry = entry_with_answer("Read this <span title=\"") + "steps:\n  - '\" onmouseover=\"alert(1)\" x=\">Go'\n"
    assert problems_for(tmp_path, entry) == [
        f"{PATH}:7: answer: '<span title=\"' starts an HTML tag that is never closed with '>'; "
        "to write a '<' sign, put a space after it or write &lt;",
    ]


def test_an_attribute_list_with_a_handler_is_refused_wherever_it_stands() -> None:
    for text in ("{onclick=alert(1)}", "Text { data-embed=\"x\" }", "x\n{: style=\"color:red\" }"):
        assert markdown_findings(text, "list_item"), text


def test_plain_text_fields_accept_every_payload_as_text(tmp_path: Path) -> None:
    data = write_hostile_content(tmp_path)
    help_center, problems = check_help_center(data, tmp_path)
    assert problems == []
    assert help_center is not None and len(help_center.entries) == 12


@pytest.mark.parametrize("field, value, expected", [
    ("contact.email", "a\"><script>@example.com", "contact.email: expected an e-mail address"),
    ("links.portal", "https://example.com/\"><script>alert(1)</script>", "links.portal: expected a web address"),
    ("links.portal", "javascript:alert(1)//https://example.com", "links.portal: expected a web address"),
    ("links.portal", "data:text/html,<script>alert(1)</script>", "links.portal: expected a web address"),
])
def test_addresses_that_could_break_out_of_a_link_are_refused(
    tmp_path: Path, field: str, value: str, expected: str
) -> None:
    data = yaml.safe_load(SETTINGS)
    group, key = field.split(".")
    data[group][key] = value
    problems = problems_for(tmp_path, ENTRY, yaml.safe_dump(data))
    assert len(problems) == 1 and expected in problems[0], problems


def test_a_video_thumbnail_must_be_a_picture_path(tmp_path: Path) -> None:
    video = (
        "video:\n  url: https://youtu.be/aqz-KE-bpKQ\n  title: T\n  description: D\n  uploaded: 2026-01-01\n"
        "  thumbnail: '\"><img src=x onerror=alert(1)>'\n"
    )
    assert problems_for(tmp_path, ENTRY + video) == [
        f"{PATH}:14: video.thumbnail: expected a picture's path under docs/, such as "
        "'assets/videos/reset-2fa.jpg', got '\"><img src=x onerror=alert(1)>'",
    ]


def test_control_characters_are_refused_in_text(tmp_path: Path) -> None:
    entry = ENTRY.replace("title: How do I log in?", 'title: "How do I\\x02 log in?"')
    assert problems_for(tmp_path, entry) == [
        f"{PATH}:1: title: contains the control character U+0002, which cannot be shown; remove it",
    ]


def test_every_markdown_extension_of_the_site_is_known_to_the_policy() -> None:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_IgnoreTags)
    names = [next(iter(item)) if isinstance(item, dict) else item for item in config["markdown_extensions"]]
    unknown = set(names) - set(VALIDATION_EXTENSIONS) - set(OUTPUT_ONLY_EXTENSIONS)
    assert not unknown, f"add {unknown} to load/markup.py VALIDATION_EXTENSIONS (or OUTPUT_ONLY_EXTENSIONS)"


class _IgnoreTags(yaml.SafeLoader):
    pass


_IgnoreTags.add_multi_constructor("", lambda loader, suffix, node: None)

# Fragments that decide whether Markdown makes markup or a link out of a text.
_PIECES = st.sampled_from([
    "a", " ", "\n", "\n\n", "[x]", "(", ")", "](", "![", "]:", "<", ">", "{", "}", "&", "#", ";", ":", "/",
    "\"", "'", "`", "\\", "\t", "javascript", "data", "https://e.com", "link:support", "onclick=", "=", "*",
    "    ", "1. ", "- ", "&#x09;", "&colon;", "java\tscript", "%0a",
])


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=14).map("".join))
def test_text_that_is_not_rendered_has_nothing_rendering_would_find(text: str) -> None:
    if not needs_rendering(text):
        assert markdown_findings(text) == rendered_findings(text)
        assert markdown_findings(text, "list_item") == rendered_findings(text, "list_item")
