"""A content folder with a cross-site-scripting payload in every text field.

Every payload of `xss_payloads.PAYLOADS` stands in every plain-text field (title, summary, owner,
tags, also_asked, the video's title and description, category titles and descriptions, the home
title, the support hours): the payloads are split into chunks, and entry k holds chunk k + i in
its i-th field, so each chunk appears once in each field. Answers, steps and the home
introduction hold the payloads that the content rules accept.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from xss_payloads import ACCEPTED_IN_ANSWERS, PAYLOADS

CHUNKS = 12
CATEGORIES = 4
ENTRY_TEXT_FIELDS = ("title", "summary", "owner", "video_title", "video_description", "tags", "also_asked")


def chunks() -> list[list[str]]:
    return [PAYLOADS[index::CHUNKS] for index in range(CHUNKS)]


def joined(payloads: list[str]) -> str:
    return " ".join(payloads)


def hostile_entries() -> dict[str, dict[str, object]]:
    """Entries by 'category/id', as the data written to their files."""
    parts = chunks()
    entries: dict[str, dict[str, object]] = {}
    for number in range(CHUNKS):
        chunk = {name: parts[(number + offset) % CHUNKS] for offset, name in enumerate(ENTRY_TEXT_FIELDS)}
        category = f"topic-{number % CATEGORIES + 1}"
        answers = ACCEPTED_IN_ANSWERS[number::CHUNKS] or ["Plain answer."]
        entries[f"{category}/question-{number + 1}"] = {
            "title": joined(chunk["title"]),
            "summary": joined(chunk["summary"]),
            "category": category,
            "reviewed": f"2026-0{number % 9 + 1}-1{number % 10}",
            "owner": joined(chunk["owner"]),
            "answer": "\n\n".join(answers) + "\n\nIf it fails, [contact us](link:support).\n",
            "steps": [*answers, "Open the [portal](link:portal)."],
            "video": {
                "url": "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
                "title": joined(chunk["video_title"]),
                "description": joined(chunk["video_description"]),
                "uploaded": "2026-01-01",
            },
            "tags": chunk["tags"],
            "also_asked": chunk["also_asked"],
            "related": [f"question-{(number + 1) % CHUNKS + 1}"],
        }
    return entries


def hostile_categories() -> dict[str, dict[str, object]]:
    parts = chunks()
    per_category = CHUNKS // CATEGORIES
    categories = {}
    for index in range(CATEGORIES):
        own = [payload for chunk in parts[index * per_category:(index + 1) * per_category] for payload in chunk]
        categories[f"topic-{index + 1}"] = {
            "title": joined(own),
            "description": joined(list(reversed(own))),
            "icon": "material/account",
            "order": index + 1,
        }
    return categories


def hostile_settings() -> dict[str, object]:
    return {
        "home": {"title": joined(PAYLOADS), "intro": "\n\n".join(ACCEPTED_IN_ANSWERS)},
        "featured": ["question-1", "question-2"],
        "contact": {"email": "support@example.com", "hours": joined(PAYLOADS)},
        "links": {"support": "mailto:support@example.com", "portal": "https://portal.example.com/"},
    }


def write_hostile_content(project: Path) -> Path:
    """Replace the project's faq_data/ with the hostile content; returns the folder."""
    data = project / "faq_data"
    for path in sorted(data.rglob("*"), reverse=True):
        path.unlink() if path.is_file() else path.rmdir()
    (data / "entries").mkdir(parents=True, exist_ok=True)
    _dump(data / "settings.yml", hostile_settings())
    _dump(data / "categories.yml", hostile_categories())
    for name, entry in hostile_entries().items():
        path = data / "entries" / f"{name}.yml"
        path.parent.mkdir(parents=True, exist_ok=True)
        _dump(path, entry)
    return data


def _dump(path: Path, data: object) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
