"""What `semantic_search: true` adds to a build, that the site is unchanged without it, and the one-line
refusals when its packages or its browser runtime are missing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from conftest import ROOT, copy_project, run_build
from helpcenter.plugin import semantic_search
from helpcenter.render import semantic_encoder
from helpcenter.render.semantic_vectors import VECTOR_CHUNK
from synthetic import with_semantic_search, without_ledger

RUNTIME = {"helpcenter-semantic.mjs", "ort.wasm.min.mjs", "ort-wasm-simd-threaded.mjs", "ort-wasm-simd-threaded.wasm",
           "tokenizers.min.mjs", "model.onnx", "tokenizer.json", "tokenizer_config.json"}


def files(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def built(project: Path) -> Path:
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_the_mode_writes_the_model_runtime_and_vectors(tmp_path: Path) -> None:
    project = with_semantic_search(without_ledger(copy_project(tmp_path / "project")), ROOT)
    site = built(project)
    assert {path.name for path in (site / "search" / "semantic").iterdir()} == RUNTIME
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
