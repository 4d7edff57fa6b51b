"""The search benchmark: how well the site's search finds the answer to real customer queries, what
its first search downloads and how fast it answers.

Run it as `scripts/search-benchmark` (`--help` lists the options). It builds the help center of
`benchmarks/search/help-center/` twice, without phrasings and with the first few training queries
of each intent added to `also_asked`, serves each build on 127.0.0.1, and types every test query,
and every out-of-scope query, into the site's own search box in headless Chromium. The offline
baselines rank the same entries with the same fields. Then synthetic help centers of 1,000 and
10,000 entries give the first search's download and the time from the last keystroke to results.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmark import build_site, memory_folder
from helpcenter.load.help_center import load_help_center
from helpcenter.model import Entry
from search_baselines import Baseline, bm25, embeddings
from search_browser import Shown, first_search, search_page, serve
from synthetic import (
    category_id,
    copy_project_parts,
    entry_id,
    with_semantic_search,
    without_ledger,
    write_synthetic_project,
)

ROOT = Path(__file__).resolve().parent.parent
BENCHMARK = ROOT / "benchmarks" / "search"
HELP_CENTER = BENCHMARK / "help-center"
QUERIES = BENCHMARK / "clinc150" / "queries.json"
OUT_OF_SCOPE = "oos"
SITE = "this site's search, in the browser"
SEMANTIC_SITE = "this site's search with semantic_search, in the browser"
FIRST_SEARCH_TIMEOUT = 60_000
SEARCH_TIMEOUT = 4_000
SCALE_QUERIES = ("reset my password on my phone", "cancel subscription", "download invoice",
                 "how do I verify my phone number", "update shipping address", "pasword")


@dataclass(frozen=True)
class Query:
    text: str
    entry: str | None
    """The id of the entry that answers it; None for an out-of-scope query."""


@dataclass(frozen=True)
class Outcome:
    query: Query
    ranking: tuple[str, ...]
    """Entry ids, best first."""
    no_answer: bool
    """The search said it has no answer (no result, or its "no answer" state)."""


@dataclass(frozen=True)
class Scores:
    queries: int
    top1: float
    top3: float
    mrr: float
    no_results: float
    no_answer: float
    """Of the in-scope queries, the share answered with "no answer"."""
    out_of_scope: int = 0
    out_of_scope_no_answer: float | None = None
    """Of the out-of-scope queries, the share answered with "no answer"; None when not measured."""


def rank(expected: str, ranking: Sequence[str]) -> int | None:
    """The 1-based place of `expected` in `ranking`, or None when it is not there."""
    return ranking.index(expected) + 1 if expected in ranking else None


def score(outcomes: Iterable[Outcome]) -> Scores:
    """Top-1, top-3 and mean reciprocal rank of the in-scope queries, the share with no result and
    with "no answer", and the share of out-of-scope queries answered with "no answer"."""
    outcomes = list(outcomes)
    inside = [outcome for outcome in outcomes if outcome.query.entry is not None]
    outside = [outcome for outcome in outcomes if outcome.query.entry is None]
    places = [rank(outcome.query.entry, outcome.ranking) for outcome in inside if outcome.query.entry is not None]
    count = len(inside)

    def share(values: Iterable[bool], total: int) -> float:
        return sum(values) / total if total else 0.0

    return Scores(
        queries=count,
        top1=share((place == 1 for place in places), count),
        top3=share((place is not None and place <= 3 for place in places), count),
        mrr=sum(1 / place for place in places if place is not None) / count if count else 0.0,
        no_results=share((not outcome.ranking for outcome in inside), count),
        no_answer=share((outcome.no_answer for outcome in inside), count),
        out_of_scope=len(outside),
        out_of_scope_no_answer=share((outcome.no_answer for outcome in outside), len(outside)) if outside else None,
    )


def intent_entry(intent: str) -> str:
    """The entry that answers a CLINC150 intent: `report_lost_card` -> `report-lost-card`."""
    return intent.replace("_", "-")


def read_queries(path: Path, entries: set[str]) -> tuple[dict[str, list[str]], list[Query], list[Query]]:
    """Training phrasings by entry, the test queries of the help center's entries, the out-of-scope queries."""
    data = json.loads(path.read_text(encoding="utf-8"))
    train: dict[str, list[str]] = {}
    for text, intent in data["train"]:
        if intent_entry(intent) in entries:
            train.setdefault(intent_entry(intent), []).append(text)
    test = [Query(text, intent_entry(intent)) for text, intent in data["test"] if intent_entry(intent) in entries]
    unknown = {intent for _, intent in data["test"]} - {intent.replace("-", "_") for intent in entries}
    if unknown:
        raise ValueError(f"{path}: test queries of intents with no entry: {', '.join(sorted(unknown))}")
    out_of_scope = [Query(text, None) for text, intent in data["oos_test"] if intent == OUT_OF_SCOPE]
    return train, test, out_of_scope


