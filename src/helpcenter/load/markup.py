"""What a Markdown field (an answer, a step, the home page's introduction) may contain.

Markdown lets an editor write raw HTML, attributes (`{ .class key=value }`) and link addresses.
Those are checked against an allow-list when the content is validated, and anything else is
refused with a message saying what to write instead; nothing is silently stripped, so what the
editor sees in the file is what the site shows.

The check looks at what Python-Markdown actually produces, with the extensions of mkdocs.yml that
let an editor write markup, so Markdown's own rules decide what is code and what is a tag, and
tokenizes that output as a browser would (`html_tokens.py`). Rendering costs about two
milliseconds, so it is only done for text that could produce markup at all: text with a `<`, a
`{`, a reference definition (`]:`), an image (`![`) or a link whose address is not a plain
one. Every other text is checked from its link addresses alone, which keeps 10,000 entries fast.
Constructs that could reach across the boundary of a field in the finished page (a tag left open,
a reference definition, an attribute list) are checked in the source as well.
"""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal, NamedTuple

import markdown
from markdown.extensions.attr_list import get_attrs_and_remainder

from helpcenter.load.html_tokens import Tag, scan_html
from helpcenter.load.links import link_targets

Context = Literal["block", "list_item"]

VALIDATION_EXTENSIONS = (
    "admonition", "attr_list", "md_in_html", "def_list", "tables", "pymdownx.details", "pymdownx.superfences",
)
"""The extensions of mkdocs.yml that change which markup an editor can produce."""
OUTPUT_ONLY_EXTENSIONS = ("toc", "pymdownx.emoji")
"""Extensions of mkdocs.yml whose markup comes from the extension itself (heading ids, emoji pictures)."""

_HEADINGS: dict[str, frozenset[str]] = {f"h{level}": frozenset() for level in range(1, 7)}
ALLOWED_TAGS: dict[str, frozenset[str]] = {
    "a": frozenset({"href"}),
    "img": frozenset({"src", "alt", "width", "height", "loading"}),
    "ol": frozenset({"start", "type", "reversed"}),
    "li": frozenset({"value"}),
    "th": frozenset({"colspan", "rowspan", "scope", "style"}),
    "td": frozenset({"colspan", "rowspan", "style"}),
    "col": frozenset({"span"}),
    "colgroup": frozenset({"span"}),
    "details": frozenset({"open"}),
    "time": frozenset({"datetime"}),
    **_HEADINGS,
    **{name: frozenset() for name in (
        "p", "br", "hr", "div", "span", "blockquote", "pre", "code", "kbd", "samp", "var",
        "strong", "b", "em", "i", "u", "s", "del", "ins", "mark", "small", "sub", "sup", "abbr", "dfn", "q",
        "ul", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "caption",
        "summary", "figure", "figcaption", "wbr",
    )},
}
"""Tags an editor may write, with the attributes each allows besides GLOBAL_ATTRIBUTES."""
GLOBAL_ATTRIBUTES = frozenset({"class", "id", "title", "lang", "dir", "role"})
"""Plus every `aria-*` attribute."""
LINK_SCHEMES = frozenset({"http", "https", "mailto", "tel", "link", "entry", "page", "category"})
MAX_FINDINGS = 100
"""Problems reported for one field before its check stops."""
_CONTROL_AND_SPACE = "".join(map(chr, range(0x21)))
_SCRIPT_SCHEMES = frozenset({"javascript", "vbscript", "livescript"})
_PICTURE_PATH = re.compile(r"(\.\./)*[A-Za-z0-9_][A-Za-z0-9_./-]*\.(png|jpe?g|gif|webp|avif|svg)", re.IGNORECASE)
_TABLE_ALIGNMENT = re.compile(r"text-align: (left|right|center);?")
_ID_VALUE = re.compile(r"[A-Za-z][A-Za-z0-9_.:-]*")

