"""Slips that YAML and Markdown accept but that would publish a writer's text cut or reshaped: each is
reported on its line with the fix, and the text around them that is written as meant still passes."""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

import pytest

from content_fixture import ENTRY, SETTINGS, write_content
from helpcenter.load.help_center import check_help_center

PATH = "faq_data/entries/account/log-in.yml"
WITHOUT_ANSWER = ENTRY.replace("answer: |\n  Open the login page.\n  If it fails, [contact us](link:support).\n", "")
GUIDE = Path(__file__).parents[2] / "CONTRIBUTING.md"


def problems_for(tmp_path: Path, text: str, settings: str = SETTINGS) -> list[str]:
    folder = write_content(tmp_path, {"account/log-in": text}, settings=settings)
    help_center, problems = check_help_center(folder, tmp_path)
    assert (help_center is None) == bool(problems)
    return [str(problem) for problem in problems]


def answer(text: str) -> str:
    """The entry with `text` as its answer field, from 'answer:' on."""
    return WITHOUT_ANSWER + text


COMMENT = "the text stops before ' #': the rest of the line is read as a note for editors and is not published; "
JOINED = ("these lines are joined into one paragraph, so lists and empty lines between paragraphs are lost; "
          "start the text with '|' on the field's line ({}) so its lines are kept")
FOLDED = ("'>' joins these lines into one paragraph, so lists and empty lines between paragraphs are lost; "
          "write '|' instead of '>' (answer: |) so its lines are kept")
MERGED = ("this line is added to the end of the {0} before it; each {0} starts on its own line with '- ' at the same "
          "indentation as the others")
EMPTY_BOX = ("this text is shown after an empty box, not inside it; indent the note's text by 4 spaces under '{}'")
CODE = ("this text is shown as a block of code, as typed in a grey box; remove the extra spaces at the start of the "
        "line (4 spaces make a code block)")
LIST = "this list is joined to the line above it into one paragraph; put an empty line before the list"
NESTED = ("this item joins the list above instead of going inside the item before it; indent it by 4 spaces more "
          "than that item's '- '")

REPORTED = {
    "a '#' in a title": (
        ENTRY.replace("title: How do I log in?", "title: How do I export invoice #123?"),
        [f'{PATH}:1: title: {COMMENT}put the text in quotes: title: "How do I export invoice #123?"'],
    ),
    "a comment after one space": (
        ENTRY.replace("owner: Support team", "owner: Support team # or Billing"),
        [f'{PATH}:5: owner: {COMMENT}put the text in quotes: owner: "Support team # or Billing"'],
    ),
    "a '#' glued to a word after two spaces": (
        ENTRY.replace("title: How do I log in?", "title: Join the channel  #support"),
        [f'{PATH}:1: title: {COMMENT}put the text in quotes: title: "Join the channel  #support"'],
    ),
    "a '#' in a tag and in another phrasing, with quotes in the text": (
        ENTRY + "tags:\n  - invoice #123\nalso_asked:\n  - Where is \"invoice\" #5?\n",
        [f'{PATH}:10: tags[1]: {COMMENT}put the text in quotes: - "invoice #123"',
         f"{PATH}:12: also_asked[1]: {COMMENT}put the text in quotes: - 'Where is \"invoice\" #5?'"],
    ),
    "a '#' in a video title": (
        ENTRY + "video:\n  url: https://youtu.be/aqz-KE-bpKQ\n  title: Step #2\n  description: D\n"
        "  uploaded: 2026-01-01\n",
        [f'{PATH}:11: video.title: {COMMENT}put the text in quotes: title: "Step #2"'],
    ),
    "a '#' at the end of a text over two lines": (
        answer("answer: Open the page\n  and press #2.\n"),
        [f'{PATH}:7: answer: {COMMENT}put the whole text in quotes, from answer: "... to the end of this line"'],
    ),
    "a list in an answer without '|'": (
        answer("answer: Open the page, then choose\n  - Export\n  - Print\n"),
        [f"{PATH}:7: answer: {JOINED.format('answer: |')}"],
    ),
    "paragraphs in an answer without '|'": (
        answer("answer:\n  Open the page.\n\n  Then press Export.\n"),
        [f"{PATH}:9: answer: {JOINED.format('answer: |')}"],
    ),
    "a numbered list in an answer without '|'": (
        answer("answer: Do this\n  1. Open the page\n  2. Press Export\n"),
        [f"{PATH}:7: answer: {JOINED.format('answer: |')}"],
    ),
    "an answer with '>'": (
        answer("answer: >\n  Open the page.\n\n  Then press Export.\n"),
        [f"{PATH}:9: answer: {FOLDED}"],
    ),
    "a step with paragraphs without '|'": (
        ENTRY + "steps:\n  - Open the page.\n\n    Then press Export.\n",
        [f"{PATH}:12: steps[1]: {JOINED.format('- |')}"],
    ),
    "the home introduction with a list": (
        "home:\n  title: Help\n  intro: We help with\n    - billing\n    - accounts\n"
        "contact:\n  email: support@example.com\nlinks:\n  support: mailto:support@example.com\n",
        ["faq_data/settings.yml:4: home.intro: " + JOINED.format("intro: |")],
    ),
    "a step indented 4 spaces": (
        ENTRY + "steps:\n  - Open the page.\n    - Press Export.\n  - Save the file.\n",
        [f"{PATH}:11: steps[1]: {MERGED.format('step')}"],
    ),
    "a tag indented 4 spaces": (
        ENTRY + "tags:\n  - billing\n    - invoices\n",
        [f"{PATH}:11: tags[1]: {MERGED.format('item')}"],
    ),
    "a note's text indented 2 spaces": (
        answer("answer: |\n  !!! note\n    Keep the code.\n\n  Then log in.\n"),
        [f"{PATH}:8: answer: {EMPTY_BOX.format('!!! note')}"],
    ),
    "a note's text not indented": (
        answer('answer: |\n  !!! warning "Careful"\n  Keep the code.\n'),
        [f"{PATH}:8: answer: {EMPTY_BOX.format('!!! warning')}"],
    ),
    "a collapsible note's text indented 3 spaces, in a step": (
        ENTRY + "steps:\n  - |\n    Open the page.\n\n    ???+ tip\n       Use the search.\n",
        [f"{PATH}:14: steps[1]: {EMPTY_BOX.format('???+ tip')}"],
    ),
    "a paragraph indented 4 spaces": (
        answer("answer: |\n  Open the page.\n\n      Then press Export and save the file.\n\n  Done.\n"),
        [f"{PATH}:9: answer: {CODE}"],
    ),
    "a paragraph in another script indented 4 spaces": (
        answer("answer: |\n  Open the page.\n\n      Öffnen Sie die Seite.\n"),
        [f"{PATH}:9: answer: {CODE}"],
    ),
    "a list right after a line of text": (
        answer("answer: |\n  You can export it in two formats.\n  - a PDF file\n  - a spreadsheet\n"),
        [f"{PATH}:8: answer: {LIST}"],
    ),
    "a numbered list right after bold text": (
        answer("answer: |\n  **Before you start:**\n  1. Log in\n  2. Open Billing\n"),
        [f"{PATH}:8: answer: {LIST}"],
    ),
    "a list inside a list indented 2 spaces": (
        answer("answer: |\n  - Export\n    - as a PDF\n    - as a spreadsheet\n  - Print\n"),
        [f"{PATH}:8: answer: {NESTED}", f"{PATH}:9: answer: {NESTED}"],
    ),
}


