"""The package's layout keeps its promises: stages in folders, MkDocs only in the plugin, small modules."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "src" / "helpcenter"
STAGES = ("load", "render", "plugin", "checks", "importing")


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _imported(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module.split(".")[0])
    return names


def test_only_the_plugin_imports_mkdocs_or_material() -> None:
    outside = [
        path.relative_to(PACKAGE).as_posix()
        for path in _modules()
        if "plugin" not in path.relative_to(PACKAGE).parts and _imported(path) & {"mkdocs", "material"}
    ]
    assert outside == []
    assert any(_imported(path) & {"mkdocs"} for path in (PACKAGE / "plugin").glob("*.py"))


def test_the_stages_do_not_reach_into_the_plugin() -> None:
    """load, render, checks and importing work without MkDocs: none of them imports the plugin."""
    for stage in ("load", "render", "checks", "importing"):
        for path in (PACKAGE / stage).glob("*.py"):
            assert "helpcenter.plugin" not in path.read_text(encoding="utf-8"), path


def test_every_module_sits_in_a_stage_folder_or_is_one_of_the_few_at_the_top() -> None:
    top = sorted(path.name for path in PACKAGE.glob("*.py"))
    assert top == ["__init__.py", "annotations.py", "model.py", "new_entry.py", "problems.py"]
    folders = sorted(path.name for path in PACKAGE.iterdir() if path.is_dir() and path.name != "__pycache__")
    assert folders == sorted((*STAGES, "cli"))


def test_no_module_is_over_400_lines() -> None:
    long = {path.relative_to(PACKAGE).as_posix(): lines for path in _modules()
            if (lines := len(path.read_text(encoding="utf-8").splitlines())) > 400}
    assert long == {}


def test_the_measurement_code_lives_outside_the_package() -> None:
    assert not any(name in path.name for path in _modules() for name in ("benchmark", "synthetic", "instruction"))
    assert (ROOT / "scripts" / "benchmark.py").is_file() and (ROOT / "scripts" / "synthetic.py").is_file()
