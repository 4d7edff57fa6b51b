"""The semantic search mode's cache of text vectors: a rebuild embeds only the texts it has not seen.

One file per encoder, `vectors-MODEL.npz` in the cache folder, MODEL the hash of the ONNX file's bytes,
holding the SHA-256 of each text and its float vector exactly as the encoder gave it, so a cached
vector is the one a fresh run would give. It keeps at most `MOST_VECTORS` texts, those of the latest
build first. A file that cannot be read as such (cut short, altered, another format) counts as empty
and is written anew; `HELPCENTER_VECTOR_CACHE=off` turns the cache off.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

SWITCH = "HELPCENTER_VECTOR_CACHE"
MOST_VECTORS = 100_000
"""At 384 float32 components a vector, some 150 MB at most."""


def enabled() -> bool:
    """Whether builds use the cache: unless `HELPCENTER_VECTOR_CACHE=off`."""
    return os.environ.get(SWITCH, "").strip().lower() not in {"off", "0", "false", "no"}


def _digest(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8")).digest()


def file_hash(path: Path) -> str:
    """The first 16 hex digits of the SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    with path.open("rb") as read:
        for block in iter(lambda: read.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()[:16]


class VectorCache:
    """The cached vectors of one encoder, read once, written back after each use."""

    def __init__(self, folder: Path, model: Path, dimensions: int) -> None:
        self.path = folder / f"vectors-{file_hash(model)}.npz"
        self.dimensions = dimensions
        self.known: dict[bytes, Any] = self._read()

    def _read(self) -> dict[bytes, Any]:
        import numpy as np

        if not self.path.is_file():
            return {}
        try:
            with np.load(self.path, allow_pickle=False) as stored:
                keys, rows = stored["keys"], stored["rows"]
            if keys.dtype != np.dtype("S32") or rows.dtype != np.float32 or rows.shape != (len(keys), self.dimensions):
                return {}
            return {bytes(key): row for key, row in zip(keys, rows, strict=True)}
        except Exception:  # Whatever a damaged file raises, its texts are embedded again.
            return {}

    def _write(self, first: list[bytes]) -> None:
        import numpy as np

        order = list(dict.fromkeys([*first, *self.known]))[:MOST_VECTORS]
        keys = np.array(order, dtype="S32")
        rows = np.stack([self.known[key] for key in order]) if order else np.zeros((0, self.dimensions), np.float32)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=self.path.parent, suffix=".npz", delete=False) as out:
            np.savez(out, keys=keys, rows=rows.astype(np.float32))
        os.replace(out.name, self.path)

    def encode(self, texts: list[str], encode: Callable[[list[str]], Any]) -> Any:
        """The vectors of `texts` (one row each): cached ones as stored, the others from `encode`, then kept."""
        import numpy as np

        keys = [_digest(text) for text in texts]
        missing = list(dict.fromkeys(key for key in keys if key not in self.known))
        if missing:
            text_of = dict(zip(keys, texts, strict=True))
            for key, row in zip(missing, encode([text_of[key] for key in missing]), strict=True):
                self.known[key] = np.asarray(row, dtype=np.float32)
        rows = np.stack([self.known[key] for key in keys]) if keys else np.zeros((0, self.dimensions), np.float32)
        # A cache that cannot be written only costs the next build its time.
        with contextlib.suppress(OSError):
            self._write(keys)
        return rows
