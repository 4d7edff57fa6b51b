"""The theme's page frame and blocks, rendered once per build for the pages outside the navigation.

Entry and category pages are not in the navigation, so everything the theme puts around their
own parts (head, header, tabs, sidebar, footer, scripts, its JSON app settings) comes out the same
on each of them, given the template, the path back to the site's root (`base_url`), the
page's `hide` list and the names in its front matter. For each such combination the first page's template is rendered once with a
marker in place of each block of `PAGE_BLOCKS`; every page is then that frame with its own blocks
rendered in place, by Jinja, with the same variables the full template would give them. That
takes most of the theme's time off each of thousands of entry pages. Pages in the navigation
(home, contact) mark their own item as active, so they are always rendered in full.

A template that shows something of the page outside those blocks (a customised footer naming
the page, say) would print the first page's on every page: so the frame is made again from the
second page of each kind and must come out the same, or every page of that kind is rendered in
full (and the build says so). What differs only on some pages (a script added for entries with a
video) is caught by making the frame again for every 50th page of a kind (about 0.5 % of the
build): a difference then is a warning, as earlier pages may be wrong, which stops a strict build
before anything is published.

Inside the page's blocks, `helpcenter_shared(name)` keeps a stretch that names nothing of the
page to one rendering per build: `{% call helpcenter_shared("header-start") %}...{% endcall %}`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Callable, Iterator

import jinja2

PAGE_BLOCKS = ("site_meta", "htmltitle", "extrahead", "skip", "header", "content")
"""The theme blocks that show the page (title, description, links, its content): rendered for each
page. Any other part of a template that uses the page must move into one of them."""


def page_blocks(theme_features: list[str]) -> tuple[str, ...]:
    """Without `toc.integrate` the sidebar holds the page's table of contents: it is the page's too."""
    return PAGE_BLOCKS if "toc.integrate" in theme_features else (*PAGE_BLOCKS, "site_nav")


_MARK = "\x00helpcenter-page-block\x00"  # cannot occur in a template's output: NUL is refused everywhere

log = logging.getLogger("mkdocs.plugins.helpcenter")

BlockFunction = Callable[[jinja2.runtime.Context], Iterator[str]]


@dataclass(frozen=True)
class PageFrame:
    """A template's output cut at its page blocks: texts[0], block 0, texts[1], ..., texts[-1]."""

    texts: list[str]
    calls: list[tuple[str, dict[str, Any]]]  # each page block in order, with the template's variables then
    blocks: dict[str, list[BlockFunction]]  # the template's blocks, most derived first, for super()

    def render(self, template: jinja2.Template, variables: dict[str, Any]) -> str:
        context = template.new_context(variables)
        context.blocks = self.blocks
        output = [self.texts[0]]
        for (name, template_vars), text in zip(self.calls, self.texts[1:]):
            context.vars = dict(template_vars)
            output.extend(self.blocks[name][0](context))
            output.append(text)
        return "".join(output)

    def same_as(self, other: PageFrame) -> bool:
        return self.texts == other.texts and self.calls == other.calls


def page_frame(template: jinja2.Template, variables: dict[str, Any], names: tuple[str, ...]) -> PageFrame | None:
    """Renders `template` for one page with markers for its blocks `names`; None if the output hides one."""
    context = template.new_context(variables)
    calls: list[tuple[str, dict[str, Any]]] = []

    def marker(name: str) -> BlockFunction:
        def mark(context: jinja2.runtime.Context) -> Iterator[str]:
            calls.append((name, dict(context.vars)))
            yield _MARK
        return mark

    markers = {name: marker(name) for name in names}
    for name, mark in markers.items():
        context.blocks.setdefault(name, []).insert(0, mark)
    texts = template.environment.concat(template.root_render_func(context)).split(_MARK)  # type: ignore[attr-defined]
    if len(texts) != len(calls) + 1:  # a block's output was tested or filtered, not printed
        return None
    blocks = {
        name: [block for block in functions if block is not markers.get(name)]
        for name, functions in context.blocks.items()
    }
    return PageFrame(texts, calls, blocks)


