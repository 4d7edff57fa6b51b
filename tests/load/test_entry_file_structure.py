"""The structure of an entry file: tags, merge keys, links on their own lines, long files."""

from __future__ import annotations

from pathlib import Path

import pytest

from content_fixture import ENTRY, write_content
from helpcenter.load.help_center import check_help_center
from helpcenter.load.yaml_file import read_yaml

PATH = "faq_data/entries/account/log-in.yml"


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
def test_tags_and_merge_keys_are_refused(tmp_path: Path, text: str, expected: str) -> None:
    path = tmp_path / "log-in.yml"
    path.write_text(text, encoding="utf-8")
    checked, problems = read_yaml(path, PATH)
    assert checked is None and [str(problem) for problem in problems] == [expected]
    folder = write_content(tmp_path, {"account/log-in": text})
    assert [str(problem) for problem in check_help_center(folder, tmp_path)[1]] == [expected]


@pytest.mark.parametrize("text", [
    ENTRY + "tags: !!seq [a, b]\n",
    ENTRY + "video: !!map\n  url: https://vimeo.com/1\n  title: T\n  description: D\n  uploaded: 2026-01-01\n",
    ENTRY + "tags: !!null\n",
    ENTRY.replace("owner: Support team", "owner: !!str Support team"),
])
def test_standard_tags_are_read_as_without_them(tmp_path: Path, text: str) -> None:
    folder = write_content(tmp_path, {"account/log-in": text})
    help_center, problems = check_help_center(folder, tmp_path)
    assert problems == [] and help_center is not None


def test_an_admonition_is_not_a_tag(tmp_path: Path) -> None:
    """A '!' that starts no tag, as in '!!! note', is text."""
    text = ENTRY + 'steps:\n  - |\n    !!! note "Careful"\n\n        Read [the rules](link:support) first.\n'
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
        f"{PATH}:10: answer: no entry has the id 'gone'; if that entry was retired, "
        "remove the link or point it at another",
        f"{PATH}:12: steps[1]: no entry has the id 'nowhere'; if that entry was retired, "
        "remove the link or point it at another",
        f"{PATH}:15: steps[2]: malformed e-mail link 'mailto:nobody'",
        f"{PATH}:15: steps[2]: malformed web address 'https://localhost'",
        f"{PATH}:15: steps[2]: no link is named 'nothing'; define it under 'links' in faq_data/settings.yml",
        f"{PATH}:16: steps[2]: unsupported link 'ftp:x.example.com': "
        "use https://..., mailto:..., link:NAME, entry:ID or page:NAME",
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
