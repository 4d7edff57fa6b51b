"""The support address and hours are written once, in settings.yml, and shown everywhere: answers link to
it as link:contact, and hand-written pages show it as {{ contact.email }} and {{ contact.hours }}."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from conftest import copy_project, run_build
from content_fixture import ENTRY, SETTINGS, write_content
from helpcenter.load.help_center import check_help_center
from helpcenter.model import Contact
from helpcenter.render.site_values import with_site_values


def test_the_values_of_settings_replace_their_names() -> None:
    contact = Contact("help@example.org", "9 to 5")
    text = "Mail [{{ contact.email }}](mailto:{{contact.email}}), {{ contact.hours }}; {{ other }} stays."
    expected = "Mail [help@example.org](mailto:help@example.org), 9 to 5; {{ other }} stays."
    assert with_site_values(text, contact) == expected
    assert with_site_values("{{ contact.hours }}", Contact("a@b.example")) == ""


def test_an_answer_and_the_contact_page_show_the_one_address(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    settings = project / "faq_data/settings.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("support@example.com", "help@company.example"),
                        encoding="utf-8")
    entry = project / "faq_data/entries/account/change-password.yml"
    entry.write_text(entry.read_text(encoding="utf-8").replace(
        "  like to receive a letter with further instructions.\n",
        "  like to receive a letter with further instructions. Or [write to us](link:contact),\n"
        "  {{ contact.hours }}.\n"), encoding="utf-8")
    contact = project / "docs/contact.md"
    contact.write_text(contact.read_text(encoding="utf-8") + "\nWrite to {{ contact.email }} ({{ contact.hours }}).\n",
                       encoding="utf-8")
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    answer = BeautifulSoup((project / "site/account/change-password/index.html").read_text(encoding="utf-8"), "lxml")
    assert answer.find("a", string="write to us")["href"] == "mailto:help@company.example"
    hours = "Monday to Friday"
    assert hours in answer.find("article").get_text() and "{{" not in answer.find("article").get_text()
    copy = (project / "site/account/change-password/index.md").read_text(encoding="utf-8")
    assert hours in copy and "{{" not in copy
    page = (project / "site/contact/index.html").read_text(encoding="utf-8")
    assert "Write to help@company.example (Monday to Friday" in page
    assert "{{" not in page


def test_contact_is_not_a_shared_link_of_its_own(tmp_path: Path) -> None:
    settings = SETTINGS.replace("links:\n", "links:\n  contact: mailto:other@example.com\n")
    folder = write_content(tmp_path, {"account/log-in": ENTRY}, settings=settings)
    assert [str(problem) for problem in check_help_center(folder, tmp_path)[1]] == [
        "faq_data/settings.yml:6: links.contact: 'contact' is the support address of contact.email, for every help "
        "center: remove it from links and write [text](link:contact)"
    ]


def test_a_misspelt_contact_link_is_told_its_name(tmp_path: Path) -> None:
    entry = ENTRY.replace("(link:support)", "(link:contakt)")
    folder = write_content(tmp_path, {"account/log-in": entry})
    assert [str(problem) for problem in check_help_center(folder, tmp_path)[1]] == [
        "faq_data/entries/account/log-in.yml:8: answer: no link is named 'contakt' (did you mean 'contact'?)"
    ]