def sample(queries: Sequence[Query], per_entry: int | None) -> list[Query]:
    """The first `per_entry` queries of each entry (all of them when None)."""
    if per_entry is None:
        return list(queries)
    taken: dict[str | None, int] = {}
    chosen = []
    for query in queries:
        if taken.get(query.entry, 0) < per_entry:
            taken[query.entry] = taken.get(query.entry, 0) + 1
            chosen.append(query)
    return chosen


def write_project(destination: Path, phrasings: dict[str, list[str]]) -> Path:
    """The project's theme and pages with the benchmark's help center as its content, each entry
    given `phrasings[id]` as its `also_asked`."""
    copy_project_parts(destination, ROOT)
    shutil.copytree(HELP_CENTER, destination / "faq_data")
    for path in sorted((destination / "faq_data" / "entries").rglob("*.yml")):
        added = phrasings.get(path.stem, [])
        text = path.read_text(encoding="utf-8")
        if "\nalso_asked:" in text and added:
            raise ValueError(f"{path.relative_to(destination)} has its own also_asked; the benchmark adds them")
        if added:
            lines = "".join(f"  - {json.dumps(phrase)}\n" for phrase in added)
            path.write_text(text.rstrip("\n") + "\nalso_asked:\n" + lines, encoding="utf-8")
    return without_ledger(destination)


def browser_outcomes(site: Path, entries: Sequence[Entry], queries: Sequence[Query], settle_ms: int) -> list[Outcome]:
    """Each query typed into the served site's search box; the results read from the page."""
    by_path = {"/" + entry.url: entry.id for entry in entries}
    outcomes = []
    timed_out = 0
    with serve(site) as base_url, search_page(base_url, entries[0].url, settle_ms) as box:
        box.timeout_ms = FIRST_SEARCH_TIMEOUT  # the semantic mode's first search fetches its model
        box.search("warm up the search")
        box.timeout_ms = SEARCH_TIMEOUT
        for number, query in enumerate(queries, 1):
            shown: Shown = box.search(query.text)
            timed_out += shown.timed_out
            ranking = tuple(by_path[path] for path in shown.paths if path in by_path)
            outcomes.append(Outcome(query, ranking, shown.no_answer))
            if number % 500 == 0:
                print(f"    {number:,} of {len(queries):,} queries", flush=True)
    if timed_out:
        print(f"    {timed_out} queries showed nothing new before the timeout (counted as no result)", flush=True)
    return outcomes


def offline_outcomes(baseline: Baseline, queries: Sequence[Query]) -> list[Outcome] | None:
    if baseline.ranker is None:
        return None
    rankings = baseline.ranker([query.text for query in queries])
    return [Outcome(query, ranking, not ranking) for query, ranking in zip(queries, rankings, strict=True)]


@dataclass(frozen=True)
class Row:
    search: str
    phrasings: int
    scores: Scores | None
    missing: str = ""


def percent(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.1f}%"


def quality_table(rows: Sequence[Row]) -> list[str]:
    lines = ["| search | phrasings per entry | queries | top-1 | top-3 | MRR | no result | \"no answer\" on "
             "answerable queries | \"no answer\" on out-of-scope queries |", "|---|---|---|---|---|---|---|---|---|"]
    for row in rows:
        if row.scores is None:
            lines.append(f"| {row.search} | {row.phrasings} | not measured: install {row.missing} | | | | | | |")
            continue
        s = row.scores
        lines.append(f"| {row.search} | {row.phrasings} | {s.queries:,} | {percent(s.top1)} | {percent(s.top3)} | "
                     f"{s.mrr:.3f} | {percent(s.no_results)} | {percent(s.no_answer)} | "
                     f"{percent(s.out_of_scope_no_answer)} |")
    return lines


def measure_quality(workdir: Path, options: argparse.Namespace) -> list[str]:
    help_center = load_help_center(HELP_CENTER, ROOT)
    entries = list(help_center.entries)
    train, test, out_of_scope = read_queries(QUERIES, {entry.id for entry in entries})
    test = sample(test, options.per_entry)
    out_of_scope = out_of_scope[: options.out_of_scope]
    print(f"{len(entries)} entries, {len(test):,} test queries, {len(out_of_scope):,} out-of-scope queries", flush=True)
    rows: list[Row] = []
    for count in (0, options.phrasings):
        phrasings = {entry: texts[:count] for entry, texts in train.items()}
        project = write_project(workdir / f"clinc150-{count}-phrasings", phrasings)
        if options.semantic:
            with_semantic_search(project, ROOT)
        wall, _, _ = build_site(project)
        print(f"  built with {count} phrasings per entry in {wall:.1f} s; typing the queries...", flush=True)
        started = time.perf_counter()
        outcomes = browser_outcomes(project / "site", entries, [*test, *out_of_scope], options.settle)
        print(f"  {len(outcomes):,} queries typed in {time.perf_counter() - started:.0f} s", flush=True)
        rows.append(Row(SEMANTIC_SITE if options.semantic else SITE, count, score(outcomes)))
        if not options.no_baselines:
            for make in (bm25, embeddings):
                baseline = make(entries, phrasings)
                found = offline_outcomes(baseline, test)
                rows.append(Row(baseline.name, count, score(found) if found is not None else None, baseline.missing))
    order = [SITE, SEMANTIC_SITE, *dict.fromkeys(row.search for row in rows if row.search not in (SITE, SEMANTIC_SITE))]
    rows.sort(key=lambda row: (order.index(row.search), row.phrasings))
    return quality_table(rows)


