"""Facts written once in settings.yml, shown in the hand-written pages: `{{ contact.email }}`, `{{ contact.hours }}`.

A hand-written page such as docs/contact.md names the support address and hours where they stand;
writing them there a second time would let the page and the rest of the site disagree.
"""

from __future__ import annotations

import re

from helpcenter.model import Contact

_VALUE = re.compile(r"\{\{\s*contact\.(email|hours)\s*\}\}")


def with_site_values(markdown: str, contact: Contact) -> str:
    """The page's Markdown with each `{{ contact.email }}` and `{{ contact.hours }}` replaced by its value."""
    if "{{" not in markdown:
        return markdown
    values = {"email": contact.email, "hours": contact.hours or ""}
    return _VALUE.sub(lambda match: values[match.group(1)], markdown)
