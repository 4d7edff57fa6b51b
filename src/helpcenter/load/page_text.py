"""A hand-written page's text as its translation follows it: the title (the front matter's `title`, else the
first heading) and the Markdown after the front matter; and where a front-matter field is written."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from helpcenter.load.fingerprint import page_fingerprint

# MkDocs' own front-matter form: a '---' line, YAML, then a '---' or '...' line.
_FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\r?\n(.*?\r?\n)?(?:\.{3}|-{3})[ \t]*(?:\r?\n|\Z)", re.S)


def split_front_matter(text: str) -> tuple[dict[str, object], str, int]:
    """The page's front matter (empty where it has none or it is not a mapping), its Markdown after it, and
    the index where the front matter's last line ends (0 without front matter)."""
    text = text.removeprefix("\ufeff")
    found = _FRONT_MATTER.match(text)
    if found is None:
        return {}, text, 0
    try:
        meta = yaml.safe_load(found.group(1) or "")
    except yaml.YAMLError:
        meta = None
    return (meta if isinstance(meta, dict) else {}), text[found.end():], found.end(1) if found.group(1) else 4


def page_title(meta: dict[str, object], body: str) -> str:
    """The front matter's title, else the first level-one heading's, else none."""
    if isinstance(meta.get("title"), str):
        return str(meta["title"])
    heading = re.search(r"^# +(.+?)[ #]*$", body, re.M)
    return heading.group(1) if heading else ""


def page_text_fingerprint(path: Path) -> str:
    """The fingerprint of the page at `path` (load/fingerprint.py's `page_fingerprint`)."""
    meta, body, _ = split_front_matter(path.read_text(encoding="utf-8"))
    return page_fingerprint(page_title(meta, body), body)


def front_matter_line(text: str, name: str) -> int:
    """The line of the top-level front-matter field `name` (1 for the first line); 0 where there is none."""
    found = _FRONT_MATTER.match(text.removeprefix("\ufeff"))
    if found is None or not found.group(1):
        return 0
    for number, line in enumerate(found.group(1).splitlines(), start=2):
        if line.split(":", 1)[0] == name and ":" in line:
            return number
    return 0
