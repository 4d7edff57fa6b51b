"""The site search's index: what the build writes for each entry, read back as the search worker reads it
(tests/browser/test_search.py types the customers' phrasings of search_cases.yml into the built site)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
import yaml

from conftest import FIXTURE
from helpcenter.load.help_center import load_help_center
from helpcenter.render.search_index import (
    ANSWER,
    CHUNK_ENTRIES,
    PHRASING,
    SUMMARY,
    TAGS,
    TITLE,
    WEIGHT_STEPS,
    SearchEntry,
    search_index_files,
)
from helpcenter.render.search_words import analyzer, words
from search_index_support import index_files, postings

HELP_CENTER = load_help_center(FIXTURE / "faq_data", FIXTURE)
CASES: list[dict[str, str]] = yaml.safe_load((FIXTURE / "search_cases.yml").read_text(encoding="utf-8"))


def entry(number: int, **fields: object) -> SearchEntry:
    values: dict[str, object] = {"url": f"e{number}/", "title": "", "summary": "", "answer": ""}
    return SearchEntry(**{**values, **fields})  # type: ignore[arg-type]


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


def test_words_keep_contractions_whole_and_drop_single_letters() -> None:
    expected = ["cant", "log", "in", "what", "wrong", "dont", "know"]
    assert words("I can't log in, what's wrong? Don\u2019t know") == expected
    assert words("the customer's 2FA e-mail") == ["the", "customer", "2fa", "mail"]
    assert analyzer("en").terms("What's the password? I can't remember it") == ["password", "cant", "rememb"]


def test_each_field_is_indexed_under_its_own_code_and_each_phrasing_apart() -> None:
    files = search_index_files([
        entry(0, title="Change your password", tags=("login",)),
        entry(1, title="Login alerts", summary="We e-mail you", answer="Passwords are safe",
              also_asked=("Someone logged in", "Strange password e-mail")),
    ], "en", "mailto:help@example.com")
    assert postings(files, "password") == [
        (0, TITLE, postings(files, "password")[0][2]),
        (1, ANSWER, postings(files, "password")[1][2]),
        (1, PHRASING + 1, postings(files, "password")[2][2]),
    ]
    assert [(number, field) for number, field, _ in postings(files, "login")] == [(0, TAGS), (1, TITLE)]
    assert [(number, field) for number, field, _ in postings(files, "mail")] == [(1, SUMMARY), (1, PHRASING + 1)]
    assert [(number, field) for number, field, _ in postings(files, "log")] == [(1, PHRASING)]
    assert postings(files, "the") == [], "stop words are left out"


def test_a_word_weighs_more_in_a_short_field_and_saturates_when_repeated() -> None:
    files = search_index_files([
        entry(0, answer="card"),
        entry(1, answer="card " + "other words " * 20),
        entry(2, answer="card " * 30),
    ], "en", "")
    short, long, repeated = (weight for _, _, weight in postings(files, "card"))
    assert long < short < repeated <= round(2.2 * WEIGHT_STEPS)


def test_results_show_titles_and_summaries_as_inert_text_in_chunks() -> None:
    entries = [entry(number, title=f"Entry {number} <b>", summary="<img src=x onerror=alert(1)>")
               for number in range(CHUNK_ENTRIES + 1)]
    files = search_index_files(entries, "en", "mailto:help@example.com")
    first = json.loads(files["entries-0.json"])
    assert len(first) == CHUNK_ENTRIES
    assert first[3] == ["e3/", "Entry 3 &lt;b&gt;", "&lt;img src=x onerror=alert(1)&gt;"]
    assert json.loads(files["entries-1.json"])[0][0] == f"e{CHUNK_ENTRIES}/"
    meta = json.loads(files["meta.json"])
    assert meta["entries"] == CHUNK_ENTRIES + 1
    assert meta["noAnswer"]["contact"] == "mailto:help@example.com"


def test_terms_are_sorted_into_shards_each_holding_a_run_of_them() -> None:
    entries = [entry(number, answer=f"word{number} common") for number in range(3000)]
    files = search_index_files(entries, "en", "")
    meta = json.loads(files["meta.json"])
    terms = meta["terms"].split(" ")
    assert terms == sorted(terms)
    assert len(meta["shards"]) > 3
    held = [term for number in range(len(meta["shards"])) for term in json.loads(files[f"shard-{number}.json"])]
    assert held == terms
    assert meta["shards"] == [next(iter(json.loads(files[f"shard-{number}.json"])))
                              for number in range(len(meta["shards"]))]
    assert [number for number, _, _ in postings(files, "common")] == list(range(3000))
    assert [number for number, _, _ in postings(files, "word2999")] == [2999]


@pytest.mark.parametrize(("language", "text", "terms"), [
    ("en", "The cards were running", ["card", "run"]),
    ("de", "Die Karten", ["kart"]),
    ("xx", "The cards", ["the", "cards"]),
])
def test_each_language_stems_with_its_own_stemmer(language: str, text: str, terms: list[str]) -> None:
    assert analyzer(language).terms(text) == terms
    meta = json.loads(search_index_files([entry(0, title=text)], language, "")["meta.json"])
    assert meta["language"] == language
    assert meta["terms"].split(" ") == sorted(set(terms))


@pytest.mark.parametrize(("language", "text", "dropped"), [
    ("en", "How do I change my card", {"how", "do", "my"}),
    ("de", "Wie kann ich meine Karte sperren", {"wie", "kann", "ich", "meine"}),
    ("fr", "Comment puis-je changer mon mot de passe", {"je", "mon", "de"}),
    ("he", "איך אני משנה את הסיסמה שלי", {"איך", "אני", "את", "שלי"}),
])
def test_each_language_leaves_out_its_own_stop_words_and_hands_them_to_the_worker(
    language: str, text: str, dropped: set[str]
) -> None:
    stop_words = analyzer(language).stop_words
    assert dropped <= stop_words
    kept = [word for word in words(text) if word not in dropped]
    assert analyzer(language).terms(text) == [analyzer(language).stem(word) for word in kept]
    meta = json.loads(search_index_files([entry(0, title=text)], language, "")["meta.json"])
    assert meta["stopWords"] == sorted(stop_words)


def test_the_built_site_searches_every_entry_and_hands_material_no_pages(built_site: Path) -> None:
    material = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert material["docs"] == []
    assert material["config"]["helpcenter_index"] == "search/en/"
    folder = built_site / "search" / "en"
    details = json.loads((folder / "entries-0.json").read_text(encoding="utf-8"))
    assert [url for url, _, _ in details] == [entry.url for entry in HELP_CENTER.entries]
    files = index_files(folder)
    reset = [entry.id for entry in HELP_CENTER.entries].index("reset-2fa")
    assert (reset, TAGS) in [(number, field) for number, field, _ in postings(files, "passport")]
    # The answer's steps are searched with it: "signatur" is only in a step.
    assert (reset, ANSWER) in [(number, field) for number, field, _ in postings(files, "signatur")]
