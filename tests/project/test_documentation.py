"""The developer documents agree with the code: field tables, the command table, the module map, links."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpcenter.cli import main
from helpcenter.load.fields import Field
from helpcenter.load.spec import (
    CATEGORY_FIELDS,
    CATEGORY_TRANSLATION_FIELDS,
    ENTRY_FIELDS,
    ENTRY_TRANSLATION_FIELDS,
    INTERFACE_TEXTS,
    SETTINGS_FIELDS,
    SETTINGS_TRANSLATION_FIELDS,
    VIDEO_FIELDS,
)

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "src" / "helpcenter"
README = ROOT / "README.md"
ARCHITECTURE = ROOT / "ARCHITECTURE.md"
CONTENT_REFERENCE = ROOT / "CONTENT-REFERENCE.md"
DOCUMENTS = ("README.md", "ARCHITECTURE.md", "CONTENT-REFERENCE.md", "PERFORMANCE.md", "CONTRIBUTING.md")
README_MAX_LINES = 250

_HEADING = re.compile(r"^(#{1,6}) (.*)$")
_FENCE = re.compile(r"^```.*?^```[^\n]*$", re.MULTILINE | re.DOTALL)
_CODE_SPAN = re.compile(r"(`+).+?\1", re.DOTALL)
_LINK = re.compile(r"\]\(([^)\s]+)\)")


def section(text: str, title: str) -> str:
    """The text under the heading `title`, up to the next heading of the same or a higher level."""
    lines = text.splitlines()
    for index, line in enumerate(lines):
        match = _HEADING.match(line)
        if match and match.group(2) == title:
            level = len(match.group(1))
            body = []
            for following in lines[index + 1:]:
                heading = _HEADING.match(following)
                if heading and len(heading.group(1)) <= level:
                    break
                body.append(following)
            return "\n".join(body)
    raise AssertionError(f"no heading {title!r}")


def table_rows(text: str) -> list[list[str]]:
    """The body rows of the first table in `text`, each a list of cells without surrounding spaces."""
    rows: list[list[str]] = []
    for line in text.splitlines():
        if line.startswith("|"):
            rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
        elif rows:
            break
    assert len(rows) >= 2, "no table"
    return rows[2:]  # after the header and the separator


def code_name(cell: str) -> str:
    """The name in a cell such as `` `title` `` or `` `helpcenter new "..."` ``."""
    match = re.match(r"`([^`]+)`", cell)
    assert match, f"the first cell is not a code name: {cell!r}"
    return match.group(1)


def documented_fields(file: Path, title: str) -> list[tuple[str, bool]]:
    rows = table_rows(section(file.read_text(encoding="utf-8"), title))
    found = []
    for row in rows:
        assert row[1] in ("yes", "no"), f"{title}: the required column says {row[1]!r}"
        found.append((code_name(row[0]), row[1] == "yes"))
    return found


def spec_fields(fields: tuple[Field, ...], prefix: str = "", nested: bool = False) -> list[tuple[str, bool]]:
    """The fields as the tables name them: `home`, then `home.title` under it when `nested`."""
    found = []
    for field in fields:
        found.append((prefix + field.name, field.required))
        if nested and field.kind == "mapping":
            found.extend(spec_fields(field.fields, f"{prefix}{field.name}.", nested))
    return found


@pytest.mark.parametrize(("title", "fields", "nested"), [
    ("Entry fields", ENTRY_FIELDS, False),
    ("Video fields", VIDEO_FIELDS, False),
    ("Category fields", CATEGORY_FIELDS, False),
    ("Settings fields", SETTINGS_FIELDS, True),
    ("Entry translation fields", ENTRY_TRANSLATION_FIELDS, True),
    ("Category translation fields", CATEGORY_TRANSLATION_FIELDS, False),
    ("Settings translation fields", SETTINGS_TRANSLATION_FIELDS, True),
])
def test_field_tables_list_the_fields_of_spec(title: str, fields: tuple[Field, ...], nested: bool) -> None:
    # The site's own words have a table of their own.
    expected = [field for field in spec_fields(fields, nested=nested) if not field[0].startswith("interface.")]
    assert documented_fields(CONTENT_REFERENCE, title) == expected


def test_the_interface_table_lists_every_key_with_its_english() -> None:
    rows = table_rows(section(CONTENT_REFERENCE.read_text(encoding="utf-8"), "The site's own words"))
    assert [(code_name(row[0]), row[1]) for row in rows] == list(INTERFACE_TEXTS.items())


def test_the_readme_lists_every_command() -> None:
    rows = table_rows(section(README.read_text(encoding="utf-8"), "The `helpcenter` command"))
    documented = [code_name(row[0]).removeprefix("helpcenter ").split()[0] for row in rows]
    assert sorted(documented) == sorted(main.commands)


def test_the_readme_is_short() -> None:
    lines = README.read_text(encoding="utf-8").splitlines()
    assert len(lines) <= README_MAX_LINES, f"README.md has {len(lines)} lines; move detail to the other documents"


def github_anchor(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation removed, spaces as hyphens."""
    text = _CODE_SPAN.sub(lambda match: match.group(0).strip("`"), heading)
    return re.sub(r"[^\w\- ]", "", text.strip().lower()).replace(" ", "-")


def anchors(file: Path) -> set[str]:
    text = _FENCE.sub("", file.read_text(encoding="utf-8"))
    return {github_anchor(match.group(2)) for match in map(_HEADING.match, text.splitlines()) if match}


def relative_links(file: Path) -> list[str]:
    """Link targets outside code, except web addresses and the content's own link forms."""
    text = _CODE_SPAN.sub("", _FENCE.sub("", file.read_text(encoding="utf-8")))
    return [
        target for target in _LINK.findall(text)
        if not re.match(r"[a-z][a-z0-9+.-]*:", target)  # https:, mailto:, link:, entry:
    ]


@pytest.mark.parametrize("name", DOCUMENTS)
def test_relative_links_lead_to_existing_files_and_headings(name: str) -> None:
    document = ROOT / name
    broken = []
    for target in relative_links(document):
        path, _, anchor = target.partition("#")
        linked = (document.parent / path).resolve() if path else document
        if not linked.exists():
            broken.append(f"{target}: no such file")
        elif anchor and linked.suffix == ".md" and anchor not in anchors(linked):
            broken.append(f"{target}: no such heading in {linked.name}")
    assert not broken


def module_map() -> set[str]:
    """The modules the module map's tables name, as paths under src/helpcenter/."""
    text = section(ARCHITECTURE.read_text(encoding="utf-8"), "Module map")
    named = set()
    for line in text.splitlines():
        if line.startswith("| `"):
            named.add(code_name(line.strip("| ")))
    return {name for name in named if name.endswith(".py")}


def test_the_module_map_names_every_module() -> None:
    modules = {path.relative_to(PACKAGE).as_posix() for path in PACKAGE.rglob("*.py")}
    assert modules, "no modules found"
    assert sorted(modules - module_map()) == [], "modules missing from ARCHITECTURE.md's module map"
    assert sorted(module_map() - modules) == [], "ARCHITECTURE.md's module map names modules that do not exist"


def test_the_search_weights_table_matches_the_ranking_settings() -> None:
    from helpcenter.render.search_index import RANKING

    rows = table_rows(section(CONTENT_REFERENCE.read_text(encoding="utf-8"), "How customers find an answer"))
    documented = {code_name(row[0]): float(row[1]) for row in rows}
    names = {"title": "title", "summary": "summary", "answer": "answer", "tags": "tags", "phrasing": "also_asked"}
    assert {names[name]: weight for name, weight in RANKING["weights"].items()} == documented
