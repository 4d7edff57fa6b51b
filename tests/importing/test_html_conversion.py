"""Article HTML to answer Markdown: what a reader sees is kept, formatting leftovers go, the rest is named."""

from __future__ import annotations

import pytest

from helpcenter.importing.html_cleanup import clean_html
from helpcenter.importing.html_markdown import split_steps, to_markdown


def _markdown(html: str) -> str:
    return to_markdown(clean_html(html, lambda href: href, lambda src, alt: None).html)


def test_text_that_looks_like_a_tag_stays_text() -> None:
    assert _markdown("<p>Write &lt;name&gt; here &amp; there.</p>") == "Write &lt;name> here & there."
    assert _markdown("<pre><code>if a &lt; b:\n    print('&lt;ok&gt;')</code></pre>") == \
        "```\nif a < b:\n    print('<ok>')\n```"


def test_word_leftovers_go_and_their_text_stays() -> None:
    html = ('<p class="MsoNormal" style="margin:0"><span lang="EN-GB" style="mso-bidi-font-family:Arial">'
            'One&nbsp;sentence.<o:p></o:p></span></p><!--[if gte mso 9]><xml><w:WordDocument/></xml><![endif]-->'
            '<style>p.MsoNormal{margin:0}</style><p><font face="Arial">Two\u200b sentences.</font></p>')
    assert _markdown(html) == "One sentence.\n\nTwo sentences."


def test_nested_lists_are_indented_as_python_markdown_reads_them() -> None:
    assert _markdown("<ul><li>a<ul><li>b<ol><li>c</li></ol></li></ul></li></ul>") == "- a\n    - b\n        1. c"


def test_table_cells_keep_pipes_and_line_breaks() -> None:
    markdown = _markdown("<table><tr><th>A</th><th>B</th></tr><tr><td>x | y</td><td>1<br>2</td></tr></table>")
    assert r"| x \| y | 1<br>2 |" in markdown


def test_what_cannot_be_shown_is_named_and_videos_are_taken_out() -> None:
    cleaned = clean_html(
        '<p>Hi</p><script>x()</script><embed src="movie.swf">'
        '<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" title="Intro"></iframe>'
        '<iframe src="https://forms.example.com/f"></iframe>',
        lambda href: href, lambda src, alt: None,
    )
    assert cleaned.refused == ["<script> element", "<embed> element (movie.swf)",
                               "<iframe> element (https://forms.example.com/f)"]
    assert cleaned.videos == [("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", "Intro")]
    assert to_markdown(cleaned.html) == "Hi"


def test_a_link_to_an_anchor_leads_to_the_heading_s_new_anchor() -> None:
    cleaned = clean_html('<p><a href="#s2">Jump</a> <a href="#gone">Lost</a></p><h2 id="s2">Second part</h2>',
                         lambda href: href, lambda src, alt: None)
    assert to_markdown(cleaned.html) == "[Jump](#second-part) Lost\n\n## Second part"
    assert cleaned.notes == ["the link to '#gone' leads to no heading; its text is kept without the link"]


@pytest.mark.parametrize(("markdown", "answer", "steps"), [
    ("Do this:\n\n1. One\n2. Two", "Do this:", ["One", "Two"]),
    ("Do this:\n\n1. One\n\n    More on one.\n\n2. Two", "Do this:", ["One\n\nMore on one.", "Two"]),
    ("1. One\n2. Two", "1. One\n2. Two", []),
    ("Do this:\n\n1. One\n2. Two\n\nThen done.", "Do this:\n\n1. One\n2. Two\n\nThen done.", []),
    ("A:\n\n1. One\n2. Two\n\nB:\n\n1. Three\n2. Four", "A:\n\n1. One\n2. Two\n\nB:\n\n1. Three\n2. Four", []),
    ("Only one:\n\n1. One", "Only one:\n\n1. One", []),
    ("Code:\n\n```\n1. not\n2. a list\n```", "Code:\n\n```\n1. not\n2. a list\n```", []),
])
def test_one_main_ordered_list_at_the_end_becomes_the_steps(markdown: str, answer: str, steps: list[str]) -> None:
    assert split_steps(markdown) == (answer, steps)


def test_a_callout_box_becomes_a_quote() -> None:
    html = ('<div class="callout callout--warning" style="background:#fff3cd"><p><strong>Note:</strong> back up '
            'first.</p><div>Then go on.</div></div><div class="row">Plain box.</div>')
    assert _markdown(html) == "> **Note:** back up first.\n>\n> Then go on.\n\nPlain box."
