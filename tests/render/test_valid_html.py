"""Valid pages: the Nu HTML Checker finds no error on any built page."""

from __future__ import annotations

from pathlib import Path

from a11y_support import nu_errors


def test_the_nu_html_checker_finds_no_errors(built_site: Path) -> None:
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 5
    errors = nu_errors(pages)
    report = "\n".join(
        f"{error.get('url', '').rpartition('/site/')[2]}:{error.get('lastLine')}: {error['message']}"
        for error in errors
    )
    assert errors == [], report
