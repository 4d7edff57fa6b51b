"""The GitHub workflows and the pre-commit configuration lint clean offline, and do what the team relies on."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github/workflows").glob("*.yml"))
BIN = Path(sys.executable).parent


def tool(name: str) -> str:
    found = BIN / name
    assert found.is_file(), f"{name} is not installed next to {sys.executable}"
    return str(found)


def lint_workflows(*paths: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [tool("check-jsonschema"), "--builtin-schema", "vendor.github-workflows", *map(str, paths)],
        capture_output=True, text=True, timeout=120,
    )


def load(path: Path) -> dict[Any, Any]:
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    # YAML 1.1 reads the key `on` as True; GitHub reads it as "on".
    if True in workflow:
        workflow["on"] = workflow.pop(True)
    return workflow


def steps(workflow: dict[Any, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def runs(workflow: dict[Any, Any]) -> str:
    return "\n".join(step.get("run", "") for step in steps(workflow))


def uses(workflow: dict[Any, Any]) -> list[str]:
    return [step["uses"] for step in steps(workflow) if "uses" in step]


def test_there_are_the_two_workflows() -> None:
    assert [path.name for path in WORKFLOWS] == ["publish.yml", "pull-request.yml"]


def test_workflows_match_the_github_workflow_schema() -> None:
    result = lint_workflows(*WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr
    timeouts = subprocess.run(
        [tool("check-jsonschema"), "--builtin-schema", "custom.github-workflows-require-timeout", *map(str, WORKFLOWS)],
        capture_output=True, text=True, timeout=120,
    )
    assert timeouts.returncode == 0, timeouts.stdout + timeouts.stderr


def test_the_lint_catches_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text(
        (ROOT / ".github/workflows/pull-request.yml").read_text(encoding="utf-8").replace("runs-on:", "run-on:", 1),
        encoding="utf-8",
    )
    result = lint_workflows(broken)
    assert result.returncode == 1
    assert "run-on" in result.stdout + result.stderr


def test_the_pre_commit_configuration_is_valid() -> None:
    result = subprocess.run(
        [tool("pre-commit"), "validate-config", str(ROOT / ".pre-commit-config.yaml")],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout + result.stderr == ""
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hook = config["repos"][0]["hooks"][0]
    assert config["repos"][0]["repo"] == "local"
    assert hook["entry"].endswith("check") and hook["pass_filenames"] is False


def test_the_pre_commit_hook_command_exists() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "\ncheck: " in makefile and "helpcenter check" in makefile


def test_the_pull_request_workflow_checks_builds_tests_and_uploads() -> None:
    workflow = load(ROOT / ".github/workflows/pull-request.yml")
    assert "pull_request" in workflow["on"]
    commands = runs(workflow)
    for command in (
        "helpcenter check --format github",
        "make site",
        "helpcenter links site",
        "apt-get install -y chromium",
        "make test",
    ):
        assert command in commands
    upload = next(step for step in steps(workflow) if step.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"] == "site/"
    tests_job = workflow["jobs"]["tests"]
    assert "bookworm" in tests_job["container"], "Debian's chromium comes from a Debian image"
    assert workflow["permissions"] == {"contents": "read"}


def test_the_publish_workflow_deploys_site_to_pages_from_main() -> None:
    workflow = load(ROOT / ".github/workflows/publish.yml")
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert "make site" in runs(workflow)
    upload = next(step for step in steps(workflow) if step.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "site/"
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert any(action.startswith("actions/deploy-pages@") for action in uses(workflow))


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_actions_are_pinned_to_a_version(path: Path) -> None:
    for action in uses(load(path)):
        _name, _, version = action.partition("@")
        assert version.startswith("v") and version[1:].split(".")[0].isdigit(), action


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_workflow_commands_refer_to_what_the_repository_has(path: Path) -> None:
    for line in runs(load(path)).splitlines():
        for word in line.split():
            if word.startswith(".venv/bin/"):
                assert shutil.which(word.removeprefix(".venv/bin/"), path=str(BIN)), word
        if line.startswith("make "):
            dry_run = subprocess.run(["make", "-n", "-C", str(ROOT), line.split()[1]],
                                     capture_output=True, text=True, timeout=60)
            assert dry_run.returncode == 0, (line, dry_run.stderr)
