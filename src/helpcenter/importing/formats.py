"""The export formats `helpcenter import` reads, by name."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from helpcenter.importing.csv_export import read_csv
from helpcenter.importing.freshdesk import read_freshdesk
from helpcenter.importing.intercom import read_intercom
from helpcenter.importing.source import Export
from helpcenter.importing.zendesk import read_zendesk

READERS: dict[str, Callable[[Path, Path], Export]] = {
    "zendesk": read_zendesk,
    "intercom": read_intercom,
    "freshdesk": read_freshdesk,
    "csv": read_csv,
}
