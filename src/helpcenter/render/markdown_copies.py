"""Each entry as Markdown for machines: what the writer wrote, every link target an address on the site.

Support bots and AI assistants read the Markdown copy beside each entry page, `llms.txt` and
`llms-full.txt`, and the entries' JSON. All of them start from `entry_texts`, which takes one
language's help center and the address it is published at, so each language gets its own set.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass

from helpcenter.load.links import LinkTarget, resolve_links
from helpcenter.model import Category, Entry, HelpCenter
from helpcenter.render.addresses import markdown_copy_path
from helpcenter.render.entry_links import AddressOf, link_resolver
from helpcenter.render.filters import indent_block
from helpcenter.render.pages import pictures_from_root
from helpcenter.render.site_values import with_site_values
from helpcenter.render.structured_data import SiteAddress

# What would make a title or summary more than plain text in Markdown: emphasis, code, links, HTML.
_ATX_HEADING = re.compile(r" {0,3}#{1,6}(?:[ \t]|$)")
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_\[\]<>])")


@dataclass(frozen=True)
class EntryText:
    """One entry, its Markdown resolved for reading outside the site."""

    entry: Entry
    category: Category
    address: str
    """The entry's page."""
    copy_address: str | None
    """Its Markdown copy, or None when copies are not published."""
    answer: str
    steps: tuple[str, ...]

    @property
    def link(self) -> str:
        """Where a list of entries points: the Markdown copy if there is one, else the page."""
        return self.copy_address or self.address


def entry_texts(help_center: HelpCenter, address: SiteAddress, with_copies: bool = True) -> list[EntryText]:
    """Every entry of one language's help center, in its order (by category, then title), published at `address`."""
    address_of = site_addresses(address)
    resolve = link_resolver(help_center, address_of)
    root = address.file("")
    texts = []
    for entry in help_center.entries:
        page = address.page(entry.src_uri)

        def markdown(text: str, entry: Entry = entry, page: str = page) -> str:
            resolved = resolve_links(text, _beside(entry, page, address_of, resolve))
            return pictures_from_root(with_site_values(resolved, help_center.settings.contact), root)

        copy = address.file(markdown_copy_path(entry.src_uri, address.use_directory_urls)) if with_copies else None
        texts.append(EntryText(
            entry, help_center.category(entry.category), page, copy,
            markdown(entry.answer), tuple(markdown(step) for step in entry.steps),
        ))
    return texts


def site_addresses(address: SiteAddress) -> AddressOf:
    """A page's source as its address on the site, any other file under docs/ at its own path."""
    return lambda path: address.page(path) if path.endswith(".md") else address.file(path)


def _beside(
    entry: Entry, page: str, address_of: AddressOf, resolve: Callable[[LinkTarget], str]
) -> Callable[[LinkTarget], str]:
    """Targets a page leaves relative (`#anchor`, `../assets/x.png`) made addresses too: a copy is read elsewhere."""

    def resolve_beside(link: LinkTarget) -> str:
        if not link.scheme and link.target.startswith("#"):
            return page + link.target
        if not link.scheme and link.target.startswith("../"):
            return address_of(posixpath.normpath(posixpath.join(posixpath.dirname(entry.src_uri), link.target)))
        return resolve(link)

    return resolve_beside


def markdown_copy(text: EntryText) -> str:
    """The Markdown file published beside an entry's page."""
    return entry_markdown(text, level=1) + "\n"


def entry_markdown(text: EntryText, level: int) -> str:
    """An entry's title as a heading of `level`, its summary, answer, steps and video, as Markdown."""
    entry = text.entry
    heading = "#" * level
    answer = shifted_headings(text.answer.strip("\n"), level - 1)
    parts = [f"{heading} {inline_text(entry.title)}", f"> {inline_text(entry.summary)}", answer]
    if text.steps:
        steps = "\n".join(f"1.  {indent_block(step.strip(chr(10)))}" for step in text.steps)
        parts.append(f"{heading}# Steps\n\n{steps}")
    if entry.video is not None:
        parts.append(f"Video: [{inline_text(entry.video.title)}]({entry.video.url})")
    return "\n\n".join(parts)


def shifted_headings(markdown: str, by: int) -> str:
    """`markdown` with each heading `by` levels deeper (at most six), so that an answer's own headings stay
    under the entry's title wherever it is placed; code blocks are left as they are."""
    if by <= 0:
        return markdown
    lines = markdown.split("\n")
    fence = ""
    for number, line in enumerate(lines):
        stripped = line.lstrip(" ")
        if fence:
            if stripped.startswith(fence):
                fence = ""
        elif stripped.startswith(("```", "~~~")):
            fence = stripped[:3]
        elif _ATX_HEADING.match(line):
            hashes = len(stripped) - len(stripped.lstrip("#"))
            lines[number] = line.replace("#" * hashes, "#" * min(hashes + by, 6), 1)
    return "\n".join(lines)


def inline_text(text: str) -> str:
    """Plain text on one line, its Markdown punctuation escaped so that it reads as written."""
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", " ".join(text.split()))
