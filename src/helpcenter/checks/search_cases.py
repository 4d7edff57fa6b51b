"""Scores a file of search cases (a customer's query and the entry that answers it) against a built
site, with the site's own search worker run in Node: where each entry ranks, and whether the search
admitted it had no answer."""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import yaml

from helpcenter.checks.text_table import format_table

# Material's worker is loaded for lunr's stemmer only; the site's worker exports its engine in Node.
NODE_SCRIPT = """
globalThis.self = globalThis;
globalThis.addEventListener = () => {};
const fs = require("fs"), path = require("path");
const [material, worker, folder] = process.argv.slice(1);
require(material);
const { Engine } = require(worker);
const read = (name) => JSON.parse(fs.readFileSync(path.join(folder, name), "utf8"));
const meta = read("meta.json");
const stem = meta.stemmer === "porter"
  ? (word) => self.lunr.stemmer(new self.lunr.Token(word, {})).toString()
  : (word) => word;
const engine = new Engine(meta, (name) => Promise.resolve(read(name)), stem);
const queries = JSON.parse(fs.readFileSync(0, "utf8"));
(async () => {
  const found = [];
  for (const query of queries) {
    const result = await engine.search(query);
    found.push({ entries: result.ranked.slice(0, 10).map((hit) => hit.entry), noAnswer: result.noAnswer });
  }
  console.log(JSON.stringify(found));
})();
"""


class SearchCaseError(Exception):
    """A cases file or a site that cannot be scored, in words for the person who ran the command."""


@dataclass(frozen=True)
class CaseResult:
    query: str
    entry: str
    rank: int | None
    """1 for the first result; None when the entry is not among the first ten."""
    first: str
    """The address of the first result, or "" when there is none."""
    no_answer: bool


def read_cases(path: Path) -> list[tuple[str, str]]:
    """(query, entry id) pairs from a YAML list of `{query: ..., entry: ...}`."""
    try:
        cases = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise SearchCaseError(f"{path}: cannot be read as YAML ({error})") from None
    if not isinstance(cases, list) or not cases:
        raise SearchCaseError(f"{path}: write a list of cases, each as `- {{query: ..., entry: ENTRY-ID}}`")
    pairs = []
    for number, case in enumerate(cases, 1):
        if not (isinstance(case, dict) and isinstance(case.get("query"), str) and isinstance(case.get("entry"), str)):
            raise SearchCaseError(f"{path}: case {number} needs a `query` and an `entry` (the entry's id), as text")
        pairs.append((case["query"], case["entry"]))
    return pairs


def _site_parts(site_dir: Path) -> tuple[Path, Path, Path]:
    """Material's worker, the site's search worker and the index folder of a built site."""
    scripts = site_dir / "assets" / "javascripts"
    material = sorted(scripts.glob("workers/search.*.min.js"))
    worker = scripts / "helpcenter-search.js"
    settings = site_dir / "search" / "search_index.json"
    if not material or not worker.is_file() or not settings.is_file():
        raise SearchCaseError(f"{site_dir} is not a built help center: build it first (`make site`)")
    folder = json.loads(settings.read_text(encoding="utf-8")).get("config", {}).get("helpcenter_index")
    if not folder or not (site_dir / folder / "meta.json").is_file():
        raise SearchCaseError(f"{site_dir} has no help-center search index: build it again with this version")
    return material[0], worker, site_dir / folder


def _addresses(folder: Path) -> list[str]:
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    addresses: list[str] = []
    for chunk in range((meta["entries"] + meta["chunk"] - 1) // meta["chunk"]):
        details = json.loads((folder / f"entries-{chunk}.json").read_text(encoding="utf-8"))
        addresses += [address for address, _, _ in details]
    return addresses


def score_cases(cases: list[tuple[str, str]], site_dir: Path) -> list[CaseResult]:
    node = shutil.which("node")
    if node is None:
        raise SearchCaseError("scoring runs the site's search in Node.js: install it (`node` on the PATH)")
    material, worker, folder = _site_parts(site_dir)
    addresses = _addresses(folder)
    by_id = {address.rstrip("/").rsplit("/", 1)[-1]: address for address in addresses}
    unknown = sorted({entry for _, entry in cases if entry not in by_id})
    if unknown:
        raise SearchCaseError(f"no entry with the id {', '.join(unknown)} in {site_dir}")
    result = subprocess.run(
        [node, "-e", NODE_SCRIPT, str(material.resolve()), str(worker.resolve()), str(folder.resolve())],
        input=json.dumps([query for query, _ in cases]), capture_output=True, text=True, timeout=600,
    )
    if result.returncode != 0:
        raise SearchCaseError(f"the site's search failed in Node: {result.stderr.strip()[-500:]}")
    found = json.loads(result.stdout)
    results = []
    for (query, entry), answer in zip(cases, found, strict=True):
        ranked = [addresses[number] for number in answer["entries"]]
        rank = ranked.index(by_id[entry]) + 1 if by_id[entry] in ranked else None
        results.append(CaseResult(query, entry, rank, ranked[0] if ranked else "", answer["noAnswer"]))
    return results


def cases_report(results: list[CaseResult]) -> str:
    """Each case's rank, first result and notice as a table, then the shares ranked first and in the first three."""
    rows = []
    for result in results:
        place = "first" if result.rank == 1 else f"#{result.rank}" if result.rank else "not in 10"
        notice = "no answer shown" if result.no_answer else ""
        rows.append((place, result.query, result.entry, result.first or "(nothing)", notice))
    total = len(results)
    first = sum(result.rank == 1 for result in results)
    top3 = sum(result.rank is not None and result.rank <= 3 for result in results)
    notices = sum(result.no_answer for result in results)
    return (format_table(["RANK", "QUERY", "ENTRY", "FIRST RESULT", ""], rows) + "\n"
            f"{total} cases: {first} first ({first / total:.0%}), {top3} in the first three ({top3 / total:.0%}), "
            f"{notices} with the no-answer notice.")
