"""Real builds of the help center: the HTML of every page, the search index, and failing builds."""

from __future__ import annotations

import html
import json
from pathlib import Path
from urllib.parse import urljoin

from bs4 import BeautifulSoup

from conftest import FIXTURE, run_build
from helpcenter.load.help_center import load_help_center
from helpcenter.render.search_index import PHRASING
from helpcenter.render.search_words import analyzer
from search_index_support import index_files, postings

HELP_CENTER = load_help_center(FIXTURE / "faq_data", FIXTURE)


def page(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "lxml")


def text_of(html_markdown: str) -> str:
    """The visible words of a Markdown answer, for comparing with the built page."""
    return " ".join(BeautifulSoup(html_markdown, "lxml").get_text().split())


def test_every_entry_page_has_heading_description_answer_and_contact(built_site: Path) -> None:
    for entry in HELP_CENTER.entries:
        soup = page(built_site, entry.url)
        article = soup.select_one("article")
        assert article is not None, entry.id
        assert article.h1.get_text(strip=True) == entry.title
        assert soup.find("meta", attrs={"name": "description"})["content"] == entry.summary
        assert soup.title.get_text().startswith(entry.title)
        first_sentence = entry.answer.split("\n")[0].replace("**", "")
        assert " ".join(first_sentence.split()[:6]) in " ".join(article.get_text().split()), entry.id
        contact = article.select_one(".hc-contact a[href^='mailto:']")
        assert contact is not None and contact["href"].startswith("mailto:support@example.com?subject=")


def test_links_on_entry_pages_resolve(built_site: Path) -> None:
    for entry in HELP_CENTER.entries:
        base = f"http://site/{entry.url}"
        for link in page(built_site, entry.url).select("article a[href]"):
            href = link["href"]
            assert not href.startswith(("link:", "entry:")), (entry.id, href)
            if href.startswith(("http", "mailto:", "#")):
                continue
            target = urljoin(base, href).removeprefix("http://site/").split("#")[0]
            built = built_site / target
            assert (built / "index.html").is_file() or built.is_file(), (entry.id, href)


def test_named_links_become_the_settings_addresses(built_site: Path) -> None:
    article = page(built_site, "two-factor/incorrect-2fa/").select_one("article")
    hrefs = {a.get_text(strip=True): a["href"] for a in article.select("a[href]")}
    assert hrefs["time-checker portal"] == HELP_CENTER.settings.links["time-checker"]
    assert hrefs["contact us"] == "mailto:support@example.com"
    assert [li.get_text(" ", strip=True)[:8] for li in article.select("ol > li")] == [
        "Go to th",
        "Check th",
        "Check th",
    ]


def test_the_video_entry_shows_a_playable_facade(built_site: Path) -> None:
    entry = HELP_CENTER.entry("reset-2fa")
    assert entry.video is not None
    facade = page(built_site, entry.url).select_one("article .hc-video")
    assert facade is not None
    assert facade["data-embed"].startswith("https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ")
    link = facade.select_one("a.hc-video__link")
    assert link["href"] == entry.video.url
    assert link["aria-label"] == "Play video: How to reset 2FA"
    thumbnail = facade.select_one("img")["src"]
    assert (built_site / entry.url / thumbnail).resolve().is_file()


def test_the_example_email_is_an_example_block(built_site: Path) -> None:
    article = page(built_site, "account/new-device-login-email/").select_one("article")
    example = article.select_one(".admonition.example")
    assert example is not None
    assert "IP address" in example.get_text()


def test_home_asks_how_can_we_help_and_lists_categories_and_questions(built_site: Path) -> None:
    soup = page(built_site, "")
    assert soup.select_one("article h1").get_text(strip=True) == "How can we help?"
    assert soup.select_one(".hc-search-box input[type=search]") is not None
    cards = [a.get_text(strip=True) for a in soup.select(".hc-categories a")]
    assert cards == [category.title for category in HELP_CENTER.categories]
    questions = {a.get_text(strip=True) for a in soup.select("article li a")}
    assert {entry.title for entry in HELP_CENTER.entries} <= questions


