"""The search worker's engine in Node, on the built fixture site's index: what the browser tests cannot
reach directly (the re-ranking hook, the ranked list behind the result list)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import material
import pytest

from conftest import ROOT

NODE = shutil.which("node")
MATERIAL_SCRIPTS = Path(material.__file__).parent / "templates" / "assets" / "javascripts"
MATERIAL_WORKER = next(MATERIAL_SCRIPTS.glob("workers/search.*.min.js"))
ENGINE = ROOT / "docs" / "assets" / "javascripts" / "helpcenter-search.js"

SCRIPT = """
globalThis.self = globalThis;
globalThis.addEventListener = () => {};
const fs = require("fs"), path = require("path");
const [material, worker, folder, query, reverse] = process.argv.slice(1);
require(material);
const { Engine } = require(worker);
const read = (name) => JSON.parse(fs.readFileSync(path.join(folder, name), "utf8"));
const stem = (word) => self.lunr.stemmer(new self.lunr.Token(word, {})).toString();
const engine = new Engine(read("meta.json"), (name) => Promise.resolve(read(name)), stem);
if (reverse === "yes")
  engine.rerankers.push((query, result) => new Promise((done) => setTimeout(() => {
    result.ranked.reverse();
    done();
  }, 5)));
engine.answer(query).then((data) => console.log(JSON.stringify(data)));
"""


def answer(site: Path, query: str, reverse: bool = False) -> dict[str, object]:
    assert NODE is not None
    result = subprocess.run(
        [NODE, "-e", SCRIPT, str(MATERIAL_WORKER), str(ENGINE), str(site / "search" / "en"), query,
         "yes" if reverse else "no"],
        capture_output=True, text=True, timeout=60, check=True,
    )
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def locations(data: dict[str, object]) -> list[str]:
    return [item[0]["location"] for item in data["items"]]  # type: ignore[attr-defined, index]


pytestmark = pytest.mark.skipif(NODE is None, reason="needs Node.js, as `make test` does")


def test_a_reranker_reorders_the_results_even_after_a_wait(built_site: Path) -> None:
    plain = locations(answer(built_site, "lost my phone"))
    assert len(plain) > 1
    assert locations(answer(built_site, "lost my phone", reverse=True)) == plain[::-1]


def test_results_are_material_documents_with_the_matched_words(built_site: Path) -> None:
    data = answer(built_site, "lost my phone")
    first = data["items"][0][0]  # type: ignore[index]
    assert first["location"] == "two-factor/reset-2fa/"
    assert first["title"] == "How do I reset two-factor authentication (2FA)?"
    assert first["terms"] == {"lost": True, "phone": True}
    assert "noAnswer" not in data


def test_the_word_being_typed_is_suggested_from_the_titles(built_site: Path) -> None:
    assert answer(built_site, "authen")["suggest"] == ["authentication"]
    assert answer(built_site, "authen ")["suggest"] == []
