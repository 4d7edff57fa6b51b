"""The search benchmark reads the site's search box as a customer sees it: results, "no result", "no answer"."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from browser_support import served_site  # noqa: F401 - fixture
from conftest import FIXTURE
from helpcenter.load.help_center import load_help_center
from search_browser import search_page

HELP_CENTER = load_help_center(FIXTURE / "faq_data", FIXTURE)


@pytest.mark.browser
def test_the_benchmark_reads_results_no_result_and_no_answer(served_site: str) -> None:  # noqa: F811 - fixture
    change_password = urlsplit(served_site + HELP_CENTER.entry("change-password").url).path
    with search_page(served_site, HELP_CENTER.entry("reset-2fa").url) as box:
        found = box.search("pasword")
        assert found.paths[0] == change_password
        assert not found.no_answer and not found.timed_out
        nothing = box.search("zzqxv")
        assert nothing.paths == () and nothing.no_answer and not nothing.timed_out
        again = box.search("forgot my pasword")  # the same first result as two queries ago is read anew
        assert again.paths[0] == change_password and not again.timed_out
        box.page.evaluate("""() => {
            const marker = document.createElement("p");
            marker.hidden = true;
            marker.setAttribute("data-search-no-answer", "");
            document.querySelector(".md-search-result").append(marker);
        }""")
        assert not box.search("pasword").no_answer  # a hidden "no answer" element is not shown
        box.page.evaluate("() => { document.querySelector('[data-search-no-answer]').hidden = false; }")
        admitted = box.search("pasword")
        assert admitted.paths[0] == change_password and admitted.no_answer
