"""Page frames (shared_blocks.py): the theme rendered once per kind of page, the page's blocks per page.
Every test compares with Jinja's full rendering of the same template for the same page."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
import pytest
from bs4 import BeautifulSoup

from conftest import copy_project, run_build
from helpcenter.shared_blocks import PAGE_BLOCKS, SharedBlocks, page_blocks

BASE = """<html>{% set features = ["a"] %}
<head>{% block htmltitle %}<title>{{ page.title }}</title>{% endblock %}{{ frame_rendered() }}</head>
<body>{% block header %}<h1>{{ page.title }}</h1>{% endblock %}
<nav>{{ site_name }}</nav>
<main>{% block content %}{{ page.content }} {{ features | join(",") }}{% endblock %}</main>
{% block footer %}<footer>{{ site_name }}</footer>{% endblock %}
</body></html>"""

PAGE = """{% extends "base.html" %}
{% block content %}<p class="crumbs">{{ page.title | upper }}</p>{{ super() }}{% endblock %}"""


@dataclass
class FakePage:
    title: str
    content: str
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class FakeNav:
    pages: list[FakePage]


def environments(templates: dict[str, str], shared: SharedBlocks) -> tuple[jinja2.Environment, jinja2.Environment, list[int]]:
    """The same templates twice: rendered through frames, and in full; and a count of the frames' own renderings."""
    framed, full = jinja2.Environment(loader=jinja2.DictLoader(templates)), jinja2.Environment(loader=jinja2.DictLoader(templates))
    framed.template_class = shared.template_class()
    counted = [0]

    def frame_rendered() -> str:
        counted[0] += 1
        return ""

    for environment in (framed, full):
        environment.globals["frame_rendered"] = frame_rendered
    return framed, full, counted


def pages(count: int) -> list[FakePage]:
    return [FakePage(f"Question {n} <b>", f"<p>Answer {n}</p>", {"title": f"Question {n}"}) for n in range(count)]


def render_both(framed: jinja2.Environment, full: jinja2.Environment, name: str, page: FakePage, nav: FakeNav) -> tuple[str, str]:
    variables = {"page": page, "nav": nav, "base_url": "../..", "site_name": "Help"}
    return framed.get_template(name).render(variables), full.get_template(name).render(variables)


def test_each_page_is_its_frame_and_its_own_blocks() -> None:
    framed, full, counted = environments({"base.html": BASE, "page.html": PAGE}, SharedBlocks())
    home = FakePage("Home", "<p>Welcome</p>")
    nav = FakeNav([home])
    outputs = [render_both(framed, full, "page.html", page, nav) for page in pages(6)]
    for with_frame, in_full in outputs:
        assert with_frame == in_full
    assert "QUESTION 5 <B>" in outputs[5][0] and "<p>Answer 5</p> a" in outputs[5][0]
    assert counted[0] == 2 + 6  # the frame made twice (the second time to check it), and the full renderings


def test_pages_in_the_navigation_and_a_build_without_sharing_are_rendered_in_full() -> None:
    entries = pages(4)
    for shared, nav in ((SharedBlocks(), FakeNav(entries)), (SharedBlocks(enabled=False), FakeNav([]))):
        framed, full, counted = environments({"base.html": BASE, "page.html": PAGE}, shared)
        for page in entries:
            with_frame, in_full = render_both(framed, full, "page.html", page, nav)
            assert with_frame == in_full
        assert counted[0] == 2 * len(entries)


def test_a_template_that_shows_the_page_outside_its_blocks_is_rendered_in_full(caplog: pytest.LogCaptureFixture) -> None:
    """The frame of the second page differs from the first one's: every page of that template gets its full rendering."""
    base = BASE.replace("<footer>{{ site_name }}</footer>{% endblock %}", "{% endblock %}<p>About {{ page.title }}</p>")
    framed, full, _ = environments({"base.html": base, "page.html": PAGE}, SharedBlocks())
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.helpcenter"):
        outputs = [render_both(framed, full, "page.html", page, FakeNav([])) for page in pages(5)]
    for n, (with_frame, in_full) in enumerate(outputs):
        assert with_frame == in_full
        assert f"<p>About Question {n} <b></p>" in with_frame
    assert "page.html shows something of the page outside its page blocks" in caplog.text


