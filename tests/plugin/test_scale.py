"""Scale: the synthetic help center, the benchmark script (run quickly, no timings asserted),
a navigation that does not grow with the content, and the shortcuts taken for speed."""

from __future__ import annotations

import json
import posixpath
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st

import benchmark
from benchmark import Measurement, targets
from conftest import ROOT, run_build
from helpcenter.load.help_center import check_help_center, load_help_center
from helpcenter.load.yaml_file import read_yaml
from helpcenter.render.addresses import relative_link
from helpcenter.render.search_index import ANSWER
from instruction_counts import Counts, instructions
from instruction_counts import report as report_counts
from search_index_support import index_files, postings
from synthetic import entry_id, write_synthetic_content, write_synthetic_project


def test_synthetic_content_validates(tmp_path: Path) -> None:
    write_synthetic_content(tmp_path / "faq_data", 20)
    help_center, problems = check_help_center(tmp_path / "faq_data", tmp_path)
    assert problems == []
    assert help_center is not None
    assert len(help_center.entries) == 20 and len(help_center.categories) == 1
    assert any(entry.video for entry in help_center.entries)
    assert any(entry.steps for entry in help_center.entries)
    assert any(entry.related for entry in help_center.entries)
    words = sorted(len(" ".join((entry.answer, *entry.steps)).split()) for entry in help_center.entries)
    assert words[0] >= 80 and words[-1] <= 340


def test_an_entry_file_does_not_depend_on_the_size_of_the_help_center(tmp_path: Path) -> None:
    write_synthetic_content(tmp_path / "small", 50)
    write_synthetic_content(tmp_path / "large", 120)
    name = f"entries/topic-001/{entry_id(7)}.yml"
    assert (tmp_path / "small" / name).read_bytes() == (tmp_path / "large" / name).read_bytes()
    assert len(list((tmp_path / "large" / "entries").iterdir())) == 3


