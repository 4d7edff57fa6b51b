"""Search sections read with one regular expression are exactly those of Material's search parser, and
the search index built with them is byte for byte the one Material builds alone."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from material.plugins.search.plugin import Parser, SearchPlugin
from mkdocs.commands.build import build
from mkdocs.config import load_config

from conftest import ROOT, copy_project, run_build
from helpcenter.benchmark import markdown_extensions
from helpcenter.search_sections import search_sections
from helpcenter.synthetic import without_ledger, write_synthetic_project
from hostile_content import write_hostile_content
from xss_payloads import PAYLOADS

Sections = list[tuple[Any, ...]]


def material_sections(html: str) -> Sections:
    """What Material's search plugin divides the page into (its Parser, fed as in add_entry_from_context)."""
    parser = Parser()
    parser.feed(html)
    parser.close()
    return [(s.el.tag, s.depth, s.is_excluded(), s.id, s.title, s.text) for s in parser.data]


def fast_sections(html: str) -> Sections | None:
    sections = search_sections(html)
    if sections is None:
        return None
    return [(s.tag, s.depth, s.is_excluded(), s.id, s.title, s.text) for s in sections]


def read_alike(html: str) -> bool:
    """Asserts that search_sections gives Material's sections or leaves the page to it; True if it read the page."""
    try:
        expected: Sections | Exception = material_sections(html)
    except Exception as error:  # noqa: BLE001 - Material's parser fails on some HTML; then it must be left to it
        expected = error
    got = fast_sections(html)
    if got is None:
        return False
    assert not isinstance(expected, Exception), f"Material's parser fails with {expected!r}, search_sections read it"
    assert got == expected
    return True


# --- The project's own site, a synthetic help center and the hostile content, page by page ------------------


def html_seen_by_search(project: Path, site_dir: Path, builds: int = 1) -> tuple[dict[str, str], list[str]]:
    """Each page's HTML as Material's search plugin receives it, from `mkdocs build` run in this process,
    and the class of the search index after each build (builds after the first reuse the plugins, as
    `mkdocs serve` does)."""
    pages: dict[str, str] = {}
    indexes: list[str] = []
    original = SearchPlugin.on_page_context

    def recording(plugin: SearchPlugin, context: Any, *, page: Any, config: Any, nav: Any) -> Any:
        pages[page.file.src_uri] = page.content
        return original(plugin, context, page=page, config=config, nav=nav)

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NO_MKDOCS_2_WARNING", "1")
        patch.setattr(SearchPlugin, "on_page_context", recording)
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir))
        for _ in range(builds):
            build(config)
            search = next(plugin for plugin in config.plugins.values() if isinstance(plugin, SearchPlugin))
            indexes.append(type(search.search_index).__name__)
    return pages, indexes


def with_option_off(project: Path) -> Path:
    """A copy of the project's mkdocs.yml with `fast_search_sections: false`."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    plugin = "  - helpcenter:\n" if "  - helpcenter:\n" in text else "  - helpcenter\n"
    assert plugin in text
    copy = config.with_name("mkdocs-material-sections.yml")
    copy.write_text(text.replace(plugin, "  - helpcenter:\n      fast_search_sections: false\n"), encoding="utf-8")
    return copy


def built_files(site: Path) -> dict[str, bytes]:
    return {str(path.relative_to(site)): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def test_every_page_of_the_project_is_read_fast_and_alike(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    pages, indexes = html_seen_by_search(project, tmp_path / "site")
    assert indexes == ["_FastSearchIndex"]
    assert {"index.md", "contact.md", "account/change-password.md"} <= pages.keys() and len(pages) >= 8
    for src_uri, html in pages.items():
        assert read_alike(html), f"{src_uri} was left to Material's parser"


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_synthetic_project(tmp_path_factory.mktemp("synthetic") / "project", 200, ROOT)


def test_every_page_of_a_synthetic_help_center_is_read_fast_and_alike_across_rebuilds(
    synthetic: Path, tmp_path: Path
) -> None:
    """Two builds with the same plugins, as under `mkdocs serve`: Material makes a new index for each."""
    pages, indexes = html_seen_by_search(synthetic, tmp_path / "site", builds=2)
    assert indexes == ["_FastSearchIndex", "_FastSearchIndex"]
    assert len(pages) > 200
    for src_uri, html in pages.items():
        assert read_alike(html), f"{src_uri} was left to Material's parser"
    off = run_build(synthetic, "--config-file", str(with_option_off(synthetic)), "--site-dir", str(tmp_path / "off"))
    assert off.returncode == 0, off.stderr
    index = (tmp_path / "site" / "search" / "search_index.json").read_bytes()
    assert index == (tmp_path / "off" / "search" / "search_index.json").read_bytes()
    assert len(json.loads(index)["docs"]) > 250


def test_a_build_with_and_without_the_fast_sections_is_the_same_site(synthetic: Path, tmp_path: Path) -> None:
    fast = run_build(synthetic, "--site-dir", str(tmp_path / "fast"))
    assert fast.returncode == 0, fast.stderr
    off = run_build(synthetic, "--config-file", str(with_option_off(synthetic)), "--site-dir", str(tmp_path / "off"))
    assert off.returncode == 0, off.stderr
    fast_files, off_files = built_files(tmp_path / "fast"), built_files(tmp_path / "off")
    assert "search/search_index.json" in fast_files and len(fast_files) > 250
    assert fast_files.keys() == off_files.keys()
    for name, content in fast_files.items():
        assert content == off_files[name], name


RAW_HTML_PAGE = """# Raw HTML

