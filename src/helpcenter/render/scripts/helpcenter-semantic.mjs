/* The semantic search mode's re-ranker, loaded by the search worker (helpcenter-search.js) on the
   first query of a site built with `semantic_search: true`. It embeds the query with the sentence
   encoder the build used for the entries (model.onnx, all-MiniLM-L6-v2 quantised to int8, run by
   onnxruntime-web; tokenizer.json read by @huggingface/tokenizers), compares it with every entry's
   vectors (all fetched on that first query), and ranks BM25's best entries and the entries nearest
   in meaning by (1 - alpha) * BM25 / best BM25 + alpha * cosine with the nearest of each entry's
   vectors. Every file comes from this site's folder: nothing is fetched from elsewhere. */
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
  const dimensions = settings.dimensions, ranking = settings.ranking;
  const files = Math.ceil(entries / settings.chunk);
  const vectors = Promise.all(Array.from({ length: files }, (_, number) => bytes("vectors-" + number + ".bin")))
    .then((buffers) => buffers.map((buffer, number) => vectorFile(buffer, number * settings.chunk,
      Math.min(settings.chunk, entries - number * settings.chunk))));

  /* One vector file: its vectors, which entry each is of, and one over each vector's length. */
  function vectorFile(buffer, first, size) {
    const counts = new Uint8Array(buffer, 0, size);
    let total = 0;
    for (let i = 0; i < size; i++) total += counts[i];
    const data = new Int8Array(buffer, size, total * dimensions);
    const owners = new Int32Array(total), inverse = new Float32Array(total);
    for (let i = 0, v = 0; i < size; i++) {
      for (let n = 0; n < counts[i]; n++, v++) {
        owners[v] = first + i;
        let norm = 0;
        for (let d = v * dimensions, end = d + dimensions; d < end; d++) norm += data[d] * data[d];
        inverse[v] = norm ? 1 / Math.sqrt(norm) : 0;
      }
    }
    return { data, owners, inverse, total };
  }

  /* Each entry's cosine with the query: that of its nearest vector. */
  function cosines(query, list) {
    const best = new Float32Array(entries).fill(-1);
    for (const file of list) {
      const data = file.data;
      for (let v = 0, at = 0; v < file.total; v++) {
        let dot = 0;
        for (let d = 0; d < dimensions; d++, at++) dot += query[d] * data[at];
        const cosine = dot * file.inverse[v], owner = file.owners[v];
        if (cosine > best[owner]) best[owner] = cosine;
      }
    }
    return best;
  }

  /* The `count` entries of highest cosine. */
  function nearest(cosine, count) {
    const found = [];
    for (let entry = 0; entry < cosine.length; entry++) {
      if (found.length === count && cosine[entry] <= cosine[found[count - 1]]) continue;
      let at = Math.min(found.length, count - 1);
      while (at > 0 && cosine[found[at - 1]] < cosine[entry]) at--;
      found.splice(at, 0, entry);
      if (found.length > count) found.pop();
    }
    return found;
  }

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

  return async function rerank(query, result) {
    const [asked, list] = await Promise.all([embed(query), vectors]);
    const cosine = cosines(asked, list);
    // The candidates: BM25's best, and the entries nearest in meaning, which BM25 may have missed.
    const hits = new Map(result.ranked.map((hit) => [hit.entry, hit]));
    const top = result.ranked.slice(0, ranking.candidates);
    for (const entry of nearest(cosine, ranking.nearest)) {
      if (!top.includes(hits.get(entry))) top.push(hits.get(entry) || { entry, score: 0, words: [] });
    }
    if (!top.length) return;
    const best = (result.ranked.length && result.ranked[0].score) || 1, alpha = ranking.alpha;
    for (const hit of top) {
      hit.cosine = cosine[hit.entry];
      hit.fused = (1 - alpha) * hit.score / best + alpha * hit.cosine;
    }
    top.sort((a, b) => b.fused - a.fused || a.entry - b.entry);
    result.ranked = top.concat(result.ranked.filter((hit) => !top.includes(hit)));
    // How near the best entry is in meaning tells an unanswerable question better than BM25's sureness.
    result.noAnswer = top[0].cosine < ranking.noAnswerBelow;
  };
}
