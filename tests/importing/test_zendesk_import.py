"""A Zendesk Guide export of a few dozen articles imported into the tests' help center, end to end."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from import_support import entry_text, fill_in_what_the_team_writes, run_cli, tree, visible_text

from conftest import copy_project, run_build
from import_exports import write_zendesk_export, zendesk_articles


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    project = copy_project(tmp_path_factory.mktemp("zendesk") / "project")
    write_zendesk_export(project.parent / "export")
    result = run_cli(project, "import", "zendesk", "../export", "--report", "../addresses.txt")
    assert result.exit_code == 0, result.output
    return project, result.output


def test_the_summary_counts_what_was_imported_and_skipped(imported: tuple[Path, str]) -> None:
    _, output = imported
    rows = dict(re.findall(r"^(\w[\w ]+?)\s{2,}(\d+)$", output, re.MULTILINE))
    assert rows["imported"] == "34"
    assert rows["skipped drafts"] == "2"
    assert rows["skipped translations"] == "1"
    assert rows["needs a summary"] == "34"
    assert rows["pictures copied"] == "1"
    assert rows["pictures missing"] == "1"
    assert rows["redirects written"] == str(34 * 2 + 3 * 2 + 2 * 2)


def test_fields_are_mapped(imported: tuple[Path, str]) -> None:
    project, _ = imported
    entries = project / "faq_data" / "entries"
    reset = yaml.safe_load((entries / "your-account" / "reset-password.yml").read_text(encoding="utf-8"))
    assert reset["title"] == "How do I reset my password?"
    assert reset["summary"] is None and reset["owner"] is None and reset["reviewed"] is None
    assert reset["tags"] == ["password", "sign in"]
    assert reset["steps"][0] == "Open the **sign-in** page."
    assert len(reset["steps"]) == 3
    assert "[how two-step sign-in works](entry:two-step-sign-in-work)" in reset["answer"]
    assert "![The sign-in page](assets/imported/sign-in-page.png)" in reset["answer"]
    assert (project / "docs" / "assets" / "imported" / "sign-in-page.png").is_file()
    assert reset["redirect_from"] == ["hc/en-us/articles/360001000001-how-do-i-reset-my-password/",
                                      "hc/en-us/articles/360001000001/"]
    two_step = yaml.safe_load((entries / "your-account" / "two-step-sign-in-work.yml").read_text(encoding="utf-8"))
    assert two_step["video"]["url"] == "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    assert two_step["video"]["title"] == "Turning on two-step sign-in"
    assert "[above](#what-it-is)" in two_step["answer"]
    assert "    - Android: *Settings > System > Date*" in two_step["answer"]
    plans = (entries / "billing-and-invoices" / "plans-are-there-and-what-do-they-cost.yml").read_text("utf-8")
    assert r"| Starter | 5 € \| month  | One project<br>E-mail support       |" in plans
    assert "(category:billing-and-invoices)" in plans
    settings = yaml.safe_load((project / "faq_data" / "settings.yml").read_text(encoding="utf-8"))
    assert settings["featured"][-2:] == ["reset-password", "plans-are-there-and-what-do-they-cost"]
    categories = yaml.safe_load((project / "faq_data" / "categories.yml").read_text(encoding="utf-8"))
    assert [categories[name]["order"] for name in ("your-account", "billing-and-invoices", "troubleshooting")] == \
        [3, 4, 5], "after the existing categories, in the old help center's order"
    assert categories["your-account"]["redirect_from"][-2:] == [
        "hc/en-us/categories/360000010101-general/", "hc/en-us/categories/360000010101/"]
    assert categories["billing-and-invoices"]["redirect_from"] == [
        "hc/en-us/sections/360000222222-billing-and-invoices/", "hc/en-us/sections/360000222222/"]


def test_check_lists_exactly_what_the_team_must_write(imported: tuple[Path, str]) -> None:
    project, _ = imported
    result = run_cli(project, "check")
    assert result.exit_code == 1
    problems = [line for line in result.output.splitlines() if line.startswith("faq_data/")]
    fields = {line.split(": ")[1] for line in problems}
    assert fields == {"summary", "owner", "reviewed", "video.description", "video.uploaded"}, problems
    assert sum(1 for line in problems if ": summary: " in line) == 34


def test_the_articles_text_is_kept(imported: tuple[Path, str]) -> None:
    project, _ = imported
    entries = project / "faq_data" / "entries"
    by_title = {yaml.safe_load(path.read_text("utf-8"))["title"]: path for path in entries.rglob("*.yml")}
    for article in zendesk_articles():
        if article["draft"] or article["locale"] != "en-us":
            continue
        source = visible_text(article["body"])
        imported_text = entry_text(by_title[article["title"]])
        # The missing picture is kept as its description, which the source showed only as a picture.
        imported_text = imported_text.replace(" The list of invoices", "")
        assert imported_text == source, article["title"]


def test_after_the_summaries_the_site_builds_and_every_old_address_redirects(
    tmp_path: Path, imported: tuple[Path, str]
) -> None:
    import shutil

    project = tmp_path / "project"
    shutil.copytree(imported[0], project)
    assert fill_in_what_the_team_writes(project) == 34
    checked = run_cli(project, "check")
    assert checked.exit_code == 0, checked.output
    built = run_build(project)
    assert built.returncode == 0, built.stderr
    site = project / "site"
    addresses = (imported[0].parent / "addresses.txt").read_text(encoding="utf-8")
    pairs = re.findall(r"^(/hc/\S+)\s+(/\S+)$", addresses, re.MULTILINE)
    assert len(pairs) == 78
    for old, new in pairs:
        page = (site / old.lstrip("/") / "index.html").read_text(encoding="utf-8")
        target = re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', page)
        assert target, old
        assert (site / old.lstrip("/") / target.group(1) / "index.html").resolve() == \
            (site / new.lstrip("/") / "index.html").resolve(), old
    rules = (site / "_redirects").read_text(encoding="utf-8")
    assert "/hc/en-us/articles/360001000001-* /your-account/reset-password/ 301" in rules
    ledger = (project / "published-urls.txt").read_text(encoding="utf-8")
    assert "/hc/en-us/articles/360001000001/\n" in ledger
    assert "/your-account/reset-password/\n" in ledger
    two_step = (site / "your-account" / "two-step-sign-in-work" / "index.html").read_text(encoding="utf-8")
    assert 'id="what-it-is"' in two_step and 'href="#what-it-is"' in two_step


def test_importing_twice_writes_nothing_the_second_time(tmp_path: Path, imported: tuple[Path, str]) -> None:
    import shutil

    project = tmp_path / "project"
    shutil.copytree(imported[0], project)
    fill_in_what_the_team_writes(project)
    before = tree(project)
    result = run_cli(project, "import", "zendesk", str(imported[0].parent / "export"))
    assert result.exit_code == 1
    assert "two entries" in result.output or "same title" in result.output or "already" in result.output, \
        result.output
    assert tree(project) == before
