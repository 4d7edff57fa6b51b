"""Every kind of content mistake gives one exact, located message; all problems come at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import FIXTURE
from content_fixture import CATEGORIES, ENTRY, write_content
from helpcenter.load.help_center import check_help_center, load_help_center
from helpcenter.problems import ContentError

PATH = "faq_data/entries/account/log-in.yml"
VIDEO = "video:\n  url: {url}\n  title: T\n  description: D\n  uploaded: 2026-01-01\n"


def problems_for(tmp_path: Path, entries: dict[str, str]) -> list[str]:
    data = write_content(tmp_path, entries)
    help_center, problems = check_help_center(data, tmp_path)
    assert (help_center is None) == bool(problems)
    return [str(problem) for problem in problems]


def test_valid_content_loads(tmp_path: Path) -> None:
    help_center = load_help_center(write_content(tmp_path), tmp_path)
    entry = help_center.entry("log-in")
    assert entry.url == "account/log-in/"
    assert entry.reviewed.isoformat() == "2026-01-05"
    # billing has no entry: it is not published, and the check names it.
    assert [category.id for category in help_center.categories] == ["account"]
    assert help_center.empty_categories == ("billing",)


CASES = {
    "missing required field": (
        ENTRY.replace("owner: Support team\n", ""),
        f"{PATH}:1: owner: missing required field: who keeps this answer correct: a person or a team",
    ),
    "wrong type": (
        ENTRY + "tags: password\n",
        f"{PATH}:9: tags: expected a list of text items, each on its own line starting with '- ', got 'password'",
    ),
    "empty value": (
        ENTRY.replace("summary: Use your e-mail address and password on the login page.", 'summary: ""'),
        f"{PATH}:2: summary: required, but empty; fill in one sentence that answers the question; "
        "shown in lists and to search engines",
    ),
    "empty optional value": (
        ENTRY + "video:\n  url: https://youtu.be/aqz-KE-bpKQ\n  title: T\n  description: D\n"
        "  uploaded: 2026-01-01\n  thumbnail:\n",
        f"{PATH}:14: video.thumbnail: empty value; fill it in or remove the field",
    ),
    "unknown field with a suggestion": (
        ENTRY + "also_askd: [x]\n",
        f"{PATH}:9: also_askd: unknown field (did you mean 'also_asked'?)",
    ),
    "unknown category": (
        ENTRY.replace("category: account", "category: acount"),
        f"{PATH}:3: category: unknown category 'acount' (did you mean 'account'?)",
    ),
    "related entry that does not exist": (
        ENTRY + "related: [log-out]\n",
        f"{PATH}:9: related: no entry has the id 'log-out'; if that entry was retired, remove it from the list",
    ),
    "undefined link name": (
        ENTRY.replace("link:support", "link:suport"),
        f"{PATH}:8: answer: no link is named 'suport' (did you mean 'support'?)",
    ),
    "link to an entry that does not exist": (
        ENTRY.replace("link:support", "entry:log-on"),
        f"{PATH}:8: answer: no entry has the id 'log-on'; if that entry was retired, "
        "remove the link or point it at another",
    ),
    "malformed URL in the answer": (
        ENTRY.replace("link:support", "https://localhost"),
        f"{PATH}:8: answer: malformed web address 'https://localhost'",
    ),
    "misspelt scheme in the answer": (
        ENTRY.replace("link:support", "htps://example.com"),
        f"{PATH}:8: answer: unsupported link 'htps://example.com': use https://..., mailto:..., link:NAME, "
        "entry:ID or page:NAME",
    ),
    "video that is not YouTube or Vimeo": (
        ENTRY + VIDEO.format(url="https://example.com/v"),
        f"{PATH}:10: video.url: expected a YouTube or Vimeo link such as https://www.youtube.com/watch?v=... "
        "or https://vimeo.com/123, got 'https://example.com/v'",
    ),
    "video on another site, with a thumbnail": (
        ENTRY + VIDEO.format(url="https://example.com/v") + "  thumbnail: assets/v.svg\n",
        f"{PATH}:10: video.url: expected a YouTube or Vimeo link such as https://www.youtube.com/watch?v=... "
        "or https://vimeo.com/123, got 'https://example.com/v'",
    ),
    "malformed video URL": (
        ENTRY + VIDEO.format(url="htps://youtu.be/x"),
        f"{PATH}:10: video.url: expected a web address starting with https://, got 'htps://youtu.be/x'",
    ),
    "date in another format": (
        ENTRY.replace("reviewed: 2026-01-05", "reviewed: 5 Jan 2026"),
        f"{PATH}:4: reviewed: expected a date written as YYYY-MM-DD, got '5 Jan 2026'",
    ),
    "invalid YAML": (
        ENTRY.replace("owner: Support team", "owner: [Support team"),
        f"{PATH}:6: invalid YAML at column 7: did not find expected ',' or ']'; "
        "check the indentation and the quotes on this line and the one before",
    ),
    "duplicate key": (
        ENTRY + "title: Again?\n",
        f"{PATH}:9: title: duplicate key: 'title' is already set on line 1; keep one of the two",
    ),
    "a list instead of fields": (
        "- title\n- summary\n",
        f"{PATH}:1: expected the fields as 'name: value' lines, got a list",
    ),
    "empty file": ("", f"{PATH}:1: the file is empty; fill in the fields or delete it"),
}


@pytest.mark.parametrize("text, expected", CASES.values(), ids=CASES.keys())
def test_each_problem_has_an_exact_located_message(tmp_path: Path, text: str, expected: str) -> None:
    assert problems_for(tmp_path, {"account/log-in": text}) == [expected]


def test_two_entries_with_the_same_id(tmp_path: Path) -> None:
    problems = problems_for(tmp_path, {
        "account/log-in": ENTRY,
        "billing/log-in": ENTRY.replace("category: account", "category: billing").replace("log in?", "log in to pay?"),
    })
    assert problems == [
        "faq_data/entries/billing/log-in.yml:1: two entries have the id 'log-in' "
        "(the other is faq_data/entries/account/log-in.yml); rename one of the files"
    ]


def test_two_entries_claiming_the_same_url(tmp_path: Path) -> None:
    problems = problems_for(tmp_path, {
        "account/log-in": ENTRY,
        "billing/pay": ENTRY.replace("category: account", "category: billing").replace("log in?", "pay?")
        + "redirect_from: [account/log-in/]\n",
    })
    assert problems == [
        "faq_data/entries/billing/pay.yml:9: redirect_from: 'account/log-in/' is already the address of "
        "faq_data/entries/account/log-in.yml; remove it from redirect_from"
    ]


def test_two_entries_with_the_same_title(tmp_path: Path) -> None:
    problems = problems_for(tmp_path, {
        "account/log-in": ENTRY,
        "account/sign-in": ENTRY.replace("How do I log in?", "How do I  LOG in?"),
    })
    assert problems == [
        "faq_data/entries/account/sign-in.yml:1: title: faq_data/entries/account/log-in.yml has the same title; "
        "make each question say what sets it apart"
    ]


@pytest.mark.parametrize("field, text, line", [
    ("related", "related: [log-in-help, log-in-help]\n", 9),
    ("redirect_from", "redirect_from:\n  - account/old/\n  - account/old/\n", 9),
])
def test_an_id_or_address_listed_twice_is_refused(tmp_path: Path, field: str, text: str, line: int) -> None:
    other = ENTRY.replace("How do I log in?", "Why can I not log in?")
    problems = problems_for(tmp_path, {"account/log-in": ENTRY + text, "account/log-in-help": other})
    repeated = "log-in-help" if field == "related" else "account/old/"
    assert problems == [f"{PATH}:{line}: {field}: '{repeated}' is listed twice; remove one of the two"]


def test_did_you_mean_never_proposes_the_entry_itself_or_one_already_listed(tmp_path: Path) -> None:
    other = ENTRY.replace("How do I log in?", "How do I log out?")
    problems = problems_for(tmp_path, {
        "account/log-in": ENTRY + "related: [log-out, log-inn]\n",
        "account/log-out": other,
    })
    assert problems == [
        f"{PATH}:9: related: no entry has the id 'log-inn'; if that entry was retired, remove it from the list"
    ]


def test_two_categories_in_the_same_place_are_refused(tmp_path: Path) -> None:
    folder = write_content(tmp_path, categories=CATEGORIES.replace("order: 2", "order: 1"))
    problems = [str(problem) for problem in check_help_center(folder, tmp_path)[1]]
    assert problems == [
        "faq_data/categories.yml:10: billing.order: the category 'account' has the order 1 too; "
        "give each category its own number"
    ]


def test_entry_in_the_wrong_category_folder(tmp_path: Path) -> None:
    problems = problems_for(tmp_path, {"billing/log-in": ENTRY})
    assert problems == [
        "faq_data/entries/billing/log-in.yml:3: category: the entry is in the folder 'billing' but its category "
        "is 'account'; move the file to faq_data/entries/account/ or change the category"
    ]


def test_file_name_that_cannot_be_an_address(tmp_path: Path) -> None:
    problems = problems_for(tmp_path, {"account/log-in": ENTRY, "account/Log In": ENTRY})
    assert problems == [
        "faq_data/entries/account/Log In.yml: the file name is the entry's id and its address: "
        "use lower-case letters, digits and single hyphens, such as 'reset-2fa'"
    ]


def test_every_problem_in_every_file_comes_at_once_sorted(tmp_path: Path) -> None:
    problems = problems_for(tmp_path, {
        "account/log-in": ENTRY.replace("owner: Support team\n", "") + "colour: red\n",
        "account/a-first": ENTRY.replace("reviewed: 2026-01-05", "reviewed: yesterday"),
    })
    assert problems == [
        "faq_data/entries/account/a-first.yml:4: reviewed: expected a date written as YYYY-MM-DD, got 'yesterday'",
        f"{PATH}:1: owner: missing required field: who keeps this answer correct: a person or a team",
        f"{PATH}:8: colour: unknown field; known fields: title, summary, category, reviewed, owner, answer, "
        "steps, video, related, tags, also_asked, redirect_from",
    ]


def test_load_raises_one_error_with_the_whole_list(tmp_path: Path) -> None:
    data = write_content(tmp_path, {"account/log-in": ENTRY.replace("category: account", "category: acount")})
    with pytest.raises(ContentError) as raised:
        load_help_center(data, tmp_path)
    assert raised.value.report().splitlines() == [
        f"{PATH}:3: category: unknown category 'acount' (did you mean 'account'?)",
        "1 problem found in the help-center content.",
    ]


def test_broken_settings_and_categories_are_reported_with_the_entries(tmp_path: Path) -> None:
    data = write_content(
        tmp_path,
        {"account/log-in": ENTRY},
        settings="home:\n  title: Help\ncontact:\n  email: not-an-address\nlinks:\n  support: support@example.com\n",
        categories="account:\n  title: Account\n  description: D\n  icon: account\n  order: first\n",
    )
    assert [str(problem) for problem in check_help_center(data, tmp_path)[1]] == [
        "faq_data/categories.yml:4: account.icon: expected an icon name such as 'material/shield-lock', got 'account'",
        "faq_data/categories.yml:5: account.order: expected a whole number, got 'first'",
        "faq_data/settings.yml:4: contact.email: expected an e-mail address such as support@example.com, "
        "got 'not-an-address'",
        "faq_data/settings.yml:6: links.support: expected a web address starting with https:// or a mailto: "
        "address, got 'support@example.com'",
    ]


def test_the_tests_help_center_is_valid() -> None:
    help_center = load_help_center(FIXTURE / "faq_data", FIXTURE)
    assert {entry.id for entry in help_center.entries} == {
        "reset-2fa", "incorrect-2fa", "change-password", "new-device-login-email",
    }


def test_an_address_written_over_several_lines_is_shown_on_one(tmp_path: Path) -> None:
    """Found by tests/load/test_properties.py: every problem is one line, whatever the address holds."""
    entry = ENTRY.replace("[contact us](link:support)", "[contact us](x-y\n  title: T\n  link:support)")
    assert problems_for(tmp_path, {"account/log-in": entry}) == [
        f"{PATH}:7: answer: unsupported link 'x-y title: T link:support': "
        "use https://..., mailto:..., link:NAME, entry:ID or page:NAME"
    ]


def test_a_featured_entry_listed_twice_is_refused(tmp_path: Path) -> None:
    from content_fixture import SETTINGS

    folder = write_content(tmp_path, settings=SETTINGS.replace("featured: [log-in]", "featured: [log-in, log-in]"))
    assert [str(problem) for problem in check_help_center(folder, tmp_path)[1]] == [
        "faq_data/settings.yml:3: featured: 'log-in' is listed twice; remove one of the two"
    ]


@pytest.mark.parametrize("old, advice", [
    ("/account/old-question/", "write the address without the '/' in front: 'account/old-question/'"),
    ("https://help.example.com/account/old-question/", "write the address without the domain: 'account/old-question/'"),
    ("faq_data/entries/account/old-question.yml", "write the page's address, not its file: 'account/old-question/'"),
    ("Account/Old-Question/", "addresses are lower-case: 'account/old-question/'"),
    ("account/old-question", "end the address with '/': 'account/old-question/'"),
])
def test_each_usual_mistake_in_an_old_address_gets_its_own_fix(tmp_path: Path, old: str, advice: str) -> None:
    problems = problems_for(tmp_path, {"account/log-in": ENTRY + f"redirect_from:\n  - {old}\n"})
    assert problems == [
        f"{PATH}:10: redirect_from[1]: expected a site path without the domain that ends with '/', such as "
        f"'account/old-question/', got '{old}'; {advice}"
    ]


def test_a_review_date_in_the_future_is_refused(tmp_path: Path) -> None:
    from datetime import date, timedelta

    tomorrow, later = date.today() + timedelta(days=1), date.today() + timedelta(days=30)
    assert problems_for(tmp_path / "a", {"account/log-in": ENTRY.replace("2026-01-05", tomorrow.isoformat())}) == []
    assert problems_for(tmp_path / "b", {"account/log-in": ENTRY.replace("2026-01-05", later.isoformat())}) == [
        f"{PATH}:4: reviewed: {later.isoformat()} is in the future; write the day the answer was last checked"
    ]


@pytest.mark.parametrize("mark", ["<<<<<<< HEAD", "=======", ">>>>>>> main"])
def test_merge_conflict_marks_are_named_as_such(tmp_path: Path, mark: str) -> None:
    entry = ENTRY.replace("owner: Support team\n", f"owner: Support team\n{mark}\n")
    problems = problems_for(tmp_path, {"account/log-in": entry})
    assert problems == [
        f"{PATH}:6: this line is a mark left by a Git merge conflict ('{mark[:7]}'): keep the lines you want between "
        "the marks, delete the others and the three mark lines"
    ]
