"""A spreadsheet of questions and answers imported into the tests' help center."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml
from import_support import fill_in_what_the_team_writes, run_cli

from conftest import copy_project, run_build

SPREADSHEET = '''\
Question,Answer,Category,Summary,Tags,Phrasings,Video
How do I change my e-mail address?,"Open **Profile** and edit the address.

We send a confirmation to the new address.",Account,Change it under Profile.,e-mail; profile,\
"Update my email;New e-mail address",
How do I pay by bank transfer?,"<p>Choose <b>Bank transfer</b> at checkout.</p><ol><li>Copy the reference.</li>\
<li>Pay within 14 days.</li></ol>",Payments,,billing,,https://youtu.be/dQw4w9WgXcQ
Can I get a refund?,Yes: within 30 days [contact us](link:support).,Payments,Within 30 days.,,,
'''


def test_a_spreadsheet_becomes_entries_that_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    path = tmp_path / "faq.csv"
    path.write_text(SPREADSHEET, encoding="utf-8-sig")
    result = run_cli(project, "import", "csv", str(path), "--owner", "Support team", "--reviewed", "2026-01-10")
    assert result.exit_code == 0, result.output
    entries = project / "faq_data" / "entries"
    email = yaml.safe_load((entries / "account" / "change-e-mail-address.yml").read_text(encoding="utf-8"))
    assert email["summary"] == "Change it under Profile."
    assert email["owner"] == "Support team"
    assert str(email["reviewed"]) == "2026-01-10"
    assert email["tags"] == ["e-mail", "profile"]
    assert email["also_asked"] == ["Update my email", "New e-mail address"]
    assert email["answer"] == "Open **Profile** and edit the address.\n\nWe send a confirmation to the new address."
    transfer = yaml.safe_load((entries / "payments" / "pay-by-bank-transfer.yml").read_text(encoding="utf-8"))
    assert transfer["answer"] == "Choose **Bank transfer** at checkout."
    assert transfer["steps"] == ["Copy the reference.", "Pay within 14 days."]
    assert transfer["video"]["url"] == "https://youtu.be/dQw4w9WgXcQ"
    categories = yaml.safe_load((project / "faq_data" / "categories.yml").read_text(encoding="utf-8"))
    assert categories["payments"]["title"] == "Payments"
    assert "account-2" not in categories, "the existing category 'Account' is joined, not made again"
    assert re.search(r"^needs a summary +1$", result.output, re.MULTILINE), result.output
    checked = run_cli(project, "check")
    assert checked.exit_code == 1
    assert "payments/pay-by-bank-transfer.yml:4: summary: required, but empty" in checked.output
    assert "categories.yml" in checked.output and "payments.description" in checked.output
    done = tmp_path / "done"
    shutil.copytree(project, done)
    fill_in_what_the_team_writes(done)
    categories_file = done / "faq_data" / "categories.yml"
    categories_file.write_text(categories_file.read_text(encoding="utf-8").replace(
        "  description:\n", "  description: Paying and refunds.\n"), encoding="utf-8")
    checked = run_cli(done, "check")
    assert checked.exit_code == 0, checked.output
    built = run_build(done)
    assert built.returncode == 0, built.stderr
