"""The engine-free structured data: JSON-LD built from the model, its script-safe serialisation, robots.txt."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from urllib.parse import urljoin

import markdown
import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import FIXTURE
from helpcenter.load.help_center import load_help_center
from helpcenter.model import Video
from helpcenter.render.robots import robots_txt
from helpcenter.render.structured_data import (
    SiteAddress,
    answer_text,
    category_structured_data,
    entry_structured_data,
    json_ld_script_text,
    page_data,
    page_path,
    plain_text,
    social_image,
    video_object,
)

HELP_CENTER = load_help_center(FIXTURE / "faq_data", FIXTURE)
ADDRESS = SiteAddress("https://help.example.com/")


def to_html(text: str) -> str:
    return markdown.markdown(text, extensions=["admonition"])


@given(st.text())
def test_serialised_json_ld_never_contains_what_could_end_a_script_and_parses_back(text: str) -> None:
    data = {"@type": "Thing", "name": text, "nested": [{"text": text}]}
    serialised = json_ld_script_text(data)
    assert not set(serialised) & {"<", ">", "&", "\u2028", "\u2029"}
    assert json.loads(serialised) == data


def test_serialisation_escapes_each_dangerous_character_as_a_json_escape() -> None:
    serialised = json_ld_script_text({"name": "</script><!-- ]]> & \u2028\u2029"})
    assert serialised == '{"name":"\\u003c/script\\u003e\\u003c!-- ]]\\u003e \\u0026 \\u2028\\u2029"}'


@pytest.mark.parametrize(
    ("src_uri", "directory_urls", "expected"),
    [
        ("index.md", True, ""),
        ("two-factor/index.md", True, "two-factor/"),
        ("two-factor/reset-2fa.md", True, "two-factor/reset-2fa/"),
        ("two-factor/reset-2fa.md", False, "two-factor/reset-2fa.html"),
        ("two-factor/index.md", False, "two-factor/index.html"),
        ("index.md", False, "index.html"),
        ("contact.md", True, "contact/"),
    ],
)
def test_page_paths_follow_mkdocs(src_uri: str, directory_urls: bool, expected: str) -> None:
    assert page_path(src_uri, directory_urls) == expected


def test_site_address_accepts_a_site_url_without_trailing_slash_and_a_sub_path() -> None:
    assert SiteAddress("https://example.org/help").page("account/index.md") == "https://example.org/help/account/"
    assert SiteAddress("").page("account/index.md") == "account/"


def test_plain_text_keeps_words_and_blocks_and_drops_markup() -> None:
    html = (
        '<p>Press <strong>Forgot &amp; reset</strong>.</p><div class="admonition"><p class="admonition-title">Mail</p>'
        "<ul><li>IP\n  address</li></ul></div><script>x()</script>"
    )
    assert plain_text(html) == "Press Forgot & reset.\nMail\n- IP address"


def test_plain_text_keeps_a_line_separator_inside_text() -> None:
    assert plain_text("<p>a\u2028b</p>") == "a\u2028b"


def test_plain_text_numbers_ordered_lists_and_dashes_bullets() -> None:
    html = '<ol start="3"><li><p>Three</p></li><li>Four<ul><li>sub</li></ul></li></ol><ul><li>dot</li></ul>'
    assert plain_text(html) == "3. Three\n4. Four\n- sub\n- dot"


def test_answer_text_is_the_answer_then_the_numbered_steps() -> None:
    entry = HELP_CENTER.entry("reset-2fa")
    lines = answer_text(entry, to_html).split("\n")
    assert lines[0].startswith("If you cannot sign in")
    assert lines[-len(entry.steps):] == [
        f"{number}. {plain_text(to_html(step))}" for number, step in enumerate(entry.steps, 1)
    ]
    assert lines[-3] == "3. Send the photo to our support team."


def test_answer_text_of_an_answer_with_a_list_and_named_links() -> None:
    text = answer_text(HELP_CENTER.entry("incorrect-2fa"), to_html)
    assert "\n1. Go to the time-checker portal from your computer" in text
    assert "\n3. Check that the time on your phone" in text
    assert "](" not in text and "link:" not in text


def test_entry_with_video_has_faq_breadcrumbs_and_video() -> None:
    entry = HELP_CENTER.entry("reset-2fa")
    faq, breadcrumbs, video = entry_structured_data(HELP_CENTER, entry, ADDRESS, "Help", "The answer.")
    assert faq["@context"] == "https://schema.org"
    assert faq["@type"] == "FAQPage"
    assert faq["url"] == "https://help.example.com/two-factor/reset-2fa/"
    (question,) = faq["mainEntity"]
    assert question == {
        "@type": "Question",
        "name": entry.title,
        "acceptedAnswer": {"@type": "Answer", "text": "The answer."},
    }
    assert [(item["position"], item["name"], item["item"]) for item in breadcrumbs["itemListElement"]] == [
        (1, "Help", "https://help.example.com/"),
        (2, "Two-factor authentication", "https://help.example.com/two-factor/"),
        (3, entry.title, "https://help.example.com/two-factor/reset-2fa/"),
    ]
    assert video == {
        "@context": "https://schema.org",
        "@type": "VideoObject",
        "name": "How to reset 2FA",
        "description": entry.video.description,
        "uploadDate": "2026-11-27",
        "embedUrl": "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ",
        "contentUrl": "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
        "thumbnailUrl": "https://help.example.com/assets/videos/reset-2fa.svg",
    }


def test_entry_without_video_has_no_video_object() -> None:
    items = entry_structured_data(HELP_CENTER, HELP_CENTER.entry("change-password"), ADDRESS, "Help", "x")
    assert [item["@type"] for item in items] == ["FAQPage", "BreadcrumbList"]


def test_category_lists_each_entry_with_its_summary_and_address() -> None:
    category = HELP_CENTER.category("account")
    faq, breadcrumbs = category_structured_data(HELP_CENTER, category, ADDRESS, "Help")
    assert [(q["name"], q["acceptedAnswer"]["text"], q["url"]) for q in faq["mainEntity"]] == [
        (entry.title, entry.summary, f"https://help.example.com/{entry.url}")
        for entry in HELP_CENTER.entries_in("account")
    ]
    assert [item["name"] for item in breadcrumbs["itemListElement"]] == ["Help", category.title]


def _video(**changes: object) -> Video:
    base = Video(
        url="https://www.youtube.com/watch?v=aqz-KE-bpKQ", title="t", description="d",
        uploaded=date(2026, 1, 2), provider="youtube", video_id="aqz-KE-bpKQ",
    )
    return dataclasses.replace(base, **changes)


def test_a_youtube_video_without_a_local_thumbnail_names_youtubes_picture() -> None:
    assert video_object(_video(), ADDRESS)["thumbnailUrl"] == "https://i.ytimg.com/vi/aqz-KE-bpKQ/hqdefault.jpg"


def test_a_vimeo_video_embeds_with_its_private_hash_and_has_no_remote_thumbnail() -> None:
    vimeo = _video(url="https://vimeo.com/123/abc", provider="vimeo", video_id="123", vimeo_hash="abc")
    data = video_object(vimeo, ADDRESS)
    assert data["embedUrl"] == "https://player.vimeo.com/video/123?h=abc"
    assert "thumbnailUrl" not in data
    assert video_object(dataclasses.replace(vimeo, thumbnail="assets/v.png"), ADDRESS)["thumbnailUrl"] == (
        "https://help.example.com/assets/v.png"
    )


def test_social_image_is_a_local_raster_thumbnail_only() -> None:
    entry = HELP_CENTER.entry("reset-2fa")
    assert social_image(entry, ADDRESS) is None  # an SVG: link previews do not show it
    with_png = dataclasses.replace(entry, video=dataclasses.replace(entry.video, thumbnail="assets/videos/x.PNG"))
    assert social_image(with_png, ADDRESS) == "https://help.example.com/assets/videos/x.PNG"
    assert social_image(HELP_CENTER.entry("change-password"), ADDRESS) is None


def test_page_data_for_each_kind_of_page() -> None:
    entry = HELP_CENTER.entry("reset-2fa")
    for_entry = page_data(HELP_CENTER, ADDRESS, "Help", to_html, entry=entry)
    assert [json.loads(item)["@type"] for item in for_entry.json_ld] == ["FAQPage", "BreadcrumbList", "VideoObject"]
    assert for_entry.og_type == "article"
    for_category = page_data(HELP_CENTER, ADDRESS, "Help", to_html, category=HELP_CENTER.category("account"))
    assert [json.loads(item)["@type"] for item in for_category.json_ld] == ["FAQPage", "BreadcrumbList"]
    assert for_category.og_type == "website"
    assert page_data(HELP_CENTER, ADDRESS, "Help", to_html).json_ld == ()


def test_robots_txt_names_the_sitemap_at_the_site_address() -> None:
    assert robots_txt("https://help.example.com/") == (
        "User-agent: *\nAllow: /\n\nSitemap: https://help.example.com/sitemap.xml\n"
    )
    assert robots_txt("https://example.org/help").endswith("Sitemap: https://example.org/help/sitemap.xml\n")
    assert "Sitemap" not in robots_txt(None)


@given(
    st.sampled_from(["https://help.example.com/", "https://help.example.com/docs", "http://x.test:8000/a/b/"]),
    st.lists(st.sampled_from(["a", "b.html", ".", "..", "", "é", "~x", "-", "?q", "#f", ":", "x.y"]), max_size=5).map(
        "/".join
    ),
)
def test_addresses_are_what_urljoin_gives(site_url: str, path: str) -> None:
    root = site_url if site_url.endswith("/") else site_url + "/"
    assert SiteAddress(site_url).file(path) == urljoin(root, path)
