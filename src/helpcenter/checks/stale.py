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
    """Owner to the entries reviewed more than `days` days before `today`, oldest first; owners by name.

    "Support team" and "support  Team" are one owner, named as the first entry spells it.
    """
    by_owner: dict[str, list[StaleEntry]] = {}
    names: dict[str, str] = {}
    for entry in help_center.entries:
        age = (today - entry.reviewed).days
        if age > days:
            key = " ".join(entry.owner.casefold().split())
            names.setdefault(key, entry.owner)
            by_owner.setdefault(key, []).append(StaleEntry(entry, age))
    return {
        names[key]: sorted(by_owner[key], key=lambda stale: (-stale.age_days, stale.entry.source))
        for key in sorted(by_owner)
    }
