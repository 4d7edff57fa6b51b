"""What search engines and link previews read in the built site: head tags, JSON-LD, robots.txt, the 404 page."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import FIXTURE, copy_project, run_build
from helpcenter.load.help_center import load_help_center

HELP_CENTER = load_help_center(FIXTURE / "faq_data", FIXTURE)
CONFIG = yaml.load((FIXTURE / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.Loader)
SITE_URL: str = CONFIG["site_url"]
SITE_NAME: str = CONFIG["site_name"]
CONTACT_DESCRIPTION = "How to reach our support team when the help center did not answer your question."


def soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def page(site: Path, url: str) -> BeautifulSoup:
    return soup_of(site / url / "index.html")


def meta(soup: BeautifulSoup, key: str) -> str | None:
    tag = soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key})
    return None if tag is None else tag["content"]


def json_ld(soup: BeautifulSoup) -> list[dict[str, Any]]:
    return [json.loads(script.string) for script in soup.find_all("script", type="application/ld+json")]


def expected_pages() -> dict[str, tuple[str, str]]:
    """Every page's address -> (title, description) as the content defines them."""
    pages = {"": (HELP_CENTER.settings.home_title, HELP_CENTER.settings.home_intro)}
    pages.update({category.url: (category.title, category.description) for category in HELP_CENTER.categories})
    pages.update({entry.url: (entry.title, entry.summary) for entry in HELP_CENTER.entries})
    pages["contact/"] = ("Contact us", CONTACT_DESCRIPTION)
    return pages


def test_every_built_page_is_accounted_for(built_site: Path) -> None:
    built = set()
    for path in built_site.rglob("index.html"):
        if soup_of(path).find("meta", attrs={"http-equiv": "refresh"}):
            continue  # a redirect from an old address, not a page
        folder = path.parent.relative_to(built_site).as_posix()
        built.add("" if folder == "." else folder + "/")
    assert built == set(expected_pages())


@pytest.mark.parametrize("url", sorted(expected_pages()))
def test_canonical_description_open_graph_and_twitter(built_site: Path, url: str) -> None:
    title, description = expected_pages()[url]
    soup = page(built_site, url)
    canonical = soup.find("link", rel="canonical")["href"]
    assert canonical == SITE_URL + url
    assert meta(soup, "description") == description
    assert meta(soup, "og:title") == title
    assert meta(soup, "og:description") == description
    assert meta(soup, "og:url") == canonical
    assert meta(soup, "og:site_name") == SITE_NAME
    assert meta(soup, "og:type") == ("article" if url.count("/") == 2 else "website")
    assert meta(soup, "twitter:card") == "summary"
    assert meta(soup, "twitter:title") == title
    assert meta(soup, "twitter:description") == description
    # The only picture is an SVG thumbnail, which link previews do not show.
    assert meta(soup, "og:image") is None and meta(soup, "twitter:image") is None


def test_entry_pages_have_faq_breadcrumbs_and_video_json_ld(built_site: Path) -> None:
    for entry in HELP_CENTER.entries:
        category = HELP_CENTER.category(entry.category)
        items = json_ld(page(built_site, entry.url))
        expected_types = ["FAQPage", "BreadcrumbList"] + (["VideoObject"] if entry.video else [])
        assert [item["@type"] for item in items] == expected_types, entry.id
        assert all(item["@context"] == "https://schema.org" for item in items)
        faq, breadcrumbs = items[0], items[1]
        (question,) = faq["mainEntity"]
        assert question["@type"] == "Question" and question["name"] == entry.title
        answer = question["acceptedAnswer"]
        assert answer["@type"] == "Answer"
        first_words = " ".join(entry.answer.replace("**", "").split()[:8])
        assert answer["text"].startswith(first_words), entry.id
        assert "link:" not in answer["text"] and "](" not in answer["text"]
        for number, step in enumerate(entry.steps, 1):
            assert f"\n{number}. {' '.join(step.replace('*', '').split()[:3])}" in answer["text"], (entry.id, number)
        assert [(item["position"], item["name"], item["item"]) for item in breadcrumbs["itemListElement"]] == [
            (1, SITE_NAME, SITE_URL),
            (2, category.title, SITE_URL + category.url),
            (3, entry.title, SITE_URL + entry.url),
        ]


def test_the_video_object_describes_the_video(built_site: Path) -> None:
    entry = HELP_CENTER.entry("reset-2fa")
    video = json_ld(page(built_site, entry.url))[2]
    assert video["name"] == entry.video.title
    assert video["description"] == entry.video.description
    assert video["uploadDate"] == entry.video.uploaded.isoformat()
    assert video["embedUrl"] == f"https://www.youtube-nocookie.com/embed/{entry.video.video_id}"
    assert video["contentUrl"] == entry.video.url
    assert video["thumbnailUrl"] == SITE_URL + entry.video.thumbnail
    assert (built_site / entry.video.thumbnail).is_file()