def test_what_differs_only_on_later_pages_is_caught_by_the_pages_checked_again(caplog: pytest.LogCaptureFixture) -> None:
    """Entries 70 and on have a video; a script for it outside the page blocks differs from the first pages' frame."""
    base = BASE.replace("<nav>", "{% if 'video' in page.content %}<script src=player.js></script>{% endif %}<nav>")
    framed, full, _ = environments({"base.html": base, "page.html": PAGE}, SharedBlocks(check_every=10))
    entries = pages(100)
    for page in entries[70:]:
        page.content += "<video></video>"
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.helpcenter"):
        outputs = [render_both(framed, full, "page.html", page, FakeNav([])) for page in entries]
    assert all(with_frame == in_full for with_frame, in_full in outputs[:70])
    assert outputs[70][0] != outputs[70][1]  # framed before the next check: what the warning is about
    assert all(with_frame == in_full for with_frame, in_full in outputs[71:])
    assert "player.js" in outputs[71][0]
    warnings = [record for record in caplog.records if record.levelno == logging.WARNING]
    assert len(warnings) == 1
    assert "page.html shows something of the page outside its page blocks" in warnings[0].getMessage()
    assert "pages built before it may show another page's" in warnings[0].getMessage()


def test_a_page_block_whose_output_is_not_printed_leaves_the_page_to_a_full_rendering() -> None:
    base = BASE.replace("<main>", "<main>{% if self.content() | length > 30 %}long{% endif %}")
    framed, full, counted = environments({"base.html": base, "page.html": PAGE}, SharedBlocks())
    for page in pages(3) + [FakePage("A much longer question title, here", "<p>Answer</p>", {"title": "Long"})]:
        with_frame, in_full = render_both(framed, full, "page.html", page, FakeNav([]))
        assert with_frame == in_full
    assert counted[0] == 4 * 2 + 1  # each page in full in both, after one frame that could not be used


def test_pages_that_differ_in_what_their_front_matter_holds_get_frames_of_their_own() -> None:
    base = BASE.replace("<nav>", "<nav>{% if page.meta.author %}by someone{% endif %}")
    framed, full, _ = environments({"base.html": base, "page.html": PAGE}, SharedBlocks())
    mixed = pages(6)
    for page in mixed[3:]:
        page.meta["author"] = "Sam"
    for page in mixed:
        with_frame, in_full = render_both(framed, full, "page.html", page, FakeNav([]))
        assert with_frame == in_full
    assert "by someone" in render_both(framed, full, "page.html", mixed[4], FakeNav([]))[0]


def test_without_an_integrated_table_of_contents_the_sidebar_is_the_page_s_own() -> None:
    assert "site_nav" not in page_blocks(["navigation.tabs", "toc.integrate"])
    assert page_blocks(["navigation.tabs"]) == (*PAGE_BLOCKS, "site_nav")


@pytest.fixture(scope="module")
def without_integrated_toc(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("frames") / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "    - toc.integrate" in text
    config.write_text(text.replace("    - toc.integrate", "    - navigation.tracking"), encoding="utf-8")
    return project


def test_a_site_without_toc_integrate_has_each_entry_s_own_table_of_contents(without_integrated_toc: Path) -> None:
    """Built with frames and without: the same bytes, and every entry's sidebar lists that entry's headings."""
    project = without_integrated_toc
    plain = project / "mkdocs-plain.yml"
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    plain.write_text(text.replace("  - helpcenter\n", "  - helpcenter:\n      share_theme_blocks: false\n"), encoding="utf-8")
    for extra in ((), ("--config-file", str(plain), "--site-dir", str(project / "site-plain"))):
        result = run_build(project, *extra)
        assert result.returncode == 0, result.stderr
    framed_pages = sorted(path.relative_to(project / "site") for path in (project / "site").rglob("*.html"))
    assert framed_pages == sorted(path.relative_to(project / "site-plain") for path in (project / "site-plain").rglob("*.html"))
    for page in framed_pages:
        assert (project / "site" / page).read_bytes() == (project / "site-plain" / page).read_bytes(), page
    tocs = []
    for page in framed_pages:
        soup = BeautifulSoup((project / "site" / page).read_text(encoding="utf-8"), "lxml")
        if soup.select_one("nav.hc-breadcrumbs") is None:
            continue
        toc = [a["href"] for a in soup.select(".md-sidebar--secondary nav.md-nav--secondary a")]
        assert toc == (["#steps"] if soup.select_one("article h2#steps") else []), page
        tocs.append(tuple(toc))
    assert ("#steps",) in tocs and () in tocs
