"""Entries whose answer has not been reviewed for too long, grouped by the owner who should review them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from helpcenter.model import Entry, HelpCenter


@dataclass(frozen=True)
class StaleEntry:
    entry: Entry
    age_days: int
    """Days since the entry's `reviewed` date."""


def stale_entries(help_center: HelpCenter, days: int, today: date) -> dict[str, list[StaleEntry]]:
    """Owner to the entries reviewed more than `days` days before `today`, oldest first; owners by name."""
    by_owner: dict[str, list[StaleEntry]] = {}
    for entry in help_center.entries:
        age = (today - entry.reviewed).days
        if age > days:
            by_owner.setdefault(entry.owner, []).append(StaleEntry(entry, age))
    return {
        owner: sorted(by_owner[owner], key=lambda stale: (-stale.age_days, stale.entry.source))
        for owner in sorted(by_owner, key=str.casefold)
    }
