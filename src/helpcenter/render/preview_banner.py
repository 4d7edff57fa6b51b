"""The box at the top of every page of a preview while the content has problems or the last rebuild failed."""

from __future__ import annotations

import html
from collections.abc import Sequence

from helpcenter.problems import Problem, printable

BANNER_CLASS = "hc-preview-problems"
# Styled inline: the box exists only in a preview, so the published stylesheet knows nothing of it.
_BOX_STYLE = (
    "display:block;position:relative;z-index:10;max-height:45vh;overflow:auto;margin:0;padding:.8rem 1.2rem;"
    "background:#fff4e5;color:#3d1f00;border-bottom:4px solid #b3261e;font:0.8rem/1.5 system-ui,sans-serif"
)
_CODE_STYLE = "font-size:0.75rem;background:#ffffff;color:#3d1f00;padding:0 .2em;overflow-wrap:anywhere"
_CODE_ATTRIBUTES = f' style="{_CODE_STYLE}"'


def preview_banner(problems: Sequence[Problem], failure: str | None = None) -> str:
    """The box as HTML, or an empty string when there is nothing to show.

    `failure` is why the last rebuild failed (the preview then shows the site as it was before the
    change); `problems` are the content's, each with its file, line, field and what to do.
    """
    if not problems and not failure:
        return ""
    parts = [f'<aside class="{BANNER_CLASS}" role="alert" aria-label="Problems found by the preview" '
             f'style="{_BOX_STYLE}">']
    if failure:
        parts.append("<p><strong>The last change could not be built.</strong> This preview still shows the "
                     "site as it was before it. Fix this and save the file again:</p>")
        parts.append(f'<pre style="{_CODE_STYLE};white-space:pre-wrap">{_text(failure)}</pre>')
    if problems:
        count, they = (f"{len(problems)} problems", "they are") if len(problems) != 1 else ("1 problem", "it is")
        parts.append(f"<p><strong>{count} in the help-center content.</strong> The build refuses the content "
                     f"until {they} fixed; here, each entry with a problem is shown as a draft.</p>")
        parts.append("<ul>")
        parts.extend(f"<li>{_problem(problem, _CODE_ATTRIBUTES)}</li>" for problem in problems)
        parts.append("</ul>")
    parts.append("</aside>")
    return "\n".join(parts)


def draft_notice(problems: Sequence[Problem]) -> str:
    """The box on a draft entry's page: what keeps it from being published."""
    items = "".join(f"<li>{_problem(problem)}</li>" for problem in problems)
    return (f'<div class="admonition warning hc-draft" role="note"><p class="admonition-title">Draft: not published '
            f"until these are fixed:</p><ul>{items}</ul></div>")


def _problem(problem: Problem, code_attributes: str = "") -> str:
    where = f"{problem.path}:{problem.line}" if problem.line else problem.path
    field = f" <strong>{_text(problem.field)}</strong>:" if problem.field else ""
    return f"<code{code_attributes}>{_text(where)}</code>{field} {_text(problem.message)}"


def _text(text: str) -> str:
    return html.escape(printable(text), quote=True)
