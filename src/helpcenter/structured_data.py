"""Structured data for search engines: schema.org JSON-LD for entry and category pages, serialised so
that no text in any field can end its <script> element."""

from __future__ import annotations

import functools
import html
import json
import posixpath
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping, Sequence
from urllib.parse import urljoin, urlsplit

from .marked_parts import ANSWER, STEPS
from .model import Category, Entry, HelpCenter, Video

SCHEMA_CONTEXT = "https://schema.org"
# A relative path with no dot segment, query or fragment: joined to the root, it is simply appended.
_PLAIN_PATH = re.compile(r"(?:[\w~-][\w.~-]*/)*(?:[\w~-][\w.~-]*)?")
# Picture formats that Open Graph and Twitter cards display; SVG is not one of them.
SOCIAL_IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp")

JsonObject = dict[str, Any]
MarkdownToHtml = Callable[[str], str]

# Inside <script>, '<' could start '</script>' or '<!--', so it never appears literally; '>' and '&'
# go too (they matter once the text is moved into HTML or XHTML). U+2028/U+2029 end lines in
# older JavaScript parsers. Each is only ever inside a JSON string, where \uXXXX means the same.
_SCRIPT_SAFE = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
_JSON_LD = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


@dataclass(frozen=True)
class SiteAddress:
    """Where the site is published, to turn page sources into absolute addresses."""

    site_url: str
    """The site's root address, such as 'https://help.example.com/'; empty gives relative addresses."""
    use_directory_urls: bool = True
    known: dict[str, str] = field(default_factory=dict, init=False, compare=False, repr=False)
    """Page addresses already worked out: every entry page names the home page and its category's page."""

    def page(self, src_uri: str) -> str:
        address = self.known.get(src_uri)
        if address is None:
            address = self.known[src_uri] = self.file(page_path(src_uri, self.use_directory_urls))
        return address

    def file(self, path: str) -> str:
        root = self.site_url if self.site_url.endswith("/") or not self.site_url else self.site_url + "/"
        if not root:
            return path
        if _PLAIN_PATH.fullmatch(path):
            return root + path  # what urljoin gives for it, without parsing the root again for every address
        return urljoin(root, path)


def canonical_address(site_url: str, page_url: str) -> tuple[str, str] | None:
    """A page's absolute address and that address's path, as MkDocs works them out from `site_url` and
    the page's url (`urljoin` and `urlsplit`); None unless the url is a plain relative path, which
    is simply appended to the site's root, and the root holds no query or fragment."""
    root = _site_root(site_url)
    if root is None or not _PLAIN_PATH.fullmatch(page_url):
        return None
    address, path = root
    return address + page_url, path + page_url


@functools.lru_cache(maxsize=8)
def _site_root(site_url: str) -> tuple[str, str] | None:
    address = site_url if site_url.endswith("/") else site_url + "/"
    parts = urlsplit(address)
    if not parts.scheme or not parts.netloc or parts.query or parts.fragment:
        return None
    return address, parts.path


def page_path(src_uri: str, use_directory_urls: bool = True) -> str:
    """The built page's path for a Markdown source, as MkDocs publishes it ('' for the home page)."""
    stem, _ = posixpath.splitext(src_uri)
    folder, name = posixpath.split(stem)
    if name == "index":
        return f"{folder}/" if folder else ""
    if use_directory_urls:
        return f"{stem}/"
    return f"{stem}.html"


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
) -> PageData:
    """The head data of an entry page, a category page, or (with neither) any other page.

    `rendered` holds the entry's answer and steps as the page shows them in HTML (see marked_parts).
    """
    if entry is not None:
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
    text = _JSON_LD.encode(data)
    # What str.translate(_SCRIPT_SAFE) gives, without its dictionary lookup for every character
    # (about 30 µs for an answer): the characters are rare, and looking for one is fast.
    for character, reference in _SCRIPT_SAFE.items():
        if character in text:
            text = text.replace(character, reference)
    return text


