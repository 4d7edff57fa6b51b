/* The semantic search mode's re-ranker, loaded by the search worker (helpcenter-search.js) on the
   first query of a site built with `semantic_search: true`. It embeds the query with the sentence
   encoder the build used for the entries (model.onnx, all-MiniLM-L6-v2 quantised to int8, run by
   onnxruntime-web; tokenizer.json read by @huggingface/tokenizers), and re-ranks BM25's best entries
   by (1 - alpha) * BM25 / best BM25 + alpha * cosine with the nearest of each entry's vectors. Every
   file comes from this site's folder: nothing is fetched from elsewhere. */
import * as ort from "./ort.wasm.min.mjs";
import { Tokenizer } from "./tokenizers.min.mjs";

const MAX_TOKENS = 256;

function json(url) {
  return fetch(url).then((response) => {
    if (!response.ok) throw new Error(response.status + " " + response.url);
    return response.json();
  });
}

/* A function (query, result) re-ranking result.ranked in place. `base` is this folder's address,
   `settings` meta.json's `semantic`, `entries` the number of entries of the index, and `bytes(name)`
   resolves to the index file `name` as bytes. */
export async function reranker(settings, base, entries, bytes) {
  ort.env.wasm.numThreads = 1;
  ort.env.wasm.wasmPaths = base;
  const [tokenizerJson, tokenizerConfig, session] = await Promise.all([
    json(new URL("tokenizer.json", base)),
    json(new URL("tokenizer_config.json", base)),
    ort.InferenceSession.create(new URL("model.onnx", base).href, { executionProviders: ["wasm"] }),
  ]);
  const tokenizer = new Tokenizer(tokenizerJson, tokenizerConfig);
  const dimensions = settings.dimensions, chunkSize = settings.chunk, ranking = settings.ranking;
  const chunks = new Map();

  async function embed(text) {
    let ids = tokenizer.encode(text).ids;
    if (ids.length > MAX_TOKENS) ids = ids.slice(0, MAX_TOKENS - 1).concat(ids.slice(-1));
    const shape = [1, ids.length];
    const output = await session.run({
      input_ids: new ort.Tensor("int64", BigInt64Array.from(ids, BigInt), shape),
      attention_mask: new ort.Tensor("int64", new BigInt64Array(ids.length).fill(1n), shape),
    });
    return output.sentence_embedding.data;
  }

  /* Each entry of a chunk as a list of its vectors (Int8Array views) with their lengths. */
  function chunk(number) {
    if (!chunks.has(number)) {
      chunks.set(number, bytes("vectors-" + number + ".bin").then((buffer) => {
        const data = new Int8Array(buffer), counts = new Uint8Array(buffer);
        const size = Math.min(chunkSize, entries - number * chunkSize);
        const list = [];
        let at = size;
        for (let i = 0; i < size; i++) {
          const vectors = [];
          for (let n = 0; n < counts[i]; n++, at += dimensions) {
            const row = data.subarray(at, at + dimensions);
            let norm = 0;
            for (let d = 0; d < dimensions; d++) norm += row[d] * row[d];
            vectors.push({ row: row, norm: Math.sqrt(norm) || 1 });
          }
          list.push(vectors);
        }
        return list;
      }));
    }
    return chunks.get(number);
  }

  function nearest(query, vectors) {
    let best = -1;
    for (const vector of vectors) {
      let dot = 0;
      for (let d = 0; d < dimensions; d++) dot += query[d] * vector.row[d];
      best = Math.max(best, dot / vector.norm);
    }
    return best;
  }

  return async function rerank(query, result) {
    const top = result.ranked.slice(0, ranking.candidates);
    if (!top.length) return;
    const [asked, lists] = await Promise.all([
      embed(query),
      Promise.all(top.map((hit) => chunk(Math.floor(hit.entry / chunkSize)))),
    ]);
    const best = top[0].score || 1, alpha = ranking.alpha;
    top.forEach((hit, i) => {
      hit.cosine = nearest(asked, lists[i][hit.entry % chunkSize]);
      hit.fused = (1 - alpha) * hit.score / best + alpha * hit.cosine;
    });
    top.sort((a, b) => b.fused - a.fused || a.entry - b.entry);
    result.ranked = top.concat(result.ranked.slice(top.length));
    // How near the best entry is in meaning tells an unanswerable question better than BM25's sureness.
    result.noAnswer = top[0].cosine < ranking.noAnswerBelow;
  };
}
