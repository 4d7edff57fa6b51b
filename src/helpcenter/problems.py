"""Content problems: one format for every mistake an editor can make."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import get_close_matches
from pathlib import Path

HIDDEN_CHARACTERS = "\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff"
"""Invisible and direction-changing characters (for a regular expression's character class): no address holds
them, as they make it look like another."""
# Control characters (ESC, BEL, CR, line breaks...), the marks that reverse the direction of text and
# invisible ones: printed as they are, text from a file could move the terminal's cursor or forge a
# problem line, and a message about an invisible character would not show it.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029" + HIDDEN_CHARACTERS + "]")


def printable(text: str) -> str:
    """The text with every control, direction or invisible character written as an escape, such as `\\x1b`."""
    return _UNPRINTABLE.sub(lambda match: f"\\u{ord(match.group()):04x}" if ord(match.group()) > 0xFF
                            else f"\\x{ord(match.group()):02x}", text)


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in one file, printed as `path:line: field: message`."""

    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        text = f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        return printable(text)


class ContentError(Exception):
    """Raised once, with every problem found in every file."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        lines = [str(problem) for problem in self.problems]
        lines.append(f"{count} problem{'s' if count != 1 else ''} found in the help-center content.")
        return "\n".join(lines)


def shown_path(path: Path, root: Path) -> str:
    """A file's path as problems name it: relative to the project's root, or whole when outside it."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A hint such as ` (did you mean 'category'?)`, or an empty string when nothing is close."""
    matches = get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{matches[0]}'?)" if matches else ""
