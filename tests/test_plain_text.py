"""The plain text of answers, read with one regular expression, is what Python's HTML parser reads."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT
from helpcenter.benchmark import markdown_extensions
from helpcenter.content import load_help_center
from helpcenter.structured_data import _BLOCKS, _HIDDEN, plain_text
from helpcenter.synthetic import write_synthetic_content
from xss_payloads import ANSWER_VERDICTS

HTML_WHITESPACE = re.compile(r"[ \t\n\r\f]+")

EXTENSIONS, CONFIGS = markdown_extensions(ROOT / "mkdocs.yml")
RENDERER = markdown.Markdown(extensions=EXTENSIONS, extension_configs=CONFIGS)


def to_html(text: str) -> str:
    return RENDERER.reset().convert(text)


class _TextCollector:
    """The reference rules: text one block per line; list items start with their number ('1. ') or a dash."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.current: list[str] = []
        self.hidden_depth = 0
        self.lists: list[int | None] = []
        self.marker = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self.hidden_depth += 1
            return
        if tag in _BLOCKS:
            self._end_line()
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
            self.hidden_depth = max(0, self.hidden_depth - 1)
            return
        if tag in _BLOCKS:
            self._end_line()
        if tag in ("ol", "ul") and self.lists:
            self.lists.pop()

    def handle_data(self, data: str) -> None:
        if self.hidden_depth:
            return
        if self.marker and data.strip(" \t\n\r\f"):
            self.current.append(self.marker)
            self.marker = ""
        self.current.append(data)

    def _end_line(self) -> None:
        line = HTML_WHITESPACE.sub(" ", "".join(self.current)).strip(" ")
        if line:
            self.lines.append(line)
        self.current = []

    def text(self) -> str:
        self._end_line()
        return "\n".join(self.lines)


class _ParsedByHtmlParser(HTMLParser):
    """The same text collector fed by html.parser: the reference."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.collector = _TextCollector()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.collector.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        self.collector.handle_endtag(tag)

    def handle_data(self, data: str) -> None:
        self.collector.handle_data(data)


def reference_text(html_text: str) -> str:
    parser = _ParsedByHtmlParser()
    parser.feed(html_text)
    parser.close()
    return parser.collector.text()


def test_every_answer_and_step_of_the_project_and_a_synthetic_help_center(tmp_path: Path) -> None:
    write_synthetic_content(tmp_path / "faq_data", 300)
    texts = []
    for data_dir, root in ((ROOT / "faq_data", ROOT), (tmp_path / "faq_data", tmp_path)):
        for entry in load_help_center(data_dir, root).entries:
            texts.append(entry.answer)
            texts.extend(entry.steps)
    assert len(texts) > 400
    for text in texts:
        html_text = to_html(text)
        assert plain_text(html_text) == reference_text(html_text), text


ACCEPTED = sorted(payload for payload, refusal in ANSWER_VERDICTS.items() if refusal is None)


@pytest.mark.parametrize("payload", ACCEPTED)
def test_payloads_an_answer_may_hold(payload: str) -> None:
    """The payloads the markup policy lets through (it refuses comments, CDATA and the like)."""
    for text in (payload, f"Before {payload} after", f"1. {payload}\n2. two", f"<div markdown>\n\n{payload}\n\n</div>"):
        html_text = to_html(text)
        assert plain_text(html_text) == reference_text(html_text)


@pytest.mark.parametrize(
    "html_text",
    [
        '<ol start="3"><li>a</li><li>b<ul><li>c</li></ul></li></ol>',
        "<p>a<br/>b<br>c &amp; &lt;d&gt; &#65; &unknown; a < b</p>",
        '<p>x<svg viewBox="0 0 1 1"><path d="M0/1"/><title>hidden</title></svg>y</p>',
        "<P>Upper <EM>case</EM></P><!-- note --><p>after</p>",
        '<p title="a > b">quoted ></p><OL START=\'7\'><li>seven</li></OL>',
    ],
)
def test_markup_python_markdown_writes(html_text: str) -> None:
    assert plain_text(html_text) == reference_text(html_text)


MARKDOWN_PIECES = st.sampled_from([
    "word", " ", "\n", "\n\n", "1. ", "- ", "    ", "*", "_", "`", "**", "<b>", "</b>", "<br>", "&amp;", "&#33;",
    "&", "<", ">", "[link](https://example.com/)", "!!! note\n    ", "<div markdown>\n\n", "\n\n</div>\n\n",
    ":material-check:", '"', "'", "\\", "#", "## Heading\n\n", "|a|b|\n|-|-|\n|1|2|\n", "\u2028", "é",
    "\t", "\x0b", "\x0c", "\r\n", "  ",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(MARKDOWN_PIECES, max_size=30).map("".join))
def test_whatever_markdown_renders(text: str) -> None:
    html_text = to_html(text)
    assert plain_text(html_text) == reference_text(html_text)