_TAG_ADVICE = {
    "script": "scripts cannot run in help-center text; describe the steps in words",
    "iframe": "to show a video, use the entry's 'video' field; to show another page, link to it with [text](https://...)",
    "frame": "link to the page instead: [text](https://...)",
    "object": "link to the file instead: [text](https://...)",
    "embed": "link to the file instead: [text](https://...)",
    "applet": "link to the file instead: [text](https://...)",
    "style": "use Markdown for formatting, or a class of the site's stylesheet with { .class } after a paragraph",
    "link": "remove it: the site's stylesheets are set in mkdocs.yml",
    "form": "link to the form instead: [text](https://...)",
    "input": "link to the form instead: [text](https://...)",
    "button": "link to the page instead: [text](https://...)",
    "textarea": "link to the form instead: [text](https://...)",
    "select": "link to the form instead: [text](https://...)",
    "base": "remove it: links are resolved by the site",
    "meta": "remove it: the page's metadata comes from the entry's fields",
    "title": "remove it: the page's title is the entry's 'title'",
    "svg": "save the picture as a file under docs/assets/ and show it with ![description](path)",
    "math": "write the formula in words or as a picture under docs/assets/",
}
_DEFAULT_TAG_ADVICE = "use Markdown, or one of the HTML tags listed under 'Content rules' in CONTENT-REFERENCE.md"


@dataclass(frozen=True)
class Finding:
    """One violation: the line it is on (counted from the text's first line) and the message."""

    line_offset: int
    message: str


class PlainLink(NamedTuple):
    """A link of a text without markup: its address, the lines before it in the text, its scheme."""

    address: str
    line_offset: int
    scheme: str
    """Lower-cased; empty for an address without one."""


def markdown_findings(text: str, context: Context = "block") -> list[Finding]:
    """Every raw HTML tag, attribute and link address in `text` that is not allowed."""
    links = plain_links(text)
    if links is not None:
        findings = link_findings(links)
        return _dedupe(findings) if findings else []
    return rendered_findings(text, context)


def plain_links(text: str) -> list[PlainLink] | None:
    """Every link of `text`, if it has no other markup and each link's address is plain; else None.

    Such a text needs no rendering to be checked (`link_findings`).
    """
    if needs_rendering(text):
        return None
    return [PlainLink(link.target, link.line_offset, link.scheme) for link in link_targets(text)]


def link_findings(links: list[PlainLink]) -> list[Finding]:
    """The links of a text without other markup whose address is not allowed."""
    findings = []
    for address, line_offset, scheme in links:
        if (scheme and scheme not in LINK_SCHEMES) or (not scheme and address and not address.startswith("#")):
            message = url_problem(address, "href")
            if message:
                findings.append(Finding(line_offset, message))
    return findings


def rendered_findings(text: str, context: Context = "block") -> list[Finding]:
    """The findings for `text` from what Markdown makes of it: the thorough path of `markdown_findings`."""
    source_lines = _SourceLines(text)
    findings = _unclosed_findings(text)
    if findings:
        return findings  # the rest of the text would be read as part of the tag
    converter = _converter()
    converter.reset()
    rendered = converter.convert(_in_context(text, context))
    scan = scan_html(rendered)
    for _offset, snippet in scan.markup[:MAX_FINDINGS]:
        findings.append(Finding(_line_containing(source_lines, [snippet[:4]]), (
            f"'{snippet}' is not allowed: HTML comments and declarations are not supported; remove it"
        )))
    for tag in scan.tags:
        if len(findings) >= MAX_FINDINGS:
            break
        findings.extend(_tag_findings(tag, source_lines))
    for link, _title in converter.references.values():
        message = url_problem(link, "href")
        if message and len(findings) < MAX_FINDINGS:
            findings.append(Finding(_line_containing(source_lines, [link]), message))
    findings.extend(_attribute_list_findings(source_lines.lines, findings))
    if len(findings) >= MAX_FINDINGS:
        # Finding the line of each problem reads the text again: past this many, the rest waits.
        findings.append(Finding(max(finding.line_offset for finding in findings), (
            f"the check stopped after {MAX_FINDINGS} problems in this field; fix these and run it again"
        )))
    return _dedupe(findings)


_PLAIN_LINK = re.compile(r"\]\(([^\s()<>\"'`\\&{}\[\]]*)\)")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")


def needs_rendering(text: str) -> bool:
    """Whether `text` could produce any markup besides plain links: only then is it rendered to check.

    A link without a scheme is refused only where Markdown makes a link of it, which rendering tells.
    """
    if _has_markup_signs(text):
        return True
    links = _plain_links(text)
    return links is None or any(
        (address := link.group(1)) and not address.startswith("#") and not _SCHEME.match(address) for link in links
    )


