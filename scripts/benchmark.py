"""The scale benchmark: synthetic help centers of N entries, validated, built and measured.

Run it as `scripts/bench` (or `python scripts/benchmark.py`). Each build runs `mkdocs build`
in a child process, so its peak memory is its own; Python-Markdown alone, rendering the same
entry pages with the same extensions, gives the floor that the build is compared with.

Times are taken twice: wall-clock, and the CPU time of the work itself. The targets are judged on
CPU time, because the machine is shared: wall-clock time also counts whatever else is running.
The help centers are written and built in memory where the machine has room (`memory_folder`), so
that the disk's own time for creating folders and files does not count.
"""

from __future__ import annotations

import argparse
import gzip
import importlib
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import markdown
import yaml

from helpcenter.load.help_center import check_help_center, load_help_center
from helpcenter.render.pages import render_pages
from synthetic import write_synthetic_project

LARGE = 10_000
MKDOCS_BUILTIN_EXTENSIONS = ("toc", "tables", "fenced_code")
"""MkDocs adds these to every site's Markdown extensions."""


@dataclass(frozen=True)
class Target:
    name: str
    passed: bool | None
    """None when the run did not measure it."""
    detail: str


_TIMES = ("validate_s", "validate_cpu_s", "floor_s", "floor_cpu_s", "build_s", "build_cpu_s")
VALIDATION_RUNS = 5
"""At least this many validations per size: one takes seconds even at 10,000 entries."""


@dataclass
class Measurement:
    """The medians of several runs at one size, and each run's times."""

    entries: int
    runs: int
    validate_s: float = 0.0
    validate_cpu_s: float = 0.0
    build_s: float = 0.0
    build_cpu_s: float = 0.0
    floor_s: float = 0.0
    floor_cpu_s: float = 0.0
    peak_rss_bytes: int = 0
    site_bytes: int = 0
    search_index_bytes: int = 0
    first_search_bytes: int = 0
    first_search_gzip_bytes: int = 0
    entry_page_bytes: dict[str, int] = field(default_factory=dict)
    entry_sources: dict[str, bytes] = field(default_factory=dict)
    """Each entry's YAML file: pages are compared between sizes only where these are equal."""
    samples: dict[str, list[float]] = field(default_factory=lambda: {name: [] for name in _TIMES})
    """Each run's times, in the order of the rounds: round i of one size ran next to round i of the others."""

    @property
    def largest_entry_bytes(self) -> int:
        return max(self.entry_page_bytes.values(), default=0)

    def take_medians(self) -> None:
        for name, values in self.samples.items():
            if values:
                setattr(self, name, statistics.median(values))


def measure_sizes(sizes: Sequence[int], runs: dict[int, int], workdir: Path, project_root: Path) -> list[Measurement]:
    """Measure every size, the sizes taking turns round by round.

    The machine's speed drifts while other work comes and goes: runs of two sizes made side by side
    see the same conditions, so the cost per entry taken from them (and its ratio to the floor
    measured in the same round) is steadier than one taken from runs made minutes apart.
    """
    projects = {size: workdir / f"help-center-{size}" for size in sizes}
    for size, project in projects.items():
        if project.exists():
            shutil.rmtree(project)  # a folder kept by an earlier --keep run
        write_synthetic_project(project, size, project_root)
    results = {size: Measurement(size, runs[size]) for size in sizes}
    for round_number in range(max(max(runs.values()), VALIDATION_RUNS)):
        for size in sizes:
            project, result = projects[size], results[size]
            if round_number < max(runs[size], VALIDATION_RUNS):
                for name, value in zip(("validate_s", "validate_cpu_s"), _time_validation(project), strict=True):
                    result.samples[name].append(value)
            if round_number >= runs[size]:
                continue
            print(f"  round {round_number + 1}: {size:,} entries", flush=True)
            floor_before = markdown_floor(project)
            shutil.rmtree(project / "site", ignore_errors=True)  # each build starts clean, as on a fresh clone
            wall, cpu, peak = build_site(project)
            # The floor taken on both sides of the build, so a change in the machine's speed during
            # the round weighs on both as much as it can.
            floor_after = markdown_floor(project)
            for name, before, after in zip(("floor_s", "floor_cpu_s"), floor_before, floor_after, strict=True):
                result.samples[name].append((before + after) / 2)
            result.samples["build_s"].append(wall)
            result.samples["build_cpu_s"].append(cpu)
            result.peak_rss_bytes = max(result.peak_rss_bytes, peak)
    for size in sizes:
        results[size].take_medians()
        _measure_site(projects[size], results[size])
    return [results[size] for size in sizes]


