"""Theme blocks rendered once per build and reused on every page outside the navigation.

Entry and category pages are not in the navigation, so the theme's tabs, footer, scripts and
its JSON app settings come out the same on each of them, given the path back to the site's root
(`base_url`). Rendering those blocks once, instead of once per page, takes about a third off the
time the theme needs for each of thousands of entry pages. Pages in the navigation (home,
contact) mark their own item as active, so they are always rendered in full.
"""

from __future__ import annotations

from typing import Any, Callable

import jinja2


class SharedBlocks:
    """`helpcenter_shared(name)` in a template: `{% call helpcenter_shared("tabs") %}{{ super() }}{% endcall %}`."""

    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled
        self._rendered: dict[tuple[Any, ...], str] = {}
        # A page asks for a dozen blocks in a row: what decides about sharing is worked out once per page.
        self._page: object = None
        self._page_key: tuple[Any, ...] | None = None

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

    def _key(self, context: jinja2.runtime.Context, page: Any) -> tuple[Any, ...] | None:
        """What the shared blocks depend on for this page, or None if its blocks are its own."""
        nav = context.get("nav")
        if not self.enabled or page is None or nav is None or page in nav.pages:
            return None
        return (context.get("base_url"), tuple((page.meta or {}).get("hide") or ()))
