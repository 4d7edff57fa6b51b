"""The entries' sentence vectors of the semantic search mode, as the files the search worker fetches.

An entry has one vector for its title, summary and tags, and one for each `also_asked` phrasing; the
search scores it by the nearest of them. Vectors are stored as int8, each scaled to its own largest
component (the browser compares directions, so no scale is kept), in files of `VECTOR_CHUNK`
entries, all fetched on the first search (the query is compared with every entry's vectors):
`vectors-N.bin` starts with one byte per entry of the file (how many vectors it has), then the
vectors, 384 bytes each, in entry order.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from helpcenter.render.search_index import SearchEntry

VECTOR_CHUNK = 2500
"""Entries per vector file: one file up to 2,500 entries, a few fetched side by side beyond."""
MOST_VECTORS = 255

# Chosen by scripts/search-semantic-tune on the train queries of the CLINC150 help center (benchmarks/search/),
# never its test queries: BM25's best `candidates` entries and the `nearest` entries by cosine (over every
# entry's vectors) are ranked by (1 - alpha) * BM25 / best BM25 + alpha * cosine; the "no answer" notice shows
# when the best entry's cosine is below `noAnswerBelow` (in place of BM25's own threshold).
SEMANTIC_RANKING = {"candidates": 5, "nearest": 10, "alpha": 0.85, "noAnswerBelow": 0.247}


def entry_texts(entry: SearchEntry) -> list[str]:
    """The texts of an entry that get a vector: title, summary and tags together, then each phrasing."""
    main = f"{entry.title} {entry.summary} {', '.join(entry.tags)}".strip()
    return [main, *entry.also_asked][:MOST_VECTORS]


def quantised(vectors: Any) -> bytes:
    """Rows of float vectors as int8 rows, each scaled so that its largest component is 127."""
    import numpy as np

    largest = np.abs(vectors).max(axis=1, keepdims=True)
    largest[largest == 0] = 1.0
    return bytes(np.round(vectors / largest * 127).astype(np.int8).tobytes())


def vector_files(entries: Sequence[SearchEntry], encode: Callable[[list[str]], Any]) -> dict[str, bytes]:
    """The vector files of `entries`, by name; `encode` turns texts into unit vectors (one row each)."""
    texts = [entry_texts(entry) for entry in entries]
    flat = [text for entry in texts for text in entry]
    rows = quantised(encode(flat)) if flat else b""
    width = len(rows) // len(flat) if flat else 0
    files = {}
    at = 0
    for start in range(0, len(entries), VECTOR_CHUNK):
        counts = [len(entry) for entry in texts[start:start + VECTOR_CHUNK]]
        end = at + sum(counts) * width
        files[f"vectors-{start // VECTOR_CHUNK}.bin"] = bytes(counts) + rows[at:end]
        at = end
    return files


def semantic_settings(model_path: str, dimensions: int) -> dict[str, Any]:
    """What the search worker's meta.json says of the mode: where the runtime and model are, and the ranking."""
    return {"runtime": model_path, "dimensions": dimensions, "chunk": VECTOR_CHUNK, "ranking": SEMANTIC_RANKING}
