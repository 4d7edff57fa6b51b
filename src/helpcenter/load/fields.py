"""What a field of a content file is (name, kind, rules) and the checks of single values (ids, addresses)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property
from typing import Literal
from urllib.parse import urlsplit

from helpcenter.problems import HIDDEN_CHARACTERS

Kind = Literal[
    "text", "markdown", "date", "url", "integer", "text_list", "markdown_list", "mapping", "link_map"
]

KIND_NAMES = {
    "text": "a line of text",
    "markdown": "text (Markdown)",
    "date": "a date written as YYYY-MM-DD",
    "url": "a web address starting with https://",
    "integer": "a whole number",
    "text_list": "a list of text items, each on its own line starting with '- '",
    "markdown_list": "a list of text items, each on its own line starting with '- '",
    "mapping": "a group of fields, indented under this one",
    "link_map": "a group of 'name: address' lines, indented under this one",
}
# Characters a web address never holds as such (RFC 3986): they are written percent-encoded.
_NOT_IN_URL = re.compile(r'[\s<>"\\^`{|}\x00-\x1f\x7f-\x9f' + HIDDEN_CHARACTERS + "]")
_ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@dataclass(frozen=True)
class Field:
    """One field of a content file: its name, kind, whether it is required, and what it is for."""

    name: str
    kind: Kind
    required: bool
    description: str
    fields: tuple[Field, ...] = ()
    pattern: str | None = None
    pattern_hint: str = ""
    advice: Callable[[str], str | None] | None = None
    """For a value that does not match `pattern`: the fix for that very value, when there is one."""

    def matches(self, text: str) -> bool:
        return self.pattern is None or self._compiled.fullmatch(text) is not None

    @cached_property
    def _compiled(self) -> re.Pattern[str]:
        return re.compile(self.pattern or "")

    @cached_property
    def item(self) -> Field:
        """The field each item of a list field is read as."""
        return Field(self.name, "markdown" if self.kind == "markdown_list" else "text", True, self.description,
                     pattern=self.pattern, pattern_hint=self.pattern_hint, advice=self.advice)


def is_web_url(text: str) -> bool:
    """An absolute http(s) address with a host, and no spaces or characters that must be percent-encoded."""
    if _NOT_IN_URL.search(text):
        return False
    try:
        parts = urlsplit(text)
        host = parts.hostname or ""
    except ValueError:  # such as a '[' that does not open an IPv6 address
        return False
    return parts.scheme in ("http", "https") and "." in host and not host.startswith(".")


def is_mail_url(text: str) -> bool:
    return not _NOT_IN_URL.search(text) and bool(re.fullmatch(r"mailto:[^@\s]+@[^@\s]+\.[^@\s?]+(\?\S*)?", text))


def is_id(text: str) -> bool:
    return _ID_PATTERN.fullmatch(text) is not None


def future_date(day: date) -> bool:
    """Whether a review date is later than today, with a day's grace: the writer's day may be ahead."""
    return day > date.today() + timedelta(days=1)
