"""Structured data for search engines: schema.org JSON-LD for entry and category pages, serialised so
that no text in any field can end its <script> element."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

from helpcenter.model import Category, Entry, HelpCenter, Video
from helpcenter.render.addresses import page_path
from helpcenter.render.answer_parts import ANSWER, STEPS
from helpcenter.render.plain_text import plain_text

SCHEMA_CONTEXT = "https://schema.org"
# Picture formats that Open Graph and Twitter cards display; SVG is not one of them.
SOCIAL_IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp")

JsonObject = dict[str, Any]
MarkdownToHtml = Callable[[str], str]

# Inside <script>, '<' could start '</script>' or '<!--', so it never appears literally; '>' and '&'
# go too (they matter once the text is moved into HTML or XHTML). U+2028/U+2029 end lines in
# older JavaScript parsers. Each is only ever inside a JSON string, where \uXXXX means the same.
_SCRIPT_SAFE = str.maketrans({
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
})


@dataclass(frozen=True)
class SiteAddress:
    """Where the site is published, to turn page sources into absolute addresses."""

    site_url: str
    """The site's root address, such as 'https://help.example.com/'; empty gives relative addresses."""
    use_directory_urls: bool = True

    def page(self, src_uri: str) -> str:
        return self.file(page_path(src_uri, self.use_directory_urls))

    def file(self, path: str) -> str:
        if not self.site_url:
            return path
        return urljoin(self.site_url if self.site_url.endswith("/") else self.site_url + "/", path)


@dataclass(frozen=True)
class PageData:
    """What the theme puts in a page's <head> for search engines and social networks."""

    json_ld: tuple[str, ...]
    """Each item's JSON text, ready to be the content of its own <script type="application/ld+json">."""
    og_type: str
    image: str | None
    """An absolute address for og:image and twitter:image, or None."""


def page_data(
    help_center: HelpCenter,
    address: SiteAddress,
    site_name: str,
    to_html: MarkdownToHtml,
    *,
    entry: Entry | None = None,
    category: Category | None = None,
    rendered: Mapping[str, str] | None = None,
    answer: str | None = None,
) -> PageData:
    """The head data of an entry page, a category page, or (with neither) any other page.

    `rendered` holds the entry's answer and steps as the page shows them in HTML (see answer_parts);
    `answer`, their plain text when the caller has it already (`answer_text`).
    """
    if entry is not None:
        if answer is None:
            answer = answer_text(entry, to_html, rendered)
        items = entry_structured_data(help_center, entry, address, site_name, answer)
    elif category is not None:
        items = category_structured_data(help_center, category, address, site_name)
    else:
        items = []
    return PageData(
        json_ld=tuple(json_ld_script_text(item) for item in items),
        og_type="article" if entry is not None else "website",
        image=social_image(entry, address),
    )


def json_ld_script_text(data: JsonObject) -> str:
    """JSON text that is safe as the whole content of a <script type="application/ld+json"> element."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_SAFE)


def answer_text(entry: Entry, to_html: MarkdownToHtml, rendered: Mapping[str, str] | None = None) -> str:
    """The entry's answer and its numbered steps as plain text, from their HTML in `rendered` if it holds both."""
    if not rendered or ANSWER not in rendered or (entry.steps and STEPS not in rendered):
        rendered = {
            ANSWER: to_html(entry.answer),
            # Rendered apart: steps appended to an answer that ends in a list would continue that list.
            STEPS: to_html("".join(f"1.  {_indented(step)}\n" for step in entry.steps)) if entry.steps else "",
        }
    parts = [plain_text(rendered[ANSWER])]
    if entry.steps:
        parts.append(plain_text(rendered[STEPS]))
    return "\n".join(part for part in parts if part)


def _indented(markdown_text: str) -> str:
    return markdown_text.strip("\n").replace("\n", "\n    ")


