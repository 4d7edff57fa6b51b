"""Content from a pull request: links, devices and pipes are refused unread, and nothing printed can
drive the terminal or forge a problem line."""

from __future__ import annotations

import os
import re
import threading
from pathlib import Path

import pytest

from content_fixture import CATEGORIES, ENTRY, SETTINGS, write_content
from helpcenter.annotations import github_annotation
from helpcenter.load.help_center import check_help_center
from helpcenter.load.yaml_file import MAX_FILE_BYTES
from helpcenter.problems import Problem

SECRET = "root:x:0:0:the-secret-text"


def _problems(folder: Path, root: Path) -> list[str]:
    return [str(problem) for problem in check_help_center(folder, root)[1]]


@pytest.mark.parametrize("target_kind", ["outside file", "outside file through a linked folder"])
def test_a_link_to_a_file_outside_the_repository_is_refused_and_never_quoted(tmp_path: Path, target_kind: str) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "passwd").write_text(SECRET + "\n", encoding="utf-8")
    project = tmp_path / "project"
    folder = write_content(project, {"account/log-in": ENTRY})
    if target_kind == "outside file":
        (folder / "entries" / "account" / "leak.yml").symlink_to(outside / "passwd")
        expected = "faq_data/entries/account/leak.yml: a symbolic link to a file outside the repository"
    else:
        (folder / "settings.yml").unlink()
        (outside / "settings.yml").write_text(SECRET + "\n", encoding="utf-8")
        (folder / "settings.yml").symlink_to(outside / "settings.yml")
        expected = "faq_data/settings.yml: a symbolic link to a file outside the repository"
    found = _problems(folder, project)
    assert any(line.startswith(expected) for line in found), found
    assert not any("secret" in line for line in found)


def test_a_link_inside_the_repository_is_read(tmp_path: Path) -> None:
    folder = write_content(tmp_path, {"account/log-in": ENTRY})
    (tmp_path / "shared.yml").write_text(ENTRY.replace("How do I log in?", "How do I sign in?"), encoding="utf-8")
    (folder / "entries" / "account" / "sign-in.yml").symlink_to(tmp_path / "shared.yml")
    help_center, problems = check_help_center(folder, tmp_path)
    assert problems == [] and help_center is not None
    assert help_center.entry("sign-in").title == "How do I sign in?"


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_a_device_is_not_read(tmp_path: Path, device: str) -> None:
    folder = write_content(tmp_path, {"account/log-in": ENTRY})
    (folder / "entries" / "account" / "endless.yml").symlink_to(device)
    found = _problems(folder, tmp_path)
    assert [line for line in found if "endless" in line] == [
        "faq_data/entries/account/endless.yml: a symbolic link to a file outside the repository; "
        "put the file itself here instead of the link"
    ]


def test_a_device_reached_through_a_link_inside_the_repository_is_not_read(tmp_path: Path) -> None:
    """With the repository holding a link to the device, the link's target is still no regular file."""
    folder = write_content(tmp_path, {"account/log-in": ENTRY})
    (folder / "entries" / "account" / "endless.yml").symlink_to("/dev/zero")
    help_center, problems = check_help_center(folder, Path("/"))  # everything is inside "/"
    assert help_center is None
    assert [problem.message for problem in problems] == [
        "not a regular file (a device, pipe, socket or folder); a content file is a plain text file"
    ]


def test_a_pipe_does_not_hang_the_check(tmp_path: Path) -> None:
    folder = write_content(tmp_path, {"account/log-in": ENTRY})
    os.mkfifo(folder / "entries" / "account" / "pipe.yml")
    result: list[list[str]] = []
    worker = threading.Thread(target=lambda: result.append(_problems(folder, tmp_path)), daemon=True)
    worker.start()
    worker.join(timeout=20)
    assert result, "the check hung on a named pipe"
    assert any(line.startswith("faq_data/entries/account/pipe.yml: not a regular file") for line in result[0])


def test_a_linked_category_folder_is_named_not_skipped(tmp_path: Path) -> None:
    folder = write_content(tmp_path, {"account/log-in": ENTRY})
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (folder / "entries" / "billing").symlink_to(elsewhere, target_is_directory=True)
    assert "faq_data/entries/billing: a symbolic link to a folder is not read; move the entries into a folder " \
           "of their own here" in _problems(folder, tmp_path)


def test_a_file_that_grows_past_the_limit_is_read_only_to_the_limit(tmp_path: Path) -> None:
    folder = write_content(tmp_path, {"account/log-in": ENTRY})
    big = folder / "entries" / "account" / "big.yml"
    big.write_bytes(b"title: x\n" + b"#" * (MAX_FILE_BYTES * 3))
    found = [line for line in _problems(folder, tmp_path) if "big.yml" in line]
    assert len(found) == 1 and "the limit is 1,000,000" in found[0]


