"""Every probe of an untrusted pull request or a hostile environment, run on a copy of the project.

Each probe changes a copy of the tests' help center (with the project's theme and assets) the way an
attacker or an unlucky operator would, then runs `helpcenter check` and `mkdocs build --strict`, as the
pull-request workflow does. Both must refuse, naming the path or the field, without a traceback,
without printing the secret or the text of what a link leads to, within a time limit, and leave the
site folder exactly as it was. The external-link probe (a server that drips its answer) is in
tests/checks/test_link_deadlines.py.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import copy_project
from helpcenter.plugin import atomic_site

HELPCENTER = str(Path(sys.executable).with_name("helpcenter"))
SECRET = "ci-token-5f0c1d8e-never-print-me"
"""In the environment of every command run here: /proc/self/environ holds it."""
PASSWD = re.compile(r"root:[^:\n]*:0:0:")
"""The first line of /etc/passwd, and of the test's own stand-in for it."""
TIME_LIMIT = 120
"""Seconds a command may take; a hang or quadratic work on a probe runs into it."""
ENTRY = "faq_data/entries/account/change-password.yml"
OTHER_ENTRY = "faq_data/entries/account/new-device-login-email.yml"
SETTINGS = "faq_data/settings.yml"
CATEGORIES = "faq_data/categories.yml"
LEDGER = "published-urls.txt"
LINK_TARGETS = ["/proc/self/environ", "/etc/passwd", "/dev/zero", "/dev/urandom", "outside secret",
                "relative outside secret"]
"""What a symbolic link leads to: the last two, a file beside the project holding the secret."""


@dataclass(frozen=True)
class Probe:
    plant: Callable[[Path], None]
    """Changes the project copy."""
    says: str
    """What the check's and the build's messages hold: the path or field, and the rule."""


def _read(project: Path, name: str) -> str:
    return (project / name).read_text(encoding="utf-8")


def _write(project: Path, name: str, text: str) -> None:
    (project / name).parent.mkdir(parents=True, exist_ok=True)
    (project / name).write_text(text, encoding="utf-8")


def _replace(name: str, old: str, new: str) -> Callable[[Path], None]:
    def plant(project: Path) -> None:
        text = _read(project, name)
        assert old in text, (name, old)
        _write(project, name, text.replace(old, new, 1))
    return plant


def _append(name: str, text: str) -> Callable[[Path], None]:
    def plant(project: Path) -> None:
        _write(project, name, _read(project, name).rstrip("\n") + "\n" + text)
    return plant


def _link(name: str, target: str) -> Callable[[Path], None]:
    """A symbolic link at `name` (replacing what is there) to one of LINK_TARGETS."""
    def plant(project: Path) -> None:
        path = project / name
        if path.is_file() or path.is_symlink():
            path.unlink()
        path.parent.mkdir(parents=True, exist_ok=True)
        if target.endswith("outside secret"):
            outside = project.parent / "outside" / "secret.txt"
            outside.parent.mkdir(exist_ok=True)
            outside.write_text(f"root:x:0:0:{SECRET}\n", encoding="utf-8")
            path.symlink_to(os.path.relpath(outside, path.parent) if target.startswith("relative") else outside)
        else:
            path.symlink_to(target)
    return plant


def _pipe(name: str) -> Callable[[Path], None]:
    def plant(project: Path) -> None:
        path = project / name
        if path.exists():
            path.unlink()
        os.mkfifo(path)
    return plant


def _entry_file(name: str, text: str | None = None) -> Callable[[Path], None]:
    """An entry file of the account category named `name` (a copy of an existing entry by default)."""
    def plant(project: Path) -> None:
        (project / "faq_data/entries/account" / name).write_text(
            text if text is not None else _read(project, ENTRY), encoding="utf-8")
    return plant


def _answer(text: str) -> Callable[[Path], None]:
    indented = "\n".join("  " + line if line else "" for line in text.split("\n"))
    return _replace(ENTRY, "answer: |\n", f"answer: |\n{indented}\n")


def _all(*plants: Callable[[Path], None]) -> Callable[[Path], None]:
    def plant(project: Path) -> None:
        for each in plants:
            each(project)
    return plant


