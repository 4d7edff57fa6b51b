"""The README's table of plugin options names every option of the plugin, and only those."""

from __future__ import annotations

import re

from conftest import ROOT
from helpcenter.plugin.hooks import HelpCenterConfig


def test_the_readme_documents_every_plugin_option() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    table = text.split("## Plugin options", 1)[1].split("\n## ", 1)[0]
    documented = {
        name for row in table.splitlines() if row.startswith("| `")
        for name in re.findall(r"`([a-z_]+)`", row.split("|")[1])
    }
    options = {name for name, _ in HelpCenterConfig._schema}
    assert documented == options
