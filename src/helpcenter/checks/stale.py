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


def stale_report(by_owner: dict[str, list[StaleEntry]], days: int) -> str:
    """The stale entries under each owner, then their number."""
    lines = []
    for owner, entries in by_owner.items():
        lines.append(f"{owner} ({len(entries)} entr{'ies' if len(entries) != 1 else 'y'}):")
        for stale_entry in entries:
            entry = stale_entry.entry
            lines.append(f"  {entry.source}: reviewed {entry.reviewed.isoformat()}, {stale_entry.age_days} days ago: "
                         f"{entry.title}")
    total = sum(len(entries) for entries in by_owner.values())
    lines.append(f"{total} entr{'ies' if total != 1 else 'y'} not reviewed for more than {days} days.")
    return "\n".join(lines)
