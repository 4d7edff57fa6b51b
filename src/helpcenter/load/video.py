"""Recognising YouTube and Vimeo links."""

from __future__ import annotations

import re
from typing import Literal
from urllib.parse import parse_qs, urlsplit

_YOUTUBE_ID = re.compile(r"[A-Za-z0-9_-]{11}")
_YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "youtube-nocookie.com",
                  "www.youtube-nocookie.com"}
_VIMEO_HOSTS = {"vimeo.com", "www.vimeo.com", "player.vimeo.com"}

_ID11 = r"[A-Za-z0-9_-]{11}"
_REST = r"/?(?:[?#]\S*)?"
# The addresses `parse_video_url` accepts, as one regular expression that Python and JSON Schema
# (ECMA-262) read alike, so editors flag a wrong video address while typing.
VIDEO_URL_PATTERN = (
    r"https?://(?:"
    rf"youtu\.be/{_ID11}{_REST}"
    r"|(?:(?:www\.|m\.)?youtube\.com|(?:www\.)?youtube-nocookie\.com)/(?:"
    rf"watch/?\?(?:\S*&)?v={_ID11}(?:[&#]\S*)?"
    rf"|(?:embed|shorts|live)/{_ID11}{_REST})"
    rf"|(?:www\.|player\.)?vimeo\.com/(?:video/|channels/[\w-]+/)?\d+(?:/[0-9a-f]+)?{_REST}"
    r")"
)

VideoRef = tuple[Literal["youtube", "vimeo"], str, "str | None"]


def parse_video_url(url: str) -> VideoRef | None:
    """(provider, video id, Vimeo private hash) for a YouTube or Vimeo link, else None."""
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
    except ValueError:
        return None
    path = [segment for segment in parts.path.split("/") if segment]
    if parts.scheme not in ("http", "https"):
        return None
    if host == "youtu.be" and len(path) == 1:
        candidate = path[0]
    elif host in _YOUTUBE_HOSTS and path == ["watch"]:
        candidate = parse_qs(parts.query).get("v", [""])[0]
    elif host in _YOUTUBE_HOSTS and len(path) == 2 and path[0] in ("embed", "shorts", "live"):
        candidate = path[1]
    elif host in _VIMEO_HOSTS:
        if path[:1] == ["video"]:
            path = path[1:]
        elif path[:1] == ["channels"] and len(path) >= 3:  # a video shown in a channel: vimeo.com/channels/NAME/ID
            path = path[2:]
        if not path or not path[0].isdigit() or len(path) > 2:
            return None
        private = path[1] if len(path) == 2 else parse_qs(parts.query).get("h", [None])[0]
        if private is not None and not re.fullmatch(r"[0-9a-f]+", private):
            return None
        return "vimeo", path[0], private
    else:
        return None
    return ("youtube", candidate, None) if _YOUTUBE_ID.fullmatch(candidate) else None


_DURATION = re.compile(r"(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s?)?")


def start_seconds(url: str) -> int | None:
    """Where the link starts the video, in seconds: YouTube's `t=` or `start=` (`90`, `90s`, `1m30s`),
    Vimeo's `#t=90s`; None from the start."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    query = parse_qs(parts.query)
    fragment = parse_qs(parts.fragment)
    for value in (*query.get("t", []), *query.get("start", []), *fragment.get("t", [])):
        match = _DURATION.fullmatch(value.strip())
        if match and any(match.groups()):
            hours, minutes, seconds = (int(group or 0) for group in match.groups())
            total = hours * 3600 + minutes * 60 + seconds
            return total or None
    return None