def measure_scale(workdir: Path, sizes: Sequence[int], typing_delay_ms: float, semantic: bool = False) -> list[str]:
    lines = ["| entries | build (CPU) | first search: requests | bytes | gzip | first search: last key to results | "
             "first query in one key, fresh page | later searches: last key to results (median, slowest) |",
             "|---|---|---|---|---|---|---|---|"]
    for size in sizes:
        project = write_synthetic_project(workdir / f"synthetic-{size}", size, ROOT)
        if semantic:
            with_semantic_search(project, ROOT)
        wall, cpu, _ = build_site(project)
        print(f"  {size:,} entries built in {wall:.1f} s ({cpu:.1f} s of CPU); searching...", flush=True)
        page = f"{category_id(0)}/{entry_id(0)}/"
        with serve(project / "site") as base_url:
            first = first_search(base_url, page, SCALE_QUERIES[0], typing_delay_ms)
            # Typed letter by letter, the first keys start the downloads; put in at once, the last key waits for them.
            with search_page(base_url, page, settle_ms=200, timeout_ms=FIRST_SEARCH_TIMEOUT) as box:
                at_once = box.search(SCALE_QUERIES[1]).milliseconds
            with search_page(base_url, page, settle_ms=200, timeout_ms=FIRST_SEARCH_TIMEOUT) as box:
                box.search("warm up the search", typing_delay_ms)
                box.timeout_ms = SEARCH_TIMEOUT
                times = [box.search(query, typing_delay_ms).milliseconds for query in SCALE_QUERIES]
        lines.append(f"| {size:,} | {cpu:.1f} s | {first.requests} | {first.bytes:,} | {first.gzip_bytes:,} | "
                     f"{first.milliseconds:,.0f} ms | {at_once:,.0f} ms | {statistics.median(times):,.0f} ms, "
                     f"{max(times):,.0f} ms |")
        shutil.rmtree(project)
    return lines


def parse_sizes(text: str) -> list[int]:
    sizes = [int(part) for part in text.split(",") if part.strip()]
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError("sizes are positive numbers separated by commas, such as 1000,10000")
    return sizes


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--phrasings", type=int, default=5,
                        help="training queries per entry in also_asked (default: 5)")
    parser.add_argument("--per-entry", type=int, help="test queries per entry (default: all 30)")
    parser.add_argument("--out-of-scope", type=int, default=1000, help="out-of-scope queries (default: all 1,000)")
    parser.add_argument("--settle", type=int, default=20,
                        help="milliseconds the results must stay the same to count as settled (default: 20)")
    parser.add_argument("--sizes", type=parse_sizes, default=[1000, 10000],
                        help="entries of the synthetic help centers for size and speed (default: 1000,10000)")
    parser.add_argument("--typing-delay", type=float, default=100,
                        help="milliseconds between keys when timing searches (default: 100)")
    parser.add_argument("--no-quality", action="store_true", help="skip the queries; only size and speed")
    parser.add_argument("--no-scale", action="store_true", help="skip size and speed; only the queries")
    parser.add_argument("--no-baselines", action="store_true", help="skip the offline baselines")
    parser.add_argument("--semantic", action="store_true",
                        help="build with semantic_search: true (needs `make semantic-deps`; runs in .venv)")
    options = parser.parse_args(list(argv) if argv is not None else None)
    with tempfile.TemporaryDirectory(prefix="helpcenter-search-bench-", dir=memory_folder()) as temporary:
        workdir = Path(temporary)
        report: list[str] = []
        if not options.no_quality:
            report += ["", "Quality (CLINC150 test queries of the help center's 90 intents):", "",
                       *measure_quality(workdir, options)]
        if not options.no_scale:
            report += ["", f"Size and speed (synthetic help centers; typing {options.typing_delay:.0f} ms a key):", "",
                       *measure_scale(workdir, options.sizes, options.typing_delay, options.semantic)]
    print("\n".join(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
