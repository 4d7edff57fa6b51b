/* Help center behaviour on top of Material for MkDocs: the search's "no answer" notice, the home
   page's search box, video facades and "Was this helpful?". Every part works without the others. */
(function () {
  "use strict";

  /* ---- Search that admits it has no answer ------------------------------------------------------
     The search worker (helpcenter-search.js) marks a result whose best match is weak; Material shows
     the closest topics it sends, and this says above them that there is no answer and how to ask. */
  function showNoAnswer(event) {
    var message = event.data;
    if (!message || message.type !== 3) return;
    noteResult(message.data);
    var result = document.querySelector("[data-md-component=search-result]");
    var list = result && result.querySelector(".md-search-result__list");
    if (!list) return;
    // The semantic mode sends a first answer and, when it is ready, a better one.
    result.toggleAttribute("data-search-pending", !!(message.data && message.data.pending));
    var shown = result.querySelector(".hc-search-no-answer");
    if (shown) shown.remove();
    var noAnswer = message.data && message.data.noAnswer;
    if (!noAnswer) return;
    var box = document.createElement("div");
    box.className = "hc-search-no-answer";
    box.setAttribute("data-search-no-answer", "");
    box.setAttribute("role", "status");
    var text = document.createElement("p");
    text.textContent = noAnswer.message + " ";
    var contact = document.createElement("a");
    contact.href = noAnswer.contact;
    contact.textContent = noAnswer.contact_text;
    text.appendChild(contact);
    box.appendChild(text);
    if (message.data.items.length) {
      var closest = document.createElement("p");
      closest.className = "hc-search-no-answer__closest";
      closest.textContent = noAnswer.closest;
      box.appendChild(closest);
    }
    result.insertBefore(box, list);
  }

  /* ---- What the content team learns from search ------------------------------------------------
     With analytics configured (Material's `extra.analytics`, which sets up `dataLayer`), a search the
     customer leaves without an answer, or without opening a result, is sent as an event when the
     search box loses the focus, as Material sends its own `search` event. */
  var searched = { query: "", answered: false, opened: false, sent: "" };

  function noteResult(data) {
    var box = document.querySelector("[data-md-component=search-query]");
    var query = box ? box.value.trim() : "";
    searched.opened = searched.opened && query === searched.query;
    searched.query = query;
    searched.answered = !!(data && data.items.length && !data.noAnswer);
  }

  function sendSearchEvent() {
    if (!Array.isArray(window.dataLayer) || !searched.query || searched.opened || searched.sent === searched.query)
      return;
    searched.sent = searched.query;
    var name = searched.answered ? "search_no_click" : "search_no_answer";
    (function () { window.dataLayer.push(arguments); })("event", name, { search_term: searched.query });
  }

  document.addEventListener("click", function (event) {
    if (event.target.closest(".md-search-result__list a")) searched.opened = true;
  }, true);
  document.addEventListener("focusout", function (event) {
    if (!event.target.matches("[data-md-component=search-query]")) return;
    // A click on a result takes the focus first: give it the time to count.
    setTimeout(sendSearchEvent, 300);
  });

  if (typeof Worker !== "undefined") {
    var postMessage = Worker.prototype.postMessage;
    var watched = typeof WeakSet === "function" ? new WeakSet() : null;
    Worker.prototype.postMessage = function (message) {
      // Material's setup message: from here on this worker answers searches.
      if (watched && message && message.type === 0 && !watched.has(this)) {
        watched.add(this);
        this.addEventListener("message", showNoAnswer);
      }
      return postMessage.apply(this, arguments);
    };
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