# `mkdocs build` that says, as it exits, its own peak memory. The peak wait4 reports also counts the
# memory of the benchmark process it was forked from, which holds a 10,000-entry help center.
_BUILD_REPORTING_PEAK = """
import atexit, sys
def report_peak():
    with open("/proc/self/status") as status:
        peak = next((line.split()[1] for line in status if line.startswith("VmHWM:")), None)
    if peak:
        sys.stderr.write(f"\\nhelpcenter-bench-peak-kb {peak}\\n")
atexit.register(report_peak)
from mkdocs.__main__ import cli
cli(["build", "--strict", "--quiet"])
"""
_PEAK = re.compile(rb"^helpcenter-bench-peak-kb (\d+)$", re.MULTILINE)


def build_site(project: Path) -> tuple[float, float, int]:
    """`mkdocs build --strict` in a child process: wall seconds, CPU seconds and peak memory in bytes."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", _BUILD_REPORTING_PEAK],
        cwd=project, env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    assert process.stdout is not None
    output = process.stdout.read()
    process.stdout.close()
    _, status, usage = os.wait4(process.pid, 0)  # this child's own resource usage, not all children's
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"the build of {project} failed:\n{output.decode(errors='replace')}")
    peak = _PEAK.search(output)
    return wall, usage.ru_utime + usage.ru_stime, int(peak.group(1)) * 1024 if peak else usage.ru_maxrss * 1024


def markdown_floor(project: Path) -> tuple[float, float]:
    """Wall and CPU seconds Python-Markdown alone takes to render every entry page, with the site's extensions."""
    pages = floor_pages(project)
    renderer = floor_renderer(project, pages[0])
    started, started_cpu = time.perf_counter(), time.process_time()
    for text in pages:
        renderer.reset()
        renderer.convert(text)
    return time.perf_counter() - started, time.process_time() - started_cpu


def floor_pages(project: Path) -> list[str]:
    """The Markdown of every entry page, as the build renders it (without its front matter)."""
    help_center = load_help_center(project / "faq_data", project)
    entry_uris = {entry.src_uri for entry in help_center.entries}
    return [
        _without_front_matter(page.markdown)
        for page in render_pages(help_center, project / "overrides" / "helpcenter")
        if page.src_uri in entry_uris
    ]


def floor_renderer(project: Path, first_page: str) -> markdown.Markdown:
    """Python-Markdown with the site's extensions, having rendered a page: the extensions load some of
    what they need on first use (the emoji index, ...)."""
    extensions, configs = markdown_extensions(project / "mkdocs.yml")
    renderer = markdown.Markdown(extensions=extensions, extension_configs=configs)
    renderer.convert(first_page)
    return renderer


def markdown_extensions(config_file: Path) -> tuple[list[str], dict[str, dict[str, Any]]]:
    """The Markdown extensions and their settings from mkdocs.yml, with the ones MkDocs always adds."""
    config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
    extensions = list(MKDOCS_BUILTIN_EXTENSIONS)
    configs: dict[str, dict[str, Any]] = {}
    for item in config.get("markdown_extensions", []):
        name, settings = next(iter(item.items())) if isinstance(item, dict) else (item, None)
        if name not in extensions:
            extensions.append(name)
        if settings:
            configs[name] = settings
    return extensions, configs


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml's `!!python/name:` values (the emoji functions) as the objects they name."""


