"""Search without a browser: the customers' phrasings in search_cases.yml cover every entry, and the built
search index holds each entry's tags and phrasings and nothing else (tests/browser/test_search.py types the
same phrasings into the site's search box)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import yaml

from conftest import FIXTURE
from helpcenter.load.help_center import load_help_center

HELP_CENTER = load_help_center(FIXTURE / "faq_data", FIXTURE)
CASES: list[dict[str, str]] = yaml.safe_load((FIXTURE / "search_cases.yml").read_text(encoding="utf-8"))


def test_the_cases_cover_every_entry_in_customers_words() -> None:
    assert len(CASES) >= 40
    assert all(set(case) == {"query", "entry"} for case in CASES), "each case has exactly a query and an entry"
    per_entry = Counter(case["entry"] for case in CASES)
    assert set(per_entry) == {entry.id for entry in HELP_CENTER.entries}
    assert min(per_entry.values()) >= 10
    queries = [case["query"].casefold() for case in CASES]
    assert len(set(queries)) == len(queries), "a query is listed twice"
    titles = {entry.title.casefold() for entry in HELP_CENTER.entries}
    assert not titles & set(queries), "queries are customers' words, not the entries' titles"



def test_every_entry_gives_search_its_tags_and_phrasings_and_nothing_else_is_searched(built_site: Path) -> None:
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    entry_urls = {entry.url for entry in HELP_CENTER.entries}
    assert {doc["location"].split("#")[0] for doc in index["docs"]} == entry_urls, "home, categories, contact excluded"
    assert index["config"]["fields"]["tags"]["boost"] > 100 * index["config"]["fields"]["title"]["boost"]
    for entry in HELP_CENTER.entries:
        for doc in (doc for doc in index["docs"] if doc["location"].split("#")[0] == entry.url):
            assert set(entry.tags) | set(entry.also_asked) <= set(doc["tags"]), doc["location"]
            assert "Related questions" not in doc["title"] and "Still need help" not in doc["text"]
