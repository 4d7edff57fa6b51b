"""The old addresses of an imported article or group, as `redirect_from` takes them."""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

_REDIRECTABLE = re.compile(r"[a-z0-9_-]+(/[a-z0-9_-]+)*")


def slug_and_bare(url: str, item_id: str) -> tuple[str, ...]:
    """For an address ending in `/{id}-{slug}`: that path (lower-case, when it can be a site path) and the bare
    `/{id}` form, each as `redirect_from` writes them ('hc/en-us/articles/123/'); none for another address."""
    path = unquote(urlsplit(url).path).strip("/").lower()
    head, _, last = path.rpartition("/")
    if not last.startswith(item_id) or last[len(item_id):len(item_id) + 1] not in ("", "-"):
        return ()
    bare = f"{head}/{item_id}" if head else item_id
    found = [path] if path != bare and _REDIRECTABLE.fullmatch(path) else []
    if _REDIRECTABLE.fullmatch(bare):
        found.append(bare)
    return tuple(f"{old}/" for old in found)
