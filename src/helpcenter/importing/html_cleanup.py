"""An article's HTML made plain before conversion: formatting leftovers go, content that cannot come is named.

What a writer sees is kept: text, structure, links, pictures and tables. Styles, classes, fonts,
Word's markup and invisible parts (`<style>`, comments) go without a word, as they hold no text.
Elements whose content the help center cannot show (scripts, forms, embedded objects, iframes
that are no YouTube or Vimeo video) are removed and each is reported, never dropped silently.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser

from markdown.extensions.toc import slugify

from helpcenter.load.video import parse_video_url

_KEPT = frozenset({
    "p", "br", "hr", "div", "blockquote", "pre", "code", "kbd", "samp", "var", "strong", "b", "em", "i", "u", "s",
    "del", "ins", "mark", "small", "sub", "sup", "abbr", "dfn", "q", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol",
    "li", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "figure", "figcaption",
})
_KEPT_ATTRIBUTES = {"th": ("colspan", "rowspan"), "td": ("colspan", "rowspan"), "ol": ("start",)}
_INVISIBLE = frozenset({"style", "head", "title", "meta", "link", "xml", "template", "base"})
_REFUSED = frozenset({
    "script", "noscript", "object", "embed", "applet", "form", "input", "select", "textarea", "button", "video",
    "audio", "canvas", "svg", "math", "frame", "frameset", "iframe", "map", "dialog",
})
_VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "wbr", "col", "source", "track", "area", "base",
                   "embed", "param"})
# The classes editors and themes give a highlighted box (Zendesk's Copenhagen theme, Bootstrap, Word's callouts).
_CALLOUT = re.compile(r"\b(callout|alert|note|notice|tip|warning|caution|important|info)\b", re.IGNORECASE)
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_INVISIBLE_CHARACTERS = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))

LinkRewrite = Callable[[str], "str | None"]
"""The new address of a link, or None to keep its text without the link."""
ImageRewrite = Callable[[str, str], "str | None"]
"""The new path of a picture (its `src` and `alt`), or None to keep its description as a link to it."""


@dataclass
class CleanHtml:
    html: str
    videos: list[tuple[str, str]] = field(default_factory=list)
    """(address, title) of each YouTube or Vimeo iframe, taken out of the text."""
    refused: list[str] = field(default_factory=list)
    """What was removed and cannot be imported, such as '<script> element'."""
    notes: list[str] = field(default_factory=list)


def clean_html(source: str, rewrite_link: LinkRewrite, rewrite_image: ImageRewrite) -> CleanHtml:
    headings = _HeadingIds()
    headings.feed(source)
    headings.close()
    cleaner = _Cleaner(rewrite_link, rewrite_image, headings.slugs)
    cleaner.feed(source)
    cleaner.close()
    return CleanHtml("".join(cleaner.out), cleaner.videos, cleaner.refused, cleaner.notes)


class _HeadingIds(HTMLParser):
    """The anchor each heading's `id` becomes on the new page: the id Python-Markdown gives its text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.slugs: dict[str, str] = {}
        self._open: tuple[str, list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        anchor = dict(attrs).get("id") or ""
        if tag in _HEADINGS and anchor:
            self._open = (anchor, [])

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._open[1].append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag in _HEADINGS and self._open is not None:
            anchor, text = self._open
            self.slugs[anchor] = slugify(" ".join("".join(text).split()), "-")
            self._open = None


class _Cleaner(HTMLParser):
    def __init__(self, rewrite_link: LinkRewrite, rewrite_image: ImageRewrite, anchors: dict[str, str]) -> None:
        super().__init__(convert_charrefs=True)
        self.rewrite_link, self.rewrite_image, self.anchors = rewrite_link, rewrite_image, anchors
        self.out: list[str] = []
        self.videos: list[tuple[str, str]] = []
        self.refused: list[str] = []
        self.notes: list[str] = []
        self._skipping: list[str] = []
        self._links: list[bool] = []
        self._open_divs: list[bool] = []
        """For each open <div>: whether it is a callout, written as a quote."""
        self._code = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if self._skipping:
            if tag not in _VOID:
                self._skipping.append(tag)
            return
        if tag == "iframe" and parse_video_url(values.get("src", "")):
            self.videos.append((values["src"], " ".join(values.get("title", "").split())))
        elif tag in _REFUSED:
            self.refused.append(_described(tag, values))
        if tag in _INVISIBLE or tag in _REFUSED:
            if tag not in _VOID:
                self._skipping.append(tag)
            return
        if tag == "a":
            self._start_link(values)
        elif tag == "img":
            self._image(values)
        elif tag == "div" and _CALLOUT.search(values.get("class", "")):
            self._open_divs.append(True)
            self.out.append("<blockquote>")
        elif tag in _KEPT:
            if tag == "div":
                self._open_divs.append(False)
            self._code += tag in ("pre", "code")
            kept = "".join(f' {name}="{html.escape(values[name])}"' for name in _KEPT_ATTRIBUTES.get(tag, ())
                           if values.get(name))
            self.out.append(f"<{tag}{kept}>")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if self._skipping:
            if tag in self._skipping:
                while self._skipping.pop() != tag:
                    pass
            return
        if tag == "a" and self._links:
            if self._links.pop():
                self.out.append("</a>")
        elif tag == "div" and self._open_divs:
            self.out.append("</blockquote>" if self._open_divs.pop() else "</div>")
        elif tag in _KEPT and tag not in _VOID:
            self._code -= tag in ("pre", "code") and self._code > 0
            self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if self._skipping:
            return
        data = data.translate(_INVISIBLE_CHARACTERS)
        text = html.escape(data, quote=False)
        # Outside code, a '<' that was text stays text: converted Markdown would otherwise hold it as a tag.
        self.out.append(text if self._code else text.replace("&lt;", "&amp;lt;"))

    def _start_link(self, values: dict[str, str]) -> None:
        href = values.get("href", "").strip()
        if not href:
            self._links.append(False)
            return
        if href.startswith("#"):
            new = self.anchors.get(href[1:])
            new = f"#{new}" if new else None
            if new is None:
                self.notes.append(f"the link to '{href}' leads to no heading; its text is kept without the link")
        else:
            new = self.rewrite_link(href)
        self._links.append(new is not None)
        if new is not None:
            self.out.append(f'<a href="{html.escape(new)}">')

    def _image(self, values: dict[str, str]) -> None:
        src, alt = values.get("src", "").strip(), " ".join(values.get("alt", "").split())
        if not src:
            return
        new = self.rewrite_image(src, alt)
        if new is None and src.startswith(("https://", "http://")):
            self.out.append(f'<a href="{html.escape(src)}">{html.escape(alt or "Picture")}</a>')
        elif new is None:
            self.out.append(html.escape(alt))
        else:
            self.out.append(f'<img src="{html.escape(new)}" alt="{html.escape(alt)}">')


def _described(tag: str, values: dict[str, str]) -> str:
    address = values.get("src") or values.get("data") or values.get("action") or ""
    return f"<{tag}> element" + (f" ({address[:80]})" if address else "")
