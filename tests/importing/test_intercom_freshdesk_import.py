"""Intercom and Freshdesk exports imported into the tests' help center: they build, keep the text and redirect."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from import_support import entry_text, fill_in_what_the_team_writes, run_cli, visible_text

from conftest import copy_project, run_build
from import_exports import published_articles, write_freshdesk_export, write_intercom_export

VENDORS: dict[str, tuple[Callable[[Path], Path], Callable[[int], list[str]]]] = {
    "intercom": (write_intercom_export, lambda article_id: [f"/example/en/articles/{article_id}/"]),
    "freshdesk": (write_freshdesk_export, lambda article_id: [f"/support/solutions/articles/{article_id}/"]),
}


@pytest.mark.parametrize("vendor", sorted(VENDORS))
def test_an_export_builds_keeps_the_text_and_every_old_address(tmp_path: Path, vendor: str) -> None:
    write_export, old_addresses = VENDORS[vendor]
    project = copy_project(tmp_path / "project")
    write_export(tmp_path / "export")
    result = run_cli(project, "import", vendor, str(tmp_path / "export"), "--owner", "Support")
    assert result.exit_code == 0, result.output
    assert re.search(r"^imported +34$", result.output, re.MULTILINE), result.output
    assert re.search(r"^skipped drafts +2$", result.output, re.MULTILINE)
    assert re.search(r"^needs a summary +0$", result.output, re.MULTILINE)
    entries = project / "faq_data" / "entries"
    by_title = {yaml.safe_load(path.read_text("utf-8"))["title"]: path for path in entries.rglob("*.yml")}
    for article in published_articles():
        path = by_title[article["title"]]
        values = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert values["summary"].lower().endswith(article["title"].lower())
        text = entry_text(path).replace(" The list of invoices", "")
        assert text == visible_text(article["body"]), article["title"]
    reset = (entries / "your-account" / "reset-password.yml").read_text(encoding="utf-8")
    assert "(entry:two-step-sign-in-work)" in reset
    plans = (entries / "billing-and-invoices" / "plans-are-there-and-what-do-they-cost.yml").read_text("utf-8")
    assert "(category:billing-and-invoices)" in plans
    fill_in_what_the_team_writes(project)
    checked = run_cli(project, "check")
    assert checked.exit_code == 0, checked.output
    built = run_build(project)
    assert built.returncode == 0, built.stderr
    site = project / "site"
    for article in published_articles():
        for old in old_addresses(article["id"]):
            page = site / old.lstrip("/") / "index.html"
            assert page.is_file(), old
            assert "http-equiv=\"refresh\"" in page.read_text(encoding="utf-8")
    rules = (site / "_redirects").read_text(encoding="utf-8")
    first = published_articles()[0]["id"]
    assert f"{old_addresses(first)[0].rstrip('/')}-* /your-account/reset-password/ 301" in rules
