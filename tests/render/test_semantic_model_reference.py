"""The int8 ONNX encoder written from the packaged weights against the model as sentence-transformers runs
it: the same sentences give vectors at a cosine of at least 0.99. sentence-transformers (and torch) live
in `.venv-bench` only (`make bench-baselines`); without it this check is skipped."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import numpy as np
import pytest

from conftest import ROOT
from helpcenter.render.semantic_encoder import Encoder
from helpcenter.render.semantic_model import model_folder, quantised_model

BENCH_PYTHON = ROOT / ".venv-bench" / "bin" / "python"
SENTENCES = [
    "I forgot my password", "How do I reset my password?", "My card was stolen yesterday",
    "report a lost card", "Where can I find my invoices?", "download last month's bill as a PDF",
    "what is the exchange rate for euros", "can I pay my rent with a credit card",
    "I still have not received my new card, I ordered over a week ago", "cancel my subscription",
    "how do I close my account", "change the e-mail address of my account", "set up direct deposit",
    "my transfer did not go through", "why was my transaction declined", "book a flight to Boston",
    "what's the weather tomorrow", "how much vacation time do I have left", "when is my next payday",
    "my car needs an oil change", "how long does it take to get to work", "set a timer for ten minutes",
    "tell me a joke", "what is the meaning of life", "Wie setze ich mein Passwort zurück?",
    "I can't log in", "what's my PIN", "the app keeps crashing on my phone", "freeze my card",
    "How do I change my profile picture?", "a much longer question that goes on and on about a problem with "
    "a payment that was taken twice from my account last Tuesday, and nobody has answered my e-mails since",
    "Lost card", "PIN",
]
REFERENCE = """
import json, os, sys
os.environ["HF_HUB_OFFLINE"] = "1"
from sentence_transformers import SentenceTransformer
model = SentenceTransformer(sys.argv[1], device="cpu")
print(json.dumps(model.encode(json.loads(sys.stdin.read()), normalize_embeddings=True).tolist()))
"""


@pytest.mark.skipif(not BENCH_PYTHON.is_file(), reason=".venv-bench (make bench-baselines) is not there")
def test_the_int8_onnx_encoder_agrees_with_sentence_transformers(tmp_path: Path) -> None:
    result = subprocess.run([str(BENCH_PYTHON), "-c", REFERENCE, str(model_folder())], input=json.dumps(SENTENCES),
                            capture_output=True, text=True, check=True, timeout=600,
                            env={**os.environ, "HF_HUB_OFFLINE": "1", "TOKENIZERS_PARALLELISM": "false"})
    reference = np.array(json.loads(result.stdout), dtype=np.float32)
    ours = Encoder(quantised_model(tmp_path), model_folder() / "tokenizer.json").encode(SENTENCES)
    agreement = np.sum(reference * ours, axis=1)
    worst = int(np.argmin(agreement))
    assert agreement[worst] >= 0.99, f"{SENTENCES[worst]!r}: cosine {agreement[worst]:.4f}"
