"""Video facades in a real browser: nothing leaves the site until the customer presses play; each host has its
own play button, and on a phone the facade leaves the thumbnail's words uncovered."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page

from browser_support import RequestLog, browser, build_project, serve_directory  # noqa: F401 - fixtures
from conftest import FIXTURE
from helpcenter.load.help_center import load_help_center

HELP_CENTER = load_help_center(FIXTURE / "faq_data", FIXTURE)
YOUTUBE_ENTRY = HELP_CENTER.entry("reset-2fa")
VIMEO_ENTRY = """\
title: How do I set up two-factor authentication?
summary: Install an authenticator app and scan the code shown in your account settings.
category: two-factor
reviewed: 2026-11-27
owner: Support team
answer: Install an authenticator app, then scan the code shown in your account settings.
video:
  url: https://vimeo.com/76979871
  title: Setting up 2FA
  description: Installing an authenticator app and scanning the code.
  uploaded: 2026-11-27
"""
PLAY = "Play video: " + (YOUTUBE_ENTRY.video.title if YOUTUBE_ENTRY.video else "")


@pytest.fixture(scope="module")
def video_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real project plus an entry with a Vimeo video and no thumbnail, built once and served."""

    def add_vimeo_entry(project: Path) -> None:
        (project / "faq_data/entries/two-factor/set-up-2fa.yml").write_text(VIMEO_ENTRY, encoding="utf-8")

    project = build_project(tmp_path_factory, "video", prepare=add_vimeo_entry)
    with serve_directory(project / "site") as base_url:
        yield base_url


def open_entry(browser: Browser, base_url: str, path: str, **context: object) -> tuple[Page, RequestLog]:  # noqa: F811
    page = browser.new_context(**context).new_page()
    log = RequestLog(page, base_url)
    page.goto(base_url + path, wait_until="networkidle")
    return page, log


def played_frame(page: Page) -> str:
    frame = page.wait_for_selector(".hc-video iframe")
    return frame.get_attribute("src") or ""


@pytest.mark.browser
def test_nothing_leaves_the_site_before_play_then_the_nocookie_player_loads_in_place(
    browser: Browser, video_site: str,  # noqa: F811
) -> None:
    page, log = open_entry(browser, video_site, YOUTUBE_ENTRY.url)
    assert log.urls, "the page loaded"
    assert log.third_party() == [], "requests before play"
    thumbnail = page.locator(".hc-video img.hc-video__thumbnail")
    assert thumbnail.evaluate("img => img.complete && img.naturalWidth > 0"), "the local thumbnail shows"
    assert any(urlsplit(url).path.endswith("/assets/videos/reset-2fa.svg") for url in log.urls)
    facade = page.get_by_role("button", name=PLAY)
    assert facade.is_visible()
    assert page.locator(".hc-video .hc-video__title").inner_text() == "How to reset 2FA"
    assert page.locator(".hc-video .hc-video__play").is_visible()
    place = (
        "el => { const box = el.getBoundingClientRect(); "
        "return [box.left, box.top + scrollY, box.width, box.height]; }"
    )
    place_before = page.locator(".hc-video").evaluate(place)

    log.clear()
    facade.click()
    src = played_frame(page)
    assert src == "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ?autoplay=1&rel=0"
    page.wait_for_load_state("networkidle")
    assert src in log.urls, "the player was requested"
    assert [url for url in log.third_party() if not url.startswith("https://www.youtube-nocookie.com/")] == []
    assert page.url.endswith(YOUTUBE_ENTRY.url), "it plays in the page, not on YouTube"
    assert page.locator(".hc-video").evaluate(place) == place_before, "in place of the facade"
    assert page.locator(".hc-video iframe").get_attribute("title") == "How to reset 2FA"
    assert "autoplay" in (page.locator(".hc-video iframe").get_attribute("allow") or "")
    page.context.close()


@pytest.mark.browser
@pytest.mark.parametrize("key", ["Enter", "Space"])
def test_the_facade_is_reached_with_tab_and_plays_with_the_keyboard(
    browser: Browser, video_site: str, key: str,  # noqa: F811
) -> None:
    page, _log = open_entry(browser, video_site, YOUTUBE_ENTRY.url)
    scroll_before = None
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('.hc-video__link')"):
            scroll_before = page.evaluate("window.scrollY")
            break
    else:
        pytest.fail("Tab never reached the video")
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == PLAY
    page.keyboard.press(key)
    assert played_frame(page).startswith("https://www.youtube-nocookie.com/embed/")
    assert page.evaluate("window.scrollY") == scroll_before, "Space plays instead of scrolling"
    assert page.evaluate("document.activeElement.tagName") == "IFRAME", "focus moves into the player"
    page.context.close()


@pytest.mark.browser
def test_without_javascript_the_facade_is_a_plain_link_to_the_video(browser: Browser, video_site: str) -> None:  # noqa: F811
    page, log = open_entry(browser, video_site, YOUTUBE_ENTRY.url, java_script_enabled=False)
    assert log.third_party() == []
    link = page.get_by_role("link", name=PLAY)
    assert link.get_attribute("href") == YOUTUBE_ENTRY.video.url  # type: ignore[union-attr]
    assert link.get_attribute("role") is None
    assert page.locator(".hc-video__host").is_visible()
    assert page.locator(".hc-video__host").inner_text() == "Opens the video on YouTube"
    assert page.locator(".hc-video iframe").count() == 0
    link.click()
    page.wait_for_url("https://www.youtube.com/watch?v=aqz-KE-bpKQ")
    page.context.close()


