"""The fingerprint of a source's translated fields: a translation records it, so a change to what was
translated (and only that) makes the translation outdated."""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Mapping, Sequence

from helpcenter.model import Category, Entry, Settings

FINGERPRINT_LENGTH = 10
_Value = str | Sequence[str] | None


def fingerprint(values: Mapping[str, _Value]) -> str:
    """Ten characters of the SHA-256 of the values in base 32, their spacing ignored: re-wrapping a
    paragraph or an extra space changes no meaning, so it does not outdate a translation. (Base 32's
    letters make a fingerprint that editors' YAML tooling would read as a number all but impossible.)"""
    normal = {name: _normal(value) for name, value in values.items() if value}
    text = json.dumps(normal, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    digest = base64.b32encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii").lower()
    return digest[:FINGERPRINT_LENGTH]


def entry_fingerprint(entry: Entry) -> str:
    return entry_values_fingerprint(
        title=entry.title, summary=entry.summary, answer=entry.answer, steps=entry.steps, tags=entry.tags,
        also_asked=entry.also_asked, video_title=entry.video.title if entry.video else None,
        video_description=entry.video.description if entry.video else None,
    )


def entry_values_fingerprint(
    *, title: str, summary: str, answer: str, steps: Sequence[str], tags: Sequence[str], also_asked: Sequence[str],
    video_title: str | None, video_description: str | None,
) -> str:
    """The fingerprint of an entry's translated fields as given, such as an entry about to be written."""
    return fingerprint({
        "title": title, "summary": summary, "answer": answer, "steps": steps, "tags": tags,
        "also_asked": also_asked, "video.title": video_title, "video.description": video_description,
    })


def category_fingerprint(category: Category) -> str:
    return category_values_fingerprint(category.title, category.description)


def category_values_fingerprint(title: str, description: str) -> str:
    return fingerprint({"title": title, "description": description})


def settings_fingerprint(settings: Settings) -> str:
    return fingerprint({
        "home.title": settings.home_title, "home.intro": settings.home_intro, "contact.hours": settings.contact.hours,
    })


def _normal(value: str | Sequence[str]) -> str | list[str]:
    if isinstance(value, str):
        return " ".join(value.split())
    return [" ".join(item.split()) for item in value]


def page_fingerprint(title: str, body: str) -> str:
    """The fingerprint of a hand-written page's text: its title and its Markdown after the front matter."""
    return fingerprint({"title": title, "body": body})
