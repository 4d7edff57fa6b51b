"""Running `helpcenter import` in a copy of the tests' help center, and what the tests compare."""

from __future__ import annotations

import os
import re
from pathlib import Path

import markdown
import yaml
from bs4 import BeautifulSoup
from click.testing import CliRunner, Result

from helpcenter.cli import main

SUMMARY_LINE = re.compile(r"^summary:$", re.MULTILINE)


def run_cli(project: Path, *args: str) -> Result:
    """The `helpcenter` command run in `project`, as a writer runs it from the repository's root."""
    before = Path.cwd()
    os.chdir(project)
    try:
        return CliRunner().invoke(main, list(args), catch_exceptions=False)
    finally:
        os.chdir(before)


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` with its bytes: to show that a refused import wrote nothing."""
    return {path.relative_to(folder).as_posix(): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def fill_in_what_the_team_writes(project: Path) -> int:
    """Write each imported entry's (and translation's) summary, owner, review date and video details, as the
    team would. Returns how many files needed a summary."""
    count = 0
    for path in sorted((project / "faq_data" / "entries").rglob("*.yml")):
        text = path.read_text(encoding="utf-8")
        count += bool(SUMMARY_LINE.search(text))
        text = SUMMARY_LINE.sub("summary: A short answer written by the team.", text)
        text = text.replace("\nreviewed:\n", "\nreviewed: 2026-01-05\n").replace("\nowner:\n", "\nowner: Support\n")
        text = text.replace("  description:\n  uploaded:\n",
                            "  description: The steps, shown on screen.\n  uploaded: 2025-05-01\n")
        # A translation's video has a title and a description only.
        text = re.sub(r"\n  description:$", "\n  description: The steps, shown on screen.", text, flags=re.MULTILINE)
        path.write_text(text, encoding="utf-8")
    return count



def visible_text(html: str) -> str:
    """The words a reader sees in an HTML fragment, one space between them."""
    soup = BeautifulSoup(html, "lxml")
    for hidden in soup.find_all(["script", "style", "iframe", "xml"]):
        hidden.decompose()
    return " ".join(soup.get_text(" ").split())


def entry_text(path: Path) -> str:
    """The visible words of an entry file's answer and steps, rendered as the site renders Markdown."""
    values = yaml.safe_load(path.read_text(encoding="utf-8"))
    parts = [values.get("answer") or "", *(values.get("steps") or [])]
    extensions = ["tables", "fenced_code", "md_in_html", "def_list"]
    return " ".join(visible_text(markdown.markdown(part, extensions=extensions)) for part in parts).strip()