def test_category_pages_list_their_questions_with_summaries(built_site: Path) -> None:
    for category in HELP_CENTER.categories:
        article = page(built_site, category.url).select_one("article")
        listed = [h2.get_text(strip=True) for h2 in article.select(".hc-question h2")]
        assert listed == [entry.title for entry in HELP_CENTER.entries_in(category.id)]
        for entry in HELP_CENTER.entries_in(category.id):
            assert entry.summary in " ".join(article.get_text().split())


def primary_nav(soup: BeautifulSoup) -> list[str]:
    return [a.get_text(strip=True) for a in soup.select("nav.md-nav--primary a.md-nav__link")]


def test_navigation_holds_neither_categories_nor_entries(built_site: Path) -> None:
    """Every page carries the navigation, so it must not grow with the content (see plugin/test_scale.py)."""
    expected = [HELP_CENTER.settings.home_title, "Contact us"]
    for entry in HELP_CENTER.entries:
        assert primary_nav(page(built_site, entry.url)) == expected, entry.id
    for category in HELP_CENTER.categories:
        assert primary_nav(page(built_site, category.url)) == expected, category.id


def test_entry_pages_lead_back_to_home_and_their_category(built_site: Path) -> None:
    for entry in HELP_CENTER.entries:
        crumbs = page(built_site, entry.url).select("nav.hc-breadcrumbs a")
        category = HELP_CENTER.category(entry.category)
        assert [a.get_text(strip=True) for a in crumbs] == [HELP_CENTER.settings.home_title, category.title]
        targets = [urljoin(f"http://site/{entry.url}", a["href"]).rstrip("/") + "/" for a in crumbs]
        assert targets == ["http://site/", f"http://site/{category.url}"]


def test_search_index_holds_every_entry(built_site: Path) -> None:
    files = index_files(built_site / "search" / "en")
    details = json.loads(files["entries-0.json"])
    assert [url for url, _, _ in details] == [entry.url for entry in HELP_CENTER.entries]
    terms = analyzer("en").terms
    for number, entry in enumerate(HELP_CENTER.entries):
        assert details[number][1] == html.escape(entry.title)
        for phrasing, phrase in enumerate(entry.also_asked):
            for term in terms(phrase):
                assert (number, PHRASING + phrasing) in [(found, field) for found, field, _ in postings(files, term)]


def test_pages_make_no_third_party_requests_on_load(built_site: Path) -> None:
    for html_file in built_site.rglob("*.html"):
        soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "lxml")
        for tag, attribute in (("link", "href"), ("script", "src"), ("img", "src"), ("iframe", "src")):
            for element in soup.find_all(tag):
                url = element.get(attribute, "")
                if (
                    tag == "link"
                    and "stylesheet" not in element.get("rel", [])
                    and "preconnect" not in element.get("rel", [])
                ):
                    continue
                assert not url.startswith(("http:", "https:", "//")), (html_file, url)


def test_nothing_is_written_into_docs(project: Path) -> None:
    before = sorted(path.relative_to(project) for path in (project / "docs").rglob("*"))
    assert run_build(project).returncode == 0
    assert sorted(path.relative_to(project) for path in (project / "docs").rglob("*")) == before


def test_missing_required_field_fails_the_build_with_its_message(project: Path) -> None:
    entry = project / "faq_data/entries/account/change-password.yml"
    entry.write_text(entry.read_text(encoding="utf-8").replace("owner: Support team\n", ""), encoding="utf-8")
    result = run_build(project)
    assert result.returncode == 1
    assert "faq_data/entries/account/change-password.yml:2: owner: missing required field" in result.stderr
    assert "Traceback" not in result.stderr


def test_link_to_a_missing_entry_fails_the_build_with_its_message(project: Path) -> None:
    entry = project / "faq_data/entries/account/change-password.yml"
    text = entry.read_text(encoding="utf-8") + "related:\n  - reset-password\n"
    entry.write_text(text, encoding="utf-8")
    result = run_build(project)
    assert result.returncode == 1
    line = text.splitlines().index("related:") + 1
    assert (
        f"faq_data/entries/account/change-password.yml:{line}: related: no entry has the id 'reset-password'"
        in result.stderr
    )
    assert "Traceback" not in result.stderr