@pytest.fixture(scope="module")
def many_categories(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Twelve categories of five entries, built with the real mkdocs.yml, docs/ and overrides/."""
    project = write_synthetic_project(tmp_path_factory.mktemp("scale") / "project", 60, ROOT, per_category=5)
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    return project


def test_the_navigation_does_not_grow_with_the_number_of_categories(many_categories: Path) -> None:
    help_center = load_help_center(many_categories / "faq_data", many_categories)
    assert len(help_center.categories) == 12
    site = many_categories / "site"
    for entry in help_center.entries[::7]:
        soup = BeautifulSoup((site / entry.url / "index.html").read_text(encoding="utf-8"), "lxml")
        nav = [a.get_text(strip=True) for a in soup.select("nav.md-nav--primary a.md-nav__link")]
        assert nav == ["How can we help?", "Contact us"], entry.id


def test_home_and_category_pages_list_everything_at_scale(many_categories: Path) -> None:
    help_center = load_help_center(many_categories / "faq_data", many_categories)
    site = many_categories / "site"
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "lxml")
    assert [a.get_text(strip=True) for a in home.select(".hc-categories a")] == [
        category.title for category in help_center.categories
    ]
    for category in help_center.categories:
        soup = BeautifulSoup((site / category.url / "index.html").read_text(encoding="utf-8"), "lxml")
        listed = [h2.get_text(strip=True) for h2 in soup.select("article .hc-question h2")]
        assert listed == [entry.title for entry in help_center.entries_in(category.id)]


def test_the_reused_markdown_converter_leaves_every_page_unchanged(many_categories: Path, tmp_path: Path) -> None:
    """One Markdown converter for all generated pages (`reuse_markdown`, the one speed switch) gives
    the same HTML as MkDocs' converter per page, page by page."""
    config = many_categories / "mkdocs.yml"
    unshared = tmp_path / "unshared"
    result = run_build(many_categories, "--config-file", str(_without_build_shortcuts(config)),
                       "--site-dir", str(unshared))
    assert result.returncode == 0, result.stderr
    shared = many_categories / "site"
    pages = sorted(path.relative_to(shared) for path in shared.rglob("*.html"))
    assert len(pages) > 70
    assert pages == sorted(path.relative_to(unshared) for path in unshared.rglob("*.html"))
    for page in pages:
        assert (shared / page).read_bytes() == (unshared / page).read_bytes(), page


def _without_build_shortcuts(config: Path) -> Path:
    text = config.read_text(encoding="utf-8")
    assert "  - helpcenter:\n" in text
    copy = config.with_name("mkdocs-unshared.yml")
    options = "      reuse_markdown: false\n"
    copy.write_text(text.replace("  - helpcenter:\n", "  - helpcenter:\n" + options), encoding="utf-8")
    return copy


def test_related_questions_and_the_contact_box_stay_out_of_the_search_index(built_site: Path) -> None:
    """They repeat other entries' titles and one sentence on every page: noise for search, and bytes."""
    page = BeautifulSoup((built_site / "two-factor/reset-2fa/index.html").read_text(encoding="utf-8"), "lxml")
    assert page.select_one("h2#related-questions") is not None
    assert "Still need help" in page.select_one("aside.hc-contact").get_text()
    files = index_files(built_site / "search" / "en")
    urls = [url for url, _, _ in json.loads(files["entries-0.json"])]
    reset = urls.index("two-factor/reset-2fa/")
    assert (reset, ANSWER) in [(number, field) for number, field, _ in postings(files, "photo")]
    assert reset not in [number for number, _, _ in postings(files, "still")]
    assert reset not in [number for number, _, _ in postings(files, "incorrect")], "a related question's title"


def test_the_benchmark_runs_end_to_end_in_quick_mode() -> None:
    """Two small sizes that share a category's entries: every figure printed, no timing asserted."""
    result = subprocess.run(
        [str(ROOT / "scripts" / "bench"), "--sizes", "20,60", "--runs", "1"],
        capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    for label in ("validation (CPU)", "build (wall)", "build (CPU)", "Markdown floor (CPU)", "peak memory", "site",
                  "largest entry page", "search index", "first search download"):
        assert f"\n{label} " in result.stdout, label
    assert "PASS  every entry page at most 40 KB" in result.stdout
    assert "PASS  an entry page has the same size at every size of help center" in result.stdout
    assert "not run: add --large" in result.stdout
    assert "\nbuilding in " in result.stdout


def _measured(entries: int, build_cpu: list[float], floor_cpu: list[float]) -> Measurement:
    measurement = Measurement(entries, len(build_cpu))
    measurement.samples.update(build_cpu_s=build_cpu, build_s=build_cpu, floor_cpu_s=floor_cpu)
    measurement.take_medians()
    return measurement


def test_the_cost_per_entry_is_the_median_of_rounds_run_side_by_side() -> None:
    """A slow round slows both sizes: taken round by round it cancels out, median against median it does not."""
    low = _measured(100, [2.0, 4.0, 2.1], [0.2, 0.4, 0.2])
    high = _measured(1000, [7.6, 9.0, 7.0], [2.0, 4.0, 2.0])
    found = {target.name: target for target in targets([low, high])}
    marginal = found["marginal build cost per entry (100 -> 1000) at most 5 ms"]
    # Rounds: 6.22, 5.56, 5.44 ms an entry; the medians of each size would give (7.6 - 2.1) / 900 = 6.11.
    assert marginal.passed is False
    assert marginal.detail.startswith("5.56 ms CPU")
    assert "median of 3 rounds, 5.44 to 6.22 ms" in marginal.detail
    # Each round against its own floor: 3.11, 1.39, 2.72 x.
    assert "2.72 x the Markdown floor" in marginal.detail


@given(
    st.lists(st.sampled_from(["a", "b", "c"]), max_size=3),
    st.lists(st.sampled_from(["a", "b", "c"]), max_size=3),
    st.sampled_from(["index.md", "x.md"]),
    st.sampled_from(["index.md", "y.md"]),
)
def test_relative_link_agrees_with_posixpath(source: list[str], target: list[str], leaf: str, other: str) -> None:
    from_uri = "/".join([*source, leaf])
    to_uri = "/".join([*target, other])
    assert relative_link(from_uri, to_uri) == posixpath.relpath(to_uri, posixpath.dirname(from_uri) or ".")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a: &x hello\nb: *x\n", "case.yml:1: anchors and aliases (&name, *name) are not supported"),
        ("a: !python/object foo\n", "case.yml:1: YAML tags such as '!python/object' are not supported"),
        ("a: 1\n<<: {b: 2}\n", "case.yml:2: merge keys (<<) are not supported"),
        ("a: 1\nb: 2\na: 3\n", "case.yml:3: a: duplicate key: 'a' is already set on line 1"),
        ("v:\n  u: 1\n  u: 2\n", "case.yml:3: u: duplicate key: 'u' is already set on line 2"),
        ("l:\n  - {k: 1, k: 2}\n", "case.yml:2: k: duplicate key: 'k' is already set on line 2"),
    ],
)
def test_the_fast_structure_check_still_rejects_what_hides_content(tmp_path: Path, text: str, message: str) -> None:
    """Files without '&' or '!' skip the alias and tag checks; every trap is still caught."""
    file = tmp_path / "case.yml"
    file.write_text(text, encoding="utf-8")
    document, problems = read_yaml(file, "case.yml")
    assert document is None
    assert str(problems[0]).startswith(message)


