"""The shortcuts that keep a 10,000-entry check fast change nothing it finds or reports.

Entries are made without `Entry.__init__`, files with `!` or `<<` but no anchor skip the separate
pass over their structure, links are found without their lines until a line is needed, files are
read without asking for their size and listed with one `os.scandir` per folder: each is compared
here with what it replaces.
"""

from __future__ import annotations

import dataclasses
import os
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from content_fixture import ENTRY, write_content
from helpcenter.content import _new_entry, _visible_files, check_help_center
from helpcenter.html_policy import plain_link_targets, plain_links
from helpcenter.model import Entry, Video
from helpcenter.quick_fields import read_quickly
from helpcenter.spec import ENTRY_FIELDS
from helpcenter.yaml_source import read_yaml, repeated_key_problems

PATH = "faq_data/entries/account/log-in.yml"
VIDEO = Video(url="https://vimeo.com/1", title="T", description="D", uploaded=date(2026, 1, 1),
              provider="vimeo", video_id="1")


@pytest.mark.parametrize("values", [
    {"title": "T", "summary": "S", "category": "account", "reviewed": date(2026, 1, 5), "owner": "O", "answer": "A"},
    {"title": "T", "summary": "S", "category": "account", "reviewed": date(2026, 1, 5), "owner": "O", "answer": "A",
     "steps": ("one", "two"), "video": VIDEO, "related": ("b",), "tags": ("x", "y"), "also_asked": ("Why?",),
     "redirect_from": ("account/old/",)},
])
def test_an_entry_made_without_its_init_is_the_entry_its_init_makes(values: dict) -> None:
    made = _new_entry({"id": "log-in", "source": PATH, **values})
    expected = Entry(id="log-in", source=PATH, **values)
    assert made == expected and hash(made) == hash(expected) and repr(made) == repr(expected)
    assert vars(made) == vars(expected) and list(vars(made)) == list(vars(expected))
    assert dataclasses.asdict(made) == dataclasses.asdict(expected)
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.title = "changed"  # type: ignore[misc]


def test_every_field_of_an_entry_file_is_a_field_of_an_entry() -> None:
    """What is read goes into the entry's attributes as it is: a field `Entry` lacks would be a new attribute."""
    names = {field.name for field in dataclasses.fields(Entry)}
    assert {field.name for field in ENTRY_FIELDS} <= names
    assert not hasattr(Entry, "__post_init__") and not hasattr(Entry, "__slots__")


TAGGED = {
    "a tag on a list": (
        ENTRY + "tags: !custom [a, b]\n", f"{PATH}:9: YAML tags such as '!custom' are not supported; remove it"
    ),
    "a tag on a group": (
        ENTRY + "video: !clip\n  url: https://vimeo.com/1\n  title: T\n  description: D\n  uploaded: 2026-01-01\n",
        f"{PATH}:9: YAML tags such as '!clip' are not supported; remove it",
    ),
    "a tag on the file": ("!entry\n" + ENTRY, f"{PATH}:1: YAML tags such as '!entry' are not supported; remove it"),
    "a tag on a value": (ENTRY.replace("owner: Support team", "owner: !!binary U3VwcG9ydA=="),
                         f"{PATH}:5: YAML tags such as '!!binary' are not supported; remove it"),
    "a merge key": (ENTRY + "<<: {tags: [a]}\n", f"{PATH}:9: merge keys (<<) are not supported; write the fields out"),
}


@pytest.mark.parametrize("text, expected", TAGGED.values(), ids=TAGGED.keys())
def test_tags_and_merge_keys_are_refused_without_the_separate_pass(tmp_path: Path, text: str, expected: str) -> None:
    path = tmp_path / "log-in.yml"
    path.write_text(text, encoding="utf-8")
    unchecked, none = read_yaml(path, PATH, check_keys=False)
    assert unchecked is not None and none == [] and not unchecked.keys_checked
    assert read_quickly(unchecked.root, ENTRY_FIELDS) is None
    checked, problems = read_yaml(path, PATH)
    assert checked is None and [str(problem) for problem in problems] == [expected]
    assert repeated_key_problems(unchecked) == problems
    folder = write_content(tmp_path, {"account/log-in": text})
    assert [str(problem) for problem in check_help_center(folder, tmp_path)[1]] == [expected]


@pytest.mark.parametrize("text", [
    ENTRY + "tags: !!seq [a, b]\n",
    ENTRY + "video: !!map\n  url: https://vimeo.com/1\n  title: T\n  description: D\n  uploaded: 2026-01-01\n",
    ENTRY + "tags: !!null\n",
    ENTRY.replace("owner: Support team", "owner: !!str Support team"),
])
def test_standard_tags_are_read_as_before_but_not_quickly(tmp_path: Path, text: str) -> None:
    path = tmp_path / "log-in.yml"
    path.write_text(text, encoding="utf-8")
    document, problems = read_yaml(path, PATH, check_keys=False)
    assert document is not None and problems == []
    assert read_quickly(document.root, ENTRY_FIELDS) is None
    folder = write_content(tmp_path, {"account/log-in": text})
    help_center, problems = check_help_center(folder, tmp_path)
    assert problems == [] and help_center is not None