@pytest.mark.parametrize("text, expected", REPORTED.values(), ids=REPORTED.keys())
def test_each_slip_is_reported_on_its_line_with_the_fix(tmp_path: Path, text: str, expected: list[str]) -> None:
    if text.startswith("home:"):
        assert problems_for(tmp_path, ENTRY, settings=text) == expected
    else:
        assert problems_for(tmp_path, text) == expected


ACCEPTED = {
    "a comment on its own line": ENTRY.replace("owner: Support team", "# who answers\nowner: Support team"),
    "a comment written as one, after two spaces": ENTRY.replace("owner: Support team", "owner: Support team  # Anna"),
    "a comment after a tab": ENTRY.replace("owner: Support team", "owner: Support team\t# Anna"),
    "a comment after '|'": ENTRY.replace("answer: |", "answer: |  # Markdown"),
    "a comment after a key with no value": ENTRY + "tags: # words for search\n  - login\n",
    "a '#' in quotes": ENTRY.replace("title: How do I log in?", 'title: "How do I export invoice #123?"')
    + "tags: ['invoice #123']\n",
    "a '#' inside a word": ENTRY.replace("title: How do I log in?", "title: C# and F# tips"),
    "a comment after an address": ENTRY + "video:\n  url: https://youtu.be/aqz-KE-bpKQ # the intro\n"
    "  title: T\n  description: D\n  uploaded: 2026-01-01\n",
    "a comment after an id": ENTRY.replace("category: account", "category: account # for now"),
    "a text wrapped over lines": answer("answer: Open the login page and enter\n  your e-mail address.\n"),
    "a quoted text over lines": answer('answer: "Open the login page\n\n\n  and press Export."\n'),
    "a step wrapped over lines": ENTRY + "steps:\n  - Open the page and press\n    Export - then save.\n",
    "a '>' text of one paragraph": answer("answer: >\n  Open the login page and enter\n  your e-mail.\n"),
    "a note's text indented 4 spaces": answer("answer: |\n  !!! note\n      Keep the code.\n\n  Then log in.\n"),
    "a note with a title only": answer('answer: |\n  !!! tip "Codes expire after a minute"\n\n  Then log in.\n'),
    "a note inside a list item": answer("answer: |\n  - Open the page.\n\n      !!! note\n          Keep it.\n"),
    "an item continued by a paragraph": answer("answer: |\n  - Open the page.\n\n      Then press Export.\n"),
    "a list inside a list indented 4 spaces": answer("answer: |\n  - Export\n      - as a PDF\n  - Print\n"),
    "a list after an empty line": answer("answer: |\n  You can export it:\n\n  - a PDF file\n  - a sheet\n"),
    "a list after a heading": answer("answer: |\n  ## Formats\n  - a PDF file\n  - a spreadsheet\n"),
    "a text continued by a dash": answer("answer: |\n  - Open the page\n  and press Export.\n  - Print it.\n"),
    "an indented command": answer("answer: |\n  Run:\n\n      sudo helpcenter check --all\n\n      exit\n"),
    "indented code that looks like code": answer("answer: |\n  Use:\n\n      Set-Item -Path x\n"),
    "a word indented 4 spaces": answer("answer: |\n  Type:\n\n      Export\n"),
    "fenced code with indented lines": answer(
        "answer: |\n  Run:\n\n  ```text\n  Open the page\n\n      Then press Export and save it.\n  ```\n"),
    "a definition with an indented paragraph": answer(
        "answer: |\n  Invoice\n  :   A bill.\n\n      Sent every month to the account.\n"),
    "HTML with indented text": answer(
        "answer: |\n  <div markdown>\n\n      Sent every month to the account.\n\n  </div>\n"),
    "a text wrapped with an indented line": answer("answer: |\n  Open the page\n      and press Export now.\n"),
}


