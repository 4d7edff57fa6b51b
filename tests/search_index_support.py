"""Reading a built search index back as the search worker reads it, for the tests."""

from __future__ import annotations

import json
from pathlib import Path


def index_files(folder: Path) -> dict[str, str]:
    """The files of one language's index folder (`site/search/en`), by name."""
    return {path.name: path.read_text(encoding="utf-8") for path in folder.iterdir()}


def postings(files: dict[str, str], term: str) -> list[tuple[int, int, int]]:
    """(entry number, field code, weight) of a term, found as the worker finds it: by the shards' first terms."""
    meta = json.loads(files["meta.json"])
    shard = max(number for number, first in enumerate(meta["shards"]) if first <= term)
    flat = json.loads(files[f"shard-{shard}.json"]).get(term, [])
    found, entry = [], 0
    for at in range(0, len(flat), 3):
        entry += flat[at]
        found.append((entry, flat[at + 1], flat[at + 2]))
    return found
