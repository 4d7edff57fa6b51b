"""The plain text of answers and steps, as structured data and descriptions show it."""

from __future__ import annotations

import pytest

from helpcenter.render.plain_text import plain_text


@pytest.mark.parametrize(
    "html_text, expected",
    [
        ('<ol start="3"><li>a</li><li>b<ul><li>c</li></ul></li></ol>', "3. a\n4. b\n- c"),
        ("<p>a<br/>b<br>c &amp; &lt;d&gt; &#65; &unknown; a < b</p>", "a\nb\nc & <d> A &unknown; a < b"),
        ('<p>x<svg viewBox="0 0 1 1"><path d="M0/1"/><title>hidden</title></svg>y</p>', "xy"),
        ("<P>Upper <EM>case</EM></P><!-- note --><p>after</p>", "Upper case\nafter"),
        ("<p title=\"a > b\">quoted ></p><OL START='7'><li>seven</li></OL>", "quoted >\n7. seven"),
        ("<p>one\u2028two \t\n three</p>", "one\u2028two three"),
        ("<script>alert(1)</script><style>p{}</style><p>seen</p>", "seen"),
        ("<ol><li><p>First</p></li><li><p>Second</p></li></ol>", "1. First\n2. Second"),
    ],
)
def test_blocks_lists_references_and_hidden_elements(html_text: str, expected: str) -> None:
    assert plain_text(html_text) == expected
