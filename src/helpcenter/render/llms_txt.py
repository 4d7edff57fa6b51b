"""`llms.txt` and `llms-full.txt`: the help center for language models, after the llms.txt convention.

`llms.txt` is the site's name as a heading, a one-paragraph summary in a quote, then for each
category a second-level heading and a list of its entries, each a link with its summary.
`llms-full.txt` holds every entry's question, summary, answer and steps in full, grouped the same way.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import groupby

from helpcenter.model import Category
from helpcenter.render.markdown_copies import EntryText, entry_markdown, inline_text

LLMS_TXT = "llms.txt"
LLMS_FULL_TXT = "llms-full.txt"


def llms_txt(site_name: str, summary: str, texts: Sequence[EntryText], also: Sequence[tuple[str, str]] = ()) -> str:
    """The list of every entry by category; `also` names other files for machines, as (name, address) pairs."""
    parts = [_heading(site_name, summary)]
    if also:
        parts.append("Also published for machines: " + ", ".join(f"[{name}]({url})" for name, url in also) + ".")
    for category, entries in _by_category(texts):
        items = "\n".join(
            f"- [{inline_text(text.entry.title)}]({text.link}): {inline_text(text.entry.summary)}" for text in entries
        )
        parts.append(f"## {inline_text(category.title)}\n\n{items}")
    return "\n\n".join(parts) + "\n"


def llms_full_txt(site_name: str, summary: str, texts: Sequence[EntryText]) -> Iterator[str]:
    """Every entry in full, by category: its question as a heading, its address, summary, answer and steps.

    The text comes in pieces, one per entry, to be written as it comes: the whole is the size of the help center.
    """
    yield _heading(site_name, summary) + "\n"
    for category, entries in _by_category(texts):
        yield f"\n## {inline_text(category.title)}\n"
        for text in entries:
            heading, _, rest = entry_markdown(text, level=3).partition("\n\n")
            yield f"\n{heading}\n\nAddress: {text.address}\n\n{rest}\n"


def _heading(site_name: str, summary: str) -> str:
    heading = f"# {inline_text(site_name)}"
    return f"{heading}\n\n> {inline_text(summary)}" if summary.strip() else heading


def _by_category(texts: Sequence[EntryText]) -> Iterator[tuple[Category, list[EntryText]]]:
    """The entries of each category in turn; entries come sorted by category, as the help center holds them."""
    for _, group in groupby(texts, key=lambda text: text.category.id):
        entries = list(group)
        yield entries[0].category, entries