def _linked_files() -> dict[str, Probe]:
    """Every place the build reads or copies from, linked to every target."""
    places = {
        "docs": ("docs/assets/env.txt", "docs/assets/env.txt: a symbolic link to outside the repository"),
        "overrides": ("overrides/partials/leak.html",
                      "overrides/partials/leak.html: a symbolic link to outside the repository"),
        "picture": ("docs/assets/videos/reset-2fa.svg",
                    "docs/assets/videos/reset-2fa.svg: a symbolic link to outside the repository"),
        "entry": ("faq_data/entries/account/leak.yml",
                  "faq_data/entries/account/leak.yml: a symbolic link to a file outside the repository"),
        "settings": (SETTINGS, f"{SETTINGS}: a symbolic link to a file outside the repository"),
        "ledger": (LEDGER, f"{LEDGER}: a symbolic link to a file outside the repository"),
    }
    probes = {
        f"{place} link to {target}": Probe(_link(name, target), says)
        for place, (name, says) in places.items() for target in LINK_TARGETS
    }
    for target in ["/etc", "/proc/self", "/dev", "outside folder"]:
        probes[f"category folder link to {target}"] = Probe(
            _category_folder_link(target),
            "faq_data/entries/billing: a symbolic link to a folder is not read",
        )
    for target in ["/proc/self/environ", "/etc/passwd", "/dev/zero"]:
        probes[f"category folder name linked to {target}"] = Probe(
            _link("faq_data/entries/billing", target), "faq_data/entries/billing: not an entry"
        )
    probes["docs folder link to /etc"] = Probe(
        lambda project: (project / "docs/assets/system").symlink_to("/etc", target_is_directory=True),
        "docs/assets/system: a symbolic link to outside the repository",
    )
    return probes


def _category_folder_link(target: str) -> Callable[[Path], None]:
    def plant(project: Path) -> None:
        if target == "outside folder":
            outside = project.parent / "outside-folder"
            outside.mkdir()
            (outside / "stolen.yml").write_text(f"title: root:x:0:0:{SECRET}\n", encoding="utf-8")
            destination = str(outside)
        else:
            destination = target
        (project / "faq_data/entries/billing").symlink_to(destination, target_is_directory=True)
    return plant


def _pipes() -> dict[str, Probe]:
    return {
        "pipe in docs": Probe(_pipe("docs/assets/pipe.css"), "docs/assets/pipe.css: not a regular file"),
        "pipe in overrides": Probe(_pipe("overrides/partials/pipe.html"),
                                   "overrides/partials/pipe.html: not a regular file"),
        "pipe as a picture": Probe(_pipe("docs/assets/videos/reset-2fa.svg"),
                                   "docs/assets/videos/reset-2fa.svg: not a regular file"),
        "pipe as an entry": Probe(_pipe("faq_data/entries/account/pipe.yml"),
                                  "faq_data/entries/account/pipe.yml: not a regular file"),
        "pipe as the settings": Probe(_pipe(SETTINGS), f"{SETTINGS}: not a regular file"),
        "pipe as the categories": Probe(_pipe(CATEGORIES), f"{CATEGORIES}: not a regular file"),
        "pipe as the ledger": Probe(_pipe(LEDGER), f"{LEDGER}: not a regular file"),
    }


EVIL = "faq_data/entries/account/evil"
ID_RULE = "the file name is the entry's id and its address"
INVISIBLE = {"zero-width space": "\u200b", "right-to-left override": "\u202e", "byte order mark": "\ufeff",
             "soft hyphen": "\u00ad"}
"""Invisible characters by name: a soft hyphen is refused in addresses and kept in titles, for the languages that
hyphenate with it."""
CONTROL = {"ESC": ("\\e[2J\\e[31m", "\\x1b[2J\\x1b[31m", "U+001B"), "BEL": ("\\a", "\\x07", "U+0007"),
           "CR": ("\\rfaq_data/forged.yml:1: ok", "\\x0dfaq_data/forged.yml:1: ok", "U+000D")}
"""Control characters by name: as written in a YAML double-quoted string, as a problem message shows them, and
their number."""