<p>Before the script.</p>
<script>var tag = "<p>not a paragraph</p>";</script>
<style>p { color: #333; }</style>

## After them

Text after the raw-text elements.
"""


SEARCH_MARKUP_PAGE = """---
search:
  boost: 2
---
# Search markup

Shown in search.

## Left out of search { data-search-exclude }

Under a heading left out.

<div data-search-exclude markdown>
A block left out.
</div>

## Kept { #kept-heading }

!!! note "A note"

    ### In a note

    Text in the note.
"""

EXCLUDED_PAGE = """---
search:
  exclude: true
---
# Not searched

This page stays out of search.
"""


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hostile content of the XSS tests, plus hand-written pages: one with <script> and <style>, one
    with parts left out of search and a boost, one left out of search."""
    project = without_ledger(copy_project(tmp_path_factory.mktemp("hostile") / "project"))
    write_hostile_content(project)
    (project / "docs" / "raw-html.md").write_text(RAW_HTML_PAGE, encoding="utf-8")
    (project / "docs" / "search-markup.md").write_text(SEARCH_MARKUP_PAGE, encoding="utf-8")
    (project / "docs" / "not-searched.md").write_text(EXCLUDED_PAGE, encoding="utf-8")
    return project


def test_every_page_of_the_hostile_content_is_read_alike(hostile: Path, tmp_path: Path) -> None:
    pages, _ = html_seen_by_search(hostile, tmp_path / "site")
    left_to_material = sorted(src_uri for src_uri, html in pages.items() if not read_alike(html))
    assert left_to_material == ["raw-html.md"]
    assert len(pages) > 15


def test_the_hostile_site_is_the_same_and_the_page_with_a_script_went_to_materials_parser(
    hostile: Path, tmp_path: Path
) -> None:
    fast = run_build(hostile, "--verbose", "--site-dir", str(tmp_path / "fast"))
    assert fast.returncode == 0, fast.stderr
    left = [line for line in (fast.stdout + fast.stderr).splitlines() if "is read by Material's HTML parser" in line]
    assert len(left) == 1 and "raw-html.md" in left[0], left
    off = run_build(hostile, "--verbose", "--config-file", str(with_option_off(hostile)),
                    "--site-dir", str(tmp_path / "off"))
    assert off.returncode == 0, off.stderr
    assert "is read by Material's HTML parser" not in off.stdout + off.stderr
    fast_files, off_files = built_files(tmp_path / "fast"), built_files(tmp_path / "off")
    assert fast_files.keys() == off_files.keys()
    for name, content in fast_files.items():
        assert content == off_files[name], name
    docs = json.loads(fast_files["search/search_index.json"])["docs"]
    assert any("Text after the raw-text elements." in doc["text"] for doc in docs)
    assert not any("not a paragraph" in doc["text"] for doc in docs)
    marked = {doc["location"]: doc for doc in docs if doc["location"].startswith("search-markup/")}
    assert sorted(marked) == ["search-markup/", "search-markup/#in-a-note", "search-markup/#kept-heading"]
    assert all(doc["boost"] == 2 for doc in marked.values())
    assert "left out" not in json.dumps(marked)
    assert not any(doc["location"].startswith("not-searched/") for doc in docs)


@pytest.mark.parametrize("change", ["disabled", "absent"])
def test_a_site_without_materials_search_builds(tmp_path: Path, change: str) -> None:
    project = write_synthetic_project(tmp_path / "project", 5, ROOT)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    start, end = text.index("  - search:\n"), text.index("  - helpcenter")
    replacement = "  - search:\n      enabled: false\n" if change == "disabled" else ""
    config.write_text(text[:start] + replacement + text[end:], encoding="utf-8")
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    assert (project / "site" / "index.html").is_file()
    assert not (project / "site" / "search" / "search_index.json").exists()


# --- Hand-written cases --------------------------------------------------------------------------------------

READ_ALIKE = {
    "heading in an admonition": (
        '<div class="admonition note">\n<p class="admonition-title">Note</p>\n<h2 id="inside">Inside</h2>\n'
        "<p>text</p>\n</div>\n<p>after the note</p>"
    ),
    "heading in details": (
        '<details class="note"><summary>More</summary><h3 id="deep">Deep</h3><p>hidden</p></details><p>after</p>'
    ),
    "headings in nested divs": (
        '<h1 id="top">Top</h1><div><div><h2 id="a">A</h2><p>a</p></div><h2 id="b">B</h2><p>b</p></div><p>end</p>'
    ),
    "heading in a list item": '<ul>\n<li>\n<h3 id="li">In a list</h3>\n<p>x</p>\n</li>\n<li>y</li>\n</ul>\n<p>z</p>',
    "heading in a heading": '<h2 id="a">A<h3 id="b">B</h3>tail</h2><p>x</p>',
    "first heading not h1": '<p>intro</p><h2 id="first">First</h2><p>x</p>',
    "first heading h1": '<h1 id="t">Title</h1><p>x</p><h2 id="s">S</h2>',
    "headings without id": "<h2>No id</h2><p>x</p><h3>Nor here</h3>",
    "table": (
        "<table>\n<thead>\n<tr>\n<th>Plan</th>\n<th>Price</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>Basic</td>\n"
        "<td>&euro;5</td>\n</tr>\n</tbody>\n</table>"
    ),
    "code block": (
        '<div class="highlight"><pre><span></span><code>  indented\n\n    more &lt;tag&gt;\n</code></pre></div>'
    ),
    "pre whitespace": "<pre>  a  \n\n  b</pre><pre> </pre><pre>\n</pre><p>x</p>  \n  <pre>\t</pre>",
    "entities": "<p>&amp;lt; &nbsp; &#x27; &#39; &quot; &copy &notit; a &gt; b &amp;amp; &#0; &#x110000;</p>",
    "entities alone": "<p>&nbsp;</p><p>&#32;</p><p>&lt;</p><h2 id=e>&amp;&nbsp;</h2>",
    "headerlink": (
        '<h2 id="x">Title<a class="headerlink" href="#x" title="Permanent link">&para;</a></h2><p>t</p>'
        '<h3 id="y"><a class="headerlink" href="#y">#</a>Before</h3>'
    ),
    "excluded block": "<div data-search-exclude><p>secret</p></div><p>public</p>",
    "excluded heading": '<h2 id="gone" data-search-exclude>Gone</h2><p>under it</p><h2 id="kept">Kept</h2><p>k</p>',
    "exclusion ended by an inner element": "<div data-search-exclude><div>inner</div>leaks</div><p>after</p>",
    "line numbers": (
        '<table class="highlighttable"><tr><td class="linenos"><div class="linenodiv"><pre>1\n2</pre></div></td>'
        '<td class="code"><div class="highlight"><pre>a\nb</pre></div></td></tr></table>'
    ),
    "empty elements": "<p></p><p> </p><p>\n</p><ul><li></li></ul><p><code></code></p><ol>\n</ol><p><sub> </sub>x</p>",
    "line breaks": "<p>a<br>b<br/>c<br />d</p><br><hr><img src=x alt=''>",
    "upper case": '<P>Upper <EM>case</EM></P><H2 ID="UP">Up</H2><UL><LI>x</LI></UL><Pre>  y</PRE>',
    "attributes without values or quotes": (
        '<h2 id=bare class = "a b" data-x>Bare</h2><p hidden>h</p><input disabled><h3 id>no value</h3>'
        "<h4 id=''>empty</h4><h5 id='single'>S</h5><h6 ID=Upper>U</h6>"
    ),
    "repeated attributes": '<h2 id="one" id="two">Dup</h2><p class="headerlink" class="x">p</p>',
    "comments": "<p>a<!-- note -->b</p><!-- x --> <!-- y --> <p>c</p><!--\nlines\n--><!-- <p>in</p> -->",
    "text only": "plain text\nwith lines &amp; more",
    "spaces only": " \n\t ",
    "nothing": "",
    "object": '<object data="x"><p>skipped</p><param name=a></object><p>shown</p>',
    "sub and sup": "<p>H<sub>2</sub>O and x<sup>2</sup></p>",
    "self-closing elements": "<p/><div/>text<span /><svg><path d='M0 1'/></svg><p>x<code/>y</p>",
    "the preface tag": "<hx>weird</hx><p>x</p><h2 id=a>A</h2><hx>again</hx>",
    "end tags out of order": "<p>a</div>b</p></p><li>c</ul></li>",
    "carriage returns and tabs": "<p>a\r\nb\tc</p>\r\n<p>\r\n</p>",
    "end tags of raw-text elements alone": "<p>a</script> b</p><li>c</textarea></li></title>",
    "greater-than signs": "<p>a > b >> c</p><h2 id=g>x > y</h2>",
    "unicode": "<p>é “quoted” \u2028 \xa0</p><h2 id=\"ü\">Über</h2>",
}


@pytest.mark.parametrize("html", READ_ALIKE.values(), ids=READ_ALIKE.keys())
def test_hand_written_cases(html: str) -> None:
    assert read_alike(html)


LEFT_TO_MATERIAL = {
    "script": '<p>x</p><script>var a = "<p>";</script><p>y</p>',
    "style": "<style>p { color: red }</style><p>x</p>",
    "upper-case script": "<SCRIPT>x</SCRIPT>",
    "textarea": "<textarea><p>x</textarea>",
    "title": "<svg><title>x</title></svg>",
    "iframe": '<iframe src="x"></iframe>',
    "noscript": "<noscript><p>x</p></noscript>",
    "a bare less-than sign": "<p>a < b</p>",
    "less-than before a digit": "<p>1 <2</p>",
    "less-than at the end": "<p>x</p><",
    "CDATA": "<![CDATA[ x ]]><p>y</p>",
    "doctype": "<!DOCTYPE html><p>x</p>",
    "processing instruction": "<?php echo 1 ?><p>x</p>",
    "comment holding --": "<p>a<!-- x -- y -->b</p>",
    "abrupt comment": "<!--><p>x</p>",
    "abrupt comment with a dash": "<!---><p>x</p>",
    "comment ending in a dash": "<!-- x ---><p>x</p>",
    "unclosed comment": "<p>x</p><!-- never closed",
    "attributes not separated": '<a href="x"class="y">t</a>',
    "bare value before />": "<p title=a/>x</p>",
    "unicode space in a tag": '<p\xa0class="x">t</p>',
    "attribute without a name": "<p =x>y</p>",
    "end tag with a space": "</ p><p>x</p>",
    "empty end tag": "</><p>x</p>",
    "end tag with attributes": '<p>x</p class="y">',
    "unclosed tag": '<p>x<a href="y',
    "reference in a heading's id": '<h2 id="a&amp;b">T</h2>',
    "reference in a class": '<div class="&#108;inenodiv"><pre>1</pre></div>',
    "a parser failure": "<div data-search-exclude><p><div></div></p></div>",
}


@pytest.mark.parametrize("html", LEFT_TO_MATERIAL.values(), ids=LEFT_TO_MATERIAL.keys())
def test_what_only_materials_parser_can_tell_is_left_to_it(html: str) -> None:
    assert search_sections(html) is None


def test_materials_parser_fails_where_search_sections_leaves_the_page_to_it() -> None:
    with pytest.raises(ValueError):
        material_sections(LEFT_TO_MATERIAL["a parser failure"])


# --- Generated cases ------------------------------------------------------------------------------------------


def _renderer(**overrides: dict[str, Any]) -> markdown.Markdown:
    extensions, configs = markdown_extensions(ROOT / "mkdocs.yml")
    for name, settings_ in overrides.items():
        if name not in extensions:
            extensions.append(name)
        configs[name] = {**configs.get(name, {}), **settings_}
    return markdown.Markdown(extensions=extensions, extension_configs=configs)


RENDERERS = [
    _renderer(),  # the site's own extensions
    # permalinks next to headings, and line numbers in a table beside code: what the parser leaves out
    _renderer(toc={"permalink": True}, **{"pymdownx.highlight": {"linenums": True, "linenums_style": "table"}}),
]

MARKDOWN = [
    "word", "Two words", " ", "\n", "\n\n", "1. ", "- ", "    ", "*", "_", "`", "**", "&amp;", "&#33;", "&nbsp;",
    "&", "<", ">", "a < b", "[link](https://example.com/?a=1&b=2)", "\n\n# Title\n\n", "\n\n## Heading\n\n",
    "\n\n### Sub {#custom-id}\n\n", "\n\n## Left out { data-search-exclude }\n\n", "!!! note\n    ",
    '\n\n??? tip "More"\n    ', "<div markdown>\n\n", "\n\n</div>\n\n", ":material-check:", '"', "'", "\\",
    "|a|b|\n|-|-|\n|1|2|\n", "\n\n```python\nx = '<b>'  \n\n  y\n```\n\n", "\n\n    indented code\n\n",
    "<b>", "</b>", "<br>", "<sub>2</sub>", "<p></p>", "é", "\u2028", "Term\n:   Definition\n",
    "<!-- a comment -->", "<span data-search-exclude>hidden</span>", "{ #attr }", "\t",
]
RAW_HTML = [*MARKDOWN, *PAYLOADS[:40], "<script>x</script>", "<!-- a -- b -->", "<?x?>", "<!DOCTYPE x>"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(MARKDOWN), max_size=30).map("".join), st.sampled_from(RENDERERS))
def test_whatever_markdown_renders(text: str, renderer: markdown.Markdown) -> None:
    html = renderer.reset().convert(text)
    read = read_alike(html)
    if "<" not in text:  # no HTML of its own: Python-Markdown's output is always read fast
        assert read, html


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(RAW_HTML), max_size=20).map("".join))
def test_whatever_markdown_with_raw_html_renders(text: str) -> None:
    read_alike(RENDERERS[1].reset().convert(text))


