"""A small, valid content folder written by the tests, and ways to break it."""

from __future__ import annotations

from pathlib import Path

SETTINGS = """\
home:
  title: How can we help?
featured: [log-in]
contact:
  email: support@example.com
links:
  support: mailto:support@example.com
  portal: https://portal.example.com/
"""

CATEGORIES = """\
account:
  title: Account
  description: Your account.
  icon: material/account
  order: 1
billing:
  title: Billing
  description: Invoices and payments.
  icon: material/cash
  order: 2
"""

ENTRY = """\
title: How do I log in?
summary: Use your e-mail address and password on the login page.
category: account
reviewed: 2026-01-05
owner: Support team
answer: |
  Open the login page.
  If it fails, [contact us](link:support).
"""


def write_content(root: Path, entries: dict[str, str] | None = None, settings: str = SETTINGS,
                  categories: str = CATEGORIES) -> Path:
    """Write faq_data/ under `root`; `entries` maps 'category/id' to the file's text."""
    data = root / "faq_data"
    (data / "entries").mkdir(parents=True, exist_ok=True)
    (data / "settings.yml").write_text(settings, encoding="utf-8")
    (data / "categories.yml").write_text(categories, encoding="utf-8")
    for name, text in (entries if entries is not None else {"account/log-in": ENTRY}).items():
        path = data / "entries" / f"{name}.yml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return data