def _hidden_text() -> dict[str, Probe]:
    """Ids, addresses, titles and keys that are not what they seem."""
    probes = {
        "an id ending in a line break": Probe(_entry_file("evil\n.yml"), f"{EVIL}\\x0a.yml: {ID_RULE}"),
        "an id ending in a carriage return": Probe(_entry_file("evil\r.yml"), f"{EVIL}\\x0d.yml: {ID_RULE}"),
        "an id ending in two line breaks": Probe(_entry_file("evil\n\n.yml"), f"{EVIL}\\x0a\\x0a.yml: {ID_RULE}"),
        "an id ending in a line separator": Probe(_entry_file("evil\u2028.yml"), f"{EVIL}\\u2028.yml: {ID_RULE}"),
        "a hidden Bcc in the support address": Probe(
            _replace(SETTINGS, "email: support@example.com", "email: a@b.example?bcc=attacker%40evil.example"),
            f"{SETTINGS}:13: contact.email: expected an e-mail address"),
        "a hidden Cc in the support address": Probe(
            _replace(SETTINGS, "email: support@example.com", "email: support@example.com&cc=x@evil.example"),
            f"{SETTINGS}:13: contact.email: expected an e-mail address"),
        "a subject in the support address": Probe(
            _replace(SETTINGS, "email: support@example.com", "email: 'support@example.com?subject=Hi'"),
            f"{SETTINGS}:13: contact.email: expected an e-mail address"),
    }
    for label, character in INVISIBLE.items():
        number = f"U+{ord(character):04X}"
        shown = f"\\u{ord(character):04x}" if ord(character) > 0xFF else f"\\x{ord(character):02x}"
        probes[f"{label} in an id"] = Probe(_entry_file(f"change{character}password.yml"),
                                            f"faq_data/entries/account/change{shown}password.yml: {ID_RULE}")
        probes[f"{label} in an old address"] = Probe(
            _append(ENTRY, f"redirect_from: ['account/old{character}page/']\n"), f"{ENTRY}:16: redirect_from[1]: ")
        probes[f"{label} in a shared link"] = Probe(
            _replace(SETTINGS, "https://time.example.com/", f"https://time.exam{character}ple.com/"),
            f"{SETTINGS}:18: links.time-checker: ")
        probes[f"{label} in the support address"] = Probe(
            _replace(SETTINGS, "email: support@example.com", f"email: supp{character}ort@example.com"),
            f"{SETTINGS}:13: contact.email: ")
        probes[f"{label} in a link target"] = Probe(
            _answer(f"See [the guide](https://example.com/gu{character}ide)."),
            f"{ENTRY}:8: answer: malformed web address 'https://example.com/gu{shown}ide'" if character == "\u00ad"
            else f"{ENTRY}:7: answer: contains the invisible character {number}")
        if character != "\u00ad":  # a soft hyphen is a language's own mark in a title
            probes[f"{label} in a title"] = Probe(
                _replace(ENTRY, "title: How do I change", f"title: How do I{character} change"),
                f"{ENTRY}:2: title: contains the invisible character {number}")
            probes[f"{label} in a category title"] = Probe(
                _replace(CATEGORIES, "title: Account and login", f"title: Account{character} and login"),
                f"{CATEGORIES}:9: account.title: contains the invisible character {number}")
    for label, (escape, shown, number) in CONTROL.items():
        probes[f"{label} in a key"] = Probe(_append(ENTRY, f'"own{escape}er": someone\n'),
                                            f"{ENTRY}:16: own{shown}er: unknown field")
        probes[f"{label} in a title"] = Probe(
            _replace(ENTRY, "title: How do I change my password?", f'title: "How do I change{escape} my password?"'),
            f"{ENTRY}:2: title: contains the control character {number}")
        probes[f"{label} in a category key"] = Probe(_append(CATEGORIES, f'"bill{escape}ing":\n  title: B\n'),
                                                     f"{CATEGORIES}:13: bill{shown}ing: a category id uses")
        probes[f"{label} in an old address"] = Probe(
            _append(ENTRY, f'redirect_from: ["account/o{escape}ld/"]\n'),
            f"{ENTRY}:16: redirect_from[1]: contains the control character {number}")
    for label, character in {"ESC": "\x1b", "BEL": "\x07"}.items():
        probes[f"raw {label} in a file"] = Probe(
            _replace(ENTRY, "title: How do I change", f"title: How do I{character}[31m change"),
            f"{ENTRY}:2: the file contains the control character {CONTROL[label][2]}")
    probes["ESC in a ledger line"] = Probe(_append(LEDGER, "/account/gone\x1b[2J/\n"),
                                           f"{LEDGER}:13: /account/gone\\x1b[2J/ is no longer published")
    probes["BEL in a ledger line"] = Probe(_append(LEDGER, "/account/gone\x07/\n"),
                                           f"{LEDGER}:13: /account/gone\\x07/ is no longer published")
    probes["CR in a ledger line"] = Probe(_append(LEDGER, "/account/gone\rfaq_data/forged.yml:1: ok/\n"),
                                          f"{LEDGER}:14: expected a site path starting with '/'")
    probes["raw CR in a title"] = Probe(_replace(ENTRY, "title: How do I change", "title: How do I\rchange"),
                                        f"{ENTRY}:4: invalid YAML")
    return probes


