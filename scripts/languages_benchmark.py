"""The languages benchmark: one synthetic help center built in one language, then in three.

Run it as `python scripts/languages_benchmark.py [--entries 1000] [--runs 3]`. The second help
center declares `languages: [en, de, fr]` and holds a translation of every entry into each (the
source's words, marked as the language's, with the source's fingerprint), so both builds publish
every page. It prints the CPU time of each `mkdocs build --strict`, the ratio of the two, and the
size of an entry page in each, which should not grow with the number of languages.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from helpcenter.load.fingerprint import entry_fingerprint
from helpcenter.load.help_center import load_help_center
from synthetic import entry_id, write_synthetic_project

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("de", "fr")


def write_translations(data_dir: Path, languages: tuple[str, ...]) -> None:
    """Declare `languages` beside English and translate every entry into each."""
    help_center = load_help_center(data_dir, data_dir.parent)
    settings = data_dir / "settings.yml"
    settings.write_text(settings.read_text(encoding="utf-8") + f"languages: [en, {', '.join(languages)}]\n",
                        encoding="utf-8")
    for entry in help_center.entries:
        folder = data_dir / "entries" / entry.category
        for language in languages:
            lines = [
                f"source: {entry_fingerprint(entry)}",
                f"title: {_quoted(f'[{language}] {entry.title}')}",
                f"summary: {_quoted(entry.summary)}",
                "answer: |",
                *("  " + line if line else "" for line in entry.answer.rstrip("\n").split("\n")),
            ]
            if entry.steps:
                lines += ["steps:", *(f"  - {_quoted(step)}" for step in entry.steps)]
            if entry.video is not None:
                lines += ["video:", f"  title: {_quoted(entry.video.title)}",
                          f"  description: {_quoted(entry.video.description)}"]
            (folder / f"{entry.id}.{language}.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def build_seconds(project: Path) -> float:
    """CPU time (user and system, of the build process) of one strict build."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"], cwd=project, check=True,
                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3, help="builds of each help center, taking turns")
    args = parser.parse_args()
    memory = Path("/dev/shm")
    with tempfile.TemporaryDirectory(dir=memory if memory.is_dir() else None) as folder:
        one = write_synthetic_project(Path(folder) / "one", args.entries, ROOT)
        three = write_synthetic_project(Path(folder) / "three", args.entries, ROOT)
        write_translations(three / "faq_data", LANGUAGES)
        times: dict[str, list[float]] = {"one": [], "three": []}
        for _ in range(args.runs):
            times["one"].append(build_seconds(one))
            times["three"].append(build_seconds(three))
        page = entry_id(0)
        sizes = {
            "one": (one / "site").rglob(f"{entry_id(0)}/index.html"),
            "three": (three / "site").rglob(f"{entry_id(0)}/index.html"),
        }
        one_time, three_time = statistics.median(times["one"]), statistics.median(times["three"])
        print(f"{args.entries} entries, median of {args.runs} strict builds (CPU seconds)")
        print(f"  one language:    {one_time:.1f} s  ({', '.join(f'{t:.1f}' for t in times['one'])})")
        print(f"  three languages: {three_time:.1f} s  ({', '.join(f'{t:.1f}' for t in times['three'])})")
        print(f"  ratio: {three_time / one_time:.2f} (three languages publish three times the pages)")
        for name, found in sizes.items():
            print(f"  entry page {page} in {name}: " + ", ".join(
                f"{path.relative_to(Path(folder) / name / 'site')} {path.stat().st_size:,} bytes"
                for path in sorted(found)))


if __name__ == "__main__":
    main()