def test_null_values_are_still_recognised(tmp_path: Path) -> None:
    file = tmp_path / "case.yml"
    file.write_text("a: ~\nb:\nc: 'null'\n", encoding="utf-8")
    document, problems = read_yaml(file, "case.yml")
    assert problems == [] and document is not None
    tags = [value.tag.rsplit(":", 1)[1] for _, value in document.root.value]
    assert tags == ["null", "null", "str"]


def test_instruction_counts_come_from_cachegrind_s_summary_and_give_the_marginal_ratio() -> None:
    summary = (
        "==4242== Cachegrind, a high-precision tracing profiler\n==4242== \n==4242== I   refs:      18,284,226,940\n"
    )
    assert instructions(summary) == 18_284_226_940
    with pytest.raises(RuntimeError, match="no instruction count"):
        instructions("==4242== error: no such file\n")
    lines = report_counts(Counts(100, 5_000_000_000, 800_000_000), Counts(1000, 18_500_000_000, 8_000_000_000))
    assert "marginal build cost per entry (100 -> 1,000): 15.00 million instructions" in lines
    assert "the floor's per entry (at 1,000): 8.00 million instructions" in lines
    assert any(line.startswith("ratio: 1.88 x") for line in lines)


def test_the_benchmark_builds_in_memory_where_the_machine_has_a_tmpfs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The disk's cost of creating each page's folder and file varies fourfold between identical builds here."""
    monkeypatch.setattr(benchmark, "MEMORY_FOLDER", tmp_path)
    monkeypatch.setattr(benchmark, "MEMORY_NEEDED", 1)
    assert benchmark.memory_folder() == str(tmp_path)
    monkeypatch.setattr(benchmark, "MEMORY_NEEDED", 2**62)  # more than any folder has free: the disk, then
    assert benchmark.memory_folder() is None
    monkeypatch.setattr(benchmark, "MEMORY_FOLDER", tmp_path / "missing")
    monkeypatch.setattr(benchmark, "MEMORY_NEEDED", 0)
    assert benchmark.memory_folder() is None


def test_the_first_search_download_is_held_to_its_limit_at_each_size() -> None:
    low = _measured(100, [2.0], [0.2])
    high = _measured(1000, [6.0], [2.0])
    high.first_search_gzip_bytes = 71_000
    target = "a first search at 1,000 entries downloads at most 300 KB gzip (bound)"
    assert {t.name: t for t in targets([low, high])}[target].passed is True
    high.first_search_gzip_bytes = 301_000
    assert {t.name: t for t in targets([low, high])}[target].passed is False
