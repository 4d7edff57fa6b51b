"""What an entry gives the site search besides its text: its tags and the customers' own phrasings."""

from __future__ import annotations

from helpcenter.model import Entry


def search_keywords(entry: Entry) -> list[str]:
    """The entry's tags, then its `also_asked` phrasings, without repeats.

    They become the page's `tags` front matter, which Material's search indexes in its own field
    with a far larger boost than the body text, on every section of the page: a customer's own
    words put the entry first.
    """
    keywords: list[str] = []
    seen: set[str] = set()
    for keyword in (*entry.tags, *entry.also_asked):
        key = " ".join(keyword.casefold().split())
        if key and key not in seen:
            seen.add(key)
            keywords.append(keyword)
    return keywords