class SharedBlocks:
    """The frames and shared stretches of one build; `template_class()` renders the pages through them."""

    def __init__(self, enabled: bool = True, names: tuple[str, ...] = PAGE_BLOCKS, check_every: int = 50) -> None:
        self.enabled = enabled
        self.names = names
        self.check_every = check_every
        self._framed: dict[tuple[Any, ...], int] = {}
        self._rendered: dict[tuple[Any, ...], str] = {}
        self._frames: dict[tuple[Any, ...], PageFrame | None] = {}
        self._unchecked: dict[tuple[Any, ...], PageFrame] = {}
        # A page asks for several stretches in a row: what decides about sharing is worked out once per page.
        self._page: object = None
        self._page_key: tuple[Any, ...] | None = None

    def template_class(self) -> type[jinja2.Template]:
        """Jinja's Template, rendering a page outside the navigation as its frame and its page blocks."""
        shared = self

        class FramedTemplate(jinja2.Template):
            def render(self, *args: Any, **kwargs: Any) -> str:
                variables = dict(*args, **kwargs)
                try:
                    html = shared.render_page(self, variables)
                except Exception:
                    self.environment.handle_exception()
                return super().render(variables) if html is None else html

        return FramedTemplate

    def render_page(self, template: jinja2.Template, variables: dict[str, Any]) -> str | None:
        """The page from its template's frame, or None when it has no frame (it is rendered in full)."""
        page = variables.get("page")
        # Kept for the page's `helpcenter_shared` stretches, which would work the same key out again.
        self._page, self._page_key = page, self._key(variables, page)
        if self._page_key is None:
            return None
        key = (template.name, *self._page_key)
        if key not in self._frames:
            frame = page_frame(template, variables, self.names)
            self._check(key, frame)
        else:
            frame = self._frames[key]
            self._framed[key] = framed = self._framed.get(key, 0) + 1
            if frame is not None and framed % self.check_every == 0:
                frame = self._check_again(key, frame, template, variables)
        return None if frame is None else frame.render(template, variables)

    def _check_again(
        self, key: tuple[Any, ...], frame: PageFrame, template: jinja2.Template, variables: dict[str, Any]
    ) -> PageFrame | None:
        """Every `check_every`-th page of a kind, its own frame must still be the same."""
        own = page_frame(template, variables, self.names)
        if own is not None and own.same_as(frame):
            return frame
        self._frames[key] = None
        page = variables.get("page")
        log.warning(
            "%s shows something of the page outside its page blocks (%s): it differs on %s from the "
            "first pages of its kind, so pages built before it may show another page's. Move it into "
            "one of those blocks (README: when you customise a template), or set share_theme_blocks: "
            "false; the rest of these pages are rendered in full",
            key[0], ", ".join(self.names), getattr(getattr(page, "file", None), "src_uri", page),
        )
        return own

    def _check(self, key: tuple[Any, ...], frame: PageFrame | None) -> None:
        """A frame is exact for the page it comes from; the next page of its kind must give the same one."""
        if frame is None:
            self._frames[key] = None
            return
        if key not in self._unchecked:
            self._unchecked[key] = frame
            return
        first = self._unchecked.pop(key)
        self._frames[key] = frame if frame.same_as(first) else None
        if self._frames[key] is None:
            log.info(
                "%s shows something of the page outside its page blocks (%s): each page is rendered in full",
                key[0], ", ".join(self.names),
            )

    @jinja2.pass_context
    def render(self, context: jinja2.runtime.Context, name: str, caller: Callable[[], str]) -> str:
        page = context.get("page")
        if page is not self._page:
            self._page, self._page_key = page, self._key(context, page)
        if self._page_key is None:
            return caller()
        key = (name, *self._page_key)
        if key not in self._rendered:
            self._rendered[key] = caller()
        return self._rendered[key]

    def _key(self, context: jinja2.runtime.Context | dict[str, Any], page: Any) -> tuple[Any, ...] | None:
        """What the shared parts depend on for this page, or None if all of it is its own."""
        nav = context.get("nav")
        if not self.enabled or page is None or nav is None or page in nav.pages:
            return None
        meta = page.meta or {}
        return (context.get("base_url"), tuple(meta.get("hide") or ()), tuple(sorted(meta)))
