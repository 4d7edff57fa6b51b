"""What `semantic_search: true` adds to a build, that the site is unchanged without it, and the one-line
refusals when its packages or its browser runtime are missing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from conftest import ROOT, copy_project, run_build
from helpcenter.plugin import semantic_search
from helpcenter.render import semantic_cache, semantic_encoder
from helpcenter.render.semantic_vectors import VECTOR_CHUNK
from synthetic import with_semantic_search, without_ledger

RUNTIME = {"helpcenter-semantic.mjs", "ort.wasm.min.mjs", "ort-wasm-simd-threaded.mjs", "ort-wasm-simd-threaded.wasm",
           "tokenizers.min.mjs", "model.onnx", "tokenizer.json", "tokenizer_config.json"}
LICENCES = {"LICENSE.onnxruntime-web.txt", "LICENSE.onnxruntime-web-third-party-notices.txt", "LICENSE.tokenizers.txt",
            "LICENSE.all-MiniLM-L6-v2.txt", "README.all-MiniLM-L6-v2.md"}


def files(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def built(project: Path) -> Path:
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_the_mode_writes_the_model_runtime_and_vectors(tmp_path: Path) -> None:
    project = with_semantic_search(without_ledger(copy_project(tmp_path / "project")), ROOT)
    site = built(project)
    folder = site / "search" / "semantic"
    assert {path.name for path in folder.iterdir()} == RUNTIME | LICENCES
    assert "Permission is hereby granted" in (folder / "LICENSE.onnxruntime-web.txt").read_text(encoding="utf-8")
    assert "Apache License" in (folder / "LICENSE.tokenizers.txt").read_text(encoding="utf-8")
    assert "Apache License" in (folder / "LICENSE.all-MiniLM-L6-v2.txt").read_text(encoding="utf-8")
    assert "license: apache-2.0" in (folder / "README.all-MiniLM-L6-v2.md").read_text(encoding="utf-8")
    meta = json.loads((site / "search" / "en" / "meta.json").read_text(encoding="utf-8"))
    assert meta["semantic"]["runtime"] == "../semantic/" and meta["semantic"]["dimensions"] == 384
    vectors = sorted((site / "search" / "en").glob("vectors-*.bin"))
    assert len(vectors) == -(-meta["entries"] // VECTOR_CHUNK)
    counts = vectors[0].read_bytes()[:meta["entries"]]
    # Each fixture entry: one vector for its title, summary and tags, one per phrasing.
    assert min(counts) >= 1 and len(vectors[0].read_bytes()) == meta["entries"] + 384 * sum(counts)


def test_the_site_is_unchanged_with_the_mode_off(tmp_path: Path) -> None:
    default = built(without_ledger(copy_project(tmp_path / "default")))
    off = without_ledger(copy_project(tmp_path / "off"))
    config = off / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("      ledger: ''\n",
                                                                  "      ledger: ''\n      semantic_search: false\n"))
    default_files, off_files = files(default), files(built(off))
    assert default_files == off_files
    assert not [name for name in default_files if "semantic" in name or name.endswith(".bin")]
    assert "semantic" not in json.loads(default_files["search/en/meta.json"])


def test_a_missing_runtime_is_refused_in_one_line(tmp_path: Path) -> None:
    project = with_semantic_search(without_ledger(copy_project(tmp_path / "project")), ROOT)
    (project / "node_modules").unlink()
    result = run_build(project)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if "semantic_search" in line]
    assert len(errors) == 1 and "run `npm ci`" in errors[0], result.stderr
    assert not (project / "site").exists()


def test_missing_packages_are_named_in_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(semantic_encoder, "REQUIRED", ("onnxruntime", "no_such_package_for_this_test"))
    with pytest.raises(PluginError) as refused:
        semantic_search.refuse_without_packages()
    message = str(refused.value)
    assert "\n" not in message
    assert "no_such_package_for_this_test is not installed" in message and "make semantic-deps" in message
    assert "onnxruntime" not in message.split(" is not installed")[0].split("but ")[1]


def test_languages_the_model_does_not_serve_get_no_vectors() -> None:
    assert semantic_search.serves("en") and semantic_search.serves("en-GB")
    assert not semantic_search.serves("de") and not semantic_search.serves("he")


def own_cache(project: Path) -> Path:
    """The project's own vector cache folder, with the shared encoder file(s) linked into it."""
    folder = project / ".cache" / "helpcenter"
    shared = folder.resolve()
    folder.unlink()
    folder.mkdir()
    for model in shared.glob("*.onnx"):
        (folder / model.name).symlink_to(model)
    return folder


def test_the_vector_cache_gives_the_files_a_fresh_build_gives(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = with_semantic_search(without_ledger(copy_project(tmp_path / "project")), ROOT)
    cache = own_cache(project)
    monkeypatch.setenv(semantic_cache.SWITCH, "off")
    fresh = files(built(project))
    assert not list(cache.glob("vectors-*"))
    monkeypatch.delenv(semantic_cache.SWITCH)
    first = files(built(project))
    stored = list(cache.glob("vectors-*.npz"))
    assert len(stored) == 1
    rebuilt = files(built(project))
    assert fresh == first == rebuilt
    # A damaged cache file counts as empty: the build embeds again, and the files are the same.
    stored[0].write_bytes(stored[0].read_bytes()[:1000])
    result = run_build(project)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert files(project / "site") == fresh


def test_a_rebuild_embeds_only_new_or_changed_texts(tmp_path: Path) -> None:
    import numpy as np

    calls: list[list[str]] = []

    def encode(texts: list[str]) -> np.ndarray:
        calls.append(texts)
        return np.array([[len(text), 1.0] for text in texts], dtype=np.float32)

    model = tmp_path / "model.onnx"
    model.write_bytes(b"one model")
    first = semantic_cache.VectorCache(tmp_path, model, 2).encode(["a", "bb", "a"], encode)
    again = semantic_cache.VectorCache(tmp_path, model, 2).encode(["bb", "ccc"], encode)
    assert calls == [["a", "bb"], ["ccc"]]
    assert first.tolist() == [[1, 1], [2, 1], [1, 1]] and again.tolist() == [[2, 1], [3, 1]]
    model.write_bytes(b"another model")
    semantic_cache.VectorCache(tmp_path, model, 2).encode(["bb"], encode)
    assert calls[-1] == ["bb"]
