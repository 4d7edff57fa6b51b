/* Scores the site's search engine (docs/assets/javascripts/helpcenter-search.js) on a built index in
   Node, without a browser, for many ranking settings at once: the tuning loop of scripts/search-tune.

   Usage: node scripts/search-engine-score.js MATERIAL_WORKER INDEX_DIR < request.json
   request.json: {"queries": [[query, expected address or null for a question no entry answers]],
                  "rankings": [ranking settings, as in meta.json's "ranking"],
                  "top": optional, how many of the best entries to list per query}
   Prints, per ranking and query: the rank of the expected entry among the first ten (-1: not
   there), how sure the engine is of its best match, how many words it searched, and, with "top",
   the best entries' addresses and scores. */
"use strict";

const fs = require("fs");
const path = require("path");

globalThis.self = globalThis;
globalThis.addEventListener = () => {}; // Material's worker is loaded for lunr's stemmer only
const [materialWorker, folder] = process.argv.slice(2);
require(path.resolve(materialWorker));
const { Engine } = require(path.resolve(__dirname, "../docs/assets/javascripts/helpcenter-search.js"));

const meta = JSON.parse(fs.readFileSync(path.join(folder, "meta.json"), "utf8"));
const request = JSON.parse(fs.readFileSync(0, "utf8"));
const load = (name) => Promise.resolve(JSON.parse(fs.readFileSync(path.join(folder, name), "utf8")));
const lunr = self.lunr;
const stemmer = meta.language === "en" ? lunr.stemmer : (word) => word;
const stem = meta.stemmer ? (word) => stemmer(new lunr.Token(word, {})).toString() : (word) => word;
const urls = [];
for (let chunk = 0; chunk * meta.chunk < meta.entries; chunk++)
  urls.push(...JSON.parse(fs.readFileSync(path.join(folder, `entries-${chunk}.json`), "utf8")).map((e) => e[0]));

async function score(ranking) {
  const engine = new Engine({ ...meta, ranking }, load, stem);
  const ranks = [], sure = [], words = [], hits = [];
  for (const [query, expected] of request.queries) {
    const result = await engine.search(query);
    ranks.push(result.ranked.slice(0, 10).findIndex((hit) => urls[hit.entry] === expected));
    sure.push(+result.sure.toFixed(4));
    words.push(result.analyzed.length);
    if (request.top) hits.push(result.ranked.slice(0, request.top).map((hit) => [urls[hit.entry], hit.score]));
  }
  return request.top ? { ranking, ranks, sure, words, hits } : { ranking, ranks, sure, words };
}

(async () => {
  const scores = [];
  for (const ranking of request.rankings) scores.push(await score(ranking));
  console.log(JSON.stringify(scores));
})();
