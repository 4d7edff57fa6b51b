"""An entry page's answer and steps, taken from the page's HTML; the HTML that follows them."""

from __future__ import annotations

import json
from pathlib import Path

import markdown
import pytest
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from benchmark import markdown_extensions
from conftest import FIXTURE, ROOT, copy_project, run_build
from helpcenter.load.help_center import load_help_center
from helpcenter.render.addresses import page_href
from helpcenter.render.answer_parts import ANSWER, STEPS, STEPS_MARK, answer_and_steps
from helpcenter.render.pages import RELATED_QUESTIONS_ID, html_end_of_page
from helpcenter.render.structured_data import answer_text

HELP_CENTER = load_help_center(FIXTURE / "faq_data", FIXTURE)
EXTENSIONS, CONFIGS = markdown_extensions(FIXTURE / "mkdocs.yml")
RENDERER = markdown.Markdown(extensions=EXTENSIONS, extension_configs=CONFIGS)
STEPS_MARKDOWN = "1.  First\n1.  Second, [a link](https://example.com/)\n"


def to_html(text: str) -> str:
    return RENDERER.reset().convert(text)


ANSWERS = ["One paragraph.", "1. a\n2. b", "!!! note\n    text", "- a\n\n    more", "Text\n\n## Steps\n\nMore."]


@pytest.mark.parametrize("answer", ANSWERS)
def test_the_answer_and_the_steps_come_out_of_the_page_as_rendered_alone(answer: str) -> None:
    page = to_html(f"# Title\n\n{answer}\n\n{STEPS_MARK}\n\n## Steps\n\n{STEPS_MARKDOWN}")
    html, parts = answer_and_steps(page)
    assert html == to_html(f"# Title\n\n{answer}\n\n## Steps\n\n{STEPS_MARKDOWN}")
    assert parts == {ANSWER: to_html(answer), STEPS: to_html(STEPS_MARKDOWN)}


@pytest.mark.parametrize("answer", ANSWERS)
def test_without_steps_the_answer_is_all_that_follows_the_title(answer: str) -> None:
    page = to_html(f"# Title\n\n{answer}\n")
    assert answer_and_steps(page) == (page, {ANSWER: to_html(answer)})


@pytest.mark.parametrize(
    "page",
    [
        "<p>no title first</p>\n<h1>Title</h1>\n<p>a</p>",
        f"<h1>Title</h1>\n<p>a</p>\n{STEPS_MARK}\n\n<h2>Steps</h2>\n<ol><li>b</li></ol>\n{STEPS_MARK}\n\n",
    ],
)
def test_a_page_in_another_shape_gives_no_parts(page: str) -> None:
    assert answer_and_steps(page)[1] == {}


def test_the_related_questions_heading_gets_the_next_free_id_as_python_markdown_would() -> None:
    after = f'<h2 id="{RELATED_QUESTIONS_ID}">Related questions</h2>\n<ul>\n</ul>'
    assert html_end_of_page(after, {"steps"}) == after
    taken = {RELATED_QUESTIONS_ID, f"{RELATED_QUESTIONS_ID}_1"}
    assert f'id="{RELATED_QUESTIONS_ID}_2"' in html_end_of_page(after, taken)
    rendered = to_html("## Related questions\n\n## Related questions_1\n\n## Related questions\n")
    assert f'id="{RELATED_QUESTIONS_ID}_2"' in rendered


@pytest.mark.parametrize("use_directory_urls", [True, False])
@pytest.mark.parametrize(
    ("source", "target"),
    [("a/one.md", "a/two.md"), ("a/one.md", "b/two.md"), ("a/b/one.md", "c/two.md"), ("one.md", "a/two.md")],
)
def test_links_between_pages_are_the_addresses_mkdocs_writes(
    source: str, target: str, use_directory_urls: bool
) -> None:
    from_file = File(source, "docs", "site", use_directory_urls)
    to_file = File(target, "docs", "site", use_directory_urls)
    assert page_href(source, target, use_directory_urls) == get_relative_url(to_file.url, from_file.url)


def answers_in(site: Path) -> dict[str, str]:
    texts = {}
    for entry in HELP_CENTER.entries:
        page = (site / entry.url / "index.html").read_text(encoding="utf-8")
        start = page.index('<script type="application/ld+json">') + len('<script type="application/ld+json">')
        faq = json.loads(page[start:page.index("</script>", start)])
        texts[entry.id] = faq["mainEntity"][0]["acceptedAnswer"]["text"]
    return texts


def test_structured_data_holds_the_same_text_as_the_answer_rendered_alone(built_site: Path) -> None:
    assert answers_in(built_site) == {entry.id: answer_text(entry, to_html) for entry in HELP_CENTER.entries}
    assert HELP_CENTER.entry("reset-2fa").steps, "an entry with steps is among those compared"


def test_no_mark_is_left_in_any_page(built_site: Path) -> None:
    for page in built_site.rglob("*.html"):
        assert "helpcenter:" not in page.read_text(encoding="utf-8"), page


def test_an_entry_template_without_the_mark_still_gets_its_structured_data(tmp_path: Path, built_site: Path) -> None:
    project = copy_project(tmp_path / "project")
    packaged = ROOT / "src" / "helpcenter" / "render" / "templates" / "entry.md.j2"
    unmarked = packaged.read_text(encoding="utf-8").replace("{{ steps_mark }}\n", "")
    assert "steps_mark" not in unmarked
    (project / "overrides" / "helpcenter").mkdir(parents=True, exist_ok=True)
    (project / "overrides" / "helpcenter" / "entry.md.j2").write_text(unmarked, encoding="utf-8")
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    assert answers_in(project / "site") == answers_in(built_site)
    for entry in HELP_CENTER.entries:
        built = project / "site" / entry.url / "index.html"
        assert built.read_bytes() == (built_site / entry.url / "index.html").read_bytes(), entry.id