def test_category_pages_have_one_question_per_entry(built_site: Path) -> None:
    for category in HELP_CENTER.categories:
        faq, breadcrumbs = json_ld(page(built_site, category.url))
        assert faq["@type"] == "FAQPage" and breadcrumbs["@type"] == "BreadcrumbList"
        assert [
            (question["name"], question["acceptedAnswer"]["text"], question["url"]) for question in faq["mainEntity"]
        ] == [(entry.title, entry.summary, SITE_URL + entry.url) for entry in HELP_CENTER.entries_in(category.id)]
        assert [item["item"] for item in breadcrumbs["itemListElement"]] == [SITE_URL, SITE_URL + category.url]


def test_home_and_contact_pages_have_no_json_ld(built_site: Path) -> None:
    assert json_ld(page(built_site, "")) == []
    assert json_ld(page(built_site, "contact/")) == []


def test_robots_txt_points_at_the_sitemap(built_site: Path) -> None:
    assert (built_site / "robots.txt").read_text(encoding="utf-8") == (
        f"User-agent: *\nAllow: /\n\nSitemap: {SITE_URL}sitemap.xml\n"
    )


def test_the_404_page_helps_and_is_not_indexed(built_site: Path) -> None:
    soup = soup_of(built_site / "404.html")
    assert soup.title.get_text() == f"Page not found - {SITE_NAME}"
    assert meta(soup, "robots") == "noindex"
    assert soup.find("link", rel="canonical") is None
    article = soup.select_one("article")
    assert article.h1.get_text(strip=True) == "Page not found"
    form = article.select_one("form[role=search]")
    assert form["action"] == "/" and form["method"] == "get"
    assert form.select_one("input[type=search]")["name"] == "q"
    topics = {a.get_text(strip=True): a["href"] for a in article.select(".hc-not-found-topics a")}
    assert topics == {category.title: f"/{category.url}" for category in HELP_CENTER.categories}
    assert article.find("a", string="Contact us")["href"] == "/contact/"


@pytest.fixture(scope="module")
def moved_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project published under another address, with a PNG video thumbnail."""
    project = copy_project(tmp_path_factory.mktemp("moved") / "project")
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(f"site_url: {SITE_URL}", "site_url: https://example.org/help/"),
        encoding="utf-8",
    )
    (project / "docs/assets/videos/reset-2fa.png").write_bytes(_png())
    entry = project / "faq_data/entries/two-factor/reset-2fa.yml"
    entry.write_text(
        entry.read_text(encoding="utf-8").replace("assets/videos/reset-2fa.svg", "assets/videos/reset-2fa.png"),
        encoding="utf-8",
    )
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_robots_txt_and_canonical_links_follow_site_url(moved_site: Path) -> None:
    assert (moved_site / "robots.txt").read_text(encoding="utf-8").endswith(
        "Sitemap: https://example.org/help/sitemap.xml\n"
    )
    soup = page(moved_site, "two-factor/reset-2fa/")
    assert soup.find("link", rel="canonical")["href"] == "https://example.org/help/two-factor/reset-2fa/"
    assert json_ld(soup)[1]["itemListElement"][0]["item"] == "https://example.org/help/"


def test_404_links_follow_the_site_path(moved_site: Path) -> None:
    article = soup_of(moved_site / "404.html").select_one("article")
    assert article.select_one("form[role=search]")["action"] == "/help/"
    assert [a["href"] for a in article.select(".hc-not-found-topics a")] == [
        f"/help/{category.url}" for category in HELP_CENTER.categories
    ]


def test_a_png_thumbnail_becomes_the_link_preview_image(moved_site: Path) -> None:
    soup = page(moved_site, "two-factor/reset-2fa/")
    image = "https://example.org/help/assets/videos/reset-2fa.png"
    assert meta(soup, "og:image") == image
    assert meta(soup, "twitter:image") == image
    assert meta(soup, "twitter:card") == "summary_large_image"
    assert json_ld(soup)[2]["thumbnailUrl"] == image
    assert meta(page(moved_site, "two-factor/incorrect-2fa/"), "og:image") is None


def test_a_hand_written_robots_txt_is_refused(project: Path) -> None:
    (project / "docs" / "robots.txt").write_text("User-agent: *\n", encoding="utf-8")
    result = run_build(project)
    assert result.returncode != 0
    assert "docs/robots.txt is generated from site_url in mkdocs.yml; remove the hand-written file" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_missing_site_url_stops_a_strict_build(project: Path) -> None:
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(f"site_url: {SITE_URL}\n", ""), encoding="utf-8")
    result = run_build(project)
    assert result.returncode != 0
    assert "site_url is not set in mkdocs.yml" in result.stderr


def _png() -> bytes:
    """A valid 1x1 PNG."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff"))
        + chunk(b"IEND", b"")
    )
