"""What an import did: the summary table, every old address and where it goes, and the notes."""

from __future__ import annotations

from helpcenter.checks.text_table import format_table
from helpcenter.importing.planned import ImportPlan
from helpcenter.importing.write import Written


def summary_table(plan: ImportPlan, written: Written) -> str:
    needs_summary = sum(1 for planned in plan.entries if not planned.values.get("summary"))
    rows = [
        ("imported", str(len(plan.entries))),
        ("categories added", str(sum(1 for category in plan.categories if category.new))),
        ("skipped drafts", str(plan.drafts)),
        ("translations imported", str(len(plan.translations))),
        ("translations outdated", str(sum(1 for translation in plan.translations if translation.outdated))),
        ("skipped draft translations", str(plan.translation_drafts)),
        ("skipped translations", str(plan.skipped_translations)),
        ("needs a summary", str(needs_summary)),
        ("pictures copied", str(len(plan.pictures))),
        ("pictures missing", str(len(plan.missing_pictures))),
        ("redirects written", str(len(written.redirects))),
        ("addresses added to the ledger", str(written.ledger_added)),
    ]
    return format_table(["WHAT", "COUNT"], rows)


def addresses_report(written: Written) -> str:
    return format_table(["OLD ADDRESS", "NEW ADDRESS"], written.redirects) if written.redirects else ""


def missing_pictures_report(plan: ImportPlan) -> str:
    return format_table(["ARTICLE", "PICTURE NOT FOUND"], plan.missing_pictures) if plan.missing_pictures else ""
