"""A built site served on a free local port, Debian's Chromium, and the page checkers (axe-core, Nu)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from browser_support import chromium, serve_directory  # noqa: F401 - chromium is re-exported
from conftest import ROOT

AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
SERIOUS = ("serious", "critical")


serve = serve_directory
"""The built site at http://127.0.0.1:<free port>/, with 404.html for missing addresses."""


def require_checker(path: Path) -> Path:
    if not path.is_file():
        pytest.fail(f"{path.relative_to(ROOT)} is missing: run 'make test' (it runs 'npm ci') first")
    return path


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """axe-core's serious and critical violations on the page as it is now."""
    page.add_script_tag(path=str(require_checker(AXE_SCRIPT)))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [violation for violation in result["violations"] if violation["impact"] in SERIOUS]


def describe(violations: list[dict[str, Any]]) -> str:
    return "\n".join(
        f"{violation['impact']} {violation['id']}: {violation['help']} at "
        + ", ".join(str(node["target"]) for node in violation["nodes"][:5])
        for violation in violations
    )


def nu_errors(files: list[Path]) -> list[dict[str, Any]]:
    """The Nu HTML Checker's errors for the files, in one run of the checker."""
    require_checker(VNU_JAR)
    java = shutil.which("java")
    if java is None:
        pytest.fail("the Nu HTML Checker needs Java: run 'make test' (it installs default-jre-headless as root)")
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True, text=True, timeout=600,
    )
    report = json.loads(result.stderr or result.stdout)
    return [message for message in report["messages"] if message.get("type") in ("error", "non-document-error")]
