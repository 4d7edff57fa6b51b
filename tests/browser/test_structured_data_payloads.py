"""Text that tries to end a <script> element (`</script>`, `<!--`, `]]>`, U+2028) in every field that
reaches the JSON-LD: the site still builds, every JSON-LD block parses back to the text, and no page
gains or loses a script element."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup

from a11y_support import chromium, nu_errors, serve
from conftest import copy_project, run_build

# Every test here is `browser` (tests/conftest.py marks tests/browser/), also those without Chromium:
# the browser test shares the payload build and its readers.
pytestmark = pytest.mark.browser

PAYLOAD = 'x </script><!-- ]]> & "q" \u2028 \u2029 <script>alert(1)</script> end'
TITLE = f"Why {PAYLOAD}?"
SUMMARY = f"Because {PAYLOAD}."
# Markdown: a code span, an entity and a bare '&' all become literal text.
ANSWER = "Typing `</script>` or &lt;!-- or ]]> is harmless & fine.\u2028Really."
ANSWER_TEXT = "Typing </script> or <!-- or ]]> is harmless & fine.\u2028Really."
STEP = "Press `</script>` then &lt;!-- ]]>"
STEP_TEXT = "1. Press </script> then <!-- ]]>"
VIDEO_TITLE = f"Video {PAYLOAD}"
VIDEO_DESCRIPTION = f"Shows {PAYLOAD}"
ENTRY_URL = "two-factor/reset-2fa/"
CATEGORY_URL = "two-factor/"


@pytest.fixture(scope="module")
def payload_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("payload") / "project")
    path = project / "faq_data/entries/two-factor/reset-2fa.yml"
    entry = yaml.safe_load(path.read_text(encoding="utf-8"))
    entry.update(title=TITLE, summary=SUMMARY, answer=ANSWER, steps=[STEP])
    entry["video"].update(title=VIDEO_TITLE, description=VIDEO_DESCRIPTION)
    path.write_text(yaml.safe_dump(entry, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert yaml.safe_load(path.read_text(encoding="utf-8"))["title"] == TITLE
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


def soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def json_ld(page: BeautifulSoup) -> list[dict[str, Any]]:
    return [json.loads(script.string) for script in page.find_all("script", type="application/ld+json")]


def test_entry_json_ld_parses_back_to_the_text(payload_site: Path) -> None:
    faq, breadcrumbs, video = json_ld(soup(payload_site, ENTRY_URL))
    (question,) = faq["mainEntity"]
    assert question["name"] == TITLE
    assert question["acceptedAnswer"]["text"] == f"{ANSWER_TEXT}\n{STEP_TEXT}"
    assert breadcrumbs["itemListElement"][2]["name"] == TITLE
    assert video["name"] == VIDEO_TITLE
    assert video["description"] == VIDEO_DESCRIPTION


def test_category_json_ld_parses_back_to_the_text(payload_site: Path) -> None:
    faq, _ = json_ld(soup(payload_site, CATEGORY_URL))
    question = next(question for question in faq["mainEntity"] if question["url"].endswith(ENTRY_URL))
    assert question["name"] == TITLE
    assert question["acceptedAnswer"]["text"] == SUMMARY


def test_the_json_ld_text_has_no_markup_characters(payload_site: Path) -> None:
    for url in (ENTRY_URL, CATEGORY_URL):
        for script in soup(payload_site, url).find_all("script", type="application/ld+json"):
            assert not set(script.string) & {"<", ">", "&", "\u2028", "\u2029"}, url


def test_no_page_gains_or_loses_a_script_element(payload_site: Path, built_site: Path) -> None:
    pages = sorted(path.relative_to(built_site) for path in built_site.rglob("*.html"))
    assert len(pages) > 5
    for relative in pages:
        expected = BeautifulSoup((built_site / relative).read_text(encoding="utf-8"), "html.parser")
        actual = BeautifulSoup((payload_site / relative).read_text(encoding="utf-8"), "html.parser")
        assert len(actual.find_all("script")) == len(expected.find_all("script")), relative
    assert len(soup(payload_site, ENTRY_URL).find_all("script", type="application/ld+json")) == 3


def one_line(text: str) -> str:
    return " ".join(text.split())


def test_head_tags_carry_the_text_unchanged(payload_site: Path) -> None:
    """Every character arrives as written; head tags hold one line, so line breaks become spaces."""
    page = soup(payload_site, ENTRY_URL)
    assert page.title.get_text() == f"{one_line(TITLE)} - Example Help Center"
    assert page.find("meta", attrs={"name": "description"})["content"] == one_line(SUMMARY)
    assert page.find("meta", attrs={"property": "og:title"})["content"] == one_line(TITLE)
    assert page.find("meta", attrs={"name": "twitter:description"})["content"] == one_line(SUMMARY)
    assert one_line(page.select_one("article h1").get_text()) == one_line(TITLE)


def test_the_pages_with_the_payload_are_valid_html(payload_site: Path) -> None:
    errors = nu_errors([payload_site / url / "index.html" for url in (ENTRY_URL, CATEGORY_URL)])
    assert errors == [], [error["message"] for error in errors]


@pytest.mark.browser
def test_chromium_parses_the_same_scripts_and_json(payload_site: Path, built_site: Path) -> None:
    """The browser's own HTML parser is the judge of where a script element ends."""
    count_scripts = "document.querySelectorAll('script').length"
    read_json_ld = (
        "[...document.querySelectorAll('script[type=\"application/ld+json\"]')].map(s => JSON.parse(s.textContent))"
    )
    with chromium() as browser, serve(payload_site) as payload_root, serve(built_site) as stock_root:
        page = browser.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        for url, expected_types in ((ENTRY_URL, ["FAQPage", "BreadcrumbList", "VideoObject"]),
                                    (CATEGORY_URL, ["FAQPage", "BreadcrumbList"])):
            page.goto(stock_root + url)
            stock_count = page.evaluate(count_scripts)
            page.goto(payload_root + url)
            assert page.evaluate(count_scripts) == stock_count, url
            items = page.evaluate(read_json_ld)
            assert [item["@type"] for item in items] == expected_types
            assert items == json_ld(soup(payload_site, url))
        page.goto(payload_root + ENTRY_URL)
        assert page.title() == f"{one_line(TITLE)} - Example Help Center"
        assert dialogs == []  # the payload's <script>alert(1)</script> never ran