HTML_PIECES = [
    "<", ">", "/", "=", '"', "'", " ", "\n", "!", "-", "&", ";", "#", "?", "`", "\t", "\xa0", "\x0b", "\r", "\f",
    "a", "p", "h2", "id", "x", "pre", "div", "class", "headerlink", "linenodiv", "data-search-exclude", "amp", "lt",
    "li", "code", "br", "script", "P", "1", "<p>", "</p>", '<h2 id="a">', "</h2>", "<pre>", "</pre>", "<div",
    "</div>", "<a class=", "</a>", "<li>", "</li>", "<code>", "</code>", "<!--", "-->", "<br", "/>", "<h1 id=b>",
    "</h1>", " data-search-exclude", "<ul>", "</ul>", "<object>", "</object>",
]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(HTML_PIECES), max_size=50).map("".join))
def test_whatever_html_like_text(html: str) -> None:
    read_alike(html)


def test_the_timing_script_runs_end_to_end_in_quick_mode() -> None:
    """scripts/search-sections on a small help center: every figure printed, no timing asserted."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "search-sections"), "--entries", "20", "--rounds", "1", "--builds", "1"],
        capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "23 pages (20 entry pages), 0 left to Material's parser" in result.stdout
    for label in ("parse, entry pages", "parse, all pages", "index, entry pages", "whole build (CPU)"):
        assert f"\n{label} " in result.stdout, label
