"""An entry's tags help search; they are shown on its page only when `show_topics` asks for it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import copy_project, run_build
from helpcenter.render.search_index import TAGS
from search_index_support import index_files, postings


@pytest.mark.parametrize("shown", [False, True])
def test_topics_are_shown_only_when_asked_and_searchable_either_way(tmp_path: Path, shown: bool) -> None:
    project = copy_project(tmp_path / "project")
    if shown:
        config = project / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        assert "  - helpcenter\n" in text
        option = "  - helpcenter:\n      show_topics: true\n"
        config.write_text(text.replace("  - helpcenter\n", option), encoding="utf-8")
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    page = BeautifulSoup((project / "site/two-factor/reset-2fa/index.html").read_text(encoding="utf-8"), "lxml")
    topics = page.select(".hc-topics")
    assert len(topics) == (1 if shown else 0)
    if shown:
        assert "lost phone" in topics[0].get_text()
    files = index_files(project / "site/search/en")
    urls = [url for url, _, _ in json.loads(files["entries-0.json"])]
    reset = urls.index("two-factor/reset-2fa/")
    assert (reset, TAGS) in [(number, field) for number, field, _ in postings(files, "lost")]
