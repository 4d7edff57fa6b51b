"""Bad exports: each gets a clear message naming the file or article, the field and the fix; nothing is written."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from import_support import run_cli, tree

from conftest import copy_project
from import_exports import page, write_json, write_zendesk_export, zendesk_articles


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def _refused(project: Path, *args: str) -> str:
    before = tree(project)
    result = run_cli(project, "import", *args)
    assert result.exit_code == 1, result.output
    assert tree(project) == before
    assert "nothing was written" in result.output
    assert "Traceback" not in result.output
    return result.output


def _export_with(project: Path, articles: list[dict[str, Any]]) -> str:
    folder = project.parent / "export"
    write_zendesk_export(folder, articles)
    return str(folder)


def test_a_file_that_is_not_json(project: Path) -> None:
    folder = Path(_export_with(project, zendesk_articles()[:3]))
    (folder / "articles-1.json").write_text("<html>Too many requests</html>", encoding="utf-8")
    output = _refused(project, "zendesk", str(folder))
    assert "export/articles-1.json:1: not JSON: Expecting value (column 1)" in output


def test_the_path_of_the_first_wrong_item_is_named(project: Path) -> None:
    articles = zendesk_articles()[:5]
    articles[3]["title"] = ["not", "text"]
    output = _refused(project, "zendesk", _export_with(project, articles))
    assert "export/articles-1.json: articles[3].title: expected text, found a list" in output


def test_an_article_without_a_title(project: Path) -> None:
    articles = zendesk_articles()[:5]
    articles[2]["title"] = "  "
    output = _refused(project, "zendesk", _export_with(project, articles))
    assert "articles[2].title: expected the article's title, found the text" in output


def test_a_response_of_another_kind(project: Path) -> None:
    folder = Path(_export_with(project, zendesk_articles()[:2]))
    write_json(folder / "users.json", {"users": []})
    output = _refused(project, "zendesk", str(folder))
    assert "export/users.json: not a Help Center API response" in output


def test_duplicate_ids_are_named_with_both_places(project: Path) -> None:
    articles = zendesk_articles()[:4]
    articles[3] = {**articles[3], "id": articles[1]["id"]}
    output = _refused(project, "zendesk", _export_with(project, articles))
    assert f"articles[3].id: the id {articles[1]['id']} is also at " in output
    assert "export/articles-1.json articles[1]; give each item once" in output


def test_html_the_help_center_cannot_show_is_reported_per_article(project: Path) -> None:
    articles = zendesk_articles()[:4]
    articles[0]["body"] += '<script>track()</script><form action="/subscribe"><input name="email"></form>'
    articles[2]["body"] += '<iframe src="https://maps.example.com/embed?q=office"></iframe>'
    output = _refused(project, "zendesk", _export_with(project, articles))
    first, third = articles[0]["id"], articles[2]["id"]
    assert f"(article {first}): body: the <script> element cannot be imported" in output
    assert f"(article {first}): body: the <form> element (/subscribe) cannot be imported" in output
    assert (f"(article {third}): body: the <iframe> element (https://maps.example.com/embed?q=office) "
            "cannot be imported") in output
    assert "3 problems found" in output


def test_what_the_loader_refuses_is_named_by_article(project: Path) -> None:
    articles = zendesk_articles()[:3]
    articles[1]["title"] = articles[0]["title"]
    output = _refused(project, "zendesk", _export_with(project, articles))
    assert (f"articles[0] (article {articles[0]['id']}): title: faq_data/entries/your-account/reset-password-2.yml "
            "has the same title; make each question say what sets it apart (in "
            "faq_data/entries/your-account/reset-password.yml, as it would be written)") in output


def test_articles_of_a_section_missing_from_the_export(project: Path) -> None:
    folder = Path(_export_with(project, zendesk_articles()[:3]))
    sections = json.loads((folder / "sections.json").read_text(encoding="utf-8"))["sections"]
    write_json(folder / "sections.json", page("sections", sections[1:]))
    output = _refused(project, "zendesk", str(folder))
    assert "section: its section 360000111111 is not in the export" in output


def test_csv_with_a_missing_column(project: Path) -> None:
    path = project.parent / "faq.csv"
    path.write_text("question,answr,category\nHow?,Like so.,Account\n", encoding="utf-8")
    output = _refused(project, "csv", str(path))
    assert "faq.csv:1: answer: no column 'answer' (did you mean 'answr'?)" in output


def test_csv_in_another_encoding(project: Path) -> None:
    path = project.parent / "faq.csv"
    path.write_bytes("question,answer,category\nWhat is a café?,A place.,General\n".encode("cp1252"))
    output = _refused(project, "csv", str(path))
    assert "faq.csv:2: not UTF-8 text (the byte 0xe9); save the spreadsheet as 'CSV UTF-8'" in output


def test_every_problem_is_reported_at_once(project: Path) -> None:
    path = project.parent / "faq.csv"
    path.write_text("question,answer,category\n,No question.,Account\nNo category?,Yes.,\n", encoding="utf-8")
    output = _refused(project, "csv", str(path))
    assert "faq.csv:2: question: the question is empty" in output
    assert "faq.csv:3: category: the category is empty" in output


def test_a_failure_while_moving_in_takes_back_what_was_moved(tmp_path: Path) -> None:
    from helpcenter.importing.write import _move_all

    staged = [tmp_path / "staged-1", tmp_path / "staged-2"]
    for path in staged:
        path.write_text("new", encoding="utf-8")
    targets = [tmp_path / "out" / "a.yml", tmp_path / "out" / "b.yml"]
    targets[1].parent.mkdir()
    targets[1].write_text("someone else's", encoding="utf-8")
    with pytest.raises(FileExistsError):
        _move_all(list(zip(staged, targets, strict=True)), [])
    assert not targets[0].exists()
    assert targets[1].read_text(encoding="utf-8") == "someone else's"
