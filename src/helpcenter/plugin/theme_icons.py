"""The icons of the Material theme, for the check of a category's `icon`."""

from __future__ import annotations

from difflib import get_close_matches
from functools import cache
from pathlib import Path

import material  # type: ignore[import-untyped]  # Material ships no type information

ICONS = Path(material.__file__).parent / "templates" / ".icons"


def icon_problem(name: str) -> str | None:
    """Why `name` (such as 'material/account-circle') is no icon of the theme, or None if it is one."""
    if (ICONS / f"{name}.svg").is_file():
        return None
    folder, _, icon = name.rpartition("/")
    close = get_close_matches(icon, _icons(folder), n=1, cutoff=0.6)
    hint = f" (did you mean '{folder}/{close[0]}'?)" if close else (
        "; see the icon search at https://squidfunk.github.io/mkdocs-material/reference/icons-emojis/"
    )
    return f"the theme has no icon '{name}'{hint}"


@cache
def _icons(folder: str) -> list[str]:
    directory = ICONS / folder
    return sorted(path.stem for path in directory.glob("*.svg")) if directory.is_dir() else []