@pytest.mark.parametrize("hostile", ["\x1b[2J\x1b[31mred", "bell\x07", "a\rfaq_data/x.yml:1: forged", "two\nlines",
                                     "right\u202eleft", "nel\x85", "zero\u200bwidth", "soft\u00adhyphen",
                                     "mark\ufeff"])
def test_printed_problems_cannot_drive_the_terminal_or_forge_a_line(hostile: str) -> None:
    problem = Problem(f"faq_data/{hostile}.yml", 3, hostile, f"unknown field '{hostile}'")
    for text in (str(problem), github_annotation(problem)):
        assert "\n" not in text and "\r" not in text
        assert not any(ord(character) < 0x20 or 0x7F <= ord(character) <= 0x9F for character in text)
        assert not re.search("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]", text)
    assert "\\x1b" in str(Problem("p", 1, "", "\x1b")) and "\\u202e" in str(Problem("p", 1, "", "\u202e"))


@pytest.mark.parametrize("order", ["9" * 4400, "1" + "0" * 9, "-" + "9" * 10])
def test_a_huge_number_is_refused_without_a_traceback(tmp_path: Path, order: str) -> None:
    folder = write_content(tmp_path, categories=CATEGORIES.replace("order: 2", f"order: {order}"))
    assert _problems(folder, tmp_path) == [
        "faq_data/categories.yml:10: billing.order: expected a whole number of at most 9 digits, such as 10"
    ]


@pytest.mark.parametrize("email", [
    "a@b.example?bcc=attacker%40evil.example", "support@example.com?subject=Hi", "support@example.com&cc=x@y.z",
    "support@example.com#x", "sup%70ort@example.com", "support@example.com/x",
    "sup\u00adport@example.com", "support@exa\u200cmple.com", "support@example.com\u2066",
])
def test_the_support_address_is_an_address_and_nothing_more(tmp_path: Path, email: str) -> None:
    folder = write_content(tmp_path, settings=SETTINGS.replace("email: support@example.com", f"email: {email}"))
    found = _problems(folder, tmp_path)
    assert len(found) == 1 and found[0].startswith("faq_data/settings.yml:5: contact.email: expected an e-mail address")


def test_a_plus_address_is_still_an_address(tmp_path: Path) -> None:
    folder = write_content(tmp_path, settings=SETTINGS.replace("email: support@", "email: support+help@"))
    assert _problems(folder, tmp_path) == []


@pytest.mark.parametrize("character", ["\u200b", "\u202e", "\u202a", "\ufeff", "\u2060"])
@pytest.mark.parametrize("where", ["title", "video address", "shared link"])
def test_invisible_characters_are_refused_in_titles_and_addresses(tmp_path: Path, character: str, where: str) -> None:
    settings, entry = SETTINGS, ENTRY
    if where == "title":
        entry = ENTRY.replace("How do I log in?", f"How do I log{character} in?")
    elif where == "video address":
        entry = ENTRY + f"video:\n  url: https://vimeo.com/1{character}2\n  title: T\n  description: D\n" \
                        "  uploaded: 2026-01-01\n"
    else:
        settings = SETTINGS.replace("https://portal.example.com/", f"https://portal.exam{character}ple.com/")
    folder = write_content(tmp_path, {"account/log-in": entry}, settings=settings)
    found = _problems(folder, tmp_path)
    assert len(found) == 1, found


@pytest.mark.parametrize("text", [
    "\u0645\u0631\u062d\u0628\u0627 \u200f(2FA)",  # Arabic with a right-to-left mark
    "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",  # Persian with a zero-width non-joiner
    "Pass\u00adwort \u2067\u05e9\u05dc\u05d5\u05dd\u2069",  # a soft hyphen, an isolated Hebrew word
])
def test_marks_that_languages_need_stay_in_titles(tmp_path: Path, text: str) -> None:
    folder = write_content(tmp_path, {"account/log-in": ENTRY.replace("How do I log in?", text)})
    assert _problems(folder, tmp_path) == []


@pytest.mark.parametrize("name", ["evil\n", "evil\r", "evil\n\n", "evil\u2028"])
def test_an_id_ends_where_its_text_ends(tmp_path: Path, name: str) -> None:
    folder = write_content(tmp_path, {"account/log-in": ENTRY})
    (folder / "entries" / "account" / f"{name}.yml").write_text(ENTRY, encoding="utf-8")
    help_center, problems = check_help_center(folder, tmp_path)
    assert help_center is None and len(problems) == 1
    assert "the file name is the entry's id and its address" in problems[0].message
    assert "\n" not in str(problems[0]) and "\r" not in str(problems[0])
