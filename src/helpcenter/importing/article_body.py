"""An article's HTML as the Markdown of an entry: links to other imported articles rewritten, pictures placed."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from helpcenter.importing.html_cleanup import clean_html
from helpcenter.importing.html_markdown import to_markdown
from helpcenter.importing.pictures import PictureFinder
from helpcenter.importing.planned import ImportPlan
from helpcenter.importing.source import Export
from helpcenter.problems import Problem

_KEPT_SCHEMES = ("https://", "http://", "mailto:", "tel:")


def convert_body(body_html: str, where: str, export: Export, ids: dict[str, str], category_of: dict[str, str],
                 finder: PictureFinder, plan: ImportPlan) -> tuple[str, list[tuple[str, str]]]:
    """The Markdown of an article's HTML and its videos (address, title): links to the articles in `ids` and
    the groups in `category_of` become `entry:` and `category:` links, pictures are placed or listed missing."""
    notes: list[str] = []

    def rewrite_link(href: str) -> str | None:
        found = export.classify_link(href)
        fragment = urlsplit(href).fragment
        if found and found[0] == "article" and found[1] in ids:
            if fragment:
                notes.append(f"the link to '{href}' leads to the entry '{ids[found[1]]}', not to '#{fragment}'")
            return f"entry:{ids[found[1]]}"
        if found and found[0] == "group" and category_of.get(found[1]):
            return f"category:{category_of[found[1]]}"
        if href.lower().startswith(_KEPT_SCHEMES):
            if found:
                notes.append(f"the link to '{href}' leads to the old help center: the {found[0]} {found[1]} is not "
                             "imported (a draft, or not in the export or this language)")
            return href
        notes.append(f"the link to '{href}' has no address here; its text is kept without the link")
        return None

    def rewrite_image(src: str, alt: str) -> str | None:
        found = finder.place(src)
        if found is None:
            plan.missing_pictures.append((where, src))
        return found

    cleaned = clean_html(body_html, rewrite_link, rewrite_image)
    for refused in cleaned.refused:
        plan.problems.append(Problem(where, 0, "body", (
            f"the {refused} cannot be imported (the help center would drop it): remove it from the article, "
            "or replace it with a link or a picture, and export again"
        )))
    plan.notes += [f"{where}: {note}" for note in notes + cleaned.notes]
    return to_markdown(cleaned.html), cleaned.videos


def with_other_videos(answer: str, videos: list[tuple[str, str]], where: str, plan: ImportPlan) -> str:
    """The answer with every video after the first as a link: an entry has one video."""
    for url, title in videos[1:]:
        answer += f"\n\n[{title or 'Video'}]({video_watch_url(url)})"
        plan.notes.append(f"{where}: only one video per entry: {url} is kept as a link")
    return answer


def video_watch_url(url: str) -> str:
    """An embed address as the address a reader would open (`youtube.com/embed/ID` -> `youtube.com/watch?v=ID`)."""
    match = re.search(r"youtube(?:-nocookie)?\.com/embed/([A-Za-z0-9_-]{11})", url)
    if match:
        return f"https://www.youtube.com/watch?v={match.group(1)}"
    return f"https:{url}" if url.startswith("//") else url
