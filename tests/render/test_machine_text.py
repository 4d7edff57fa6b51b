"""The files for machines as text: titles that stay text, addresses for any site address and URL style."""

from __future__ import annotations

import dataclasses
import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import FIXTURE
from helpcenter.load.help_center import load_help_center
from helpcenter.render.addresses import markdown_copy_path
from helpcenter.render.llms_txt import llms_full_txt, llms_txt
from helpcenter.render.machine_files import MachineFileChoice, SiteFacts, machine_files
from helpcenter.render.markdown_copies import entry_texts, inline_text
from helpcenter.render.structured_data import SiteAddress

HELP_CENTER = load_help_center(FIXTURE / "faq_data", FIXTURE)
_LIST_ITEM = re.compile(r"^- \[((?:[^\[\]\\]|\\.)*)\]\(([^()\s]+)\): (.*)$")


@pytest.mark.parametrize(("src_uri", "directory_urls", "expected"), [
    ("account/log-in.md", True, "account/log-in/index.md"),
    ("account/log-in.md", False, "account/log-in.md"),
    ("account/index.md", True, "account/index.md"),
    ("account/index.md", False, "account/index.md"),
    ("index.md", True, "index.md"),
])
def test_the_copy_sits_beside_the_built_page(src_uri: str, directory_urls: bool, expected: str) -> None:
    assert markdown_copy_path(src_uri, directory_urls) == expected


@given(st.text())
def test_a_title_stays_one_line_of_text_in_a_list_item(title: str) -> None:
    entry = dataclasses.replace(HELP_CENTER.entries[0], title=title or "x", summary=title or "y")
    texts = entry_texts(dataclasses.replace(HELP_CENTER, entries=(entry,)), SiteAddress("https://help.example.com/"))
    text = llms_txt("Site", "Summary", texts)
    item = text.rstrip("\n").splitlines()[-1]
    match = _LIST_ITEM.match(item)
    assert match is not None, item
    assert re.sub(r"\\(.)", r"\1", match.group(1)) == " ".join((title or "x").split())
    assert match.group(2) == texts[0].link


def test_inline_text_escapes_what_markdown_would_read_as_markup() -> None:
    expected = r"Why \*does\* \[this\](x) \<b\>fail\</b\>? Again"
    assert inline_text("Why *does* [this](x) <b>fail</b>?\n  Again") == expected


def test_without_site_url_addresses_start_at_the_site_root() -> None:
    texts = entry_texts(HELP_CENTER, SiteAddress("/"))
    assert [text.address for text in texts] == [f"/{entry.url}" for entry in HELP_CENTER.entries]
    assert [text.copy_address for text in texts] == [f"/{entry.url}index.md" for entry in HELP_CENTER.entries]


def test_a_site_in_a_sub_folder_or_another_language_gets_its_own_addresses() -> None:
    address = SiteAddress("https://example.com/help/fr", use_directory_urls=False)
    files = {
        path: "".join(pieces) for path, pieces in machine_files(
            HELP_CENTER, address, SiteFacts("Aide", "Réponses", "fr"), MachineFileChoice(), lambda entry: entry.id,
        )
    }
    entry = HELP_CENTER.entry("change-password")
    assert "account/change-password.md" in files
    assert f"](https://example.com/help/fr/account/change-password.md): {entry.summary}" in files["llms.txt"]
    document = json.loads(files["entries.json"])
    assert document["site"] == {"name": "Aide", "address": "https://example.com/help/fr/", "language": "fr"}
    item = next(item for item in document["entries"] if item["id"] == entry.id)
    assert item["address"] == "https://example.com/help/fr/account/change-password.html"
    assert item["language"] == "fr" and item["text"] == entry.id


def test_only_the_chosen_files_are_made() -> None:
    choice = MachineFileChoice(llms_txt=False, llms_full_txt=True, markdown_copies=False, entries_json=False)
    files = dict(machine_files(HELP_CENTER, SiteAddress("/"), SiteFacts("S", "", "en"), choice, lambda entry: ""))
    assert list(files) == ["llms-full.txt"]
    assert list(machine_files(HELP_CENTER, SiteAddress("/"), SiteFacts("S", "", "en"),
                              MachineFileChoice(False, False, False, False), lambda entry: "")) == []


def test_llms_full_txt_without_a_summary_has_no_empty_quote() -> None:
    text = "".join(llms_full_txt("Site", "  ", entry_texts(HELP_CENTER, SiteAddress("/"))))
    assert text.startswith("# Site\n\n## ")


def test_an_answers_own_headings_stay_under_its_entry_in_llms_full_txt() -> None:
    answer = "Intro.\n\n## Before you start\n\nText.\n\n```\n## not a heading\n```\n\n###### Deepest\n"
    entry = dataclasses.replace(HELP_CENTER.entries[0], answer=answer, steps=())
    texts = entry_texts(dataclasses.replace(HELP_CENTER, entries=(entry,)), SiteAddress("https://help.example.com/"))
    full = "".join(llms_full_txt("Site", "Summary", texts))
    headings = [line for line in full.splitlines() if line.startswith("#")]
    assert headings[:2] == ["# Site", f"## {inline_text(HELP_CENTER.category(entry.category).title)}"]
    assert headings[2].startswith("### ")
    assert "#### Before you start" in headings
    assert "###### Deepest" in headings
    assert "## not a heading" in full.splitlines()
    copy = "".join(next(pieces for path, pieces in machine_files(
        dataclasses.replace(HELP_CENTER, entries=(entry,)), SiteAddress("https://help.example.com/"),
        SiteFacts("Site", "Summary", "en"), MachineFileChoice(False, False, True, False), lambda _entry: "",
    ) if path.endswith(".md")))
    assert "## Before you start" in copy.splitlines()
