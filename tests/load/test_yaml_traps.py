"""YAML's traps: each is read as the editor meant, or refused with a clear message; none changes content silently."""

from __future__ import annotations

import time
import tracemalloc
from pathlib import Path

import pytest

from content_fixture import ENTRY, write_content
from helpcenter.load.help_center import check_help_center
from helpcenter.load.yaml_file import MAX_FILE_BYTES, read_yaml
from helpcenter.model import HelpCenter

PATH = "faq_data/entries/account/log-in.yml"


def load(tmp_path: Path, data: bytes) -> tuple[HelpCenter | None, list[str]]:
    folder = write_content(tmp_path, {"account/log-in": ""})
    (folder / "entries" / "account" / "log-in.yml").write_bytes(data)
    help_center, problems = check_help_center(folder, tmp_path)
    return help_center, [str(problem) for problem in problems]


def test_a_duplicate_key_names_both_lines(tmp_path: Path) -> None:
    text = ENTRY + (
        "video:\n  url: https://youtu.be/aqz-KE-bpKQ\n  title: A\n  title: B\n"
        "  description: D\n  uploaded: 2026-01-01\n"
    )
    assert load(tmp_path, text.encode())[1] == [
        f"{PATH}:12: title: duplicate key: 'title' is already set on line 11; keep one of the two",
    ]


def test_a_duplicate_category_names_both_lines(tmp_path: Path) -> None:
    folder = write_content(tmp_path, categories=(
        "account:\n  title: Account\n  description: D\n  icon: material/account\n  order: 1\n"
        "account:\n  title: Again\n  description: D\n  icon: material/account\n  order: 2\n"
    ))
    assert [str(problem) for problem in check_help_center(folder, tmp_path)[1]] == [
        "faq_data/categories.yml:6: account: duplicate key: 'account' is already set on line 1; keep one of the two",
    ]


def billion_laughs(levels: int) -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, levels):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 9) + "]")
    lines.append(f"title: *a{levels - 1}")
    return "\n".join(lines) + "\n"


def test_an_alias_bomb_is_refused_at_once_with_little_memory(tmp_path: Path) -> None:
    # 9**30 "lol"s if it were expanded: no computer holds that.
    path = tmp_path / "bomb.yml"
    path.write_text(billion_laughs(30), encoding="utf-8")
    tracemalloc.start()
    started = time.process_time()
    try:
        document, problems = read_yaml(path, "bomb.yml")
        cpu_seconds = time.process_time() - started
        _, peak_bytes = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert document is None
    assert [str(problem) for problem in problems][:2] == [
        "bomb.yml:1: anchors and aliases (&name, *name) are not supported; write the value out in full",
        "bomb.yml:2: anchors and aliases (&name, *name) are not supported; write the value out in full",
    ]
    assert len(problems) == 30
    assert cpu_seconds < 1.0
    assert peak_bytes < 20_000_000


def test_an_alias_bomb_in_an_entry_reports_each_anchor_once(tmp_path: Path) -> None:
    assert len(load(tmp_path, billion_laughs(12).encode())[1]) == 12


# YAML 1.1 reads these as booleans, numbers, dates or nothing; text fields keep what was typed.
AS_TYPED = ["no", "yes", "on", "off", "No", "y", "1.10", "0o12", "012", "0x1F", "1e3", ".inf", "12:30",
            "2026-01-01", "2001-12-14t21:59:43.10-05:00", "true", "False", "-1", "+1"]


@pytest.mark.parametrize("typed", AS_TYPED)
def test_text_fields_keep_yaml_1_1_look_alikes_as_typed(tmp_path: Path, typed: str) -> None:
    text = ENTRY.replace("title: How do I log in?", f"title: {typed}").replace(
        "owner: Support team", f"owner: {typed}") + f"tags: [{typed}, {typed}x]\nalso_asked:\n  - {typed}\n"
    help_center, problems = load(tmp_path, text.encode())
    assert problems == []
    assert help_center is not None
    entry = help_center.entry("log-in")
    assert (entry.title, entry.owner, entry.tags, entry.also_asked) == (typed, typed, (typed, typed + "x"), (typed,))


@pytest.mark.parametrize("typed", ["~", "null", "Null", ""])
def test_a_null_in_a_required_text_field_is_an_error_not_the_word(tmp_path: Path, typed: str) -> None:
    text = ENTRY.replace("owner: Support team", f"owner: {typed}")
    assert load(tmp_path, text.encode())[1] == [
        f"{PATH}:5: owner: required, but empty; fill in who keeps this answer correct: a person or a team"
    ]


@pytest.mark.parametrize("typed, expected", [
    ("2026-1-5", "expected a date written as YYYY-MM-DD, got '2026-1-5'"),
    ("2026-02-30", "'2026-02-30' is no such day (YYYY-MM-DD); check the month and the day"),
    ("20260105", "expected a date written as YYYY-MM-DD, got '20260105'"),
    ("2026-01-05 10:00", "expected a date written as YYYY-MM-DD, got '2026-01-05 10:00'"),
])
def test_dates_are_exactly_yyyy_mm_dd(tmp_path: Path, typed: str, expected: str) -> None:
    text = ENTRY.replace("reviewed: 2026-01-05", f"reviewed: {typed}")
    assert load(tmp_path, text.encode())[1] == [f"{PATH}:4: reviewed: {expected}"]