def _python_name(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    module, _, name = suffix.rpartition(".")
    return getattr(importlib.import_module(module), name)


_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/name:", _python_name)
_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def _without_front_matter(page: str) -> str:
    return page.split("---\n", 2)[2] if page.startswith("---\n") else page


def _time_validation(project: Path) -> tuple[float, float]:
    started, started_cpu = time.perf_counter(), time.process_time()
    _, problems = check_help_center(project / "faq_data", project)
    elapsed, elapsed_cpu = time.perf_counter() - started, time.process_time() - started_cpu
    if problems:
        raise RuntimeError("the synthetic content has problems:\n" + "\n".join(map(str, problems)))
    return elapsed, elapsed_cpu



def first_search_bound(site: Path) -> tuple[int, int]:
    """Bytes, and gzip bytes, a first search of up to four words downloads at most: what every search
    fetches (Material's index settings, the search worker, Material's worker for lunr's stemmer, the
    index's terms), the four largest posting shards and the ten largest result-detail chunks.
    `scripts/search-download` measures real queries in Chromium."""
    scripts = site / "assets" / "javascripts"
    folder = site / "search" / "en"
    fixed = [site / "search" / "search_index.json", scripts / "helpcenter-search.js",
             *scripts.glob("workers/search.*.min.js"), folder / "meta.json"]
    shards = sorted(folder.glob("shard-*.json"), key=lambda path: path.stat().st_size)[-4:]
    chunks = sorted(folder.glob("entries-*.json"), key=lambda path: path.stat().st_size)[-10:]
    downloads = [path.read_bytes() for path in (*fixed, *shards, *chunks)]
    return sum(map(len, downloads)), sum(len(gzip.compress(data, 6)) for data in downloads)

def _measure_site(project: Path, result: Measurement) -> None:
    site = project / "site"
    result.site_bytes = sum(path.stat().st_size for path in site.rglob("*") if path.is_file())
    help_center = load_help_center(project / "faq_data", project)
    result.entry_page_bytes = {
        entry.id: (site / entry.url / "index.html").stat().st_size for entry in help_center.entries
    }
    result.entry_sources = {entry.id: (project / entry.source).read_bytes() for entry in help_center.entries}
    result.search_index_bytes = sum(path.stat().st_size for path in (site / "search").rglob("*") if path.is_file())
    result.first_search_bytes, result.first_search_gzip_bytes = first_search_bound(site)


def targets(measurements: Sequence[Measurement]) -> list[Target]:
    by_size = {measurement.entries: measurement for measurement in measurements}
    found: list[Target] = []
    large = by_size.get(LARGE)
    if large:
        found.append(Target("validate 10,000 entries in at most 3 s", large.validate_cpu_s <= 3.0,
                            f"{large.validate_cpu_s:.2f} s CPU ({large.validate_s:.2f} s wall)"))
    else:
        found.append(Target("validate 10,000 entries in at most 3 s", None, "not run: add --large"))
    small = sorted(size for size in by_size if size != LARGE)
    pair = (100, 1000) if {100, 1000} <= set(small) else tuple(small[:2])
    if len(pair) == 2:
        low, high = by_size[pair[0]], by_size[pair[1]]
        rounds = _rounds(low, high)
        marginal = statistics.median(cpu for cpu, _, _ in rounds)
        marginal_wall = statistics.median(wall for _, wall, _ in rounds)
        ratios = [cpu / floor for cpu, _, floor in rounds]
        floor = statistics.median(floor for _, _, floor in rounds)
        found.append(Target(f"marginal build cost per entry ({pair[0]} -> {pair[1]}) at most 5 ms",
                            marginal <= 0.005,
                            f"{marginal * 1000:.2f} ms CPU ({marginal_wall * 1000:.2f} ms wall); "
                            f"{_spread([cpu * 1000 for cpu, _, _ in rounds], 'ms')}; "
                            f"{statistics.median(ratios):.2f} x the Markdown floor ({floor * 1000:.2f} ms CPU)"))
    else:
        found.append(Target("marginal build cost per entry at most 5 ms", None,
                            "needs two sizes, such as --sizes 100,1000"))
    if large:
        found.append(Target("10,000 entries built in at most 60 s", large.build_cpu_s <= 60,
                            f"{large.build_cpu_s:.1f} s CPU ({large.build_s:.1f} s wall)"))
        found.append(Target("peak memory of the 10,000-entry build at most 1 GB",
                            large.peak_rss_bytes <= 1_000_000_000, f"{large.peak_rss_bytes / 1e6:.0f} MB"))
    else:
        found.append(Target("10,000 entries built in at most 60 s with at most 1 GB", None, "not run: add --large"))
    largest = max(measurements, key=lambda measurement: measurement.largest_entry_bytes)
    found.append(Target("every entry page at most 40 KB at every size", largest.largest_entry_bytes <= 40_000,
                        f"largest {largest.largest_entry_bytes:,} bytes (at {largest.entries:,} entries)"))
    found.append(_same_size_target(measurements))
    for size, limit in ((1000, 300_000), (LARGE, 1_000_000)):
        measured = by_size.get(size)
        if measured:
            name = f"a first search at {size:,} entries downloads at most {limit // 1000:,} KB gzip (bound)"
            found.append(Target(name, measured.first_search_gzip_bytes <= limit,
                                f"{measured.first_search_gzip_bytes / 1000:,.0f} KB"))
    return found


def _rounds(low: Measurement, high: Measurement) -> list[tuple[float, float, float]]:
    """Each round's marginal cost per entry (CPU, wall) and the floor's cost per entry, in seconds."""
    entries = high.entries - low.entries
    return [
        ((high_cpu - low_cpu) / entries, (high_wall - low_wall) / entries, floor / high.entries)
        for low_cpu, high_cpu, low_wall, high_wall, floor in zip(
            low.samples["build_cpu_s"], high.samples["build_cpu_s"],
            low.samples["build_s"], high.samples["build_s"], high.samples["floor_cpu_s"],
            strict=False,  # the two sizes may have had a different number of rounds: pair the first ones
        )
    ]


def _spread(values: Sequence[float], unit: str) -> str:
    """Which figure is the median, and the range it was taken from."""
    if len(values) == 1:
        return "1 round"
    return f"median of {len(values)} rounds, {min(values):.2f} to {max(values):.2f} {unit}"


def _same_size_target(measurements: Sequence[Measurement]) -> Target:
    """An entry whose file is the same in two help centers has a page of the same size in both."""
    name = "an entry page has the same size at every size of help center"
    smallest = min(measurements, key=lambda measurement: measurement.entries)
    compared = differences = 0
    for other in measurements:
        if other is smallest:
            continue
        for entry_id, source in smallest.entry_sources.items():
            if other.entry_sources.get(entry_id) == source:
                compared += 1
                differences += other.entry_page_bytes[entry_id] != smallest.entry_page_bytes[entry_id]
    if not compared:
        return Target(name, None, "needs two sizes that share entries (a full category: 50 entries)")
    first = min(smallest.entry_page_bytes)
    sizes = ", ".join(f"{m.entry_page_bytes[first]:,} B at {m.entries:,}" for m in measurements)
    return Target(name, differences == 0, f"{compared - differences} of {compared} pages equal; {first}: {sizes}")


def report(measurements: Sequence[Measurement]) -> list[str]:
    rows = [
        ("entries", lambda m: f"{m.entries:,}"),
        ("builds (median of)", lambda m: f"{m.runs}"),
        ("validations (median of)", lambda m: f"{len(m.samples['validate_cpu_s'])}"),
        ("validation (CPU)", lambda m: f"{m.validate_cpu_s:.2f} s"),
        ("validation (wall)", lambda m: f"{m.validate_s:.2f} s"),
        ("build (CPU)", lambda m: f"{m.build_cpu_s:.1f} s"),
        ("build (wall)", lambda m: f"{m.build_s:.1f} s"),
        ("build per entry (CPU)", lambda m: f"{m.build_cpu_s / m.entries * 1000:.1f} ms"),
        ("Markdown floor (CPU)", lambda m: f"{m.floor_cpu_s:.2f} s"),
        ("Markdown floor (wall)", lambda m: f"{m.floor_s:.2f} s"),
        ("build / floor (CPU)", lambda m: f"{m.build_cpu_s / m.floor_cpu_s:.1f} x"),
        ("peak memory", lambda m: f"{m.peak_rss_bytes / 1e6:.0f} MB"),
        ("site", lambda m: f"{m.site_bytes / 1e6:.1f} MB"),
        ("largest entry page", lambda m: f"{m.largest_entry_bytes / 1e3:.1f} KB"),
        ("search index", lambda m: f"{m.search_index_bytes / 1e3:,.0f} KB"),
        ("first search download (bound)", lambda m: f"{m.first_search_bytes / 1e3:,.0f} KB"),
        ("  gzip-compressed", lambda m: f"{m.first_search_gzip_bytes / 1e3:,.0f} KB"),
    ]
    width = max(len(label) for label, _ in rows)
    lines = []
    for label, cell in rows:
        cells = "".join(f"{cell(measurement):>14}" for measurement in measurements)
        lines.append(f"{label:<{width}}{cells}")
    lines.append("")
    for target in targets(measurements):
        verdict = {True: "PASS", False: "FAIL", None: "----"}[target.passed]
        lines.append(f"{verdict}  {target.name}: {target.detail}")
    return lines


def parse_sizes(text: str) -> list[int]:
    try:
        sizes = sorted({int(part.replace("_", "").replace(",", "")) for part in text.split(",") if part.strip()})
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected sizes such as 100,1000, got '{text}'") from None
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError("sizes are positive numbers of entries")
    return sizes


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="scripts/bench",
        description="Build synthetic help centers of several sizes and check the speed and size targets.",
    )
    parser.add_argument("--sizes", type=parse_sizes, default=[100, 1000],
                        help="numbers of entries, comma-separated (default: 100,1000)")
    parser.add_argument("--large", action="store_true", help=f"also measure {LARGE:,} entries")
    parser.add_argument("--runs", type=int, default=5, help="rounds of builds; medians are reported (default: 5)")
    parser.add_argument("--large-runs", type=int, default=1, help=f"runs at {LARGE:,} entries (default: 1)")
    parser.add_argument("--project", type=Path, default=Path.cwd(),
                        help="the project whose mkdocs.yml, docs/ and overrides/ are built (default: here)")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it, instead of a temporary one")
    parser.add_argument("--on-disk", action="store_true",
                        help=f"build in the system's temporary folder rather than in memory ({MEMORY_FOLDER})")
    options = parser.parse_args(list(argv) if argv is not None else None)
    if options.runs < 1 or options.large_runs < 1:
        parser.error("--runs and --large-runs are at least 1")
    sizes = options.sizes + ([LARGE] if options.large and LARGE not in options.sizes else [])
    print(f"{os.cpu_count()} CPUs; load average {_load()} at the start. Other processes share this "
          "machine: wall times include their load, so targets are judged on CPU time.", flush=True)
    in_memory = None if options.on_disk else memory_folder()
    with tempfile.TemporaryDirectory(prefix="helpcenter-bench-", dir=in_memory) as temporary:
        workdir = options.keep or Path(temporary)
        workdir.mkdir(parents=True, exist_ok=True)
        print(f"building in {workdir}{' (in memory)' if in_memory and not options.keep else ''}", flush=True)
        runs = {size: options.large_runs if size == LARGE else options.runs for size in sizes}
        print(f"measuring {', '.join(f'{size:,}' for size in sizes)} entries, taking turns; "
              f"{max(runs.values())} round{'s' if max(runs.values()) != 1 else ''} of builds, "
              f"at least {VALIDATION_RUNS} validations of each size...", flush=True)
        try:
            measurements = measure_sizes(sizes, runs, workdir, options.project)
        except RuntimeError as error:
            print(error, file=sys.stderr)
            return 1
    print(f"load average {_load()} at the end.\n")
    print("\n".join(report(measurements)))
    return 0


MEMORY_FOLDER = Path("/dev/shm")
MEMORY_NEEDED = 1_000_000_000
"""Free bytes the folder in memory must have: the three help centers of `--large` take about 400 MB
(containers often give /dev/shm only 64 MB)."""


def memory_folder() -> str | None:
    """A folder held in memory (tmpfs), if the machine has one.

    Creating a page's folder and file on this machine's virtual disk (ext4) costs the kernel 0.3 to
    2 ms a page, and the figure changes fourfold between identical builds (with the previous
    build's site just deleted, most): more than the differences the benchmark is there to show,
    and not the generator's work. In memory it costs about 0.1 ms.
    """
    if not (MEMORY_FOLDER.is_dir() and os.access(MEMORY_FOLDER, os.W_OK | os.X_OK)):
        return None
    space = os.statvfs(MEMORY_FOLDER)
    return str(MEMORY_FOLDER) if space.f_bavail * space.f_frsize >= MEMORY_NEEDED else None


def _load() -> str:
    try:
        return " ".join(f"{value:.1f}" for value in os.getloadavg())
    except OSError:
        return "unknown"


if __name__ == "__main__":
    sys.exit(main())