@pytest.mark.parametrize("text", ACCEPTED.values(), ids=ACCEPTED.keys())
def test_text_written_as_meant_still_passes(tmp_path: Path, text: str) -> None:
    assert problems_for(tmp_path, text) == []


def test_the_live_settings_keep_their_example_value_comments() -> None:
    live = Path(__file__).parents[2] / "faq_data" / "settings.yml"
    assert "# example value" in live.read_text(encoding="utf-8")
    assert check_help_center(live.parent, live.parents[1])[1] == []


GUIDE_ENTRY = """\
title: How do I export an invoice?
summary: Open Billing, choose the invoice and press Export.
category: billing
reviewed: 2026-01-05
owner: Billing team
answer: |
  Open **Billing** and choose the invoice.

  You can export it in two formats.

  - a PDF file
  - a spreadsheet

  !!! note
      Invoices older than ten years are archived.
steps:
  - Open Billing.
  - Choose the invoice.
  - Press Export.
"""

GUIDE_MISTAKES = {
    "comment": ("title: How do I export an invoice?", "title: How do I export invoice #123?"),
    "no-bar": ("answer: |", "answer:"),
    "greater-than": ("answer: |", "answer: >"),
    "step-indented": ("  - Choose the invoice.", "    - Choose the invoice."),
    "empty-box": ("      Invoices older", "    Invoices older"),
    "code-block": ("  You can export it in two formats.", "      You can export it in two formats."),
    "list-after-text": ("  You can export it in two formats.\n\n", "  You can export it in two formats.\n"),
    "nested-list": ("  - a spreadsheet\n", "  - a spreadsheet\n    - one sheet per month\n"),
}
_GUIDE_EXAMPLE = re.compile(r"<!-- text-example: ([a-z-]+) -->\n```text\n(.*?)\n```", re.DOTALL)


def guide_examples() -> dict[str, str]:
    return dict(_GUIDE_EXAMPLE.findall(GUIDE.read_text(encoding="utf-8")))


def test_every_slip_in_the_guide_is_tested() -> None:
    assert sorted(guide_examples()) == sorted(GUIDE_MISTAKES)


@pytest.mark.parametrize("name", sorted(GUIDE_MISTAKES))
def test_the_guide_shows_what_check_prints_for_each_slip(name: str, tmp_path: Path) -> None:
    old, new = GUIDE_MISTAKES[name]
    assert old in GUIDE_ENTRY
    valid = write_content(tmp_path / "valid", {"account/log-in": ENTRY, "billing/export-invoice": GUIDE_ENTRY})
    assert check_help_center(valid, tmp_path / "valid")[1] == []
    mistaken = GUIDE_ENTRY.replace(old, new, 1)
    folder = write_content(tmp_path, {"account/log-in": ENTRY, "billing/export-invoice": mistaken})
    shown = "\n".join(str(problem) for problem in check_help_center(folder, tmp_path)[1])
    assert guide_examples()[name] == shown


def test_the_checks_stay_cheap_on_long_answers(tmp_path: Path) -> None:
    paragraph = "Open the page and press Export, then save the file where you keep invoices.\n\n"
    listed = "".join(f"- item {number}\n    - detail {number}\n" for number in range(200))
    text = answer("answer: |\n" + "".join("  " + line + "\n" for line in (paragraph * 400 + listed).split("\n")))
    folder = write_content(tmp_path, {"account/log-in": text})
    started = time.process_time()
    assert check_help_center(folder, tmp_path)[1] == []
    assert time.process_time() - started < 0.5 or sys.gettrace() is not None
