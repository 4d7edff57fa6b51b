/* Video facades: load the player only when the customer presses play. */
document.addEventListener("click", function (event) {
  var link = event.target.closest(".hc-video__link");
  if (!link) return;
  var facade = link.closest(".hc-video");
  event.preventDefault();
  var frame = document.createElement("iframe");
  frame.src = facade.dataset.embed;
  frame.title = link.getAttribute("aria-label") || "Video";
  frame.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
  frame.allowFullscreen = true;
  frame.referrerPolicy = "strict-origin-when-cross-origin";
  facade.replaceChildren(frame);
  frame.focus();
});

/* The home page's search box opens the site search with what the customer typed. */
document.addEventListener("input", function (event) {
  if (!event.target.matches(".hc-search-box input")) return;
  var query = document.querySelector("[data-md-component=search-query]");
  var toggle = document.getElementById("__search");
  if (!query || !toggle) return;
  toggle.checked = true;
  query.value = event.target.value;
  event.target.value = "";
  query.focus();
  query.dispatchEvent(new Event("input", { bubbles: true }));
  query.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
});
