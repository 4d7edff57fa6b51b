"""What the build publishes for machines: llms.txt, llms-full.txt, entries.json and each entry's Markdown copy."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import jsonschema
import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import FIXTURE, ROOT, copy_project, run_build
from helpcenter.load.help_center import load_help_center

HELP_CENTER = load_help_center(FIXTURE / "faq_data", FIXTURE)
CONFIG = yaml.load((FIXTURE / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.Loader)
SITE_URL: str = CONFIG["site_url"]
MACHINE_FILES = ("llms.txt", "llms-full.txt", "entries.json")
OPTIONS = {"llms_txt": "llms.txt", "llms_full_txt": "llms-full.txt", "entries_json": "entries.json"}
_MARKDOWN_LINK = re.compile(r"\]\(([^)\s]+)\)")
_NAMED_TARGET = re.compile(r"\]\((link|entry|page):")


def built_file(site: Path, address: str) -> Path:
    """The built file an address of the site leads to (a folder's address leads to its index.html)."""
    assert address.startswith(SITE_URL), address
    path = urlsplit(address).path.removeprefix(urlsplit(SITE_URL).path)
    target = site / path
    return target / "index.html" if path.endswith("/") or not path else target


def assert_site_links_resolve(site: Path, markdown: str) -> None:
    for target in _MARKDOWN_LINK.findall(markdown):
        if target.startswith(SITE_URL):
            assert built_file(site, target.split("#")[0]).is_file(), target
        else:
            assert target.startswith(("https://", "mailto:")), target


def with_named_links(markdown: str) -> str:
    """The Markdown with each `(link:NAME)` replaced by the settings' address."""
    return re.sub(r"\(link:([\w-]+)\)", lambda match: f"({HELP_CENTER.settings.link(match.group(1))})", markdown)


def with_options(project: Path, options: str) -> Path:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  - helpcenter\n", f"  - helpcenter:\n{options}"), encoding="utf-8")
    return project


def test_llms_txt_lists_every_entry_by_category_with_its_summary(built_site: Path) -> None:
    text = (built_site / "llms.txt").read_text(encoding="utf-8")
    assert text.startswith(f"# {CONFIG['site_name']}\n\n> {CONFIG['site_description']}\n\n")
    sections = re.split(r"^## ", text, flags=re.MULTILINE)[1:]
    assert [section.split("\n", 1)[0] for section in sections] == [c.title for c in HELP_CENTER.categories]
    for category, section in zip(HELP_CENTER.categories, sections, strict=True):
        items = [line for line in section.splitlines() if line.startswith("- ")]
        expected = [
            f"- [{entry.title}]({SITE_URL}{entry.url}index.md): {entry.summary}"
            for entry in HELP_CENTER.entries_in(category.id)
        ]
        assert items == expected
    assert_site_links_resolve(built_site, text)


def test_llms_full_txt_holds_every_question_and_answer(built_site: Path) -> None:
    text = (built_site / "llms-full.txt").read_text(encoding="utf-8")
    assert [line[3:] for line in text.splitlines() if line.startswith("## ")] == [
        category.title for category in HELP_CENTER.categories
    ]
    headings = [line[4:] for line in text.splitlines() if line.startswith("### ")]
    assert headings == [entry.title for entry in HELP_CENTER.entries]
    for entry in HELP_CENTER.entries:
        assert f"Address: {SITE_URL}{entry.url}\n" in text
        assert entry.answer.splitlines()[0] in text
        for step in entry.steps:
            assert f"1.  {with_named_links(step)}\n" in text
    assert not _NAMED_TARGET.search(text)
    assert_site_links_resolve(built_site, text)


def test_each_entry_has_a_markdown_copy_beside_its_page(built_site: Path) -> None:
    copies = sorted(path.relative_to(built_site).as_posix() for path in built_site.rglob("*.md"))
    assert copies == sorted(f"{entry.url}index.md" for entry in HELP_CENTER.entries)
    for entry in HELP_CENTER.entries:
        copy = (built_site / entry.url / "index.md").read_text(encoding="utf-8")
        assert copy.startswith(f"# {entry.title}\n\n> {entry.summary}\n\n")
        assert with_named_links(entry.answer).strip() in copy
        assert not _NAMED_TARGET.search(copy), entry.id
        assert_site_links_resolve(built_site, copy)


def test_only_entry_pages_link_to_their_markdown_copy(built_site: Path) -> None:
    entry_pages = {built_site / entry.url / "index.html" for entry in HELP_CENTER.entries}
    for path in built_site.rglob("*.html"):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        alternates = soup.head.find_all("link", rel="alternate", type="text/markdown")
        if path in entry_pages:
            assert [link["href"] for link in alternates] == ["index.md"], path
            assert (path.parent / alternates[0]["href"]).is_file()
        else:
            assert alternates == [], path


def test_entries_json_has_every_entry_in_the_documented_shape(built_site: Path) -> None:
    document = json.loads((built_site / "entries.json").read_text(encoding="utf-8"))
    schema = json.loads((ROOT / "schemas" / "entries-json.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(document, schema, cls=jsonschema.Draft202012Validator)
    assert document["site"] == {"name": CONFIG["site_name"], "address": SITE_URL, "language": "en"}
    assert [item["id"] for item in document["entries"]] == [entry.id for entry in HELP_CENTER.entries]
    for item, entry in zip(document["entries"], HELP_CENTER.entries, strict=True):
        assert built_file(built_site, item["address"]) == built_site / entry.url / "index.html"
        assert built_file(built_site, item["address"]).is_file()
        assert built_file(built_site, item["markdown_address"]).is_file()
        assert (item["title"], item["summary"], item["category"]["id"]) == (entry.title, entry.summary, entry.category)
        assert item["reviewed"] == entry.reviewed.isoformat()
        assert (item["tags"], item["also_asked"]) == (list(entry.tags), list(entry.also_asked))
        assert item["video"] == (entry.video.url if entry.video else None)
        assert len(item["steps"]) == len(entry.steps)
        assert not _NAMED_TARGET.search(item["answer"] + "".join(item["steps"]))
        # The same words as the page's structured data, which come from the page's own HTML.
        page = BeautifulSoup((built_site / entry.url / "index.html").read_text(encoding="utf-8"), "html.parser")
        faq = next(json.loads(s.string) for s in page.find_all("script", type="application/ld+json")
                   if json.loads(s.string)["@type"] == "FAQPage")
        assert item["text"] == faq["mainEntity"][0]["acceptedAnswer"]["text"]


def test_machine_files_stay_out_of_the_sitemap_and_the_search_index(built_site: Path) -> None:
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert ".md<" not in sitemap and ".txt<" not in sitemap and ".json<" not in sitemap
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = [document["location"] for document in index["docs"]]
    assert not [location for location in locations if re.search(r"\.(md|txt|json)(#|$)", location)]
    assert not [document for document in index["docs"] if "Also published for machines" in document["text"]]


def test_every_option_off_publishes_nothing_for_machines(tmp_path: Path) -> None:
    off = "".join(f"      {option}: false\n" for option in (*OPTIONS, "markdown_copies"))
    project = with_options(copy_project(tmp_path / "project"), off)
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    assert [name for name in MACHINE_FILES if (site / name).exists()] == []
    assert list(site.rglob("*.md")) == []
    assert "text/markdown" not in (site / HELP_CENTER.entries[0].url / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("option", sorted(OPTIONS))
def test_one_option_off_leaves_out_its_file_only(tmp_path: Path, option: str) -> None:
    project = with_options(copy_project(tmp_path / "project"), f"      {option}: false\n")
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    assert {name for name in MACHINE_FILES if (site / name).exists()} == set(MACHINE_FILES) - {OPTIONS[option]}
    if option != "llms_txt":
        assert OPTIONS[option] not in (site / "llms.txt").read_text(encoding="utf-8")
    assert (site / HELP_CENTER.entries[0].url / "index.md").is_file()


def test_without_copies_lists_point_at_the_pages(tmp_path: Path) -> None:
    project = with_options(copy_project(tmp_path / "project"), "      markdown_copies: false\n")
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    assert list(site.rglob("*.md")) == []
    llms = (site / "llms.txt").read_text(encoding="utf-8")
    assert f"({SITE_URL}{HELP_CENTER.entries[0].url}): " in llms
    document = json.loads((site / "entries.json").read_text(encoding="utf-8"))
    assert {item["markdown_address"] for item in document["entries"]} == {None}
    assert "text/markdown" not in (site / HELP_CENTER.entries[0].url / "index.html").read_text(encoding="utf-8")


def test_without_directory_urls_the_copy_replaces_the_html_suffix(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "use_directory_urls: false\n", encoding="utf-8")
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    entry = HELP_CENTER.entry("change-password")
    page = site / "account" / "change-password.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    assert soup.head.find("link", rel="alternate", type="text/markdown")["href"] == "change-password.md"
    assert (site / "account" / "change-password.md").read_text(encoding="utf-8").startswith(f"# {entry.title}\n")
    llms = (site / "llms.txt").read_text(encoding="utf-8")
    assert f"]({SITE_URL}account/change-password.md): " in llms
    document = json.loads((site / "entries.json").read_text(encoding="utf-8"))
    item = next(item for item in document["entries"] if item["id"] == entry.id)
    assert item["address"] == f"{SITE_URL}account/change-password.html"
    assert urljoin(item["address"], "change-password.md") == item["markdown_address"]


LINKING_ENTRY = """\
title: Where do I find my invoices?
summary: Every invoice is on the Billing page.
category: account
reviewed: 2026-01-05
owner: Support team
answer: |
  Read [how to change your password](entry:change-password) first, or [contact us](page:contact),
  or write to {{ contact.email }}. The steps are [below](#steps).

  ![The billing page](assets/videos/reset-2fa.svg)

  <img src="assets/videos/reset-2fa.svg" alt="The same picture">
steps:
  - Check the clock on [the time checker](link:time-checker).
"""


def test_every_kind_of_link_target_becomes_an_address_of_the_site(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "faq_data" / "entries" / "account" / "invoices.yml").write_text(LINKING_ENTRY, encoding="utf-8")
    ledger = project / "published-urls.txt"
    ledger.write_text(ledger.read_text(encoding="utf-8") + "/account/invoices/\n", encoding="utf-8")
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    copy = (site / "account" / "invoices" / "index.md").read_text(encoding="utf-8")
    assert f"[how to change your password]({SITE_URL}account/change-password/)" in copy
    assert f"[contact us]({SITE_URL}contact/)" in copy
    assert f"[below]({SITE_URL}account/invoices/#steps)" in copy
    assert f"![The billing page]({SITE_URL}assets/videos/reset-2fa.svg)" in copy
    assert f'<img src="{SITE_URL}assets/videos/reset-2fa.svg"' in copy
    assert "write to support@example.com." in copy
    assert "[the time checker](https://time.example.com/)" in copy
    assert_site_links_resolve(site, copy)
    for picture in re.findall(r'src="([^"]+)"', copy):
        assert built_file(site, picture).is_file()
    full = (site / "llms-full.txt").read_text(encoding="utf-8")
    assert copy.split("\n\n", 1)[1].replace("\n## Steps\n", "\n#### Steps\n").strip() in full


def test_a_hand_written_llms_txt_is_refused(project: Path) -> None:
    (project / "docs" / "llms.txt").write_text("# Ours\n", encoding="utf-8")
    result = run_build(project)
    assert result.returncode != 0
    assert "docs/llms.txt is generated from faq_data/" in result.stderr
    assert not (project / "site").exists()
