"""What the check accepts the build accepts: links without a scheme are refused with the form to use,
pages under docs/ are linked as page:NAME, and pictures are files under docs/ written from its root."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import copy_project, run_build
from content_fixture import ENTRY, write_content
from helpcenter.load.help_center import check_help_center

PATH = "faq_data/entries/account/log-in.yml"
SITE_FORMS = ("[text](entry:ID), to a page under docs/ with [text](page:NAME) (such as page:contact), "
              "or to another site with [text](https://...)")


def _problems(root: Path, answer_line: str, *, pictures: tuple[str, ...] = (), extra: str = "") -> list[str]:
    entry = ENTRY.replace("  If it fails, [contact us](link:support).", f"  {answer_line}") + extra
    folder = write_content(root, {"account/log-in": entry})
    docs = root / "docs"
    (docs / "assets" / "pictures").mkdir(parents=True, exist_ok=True)
    (docs / "contact.md").write_text("# Contact us\n", encoding="utf-8")
    for picture in pictures:
        (docs / picture).write_bytes(b"\x89PNG\r\n")
    return [str(problem) for problem in check_help_center(folder, root, docs)[1]]


@pytest.mark.parametrize("line, message", [
    ("Write to [us](support@example.com).",
     "'support@example.com' is an e-mail address: write it as [text](mailto:support@example.com)"),
    ("See [our blog](www.example.com/blog).",
     "'www.example.com/blog' is a web address: write it with https:// in front, [text](https://www.example.com/blog)"),
    ("See [this](/account/change-password/).", f"'/account/change-password/' is not an address the site can find: "
                                               f"link to a question with {SITE_FORMS}"),
    ("See [that](../two-factor/reset-2fa/).", f"'../two-factor/reset-2fa/' is not an address the site can find: "
                                              f"link to a question with {SITE_FORMS}"),
    ("See [Contact](contact.md).", f"'contact.md' is not an address the site can find: link to a question with "
                                   f"{SITE_FORMS}"),
    ("See <a href=\"contact/\">Contact</a>.", f"'contact/' is not an address the site can find: link to a question "
                                              f"with {SITE_FORMS}"),
])
def test_a_link_without_a_scheme_gets_the_form_to_use(tmp_path: Path, line: str, message: str) -> None:
    assert _problems(tmp_path, line) == [f"{PATH}:8: answer: {message}"]


def test_a_hand_written_page_is_linked_by_its_name(tmp_path: Path) -> None:
    assert _problems(tmp_path, "If it fails, [contact us](page:contact).") == []
    assert _problems(tmp_path, "If it fails, [contact us](page:contakt).") == [
        f"{PATH}:8: answer: no page docs/contakt.md (did you mean 'contact'?)"
    ]


def test_a_category_is_linked_by_its_id_and_must_have_a_page(tmp_path: Path) -> None:
    assert _problems(tmp_path, "See [every account question](category:account).") == []
    assert _problems(tmp_path, "See [billing](category:billing).") == [
        f"{PATH}:8: answer: the category 'billing' has no entries, so no page; "
        "link to a category of faq_data/categories.yml"
    ]
    assert _problems(tmp_path, "See [it](category:acount).") == [
        f"{PATH}:8: answer: the category 'acount' does not exist (did you mean 'account'?); "
        "link to a category of faq_data/categories.yml"
    ]


@pytest.mark.parametrize("line", [
    "![The login screen](assets/pictures/login.png)",
    "![The login screen](../assets/pictures/login.png)",
    '<img src="assets/pictures/login.png" alt="The login screen">',
])
def test_a_picture_must_be_a_file_under_docs(tmp_path: Path, line: str) -> None:
    assert _problems(tmp_path / "with", line, pictures=("assets/pictures/login.png",)) == []
    assert _problems(tmp_path / "without", line) == [
        f"{PATH}:8: answer: no picture at docs/assets/pictures/login.png; add the file there (such as "
        "docs/assets/pictures/) or correct the path"
    ]


def test_a_missing_video_thumbnail_names_the_entry_and_the_field(tmp_path: Path) -> None:
    video = ("video:\n  url: https://vimeo.com/1\n  title: T\n  description: D\n  uploaded: 2026-01-01\n"
             "  thumbnail: assets/videos/log-in.jpg\n")
    assert _problems(tmp_path, "Plain.", extra=video) == [
        f"{PATH}:9: video.thumbnail: no picture at docs/assets/videos/log-in.jpg; "
        "add the file there or correct the path"
    ]


def test_pages_links_and_pictures_as_documented_build_and_resolve(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    pictures = project / "docs" / "assets" / "pictures"
    pictures.mkdir(parents=True)
    (pictures / "login.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    entry = project / "faq_data/entries/account/change-password.yml"
    text = entry.read_text(encoding="utf-8")
    addition = ("  ![The login screen](assets/pictures/login.png)\n\n"
                '  <img src="assets/pictures/login.png" alt="The login screen again">\n\n'
                "  Still stuck? [Write to us](page:contact). [All account questions](category:account).\n")
    assert "\ntags:" in text
    entry.write_text(text.replace("\ntags:", f"\n\n{addition}tags:", 1), encoding="utf-8")
    check = subprocess.run([str(Path(sys.executable).with_name("helpcenter")), "check"], cwd=project,
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    build = run_build(project)
    assert build.returncode == 0, build.stderr
    page = BeautifulSoup((project / "site/account/change-password/index.html").read_text(encoding="utf-8"), "lxml")
    sources = [img["src"] for img in page.select("article img") if "login" in img["src"]]
    assert sources == ["../../assets/pictures/login.png", "../../assets/pictures/login.png"]
    assert page.find("a", string="Write to us")["href"] == "../../contact/"
    assert page.find("a", string="All account questions")["href"] == "../"
    links = subprocess.run([str(Path(sys.executable).with_name("helpcenter")), "links", "site"], cwd=project,
                           capture_output=True, text=True)
    assert links.returncode == 0, links.stdout
