"""The ledger of published URLs: an address the help center once published never silently disappears.

The ledger is a committed text file, one site path per line (`/account/change-password/`). A path
in the ledger that the content no longer publishes, as a page or as a redirect, is a problem: the
entry that replaces it must list it in `redirect_from`, or the ledger is updated on purpose with
`helpcenter ledger --update`. New paths that are not in the ledger yet are only noted.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from helpcenter.load.localized import in_language
from helpcenter.load.site_addresses import handwritten_urls
from helpcenter.load.yaml_file import read_text
from helpcenter.model import HelpCenter
from helpcenter.problems import Problem
from helpcenter.render.addresses import page_path

LEDGER_FILE = "published-urls.txt"
HEADER = """\
# Every address the help center has published, one site path per line. `helpcenter check` and the
# build fail when one of them is no longer published. Keep old addresses alive with `redirect_from`
# in the entry that replaces them; to retire an address on purpose, or to record new ones, run
# `helpcenter ledger --update` and commit this file. See CONTRIBUTING.md.
"""
UPDATE_HINT = "run 'helpcenter ledger --update' and commit published-urls.txt"


@dataclass(frozen=True)
class Ledger:
    """The ledger file as read: each path with the line it stands on."""

    path: str
    lines: dict[str, int]


def read_ledger(file: Path, shown: str, inside: Path | None = None) -> tuple[Ledger | None, list[Problem]]:
    """The ledger, or the problems that stop it being read (a missing file, a malformed line).

    It is read as a content file is: with `inside`, a link out of that folder, a device or a pipe is
    refused unread.
    """
    if not os.path.lexists(file):
        return None, [Problem(shown, 0, "", f"missing: the ledger of published addresses is required; {UPDATE_HINT}")]
    text, problems = read_text(file, shown, inside)
    if text is None:
        return None, problems
    lines: dict[str, int] = {}
    for number, raw in enumerate(text.splitlines(), 1):
        text = raw.strip()
        if not text or text.startswith("#"):
            continue
        if not text.startswith("/") or any(character.isspace() for character in text):
            problems.append(Problem(shown, number, "", (
                f"expected a site path starting with '/', such as /account/change-password/, got '{text}'"
            )))
            continue
        lines.setdefault(text, number)
    return Ledger(shown, lines), problems


def published_urls(help_center: HelpCenter, docs_dir: Path) -> dict[str, str]:
    """Every site path the help center publishes, in every language, with what publishes it (for messages)."""
    urls = {"/": "the home page"}
    urls.update(handwritten_urls(docs_dir))
    for view in (help_center, *(in_language(help_center, language) for language in help_center.languages[1:])):
        in_words = f" in '{view.language}'" if view.language else ""
        urls[f"/{view.language}/" if view.language else "/"] = "the home page" + in_words
        for category in view.categories:
            urls["/" + category.url] = f"the category '{category.id}'" + in_words
        for entry in view.entries:
            urls["/" + entry.url] = entry.source
        for name, source in view.translations[view.language].pages.items() if view.language else ():
            urls["/" + page_path(view.page_uri(name))] = source
        for category in view.categories:
            for old_url in category.redirect_from:
                urls["/" + old_url] = f"a redirect to the category '{category.id}'" + in_words
        for entry in view.entries:
            for old_url in entry.redirect_from:
                urls["/" + old_url] = f"a redirect in {entry.source}"
    return urls


def vanished_url_problems(ledger: Ledger, published: dict[str, str], help_center: HelpCenter) -> list[Problem]:
    """One problem per ledger path that nothing publishes any more, with the fix."""
    problems = []
    for url, line in ledger.lines.items():
        if url not in published:
            problems.append(Problem(ledger.path, line, "", _vanished_message(url, help_center)))
    return problems


def new_urls(ledger: Ledger, published: dict[str, str]) -> list[str]:
    return sorted(url for url in published if url not in ledger.lines)


def render_ledger(urls: set[str] | dict[str, str]) -> str:
    return HEADER + "".join(f"{url}\n" for url in sorted(urls))


def update_ledger(file: Path, published: dict[str, str], inside: Path | None = None) -> tuple[list[str], list[str]]:
    """Rewrite the ledger to exactly the published paths; return the paths added and removed.

    The new ledger takes the place of whatever stood at `file`: a symbolic link is replaced by the file,
    never written through (it could lead anywhere).
    """
    ledger, _ = read_ledger(file, file.name, inside)
    before = set(ledger.lines) if ledger else set()
    descriptor, replacement = tempfile.mkstemp(prefix=f".{file.name}.", dir=file.parent)
    with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
        stream.write(render_ledger(published))
    os.chmod(replacement, 0o644)
    os.replace(replacement, file)
    return sorted(set(published) - before), sorted(before - set(published))


def _vanished_message(url: str, help_center: HelpCenter) -> str:
    old = url.lstrip("/")
    moved = [entry for entry in help_center.entries if url.rstrip("/").rsplit("/", 1)[-1] == entry.id]
    if moved and old.count("/") == 2:
        entry = moved[0]
        fix = f"add '{old}' to redirect_from in {entry.source} (the entry's new address is /{entry.url})"
    elif old.count("/") == 1:
        # A category's page: its visitors belong on the renamed category's page, not on one question.
        fix = f"add '{old}' to redirect_from of the category that replaces it, in faq_data/categories.yml"
    else:
        fix = f"add '{old}' to redirect_from in the entry that replaces it"
    return (
        f"{url} is no longer published (an entry or category was renamed, moved or deleted): "
        f"{fix}, or, to retire the address on purpose, {UPDATE_HINT}"
    )
