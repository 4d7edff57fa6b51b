"""The pictures of imported articles: found in a folder beside the export, copied under docs/assets/imported/."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

PICTURES_FOLDER = "assets/imported"
_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg")
_UNSAFE = re.compile(r"[^a-z0-9_.-]+")


class PictureFinder:
    """Finds each picture's file by its address's path under the folder, or else by its file name."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.copies: dict[str, Path] = {}
        self._by_name: dict[str, list[Path]] = {}
        if folder is not None and folder.is_dir():
            for path in sorted(folder.rglob("*")):
                if path.is_file() and path.suffix.lower() in _SUFFIXES:
                    self._by_name.setdefault(path.name.lower(), []).append(path)

    def place(self, src: str) -> str | None:
        """The picture's path under docs/ once copied, or None when the folder does not hold it."""
        source = self._find(src)
        if source is None:
            return None
        for placed, path in self.copies.items():
            if path == source:
                return placed
        stem, suffix = _safe_name(source)
        name, number = f"{stem}{suffix}", 1
        while f"{PICTURES_FOLDER}/{name}" in self.copies:
            number += 1
            name = f"{stem}-{number}{suffix}"
        placed = f"{PICTURES_FOLDER}/{name}"
        self.copies[placed] = source
        return placed

    def _find(self, src: str) -> Path | None:
        if self.folder is None:
            return None
        path = unquote(urlsplit(src).path).lstrip("/")
        if path and ".." not in path.split("/"):
            exact = self.folder / path
            if exact.is_file() and exact.suffix.lower() in _SUFFIXES:
                return exact
        candidates = self._by_name.get(path.rsplit("/", 1)[-1].lower(), [])
        return candidates[0] if len(candidates) == 1 else None


def _safe_name(path: Path) -> tuple[str, str]:
    stem = _UNSAFE.sub("-", path.stem.lower()).strip("-.") or "picture"
    return stem, path.suffix.lower().replace(".jpeg", ".jpg")
