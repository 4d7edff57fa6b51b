"""No two things of the site take one address: generated pages, hand-written pages, old addresses and the
site's own folders are refused when they collide, by the check and the build alike, naming both sides."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import copy_project, run_build
from content_fixture import CATEGORIES, ENTRY, write_content
from helpcenter.load.help_center import check_help_center

PATH = "faq_data/entries/account/log-in.yml"


def _problems(
    root: Path, entries: dict[str, str], categories: str = CATEGORIES, pages: tuple[str, ...] = ()
) -> list[str]:
    folder = write_content(root, entries, categories=categories)
    docs = root / "docs"
    docs.mkdir(exist_ok=True)
    for page in pages:
        (docs / page).parent.mkdir(parents=True, exist_ok=True)
        (docs / page).write_text("# A page\n", encoding="utf-8")
    return [str(problem) for problem in check_help_center(folder, root, docs)[1]]


@pytest.mark.parametrize("category_id, page", [("contact", "contact.md"), ("about", "about/index.md"),
                                                ("assets", None), ("search", None)])
def test_a_category_cannot_take_a_hand_written_page_s_or_the_site_s_address(
    tmp_path: Path, category_id: str, page: str | None
) -> None:
    categories = CATEGORIES.replace("billing:", f"{category_id}:")
    found = _problems(tmp_path, {"account/log-in": ENTRY}, categories, (page,) if page else ())
    assert len(found) == 1, found
    owner = f"the hand-written page docs/{page}" if page else "the site's"
    assert found[0].startswith(f"faq_data/categories.yml:7: {category_id}: the category's address /{category_id}/ "
                               f"is the address of {owner}")


@pytest.mark.parametrize("old, owner", [
    ("contact/", "the hand-written page docs/contact.md"),
    ("account/log-in/", None),
    ("assets/old/", "the site's pictures, stylesheets and scripts (docs/assets/)"),
    ("search/", "the site's search index"),
])
def test_an_old_address_cannot_be_a_page_s_own_or_the_site_s(tmp_path: Path, old: str, owner: str | None) -> None:
    found = _problems(tmp_path, {"account/log-in": ENTRY + f"redirect_from: [{old}]\n"}, pages=("contact.md",))
    if owner is None:
        expected = f"{PATH}:9: redirect_from: '{old}' is this entry's own address; remove it from redirect_from"
    elif owner.startswith("the hand-written"):
        expected = f"{PATH}:9: redirect_from: '{old}' is already the address of {owner}; remove it from redirect_from"
    else:
        expected = f"{PATH}:9: redirect_from: '{old}' is inside {owner}; remove it from redirect_from"
    assert found == [expected]


@pytest.mark.parametrize("old", ["account//old/", "/account/old/", "account/Old/", "account/old.yml/"])
def test_an_old_address_is_a_plain_path(tmp_path: Path, old: str) -> None:
    found = _problems(tmp_path, {"account/log-in": ENTRY + f"redirect_from: ['{old}']\n"})
    assert len(found) == 1 and "redirect_from[1]: expected a site path without the domain" in found[0], found


def test_an_entry_cannot_be_called_index_nor_take_a_hand_written_page_s_address(tmp_path: Path) -> None:
    entries = {"account/log-in": ENTRY, "account/index": ENTRY.replace("log in?", "start?"),
               "account/faq": ENTRY.replace("log in?", "ask?")}
    found = _problems(tmp_path, entries, pages=("account/faq.md",))
    assert found == [
        "faq_data/entries/account/faq.yml:1: /account/faq/ is the address of the hand-written page "
        "docs/account/faq.md; rename one of the two",
        "faq_data/entries/account/index.yml:1: 'index' is the name of the category's own page; rename the file",
    ]


def test_the_build_refuses_a_category_named_like_the_contact_page(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    categories = project / "faq_data/categories.yml"
    categories.write_text(categories.read_text(encoding="utf-8").replace("account:", "contact:", 1), encoding="utf-8")
    result = run_build(project)
    assert result.returncode == 1
    assert "contact: the category's address /contact/ is the address of the hand-written page docs/contact.md" \
        in result.stderr
