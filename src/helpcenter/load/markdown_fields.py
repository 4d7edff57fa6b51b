"""The checks on the Markdown of a file's fields: the markup policy, and where each link leads."""

from __future__ import annotations

from typing import NamedTuple

from helpcenter.load.fields import is_mail_url, is_web_url
from helpcenter.load.links import link_targets
from helpcenter.load.markup import Context, markdown_findings
from helpcenter.problems import Problem


class NamedLink(NamedTuple):
    """A link such as [text](entry:ID) or [text](link:NAME) in a Markdown field, and where it is."""

    scheme: str
    name: str
    field: str
    line: int


def check_markdown(
    path: str,
    markdown: dict[str, str],
    text_lines: dict[str, int],
    problems: list[Problem],
    named_links: list[NamedLink] | None = None,
) -> None:
    """The raw HTML, attributes and link addresses in the file's Markdown that the site does not allow.

    With `named_links`, where links lead is checked too: a web or e-mail address must be well
    formed, and a link to an entry or a shared link is added to `named_links`, to be checked once
    every file is read. (Other schemes are refused by the markup policy.)
    """
    for field, text in markdown.items():
        first_line = text_lines[field]
        context: Context = "list_item" if field.startswith("steps[") else "block"
        problems.extend(
            Problem(path, first_line + finding.line_offset, field, finding.message)
            for finding in markdown_findings(text, context)
        )
        if named_links is None:
            continue
        for link in link_targets(text):
            line, address, scheme = first_line + link.line_offset, link.target, link.scheme
            if scheme in ("link", "entry"):
                named_links.append(NamedLink(scheme, address[len(scheme) + 1:], field, line))
            elif scheme in ("https", "http") and not is_web_url(address):
                problems.append(Problem(path, line, field, f"malformed web address '{address}'"))
            elif scheme == "mailto" and not is_mail_url(address):
                problems.append(Problem(path, line, field, f"malformed e-mail link '{address}'"))
