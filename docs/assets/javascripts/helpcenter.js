/* Help center behaviour on top of Material for MkDocs: forgiving search, the home page's search box,
   video facades and "Was this helpful?". Every part works without the others. */
(function () {
  "use strict";

  /* ---- Search that forgives customers' spelling ------------------------------------------------
     Material's search matches each typed word as the start of an indexed word, so "pasword" or
     "hacking" find nothing. Material 9 removed its hook for query transforms, so the query is
     adjusted on its way to Material's search worker: a word that starts no indexed word is replaced
     by the indexed words it most likely meant (a shorter stem, or a spelling one or two letters
     away). What the customer typed stays in the search box as it is. */
  var vocabulary = null;
  var separator = /[\s\-]+/;
  var lastQuery = null;
  var searchWorker = null;
  var stopWords = new Set();
  var SUFFIXES = ["s", "es", "ed", "ing", "er"];
  /* lunr's English stop words: the index leaves them out, but as the start of a word "a" or "in"
     would still match "alert" or "invalid", so they are left out of the query too. */
  var ENGLISH_STOP_WORDS = ("a able about across after all almost also am among an and any are as at be because been " +
    "but by can cannot could dear did do does either else ever every for from get got had has have he her hers him " +
    "his how however i if in into is it its just least let like likely may me might most must my neither no nor " +
    "not of off often on only or other our own rather said say says she should since so some than that the their " +
    "them then there these they this tis to too twas us wants was we were what when where which while who whom " +
    "why will with would yet you your").split(" ");

  function wordsOf(text) {
    return String(text).replace(/<[^>]*>/g, " ").toLowerCase().split(separator);
  }

  function learnVocabulary(index) {
    try {
      separator = new RegExp(index.config.separator);
    } catch (error) {
      separator = /[\s\-]+/;
    }
    var words = new Set();
    index.docs.forEach(function (doc) {
      [doc.title, doc.text].concat(doc.tags || []).forEach(function (field) {
        wordsOf(field || "").forEach(function (word) {
          if (word.length >= 2) words.add(word);
        });
      });
    });
    vocabulary = Array.from(words);
    var english = index.config.lang.length === 1 && index.config.lang[0] === "en";
    stopWords = new Set(english && index.config.pipeline.indexOf("stopWordFilter") !== -1 ? ENGLISH_STOP_WORDS : []);
  }

  function startsAnyWord(prefix) {
    return vocabulary.some(function (word) { return word.startsWith(prefix); });
  }

  /* Optimal string alignment distance: insertions, deletions, substitutions and swapped neighbours. */
  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    var previous2 = [], previous = [], current = [];
    for (var j = 0; j <= b.length; j++) previous[j] = j;
    for (var i = 1; i <= a.length; i++) {
      current = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
          current[j] = Math.min(current[j], previous2[j - 2] + 1);
        best = Math.min(best, current[j]);
      }
      if (best > limit) return limit + 1;
      previous2 = previous;
      previous = current;
    }
    return previous[b.length];
  }

  /* The indexed words a word most likely meant; the word itself when it already matches. */
  function meant(word) {
    if (word.length < 4 || !/^[\p{L}\p{N}]+$/u.test(word) || startsAnyWord(word)) return [word];
    for (var s = 0; s < SUFFIXES.length; s++) {
      var suffix = SUFFIXES[s];
      var stem = word.slice(0, -suffix.length);
      if (word.endsWith(suffix) && stem.length >= 3 && startsAnyWord(stem)) return [stem];
    }
    var limit = word.length >= 8 ? 2 : 1;
    var best = limit + 1, matches = [];
    vocabulary.forEach(function (candidate) {
      // Typos rarely hit the first letter; a different first letter is more often a different word.
      if (candidate.length < 3 || candidate[0] !== word[0] || stopWords.has(candidate)) return;
      var score = distance(word, candidate, limit);
      // From five letters on the customer may still be typing: compare with the word's beginnings too.
      if (word.length >= 5)
        for (var cut = word.length - 1; cut <= word.length + 1; cut++)
          if (cut < candidate.length)
            score = Math.min(score, distance(word, candidate.slice(0, cut), limit));
      if (score < best) {
        best = score;
        matches = [candidate];
      } else if (score === best && score <= limit) {
        matches.push(candidate);
      }
    });
    return best <= limit ? matches.slice(0, 3) : [word];
  }

  function forgivingQuery(query) {
    if (!vocabulary || query.indexOf("\"") !== -1) return query; // a quoted phrase means exactly that
    var words = query.toLowerCase().split(/\s+/).filter(Boolean);
    var kept = words.filter(function (word) { return !stopWords.has(word); });
    if (!kept.length) return query;
    return kept.map(function (word) { return meant(word).join(" "); }).join(" ");
  }

  if (typeof Worker !== "undefined") {
    var postMessage = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (message) {
      var args = Array.prototype.slice.call(arguments);
      if (message && message.type === 0 && message.data && Array.isArray(message.data.docs)) {
        searchWorker = this;
        learnVocabulary(message.data);
      } else if (message && message.type === 2 && typeof message.data === "string") {
        searchWorker = this;
        lastQuery = message.data;
        if (!vocabulary) learnVocabularyLate();
        args[0] = { type: 2, data: forgivingQuery(message.data) };
      }
      return postMessage.apply(this, args);
    };
  }

  /* Material queries its worker only once the index is set up, so a query without vocabulary means
     the index was handed over before this script ran: read it once more (from the browser's cache)
     and repeat the last query with the corrections. */
  var readingLate = false;
  function learnVocabularyLate() {
    if (vocabulary || readingLate) return;
    readingLate = true;
    var config = document.getElementById("__config");
    var base = config ? JSON.parse(config.textContent).base : ".";
    fetch(new URL("search/search_index.json", new URL(base, location.href)))
      .then(function (response) { return response.json(); })
      .then(function (index) {
        if (vocabulary) return;
        learnVocabulary(index);
        if (searchWorker && lastQuery && forgivingQuery(lastQuery) !== lastQuery)
          searchWorker.postMessage({ type: 2, data: lastQuery });
      })
      .catch(function () { /* search still works, only without spelling corrections */ });
  }

  /* ---- The home page's search box opens the site search with what the customer typed ---------- */
  document.addEventListener("input", function (event) {
    if (!event.target.matches(".hc-search-box input")) return;
    var query = document.querySelector("[data-md-component=search-query]");
    var toggle = document.getElementById("__search");
    if (!query || !toggle) return;
    if (!toggle.checked) toggle.click();
    query.value = event.target.value;
    event.target.value = "";
    query.focus();
    query.dispatchEvent(new Event("input", { bubbles: true }));
    query.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
  });

  /* ---- Video facades: nothing is requested from the video host until the customer presses play - */
  function play(link) {
    var facade = link.closest(".hc-video");
    var frame = document.createElement("iframe");
    var title = facade.querySelector(".hc-video__title");
    frame.src = facade.dataset.embed;
    frame.title = title ? title.textContent.trim() : link.getAttribute("aria-label");
    frame.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
    frame.allowFullscreen = true;
    frame.referrerPolicy = "strict-origin-when-cross-origin";
    facade.classList.add("hc-video--playing");
    facade.replaceChildren(frame);
    frame.focus();
  }

  document.querySelectorAll(".hc-video__link").forEach(function (link) {
    link.setAttribute("role", "button"); // it plays here now; without JavaScript it stays a link
  });

  document.addEventListener("click", function (event) {
    var link = event.target.closest(".hc-video__link");
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    play(link);
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== " " || !event.target.matches(".hc-video__link")) return;
    event.preventDefault(); // a button plays on Space instead of scrolling the page
    play(event.target);
  });

  /* ---- "Was this helpful?" ---------------------------------------------------------------------
     The buttons and notes follow Material's feedback form, so when the site configures analytics,
     Material's integration sends the `feedback` event from the same click. This shows the reply. */
  document.querySelectorAll("form.hc-feedback").forEach(function (form) {
    form.hidden = false;
  });

  document.addEventListener("click", function (event) {
    var button = event.target.closest("form.hc-feedback [type=submit][data-md-value]");
    if (!button) return;
    event.preventDefault();
    var form = button.form;
    var value = button.getAttribute("data-md-value");
    form.querySelectorAll(".md-feedback__note [data-md-value]").forEach(function (note) {
      note.hidden = note.getAttribute("data-md-value") !== value;
      if (!note.hidden) note.focus();
    });
    form.firstElementChild.disabled = true;
  });
})();