def _costly_shapes() -> dict[str, Probe]:
    """Input whose checking or building took more than linear time, at the sizes that took seconds and at sizes
    near the file limit (1 MB): each is refused at once."""
    probes: dict[str, Probe] = {}
    paragraph = f"{ENTRY}:8: answer: this paragraph"
    for count in (8_000, 16_000):
        probes[f"{count:,} open brackets"] = Probe(_answer("[" * count), paragraph)
        probes[f"{count:,} open brackets on lines, then a reference definition"] = Probe(
            _answer("[an open bracket\n" * (count // 16) + "\n[guide]: https://example.com/guide"), paragraph)
    probes["8,000 open brackets in each of 100 paragraphs"] = Probe(_answer("\n\n".join(["[" * 8_000] * 100)),
                                                                    f"{paragraph} has 8,000 '[' without a ']'")
    probes["brackets nested 4,000 deep"] = Probe(_answer("[" * 4_000 + "a" + "]" * 4_000),
                                                 f"{ENTRY}:8: answer: brackets '[' nest more than 20 deep")
    probes["an open link 2,000 times"] = Probe(_answer("[a](" * 2_000), f"{paragraph} has 2,000 '(' without a ')'")
    probes["lists nested 2,000 deep"] = Probe(_answer("- " * 2_000 + "a"), f"{ENTRY}:8: answer: lists and quotes")
    probes["quotes nested 2,000 deep"] = Probe(_answer("> " * 2_000 + "a"), f"{ENTRY}:8: answer: lists and quotes")
    probes["a line of 600,000 characters"] = Probe(_answer("word " * 120_000), f"{ENTRY}:8: answer: this paragraph")
    probes["tags that never end"] = Probe(_answer("<a " * 100_000), f"{ENTRY}:8: answer")
    probes["a file over the limit"] = Probe(_answer("word " * 210_000), f"{ENTRY}: the file is")
    for digits in (4_301, 100_000):
        probes[f"an order of {digits:,} digits"] = Probe(
            _replace(CATEGORIES, "order: 1", "order: " + "9" * digits),
            f"{CATEGORIES}:7: two-factor.order: expected a whole number of at most 9 digits")
    probes["an order of ten digits"] = Probe(_replace(CATEGORIES, "order: 1", "order: 1000000000"),
                                             f"{CATEGORIES}:7: two-factor.order")
    probes["an order of 1e400"] = Probe(_replace(CATEGORIES, "order: 1", "order: 1e400"),
                                        f"{CATEGORIES}:7: two-factor.order")
    return probes


def _collisions() -> dict[str, Probe]:
    """Two things of the site at one address, and ids repeated where each may stand once."""
    contact = "the address of the hand-written page docs/contact.md"
    return {
        "a category named contact": Probe(_replace(CATEGORIES, "account:", "contact:"),
                                          f"contact: the category's address /contact/ is {contact}"),
        "a category named assets": Probe(_replace(CATEGORIES, "account:", "assets:"),
                                         "assets: the category's address /assets/ is the address of the site's"),
        "a category named search": Probe(_replace(CATEGORIES, "account:", "search:"),
                                         "search: the category's address /search/ is the address of the site's"),
        "a doubled slash against a single one": Probe(
            _all(_append(ENTRY, "redirect_from: ['account/old//page/']\n"),
                 _append(OTHER_ENTRY, "redirect_from: [account/old/page/]\n")),
            f"{ENTRY}:16: redirect_from[1]: expected a site path without the domain"),
        "one old address in two entries": Probe(
            _all(_append(ENTRY, "redirect_from: [account/old-page/]\n"),
                 _append(OTHER_ENTRY, "redirect_from: [account/old-page/]\n")),
            f"{OTHER_ENTRY}:30: redirect_from: 'account/old-page/' is already the address of {ENTRY}"),
        "an old address that is the entry's own": Probe(
            _append(ENTRY, "redirect_from: [account/change-password/]\n"),
            f"{ENTRY}:16: redirect_from: 'account/change-password/' is this entry's own address"),
        "an old address that is another entry's": Probe(
            _append(ENTRY, "redirect_from: [two-factor/reset-2fa/]\n"),
            f"{ENTRY}:16: redirect_from: 'two-factor/reset-2fa/' is already the address of "
            "faq_data/entries/two-factor/reset-2fa.yml"),
        "an old address that is a category's": Probe(
            _append(ENTRY, "redirect_from: [two-factor/]\n"),
            f"{ENTRY}:16: redirect_from: 'two-factor/' is already the address of the category 'two-factor'"),
        "an old address that is a hand-written page": Probe(
            _append(ENTRY, "redirect_from: [contact/]\n"),
            f"{ENTRY}:16: redirect_from: 'contact/' is already {contact}"),
        "an old address inside the assets": Probe(_append(ENTRY, "redirect_from: [assets/javascripts/]\n"),
                                                  f"{ENTRY}:16: redirect_from: 'assets/javascripts/' is inside"),
        "an old address that is the search index": Probe(_append(ENTRY, "redirect_from: [search/]\n"),
                                                         f"{ENTRY}:16: redirect_from: 'search/' is inside"),
        "an entry called index": Probe(_entry_file("index.yml"),
                                       "faq_data/entries/account/index.yml:1: 'index' is the name of the category's"),
        "an entry at a hand-written page's address": Probe(
            _all(_entry_file("faq.yml"), lambda project: _write(project, "docs/account/faq.md", "# FAQ\n")),
            "faq_data/entries/account/faq.yml:1: /account/faq/ is the address of the hand-written page"),
        "a repeated related id": Probe(_append(ENTRY, "related: [reset-2fa, incorrect-2fa, reset-2fa]\n"),
                                       f"{ENTRY}:16: related: 'reset-2fa' is listed twice"),
        "a repeated featured id": Probe(_replace(SETTINGS, "  - reset-2fa\n", "  - reset-2fa\n  - reset-2fa\n"),
                                        f"{SETTINGS}:7: featured: 'reset-2fa' is listed twice"),
        "a repeated old address": Probe(_append(ENTRY, "redirect_from: [account/old/, account/old/]\n"),
                                        f"{ENTRY}:16: redirect_from: 'account/old/' is listed twice"),
    }


PROBES: dict[str, Probe] = {**_linked_files(), **_pipes(), **_hidden_text(), **_costly_shapes(), **_collisions()}


@pytest.fixture(scope="module")
def environment() -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "HELPCENTER_PROBE_TOKEN": SECRET}


def _snapshot(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def _refused(commands: list[list[str]], project: Path, environment: dict[str, str]) -> list[str]:
    """What each command printed, run side by side; each must end within the time limit, refusing."""
    running = [subprocess.Popen(command, cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=environment)
               for command in commands]
    outputs = []
    try:
        for command, process in zip(commands, running, strict=True):
            try:
                printed, _ = process.communicate(timeout=TIME_LIMIT)
            except subprocess.TimeoutExpired:
                pytest.fail(f"{' '.join(command)} ran longer than {TIME_LIMIT} s")
            output = printed.decode("utf-8", errors="backslashreplace")
            assert process.returncode == 1, output
            outputs.append(output)
    finally:
        for process in running:
            if process.poll() is None:
                process.kill()
                process.wait()
    return outputs


@pytest.mark.parametrize("name", PROBES)
def test_a_probe_is_refused_by_the_check_and_the_build(tmp_path: Path, environment: dict[str, str], name: str) -> None:
    probe = PROBES[name]
    project = copy_project(tmp_path / "project")
    site = project / "site"
    site.mkdir()
    (site / "index.html").write_text("<p>The site as it was.</p>\n", encoding="utf-8")
    before = _snapshot(site)
    probe.plant(project)
    for output in _refused([[HELPCENTER, "check"], [sys.executable, "-m", "mkdocs", "build", "--strict"]], project,
                           environment):
        assert probe.says in output, output
        assert "Traceback" not in output, output
        assert SECRET not in output and not PASSWD.search(output), output
        assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f]", output), repr(output)
    assert _snapshot(site) == before
    assert atomic_site.leftovers(site) == []
