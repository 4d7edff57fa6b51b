"""The build and the search worker split and stem words alike: the index is stemmed in Python
(`snowballstemmer`), the queries in the browser with lunr's stemmer from Material's worker. Run in Node,
as the worker's code does not need a page."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import material
import pytest
import yaml

from conftest import FIXTURE, ROOT
from helpcenter.load.help_center import load_help_center
from helpcenter.render.search_words import analyzer, words

NODE = shutil.which("node")
MATERIAL_JAVASCRIPTS = Path(material.__file__).parent / "templates" / "assets" / "javascripts"
WORKER = ROOT / "docs" / "assets" / "javascripts" / "helpcenter-search.js"

# Material's worker sets up lunr and listens for messages; only lunr is wanted here.
NODE_SCRIPT = """
globalThis.self = globalThis;
globalThis.addEventListener = () => {};
const [material, worker] = process.argv.slice(1);
require(material);
const { words } = require(worker);
const texts = JSON.parse(require("fs").readFileSync(0, "utf8"));
const stem = (word) => self.lunr.stemmer(new self.lunr.Token(word, {})).toString();
const split = texts.map(words);
console.log(JSON.stringify({ words: split, stems: split.map((list) => list.map(stem)) }));
"""


def fixture_texts() -> list[str]:
    help_center = load_help_center(FIXTURE / "faq_data", FIXTURE)
    texts = []
    for entry in help_center.entries:
        texts += [entry.title, entry.summary, entry.answer, *entry.steps, *entry.tags, *entry.also_asked]
    cases = yaml.safe_load((FIXTURE / "search_cases.yml").read_text(encoding="utf-8"))
    texts += [case["query"] for case in cases]
    texts += ["Don\u2019t, can't, what's: the customer's e-mail (2FA) \u00fcber caf\u00e9 sky flying"]
    return texts


@pytest.mark.skipif(NODE is None, reason="needs Node.js, as `make test` does")
def test_python_and_the_worker_split_and_stem_the_fixture_words_alike() -> None:
    worker = next(MATERIAL_JAVASCRIPTS.glob("workers/search.*.min.js"))
    texts = fixture_texts()
    result = subprocess.run(
        [str(NODE), "-e", NODE_SCRIPT, str(worker), str(WORKER)],
        input=json.dumps(texts), capture_output=True, text=True, timeout=60, check=True,
    )
    browser = json.loads(result.stdout)
    assert browser["words"] == [words(text) for text in texts]
    stem = analyzer("en").stem
    vocabulary = {word for listed in browser["words"] for word in listed}
    assert len(vocabulary) > 200
    lunr = {word: stemmed for listed, stems in zip(browser["words"], browser["stems"], strict=True)
            for word, stemmed in zip(listed, stems, strict=True)}
    assert {word: stem(word) for word in vocabulary} == lunr


# lunr-languages' files are UMD modules: run each with `module` so that it hands back its installer.
OTHER_LANGUAGE_SCRIPT = """
globalThis.self = globalThis;
globalThis.addEventListener = () => {};
const fs = require("fs");
const [material, folder, language] = process.argv.slice(1);
require(material);
for (const name of ["lunr.stemmer.support.min.js", `lunr.${language}.min.js`]) {
  const module = { exports: {} };
  new Function("module", "exports", fs.readFileSync(`${folder}/${name}`, "utf8"))(module, module.exports);
  module.exports(self.lunr);
}
const words = JSON.parse(fs.readFileSync(0, "utf8"));
console.log(JSON.stringify(words.map((word) => self.lunr[language].stemmer(new self.lunr.Token(word, {})).toString())));
"""
OTHER_LANGUAGES = {
    "de": "karten häuser laufen kontoständen überweisung passwort vergessen anmeldung gesperrt rechnungen",
    "fr": "cartes maisons oublié connexion bloquée factures paiements remboursement téléphone codes",
    "es": "tarjetas casas olvidé contraseña bloqueada facturas pagos reembolso teléfono códigos",
}


@pytest.mark.skipif(NODE is None, reason="needs Node.js, as `make test` does")
@pytest.mark.parametrize("language", sorted(OTHER_LANGUAGES))
def test_other_languages_stem_alike_in_python_and_with_lunr_languages(language: str) -> None:
    worker = next(MATERIAL_JAVASCRIPTS.glob("workers/search.*.min.js"))
    listed = words(OTHER_LANGUAGES[language])
    result = subprocess.run(
        [str(NODE), "-e", OTHER_LANGUAGE_SCRIPT, str(worker), str(MATERIAL_JAVASCRIPTS / "lunr" / "min"), language],
        input=json.dumps(listed), capture_output=True, text=True, timeout=60, check=True,
    )
    assert json.loads(result.stdout) == [analyzer(language).stem(word) for word in listed]