def test_an_admonition_is_read_quickly(tmp_path: Path) -> None:
    """A '!' that starts no tag, as in '!!! note', leaves the file to the quick reader alone."""
    text = ENTRY + 'steps:\n  - |\n    !!! note "Careful"\n\n        Read [the rules](link:support) first.\n'
    path = tmp_path / "log-in.yml"
    path.write_text(text, encoding="utf-8")
    document, problems = read_yaml(path, PATH, check_keys=False)
    assert document is not None and problems == [] and not document.keys_checked
    assert read_quickly(document.root, ENTRY_FIELDS) is not None
    folder = write_content(tmp_path, {"account/log-in": text})
    assert check_help_center(folder, tmp_path)[1] == []


def test_links_that_lead_nowhere_are_reported_on_their_own_lines(tmp_path: Path) -> None:
    text = ENTRY + (
        "steps:\n"
        "  - First [here](entry:nowhere).\n"
        "  - |\n"
        "    Then\n"
        "    [there](link:nothing) and [out](https://localhost) and [mail](mailto:nobody)\n"
        "    and [old](ftp:x.example.com).\n"
    )
    text = text.replace("  If it fails, [contact us](link:support).", "  If it fails,\n\n  [contact us](entry:gone).")
    folder = write_content(tmp_path, {"account/log-in": text})
    assert [str(problem) for problem in check_help_center(folder, tmp_path)[1]] == [
        f"{PATH}:10: answer: no entry has the id 'gone'",
        f"{PATH}:12: steps[1]: no entry has the id 'nowhere'",
        f"{PATH}:15: steps[2]: malformed e-mail link 'mailto:nobody'",
        f"{PATH}:15: steps[2]: malformed web address 'https://localhost'",
        f"{PATH}:15: steps[2]: no link is named 'nothing'; define it under 'links' in faq_data/settings.yml",
        f"{PATH}:16: steps[2]: unsupported link 'ftp:x.example.com': "
        "use https://..., mailto:..., link:NAME or entry:ID",
    ]


LINK_PIECES = ["text ", "\n", "[a](", "entry:x-1", "https://example.com/a?b=1", ")", "]", "(", "link:support",
               "Mailto:a@b.co", "javascript:alert(1)", " ", "<", "{", "]:", "![", "!", "'", "`", "&", "ftp:x",
               "[ref]: https://example.com/", "\t", "(x)", "]()", "](<x>)", "](", "](y)"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(LINK_PIECES), max_size=14).map("".join))
def test_link_targets_without_lines_are_the_plain_links(text: str) -> None:
    links, targets = plain_links(text), plain_link_targets(text)
    assert (links is None) == (targets is None)
    if links is not None and targets is not None:
        assert [(link.address, link.scheme) for link in links] == [
            (address, scheme.lower()) for address, scheme, _ in targets
        ]


def test_a_file_longer_than_one_read_is_read_whole(tmp_path: Path) -> None:
    long_answer = "".join(f"  Paragraph {number} of a long answer.\n\n" for number in range(4000))
    text = ENTRY.replace("answer: |\n", "answer: |\n" + long_answer)
    assert 65536 < len(text.encode()) < 1_000_000
    folder = write_content(tmp_path, {"account/log-in": text})
    help_center, problems = check_help_center(folder, tmp_path)
    assert problems == [] and help_center is not None
    answer = help_center.entry("log-in").answer
    assert answer.startswith("Paragraph 0 of") and "Paragraph 3999 of a long answer." in answer
    assert answer.endswith("[contact us](link:support).")


def walked(folder: Path) -> list[tuple[str, ...]]:
    """What `os.walk` finds, as the check listed files before: path parts, sorted, hidden ones left out."""
    found: list[tuple[str, ...]] = []
    for directory, subfolders, names in os.walk(folder):
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        relative = Path(directory).relative_to(folder).parts
        found.extend((*relative, name) for name in names if not name.startswith("."))
    return sorted(found)


def test_entry_files_are_listed_as_os_walk_lists_them(tmp_path: Path) -> None:
    for name in ["a.yml", "b/x.yml", "b.yml", "b-c.yml", "b/c/d.yml", "b/c.yml", ".hidden/x.yml",
                 "c/.hidden.yml", "c/y.yml", "aa/z.yml", "a/q.yml", "z.txt", "empty/"]:
        path = tmp_path / name
        if name.endswith("/"):
            path.mkdir(parents=True)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")
    (tmp_path / "link-to-folder").symlink_to(tmp_path / "b", target_is_directory=True)
    (tmp_path / "link-to-file.yml").symlink_to(tmp_path / "a.yml")
    (tmp_path / "broken-link.yml").symlink_to(tmp_path / "nothing.yml")
    listed = [
        (*subfolder.rstrip("/").split("/"), name) if subfolder else (name,)
        for subfolder, names in _visible_files(str(tmp_path)) for name in names
    ]
    assert listed == walked(tmp_path)
    assert ("b", "c", "d.yml") in listed and ("link-to-file.yml",) in listed and ("broken-link.yml",) in listed


def test_the_synthetic_entries_are_listed_as_os_walk_lists_them(tmp_path: Path) -> None:
    from helpcenter.synthetic import write_synthetic_content

    write_synthetic_content(tmp_path / "faq_data", 130, per_category=40)
    folder = tmp_path / "faq_data" / "entries"
    listed = [(*subfolder.rstrip("/").split("/"), name) if subfolder else (name,)
              for subfolder, names in _visible_files(str(folder)) for name in names]
    assert listed == walked(folder) and len(listed) == 130