def entry_structured_data(
    help_center: HelpCenter, entry: Entry, address: SiteAddress, site_name: str, answer: str
) -> list[JsonObject]:
    """FAQPage, BreadcrumbList and (for an entry with a video) VideoObject for one entry's page."""
    category = help_center.category(entry.category)
    url = address.page(entry.src_uri)
    faq = _with_context(
        {
            "@type": "FAQPage",
            "url": url,
            **_in_language(help_center),
            "mainEntity": [_question(entry.title, answer)],
        }
    )
    items = [
        faq,
        breadcrumb_list(
            address,
            [(site_name, help_center.home_uri), (category.title, category.src_uri), (entry.title, entry.src_uri)],
        ),
    ]
    if entry.video is not None:
        items.append(video_object(entry.video, address))
    return items


def category_structured_data(
    help_center: HelpCenter, category: Category, address: SiteAddress, site_name: str
) -> list[JsonObject]:
    """FAQPage (one question per entry, its summary as the answer) and BreadcrumbList for a category page."""
    questions = [
        {**_question(entry.title, entry.summary), "url": address.page(entry.src_uri)}
        for entry in help_center.entries_in(category.id)
    ]
    faq = _with_context({
        "@type": "FAQPage", "url": address.page(category.src_uri), **_in_language(help_center), "mainEntity": questions,
    })
    return [faq, breadcrumb_list(address, [(site_name, help_center.home_uri), (category.title, category.src_uri)])]


def _in_language(help_center: HelpCenter) -> JsonObject:
    """`inLanguage` in a site in several languages (a site in one language says it in `<html lang>` alone)."""
    if not help_center.languages:
        return {}
    return {"inLanguage": help_center.language or help_center.languages[0]}


def breadcrumb_list(address: SiteAddress, trail: Sequence[tuple[str, str]]) -> JsonObject:
    """A BreadcrumbList from (name, page source) pairs, the home page first."""
    return _with_context(
        {
            "@type": "BreadcrumbList",
            "itemListElement": [
                {"@type": "ListItem", "position": position, "name": name, "item": address.page(src_uri)}
                for position, (name, src_uri) in enumerate(trail, 1)
            ],
        }
    )


def video_object(video: Video, address: SiteAddress) -> JsonObject:
    data: JsonObject = {
        "@type": "VideoObject",
        "name": video.title,
        "description": video.description,
        "uploadDate": video.uploaded.isoformat(),
        "embedUrl": video_embed_url(video),
        "contentUrl": video.url,
    }
    thumbnail = video_thumbnail_url(video, address)
    if thumbnail is not None:
        data["thumbnailUrl"] = thumbnail
    return _with_context(data)


def video_embed_url(video: Video) -> str:
    """The player's address without autoplay, on the provider's privacy-friendly host."""
    if video.provider == "youtube":
        return f"https://www.youtube-nocookie.com/embed/{video.video_id}"
    private = f"?h={video.vimeo_hash}" if video.vimeo_hash else ""
    return f"https://player.vimeo.com/video/{video.video_id}{private}"


def video_thumbnail_url(video: Video, address: SiteAddress) -> str | None:
    """The local thumbnail when the entry gives one, else YouTube's; Vimeo's needs its API, so none."""
    if video.thumbnail:
        return address.file(video.thumbnail)
    if video.provider == "youtube":
        # Only data for search engines: the page itself never loads it.
        return f"https://i.ytimg.com/vi/{video.video_id}/hqdefault.jpg"
    return None


def social_image(entry: Entry | None, address: SiteAddress) -> str | None:
    """The absolute address of a local picture for Open Graph and Twitter cards, if the page has one."""
    if entry is None or entry.video is None or not entry.video.thumbnail:
        return None
    if not entry.video.thumbnail.lower().endswith(SOCIAL_IMAGE_SUFFIXES):
        return None
    return address.file(entry.video.thumbnail)


def _question(name: str, answer: str) -> JsonObject:
    return {"@type": "Question", "name": name, "acceptedAnswer": {"@type": "Answer", "text": answer}}


def _with_context(data: JsonObject) -> JsonObject:
    return {"@context": SCHEMA_CONTEXT, **data}
