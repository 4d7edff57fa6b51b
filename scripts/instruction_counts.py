"""The benchmark's ratio counted in instructions: the same builds and floor, under valgrind.

CPU time on a shared machine moves with the load: another job's use of the caches slows a long
build more than the short floor. The number of instructions a program runs does not depend on
the load, so counted with valgrind's cachegrind (user-space instructions: the kernel's work of
writing the site's files is not in it) the builds and the floor give a ratio that moves by well
under 1 % between runs. It is a second view, not the target: the targets are judged on CPU time.

Run it as `scripts/bench-instructions` (about 5 minutes at 100 and 1,000 entries: valgrind runs
a program some 30 times slower).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from benchmark import parse_sizes
from synthetic import write_synthetic_project

_INSTRUCTIONS = re.compile(r"^==\d+== I\s+refs:\s+([\d,]+)\s*$", re.MULTILINE)

_FLOOR = """
import sys
from pathlib import Path
from benchmark import floor_pages, floor_renderer
project = Path(sys.argv[1])
pages = floor_pages(project)
renderer = floor_renderer(project, pages[0])
if sys.argv[2] == "render":
    for text in pages:
        renderer.reset()
        renderer.convert(text)
"""
"""The floor's setup alone, or its setup and the rendering: the difference is the rendering's count."""


@dataclass(frozen=True)
class Counts:
    entries: int
    build: int
    floor: int
    """The rendering of every entry page by Python-Markdown alone, without its setup."""


def instructions(valgrind_output: str) -> int:
    """The total cachegrind prints ("I refs") in its summary."""
    found = _INSTRUCTIONS.search(valgrind_output)
    if found is None:
        raise RuntimeError(f"valgrind printed no instruction count:\n{valgrind_output[-2000:]}")
    return int(found.group(1).replace(",", ""))


def counted(command: list[str], cwd: Path) -> int:
    """The instructions `command` runs, in user space, with every process it starts."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONHASHSEED": "0"}
    result = subprocess.run(
        ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null", *command],
        cwd=cwd, env=environment, capture_output=True, text=True,
    )
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed under valgrind:\n{result.stdout}{result.stderr}")
    return instructions(result.stderr)


def count_size(project: Path) -> tuple[int, int]:
    """The build's and the floor's instruction counts for one synthetic help center."""
    shutil.rmtree(project / "site", ignore_errors=True)
    build = counted([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"], project)
    setup, rendered = (
        counted([sys.executable, "-c", _FLOOR, str(project), what], project) for what in ("setup", "render")
    )
    return build, rendered - setup


def report(low: Counts, high: Counts) -> list[str]:
    entries = high.entries - low.entries
    marginal = (high.build - low.build) / entries
    floor = high.floor / high.entries
    return [
        f"{'entries':<28}{low.entries:>14,}{high.entries:>14,}",
        f"{'build':<28}{low.build / 1e9:>12.2f} G{high.build / 1e9:>12.2f} G",
        f"{'Markdown floor':<28}{low.floor / 1e9:>12.2f} G{high.floor / 1e9:>12.2f} G",
        "",
        f"marginal build cost per entry ({low.entries:,} -> {high.entries:,}): "
        f"{marginal / 1e6:.2f} million instructions",
        f"the floor's per entry (at {high.entries:,}): {floor / 1e6:.2f} million instructions",
        f"ratio: {marginal / floor:.2f} x (in CPU time the ratio is higher: see PERFORMANCE.md)",
    ]


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="scripts/bench-instructions",
        description="Count the instructions of the benchmark's builds and floor with valgrind "
        "(independent of the load).",
    )
    parser.add_argument(
        "--sizes", type=parse_sizes, default=[100, 1000], help="two numbers of entries (default: 100,1000)"
    )
    parser.add_argument("--project", type=Path, default=Path.cwd(),
                        help="the project whose mkdocs.yml, docs/ and overrides/ are built (default: here)")
    options = parser.parse_args(list(argv) if argv is not None else None)
    if len(options.sizes) != 2:
        parser.error("--sizes takes two sizes, such as 100,1000")
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (Debian: apt-get install valgrind)", file=sys.stderr)
        return 1
    counts = []
    with tempfile.TemporaryDirectory(prefix="helpcenter-instructions-") as temporary:
        for size in options.sizes:
            print(f"  counting {size:,} entries under valgrind...", flush=True)
            project = write_synthetic_project(Path(temporary) / f"help-center-{size}", size, options.project)
            try:
                build, floor = count_size(project)
            except RuntimeError as error:
                print(error, file=sys.stderr)
                return 1
            counts.append(Counts(size, build, floor))
    print("\n".join(report(*counts)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
