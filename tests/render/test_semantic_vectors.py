"""The semantic search mode's encoder and vector files: the ONNX graph written from the packaged weights
puts paraphrases near each other, and the vector chunks hold every entry's vectors in order."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from helpcenter.render.search_index import SearchEntry
from helpcenter.render.semantic_encoder import Encoder
from helpcenter.render.semantic_model import model_folder, quantised_model
from helpcenter.render.semantic_vectors import VECTOR_CHUNK, entry_texts, quantised, vector_files


@pytest.fixture(scope="module")
def encoder(tmp_path_factory: pytest.TempPathFactory) -> Encoder:
    model = quantised_model(tmp_path_factory.mktemp("cache"))
    return Encoder(model, model_folder() / "tokenizer.json")


def cosine(vectors: np.ndarray, a: int, b: int) -> float:
    return float(vectors[a] @ vectors[b])


def test_paraphrases_are_nearer_than_unrelated_texts(encoder: Encoder) -> None:
    vectors = encoder.encode([
        "I forgot my password", "I cannot remember the secret word I log in with",
        "Where do I find my invoices?", "How do I get a PDF of last month's bill?",
        "What is the weather like in Paris tomorrow?",
    ])
    assert vectors.shape == (5, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert cosine(vectors, 0, 1) > cosine(vectors, 0, 2) + 0.2
    assert cosine(vectors, 2, 3) > cosine(vectors, 2, 1) + 0.2
    assert max(cosine(vectors, 4, other) for other in range(4)) < 0.2


def test_a_text_gets_the_same_vector_alone_as_beside_longer_ones(encoder: Encoder) -> None:
    """The browser embeds a query alone; an entry's text gets the same vector whatever is encoded with it."""
    texts = ["close my account", "a much longer sentence, padded to the length of the longest in its batch " * 3]
    batch = encoder.encode(texts)
    alone = encoder.encode(texts[:1])
    assert np.allclose(batch[0], alone[0], atol=1e-6)


def test_the_cached_model_is_reused(tmp_path: Path) -> None:
    first = quantised_model(tmp_path)
    written = first.stat().st_mtime_ns
    assert quantised_model(tmp_path) == first and first.stat().st_mtime_ns == written
    assert [path.name for path in tmp_path.iterdir()] == [first.name]


def entry(number: int, phrasings: int) -> SearchEntry:
    return SearchEntry(f"e{number}/", f"Title {number}", "Summary.", "Answer.", ("tag a", "tag b"),
                       tuple(f"phrasing {number}.{n}" for n in range(phrasings)))


def test_vector_chunks_list_each_entrys_count_then_its_vectors() -> None:
    entries = [entry(number, number % 3) for number in range(VECTOR_CHUNK + 3)]
    encoded: list[str] = []

    def encode(texts: list[str]) -> np.ndarray:
        encoded.extend(texts)
        return np.array([[float(len(encoded) - len(texts) + at + 1), -1.0] for at in range(len(texts))])

    files = vector_files(entries, encode)
    assert list(files) == ["vectors-0.bin", "vectors-1.bin"]
    assert encoded[:2] == ["Title 0 Summary. tag a, tag b", "Title 1 Summary. tag a, tag b"]
    assert encoded[2] == "phrasing 1.0"
    first = files["vectors-0.bin"]
    counts = list(first[:VECTOR_CHUNK])
    assert counts == [len(entry_texts(item)) for item in entries[:VECTOR_CHUNK]]
    rows = np.frombuffer(first[VECTOR_CHUNK:], dtype=np.int8).reshape(-1, 2)
    assert len(rows) == sum(counts)
    # Each row scaled to its own largest component: [1, -1] -> [127, -127], [2, -1] -> [127, -64].
    assert rows[0].tolist() == [127, -127] and rows[1].tolist() == [127, -64]
    second = files["vectors-1.bin"]
    assert list(second[:3]) == [len(entry_texts(item)) for item in entries[VECTOR_CHUNK:]]
    assert len(second) == 3 + 2 * sum(second[:3])


def test_quantised_rows_keep_their_direction() -> None:
    vectors = np.random.default_rng(1).normal(size=(20, 384)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    rows = np.frombuffer(quantised(vectors), dtype=np.int8).reshape(20, 384).astype(np.float32)
    rows /= np.linalg.norm(rows, axis=1, keepdims=True)
    assert np.min(np.sum(rows * vectors, axis=1)) > 0.999
