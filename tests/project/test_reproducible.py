"""Two builds of the same content are byte-identical; the sitemap's dates come from the content."""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
from datetime import date
from pathlib import Path
from xml.etree import ElementTree

import pytest

from conftest import copy_project
from helpcenter.load.help_center import load_help_center

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
REVIEWED = {"change-password": "2025-03-09", "new-device-login-email": "2026-06-01",
            "incorrect-2fa": "2024-12-31", "reset-2fa": "2026-02-14"}


def prepare(project: Path) -> Path:
    """The real project with varied review dates, a dated hand-written page and an undated one."""
    for path in (project / "faq_data" / "entries").rglob("*.yml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("reviewed: 2026-11-27", f"reviewed: {REVIEWED[path.stem]}"), encoding="utf-8")
    contact = project / "docs" / "contact.md"
    contact.write_text(
        contact.read_text(encoding="utf-8").replace("---\ntitle:", "---\nreviewed: 2026-04-05\ntitle:", 1),
        encoding="utf-8",
    )
    (project / "docs" / "privacy.md").write_text(
        "# Privacy\n\nWe keep what you send us for 30 days.\n", encoding="utf-8"
    )
    return project


def build(project: Path, hash_seed: str, build_time: str) -> Path:
    """Build as on another machine on another day: another hash seed, another SOURCE_DATE_EPOCH."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONHASHSEED": hash_seed,
                   "SOURCE_DATE_EPOCH": build_time}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project,
                            capture_output=True, text=True, env=environment, timeout=300)
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    first = prepare(copy_project(tmp_path_factory.mktemp("first") / "project"))
    second = prepare(copy_project(tmp_path_factory.mktemp("second") / "elsewhere" / "project"))
    return build(first, "1", "0"), build(second, "2", "1800000000")


def files_of(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def test_two_builds_of_the_same_content_are_byte_identical(two_builds: tuple[Path, Path]) -> None:
    first, second = files_of(two_builds[0]), files_of(two_builds[1])
    assert sorted(first) == sorted(second)
    different = [name for name in first if first[name] != second[name]]
    assert different == []


def test_the_files_for_machines_are_among_those_compared(two_builds: tuple[Path, Path]) -> None:
    built = files_of(two_builds[0])
    assert {"llms.txt", "llms-full.txt", "entries.json"} <= set(built)
    help_center = load_help_center(two_builds[0].parent / "faq_data", two_builds[0].parent)
    assert {f"{entry.url}index.md" for entry in help_center.entries} <= set(built)


def test_the_sitemap_lists_every_page_dated_by_its_content(two_builds: tuple[Path, Path]) -> None:
    site = two_builds[0]
    help_center = load_help_center(site.parent / "faq_data", site.parent)
    root = ElementTree.fromstring((site / "sitemap.xml").read_bytes())
    listed = {
        url.findtext(f"{SITEMAP}loc"): url.findtext(f"{SITEMAP}lastmod") for url in root.iter(f"{SITEMAP}url")
    }
    base = "https://help.example.com/"
    expected = {base: max(REVIEWED.values()), base + "contact/": "2026-04-05", base + "privacy/": None}
    for entry in help_center.entries:
        expected[base + entry.url] = REVIEWED[entry.id]
    for category in help_center.categories:
        expected[base + category.url] = max(REVIEWED[entry.id] for entry in help_center.entries_in(category.id))
    assert listed == expected
    assert [url.findtext(f"{SITEMAP}loc") for url in root.iter(f"{SITEMAP}url")] == sorted(expected)
    assert all(date.fromisoformat(value) for value in listed.values() if value)


def test_the_compressed_sitemap_is_the_same_sitemap_with_no_timestamp(two_builds: tuple[Path, Path]) -> None:
    site = two_builds[0]
    compressed = (site / "sitemap.xml.gz").read_bytes()
    assert gzip.decompress(compressed) == (site / "sitemap.xml").read_bytes()
    assert compressed[4:8] == b"\0\0\0\0"  # the header's modification time
    assert compressed[3] & 0x08 == 0  # no file name in the header