@pytest.mark.browser
def test_a_vimeo_video_without_thumbnail_loads_vimeos_player_with_do_not_track(
    browser: Browser, video_site: str,  # noqa: F811
) -> None:
    page, log = open_entry(browser, video_site, "two-factor/set-up-2fa/")
    assert log.third_party() == []
    assert page.locator(".hc-video img").count() == 0
    assert page.locator(".hc-video .hc-video__title").inner_text() == "Setting up 2FA"
    page.get_by_role("button", name="Play video: Setting up 2FA").click()
    src = played_frame(page)
    assert urlsplit(src)[:3] == ("https", "player.vimeo.com", "/video/76979871")
    assert "dnt=1" in urlsplit(src).query.split("&")
    page.wait_for_load_state("networkidle")
    assert src in log.urls
    page.context.close()


COVERED_POINTS = """([x, y, width, height]) => {
  const picture = document.querySelector(".hc-video__thumbnail");
  const box = picture.getBoundingClientRect();
  // object-fit: cover, centred: the scale and offsets of the picture inside its box.
  const scale = Math.max(box.width / picture.naturalWidth, box.height / picture.naturalHeight);
  const left = box.left + (box.width - picture.naturalWidth * scale) / 2;
  const top = box.top + (box.height - picture.naturalHeight * scale) / 2;
  const covered = [];
  for (let i = 0; i <= 6; i++) {
    for (let j = 0; j <= 2; j++) {
      const point = [left + (x + width * i / 6) * scale, top + (y + height * j / 2) * scale];
      const shown = document.elementFromPoint(point[0], point[1]);
      if (shown !== picture) covered.push([point, shown && shown.className]);
    }
  }
  return covered;
}"""


def centre(box: dict[str, float] | None) -> tuple[float, float]:
    assert box is not None
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


@pytest.mark.browser
@pytest.mark.parametrize("width", [375, 1280])
def test_the_words_of_the_thumbnail_are_not_covered(browser: Browser, video_site: str, width: int) -> None:  # noqa: F811
    assert YOUTUBE_ENTRY.video is not None and YOUTUBE_ENTRY.video.thumbnail
    page = browser.new_page(viewport={"width": width, "height": 800})
    page.goto(video_site + YOUTUBE_ENTRY.video.thumbnail)
    words = page.evaluate("(() => { const b = document.querySelector('text').getBBox(); "
                          "return [b.x, b.y, b.width, b.height]; })()")
    page.goto(video_site + YOUTUBE_ENTRY.url, wait_until="networkidle")
    picture = page.locator(".hc-video__thumbnail")
    picture.scroll_into_view_if_needed()
    assert page.evaluate(COVERED_POINTS, words) == []
    picture_box, play_box = picture.bounding_box(), page.locator(".hc-video__play").bounding_box()
    assert picture_box is not None and play_box is not None
    assert centre(play_box) == pytest.approx(centre(picture_box), abs=1), "the play button is in the picture's middle"
    title_box = page.locator(".hc-video__title").bounding_box()
    assert title_box is not None and title_box["width"] == pytest.approx(picture_box["width"], abs=1)
    if width < 600:
        assert title_box["y"] >= picture_box["y"] + picture_box["height"] - 0.5, "the title is under the picture"
    RequestLog(page, video_site)  # the player's requests are answered here, never by YouTube
    page.get_by_role("button", name=PLAY).click()
    player = page.locator(".hc-video iframe").bounding_box()
    assert player is not None
    assert (player["width"], player["height"]) == pytest.approx((picture_box["width"], picture_box["height"]), abs=1)
    page.close()


@pytest.mark.browser
@pytest.mark.parametrize("width", [375, 1280])
def test_vimeo_has_its_own_play_button(browser: Browser, video_site: str, width: int) -> None:  # noqa: F811
    looks = {}
    for path in (YOUTUBE_ENTRY.url, "two-factor/set-up-2fa/"):
        page = browser.new_page(viewport={"width": width, "height": 800})
        page.goto(video_site + path, wait_until="networkidle")
        play = page.locator(".hc-video__play")
        assert play.is_visible()
        looks[path] = play.evaluate("el => { const s = getComputedStyle(el); const b = el.getBoundingClientRect(); "
                                    "return [s.backgroundColor, s.borderRadius, Math.round(b.width), "
                                    "Math.round(b.height)]; }")
        area = page.locator(".hc-video").bounding_box()
        assert area is not None
        assert centre(play.bounding_box())[0] == pytest.approx(area["x"] + area["width"] / 2, abs=1)
        page.close()
    assert looks[YOUTUBE_ENTRY.url][0] == "rgb(198, 40, 40)"  # YouTube's red
    assert looks["two-factor/set-up-2fa/"][0] == "rgb(15, 110, 153)"  # Vimeo's blue, dark enough for the arrow
    assert looks["two-factor/set-up-2fa/"][1:] != looks[YOUTUBE_ENTRY.url][1:], "a shape of its own"
