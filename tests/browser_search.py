"""Searching a built site as a customer does, for the browser tests: type into the search box, read the results."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

from playwright.sync_api import Browser, Page

# Counts the queries Material sends to its search worker and the results that come back, so a test
# reads the result list only once it shows the answer to the last thing typed.
COUNT_SEARCHES = """
(() => {
  window.__queries = 0;
  window.__results = 0;
  const send = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message, ...rest) {
    if (message && message.type === 2) window.__queries++;
    return send.call(this, message, ...rest);
  };
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", (event) => {
        if (event.data && event.data.type === 3) window.__results++;
      });
    }
  };
})();
"""
SEARCH_INPUT = "[data-md-component=search-query]"
FIRST_RESULT = ".md-search-result__list > .md-search-result__item:first-child a"


def wait_for_results(page: Page) -> None:
    page.wait_for_function("window.__queries > 0 && window.__results >= window.__queries")
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")


def search(page: Page, query: str) -> list[str]:
    """Types `query` into the header's search box; returns the result pages' addresses, best first."""
    if not page.is_visible(SEARCH_INPUT):
        page.click("label.md-search__icon[for=__search], label.md-header__button[for=__search]")
    box = page.locator(SEARCH_INPUT)
    box.fill("")
    page.evaluate("() => { window.__queries = 0; window.__results = 0; }")
    box.press_sequentially(query)
    wait_for_results(page)
    hrefs = page.eval_on_selector_all(
        ".md-search-result__list > .md-search-result__item > a", "links => links.map(a => a.href)"
    )
    return [urljoin(href, urlsplit(href).path) for href in hrefs]  # without ?h= (highlighting) or #section


def wait_until_search_is_ready(page: Page) -> None:
    page.wait_for_function(
        "document.querySelector('.md-search-result__meta').textContent.trim() !== 'Initializing search'"
    )


def open_search_page(browser: Browser, url: str) -> Page:
    """A page whose search has started: the search box was focused once, as a customer does."""
    page = browser.new_page()
    page.add_init_script(COUNT_SEARCHES)
    page.goto(url)
    page.focus(SEARCH_INPUT)
    wait_until_search_is_ready(page)
    return page