@pytest.mark.parametrize("typed, expected", [("012", 12), ("0o12", None), ("1_000", None), ("1.0", None)])
def test_a_whole_number_is_read_in_decimal_or_refused(tmp_path: Path, typed: str, expected: int | None) -> None:
    categories = f"account:\n  title: A\n  description: D\n  icon: material/a\n  order: {typed}\n"
    folder = write_content(tmp_path, categories=categories)
    help_center, problems = check_help_center(folder, tmp_path)
    if expected is None:
        assert [str(problem) for problem in problems] == [
            f"faq_data/categories.yml:5: account.order: expected a whole number, got '{typed}'"
        ]
    else:
        assert help_center is not None and help_center.category("account").order == expected


def test_crlf_line_ends_a_byte_order_mark_and_tabs_inside_text_work(tmp_path: Path) -> None:
    text = "\ufeff" + ENTRY.replace("owner: Support team", "owner:\tSupport\tteam").replace("\n", "\r\n")
    help_center, problems = load(tmp_path, text.encode("utf-8"))
    assert problems == []
    assert help_center is not None
    entry = help_center.entry("log-in")
    assert entry.title == "How do I log in?"
    assert entry.owner == "Support\tteam"
    assert entry.answer == "Open the login page.\nIf it fails, [contact us](link:support)."


BROKEN_FILES = {
    "tab indentation": (
        ENTRY.replace("  Open the login page.", "\tOpen the login page.").encode(),
        f"{PATH}:7: invalid YAML at column 1: found a tab character where an indentation space is expected; "
        "indent with spaces, not tabs",
    ),
    "invalid UTF-8": (
        ENTRY.encode().replace(b"Support", b"Supp\xff\xfeort"),
        f"{PATH}:5: the file is not valid UTF-8; save it with UTF-8 encoding",
    ),
    "UTF-16": (ENTRY.encode("utf-16"), f"{PATH}:1: the file is saved as UTF-16; save it with UTF-8 encoding"),
    "empty file": (b"", f"{PATH}:1: the file is empty; fill in the fields or delete it"),
    "only comments": (b"# title: x\n\n# summary: y\n", f"{PATH}:1: the file is empty; fill in the fields or delete it"),
    "only a document marker": (b"---\n", f"{PATH}:1: the file is empty; fill in the fields or delete it"),
    "a list instead of fields": (
        b"- title: x\n- summary: y\n", f"{PATH}:1: expected the fields as 'name: value' lines, got a list"
    ),
    "a sentence instead of fields": (
        b"How do I log in?\n", f"{PATH}:1: expected the fields as 'name: value' lines, got 'How do I log in?'"
    ),
    "two documents": (
        (ENTRY + "---\ntitle: Another\n").encode(),
        f"{PATH}:9: invalid YAML at column 1: but found another document; a file holds one entry: remove this "
        "'---' line and what follows, or move it to a file of its own",
    ),
    "a control character": (
        ENTRY.encode().replace(b"Support", b"Supp\x07ort"),
        f"{PATH}:5: the file contains the control character U+0007, which cannot be shown; remove it",
    ),
    "no space after the colon": (
        ENTRY.replace("owner: Support team", "owner:Support team").encode(),
        f"{PATH}:5: invalid YAML at column 7: could not find expected ':'; put a space after the ':' that follows "
        "the field's name",
    ),
    "a custom tag": (
        ENTRY.replace("owner: Support team", "owner: !!python/object:os.system Support team").encode(),
        f"{PATH}:5: YAML tags such as '!!python/object:os.system' are not supported; remove it",
    ),
    "a merge key": (
        (ENTRY + "video:\n  <<: {title: T}\n").encode(),
        f"{PATH}:10: merge keys (<<) are not supported; write the fields out",
    ),
    "nesting too deep": (
        b"title: " + b"[" * 5000 + b"\n",
        f"{PATH}:1: invalid YAML at column 1007: exceeded maximum nesting depth; lists or groups are nested too "
        "deeply; write the value as text",
    ),
}


@pytest.mark.parametrize("data, expected", BROKEN_FILES.values(), ids=BROKEN_FILES.keys())
def test_each_broken_file_gets_one_clear_message(tmp_path: Path, data: bytes, expected: str) -> None:
    assert load(tmp_path, data)[1] == [expected]


def test_a_ten_megabyte_file_is_refused_with_its_size(tmp_path: Path) -> None:
    data = (ENTRY + "tags:\n" + "  - padding\n" * 1_000_000).encode()
    assert len(data) > 10_000_000
    assert load(tmp_path, data)[1] == [
        f"{PATH}: the file is {len(data):,} bytes; the limit is {MAX_FILE_BYTES:,}. "
        "Split it or move long material out of it",
    ]


def test_a_next_line_character_is_refused_not_turned_into_a_space(tmp_path: Path) -> None:
    text = ENTRY.replace("owner: Support team", "owner: Support\x85team")
    assert load(tmp_path, text.encode())[1] == [
        f"{PATH}:5: the file contains the invisible line break U+0085; remove it, or use a normal line break"
    ]


def test_a_line_separator_in_quoted_text_is_kept(tmp_path: Path) -> None:
    text = ENTRY.replace("owner: Support team", "owner: 'Support\u2028team'")
    help_center, problems = load(tmp_path, text.encode())
    assert problems == [] and help_center is not None
    assert help_center.entry("log-in").owner == "Support\u2028team"
