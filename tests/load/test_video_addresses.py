"""A video's address: the start time a link gives is kept, and Vimeo's channel links are videos too."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from content_fixture import ENTRY, write_content
from helpcenter.load.help_center import check_help_center
from helpcenter.load.video import VIDEO_URL_PATTERN, parse_video_url, start_seconds
from helpcenter.model import Video


@pytest.mark.parametrize("url, seconds", [
    ("https://www.youtube.com/watch?v=aqz-KE-bpKQ&t=90", 90),
    ("https://www.youtube.com/watch?v=aqz-KE-bpKQ&t=90s", 90),
    ("https://youtu.be/aqz-KE-bpKQ?t=1m30s", 90),
    ("https://www.youtube.com/embed/aqz-KE-bpKQ?start=3600", 3600),
    ("https://youtu.be/aqz-KE-bpKQ?t=1h2m3s", 3723),
    ("https://vimeo.com/76979871#t=45s", 45),
    ("https://www.youtube.com/watch?v=aqz-KE-bpKQ", None),
    ("https://www.youtube.com/watch?v=aqz-KE-bpKQ&t=0", None),
    ("https://www.youtube.com/watch?v=aqz-KE-bpKQ&t=soon", None),
])
def test_the_start_time_of_a_link_is_read(url: str, seconds: int | None) -> None:
    assert start_seconds(url) == seconds


def test_the_player_starts_where_the_link_does() -> None:
    youtube = Video("u", "T", "D", date(2026, 1, 1), "youtube", "aqz-KE-bpKQ", start=90)
    vimeo = Video("u", "T", "D", date(2026, 1, 1), "vimeo", "76979871", start=45)
    assert youtube.embed_url == "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ?autoplay=1&rel=0&start=90"
    assert vimeo.embed_url == "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1#t=45s"


def test_a_vimeo_channel_link_is_a_video(tmp_path: Path) -> None:
    url = "https://vimeo.com/channels/staffpicks/76979871"
    assert parse_video_url(url) == ("vimeo", "76979871", None)
    assert re.fullmatch(VIDEO_URL_PATTERN, url)
    video = f"video:\n  url: {url}\n  title: T\n  description: D\n  uploaded: 2026-01-01\n"
    folder = write_content(tmp_path, {"account/log-in": ENTRY + video})
    help_center, problems = check_help_center(folder, tmp_path)
    assert problems == [] and help_center is not None
    found = help_center.entry("log-in").video
    assert found is not None and found.video_id == "76979871"
