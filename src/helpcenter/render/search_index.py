"""The site search's index of one language's entries, as the files the search worker fetches.

Ranking is BM25 over an entry's fields: its title, summary, answer, tags, and each `also_asked`
phrasing as a field of its own (the nearest phrasing counts, not the sum of all of them). The index
keeps, for every term, the entries and fields that hold it and the term's BM25 weight there (its
count against the field's length); the worker adds each term's rarity and the field weights.

A first search downloads `meta.json` (the terms, the ranking settings) and only the parts it needs:
the posting shards of the terms searched (terms are sorted, and each shard holds a run of them) and
the detail chunks (address, title, summary) of the entries it shows.
"""

from __future__ import annotations

import functools
import html
import json
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from helpcenter.load.spec import INTERFACE_TEXTS
from helpcenter.render.search_words import analyzer

FORMAT = 1
K1 = 1.2
B = 0.75
WEIGHT_STEPS = 8
"""A term's BM25 weight in a field is stored as a whole number of eighths."""
SHARD_BYTES = 24_000
"""About the size of one posting shard, before compression."""
CHUNK_ENTRIES = 64
"""Entries per detail chunk."""

TITLE, SUMMARY, ANSWER, TAGS, PHRASING = range(5)
"""Field codes in the postings; phrasing number n of an entry is PHRASING + n."""

# Chosen on the train queries of the CLINC150 help center (benchmarks/search/), never its test queries.
RANKING = {
    "weights": {"title": 2.0, "summary": 0.5, "answer": 0.6, "tags": 2.5, "phrasing": 1.5},
    "exact": 1.0,
    "prefix": 0.2,
    "typo": 0.2,
    "noAnswerBelow": 0.111,
}
NO_ANSWER_WORDS = {"message": "no_answer", "contact_text": "ask_directly", "closest": "closest_topics"}
"""The "no answer" notice's words by the key the search worker reads, each an `INTERFACE_TEXTS` key."""


@dataclass(frozen=True)
class SearchEntry:
    """What search knows of an entry: its address (relative to the site's root) and its texts."""

    url: str
    title: str
    summary: str
    answer: str
    tags: tuple[str, ...] = ()
    also_asked: tuple[str, ...] = ()


def _field_texts(entry: SearchEntry) -> list[str]:
    return [entry.title, entry.summary, entry.answer, " ".join(entry.tags), *entry.also_asked]


@functools.lru_cache(maxsize=100_000)
def _bm25_weight(count: int, length: int, average: float) -> int:
    weight = count * (K1 + 1) / (count + K1 * (1 - B + B * length / average))
    return max(1, round(weight * WEIGHT_STEPS))


def _postings(entries: Sequence[SearchEntry], language: str) -> dict[str, list[int]]:
    """Each term's postings: entry number (as a gap from the previous one), field code, weight."""
    analyze = analyzer(language).terms
    fields = [[analyze(text) for text in _field_texts(entry)] for entry in entries]
    totals = [0.0] * (PHRASING + 1)
    counts = [0] * (PHRASING + 1)
    for entry_fields in fields:
        for code, terms in enumerate(entry_fields):
            kind = min(code, PHRASING)
            totals[kind] += len(terms)
            counts[kind] += 1
    averages = [total / count if count and total else 1.0 for total, count in zip(totals, counts, strict=True)]
    postings: dict[str, list[int]] = {}
    last_entry: dict[str, int] = {}
    for number, entry_fields in enumerate(fields):
        for code, terms in enumerate(entry_fields):
            for term, count in sorted(Counter(terms).items()):
                weight = _bm25_weight(count, len(terms), averages[min(code, PHRASING)])
                gap = number - last_entry.get(term, 0)
                last_entry[term] = number
                postings.setdefault(term, []).extend((gap, code, weight))
    return postings


def _shards(postings: dict[str, list[int]]) -> list[dict[str, list[int]]]:
    shards: list[dict[str, list[int]]] = [{}]
    size = 0
    for term in sorted(postings):
        if size > SHARD_BYTES:
            shards.append({})
            size = 0
        shards[-1][term] = postings[term]
        size += len(term) + 4 * len(postings[term])
    return shards


def _details(entry: SearchEntry) -> list[str]:
    # Material's result list inserts titles and summaries as HTML.
    return [entry.url, html.escape(entry.title, quote=True), html.escape(entry.summary, quote=True)]


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def search_index_files(
    entries: Sequence[SearchEntry], language: str, contact_url: str, texts: Mapping[str, str] = INTERFACE_TEXTS,
    semantic: dict[str, object] | None = None,
) -> dict[str, str]:
    """The files of one language's search index, by name: `meta.json`, `shard-N.json`, `entries-N.json`.

    `contact_url` is where the result list sends a customer whose question no entry answers; `texts` are the
    site's own words in the index's language, the "no answer" notice's among them; `semantic`, the semantic
    mode's settings, when it re-ranks this language's results.
    """
    postings = _postings(entries, language)
    shards = _shards(postings)
    words = analyzer(language)
    meta = {
        "format": FORMAT,
        "language": language,
        "stemmer": words.algorithm,
        "stopWords": sorted(words.stop_words),
        "entries": len(entries),
        "chunk": CHUNK_ENTRIES,
        "weightSteps": WEIGHT_STEPS,
        "k1": K1,
        "ranking": RANKING,
        "shards": [next(iter(shard), "") for shard in shards],
        "terms": " ".join(sorted(postings)),
        "noAnswer": {"contact": contact_url, **{name: texts[key] for name, key in NO_ANSWER_WORDS.items()}},
    }
    if semantic is not None:
        meta["semantic"] = semantic
    files = {"meta.json": _json(meta)}
    for number, shard in enumerate(shards):
        files[f"shard-{number}.json"] = _json(shard)
    for start in range(0, len(entries), CHUNK_ENTRIES):
        chunk = [_details(entry) for entry in entries[start:start + CHUNK_ENTRIES]]
        files[f"entries-{start // CHUNK_ENTRIES}.json"] = _json(chunk)
    return files
