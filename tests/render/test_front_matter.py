"""A generated page's front matter is handed to MkDocs as the plugin made it: exactly what MkDocs
would read back from the page's source text, for every page of very different help centers."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.utils.meta import get_data

from conftest import ROOT, copy_project
from helpcenter.load.help_center import load_help_center
from helpcenter.render.pages import render_pages
from hostile_content import write_hostile_content
from synthetic import write_synthetic_project


def _project(kind: str, folder: Path) -> Path:
    if kind == "this project":
        return ROOT
    if kind == "hostile":
        project = copy_project(folder / "project")
        write_hostile_content(project)
        return project
    write_synthetic_project(folder / "synthetic", 120, ROOT)
    return folder / "synthetic"


@pytest.mark.parametrize("kind", ["this project", "hostile", "synthetic"])
def test_front_matter_and_markdown_are_what_mkdocs_reads_from_the_page(kind: str, tmp_path: Path) -> None:
    project = _project(kind, tmp_path)
    pages = render_pages(load_help_center(project / "faq_data", project), project / "overrides" / "helpcenter")
    assert len(pages) > 5
    for page in pages:
        markdown, meta = get_data(page.markdown)
        assert meta, page.src_uri
        assert (markdown, meta) == (page.body.lstrip("\n"), dict(page.meta)), page.src_uri