def _has_markup_signs(text: str) -> bool:
    """A tag, an attribute list, a reference definition or an image."""
    return "<" in text or "{" in text or "]:" in text or "![" in text


def _plain_links(text: str) -> list[re.Match[str]] | None:
    """The `](address)` of every link, if each address is plain (no spaces, quotes, brackets or references)."""
    if "](" not in text:
        return []
    links = list(_PLAIN_LINK.finditer(text))
    return links if len(links) == text.count("](") else None


def url_problem(url: str, attribute: str) -> str | None:
    """Why `url` may not be the `href` or `src` of an element, or None if it may."""
    url = html.unescape(url)  # as a browser reads an attribute (Markdown writes an e-mail autolink so)
    scheme = url_scheme(url)
    shown = " ".join(url.split())[:60]  # a problem is one line: an address may span several in Markdown
    if scheme in _SCRIPT_SCHEMES:
        return (
            f"'{scheme}:' addresses run scripts and are not allowed; link to a page with "
            "[text](https://...), [text](entry:ID) or [text](link:NAME)"
        )
    if scheme == "data":
        return "'data:' addresses are not allowed; save the file under docs/assets/ and use its path"
    if attribute == "src":
        if scheme or not _PICTURE_PATH.fullmatch(url):
            return (
                f"pictures must be files of this site, got '{shown}'; save the picture under docs/assets/ "
                "and use its path, such as assets/pictures/login.png"
            )
        return None
    if scheme and scheme not in LINK_SCHEMES:
        return f"unsupported link '{shown}': use https://..., mailto:..., link:NAME, entry:ID or page:NAME"
    cleaned = url.strip(_CONTROL_AND_SPACE)
    if not scheme and cleaned and not cleaned.startswith("#"):
        return _address_without_scheme(cleaned, shown)
    return None


def _address_without_scheme(address: str, shown: str) -> str:
    """What to write instead of a link whose address the site would look for as one of its own files."""
    if "@" in address and "/" not in address:
        return f"'{shown}' is an e-mail address: write it as [text](mailto:{address})"
    if address.lower().startswith("www."):
        return f"'{shown}' is a web address: write it with https:// in front, [text](https://{address})"
    return (
        f"'{shown}' is not an address the site can find: link to a question with [text](entry:ID), to a page "
        "under docs/ with [text](page:NAME) (such as page:contact), or to another site with [text](https://...)"
    )


def url_scheme(url: str) -> str:
    """The scheme a browser reads from `url` (ignoring tabs, line breaks and surrounding spaces), lower-cased."""
    cleaned = url.replace("\t", "").replace("\n", "").replace("\r", "").strip(_CONTROL_AND_SPACE)
    match = _SCHEME.match(cleaned)
    return match.group(1).lower() if match else ""


def _tag_findings(tag: Tag, source_lines: _SourceLines) -> list[Finding]:
    if tag.end:
        return []
    allowed = ALLOWED_TAGS.get(tag.name)
    if allowed is None:
        advice = _TAG_ADVICE.get(tag.name, _DEFAULT_TAG_ADVICE)
        line = _line_containing(source_lines, [f"<{tag.name}"])
        return [Finding(line, f"<{tag.name}> is not allowed: {advice}")]
    findings = []
    for name, raw, value in tag.attributes:
        message = _attribute_problem(tag.name, name, value, allowed)
        if message is None and name in ("href", "src"):
            message = url_problem(raw, name) or url_problem(value, name)
        if message:
            needles = [name] if name not in ("href", "src") else [raw, value, f"<{tag.name}"]
            findings.append(Finding(_line_containing(source_lines, needles), message))
    return findings


def _attribute_problem(tag: str, name: str, value: str, allowed: frozenset[str]) -> str | None:
    if name.startswith("on"):
        return (
            f"the attribute '{name}' on <{tag}> is not allowed: event handlers run scripts; remove it "
            "(links and formatting need no script)"
        )
    if name == "style" and not (tag in ("th", "td") and _TABLE_ALIGNMENT.fullmatch(value)):
        return (
            "the attribute 'style' is not allowed: use Markdown formatting, or a class of the site's "
            "stylesheet with { .class }"
        )
    if name == "id" and not _ID_VALUE.fullmatch(value):
        return f"the id '{value[:40]}' is not allowed: an id starts with a letter and uses letters, digits and '-'"
    if name in allowed or name in GLOBAL_ATTRIBUTES or name.startswith("aria-"):
        return None
    if name.startswith("data-"):
        return f"the attribute '{name}' is not allowed: data-* attributes can drive the site's scripts; remove it"
    listed = ", ".join(sorted(allowed | GLOBAL_ATTRIBUTES)) + ", aria-*"
    return f"the attribute '{name}' is not allowed on <{tag}>; allowed: {listed}"


