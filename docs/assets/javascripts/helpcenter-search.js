/* The help center's search worker. Material's search box, suggestions and result list talk to it
   with Material's worker messages (setup, ready, query, result); the engine is the help center's
   own: BM25 over each entry's title, summary, answer, tags and customer phrasings, the index built
   by the site's build (src/helpcenter/render/search_index.py) and fetched in parts, as a search
   needs them. lunr's stemmer of the site's language, which Material ships, stems the query words
   the way the build stemmed the index. Loaded in a worker it answers messages; loaded in Node it
   exports the engine. */
(function (scope) {
  "use strict";

  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
  var RESULTS = 10;
  var WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

  /* The words of a text, as the index builder splits them (render/search_words.py). */
  function words(text) {
    var found = [];
    (String(text).toLowerCase().match(WORD) || []).forEach(function (word) {
      word = word.replace(/’/g, "'");
      if (word.endsWith("'s")) word = word.slice(0, -2);
      word = word.replace(/'/g, "");
      if (word.length > 1) found.push(word);
    });
    return found;
  }

  /* Optimal string alignment distance, stopping once it exceeds `limit`. */
  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    var previous2 = [], previous = [], current;
    for (var j = 0; j <= b.length; j++) previous[j] = j;
    for (var i = 1; i <= a.length; i++) {
      current = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
          current[j] = Math.min(current[j], previous2[j - 2] + 1);
        if (current[j] < best) best = current[j];
      }
      if (best > limit) return limit + 1;
      previous2 = previous;
      previous = current;
    }
    return previous[b.length];
  }

  /* The first index in a sorted list whose value is not below `value`. */
  function lowerBound(list, value) {
    var low = 0, high = list.length;
    while (low < high) {
      var middle = (low + high) >> 1;
      if (list[middle] < value) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /* One language's index. `load(name)` resolves to the parsed JSON file of that name; `stem(word)`
     is the language's stemmer. */
  function Engine(meta, load, stem) {
    this.meta = meta;
    this.load = load;
    this.stem = stem;
    this.terms = meta.terms ? meta.terms.split(" ") : [];
    this.stopWords = new Set(meta.stopWords);
    this.shards = {};
    this.chunks = {};
    // Functions (query, result) run in turn after BM25, each of which may reorder result.ranked or change
    // result.noAnswer, at once or through a promise (a semantic re-ranker fetching its vectors, say).
    this.rerankers = [];
  }

  Engine.prototype.has = function (term) {
    var at = lowerBound(this.terms, term);
    return this.terms[at] === term;
  };

  /* What each query word may match: its own stem; or, for the word being typed, the terms it
     starts; or, misspelt, the terms one letter away (from 5 letters) or two (from 8). */
  Engine.prototype.expand = function (word, typing) {
    var ranking = this.meta.ranking, stem = this.stem(word), found = [];
    if (this.has(stem)) found.push({ term: stem, factor: ranking.exact });
    if (typing) {
      for (var at = lowerBound(this.terms, word); at < this.terms.length && found.length < 30; at++) {
        var term = this.terms[at];
        if (!term.startsWith(word)) break;
        if (term !== stem) found.push({ term: term, factor: ranking.prefix });
      }
      // A word typed past its stem ("verificat" of "verif"): the longest stem it starts with.
      for (var cut = word.length - 1; !found.length && cut >= 4; cut--)
        if (this.has(word.slice(0, cut))) found.push({ term: word.slice(0, cut), factor: ranking.prefix });
    }
    if (found.length || word.length < 5) return found;
    var limit = word.length >= 8 ? 2 : 1, best = limit + 1, near = [];
    for (var i = 0; i < this.terms.length; i++) {
      var candidate = this.terms[i];
      // A different first letter is more often a different word than a typo.
      if (candidate[0] !== stem[0] || candidate.length < 4) continue;
      var score = distance(stem, candidate, limit);
      // A stem is the start of its words: a misspelt "authentcation" starts like "authent".
      for (var cut = candidate.length - limit; score > 0 && cut <= candidate.length + limit; cut++)
        if (cut >= 4 && cut < word.length && word.length - cut <= 5)
          score = Math.min(score, distance(word.slice(0, cut), candidate, limit));
      if (score < best) { best = score; near = [candidate]; }
      else if (score === best && score <= limit) near.push(candidate);
    }
    return near.slice(0, 5).map(function (term) { return { term: term, factor: ranking.typo }; });
  };

  Engine.prototype.postings = function (term) {
    var shard = Math.max(0, lowerBound(this.meta.shards, term + "\u0000") - 1);
    var shards = this.shards, name = "shard-" + shard + ".json";
    if (!shards[shard]) shards[shard] = this.load(name);
    return shards[shard].then(function (terms) { return terms[term] || []; });
  };

  Engine.prototype.idf = function (entries) {
    var total = this.meta.entries;
    return Math.log(1 + (total - entries + 0.5) / (entries + 0.5));
  };

  /* The query's words, each with the terms it matches and their postings. */
  Engine.prototype.analyze = function (query) {
    var self = this, typing = !/\s$/.test(query);
    var list = words(query).filter(function (word) { return !self.stopWords.has(word); });
    return Promise.all(list.map(function (word, index) {
      var matches = self.expand(word, typing && index === list.length - 1);
      return Promise.all(matches.map(function (match) { return self.postings(match.term); }))
        .then(function (postings) {
          matches.forEach(function (match, i) { match.postings = postings[i]; });
          return { word: word, matches: matches };
        });
    }));
  };

  /* Entries by BM25 score, best first: [{entry, score, words}] and how sure the best one is. */
  Engine.prototype.rank = function (analyzed) {
    var meta = this.meta, weights = meta.ranking.weights, steps = meta.weightSteps, self = this;
    var fieldWeights = [weights.title, weights.summary, weights.answer, weights.tags];
    var main = new Map(), phrasings = new Map(), matched = new Map(), ceiling = 0;
    analyzed.forEach(function (query) {
      var wordMain = new Map(), wordPhrasings = new Map(), rarest = self.idf(0);
      query.matches.forEach(function (match) {
        var list = match.postings, entries = 0, entry = 0, i;
        for (i = 0; i < list.length; i += 3) if (list[i] > 0 || i === 0) entries++;
        var idf = self.idf(entries) * match.factor;
        rarest = Math.min(rarest, self.idf(entries));
        var fieldMain = new Map();
        for (i = 0; i < list.length; i += 3) {
          entry += list[i];
          var field = list[i + 1], weight = list[i + 2] / steps * idf;
          if (field < 4) {
            fieldMain.set(entry, (fieldMain.get(entry) || 0) + weight * fieldWeights[field]);
          } else {
            var key = entry + ":" + (field - 4);
            wordPhrasings.set(key, Math.max(wordPhrasings.get(key) || 0, weight));
          }
        }
        fieldMain.forEach(function (score, entry) {
          wordMain.set(entry, Math.max(wordMain.get(entry) || 0, score));
        });
      });
      ceiling += query.matches.length ? rarest : self.idf(0);
      wordMain.forEach(function (score, entry) {
        main.set(entry, (main.get(entry) || 0) + score);
        (matched.get(entry) || matched.set(entry, new Set()).get(entry)).add(query.word);
      });
      wordPhrasings.forEach(function (score, key) {
        phrasings.set(key, (phrasings.get(key) || 0) + score);
        var entry = +key.split(":")[0];
        (matched.get(entry) || matched.set(entry, new Set()).get(entry)).add(query.word);
      });
    });
    var nearest = new Map();
    phrasings.forEach(function (score, key) {
      var entry = +key.split(":")[0];
      nearest.set(entry, Math.max(nearest.get(entry) || 0, score));
    });
    var ranked = [];
    matched.forEach(function (found, entry) {
      var score = (main.get(entry) || 0) + weights.phrasing * (nearest.get(entry) || 0);
      ranked.push({ entry: entry, score: score, words: Array.from(found) });
    });
    ranked.sort(function (a, b) { return b.score - a.score || a.entry - b.entry; });
    // How sure: the best score against what a query of these words could score in a title alone.
    var sure = ranked.length && ceiling ? ranked[0].score / (ceiling * weights.title * (meta.k1 + 1)) : 0;
    return { ranked: ranked, sure: sure };
  };

  /* BM25's result, then each of `rerankers` (the engine's own by default) in turn. */
  Engine.prototype.search = function (query, rerankers) {
    var self = this;
    return this.analyze(query).then(function (analyzed) {
      var result = self.rank(analyzed);
      // Words typed, and none matched well: a query of common words only ("what is it") gets the notice too.
      result.noAnswer = words(query).length > 0 && result.sure < self.meta.ranking.noAnswerBelow;
      result.analyzed = analyzed;
      return (rerankers || self.rerankers).reduce(function (done, rerank) {
        return done.then(function () { return rerank(query, result); });
      }, Promise.resolve()).then(function () { return result; });
    });
  };

  Engine.prototype.details = function (entry) {
    var chunk = Math.floor(entry / this.meta.chunk);
    if (!this.chunks[chunk]) this.chunks[chunk] = this.load("entries-" + chunk + ".json");
    var offset = entry % this.meta.chunk;
    return this.chunks[chunk].then(function (entries) { return entries[offset]; });
  };

  /* A completion of the word being typed, from the titles shown. */
  function suggestion(query, shown) {
    var typed = words(query), last = typed[typed.length - 1];
    if (!last || /\s$/.test(query)) return [];
    for (var i = 0; i < shown.length; i++) {
      var title = shown[i][1].replace(/&[^;]+;/g, " ");
      var found = words(title).filter(function (word) { return word.startsWith(last) && word !== last; });
      if (found.length) return [found[0]];
    }
    return [];
  }

  /* Material's result message: each item a list of one document, the entry's page. */
  Engine.prototype.answer = function (query, rerankers) {
    var self = this;
    return this.search(query, rerankers).then(function (result) {
      var top = result.ranked.slice(0, result.noAnswer ? 3 : RESULTS);
      return Promise.all(top.map(function (hit) { return self.details(hit.entry); })).then(function (shown) {
        var items = shown.map(function (details, i) {
          var terms = {};
          top[i].words.forEach(function (word) { terms[word] = true; });
          return [{ location: details[0], title: details[1], text: details[2], score: top[i].score, terms: terms }];
        });
        var data = { items: items, suggest: suggestion(query, shown) };
        if (result.noAnswer) data.noAnswer = self.meta.noAnswer;
        return data;
      });
    });
  };

  /* ---- In the browser: a worker answering Material's messages ------------------------------- */
  function lunrStemmer(language) {
    // Material's own worker holds lunr and its English stemmer; it is loaded for them only.
    var listen = scope.addEventListener;
    scope.addEventListener = function () {};
    try {
      importScripts(new URL(scope.location.href).searchParams.get("lunr"));
      if (language !== "en")
        importScripts("lunr/min/lunr.stemmer.support.min.js", "lunr/min/lunr." + language + ".min.js");
    } finally {
      scope.addEventListener = listen;
    }
    var lunr = scope.lunr;
    var stemmer = language === "en" ? lunr.stemmer : lunr[language].stemmer;
    return function (word) { return stemmer(new lunr.Token(word, {})).toString(); };
  }

  /* The semantic mode (meta.json's `semantic`): a re-ranker loaded on the first query it is asked for. */
  function semanticReranker(meta, folder, bytes) {
    var loading = null;
    return function (query, result) {
      if (!loading) {
        var base = new URL(meta.semantic.runtime, folder);
        loading = import(new URL("helpcenter-semantic.mjs", base).href).then(function (module) {
          return module.reranker(meta.semantic, base.href, meta.entries, bytes);
        });
      }
      return loading.then(function (rerank) { return rerank(query, result); });
    };
  }

  function startWorker() {
    var engine = null, queue = null, semantic = null, asked = 0;
    var site = new URL("../../", scope.location.href);

    function fetched(path, read) {
      return fetch(new URL(path, site)).then(function (response) {
        if (!response.ok) throw new Error(response.status + " " + response.url);
        return read(response);
      });
    }

    function load(path) {
      return fetched(path, function (response) { return response.json(); });
    }

    /* With the semantic mode, BM25's answer is sent at once, marked as pending, and the re-ranked one when
       it is ready, unless another query was asked meanwhile; if the re-ranker fails, BM25's answer stands. */
    function rerank(query, answered, number) {
      if (number !== asked) return;
      engine.answer(query, [semantic]).catch(function (error) {
        console.warn("semantic search failed; the first results stand", error);
        return Object.assign({}, answered, { pending: false });
      }).then(function (data) {
        if (number === asked) scope.postMessage({ type: RESULT, data: data });
      });
    }

    scope.addEventListener("message", function (event) {
      var message = event.data;
      if (message.type === SETUP) {
        // A page in another language than the default names its own index in the worker's address.
        var folder = new URL(scope.location.href).searchParams.get("index") || message.data.config.helpcenter_index;
        queue = load(folder + "meta.json").then(function (meta) {
          var stem = meta.stemmer ? lunrStemmer(meta.language) : function (word) { return word; };
          engine = new Engine(meta, function (name) { return load(folder + name); }, stem);
          if (meta.semantic) {
            semantic = semanticReranker(meta, new URL(folder, site), function (name) {
              return fetched(folder + name, function (response) { return response.arrayBuffer(); });
            });
          }
        });
        queue.then(function () { scope.postMessage({ type: READY }); },
                   function (error) { console.warn("search could not start", error); });
      } else if (message.type === QUERY) {
        // Answered in the order asked: a slow first query (fetching its parts) cannot overwrite the next.
        var query = message.data, number = ++asked;
        queue = queue.then(function () { return engine.answer(query); })
          .catch(function (error) {
            console.warn("search failed", error);
            return { items: [] };
          })
          .then(function (data) {
            // Entries near in meaning may answer a query none of whose words matched.
            if (semantic && words(query).length) data.pending = true;
            scope.postMessage({ type: RESULT, data: data });
            if (data.pending) rerank(query, data, number);
          });
      }
    });
  }

  if (typeof module !== "undefined" && module.exports) {
    module.exports = { Engine: Engine, words: words, distance: distance };
  } else if (typeof importScripts === "function") {
    startWorker();
  }
})(typeof self !== "undefined" ? self : globalThis);