def plain_text(html_text: str) -> str:
    """The visible text of an HTML fragment: one line per block, whitespace collapsed, references resolved.

    List items start with their number ('1. ') or a dash; script, style, template and SVG content is
    left out. The fragment is Python-Markdown's output (well-formed, attributes quoted), read with one
    regular expression instead of `html.parser`, which takes several times longer for the same tags
    and text (tests/test_plain_text.py reads the same HTML with `html.parser` and compares).
    """
    lines: list[str] = []
    current: list[str] = []  # the pieces of the line being read
    hidden = 0  # how many hidden elements are open
    lists: list[int | None] = []  # the next number of each open ordered list, None for a bulleted one
    marker = ""  # the list item marker waiting for the item's first words
    position = 0
    for match in _MARKUP.finditer(html_text):
        start = match.start()
        if start > position and not hidden:
            data = html_text[position:start]
            if "&" in data:
                data = html.unescape(data)
            if marker and data.strip(" \t\n\r\f"):
                current.append(marker)
                marker = ""
            current.append(data)
        position = match.end()
        tag = match.group("tag")
        if tag is None:  # a comment, declaration or processing instruction
            continue
        tag = tag.lower()
        if not match.group("end"):
            if tag in _HIDDEN:
                hidden += 1
            else:
                if tag in _BLOCKS and current:
                    line = _one_line("".join(current))
                    if line:
                        lines.append(line)
                    current = []
                if tag == "ol":
                    first = _list_start(match.group("attributes"))
                    lists.append(int(first) if first.isdigit() else 1)
                elif tag == "ul":
                    lists.append(None)
                elif tag == "li" and lists:
                    number = lists[-1]
                    if number is None:
                        marker = "- "
                    else:
                        marker = f"{number}. "
                        lists[-1] = number + 1
            if not match.group("self_closing"):
                continue
        # An end tag, or the end of a start tag that closes itself.
        if tag in _HIDDEN:
            hidden = max(0, hidden - 1)
            continue
        if tag in _BLOCKS and current:
            line = _one_line("".join(current))
            if line:
                lines.append(line)
            current = []
        if tag in ("ol", "ul") and lists:
            lists.pop()
    if position < len(html_text) and not hidden:
        data = html.unescape(html_text[position:])
        if marker and data.strip(" \t\n\r\f"):
            current.append(marker)
        current.append(data)
    line = _one_line("".join(current))
    if line:
        lines.append(line)
    return "\n".join(lines)


def _one_line(text: str) -> str:
    """The text with each run of HTML whitespace as one space, and no space at either end.

    Not str.split(): U+2028 and friends are text in HTML. Not a regular expression either: Python's
    takes about 50 ns a character to look for whitespace, 20 µs for a paragraph, where str.replace
    and `in` take well under a microsecond.
    """
    for whitespace in "\t\n\r\f":
        if whitespace in text:
            text = text.replace(whitespace, " ")
    while "  " in text:
        text = text.replace("  ", " ")
    return text.strip(" ")


def _list_start(attributes: str) -> str:
    """An ordered list's `start` attribute, "1" without one."""
    found = _START_ATTRIBUTE.search(attributes)
    if found is None:
        return "1"
    value = next(group for group in found.groups() if group is not None)
    return html.unescape(value) or "1"


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
            "mainEntity": [_question(entry.title, answer)],
        }
    )
    items = [faq, breadcrumb_list(address, [(site_name, "index.md"), (category.title, category.src_uri), (entry.title, entry.src_uri)])]
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
    faq = _with_context({"@type": "FAQPage", "url": address.page(category.src_uri), "mainEntity": questions})
    return [faq, breadcrumb_list(address, [(site_name, "index.md"), (category.title, category.src_uri)])]


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


_BLOCKS = {
    "address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt", "figcaption",
    "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "ol", "p", "pre",
    "section", "summary", "table", "td", "th", "tr", "ul",
}
_HIDDEN = {"script", "style", "template", "svg"}


# A tag (its name, attributes with quoted values, a closing slash), or a comment, declaration or
# processing instruction; anything else, a lone '<' included, is text, as html.parser reads it.
_MARKUP = re.compile(
    r"""<(?:(?P<end>/)?(?P<tag>[a-zA-Z][^\t\n\r\f />]*)(?P<attributes>(?:[^>"']|"[^"]*"|'[^']*')*?)(?P<self_closing>/)?>"""
    r"|!--.*?-->|[!?][^>]*>)",
    re.DOTALL,
)
_START_ATTRIBUTE = re.compile(r"""(?:^|\s)start\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE)