def _unclosed_findings(text: str) -> list[Finding]:
    scan = scan_html(text)
    if scan.unclosed is None:
        return []
    snippet = text[scan.unclosed : scan.unclosed + 20].split("\n")[0]
    return [Finding(text.count("\n", 0, scan.unclosed), (
        f"'{snippet}' starts an HTML tag that is never closed with '>'; "
        "to write a '<' sign, put a space after it or write &lt;"
    ))]


_NEVER_ALLOWED = frozenset({"style", "srcdoc", "formaction", "action", "srcset", "xlink:href"})


def _attribute_list_findings(source_lines: list[str], found: list[Finding]) -> list[Finding]:
    """Attribute lists (`{ key=value }`) in the source, wherever they would end up in the page.

    The rendered text shows the attribute lists that apply within the field; this also catches one
    that applies only once the field stands in its page (after the template's own markup).
    """
    findings: list[Finding] = []
    for offset, line in enumerate(source_lines):
        for content in _attribute_lists(line):
            if len(found) + len(findings) >= MAX_FINDINGS:
                return findings
            attributes, _ = get_attrs_and_remainder(content)
            for name, value in attributes:
                name = name.lower()
                if any(finding.line_offset == offset and f"'{name}'" in finding.message for finding in found):
                    continue
                message = None
                if name.startswith(("on", "data-")) or name in _NEVER_ALLOWED:
                    message = f"the attribute '{name}' is not allowed in {{ ... }}: remove it"
                elif name in ("href", "src") and value:
                    message = url_problem(value, name)
                if message:
                    findings.append(Finding(offset, message))
    return findings


def _attribute_lists(line: str) -> Iterator[str]:
    """What stands between the braces of each `{...}` (or `{:...}`) of a line, as `\\{:?([^}]*)\\}` finds them.

    Written out because that expression, tried at each `{` of a line without a `}`, reads the rest
    of the line each time.
    """
    position = 0
    while (start := line.find("{", position)) >= 0:
        end = line.find("}", start)
        if end < 0:
            return
        yield line[start + 2 if line.startswith("{:", start) else start + 1 : end]
        position = end + 1


class _SourceLines:
    """The lines of a text, lower-cased once for `_line_containing`, which is asked for every finding."""

    def __init__(self, text: str) -> None:
        self.lines = text.split("\n")
        self.lowered = text.lower()
        self._starts: list[int] | None = None
        self._decoded: list[str] | None = None

    def line_of(self, position: int) -> int:
        if self._starts is None:
            self._starts = [0]
            self._starts.extend(match.end() for match in re.finditer("\n", self.lowered))
        return bisect.bisect_right(self._starts, position) - 1

    def decoded(self) -> list[str]:
        if self._decoded is None:
            self._decoded = [html.unescape(line).lower() for line in self.lines]
        return self._decoded


def _line_containing(source_lines: _SourceLines, needles: Iterable[str]) -> int:
    """The first line holding one of `needles` (as written, or with character references decoded)."""
    wanted = [needle.lower() for needle in needles if needle and needle.strip()]
    # A line never holds a line break, so a needle with one is found only once decoded.
    found = [source_lines.lowered.find(needle) for needle in wanted if "\n" not in needle]
    if any(position >= 0 for position in found):
        return source_lines.line_of(min(position for position in found if position >= 0))
    for offset, text in enumerate(source_lines.decoded()):
        if any(needle in text for needle in wanted):
            return offset
    return 0


def _in_context(text: str, context: Context) -> str:
    if context == "list_item":
        return "1.  " + text.replace("\n", "\n    ")
    return text


def _dedupe(findings: list[Finding]) -> list[Finding]:
    return sorted(set(findings), key=lambda finding: (finding.line_offset, finding.message))


@lru_cache(maxsize=1)
def _converter() -> markdown.Markdown:
    return markdown.Markdown(extensions=list(VALIDATION_EXTENSIONS))
