"""The entry's answer and steps, marked in its Markdown, taken back out of the page's HTML."""

from __future__ import annotations

import json
from pathlib import Path

import markdown
import pytest

from conftest import ROOT, copy_project, run_build
from helpcenter.benchmark import markdown_extensions
from helpcenter.content import load_help_center
from helpcenter.marked_parts import ANSWER, STEPS, marked, take_parts
from helpcenter.structured_data import answer_text

HELP_CENTER = load_help_center(ROOT / "faq_data", ROOT)
EXTENSIONS, CONFIGS = markdown_extensions(ROOT / "mkdocs.yml")
RENDERER = markdown.Markdown(extensions=EXTENSIONS, extension_configs=CONFIGS)


def to_html(text: str) -> str:
    return RENDERER.reset().convert(text)


FOLLOWERS = ["## Next", '<p class="x">raw</p>', "<aside markdown>\n\n**a**\n\n</aside>", "Text after."]
BODIES = ["One paragraph.", "1. a\n2. b", "!!! note\n    text", '<p class="y">raw</p>', "- a\n\n    more"]


@pytest.mark.parametrize("follower", FOLLOWERS)
@pytest.mark.parametrize("body", BODIES)
def test_taking_the_parts_out_gives_the_html_of_the_unmarked_page(body: str, follower: str) -> None:
    plain = to_html(f"# Title\n\n{body}\n\n{follower}\n")
    with_marks = to_html(f"# Title\n\n{marked(body, ANSWER)}\n\n{follower}\n")
    html, parts = take_parts(with_marks, (ANSWER, STEPS))
    assert html == plain
    assert parts == {ANSWER: to_html(body)}


@pytest.mark.parametrize(
    "html",
    [
        "<p>no marks</p>",
        "<!-- /helpcenter:answer -->\n\n<p>end before start</p>\n<!-- helpcenter:answer -->\n\n",
        "<!-- helpcenter:answer -->\n\n<p>twice</p>\n<!-- /helpcenter:answer -->\n\n<!-- /helpcenter:answer -->\n\n",
    ],
)
def test_a_part_without_one_pair_of_marks_in_order_is_left_alone(html: str) -> None:
    assert take_parts(html, (ANSWER,)) == (html, {})


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


def test_an_entry_template_without_marks_still_gets_its_structured_data(tmp_path: Path, built_site: Path) -> None:
    project = copy_project(tmp_path / "project")
    packaged = ROOT / "src" / "helpcenter" / "templates" / "entry.md.j2"
    unmarked = packaged.read_text(encoding="utf-8").replace('{{ answer | marked("answer") }}', "{{ answer }}")
    unmarked = unmarked.replace('{% filter marked("steps") %}\n', "").replace("{% endfilter %}\n", "")
    assert "marked" not in unmarked
    (project / "overrides" / "helpcenter").mkdir(parents=True, exist_ok=True)
    (project / "overrides" / "helpcenter" / "entry.md.j2").write_text(unmarked, encoding="utf-8")
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    assert answers_in(project / "site") == answers_in(built_site)
    for entry in HELP_CENTER.entries:
        built = project / "site" / entry.url / "index.html"
        assert built.read_bytes() == (built_site / entry.url / "index.html").read_bytes(), entry.id
